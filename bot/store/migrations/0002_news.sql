-- The news pipeline: feeds, what each feed has shown us, stories across feeds,
-- what we learned about each season, and the outbox of deliveries.

CREATE TABLE feeds (
    id               INTEGER PRIMARY KEY,
    url              TEXT    NOT NULL UNIQUE,
    title            TEXT,
    -- Shared feeds (data/feeds.toml) serve every guild; others only their subscribers.
    shared           INTEGER NOT NULL DEFAULT 0,
    etag             TEXT,
    last_modified    TEXT,
    body_hash        TEXT,
    -- The first successful poll records everything and announces nothing.
    primed           INTEGER NOT NULL DEFAULT 0,
    failures         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    last_success_at  TEXT,
    last_attempt_at  TEXT,
    next_poll_at     TEXT,
    disabled_reason  TEXT,
    disabled_at      TEXT,
    created_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE guild_feeds (
    guild_id  INTEGER NOT NULL,
    feed_id   INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    include   TEXT    NOT NULL DEFAULT '',
    exclude   TEXT    NOT NULL DEFAULT '',
    added_by  INTEGER,
    added_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (guild_id, feed_id)
);
CREATE INDEX guild_feeds_by_feed ON guild_feeds (feed_id);

-- One story, however many outlets carry it.
CREATE TABLE stories (
    id             INTEGER PRIMARY KEY,
    fingerprint    TEXT    NOT NULL UNIQUE,
    url            TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    first_seen_at  TEXT    NOT NULL
);

-- Seen keys per feed (never a date watermark), with the verdict /feeds why explains.
CREATE TABLE articles (
    feed_id        INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    key            TEXT    NOT NULL,
    url            TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    summary        TEXT    NOT NULL DEFAULT '',
    published      TEXT,
    story_id       INTEGER REFERENCES stories (id),
    verdict        TEXT    NOT NULL,
    rule           TEXT    NOT NULL DEFAULT '',
    first_seen_at  TEXT    NOT NULL,
    PRIMARY KEY (feed_id, key)
);
CREATE INDEX articles_by_url ON articles (url);

-- What the feeds taught us about each season; kind says whether it changed anything.
CREATE TABLE status_events (
    id            INTEGER PRIMARY KEY,
    show_slug     TEXT    NOT NULL,
    season        INTEGER NOT NULL,
    milestone     TEXT    NOT NULL,
    certainty     INTEGER NOT NULL,
    event_date    TEXT,
    kind          TEXT    NOT NULL,
    source_url    TEXT    NOT NULL,
    source_title  TEXT    NOT NULL,
    feed_id       INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
    story_id      INTEGER REFERENCES stories (id),
    rule          TEXT    NOT NULL DEFAULT '',
    seen_at       TEXT    NOT NULL
);
CREATE INDEX status_events_by_season ON status_events (show_slug, season);

-- The outbox: written in the same transaction as the change, drained by the announcer.
CREATE TABLE deliveries (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    channel_id  INTEGER NOT NULL,
    dedupe_key  TEXT    NOT NULL,
    event_id    INTEGER REFERENCES status_events (id),
    story_id    INTEGER REFERENCES stories (id),
    payload     TEXT    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    not_before  TEXT,
    message_id  INTEGER,
    last_error  TEXT,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    sent_at     TEXT,
    UNIQUE (guild_id, dedupe_key)
);
CREATE INDEX deliveries_pending ON deliveries (state, id);

-- Things moderators must hear about once (a feed disabled, a channel we lost).
CREATE TABLE notices (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    dedupe_key  TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (guild_id, dedupe_key)
);

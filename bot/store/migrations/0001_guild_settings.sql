-- Per-guild moderator settings. Absent row = defaults.
CREATE TABLE guild_settings (
    guild_id        INTEGER PRIMARY KEY,
    channel_id      INTEGER,
    role_id         INTEGER,
    mode            TEXT    NOT NULL DEFAULT 'changes' CHECK (mode IN ('changes', 'all')),
    spoilers        TEXT    NOT NULL DEFAULT 'private' CHECK (spoilers IN ('private', 'channel')),
    threads         INTEGER NOT NULL DEFAULT 0 CHECK (threads IN (0, 1)),
    show_slug       TEXT,
    -- Set when Discord refuses our posts (403/404); cleared by /setup channel.
    disabled_reason TEXT,
    disabled_at     TEXT,
    updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- /setup card: the one status card the bot keeps up to date in a guild. message_id NULL
-- means none is known yet: not posted, or posted by a process killed before it recorded
-- the id, so the channel's recent messages are searched for it before another is posted.
-- digest is the card as last written: it is edited only when what it shows changes.
-- problem: why Discord refused the channel (the card is stopped until /setup card again).
CREATE TABLE status_cards (
    guild_id    INTEGER PRIMARY KEY,
    channel_id  INTEGER NOT NULL,
    message_id  INTEGER,
    digest      TEXT,
    problem     TEXT,
    problem_at  TEXT
);

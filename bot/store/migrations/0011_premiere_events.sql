-- /setup events: whether the bot keeps a Discord scheduled event for each dated premiere in
-- the guild, and why Discord last refused it there (NULL: no refusal since it last worked).
ALTER TABLE guild_settings ADD COLUMN events INTEGER NOT NULL DEFAULT 0;
ALTER TABLE guild_settings ADD COLUMN events_problem TEXT;

-- The scheduled event the bot made for a season's premiere in a guild. A row is written
-- before the event is created (event_id NULL): one left so by a crash means the event may
-- exist already, so the guild's event list is searched before creating another. start_at
-- and digest are what was last written: an event is edited only when they change, and left
-- alone once it has begun.
CREATE TABLE premiere_events (
    guild_id    INTEGER NOT NULL,
    show_slug   TEXT    NOT NULL,
    season      INTEGER NOT NULL,
    event_id    INTEGER,
    start_at    TEXT,
    digest      TEXT,
    PRIMARY KEY (guild_id, show_slug, season)
) WITHOUT ROWID;

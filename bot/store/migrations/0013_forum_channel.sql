-- /setup channel with a forum: each delivery is a new forum post there, not a message.
-- forum_tag_id is the tag /setup channel chose for the posts (NULL: none), used when the
-- forum is not in the bot's cache to choose again (a guild still loading, or in an outage).
ALTER TABLE guild_settings ADD COLUMN forum INTEGER NOT NULL DEFAULT 0;
ALTER TABLE guild_settings ADD COLUMN forum_tag_id INTEGER;

-- When the bot was removed from the guild (NULL while it is there). Its settings and feeds
-- are kept for its return; meanwhile its posting is paused and feeds only it follows rest.
ALTER TABLE guild_settings ADD COLUMN departed_at TEXT;

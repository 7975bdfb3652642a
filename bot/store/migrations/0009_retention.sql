-- Retention (bot/store/retention.py) drops a story only when nothing cites it: these find
-- an event's or a post's story without reading either table whole, for the check and for
-- the foreign-key check SQLite makes as each story is deleted.
CREATE INDEX status_events_by_story ON status_events (story_id);
CREATE INDEX deliveries_by_story ON deliveries (story_id);

-- Retention (bot/store/retention.py) drops a story only when nothing cites it: these find
-- an event's or a post's story without reading either table whole, for the check and for
-- the foreign-key check SQLite makes as each story is deleted.
CREATE INDEX status_events_by_story ON status_events (story_id);
CREATE INDEX deliveries_by_story ON deliveries (story_id);

-- When a seen key was last in its feed's document (NULL: when first seen), refreshed at most
-- daily: retention keeps a key while its feed still carries it. The index finds a feed's
-- latest mark without reading the feed's rows.
ALTER TABLE articles ADD COLUMN last_seen_at TEXT;
-- A store from before this has no marks, and its feeds' documents may not change for weeks
-- (304s write nothing): each key it holds is taken as carried now, or the first prune would
-- forget keys still carried, and an entry then edited would be announced again.
UPDATE articles SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
CREATE INDEX articles_by_mark ON articles (feed_id, coalesce(last_seen_at, first_seen_at));

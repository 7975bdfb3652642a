-- Which change an article carried (its own for "change:<kind>", the recent change it
-- repeated for "repeat"), and which article queued each delivery: /feeds why can then
-- tell a guild whether it heard a change from this article or before it.
ALTER TABLE articles ADD COLUMN change_id INTEGER REFERENCES status_events (id);
ALTER TABLE deliveries ADD COLUMN feed_id INTEGER;
ALTER TABLE deliveries ADD COLUMN article_key TEXT;

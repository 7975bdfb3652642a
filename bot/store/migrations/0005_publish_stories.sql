-- Publishing a post in an Announcement channel to the servers that follow it, kept so a
-- restart resumes what it cut short and counts Discord's hourly quota where it stands:
-- 'due' until tried, then 'done' (at published_at), 'skipped' (the channel's hour was
-- used) or 'failed' (Discord refused). NULL for posts in other channels.
-- channel_id, from now on, is updated to the channel a post went to when it is sent.
ALTER TABLE deliveries ADD COLUMN publish TEXT;
ALTER TABLE deliveries ADD COLUMN published_at TEXT;
CREATE INDEX deliveries_publish ON deliveries (publish, channel_id) WHERE publish IS NOT NULL;

-- A feed's own stories, looked up for each new article: an entry it re-keys (new guids,
-- http → https permalinks) is known by its story, not announced again.
CREATE INDEX articles_by_story ON articles (story_id, feed_id) WHERE story_id IS NOT NULL;

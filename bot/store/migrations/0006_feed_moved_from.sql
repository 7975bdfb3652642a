-- The address a feed answered at before its first permanent redirect: FEEDS_FILE may still
-- list it, and a restart must find this feed there rather than add a second one.
ALTER TABLE feeds ADD COLUMN moved_from TEXT;
CREATE INDEX feeds_by_moved_from ON feeds (moved_from) WHERE moved_from IS NOT NULL;

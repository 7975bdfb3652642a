-- Who sees an event: every server when a shared feed told it (public), else only the servers
-- that follow its feed. Recorded when told: the host later listing or unlisting the feed
-- changes no past event's reach. Older events take their feed's scope now; one whose feed is
-- gone (NULL) cannot be told apart from a server's own feed's, so it is seen by none.
ALTER TABLE status_events ADD COLUMN public INTEGER NOT NULL DEFAULT 0;
UPDATE status_events SET public = 1 WHERE feed_id IN (SELECT id FROM feeds WHERE shared = 1);

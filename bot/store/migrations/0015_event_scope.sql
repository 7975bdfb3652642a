-- Who sees an event: every server when a shared feed told it (public), else only the servers
-- that follow its feed. Recorded when told: the host later listing or unlisting the feed
-- changes no past event's reach. Until now every event was every server's: an older event
-- stays public unless a server follows its feed and the feed is not shared, i.e. it is known
-- to be a server's own feed's news, which its followers keep seeing. A feed nobody follows
-- (a shared feed the host unlisted, or an own feed every server removed) or one gone (NULL)
-- cannot be told apart from a shared feed: hidden, its news would leave every server's
-- /status, card and premiere events at the upgrade.
ALTER TABLE status_events ADD COLUMN public INTEGER NOT NULL DEFAULT 0;
UPDATE status_events SET public = 1 WHERE feed_id IS NULL OR feed_id NOT IN
    (SELECT f.id FROM feeds f WHERE f.shared = 0 AND f.id IN (SELECT feed_id FROM guild_feeds));

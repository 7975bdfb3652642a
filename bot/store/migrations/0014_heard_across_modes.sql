-- A guild hears a change once, and in all-news mode a story once, whichever mode queued the
-- post that told it ("changes" keys a post by its change, "all" by its story): a post is
-- looked up by its story or its change for one guild, not among every guild's posts of it.
-- The story's index keeps story_id first: retention finds a story's posts by it.
DROP INDEX deliveries_by_story;
CREATE INDEX deliveries_by_story ON deliveries (story_id, guild_id);
-- Only posts that told a change have one: the few rows "changes" mode looks up.
CREATE INDEX deliveries_by_change ON deliveries (event_id, guild_id) WHERE event_id IS NOT NULL;

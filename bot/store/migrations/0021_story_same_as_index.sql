-- A story's other wordings, by the story they tell: deleting a story (retention) looks for
-- the rows whose same_as cites it (ON DELETE SET NULL), which without this read the whole
-- table for each story forgotten (a daily prune quadratic in stories, under the write lock).
CREATE INDEX stories_by_same_as ON stories (same_as) WHERE same_as IS NOT NULL;

-- The day a delay moved the premiere away from ("premiere on June 5 postponed"), ISO, when
-- the article named it: a delay away from the standing day takes that day, naming no new
-- one. Older events never named it (NULL): as before, a dayless delay leaves the day.
ALTER TABLE status_events ADD COLUMN moved_from TEXT;

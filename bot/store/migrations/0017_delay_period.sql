-- The month or year a delay moved the premiere to when it named no day ("delayed to June
-- 2027": '2027-06'; "pushed to 2027": '2027'). Older events never read it (NULL): as
-- before, such a delay leaves the standing day.
ALTER TABLE status_events ADD COLUMN period TEXT;

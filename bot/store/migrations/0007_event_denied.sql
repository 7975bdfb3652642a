-- A denial of a milestone's rumours and reports ("Netflix denies the filming reports"): an
-- event that withdraws claims, not one that makes them. Older rows are claims.
ALTER TABLE status_events ADD COLUMN denied INTEGER NOT NULL DEFAULT 0;

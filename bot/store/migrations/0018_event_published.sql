-- When the article that told the event was published, as its feed dates it: two premiere
-- dates told as surely, the later told from a story published before the first was told
-- (one poll's two outlets, or an older story that came late), are sources that differ, not
-- a date that moved. Older events never read it (NULL): as before.
ALTER TABLE status_events ADD COLUMN published TEXT;

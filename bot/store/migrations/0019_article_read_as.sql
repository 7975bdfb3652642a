-- The headlines an entry was read under before the one it has now (short digests, oldest
-- first; dedupe.retitled): an outlet that corrects a headline under the same guid is read
-- again, once per wording, and a headline flipping back to one read before is not.
ALTER TABLE articles ADD COLUMN read_as TEXT NOT NULL DEFAULT '';

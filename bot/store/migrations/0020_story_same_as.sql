-- Another wording of a story: a headline an outlet corrected under the same guid is told as
-- the story it corrected (pipeline: a correction's story is its entry's), and so is another
-- outlet's telling of it in the corrected words, found by this row's fingerprint.
ALTER TABLE stories ADD COLUMN same_as INTEGER REFERENCES stories (id) ON DELETE SET NULL;

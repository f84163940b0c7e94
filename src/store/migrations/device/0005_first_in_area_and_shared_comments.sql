-- Device schema 0005: the two things about a contribution only the server can decide, as
-- its sync answers last said, so the device works out the same progress as the server
-- (core/progress.h, SentItem): whether an approved suggestion was the first place in its
-- area ("first_in_area" in "yours"), and whether officers shared a rating's comment
-- ("shared_comments"). Both stay 0 for the other kinds.
ALTER TABLE contributions ADD COLUMN first_in_area INTEGER NOT NULL DEFAULT 0 CHECK (first_in_area IN (0, 1));

ALTER TABLE contributions ADD COLUMN comment_approved INTEGER NOT NULL DEFAULT 0
  CHECK (comment_approved IN (0, 1));

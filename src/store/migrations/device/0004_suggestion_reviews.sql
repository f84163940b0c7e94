-- Device schema 0004: what became of each suggestion this device sent, as the server's
-- sync answers last said ("yours"): waiting for a check, on the map, or not added and why.
-- Only suggestions have a review; for other contributions these stay ''.
ALTER TABLE contributions ADD COLUMN review TEXT NOT NULL DEFAULT ''
  CHECK (review IN ('', 'suggested', 'approved', 'rejected', 'merged'));

-- The NotAddedReason name (core/model.h) when the review is 'rejected' and an officer gave one.
ALTER TABLE contributions ADD COLUMN review_reason TEXT NOT NULL DEFAULT '';

-- The place a merged suggestion became, so "My places" can open it.
ALTER TABLE contributions ADD COLUMN merged_into TEXT NOT NULL DEFAULT '';

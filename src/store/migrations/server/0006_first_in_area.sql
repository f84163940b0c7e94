-- Server schema 0006: "the first place in a new area" (the Trailblazer badge), decided
-- once, when officers first approve a suggestion: 1 when no place approved before it lies
-- in the same ~1 km cell (core/progress.h, AreaCellOf). Set with approved_seq and never
-- cleared; the device is told it in "yours". Places approved before this file keep 0.
ALTER TABLE places ADD COLUMN first_in_area INTEGER NOT NULL DEFAULT 0 CHECK (first_in_area IN (0, 1));

-- Finding the places approved before, near a point: a band of latitude, then longitude and
-- the exact cell checked on the few rows in it. Queries repeat the WHERE so SQLite may use it.
CREATE INDEX places_approved_by_lat ON places (lat) WHERE approved_seq IS NOT NULL;

-- "The first place in a new area" (0006) looked for an approved place in the new place's
-- cell through places_approved_by_lat: a whole band of latitude across the city, with the
-- longitude of each row read from the table. A cell with no approved place read every
-- place in its band: approving 100,000 places took minutes (safespaces-bench's seeding,
-- issue 10). This column is the cell's column of the zoom-15 grid (core/progress.h,
-- kAreaCellZoom: 2^15 columns), so the index below reaches the cell's own rows by column
-- and latitude. ServerStore::FirstInArea still judges each row with AreaCellOf, and asks
-- for the columns either side too, so a rounding here never hides a place.
ALTER TABLE places ADD COLUMN area_column INTEGER
  GENERATED ALWAYS AS (CAST((lon + 180.0) / 360.0 * 32768 AS INTEGER)) VIRTUAL;
CREATE INDEX places_approved_by_area ON places (area_column, lat, lon) WHERE approved_seq IS NOT NULL;

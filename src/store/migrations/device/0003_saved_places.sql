-- Device schema 0003: places the young person saved to "My places". Private to the device:
-- never sent anywhere.
CREATE TABLE saved_places (
  place_id TEXT PRIMARY KEY NOT NULL,
  saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT, WITHOUT ROWID;

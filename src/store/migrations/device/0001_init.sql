-- Device schema 0001: the database on a young person's phone or computer (in the browser's
-- persisted storage, or a file natively). A key/value table about the device's own data;
-- the outbox and the cache of places come as their own numbered files.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

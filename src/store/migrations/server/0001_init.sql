-- Server schema 0001: the first schema. Only what every database needs from day one: a
-- small key/value table about the database itself. Places, ratings and the rest come with
-- their own issues, each as a new numbered file.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- Device schema 0002: what this device made (its contributions: ratings, suggestions and
-- withdrawals, each kept from the moment "Send" is pressed; the outbox is those still
-- waiting) and its copy of the public map (places with their inclusion profiles).
CREATE TABLE contributions (
  id      TEXT PRIMARY KEY NOT NULL,   -- the item's UUIDv7, made on the device: time-ordered
  kind    TEXT NOT NULL CHECK (kind IN ('rating', 'suggestion', 'withdrawal')),
  body    TEXT NOT NULL,               -- the item as JSON (core/codec.h)
  state   TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'sent', 'rejected')),
  message TEXT NOT NULL DEFAULT ''     -- the server's words, when it could not take the item
) STRICT, WITHOUT ROWID;

CREATE INDEX contributions_by_state ON contributions (state, id);

CREATE TABLE places (
  id   TEXT PRIMARY KEY NOT NULL,
  body TEXT NOT NULL                   -- the place and its profile as the server sent them
) STRICT, WITHOUT ROWID;

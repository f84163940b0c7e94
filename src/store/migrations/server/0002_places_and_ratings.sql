-- Server schema 0002: places, the ratings young people send, their withdrawals, and what
-- makes sync idempotent (sync_items) and pulls cheap (each place's cached profile and
-- feed entry, ordered by one change sequence). Not here: accounts, sessions, review.
-- The rules that keep this order-independent are in src/store/server_store.cpp; start
-- there. No foreign key from a rating to its place: a rating may arrive first.

-- One number that grows with every change the public feed can show. A place takes the
-- next value whenever its feed entry changes; a pull asks for "after N".
CREATE TABLE counters (
  name  TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO counters (name, value) VALUES ('change_seq', 0);

-- A place: made by a young person's suggestion (id = the suggestion's UUID; device_id,
-- why and session_id are the suggestion's) or, later, by an officer. A rowid table: the
-- cached profile and feed entry make rows too big for WITHOUT ROWID to pay.
CREATE TABLE places (
  id              TEXT PRIMARY KEY NOT NULL,
  name            TEXT NOT NULL,
  category        TEXT NOT NULL,
  lat             REAL NOT NULL,
  lon             REAL NOT NULL,
  address         TEXT NOT NULL DEFAULT '',
  opening_notes   TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL CHECK (status IN ('suggested', 'approved', 'rejected', 'merged')),
  merged_into     TEXT NOT NULL DEFAULT '',
  device_id       TEXT NOT NULL DEFAULT '',  -- the suggesting device; '' for an officer's place
  why             TEXT NOT NULL DEFAULT '',  -- "Why is it a safe space?"; never public
  session_id      TEXT NOT NULL DEFAULT '',
  first_rating_id TEXT NOT NULL DEFAULT '',  -- the suggestion's own rating
  profile         BLOB NOT NULL,             -- counts of the live ratings (server_store.cpp, ProfileBlob)
  change_seq      INTEGER NOT NULL,          -- counters.change_seq when its feed entry last changed
  approved_seq    INTEGER,                   -- set at the first approval and never cleared; NULL: never public
  feed_json       TEXT                       -- exactly what the public feed sends; NULL while never approved
) STRICT;

-- The public feed: places ever approved, in the order they changed.
CREATE INDEX places_feed ON places (change_seq) WHERE approved_seq IS NOT NULL;

-- A rating is an immutable event; withdrawing it sets `withdrawn` and clears its comment.
-- Answers are packed: scales one byte per Scale (0 = skipped), facilities one byte per
-- Facility (core::Answer's value), both in IndexOf order.
CREATE TABLE ratings (
  id          TEXT PRIMARY KEY NOT NULL,
  place_id    TEXT NOT NULL,
  device_id   TEXT NOT NULL,
  scales      BLOB NOT NULL,
  facilities  BLOB NOT NULL,
  comment     TEXT NOT NULL DEFAULT '',
  visit_month TEXT NOT NULL,
  session_id  TEXT NOT NULL DEFAULT '',
  withdrawn   INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1))
) STRICT, WITHOUT ROWID;

CREATE INDEX ratings_by_place ON ratings (place_id);

-- "Please take back what I sent": kept for ever as a tombstone, so it also applies to a
-- target that arrives after it, and only when the target came from the same device.
CREATE TABLE withdrawals (
  id        TEXT PRIMARY KEY NOT NULL,
  device_id TEXT NOT NULL,
  target_id TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX withdrawals_by_target ON withdrawals (target_id, device_id);

-- Every item id ever accepted (a suggestion's first rating too): a second copy of one is
-- "already accepted" and changes nothing. Rejected items are not kept, so a device may
-- send a corrected item with the same id.
CREATE TABLE sync_items (
  id          TEXT PRIMARY KEY NOT NULL,
  device_id   TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('rating', 'suggestion', 'withdrawal')),
  accepted_at INTEGER NOT NULL  -- unix seconds
) STRICT, WITHOUT ROWID;

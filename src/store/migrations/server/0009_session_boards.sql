-- Server schema 0009: what a co-production session's board and summary need
-- (store/session_board.h). A per-session version that grows with every change a board
-- can show, so a board polling every second is told "unchanged" cheaply; the order in
-- which contributions were kept in their session (newest first on the board); the items a
-- facilitator hid from the board; and the officers' queue of things to look at again.

-- Bumped by a join, a leave, a change of state, a contribution kept in the session, a
-- withdrawal of one, an officer's decision about a place in it, and a hide.
ALTER TABLE co_sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- co_sessions.version when the member joined (again): members are listed in the order
-- they joined, which joined_at (whole seconds) cannot tell within a second.
ALTER TABLE session_members ADD COLUMN joined_seq INTEGER NOT NULL DEFAULT 0;

-- co_sessions.version just after a rating or suggestion was kept in its session; 0 with
-- no session. Unique within a session, so the board is newest first by it.
ALTER TABLE ratings ADD COLUMN session_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE places ADD COLUMN session_seq INTEGER NOT NULL DEFAULT 0;

-- A session's contributions. Most ratings and places have no session, so both indexes
-- leave those out; queries repeat "session_id <> ''" so that SQLite may use them.
CREATE INDEX ratings_by_session ON ratings (session_id, session_seq) WHERE session_id <> '';
CREATE INDEX places_by_session ON places (session_id, session_seq) WHERE session_id <> '';

-- "My sessions", newest first, for a youth worker; an officer reads them all.
CREATE INDEX co_sessions_by_creator ON co_sessions (created_by, created_at);
CREATE INDEX co_sessions_by_start ON co_sessions (created_at);

-- Items a facilitator took off the board. They stay stored (and an officer looks at them,
-- see review_flags); the board and the summary leave them out and count them.
CREATE TABLE session_hidden (
  session_id TEXT NOT NULL REFERENCES co_sessions (id) ON DELETE CASCADE,
  item_id    TEXT NOT NULL,                  -- a rating's or a suggestion's id
  item_kind  TEXT NOT NULL CHECK (item_kind IN ('rating', 'suggestion')),
  hidden_by  TEXT NOT NULL,                  -- staff id
  hidden_at  INTEGER NOT NULL,               -- unix seconds
  PRIMARY KEY (session_id, item_id)
) STRICT, WITHOUT ROWID;

-- The officers' queue: young people's items that someone or something asked an officer to
-- look at again. General on purpose: a facilitator's hide writes 'hidden_in_session'; text
-- screening will add its own flags. Never shown to young people.
CREATE TABLE review_flags (
  id          INTEGER PRIMARY KEY,           -- in the order flagged
  item_id     TEXT NOT NULL,                 -- a rating's or a suggestion's id
  item_kind   TEXT NOT NULL CHECK (item_kind IN ('rating', 'suggestion')),
  flag        TEXT NOT NULL,                 -- what asks for the look: 'hidden_in_session', ...
  detail      TEXT NOT NULL DEFAULT '',      -- for the officer, in words ("hidden in the session ...")
  created_by  TEXT NOT NULL DEFAULT '',      -- staff id; '' when the server flagged it itself
  created_at  INTEGER NOT NULL,              -- unix seconds
  resolved_by TEXT NOT NULL DEFAULT '',      -- staff id of the officer who looked
  resolved_at INTEGER                        -- unix seconds; NULL while it waits
) STRICT;

-- The queue itself (waiting flags, oldest first), and every flag of one item.
CREATE INDEX review_flags_waiting ON review_flags (id) WHERE resolved_at IS NULL;
CREATE INDEX review_flags_by_item ON review_flags (item_id);

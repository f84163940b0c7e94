-- Server schema 0008: co-production sessions (store/session_store.h). A youth worker or
-- officer starts one; young people join it by its room code with their nickname (never
-- personal data). A room code belongs to one session for good, so a late joiner with an
-- old code hears "This group has ended." rather than landing in someone else's group.
CREATE TABLE co_sessions (
  id         TEXT PRIMARY KEY NOT NULL,      -- a UUID
  room_code  TEXT NOT NULL UNIQUE,           -- "KXM4P7" (core/room_code.h), shown "KXM-4P7"
  name       TEXT NOT NULL,                  -- 1 to 80 characters
  theme      TEXT NOT NULL DEFAULT '',       -- 0 to 120 characters
  area_south REAL NOT NULL,                  -- degrees; inside the service area
  area_west  REAL NOT NULL,
  area_north REAL NOT NULL,
  area_east  REAL NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff (id),
  state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'paused', 'ended')),
  created_at INTEGER NOT NULL,               -- unix seconds
  ended_at   INTEGER                         -- unix seconds; NULL until ended
) STRICT;

CREATE TABLE session_members (
  session_id TEXT NOT NULL REFERENCES co_sessions (id) ON DELETE CASCADE,
  device_id  TEXT NOT NULL,                  -- never shown to staff
  nickname   TEXT NOT NULL,                  -- core::IsNickname ("Brave Otter")
  joined_at  INTEGER NOT NULL,               -- unix seconds
  left_at    INTEGER,                        -- unix seconds; NULL while in the group
  PRIMARY KEY (session_id, device_id)
) STRICT, WITHOUT ROWID;

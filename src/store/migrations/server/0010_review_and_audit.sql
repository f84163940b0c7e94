-- Server schema 0010: what officers' review needs (store/review_store.h): the audit log of
-- every officer action, with what undoing one needs; a place's standing in the city's
-- Safe Spaces scheme; and where a rating was sent before a merge moved it. Nothing here is
-- ever shown to young people; the public map only learns "scheme_member" (0002's feed_json).

-- Every officer action, newest last: approve, edit_approve, reject, merge, approve_comment,
-- hide_comment, undo, scheme, add_staff, set_staff_active, import, export. `detail` is JSON
-- an officer may read (GET /api/v1/audit); `undo_json` is what undoing it needs (never
-- sent): {"before": the item as it was, "after": as the action left it, "flags": [the
-- review_flags ids it resolved]}, NULL for an action that cannot be undone.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,               -- in the order done
  at        INTEGER NOT NULL,                  -- unix seconds
  staff_id  TEXT NOT NULL,                     -- '' for safespaces-admin on the command line
  username  TEXT NOT NULL,                     -- as it was then, so the log reads alone
  action    TEXT NOT NULL,
  item_id   TEXT NOT NULL DEFAULT '',          -- a place's, rating's or staff member's id
  detail    TEXT NOT NULL DEFAULT '{}',
  undo_json TEXT,
  undone_at INTEGER                            -- unix seconds; NULL until undone
) STRICT;

-- "Undo my last action": an officer's actions that can still be undone, newest first.
CREATE INDEX audit_undoable ON audit_log (staff_id, id) WHERE undo_json IS NOT NULL AND undone_at IS NULL;

-- A place's standing in the scheme (a venue agrees, shows a sticker, trains its staff).
-- No row: not contacted. agreed, sticker and trained make it a member on the public map.
CREATE TABLE place_scheme (
  place_id       TEXT PRIMARY KEY NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('not_contacted', 'contacted', 'agreed', 'sticker', 'trained')),
  checked_on     TEXT NOT NULL DEFAULT '',     -- "YYYY-MM-DD" or ''
  check_again_on TEXT NOT NULL DEFAULT '',     -- "YYYY-MM-DD" or ''
  updated_at     INTEGER NOT NULL              -- unix seconds
) STRICT, WITHOUT ROWID;

-- Places due a check, soonest first (GET /api/v1/review/places?due=1).
CREATE INDEX place_scheme_due ON place_scheme (check_again_on) WHERE check_again_on <> '';

-- A merge moves a suggestion's ratings (its own first rating too) to the place it is merged
-- into, so they count in that profile. A rating is still the event its device sent: this
-- keeps the place it named ('' when never moved), which a device's own history and an undo
-- of the merge read back.
ALTER TABLE ratings ADD COLUMN merged_from TEXT NOT NULL DEFAULT '';

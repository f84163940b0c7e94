-- Server schema 0004: an officer's look at a rating's comment. Words a young person wrote
-- are shown to nobody until an officer approves them; 'hidden' keeps them out of sight
-- for good (still kept, so a later look can change its mind). Comments already here are
-- 'pending': nobody approved them yet. An empty comment's state means nothing. The public
-- feed's "comments" come from here (src/store/server_store.cpp, WriteChangedPlaces).
ALTER TABLE ratings ADD COLUMN comment_state TEXT NOT NULL DEFAULT 'pending'
  CHECK (comment_state IN ('pending', 'approved', 'hidden'));

-- The officers' queue: comments waiting for a look, oldest first (ids are the devices'
-- time-ordered UUIDv7s). Only waiting comments are in it, so it stays small; queries
-- repeat its WHERE so that SQLite may use it.
CREATE INDEX ratings_pending_comments ON ratings (id)
  WHERE comment_state = 'pending' AND comment <> '' AND withdrawn = 0;

-- A place's approved comments, newest visit first, for its feed entry: rebuilding it
-- reads at most 20 rows however many ratings the place has. Same rule about the WHERE.
CREATE INDEX ratings_approved_comments ON ratings (place_id, visit_month DESC, id DESC)
  WHERE comment_state = 'approved' AND comment <> '' AND withdrawn = 0;

-- Privacy: when a place's status and a comment's review last changed, so the server can
-- delete what officers did not add once --keep-rejected-days have passed (privacy_store.h).
-- Triggers keep the times, so every path that changes a status (sync, review, undo, the
-- command line) is covered without each having to remember.
ALTER TABLE places ADD COLUMN status_changed_at INTEGER NOT NULL DEFAULT 0;  -- unix seconds
ALTER TABLE ratings ADD COLUMN comment_state_at INTEGER NOT NULL DEFAULT 0;  -- unix seconds

-- What was decided before this migration counts from now: nothing goes at the first start.
UPDATE places SET status_changed_at = CAST(strftime('%s', 'now') AS INTEGER);
UPDATE ratings SET comment_state_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE comment_state <> 'pending';

CREATE TRIGGER places_status_time AFTER UPDATE OF status ON places WHEN NEW.status IS NOT OLD.status
BEGIN
  UPDATE places SET status_changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = NEW.id;
END;

CREATE TRIGGER places_status_time_new AFTER INSERT ON places WHEN NEW.status <> 'suggested'
BEGIN
  UPDATE places SET status_changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = NEW.id;
END;

CREATE TRIGGER ratings_comment_state_time AFTER UPDATE OF comment_state ON ratings
  WHEN NEW.comment_state IS NOT OLD.comment_state
BEGIN
  UPDATE ratings SET comment_state_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = NEW.id;
END;

CREATE INDEX places_rejected ON places (status_changed_at) WHERE status = 'rejected';
CREATE INDEX ratings_hidden_comments ON ratings (comment_state_at) WHERE comment_state = 'hidden' AND comment <> '';

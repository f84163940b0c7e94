-- Every sync answers with the ids of the device's ratings whose comment is shared
-- (SharedCommentsOf in server_store.cpp). Through ratings_by_device that read every rating
-- the device had ever sent, so each sync of a keen young person got slower with each
-- rating: about 12 ms of the server's CPU a sync at 2,000 ratings (safespaces-bench's
-- scaling series). This index holds only shared comments, newest last.
CREATE INDEX ratings_shared_by_device ON ratings (device_id, id)
  WHERE comment_state = 'approved' AND comment <> '' AND withdrawn = 0;

-- Server schema 0003: why a young person says a suggested place is safe (the reasons they
-- tapped), why an officer did not add one (the reason they chose), and a cheap way to find
-- one device's suggestions so each sync can tell that device what became of them.
-- Both reasons are wire names from core/model.h; neither is ever public.

-- The suggestion's SafeReason names, comma-separated in the order sent ("quiet,kind_staff");
-- '' for none and for an officer's place.
ALTER TABLE places ADD COLUMN reasons TEXT NOT NULL DEFAULT '';

-- The NotAddedReason name an officer chose when rejecting ("already_on_map"); '' otherwise.
ALTER TABLE places ADD COLUMN review_reason TEXT NOT NULL DEFAULT '';

-- "yours" in a sync answer: a device's suggestions, newest first (ids are the device's
-- time-ordered UUIDv7s). Officers' places (no device) are left out of the index; the
-- query says device_id <> '' so that SQLite may use it.
CREATE INDEX places_by_device ON places (device_id, id) WHERE device_id <> '';

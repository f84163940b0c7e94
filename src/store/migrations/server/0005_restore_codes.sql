-- Server schema 0005: restore codes, so a reinstalled app gets its badges back. A device
-- registers a code of random words once (POST /api/v1/restore-code); typing it on a new
-- install finds the device again (POST /api/v1/restore). Only a hash of the normalised
-- code is kept (core/restore_code.h, RestoreCodeHash), never the words, and nothing
-- about the person. Also two indexes for gathering one device's items (DeviceProgress).
CREATE TABLE device_codes (
  code_hash  TEXT PRIMARY KEY NOT NULL,  -- lower-case hex SHA-256
  device_id  TEXT NOT NULL UNIQUE,       -- one code per device
  created_at INTEGER NOT NULL            -- unix seconds
) STRICT, WITHOUT ROWID;

CREATE INDEX ratings_by_device ON ratings (device_id);
CREATE INDEX withdrawals_by_device ON withdrawals (device_id);

-- Server schema 0007: staff accounts (council officers and youth workers) and their
-- login sessions (store/staff_store.h). Nothing here is about young people.
-- password_hash is libsodium's crypto_pwhash_str: Argon2id with OPSLIMIT_INTERACTIVE and
-- MEMLIMIT_INTERACTIVE (about 0.1 s and 64 MiB per check), salt and settings inside the
-- text ("$argon2id$v=19$m=65536,t=2,p=1$..."). A session keeps only the BLAKE2b hash
-- (crypto_generichash, 32 bytes, lower-case hex) of its bearer token, never the token.
CREATE TABLE staff (
  id            TEXT PRIMARY KEY NOT NULL,               -- a UUID
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,     -- "Sam.Jones" and "sam.jones" are one
  role          TEXT NOT NULL CHECK (role IN ('officer', 'youth_worker')),
  password_hash TEXT NOT NULL,
  created_at    INTEGER NOT NULL,                        -- unix seconds
  failed_logins INTEGER NOT NULL DEFAULT 0,              -- wrong passwords since the last login or lock
  locked_until  INTEGER NOT NULL DEFAULT 0,              -- unix seconds; 0 when never locked
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
) STRICT;

CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY NOT NULL,
  staff_id   TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,  -- unix seconds
  expires_at INTEGER NOT NULL   -- unix seconds
) STRICT, WITHOUT ROWID;

CREATE INDEX staff_sessions_by_expiry ON staff_sessions (expires_at);

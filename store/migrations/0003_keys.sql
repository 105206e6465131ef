-- Encryption at rest. Personal data is sealed (AES-256-GCM) under keys
-- that only a staff login opens; see keys.go and crypt.go.

-- The desk data key, wrapped under each staff member's password (argon2id).
CREATE TABLE key_wraps (
	staff_id TEXT PRIMARY KEY,
	wrapped  BLOB NOT NULL
) WITHOUT ROWID;

-- One random key per entity, sealed under the values subkey of the data
-- key. Deleting a row makes the entity's events and values unreadable.
CREATE TABLE entity_keys (
	entity  INTEGER PRIMARY KEY, -- entities.n
	wrapped BLOB NOT NULL
);

-- The person's summary and search keys, sealed under the entity key; the
-- personal columns of persons are left empty from now on. The in-memory
-- index is built from these blobs when the desk is unlocked.
ALTER TABLE persons ADD COLUMN sealed BLOB;

-- Indexes on personal columns go; lists order by name in memory.
DROP INDEX persons_sort;
DROP INDEX persons_status;
DROP INDEX persons_arrival;
DROP INDEX persons_n;
DROP INDEX persons_zemis;
DROP INDEX persons_birth;
CREATE INDEX persons_list ON persons (live, status, arrival_date);

-- Name keys and skeletons live in the sealed blobs and in memory only:
-- even HMAC tokens on disk would show which files share a name.
DELETE FROM search_keys;
DELETE FROM skeleton_keys;

-- A database that holds plaintext from before is encrypted in place at
-- the first login; until then it is marked.
INSERT INTO meta (key, value)
	SELECT 'plaintext', '1' WHERE EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM imports);
INSERT INTO meta (key, value) VALUES ('index_gen', '0') ON CONFLICT (key) DO NOTHING;

-- Accounts managed by the central (intake.StaffRecord): the deployment
-- key wrapped under the password, and the central's version of the
-- account. Desk-made accounts have no key_wrap and version 0.
ALTER TABLE staff ADD COLUMN key_wrap BLOB;
ALTER TABLE staff ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

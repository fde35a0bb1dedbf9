-- Revisions are found by laptop and sequence number: the id ("<device>:<seq>") stays a stored
-- column (the hash chain covers it) and must spell the pair, but it is no longer indexed on its
-- own, and the index on the HLC order goes (each laptop's HLC grows with its sequence, so the
-- latest HLC is read per laptop). Two fewer B-trees for every revision a merge inserts.
CREATE TABLE revisions_keyed (
    id TEXT NOT NULL CHECK (id = device_id || ':' || seq),
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    member_id TEXT,
    hlc TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
    fields TEXT NOT NULL,
    base TEXT NOT NULL,
    created_at TEXT NOT NULL,
    chain TEXT,
    UNIQUE (device_id, seq)
);

-- the rowids stay: the search index's watermark counts them
INSERT INTO revisions_keyed (rowid, id, device_id, seq, member_id, hlc, record_type, record_id,
                             op, fields, base, created_at, chain)
SELECT rowid, id, device_id, seq, member_id, hlc, record_type, record_id, op, fields, base,
       created_at, chain
FROM revisions ORDER BY rowid;

DROP TABLE revisions;
ALTER TABLE revisions_keyed RENAME TO revisions;
CREATE INDEX revisions_record ON revisions (record_id);

CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
WHEN OLD.chain IS NOT NULL
    OR NEW.id IS NOT OLD.id OR NEW.device_id IS NOT OLD.device_id OR NEW.seq IS NOT OLD.seq
    OR NEW.member_id IS NOT OLD.member_id OR NEW.hlc IS NOT OLD.hlc
    OR NEW.record_type IS NOT OLD.record_type OR NEW.record_id IS NOT OLD.record_id
    OR NEW.op IS NOT OLD.op OR NEW.fields IS NOT OLD.fields OR NEW.base IS NOT OLD.base
    OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'revisions are immutable');
END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are immutable');
END;

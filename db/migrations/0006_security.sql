-- Tamper-evident history: each laptop's revisions form a hash chain (revisions.chain).
ALTER TABLE revisions ADD COLUMN chain TEXT;

-- A revision stays immutable; the only change allowed is setting the chain value of a
-- revision written before chains existed (once, when the workspace is upgraded).
DROP TRIGGER revisions_no_update;
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

-- The X25519 key each laptop receives encrypted packages and escrowed keys with.
ALTER TABLE trusted_keys ADD COLUMN box_key TEXT;

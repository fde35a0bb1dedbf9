-- Every revision provably from the laptop it names. A laptop signs the head of its own hash
-- chain (laptop, sequence number, chain value) whenever it sends its revisions; one signature
-- vouches for all of that laptop's revisions up to it. Heads received are kept so that the
-- revisions can be relayed with their signatures (the leader's consolidated ledger).
CREATE TABLE chain_heads (
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    chain TEXT NOT NULL,
    public_key TEXT NOT NULL,
    signature TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;

-- Roles over time, as the leader set them: a JSON list of [after_seq, role], each role applying
-- to the laptop's revisions numbered above after_seq (a demoted verifier's later closes are
-- refused; what they closed before stays valid).
ALTER TABLE trusted_keys ADD COLUMN grants TEXT;
-- A lost laptop revoked by the leader: its revisions numbered above revoked_after are refused.
ALTER TABLE trusted_keys ADD COLUMN revoked_after INTEGER;
ALTER TABLE trusted_keys ADD COLUMN revoked_at TEXT;

-- Ledger packages: pinned keys of the team roster and the packages sent and received.
-- These tables describe this laptop's trust and history; they are never exported.

CREATE TABLE trusted_keys (
    device_id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL,
    name TEXT NOT NULL,
    unit TEXT,
    role TEXT NOT NULL CHECK (role IN ('leader', 'verifier', 'inspector')),
    public_key TEXT NOT NULL,
    source TEXT NOT NULL,
    added_at TEXT NOT NULL
);

-- The roster this laptop trusts: one row, signed by the pinned leader key.
CREATE TABLE roster_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    team_id TEXT NOT NULL,
    leader_device TEXT NOT NULL,
    leader_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    document TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

CREATE TABLE imported_packages (
    package_id TEXT PRIMARY KEY,
    manifest_sha256 TEXT NOT NULL,
    sender_device TEXT NOT NULL,
    sender_member TEXT,
    sequence INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    vector TEXT NOT NULL,
    new_revisions INTEGER NOT NULL,
    conflicts INTEGER NOT NULL
);
CREATE INDEX imported_packages_sender ON imported_packages (sender_device, sequence);

CREATE TABLE exported_packages (
    package_id TEXT PRIMARY KEY,
    recipient_member TEXT,
    kind TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    vector TEXT NOT NULL,
    path TEXT
);

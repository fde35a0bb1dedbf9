-- The inspected court in the loop: its liaison (被检查法院联络员) is a laptop on the roster bound
-- to one court; the court proposes its rectification plan (整改方案) for the leader's decision;
-- the leader's drafts of documents are records; 回头看 links a follow-up campaign to the one it
-- re-checks and a problem found again to the earlier one; 约谈、通报、问责 are records.

-- trusted_keys: the court role, and the court a liaison's laptop is bound to (rebuilt: SQLite
-- cannot change a CHECK constraint in place)
CREATE TABLE trusted_keys_new (
    device_id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL,
    name TEXT NOT NULL,
    unit TEXT,
    role TEXT NOT NULL CHECK (role IN ('leader', 'verifier', 'inspector', 'court')),
    public_key TEXT NOT NULL,
    source TEXT NOT NULL,
    added_at TEXT NOT NULL,
    box_key TEXT,
    grants TEXT,
    revoked_after INTEGER,
    revoked_at TEXT,
    court_id TEXT
);
INSERT INTO trusted_keys_new (device_id, member_id, name, unit, role, public_key, source,
    added_at, box_key, grants, revoked_after, revoked_at)
SELECT device_id, member_id, name, unit, role, public_key, source, added_at, box_key, grants,
    revoked_after, revoked_at FROM trusted_keys;
DROP TABLE trusted_keys;
ALTER TABLE trusted_keys_new RENAME TO trusted_keys;

ALTER TABLE campaigns ADD COLUMN follows_id TEXT REFERENCES campaigns (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE problems ADD COLUMN recurrence_of TEXT REFERENCES problems (id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE plan_proposals (
    id TEXT PRIMARY KEY,
    problem_id TEXT REFERENCES problems (id) DEFERRABLE INITIALLY DEFERRED,
    item_id TEXT REFERENCES rectification_items (id) DEFERRABLE INITIALLY DEFERRED,
    measure TEXT,
    goal TEXT,
    responsible_unit TEXT,
    responsible_person TEXT,
    phone TEXT,
    kind TEXT,
    deadline TEXT,
    note TEXT,
    proposed_by TEXT REFERENCES members (id) DEFERRABLE INITIALLY DEFERRED,
    proposed_at TEXT,
    status TEXT,
    decision_note TEXT,
    decided_by TEXT REFERENCES members (id) DEFERRABLE INITIALLY DEFERRED,
    decided_at TEXT,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    created_rev TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_proposals_problem_id ON plan_proposals (problem_id);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    campaign_id TEXT REFERENCES campaigns (id) DEFERRABLE INITIALLY DEFERRED,
    court_id TEXT REFERENCES courts (id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT,
    title TEXT,
    blocks TEXT,
    generated TEXT,
    generated_at TEXT,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    created_rev TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE accountability (
    id TEXT PRIMARY KEY,
    campaign_id TEXT REFERENCES campaigns (id) DEFERRABLE INITIALLY DEFERRED,
    court_id TEXT REFERENCES courts (id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT,
    date TEXT,
    target TEXT,
    officers TEXT,
    by_whom TEXT,
    reason TEXT,
    problem_ids TEXT,
    item_ids TEXT,
    follow_up TEXT,
    follow_up_date TEXT,
    note TEXT,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    created_rev TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX accountability_court_id ON accountability (court_id);

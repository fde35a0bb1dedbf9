-- Sampling of case lists: the record of each draw, and the cases it chose (a projection).

CREATE TABLE samplings (
    id TEXT PRIMARY KEY,
    campaign_id TEXT REFERENCES campaigns (id) DEFERRABLE INITIALLY DEFERRED,
    seed INTEGER,
    ratio REAL,
    count INTEGER,
    stratify_by TEXT,
    filters TEXT,
    population_size INTEGER,
    sample_size INTEGER,
    cases TEXT,
    assignments TEXT,
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

CREATE TABLE sample_cases (
    sampling_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    reviewer_id TEXT,
    PRIMARY KEY (sampling_id, case_id)
);
CREATE INDEX sample_cases_case ON sample_cases (case_id);

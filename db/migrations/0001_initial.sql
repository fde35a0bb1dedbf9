-- The initial schema: revisions (the truth), projections (current state), blobs.

CREATE TABLE local_state (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE revisions (
    id TEXT PRIMARY KEY,
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
    UNIQUE (device_id, seq)
);
CREATE INDEX revisions_record ON revisions (record_id);
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are immutable');
END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are immutable');
END;
CREATE INDEX revisions_order ON revisions (hlc, device_id, seq);

-- Values that concurrent revisions set differently (a projection, like the tables below).
CREATE TABLE conflicts (
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    candidates TEXT NOT NULL,
    PRIMARY KEY (record_id, field)
);

CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);

CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    name TEXT,
    kind TEXT,
    issuing_court TEXT,
    doc_number TEXT,
    start_date TEXT,
    end_date TEXT,
    report_deadline TEXT,
    target_courts TEXT,
    note TEXT,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    created_rev TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE courts (
    id TEXT PRIMARY KEY,
    name TEXT,
    level TEXT,
    code TEXT,
    parent_id TEXT REFERENCES courts (id) DEFERRABLE INITIALLY DEFERRED,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    created_rev TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX courts_parent_id ON courts (parent_id);

CREATE TABLE members (
    id TEXT PRIMARY KEY,
    name TEXT,
    unit TEXT,
    role TEXT,
    device_id TEXT,
    phone TEXT,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    created_rev TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE categories (
    id TEXT PRIMARY KEY,
    name TEXT,
    description TEXT,
    subtypes TEXT,
    sort_order INTEGER,
    active INTEGER,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    created_rev TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    case_number TEXT,
    case_number_legacy INTEGER,
    case_year INTEGER,
    case_type TEXT,
    court_id TEXT REFERENCES courts (id) DEFERRABLE INITIALLY DEFERRED,
    cause TEXT,
    judge TEXT,
    filing_date TEXT,
    closing_date TEXT,
    closing_method TEXT,
    applicant TEXT,
    respondent TEXT,
    amount REAL,
    paid_amount REAL,
    transfer_date TEXT,
    network_query_date TEXT,
    last_network_query_date TEXT,
    property_found_date TEXT,
    control_date TEXT,
    traditional_investigation_date TEXT,
    urgent_lead_time TEXT,
    lead_check_time TEXT,
    seizure_date TEXT,
    price_start_date TEXT,
    price_set_date TEXT,
    sale_start_date TEXT,
    self_sale_start_date TEXT,
    self_sale_end_date TEXT,
    funds_arrival_date TEXT,
    payment_notice_date TEXT,
    payout_date TEXT,
    restriction_date TEXT,
    performance_date TEXT,
    restriction_lift_date TEXT,
    zhongben_talk_date TEXT,
    ruling_served_date TEXT,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    created_rev TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cases_court_id ON cases (court_id);

CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    campaign_id TEXT REFERENCES campaigns (id) DEFERRABLE INITIALLY DEFERRED,
    case_id TEXT REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
    reviewer_id TEXT REFERENCES members (id) DEFERRABLE INITIALLY DEFERRED,
    review_date TEXT,
    template_code TEXT,
    grade TEXT,
    score REAL,
    note TEXT,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    created_rev TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reviews_campaign_id ON reviews (campaign_id);
CREATE INDEX reviews_case_id ON reviews (case_id);
CREATE INDEX reviews_reviewer_id ON reviews (reviewer_id);

CREATE TABLE review_answers (
    id TEXT PRIMARY KEY,
    review_id TEXT REFERENCES reviews (id) DEFERRABLE INITIALLY DEFERRED,
    item_code TEXT,
    result TEXT,
    note TEXT,
    auto_verdict TEXT,
    auto_reason TEXT,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    created_rev TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX review_answers_review_id ON review_answers (review_id);

CREATE TABLE interviews (
    id TEXT PRIMARY KEY,
    campaign_id TEXT REFERENCES campaigns (id) DEFERRABLE INITIALLY DEFERRED,
    court_id TEXT REFERENCES courts (id) DEFERRABLE INITIALLY DEFERRED,
    method TEXT,
    date TEXT,
    place TEXT,
    interviewees TEXT,
    text TEXT,
    recorded_by TEXT REFERENCES members (id) DEFERRABLE INITIALLY DEFERRED,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    created_rev TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX interviews_campaign_id ON interviews (campaign_id);
CREATE INDEX interviews_court_id ON interviews (court_id);
CREATE INDEX interviews_recorded_by ON interviews (recorded_by);

CREATE TABLE problems (
    id TEXT PRIMARY KEY,
    campaign_id TEXT REFERENCES campaigns (id) DEFERRABLE INITIALLY DEFERRED,
    court_id TEXT REFERENCES courts (id) DEFERRABLE INITIALLY DEFERRED,
    category TEXT,
    subtype TEXT,
    description TEXT,
    example_cases TEXT,
    source_type TEXT,
    source_id TEXT,
    severity TEXT,
    found_by TEXT REFERENCES members (id) DEFERRABLE INITIALLY DEFERRED,
    found_date TEXT,
    evidence TEXT,
    in_feedback INTEGER,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    created_rev TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX problems_campaign_id ON problems (campaign_id);
CREATE INDEX problems_court_id ON problems (court_id);
CREATE INDEX problems_found_by ON problems (found_by);

CREATE TABLE rectification_items (
    id TEXT PRIMARY KEY,
    problem_id TEXT REFERENCES problems (id) DEFERRABLE INITIALLY DEFERRED,
    measure TEXT,
    responsible_unit TEXT,
    responsible_person TEXT,
    supervisor TEXT,
    kind TEXT,
    deadline TEXT,
    note TEXT,
    state TEXT,
    state_changed_at TEXT,
    closed_by TEXT,
    closed_at TEXT,
    last_progress TEXT,
    evidence_count INTEGER,
    event_count INTEGER,
    state_leaves TEXT,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    created_rev TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rectification_items_problem_id ON rectification_items (problem_id);

CREATE TABLE item_events (
    id TEXT PRIMARY KEY,
    item_id TEXT REFERENCES rectification_items (id) DEFERRABLE INITIALLY DEFERRED,
    event_kind TEXT,
    action TEXT,
    from_state TEXT,
    to_state TEXT,
    note TEXT,
    evidence TEXT,
    at TEXT,
    member_id TEXT REFERENCES members (id) DEFERRABLE INITIALLY DEFERRED,
    after_events TEXT,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    created_rev TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX item_events_item_id ON item_events (item_id);
CREATE INDEX item_events_member_id ON item_events (member_id);

CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    owner_type TEXT,
    owner_id TEXT,
    sha256 TEXT,
    filename TEXT,
    mime TEXT,
    size INTEGER,
    caption TEXT,
    created_at TEXT,
    created_by TEXT,
    created_device TEXT,
    updated_at TEXT,
    updated_by TEXT,
    updated_device TEXT,
    created_rev TEXT,
    heads TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    conflicted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX cases_case_number ON cases (case_number);
CREATE INDEX rectification_items_deadline ON rectification_items (deadline);
CREATE INDEX problems_category ON problems (category);
CREATE INDEX attachments_owner ON attachments (owner_id);

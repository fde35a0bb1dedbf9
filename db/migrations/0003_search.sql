-- Global search: each record's searchable text as overlapping CJK bigrams and ASCII words,
-- in an FTS5 index, kept up to date from the revisions (search_state holds the watermark).

CREATE VIRTUAL TABLE search_index USING fts5(
    record_type UNINDEXED,
    record_id UNINDEXED,
    tokens,
    tokenize = 'unicode61'
);

CREATE TABLE search_text (
    record_id TEXT PRIMARY KEY,
    record_type TEXT NOT NULL,
    text TEXT NOT NULL,
    fts_rowid INTEGER NOT NULL
);

CREATE TABLE search_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_rowid INTEGER NOT NULL
);
INSERT INTO search_state (id, indexed_rowid) VALUES (1, 0);

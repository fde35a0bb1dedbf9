-- Global search: each record's searchable text as overlapping CJK bigrams and ASCII words,
-- in an FTS5 index, kept up to date from the revisions (search_state holds the watermark).
-- search_text.id is the rowid of the record's row in search_index.

CREATE VIRTUAL TABLE search_index USING fts5(
    tokens,
    tokenize = 'unicode61'
);

CREATE TABLE search_text (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL UNIQUE,
    record_type TEXT NOT NULL,
    text TEXT NOT NULL
);

CREATE TABLE search_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_rowid INTEGER NOT NULL
);
INSERT INTO search_state (id, indexed_rowid) VALUES (1, 0);

"""The registry schema, applied by ``store.ensure_db_shape`` as numbered migrations.

Kept as Python strings (not a .sql file) so it ships with the package.
"""

SCHEMA_V1 = """
-- Migration 1: the registry's tables. Every statement is IF NOT EXISTS so a
-- half-applied run can simply be run again.
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    status TEXT NOT NULL,               -- stored | failed
    error TEXT,
    pages INTEGER NOT NULL DEFAULT 0,
    letters INTEGER NOT NULL DEFAULT 0,
    size INTEGER,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pages (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,               -- 0-based page in the file
    text TEXT NOT NULL,
    raw_text TEXT,
    words TEXT NOT NULL DEFAULT '[]',   -- JSON list of Word
    path TEXT NOT NULL,                 -- text-layer | ocr | text
    mean_conf REAL,
    engine TEXT,
    warnings TEXT NOT NULL DEFAULT '[]',
    UNIQUE (file_id, idx)
);
CREATE TABLE IF NOT EXISTS letters (
    id INTEGER PRIMARY KEY,
    placeholder INTEGER NOT NULL DEFAULT 0,  -- 1: only known from a reference so far
    doc_no TEXT,
    doc_office TEXT,                    -- "ชย 0023.14": finds candidates and issuing districts
    doc_run TEXT,                       -- running number digits: finds identity candidates
    date TEXT,
    kind TEXT,
    urgency TEXT,
    issuer TEXT,
    address TEXT,
    subject TEXT,
    addressee TEXT,                     -- the เรียน line as read
    refs TEXT NOT NULL DEFAULT '[]',
    enclosures TEXT NOT NULL DEFAULT '[]',
    deadlines TEXT NOT NULL DEFAULT '[]',
    directives TEXT NOT NULL DEFAULT '[]',
    signatory TEXT,
    contact TEXT,
    receipt TEXT,
    hashtags TEXT NOT NULL DEFAULT '[]',
    urls TEXT NOT NULL DEFAULT '[]',
    warnings TEXT NOT NULL DEFAULT '[]',
    confidence TEXT NOT NULL DEFAULT '{}',
    deadline TEXT,                      -- earliest dated deadline, ISO
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS letters_doc_run ON letters(doc_run);
CREATE INDEX IF NOT EXISTS letters_date ON letters(date);
CREATE INDEX IF NOT EXISTS letters_doc_no ON letters(doc_no);
CREATE INDEX IF NOT EXISTS letters_office_date ON letters(doc_office, date);
CREATE TABLE IF NOT EXISTS sightings (
    id INTEGER PRIMARY KEY,
    letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,          -- 0-based order of the letter in the file
    first_page INTEGER NOT NULL,
    last_page INTEGER NOT NULL,
    role TEXT NOT NULL,                 -- original | enclosed_copy
    reading TEXT NOT NULL,              -- the Letter as read in this file (JSON)
    score REAL NOT NULL,                -- how well it was read, 0..1
    match_reason TEXT,                  -- why it was taken for an already known letter
    match_confidence REAL,
    UNIQUE (file_id, position)
);
CREATE INDEX IF NOT EXISTS sightings_letter ON sightings(letter_id);
CREATE TABLE IF NOT EXISTS edges (
    id INTEGER PRIMARY KEY,
    src INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
    dst INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                 -- reference | encloses | forwards | bundle_order | same_as
    status TEXT NOT NULL DEFAULT 'confirmed',  -- confirmed | possible
    reason TEXT NOT NULL,
    confidence REAL NOT NULL,
    file_id INTEGER REFERENCES files(id) ON DELETE SET NULL,
    UNIQUE (src, dst, kind)
);
CREATE INDEX IF NOT EXISTS edges_dst ON edges(dst, kind);
CREATE TABLE IF NOT EXISTS organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,                 -- province | district | municipality | sao | pao
    district TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT '',
    aliases TEXT NOT NULL DEFAULT '[]',
    UNIQUE (type, name, district, province)
);
CREATE TABLE IF NOT EXISTS doc_offices (
    office TEXT PRIMARY KEY,            -- "ชย 0023.14"
    district TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS routings (
    id INTEGER PRIMARY KEY,
    letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
    org_id INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
    addressee TEXT NOT NULL,            -- the part of the เรียน line this routing came from
    kind TEXT NOT NULL,                 -- named | distribution | receipt | unresolved
    reason TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS routings_letter ON routings(letter_id);
CREATE INDEX IF NOT EXISTS routings_org ON routings(org_id);
CREATE TABLE IF NOT EXISTS tasks (
    id INTEGER PRIMARY KEY,
    letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    directive TEXT NOT NULL,
    deadline TEXT,                      -- effective deadline (ISO)
    deadline_text TEXT,
    arrival TEXT,
    upstream TEXT NOT NULL DEFAULT '[]',
    chain TEXT NOT NULL DEFAULT '[]',   -- doc_nos from the root directive down
    flags TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'open',  -- open | done
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    done_at TEXT,
    UNIQUE (letter_id, org_id)
);
CREATE INDEX IF NOT EXISTS tasks_pending ON tasks(org_id, status, deadline);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '{}'
);
"""

# Migration 2: full-text search. FTS5's trigram tokenizer matches any run of
# three or more characters, which suits Thai (no spaces between words).
FTS_TRIGRAM = """
CREATE VIRTUAL TABLE IF NOT EXISTS letters_fts USING fts5(
    doc_no, subject, issuer, addressee, search_text,
    content='letters', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER IF NOT EXISTS letters_fts_ai AFTER INSERT ON letters BEGIN
    INSERT INTO letters_fts(rowid, doc_no, subject, issuer, addressee, search_text)
    VALUES (new.id, new.doc_no, new.subject, new.issuer, new.addressee, new.search_text);
END;
CREATE TRIGGER IF NOT EXISTS letters_fts_ad AFTER DELETE ON letters BEGIN
    INSERT INTO letters_fts(letters_fts, rowid, doc_no, subject, issuer, addressee, search_text)
    VALUES ('delete', old.id, old.doc_no, old.subject, old.issuer, old.addressee, old.search_text);
END;
CREATE TRIGGER IF NOT EXISTS letters_fts_au AFTER UPDATE ON letters BEGIN
    INSERT INTO letters_fts(letters_fts, rowid, doc_no, subject, issuer, addressee, search_text)
    VALUES ('delete', old.id, old.doc_no, old.subject, old.issuer, old.addressee, old.search_text);
    INSERT INTO letters_fts(rowid, doc_no, subject, issuer, addressee, search_text)
    VALUES (new.id, new.doc_no, new.subject, new.issuer, new.addressee, new.search_text);
END;
INSERT INTO letters_fts(letters_fts) VALUES ('rebuild');
"""

# Migration 3: a clerk's corrections. One row per change (the audit trail of a
# field); the latest row of a (letter, field) is the value that overrides OCR,
# applied after every merge of readings so a re-ingest cannot undo it.
# ``value``/``old_value`` are JSON (null: the field was cleared / was empty).
CORRECTIONS = """
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
    field TEXT NOT NULL,                -- doc_no | date | deadline | subject | urgency | issuer | to
    value TEXT,
    old_value TEXT,
    note TEXT,
    user TEXT NOT NULL,
    time TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corrections_letter ON corrections(letter_id, field);
CREATE INDEX IF NOT EXISTS corrections_old_doc_no ON corrections(field, old_value);
"""

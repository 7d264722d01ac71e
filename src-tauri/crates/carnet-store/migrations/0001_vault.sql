-- The vault's identity, and the evidence content index (the bytes live encrypted in evidence/).
CREATE TABLE vault_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    vault_id TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE evidence_content (
    id INTEGER PRIMARY KEY,
    -- Random name of the encrypted file under evidence/ (never derived from the content).
    file_id TEXT NOT NULL UNIQUE,
    -- The file's own key: deleting the row makes the file unreadable.
    file_key BLOB NOT NULL CHECK (length(file_key) = 32),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    original_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    added_at TEXT NOT NULL
) STRICT;

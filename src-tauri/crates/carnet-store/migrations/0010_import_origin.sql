-- Where an imported incident came from: the key carnet-interop gives the rows it was made of
-- (stable across imports of the same content), the file's name and SHA-256, the sheet and the
-- row numbers. Importing the same file again skips the keys already here. Removed with the
-- incident when it is purged from the trash.

CREATE TABLE import_origin (
    key TEXT PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident (id),
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    sheet TEXT NOT NULL,
    rows TEXT NOT NULL,            -- JSON array of 1-based row numbers
    imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX import_origin_incident ON import_origin (incident_id);

-- When the last piece using an evidence file was purged. The row and its file are kept
-- until no backup could still hold a piece pointing at it (a backup restored must find its
-- files): see carnet-store src/journal/trash.rs.
ALTER TABLE evidence_content ADD COLUMN released_at TEXT;

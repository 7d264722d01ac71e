-- Dossiers: the drafts the owner prepares for a destination (numbered per year, `2026-0001`,
-- numbers never reused, even after a deletion), each export written (the PDF's SHA-256, so
-- the owner can later prove which file was sent) and each submission recorded. In the vault,
-- encrypted like the rest. The draft is carnet-core's `DossierDraft` as JSON, checked before
-- it is written and again when read.

CREATE TABLE dossier (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    draft TEXT NOT NULL,           -- JSON of carnet-core's DossierDraft
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    UNIQUE (year, seq)
) STRICT;

CREATE TABLE dossier_export (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossier (id),
    exported_at TEXT NOT NULL,
    destination TEXT NOT NULL,     -- dge_form | mediateur | platform_complaint | out_of_court_body | counterfeit_notice
    locale TEXT NOT NULL,          -- fr | en
    pdf_sha256 TEXT NOT NULL,
    pdf_size INTEGER NOT NULL CHECK (pdf_size >= 0),
    pages INTEGER NOT NULL CHECK (pages >= 0),
    pieces INTEGER NOT NULL CHECK (pieces >= 0)
) STRICT;
CREATE INDEX dossier_export_dossier ON dossier_export (dossier_id);

CREATE TABLE dossier_submission (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossier (id),
    destination TEXT NOT NULL,
    submitted_on TEXT NOT NULL,    -- YYYY-MM-DD
    reference TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX dossier_submission_dossier ON dossier_submission (dossier_id);

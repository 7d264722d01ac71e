-- A dossier in the trash can now be deleted for good: its draft, exports and submissions go,
-- but its numbered row stays, marked purged, so its number (`2026-0001`) is never given to
-- another dossier.

ALTER TABLE dossier ADD COLUMN purged_at TEXT;

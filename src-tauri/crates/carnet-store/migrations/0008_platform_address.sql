-- The platform's postal address: the Médiateur des entreprises needs the other party's identity
-- and address (domain notes §4), and the dossier's platform card prints it. Empty until the
-- owner records it (from the platform's legal notice or an invoice).

ALTER TABLE platform ADD COLUMN address TEXT NOT NULL DEFAULT '';

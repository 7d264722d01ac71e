-- The statement-of-reasons checker: an event may record a platform's decision with what its
-- message contained, as carnet-core's DecisionCheck in JSON ({"kind": "suspension", "given":
-- ["scope", "facts"]}); NULL when the event records no decision.

ALTER TABLE event ADD COLUMN decision TEXT;

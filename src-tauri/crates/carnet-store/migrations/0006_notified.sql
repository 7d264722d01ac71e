-- Deadline notifications: each deadline of an incident (its check's kind and the day it falls)
-- is announced by a system notification at most once; this remembers which were, in the vault
-- (the kind and day say nothing without the incident, which is encrypted beside them).

CREATE TABLE notified (
    incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,            -- complaintWindow | outOfCourtDecision (carnet-core's Check kind)
    due_on TEXT NOT NULL,          -- YYYY-MM-DD
    notified_at TEXT NOT NULL,
    PRIMARY KEY (incident_id, kind, due_on)
) STRICT, WITHOUT ROWID;

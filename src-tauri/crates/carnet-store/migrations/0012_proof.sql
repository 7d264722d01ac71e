-- Proofs of the evidence, by content (a piece's fingerprint is its content's).
--
-- The RFC 3161 token of a content's SHA-256, verified against that SHA-256 before it is
-- written: the DER TimeStampResp as the authority sent it, its name, the time it states and
-- its certificate chain (PEM).
CREATE TABLE content_timestamp (
    content_id INTEGER PRIMARY KEY REFERENCES evidence_content (id),
    token BLOB NOT NULL,
    tsa_name TEXT NOT NULL,
    gen_time TEXT NOT NULL,
    chain_pem TEXT NOT NULL,
    stored_at TEXT NOT NULL
) STRICT;

-- The DKIM/ARC check of an imported e-mail (JSON of carnet_proof's EmailVerification, made
-- from the original bytes, whose SHA-256 it carries), and the timestamp of that JSON: the
-- proof that the key was published when it was checked.
CREATE TABLE content_email_check (
    content_id INTEGER PRIMARY KEY REFERENCES evidence_content (id),
    result TEXT NOT NULL,
    verdict TEXT NOT NULL,
    checked_at TEXT NOT NULL,
    token BLOB,
    tsa_name TEXT,
    gen_time TEXT
) STRICT;

-- Requests waiting for the network: `timestamp` (a content's SHA-256), `email` (the DKIM
-- check of an e-mail), `email_stamp` (the timestamp of that check). Tried again with
-- back-off; an entry leaves only when its answer is stored or its content is purged.
CREATE TABLE proof_queue (
    kind TEXT NOT NULL CHECK (kind IN ('timestamp', 'email', 'email_stamp')),
    content_id INTEGER NOT NULL REFERENCES evidence_content (id),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try TEXT NOT NULL,
    last_error TEXT,
    PRIMARY KEY (kind, content_id)
) STRICT;

-- The evidence already in the vault waits for its proofs like new evidence does.
INSERT INTO proof_queue (kind, content_id, next_try)
SELECT 'timestamp', id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM evidence_content
WHERE released_at IS NULL;
INSERT INTO proof_queue (kind, content_id, next_try)
SELECT 'email', id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM evidence_content
WHERE released_at IS NULL AND media_type = 'message/rfc822';

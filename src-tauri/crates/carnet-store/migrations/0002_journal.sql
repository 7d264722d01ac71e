-- The journal: the company, its platforms, incidents with their chronology and pieces, the
-- history of every change, and the trash (rows with `deleted_at` set). Dates are ISO strings
-- (`YYYY-MM-DD` for calendar dates, RFC 3339 for instants); amounts are integer cents.

CREATE TABLE company (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    legal_name TEXT NOT NULL,
    siren TEXT,                    -- 9 digits, check digit verified in carnet-core
    siret TEXT,                    -- 14 digits, first 9 = siren
    legal_form TEXT NOT NULL DEFAULT '',
    naf TEXT,                      -- NN.NNL
    size_class TEXT,               -- micro | small | medium | large
    headcount INTEGER CHECK (headcount IS NULL OR headcount >= 0),
    street TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT 'FR',
    contact_name TEXT NOT NULL DEFAULT '',
    contact_role TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    insolvency INTEGER NOT NULL DEFAULT 0 CHECK (insolvency IN (0, 1)),
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE platform (
    id INTEGER PRIMARY KEY,
    catalogue_id TEXT,             -- id in carnet-core's data/platforms.toml, NULL if custom
    name TEXT NOT NULL,
    service TEXT NOT NULL,         -- marketplace | app_store | booking | delivery | search_ads | social
    legal_entity TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    siret TEXT,
    seller_accounts TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    relationship_start TEXT,
    turnover_share_pct INTEGER CHECK (turnover_share_pct IS NULL OR turnover_share_pct BETWEEN 0 AND 100),
    complaint_channel TEXT NOT NULL DEFAULT '',
    mediators TEXT NOT NULL DEFAULT '[]',         -- JSON array of strings
    terms_version TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE TABLE incident (
    id INTEGER PRIMARY KEY,
    platform_id INTEGER NOT NULL REFERENCES platform (id),
    category TEXT NOT NULL,        -- code in data/categories.toml
    measure TEXT,                  -- terms_change | restriction | suspension | termination
    title TEXT NOT NULL,
    status TEXT NOT NULL,          -- open | complaint_sent | awaiting_answer | mediation | reported | resolved | abandoned
    occurred_on TEXT,
    notified_on TEXT,
    took_effect_on TEXT,
    decision_on TEXT,
    complaint_sent_on TEXT,
    answer_received_on TEXT,
    referral_on TEXT,
    referral_decided_on TEXT,
    reasons_received INTEGER CHECK (reasons_received IS NULL OR reasons_received IN (0, 1)),
    funds_held_cents INTEGER CHECK (funds_held_cents IS NULL OR funds_held_cents >= 0),
    sales_lost_cents INTEGER CHECK (sales_lost_cents IS NULL OR sales_lost_cents >= 0),
    fees_cents INTEGER CHECK (fees_cents IS NULL OR fees_cents >= 0),
    amounts_note TEXT NOT NULL DEFAULT '',     -- how the amounts were computed
    decision_reference TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    wanted TEXT NOT NULL DEFAULT '',           -- what the owner asks for
    tags TEXT NOT NULL DEFAULT '[]',           -- JSON array of strings
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE INDEX incident_platform ON incident (platform_id) WHERE deleted_at IS NULL;
CREATE INDEX incident_recent ON incident (occurred_on DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE incident_status (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident (id),
    status TEXT NOT NULL,
    changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX incident_status_incident ON incident_status (incident_id);

CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident (id),
    happened_on TEXT NOT NULL,
    actor TEXT NOT NULL,           -- us | platform | third_party | authority
    channel TEXT NOT NULL,         -- email | portal_message | phone | letter | notification | other
    summary TEXT NOT NULL,
    full_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE INDEX event_incident ON event (incident_id, happened_on) WHERE deleted_at IS NULL;

-- A piece of evidence attached to an incident: its number (P1, P2…) is per incident.
CREATE TABLE piece (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident (id),
    content_id INTEGER NOT NULL REFERENCES evidence_content (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    title TEXT NOT NULL,
    dated_on TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    deleted_at TEXT,
    UNIQUE (incident_id, number)
) STRICT;

CREATE TABLE event_piece (
    event_id INTEGER NOT NULL REFERENCES event (id),
    piece_id INTEGER NOT NULL REFERENCES piece (id),
    PRIMARY KEY (event_id, piece_id)
) STRICT;

-- Every change, for the history view: what (table, row, action, a JSON summary of the
-- fields changed), when. Written in the same transaction as the change.
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    entity TEXT NOT NULL,          -- company | platform | incident | event | piece
    entity_id INTEGER NOT NULL,
    action TEXT NOT NULL,          -- created | updated | deleted | restored | purged
    detail TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX history_entity ON history (entity, entity_id);

-- Full-text search, accent-insensitive (remove_diacritics 2): one row per searchable text,
-- pointing at the incident it belongs to. Kept in step by the store, in the same transaction.
CREATE VIRTUAL TABLE search USING fts5 (
    body,
    kind UNINDEXED,                -- incident | event | piece | platform
    ref_id UNINDEXED,
    incident_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

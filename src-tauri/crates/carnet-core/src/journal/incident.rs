//! An incident: what a platform did to the business, on which platform, under which category
//! of the tree, with its dates, amounts and status. The form's input as typed
//! ([`IncidentInput`]: strings, dates `YYYY-MM-DD`, amounts `1 234,56`) is validated into an
//! [`IncidentData`] — the trust boundary — and comes back as an [`Incident`] with its deadline
//! checks and the evidence checklist of its category computed for "today", which is passed in.
//!
//! The status moves freely among its values (the owner may reopen a case); each change is a
//! row of the status history. Platform ids are checked by the store, which knows them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalogue::Label;
use crate::categories::Catalogue;
use crate::deadlines::{self, Check, IncidentFacts, Measure};
use crate::error::{CoreError, Field};
use crate::locale::Locale;

pub mod rules;

/// The longest title, in characters.
pub const TITLE_MAX: usize = 200;
/// The longest description, in characters.
pub const DESCRIPTION_MAX: usize = 20_000;
/// The longest "what the owner wants", in characters.
pub const WANTED_MAX: usize = 5_000;
/// The longest note on how the amounts were computed, in characters.
pub const AMOUNTS_NOTE_MAX: usize = 2_000;
/// The longest decision or case reference, in characters.
pub const DECISION_REFERENCE_MAX: usize = 200;
/// The most tags an incident may have.
pub const TAGS_MAX: usize = 20;
/// The longest tag, in characters.
pub const TAG_MAX: usize = 40;
/// The longest page of the incident list.
pub const PAGE_MAX: u32 = 200;
/// The page length when none is asked.
pub const PAGE_DEFAULT: u32 = 50;

/// Where the case stands, in the usual order of a dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Status {
    /// The starting status: recorded, no step taken yet.
    Open,
    /// The owner complained to the platform.
    ComplaintSent,
    /// Waiting for the platform's answer.
    AwaitingAnswer,
    /// Before a mediator or an out-of-court body.
    Mediation,
    /// Reported to an authority.
    Reported,
    /// Settled: closed.
    Resolved,
    /// Given up: closed.
    Abandoned,
}

impl Status {
    /// Every status, in the usual order of a dispute.
    pub const ALL: [Status; 7] = [
        Status::Open,
        Status::ComplaintSent,
        Status::AwaitingAnswer,
        Status::Mediation,
        Status::Reported,
        Status::Resolved,
        Status::Abandoned,
    ];

    /// The name stored and used over IPC.
    pub fn code(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::ComplaintSent => "complaint_sent",
            Status::AwaitingAnswer => "awaiting_answer",
            Status::Mediation => "mediation",
            Status::Reported => "reported",
            Status::Resolved => "resolved",
            Status::Abandoned => "abandoned",
        }
    }

    /// Reads a status sent by the UI or stored in the vault.
    pub fn parse(s: &str) -> Result<Status, CoreError> {
        rules::member(Some(s), &Status::ALL, Status::code, Field::IncidentStatus)?
            .ok_or(CoreError::Invalid(Field::IncidentStatus))
    }

    /// Closed cases: resolved or abandoned.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Resolved | Status::Abandoned)
    }
}

/// Whether the platform gave its reasons for the measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReasonsReceived {
    /// The platform gave its reasons.
    Yes,
    /// It gave none.
    No,
    /// The owner does not know, or has not said.
    #[default]
    Unknown,
}

impl ReasonsReceived {
    /// Every answer, in the order of the form.
    pub const ALL: [ReasonsReceived; 3] = [
        ReasonsReceived::Yes,
        ReasonsReceived::No,
        ReasonsReceived::Unknown,
    ];

    /// The name stored and used over IPC.
    pub fn code(self) -> &'static str {
        match self {
            ReasonsReceived::Yes => "yes",
            ReasonsReceived::No => "no",
            ReasonsReceived::Unknown => "unknown",
        }
    }

    /// As the deadline checks and the database hold it.
    pub fn as_bool(self) -> Option<bool> {
        match self {
            ReasonsReceived::Yes => Some(true),
            ReasonsReceived::No => Some(false),
            ReasonsReceived::Unknown => None,
        }
    }

    /// The inverse of [`ReasonsReceived::as_bool`].
    pub fn from_bool(b: Option<bool>) -> Self {
        match b {
            Some(true) => ReasonsReceived::Yes,
            Some(false) => ReasonsReceived::No,
            None => ReasonsReceived::Unknown,
        }
    }
}

/// The incident form as the UI sends it: texts as typed, blank for "none".
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentInput {
    /// The incident to update; absent to create one.
    #[ts(optional, type = "number")]
    pub id: Option<i64>,
    /// The vault platform it happened on (checked by the store).
    #[ts(type = "number")]
    pub platform_id: i64,
    /// A category code of the tree (`ACC-02`).
    pub category: String,
    /// `terms_change`, `restriction`, `suspension`, `termination`, or blank.
    #[ts(optional)]
    pub measure: Option<String>,
    /// One line, 1 to [`TITLE_MAX`] characters.
    pub title: String,
    /// When it happened: `YYYY-MM-DD`, or blank when unknown (like every date below).
    #[ts(optional)]
    pub occurred_on: Option<String>,
    /// When the platform notified the measure.
    #[ts(optional)]
    pub notified_on: Option<String>,
    /// When the measure took effect.
    #[ts(optional)]
    pub took_effect_on: Option<String>,
    /// The date of the decision.
    #[ts(optional)]
    pub decision_on: Option<String>,
    /// When the owner complained.
    #[ts(optional)]
    pub complaint_sent_on: Option<String>,
    /// When the platform answered.
    #[ts(optional)]
    pub answer_received_on: Option<String>,
    /// When a certified out-of-court body received the dispute.
    #[ts(optional)]
    pub referral_on: Option<String>,
    /// When that body decided.
    #[ts(optional)]
    pub referral_decided_on: Option<String>,
    /// `yes`, `no`, `unknown` (or blank for unknown).
    #[ts(optional)]
    pub reasons_received: Option<String>,
    /// Amounts typed in the owner's language (`1 234,56`), blank for none.
    #[ts(optional)]
    pub funds_held: Option<String>,
    /// The sales lost, typed like `funds_held`.
    #[ts(optional)]
    pub sales_lost: Option<String>,
    /// The platform's fees or penalties, typed like `funds_held`.
    #[ts(optional)]
    pub fees: Option<String>,
    /// How the amounts were computed, up to [`AMOUNTS_NOTE_MAX`] characters.
    #[ts(optional)]
    pub amounts_note: Option<String>,
    /// The platform's decision or case number, up to [`DECISION_REFERENCE_MAX`] characters.
    #[ts(optional)]
    pub decision_reference: Option<String>,
    /// The account of what happened, up to [`DESCRIPTION_MAX`] characters.
    #[ts(optional)]
    pub description: Option<String>,
    /// What the owner wants (reinstatement, payout…), up to [`WANTED_MAX`] characters.
    #[ts(optional)]
    pub wanted: Option<String>,
    /// Free tags: at most [`TAGS_MAX`], each up to [`TAG_MAX`] characters.
    pub tags: Vec<String>,
}

/// The incident's dates, each possibly unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentDates {
    /// When the incident happened.
    #[ts(as = "Option<String>")]
    pub occurred_on: Option<NaiveDate>,
    /// When the platform notified the measure; for a decision, the day the owner was informed.
    #[ts(as = "Option<String>")]
    pub notified_on: Option<NaiveDate>,
    /// When the measure took effect.
    #[ts(as = "Option<String>")]
    pub took_effect_on: Option<NaiveDate>,
    /// The date of the decision the internal complaint would contest.
    #[ts(as = "Option<String>")]
    pub decision_on: Option<NaiveDate>,
    /// When the owner complained or wrote to the platform.
    #[ts(as = "Option<String>")]
    pub complaint_sent_on: Option<NaiveDate>,
    /// When the platform answered.
    #[ts(as = "Option<String>")]
    pub answer_received_on: Option<NaiveDate>,
    /// When a certified out-of-court body received the dispute (DSA 21).
    #[ts(as = "Option<String>")]
    pub referral_on: Option<NaiveDate>,
    /// When that body decided.
    #[ts(as = "Option<String>")]
    pub referral_decided_on: Option<NaiveDate>,
}

/// Amounts at stake, in cents, with how they were computed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Amounts {
    /// The funds the platform holds back.
    #[ts(type = "number | null")]
    pub funds_held_cents: Option<i64>,
    /// The sales lost because of the measure.
    #[ts(type = "number | null")]
    pub sales_lost_cents: Option<i64>,
    /// The fees or penalties charged.
    #[ts(type = "number | null")]
    pub fees_cents: Option<i64>,
    /// How the amounts were computed; empty when not said.
    pub note: String,
}

/// A validated incident, as the store writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IncidentData {
    /// The vault platform it happened on.
    #[ts(type = "number")]
    pub platform_id: i64,
    /// Its category code (`ACC-02`).
    pub category: String,
    /// What the platform did, if it is one of the timed measures.
    pub measure: Option<Measure>,
    /// One line, trimmed.
    pub title: String,
    /// Its dates, each possibly unknown.
    pub dates: IncidentDates,
    /// Whether the platform gave its reasons.
    pub reasons_received: ReasonsReceived,
    /// What is at stake, in cents.
    pub amounts: Amounts,
    /// The platform's decision or case number; empty when none.
    pub decision_reference: String,
    /// The account of what happened; may be empty.
    pub description: String,
    /// What the owner wants; may be empty.
    pub wanted: String,
    /// Trimmed, without duplicates (ignoring case).
    pub tags: Vec<String>,
}

impl IncidentInput {
    /// Checks every input, in the order of the form; the first refused names its field.
    /// Amounts are read the way `locale` writes them; dates may be at most a year after
    /// `today`. Returns the incident to update (if any) and the validated data.
    pub fn validate(
        &self,
        today: NaiveDate,
        locale: Locale,
    ) -> Result<(Option<i64>, IncidentData), CoreError> {
        let date = |s: &Option<String>, f| rules::date(s.as_deref(), today, f);
        let amount = |s: &Option<String>, f| rules::amount(s.as_deref(), locale, f);
        if self.platform_id <= 0 {
            return Err(CoreError::Invalid(Field::IncidentPlatform));
        }
        let category = self.category.trim();
        if Catalogue::builtin().category(category).is_none() {
            return Err(CoreError::Invalid(Field::IncidentCategory));
        }
        let measure = rules::member(
            self.measure.as_deref(),
            &Measure::ALL,
            Measure::code,
            Field::IncidentMeasure,
        )?;
        let title = rules::line(&self.title, 1, TITLE_MAX, Field::IncidentTitle)?;
        let dates = IncidentDates {
            occurred_on: date(&self.occurred_on, Field::IncidentOccurredOn)?,
            notified_on: date(&self.notified_on, Field::IncidentNotifiedOn)?,
            took_effect_on: date(&self.took_effect_on, Field::IncidentTookEffectOn)?,
            decision_on: date(&self.decision_on, Field::IncidentDecisionOn)?,
            complaint_sent_on: date(&self.complaint_sent_on, Field::IncidentComplaintSentOn)?,
            answer_received_on: date(&self.answer_received_on, Field::IncidentAnswerReceivedOn)?,
            referral_on: date(&self.referral_on, Field::IncidentReferralOn)?,
            referral_decided_on: date(&self.referral_decided_on, Field::IncidentReferralDecidedOn)?,
        };
        let reasons_received = rules::member(
            self.reasons_received.as_deref(),
            &ReasonsReceived::ALL,
            ReasonsReceived::code,
            Field::IncidentReasonsReceived,
        )?
        .unwrap_or_default();
        let amounts = Amounts {
            funds_held_cents: amount(&self.funds_held, Field::IncidentFundsHeld)?,
            sales_lost_cents: amount(&self.sales_lost, Field::IncidentSalesLost)?,
            fees_cents: amount(&self.fees, Field::IncidentFees)?,
            note: rules::text(
                self.amounts_note.as_deref(),
                AMOUNTS_NOTE_MAX,
                Field::IncidentAmountsNote,
            )?,
        };
        let decision_reference = rules::line(
            self.decision_reference.as_deref().unwrap_or(""),
            0,
            DECISION_REFERENCE_MAX,
            Field::IncidentDecisionReference,
        )?;
        let description = rules::text(
            self.description.as_deref(),
            DESCRIPTION_MAX,
            Field::IncidentDescription,
        )?;
        let wanted = rules::text(self.wanted.as_deref(), WANTED_MAX, Field::IncidentWanted)?;
        let tags = rules::tags(&self.tags, TAGS_MAX, TAG_MAX, Field::IncidentTags)?;
        Ok((
            self.id,
            IncidentData {
                platform_id: self.platform_id,
                category: category.to_owned(),
                measure,
                title,
                dates,
                reasons_received,
                amounts,
                decision_reference,
                description,
                wanted,
                tags,
            },
        ))
    }
}

impl IncidentData {
    /// What the deadline checks read.
    pub fn facts(&self) -> IncidentFacts {
        let d = &self.dates;
        IncidentFacts {
            measure: self.measure,
            reasons_received: self.reasons_received.as_bool(),
            notified: d.notified_on,
            took_effect: d.took_effect_on,
            decision: d.decision_on,
            complaint_sent: d.complaint_sent_on,
            answer_received: d.answer_received_on,
            referral: d.referral_on,
            referral_decided: d.referral_decided_on,
        }
    }

    /// The names of the fields that differ from `old` (for the history: names, never values).
    pub fn changed_fields(&self, old: &IncidentData) -> Vec<&'static str> {
        let (a, b) = (self, old);
        let (da, db) = (&a.dates, &b.dates);
        let pairs = [
            ("platform_id", a.platform_id != b.platform_id),
            ("category", a.category != b.category),
            ("measure", a.measure != b.measure),
            ("title", a.title != b.title),
            ("occurred_on", da.occurred_on != db.occurred_on),
            ("notified_on", da.notified_on != db.notified_on),
            ("took_effect_on", da.took_effect_on != db.took_effect_on),
            ("decision_on", da.decision_on != db.decision_on),
            (
                "complaint_sent_on",
                da.complaint_sent_on != db.complaint_sent_on,
            ),
            (
                "answer_received_on",
                da.answer_received_on != db.answer_received_on,
            ),
            ("referral_on", da.referral_on != db.referral_on),
            (
                "referral_decided_on",
                da.referral_decided_on != db.referral_decided_on,
            ),
            ("reasons_received", a.reasons_received != b.reasons_received),
            (
                "funds_held_cents",
                a.amounts.funds_held_cents != b.amounts.funds_held_cents,
            ),
            (
                "sales_lost_cents",
                a.amounts.sales_lost_cents != b.amounts.sales_lost_cents,
            ),
            ("fees_cents", a.amounts.fees_cents != b.amounts.fees_cents),
            ("amounts_note", a.amounts.note != b.amounts.note),
            (
                "decision_reference",
                a.decision_reference != b.decision_reference,
            ),
            ("description", a.description != b.description),
            ("wanted", a.wanted != b.wanted),
            ("tags", a.tags != b.tags),
        ];
        pairs
            .into_iter()
            .filter(|(_, c)| *c)
            .map(|(n, _)| n)
            .collect()
    }

    /// The text the full-text search indexes for the incident.
    pub fn search_text(&self) -> String {
        let texts = [
            &self.title,
            &self.description,
            &self.wanted,
            &self.decision_reference,
        ];
        IncidentData::search_text_of(texts.map(String::as_str), &self.tags)
    }

    /// The text the full-text search indexes for an incident of these texts (title,
    /// description, what is asked, the decision's reference) and tags: one a line, empty ones
    /// left out (also what the vault generator indexes).
    pub fn search_text_of(texts: [&str; 4], tags: &[String]) -> String {
        let mut parts = texts.to_vec();
        parts.extend(tags.iter().map(String::as_str));
        parts.retain(|p| !p.is_empty());
        parts.join("\n")
    }
}

/// One change of status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusChange {
    /// The status taken.
    pub status: Status,
    /// The instant (RFC 3339).
    pub changed_at: String,
}

/// An incident as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Incident {
    /// The vault's id of the incident.
    #[ts(type = "number")]
    pub id: i64,
    /// What the owner recorded.
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: IncidentData,
    /// The name of its platform, as the vault holds it.
    pub platform_name: String,
    /// Where the case stands now.
    pub status: Status,
    /// When it was recorded (RFC 3339).
    pub created_at: String,
    /// When it was last changed (RFC 3339).
    pub updated_at: String,
    /// Set when the incident is in the trash.
    pub deleted_at: Option<String>,
    /// The deadline checks for these dates, as of today.
    pub checks: Vec<Check>,
    /// The evidence to collect for its category.
    pub checklist: Vec<Label>,
    /// How many pieces are attached (not in the trash).
    #[ts(type = "number")]
    pub piece_count: i64,
}

/// What a stored incident is made of, besides its data; `Incident::new` adds the checks.
pub struct IncidentMeta {
    /// The vault's id of the incident.
    pub id: i64,
    /// The name of its platform.
    pub platform_name: String,
    /// Where the case stands now.
    pub status: Status,
    /// When it was recorded (RFC 3339).
    pub created_at: String,
    /// When it was last changed (RFC 3339).
    pub updated_at: String,
    /// When it went to the trash, if it did.
    pub deleted_at: Option<String>,
    /// How many pieces are attached (not in the trash).
    pub piece_count: i64,
}

impl Incident {
    /// The incident with its checks computed for `today` and its category's checklist.
    pub fn new(meta: IncidentMeta, data: IncidentData, today: NaiveDate) -> Incident {
        let checks = deadlines::checks(&data.facts(), today);
        let checklist = Catalogue::builtin()
            .category(&data.category)
            .map(|c| c.evidence.clone())
            .unwrap_or_default();
        Incident {
            id: meta.id,
            data,
            platform_name: meta.platform_name,
            status: meta.status,
            created_at: meta.created_at,
            updated_at: meta.updated_at,
            deleted_at: meta.deleted_at,
            checks,
            checklist,
            piece_count: meta.piece_count,
        }
    }
}

/// An incident with everything attached: the timeline, the pieces, the status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentDetail {
    /// The incident itself, with its checks.
    pub incident: Incident,
    /// Oldest first.
    pub events: Vec<crate::journal::event::Event>,
    /// By number.
    pub pieces: Vec<crate::journal::piece::Piece>,
    /// Oldest first; the first is the creation.
    pub status_history: Vec<StatusChange>,
}

/// What a list of incidents shows of each (the journal's list, the search's results).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IncidentLine {
    /// The vault's id of the incident.
    #[ts(type = "number")]
    pub id: i64,
    /// Its title.
    pub title: String,
    /// The vault platform it happened on.
    #[ts(type = "number")]
    pub platform_id: i64,
    /// That platform's name.
    pub platform_name: String,
    /// Its category code (`ACC-02`).
    pub category: String,
    /// Where the case stands.
    pub status: Status,
    /// When it happened, if known.
    #[ts(as = "Option<String>")]
    pub occurred_on: Option<NaiveDate>,
}

/// One line of the incident list: only what the list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentRow {
    /// The incident as the list shows it.
    #[serde(flatten)]
    #[ts(flatten)]
    pub line: IncidentLine,
    /// When it was last changed (RFC 3339).
    pub updated_at: String,
}

/// The filters and page of the incident list, as the UI sends them (all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentFilters {
    /// Only this platform's incidents.
    #[ts(optional, type = "number")]
    pub platform_id: Option<i64>,
    /// Only this category (a code of the tree).
    #[ts(optional)]
    pub category: Option<String>,
    /// Only this status (its code).
    #[ts(optional)]
    pub status: Option<String>,
    /// Incidents that occurred on or after this date.
    #[ts(optional)]
    pub from: Option<String>,
    /// Incidents that occurred on or before this date.
    #[ts(optional)]
    pub to: Option<String>,
    /// The rows to skip (0 when absent).
    #[ts(optional, type = "number")]
    pub offset: Option<i64>,
    /// The page length: 1 to [`PAGE_MAX`], [`PAGE_DEFAULT`] when absent.
    #[ts(optional, type = "number")]
    pub limit: Option<i64>,
}

/// Validated filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentQuery {
    /// Only this platform's incidents.
    pub platform_id: Option<i64>,
    /// Only this category.
    pub category: Option<String>,
    /// Only this status.
    pub status: Option<Status>,
    /// Incidents that occurred on or after this date.
    pub from: Option<NaiveDate>,
    /// Incidents that occurred on or before this date.
    pub to: Option<NaiveDate>,
    /// The rows to skip.
    pub offset: u32,
    /// The page length, 1 to [`PAGE_MAX`].
    pub limit: u32,
}

impl IncidentFilters {
    /// Checks the filters; a bad category or status names its field, anything else
    /// [`Field::IncidentList`].
    pub fn validate(&self, today: NaiveDate) -> Result<IncidentQuery, CoreError> {
        let bad = CoreError::Invalid(Field::IncidentList);
        let category = match self.category.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(c) if Catalogue::builtin().category(c).is_some() => Some(c.to_owned()),
            Some(_) => return Err(CoreError::Invalid(Field::IncidentCategory)),
        };
        let status = rules::member(
            self.status.as_deref(),
            &Status::ALL,
            Status::code,
            Field::IncidentStatus,
        )?;
        let from = rules::date(self.from.as_deref(), today, Field::IncidentList)?;
        let to = rules::date(self.to.as_deref(), today, Field::IncidentList)?;
        let offset = match self.offset {
            None => 0,
            Some(n) => u32::try_from(n).map_err(|_| bad.clone())?,
        };
        let limit = match self.limit {
            None => PAGE_DEFAULT,
            Some(n) if (1..=i64::from(PAGE_MAX)).contains(&n) => n as u32,
            Some(_) => return Err(bad),
        };
        Ok(IncidentQuery {
            platform_id: self.platform_id,
            category,
            status,
            from,
            to,
            offset,
            limit,
        })
    }
}

/// A page of the incident list, most recent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentPage {
    /// The incidents of this page.
    pub items: Vec<IncidentRow>,
    /// The offset of the next page; absent on the last one.
    #[ts(type = "number | null")]
    pub next_offset: Option<u32>,
}

#[cfg(test)]
mod tests;

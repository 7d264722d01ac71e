//! Carnet's journal as JSON, version 1 (docs/journal-json.md): written by
//! [`crate::export_json`], read back by [`plan_json`] into the same drafts as a spreadsheet.

use std::collections::HashMap;

use carnet_core::Platforms;
use carnet_core::deadlines::Measure;
use carnet_core::journal::event::{Actor, Channel, DecisionCheck, Event, EventData};
use carnet_core::journal::incident::{
    Amounts, Incident, IncidentData, IncidentDates, ReasonsReceived, Status,
};
use carnet_core::journal::piece::Piece;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::InteropError;
use crate::parse::{self, PlatformRef};
use crate::plan::{Draft, Plan, key_of};
use crate::read::MAX_BYTES;

/// The `format` member of every journal file.
pub const FORMAT: &str = "carnet.journal";
/// The schema version this build writes and reads.
pub const VERSION: u32 = 1;

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`].
    pub version: u32,
    /// The incidents, each with its events and pieces.
    pub incidents: Vec<JournalIncident>,
}

/// The platform of an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalPlatform {
    /// Its name as the vault shows it.
    pub name: String,
    /// Its id in carnet-core's catalogue, if it is one of them.
    #[serde(default)]
    pub catalogue_id: Option<String>,
}

/// One incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalIncident {
    /// Its id in the exporting vault (informative; also the import's key).
    pub id: i64,
    /// The `platform` member (docs/journal-json.md).
    pub platform: JournalPlatform,
    /// The `category` member (docs/journal-json.md).
    pub category: String,
    /// The `measure` member (docs/journal-json.md).
    #[serde(default)]
    pub measure: Option<Measure>,
    /// The `title` member (docs/journal-json.md).
    pub title: String,
    /// The `status` member (docs/journal-json.md).
    pub status: Status,
    /// The `occurredOn` member (docs/journal-json.md).
    #[serde(default)]
    pub occurred_on: Option<NaiveDate>,
    /// The `notifiedOn` member (docs/journal-json.md).
    #[serde(default)]
    pub notified_on: Option<NaiveDate>,
    /// The `tookEffectOn` member (docs/journal-json.md).
    #[serde(default)]
    pub took_effect_on: Option<NaiveDate>,
    /// The `decisionOn` member (docs/journal-json.md).
    #[serde(default)]
    pub decision_on: Option<NaiveDate>,
    /// The `complaintSentOn` member (docs/journal-json.md).
    #[serde(default)]
    pub complaint_sent_on: Option<NaiveDate>,
    /// The `answerReceivedOn` member (docs/journal-json.md).
    #[serde(default)]
    pub answer_received_on: Option<NaiveDate>,
    /// The `referralOn` member (docs/journal-json.md).
    #[serde(default)]
    pub referral_on: Option<NaiveDate>,
    /// The `referralDecidedOn` member (docs/journal-json.md).
    #[serde(default)]
    pub referral_decided_on: Option<NaiveDate>,
    /// The `reasonsReceived` member (docs/journal-json.md).
    #[serde(default)]
    pub reasons_received: ReasonsReceived,
    /// The `fundsHeldCents` member (docs/journal-json.md).
    #[serde(default)]
    pub funds_held_cents: Option<i64>,
    /// The `salesLostCents` member (docs/journal-json.md).
    #[serde(default)]
    pub sales_lost_cents: Option<i64>,
    /// The `feesCents` member (docs/journal-json.md).
    #[serde(default)]
    pub fees_cents: Option<i64>,
    /// The `amountsNote` member (docs/journal-json.md).
    #[serde(default)]
    pub amounts_note: String,
    /// The `decisionReference` member (docs/journal-json.md).
    #[serde(default)]
    pub decision_reference: String,
    /// The `description` member (docs/journal-json.md).
    #[serde(default)]
    pub description: String,
    /// The `wanted` member (docs/journal-json.md).
    #[serde(default)]
    pub wanted: String,
    /// The `tags` member (docs/journal-json.md).
    #[serde(default)]
    pub tags: Vec<String>,
    /// The `events` member (docs/journal-json.md).
    #[serde(default)]
    pub events: Vec<JournalEvent>,
    /// The pieces' descriptions (the files are not in the JSON; the import ignores them).
    #[serde(default)]
    pub pieces: Vec<JournalPiece>,
}

/// One event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalEvent {
    /// The `happenedOn` member (docs/journal-json.md).
    pub happened_on: NaiveDate,
    /// The `actor` member (docs/journal-json.md).
    pub actor: Actor,
    /// The `channel` member (docs/journal-json.md).
    pub channel: Channel,
    /// The `summary` member (docs/journal-json.md).
    pub summary: String,
    /// The `fullText` member (docs/journal-json.md).
    #[serde(default)]
    pub full_text: String,
    /// The `number`s of the incident's pieces it links to.
    #[serde(default)]
    pub pieces: Vec<i64>,
    /// The `decision` member (docs/journal-json.md): the platform's decision it records and
    /// what its message stated; absent when it records none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionCheck>,
}

/// One piece's description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalPiece {
    /// The `number` member (docs/journal-json.md).
    pub number: i64,
    /// The `title` member (docs/journal-json.md).
    pub title: String,
    /// The `datedOn` member (docs/journal-json.md).
    #[serde(default)]
    pub dated_on: Option<NaiveDate>,
    /// The `note` member (docs/journal-json.md).
    #[serde(default)]
    pub note: String,
    /// The `originalName` member (docs/journal-json.md).
    pub original_name: String,
    /// The `mediaType` member (docs/journal-json.md).
    pub media_type: String,
    /// The `size` member (docs/journal-json.md).
    pub size: u64,
    /// The `sha256` member (docs/journal-json.md).
    pub sha256: String,
}

/// The journal to export, as the store reads it.
#[derive(Debug, Clone, Copy)]
pub struct Journal<'a> {
    /// The incidents, in the order to write them.
    pub incidents: &'a [Incident],
    /// Their events (any order; grouped by `incident_id`).
    pub events: &'a [Event],
    /// Their pieces (grouped by `incident_id`).
    pub pieces: &'a [Piece],
    /// The catalogue id of each vault platform that has one (by vault platform id).
    pub catalogue_ids: &'a HashMap<i64, String>,
}

/// Builds the JSON document of `journal`.
pub fn journal_file(journal: &Journal<'_>) -> JournalFile {
    let incidents = journal
        .incidents
        .iter()
        .map(|i| {
            let d = &i.data;
            let pieces: Vec<&Piece> = journal
                .pieces
                .iter()
                .filter(|p| p.incident_id == i.id)
                .collect();
            let number_of = |id: i64| pieces.iter().find(|p| p.id == id).map(|p| p.number);
            JournalIncident {
                id: i.id,
                platform: JournalPlatform {
                    name: i.platform_name.clone(),
                    catalogue_id: journal.catalogue_ids.get(&d.platform_id).cloned(),
                },
                category: d.category.clone(),
                measure: d.measure,
                title: d.title.clone(),
                status: i.status,
                occurred_on: d.dates.occurred_on,
                notified_on: d.dates.notified_on,
                took_effect_on: d.dates.took_effect_on,
                decision_on: d.dates.decision_on,
                complaint_sent_on: d.dates.complaint_sent_on,
                answer_received_on: d.dates.answer_received_on,
                referral_on: d.dates.referral_on,
                referral_decided_on: d.dates.referral_decided_on,
                reasons_received: d.reasons_received,
                funds_held_cents: d.amounts.funds_held_cents,
                sales_lost_cents: d.amounts.sales_lost_cents,
                fees_cents: d.amounts.fees_cents,
                amounts_note: d.amounts.note.clone(),
                decision_reference: d.decision_reference.clone(),
                description: d.description.clone(),
                wanted: d.wanted.clone(),
                tags: d.tags.clone(),
                events: journal
                    .events
                    .iter()
                    .filter(|e| e.data.incident_id == i.id)
                    .map(|e| JournalEvent {
                        happened_on: e.data.happened_on,
                        actor: e.data.actor,
                        channel: e.data.channel,
                        summary: e.data.summary.clone(),
                        full_text: e.data.full_text.clone(),
                        pieces: e
                            .data
                            .piece_ids
                            .iter()
                            .filter_map(|&p| number_of(p))
                            .collect(),
                        decision: e.data.decision.clone(),
                    })
                    .collect(),
                pieces: pieces
                    .iter()
                    .map(|p| JournalPiece {
                        number: p.number,
                        title: p.title.clone(),
                        dated_on: p.dated_on,
                        note: p.note.clone(),
                        original_name: p.original_name.clone(),
                        media_type: p.media_type.clone(),
                        size: p.size,
                        sha256: p.sha256.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    JournalFile {
        format: FORMAT.into(),
        version: VERSION,
        incidents,
    }
}

/// Reads a journal file into a plan: one draft per incident, its events with it (their
/// links to pieces dropped: the files are not in the JSON). The key of each draft is a hash
/// of the incident's JSON, so importing the same file twice creates nothing the second time.
/// Incidents carnet-core refuses are reported by their index + 1 in `incidents` as the row.
pub fn plan_json(bytes: &[u8], today: NaiveDate) -> Result<Plan, InteropError> {
    if bytes.len() > MAX_BYTES {
        return Err(InteropError::TooLarge);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InteropError::Empty);
    }
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|_| InteropError::NotJournal)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(InteropError::NotJournal);
    }
    if value.get("version").and_then(|v| v.as_u64()) != Some(u64::from(VERSION)) {
        return Err(InteropError::UnsupportedVersion);
    }
    let file: JournalFile = serde_json::from_value(value).map_err(|_| InteropError::NotJournal)?;
    if file.incidents.len() > crate::read::MAX_ROWS {
        return Err(InteropError::TooManyRows);
    }
    let mut plan = Plan {
        file_fingerprint: hex::encode(Sha256::digest(bytes)),
        ..Plan::default()
    };
    for (i, inc) in file.incidents.iter().enumerate() {
        let row = i + 1;
        let platform = inc
            .platform
            .catalogue_id
            .as_deref()
            .filter(|id| Platforms::builtin().get(id).is_some())
            .map(|id| PlatformRef::Catalogue { id: id.to_owned() })
            .or_else(|| parse::platform(&inc.platform.name));
        let Some(platform) = platform else {
            plan.problems.push(crate::plan::problem(
                row,
                crate::plan::ProblemCode::MissingPlatform,
                None,
            ));
            continue;
        };
        if let PlatformRef::New { name } = &platform
            && !plan.new_platforms.contains(name)
        {
            plan.new_platforms.push(name.clone());
        }
        match draft(inc, platform, today, row) {
            Ok(d) => plan.drafts.push(d),
            Err(e) => plan.problems.push(crate::plan::problem(
                row,
                crate::plan::ProblemCode::Invalid,
                Some(e),
            )),
        }
    }
    Ok(plan)
}

fn draft(
    inc: &JournalIncident,
    platform: PlatformRef,
    today: NaiveDate,
    row: usize,
) -> Result<Draft, carnet_core::Field> {
    use carnet_core::journal::event::EventInput;
    use carnet_core::journal::incident::IncidentInput;
    let iso = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let cents = |c: Option<i64>| c.map(|c| format!("{},{:02}", c / 100, c.rem_euclid(100)));
    let input = IncidentInput {
        id: None,
        platform_id: 1,
        category: inc.category.clone(),
        measure: inc.measure.map(|m| m.code().to_owned()),
        title: inc.title.clone(),
        occurred_on: iso(inc.occurred_on),
        notified_on: iso(inc.notified_on),
        took_effect_on: iso(inc.took_effect_on),
        decision_on: iso(inc.decision_on),
        complaint_sent_on: iso(inc.complaint_sent_on),
        answer_received_on: iso(inc.answer_received_on),
        referral_on: iso(inc.referral_on),
        referral_decided_on: iso(inc.referral_decided_on),
        reasons_received: Some(inc.reasons_received.code().to_owned()),
        funds_held: cents(inc.funds_held_cents),
        sales_lost: cents(inc.sales_lost_cents),
        fees: cents(inc.fees_cents),
        amounts_note: Some(inc.amounts_note.clone()),
        decision_reference: Some(inc.decision_reference.clone()),
        description: Some(inc.description.clone()),
        wanted: Some(inc.wanted.clone()),
        tags: inc.tags.clone(),
    };
    let field = |e: carnet_core::CoreError| match e {
        carnet_core::CoreError::Invalid(f) => f,
        carnet_core::CoreError::PassphraseTooWeak => carnet_core::Field::Amount,
    };
    let (_, mut incident) = input
        .validate(today, carnet_core::Locale::Fr)
        .map_err(field)?;
    incident.platform_id = 0;
    let mut events: Vec<EventData> = Vec::new();
    for e in &inc.events {
        let (_, mut data) = EventInput {
            id: None,
            incident_id: 1,
            happened_on: e.happened_on.format("%Y-%m-%d").to_string(),
            actor: e.actor.code().to_owned(),
            channel: e.channel.code().to_owned(),
            summary: e.summary.clone(),
            full_text: Some(e.full_text.clone()),
            piece_ids: Vec::new(),
            decision: e.decision.as_ref().map(|d| d.kind.code().to_owned()),
            reasons_given: e
                .decision
                .iter()
                .flat_map(|d| d.given.iter().map(|g| g.code().to_owned()))
                .collect(),
        }
        .validate(today)
        .map_err(field)?;
        data.incident_id = 0;
        events.push(data);
    }
    let canonical = serde_json::to_string(inc).unwrap_or_default();
    Ok(Draft {
        key: key_of(&["json", &canonical]),
        rows: vec![row],
        platform,
        status: inc.status,
        incident,
        events,
    })
}

/// The data of an incident as a JSON journal restores it (for the round-trip checks).
pub fn data_of(inc: &JournalIncident) -> IncidentData {
    IncidentData {
        platform_id: 0,
        category: inc.category.clone(),
        measure: inc.measure,
        title: inc.title.clone(),
        dates: IncidentDates {
            occurred_on: inc.occurred_on,
            notified_on: inc.notified_on,
            took_effect_on: inc.took_effect_on,
            decision_on: inc.decision_on,
            complaint_sent_on: inc.complaint_sent_on,
            answer_received_on: inc.answer_received_on,
            referral_on: inc.referral_on,
            referral_decided_on: inc.referral_decided_on,
        },
        reasons_received: inc.reasons_received,
        amounts: Amounts {
            funds_held_cents: inc.funds_held_cents,
            sales_lost_cents: inc.sales_lost_cents,
            fees_cents: inc.fees_cents,
            note: inc.amounts_note.clone(),
        },
        decision_reference: inc.decision_reference.clone(),
        description: inc.description.clone(),
        wanted: inc.wanted.clone(),
        tags: inc.tags.clone(),
    }
}

//! The report model: everything a dossier says, as plain data. The shell fills a [`Report`]
//! from the store (the company, the platforms, the chosen incidents with their events, the
//! pieces numbered for the dossier, the steps taken, what is asked, the owner's declarations)
//! and hands it to `carnet-dossier`, which never touches storage.
//!
//! The pieces' bytes are not in the report: a dossier of 50 screenshots would carry tens of
//! megabytes in a value the UI also receives. The renderer asks a [`PieceSource`] for each
//! piece it shows (images, text, e-mails), one at a time, and checks the bytes against the
//! SHA-256 recorded when the piece was added.
//!
//! Pure, like the rest of the crate: the generation instant is passed in, and the deadline
//! checks are computed for the day the dossier is generated ([`ReportIncident::new`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::deadlines::{self, Check};
use crate::journal::company::CompanyProfile;
use crate::journal::event::Event;
use crate::journal::incident::{Incident, IncidentData, Status};
use crate::journal::piece::{Piece, PreviewKind};
use crate::journal::platform::PlatformDetails;
use crate::locale::Locale;

/// The longest summary: it must fit the smallest text field of the DGE's online form.
pub const SUMMARY_MAX: usize = 400;

/// Where the dossier goes (domain notes §4). Each decides the sections, their order and
/// their wording (`carnet-dossier/data/destinations.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Destination {
    /// The DGE's reporting form `consultation-plateformes`.
    DgeForm,
    /// The Médiateur des entreprises.
    Mediateur,
    /// The platform's internal complaint-handling system (P2B 11, DSA 20).
    PlatformComplaint,
    /// A certified out-of-court dispute settlement body (DSA 21).
    OutOfCourtBody,
    /// A notice of counterfeit listings (DSA 16).
    CounterfeitNotice,
    /// A complaint to Arcom, the French Digital Services Coordinator (DSA 53).
    Arcom,
    /// A request for mediation to a mediator the platform's terms name (P2B 12).
    P2bMediator,
}

impl Destination {
    /// Every destination, in the order the UI offers them.
    pub const ALL: [Destination; 7] = [
        Destination::DgeForm,
        Destination::Mediateur,
        Destination::PlatformComplaint,
        Destination::OutOfCourtBody,
        Destination::CounterfeitNotice,
        Destination::Arcom,
        Destination::P2bMediator,
    ];

    /// The name used in data files and over IPC.
    pub fn code(self) -> &'static str {
        match self {
            Destination::DgeForm => "dge_form",
            Destination::Mediateur => "mediateur",
            Destination::PlatformComplaint => "platform_complaint",
            Destination::OutOfCourtBody => "out_of_court_body",
            Destination::CounterfeitNotice => "counterfeit_notice",
            Destination::Arcom => "arcom",
            Destination::P2bMediator => "p2b_mediator",
        }
    }

    /// The destination with this code, if any.
    pub fn parse(code: &str) -> Option<Destination> {
        Destination::ALL.into_iter().find(|d| d.code() == code)
    }

    /// Whether its upload form refuses HEIC photos (domain notes §4: démarches, which
    /// carries the DGE form and the Médiateur's entry point, refuses them): a JPEG copy goes
    /// up instead, the original stays in the evidence bundle.
    pub fn refuses_heic(self) -> bool {
        matches!(self, Destination::DgeForm | Destination::Mediateur)
    }
}

/// A platform's place as to the *Charte des acteurs du e-commerce* (domain notes §1): signed
/// on 26 March 2019, joined at its renewal on 7 December 2020, not a signatory, or unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CharterStatus {
    /// `signed2019`.
    Signed2019,
    /// `joined2020`.
    Joined2020,
    /// `no`: not a signatory.
    No,
    /// `unknown`: the sources do not say.
    #[default]
    Unknown,
}

/// A certified out-of-court dispute settlement body covering a platform (DSA 21), as the
/// platform card names it. Texts in the dossier's language, from the platforms' data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OutOfCourtBodyRef {
    /// `ADR Center`.
    pub name: String,
    /// ISO 3166 code of the Digital Services Coordinator that certified it (`IT`).
    pub country: String,
    /// Its fee rule in one line (`free for recipients since 1 September 2025`).
    pub fee_rule: String,
}

/// A platform as the dossier presents it: the owner's record, and what the shell adds from
/// the platforms' data (charter status, DSA/DMA designations, the out-of-court bodies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportPlatform {
    /// The platform's id in the vault.
    pub id: i64,
    /// The mediators its terms name (P2B 12) are `details.mediators`.
    #[serde(flatten)]
    pub details: PlatformDetails,
    /// Signed 2019, joined 2020, no, unknown.
    pub charter: CharterStatus,
    /// A very large online platform under the DSA; `null` when not known.
    pub vlop: Option<bool>,
    /// A gatekeeper under the DMA; `null` when not known.
    pub gatekeeper: Option<bool>,
    /// The certified out-of-court bodies covering it (DSA 21).
    pub out_of_court_bodies: Vec<OutOfCourtBodyRef>,
}

impl ReportPlatform {
    /// The platform with nothing known beyond the owner's record (its address included):
    /// charter unknown, designations unknown, no body named. The shell fills the rest.
    pub fn new(id: i64, details: PlatformDetails) -> Self {
        ReportPlatform {
            id,
            details,
            charter: CharterStatus::Unknown,
            vlop: None,
            gatekeeper: None,
            out_of_court_bodies: Vec::new(),
        }
    }
}

/// An incident with its chronology, as of the day the dossier is generated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportIncident {
    /// The incident's id in the vault.
    pub id: i64,
    /// What the owner recorded.
    #[serde(flatten)]
    pub data: IncidentData,
    /// Where the case stands.
    pub status: Status,
    /// The deadline checks for these dates, computed for the generation day.
    pub checks: Vec<Check>,
    /// Oldest first.
    pub events: Vec<Event>,
}

impl ReportIncident {
    /// The grounds its chronology gives: what the latest decision's statement of reasons
    /// lacked (see [`crate::journal::event::decision_grounds`]).
    pub fn grounds(&self) -> Vec<crate::reasons::MissingGround> {
        crate::journal::event::decision_grounds(&self.events)
    }

    /// The incident and its events, its checks computed again for `generated_on` (the
    /// incident's own were computed for the day it was loaded). Events are put oldest first.
    pub fn new(incident: &Incident, mut events: Vec<Event>, generated_on: NaiveDate) -> Self {
        events.sort_by_key(|e| (e.data.happened_on, e.id));
        ReportIncident {
            id: incident.id,
            checks: deadlines::checks(&incident.data.facts(), generated_on),
            data: incident.data.clone(),
            status: incident.status,
            events,
        }
    }
}

/// A piece as the dossier lists it, numbered for the dossier (P01, P02… across all its
/// incidents: each incident numbers its own pieces from 1, so those numbers can repeat).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportPiece {
    /// The piece's id in the vault (what events refer to).
    pub id: i64,
    /// The incident it belongs to.
    pub incident_id: i64,
    /// Its number in the dossier, from 1.
    pub number: u32,
    /// Its title, as the owner gave it.
    pub title: String,
    /// The date of what it shows, if known.
    pub dated_on: Option<NaiveDate>,
    /// The owner's note; may be empty.
    pub note: String,
    /// The file's name as it was added.
    pub original_name: String,
    /// Its media type (`image/jpeg`).
    pub media_type: String,
    /// Its size in bytes.
    pub size: u64,
    /// Lower-case hex, as recorded when the piece was added.
    pub sha256: String,
    /// The events it supports.
    pub event_ids: Vec<i64>,
    /// Its timestamp and, for an e-mail, its DKIM check (printed in the inventory).
    pub proof: crate::journal::proof::PieceProof,
}

impl ReportPiece {
    /// Numbers pieces for the dossier in the order given (incident by incident, each by its
    /// own number, is the natural order).
    pub fn numbered<'a>(pieces: impl IntoIterator<Item = &'a Piece>) -> Vec<ReportPiece> {
        pieces
            .into_iter()
            .zip(1u32..)
            .map(|(p, number)| ReportPiece {
                id: p.id,
                incident_id: p.incident_id,
                number,
                title: p.title.clone(),
                dated_on: p.dated_on,
                note: p.note.clone(),
                original_name: p.original_name.clone(),
                media_type: p.media_type.clone(),
                size: p.size,
                sha256: p.sha256.clone(),
                event_ids: p.event_ids.clone(),
                proof: p.proof.clone(),
            })
            .collect()
    }

    /// `P03`: how the dossier and the evidence bundle name it.
    pub fn label(&self) -> String {
        format!("P{:02}", self.number)
    }

    /// A HEIC/HEIF photo (an iPhone's usual format), by its media type or its name.
    pub fn is_heic(&self) -> bool {
        let media = self.media_type.to_ascii_lowercase();
        let name = self.original_name.to_ascii_lowercase();
        media.starts_with("image/heic")
            || media.starts_with("image/heif")
            || name.ends_with(".heic")
            || name.ends_with(".heif")
    }

    /// How the dossier shows it: an image, text, an e-mail, or listed only.
    pub fn preview(&self) -> PreviewKind {
        PreviewKind::of(&self.media_type)
    }
}

/// A step already taken to settle the dispute (domain notes §6.8). Court cases and
/// insolvency proceedings decide whether the Médiateur can act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StepKind {
    /// A complaint through the platform's internal system.
    InternalComplaint,
    /// The platform's answer.
    PlatformAnswer,
    /// A mediation (the Médiateur des entreprises, a P2B 12 mediator).
    Mediation,
    /// A referral to a certified out-of-court body (DSA 21).
    OutOfCourtBody,
    /// A notice of illegal content (DSA 16).
    Notice,
    /// A report to an authority (DGCCRF, DGE).
    AuthorityReport,
    /// A court case, pending or decided.
    CourtCase,
    /// Insolvency proceedings (safeguard, receivership, liquidation).
    InsolvencyProceedings,
    /// Anything else.
    Other,
}

/// A step already taken to settle the dispute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Step {
    /// What kind of step.
    pub kind: StepKind,
    /// When it was taken, if known.
    #[ts(as = "Option<String>")]
    pub date: Option<NaiveDate>,
    /// A case or ticket number.
    pub reference: String,
    /// What came of it, in the owner's words.
    pub outcome: String,
}

/// The steps an incident's own dates record: the complaint, the answer, the referral to an
/// out-of-court body and its decision. The shell adds those the owner recorded otherwise.
pub fn steps_from_incident(incident: &IncidentData) -> Vec<Step> {
    let d = &incident.dates;
    let step = |kind, date: Option<NaiveDate>, reference: &str| {
        date.map(|date| Step {
            kind,
            date: Some(date),
            reference: reference.to_owned(),
            outcome: String::new(),
        })
    };
    [
        step(
            StepKind::InternalComplaint,
            d.complaint_sent_on,
            &incident.decision_reference,
        ),
        step(StepKind::PlatformAnswer, d.answer_received_on, ""),
        step(StepKind::OutOfCourtBody, d.referral_on, ""),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// What the company asks for (domain notes §6.9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AskKind {
    /// The account or listing reinstated.
    Reinstatement,
    /// A statement of reasons for the decision.
    StatementOfReasons,
    /// The funds held released.
    ReleaseOfFunds,
    /// The decision reviewed.
    ReviewOfDecision,
    /// A mediation.
    Mediation,
    /// The counterfeit listings removed.
    RemovalOfCounterfeits,
    /// Compensation for the harm.
    Compensation,
    /// Anything else, said in `detail`.
    Other,
}

/// One thing the company asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Ask {
    /// What kind of request.
    pub kind: AskKind,
    /// The owner's words; may be empty.
    pub detail: String,
}

/// The kind of intellectual property right a counterfeit notice rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IpRightKind {
    /// A trademark.
    Trademark,
    /// A registered design.
    Design,
    /// A patent.
    Patent,
    /// Copyright.
    Copyright,
    /// Another right, named in its title.
    Other,
}

/// An intellectual property right a counterfeit notice rests on (DSA 16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IpRight {
    /// What kind of right.
    pub kind: IpRightKind,
    /// Its name (the mark, the design's title).
    pub title: String,
    /// The registration number.
    pub number: String,
    /// The office that registered it (INPI, EUIPO…).
    pub office: String,
}

/// The owner's explicit choice whether the platform may learn who complains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IdentityChoice {
    /// The company's identity may be passed on to the platform.
    Disclose,
    /// It may not (fear of reprisals).
    Withhold,
}

/// The owner's declarations and signature block, as the destination asks for them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Declarations {
    /// The owner declares the facts accurate and the pieces genuine.
    pub accuracy: bool,
    /// The Médiateur's confidentiality undertaking.
    pub confidentiality: bool,
    /// The DSA 16 good-faith statement (counterfeit notices).
    pub good_faith: bool,
    /// `null` while the owner has not chosen.
    pub identity: Option<IdentityChoice>,
    /// Who signs (name and role), and where.
    pub signatory: String,
    /// Where the dossier is signed ("Fait à …"); may be empty.
    pub place: String,
}

/// What is asked of the Médiateur des entreprises (domain notes §4): a *sollicitation* (a
/// question, to be oriented) or a *saisine* (a request for mediation, with more fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MediateurRequest {
    /// A question, for the Médiateur to orient the company.
    Sollicitation,
    /// A request for mediation.
    Saisine,
}

/// A ground of the complaint: an element the law requires that the platform's decision
/// lacks, e.g. "the decision does not state the facts" (DSA 17(3)(b)). The shell fills
/// them from the statement-of-reasons checker; the dossier prints them as given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Ground {
    /// The incident it concerns; `null` for all of them.
    #[ts(type = "number | null")]
    pub incident_id: Option<i64>,
    /// `DSA 17(3)(b)`, `P2B 4(1)`.
    pub article: String,
    /// The sentence in French.
    pub fr: String,
    /// The sentence in English.
    pub en: String,
}

impl Ground {
    /// The sentence in `locale`.
    pub fn text(&self, locale: Locale) -> &str {
        match locale {
            Locale::Fr => &self.fr,
            Locale::En => &self.en,
        }
    }
}

/// Everything a dossier says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Where the dossier goes.
    pub destination: Destination,
    /// The language of every text of the dossier.
    pub locale: Locale,
    /// When the dossier is generated, with the owner's UTC offset: the PDF's creation and
    /// modification dates. Passed in, never read from the clock here.
    pub generated_at: DateTime<FixedOffset>,
    /// `2026-0007`: the number the owner and the recipient refer to it by.
    pub number: String,
    /// `Suspension du compte vendeur Amazon`.
    pub title: String,
    /// At most [`SUMMARY_MAX`] characters.
    pub summary: String,
    /// The company's profile.
    pub company: CompanyProfile,
    /// The platforms its incidents are on.
    pub platforms: Vec<ReportPlatform>,
    /// The incidents it covers, with their chronology.
    pub incidents: Vec<ReportIncident>,
    /// By number.
    pub pieces: Vec<ReportPiece>,
    /// The steps already taken to settle the dispute.
    pub steps: Vec<Step>,
    /// What the company asks for.
    pub asks: Vec<Ask>,
    /// Counterfeit notices: the rights infringed.
    pub ip_rights: Vec<IpRight>,
    /// Counterfeit notices: the exact URLs or ASINs of the listings concerned.
    pub listings: Vec<String>,
    /// The owner's declarations and signature block.
    pub declarations: Declarations,
    /// Médiateur: a sollicitation or a saisine; `null` while not chosen.
    pub mediateur_request: Option<MediateurRequest>,
    /// Médiateur saisine: the framework (*cadre de saisine*), in the owner's words.
    pub framework: String,
    /// Médiateur saisine (and other mediations): how the dispute was handled so far, in the
    /// owner's words (the steps list the recorded ones).
    pub handled_so_far: String,
    /// Arcom: the DSA provisions the complaint says were infringed (`DSA 17`, `DSA 20`).
    pub dsa_provisions: Vec<String>,
    /// P2B 12 mediation: the mediator addressed, one the platform's terms name.
    pub mediator: String,
    /// The statement of reasons' missing elements, as grounds (complaint, out-of-court,
    /// Médiateur and mediator dossiers). Filled by the shell from the checker.
    pub grounds: Vec<Ground>,
}

/// Why a report cannot be rendered as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum ReportProblem {
    /// The summary is over [`SUMMARY_MAX`] characters.
    #[error("the summary has {chars} characters, more than {max}")]
    SummaryTooLong {
        /// Its length, in characters.
        chars: u32,
        /// The most it may have.
        max: u32,
    },
    /// The title is blank.
    #[error("the dossier has no title")]
    NoTitle,
    /// The number is blank.
    #[error("the dossier has no number")]
    NoNumber,
    /// The pieces are not numbered 1, 2, 3… in their order.
    #[error("piece {position} is numbered {number}: pieces are numbered 1, 2, 3…")]
    PieceNumbering {
        /// Its place in the list, from 1.
        position: u32,
        /// The number it carries.
        number: u32,
    },
    /// An incident's platform is not among the report's platforms.
    #[error("incident {incident} is on platform {platform}, which the report does not list")]
    UnknownPlatform {
        /// The incident's id.
        #[ts(type = "number")]
        incident: i64,
        /// Its platform's id.
        #[ts(type = "number")]
        platform: i64,
    },
    /// An event cites a piece the report does not list.
    #[error("event {event} refers to piece {piece}, which the report does not list")]
    UnknownPiece {
        /// The event's id.
        #[ts(type = "number")]
        event: i64,
        /// The piece's id.
        #[ts(type = "number")]
        piece: i64,
    },
}

/// The amounts at stake, added up over the incidents, in cents. `None` where no incident
/// gives that amount; saturating, so an absurd sum cannot wrap around.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportTotals {
    /// The funds held, added up.
    #[ts(type = "number | null")]
    pub funds_held_cents: Option<i64>,
    /// The sales lost, added up.
    #[ts(type = "number | null")]
    pub sales_lost_cents: Option<i64>,
    /// The fees, added up.
    #[ts(type = "number | null")]
    pub fees_cents: Option<i64>,
}

impl ReportTotals {
    /// Everything at stake.
    pub fn total_cents(&self) -> Option<i64> {
        add(
            add(self.funds_held_cents, self.sales_lost_cents),
            self.fees_cents,
        )
    }
}

fn add(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.saturating_add(b)),
        (a, b) => a.or(b),
    }
}

impl Report {
    /// What stops this report from being rendered; empty when it can be.
    pub fn problems(&self) -> Vec<ReportProblem> {
        let mut out = Vec::new();
        let chars = self.summary.chars().count();
        if chars > SUMMARY_MAX {
            out.push(ReportProblem::SummaryTooLong {
                chars: u32::try_from(chars).unwrap_or(u32::MAX),
                max: SUMMARY_MAX as u32,
            });
        }
        if self.title.trim().is_empty() {
            out.push(ReportProblem::NoTitle);
        }
        if self.number.trim().is_empty() {
            out.push(ReportProblem::NoNumber);
        }
        for (piece, position) in self.pieces.iter().zip(1u32..) {
            if piece.number != position {
                out.push(ReportProblem::PieceNumbering {
                    position,
                    number: piece.number,
                });
            }
        }
        let platforms: BTreeSet<i64> = self.platforms.iter().map(|p| p.id).collect();
        let pieces: BTreeSet<i64> = self.pieces.iter().map(|p| p.id).collect();
        for incident in &self.incidents {
            if !platforms.contains(&incident.data.platform_id) {
                out.push(ReportProblem::UnknownPlatform {
                    incident: incident.id,
                    platform: incident.data.platform_id,
                });
            }
            for event in &incident.events {
                for piece in &event.data.piece_ids {
                    if !pieces.contains(piece) {
                        out.push(ReportProblem::UnknownPiece {
                            event: event.id,
                            piece: *piece,
                        });
                    }
                }
            }
        }
        out
    }

    /// The day the dossier is generated, in the owner's time zone.
    pub fn generated_on(&self) -> NaiveDate {
        self.generated_at.date_naive()
    }

    /// The first and last dates the facts mention: incidents' dates and events.
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let dates = self.incidents.iter().flat_map(|i| {
            let d = &i.data.dates;
            [
                d.occurred_on,
                d.notified_on,
                d.took_effect_on,
                d.decision_on,
                d.complaint_sent_on,
                d.answer_received_on,
                d.referral_on,
                d.referral_decided_on,
            ]
            .into_iter()
            .flatten()
            .chain(i.events.iter().map(|e| e.data.happened_on))
        });
        dates.fold(None, |acc, d| match acc {
            None => Some((d, d)),
            Some((a, b)) => Some((a.min(d), b.max(d))),
        })
    }

    /// The amounts at stake, added up.
    pub fn totals(&self) -> ReportTotals {
        self.incidents
            .iter()
            .fold(ReportTotals::default(), |t, i| ReportTotals {
                funds_held_cents: add(t.funds_held_cents, i.data.amounts.funds_held_cents),
                sales_lost_cents: add(t.sales_lost_cents, i.data.amounts.sales_lost_cents),
                fees_cents: add(t.fees_cents, i.data.amounts.fees_cents),
            })
    }

    /// The platform with this vault id.
    pub fn platform(&self, id: i64) -> Option<&ReportPlatform> {
        self.platforms.iter().find(|p| p.id == id)
    }

    /// The piece with this vault id.
    pub fn piece(&self, id: i64) -> Option<&ReportPiece> {
        self.pieces.iter().find(|p| p.id == id)
    }

    /// The pieces of these vault ids (an event's `piece_ids`), skipping any not in the report.
    pub fn pieces_of<'a>(&'a self, ids: &'a [i64]) -> impl Iterator<Item = &'a ReportPiece> {
        ids.iter().filter_map(|id| self.piece(*id))
    }

    /// For each piece id, the events that cite it (from the events' own lists, joined with
    /// what the pieces record), in chronological order.
    pub fn supported_events(&self) -> BTreeMap<i64, Vec<&Event>> {
        let mut out: BTreeMap<i64, Vec<&Event>> = BTreeMap::new();
        let events: Vec<&Event> = self.incidents.iter().flat_map(|i| &i.events).collect();
        for piece in &self.pieces {
            let mut cited: Vec<&Event> = events
                .iter()
                .copied()
                .filter(|e| e.data.piece_ids.contains(&piece.id) || piece.event_ids.contains(&e.id))
                .collect();
            cited.sort_by_key(|e| (e.data.happened_on, e.id));
            out.insert(piece.id, cited);
        }
        out
    }
}

/// Why a piece's bytes could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PieceUnavailable(pub String);

/// Gives the renderer a piece's bytes when it needs them, one piece at a time, so that a
/// dossier of many screenshots never holds them all twice. The shell implements it over the
/// vault; tests over a map.
pub trait PieceSource {
    /// The piece's bytes as stored (the renderer checks them against `piece.sha256`).
    fn bytes(&self, piece: &ReportPiece) -> Result<Vec<u8>, PieceUnavailable>;

    /// The piece's RFC 3161 token, when it has one: the bundle carries it beside the piece.
    fn timestamp(&self, _piece: &ReportPiece) -> Option<StampToken> {
        None
    }

    /// A timestamp of `sha256` asked now (the bundle's manifest), when the owner turned
    /// proofs on and the authority answers; `None` otherwise (the bundle goes without).
    fn stamp(&self, _sha256: &[u8; 32]) -> Option<StampToken> {
        None
    }
}

/// An RFC 3161 token as the bundle carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StampToken {
    /// The DER TimeStampResp, as the authority sent it (`P03-….jpg.tsr`).
    pub der: Vec<u8>,
    /// The authority's name (`tsa/<name>.pem`).
    pub tsa_name: String,
    /// The certificates the token carries, signer first (PEM).
    pub chain_pem: String,
}

/// Bytes by piece id.
impl PieceSource for BTreeMap<i64, Vec<u8>> {
    fn bytes(&self, piece: &ReportPiece) -> Result<Vec<u8>, PieceUnavailable> {
        self.get(&piece.id)
            .cloned()
            .ok_or_else(|| PieceUnavailable(format!("no bytes for {}", piece.label())))
    }
}

impl<F> PieceSource for F
where
    F: Fn(&ReportPiece) -> Result<Vec<u8>, PieceUnavailable>,
{
    fn bytes(&self, piece: &ReportPiece) -> Result<Vec<u8>, PieceUnavailable> {
        self(piece)
    }
}

#[cfg(test)]
mod tests;

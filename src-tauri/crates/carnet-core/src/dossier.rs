//! The dossier the owner prepares before exporting it: the draft as typed
//! ([`DossierInput`]) and checked ([`DossierDraft`]), what each destination still needs
//! ([`missing`]), the submission the owner records afterwards ([`SubmissionInput`]), and
//! what the commands answer about a dossier ([`DossierView`], [`DossierItem`]).
//!
//! A draft may be saved incomplete: its inputs are checked for shape and length only (a
//! summary of at most 400 characters, listings that are http(s) URLs or ASINs…). What a
//! destination requires before the dossier goes out is said by [`missing`], each element
//! with a code the UI switches on and the place where the owner fixes it (the company
//! profile, one platform, one incident or the draft). Blocking elements stop the export;
//! the others are advised.
//!
//! # Required elements per destination (domain notes §4, §6)
//!
//! Every destination (blocking): at least one incident, each still in the journal; a
//! title; the company profile with its legal name; the accuracy declaration; the
//! signatory's name.
//!
//! | Destination | Blocking | Advised |
//! |---|---|---|
//! | DGE form | company SIRET (the form's first step); contact e-mail; the summary (its "description of the difficulty", ≤ 400 characters); the explicit identity choice | NAF code, size class |
//! | Médiateur (sollicitation or saisine, to choose) | company SIRET, full address, contact name, personal e-mail and mobile; not in insolvency proceedings; each platform's legal entity, its postal address and, unless its country is set and not France, its SIRET (a foreign entity: its country); the confidentiality undertaking; what is asked | the summary; the steps already taken (an internal complaint sent); the identity choice |
//! | Platform complaint | the contested decision's reference and date (decision date, else effective or notice date) on each incident; a seller account id on each platform; what is asked | the summary |
//! | Out-of-court body | the decision's date on each incident; what is asked (no prior internal complaint: DSA 21(1) lets the owner go to a certified body directly; a complaint and its outcome are printed when there is one) | the decision's reference; the summary; the identity choice |
//! | Médiateur saisine (besides the above) | the framework (*cadre de saisine*); the company's headcount; a contact e-mail that is not a shared mailbox (`contact@`, `info@`…); how the dispute was handled so far | a mobile number |
//! | Arcom (DSA 53) | the DSA provisions concerned; each incident with a dated fact | the steps already taken; the identity choice |
//! | P2B 12 mediator | the mediator addressed; each platform's legal entity | the mediator among those the terms name; the platform's address; the steps already taken; the identity choice |
//! | Counterfeit notice | the exact listings (URLs or ASINs); at least one IP right, each with its title and registration number; the notifier's name (contact name) and e-mail; the good-faith statement | the summary |

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Field};
use crate::journal::company::CompanyProfile;
use crate::journal::event::Channel;
use crate::journal::incident::Status;
use crate::journal::text;
use crate::locale::Locale;
use crate::report::{
    Ask, AskKind, Declarations, Destination, Ground, IdentityChoice, IpRight, IpRightKind,
    MediateurRequest, Report, ReportIncident, ReportPiece, ReportPlatform, SUMMARY_MAX, Step,
    StepKind, steps_from_incident,
};

pub const TITLE_MAX: usize = 200;
/// The most incidents one dossier gathers.
pub const INCIDENTS_MAX: usize = 200;
pub const ASKS_MAX: usize = 20;
pub const ASK_DETAIL_MAX: usize = 2_000;
pub const IP_RIGHTS_MAX: usize = 20;
pub const IP_TITLE_MAX: usize = 200;
pub const IP_NUMBER_MAX: usize = 100;
pub const IP_OFFICE_MAX: usize = 100;
pub const LISTINGS_MAX: usize = 200;
pub const LISTING_MAX: usize = 2_000;
pub const SIGNATORY_MAX: usize = 200;
pub const PLACE_MAX: usize = 100;
pub const REFERENCE_MAX: usize = 100;
pub const FRAMEWORK_MAX: usize = 200;
pub const HANDLED_MAX: usize = 4_000;
pub const PROVISIONS_MAX: usize = 20;
pub const PROVISION_MAX: usize = 50;
pub const MEDIATOR_MAX: usize = 200;

/// An ask as typed: `kind` is an [`AskKind`] code (`release_of_funds`…).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct AskInput {
    pub kind: String,
    pub detail: String,
}

/// An IP right as typed: `kind` is an [`IpRightKind`] code (`trademark`…).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct IpRightInput {
    pub kind: String,
    pub title: String,
    pub number: String,
    pub office: String,
}

/// The declarations as typed; `identity` is `disclose`, `withhold`, or `null`/empty while
/// the owner has not chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct DeclarationsInput {
    pub accuracy: bool,
    pub confidentiality: bool,
    pub good_faith: bool,
    #[ts(optional)]
    pub identity: Option<String>,
    pub signatory: String,
    pub place: String,
}

/// The dossier form as the UI sends it (to create or save a draft). Its shape is that of
/// [`DossierDraft`]'s JSON, enumerations as strings, so the UI sends back what it received.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct DossierInput {
    /// A [`Destination`] code (`mediateur`…).
    pub destination: String,
    /// `fr` or `en`: the dossier's language.
    pub locale: String,
    #[ts(type = "Array<number>")]
    pub incident_ids: Vec<i64>,
    pub title: String,
    /// At most 400 characters.
    pub summary: String,
    pub asks: Vec<AskInput>,
    pub ip_rights: Vec<IpRightInput>,
    /// http(s) URLs or ASINs (10 letters and digits).
    pub listings: Vec<String>,
    pub declarations: DeclarationsInput,
    /// Médiateur: `sollicitation`, `saisine`, or empty while not chosen.
    pub mediateur_request: String,
    /// Médiateur saisine: the framework (*cadre de saisine*).
    pub framework: String,
    /// How the dispute was handled so far, in the owner's words.
    pub handled_so_far: String,
    /// Arcom: the DSA provisions concerned (`DSA 17`…).
    pub dsa_provisions: Vec<String>,
    /// P2B 12 mediation: the mediator addressed.
    pub mediator: String,
}

/// A checked draft, as the vault keeps it (JSON) and the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DossierDraft {
    pub destination: Destination,
    pub locale: Locale,
    /// Deduplicated, in the order chosen.
    #[ts(type = "Array<number>")]
    pub incident_ids: Vec<i64>,
    pub title: String,
    pub summary: String,
    pub asks: Vec<Ask>,
    pub ip_rights: Vec<IpRight>,
    /// URLs as typed (trimmed), ASINs in capitals.
    pub listings: Vec<String>,
    pub declarations: Declarations,
    /// `null` while not chosen (and for other destinations).
    #[serde(default)]
    pub mediateur_request: Option<MediateurRequest>,
    #[serde(default)]
    pub framework: String,
    #[serde(default)]
    pub handled_so_far: String,
    #[serde(default)]
    pub dsa_provisions: Vec<String>,
    #[serde(default)]
    pub mediator: String,
}

fn invalid(field: Field) -> CoreError {
    CoreError::Invalid(field)
}

/// A list refused before its entries are looked at when it is far longer than allowed.
fn bounded<T>(items: &[T], max: usize, field: Field) -> Result<(), CoreError> {
    if items.len() > max {
        return Err(invalid(field));
    }
    Ok(())
}

fn ask_kind(s: &str) -> Option<AskKind> {
    Some(match s.trim() {
        "reinstatement" => AskKind::Reinstatement,
        "statement_of_reasons" => AskKind::StatementOfReasons,
        "release_of_funds" => AskKind::ReleaseOfFunds,
        "review_of_decision" => AskKind::ReviewOfDecision,
        "mediation" => AskKind::Mediation,
        "removal_of_counterfeits" => AskKind::RemovalOfCounterfeits,
        "compensation" => AskKind::Compensation,
        "other" => AskKind::Other,
        _ => return None,
    })
}

fn ip_kind(s: &str) -> Option<IpRightKind> {
    Some(match s.trim() {
        "trademark" => IpRightKind::Trademark,
        "design" => IpRightKind::Design,
        "patent" => IpRightKind::Patent,
        "copyright" => IpRightKind::Copyright,
        "other" => IpRightKind::Other,
        _ => return None,
    })
}

impl DossierInput {
    /// Checks every input, in the order of the form; the first refused names its field.
    /// Shape and length only: what is still missing for the destination is [`missing`]'s.
    pub fn check(&self) -> Result<DossierDraft, CoreError> {
        let destination = Destination::parse(self.destination.trim())
            .ok_or(invalid(Field::DossierDestination))?;
        let locale =
            Locale::parse(self.locale.trim()).map_err(|_| invalid(Field::DossierLocale))?;
        bounded(&self.incident_ids, INCIDENTS_MAX, Field::DossierIncidents)?;
        let mut incident_ids = Vec::new();
        for &id in &self.incident_ids {
            if id <= 0 {
                return Err(invalid(Field::DossierIncidents));
            }
            if !incident_ids.contains(&id) {
                incident_ids.push(id);
            }
        }
        let title = text::line(&self.title, TITLE_MAX, Field::DossierTitle)?;
        let summary = text::text(&self.summary, SUMMARY_MAX, Field::DossierSummary)?;
        bounded(&self.asks, ASKS_MAX, Field::DossierAsks)?;
        let asks = self
            .asks
            .iter()
            .map(|a| {
                Ok(Ask {
                    kind: ask_kind(&a.kind).ok_or(invalid(Field::DossierAsks))?,
                    detail: text::text(&a.detail, ASK_DETAIL_MAX, Field::DossierAsks)?,
                })
            })
            .collect::<Result<Vec<_>, CoreError>>()?;
        bounded(&self.ip_rights, IP_RIGHTS_MAX, Field::DossierIpRights)?;
        let ip_rights = self
            .ip_rights
            .iter()
            .map(|r| {
                let f = Field::DossierIpRights;
                Ok(IpRight {
                    kind: ip_kind(&r.kind).ok_or(invalid(f))?,
                    title: text::line(&r.title, IP_TITLE_MAX, f)?,
                    number: text::line(&r.number, IP_NUMBER_MAX, f)?,
                    office: text::line(&r.office, IP_OFFICE_MAX, f)?,
                })
            })
            .collect::<Result<Vec<_>, CoreError>>()?;
        bounded(&self.listings, LISTINGS_MAX * 2, Field::DossierListings)?;
        let mut listings: Vec<String> = Vec::new();
        for l in &self.listings {
            if l.trim().is_empty() {
                continue;
            }
            let l = listing(l).ok_or(invalid(Field::DossierListings))?;
            if !listings.contains(&l) {
                listings.push(l);
            }
        }
        bounded(&listings, LISTINGS_MAX, Field::DossierListings)?;
        let d = &self.declarations;
        let identity = match d.identity.as_deref().map(str::trim) {
            None | Some("") => None,
            Some("disclose") => Some(IdentityChoice::Disclose),
            Some("withhold") => Some(IdentityChoice::Withhold),
            Some(_) => return Err(invalid(Field::DossierIdentity)),
        };
        let declarations = Declarations {
            accuracy: d.accuracy,
            confidentiality: d.confidentiality,
            good_faith: d.good_faith,
            identity,
            signatory: text::line(&d.signatory, SIGNATORY_MAX, Field::DossierSignatory)?,
            place: text::line(&d.place, PLACE_MAX, Field::DossierPlace)?,
        };
        let mediateur_request = match self.mediateur_request.trim() {
            "" => None,
            "sollicitation" => Some(MediateurRequest::Sollicitation),
            "saisine" => Some(MediateurRequest::Saisine),
            _ => return Err(invalid(Field::DossierMediateurRequest)),
        };
        let framework = text::line(&self.framework, FRAMEWORK_MAX, Field::DossierFramework)?;
        let handled_so_far = text::text(
            &self.handled_so_far,
            HANDLED_MAX,
            Field::DossierHandledSoFar,
        )?;
        bounded(
            &self.dsa_provisions,
            PROVISIONS_MAX,
            Field::DossierProvisions,
        )?;
        let mut dsa_provisions: Vec<String> = Vec::new();
        for p in &self.dsa_provisions {
            let p = text::line(p, PROVISION_MAX, Field::DossierProvisions)?;
            if !p.is_empty() && !dsa_provisions.contains(&p) {
                dsa_provisions.push(p);
            }
        }
        let mediator = text::line(&self.mediator, MEDIATOR_MAX, Field::DossierMediator)?;
        Ok(DossierDraft {
            destination,
            locale,
            incident_ids,
            title,
            summary,
            asks,
            ip_rights,
            listings,
            declarations,
            mediateur_request,
            framework,
            handled_so_far,
            dsa_provisions,
            mediator,
        })
    }
}

/// A listing as the notice names it: an `http(s)` URL with a host name (kept as typed,
/// trimmed), or an Amazon ASIN — `B` and 9 letters or digits, or an ISBN-10 (9 digits and a
/// digit or `X`) — put in capitals. `None` for anything else.
pub fn listing(input: &str) -> Option<String> {
    let s = input.trim();
    if s.chars().count() > LISTING_MAX || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    if s.chars().any(text::is_bidi_control) {
        return None;
    }
    if s.len() == 10 && s.is_ascii() {
        let up = s.to_ascii_uppercase();
        let b = up.as_bytes();
        let asin = b[0] == b'B' && b[1..].iter().all(u8::is_ascii_alphanumeric);
        let isbn = b[..9].iter().all(u8::is_ascii_digit) && (b[9].is_ascii_digit() || b[9] == b'X');
        if asin || isbn {
            return Some(up);
        }
    }
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // No user info: `https://amazon.fr@evil.example/` names another host than it seems to.
    if authority.contains('@') {
        return None;
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if port.is_some_and(|p| p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    ok.then(|| s.to_owned())
}

impl DossierDraft {
    /// An empty draft for `destination` on these incidents, as the route guide weighs it
    /// before the owner fills the form.
    pub fn blank(destination: Destination, locale: Locale, incident_ids: Vec<i64>) -> Self {
        DossierDraft {
            destination,
            locale,
            incident_ids,
            title: String::new(),
            summary: String::new(),
            asks: Vec::new(),
            ip_rights: Vec::new(),
            listings: Vec::new(),
            declarations: Declarations::default(),
            mediateur_request: None,
            framework: String::new(),
            handled_so_far: String::new(),
            dsa_provisions: Vec::new(),
            mediator: String::new(),
        }
    }

    /// The report of this draft, from the journal's records the store read for it. Steps
    /// come from the incidents' own dates.
    #[allow(clippy::too_many_arguments)]
    pub fn report(
        &self,
        number: &str,
        generated_at: DateTime<FixedOffset>,
        company: CompanyProfile,
        platforms: Vec<ReportPlatform>,
        incidents: Vec<ReportIncident>,
        pieces: Vec<ReportPiece>,
    ) -> Report {
        let steps = incidents
            .iter()
            .flat_map(|i| steps_from_incident(&i.data))
            .collect();
        // The statement-of-reasons checker's findings, incident by incident.
        let grounds = incidents
            .iter()
            .flat_map(|i| {
                i.grounds().into_iter().map(|g| {
                    // The dossier prints the article after the sentence itself.
                    let bare =
                        |s: &str| s.trim_end_matches(&format!(" ({})", g.article)).to_owned();
                    Ground {
                        incident_id: Some(i.id),
                        fr: bare(&g.text.fr),
                        en: bare(&g.text.en),
                        article: g.article,
                    }
                })
            })
            .collect();
        Report {
            destination: self.destination,
            locale: self.locale,
            generated_at,
            number: number.to_owned(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            company,
            platforms,
            incidents,
            pieces,
            steps,
            asks: self.asks.clone(),
            ip_rights: self.ip_rights.clone(),
            listings: self.listings.clone(),
            declarations: self.declarations.clone(),
            mediateur_request: self.mediateur_request,
            framework: self.framework.clone(),
            handled_so_far: self.handled_so_far.clone(),
            dsa_provisions: self.dsa_provisions.clone(),
            mediator: self.mediator.clone(),
            grounds,
        }
    }
}

/// Adds the steps of earlier submissions after a report's own (which stay grouped incident
/// by incident, a complaint beside its answer), in the order of their dates, each once: a
/// complaint whose date an incident already records is not listed twice.
pub fn add_steps(report: &mut Report, earlier: impl IntoIterator<Item = Step>) {
    let mut added: Vec<Step> = Vec::new();
    for step in earlier {
        let known = report
            .steps
            .iter()
            .chain(&added)
            .any(|s| s.kind == step.kind && s.date == step.date);
        if !known {
            added.push(step);
        }
    }
    added.sort_by_key(|s| s.date);
    report.steps.extend(added);
}

/// The local parts of shared mailboxes the Médiateur refuses for a saisine: it asks for the
/// contact's own address (domain notes §4).
const GENERIC_MAILBOXES: &[&str] = &[
    "accueil",
    "admin",
    "administration",
    "bonjour",
    "boutique",
    "commercial",
    "compta",
    "comptabilite",
    "contact",
    "contacts",
    "direction",
    "email",
    "facturation",
    "hello",
    "info",
    "infos",
    "information",
    "informations",
    "mail",
    "noreply",
    "no-reply",
    "office",
    "postmaster",
    "sales",
    "sav",
    "secretariat",
    "service",
    "service-client",
    "serviceclient",
    "shop",
    "support",
    "team",
    "vente",
    "ventes",
    "webmaster",
];

/// Whether `email` is a shared mailbox (`contact@`, `info@`, `Contact+shop@`…) rather than
/// a person's address. Case and a `+tag` are ignored.
pub fn generic_email(email: &str) -> bool {
    let Some((local, _)) = email.trim().rsplit_once('@') else {
        return false;
    };
    let local = local.to_lowercase();
    let local = local.split('+').next().unwrap_or("");
    GENERIC_MAILBOXES.contains(&local)
}

/// Whether `phone` looks like a mobile number: a French one (06, 07, +33 6, +33 7, 0033 6…)
/// or any foreign number in international form (its plan is not checked).
pub fn mobile_phone(phone: &str) -> bool {
    let t = phone.trim();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let intl = t.starts_with('+') || digits.starts_with("00");
    let national = if let Some(rest) = digits.strip_prefix("0033") {
        format!("0{rest}")
    } else if t.starts_with('+') && digits.starts_with("33") {
        format!("0{}", &digits[2..])
    } else if intl {
        // A foreign number: accepted as it is.
        return digits.len() >= 8;
    } else {
        digits
    };
    national.len() == 10 && (national.starts_with("06") || national.starts_with("07"))
}

/// What is missing, by a code the UI switches on (its own words, FR/EN, for each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MissingCode {
    /// The draft names no incident.
    NoIncidents,
    /// An incident of the draft is in the trash or was purged: take it out of the draft.
    IncidentUnavailable,
    Title,
    Summary,
    /// Nothing asked.
    Asks,
    /// No company profile saved yet.
    CompanyProfile,
    CompanySiret,
    /// Street, postcode or city (the first empty one is the field).
    CompanyAddress,
    CompanyContactName,
    CompanyContactEmail,
    CompanyContactPhone,
    /// The company is in insolvency proceedings: the Médiateur cannot take the case.
    CompanyInsolvency,
    CompanyNaf,
    CompanySizeClass,
    PlatformLegalEntity,
    /// A French legal entity without its SIRET.
    PlatformSiret,
    /// The platform's legal entity has no postal address (the Médiateur needs the other
    /// party's identity and address).
    PlatformAddress,
    PlatformSellerAccount,
    /// The contested decision's reference (case number).
    DecisionReference,
    /// The contested decision's date.
    DecisionDate,
    /// No step taken yet (no internal complaint sent).
    PriorSteps,
    /// A HEIC photo among the pieces of a destination whose form refuses HEIC: a JPEG
    /// copy must be uploaded instead (the original stays in the bundle). Advised only; the
    /// fix is on the piece's incident (`field` is `pieces`).
    HeicPiece,
    /// Médiateur: neither sollicitation nor saisine chosen.
    MediateurRequest,
    /// Médiateur saisine: no framework (*cadre de saisine*).
    SaisineFramework,
    /// Médiateur saisine: the company's headcount is not given.
    CompanyHeadcount,
    /// Médiateur saisine: the contact e-mail is a generic address (`contact@`, `info@`…);
    /// the Médiateur asks for a personal one.
    CompanyContactEmailGeneric,
    /// Médiateur saisine: the contact phone does not look like a mobile number (advised).
    CompanyContactMobile,
    /// Médiateur saisine: how the dispute was handled so far is not said.
    HandledSoFar,
    /// Arcom: no DSA provision named.
    DsaProvisions,
    /// Arcom: an incident with no dated fact (no event, no date).
    FactsDates,
    /// P2B 12 mediation: no mediator chosen.
    Mediator,
    /// P2B 12 mediation: the mediator chosen is not among those the platform's terms name
    /// (advised: the terms may have changed).
    MediatorNotNamed,
    /// No listing URL or ASIN.
    Listings,
    /// No IP right.
    IpRight,
    /// An IP right without its registration number (`index` says which).
    IpRightNumber,
    /// An IP right without its title (`index` says which).
    IpRightTitle,
    AccuracyDeclaration,
    ConfidentialityUndertaking,
    GoodFaithStatement,
    /// The owner has not chosen whether the platform may learn the company's identity.
    IdentityChoice,
    Signatory,
}

/// Where the owner fixes it. `field` is the key of the form's input (as in
/// `CompanyInput`, `PlatformInput`, `IncidentInput` or `DossierInput`, camelCase).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum FixAt {
    Company {
        field: String,
    },
    Platform {
        #[ts(type = "number")]
        platform_id: i64,
        field: String,
    },
    Incident {
        #[ts(type = "number")]
        incident_id: i64,
        field: String,
    },
    /// The draft's own form; `index` is the entry of a list (`ipRights`, `incidentIds`).
    Draft {
        field: String,
        index: Option<u32>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Missing {
    pub code: MissingCode,
    /// Blocking elements stop the export (`dossier_incomplete`); the others are advised.
    pub blocking: bool,
    pub at: FixAt,
}

fn company_at(field: &str) -> FixAt {
    FixAt::Company {
        field: field.to_owned(),
    }
}

fn draft_at(field: &str) -> FixAt {
    FixAt::Draft {
        field: field.to_owned(),
        index: None,
    }
}

/// What the journal holds for a dossier, as [`missing`] reads it.
pub struct Parties<'a> {
    /// `None` while no company profile was saved.
    pub company: Option<&'a CompanyProfile>,
    /// The platforms of the incidents.
    pub platforms: &'a [ReportPlatform],
    /// The draft's incidents found in the journal (out of the trash).
    pub incidents: &'a [ReportIncident],
    /// Their pieces, numbered for the dossier.
    pub pieces: &'a [ReportPiece],
}

/// What `draft` still lacks for its destination. `_today` is kept for the callers: no
/// requirement depends on the day since the out-of-court body needs no complaint first
/// (DSA 21(1)). Blocking elements first, then in the order of the form: the
/// draft, the company, the platforms, the incidents. See the module's table.
pub fn missing(draft: &DossierDraft, parties: &Parties<'_>, _today: NaiveDate) -> Vec<Missing> {
    use Destination as D;
    use MissingCode as M;
    let dest = draft.destination;
    let mut out: Vec<Missing> = Vec::new();
    let mut push = |code, blocking, at| out.push(Missing { code, blocking, at });

    // The draft.
    if draft.incident_ids.is_empty() {
        push(M::NoIncidents, true, draft_at("incidentIds"));
    }
    let found: BTreeSet<i64> = parties.incidents.iter().map(|i| i.id).collect();
    for (id, index) in draft.incident_ids.iter().zip(0u32..) {
        if !found.contains(id) {
            push(
                M::IncidentUnavailable,
                true,
                FixAt::Draft {
                    field: "incidentIds".into(),
                    index: Some(index),
                },
            );
        }
    }
    if draft.title.trim().is_empty() {
        push(M::Title, true, draft_at("title"));
    }
    if draft.summary.trim().is_empty() {
        push(M::Summary, dest == D::DgeForm, draft_at("summary"));
    }
    if draft.asks.is_empty() && dest != D::DgeForm {
        push(M::Asks, true, draft_at("asks"));
    }
    if dest == D::CounterfeitNotice {
        if draft.listings.is_empty() {
            push(M::Listings, true, draft_at("listings"));
        }
        if draft.ip_rights.is_empty() {
            push(M::IpRight, true, draft_at("ipRights"));
        }
        for (r, index) in draft.ip_rights.iter().zip(0u32..) {
            let at = || FixAt::Draft {
                field: "ipRights".into(),
                index: Some(index),
            };
            if r.title.trim().is_empty() {
                push(M::IpRightTitle, true, at());
            }
            if r.number.trim().is_empty() {
                push(M::IpRightNumber, true, at());
            }
        }
    }
    let saisine =
        dest == D::Mediateur && draft.mediateur_request == Some(MediateurRequest::Saisine);
    if dest == D::Mediateur {
        if draft.mediateur_request.is_none() {
            push(M::MediateurRequest, true, draft_at("mediateurRequest"));
        }
        if saisine && draft.framework.trim().is_empty() {
            push(M::SaisineFramework, true, draft_at("framework"));
        }
        if saisine && draft.handled_so_far.trim().is_empty() {
            push(M::HandledSoFar, true, draft_at("handledSoFar"));
        }
    }
    if dest == D::Arcom && draft.dsa_provisions.is_empty() {
        push(M::DsaProvisions, true, draft_at("dsaProvisions"));
    }
    if dest == D::P2bMediator {
        if draft.mediator.trim().is_empty() {
            push(M::Mediator, true, draft_at("mediator"));
        } else {
            let named = parties.platforms.iter().any(|p| {
                p.details
                    .mediators
                    .iter()
                    .any(|m| m.trim().eq_ignore_ascii_case(draft.mediator.trim()))
            });
            if !named {
                push(M::MediatorNotNamed, false, draft_at("mediator"));
            }
        }
    }
    let decl = &draft.declarations;
    if !decl.accuracy {
        push(
            M::AccuracyDeclaration,
            true,
            draft_at("declarations.accuracy"),
        );
    }
    if dest == D::Mediateur && !decl.confidentiality {
        push(
            M::ConfidentialityUndertaking,
            true,
            draft_at("declarations.confidentiality"),
        );
    }
    if dest == D::CounterfeitNotice && !decl.good_faith {
        push(
            M::GoodFaithStatement,
            true,
            draft_at("declarations.goodFaith"),
        );
    }
    if decl.identity.is_none()
        && matches!(
            dest,
            D::DgeForm | D::Mediateur | D::OutOfCourtBody | D::Arcom | D::P2bMediator
        )
    {
        push(
            M::IdentityChoice,
            dest == D::DgeForm,
            draft_at("declarations.identity"),
        );
    }
    if decl.signatory.trim().is_empty() {
        push(M::Signatory, true, draft_at("declarations.signatory"));
    }

    // The company.
    match parties.company {
        None => push(M::CompanyProfile, true, company_at("legalName")),
        Some(c) => {
            let siret_needed = matches!(dest, D::DgeForm | D::Mediateur);
            if siret_needed && c.siret.is_none() {
                push(M::CompanySiret, true, company_at("siret"));
            }
            if dest == D::Mediateur {
                let empty = [
                    ("street", &c.street),
                    ("postcode", &c.postcode),
                    ("city", &c.city),
                ]
                .into_iter()
                .find(|(_, v)| v.trim().is_empty());
                if let Some((field, _)) = empty {
                    push(M::CompanyAddress, true, company_at(field));
                }
            }
            let name_needed = matches!(dest, D::Mediateur | D::CounterfeitNotice);
            if name_needed && c.contact_name.trim().is_empty() {
                push(M::CompanyContactName, true, company_at("contactName"));
            }
            let email_needed = matches!(dest, D::DgeForm | D::Mediateur | D::CounterfeitNotice);
            if email_needed && c.contact_email.trim().is_empty() {
                push(M::CompanyContactEmail, true, company_at("contactEmail"));
            }
            if dest == D::Mediateur && c.contact_phone.trim().is_empty() {
                push(M::CompanyContactPhone, true, company_at("contactPhone"));
            }
            if saisine {
                if c.headcount.is_none() {
                    push(M::CompanyHeadcount, true, company_at("headcount"));
                }
                if generic_email(&c.contact_email) {
                    push(
                        M::CompanyContactEmailGeneric,
                        true,
                        company_at("contactEmail"),
                    );
                }
                let phone = c.contact_phone.trim();
                if !phone.is_empty() && !mobile_phone(phone) {
                    push(M::CompanyContactMobile, false, company_at("contactPhone"));
                }
            }
            if dest == D::Mediateur && c.insolvency {
                push(M::CompanyInsolvency, true, company_at("insolvency"));
            }
            if dest == D::DgeForm {
                if c.naf.is_none() {
                    push(M::CompanyNaf, false, company_at("naf"));
                }
                if c.size_class.is_none() {
                    push(M::CompanySizeClass, false, company_at("sizeClass"));
                }
            }
        }
    }

    // The platforms of the incidents, each once.
    let used: BTreeSet<i64> = parties
        .incidents
        .iter()
        .map(|i| i.data.platform_id)
        .collect();
    for p in parties.platforms.iter().filter(|p| used.contains(&p.id)) {
        let at = |field: &str| FixAt::Platform {
            platform_id: p.id,
            field: field.to_owned(),
        };
        let d = &p.details;
        if dest == D::Mediateur {
            if d.legal_entity.trim().is_empty() {
                push(M::PlatformLegalEntity, true, at("legalEntity"));
            }
            if p.details.address.trim().is_empty() {
                push(M::PlatformAddress, true, at("address"));
            }
            let country = d.country.trim();
            if d.siret.is_none() {
                if country.is_empty() {
                    // Unknown country: a French entity has a SIRET; a foreign one, its country.
                    push(M::PlatformSiret, true, at("siret"));
                } else if country == "FR" {
                    push(M::PlatformSiret, true, at("siret"));
                }
            }
        }
        if dest == D::P2bMediator {
            if d.legal_entity.trim().is_empty() {
                push(M::PlatformLegalEntity, true, at("legalEntity"));
            }
            if p.details.address.trim().is_empty() {
                push(M::PlatformAddress, false, at("address"));
            }
        }
        if dest == D::PlatformComplaint && d.seller_accounts.is_empty() {
            push(M::PlatformSellerAccount, true, at("sellerAccounts"));
        }
    }

    // The incidents.
    for i in parties.incidents {
        let at = |field: &str| FixAt::Incident {
            incident_id: i.id,
            field: field.to_owned(),
        };
        let dates = &i.data.dates;
        let decision_date = dates
            .decision_on
            .or(dates.took_effect_on)
            .or(dates.notified_on);
        match dest {
            D::PlatformComplaint => {
                if i.data.decision_reference.trim().is_empty() {
                    push(M::DecisionReference, true, at("decisionReference"));
                }
                if decision_date.is_none() {
                    push(M::DecisionDate, true, at("decisionOn"));
                }
            }
            D::OutOfCourtBody => {
                if decision_date.is_none() {
                    push(M::DecisionDate, true, at("decisionOn"));
                }
                if i.data.decision_reference.trim().is_empty() {
                    push(M::DecisionReference, false, at("decisionReference"));
                }
                // No internal complaint is required first (DSA 21(1)): the body may be
                // seized directly, and nothing waits for the platform's answer.
            }
            D::Mediateur | D::P2bMediator => {
                if dates.complaint_sent_on.is_none() {
                    push(M::PriorSteps, false, at("complaintSentOn"));
                }
            }
            D::Arcom => {
                let d = dates;
                let dated = !i.events.is_empty()
                    || [
                        d.occurred_on,
                        d.notified_on,
                        d.took_effect_on,
                        d.decision_on,
                    ]
                    .iter()
                    .any(Option::is_some);
                if !dated {
                    push(M::FactsDates, true, at("occurredOn"));
                }
                if d.complaint_sent_on.is_none() {
                    push(M::PriorSteps, false, at("complaintSentOn"));
                }
            }
            D::DgeForm | D::CounterfeitNotice => {}
        }
    }
    // The pieces: a HEIC photo where the form refuses it, once per incident.
    if dest.refuses_heic() {
        let mut seen = BTreeSet::new();
        for p in parties.pieces.iter().filter(|p| p.is_heic()) {
            if seen.insert(p.incident_id) {
                push(
                    M::HeicPiece,
                    false,
                    FixAt::Incident {
                        incident_id: p.incident_id,
                        field: "pieces".to_owned(),
                    },
                );
            }
        }
    }
    out.sort_by_key(|m| !m.blocking);
    out
}

/// Whether the export may go ahead: nothing blocking is missing.
pub fn complete(missing: &[Missing]) -> bool {
    !missing.iter().any(|m| m.blocking)
}

/// The submission as typed: the day it was sent (`YYYY-MM-DD`, at most today) and the
/// recipient's reference (case or file number), possibly empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct SubmissionInput {
    pub submitted_on: String,
    pub reference: String,
}

/// A checked submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Submission {
    #[ts(as = "String")]
    pub submitted_on: NaiveDate,
    pub reference: String,
}

impl SubmissionInput {
    pub fn check(&self, today: NaiveDate) -> Result<Submission, CoreError> {
        let submitted_on = text::date(&self.submitted_on, Field::DossierSubmittedOn)?
            .filter(|d| *d <= today)
            .ok_or(invalid(Field::DossierSubmittedOn))?;
        let reference = text::line(&self.reference, REFERENCE_MAX, Field::DossierReference)?;
        Ok(Submission {
            submitted_on,
            reference,
        })
    }
}

/// What a submission to `destination` does to the incidents and their chronology.
pub mod submission {
    use super::*;

    /// The status an incident moves to once its dossier is sent.
    pub fn status(destination: Destination) -> Status {
        match destination {
            Destination::DgeForm | Destination::CounterfeitNotice => Status::Reported,
            Destination::Mediateur | Destination::OutOfCourtBody | Destination::P2bMediator => {
                Status::Mediation
            }
            Destination::Arcom => Status::Reported,
            Destination::PlatformComplaint => Status::ComplaintSent,
        }
    }

    /// The new status of an incident that is `current` when its dossier goes to
    /// `destination`: statuses only move forward in the usual order of a dispute
    /// ([`Status::ALL`]); a closed case, or one already further, keeps its status.
    pub fn advance(current: Status, destination: Destination) -> Option<Status> {
        let target = status(destination);
        let rank = |s: Status| Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
        (!current.is_closed() && rank(current) < rank(target)).then_some(target)
    }

    /// The step a submission to `destination` is, as a later dossier on the same incidents
    /// lists it among the steps already taken (domain notes §6.8).
    pub fn step(destination: Destination, submitted_on: NaiveDate, reference: &str) -> Step {
        let kind = match destination {
            Destination::DgeForm | Destination::Arcom => StepKind::AuthorityReport,
            Destination::Mediateur | Destination::P2bMediator => StepKind::Mediation,
            Destination::PlatformComplaint => StepKind::InternalComplaint,
            Destination::OutOfCourtBody => StepKind::OutOfCourtBody,
            Destination::CounterfeitNotice => StepKind::Notice,
        };
        Step {
            kind,
            date: Some(submitted_on),
            reference: reference.to_owned(),
            outcome: String::new(),
        }
    }

    /// The channel of the chronology event.
    pub fn channel(destination: Destination) -> Channel {
        match destination {
            Destination::PlatformComplaint | Destination::CounterfeitNotice => {
                Channel::PortalMessage
            }
            Destination::DgeForm | Destination::Mediateur | Destination::Arcom => Channel::Other,
            Destination::OutOfCourtBody | Destination::P2bMediator => Channel::Email,
        }
    }

    /// The recipient, with the preposition a sentence "sent to …" needs.
    pub fn sent_to(destination: Destination, locale: Locale) -> &'static str {
        match (destination, locale) {
            (Destination::DgeForm, Locale::Fr) => {
                "à la DGE (espace de signalement consultation-plateformes)"
            }
            (Destination::DgeForm, Locale::En) => {
                "to the DGE (consultation-plateformes reporting form)"
            }
            (Destination::Mediateur, Locale::Fr) => "au Médiateur des entreprises",
            (Destination::Mediateur, Locale::En) => "to the Médiateur des entreprises",
            (Destination::PlatformComplaint, Locale::Fr) => {
                "au service de réclamation de la plateforme"
            }
            (Destination::PlatformComplaint, Locale::En) => {
                "to the platform's complaint-handling system"
            }
            (Destination::OutOfCourtBody, Locale::Fr) => {
                "à un organisme certifié de règlement extrajudiciaire"
            }
            (Destination::OutOfCourtBody, Locale::En) => {
                "to a certified out-of-court settlement body"
            }
            (Destination::CounterfeitNotice, Locale::Fr) => {
                "au service de notification de la plateforme"
            }
            (Destination::CounterfeitNotice, Locale::En) => "to the platform's notice mechanism",
            (Destination::Arcom, Locale::Fr) => {
                "à l’Arcom (coordinateur pour les services numériques)"
            }
            (Destination::Arcom, Locale::En) => "to Arcom (Digital Services Coordinator)",
            (Destination::P2bMediator, Locale::Fr) => {
                "à un médiateur désigné dans les conditions de la plateforme"
            }
            (Destination::P2bMediator, Locale::En) => "to a mediator named in the platform's terms",
        }
    }

    /// The chronology event's summary (at most 300 characters: the reference is at most
    /// 100, the rest under 120).
    pub fn summary(
        destination: Destination,
        locale: Locale,
        number: &str,
        reference: &str,
    ) -> String {
        let to = sent_to(destination, locale);
        match (locale, reference.is_empty()) {
            (Locale::Fr, true) => format!("Dossier {number} envoyé {to}"),
            (Locale::Fr, false) => {
                format!("Dossier {number} envoyé {to} (référence {reference})")
            }
            (Locale::En, true) => format!("Dossier {number} sent {to}"),
            (Locale::En, false) => format!("Dossier {number} sent {to} (reference {reference})"),
        }
    }
}

/// `2026-0007`: a dossier's number, from its year and its rank in that year.
pub fn number(year: i32, seq: u32) -> String {
    format!("{year}-{seq:04}")
}

/// The file name an export suggests: `Carnet-2026-0001-mediateur.pdf`.
pub fn file_name(number: &str, destination: Destination) -> String {
    let dest = destination.code().replace('_', "-");
    format!("Carnet-{number}-{dest}.pdf")
}

/// An export, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportRecord {
    /// RFC 3339.
    pub exported_at: String,
    pub destination: Destination,
    pub locale: Locale,
    /// Of the PDF, lower-case hex.
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
    pub pages: u32,
    pub pieces: u32,
}

/// A submission, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SubmissionRecord {
    pub destination: Destination,
    #[ts(as = "String")]
    pub submitted_on: NaiveDate,
    pub reference: String,
    /// RFC 3339.
    pub recorded_at: String,
}

/// A dossier in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DossierItem {
    #[ts(type = "number")]
    pub id: i64,
    /// `2026-0001`.
    pub number: String,
    pub title: String,
    pub destination: Destination,
    pub locale: Locale,
    pub incident_count: u32,
    pub created_at: String,
    pub updated_at: String,
    /// The last export, if any.
    pub last_export: Option<ExportRecord>,
    /// The last submission recorded, if any.
    pub last_submission: Option<SubmissionRecord>,
}

/// What the export would hold, as of now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DossierPreview {
    pub incidents: u32,
    pub events: u32,
    pub pieces: u32,
    /// The pieces' bytes added up.
    #[ts(type = "number")]
    pub piece_bytes: u64,
}

/// One dossier, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DossierView {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    pub draft: DossierDraft,
    /// What the destination still needs; blocking first.
    pub missing: Vec<Missing>,
    /// No blocking element missing: the export may go ahead.
    pub complete: bool,
    pub preview: DossierPreview,
    /// Newest first.
    pub exports: Vec<ExportRecord>,
    /// Newest first.
    pub submissions: Vec<SubmissionRecord>,
    pub created_at: String,
    pub updated_at: String,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DossierExported {
    /// The PDF's file name (never its folder).
    pub file_name: String,
    #[ts(type = "number")]
    pub size: u64,
    pub pages: u32,
    pub sha256: String,
    pub pieces: u32,
    /// The evidence bundle written beside the PDF (a ZIP: the original pieces, their
    /// manifests and how to verify them), its file name and size.
    pub bundle_file_name: String,
    #[ts(type = "number")]
    pub bundle_size: u64,
}

/// What the submission screen shows: each field of the destination's form with its text
/// (and its form's address), and whether the pieces fit the form's upload limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DossierDelivery {
    pub help: crate::delivery::SubmissionHelp,
    pub limits: crate::delivery::LimitsReport,
}

/// The progress of an export, sent as the `dossier-progress` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DossierProgress {
    pub done: u32,
    pub total: u32,
}

#[cfg(test)]
mod tests;

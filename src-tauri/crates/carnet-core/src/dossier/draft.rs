//! The draft as typed ([`DossierInput`]) and checked ([`DossierDraft`]): shapes and
//! lengths, the listings of a counterfeit notice, the steps of earlier submissions.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Field};
use crate::journal::company::CompanyProfile;
use crate::journal::text;
use crate::locale::Locale;
use crate::report::{
    Ask, AskKind, Declarations, Destination, Ground, IdentityChoice, IpRight, IpRightKind,
    MediateurRequest, Report, ReportIncident, ReportPiece, ReportPlatform, SUMMARY_MAX, Step,
    steps_from_incident,
};

/// The longest title, in characters.
pub const TITLE_MAX: usize = 200;
/// The most incidents one dossier gathers.
pub const INCIDENTS_MAX: usize = 200;
/// The most asks one dossier lists.
pub const ASKS_MAX: usize = 20;
/// The longest detail of an ask, in characters.
pub const ASK_DETAIL_MAX: usize = 2_000;
/// The most IP rights one counterfeit notice names.
pub const IP_RIGHTS_MAX: usize = 20;
/// The longest title of an IP right, in characters.
pub const IP_TITLE_MAX: usize = 200;
/// The longest registration number, in characters.
pub const IP_NUMBER_MAX: usize = 100;
/// The longest name of a registering office, in characters.
pub const IP_OFFICE_MAX: usize = 100;
/// The most listings one counterfeit notice names, once blanks and repeats are dropped (twice
/// as many entries are looked at).
pub const LISTINGS_MAX: usize = 200;
/// The longest listing (a URL), in characters.
pub const LISTING_MAX: usize = 2_000;
/// The longest signatory (name and role), in characters.
pub const SIGNATORY_MAX: usize = 200;
/// The longest place of signature, in characters.
pub const PLACE_MAX: usize = 100;
/// The longest reference of a recorded submission, in characters.
pub const REFERENCE_MAX: usize = 100;
/// The longest framework of a Médiateur saisine, in characters.
pub const FRAMEWORK_MAX: usize = 200;
/// The longest account of how the dispute was handled so far, in characters.
pub const HANDLED_MAX: usize = 4_000;
/// The most DSA provisions one Arcom complaint names.
pub const PROVISIONS_MAX: usize = 20;
/// The longest DSA provision (`DSA 17`), in characters.
pub const PROVISION_MAX: usize = 50;
/// The longest name of a P2B 12 mediator, in characters.
pub const MEDIATOR_MAX: usize = 200;

/// An ask as typed: `kind` is an [`AskKind`] code (`release_of_funds`…).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct AskInput {
    /// What is asked, as an [`AskKind`] code.
    pub kind: String,
    /// The owner's words, at most [`ASK_DETAIL_MAX`] characters; may be empty.
    pub detail: String,
}

/// An IP right as typed: `kind` is an [`IpRightKind`] code (`trademark`…).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct IpRightInput {
    /// What kind of right, as an [`IpRightKind`] code.
    pub kind: String,
    /// Its name (the mark, the design's title), at most [`IP_TITLE_MAX`] characters.
    pub title: String,
    /// The registration number, at most [`IP_NUMBER_MAX`] characters.
    pub number: String,
    /// The office that registered it (INPI, EUIPO…); may be empty.
    pub office: String,
}

/// The declarations as typed; `identity` is `disclose`, `withhold`, or `null`/empty while
/// the owner has not chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct DeclarationsInput {
    /// The facts declared accurate and the pieces genuine.
    pub accuracy: bool,
    /// The Médiateur's confidentiality undertaking.
    pub confidentiality: bool,
    /// The DSA 16 good-faith statement (counterfeit notices).
    pub good_faith: bool,
    /// `disclose` or `withhold`; absent, `null` or empty while not chosen.
    #[ts(optional)]
    pub identity: Option<String>,
    /// Who signs, name and role, at most [`SIGNATORY_MAX`] characters.
    pub signatory: String,
    /// Where the dossier is signed, at most [`PLACE_MAX`] characters; may be empty.
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
    /// The ids of the incidents gathered (at most [`INCIDENTS_MAX`]); repeats are dropped.
    #[ts(type = "Array<number>")]
    pub incident_ids: Vec<i64>,
    /// One line, at most [`TITLE_MAX`] characters.
    pub title: String,
    /// At most 400 characters.
    pub summary: String,
    /// What the company asks for (at most [`ASKS_MAX`]).
    pub asks: Vec<AskInput>,
    /// Counterfeit notices: the rights infringed (at most [`IP_RIGHTS_MAX`]).
    pub ip_rights: Vec<IpRightInput>,
    /// http(s) URLs or ASINs (10 letters and digits).
    pub listings: Vec<String>,
    /// The declarations and signature block.
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
    /// Where the dossier goes.
    pub destination: Destination,
    /// The dossier's language.
    pub locale: Locale,
    /// Deduplicated, in the order chosen.
    #[ts(type = "Array<number>")]
    pub incident_ids: Vec<i64>,
    /// One line; empty while the owner has not given it.
    pub title: String,
    /// At most [`SUMMARY_MAX`] characters; may be empty.
    pub summary: String,
    /// What the company asks for.
    pub asks: Vec<Ask>,
    /// Counterfeit notices: the rights infringed.
    pub ip_rights: Vec<IpRight>,
    /// URLs as typed (trimmed), ASINs in capitals.
    pub listings: Vec<String>,
    /// The owner's declarations and signature block.
    pub declarations: Declarations,
    /// `null` while not chosen (and for other destinations).
    #[serde(default)]
    pub mediateur_request: Option<MediateurRequest>,
    /// Médiateur saisine: the framework (*cadre de saisine*); may be empty.
    #[serde(default)]
    pub framework: String,
    /// How the dispute was handled so far, in the owner's words; may be empty.
    #[serde(default)]
    pub handled_so_far: String,
    /// Arcom: the DSA provisions concerned, each once.
    #[serde(default)]
    pub dsa_provisions: Vec<String>,
    /// P2B 12 mediation: the mediator addressed; may be empty.
    #[serde(default)]
    pub mediator: String,
}

pub(super) fn invalid(field: Field) -> CoreError {
    CoreError::Invalid(field)
}

/// A list refused before its entries are looked at when it is far longer than allowed.
pub(super) fn bounded<T>(items: &[T], max: usize, field: Field) -> Result<(), CoreError> {
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

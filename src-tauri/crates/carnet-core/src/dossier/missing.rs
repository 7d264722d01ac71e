//! What a draft still lacks for its destination ([`missing`]), each element with a code the
//! UI switches on and the place where the owner fixes it. See the table of [`super`].

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::contact::{generic_email, mobile_phone};
use super::draft::DossierDraft;
use crate::journal::company::CompanyProfile;
use crate::report::{Destination, MediateurRequest, ReportIncident, ReportPiece, ReportPlatform};

/// What is missing, by a code the UI switches on (its own words, FR/EN, for each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MissingCode {
    /// The draft names no incident.
    NoIncidents,
    /// An incident of the draft is in the trash or was purged: take it out of the draft.
    IncidentUnavailable,
    /// The dossier has no title.
    Title,
    /// The summary is empty (blocking for the DGE form only).
    Summary,
    /// Nothing asked.
    Asks,
    /// No company profile saved yet.
    CompanyProfile,
    /// The company's SIRET is not given (DGE form, Médiateur).
    CompanySiret,
    /// Street, postcode or city (the first empty one is the field).
    CompanyAddress,
    /// No contact name (the Médiateur's contact, a counterfeit notice's notifier).
    CompanyContactName,
    /// No contact e-mail (DGE form, Médiateur, counterfeit notice).
    CompanyContactEmail,
    /// Médiateur: no contact phone.
    CompanyContactPhone,
    /// The company is in insolvency proceedings: the Médiateur cannot take the case.
    CompanyInsolvency,
    /// DGE form: no NAF code (advised).
    CompanyNaf,
    /// DGE form: no size class (advised).
    CompanySizeClass,
    /// A platform without its legal entity (Médiateur, P2B 12 mediation).
    PlatformLegalEntity,
    /// A French legal entity without its SIRET.
    PlatformSiret,
    /// The platform's legal entity has no postal address (the Médiateur needs the other
    /// party's identity and address).
    PlatformAddress,
    /// Platform complaint: a platform without the owner's seller account id.
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
    /// The accuracy declaration is not made.
    AccuracyDeclaration,
    /// Médiateur: the confidentiality undertaking is not given.
    ConfidentialityUndertaking,
    /// Counterfeit notice: the good-faith statement is not made.
    GoodFaithStatement,
    /// The owner has not chosen whether the platform may learn the company's identity.
    IdentityChoice,
    /// No signatory's name.
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
    /// The company profile's form.
    Company {
        /// The input's key (`siret`, `contactEmail`…).
        field: String,
    },
    /// One platform's form.
    Platform {
        /// The platform's id in the vault.
        #[ts(type = "number")]
        platform_id: i64,
        /// The input's key (`legalEntity`, `sellerAccounts`…).
        field: String,
    },
    /// One incident's form.
    Incident {
        /// The incident's id in the vault.
        #[ts(type = "number")]
        incident_id: i64,
        /// The input's key (`decisionOn`…), or `pieces` for its pieces.
        field: String,
    },
    /// The draft's own form; `index` is the entry of a list (`ipRights`, `incidentIds`).
    Draft {
        /// The input's key (`title`, `declarations.accuracy`…).
        field: String,
        /// The entry of the list, from 0; `null` for the input as a whole.
        index: Option<u32>,
    },
}

/// One element the destination still needs, and where the owner fixes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Missing {
    /// What is missing.
    pub code: MissingCode,
    /// Blocking elements stop the export (`dossier_incomplete`); the others are advised.
    pub blocking: bool,
    /// Where the owner fixes it.
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

//! The route guide, « Que faire maintenant ? » / "What can I do now?": for an incident, every
//! route the law opens, its state, its clock, the rule it rests on and a suggested order.
//! Pure: the shell gathers a [`RouteInput`] from the incident, its events, the company and the
//! platform's catalogue entry, and passes today. It informs and does not advise
//! ([`DISCLAIMER`]); sources in docs/law.md. Several routes run at the same time.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::catalogue::Label;
use crate::deadlines::{self, CountedFrom, Measure, OutOfCourtStatus, WindowStatus};
use crate::dossier::{self, DossierDraft, MissingCode, Parties};
use crate::journal::company::CompanyProfile;
use crate::journal::incident::IncidentData;
use crate::journal::platform::PlatformDetails;
use crate::locale::Locale;
use crate::platforms::{NamedBody, Platform};
use crate::reasons::MissingGround;
use crate::report::Destination;

/// Shown once on the view: it informs, it does not advise.
pub const DISCLAIMER: (&str, &str) = (
    "Carnet informe sur les voies que les textes prévoient ; ce n’est pas un conseil juridique et aucune issue n’est garantie.",
    "Carnet describes the routes the texts provide; this is not legal advice and no outcome is guaranteed.",
);

/// What the guide reads, gathered by the shell.
#[derive(Debug, Clone, Default)]
pub struct RouteInput<'a> {
    /// The platform's measure, if one is recorded.
    pub measure: Option<Measure>,
    /// The day the owner was informed of the decision.
    pub informed: Option<NaiveDate>,
    /// The decision's date.
    pub decision: Option<NaiveDate>,
    /// When an out-of-court body received the complete file.
    pub referral: Option<NaiveDate>,
    /// When it decided.
    pub referral_decided: Option<NaiveDate>,
    /// The incident is about counterfeits of the owner's rights (CTF-01, CTF-03).
    pub counterfeit: bool,
    /// The company is in sauvegarde, redressement or liquidation judiciaire.
    pub collective_proceedings: bool,
    /// The platform is known to be a micro or small enterprise (P2B 11(5), DSA 19).
    pub small_platform: bool,
    /// The platform's catalogue entry, if linked.
    pub platform: Option<&'a Platform>,
    /// The statement-of-reasons elements found missing.
    pub missing_reasons: Vec<MissingGround>,
    /// Mediators the owner recorded for the platform (its terms, P2B 12).
    pub recorded_mediators: Vec<String>,
    /// Out-of-court bodies the owner recorded for the platform (DSA 21).
    pub recorded_bodies: Vec<String>,
}

/// The `source` of a body the owner recorded rather than Carnet's data.
pub const RECORDED_BY_OWNER: &str = "owner";

/// Carnet's bodies, then those the owner recorded that it does not know (compared without
/// regard to case or spacing).
fn with_recorded(known: &[NamedBody], recorded: &[String]) -> Vec<NamedBody> {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut out = known.to_vec();
    for name in recorded {
        if !out.iter().any(|b| fold(&b.name) == fold(name)) {
            out.push(NamedBody {
                name: name.clone(),
                country: String::new(),
                fee: None,
                source: RECORDED_BY_OWNER.into(),
                checked: String::new(),
            });
        }
    }
    out
}

/// A route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RouteKind {
    /// The platform's internal complaint (P2B 11, DSA 20).
    InternalComplaint,
    /// A certified out-of-court body (DSA 21).
    OutOfCourt,
    /// A mediator named in the platform's terms (P2B 12).
    TermsMediator,
    /// The Médiateur des entreprises (sollicitation or saisine).
    MediateurEntreprises,
    /// The DGE report (`consultation-plateformes`).
    DgeReport,
    /// A complaint to Arcom as Digital Services Coordinator (DSA 53).
    Arcom,
    /// A notice (DSA 16), with trusted flaggers (DSA 22) as information.
    Notice,
    /// The courts, as information.
    Courts,
}

/// Where a route stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
#[ts(export)]
pub enum RouteState {
    /// Open now.
    Open,
    /// Not yet: what happens first.
    NotYet {
        /// What happens first.
        first: Label,
    },
    /// Closed, and why.
    Closed {
        /// Why, with the alternative where there is one.
        why: Label,
    },
    /// May not exist (an exempt small platform).
    MayNotExist {
        /// Why.
        why: Label,
    },
    /// Does not apply to this incident.
    NotApplicable,
}

/// A route's clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Clock {
    /// The last day, or the day a decision is due.
    #[ts(as = "String")]
    pub deadline: NaiveDate,
    /// Days from today to it, negative once past.
    #[ts(type = "number")]
    pub days_left: i64,
    /// The recorded date it is counted from.
    pub counted_from: CountedFrom,
    /// True when the date it should run from is missing and the earliest known one was used.
    pub from_earliest_known: bool,
}

/// One route of the guide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Route {
    /// Which route.
    pub kind: RouteKind,
    /// Its state.
    pub state: RouteState,
    /// Its clock, if the law sets one and the dates allow it.
    pub clock: Option<Clock>,
    /// The articles it rests on.
    pub articles: Vec<String>,
    /// The rule in one sentence.
    pub why: Label,
    /// Its place in the suggested order (1 first; equal numbers run together).
    pub order: u8,
    /// The order explained in one line.
    pub order_note: Label,
    /// Bodies to name: the DSA 21 bodies covering the platform, or its P2B 12 mediators.
    pub bodies: Vec<NamedBody>,
    /// The destination codes whose dossier rules say what is missing (filled by the shell).
    pub destinations: Vec<String>,
    /// What that dossier still lacks, filled by the shell from the dossier rules.
    pub missing_for_dossier: Vec<MissingCode>,
    /// Grounds from the statement-of-reasons checker, for the routes that print them.
    pub grounds: Vec<MissingGround>,
}

fn l(fr: &str, en: &str) -> Label {
    Label {
        fr: fr.into(),
        en: en.into(),
    }
}

/// Every route for this input, as of `today`, in the suggested order.
pub fn guide(input: &RouteInput<'_>, today: NaiveDate) -> Vec<Route> {
    let decision = input.measure.is_some_and(|m| m != Measure::TermsChange);
    let exempt = input.small_platform && !input.platform.and_then(|p| p.vlop).unwrap_or(false);
    let gatekeeper = input.platform.and_then(|p| p.gatekeeper) == Some(true);
    let first = if input.counterfeit { 2 } else { 1 };
    let mut out = Vec::new();
    let route = |kind, state, articles: &[&str], why: Label, order, note: Label| Route {
        kind,
        state,
        clock: None,
        articles: articles.iter().map(|a| (*a).to_owned()).collect(),
        why,
        order,
        order_note: note,
        bodies: Vec::new(),
        destinations: Vec::new(),
        missing_for_dossier: Vec::new(),
        grounds: Vec::new(),
    };
    let together = l(
        "Peut être menée en même temps que les autres voies.",
        "Can run at the same time as the other routes.",
    );

    // Notice (DSA 16).
    let mut notice = route(
        RouteKind::Notice,
        if input.counterfeit {
            RouteState::Open
        } else {
            RouteState::NotApplicable
        },
        &["DSA 16", "DSA 22"],
        l(
            "Un signalement de contenu illicite, dont les contrefaçons, avec les URL exactes ; les signaleurs de confiance (DSA 22) sont traités en priorité.",
            "A notice of illegal content, counterfeits included, with the exact URLs; trusted flaggers (DSA 22) are handled with priority.",
        ),
        1,
        l(
            "Pour des contrefaçons, le signalement vient avant toute réclamation : son rejet ouvre la réclamation et l’organe extrajudiciaire.",
            "For counterfeits, the notice comes before any complaint: its rejection opens the complaint and the out-of-court body.",
        ),
    );
    notice.destinations = vec!["counterfeit_notice".into()];
    out.push(notice);

    // Internal complaint (P2B 11, DSA 20).
    let mut complaint = route(
        RouteKind::InternalComplaint,
        if !decision {
            RouteState::NotApplicable
        } else if exempt {
            RouteState::MayNotExist {
                why: l(
                    "Une petite plateforme peut être dispensée du système de réclamation (P2B 11(5), DSA 19).",
                    "A small platform may be exempt from the complaint system (P2B 11(5), DSA 19).",
                ),
            }
        } else {
            RouteState::Open
        },
        &["P2B 11", "DSA 20(1)"],
        l(
            "Une réclamation gratuite auprès de la plateforme, ouverte au moins six mois à compter du jour où la décision a été portée à votre connaissance.",
            "A free complaint to the platform, open at least six months from the day you were informed of the decision.",
        ),
        first,
        together.clone(),
    );
    if decision {
        match deadlines::window(input.informed, input.decision, today) {
            WindowStatus::Open {
                closes_on,
                days_left,
                counted_from,
                ..
            } => {
                complaint.clock = Some(Clock {
                    deadline: closes_on,
                    days_left,
                    counted_from,
                    from_earliest_known: counted_from == CountedFrom::Decision,
                });
            }
            WindowStatus::Closed {
                closed_on,
                counted_from,
            } => {
                complaint.clock = Some(Clock {
                    deadline: closed_on,
                    days_left: (closed_on - today).num_days(),
                    counted_from,
                    from_earliest_known: counted_from == CountedFrom::Decision,
                });
                if !exempt {
                    complaint.state = RouteState::Closed {
                        why: l(
                            "Le délai minimal de six mois est écoulé ; la plateforme peut encore accepter une réclamation.",
                            "The minimum six months have passed; the platform may still accept a complaint.",
                        ),
                    };
                }
            }
            WindowStatus::Unknown => {}
        }
    }
    complaint.destinations = vec!["platform_complaint".into()];
    complaint.grounds = input.missing_reasons.clone();
    out.push(complaint);

    // Out-of-court body (DSA 21).
    let mut ooc = route(
        RouteKind::OutOfCourt,
        if !decision {
            RouteState::NotApplicable
        } else if exempt {
            RouteState::MayNotExist {
                why: l(
                    "Une petite plateforme peut être dispensée (DSA 19).",
                    "A small platform may be exempt (DSA 19).",
                ),
            }
        } else {
            RouteState::Open
        },
        &["DSA 21(1)", "DSA 21(5)"],
        l(
            "Un organe de règlement extrajudiciaire certifié peut être saisi directement, avec ou sans réclamation préalable ; la plateforme supporte ses frais s’il vous donne raison.",
            "A certified out-of-court body can be seized directly, with or without a complaint first; the platform bears its fees if it decides for you.",
        ),
        first,
        together.clone(),
    );
    ooc.bodies = with_recorded(
        input
            .platform
            .map(|p| p.out_of_court_bodies.as_slice())
            .unwrap_or_default(),
        &input.recorded_bodies,
    );
    if let Some(status) = input
        .referral
        .and_then(|r| deadlines::out_of_court(r, input.referral_decided, today))
    {
        let deadline = match status {
            OutOfCourtStatus::Pending { due_on, .. } => Some(due_on),
            OutOfCourtStatus::Extendable {
                extended_due_on, ..
            } => Some(extended_due_on),
            OutOfCourtStatus::Overdue { due_on, .. } => Some(due_on),
            OutOfCourtStatus::Decided { .. } => None,
        };
        ooc.clock = deadline.map(|d| Clock {
            deadline: d,
            days_left: (d - today).num_days(),
            counted_from: CountedFrom::Referral,
            from_earliest_known: false,
        });
    }
    ooc.destinations = vec!["out_of_court_body".into()];
    ooc.grounds = input.missing_reasons.clone();
    out.push(ooc);

    // P2B 12 mediators.
    let mut med = route(
        RouteKind::TermsMediator,
        if exempt {
            RouteState::MayNotExist {
                why: l(
                    "Une petite plateforme peut ne désigner aucun médiateur (P2B 12).",
                    "A small platform may name no mediator (P2B 12).",
                ),
            }
        } else {
            RouteState::Open
        },
        &["P2B 12"],
        l(
            "Les conditions de la plateforme désignent au moins deux médiateurs ; elle en supporte une part raisonnable du coût.",
            "The platform's terms name at least two mediators; it bears a reasonable share of the cost.",
        ),
        first,
        together.clone(),
    );
    med.bodies = with_recorded(
        input
            .platform
            .map(|p| p.mediators.as_slice())
            .unwrap_or_default(),
        &input.recorded_mediators,
    );
    med.destinations = vec!["p2b_mediator".into()];
    out.push(med);

    // Médiateur des entreprises.
    let mut me = route(
        RouteKind::MediateurEntreprises,
        if input.collective_proceedings {
            RouteState::Closed {
                why: l(
                    "Fermé à une entreprise en sauvegarde, redressement ou liquidation judiciaire ; la médiation ou la conciliation par le président du tribunal de commerce reste possible.",
                    "Closed to a company in safeguard, receivership or liquidation proceedings; mediation or conciliation through the president of the commercial court remains possible.",
                ),
            }
        } else {
            RouteState::Open
        },
        &[],
        l(
            "Une sollicitation (une question) ou une saisine (une demande de médiation), gratuite et confidentielle.",
            "A sollicitation (a question) or a saisine (a mediation request), free and confidential.",
        ),
        first,
        together.clone(),
    );
    me.destinations = vec!["mediateur".into()];
    me.grounds = input.missing_reasons.clone();
    out.push(me);

    // DGE report.
    let mut dge = route(
        RouteKind::DgeReport,
        RouteState::Open,
        &[],
        l(
            "Un signalement à l’administration, baromètre des relations avec les plateformes, non une voie de recours.",
            "A report to the administration, a barometer of relations with platforms, not a remedy.",
        ),
        first,
        together.clone(),
    );
    dge.destinations = vec!["dge_form".into()];
    out.push(dge);

    // Arcom (DSA 53).
    let mut arcom = route(
        RouteKind::Arcom,
        RouteState::Open,
        &["DSA 53"],
        l(
            "Une plainte au coordinateur pour les services numériques (Arcom) contre une infraction au DSA : une information du régulateur, non un recours personnel.",
            "A complaint to the Digital Services Coordinator (Arcom) about a DSA infringement: information to the regulator, not a personal remedy.",
        ),
        first,
        together.clone(),
    );
    arcom.destinations = vec!["arcom".into()];
    out.push(arcom);

    // Courts.
    out.push(route(
        RouteKind::Courts,
        RouteState::Open,
        &["C. com. L.442-1"],
        l(
            "Le tribunal de commerce, y compris en référé ; des délais de prescription s’appliquent. À titre d’information.",
            "The commercial court, including summary proceedings (référé); limitation periods apply. For information.",
        ),
        first,
        together,
    ));

    if gatekeeper {
        for r in &mut out {
            if matches!(r.kind, RouteKind::InternalComplaint | RouteKind::Arcom) {
                r.articles.push("DMA".into());
            }
        }
    }
    out.sort_by_key(|r| r.order);
    out
}

/// The guide's input for one incident of the journal: its measure and dates, whether it is
/// about counterfeits (the `CTF` group), the company's collective proceedings, the platform's
/// catalogue entry and what the owner recorded of it (mediators, bodies, small enterprise).
pub fn input_for<'a>(
    incident: &IncidentData,
    company: Option<&CompanyProfile>,
    platform: Option<&'a Platform>,
    recorded: Option<&PlatformDetails>,
    missing_reasons: Vec<MissingGround>,
) -> RouteInput<'a> {
    let facts = incident.facts();
    RouteInput {
        measure: facts.measure,
        informed: facts.notified,
        decision: facts.decision,
        referral: facts.referral,
        referral_decided: facts.referral_decided,
        counterfeit: incident.category.starts_with("CTF-"),
        collective_proceedings: company.is_some_and(|c| c.insolvency),
        small_platform: recorded.is_some_and(|r| r.small_enterprise),
        platform,
        missing_reasons,
        recorded_mediators: recorded.map(|r| r.mediators.clone()).unwrap_or_default(),
        recorded_bodies: recorded.map(|r| r.ooc_bodies.clone()).unwrap_or_default(),
    }
}

/// What the dossier form asks for itself, left out of a route's gaps: the draft is made by
/// the "prepare" button, these come with it.
fn asked_by_the_form(code: MissingCode) -> bool {
    matches!(
        code,
        MissingCode::NoIncidents
            | MissingCode::IncidentUnavailable
            | MissingCode::Title
            | MissingCode::Summary
            | MissingCode::Asks
            | MissingCode::Listings
            | MissingCode::IpRight
            | MissingCode::AccuracyDeclaration
            | MissingCode::ConfidentialityUndertaking
            | MissingCode::GoodFaithStatement
            | MissingCode::IdentityChoice
            | MissingCode::Signatory
            | MissingCode::MediateurRequest
            | MissingCode::SaisineFramework
            | MissingCode::HandledSoFar
            | MissingCode::DsaProvisions
            | MissingCode::Mediator
            | MissingCode::MediatorNotNamed
    )
}

/// Fills each open or pending route's `missing_for_dossier` with what the journal still lacks
/// for a dossier of its first destination on this one incident (the company, the platform, the
/// incident's dates…), by the dossier rules; routes without a dossier of Carnet's stay empty.
pub fn fill_gaps(routes: &mut [Route], incident_id: i64, parties: &Parties<'_>, today: NaiveDate) {
    for route in routes.iter_mut() {
        if matches!(route.state, RouteState::NotApplicable) {
            continue;
        }
        let Some(destination) = route
            .destinations
            .first()
            .and_then(|d| Destination::parse(d))
        else {
            continue;
        };
        let draft = DossierDraft::blank(destination, Locale::Fr, vec![incident_id]);
        let mut codes: Vec<MissingCode> = Vec::new();
        for m in dossier::missing(&draft, parties, today) {
            if !asked_by_the_form(m.code) && !codes.contains(&m.code) {
                codes.push(m.code);
            }
        }
        route.missing_for_dossier = codes;
    }
}

/// The DMA note for a gatekeeper's routes.
pub fn gatekeeper_note() -> Label {
    l(
        "Contrôleur d’accès (DMA) : des obligations supplémentaires envers les entreprises utilisatrices, comme l’interdiction de favoriser ses propres offres et l’accès aux données.",
        "Gatekeeper (DMA): further obligations towards business users, such as no self-preferencing and data access.",
    )
}

/// A route of an open incident whose clock closes soon, for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClosingRoute {
    /// The incident it belongs to.
    #[ts(type = "number")]
    pub incident_id: i64,
    /// The incident's title, as the owner wrote it.
    pub title: String,
    /// The platform's name.
    pub platform_name: String,
    /// Which route.
    pub kind: RouteKind,
    /// Its clock.
    pub clock: Clock,
}

/// The dashboard summary: open routes whose clock closes within `days` (30 on the dashboard),
/// soonest first.
pub fn closing_within(routes: &[Route], days: i64) -> Vec<&Route> {
    let mut v: Vec<&Route> = routes
        .iter()
        .filter(|r| matches!(r.state, RouteState::Open))
        .filter(|r| {
            r.clock
                .as_ref()
                .is_some_and(|c| (0..=days).contains(&c.days_left))
        })
        .collect();
    v.sort_by_key(|r| r.clock.as_ref().map(|c| c.days_left));
    v
}

#[cfg(test)]
mod tests;

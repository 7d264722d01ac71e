//! The statement-of-reasons checker: the elements the law asks a platform's decision to state
//! (DSA 17(3)(a)–(f); P2B 4(1), 4(2), 4(5)), and, from those the owner ticked as present in
//! the platform's message, the ones missing, each as a ground with its article ("the decision
//! does not state the facts (DSA 17(3)(b))"). Pure; the texts are FR and EN and describe, never
//! conclude. Sources: docs/law.md.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalogue::Label;

/// What the platform decided, for the checker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DecisionKind {
    /// Visibility restricted (delisting, demotion).
    VisibilityRestriction,
    /// Payments restricted (payouts held).
    PaymentRestriction,
    /// Account or service suspended.
    Suspension,
    /// The whole service terminated.
    Termination,
    /// Another restriction of the account or of offers.
    AccountOrOffers,
}

impl DecisionKind {
    /// Every kind, in a fixed order.
    pub const ALL: [DecisionKind; 5] = [
        DecisionKind::VisibilityRestriction,
        DecisionKind::PaymentRestriction,
        DecisionKind::Suspension,
        DecisionKind::Termination,
        DecisionKind::AccountOrOffers,
    ];

    /// Its name, FR and EN.
    pub fn label(self) -> Label {
        let (fr, en) = match self {
            DecisionKind::VisibilityRestriction => (
                "Restriction de visibilité (déréférencement, rétrogradation)",
                "Restriction of visibility (delisting, demotion)",
            ),
            DecisionKind::PaymentRestriction => (
                "Restriction des paiements (versements retenus)",
                "Restriction of payments (payouts held)",
            ),
            DecisionKind::Suspension => (
                "Suspension du compte ou du service",
                "Suspension of the account or service",
            ),
            DecisionKind::Termination => (
                "Résiliation de tout le service",
                "Termination of the whole service",
            ),
            DecisionKind::AccountOrOffers => (
                "Autre restriction du compte ou des offres",
                "Another restriction of the account or offers",
            ),
        };
        Label {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The name used over IPC and in the vault.
    pub fn code(self) -> &'static str {
        match self {
            DecisionKind::VisibilityRestriction => "visibility_restriction",
            DecisionKind::PaymentRestriction => "payment_restriction",
            DecisionKind::Suspension => "suspension",
            DecisionKind::Termination => "termination",
            DecisionKind::AccountOrOffers => "account_or_offers",
        }
    }
}

/// One element a statement of reasons should contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReasonElement {
    /// DSA 17(3)(a): what was restricted, its scope and duration.
    Scope,
    /// DSA 17(3)(b): the facts and circumstances, and whether a notice triggered it.
    Facts,
    /// DSA 17(3)(c): whether automated means were used.
    AutomatedMeans,
    /// DSA 17(3)(d): the legal ground, where the content is said to be illegal.
    LegalGround,
    /// DSA 17(3)(e): the contractual ground, where it is said to breach the terms.
    ContractualGround,
    /// DSA 17(3)(f): the redress available.
    Redress,
    /// P2B 4(1): reasons given before or when the restriction or suspension took effect.
    GivenInTime,
    /// P2B 4(2): the termination notified at least 30 days ahead.
    TerminationNotice,
    /// P2B 4(5): the specific facts, including the contents of third-party notices.
    SpecificFacts,
}

impl ReasonElement {
    /// Every element, in the law's order.
    pub const ALL: [ReasonElement; 9] = [
        ReasonElement::Scope,
        ReasonElement::Facts,
        ReasonElement::AutomatedMeans,
        ReasonElement::LegalGround,
        ReasonElement::ContractualGround,
        ReasonElement::Redress,
        ReasonElement::GivenInTime,
        ReasonElement::TerminationNotice,
        ReasonElement::SpecificFacts,
    ];

    /// The name used over IPC and in the vault.
    pub fn code(self) -> &'static str {
        match self {
            ReasonElement::Scope => "scope",
            ReasonElement::Facts => "facts",
            ReasonElement::AutomatedMeans => "automated_means",
            ReasonElement::LegalGround => "legal_ground",
            ReasonElement::ContractualGround => "contractual_ground",
            ReasonElement::Redress => "redress",
            ReasonElement::GivenInTime => "given_in_time",
            ReasonElement::TerminationNotice => "termination_notice",
            ReasonElement::SpecificFacts => "specific_facts",
        }
    }

    /// The element of this code, if there is one.
    pub fn parse(code: &str) -> Option<ReasonElement> {
        ReasonElement::ALL
            .into_iter()
            .find(|e| e.code() == code.trim())
    }

    /// The article it rests on, as printed.
    pub fn article(self) -> &'static str {
        match self {
            ReasonElement::Scope => "DSA 17(3)(a)",
            ReasonElement::Facts => "DSA 17(3)(b)",
            ReasonElement::AutomatedMeans => "DSA 17(3)(c)",
            ReasonElement::LegalGround => "DSA 17(3)(d)",
            ReasonElement::ContractualGround => "DSA 17(3)(e)",
            ReasonElement::Redress => "DSA 17(3)(f)",
            ReasonElement::GivenInTime => "P2B 4(1)",
            ReasonElement::TerminationNotice => "P2B 4(2)",
            ReasonElement::SpecificFacts => "P2B 4(5)",
        }
    }

    /// What to tick: the element as the owner looks for it in the message.
    pub fn label(self) -> Label {
        let (fr, en) = match self {
            ReasonElement::Scope => (
                "Ce qui est restreint, sa portée et sa durée",
                "What is restricted, its scope and duration",
            ),
            ReasonElement::Facts => (
                "Les faits et circonstances, et si un signalement en est à l’origine",
                "The facts and circumstances, and whether a notice triggered it",
            ),
            ReasonElement::AutomatedMeans => (
                "Si des moyens automatisés ont été utilisés",
                "Whether automated means were used",
            ),
            ReasonElement::LegalGround => (
                "Le fondement légal, si le contenu est dit illicite",
                "The legal ground, if the content is said to be illegal",
            ),
            ReasonElement::ContractualGround => (
                "La clause des conditions, si le contenu est dit contraire aux conditions",
                "The clause of the terms, if the content is said to breach them",
            ),
            ReasonElement::Redress => ("Les voies de recours", "The redress available"),
            ReasonElement::GivenInTime => (
                "Des motifs donnés avant ou au moment de la prise d’effet",
                "Reasons given before or when it took effect",
            ),
            ReasonElement::TerminationNotice => (
                "Un préavis d’au moins 30 jours avant la résiliation",
                "At least 30 days’ notice before the termination",
            ),
            ReasonElement::SpecificFacts => (
                "Les faits précis, y compris le contenu des signalements de tiers",
                "The specific facts, including the contents of third-party notices",
            ),
        };
        Label {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The ground when it is missing: "the decision does not state … (article)".
    pub fn missing_text(self) -> Label {
        let l = self.label();
        let a = self.article();
        Label {
            fr: format!("La décision n’indique pas : {} ({a})", lower_first(&l.fr)),
            en: format!("The decision does not state: {} ({a})", lower_first(&l.en)),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// The elements the law asks of this kind of decision: DSA 17(3)(a)–(f) for every kind
/// (DSA 17(1) covers restrictions of visibility and of payments, suspensions and
/// terminations); P2B 4(1) for a restriction or suspension, P2B 4(2) for a termination; P2B
/// 4(5) always.
pub fn required(kind: DecisionKind) -> Vec<ReasonElement> {
    ReasonElement::ALL
        .into_iter()
        .filter(|e| match e {
            ReasonElement::GivenInTime => kind != DecisionKind::Termination,
            ReasonElement::TerminationNotice => kind == DecisionKind::Termination,
            _ => true,
        })
        .collect()
}

/// A missing element, as a ground of a complaint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MissingGround {
    /// The element missing.
    pub element: ReasonElement,
    /// The article it rests on.
    pub article: String,
    /// "The decision does not state … (article)", FR and EN.
    pub text: Label,
}

/// The elements of [`required`] the owner did not tick, in the law's order. The legal (d) and
/// contractual (e) grounds are alternatives: when either is ticked, neither is missing.
pub fn missing(kind: DecisionKind, ticked: &[ReasonElement]) -> Vec<MissingGround> {
    let has = |e: &ReasonElement| ticked.contains(e);
    let some_ground = has(&ReasonElement::LegalGround) || has(&ReasonElement::ContractualGround);
    required(kind)
        .into_iter()
        .filter(|e| !has(e))
        .filter(|e| {
            !(some_ground
                && matches!(
                    e,
                    ReasonElement::LegalGround | ReasonElement::ContractualGround
                ))
        })
        .map(|element| MissingGround {
            element,
            article: element.article().to_owned(),
            text: element.missing_text(),
        })
        .collect()
}

/// One element as the checker's form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReasonItem {
    /// The element.
    pub element: ReasonElement,
    /// The article it rests on.
    pub article: String,
    /// What to look for in the message, FR and EN.
    pub label: Label,
}

/// A decision the checker knows, with the elements the law asks of it, for the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DecisionReasons {
    /// The decision.
    pub kind: DecisionKind,
    /// Its name, FR and EN.
    pub label: Label,
    /// The elements [`required`] of it, in the law's order.
    pub elements: Vec<ReasonItem>,
}

/// Every decision with its elements: what the event form offers to tick.
pub fn catalogue() -> Vec<DecisionReasons> {
    DecisionKind::ALL
        .into_iter()
        .map(|kind| DecisionReasons {
            kind,
            label: kind.label(),
            elements: required(kind)
                .into_iter()
                .map(|element| ReasonItem {
                    element,
                    article: element.article().to_owned(),
                    label: element.label(),
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests;

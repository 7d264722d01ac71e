//! What a submission to a destination does to the incidents and their chronology, and the
//! submission the owner records afterwards ([`SubmissionInput`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::draft::{REFERENCE_MAX, invalid};
use crate::error::{CoreError, Field};
use crate::journal::event::Channel;
use crate::journal::incident::Status;
use crate::journal::text;
use crate::locale::Locale;
use crate::report::{Destination, Step, StepKind};

/// The submission as typed: the day it was sent (`YYYY-MM-DD`, at most today) and the
/// recipient's reference (case or file number), possibly empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct SubmissionInput {
    /// `YYYY-MM-DD`, at most today.
    pub submitted_on: String,
    /// At most [`REFERENCE_MAX`] characters; may be empty.
    pub reference: String,
}

/// A checked submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Submission {
    /// The day it was sent, at most the day it was recorded.
    #[ts(as = "String")]
    pub submitted_on: NaiveDate,
    /// The recipient's reference, trimmed; may be empty.
    pub reference: String,
}

impl SubmissionInput {
    /// Checks the day (a date, not after `today`) and the reference's length; the first refused
    /// names its field.
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
        Destination::PlatformComplaint | Destination::CounterfeitNotice => Channel::PortalMessage,
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
        (Destination::OutOfCourtBody, Locale::En) => "to a certified out-of-court settlement body",
        (Destination::CounterfeitNotice, Locale::Fr) => {
            "au service de notification de la plateforme"
        }
        (Destination::CounterfeitNotice, Locale::En) => "to the platform's notice mechanism",
        (Destination::Arcom, Locale::Fr) => "à l’Arcom (coordinateur pour les services numériques)",
        (Destination::Arcom, Locale::En) => "to Arcom (Digital Services Coordinator)",
        (Destination::P2bMediator, Locale::Fr) => {
            "à un médiateur désigné dans les conditions de la plateforme"
        }
        (Destination::P2bMediator, Locale::En) => "to a mediator named in the platform's terms",
    }
}

/// The chronology event's summary (at most 300 characters: the reference is at most
/// 100, the rest under 120).
pub fn summary(destination: Destination, locale: Locale, number: &str, reference: &str) -> String {
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

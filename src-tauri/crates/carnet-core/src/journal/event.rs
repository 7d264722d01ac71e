//! The chronology of an incident: dated events — who acted (us, the platform, a third party,
//! an authority), through which channel, a summary, the full text (an e-mail's body, a
//! transcript), and the pieces of the same incident that support it. An imported e-mail
//! becomes one (see [`email`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Field};
use crate::journal::incident::rules;
use crate::reasons::{self, DecisionKind, MissingGround, ReasonElement};

pub mod email;

/// The longest summary, in characters.
pub const SUMMARY_MAX: usize = 300;
/// The longest full text, in characters.
pub const FULL_TEXT_MAX: usize = 100_000;
/// The most pieces one event may link to.
pub const PIECES_MAX: usize = 200;

/// Who acted in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Actor {
    /// The owner's company.
    Us,
    /// The platform.
    Platform,
    /// A third party (a carrier, a customer, a bank).
    ThirdParty,
    /// An authority (DGCCRF, Arcom, a court).
    Authority,
}

impl Actor {
    /// Every actor, in the order of the form.
    pub const ALL: [Actor; 4] = [
        Actor::Us,
        Actor::Platform,
        Actor::ThirdParty,
        Actor::Authority,
    ];

    /// The name stored and used over IPC.
    pub fn code(self) -> &'static str {
        match self {
            Actor::Us => "us",
            Actor::Platform => "platform",
            Actor::ThirdParty => "third_party",
            Actor::Authority => "authority",
        }
    }

    /// Reads an actor sent by the UI or stored in the vault.
    pub fn parse(s: &str) -> Result<Actor, CoreError> {
        rules::member(Some(s), &Actor::ALL, Actor::code, Field::EventActor)?
            .ok_or(CoreError::Invalid(Field::EventActor))
    }
}

/// How an event reached its recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Channel {
    /// By e-mail.
    Email,
    /// A message in the platform's seller area.
    PortalMessage,
    /// By phone.
    Phone,
    /// By letter.
    Letter,
    /// A notification (app, dashboard banner).
    Notification,
    /// Any other way.
    Other,
}

impl Channel {
    /// Every channel, in the order of the form.
    pub const ALL: [Channel; 6] = [
        Channel::Email,
        Channel::PortalMessage,
        Channel::Phone,
        Channel::Letter,
        Channel::Notification,
        Channel::Other,
    ];

    /// The name stored and used over IPC.
    pub fn code(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::PortalMessage => "portal_message",
            Channel::Phone => "phone",
            Channel::Letter => "letter",
            Channel::Notification => "notification",
            Channel::Other => "other",
        }
    }

    /// Reads a channel sent by the UI or stored in the vault.
    pub fn parse(s: &str) -> Result<Channel, CoreError> {
        rules::member(Some(s), &Channel::ALL, Channel::code, Field::EventChannel)?
            .ok_or(CoreError::Invalid(Field::EventChannel))
    }
}

/// The event form as the UI sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct EventInput {
    /// The event to update; absent to add one.
    #[ts(optional, type = "number")]
    pub id: Option<i64>,
    /// The incident it belongs to (checked by the store).
    #[ts(type = "number")]
    pub incident_id: i64,
    /// `YYYY-MM-DD`.
    pub happened_on: String,
    /// Who acted: an [`Actor`] code (`us`, `platform`…).
    pub actor: String,
    /// How: a [`Channel`] code (`email`, `phone`…).
    pub channel: String,
    /// One line, 1 to [`SUMMARY_MAX`] characters.
    pub summary: String,
    /// The message or transcript, up to [`FULL_TEXT_MAX`] characters.
    #[ts(optional)]
    pub full_text: Option<String>,
    /// Pieces of the same incident.
    #[ts(type = "Array<number>")]
    pub piece_ids: Vec<i64>,
    /// The platform's decision this event records, by its code (`suspension`…); absent or
    /// empty when it records none.
    #[ts(optional)]
    pub decision: Option<String>,
    /// The elements of a statement of reasons the platform's message contained, by their
    /// codes (`scope`, `facts`…): what the owner ticked.
    pub reasons_given: Vec<String>,
}

/// A platform's decision recorded by an event, with what its message contained: the
/// statement-of-reasons checker's input (see [`crate::reasons`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DecisionCheck {
    /// What the platform decided.
    pub kind: DecisionKind,
    /// The elements its message contained, in the law's order.
    pub given: Vec<ReasonElement>,
}

impl DecisionCheck {
    /// The elements the law asks of this decision that its message did not contain.
    pub fn missing(&self) -> Vec<MissingGround> {
        reasons::missing(self.kind, &self.given)
    }
}

/// The grounds a chronology gives: the elements missing from the statement of reasons of the
/// latest decision it records (by date, then by entry), none when it records no decision.
pub fn decision_grounds(events: &[Event]) -> Vec<MissingGround> {
    events
        .iter()
        .filter_map(|e| {
            e.data
                .decision
                .as_ref()
                .map(|d| (e.data.happened_on, e.id, d))
        })
        .max_by_key(|(day, id, _)| (*day, *id))
        .map(|(_, _, d)| d.missing())
        .unwrap_or_default()
}

/// A validated event, as the store writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventData {
    /// The incident it belongs to.
    #[ts(type = "number")]
    pub incident_id: i64,
    /// The day it happened.
    #[ts(as = "String")]
    pub happened_on: NaiveDate,
    /// Who acted.
    pub actor: Actor,
    /// How.
    pub channel: Channel,
    /// One line, trimmed.
    pub summary: String,
    /// The message or transcript; may be empty.
    pub full_text: String,
    /// Deduplicated, in the order given.
    #[ts(type = "Array<number>")]
    pub piece_ids: Vec<i64>,
    /// The platform's decision it records, if any, with what its message contained.
    pub decision: Option<DecisionCheck>,
}

/// The checker's input as typed: a known decision, known elements (deduplicated, in the law's
/// order), and no element without a decision.
fn decision_check(
    kind: Option<&str>,
    given: &[String],
) -> Result<Option<DecisionCheck>, CoreError> {
    let kind = rules::member(
        kind,
        &DecisionKind::ALL,
        DecisionKind::code,
        Field::EventDecision,
    )?;
    if given.len() > ReasonElement::ALL.len() * 2 {
        return Err(CoreError::Invalid(Field::EventReasons));
    }
    let mut elements = Vec::new();
    for code in given {
        let element = ReasonElement::parse(code).ok_or(CoreError::Invalid(Field::EventReasons))?;
        if !elements.contains(&element) {
            elements.push(element);
        }
    }
    elements.sort();
    match kind {
        Some(kind) => Ok(Some(DecisionCheck {
            kind,
            given: elements,
        })),
        None if elements.is_empty() => Ok(None),
        None => Err(CoreError::Invalid(Field::EventReasons)),
    }
}

impl EventInput {
    /// Checks the form; the first input refused names its field. Returns the event to update
    /// (if any) and the validated data.
    pub fn validate(&self, today: NaiveDate) -> Result<(Option<i64>, EventData), CoreError> {
        let happened_on = rules::required_date(&self.happened_on, today, Field::EventDate)?;
        let actor = Actor::parse(&self.actor)?;
        let channel = Channel::parse(&self.channel)?;
        let summary = rules::line(&self.summary, 1, SUMMARY_MAX, Field::EventSummary)?;
        let full_text = rules::text(
            self.full_text.as_deref(),
            FULL_TEXT_MAX,
            Field::EventFullText,
        )?;
        let mut piece_ids: Vec<i64> = Vec::new();
        for &id in &self.piece_ids {
            if id <= 0 || piece_ids.len() >= PIECES_MAX {
                return Err(CoreError::Invalid(Field::EventPieces));
            }
            if !piece_ids.contains(&id) {
                piece_ids.push(id);
            }
        }
        let decision = decision_check(self.decision.as_deref(), &self.reasons_given)?;
        Ok((
            self.id,
            EventData {
                incident_id: self.incident_id,
                happened_on,
                actor,
                channel,
                summary,
                full_text,
                piece_ids,
                decision,
            },
        ))
    }
}

impl EventData {
    /// The names of the fields that differ from `old`.
    pub fn changed_fields(&self, old: &EventData) -> Vec<&'static str> {
        [
            ("happened_on", self.happened_on != old.happened_on),
            ("actor", self.actor != old.actor),
            ("channel", self.channel != old.channel),
            ("summary", self.summary != old.summary),
            ("full_text", self.full_text != old.full_text),
            ("pieces", self.piece_ids != old.piece_ids),
            ("decision", self.decision != old.decision),
        ]
        .into_iter()
        .filter(|(_, c)| *c)
        .map(|(n, _)| n)
        .collect()
    }

    /// The text the full-text search indexes for the event.
    pub fn search_text(&self) -> String {
        if self.full_text.is_empty() {
            self.summary.clone()
        } else {
            format!("{}\n{}", self.summary, self.full_text)
        }
    }
}

/// An event as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Event {
    /// The event's id in the vault.
    #[ts(type = "number")]
    pub id: i64,
    /// What the owner recorded.
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: EventData,
    /// When it was recorded (RFC 3339).
    pub created_at: String,
    /// When it was last changed (RFC 3339).
    pub updated_at: String,
}

#[cfg(test)]
mod tests;

//! The chronology of an incident: dated events — who acted (us, the platform, a third party,
//! an authority), through which channel, a summary, the full text (an e-mail's body, a
//! transcript), and the pieces of the same incident that support it. An imported e-mail
//! becomes one (see [`email`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Field};
use crate::journal::incident::rules;

pub mod email;

pub const SUMMARY_MAX: usize = 300;
pub const FULL_TEXT_MAX: usize = 100_000;
/// The most pieces one event may link to.
pub const PIECES_MAX: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Actor {
    Us,
    Platform,
    ThirdParty,
    Authority,
}

impl Actor {
    pub const ALL: [Actor; 4] = [
        Actor::Us,
        Actor::Platform,
        Actor::ThirdParty,
        Actor::Authority,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Actor::Us => "us",
            Actor::Platform => "platform",
            Actor::ThirdParty => "third_party",
            Actor::Authority => "authority",
        }
    }

    pub fn parse(s: &str) -> Result<Actor, CoreError> {
        rules::member(Some(s), &Actor::ALL, Actor::code, Field::EventActor)?
            .ok_or(CoreError::Invalid(Field::EventActor))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Channel {
    Email,
    PortalMessage,
    Phone,
    Letter,
    Notification,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::Email,
        Channel::PortalMessage,
        Channel::Phone,
        Channel::Letter,
        Channel::Notification,
        Channel::Other,
    ];

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
    #[ts(type = "number")]
    pub incident_id: i64,
    /// `YYYY-MM-DD`.
    pub happened_on: String,
    pub actor: String,
    pub channel: String,
    pub summary: String,
    #[ts(optional)]
    pub full_text: Option<String>,
    /// Pieces of the same incident.
    #[ts(type = "Array<number>")]
    pub piece_ids: Vec<i64>,
}

/// A validated event, as the store writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventData {
    #[ts(type = "number")]
    pub incident_id: i64,
    #[ts(as = "String")]
    pub happened_on: NaiveDate,
    pub actor: Actor,
    pub channel: Channel,
    pub summary: String,
    pub full_text: String,
    /// Deduplicated, in the order given.
    #[ts(type = "Array<number>")]
    pub piece_ids: Vec<i64>,
}

impl EventInput {
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
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: EventData,
    pub created_at: String,
    pub updated_at: String,
}

#[cfg(test)]
mod tests;

//! The trash: incidents, events, pieces and dossiers deleted by the owner, which can be
//! restored until they are purged. An incident's events and pieces follow it in and out.

use serde::Serialize;
use ts_rs::TS;

use crate::error::{CoreError, Field};

/// What the trash holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TrashEntity {
    /// An incident, with its events and pieces.
    Incident,
    /// An event of a chronology.
    Event,
    /// A piece of evidence.
    Piece,
    /// A dossier.
    Dossier,
}

impl TrashEntity {
    /// Every kind, in a fixed order.
    pub const ALL: [TrashEntity; 4] = [
        TrashEntity::Incident,
        TrashEntity::Event,
        TrashEntity::Piece,
        TrashEntity::Dossier,
    ];

    /// The table name, also the `entity` of history rows.
    pub fn code(self) -> &'static str {
        match self {
            TrashEntity::Incident => "incident",
            TrashEntity::Event => "event",
            TrashEntity::Piece => "piece",
            TrashEntity::Dossier => "dossier",
        }
    }

    /// Reads a kind sent by the UI.
    pub fn parse(s: &str) -> Result<TrashEntity, CoreError> {
        TrashEntity::ALL
            .into_iter()
            .find(|e| e.code() == s)
            .ok_or(CoreError::Invalid(Field::TrashEntity))
    }
}

/// One thing in the trash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrashItem {
    /// What kind of record it is.
    pub entity: TrashEntity,
    /// Its id in the vault.
    #[ts(type = "number")]
    pub id: i64,
    /// The incident's title, the event's summary, the piece's `P3 · title`, or the dossier's
    /// `2026-0001 · title`.
    pub label: String,
    /// The incident it belongs to (itself for an incident; 0 for a dossier, which may hold
    /// several).
    #[ts(type = "number")]
    pub incident_id: i64,
    /// That incident's title (empty for a dossier).
    pub incident_title: String,
    /// When it went to the trash (RFC 3339).
    pub deleted_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_round_trip() {
        for e in TrashEntity::ALL {
            assert_eq!(TrashEntity::parse(e.code()), Ok(e));
        }
        assert_eq!(TrashEntity::parse("dossier"), Ok(TrashEntity::Dossier));
        for bad in ["", "platform", "company", "Incident", "piece ", "dossiers"] {
            assert!(TrashEntity::parse(bad).is_err());
        }
    }
}

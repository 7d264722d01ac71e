//! A dossier's number and file name, and what the commands answer about a dossier.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::draft::DossierDraft;
use super::missing::Missing;
use crate::locale::Locale;
use crate::report::Destination;

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
    /// Where the dossier was exported for.
    pub destination: Destination,
    /// The language it was exported in.
    pub locale: Locale,
    /// Of the PDF, lower-case hex.
    pub sha256: String,
    /// The PDF's size, in bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// The PDF's page count.
    pub pages: u32,
    /// The pieces it lists.
    pub pieces: u32,
}

/// A submission, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SubmissionRecord {
    /// Where the dossier was sent.
    pub destination: Destination,
    /// The day it was sent, as the owner said.
    #[ts(as = "String")]
    pub submitted_on: NaiveDate,
    /// The recipient's reference (case or file number); may be empty.
    pub reference: String,
    /// RFC 3339.
    pub recorded_at: String,
}

/// A dossier in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DossierItem {
    /// The dossier's id in the vault.
    #[ts(type = "number")]
    pub id: i64,
    /// `2026-0001`.
    pub number: String,
    /// The draft's title; may be empty.
    pub title: String,
    /// Where the draft goes.
    pub destination: Destination,
    /// The draft's language.
    pub locale: Locale,
    /// The incidents the draft names, found in the journal or not.
    pub incident_count: u32,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When its draft was last saved (RFC 3339).
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
    /// The draft's incidents found in the journal.
    pub incidents: u32,
    /// Their events.
    pub events: u32,
    /// Their pieces.
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
    /// The dossier's id in the vault.
    #[ts(type = "number")]
    pub id: i64,
    /// `2026-0001`.
    pub number: String,
    /// The draft as last saved.
    pub draft: DossierDraft,
    /// What the destination still needs; blocking first.
    pub missing: Vec<Missing>,
    /// No blocking element missing: the export may go ahead.
    pub complete: bool,
    /// What the export would hold, as of now.
    pub preview: DossierPreview,
    /// Newest first.
    pub exports: Vec<ExportRecord>,
    /// Newest first.
    pub submissions: Vec<SubmissionRecord>,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When its draft was last saved (RFC 3339).
    pub updated_at: String,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DossierExported {
    /// The PDF's file name (never its folder).
    pub file_name: String,
    /// The PDF's size, in bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// The PDF's page count.
    pub pages: u32,
    /// Of the PDF, lower-case hex.
    pub sha256: String,
    /// The pieces the dossier lists.
    pub pieces: u32,
    /// The evidence bundle written beside the PDF (a ZIP: the original pieces, their
    /// manifests and how to verify them), its file name and size.
    pub bundle_file_name: String,
    /// The evidence bundle's size, in bytes.
    #[ts(type = "number")]
    pub bundle_size: u64,
}

/// What the submission screen shows: each field of the destination's form with its text
/// (and its form's address), and whether the pieces fit the form's upload limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DossierDelivery {
    /// Each field of the destination's form with its text, and the form's address when known.
    pub help: crate::delivery::SubmissionHelp,
    /// Whether the pieces fit the form's upload limits, and how to send them.
    pub limits: crate::delivery::LimitsReport,
}

/// The progress of an export, sent as the `dossier-progress` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DossierProgress {
    /// The steps done so far.
    pub done: u32,
    /// The steps in all; `done` reaches it when the files are in place.
    pub total: u32,
}

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

//! How a dossier reaches its destination, as the UI shows it: whether its pieces fit the
//! destination's upload limits ([`LimitsReport`]: each piece accepted as it is, sent inside
//! a ZIP, or too large; the ZIPs they are grouped into), and the text to paste into each
//! field of the destination's form or letter ([`SubmissionHelp`]). `carnet-dossier`
//! computes both from a [`Report`](crate::report::Report) and the destination's data file.

use serde::Serialize;
use ts_rs::TS;

use crate::report::Destination;

/// What a destination's upload form accepts (domain notes §4; `carnet-dossier`'s
/// `data/destinations.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DestinationLimits {
    /// The largest file, in bytes.
    #[ts(type = "number")]
    pub max_file_bytes: u64,
    /// The most files one upload field takes.
    pub max_files_per_field: u32,
    /// The accepted file extensions, lower case, without the dot (`pdf`, `jpg`, `zip`…).
    pub accepted: Vec<String>,
}

/// How one piece can be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PieceFit {
    /// Sent as it is.
    Accepted,
    /// Its type is not among those accepted: it goes inside a ZIP, which is.
    InZipOnly,
    /// Larger than the largest file accepted: it cannot go through the form (the PDF and
    /// the bundle still carry it; the owner sends it another way or on request).
    TooLarge,
}

/// One piece against the destination's limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PieceCheck {
    /// The piece's number in the dossier (3 for `P03`).
    pub number: u32,
    /// `P03`.
    pub label: String,
    /// Its name in the evidence bundle (`P03-Releve-de-paiement.pdf`).
    pub file_name: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// Whether it can be sent as it is, in a ZIP, or not through the form.
    pub fit: PieceFit,
    /// The ZIP it is sent in (`P01-P10.zip`), when the pieces are grouped.
    pub group: Option<String>,
}

/// A ZIP of at most the field's number of files and the largest file's size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UploadGroup {
    /// `P01-P10.zip`.
    pub file_name: String,
    /// The pieces' numbers, in order.
    pub numbers: Vec<u32>,
    /// The pieces' bytes added up (the ZIP stays below the limit with its own overhead).
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Whether the dossier's pieces fit its destination's upload limits, and how to send them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LimitsReport {
    /// Where the dossier goes.
    pub destination: Destination,
    /// `null` when the destination has no upload form with known limits (a letter, an
    /// e-mail, the platform's own form): every piece is then accepted as it is.
    pub limits: Option<DestinationLimits>,
    /// By number.
    pub pieces: Vec<PieceCheck>,
    /// Empty when the pieces go as they are; otherwise every piece that is not too large
    /// goes in one of these ZIPs.
    pub groups: Vec<UploadGroup>,
    /// The files the owner uploads: the pieces themselves, or the ZIPs.
    pub files_to_upload: u32,
    /// The upload fields they fill (0 with no pieces).
    pub fields_needed: u32,
    /// Every piece can be sent through the form (none too large, and the files fit one
    /// field).
    pub ok: bool,
}

/// One field of a destination's form or letter, with the text to paste into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SubmissionField {
    /// Stable, for the UI and the tests (`siret`, `description`…).
    pub key: String,
    /// The field's name, in the dossier's language.
    pub label: String,
    /// The text to paste, in the dossier's language; never empty ("not given" at worst).
    pub text: String,
    /// The most characters the field takes, when known; `text` never has more.
    pub max_chars: Option<u32>,
    /// The text was shortened to fit `max_chars` (the full account is in the PDF).
    pub shortened: bool,
}

/// What the submission screen shows: each field's text and the form's address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SubmissionHelp {
    /// Where the dossier goes.
    pub destination: Destination,
    /// The online form, when the destination has one whose address is known; `null`
    /// otherwise (never guessed).
    pub url: Option<String>,
    /// The form's fields, in its order.
    pub fields: Vec<SubmissionField>,
}

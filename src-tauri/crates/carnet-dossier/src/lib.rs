//! Carnet's outputs: the PDF dossier, the evidence bundle and the submission texts. Takes a
//! report model from `carnet-core`; knows nothing of storage.
//!
//! [`render`] writes a report's dossier as a PDF: the sections of its destination
//! ([`destinations`]), in its language ([`texts`]), laid out by the crate's own layout layer
//! ([`layout`]) in an embedded, subset font ([`fonts`]), the evidence images embedded at full
//! resolution and never re-encoded lossily ([`images`]).
//!
//! [`bundle()`] writes the evidence bundle beside it (the original pieces, their manifests and
//! how to verify them), [`check_limits`] says whether the pieces fit the destination's upload
//! form, and [`submission_fields`] gives the text for each field of its form.

#![warn(missing_docs)]

pub mod bundle;
pub mod destinations;
pub mod fonts;
pub mod images;
pub mod layout;
pub mod limits;
pub mod names;
pub mod pdf;
mod sections;
pub mod submission;
pub mod texts;
pub mod typography;

use std::io::Write;

use carnet_core::report::{PieceSource, Report, ReportProblem};

pub use bundle::{BundleOptions, BundleWritten, bundle};
pub use limits::check_limits;
pub use pdf::Written;
pub use submission::{form_url, submission_fields, submission_help};

/// Why no dossier was written.
#[derive(Debug, thiserror::Error)]
pub enum DossierError {
    /// The report is not fit to render (a summary too long, a broken reference…).
    #[error("the report cannot be rendered: {0:?}")]
    Report(Vec<ReportProblem>),
    /// The [`PieceSource`] could not give a piece's bytes.
    #[error("{piece}: its bytes could not be read: {reason}")]
    PieceUnavailable {
        /// The piece's label (`P03`).
        piece: String,
        /// What the source said.
        reason: String,
    },
    /// The bytes do not hash to the SHA-256 recorded when the piece was added.
    #[error("{piece}: its bytes do not match the SHA-256 recorded when it was added")]
    PieceAltered {
        /// The piece's label (`P03`).
        piece: String,
    },
    /// The embedded font could not be subset, or its subset does not parse.
    #[error("font: {0}")]
    Font(String),
    /// The PDF library failed to build or re-read the document.
    #[error("PDF: {0}")]
    Pdf(String),
    /// Writing the PDF or the bundle to the given writer failed.
    #[error("writing the PDF: {0}")]
    Write(#[source] std::io::Error),
}

/// Renders the report's dossier as a PDF into `out`. The pieces shown in the annexes are
/// asked of `pieces` one at a time and checked against their recorded SHA-256. Nothing is
/// written when the report has a problem ([`Report::problems`]); a write error comes back
/// as [`DossierError::Write`] (the caller writes to a temporary file and renames it).
pub fn render(
    report: &Report,
    pieces: &dyn PieceSource,
    out: &mut dyn Write,
) -> Result<Written, DossierError> {
    let problems = report.problems();
    if !problems.is_empty() {
        return Err(DossierError::Report(problems));
    }
    let content = sections::build(report, pieces)?;
    let laid = layout::paginate(&content.blocks);
    let locale = report.locale;
    let plan = destinations::plan(report.destination);
    let mut keywords: Vec<String> = report
        .platforms
        .iter()
        .map(|p| p.details.name.clone())
        .collect();
    keywords.extend(report.incidents.iter().map(|i| i.data.category.clone()));
    // Each once, in the order first met (categories repeat across incidents).
    let mut seen = std::collections::BTreeSet::new();
    keywords.retain(|k| seen.insert(k.clone()));
    let meta = pdf::Meta {
        title: report.title.clone(),
        author: report.company.legal_name.clone(),
        subject: format!(
            "{} — {}",
            plan.kind_of(report).get(locale),
            texts::T::DossierNumber.fill(locale, &[("number", &report.number)])
        ),
        keywords,
        lang: locale.tag().to_owned(),
        created: report.generated_at,
        footer: texts::T::Footer.fill(locale, &[("number", &report.number)]),
        page_of: Box::new(move |x, y| {
            texts::T::PageOf.fill(locale, &[("x", &x.to_string()), ("y", &y.to_string())])
        }),
    };
    pdf::write(laid, content.images, &meta, out)
}

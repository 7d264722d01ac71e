//! The crate's one error type: a closed list of codes the shell translates. Never a path, a
//! cell's text or a row's content.

use serde::Serialize;

/// Why a file could not be read or a journal could not be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum InteropError {
    /// The file holds nothing (no byte, or no non-blank row).
    #[error("the file is empty")]
    Empty,
    /// Over [`crate::MAX_BYTES`].
    #[error("the file is over 50 MB")]
    TooLarge,
    /// Over [`crate::MAX_ROWS`] rows.
    #[error("the file has over 100,000 rows")]
    TooManyRows,
    /// A `.csv` that is not text (a binary file renamed, a workbook saved as `.csv`).
    #[error("the file is not text")]
    NotText,
    /// A workbook the reader cannot open (damaged, encrypted, not a spreadsheet).
    #[error("the workbook cannot be read")]
    Unreadable,
    /// A file name whose extension is none of `.xlsx .xls .ods .csv .json`.
    #[error("unsupported file type")]
    UnsupportedFormat,
    /// The sheet asked for is not in the workbook.
    #[error("no such sheet")]
    NoSuchSheet,
    /// A `.json` that is not a Carnet journal.
    #[error("not a Carnet journal")]
    NotJournal,
    /// A Carnet journal of a version this build does not know.
    #[error("unsupported journal version")]
    UnsupportedVersion,
    /// The writer refused the export.
    #[error("the export could not be written")]
    Write,
}

impl InteropError {
    /// The stable code the UI's message catalogue switches on.
    pub fn code(self) -> &'static str {
        match self {
            InteropError::Empty => "empty",
            InteropError::TooLarge => "too_large",
            InteropError::TooManyRows => "too_many_rows",
            InteropError::NotText => "not_text",
            InteropError::Unreadable => "unreadable",
            InteropError::UnsupportedFormat => "unsupported_format",
            InteropError::NoSuchSheet => "no_such_sheet",
            InteropError::NotJournal => "not_journal",
            InteropError::UnsupportedVersion => "unsupported_version",
            InteropError::Write => "write",
        }
    }
}

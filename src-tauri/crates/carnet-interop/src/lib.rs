//! Interop: bringing in the spreadsheets owners keep (`.xlsx`, `.xls`, `.ods`, `.csv`, and
//! Carnet's own `.json`), and giving the journal back as `.xlsx`, `.csv` and `.json`.
//! Pure: no Tauri, no SQL, no file system — bytes in, drafts out; a journal in, bytes into
//! a given writer. Errors are [`InteropError`] codes, never a path or a cell's text.
//!
//! # Import, as the store and the shell drive it
//!
//! 1. `let fmt = Format::from_file_name(name)?;` then, for a spreadsheet,
//!    `let mut src = open(&bytes, fmt)?;` (50 MB limit, text check for CSV) and
//!    `src.sheets()` for the sheet picker; `let table = src.table(index)?;` (100,000 rows;
//!    CSV separator and encoding detected: UTF-8 with or without BOM, UTF-16 with BOM,
//!    else Windows-1252).
//! 2. `let proposal = propose(&table);` — the header row, the headers, a [`Mapping`]
//!    proposed from their French and English words, and a [`GroupCandidate`] when a
//!    reference column repeats (set `mapping.group_by = Some(column)` to accept it: one
//!    incident per value, each row an event). The screen shows `table.rows` and lets the
//!    owner change `mapping.columns`, `amount_target`, `group_by`.
//! 3. `let plan = plan(&table, &PlanOptions { mapping, today, fixes, skip_rows });` — the dry
//!    run: [`Draft`]s validated by carnet-core (`IncidentData`, `EventData`), the
//!    [`Problem`]s of each row by row number (blocking ones leave the row out), the platform
//!    names to create (`new_platforms`), blank rows and the trailing total row passed over.
//!    Fixing a cell on the preview is a [`CellFix`]; leaving a row out, `skip_rows`.
//!    For a `.json` journal: `plan_json(&bytes, today)?` gives the same [`Plan`].
//! 4. On confirmation the store, in ONE transaction: resolves each draft's
//!    [`PlatformRef`] to a vault platform id (a catalogue one, or one created from
//!    `new_platforms`); skips each draft whose `key` it already holds (the count of those
//!    is "already there"); inserts `draft.incident_for(platform_id)` with `draft.status`,
//!    then `draft.events_for(incident_id)`; and records (`key`, `plan.file_fingerprint`,
//!    `plan.sheet`, `draft.rows`) for the incident.
//!
//! Keys: a hex SHA-256 (128 bits) of the row's cells (accents, case and punctuation
//! folded) for a row, of the group's value for grouped rows, of the incident's JSON for a
//! journal — so importing the same file again, another sheet order, or the same rows in an
//! edited file creates no duplicates, whatever the mapping. Rows of identical content in one
//! file are reported as [`ProblemCode::DuplicateRow`] and imported once.
//!
//! # Export
//!
//! Give a [`Journal`] (incidents, events, pieces as carnet-core types, plus the catalogue id
//! of each vault platform) to [`export_xlsx`], [`export_csv`] or [`export_json`] with the
//! writer of the file the save dialog chose.

#![warn(missing_docs)]

pub mod error;
pub mod export;
pub mod json;
pub mod mapping;
pub mod names;
pub mod parse;
pub mod plan;
pub mod read;
pub mod text;

pub use error::InteropError;
pub use export::{export_csv, export_json, export_xlsx, neutralise};
pub use json::{Journal, JournalFile, plan_json};
pub use mapping::{AmountTarget, GroupCandidate, MapField, Mapping, Proposal, propose};
pub use parse::PlatformRef;
pub use plan::{CellFix, Draft, Plan, PlanOptions, Problem, ProblemCode, plan};
pub use read::{Cell, Format, MAX_BYTES, MAX_ROWS, Source, Table, open};

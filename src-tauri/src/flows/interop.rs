//! The owner's spreadsheet in, the journal out (carnet-interop). An import is three steps
//! on one file the shell keeps in memory until it is confirmed, cancelled or the vault locks:
//! the file read (its sheets, the first rows, the mapping proposed), a dry run as often as
//! the owner corrects the mapping or a cell (nothing written), then the confirmation, which
//! plans again from the same bytes (never from what the webview sends back) and writes every
//! incident in one transaction. An export reads the whole journal, or the incidents of the
//! current search, and writes `.xlsx`, `.csv` or `.json` under a temporary name, renamed
//! once complete.

pub(crate) mod file;

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use carnet_core::journal::incident::Status;
use carnet_core::journal::search::{SearchFilters, SearchRequest};
use carnet_core::{Locale, Platforms};
use carnet_interop::{
    CellFix, Format, GroupCandidate, InteropError, Journal, Mapping, Plan, PlanOptions,
    PlatformRef, Problem,
};
use carnet_store::journal::imports::{ImportItem, ImportSource};
use carnet_store::journal::{exports, imports, search};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::clock::now;
use crate::error::{ErrorCode, IpcError};
use crate::flows::files::{io_code, sync_dir, temporary};
use crate::state::{AppState, Local};
use crate::sync::lock;
use file::{Content, ImportFile};

/// Rows of a sheet shown before the mapping (the header and the first data rows).
const SHOWN_ROWS: usize = 30;
/// Rows with a problem whose cells the preview shows for a fix.
const SHOWN_PROBLEM_ROWS: usize = 500;
/// Drafts listed on the preview (all are counted).
const SHOWN_DRAFTS: usize = 1000;

/// A file opened for import.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportOpened {
    /// The file's name (never its folder).
    pub file_name: String,
    /// `xlsx`, `xls`, `ods`, `csv` or `json`.
    pub format: String,
    /// The workbook's sheets (one blank name for a CSV, none for a journal).
    pub sheets: Vec<String>,
    /// The first sheet read, with the mapping proposed; `null` for a journal.
    pub sheet: Option<ImportSheet>,
}

/// A sheet read, with the mapping proposed from its header.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportSheet {
    /// Its index among the sheets.
    pub index: usize,
    /// The header's texts, one per column.
    pub headers: Vec<String>,
    /// The first rows from row 1, as text, header included.
    pub rows: Vec<Vec<String>>,
    /// How many rows the sheet has, blank ones included.
    pub row_count: usize,
    /// The mapping proposed.
    pub mapping: Mapping,
    /// A column whose values repeat, offered for grouping rows into one incident.
    pub group_candidate: Option<GroupCandidate>,
}

/// What the owner chose on the mapping and preview screens.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct ImportChoice {
    /// The mapping (ignored for a journal).
    pub mapping: Mapping,
    /// Cells corrected on the preview.
    pub fixes: Vec<CellFix>,
    /// Rows left out (1-based).
    pub skip_rows: Vec<usize>,
}

/// An incident the import would create, as the preview lists it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportDraft {
    /// The rows it comes from (1-based).
    pub rows: Vec<usize>,
    pub title: String,
    /// The platform's name (the catalogue's, or as written in the file).
    pub platform: String,
    /// Whether that platform is not yet in the owner's list (it will be added).
    pub new_platform: bool,
    #[ts(as = "Option<String>")]
    pub occurred_on: Option<NaiveDate>,
    /// The category's code (`TBC` to classify).
    pub category: String,
    /// Funds held + sales lost + fees, in cents.
    #[ts(type = "number | null")]
    pub amount_cents: Option<i64>,
    pub status: Status,
    /// Events made of its rows (grouped rows, a journal's chronology).
    pub events: usize,
    /// Already in the vault (imported before): skipped.
    pub already: bool,
}

/// A cell of a row with a problem, for the fix typed in its place.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProblemCell {
    pub row: usize,
    pub field: carnet_interop::MapField,
    /// The cell's text as read.
    pub text: String,
}

/// The dry run: what the import would create and each row's problems. Nothing is written.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    /// The first drafts, in the file's order.
    pub drafts: Vec<ImportDraft>,
    /// How many incidents would be created (drafts not already in the vault).
    pub to_create: usize,
    /// How many drafts the vault already holds (the same rows imported before).
    pub already: usize,
    /// Every row's problems (blocking ones leave the row out).
    pub problems: Vec<Problem>,
    /// The cells concerned by the problems, for a fix.
    pub cells: Vec<ProblemCell>,
    /// Platforms not in the owner's list, added on confirmation.
    pub new_platforms: Vec<String>,
    /// Blank rows passed over.
    pub blank_rows: usize,
    /// The trailing total row passed over, if any.
    pub total_row: Option<usize>,
}

/// What the confirmed import wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportDone {
    pub created: usize,
    /// Skipped: already in the vault.
    pub already: usize,
    pub events: usize,
    /// Platforms added to the owner's list.
    pub platforms: usize,
    /// Rows left out (a blocking problem, or skipped by the owner).
    pub rows_left_out: usize,
}

/// Why an incident is proposed for a file of a folder of screenshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MatchedBy {
    /// A reference in the file's name (an order or listing number) found in that incident
    /// only.
    Reference,
    /// The day in the file's name is that incident's, and no other's.
    Date,
}

/// A file chosen to attach, with the incident proposed for it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PieceMatch {
    /// Its place in the files chosen (what the confirmation names).
    pub index: usize,
    pub file_name: String,
    /// The incident proposed, if one was found.
    #[ts(type = "number | null")]
    pub incident_id: Option<i64>,
    pub incident_title: String,
    pub by: Option<MatchedBy>,
}

/// The owner's choice for one file: the incident it goes to.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PieceAssignment {
    pub index: usize,
    #[ts(type = "number")]
    pub incident_id: i64,
}

/// The journal's export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    Xlsx,
    Csv,
    Json,
}

impl ExportFormat {
    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    /// The save dialog's filter.
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            ExportFormat::Xlsx => ("Excel", &["xlsx"]),
            ExportFormat::Csv => ("CSV", &["csv"]),
            ExportFormat::Json => ("JSON", &["json"]),
        }
    }

    /// The name the save dialog proposes: `Carnet-journal-2026-12-04.xlsx`.
    pub fn suggested_name(self, today: NaiveDate, locale: Locale) -> String {
        let stem = match locale {
            Locale::Fr => "Carnet-journal",
            Locale::En => "Carnet-log",
        };
        format!("{stem}-{}.{}", today.format("%Y-%m-%d"), self.extension())
    }
}

/// Which incidents an export holds: all, or those the search box and filters find.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct ExportSelection {
    /// The search text (blank with no filter: the whole journal).
    pub query: String,
    #[ts(optional)]
    pub filters: Option<SearchFilters>,
    /// The list's order (blank: by relevance, the most recent first without text).
    pub sort: String,
}

/// An export written.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JournalExported {
    pub file_name: String,
    pub incidents: usize,
    #[ts(type = "number")]
    pub size: u64,
}

/// How far an export has come (event `journal-export-progress`).
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportProgress {
    pub done: usize,
    pub total: usize,
}

/// The event a long export sends to the window.
pub const EVENT_EXPORT_PROGRESS: &str = "journal-export-progress";

/// Receives an export's progress.
pub type ExportProgressFn = Arc<dyn Fn(ExportProgress) + Send + Sync>;

/// A cell as the preview shows it.
fn cell_text(cell: &carnet_interop::Cell, locale: Locale) -> String {
    use carnet_interop::Cell;
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Number(n) => {
            let s = n.to_string();
            match locale {
                Locale::Fr => s.replace('.', ","),
                Locale::En => s,
            }
        }
        Cell::Date(d) => match locale {
            Locale::Fr => d.format("%d/%m/%Y").to_string(),
            Locale::En => d.format("%Y-%m-%d").to_string(),
        },
    }
}

fn sheet_view(index: usize, table: &carnet_interop::Table, locale: Locale) -> ImportSheet {
    let proposal = carnet_interop::propose(table);
    ImportSheet {
        index,
        headers: proposal.headers,
        rows: table
            .rows
            .iter()
            .take(SHOWN_ROWS)
            .map(|r| r.iter().map(|c| cell_text(c, locale)).collect())
            .collect(),
        row_count: table.rows.len(),
        mapping: proposal.mapping,
        group_candidate: proposal.group_candidate,
    }
}

impl AppState {
    /// Reads the file the owner chose for import and keeps it for the next steps.
    pub async fn import_open(&self, path: &Path) -> Result<ImportOpened, IpcError> {
        let (_, today) = now();
        drop(self.unlocked().await?);
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let format = Format::from_file_name(&file_name).local(self)?;
        let size = tokio::fs::metadata(path)
            .await
            .map_err(|_| self.refuse(ErrorCode::SpreadsheetUnreadable))?
            .len();
        if size > carnet_interop::MAX_BYTES as u64 {
            return Err(self.err(InteropError::TooLarge));
        }
        let bytes = Zeroizing::new(
            tokio::fs::read(path)
                .await
                .map_err(|_| self.refuse(ErrorCode::SpreadsheetUnreadable))?,
        );
        let locale = self.locale();
        let read = tokio::task::spawn_blocking(move || {
            let opened = read_first(&bytes, format, today, locale);
            (bytes, opened)
        })
        .await
        .map_err(|_| self.refuse(ErrorCode::SpreadsheetUnreadable))?;
        let (bytes, opened) = read;
        let (sheets, content, sheet) = opened.local(self)?;
        *lock(&self.import) = Some(ImportFile {
            file_name: file_name.clone(),
            format,
            bytes,
            content,
        });
        Ok(ImportOpened {
            file_name,
            format: format_code(format).into(),
            sheets,
            sheet,
        })
    }

    /// Reads another sheet of the workbook being imported.
    pub async fn import_sheet(&self, index: usize) -> Result<ImportSheet, IpcError> {
        let locale = self.locale();
        let mut slot = lock(&self.import);
        let file = slot
            .as_mut()
            .ok_or_else(|| self.refuse(ErrorCode::NoImport))?;
        if file.format == Format::Json {
            return Err(self.err(InteropError::NoSuchSheet));
        }
        let table = carnet_interop::open(&file.bytes, file.format)
            .and_then(|mut src| src.table(index))
            .local(self)?;
        let view = sheet_view(index, &table, locale);
        file.content = Content::Sheet(table);
        Ok(view)
    }

    /// The dry run of the import with the owner's choices: nothing is written.
    pub async fn import_preview(&self, choice: ImportChoice) -> Result<ImportPreview, IpcError> {
        let (_, today) = now();
        let plan = self.import_plan(&choice, today)?;
        let vault = &*self.unlocked().await?;
        let keys: Vec<&str> = plan.drafts.iter().map(|d| d.key.as_str()).collect();
        let known = imports::known_keys(vault, &keys).await.local(self)?;
        let catalogue = Platforms::builtin();
        let locale = self.locale();
        let cells = self.problem_cells(&plan, &choice, locale);
        let already = plan
            .drafts
            .iter()
            .filter(|d| known.contains(&d.key))
            .count();
        let drafts = plan
            .drafts
            .iter()
            .take(SHOWN_DRAFTS)
            .map(|d| {
                let a = &d.incident.amounts;
                let amounts = [a.funds_held_cents, a.sales_lost_cents, a.fees_cents];
                let amount_cents = amounts
                    .iter()
                    .any(Option::is_some)
                    .then(|| amounts.iter().flatten().sum());
                ImportDraft {
                    rows: d.rows.clone(),
                    title: d.incident.title.clone(),
                    platform: d.platform.name(catalogue),
                    new_platform: matches!(d.platform, PlatformRef::New { .. }),
                    occurred_on: d.incident.dates.occurred_on,
                    category: d.incident.category.clone(),
                    amount_cents,
                    status: d.status,
                    events: d.events.len(),
                    already: known.contains(&d.key),
                }
            })
            .collect();
        Ok(ImportPreview {
            drafts,
            to_create: plan.drafts.len() - already,
            already,
            problems: plan.problems,
            cells,
            new_platforms: plan.new_platforms,
            blank_rows: plan.blank_rows,
            total_row: plan.total_row,
        })
    }

    /// Imports with the owner's choices, in one transaction; the file is then forgotten.
    pub async fn import_confirm(&self, choice: ImportChoice) -> Result<ImportDone, IpcError> {
        let (now, today) = now();
        let plan = self.import_plan(&choice, today)?;
        let catalogue = Platforms::builtin();
        let items = plan
            .drafts
            .iter()
            .map(|d| {
                Ok(ImportItem {
                    key: d.key.clone(),
                    rows: d.rows.clone(),
                    platform: d.platform.details(catalogue, today)?,
                    status: d.status,
                    incident: d.incident.clone(),
                    events: d.events.clone(),
                })
            })
            .collect::<Result<Vec<_>, carnet_core::CoreError>>()
            .local(self)?;
        let file_name = lock(&self.import)
            .as_ref()
            .map(|f| f.file_name.clone())
            .unwrap_or_default();
        let vault = &*self.unlocked().await?;
        let source = ImportSource {
            file_name: &file_name,
            file_sha256: &plan.file_fingerprint,
            sheet: &plan.sheet,
        };
        let done = imports::apply(vault, &source, &items, &now)
            .await
            .local(self)?;
        lock(&self.import).take();
        let mut left_out: Vec<usize> = plan
            .problems
            .iter()
            .filter(|p| p.blocking)
            .map(|p| p.row)
            .chain(choice.skip_rows.iter().copied())
            .collect();
        left_out.sort_unstable();
        left_out.dedup();
        Ok(ImportDone {
            created: done.created,
            already: done.already,
            events: done.events,
            platforms: done.platforms,
            rows_left_out: left_out.len(),
        })
    }

    /// Forgets the file being imported and the screenshots chosen to attach.
    pub fn import_cancel(&self) {
        lock(&self.import).take();
        lock(&self.import_pieces).clear();
    }

    /// The plan of the file kept, with the owner's choices.
    fn import_plan(&self, choice: &ImportChoice, today: NaiveDate) -> Result<Plan, IpcError> {
        let slot = lock(&self.import);
        let file = slot
            .as_ref()
            .ok_or_else(|| self.refuse(ErrorCode::NoImport))?;
        Ok(match &file.content {
            Content::Journal(plan) => plan.clone(),
            Content::Sheet(table) => carnet_interop::plan(
                table,
                &PlanOptions {
                    mapping: choice.mapping.clone(),
                    today,
                    fixes: choice.fixes.clone(),
                    skip_rows: choice.skip_rows.clone(),
                },
            ),
        })
    }

    /// The cells of the rows with a blocking problem, as read, for the fixes.
    fn problem_cells(
        &self,
        plan: &Plan,
        choice: &ImportChoice,
        locale: Locale,
    ) -> Vec<ProblemCell> {
        let slot = lock(&self.import);
        let Some(ImportFile {
            content: Content::Sheet(table),
            ..
        }) = slot.as_ref()
        else {
            return Vec::new();
        };
        plan.problems
            .iter()
            .filter(|p| p.blocking)
            .filter_map(|p| {
                let field = p.field?;
                let column = choice.mapping.column(field)?;
                let cell = table.rows.get(p.row.checked_sub(1)?)?.get(column);
                Some(ProblemCell {
                    row: p.row,
                    field,
                    text: cell.map(|c| cell_text(c, locale)).unwrap_or_default(),
                })
            })
            .take(SHOWN_PROBLEM_ROWS)
            .collect()
    }

    /// Proposes an incident for each file chosen (a folder of screenshots, after an import),
    /// from the references and the day its name holds; keeps the files for the confirmation.
    pub async fn import_pieces_match(
        &self,
        paths: Vec<PathBuf>,
    ) -> Result<Vec<PieceMatch>, IpcError> {
        let vault = &*self.unlocked().await?;
        let mut out = Vec::new();
        for (index, path) in paths.iter().enumerate() {
            let file_name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let found = self.incident_named_by(vault, &file_name).await?;
            out.push(PieceMatch {
                index,
                incident_id: found.as_ref().map(|f| f.0),
                incident_title: found.as_ref().map(|f| f.1.clone()).unwrap_or_default(),
                by: found.map(|f| f.2),
                file_name,
            });
        }
        *lock(&self.import_pieces) = paths;
        Ok(out)
    }

    /// Adds each file kept by [`Self::import_pieces_match`] to the incident the owner chose
    /// for it; answers how many pieces were added.
    pub async fn import_pieces_confirm(
        &self,
        assignments: Vec<PieceAssignment>,
    ) -> Result<usize, IpcError> {
        let paths = lock(&self.import_pieces).clone();
        if paths.is_empty() {
            return Err(self.refuse(ErrorCode::NoImport));
        }
        let mut by_incident: Vec<(i64, Vec<PathBuf>)> = Vec::new();
        for a in &assignments {
            let path = paths.get(a.index).ok_or_else(|| {
                self.err(carnet_core::CoreError::Invalid(
                    carnet_core::Field::PieceContent,
                ))
            })?;
            match by_incident.iter_mut().find(|(id, _)| *id == a.incident_id) {
                Some((_, files)) => files.push(path.clone()),
                None => by_incident.push((a.incident_id, vec![path.clone()])),
            }
        }
        let mut added = 0;
        for (incident_id, files) in by_incident {
            added += self.pieces_add_files(incident_id, &files).await?.len();
        }
        lock(&self.import_pieces).clear();
        Ok(added)
    }

    /// The one incident a file's name points at: by a reference found in that incident only,
    /// else by the day, when only one incident happened that day.
    async fn incident_named_by(
        &self,
        vault: &carnet_store::Vault,
        file_name: &str,
    ) -> Result<Option<(i64, String, MatchedBy)>, IpcError> {
        let none = SearchFilters::default();
        for reference in carnet_interop::names::references(file_name) {
            let Ok(request) = SearchRequest::check(&reference, &none, "", 0) else {
                continue;
            };
            let results = search::search(vault, &request).await.local(self)?;
            if let [hit] = results.items.as_slice() {
                return Ok(Some((
                    hit.line.id,
                    hit.line.title.clone(),
                    MatchedBy::Reference,
                )));
            }
        }
        for day in carnet_interop::names::dates(file_name) {
            let iso = day.format("%Y-%m-%d").to_string();
            let on_day = SearchFilters {
                from: Some(iso.clone()),
                to: Some(iso),
                ..SearchFilters::default()
            };
            let request = SearchRequest::check("", &on_day, "", 0).local(self)?;
            let results = search::search(vault, &request).await.local(self)?;
            if let [hit] = results.items.as_slice() {
                return Ok(Some((hit.line.id, hit.line.title.clone(), MatchedBy::Date)));
            }
        }
        Ok(None)
    }

    /// The name the export's save dialog proposes.
    pub fn journal_export_name(&self, format: ExportFormat) -> String {
        let (_, today) = now();
        format.suggested_name(today, self.locale())
    }

    /// Writes the journal (all, or the current search's incidents) to `dest`.
    pub async fn journal_export(
        &self,
        format: ExportFormat,
        selection: ExportSelection,
        dest: &Path,
        progress: ExportProgressFn,
    ) -> Result<JournalExported, IpcError> {
        let (_, today) = now();
        let locale = self.locale();
        let vault = &*self.unlocked().await?;
        let ids = self.selected_ids(vault, &selection).await?;
        let report = |done, total| progress(ExportProgress { done, total });
        let data = exports::read(vault, ids.as_deref(), today, &report)
            .await
            .local(self)?;
        let dest = dest.to_owned();
        let layout = self.layout.clone();
        let written = tokio::task::spawn_blocking(move || {
            write_export(&layout, &dest, format, locale, &data).map(|size| (size, data, dest))
        })
        .await
        .map_err(|_| self.refuse(ErrorCode::ExportFailed))?;
        let (size, data, dest) = written.map_err(|code| self.refuse(code))?;
        Ok(JournalExported {
            file_name: dest
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            incidents: data.incidents.len(),
            size,
        })
    }

    /// The incidents the search finds, in its order; `None` for the whole journal.
    async fn selected_ids(
        &self,
        vault: &carnet_store::Vault,
        selection: &ExportSelection,
    ) -> Result<Option<Vec<i64>>, IpcError> {
        let filters = selection.filters.clone().unwrap_or_default();
        if selection.query.trim().is_empty() && filters == SearchFilters::default() {
            return Ok(None);
        }
        let mut ids = Vec::new();
        for page in 0.. {
            let request = SearchRequest::check(&selection.query, &filters, &selection.sort, page)
                .local(self)?;
            let results = search::search(vault, &request).await.local(self)?;
            let seen = (page as usize + 1) * results.page_size as usize;
            ids.extend(results.items.iter().map(|hit| hit.line.id));
            if results.items.is_empty() || seen >= results.total as usize {
                break;
            }
        }
        Ok(Some(ids))
    }
}

fn format_code(format: Format) -> &'static str {
    match format {
        Format::Xlsx => "xlsx",
        Format::Xls => "xls",
        Format::Ods => "ods",
        Format::Csv => "csv",
        Format::Json => "json",
    }
}

type FirstRead = (Vec<String>, Content, Option<ImportSheet>);

/// A journal planned, or a workbook's sheets and its first sheet read.
fn read_first(
    bytes: &[u8],
    format: Format,
    today: NaiveDate,
    locale: Locale,
) -> Result<FirstRead, InteropError> {
    if format == Format::Json {
        let plan = carnet_interop::plan_json(bytes, today)?;
        return Ok((Vec::new(), Content::Journal(plan), None));
    }
    let mut source = carnet_interop::open(bytes, format)?;
    let sheets = source.sheets();
    let table = source.table(0)?;
    let view = sheet_view(0, &table, locale);
    Ok((sheets, Content::Sheet(table), Some(view)))
}

/// Writes the export under a temporary name beside `dest`, then renames it; its size.
fn write_export(
    layout: &carnet_store::Layout,
    dest: &Path,
    format: ExportFormat,
    locale: Locale,
    data: &exports::JournalData,
) -> Result<u64, ErrorCode> {
    let dir = dest.parent().ok_or(ErrorCode::ExportFailed)?;
    let (tmp, _in_flight) = temporary(layout, dir)?;
    let journal = Journal {
        incidents: &data.incidents,
        events: &data.events,
        pieces: &data.pieces,
        catalogue_ids: &data.catalogue_ids,
    };
    {
        let mut out = BufWriter::new(tmp.as_file());
        let written = match format {
            ExportFormat::Xlsx => carnet_interop::export_xlsx(&journal, locale, &mut out),
            ExportFormat::Csv => carnet_interop::export_csv(&journal, locale, &mut out),
            ExportFormat::Json => carnet_interop::export_json(&journal, &mut out),
        };
        written.map_err(|_| ErrorCode::ExportFailed)?;
        out.flush().map_err(|e| io_code(&e))?;
        out.into_inner()
            .map_err(|e| io_code(e.error()))?
            .sync_all()
            .map_err(|e| io_code(&e))?;
    }
    let size = tmp.as_file().metadata().map_err(|e| io_code(&e))?.len();
    tmp.persist(dest).map_err(|e| io_code(&e.error))?;
    sync_dir(dir);
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_name_carries_the_day_and_the_extension() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(
            ExportFormat::Xlsx.suggested_name(day, Locale::Fr),
            "Carnet-journal-2026-12-04.xlsx"
        );
        assert_eq!(
            ExportFormat::Csv.suggested_name(day, Locale::En),
            "Carnet-log-2026-12-04.csv"
        );
    }

    #[test]
    fn a_number_cell_reads_with_the_owner_s_decimal_mark() {
        let n = carnet_interop::Cell::Number(1234.5);
        assert_eq!(cell_text(&n, Locale::Fr), "1234,5");
        assert_eq!(cell_text(&n, Locale::En), "1234.5");
    }
}

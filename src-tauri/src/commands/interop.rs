//! The owner's spreadsheet in (read, dry run, confirm), the journal out (`.xlsx`, `.csv`,
//! `.json`).

use std::sync::Arc;

use tauri::{AppHandle, Emitter, State, WebviewWindow};

use crate::dialogs;
use crate::error::IpcError;
use crate::flows::interop::{
    EVENT_EXPORT_PROGRESS, ExportFormat, ExportProgress, ExportSelection, ImportChoice, ImportDone,
    ImportOpened, ImportPreview, ImportSheet, JournalExported, PieceAssignment, PieceMatch,
};
use crate::state::AppState;

const SPREADSHEETS: (&str, &[&str]) = (
    "Tableur / Spreadsheet",
    &["xlsx", "xls", "ods", "csv", "json"],
);

/// Asks for a spreadsheet (or a Carnet journal) and reads it. `null` when cancelled.
#[tauri::command]
pub async fn import_open(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ImportOpened>, IpcError> {
    state.touch();
    let Some(path) = dialogs::open(&app, SPREADSHEETS).await else {
        return Ok(None);
    };
    state.import_open(&path).await.map(Some)
}

#[tauri::command]
pub async fn import_sheet(
    state: State<'_, AppState>,
    index: usize,
) -> Result<ImportSheet, IpcError> {
    state.touch();
    state.import_sheet(index).await
}

/// The dry run: what would be created, each row's problems. Nothing is written.
#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    choice: ImportChoice,
) -> Result<ImportPreview, IpcError> {
    state.touch();
    state.import_preview(choice).await
}

/// Writes the import, all or nothing.
#[tauri::command]
pub async fn import_confirm(
    state: State<'_, AppState>,
    choice: ImportChoice,
) -> Result<ImportDone, IpcError> {
    state.touch();
    state.import_confirm(choice).await
}

/// Asks for screenshots to attach and proposes an incident for each. `null` when cancelled.
#[tauri::command]
pub async fn import_pieces_match(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<Vec<PieceMatch>>, IpcError> {
    state.touch();
    let Some(paths) = dialogs::open_many(&app, None).await else {
        return Ok(None);
    };
    state.import_pieces_match(paths).await.map(Some)
}

/// Attaches the files chosen to the incidents the owner confirmed; how many were added.
#[tauri::command]
pub async fn import_pieces_confirm(
    state: State<'_, AppState>,
    assignments: Vec<PieceAssignment>,
) -> Result<usize, IpcError> {
    state.touch();
    state.import_pieces_confirm(assignments).await
}

#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>) {
    state.import_cancel();
}

/// Asks where to save the journal, then writes it, sending `journal-export-progress`
/// events. `null` when cancelled.
#[tauri::command]
pub async fn journal_export(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
    format: ExportFormat,
    selection: Option<ExportSelection>,
) -> Result<Option<JournalExported>, IpcError> {
    state.touch();
    let name = state.journal_export_name(format);
    let Some(dest) = dialogs::save(&app, &name, format.filter()).await else {
        return Ok(None);
    };
    let progress = Arc::new(move |p: ExportProgress| {
        let _ = window.emit_to(window.label(), EVENT_EXPORT_PROGRESS, p);
    });
    let selection = selection.unwrap_or_default();
    state
        .journal_export(format, selection, &dest, progress)
        .await
        .map(Some)
}

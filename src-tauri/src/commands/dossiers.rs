//! Dossiers: drafts, what their destination still needs, the export and the submission.

use std::sync::Arc;

use carnet_core::dossier::{
    DossierDelivery, DossierExported, DossierInput, DossierItem, DossierProgress, DossierView,
    SubmissionInput,
};
use tauri::{AppHandle, Emitter, State, WebviewWindow};

use crate::dialogs;
use crate::error::IpcError;
use crate::flows::dossiers::EVENT_PROGRESS;
use crate::state::AppState;

#[tauri::command]
pub async fn dossier_create(
    state: State<'_, AppState>,
    input: DossierInput,
) -> Result<DossierView, IpcError> {
    state.touch();
    state.dossier_create(input).await
}

#[tauri::command]
pub async fn dossier_list(state: State<'_, AppState>) -> Result<Vec<DossierItem>, IpcError> {
    state.touch();
    state.dossier_list().await
}

#[tauri::command]
pub async fn dossier_get(state: State<'_, AppState>, id: i64) -> Result<DossierView, IpcError> {
    state.touch();
    state.dossier_get(id).await
}

#[tauri::command]
pub async fn dossier_save(
    state: State<'_, AppState>,
    id: i64,
    input: DossierInput,
) -> Result<DossierView, IpcError> {
    state.touch();
    state.dossier_save(id, input).await
}

#[tauri::command]
pub async fn dossier_delete(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.touch();
    state.dossier_delete(id).await
}

/// Takes a dossier out of the trash.
#[tauri::command]
pub async fn dossier_restore(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.touch();
    state.dossier_restore(id).await
}

/// Asks where to save the PDF, then writes it, sending `dossier-progress` events to the
/// window. `null` when the owner cancels the dialog.
#[tauri::command]
pub async fn dossier_export(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<DossierExported>, IpcError> {
    state.touch();
    let name = state.dossier_export_name(id).await?;
    let Some(dest) = dialogs::save(&app, &name, ("PDF", &["pdf"])).await else {
        return Ok(None);
    };
    let progress = Arc::new(move |p: DossierProgress| {
        let _ = window.emit_to(window.label(), EVENT_PROGRESS, p);
    });
    state.dossier_export(id, &dest, progress).await.map(Some)
}

#[tauri::command]
pub async fn dossier_record_submission(
    state: State<'_, AppState>,
    id: i64,
    input: SubmissionInput,
) -> Result<DossierView, IpcError> {
    state.touch();
    state.dossier_record_submission(id, input).await
}

/// Each field of the destination's form with the text to paste, its address, the upload
/// limits checked.
#[tauri::command]
pub async fn dossier_submission_help(
    state: State<'_, AppState>,
    id: i64,
) -> Result<DossierDelivery, IpcError> {
    state.touch();
    state.dossier_submission_help(id).await
}

/// Opens the destination's online form in the browser; `false` when it has none known.
#[tauri::command]
pub async fn dossier_open_form(state: State<'_, AppState>, id: i64) -> Result<bool, IpcError> {
    state.touch();
    let Some(url) = state.dossier_form_url(id).await? else {
        return Ok(false);
    };
    let opened = tauri_plugin_opener::open_url(url, None::<&str>);
    Ok(opened.is_ok())
}

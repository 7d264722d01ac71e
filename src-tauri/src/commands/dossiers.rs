//! Dossiers: drafts, what their destination still needs, the export and the submission.

use std::sync::Arc;

use carnet_core::dossier::{
    DossierExported, DossierInput, DossierItem, DossierProgress, DossierView, SubmissionInput,
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

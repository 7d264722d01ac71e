//! Incidents, their chronology and the trash.

use carnet_core::journal::event::{Event, EventInput};
use carnet_core::journal::incident::{
    Incident, IncidentDetail, IncidentFilters, IncidentInput, IncidentPage,
};
use carnet_core::journal::trash::TrashItem;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// A page of the incident list (the first, most recent first, without filters).
#[tauri::command]
pub async fn incidents_list(
    state: State<'_, AppState>,
    filters: Option<IncidentFilters>,
) -> Result<IncidentPage, IpcError> {
    state.touch();
    state.incidents_list(filters).await
}

#[tauri::command]
pub async fn incident_get(state: State<'_, AppState>, id: i64) -> Result<IncidentDetail, IpcError> {
    state.touch();
    state.incident_get(id).await
}

#[tauri::command]
pub async fn incident_save(
    state: State<'_, AppState>,
    input: IncidentInput,
) -> Result<Incident, IpcError> {
    state.touch();
    state.incident_save(input).await
}

#[tauri::command]
pub async fn incident_set_status(
    state: State<'_, AppState>,
    id: i64,
    status: String,
) -> Result<Incident, IpcError> {
    state.touch();
    state.incident_set_status(id, status).await
}

#[tauri::command]
pub async fn incident_delete(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.touch();
    state.incident_delete(id).await
}

#[tauri::command]
pub async fn incident_restore(state: State<'_, AppState>, id: i64) -> Result<Incident, IpcError> {
    state.touch();
    state.incident_restore(id).await
}

#[tauri::command]
pub async fn event_save(state: State<'_, AppState>, input: EventInput) -> Result<Event, IpcError> {
    state.touch();
    state.event_save(input).await
}

#[tauri::command]
pub async fn event_delete(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.touch();
    state.event_delete(id).await
}

#[tauri::command]
pub async fn event_restore(state: State<'_, AppState>, id: i64) -> Result<Event, IpcError> {
    state.touch();
    state.event_restore(id).await
}

#[tauri::command]
pub async fn trash_list(state: State<'_, AppState>) -> Result<Vec<TrashItem>, IpcError> {
    state.touch();
    state.trash_list().await
}

/// Deletes for good (`entity`: incident, event or piece) what is in the trash.
#[tauri::command]
pub async fn trash_purge(
    state: State<'_, AppState>,
    entity: String,
    id: i64,
) -> Result<(), IpcError> {
    state.touch();
    state.trash_purge(entity, id).await
}

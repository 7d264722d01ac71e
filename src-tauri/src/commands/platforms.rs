//! The platforms: the catalogue, the owner's list, the trash.

use carnet_core::Platforms;
use carnet_core::journal::platform::{PlatformInput, PlatformRecord};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn platform_catalogue(state: State<'_, AppState>) -> Platforms {
    state.platform_catalogue()
}

#[tauri::command]
pub async fn platforms_list(state: State<'_, AppState>) -> Result<Vec<PlatformRecord>, IpcError> {
    state.touch();
    state.platforms_list().await
}

#[tauri::command]
pub async fn platform_save(
    state: State<'_, AppState>,
    input: PlatformInput,
) -> Result<PlatformRecord, IpcError> {
    state.touch();
    state.platform_save(input).await
}

#[tauri::command]
pub async fn platform_delete(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.touch();
    state.platform_delete(id).await
}

#[tauri::command]
pub async fn platform_restore(
    state: State<'_, AppState>,
    id: i64,
) -> Result<PlatformRecord, IpcError> {
    state.touch();
    state.platform_restore(id).await
}

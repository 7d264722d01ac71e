//! Preferences: the language of the interface.

use carnet_core::Settings;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn settings_get(state: State<'_, AppState>) -> Settings {
    state.settings()
}

#[tauri::command]
pub fn settings_set_locale(
    state: State<'_, AppState>,
    locale: String,
) -> Result<Settings, IpcError> {
    state.set_locale(&locale)
}

//! Preferences: the language of the interface, the auto-lock delay, deadline notifications.

use carnet_core::Settings;
use carnet_core::passphrase::{self, Strength};
use tauri::{AppHandle, State};

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn settings_get(state: State<'_, AppState>) -> Settings {
    state.settings()
}

#[tauri::command]
pub fn settings_set_locale(
    app: AppHandle,
    state: State<'_, AppState>,
    locale: String,
) -> Result<Settings, IpcError> {
    let settings = state.set_locale(&locale)?;
    // The menu speaks the new language too.
    crate::menu::install(&app, settings.locale);
    Ok(settings)
}

#[tauri::command]
pub fn settings_set_auto_lock(
    state: State<'_, AppState>,
    minutes: i64,
) -> Result<Settings, IpcError> {
    state.touch();
    state.set_auto_lock(minutes)
}

/// Deadline notifications on or off.
#[tauri::command]
pub fn settings_set_notifications(
    state: State<'_, AppState>,
    enabled: bool,
) -> Result<Settings, IpcError> {
    state.touch();
    state.set_notifications(enabled)
}

/// How strong a passphrase being typed is (for the meter of the creation screen).
#[tauri::command]
pub fn passphrase_strength(passphrase: String) -> Strength {
    passphrase::strength(&zeroize::Zeroizing::new(passphrase))
}

//! The vault: status, creation, the three ways to unlock, lock, and the ways in.

use tauri::State;

use crate::error::IpcError;
use crate::ipc::{VaultCreated, VaultStatus};
use crate::state::AppState;

#[tauri::command]
pub async fn vault_status(state: State<'_, AppState>) -> Result<VaultStatus, IpcError> {
    crate::startup::interface_asked();
    Ok(state.vault_status().await)
}

#[tauri::command]
pub async fn vault_create(
    state: State<'_, AppState>,
    passphrase: String,
    confirmation: String,
    remember: bool,
) -> Result<VaultCreated, IpcError> {
    state.vault_create(passphrase, confirmation, remember).await
}

#[tauri::command]
pub async fn vault_unlock_passphrase(
    state: State<'_, AppState>,
    passphrase: String,
) -> Result<VaultStatus, IpcError> {
    state.unlock_with_passphrase(passphrase).await
}

#[tauri::command]
pub async fn vault_unlock_recovery(
    state: State<'_, AppState>,
    recovery_key: String,
) -> Result<VaultStatus, IpcError> {
    state.unlock_with_recovery_key(recovery_key).await
}

#[tauri::command]
pub async fn vault_unlock_this_computer(
    state: State<'_, AppState>,
) -> Result<VaultStatus, IpcError> {
    state.unlock_with_this_computer().await
}

#[tauri::command]
pub async fn vault_lock(state: State<'_, AppState>) -> Result<VaultStatus, IpcError> {
    Ok(state.vault_lock().await)
}

/// The owner is active (keyboard, pointer): restarts the auto-lock clock.
#[tauri::command]
pub fn vault_touch(state: State<'_, AppState>) {
    state.touch();
}

/// A new recovery key, after the current passphrase is typed again; answers it, to show once.
#[tauri::command]
pub async fn vault_new_recovery_key(
    state: State<'_, AppState>,
    current: String,
) -> Result<String, IpcError> {
    state.touch();
    state.new_recovery_key(current).await
}

#[tauri::command]
pub async fn vault_change_passphrase(
    state: State<'_, AppState>,
    current: String,
    next: String,
    confirmation: String,
) -> Result<(), IpcError> {
    state.touch();
    state.change_passphrase(current, next, confirmation).await
}

#[tauri::command]
pub async fn vault_remember_this_computer(
    state: State<'_, AppState>,
    remember: bool,
) -> Result<VaultStatus, IpcError> {
    state.touch();
    state.remember_this_computer(remember).await
}

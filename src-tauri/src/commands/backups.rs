//! Backups and the encrypted `.carnet` archive.

use tauri::{AppHandle, State};

use crate::dialogs;
use crate::error::IpcError;
use crate::flows::backups::ArchiveSecret;
use crate::ipc::{BackupInfo, Exported, VaultStatus};
use crate::opened::PendingArchive;
use crate::state::AppState;

const ARCHIVE_FILTER: (&str, &[&str]) = ("Carnet", &[carnet_store::archive::EXTENSION]);

#[tauri::command]
pub fn backups_list(state: State<'_, AppState>) -> Result<Vec<BackupInfo>, IpcError> {
    state.backups_list()
}

/// Restores a backup; while the vault is locked, the passphrase or recovery key is needed.
#[tauri::command]
pub async fn backup_restore(
    state: State<'_, AppState>,
    id: String,
    passphrase: Option<String>,
    recovery_key: Option<String>,
) -> Result<VaultStatus, IpcError> {
    state
        .backup_restore(id, secret(passphrase, recovery_key))
        .await
}

fn secret(passphrase: Option<String>, recovery_key: Option<String>) -> Option<ArchiveSecret> {
    match (passphrase, recovery_key) {
        (_, Some(key)) => Some(ArchiveSecret::RecoveryKey(key)),
        (Some(p), None) => Some(ArchiveSecret::Passphrase(p)),
        (None, None) => None,
    }
}

/// Asks where to save, then writes the archive. `null` when the owner cancels the dialog.
#[tauri::command]
pub async fn archive_export(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<Exported>, IpcError> {
    let name = format!("carnet-{}.carnet", chrono::Local::now().format("%Y-%m-%d"));
    let Some(dest) = dialogs::save(&app, &name, ARCHIVE_FILTER).await else {
        return Ok(None);
    };
    state.archive_export(&dest).await.map(Some)
}

/// Asks for the archive (or, with `pending`, takes the one opened from the file manager), then
/// imports it with the secret given. `null` when cancelled (or no archive is pending).
#[tauri::command]
pub async fn archive_import(
    app: AppHandle,
    state: State<'_, AppState>,
    opened: State<'_, PendingArchive>,
    passphrase: Option<String>,
    recovery_key: Option<String>,
    pending: Option<bool>,
) -> Result<Option<VaultStatus>, IpcError> {
    let secret =
        secret(passphrase, recovery_key).unwrap_or(ArchiveSecret::Passphrase(String::new()));
    let pending = pending == Some(true);
    let source = if pending {
        opened.path()
    } else {
        dialogs::open(&app, ARCHIVE_FILTER).await
    };
    let Some(source) = source else {
        return Ok(None);
    };
    let status = state.archive_import(&source, secret).await?;
    if pending {
        opened.clear();
    }
    Ok(Some(status))
}

/// The file name of the archive opened from the file manager and not imported yet.
#[tauri::command]
pub fn archive_pending(opened: State<'_, PendingArchive>) -> Option<String> {
    opened.name()
}

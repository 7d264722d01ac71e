//! Native file dialogs (GTK, through tauri-plugin-dialog, which drives rfd), and their test
//! bypass. WebDriver cannot click in a native dialog, so in the build the end-to-end tests
//! drive (feature `test-dialogs`, `make app`), when `CARNET_TEST_DIALOGS` names a folder, no
//! dialog opens (a build without the feature ignores the variable):
//!
//! - a save dialog answers `<folder>/<suggested file name>`;
//! - an open dialog answers the path written in `<folder>/open.txt` (the test writes it
//!   before clicking), or "cancelled" when that file is absent; a dialog choosing several
//!   files answers every non-blank line of it.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

pub const ENV_TEST_DIALOGS: &str = "CARNET_TEST_DIALOGS";

#[cfg(feature = "test-dialogs")]
fn bypass() -> Option<PathBuf> {
    std::env::var_os(ENV_TEST_DIALOGS)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Without the feature, the variable is never read: every dialog is the owner's.
#[cfg(not(feature = "test-dialogs"))]
fn bypass() -> Option<PathBuf> {
    None
}

/// Asks where to save a file. `None` when the owner cancels.
pub async fn save(app: &AppHandle, suggested: &str, filter: (&str, &[&str])) -> Option<PathBuf> {
    if let Some(dir) = bypass() {
        return Some(dir.join(suggested));
    }
    let dialog = app
        .dialog()
        .file()
        .set_file_name(suggested)
        .add_filter(filter.0, filter.1);
    tokio::task::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())
}

/// Asks for one file to open. `None` when the owner cancels.
pub async fn open(app: &AppHandle, filter: (&str, &[&str])) -> Option<PathBuf> {
    if let Some(dir) = bypass() {
        let answer = std::fs::read_to_string(dir.join("open.txt")).ok()?;
        return Some(PathBuf::from(answer.trim()));
    }
    let dialog = app.dialog().file().add_filter(filter.0, filter.1);
    tokio::task::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())
}

/// Asks for one or more files to open. `None` when the owner cancels.
pub async fn open_many(app: &AppHandle, filter: Option<(&str, &[&str])>) -> Option<Vec<PathBuf>> {
    if let Some(dir) = bypass() {
        let answer = std::fs::read_to_string(dir.join("open.txt")).ok()?;
        let paths: Vec<PathBuf> = answer
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect();
        return (!paths.is_empty()).then_some(paths);
    }
    let mut dialog = app.dialog().file();
    if let Some((name, extensions)) = filter {
        dialog = dialog.add_filter(name, extensions);
    }
    let picked = tokio::task::spawn_blocking(move || dialog.blocking_pick_files())
        .await
        .ok()
        .flatten()?;
    Some(
        picked
            .into_iter()
            .filter_map(|p| p.into_path().ok())
            .collect(),
    )
}

#[cfg(all(test, not(feature = "test-dialogs")))]
mod tests {
    /// A build users run ignores the variable, whatever it says.
    #[test]
    fn the_bypass_is_not_in_a_build_users_run() {
        // SAFETY: no other test of this binary reads this variable.
        unsafe { std::env::set_var(super::ENV_TEST_DIALOGS, "/tmp") };
        assert_eq!(super::bypass(), None);
    }
}

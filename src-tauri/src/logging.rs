//! Carnet's log: rotating files (1 MB each, the 5 most recent kept) in the platform's log
//! folder — `~/.local/share/fr.carnet.app/logs` on Linux —, or in `<data folder>/logs` when
//! `CARNET_DATA_DIR` is set. What is logged is the app's life (start, vault opened by which
//! way, locked and why, backups) and error codes: never a record, a name, a path, an amount or
//! a secret. Library crates do not log; the shell does, at the boundary.

use tauri::Runtime;
use tauri::plugin::TauriPlugin;
use tauri_plugin_log::{RotationStrategy, Target, TargetKind};

use crate::data_dir::ENV_DATA_DIR;

pub const FILE_NAME: &str = "carnet";

pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    let target = match std::env::var_os(ENV_DATA_DIR).filter(|v| !v.is_empty()) {
        Some(dir) => TargetKind::Folder {
            path: std::path::PathBuf::from(dir).join("logs"),
            file_name: Some(FILE_NAME.into()),
        },
        None => TargetKind::LogDir {
            file_name: Some(FILE_NAME.into()),
        },
    };
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .target(Target::new(target))
        .level(log::LevelFilter::Info)
        // Dependencies speak at warning level only: their info lines may quote queries.
        .level_for("sqlx", log::LevelFilter::Warn)
        .level_for("tao", log::LevelFilter::Warn)
        .level_for("wry", log::LevelFilter::Warn)
        .level_for("zbus", log::LevelFilter::Warn)
        .max_file_size(1_000_000)
        .rotation_strategy(RotationStrategy::KeepSome(5))
        .build()
}

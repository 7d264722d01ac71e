//! Declares Carnet's commands to Tauri so that each one gets a permission of its own; the
//! capability files then grant exactly the ones the window uses.

/// Every command the shell registers. A command missing here cannot be called from the UI.
const COMMANDS: &[&str] = &["settings_get", "settings_set_locale"];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}

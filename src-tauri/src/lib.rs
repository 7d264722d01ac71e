//! Carnet's desktop shell: the only crate that knows Tauri. It resolves the data folder,
//! builds the state, opens the window and registers the commands; the work itself is done by
//! the library crates.

pub mod commands;
pub mod data_dir;
pub mod error;
pub mod state;

use tauri::{Manager, WebviewUrl, WebviewWindowBuilder};

pub fn run() {
    tauri::Builder::default()
        .setup(|app| {
            let dir = data_dir::resolve(|| app.path().app_data_dir().ok())?;
            app.manage(state::AppState::open(dir)?);
            // The window opens once the state exists, so the first command finds it.
            WebviewWindowBuilder::new(app, "main", WebviewUrl::default())
                .title("Carnet")
                .inner_size(1100.0, 760.0)
                .min_inner_size(720.0, 520.0)
                .build()?;
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::settings::settings_get,
            commands::settings::settings_set_locale,
        ])
        .run(tauri::generate_context!())
        .expect("Carnet could not start");
}

//! Carnet's desktop shell: the only crate that knows Tauri. It resolves the data folder,
//! builds the state, opens the window, registers the commands and runs the auto-lock clock;
//! the work itself is done by the library crates.

pub mod clipboard;
pub mod clock;
pub mod commands;
pub mod data_dir;
pub mod decrypted;
pub mod dialogs;
pub mod error;
pub mod flows;
pub mod idle;
pub mod ipc;
pub mod logging;
pub mod menu;
pub mod messages;
pub mod notify;
pub mod opened;
mod percent;
pub mod process;
pub mod sleep;
pub mod startup;
pub mod state;
mod surface;
pub mod sync;
#[cfg(test)]
mod test_host;
pub mod webview;

use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager, WebviewUrl, WebviewWindowBuilder};

/// The exit status of a second Carnet started on a data folder another one holds.
pub const EXIT_ALREADY_OPEN: i32 = 3;

/// The event the UI receives when the vault locks by itself.
pub const EVENT_LOCKED: &str = "vault-locked";

/// The event the UI receives when a proof was stored or a request failed.
pub const EVENT_PROOF: &str = "proof-changed";

pub fn run() {
    startup::mark();
    process::harden();
    let mut builder = tauri::Builder::default();
    if std::env::var_os(data_dir::ENV_DATA_DIR).is_none() {
        // First, so a second launch hands over to the running window before doing anything.
        // Only on the default data folder: a Carnet started on another folder (a USB key, a
        // test) is another vault, guarded by the folder's lock instead.
        builder = builder
            .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
                // A .carnet archive opened from the file manager while Carnet runs.
                opened::offer(app, &args, std::path::Path::new(&cwd));
                if let Some(window) = app.get_webview_window("main") {
                    let _ = window.unminimize();
                    let _ = window.show();
                    let _ = window.set_focus();
                }
            }))
            // The window's size and place, remembered (in the config folder: for the default
            // data folder only, so tests and other folders do not move the owner's window).
            .plugin(tauri_plugin_window_state::Builder::default().build());
    }
    builder
        .manage(opened::PendingArchive::default())
        .plugin(logging::plugin())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .on_menu_event(menu::on_event)
        .setup(|app| {
            let dir = data_dir::resolve(|| app.path().app_data_dir().ok())?;
            let Ok(held) = data_dir::lock(&dir) else {
                // Another Carnet has this data folder (the single-instance plugin focuses it
                // when a session bus is there; this is the guard when there is none).
                eprintln!("Carnet is already open on this data folder.");
                std::process::exit(EXIT_ALREADY_OPEN);
            };
            app.manage(data_dir::Held(held));
            app.manage(state::AppState::open(dir, state::Options::app())?);
            let handle = app.handle().clone();
            app.state::<state::AppState>()
                .on_proof_change(std::sync::Arc::new(move || {
                    let _ = handle.emit(EVENT_PROOF, ());
                }));
            let handle = app.handle().clone();
            app.state::<state::AppState>()
                .on_lock(std::sync::Arc::new(move || {
                    let app = handle.clone();
                    clipboard::clear_if_ours(&handle, move |current| {
                        app.state::<state::AppState>().copied.take_if_ours(current)
                    })
                }));
            log::info!("Carnet {} started", env!("CARGO_PKG_VERSION"));
            decrypted::sweep_stale_opened();
            tauri::async_runtime::spawn(auto_lock(app.handle().clone()));
            tauri::async_runtime::spawn(notify::watch(app.handle().clone()));
            let handle = app.handle().clone();
            sleep::watch(move || {
                let state = handle.state::<state::AppState>();
                if tauri::async_runtime::block_on(state.vault_lock_if_open()) {
                    log::info!("vault locked: the computer goes to sleep or its screen locks");
                    let _ = handle.emit(EVENT_LOCKED, ());
                }
            });
            // The window opens once the state exists, so the first command finds it.
            let window = WebviewWindowBuilder::new(app, "main", WebviewUrl::default())
                .title("Carnet")
                .inner_size(1100.0, 760.0)
                .min_inner_size(720.0, 520.0)
                .build()?;
            webview::tune(&window);
            menu::install(app.handle(), app.state::<state::AppState>().locale());
            // A .carnet archive Carnet was started on (from the file manager).
            let args: Vec<String> = std::env::args().collect();
            opened::offer(
                app.handle(),
                &args,
                &std::env::current_dir().unwrap_or_default(),
            );
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::settings::settings_get,
            commands::settings::settings_set_locale,
            commands::settings::settings_set_auto_lock,
            commands::settings::settings_set_notifications,
            commands::settings::passphrase_strength,
            commands::proofs::proof_status,
            commands::proofs::proof_set,
            commands::proofs::proof_retry,
            commands::vault::vault_status,
            commands::vault::vault_create,
            commands::vault::vault_unlock_passphrase,
            commands::vault::vault_unlock_recovery,
            commands::vault::vault_unlock_this_computer,
            commands::vault::vault_lock,
            commands::vault::vault_touch,
            commands::vault::vault_change_passphrase,
            commands::vault::vault_new_recovery_key,
            commands::vault::vault_remember_this_computer,
            commands::backups::backups_list,
            commands::backups::backup_restore,
            commands::backups::archive_export,
            commands::backups::archive_import,
            commands::backups::archive_pending,
            commands::company::company_get,
            commands::company::company_save,
            commands::platforms::platform_catalogue,
            commands::platforms::platforms_list,
            commands::platforms::platform_save,
            commands::platforms::platform_delete,
            commands::platforms::platform_restore,
            commands::incidents::incidents_list,
            commands::incidents::incident_get,
            commands::incidents::incident_save,
            commands::incidents::incident_set_status,
            commands::incidents::incident_delete,
            commands::incidents::incident_restore,
            commands::incidents::event_save,
            commands::incidents::event_delete,
            commands::incidents::event_restore,
            commands::incidents::trash_list,
            commands::incidents::trash_purge,
            commands::evidence::pieces_add,
            commands::evidence::piece_add_bytes,
            commands::evidence::email_import,
            commands::evidence::piece_save,
            commands::evidence::piece_delete,
            commands::evidence::piece_restore,
            commands::evidence::piece_preview,
            commands::evidence::piece_image,
            commands::evidence::piece_open_external,
            commands::search::incidents_search,
            commands::interop::import_open,
            commands::interop::import_sheet,
            commands::interop::import_preview,
            commands::interop::import_confirm,
            commands::interop::import_cancel,
            commands::interop::import_pieces_match,
            commands::interop::import_pieces_confirm,
            commands::interop::journal_export,
            commands::barometer::barometer,
            commands::routes::incident_routes,
            commands::routes::routes_closing,
            commands::routes::reasons_catalogue,
            commands::dossiers::dossier_create,
            commands::dossiers::dossier_list,
            commands::dossiers::dossier_get,
            commands::dossiers::dossier_save,
            commands::dossiers::dossier_delete,
            commands::dossiers::dossier_restore,
            commands::dossiers::dossier_export,
            commands::dossiers::dossier_record_submission,
            commands::dossiers::dossier_submission_help,
            commands::dossiers::dossier_open_form,
            commands::about::app_about,
            commands::about::diagnostics_copy,
            commands::about::clipboard_copy,
        ])
        .build(tauri::generate_context!())
        .expect("Carnet could not start")
        .run(|app, event| {
            // The vault is locked as the app ends: the database closed cleanly (its log folded
            // back), the keys wiped, the pieces decrypted for another program removed; then the
            // process ends at once (see `process::end`).
            if let tauri::RunEvent::Exit = event
                && let Some(state) = app.try_state::<state::AppState>()
            {
                tauri::async_runtime::block_on(state.vault_lock());
                process::end(0);
            }
        });
}

/// Checks every 15 seconds whether the owner has been away longer than the auto-lock delay.
async fn auto_lock(app: AppHandle) {
    loop {
        tokio::time::sleep(Duration::from_secs(15)).await;
        let state = app.state::<state::AppState>();
        state.opened.expire();
        if state.lock_if_idle().await {
            log::info!("vault locked: idle for longer than the auto-lock delay");
            let _ = app.emit(EVENT_LOCKED, ());
        }
    }
}

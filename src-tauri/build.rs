//! Declares Carnet's commands to Tauri so that each one gets a permission of its own; the
//! capability files then grant exactly the ones the window uses.

/// Every command the shell registers. A command missing here cannot be called from the UI.
const COMMANDS: &[&str] = &[
    "settings_get",
    "settings_set_locale",
    "settings_set_auto_lock",
    "passphrase_strength",
    "vault_status",
    "vault_create",
    "vault_unlock_passphrase",
    "vault_unlock_recovery",
    "vault_unlock_this_computer",
    "vault_lock",
    "vault_touch",
    "vault_change_passphrase",
    "vault_remember_this_computer",
    "backups_list",
    "backup_restore",
    "archive_export",
    "archive_import",
    "company_get",
    "company_save",
    "platform_catalogue",
    "platforms_list",
    "platform_save",
    "platform_delete",
    "platform_restore",
    "incidents_list",
    "incident_get",
    "incident_save",
    "incident_set_status",
    "incident_delete",
    "incident_restore",
    "event_save",
    "event_delete",
    "event_restore",
    "trash_list",
    "trash_purge",
    "pieces_add",
    "piece_add_bytes",
    "email_import",
    "piece_save",
    "piece_delete",
    "piece_restore",
    "piece_preview",
    "piece_image",
    "piece_open_external",
    "incidents_search",
    "barometer",
    "dossier_create",
    "dossier_list",
    "dossier_get",
    "dossier_save",
    "dossier_delete",
    "dossier_export",
    "dossier_record_submission",
    "dossier_submission_help",
    "dossier_open_form",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}

//! What the shell holds while it runs, and the bodies of the commands: each takes the raw
//! input, lets the library crates validate and act, and answers a typed result or a
//! localised `IpcError`. Kept free of Tauri types so it is tested without a desktop.

use std::path::PathBuf;
use std::sync::Mutex;

use carnet_core::{Locale, Settings};
use carnet_store::{SettingsFile, StoreError};

use crate::error::{IpcError, Localise};

pub struct AppState {
    settings_file: SettingsFile,
    settings: Mutex<Settings>,
}

impl AppState {
    pub fn open(data_dir: PathBuf) -> Result<Self, StoreError> {
        let settings_file = SettingsFile::in_dir(&data_dir);
        let settings = settings_file.load()?;
        Ok(AppState {
            settings_file,
            settings: Mutex::new(settings),
        })
    }

    pub fn settings(&self) -> Settings {
        self.lock().clone()
    }

    fn locale(&self) -> Locale {
        self.lock().locale
    }

    pub fn set_locale(&self, raw: &str) -> Result<Settings, IpcError> {
        let locale = Locale::parse(raw).map_err(|e| e.localise(self.locale()))?;
        let mut current = self.lock();
        let mut next = current.clone();
        next.locale = locale;
        self.settings_file
            .save(&next)
            .map_err(|e| e.localise(current.locale))?;
        *current = next.clone();
        Ok(next)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Settings> {
        // A panic while holding the lock cannot leave `Settings` half-updated (it is replaced
        // whole), so a poisoned lock is still safe to use.
        self.settings.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use carnet_core::Field;

    fn state() -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path().to_owned()).unwrap();
        (dir, state)
    }

    #[test]
    fn the_chosen_language_survives_a_restart() {
        let (dir, state) = state();
        assert_eq!(state.settings().locale, Locale::Fr);
        assert_eq!(state.set_locale("en").unwrap().locale, Locale::En);
        drop(state);
        let again = AppState::open(dir.path().to_owned()).unwrap();
        assert_eq!(again.settings().locale, Locale::En);
    }

    #[test]
    fn set_locale_refuses_bad_input_in_the_current_language() {
        let (_dir, state) = state();
        let bad_inputs = [
            "",
            "de",
            "FR",
            "fr ",
            "en-GB",
            "../../etc/passwd",
            "<img src=x onerror=alert(1)>",
            "\u{202E}rf",
            &"x".repeat(100_000),
        ];
        for bad in bad_inputs {
            let err = state.set_locale(bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidInput, "{bad:?}");
            assert_eq!(err.field, Some(Field::Locale));
            assert!(
                err.message.starts_with("Langue inconnue"),
                "{}",
                err.message
            );
            assert!(!err.message.contains(bad) || bad.is_empty());
        }
        assert_eq!(state.settings().locale, Locale::Fr, "nothing changed");
        state.set_locale("en").unwrap();
        assert!(
            state
                .set_locale("xx")
                .unwrap_err()
                .message
                .starts_with("Unknown language")
        );
    }

    #[test]
    fn a_failed_save_changes_nothing() {
        let (dir, state) = state();
        // A folder in place of the settings file makes the save fail.
        std::fs::create_dir(dir.path().join("settings.json")).unwrap();
        let err = state.set_locale("en").unwrap_err();
        assert_eq!(err.code, ErrorCode::Io);
        assert!(!err.message.contains(dir.path().to_str().unwrap()));
        assert_eq!(state.settings().locale, Locale::Fr);
    }
}

//! The preferences file (`settings.json` in the data folder). It holds nothing personal.
//! A missing file means defaults; a damaged one is set aside as `settings.json.damaged`
//! (never silently overwritten) and defaults are used, since preferences must not keep the
//! owner out of the vault.

use std::path::{Path, PathBuf};

use carnet_core::Settings;

use crate::atomic::write_atomic;
use crate::error::StoreError;

/// The preferences file's name in the data folder.
pub const FILE_NAME: &str = "settings.json";

/// The preferences file of a data folder.
pub struct SettingsFile {
    path: PathBuf,
}

impl SettingsFile {
    /// The preferences file of the data folder `data_dir` (it may not exist yet).
    pub fn in_dir(data_dir: &Path) -> Self {
        SettingsFile {
            path: data_dir.join(FILE_NAME),
        }
    }

    /// The preferences: the defaults when the file is missing or damaged (a damaged one is set
    /// aside as `settings.json.damaged`); an auto-lock delay out of range becomes the default.
    pub fn load(&self) -> Result<Settings, StoreError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(e) => return Err(e.into()),
        };
        match serde_json::from_slice::<Settings>(&bytes) {
            Ok(mut settings) => {
                // A hand-edited delay out of range falls back to the default, not to "never".
                if !carnet_core::settings::AUTO_LOCK_RANGE.contains(&settings.auto_lock_minutes) {
                    settings.auto_lock_minutes = carnet_core::settings::DEFAULT_AUTO_LOCK_MINUTES;
                }
                Ok(settings)
            }
            Err(_) => {
                std::fs::rename(&self.path, self.path.with_extension("json.damaged"))?;
                Ok(Settings::default())
            }
        }
    }

    /// Writes the preferences atomically.
    pub fn save(&self, settings: &Settings) -> Result<(), StoreError> {
        let json = serde_json::to_vec_pretty(settings).expect("settings always serialise");
        write_atomic(&self.path, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_core::Locale;

    #[test]
    fn missing_file_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            SettingsFile::in_dir(dir.path()).load().unwrap(),
            Settings::default()
        );
    }

    #[test]
    fn saved_settings_come_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = SettingsFile::in_dir(dir.path());
        file.save(&Settings {
            locale: Locale::En,
            ..Settings::default()
        })
        .unwrap();
        assert_eq!(
            SettingsFile::in_dir(dir.path()).load().unwrap().locale,
            Locale::En
        );
    }

    #[test]
    fn damaged_file_is_kept_aside_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), b"{not json").unwrap();
        let file = SettingsFile::in_dir(dir.path());
        assert_eq!(file.load().unwrap(), Settings::default());
        assert_eq!(
            std::fs::read(dir.path().join("settings.json.damaged")).unwrap(),
            b"{not json"
        );
    }

    #[test]
    fn an_out_of_range_delay_falls_back_to_the_default() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            br#"{"locale":"en","autoLockMinutes":0}"#,
        )
        .unwrap();
        let s = SettingsFile::in_dir(dir.path()).load().unwrap();
        assert_eq!((s.locale, s.auto_lock_minutes), (Locale::En, 10));
    }

    #[test]
    fn unreadable_path_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
        assert!(matches!(
            SettingsFile::in_dir(dir.path()).load(),
            Err(StoreError::Io(_))
        ));
    }
}

//! What the shell holds while it runs: the data folder's layout, the preferences, the vault
//! (closed or open), the unlock throttle and the idle clock. The command bodies live in
//! `flows/`, free of Tauri types, so they are tested without a desktop.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use carnet_core::{Locale, Settings};
use carnet_store::keys::kdf::Calibration;
use carnet_store::vault::throttle::Throttle;
use carnet_store::{Layout, SettingsFile, StoreError, Vault};

use crate::error::{ErrorCode, IpcError, Localise};
use crate::idle::Idle;
use crate::sync::lock;

/// How the state is built: the real app, or a test host.
pub struct Options {
    /// The cost of new passphrase slots (calibrated in the app, cheap in tests).
    pub calibration: Calibration,
    /// Install the OS keyring before its first use (the app); tests install a mock instead.
    pub platform_keyring: bool,
    /// Tests only: the work that follows an opening (full check, daily backup) waits for this
    /// before it starts, to show that the journal does not wait for it.
    pub hold_background: Option<Arc<tokio::sync::Notify>>,
    /// How long that work waits after an opening before it starts: it reads every page of the
    /// vault, and on two cores it would slow the journal's first page (a few seconds in the
    /// app, none in tests).
    pub background_after: std::time::Duration,
    /// Where the DKIM keys are looked up: the system's DNS when `None` (the app); a table in
    /// tests and in the end-to-end build (`CARNET_TEST_DNS`).
    pub resolver: Option<crate::flows::proofs::work::Resolver>,
}

/// The app's wait before the work that follows an opening: the journal's first page takes
/// about 300 ms on a modest laptop with 10,000 incidents; two seconds leave it the machine.
const BACKGROUND_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

impl Options {
    pub fn app() -> Self {
        Options {
            calibration: Calibration::DEFAULT,
            platform_keyring: true,
            hold_background: None,
            background_after: BACKGROUND_AFTER,
            resolver: crate::flows::proofs::work::test_resolver(),
        }
    }
}

pub struct AppState {
    pub(crate) layout: Layout,
    settings_file: SettingsFile,
    pub(crate) settings: Arc<Mutex<Settings>>,
    pub(crate) vault: Arc<tokio::sync::Mutex<Option<Vault>>>,
    pub(crate) throttle: Mutex<Throttle>,
    pub(crate) idle: Mutex<Idle>,
    pub(crate) options: Options,
    /// Pieces decrypted for another program, removed on lock, on exit or after a delay.
    pub(crate) opened: crate::decrypted::Opened,
    /// The full integrity check, run after an opening, found damage: the vault was locked and
    /// the next unlock runs the check first (and refuses with `vault_corrupted` until the
    /// owner restores a backup).
    pub(crate) damaged: Arc<std::sync::atomic::AtomicBool>,
    /// The work that follows an opening (full check, daily backup), stopped before the vault
    /// is locked or replaced: it holds a copy of the key.
    pub(crate) background: Mutex<Option<tokio::task::JoinHandle<()>>>,
    /// The spreadsheet or journal being imported, between its steps (dropped at lock).
    pub(crate) import: Mutex<Option<crate::flows::interop::file::ImportFile>>,
    /// The files of a folder of screenshots chosen to attach after an import.
    pub(crate) import_pieces: Mutex<Vec<PathBuf>>,
    /// Timestamps and DKIM look-ups asked in the background (see `flows/proofs.rs`).
    pub(crate) proofs: crate::flows::proofs::work::ProofWork,
    /// What Carnet last put on the clipboard (its fingerprint), cleared at lock if still there.
    pub(crate) copied: crate::clipboard::Copied,
    /// Run as the vault locks (the app clears the clipboard of the texts it copied).
    pub(crate) on_lock: Mutex<Option<Arc<dyn Fn() + Send + Sync>>>,
}

/// A library result in the owner's language: `result.local(state)` is
/// `result.map_err(|e| state.err(e))`, the one way the flows turn a library error into an
/// `IpcError` (logged by its code).
pub(crate) trait Local<T> {
    fn local(self, state: &AppState) -> Result<T, IpcError>;
}

impl<T, E: Localise> Local<T> for Result<T, E> {
    fn local(self, state: &AppState) -> Result<T, IpcError> {
        self.map_err(|e| state.err(e))
    }
}

impl AppState {
    pub fn open(data_dir: PathBuf, options: Options) -> Result<Self, StoreError> {
        let settings_file = SettingsFile::in_dir(&data_dir);
        let settings = settings_file.load()?;
        // Exports and archives cut by a crash or a kill left their temporary file in the
        // owner's folder: removed before anything else is written.
        let swept = carnet_store::outside::sweep(&Layout::new(&data_dir));
        if swept > 0 {
            log::info!("{swept} unfinished export file(s) removed");
        }
        Ok(AppState {
            layout: Layout::new(&data_dir),
            settings_file,
            settings: Arc::new(Mutex::new(settings)),
            vault: Arc::new(tokio::sync::Mutex::new(None)),
            throttle: Mutex::new(Throttle::load(&Layout::new(&data_dir).throttle_file())),
            idle: Mutex::new(Idle::now()),
            options,
            opened: Default::default(),
            damaged: Default::default(),
            background: Mutex::new(None),
            import: Mutex::new(None),
            import_pieces: Mutex::new(Vec::new()),
            proofs: Default::default(),
            copied: Default::default(),
            on_lock: Mutex::new(None),
        })
    }

    /// The one way to the open vault for a command: a guard on it, or `vault_locked`. Held for
    /// the command's length, so a lock waits for the command to finish.
    pub(crate) async fn unlocked(
        &self,
    ) -> Result<tokio::sync::MappedMutexGuard<'_, carnet_store::Vault>, IpcError> {
        let slot = self.vault.lock().await;
        tokio::sync::MutexGuard::try_map(slot, Option::as_mut)
            .map_err(|_| IpcError::new(ErrorCode::VaultLocked, self.locale()))
    }

    /// Stops the work that follows an opening, if it still runs; its copy of the key is wiped
    /// as it drops (a copy being written is a temporary folder, removed with it).
    pub(crate) async fn stop_background(&self) {
        self.stop_proofs().await;
        let running = lock(&self.background).take();
        if let Some(task) = running {
            task.abort();
            let _ = task.await;
        }
        // The cancelled work's read-only connections are closed now, not later on sqlx's
        // threads: they hold the key, and the process may be about to end.
        carnet_store::db::close_cancelled(&self.layout.dir).await;
    }

    /// What to run as the vault locks.
    pub fn on_lock(&self, f: Arc<dyn Fn() + Send + Sync>) {
        *lock(&self.on_lock) = Some(f);
    }

    /// Puts a text Carnet shows on the clipboard through `set`, remembering it to clear it at
    /// lock; too long a text is refused.
    pub fn clipboard_copy(&self, text: String, set: impl FnOnce(String)) -> Result<(), IpcError> {
        if text.chars().count() > crate::clipboard::MAX_CHARS {
            return Err(self.err(carnet_core::CoreError::Invalid(
                carnet_core::Field::ClipboardText,
            )));
        }
        self.copied.remember(&text);
        set(text);
        Ok(())
    }

    pub fn settings(&self) -> Settings {
        lock(&self.settings).clone()
    }

    pub fn locale(&self) -> Locale {
        lock(&self.settings).locale
    }

    /// Turns a library error into the owner's language.
    pub fn err(&self, e: impl Localise) -> IpcError {
        let error = e.localise(self.locale());
        // The code, the field and the library's cause (codes and places only: the library
        // errors hold no input, no path and no secret), never the message's context.
        log::warn!("refused: {:?} {:?} ({e:?})", error.code, error.field);
        error
    }

    /// A coded refusal of the shell's own (no library error behind it), logged like the others.
    pub(crate) fn refuse(&self, code: ErrorCode) -> IpcError {
        log::warn!("refused: {code:?}");
        IpcError::new(code, self.locale())
    }

    pub fn set_locale(&self, raw: &str) -> Result<Settings, IpcError> {
        let locale = Locale::parse(raw).local(self)?;
        self.update_settings(|s| s.locale = locale)
    }

    pub fn set_notifications(&self, on: bool) -> Result<Settings, IpcError> {
        self.update_settings(|s| s.notifications = on)
    }

    pub fn set_auto_lock(&self, minutes: i64) -> Result<Settings, IpcError> {
        let minutes = carnet_core::settings::auto_lock_minutes(minutes).local(self)?;
        self.update_settings(|s| s.auto_lock_minutes = minutes)
    }

    /// Changes the preferences on disk first, then in memory: a failed save changes nothing.
    pub(crate) fn update_settings(
        &self,
        change: impl FnOnce(&mut Settings),
    ) -> Result<Settings, IpcError> {
        let mut current = lock(&self.settings);
        let mut next = current.clone();
        change(&mut next);
        self.settings_file
            .save(&next)
            .map_err(|e| e.localise(current.locale))?;
        *current = next.clone();
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::test_host::{state, test_options};
    use carnet_core::Field;

    #[test]
    fn the_chosen_language_survives_a_restart() {
        let (dir, state) = state();
        assert_eq!(state.settings().locale, Locale::Fr);
        assert_eq!(state.set_locale("en").unwrap().locale, Locale::En);
        drop(state);
        let again = AppState::open(dir.path().to_owned(), test_options()).unwrap();
        assert_eq!(again.settings().locale, Locale::En);
    }

    #[test]
    fn set_locale_refuses_bad_input_in_the_current_language() {
        let (_dir, state) = state();
        let long = "x".repeat(100_000);
        let bad_inputs = [
            "",
            "de",
            "FR",
            "fr ",
            "en-GB",
            "../../etc/passwd",
            "<img src=x onerror=alert(1)>",
            "\u{202E}rf",
            long.as_str(),
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
            assert!(bad.is_empty() || !err.message.contains(bad));
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
    fn set_auto_lock_refuses_bad_input() {
        let (_dir, state) = state();
        for bad in [0, -5, 241, i64::MAX, i64::MIN] {
            let err = state.set_auto_lock(bad).unwrap_err();
            assert_eq!(
                (err.code, err.field),
                (ErrorCode::InvalidInput, Some(Field::AutoLockMinutes))
            );
        }
        assert_eq!(state.settings().auto_lock_minutes, 10);
        assert_eq!(state.set_auto_lock(3).unwrap().auto_lock_minutes, 3);
    }

    #[test]
    fn clipboard_copy_remembers_its_text_and_refuses_too_long_a_one() {
        let (_dir, state) = state();
        let mut set = Vec::new();
        let long = "é".repeat(crate::clipboard::MAX_CHARS + 1);
        let e = state.clipboard_copy(long, |t| set.push(t)).unwrap_err();
        assert_eq!(
            (e.code, e.field),
            (ErrorCode::InvalidInput, Some(Field::ClipboardText))
        );
        assert!(set.is_empty(), "nothing copied");
        state
            .clipboard_copy("Objet : suspension".into(), |t| set.push(t))
            .unwrap();
        assert_eq!(set, ["Objet : suspension"]);
        assert!(state.copied.take_if_ours(Some("Objet : suspension")));
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

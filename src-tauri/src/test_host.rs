//! The shell's test host: an `AppState` on a data folder of its own (a temporary one), with
//! cheap key derivation and no OS keyring, the passphrase its vaults are made with, and the
//! hostile strings every text input is tried with. Every shell test starts here.

use carnet_store::keys::kdf::{Calibration, KdfParams};

use crate::state::{AppState, Options};

/// Cheap key derivation, no OS keyring, no DNS; the log goes to the failing test's output.
pub(crate) fn test_options() -> Options {
    log_to_test_output();
    Options {
        calibration: Calibration::Fixed(KdfParams::insecure_for_tests()),
        platform_keyring: false,
        hold_background: None,
        resolver: None,
    }
}

/// A state on a temporary data folder, no vault yet.
pub(crate) fn state() -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().to_owned(), test_options()).unwrap();
    (dir, state)
}

/// The test host's passphrase.
pub(crate) const PASS: &str = "pluie verte sur le quai du port 42";

/// A test host with a new vault, open (lock it before the test ends).
pub(crate) async fn opened() -> (tempfile::TempDir, AppState) {
    opened_with(test_options()).await
}

/// [`opened`] with other options (a TSA, a DNS table, work held back).
pub(crate) async fn opened_with(options: Options) -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let s = AppState::open(dir.path().to_owned(), options).unwrap();
    s.vault_create(PASS.into(), PASS.into(), false)
        .await
        .unwrap();
    (dir, s)
}

/// The shell's log (a refusal's code and its library cause) written where the test harness
/// captures it, so a failing test shows why a command refused.
fn log_to_test_output() {
    struct ToTest;
    impl log::Log for ToTest {
        fn enabled(&self, _: &log::Metadata) -> bool {
            true
        }
        fn log(&self, record: &log::Record) {
            eprintln!("[{}] {}", record.level(), record.args());
        }
        fn flush(&self) {}
    }
    static LOGGER: ToTest = ToTest;
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(log::LevelFilter::Info);
    }
}

/// Hostile strings every text input is tried with.
pub(crate) fn hostile() -> Vec<String> {
    vec![
        String::new(),
        " ".into(),
        "\0".into(),
        "../../../etc/passwd".into(),
        "<img src=x onerror=alert(1)>".into(),
        "\u{202E}gnp.exe".into(),
        "x".repeat(100_000),
        "é".repeat(2000),
        "'; DROP TABLE vault_meta; --".into(),
    ]
}

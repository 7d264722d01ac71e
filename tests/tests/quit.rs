//! Quitting with Ctrl+Q right after unlocking, fifty times: the app must end cleanly each time.
//! It segfaulted about once in ten such quits: the work that follows an unlock (the full check,
//! the daily backup) was cancelled and its read-only SQLCipher connection was still being
//! closed on a sqlx thread while the process ran its exit handlers. The app runs here as the
//! owner starts it (no WebDriver), under Xvfb; keys are real X key events.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use carnet_e2e::{app_binary, target_dir, x_keys, x_type};

const PASSPHRASE: &str = "pluie verte sur le quai du port 42";
const QUITS: usize = 50;

#[test]
fn ctrl_q_right_after_unlocking_ends_cleanly_fifty_times() {
    let base = tempfile::tempdir().unwrap();
    let vault = base.path().join("vault");
    let generated = Command::new(target_dir().join("debug/carnet-generate"))
        .args(["--dir", vault.to_str().unwrap()])
        .args(["--incidents", "200", "--events", "400", "--pieces", "10"])
        .args(["--passphrase", PASSPHRASE, "--fast-kdf"])
        .stdout(Stdio::null())
        .status()
        .expect("carnet-generate (make app builds it)");
    assert!(generated.success());
    let mut unlocked = 0;
    for run in 0..QUITS {
        let data = tempfile::tempdir().unwrap();
        for entry in std::fs::read_dir(&vault).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &data.path().join(entry.file_name()));
            } else {
                std::fs::copy(entry.path(), data.path().join(entry.file_name())).unwrap();
            }
        }
        let mut app = Command::new(app_binary())
            .env("CARNET_DATA_DIR", data.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The unlock screen focuses the passphrase field once the page is up.
        std::thread::sleep(Duration::from_millis(1200));
        x_type(PASSPHRASE);
        x_keys(&["Return", "ctrl+q"]);
        let deadline = Instant::now() + Duration::from_secs(60);
        let status = loop {
            if let Some(status) = app.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "run {run}: the app did not end");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(status.success(), "run {run}: {status}");
        // The shell logs the opening; the daily backup, once the sign of it, now waits two
        // seconds after the opening (Options::background_after), longer than these runs last.
        let log = std::fs::read_to_string(data.path().join("logs/carnet.log")).unwrap_or_default();
        if log.contains("vault opened") {
            unlocked += 1;
        }
    }
    println!("ROBUSTNESS quits_clean={QUITS}");
    assert!(
        unlocked >= QUITS / 2,
        "the quits should come right after unlocking ({unlocked}/{QUITS} unlocked)"
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

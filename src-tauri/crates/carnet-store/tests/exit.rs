//! The process's end with a vault dropped, not locked: its connections close on sqlx's
//! threads while the process exits, and SQLCipher's exit handler must not free its state
//! under them (see `carnet_store::closing`).
//!
//! The child is this same test binary, run with `CARNET_EXIT_CHILD` set: it opens the vault,
//! writes, drops it and ends at once, as a test whose state is dropped at its end does, while
//! some other library's exit handler takes its time.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use carnet_store::closing::open_connections;
use carnet_store::{Layout, Secret, Vault};
use common::*;

const ENV_CHILD: &str = "CARNET_EXIT_CHILD";
const RUNS: usize = 10;

#[tokio::test]
async fn a_process_ending_while_its_vault_closes_ends_cleanly() {
    if let Some(dir) = std::env::var_os(ENV_CHILD) {
        // Registered before SQLite starts, this handler runs after SQLCipher's: it stands for
        // the other libraries' exit work (GStreamer's, GLib's in the app's tests), during
        // which a connection still closing would meet SQLCipher's freed state.
        // SAFETY: a plain function that only sleeps.
        unsafe { libc::atexit(other_libraries_ending) };
        let layout = Layout::new(std::path::Path::new(&dir));
        let vault = Vault::unlock(&layout, Secret::Passphrase(PASS))
            .await
            .unwrap();
        bare_incident(&vault).await;
        drop(vault);
        return;
    }
    a_connection_is_counted_until_its_files_are_closed().await;
    let f = locked().await;
    for run in 0..RUNS {
        let out = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "a_process_ending_while_its_vault_closes_ends_cleanly",
                "--test-threads=1",
            ])
            .env(ENV_CHILD, f.dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "run {run}: {:?}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let v = Vault::unlock(&f.layout, Secret::Passphrase(PASS))
        .await
        .unwrap();
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM incident")
        .fetch_one(v.pool())
        .await
        .unwrap();
    assert_eq!(n, RUNS as i64, "every child's write is in the vault");
    v.lock().await;
}

extern "C" fn other_libraries_ending() {
    std::thread::sleep(Duration::from_millis(300));
}

/// A connection is counted from its opening until its files are closed, including a close
/// done later on sqlx's worker thread after its vault is dropped. (Part of the test above:
/// the count is the process's.)
async fn a_connection_is_counted_until_its_files_are_closed() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let open = open_connections();
    assert!(open > 0, "the open vault's connections are counted");
    let marker: Option<i64> = sqlx::query_scalar("SELECT carnet_connection_marker()")
        .fetch_one(vault.pool())
        .await
        .unwrap();
    assert_eq!(marker, None);
    drop(vault);
    let end = Instant::now() + Duration::from_secs(10);
    while open_connections() > 0 && Instant::now() < end {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_eq!(
        open_connections(),
        0,
        "the dropped vault's connections are uncounted"
    );
}

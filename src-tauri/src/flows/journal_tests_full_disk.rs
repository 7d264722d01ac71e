//! A dossier exported onto a full disk: a child process (this same test binary, run with
//! `CARNET_FULL_DISK_DOSSIER` set) opens the vault, limits the size of any file it writes
//! (`RLIMIT_FSIZE`, `SIGXFSZ` ignored, so writing past it fails with `EFBIG` as on a full disk)
//! and exports a dossier through the command's own path (the PDF and the evidence bundle into
//! temporary files, then renamed). It must answer `disk_full`, leave nothing in the folder,
//! record no export, and the vault must open as before. See also carnet-store's
//! `tests/full_disk.rs` (journal writes, pieces, backups, archives).

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use carnet_core::journal::incident::IncidentInput;

use crate::error::ErrorCode;
use crate::flows::dossiers::Progress;
use crate::flows::files::io_code;
use crate::state::AppState;
use crate::test_host::{
    PASS, dossier_company, dossier_draft, names, suspended_account, test_options,
};

const ENV_DIR: &str = "CARNET_FULL_DISK_DOSSIER";
const ENV_OUT: &str = "CARNET_FULL_DISK_DOSSIER_OUT";
const ENV_ID: &str = "CARNET_FULL_DISK_DOSSIER_ID";
/// Far below the PDF (its font alone is larger).
const LIMIT: u64 = 16 * 1024;

fn quiet() -> Progress {
    Arc::new(|_| {})
}

/// A complete dossier (the platform complaint of one incident with a piece): its id.
async fn dossier(s: &AppState) -> i64 {
    let (_, incident_id, _) = suspended_account(
        s,
        IncidentInput {
            decision_reference: Some("CASE-1".into()),
            ..IncidentInput::default()
        },
    )
    .await;
    s.company_save(dossier_company()).await.unwrap();
    let view = s
        .dossier_create(dossier_draft("platform_complaint", incident_id))
        .await
        .unwrap();
    assert!(view.complete, "{:?}", view.missing);
    view.id
}

/// The export under the limit. Not a test on its own: ignored unless run by the test below.
#[tokio::test(flavor = "multi_thread")]
#[ignore]
async fn full_disk_dossier_child() {
    let Some(dir) = std::env::var_os(ENV_DIR) else {
        return;
    };
    let out = PathBuf::from(std::env::var_os(ENV_OUT).unwrap());
    let id: i64 = std::env::var(ENV_ID).unwrap().parse().unwrap();
    let s = AppState::open(PathBuf::from(dir), test_options()).unwrap();
    s.unlock_with_passphrase(PASS.into()).await.unwrap();
    // SAFETY: plain libc calls with valid arguments.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let rl = libc::rlimit {
            rlim_cur: LIMIT as libc::rlim_t,
            rlim_max: LIMIT as libc::rlim_t,
        };
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &rl), 0);
    }
    let result = s
        .dossier_export(id, &out.join("dossier.pdf"), quiet())
        .await;
    println!("RESULT {:?}", result.map(|_| ()).map_err(|e| e.code));
}

#[test]
fn efbig_is_a_full_disk() {
    let e = std::io::Error::from(std::io::ErrorKind::FileTooLarge);
    assert_eq!(io_code(&e), ErrorCode::DiskFull);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dossier_exported_onto_a_full_disk_says_so_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let s = AppState::open(dir.path().to_owned(), test_options()).unwrap();
    s.vault_create(PASS.into(), PASS.into(), false)
        .await
        .unwrap();
    let id = dossier(&s).await;
    s.vault_lock().await;
    drop(s);

    let out = tempfile::tempdir().unwrap();
    let output = Command::new(std::env::current_exe().unwrap())
        .args([
            "flows::journal_tests_full_disk::full_disk_dossier_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(ENV_DIR, dir.path())
        .env(ENV_OUT, out.path())
        .env(ENV_ID, id.to_string())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let result = stdout
        .lines()
        .find_map(|l| l.split_once("RESULT ").map(|(_, r)| r.to_owned()))
        .unwrap_or_else(|| {
            panic!(
                "the child gave no result ({:?}): {stdout}\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            )
        });
    assert_eq!(result, "Err(DiskFull)");
    assert!(names(out.path()).is_empty(), "{:?}", names(out.path()));

    // The vault opens, the dossier is there, no export recorded; exporting without the limit works.
    let s = AppState::open(dir.path().to_owned(), test_options()).unwrap();
    s.unlock_with_passphrase(PASS.into()).await.unwrap();
    assert!(s.dossier_get(id).await.unwrap().exports.is_empty());
    s.dossier_export(id, &out.path().join("dossier.pdf"), quiet())
        .await
        .unwrap();
    assert_eq!(
        names(out.path()),
        ["dossier-pieces.zip", "dossier.pdf"].map(String::from)
    );
    s.vault_lock().await;
    println!("ROBUSTNESS full_disk_ops=1");
}

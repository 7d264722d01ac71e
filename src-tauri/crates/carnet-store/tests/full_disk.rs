//! Writes under a full disk. A child process (this same test binary, run with
//! `CARNET_FULL_DISK_CHILD` set) opens the vault, then limits the size of any file it writes
//! (`RLIMIT_FSIZE`, with `SIGXFSZ` ignored so a write past the limit fails with `EFBIG`
//! instead of killing it: the same failure as a full disk for the code that writes) and tries
//! one operation: the journal's multi-row write (an incident with 3 events and 2 pieces), a
//! 5 MB piece, the daily backup, an archive export. Each must end with a coded error
//! (`DiskFull`, or `Io` where SQLite reports a failed write), leave no partial or temporary
//! file, and the vault must still open, whole, with everything written before.
//!
//! A limit on one process rather than a small filesystem: mounting one needs privileges CI
//! machines do not give.

mod common;
mod multi_row;

use std::path::{Path, PathBuf};
use std::process::Command;

use carnet_store::journal::pieces;
use carnet_store::{Layout, Secret, Vault, archive, backup, db, evidence};
use chrono::NaiveDate;
use common::*;

const ENV_CHILD: &str = "CARNET_FULL_DISK_CHILD";
const ENV_OP: &str = "CARNET_FULL_DISK_OP";
const ENV_LIMIT: &str = "CARNET_FULL_DISK_LIMIT";
const ENV_OUT: &str = "CARNET_FULL_DISK_OUT";
const TEXT_LEN: usize = 2_000;
const PIECE_LEN: usize = 3_000;
const BIG: usize = 5 * 1024 * 1024;

/// One operation under the limit. Not a test on its own: ignored unless run by the test below.
#[tokio::test(flavor = "multi_thread")]
#[ignore]
async fn full_disk_child() {
    let Some(dir) = std::env::var_os(ENV_CHILD) else {
        return;
    };
    let op = std::env::var(ENV_OP).unwrap();
    let limit: u64 = std::env::var(ENV_LIMIT).unwrap().parse().unwrap();
    let out = PathBuf::from(std::env::var_os(ENV_OUT).unwrap());
    let layout = Layout::new(Path::new(&dir));
    let vault = Vault::unlock(&layout, Secret::Passphrase(PASS))
        .await
        .unwrap();
    let platform = multi_row::platform(&vault).await.unwrap();
    let incident: i64 = sqlx::query_scalar("SELECT min(id) FROM incident")
        .fetch_one(vault.pool())
        .await
        .unwrap();
    // SAFETY: plain libc calls with valid arguments, before any file is written.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let rl = libc::rlimit {
            rlim_cur: limit as libc::rlim_t,
            rlim_max: limit as libc::rlim_t,
        };
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &rl), 0);
    }
    let result = match op.as_str() {
        // Three events of 100,000 characters each, and their search rows: far past the limit.
        "journal" => multi_row::write(&vault, platform, "sous un disque plein", 100_000, 4_000)
            .await
            .map(|_| ()),
        "piece" => {
            let big: Vec<u8> = (0..BIG).map(|i| (i * 7 % 251) as u8).collect();
            pieces::add(
                &vault,
                incident,
                &big[..],
                Some(big.len() as u64),
                "gros.bin",
                None,
                NOW,
            )
            .await
            .map(|_| ())
        }
        "backup" => backup::daily(
            &vault.snapshot_source(),
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .await
        .map(|_| ()),
        "archive" => archive::export(&vault, &out.join("vault.carnet")).await,
        other => panic!("unknown operation {other}"),
    };
    println!("RESULT {result:?}");
}

/// The data folder's files (SQLite's `-wal` and `-shm` companions aside), as relative paths.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = all_files(dir)
        .into_iter()
        .map(|(p, _)| p.strip_prefix(dir).unwrap().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm"))
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread")]
async fn writes_under_a_full_disk_end_with_a_code_and_leave_nothing() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let platform = multi_row::platform(&vault).await.unwrap();
    for n in 0..3 {
        multi_row::write(&vault, platform, &format!("avant {n}"), TEXT_LEN, PIECE_LEN)
            .await
            .unwrap();
    }
    // A 1.5 MB evidence file, so the archive is well past the database's size.
    let piece: Vec<u8> = (0..1_500_000).map(|i| (i % 253) as u8).collect();
    let earlier = evidence::add(
        &vault,
        &piece[..],
        None,
        "avant.bin",
        "application/octet-stream",
        NOW,
    )
    .await
    .unwrap();
    vault.lock().await;
    let db_size = std::fs::metadata(f.layout.db()).unwrap().len();

    let out = tempfile::tempdir().unwrap();
    let ops: [(&str, u64); 4] = [
        ("journal", db_size + 64 * 1024),
        ("piece", 1024 * 1024),
        ("backup", db_size / 2),
        ("archive", db_size + 256 * 1024),
    ];
    for (op, limit) in ops {
        let before = listing(&f.layout.dir);
        let output = Command::new(std::env::current_exe().unwrap())
            .args([
                "full_disk_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(ENV_CHILD, f.dir.path())
            .env(ENV_OP, op)
            .env(ENV_LIMIT, limit.to_string())
            .env(ENV_OUT, out.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let result = stdout
            .lines()
            .find_map(|l| l.split_once("RESULT ").map(|(_, r)| r))
            .unwrap_or_else(|| {
                panic!(
                    "{op}: the child gave no result ({:?}): {stdout}\n{}",
                    output.status,
                    String::from_utf8_lossy(&output.stderr)
                )
            })
            .to_owned();
        // Files Rust writes itself must say "disk full"; SQLite reports a write that failed
        // before the end as an I/O error, a short one as SQLITE_FULL.
        let coded = match op {
            "piece" | "archive" => result == "Err(DiskFull)",
            _ => result == "Err(DiskFull)" || result.starts_with("Err(Io("),
        };
        assert!(coded, "{op}: {result}");
        assert_eq!(listing(&f.layout.dir), before, "{op}: files left or lost");
        assert_eq!(
            std::fs::read_dir(out.path()).unwrap().count(),
            0,
            "{op}: a partial export was left"
        );

        let v = Vault::unlock(&f.layout, Secret::Passphrase(PASS))
            .await
            .unwrap_or_else(|e| panic!("{op}: the vault does not open: {e:?}"));
        assert!(db::integrity_ok(v.pool()).await, "{op}: integrity");
        let titles: Vec<String> = multi_row::check_whole(&v, PIECE_LEN, i64::MAX)
            .await
            .unwrap_or_else(|e| panic!("{op}: {e}"))
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(titles, ["avant 0", "avant 1", "avant 2"], "{op}");
        let pieces_n: i64 = sqlx::query_scalar("SELECT count(*) FROM piece")
            .fetch_one(v.pool())
            .await
            .unwrap();
        assert_eq!(pieces_n, 3 * multi_row::PIECES as i64, "{op}");
        let bytes = evidence::read_verified(&v, earlier.id).await.unwrap();
        assert_eq!(bytes.as_slice(), &piece[..], "{op}");
        v.lock().await;
        eprintln!("full disk: {op} under a {limit}-byte file limit: {result}, nothing left");
    }
    println!("ROBUSTNESS full_disk_ops={}", ops.len());
}

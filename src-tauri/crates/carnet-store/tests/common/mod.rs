//! Shared fixtures of the integration tests: a vault in a temporary folder, with cheap key
//! derivation (the real cost is calibrated at creation in the app).

#![allow(dead_code)]

use carnet_store::keys::kdf::{Calibration, KdfParams};
use carnet_store::keys::recovery::RecoveryKey;
use carnet_store::{Layout, Vault};

pub const PASS: &str = "pluie verte sur le quai du port 42";
pub const CHEAP: Calibration = Calibration::Fixed(KdfParams::insecure_for_tests());
pub const NOW: &str = "2026-11-26T10:00:00+01:00";

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub layout: Layout,
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    Fixture { dir, layout }
}

pub async fn created(f: &Fixture) -> (Vault, RecoveryKey) {
    let c = Vault::create(&f.layout, PASS, CHEAP, NOW).await.unwrap();
    (c.vault, c.recovery_key)
}

/// An open incident on a new platform, written straight into the tables (for tests about
/// what hangs on an incident, not about incidents): its id.
pub async fn bare_incident(vault: &Vault) -> i64 {
    let platform: i64 = sqlx::query_scalar(
        "INSERT INTO platform (name, service, created_at, updated_at)
         VALUES ('Amazon', 'marketplace', ?, ?) RETURNING id",
    )
    .bind(NOW)
    .bind(NOW)
    .fetch_one(vault.pool())
    .await
    .unwrap();
    sqlx::query_scalar(
        "INSERT INTO incident (platform_id, category, title, status, created_at, updated_at)
         VALUES (?, 'ACC-02', 'Compte suspendu', 'open', ?, ?) RETURNING id",
    )
    .bind(platform)
    .bind(NOW)
    .bind(NOW)
    .fetch_one(vault.pool())
    .await
    .unwrap()
}

/// Every file under `dir`, recursively, with its bytes, but SQLite's `-shm` and empty `-wal`
/// companions (which any reader creates; they hold no data).
pub fn all_files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                let name = p.to_string_lossy();
                if name.ends_with("-shm") || (name.ends_with("-wal") && bytes.is_empty()) {
                    continue;
                }
                out.push((p.clone(), bytes));
            }
        }
    }
    out.sort();
    out
}

/// Compares two listings by name and SHA-256 (a failure prints names, not megabytes).
pub fn same_files(
    a: &[(std::path::PathBuf, Vec<u8>)],
    b: &[(std::path::PathBuf, Vec<u8>)],
) -> bool {
    use sha2::{Digest, Sha256};
    let digest = |v: &[(std::path::PathBuf, Vec<u8>)]| {
        v.iter()
            .map(|(p, b)| (p.clone(), Sha256::digest(b).to_vec()))
            .collect::<Vec<_>>()
    };
    let (da, db) = (digest(a), digest(b));
    if da != db {
        eprintln!(
            "files differ:\n  before {:?}\n  after  {:?}",
            names(a),
            names(b)
        );
    }
    da == db
}

fn names(v: &[(std::path::PathBuf, Vec<u8>)]) -> Vec<(String, usize)> {
    v.iter()
        .map(|(p, b)| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                b.len(),
            )
        })
        .collect()
}

//! Adding evidence against `sha256sum` on the same files, in the same run (issue 16's goal:
//! at least 0.8 of its speed): a 200 MB video, 100 screenshots of 600 KB, 1,000 small files of
//! 4 KB. Carnet reads, hashes, encrypts and writes each file (`evidence::seal`, what adding a
//! piece does before its row); `sha256sum` only reads and hashes, in one process for the
//! whole set. `carnet_seal` adds the files one by one, `carnet_seal_many` all at once
//! (`evidence::seal_many`: side by side on the cores, one flush of the folder), as the app
//! does with the files the owner picks together. Files in `/dev/shm` when it exists (`CARNET_BENCH_DIR` picks another folder), so
//! the figures are CPU, not the disk's noise.
//!
//! `cargo bench -p carnet-store --bench evidence_import`; the ratio is sha256sum's median over
//! Carnet's, per set.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use carnet_store::keys::kdf::{Calibration, KdfParams};
use carnet_store::{Layout, Vault, evidence};
use criterion::{Criterion, criterion_group, criterion_main};

fn scratch() -> tempfile::TempDir {
    let base = std::env::var_os("CARNET_BENCH_DIR")
        .map(PathBuf::from)
        .or_else(|| Some(PathBuf::from("/dev/shm")).filter(|p| p.is_dir()))
        .unwrap_or_else(std::env::temp_dir);
    tempfile::tempdir_in(base).unwrap()
}

/// Bytes that do not compress (xorshift).
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn files(dir: &Path, name: &str, count: usize, len: usize) -> Vec<PathBuf> {
    (0..count)
        .map(|i| {
            let p = dir.join(format!("{name}-{i}"));
            std::fs::write(&p, noise(i as u64 + 1, len)).unwrap();
            p
        })
        .collect()
}

fn evidence_import(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = scratch();
    let layout = Layout::new(&dir.path().join("vault"));
    let vault = rt.block_on(async {
        Vault::create(
            &layout,
            "pluie verte sur le quai du port 42",
            Calibration::Fixed(KdfParams::insecure_for_tests()),
            "2026-11-26T10:00:00+01:00",
        )
        .await
        .unwrap()
        .vault
    });
    let sets = [
        ("video_200mb", files(dir.path(), "video", 1, 200 << 20)),
        (
            "screenshots_100x600kb",
            files(dir.path(), "shot", 100, 600 << 10),
        ),
        ("small_1000x4kb", files(dir.path(), "small", 1000, 4 << 10)),
    ];
    for (name, set) in &sets {
        let mut g = c.benchmark_group(format!("evidence_import/{name}"));
        g.sample_size(10).measurement_time(Duration::from_secs(20));
        g.bench_function("sha256sum", |b| {
            b.iter(|| {
                let out = Command::new("sha256sum").args(set).output().unwrap();
                assert!(out.status.success());
            })
        });
        g.bench_function("carnet_seal", |b| {
            b.iter(|| {
                for p in set {
                    let len = std::fs::metadata(p).unwrap().len();
                    let sealed =
                        evidence::seal(&vault, std::fs::File::open(p).unwrap(), Some(len)).unwrap();
                    sealed.discard();
                }
            })
        });
        g.bench_function("carnet_seal_many", |b| {
            b.iter(|| {
                let open = |i: usize, sealer: &evidence::Sealer| {
                    let file = std::fs::File::open(&set[i])?;
                    let len = file.metadata()?.len();
                    sealer.seal(file, Some(len))
                };
                let sealed =
                    evidence::seal_many(&vault, set.len(), open, evidence::Sealed::discard)
                        .unwrap();
                sealed.into_iter().for_each(evidence::Sealed::discard);
            })
        });
        g.finish();
    }
    rt.block_on(vault.lock());
}

criterion_group!(benches, evidence_import);
criterion_main!(benches);

//! What the benchmarks share: the passphrase, the clock, and the scratch folder their vaults
//! live in (`/dev/shm`, memory, when it exists; `CARNET_BENCH_DIR` picks another folder).

#![allow(dead_code)]

use chrono::NaiveDate;

pub const PASS: &str = "pluie verte sur le quai du port 42";
pub const NOW: &str = "2026-11-26T10:00:00+01:00";

/// The day of [`NOW`].
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// A temporary folder for a benchmark's files.
pub fn scratch() -> tempfile::TempDir {
    let base = std::env::var_os("CARNET_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .or_else(|| Some(std::path::PathBuf::from("/dev/shm")).filter(|p| p.is_dir()))
        .unwrap_or_else(std::env::temp_dir);
    tempfile::tempdir_in(base).unwrap()
}

//! Pieces decrypted for another program (the owner's « Ouvrir avec… »): each in a private
//! folder of its own, removed when it expires, when the vault locks and when the app exits;
//! the folders a crash left are swept at the next start and on every tick.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::sync::lock;

/// How long a piece opened in another program stays decrypted on the disk.
pub const OPEN_FOR: Duration = Duration::from_secs(10 * 60);
/// The prefix of the private folders of opened pieces.
pub(crate) const OPEN_PREFIX: &str = "carnet-open-";

/// The private folders of the pieces opened in another program, removed when they expire,
/// when the vault locks and when the app exits.
#[derive(Default)]
pub struct Opened(Mutex<Vec<(tempfile::TempDir, Instant)>>);

impl Opened {
    /// Removes every opened piece.
    pub fn clear(&self) {
        lock(&self.0).clear();
    }

    /// Removes those opened longer ago than [`OPEN_FOR`], and the folders an earlier run left
    /// (a crash or a kill gave it no time to remove them): on every tick, not only at start.
    pub fn expire(&self) {
        lock(&self.0).retain(|(_, at)| at.elapsed() < OPEN_FOR);
        sweep_stale_opened();
    }

    pub(crate) fn keep(&self, dir: tempfile::TempDir) {
        lock(&self.0).push((dir, Instant::now()));
    }
}

/// Where opened pieces are decrypted: the user's runtime folder (memory, private) if any.
pub(crate) fn open_base() -> PathBuf {
    std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .unwrap_or_else(std::env::temp_dir)
}

/// Removes the folders an earlier run left (a crash, a kill) once they are old enough.
pub fn sweep_stale_opened() {
    let Ok(entries) = std::fs::read_dir(open_base()) else {
        return;
    };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > OPEN_FOR);
        if old && entry.file_name().to_string_lossy().starts_with(OPEN_PREFIX) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder a killed run left is removed by the next tick once it is old enough; one
    /// just opened stays.
    #[test]
    fn each_tick_sweeps_the_folders_a_killed_run_left() {
        let stale = tempfile::Builder::new()
            .prefix(OPEN_PREFIX)
            .tempdir_in(open_base())
            .unwrap()
            .keep();
        std::fs::write(stale.join("facture.pdf"), b"decrypted").unwrap();
        let long_ago = std::time::SystemTime::now() - OPEN_FOR - Duration::from_secs(60);
        std::fs::File::open(&stale)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        let fresh = tempfile::Builder::new()
            .prefix(OPEN_PREFIX)
            .tempdir_in(open_base())
            .unwrap();
        Opened::default().expire();
        assert!(!stale.exists(), "the stale folder is gone");
        assert!(fresh.path().exists(), "a folder just opened stays");
    }
}

//! The growing delay after wrong secrets, for every check of a typed secret (unlock, a locked
//! restore, an archive import, a passphrase change): the first three attempts are free
//! (Argon2id already costs half a second each), then each failure doubles the wait, up to 30
//! seconds. The count is kept in `throttle.json` beside the vault (outside it: it must be read
//! before the vault opens), so quitting and restarting Carnet does not reset it. It holds a
//! number and nothing else; a missing or unreadable file counts as no failure.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The failures since the last right secret, and where they are kept.
#[derive(Debug, Default)]
pub struct Throttle {
    failures: u32,
    file: Option<PathBuf>,
}

#[derive(Serialize, Deserialize)]
struct Saved {
    failures: u32,
}

impl Throttle {
    const FREE: u32 = 3;
    const MAX: Duration = Duration::from_secs(30);

    /// The throttle kept in `file` (none yet: no failure).
    pub fn load(file: &Path) -> Self {
        let failures = std::fs::read(file)
            .ok()
            .and_then(|b| serde_json::from_slice::<Saved>(&b).ok())
            .map_or(0, |s| s.failures);
        Throttle {
            failures,
            file: Some(file.to_owned()),
        }
    }

    /// How long to wait before checking the next attempt.
    pub fn delay(&self) -> Duration {
        match self.failures.checked_sub(Self::FREE) {
            None => Duration::ZERO,
            Some(n) => Duration::from_secs(1u64 << n.min(5)).min(Self::MAX),
        }
    }

    /// A wrong secret was typed: the next wait grows (and is kept on disk).
    pub fn failed(&mut self) {
        self.failures = self.failures.saturating_add(1);
        self.save();
    }

    /// A right secret was typed: no wait any more.
    pub fn succeeded(&mut self) {
        if self.failures == 0 {
            return;
        }
        self.failures = 0;
        self.save();
    }

    /// Best effort: a throttle that cannot be written (a full disk) still works in memory.
    fn save(&self) {
        if let Some(file) = &self.file {
            let bytes = serde_json::to_vec(&Saved {
                failures: self.failures,
            })
            .unwrap_or_default();
            let _ = crate::atomic::write_atomic(file, &bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_then_caps_then_resets() {
        let mut t = Throttle::default();
        let mut delays = Vec::new();
        for _ in 0..12 {
            delays.push(t.delay().as_secs());
            t.failed();
        }
        assert_eq!(delays, [0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30, 30]);
        t.succeeded();
        assert_eq!(t.delay(), Duration::ZERO);
    }

    #[test]
    fn kept_across_restarts_and_reset_by_a_right_secret() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("throttle.json");
        let mut t = Throttle::load(&file);
        for _ in 0..5 {
            t.failed();
        }
        let again = Throttle::load(&file);
        assert_eq!(again.delay(), Duration::from_secs(4));
        let mut again = again;
        again.succeeded();
        assert_eq!(Throttle::load(&file).delay(), Duration::ZERO);
        std::fs::write(&file, b"not json").unwrap();
        assert_eq!(Throttle::load(&file).delay(), Duration::ZERO);
    }
}

//! The growing delay after wrong passphrases: the first three attempts are free (Argon2id
//! already costs half a second each), then each failure doubles the wait, up to 30 seconds.

use std::time::Duration;

#[derive(Debug, Default)]
pub struct Throttle {
    failures: u32,
}

impl Throttle {
    const FREE: u32 = 3;
    const MAX: Duration = Duration::from_secs(30);

    /// How long to wait before checking the next attempt.
    pub fn delay(&self) -> Duration {
        match self.failures.checked_sub(Self::FREE) {
            None => Duration::ZERO,
            Some(n) => Duration::from_secs(1u64 << n.min(5)).min(Self::MAX),
        }
    }

    pub fn failed(&mut self) {
        self.failures = self.failures.saturating_add(1);
    }

    pub fn succeeded(&mut self) {
        self.failures = 0;
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
}

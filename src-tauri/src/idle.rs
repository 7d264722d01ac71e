//! The idle clock behind auto-lock. It counts from the last activity with both the monotonic
//! clock and the wall clock and takes the larger: the monotonic clock stops while the computer
//! sleeps (so, alone, a laptop closed for a night would wake up with the vault still open),
//! and the wall clock can jump; taking the larger can only lock earlier, never later.

use std::time::{Duration, Instant, SystemTime};

#[derive(Debug, Clone, Copy)]
pub struct Idle {
    monotonic: Instant,
    wall: SystemTime,
}

impl Idle {
    pub fn now() -> Self {
        Idle {
            monotonic: Instant::now(),
            wall: SystemTime::now(),
        }
    }

    /// Time since the last activity.
    pub fn elapsed(&self) -> Duration {
        let wall = SystemTime::now()
            .duration_since(self.wall)
            .unwrap_or_default();
        self.monotonic.elapsed().max(wall)
    }

    pub fn expired(&self, limit: Duration) -> bool {
        self.elapsed() >= limit
    }

    #[cfg(test)]
    pub fn at(monotonic: Instant, wall: SystemTime) -> Self {
        Idle { monotonic, wall }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_activity_is_not_idle() {
        assert!(!Idle::now().expired(Duration::from_secs(60)));
    }

    #[test]
    fn a_sleep_seen_only_by_the_wall_clock_still_counts() {
        // As after a suspend: the monotonic clock says "just now", the wall clock an hour ago.
        let idle = Idle::at(
            Instant::now(),
            SystemTime::now() - Duration::from_secs(3600),
        );
        assert!(idle.expired(Duration::from_secs(600)));
    }

    #[test]
    fn a_wall_clock_set_back_does_not_hide_real_idleness() {
        let monotonic = Instant::now()
            .checked_sub(Duration::from_secs(700))
            .unwrap();
        let idle = Idle::at(monotonic, SystemTime::now() + Duration::from_secs(3600));
        assert!(idle.expired(Duration::from_secs(600)));
    }
}

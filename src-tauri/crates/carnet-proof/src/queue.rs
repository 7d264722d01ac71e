//! The retry queue of proof requests (timestamps, DKIM look-ups): a pure model, time passed in.
//!
//! Nothing is ever dropped: an entry leaves the queue only through [`RetryQueue::succeeded`]
//! (the TSA or DNS answered) or [`RetryQueue::cancel`] (the piece was deleted by its owner).

use chrono::{DateTime, Duration, Utc};

/// The first wait after a failure.
pub const BASE_DELAY: Duration = Duration::seconds(30);
/// The longest wait between two tries.
pub const MAX_DELAY: Duration = Duration::hours(6);

/// One request waiting for its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending<K> {
    /// What to ask again (e.g. the piece's id and which proof).
    pub key: K,
    /// The failed tries so far.
    pub attempts: u32,
    /// Not to be tried before this time.
    pub next_try: DateTime<Utc>,
}

/// Requests waiting for the network, with exponential back-off and a cap.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RetryQueue<K> {
    pending: Vec<Pending<K>>,
}

/// The wait after `attempts` failed tries: 30 s, 1 min, 2 min, … up to 6 h.
pub fn backoff(attempts: u32) -> Duration {
    let shift = attempts.saturating_sub(1).min(20);
    let delay = BASE_DELAY * (1i32 << shift);
    delay.min(MAX_DELAY)
}

impl<K: PartialEq + Clone> RetryQueue<K> {
    /// An empty queue.
    pub fn new() -> Self {
        RetryQueue {
            pending: Vec::new(),
        }
    }

    /// Rebuilds a queue from stored entries (e.g. after a restart).
    pub fn from_pending(pending: Vec<Pending<K>>) -> Self {
        RetryQueue { pending }
    }

    /// The entries, for storage and display.
    pub fn pending(&self) -> &[Pending<K>] {
        &self.pending
    }

    /// How many requests wait (what the UI shows).
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    /// Whether nothing waits.
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Adds a request, to be tried at once; a key already waiting is kept as it is.
    pub fn push(&mut self, key: K, now: DateTime<Utc>) {
        if !self.pending.iter().any(|p| p.key == key) {
            self.pending.push(Pending {
                key,
                attempts: 0,
                next_try: now,
            });
        }
    }

    /// The keys due at `now`, oldest first.
    pub fn due(&self, now: DateTime<Utc>) -> Vec<K> {
        self.pending
            .iter()
            .filter(|p| p.next_try <= now)
            .map(|p| p.key.clone())
            .collect()
    }

    /// The earliest time something is due, if anything waits.
    pub fn next_wake(&self) -> Option<DateTime<Utc>> {
        self.pending.iter().map(|p| p.next_try).min()
    }

    /// A try failed (offline, TSA down, refused token): wait longer before the next one.
    pub fn failed(&mut self, key: &K, now: DateTime<Utc>) {
        if let Some(p) = self.pending.iter_mut().find(|p| &p.key == key) {
            p.attempts = p.attempts.saturating_add(1);
            p.next_try = now + backoff(p.attempts);
        }
    }

    /// The answer came and was stored: the request leaves the queue.
    pub fn succeeded(&mut self, key: &K) {
        self.pending.retain(|p| &p.key != key);
    }

    /// The owner deleted what the request was for.
    pub fn cancel(&mut self, key: &K) {
        self.pending.retain(|p| &p.key != key);
    }

    /// The network came back: everything is due now (attempt counts are kept).
    pub fn wake_all(&mut self, now: DateTime<Utc>) {
        for p in &mut self.pending {
            p.next_try = now;
        }
    }
}

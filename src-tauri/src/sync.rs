//! Mutexes that outlive a panic: a command that panicked while holding one leaves the data
//! as it was, so the next one takes it anyway instead of failing for ever.

use std::sync::{Mutex, MutexGuard};

/// A poisoned lock still holds a whole value (every update replaces it at once): use it.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

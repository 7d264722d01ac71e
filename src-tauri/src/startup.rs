//! How long the app takes to be usable: the time from the start of `run` to the page's first
//! question to the shell (which screen to show: it asks as soon as its script has run), logged
//! once — `interface ready after N ms`. `make bench-app` reads it from the log, so the launch
//! figure is the app's own, without a WebDriver session in between.

use std::sync::{Once, OnceLock};
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

/// Marks the start (first thing in `run`).
pub fn mark() {
    STARTED.get_or_init(Instant::now);
}

/// The page asks its first question: logs the time since the start, once.
pub fn interface_asked() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if let Some(started) = STARTED.get() {
            log::info!("interface ready after {} ms", started.elapsed().as_millis());
        }
    });
}

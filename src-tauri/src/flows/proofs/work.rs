//! What the state holds for the background proofs: the bell that wakes the work, who to tell
//! when a proof changed, the running task, and where DKIM keys are looked up.

use std::sync::{Arc, Mutex};

use carnet_proof::dkim::TxtResolver;

/// A resolver for the DKIM keys shared with the background work.
pub type Resolver = Arc<dyn TxtResolver + Send + Sync>;

/// Called after a proof is stored or a request fails (the app tells the page to refresh).
pub type OnChange = Arc<dyn Fn() + Send + Sync>;

/// The background side of proofs: its wake-up bell and who to tell when something changed.
#[derive(Default)]
pub struct ProofWork {
    pub(crate) wake: Arc<tokio::sync::Notify>,
    pub(crate) on_change: Mutex<Option<OnChange>>,
    pub(crate) task: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

/// The end-to-end build's DNS: with feature `test-dialogs` (never in a release) and
/// `CARNET_TEST_DNS` naming a file of `name record` lines, DKIM keys are read from it, so
/// a journey checks an e-mail with no network. `None` otherwise: the system's DNS.
pub fn test_resolver() -> Option<Resolver> {
    #[cfg(feature = "test-dialogs")]
    {
        let path = std::env::var_os(ENV_TEST_DNS)?;
        let text = std::fs::read_to_string(path).ok()?;
        let mut table = carnet_proof::dkim::StaticResolver::new();
        for line in text.lines() {
            if let Some((name, record)) = line.trim().split_once(char::is_whitespace) {
                table.insert(name, record.trim());
            }
        }
        Some(Arc::new(table))
    }
    #[cfg(not(feature = "test-dialogs"))]
    None
}

/// The variable naming the end-to-end build's DNS table (see [`test_resolver`]).
pub const ENV_TEST_DNS: &str = "CARNET_TEST_DNS";

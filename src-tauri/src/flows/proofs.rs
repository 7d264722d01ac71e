//! Proofs that need the network, asked in the background while the vault is open and only
//! once the owner has turned them on: the RFC 3161 timestamp of each piece's SHA-256 (only
//! that fingerprint leaves the machine) and the DNS look-ups of an e-mail's DKIM keys.
//!
//! The queue lives in the vault (`carnet_store::journal::proofs`): a request waits there,
//! through restarts, until its answer is verified and stored. A failed try waits longer
//! (30 s, 1 min, 2 min… up to 6 h); one success, the owner's « Réessayer », or the next
//! opening makes everything due again (the network is back). Nothing here blocks a command:
//! the vault is held only to read the queue and to store an answer, never across a request.

pub mod work;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use carnet_core::Settings;
use carnet_proof::dkim::{self, TxtAnswer, TxtResolver};
use carnet_proof::{ProofError, TsaEntry, tsp};
use carnet_store::journal::proofs::{self, Due, Kind};
use carnet_store::{StoreError, Vault, evidence};
use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::error::IpcError;
use crate::state::{AppState, Local};
use crate::sync::lock;
use work::{OnChange, Resolver};

/// How long one request to an authority may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How many requests one round takes from the queue.
const ROUND: i64 = 20;
/// The longest sleep between two looks at the queue.
const IDLE: Duration = Duration::from_secs(60);

/// What the settings and the status bar show about proofs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProofStatus {
    /// The owner turned network proofs on.
    pub enabled: bool,
    /// The authority asked.
    pub tsa_url: String,
    /// The shipped authorities to choose from.
    pub authorities: Vec<Authority>,
    /// Requests waiting (for the network, or for proofs to be turned on); 0 when locked.
    #[ts(type = "number")]
    pub waiting: i64,
}

/// One shipped authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Authority {
    pub name: String,
    pub url: String,
    /// `yes`, `no` or `unknown`: qualified under eIDAS (art. 42).
    pub qualified: String,
}

impl From<TsaEntry> for Authority {
    fn from(e: TsaEntry) -> Self {
        let qualified = serde_json::to_value(e.qualified)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "unknown".to_owned());
        Authority {
            name: e.name,
            url: e.url,
            qualified,
        }
    }
}

/// A resolver that never reaches the network: every look-up is "unavailable", so a signed
/// message is "not checked yet" and one without a signature is known at once.
struct Offline;

impl TxtResolver for Offline {
    fn txt(&self, _name: &str) -> TxtAnswer {
        TxtAnswer::Unavailable
    }
}

/// Runs `f` on a plain thread (no async runtime entered: `carnet-proof`'s DKIM check runs a
/// small runtime of its own) and waits for it without blocking the app's runtime.
async fn off_runtime<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.await.ok()
}

fn utc_now() -> DateTime<Utc> {
    Utc::now()
}

impl AppState {
    /// Whether proofs are on and where timestamps are asked.
    pub async fn proof_status(&self) -> ProofStatus {
        let settings = self.settings();
        let waiting = match self.vault.lock().await.as_ref() {
            Some(vault) => proofs::waiting(vault).await.unwrap_or(0),
            None => 0,
        };
        ProofStatus {
            enabled: settings.proofs,
            tsa_url: settings.tsa_url,
            authorities: carnet_proof::tsa_list()
                .unwrap_or_default()
                .into_iter()
                .map(Authority::from)
                .collect(),
            waiting,
        }
    }

    /// Turns network proofs on or off and chooses the authority (checked first; a refused
    /// URL changes nothing). Turning them on asks for everything waiting at once.
    pub async fn proof_set(&self, enabled: bool, tsa_url: &str) -> Result<ProofStatus, IpcError> {
        let url = carnet_core::settings::tsa_url(tsa_url).local(self)?;
        self.update_settings(|s| {
            s.proofs = enabled;
            s.tsa_url = url;
        })?;
        if enabled {
            self.proof_retry().await?;
        }
        Ok(self.proof_status().await)
    }

    /// Everything waiting is due now (the owner's « Réessayer maintenant »).
    pub async fn proof_retry(&self) -> Result<ProofStatus, IpcError> {
        if let Some(vault) = self.vault.lock().await.as_ref() {
            proofs::wake_all(vault, utc_now()).await.local(self)?;
        }
        self.proofs.wake.notify_one();
        Ok(self.proof_status().await)
    }

    /// New evidence was recorded: its requests are due now.
    pub(crate) fn proofs_due(&self) {
        self.proofs.wake.notify_one();
    }

    /// Who to tell when a proof is stored (the app emits an event to the page).
    pub fn on_proof_change(&self, f: OnChange) {
        *lock(&self.proofs.on_change) = Some(f);
    }

    /// The first look at an imported e-mail, with no network: "no signature" is known at
    /// once; a signed message is "not checked yet" until its keys are fetched.
    pub(crate) async fn email_first_check(
        &self,
        vault: &Vault,
        piece_id: i64,
        raw: zeroize::Zeroizing<Vec<u8>>,
    ) {
        let now = utc_now();
        let checked = off_runtime(move || dkim::verify_email(&raw, &Offline, now)).await;
        let Some(Ok(check)) = checked else { return };
        let stored = async {
            let content = proofs::content_of_piece(vault, piece_id).await?;
            proofs::attach_email_check(vault, content, &check, now).await
        };
        if let Err(e) = stored.await {
            log::warn!("e-mail check not stored: {e:?}");
        }
        self.proofs.wake.notify_one();
    }

    /// Starts the background work for the vault just opened (stopped by `stop_background`).
    pub(crate) fn start_proofs(&self) {
        let work = Worker {
            vault: self.vault.clone(),
            settings: self.settings.clone(),
            wake: self.proofs.wake.clone(),
            on_change: lock(&self.proofs.on_change).clone(),
            resolver: self.options.resolver.clone(),
        };
        let task = tokio::spawn(work.run());
        if let Some(previous) = lock(&self.proofs.task).replace(task) {
            previous.abort();
        }
    }

    /// Stops the background proofs (before a lock, a restore or an import).
    pub(crate) async fn stop_proofs(&self) {
        let running = lock(&self.proofs.task).take();
        if let Some(task) = running {
            task.abort();
            let _ = task.await;
        }
    }
}

/// What the background work holds: no key of its own, only the shared slot of the vault.
struct Worker {
    vault: Arc<tokio::sync::Mutex<Option<Vault>>>,
    settings: Arc<Mutex<Settings>>,
    wake: Arc<tokio::sync::Notify>,
    on_change: Option<OnChange>,
    resolver: Option<Resolver>,
}

/// How a round ended.
enum Round {
    /// The vault is locked: the work ends.
    Locked,
    /// Sleep until the next request is due, or the bell rings.
    Sleep(Duration),
}

impl Worker {
    async fn run(self) {
        // A new opening: whatever waited may go now.
        if let Some(vault) = self.vault.lock().await.as_ref() {
            let _ = proofs::wake_all(vault, utc_now()).await;
        }
        loop {
            let pause = match self.round().await {
                Round::Locked => return,
                Round::Sleep(d) => d,
            };
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(pause) => {}
            }
        }
    }

    fn settings(&self) -> Settings {
        lock(&self.settings).clone()
    }

    async fn due(&self) -> Option<Vec<Due>> {
        let slot = self.vault.lock().await;
        let vault = slot.as_ref()?;
        Some(
            proofs::due(vault, utc_now(), ROUND)
                .await
                .unwrap_or_default(),
        )
    }

    async fn round(&self) -> Round {
        let settings = self.settings();
        if !settings.proofs {
            return match self.vault.lock().await.as_ref() {
                Some(_) => Round::Sleep(IDLE),
                None => Round::Locked,
            };
        }
        let Some(due) = self.due().await else {
            return Round::Locked;
        };
        let mut changed = false;
        let mut offline = false;
        for item in due {
            let outcome = self.ask(&item, &settings.tsa_url).await;
            let slot = self.vault.lock().await;
            let Some(vault) = slot.as_ref() else {
                return Round::Locked;
            };
            changed = true;
            match outcome {
                Ok(answer) => match self.store(vault, &item, answer).await {
                    Ok(()) => {
                        // The authority answers: what waited after a failure may go too.
                        let _ = proofs::wake_all(vault, utc_now()).await;
                    }
                    Err(StoreError::Proof(e)) => {
                        log::warn!("proof refused: {}", e.code());
                        let _ =
                            proofs::failed(vault, item.kind, item.content_id, e, utc_now()).await;
                    }
                    Err(e) => log::warn!("proof not stored: {e:?}"),
                },
                Err(e) => {
                    log::info!("proof request failed: {}", e.code());
                    let _ = proofs::failed(vault, item.kind, item.content_id, e, utc_now()).await;
                    if matches!(e, ProofError::Network | ProofError::Timeout) {
                        // Offline: the rest of the round would fail the same way.
                        offline = true;
                        break;
                    }
                }
            }
        }
        if changed && let Some(f) = &self.on_change {
            f();
        }
        let slot = self.vault.lock().await;
        let Some(vault) = slot.as_ref() else {
            return Round::Locked;
        };
        let next = proofs::next_wake(vault).await.ok().flatten();
        let pause = match next {
            Some(at) => (at - utc_now())
                .to_std()
                .unwrap_or(Duration::ZERO)
                .min(IDLE),
            None => IDLE,
        };
        // After a network failure, never spin on what is still due: wait at least a little.
        Round::Sleep(if offline {
            pause.max(Duration::from_secs(30))
        } else {
            pause
        })
    }

    /// Asks the network, holding nothing of the vault.
    async fn ask(&self, item: &Due, tsa_url: &str) -> Result<Answer, ProofError> {
        match item.kind {
            Kind::Timestamp | Kind::EmailStamp => {
                let url = tsa_url.to_owned();
                let digest = item.digest;
                off_runtime(move || tsp::request_timestamp(&url, &digest, REQUEST_TIMEOUT))
                    .await
                    .unwrap_or(Err(ProofError::Internal))
                    .map(|t| Answer::Token(t.der))
            }
            Kind::Email => {
                let raw = {
                    let slot = self.vault.lock().await;
                    let vault = slot.as_ref().ok_or(ProofError::Internal)?;
                    evidence::read(vault, item.content_id)
                        .await
                        .map_err(|_| ProofError::Internal)?
                };
                let resolver = self.resolver.clone();
                let now = utc_now();
                let check = off_runtime(move || match resolver {
                    Some(r) => dkim::verify_email(&raw, r.as_ref(), now),
                    None => {
                        let system = dkim::SystemResolver::new()?;
                        dkim::verify_email(&raw, &system, now)
                    }
                })
                .await
                .unwrap_or(Err(ProofError::Internal))?;
                Ok(Answer::Email(Box::new(check)))
            }
        }
    }

    async fn store(&self, vault: &Vault, item: &Due, answer: Answer) -> Result<(), StoreError> {
        let now = utc_now();
        match (item.kind, answer) {
            (Kind::Timestamp, Answer::Token(der)) => {
                proofs::attach_timestamp(vault, item.content_id, &der, now).await?;
            }
            (Kind::EmailStamp, Answer::Token(der)) => {
                proofs::attach_email_stamp(vault, item.content_id, &der).await?;
            }
            (Kind::Email, Answer::Email(check)) => {
                let not_checked = check.verdict == dkim::Verdict::NotChecked;
                proofs::attach_email_check(vault, item.content_id, &check, now).await?;
                if not_checked {
                    // The keys could not be fetched: try again later.
                    return Err(StoreError::Proof(ProofError::Network));
                }
            }
            _ => return Err(StoreError::decode()),
        }
        Ok(())
    }
}

/// What the network answered.
enum Answer {
    Token(Vec<u8>),
    Email(Box<dkim::EmailVerification>),
}

//! Creating, unlocking and locking the vault, and changing its ways in.

use std::sync::atomic::Ordering;
use std::time::Duration;

use carnet_core::passphrase;
use carnet_store::keys::VaultKey;
use carnet_store::keys::keyfile::KeyFile;
use carnet_store::keys::recovery::RecoveryKey;
use carnet_store::{Presence, Secret, StoreError, Vault, backup};
use zeroize::Zeroizing;

use crate::error::IpcError;
use crate::idle::Idle;
use crate::ipc::{VaultCreated, VaultState, VaultStatus};
use crate::state::{AppState, Local};
use crate::sync::lock;

/// A secret typed by the owner, owned so it can cross into the blocking key derivation.
enum Typed {
    Passphrase(Zeroizing<String>),
    Recovery(RecoveryKey),
}

impl AppState {
    pub async fn vault_status(&self) -> VaultStatus {
        if let Some(vault) = self.vault.lock().await.as_ref() {
            return VaultStatus {
                state: VaultState::Unlocked,
                remembers_this_computer: vault.remembers_this_computer(),
                problem: None,
            };
        }
        let locked = |remembers, problem| VaultStatus {
            state: VaultState::Locked,
            remembers_this_computer: remembers,
            problem,
        };
        match self.layout.presence() {
            Ok(Presence::Absent) => VaultStatus {
                state: VaultState::Absent,
                remembers_this_computer: false,
                problem: None,
            },
            Ok(_) => match Vault::key_file(&self.layout) {
                Ok(key_file) => locked(key_file.device_id().is_some(), None),
                Err(e) => locked(false, Some(self.err(e))),
            },
            Err(e) => locked(false, Some(self.err(e))),
        }
    }

    pub async fn vault_create(
        &self,
        passphrase: String,
        confirmation: String,
        remember: bool,
    ) -> Result<VaultCreated, IpcError> {
        let passphrase = Zeroizing::new(passphrase);
        let confirmation = Zeroizing::new(confirmation);
        passphrase::validate_new(&passphrase, &confirmation).local(self)?;
        let mut slot = self.vault.lock().await;
        if slot.is_some() {
            return Err(self.err(StoreError::VaultExists));
        }
        let now = chrono::Local::now().to_rfc3339();
        let created = Vault::create(&self.layout, &passphrase, self.options.calibration, &now)
            .await
            .local(self)?;
        let mut vault = created.vault;
        let keyring_problem = if remember {
            self.use_keyring();
            vault.remember_this_computer().err().map(|e| self.err(e))
        } else {
            None
        };
        let recovery_key = created.recovery_key.display().to_string();
        self.opened(vault, &mut slot);
        drop(slot);
        Ok(VaultCreated {
            status: self.vault_status().await,
            recovery_key,
            keyring_problem,
        })
    }

    pub async fn unlock_with_passphrase(
        &self,
        passphrase: String,
    ) -> Result<VaultStatus, IpcError> {
        self.unlock_typed(Typed::Passphrase(Zeroizing::new(passphrase)))
            .await
    }

    pub async fn unlock_with_recovery_key(
        &self,
        recovery_key: String,
    ) -> Result<VaultStatus, IpcError> {
        let typed = Zeroizing::new(recovery_key);
        let key = RecoveryKey::parse(&typed).local(self)?;
        self.unlock_typed(Typed::Recovery(key)).await
    }

    /// Opens with the secret kept in this computer's keyring; any keyring trouble is a coded
    /// error the unlock screen answers by asking for the passphrase.
    pub async fn unlock_with_this_computer(&self) -> Result<VaultStatus, IpcError> {
        let mut slot = self.vault.lock().await;
        if slot.is_none() {
            let key_file = Vault::key_file(&self.layout).local(self)?;
            let platform = self.options.platform_keyring;
            let (key, key_file) = blocking(move || {
                if platform {
                    carnet_store::keys::keyring::use_platform_store();
                }
                Vault::key_for(&key_file, Secret::ThisComputer).map(|k| (k, key_file))
            })
            .await
            .local(self)?;
            self.open_vault(key, key_file, &mut slot).await?;
        }
        drop(slot);
        Ok(self.vault_status().await)
    }

    async fn unlock_typed(&self, typed: Typed) -> Result<VaultStatus, IpcError> {
        let mut slot = self.vault.lock().await;
        if slot.is_none() {
            let key_file = Vault::key_file(&self.layout).local(self)?;
            let (key, key_file) = self
                .throttled(blocking(move || {
                    let secret = match &typed {
                        Typed::Passphrase(p) => Secret::Passphrase(p),
                        Typed::Recovery(r) => Secret::Recovery(r),
                    };
                    Vault::key_for(&key_file, secret).map(|k| (k, key_file))
                }))
                .await
                .local(self)?;
            self.open_vault(key, key_file, &mut slot).await?;
        }
        drop(slot);
        Ok(self.vault_status().await)
    }

    /// Checks a typed secret through the one throttle: waits as long as the wrong secrets
    /// typed lately ask, then counts this one as wrong or resets the count. Every check of a
    /// typed secret (unlock, locked restore, archive import, passphrase change) goes here.
    pub(crate) async fn throttled<T>(
        &self,
        check: impl std::future::Future<Output = Result<T, StoreError>>,
    ) -> Result<T, StoreError> {
        let delay = lock(&self.throttle).delay();
        tokio::time::sleep(delay).await;
        let result = check.await;
        match &result {
            Ok(_) => lock(&self.throttle).succeeded(),
            Err(StoreError::WrongSecret) => lock(&self.throttle).failed(),
            Err(_) => {}
        }
        result
    }

    /// Opens the database with a key a way in has given, and puts the vault in place.
    async fn open_vault(
        &self,
        key: VaultKey,
        key_file: KeyFile,
        slot: &mut Option<Vault>,
    ) -> Result<(), IpcError> {
        if self.damaged.load(Ordering::SeqCst) {
            let healthy = Vault::integrity_ok_at(&self.layout, &key)
                .await
                .local(self)?;
            if !healthy {
                return Err(self.err(StoreError::VaultCorrupted));
            }
            self.damaged.store(false, Ordering::SeqCst);
        }
        let vault = Vault::open_with_key(&self.layout, key, key_file)
            .await
            .local(self)?;
        self.opened(vault, slot);
        Ok(())
    }

    /// Puts an open vault in place, restarts the idle clock, and in the background (the owner
    /// does not wait), once the first page had its time
    /// ([`Options::background_after`](crate::state::Options::background_after)),
    /// sweeps what an interrupted operation left, checks every page of the database and takes
    /// today's backup. The check and the backup read every page, so they
    /// run on a read-only connection of their own without holding the vault: the journal
    /// answers meanwhile, whatever the vault's size.
    fn opened(&self, vault: Vault, slot: &mut Option<Vault>) {
        log::info!("vault opened");
        let source = vault.snapshot_source();
        *slot = Some(vault);
        self.touch();
        let shared = self.vault.clone();
        let damaged = self.damaged.clone();
        let today = chrono::Local::now().date_naive();
        let hold = self.options.hold_background.clone();
        let after = self.options.background_after;
        let task = tokio::spawn(async move {
            // The journal's first page goes first; the lock aborts this task meanwhile.
            tokio::time::sleep(after).await;
            if let Some(hold) = hold {
                hold.notified().await;
            }
            // A failed backup or sweep is retried at the next opening; the vault is intact.
            if let Some(vault) = shared.lock().await.as_ref() {
                let _ = vault.sweep().await;
            }
            let verdict = source.integrity_ok().await;
            if let Err(e) = &verdict {
                log::warn!("integrity check could not run: {e:?}");
            }
            if matches!(verdict, Ok(false)) {
                log::error!("integrity check failed: the vault is locked");
                damaged.store(true, Ordering::SeqCst);
                if let Some(vault) = shared.lock().await.take() {
                    vault.lock().await;
                }
                return;
            }
            match backup::daily(&source, today).await {
                Ok(Some(_)) => log::info!("daily backup taken"),
                Ok(None) => {}
                Err(e) => log::warn!("daily backup failed: {e}"),
            }
            drop(source);
            // Evidence files of purged pieces that no backup can point at any more.
            if let Some(vault) = shared.lock().await.as_ref() {
                let _ = carnet_store::journal::trash::sweep_released(vault, today).await;
            }
        });
        if let Some(previous) = lock(&self.background).replace(task) {
            previous.abort();
        }
        self.start_proofs();
    }

    pub async fn vault_lock(&self) -> VaultStatus {
        let hook = lock(&self.on_lock).clone();
        if let Some(clear) = hook {
            clear();
        }
        self.stop_background().await;
        self.opened.clear();
        self.import_cancel();
        if let Some(vault) = self.vault.lock().await.take() {
            vault.lock().await;
        }
        self.vault_status().await
    }

    /// Locks now if the vault is open (the computer goes to sleep). True when it did.
    pub async fn vault_lock_if_open(&self) -> bool {
        let was_open = self.vault.lock().await.is_some();
        if was_open {
            self.vault_lock().await;
        }
        was_open
    }

    /// Locks if the owner has been away longer than the auto-lock delay. True when it did.
    pub async fn lock_if_idle(&self) -> bool {
        let limit = Duration::from_secs(u64::from(self.settings().auto_lock_minutes) * 60);
        if !lock(&self.idle).expired(limit) {
            return false;
        }
        self.vault_lock_if_open().await
    }

    /// The owner did something: restart the idle clock.
    pub fn touch(&self) {
        *lock(&self.idle) = Idle::now();
    }

    pub async fn change_passphrase(
        &self,
        current: String,
        next: String,
        confirmation: String,
    ) -> Result<(), IpcError> {
        let (current, next, confirmation) = (
            Zeroizing::new(current),
            Zeroizing::new(next),
            Zeroizing::new(confirmation),
        );
        passphrase::validate_new(&next, &confirmation).local(self)?;
        let vault = &mut *self.unlocked().await?;
        self.check_current(vault, current).await?;
        vault
            .change_passphrase(&next, self.options.calibration)
            .local(self)
    }

    /// Replaces the recovery key after the current passphrase (or the recovery key itself)
    /// was typed again: someone at an unlocked computer cannot make one of their own. Answers
    /// the new key, shown once; the old one opens nothing any more.
    pub async fn new_recovery_key(&self, current: String) -> Result<String, IpcError> {
        let current = Zeroizing::new(current);
        let vault = &mut *self.unlocked().await?;
        self.check_current(vault, current).await?;
        let recovery = vault
            .new_recovery_key(self.options.calibration)
            .local(self)?;
        Ok(recovery.display().to_string())
    }

    /// The current passphrase, or the recovery key when the passphrase is forgotten, checked
    /// against the live key file through the throttle.
    async fn check_current(
        &self,
        vault: &carnet_store::Vault,
        current: Zeroizing<String>,
    ) -> Result<(), IpcError> {
        let key_file = KeyFile::load(&vault.layout().key_file()).local(self)?;
        self.throttled(blocking(move || {
            match Vault::key_for(&key_file, Secret::Passphrase(&current)) {
                Err(StoreError::WrongSecret) => match RecoveryKey::parse(&current) {
                    Ok(recovery) => Vault::key_for(&key_file, Secret::Recovery(&recovery)),
                    // Shaped like a recovery key (6 groups of 5): say it has a typo.
                    Err(e) if RecoveryKey::looks_like(&current) => Err(e),
                    Err(_) => Err(StoreError::WrongSecret),
                },
                other => other,
            }
            .map(|_| ())
        }))
        .await
        .local(self)
    }

    pub async fn remember_this_computer(&self, remember: bool) -> Result<VaultStatus, IpcError> {
        let mut vault = self.unlocked().await?;
        if remember {
            self.use_keyring();
            vault.remember_this_computer()
        } else {
            vault.forget_this_computer()
        }
        .local(self)?;
        drop(vault);
        Ok(self.vault_status().await)
    }

    fn use_keyring(&self) {
        if self.options.platform_keyring {
            carnet_store::keys::keyring::use_platform_store();
        }
    }
}

/// Runs key derivation (half a second of Argon2id) or a D-Bus call off the async workers.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or(Err(StoreError::Io(std::io::ErrorKind::Other)))
}

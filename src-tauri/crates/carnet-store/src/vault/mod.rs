//! The vault: creating it, opening it with one of its ways in, and the changes to those ways
//! in (passphrase, this computer). An open [`Vault`] holds the database pool and the key;
//! [`Vault::lock`] closes the pool and wipes the key.

pub mod layout;
pub mod snapshot;
pub mod throttle;

use sqlx::sqlite::SqlitePool;

use crate::db::{self, Mode};
use crate::error::StoreError;
use crate::keys::kdf::Calibration;
use crate::keys::keyfile::{KeyFile, SlotKind};
use crate::keys::recovery::RecoveryKey;
use crate::keys::{VaultKey, keyring, random_bytes, random_key};
pub use layout::{Layout, Presence};
pub use snapshot::SnapshotSource;

/// A way into the vault.
#[derive(Clone, Copy)]
pub enum Secret<'a> {
    /// The owner's passphrase, as typed (compared in Unicode NFC).
    Passphrase(&'a str),
    /// The recovery key shown when the vault was created or its key last replaced.
    Recovery(&'a RecoveryKey),
    /// The device secret kept in this computer's keyring.
    ThisComputer,
}

/// An open vault: the database pool, the vault key (wiped on drop) and the key file as last
/// saved. Closed by [`Vault::lock`].
pub struct Vault {
    layout: Layout,
    pool: SqlitePool,
    key: VaultKey,
    key_file: KeyFile,
    /// What the text search keeps in memory between two writes (see `journal::search`).
    search_index: crate::journal::search::index::IndexCell,
}

/// What creating a vault hands back: the open vault and the recovery key to show, once.
pub struct Created {
    /// The new vault, open.
    pub vault: Vault,
    /// The recovery key, to be shown to the owner once: Carnet keeps only the slot it seals.
    pub recovery_key: RecoveryKey,
}

impl Vault {
    /// Creates a new vault in `layout`, which must hold none (not even part of one).
    pub async fn create(
        layout: &Layout,
        passphrase: &str,
        calibration: Calibration,
        now: &str,
    ) -> Result<Created, StoreError> {
        if layout.presence()? != Presence::Absent || layout.staging().key_file().exists() {
            return Err(StoreError::VaultExists);
        }
        let staging = layout.staging();
        if staging.dir.exists() {
            std::fs::remove_dir_all(&staging.dir)?;
        }
        std::fs::create_dir_all(&staging.dir)?;

        let key = VaultKey::generate()?;
        let vault_id = hex::encode(random_bytes::<16>()?);
        let recovery_key = RecoveryKey::generate()?;
        let params = calibration.params()?;
        let mut key_file = KeyFile::new(&vault_id);
        key_file.set_secret_slot(
            SlotKind::Passphrase,
            nfc(passphrase).as_bytes(),
            params,
            &key,
        )?;
        key_file.set_secret_slot(
            SlotKind::Recovery,
            recovery_key.secret_bytes(),
            params,
            &key,
        )?;

        let pool = db::open(&staging.db(), Some(&key), Mode::Create).await?;
        db::MIGRATOR.run(&pool).await?;
        sqlx::query("INSERT INTO vault_meta (id, vault_id, created_at) VALUES (1, ?, ?)")
            .bind(&vault_id)
            .bind(now)
            .execute(&pool)
            .await?;
        pool.close().await;
        key_file.save(&staging.key_file())?;

        // Database first, key file last: see `layout` for how a cut in between is finished.
        std::fs::rename(staging.db(), layout.db())?;
        std::fs::rename(staging.key_file(), layout.key_file())?;
        std::fs::remove_dir_all(&staging.dir)?;
        std::fs::create_dir_all(layout.evidence_dir())?;

        let vault = Self::open_with_key(layout, key, key_file).await?;
        Ok(Created {
            vault,
            recovery_key,
        })
    }

    /// Reads the key file (without opening anything).
    pub fn key_file(layout: &Layout) -> Result<KeyFile, StoreError> {
        match layout.presence()? {
            Presence::Absent => return Err(StoreError::NoVault),
            Presence::DatabaseMissing => return Err(StoreError::VaultCorrupted),
            Presence::KeyFileMissing => return Err(StoreError::KeyFileDamaged),
            Presence::Present => {}
        }
        KeyFile::load(&layout.key_file())
    }

    /// Opens the vault. Nothing on disk changes unless it opens (then: pending migrations,
    /// after an encrypted copy of the database).
    pub async fn unlock(layout: &Layout, secret: Secret<'_>) -> Result<Vault, StoreError> {
        let key_file = Self::key_file(layout)?;
        let key = Self::key_for(&key_file, secret)?;
        Self::open_with_key(layout, key, key_file).await
    }

    /// The vault key from a way in, checked against the key file only.
    pub fn key_for(key_file: &KeyFile, secret: Secret<'_>) -> Result<VaultKey, StoreError> {
        match secret {
            Secret::Passphrase(p) => {
                let nfc = nfc(p);
                match key_file.open_with_secret(SlotKind::Passphrase, nfc.as_bytes()) {
                    // Slots sealed before passphrases were normalised hold the bytes as typed.
                    Err(StoreError::WrongSecret) if *nfc != *p => {
                        key_file.open_with_secret(SlotKind::Passphrase, p.as_bytes())
                    }
                    other => other,
                }
            }
            Secret::Recovery(r) => key_file.open_with_secret(SlotKind::Recovery, r.secret_bytes()),
            Secret::ThisComputer => {
                let device_id = key_file.device_id().ok_or(StoreError::KeyringUnavailable)?;
                let device_secret = keyring::load(device_id)?;
                key_file.open_with_device(&device_secret)
            }
        }
    }

    /// Opens the database with a key already taken from `key_file` (see [`Vault::key_for`]).
    ///
    /// The file is first checked through a read-only connection (SQLCipher's page
    /// authentication and `quick_check` over every page, the schema version, the vault's
    /// identity), so a damaged vault, or one from a newer Carnet, is never opened for writing:
    /// SQLite would otherwise write to it, if only when checkpointing on close.
    pub async fn open_with_key(
        layout: &Layout,
        key: VaultKey,
        key_file: KeyFile,
    ) -> Result<Vault, StoreError> {
        let applied = Self::check(layout, &key, key_file.vault_id()).await?;
        let pool = db::open(&layout.db(), Some(&key), Mode::Existing).await?;
        let vault = Vault {
            layout: layout.clone(),
            pool,
            key,
            key_file,
            search_index: Default::default(),
        };
        if applied < db::latest_version() {
            let migrated = async {
                crate::backup::before_migration(&vault.pool, &vault.snapshot_source(), applied)
                    .await?;
                Ok(db::MIGRATOR.run(&vault.pool).await?)
            };
            if let Err(e) = migrated.await {
                vault.pool.close().await;
                return Err(e);
            }
        }
        // Finishes a change of the ways in that was cut before every backup was resealed; a
        // failure here is retried at the next opening and keeps nothing from opening.
        let _ = crate::backup::reseal_all(layout, &vault.key_file);
        Ok(vault)
    }

    /// The read-only check before opening: returns the schema version applied.
    async fn check(layout: &Layout, key: &VaultKey, vault_id: &str) -> Result<i64, StoreError> {
        let pool = db::open_read_only(&layout.db(), key)
            .await
            .map_err(|e| match e {
                StoreError::NotFound => StoreError::VaultCorrupted,
                e => e,
            })?;
        let verdict = async {
            // Cheap, whatever the vault's size: page 1 and the schema were read (and their
            // HMACs checked) by the open; a file shorter than its header says is cut. The full
            // check reads every page, so it runs after opening ([`Vault::integrity_source`]).
            if !db::whole_file(&pool, &layout.db()).await? {
                return Err(StoreError::VaultCorrupted);
            }
            let applied = db::applied_version(&pool).await?;
            if applied > db::latest_version() {
                return Err(StoreError::VaultTooNew);
            }
            // Every vault is migrated when created: an unmigrated file is not a vault.
            let id: Option<String> = if applied == 0 {
                None
            } else {
                sqlx::query_scalar("SELECT vault_id FROM vault_meta WHERE id = 1")
                    .fetch_optional(&pool)
                    .await?
            };
            if id.as_deref() != Some(vault_id) {
                return Err(StoreError::VaultCorrupted);
            }
            Ok(applied)
        }
        .await;
        pool.close().await;
        verdict
    }

    /// Removes what an interrupted operation left behind: temporary files and folders (all
    /// encrypted, or keyed by keys that were never stored) and evidence files without a row
    /// (written just before a crash, never acknowledged). Run after opening.
    pub async fn sweep(&self) -> Result<usize, StoreError> {
        let known: Vec<String> = sqlx::query_scalar("SELECT file_id FROM evidence_content")
            .fetch_all(&self.pool)
            .await?;
        let known: std::collections::HashSet<String> = known.into_iter().collect();
        let mut removed = 0;
        let temporary = |name: &str| {
            name.starts_with(".carnet-")
                || name.starts_with(".export-")
                || name.starts_with(".incoming-")
                || name.starts_with(".tmp-")
        };
        for dir in [
            self.layout.dir.clone(),
            self.layout.evidence_dir(),
            self.layout.backups_dir(),
        ] {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let orphan = dir == self.layout.evidence_dir()
                    && !name.starts_with('.')
                    && !known.contains(&name);
                if temporary(&name) || orphan {
                    let path = entry.path();
                    let gone = if path.is_dir() {
                        std::fs::remove_dir_all(&path)
                    } else {
                        std::fs::remove_file(&path)
                    };
                    removed += usize::from(gone.is_ok());
                }
            }
        }
        Ok(removed)
    }

    /// The pool of read-write connections to the database.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
    /// Where the vault's files are.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }
    pub(crate) fn search_index(&self) -> &crate::journal::search::index::IndexCell {
        &self.search_index
    }
    /// The vault key, which opens the database (and, through it, each evidence file's key).
    pub fn key(&self) -> &VaultKey {
        &self.key
    }
    /// The full check of the database at `layout` with `key`, without opening it for writing
    /// (see [`SnapshotSource::integrity_ok`]).
    pub async fn integrity_ok_at(layout: &Layout, key: &VaultKey) -> Result<bool, StoreError> {
        let source = SnapshotSource {
            layout: layout.clone(),
            key: key.clone(),
            vault_id: String::new(),
        };
        source.integrity_ok().await
    }

    /// What checking or copying the vault needs without holding it (a key copy, wiped on
    /// drop): for the full integrity check and the daily backup, which read every page and run
    /// on their own read-only connection while the owner goes on working.
    pub fn snapshot_source(&self) -> SnapshotSource {
        SnapshotSource {
            layout: self.layout.clone(),
            key: self.key.clone(),
            vault_id: self.vault_id().to_owned(),
        }
    }
    /// The vault's identity (32 random hex digits), the same in its key file and its database.
    pub fn vault_id(&self) -> &str {
        self.key_file.vault_id()
    }
    /// Whether the key file holds a device slot, opened by a secret in the OS keyring (see
    /// [`Vault::remember_this_computer`]).
    pub fn remembers_this_computer(&self) -> bool {
        self.key_file.has(SlotKind::Device)
    }

    /// Closes the database and wipes the key.
    pub async fn lock(self) {
        self.pool.close().await;
        // `key` (Zeroizing) is wiped as `self` drops here.
    }

    /// Re-wraps the vault key under a new passphrase (the data is not re-encrypted).
    pub fn change_passphrase(
        &mut self,
        new: &str,
        calibration: Calibration,
    ) -> Result<(), StoreError> {
        let mut next = self.key_file.clone();
        next.set_secret_slot(
            SlotKind::Passphrase,
            nfc(new).as_bytes(),
            calibration.params()?,
            &self.key,
        )?;
        self.replace_key_file(next)
    }

    /// Replaces the recovery key: a new one seals the recovery slot, and the old one opens
    /// nothing any more, not even a backup's copy of the key file (resealed like after a
    /// passphrase change). The new key is returned to be shown once.
    pub fn new_recovery_key(
        &mut self,
        calibration: Calibration,
    ) -> Result<RecoveryKey, StoreError> {
        let recovery = RecoveryKey::generate()?;
        let mut next = self.key_file.clone();
        next.set_secret_slot(
            SlotKind::Recovery,
            recovery.secret_bytes(),
            calibration.params()?,
            &self.key,
        )?;
        self.replace_key_file(next)?;
        Ok(recovery)
    }

    /// Saves `next` as the live key file, then seals every backup's copy with it (see
    /// [`crate::backup::reseal_all`]), so what `next` no longer lets in opens no backup either.
    /// The live file is written first: if the backups cannot be rewritten (a full disk), the
    /// error is returned, the new way in stands, and the next opening finishes the job.
    fn replace_key_file(&mut self, next: KeyFile) -> Result<(), StoreError> {
        next.save(&self.layout.key_file())?;
        self.key_file = next;
        crate::backup::reseal_all(&self.layout, &self.key_file)?;
        Ok(())
    }

    /// Keeps a device secret in the OS keyring so this computer opens the vault unasked.
    pub fn remember_this_computer(&mut self) -> Result<(), StoreError> {
        let device_id = hex::encode(random_bytes::<8>()?);
        let secret = random_key()?;
        keyring::store(&device_id, &secret)?;
        let mut next = self.key_file.clone();
        let old_device = next.device_id().map(str::to_owned);
        next.set_device_slot(&device_id, &secret, &self.key)?;
        if let Err(e) = next.save(&self.layout.key_file()) {
            let _ = keyring::delete(&device_id);
            return Err(e);
        }
        self.key_file = next;
        // The backups follow the live file (the old device slot opens nothing once its
        // keyring entry is gone, but no copy should keep it).
        let _ = crate::backup::reseal_all(&self.layout, &self.key_file);
        if let Some(old) = old_device {
            let _ = keyring::delete(&old);
        }
        Ok(())
    }

    /// Removes this computer's way in: the key file's slot, then the keyring entry.
    pub fn forget_this_computer(&mut self) -> Result<(), StoreError> {
        let Some(device_id) = self.key_file.device_id().map(str::to_owned) else {
            return Ok(());
        };
        let mut next = self.key_file.clone();
        next.remove(SlotKind::Device);
        let resealed = self.replace_key_file(next);
        // The slot is gone, so the entry opens nothing any more; a keyring that cannot be
        // reached now keeps a useless secret, which is not worth an error.
        let _ = keyring::delete(&device_id);
        resealed
    }
}

/// A passphrase in Unicode NFC: « é » typed as one character or as « e » and a combining
/// accent (keyboards and systems differ) seals and opens the same slot.
fn nfc(passphrase: &str) -> zeroize::Zeroizing<String> {
    use unicode_normalization::UnicodeNormalization;
    zeroize::Zeroizing::new(passphrase.nfc().collect())
}

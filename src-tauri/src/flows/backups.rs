//! Backups and the `.carnet` archive: listing, restoring, exporting, importing.

use std::path::Path;

use carnet_store::keys::VaultKey;
use carnet_store::keys::keyfile::KeyFile;
use carnet_store::keys::recovery::RecoveryKey;
use carnet_store::{Layout, Secret, StoreError, Vault, archive, backup};
use zeroize::Zeroizing;

use crate::error::{ErrorCode, IpcError};
use crate::flows::vault::blocking;
use crate::ipc::{BackupInfo, BackupKind, Exported, VaultStatus};
use crate::state::{AppState, Local};

/// The secret typed to open an archive, or a backup while the vault is locked.
pub enum ArchiveSecret {
    Passphrase(String),
    RecoveryKey(String),
}

/// The vault key from the first key file the secret opens.
fn key_from_any(
    key_files: &[KeyFile],
    secret: ArchiveSecret,
) -> Result<(VaultKey, String), StoreError> {
    let (passphrase, recovery);
    let secret = match secret {
        ArchiveSecret::Passphrase(p) => {
            passphrase = Zeroizing::new(p);
            Secret::Passphrase(&passphrase)
        }
        ArchiveSecret::RecoveryKey(k) => {
            recovery = RecoveryKey::parse(&Zeroizing::new(k))?;
            Secret::Recovery(&recovery)
        }
    };
    let mut last = StoreError::KeyFileDamaged;
    for key_file in key_files {
        match Vault::key_for(key_file, secret) {
            Ok(key) => return Ok((key, key_file.vault_id().to_owned())),
            Err(e) => last = e,
        }
    }
    Err(last)
}

impl AppState {
    pub fn backups_list(&self) -> Result<Vec<BackupInfo>, IpcError> {
        let backups = backup::list(&self.layout).local(self)?;
        Ok(backups
            .into_iter()
            .map(|b| BackupInfo {
                taken: b.taken(),
                kind: match b.kind {
                    backup::Kind::Daily => BackupKind::Daily,
                    backup::Kind::Migration => BackupKind::Migration,
                    backup::Kind::Restore => BackupKind::Restore,
                },
                id: b.id,
            })
            .collect())
    }

    /// Restores a backup: verified first, the current state kept as a backup, then the vault
    /// is open on the restored data. With the vault open, its key is used; with the vault
    /// locked (its files damaged, say), `secret` opens the current key file or the backup's.
    pub async fn backup_restore(
        &self,
        id: String,
        secret: Option<ArchiveSecret>,
    ) -> Result<VaultStatus, IpcError> {
        self.stop_background().await;
        let mut slot = self.vault.lock().await;
        let now = chrono::Utc::now().naive_utc();
        if let Some(vault) = slot.take() {
            let (key, vault_id) = (vault.key().clone(), vault.vault_id().to_owned());
            let key_file = KeyFile::load(&self.layout.key_file()).local(self)?;
            vault.lock().await;
            let restored = backup::restore(&self.layout, &id, &key, &vault_id, now).await;
            // Whether the restore happened or was refused, reopen what is now in place.
            *slot = Some(
                Vault::open_with_key(&self.layout, key, key_file)
                    .await
                    .local(self)?,
            );
            restored.local(self)?;
        } else {
            let secret =
                secret.ok_or_else(|| IpcError::new(ErrorCode::VaultLocked, self.locale()))?;
            let source = backup::list(&self.layout)
                .local(self)?
                .into_iter()
                .find(|b| b.id == id)
                .ok_or_else(|| self.err(StoreError::NotFound))?;
            // The live key file decides which secrets are valid. The backup's own copy is
            // tried only when the live one cannot be read (it is what the restore repairs),
            // and it was resealed with every change of the ways in (`backup::reseal_all`).
            let key_files = match KeyFile::load(&self.layout.key_file()) {
                Ok(live) => vec![live],
                Err(_) => KeyFile::load(&Layout::new(&source.path).key_file())
                    .into_iter()
                    .collect(),
            };
            let (key, vault_id) = self
                .throttled(blocking(move || key_from_any(&key_files, secret)))
                .await
                .local(self)?;
            backup::restore(&self.layout, &id, &key, &vault_id, now)
                .await
                .local(self)?;
            let key_file = Vault::key_file(&self.layout).local(self)?;
            *slot = Some(
                Vault::open_with_key(&self.layout, key, key_file)
                    .await
                    .local(self)?,
            );
        }
        drop(slot);
        self.touch();
        Ok(self.vault_status().await)
    }

    /// Writes the whole vault as one `.carnet` file at `dest` (chosen by the owner).
    pub async fn archive_export(&self, dest: &Path) -> Result<Exported, IpcError> {
        let vault = &*self.unlocked().await?;
        archive::export(vault, dest).await.local(self)?;
        Ok(Exported {
            file_name: dest
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        })
    }

    /// Imports an archive (this computer's or another's). Everything is verified before the
    /// current vault, if any, is set aside; the imported vault is then open.
    pub async fn archive_import(
        &self,
        source: &Path,
        secret: ArchiveSecret,
    ) -> Result<VaultStatus, IpcError> {
        self.stop_background().await;
        let mut slot = self.vault.lock().await;
        let recovery;
        let passphrase;
        let secret = match secret {
            ArchiveSecret::Passphrase(p) => {
                passphrase = Zeroizing::new(p);
                Secret::Passphrase(&passphrase)
            }
            ArchiveSecret::RecoveryKey(k) => {
                recovery = RecoveryKey::parse(&Zeroizing::new(k)).local(self)?;
                Secret::Recovery(&recovery)
            }
        };
        let unpacked = self
            .throttled(archive::unpack(source, &self.layout, secret))
            .await
            .local(self)?;
        let key = unpacked.key.clone();
        if let Some(open) = slot.take() {
            open.lock().await;
        }
        archive::install(unpacked, &self.layout, chrono::Utc::now().naive_utc()).local(self)?;
        // The imported vault opens with the key the owner's secret just unwrapped.
        let key_file = Vault::key_file(&self.layout).local(self)?;
        let vault = Vault::open_with_key(&self.layout, key, key_file)
            .await
            .local(self)?;
        *slot = Some(vault);
        drop(slot);
        self.touch();
        Ok(self.vault_status().await)
    }
}

//! What checking or copying the vault needs without holding it open: its files and a copy of
//! its key, for the full integrity check and the backups.

use crate::db;
use crate::error::StoreError;
use crate::keys::VaultKey;
use crate::vault::layout::Layout;

/// A vault's files and key, to read a consistent snapshot of it on a connection of its own
/// (see [`Vault::snapshot_source`]).
pub struct SnapshotSource {
    pub(crate) layout: Layout,
    pub(crate) key: VaultKey,
    pub(crate) vault_id: String,
}

impl SnapshotSource {
    /// `PRAGMA quick_check` over every page (SQLCipher checks each page's HMAC as it reads):
    /// `Ok(false)` when it finds damage, `Err` when it could not run (busy, I/O…) — which says
    /// nothing of the vault's state.
    pub async fn integrity_ok(&self) -> Result<bool, StoreError> {
        let pool = db::open_read_only(&self.layout.db(), &self.key).await?;
        db::track_cancellable(&self.layout.dir, &pool);
        let verdict = sqlx::query_scalar::<_, String>("PRAGMA quick_check")
            .fetch_one(&pool)
            .await;
        pool.close().await;
        match verdict {
            Ok(v) => Ok(v == "ok"),
            Err(e) => match StoreError::from(e) {
                StoreError::VaultCorrupted => Ok(false),
                other => Err(other),
            },
        }
    }
}

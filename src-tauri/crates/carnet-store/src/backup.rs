//! Encrypted backups, one folder each under `backups/`: the database copied with
//! `VACUUM INTO` (still encrypted with the vault key) and the key file beside it. Evidence
//! files are immutable and already encrypted, so backups point at them rather than copy them.
//!
//! - `daily-YYYY-MM-DD`: taken the first time the vault is opened on a day; the 7 most recent
//!   are kept (the last 7 days the vault was used, so an owner away for a month still has a
//!   week of history).
//! - `migration-…`: taken before a schema migration; `restore-…`: the vault as it was just
//!   before a restore. The 5 most recent of each are kept.
//!
//! Every backup is verified (opened with the key, integrity check, same vault) before it is
//! given its final name, and a restore verifies again before anything is replaced.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::atomic::{sync_dir, sync_file};
use crate::db;
use crate::error::StoreError;
use crate::keys::VaultKey;
use crate::keys::keyfile::KeyFile;
use crate::vault::layout::Layout;
use crate::vault::snapshot::SnapshotSource;

const KEEP_DAILY: usize = 7;
const KEEP_OTHER: usize = 5;

/// Why a backup was taken (the first word of its folder's name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The first opening of a day.
    Daily,
    /// Before a schema migration.
    Migration,
    /// The vault as it was just before a restore.
    Restore,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Daily => "daily-",
            Kind::Migration => "migration-",
            Kind::Restore => "restore-",
        }
    }
}

/// One backup folder under `backups/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// The folder name, which is also the id the UI passes back.
    pub id: String,
    /// Why it was taken.
    pub kind: Kind,
    /// The folder.
    pub path: PathBuf,
}

impl Backup {
    /// When it was taken, read from its name: the day of a daily backup (`2026-11-26`), the
    /// UTC instant of the others (`2026-11-26T14:02:11`, the schema version left out).
    pub fn taken(&self) -> String {
        let rest = self.id.trim_start_matches(self.kind.prefix());
        let rest = rest
            .split_once('-')
            .filter(|(v, _)| v.starts_with('v'))
            .map_or(rest, |(_, r)| r);
        match rest.split_once('T') {
            Some((date, time)) => format!("{date}T{}", time.replace('-', ":")),
            None => rest.to_owned(),
        }
    }
}

/// The current time in UTC, for backup names (the store takes no clock from chrono).
pub fn now_utc() -> NaiveDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .naive_utc()
}

fn stamp(now: NaiveDateTime) -> String {
    now.format("%Y-%m-%dT%H-%M-%S").to_string()
}

/// Takes today's backup if there is none yet, and returns it when one was taken. It copies the
/// vault through a read-only connection of its own (from [`Vault::snapshot_source`]), so the
/// open vault is not held while every page is read (the owner goes on working; WAL readers see
/// a consistent snapshot).
///
/// [`Vault::snapshot_source`]: crate::Vault::snapshot_source
pub async fn daily(
    source: &SnapshotSource,
    today: NaiveDate,
) -> Result<Option<Backup>, StoreError> {
    let id = format!("{}{}", Kind::Daily.prefix(), today.format("%Y-%m-%d"));
    if source.layout.backups_dir().join(&id).exists() {
        return Ok(None);
    }
    let pool = db::open_read_only(&source.layout.db(), &source.key).await?;
    db::track_cancellable(&source.layout.dir, &pool);
    let backup = take_from(&pool, source, &id, Kind::Daily).await;
    pool.close().await;
    let backup = backup?;
    prune(&source.layout, Kind::Daily, KEEP_DAILY)?;
    Ok(Some(backup))
}

/// The copy taken before migrating a database from schema `from`, read through the vault's
/// own `pool`.
pub async fn before_migration(
    pool: &sqlx::SqlitePool,
    source: &SnapshotSource,
    from: i64,
) -> Result<Backup, StoreError> {
    let now = now_utc();
    let id = format!("{}v{from}-{}", Kind::Migration.prefix(), stamp(now));
    let backup = take_from(pool, source, &id, Kind::Migration).await?;
    prune(&source.layout, Kind::Migration, KEEP_OTHER)?;
    Ok(backup)
}

/// Copies the database `pool` reads (the vault's own, or a read-only connection to it).
async fn take_from(
    pool: &sqlx::SqlitePool,
    source: &SnapshotSource,
    id: &str,
    kind: Kind,
) -> Result<Backup, StoreError> {
    let dir = source.layout.backups_dir();
    std::fs::create_dir_all(&dir)?;
    let tmp = tempfile::Builder::new().prefix(".tmp-").tempdir_in(&dir)?;
    let staged = Layout::new(tmp.path());
    db::copy_into(pool, &staged.db()).await?;
    std::fs::copy(source.layout.key_file(), staged.key_file())?;
    sync_file(&staged.db())?;
    sync_file(&staged.key_file())?;
    verify(&staged, &source.key, &source.vault_id).await?;
    let path = dir.join(id);
    std::fs::rename(tmp.keep(), &path)?;
    sync_dir(&dir)?;
    Ok(Backup {
        id: id.to_owned(),
        kind,
        path,
    })
}

/// Opens a copy read-only with `key`: it must pass the integrity check and be this vault.
pub async fn verify(copy: &Layout, key: &VaultKey, vault_id: &str) -> Result<(), StoreError> {
    let pool = db::open_read_only(&copy.db(), key).await?;
    let ok = db::integrity_ok(&pool).await;
    let id: Option<String> = sqlx::query_scalar("SELECT vault_id FROM vault_meta WHERE id = 1")
        .fetch_optional(&pool)
        .await
        .unwrap_or(None);
    pool.close().await;
    if !ok || id.as_deref() != Some(vault_id) {
        return Err(StoreError::VaultCorrupted);
    }
    Ok(())
}

/// The backups on disk, newest first within each kind.
pub fn list(layout: &Layout) -> Result<Vec<Backup>, StoreError> {
    let dir = layout.backups_dir();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        let kind = [Kind::Daily, Kind::Migration, Kind::Restore]
            .into_iter()
            .find(|k| name.starts_with(k.prefix()));
        if let Some(kind) = kind {
            out.push(Backup {
                path: entry.path(),
                id: name,
                kind,
            });
        }
    }
    out.sort_by(|a, b| b.id.cmp(&a.id));
    Ok(out)
}

/// Writes the live key file `live` over the key file of every backup of the same vault, so a
/// way in removed from the live file (an old passphrase, a forgotten computer, a replaced
/// recovery key) opens no backup either. The vault key never changes, so every copy of this
/// vault's key file wraps the same key: the backups lose nothing. A backup of another vault
/// (kept by a restore over it) and an unreadable key file are left as they are. Returns how many
/// key files were rewritten.
pub fn reseal_all(layout: &Layout, live: &KeyFile) -> Result<usize, StoreError> {
    let bytes = live.to_bytes();
    let mut rewritten = 0;
    for backup in list(layout)? {
        let path = Layout::new(&backup.path).key_file();
        let Ok(copy) = KeyFile::load(&path) else {
            continue;
        };
        if copy.vault_id() != live.vault_id() || copy.to_bytes() == bytes {
            continue;
        }
        crate::atomic::write_atomic(&path, &bytes)?;
        rewritten += 1;
    }
    Ok(rewritten)
}

fn prune(layout: &Layout, kind: Kind, keep: usize) -> Result<(), StoreError> {
    for old in list(layout)?
        .into_iter()
        .filter(|b| b.kind == kind)
        .skip(keep)
    {
        std::fs::remove_dir_all(old.path)?;
    }
    Ok(())
}

/// Replaces the (locked) vault's database with the backup `id`, after verifying the backup
/// with `key` and keeping the current files as a `restore-…` backup. The current key file
/// stays (the backup's may hold an older passphrase) unless it is missing or damaged.
pub async fn restore(
    layout: &Layout,
    id: &str,
    key: &VaultKey,
    vault_id: &str,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    let source = list(layout)?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or(StoreError::NotFound)?;
    let source = Layout::new(&source.path);
    verify(&source, key, vault_id).await?;
    replace_database(layout, &source, now)
}

/// Keeps the current files aside, then moves a verified database (and, if the current key
/// file is unusable, its key file) into place.
pub(crate) fn replace_database(
    layout: &Layout,
    source: &Layout,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    keep_current(layout, now)?;
    let incoming = layout.dir.join("vault.db.incoming");
    std::fs::copy(source.db(), &incoming)?;
    sync_file(&incoming)?;
    for stale in ["vault.db-wal", "vault.db-shm"] {
        match std::fs::remove_file(layout.dir.join(stale)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    std::fs::rename(&incoming, layout.db())?;
    if KeyFile::load(&layout.key_file()).is_err() {
        crate::atomic::write_atomic(&layout.key_file(), &std::fs::read(source.key_file())?)?;
    }
    sync_dir(&layout.dir)
}

fn keep_current(layout: &Layout, now: NaiveDateTime) -> Result<(), StoreError> {
    let dir = layout.backups_dir();
    std::fs::create_dir_all(&dir)?;
    let tmp = tempfile::Builder::new().prefix(".tmp-").tempdir_in(&dir)?;
    for name in ["vault.db", "vault.db-wal", "vault.key"] {
        let from = layout.dir.join(name);
        if from.exists() {
            std::fs::copy(&from, tmp.path().join(name))?;
            sync_file(&tmp.path().join(name))?;
        }
    }
    std::fs::rename(
        tmp.keep(),
        dir.join(format!("{}{}", Kind::Restore.prefix(), stamp(now))),
    )?;
    prune(layout, Kind::Restore, KEEP_OTHER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_a_backup_was_taken_is_read_from_its_name() {
        let taken = |id: &str, kind| {
            Backup {
                id: id.to_owned(),
                kind,
                path: PathBuf::new(),
            }
            .taken()
        };
        assert_eq!(taken("daily-2026-11-26", Kind::Daily), "2026-11-26");
        assert_eq!(
            taken("migration-v11-2026-11-26T14-02-11", Kind::Migration),
            "2026-11-26T14:02:11"
        );
        assert_eq!(
            taken("restore-2026-12-01T08-00-59", Kind::Restore),
            "2026-12-01T08:00:59"
        );
    }
}

//! The trash: what the owner deleted (incidents, with their events and pieces; events and
//! pieces on their own), restorable until purged. Purging is explicit and permanent: the rows
//! go, with their links, status history and search text (history rows, which hold field
//! names only, stay as the record that something existed and was purged).
//!
//! Evidence files of purged pieces. A backup is a copy of the database that points at the
//! evidence files (they are not copied), so a file may only go once no backup could still
//! hold a piece pointing at it. When its last piece is purged, a file's `evidence_content`
//! row is marked `released_at` and kept, with the file; [`sweep_released`] (after each purge
//! and each opening, once the day's backup is taken and old ones pruned) removes the row and
//! then the file when no backup was taken between the file's addition and its release —
//! compared by calendar day with a day's margin on each side, since backup names carry a UTC
//! or local date. Daily backups are kept for 7 days of use, so a purged file is gone from the
//! disk about a week later; until then it stays encrypted, and its key sits only in the
//! (encrypted) database. A file whose row is gone is removed by [`Vault::sweep`] anyway.

use carnet_core::journal::trash::{TrashEntity, TrashItem};
use chrono::{Days, NaiveDate};
use sqlx::SqliteConnection;

use crate::backup;
use crate::error::StoreError;
use crate::journal::history::{record, search_remove};
use crate::vault::Vault;

/// Everything in the trash, the most recently deleted first.
pub async fn list(vault: &Vault) -> Result<Vec<TrashItem>, StoreError> {
    let rows: Vec<(String, i64, String, i64, String, String)> = sqlx::query_as(
        "SELECT 'incident', id, title, id, title, deleted_at FROM incident
           WHERE deleted_at IS NOT NULL
         UNION ALL
         SELECT 'event', e.id, e.summary, i.id, i.title, e.deleted_at
           FROM event e JOIN incident i ON i.id = e.incident_id
           WHERE e.deleted_at IS NOT NULL AND i.deleted_at IS NULL
         UNION ALL
         SELECT 'piece', p.id, 'P' || p.number || ' · ' || p.title, i.id, i.title, p.deleted_at
           FROM piece p JOIN incident i ON i.id = p.incident_id
           WHERE p.deleted_at IS NOT NULL AND i.deleted_at IS NULL
         UNION ALL
         SELECT 'dossier', id,
             printf('%d-%04d', year, seq) || ' · ' || coalesce(json_extract(draft, '$.title'), ''),
             0, '', deleted_at
           FROM dossier WHERE deleted_at IS NOT NULL AND purged_at IS NULL
         ORDER BY 6 DESC, 2 DESC",
    )
    .fetch_all(vault.pool())
    .await?;
    rows.into_iter()
        .map(
            |(entity, id, label, incident_id, incident_title, deleted_at)| {
                Ok(TrashItem {
                    entity: TrashEntity::parse(&entity).map_err(|_| StoreError::decode())?,
                    id,
                    label,
                    incident_id,
                    incident_title,
                    deleted_at,
                })
            },
        )
        .collect()
}

/// Deletes for good something that is in the trash (and what it holds), then removes the
/// evidence files no backup can need any more.
pub async fn purge(
    vault: &Vault,
    entity: TrashEntity,
    id: i64,
    now: &str,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    let in_trash: Option<i64> = sqlx::query_scalar(match entity {
        TrashEntity::Incident => "SELECT 1 FROM incident WHERE id = ? AND deleted_at IS NOT NULL",
        TrashEntity::Event => "SELECT 1 FROM event WHERE id = ? AND deleted_at IS NOT NULL",
        TrashEntity::Piece => "SELECT 1 FROM piece WHERE id = ? AND deleted_at IS NOT NULL",
        TrashEntity::Dossier => {
            "SELECT 1 FROM dossier WHERE id = ? AND deleted_at IS NOT NULL AND purged_at IS NULL"
        }
    })
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    in_trash.ok_or(StoreError::NotFound)?;
    match entity {
        TrashEntity::Incident => {
            let events: Vec<i64> = sqlx::query_scalar("SELECT id FROM event WHERE incident_id = ?")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
            for event in events {
                purge_event(&mut tx, event, now).await?;
            }
            let pieces: Vec<i64> = sqlx::query_scalar("SELECT id FROM piece WHERE incident_id = ?")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
            for piece in pieces {
                purge_piece(&mut tx, piece, now).await?;
            }
            sqlx::query("DELETE FROM incident_status WHERE incident_id = ?")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM import_origin WHERE incident_id = ?")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM incident WHERE id = ?")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            search_remove(&mut tx, "incident", id).await?;
            record(
                &mut tx,
                now,
                "incident",
                id,
                "purged",
                serde_json::json!({}),
            )
            .await?;
        }
        TrashEntity::Event => purge_event(&mut tx, id, now).await?,
        TrashEntity::Piece => purge_piece(&mut tx, id, now).await?,
        TrashEntity::Dossier => purge_dossier(&mut tx, id, now).await?,
    }
    tx.commit().await?;
    sweep_released(vault, today).await?;
    Ok(())
}

/// A dossier's draft, exports and submissions go; its numbered row stays, marked purged, so
/// its number is never given again.
async fn purge_dossier(tx: &mut SqliteConnection, id: i64, now: &str) -> Result<(), StoreError> {
    for table in ["dossier_export", "dossier_submission"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE dossier_id = ?"
        )))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("UPDATE dossier SET draft = '{}', purged_at = ? WHERE id = ?")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    record(tx, now, "dossier", id, "purged", serde_json::json!({})).await
}

async fn purge_event(tx: &mut SqliteConnection, id: i64, now: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM event_piece WHERE event_id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM event WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    search_remove(tx, "event", id).await?;
    record(tx, now, "event", id, "purged", serde_json::json!({})).await
}

async fn purge_piece(tx: &mut SqliteConnection, id: i64, now: &str) -> Result<(), StoreError> {
    let content: i64 = sqlx::query_scalar("SELECT content_id FROM piece WHERE id = ?")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM event_piece WHERE piece_id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM piece WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    search_remove(tx, "piece", id).await?;
    // The file is released when no other piece uses it.
    sqlx::query(
        "UPDATE evidence_content SET released_at = ?
         WHERE id = ? AND NOT EXISTS (SELECT 1 FROM piece WHERE content_id = ?)",
    )
    .bind(now)
    .bind(content)
    .bind(content)
    .execute(&mut *tx)
    .await?;
    record(tx, now, "piece", id, "purged", serde_json::json!({})).await
}

/// The calendar day a backup was taken, read from its name (`daily-2026-11-26`,
/// `migration-v1-2026-11-26T10-00-00`, `restore-2026-11-26T10-00-00`).
fn backup_day(id: &str) -> Option<NaiveDate> {
    let rest = id
        .strip_prefix("daily-")
        .or_else(|| id.strip_prefix("restore-"))
        .or_else(|| {
            id.strip_prefix("migration-")
                .and_then(|r| r.split_once('-').map(|(_, r)| r))
        })?;
    NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()
}

/// The calendar day of a stored instant (RFC 3339, local time).
fn instant_day(at: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(at.get(..10)?, "%Y-%m-%d").ok()
}

/// Removes the released evidence (rows, then files) that no backup on disk can point at.
/// Returns how many files went. `today` bounds a released date that cannot be read.
pub async fn sweep_released(vault: &Vault, today: NaiveDate) -> Result<usize, StoreError> {
    let released: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT c.id, c.file_id, c.added_at, c.released_at FROM evidence_content c
         WHERE c.released_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM piece p WHERE p.content_id = c.id)",
    )
    .fetch_all(vault.pool())
    .await?;
    if released.is_empty() {
        return Ok(0);
    }
    let backups: Vec<Option<NaiveDate>> = backup::list(vault.layout())?
        .iter()
        .map(|b| backup_day(&b.id))
        .collect();
    let mut removed = 0;
    for (id, file_id, added_at, released_at) in released {
        let margin = Days::new(1);
        let from = instant_day(&added_at).and_then(|d| d.checked_sub_days(margin));
        let to = instant_day(&released_at)
            .unwrap_or(today)
            .checked_add_days(margin);
        let needed = backups.iter().any(|b| match (b, from, to) {
            (Some(day), Some(from), Some(to)) => (from..=to).contains(day),
            // A backup or a date that cannot be read: keep the file.
            _ => true,
        });
        if needed {
            continue;
        }
        let mut tx = crate::journal::begin(vault).await?;
        let still_used: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM piece WHERE content_id = ?)")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
        if still_used {
            continue;
        }
        crate::journal::proofs::forget(&mut tx, id).await?;
        sqlx::query("DELETE FROM evidence_content WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        if std::fs::remove_file(vault.layout().evidence_dir().join(&file_id)).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_give_their_day() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(backup_day("daily-2026-11-26"), d("2026-11-26"));
        assert_eq!(backup_day("restore-2026-11-26T10-00-00"), d("2026-11-26"));
        assert_eq!(
            backup_day("migration-v1-2026-11-26T10-00-00"),
            d("2026-11-26")
        );
        assert_eq!(backup_day("daily-"), None);
        assert_eq!(backup_day("other-2026-11-26"), None);
    }
}

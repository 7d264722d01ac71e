//! What every journal write does besides its own row, inside the same transaction: a row in
//! `history` (what changed, when — field names, never their values) and the `search` rows
//! kept in step with the text they index.
//!
//! Search rows have a rowid computed from their kind and the id of the record they index
//! (`ref_id * 16 + kind`), so replacing or removing one is a lookup by rowid, not a scan of
//! the FTS5 table (a vault of 100k events has over 100k search rows).

use serde_json::{Value, json};
use sqlx::SqliteConnection;

use crate::error::StoreError;
use crate::journal::batch::Batch;
use crate::journal::batch::Value::{Int, OptInt, Text};

/// The kinds of search rows, each with its slot in the rowid. A new kind is added here (the
/// slots 5..15 are free); changing an existing slot would orphan the rows already written.
const KINDS: [(&str, i64); 4] = [("incident", 1), ("event", 2), ("piece", 3), ("platform", 4)];
const KIND_SLOTS: i64 = 16;

/// The `detail` of a history row: `{"fields": [...]}`, the names of the fields set
/// (`created`) or changed (`updated`). Names only: the values stay in their own rows, so
/// the history never holds a copy of what the owner later changed or purged.
pub fn fields<S: AsRef<str>>(names: &[S]) -> Value {
    json!({ "fields": names.iter().map(|n| n.as_ref()).collect::<Vec<_>>() })
}

/// Records one change in `history`, in the caller's transaction (`&mut *tx`).
///
/// `at` is the instant (RFC 3339, given by the shell); `entity` the table (`company`,
/// `platform`, `incident`, `event`, `piece`); `action` one of `created`, `updated`,
/// `deleted`, `restored`, `purged`; `detail` a JSON object — by convention
/// [`fields`]`(&[...])` for creations and updates, `{}` otherwise — that never holds the
/// owner's values.
pub async fn record(
    tx: &mut SqliteConnection,
    at: &str,
    entity: &str,
    entity_id: i64,
    action: &str,
    detail: Value,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO history (at, entity, entity_id, action, detail) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(at)
    .bind(entity)
    .bind(entity_id)
    .bind(action)
    .bind(detail.to_string())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Sets the searchable text of one record (`kind` is `incident`, `event`, `piece` or
/// `platform`; `ref_id` its row id; `incident_id` the incident it belongs to, `None` for a
/// platform), replacing any previous text. A blank `body` just removes the row. Call it in
/// the transaction that writes the record; call it again (or [`search_remove`]) on restore
/// and delete so the trash stays out of the results.
pub async fn search_replace(
    tx: &mut SqliteConnection,
    kind: &str,
    ref_id: i64,
    incident_id: Option<i64>,
    body: &str,
) -> Result<(), StoreError> {
    let rowid = search_rowid(kind, ref_id)?;
    sqlx::query("DELETE FROM search WHERE rowid = ?")
        .bind(rowid)
        .execute(&mut *tx)
        .await?;
    if body.trim().is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO search (rowid, body, kind, ref_id, incident_id) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(rowid)
    .bind(body)
    .bind(kind)
    .bind(ref_id)
    .bind(incident_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// [`record`] into `batch`, written when it is flushed (in the same transaction).
pub(crate) fn record_later(
    batch: &mut Batch,
    at: &str,
    entity: &'static str,
    entity_id: i64,
    action: &'static str,
    detail: Value,
) {
    batch.add(
        "INSERT INTO history (at, entity, entity_id, action, detail)",
        vec![
            Text(at.to_owned()),
            Text(entity.to_owned()),
            Int(entity_id),
            Text(action.to_owned()),
            Text(detail.to_string()),
        ],
    );
}

/// The searchable text of a record just created (it has none yet) into `batch`, written
/// when it is flushed (in the same transaction).
pub(crate) fn search_add_later(
    batch: &mut Batch,
    kind: &'static str,
    ref_id: i64,
    incident_id: Option<i64>,
    body: &str,
) -> Result<(), StoreError> {
    if body.trim().is_empty() {
        return Ok(());
    }
    batch.add(
        "INSERT INTO search (rowid, body, kind, ref_id, incident_id)",
        vec![
            Int(search_rowid(kind, ref_id)?),
            Text(body.to_owned()),
            Text(kind.to_owned()),
            Int(ref_id),
            OptInt(incident_id),
        ],
    );
    Ok(())
}

/// Removes the searchable text of one record (on delete or purge); nothing if there is none.
pub async fn search_remove(
    tx: &mut SqliteConnection,
    kind: &str,
    ref_id: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM search WHERE rowid = ?")
        .bind(search_rowid(kind, ref_id)?)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The rowid of a record's search row. An unknown kind is a programming error: refused
/// (as a database error) rather than written where no query looks.
fn search_rowid(kind: &str, ref_id: i64) -> Result<i64, StoreError> {
    let slot = KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, s)| *s)
        .ok_or(StoreError::decode())?;
    ref_id
        .checked_mul(KIND_SLOTS)
        .and_then(|r| r.checked_add(slot))
        .filter(|_| ref_id > 0)
        .ok_or(StoreError::decode())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rowids_never_collide_between_kinds() {
        let mut seen = std::collections::HashSet::new();
        for (kind, _) in KINDS {
            for id in 1..200 {
                assert!(seen.insert(search_rowid(kind, id).unwrap()));
            }
        }
        assert!(search_rowid("note", 1).is_err());
        assert!(search_rowid("event", 0).is_err());
        assert!(search_rowid("event", i64::MAX / 8).is_err());
    }

    #[test]
    fn details_hold_names_only() {
        assert_eq!(
            fields(&["legal_name", "siret"]).to_string(),
            r#"{"fields":["legal_name","siret"]}"#
        );
    }
}

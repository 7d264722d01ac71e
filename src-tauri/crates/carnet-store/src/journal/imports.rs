//! Incidents brought in from a spreadsheet or a Carnet journal, written in ONE transaction:
//! a crash, a full disk or a refused row leaves the vault as it was, never half imported.
//! Each incident remembers where it came from (`import_origin`: a key stable across imports
//! of the same content, the file's SHA-256, the sheet, the rows), so importing the same file
//! again creates nothing twice. What to create was planned and validated before (carnet-interop
//! and carnet-core); this module only writes it.

use std::collections::{HashMap, HashSet};

use carnet_core::journal::event::EventData;
use carnet_core::journal::incident::{IncidentData, Status};
use carnet_core::journal::platform::PlatformDetails;
use serde::Serialize;
use sqlx::SqliteConnection;

use crate::error::StoreError;
use crate::journal::batch::Batch;
use crate::journal::batch::Value::{Int, Text};
use crate::journal::history::search_add_later;
use crate::journal::{begin, events, incidents, platforms};
use crate::vault::Vault;

/// Incidents whose side rows (status, history, search, origin) wait in memory at most.
const FLUSH_EVERY: usize = 500;

/// One incident to create.
#[derive(Debug, Clone)]
pub struct ImportItem {
    /// Its key: an item whose key the vault holds is skipped.
    pub key: String,
    /// The rows of the file it comes from (1-based).
    pub rows: Vec<usize>,
    /// Its platform: the vault's record of the same platform, or a new one made of these.
    pub platform: PlatformDetails,
    /// Its status (a new incident starts `open`, then takes this one).
    pub status: Status,
    /// The incident; its `platform_id` is set here.
    pub incident: IncidentData,
    /// Its events; their `incident_id` is set here.
    pub events: Vec<EventData>,
}

/// The file the items come from.
#[derive(Debug, Clone)]
pub struct ImportSource<'a> {
    /// The file's name (never its folder).
    pub file_name: &'a str,
    /// The SHA-256 of the file, hex.
    pub file_sha256: &'a str,
    /// The sheet read (empty for a CSV or a journal).
    pub sheet: &'a str,
}

/// What an import wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    /// Incidents created.
    pub created: usize,
    /// Items skipped because the vault already held their key.
    pub already: usize,
    /// Events created.
    pub events: usize,
    /// Platforms added to the vault.
    pub platforms: usize,
}

/// Which of `keys` the vault already holds (an incident in the trash still holds its key).
pub async fn known_keys(vault: &Vault, keys: &[&str]) -> Result<HashSet<String>, StoreError> {
    let mut conn = vault.pool().acquire().await?;
    known_on(&mut conn, keys).await
}

async fn known_on(
    conn: &mut SqliteConnection,
    keys: &[&str],
) -> Result<HashSet<String>, StoreError> {
    let mut known = HashSet::new();
    // Bound 500 at a time: far below SQLite's limit on bound values.
    for chunk in keys.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let sql = format!("SELECT key FROM import_origin WHERE key IN ({marks})");
        let mut query = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql));
        for key in chunk {
            query = query.bind(*key);
        }
        known.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(known)
}

/// Creates `items` in one transaction (see the module's documentation); `now` is the
/// instant of the import (RFC 3339).
pub async fn apply(
    vault: &Vault,
    source: &ImportSource<'_>,
    items: &[ImportItem],
    now: &str,
) -> Result<Imported, StoreError> {
    let mut tx = begin(vault).await?;
    let mut batch = Batch::default();
    let mut out = Imported::default();
    let mut platform_ids: HashMap<String, i64> = HashMap::new();
    let keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
    let mut held = known_on(&mut tx, &keys).await?;
    for item in items {
        // A key held, or met earlier in this import: not created twice.
        if !held.insert(item.key.clone()) {
            out.already += 1;
            continue;
        }
        let identity = item.platform.identity();
        let platform_id = match platform_ids.get(&identity) {
            Some(id) => *id,
            None => {
                let (id, added) = platforms::find_or_add_on(&mut tx, &item.platform, now).await?;
                out.platforms += usize::from(added);
                platform_ids.insert(identity, id);
                id
            }
        };
        let data = IncidentData {
            platform_id,
            ..item.incident.clone()
        };
        let tags = serde_json::to_string(&data.tags).map_err(|_| StoreError::decode())?;
        let id = incidents::insert_on(&mut tx, &data, item.status, &tags, now, &mut batch).await?;
        search_add_later(&mut batch, "incident", id, Some(id), &data.search_text())?;
        for event in &item.events {
            let event = EventData {
                incident_id: id,
                ..event.clone()
            };
            events::save_on(&mut tx, None, &event, now).await?;
            out.events += 1;
        }
        let rows = serde_json::to_string(&item.rows).map_err(|_| StoreError::decode())?;
        batch.add(
            "INSERT INTO import_origin (key, incident_id, file_name, file_sha256, sheet, rows,
                 imported_at)",
            vec![
                Text(item.key.clone()),
                Int(id),
                Text(source.file_name.into()),
                Text(source.file_sha256.into()),
                Text(source.sheet.into()),
                Text(rows),
                Text(now.into()),
            ],
        );
        out.created += 1;
        if out.created % FLUSH_EVERY == 0 {
            batch.flush(&mut tx).await?;
        }
    }
    batch.flush(&mut tx).await?;
    tx.commit().await?;
    Ok(out)
}

//! What the text search keeps in memory between two writes: which incident each event and
//! piece belongs to, the incidents of each platform, and each live incident's filter and sort
//! keys (platform, category, status, day, amount, rank of its title). No text of the owner's
//! is kept, but for the order of the titles.
//!
//! Why: a common word (`compte`) is in half the events of a large vault — 50,000 search rows
//! for 10,000 incidents. FTS5 lists their rowids in 5 ms, but finding each row's incident in
//! SQLite costs a B-tree lookup per row (reading the `incident_id` column of the FTS5 content
//! table, or the event's row): 50 to 250 ms, the pages being decrypted as they are read. In
//! memory it is an array lookup. The search then filters and sorts the incidents found in
//! memory too, and asks SQLite only for the page's rows and passages.
//!
//! The index is rebuilt after any write: every write of the journal adds a `history` row in
//! its own transaction, so the newest history id, read in the search's transaction, tells
//! whether the index is still the vault's. It belongs to one open vault (a restore opens a
//! new one). Rebuilding reads three JSON arrays: 30 to 100 ms for 10,000 incidents and
//! 100,000 events, once after each write.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use carnet_core::journal::incident::Status;
use chrono::NaiveDate;
use sqlx::SqliteConnection;

use crate::error::StoreError;
use crate::fold::fold_cmp;

/// Search rows' rowids are `ref_id * 16 + slot` (see [`crate::journal::history`]): the slots.
pub(crate) const SLOTS: i64 = 16;
pub(crate) const SLOT_INCIDENT: i64 = 1;
pub(crate) const SLOT_EVENT: i64 = 2;
pub(crate) const SLOT_PIECE: i64 = 3;
pub(crate) const SLOT_PLATFORM: i64 = 4;

/// A vault's index, if one was built (held by the open [`Vault`](crate::Vault)).
#[derive(Default)]
pub struct IndexCell(Mutex<Option<Arc<JournalIndex>>>);

impl IndexCell {
    /// The index as of the transaction `conn` is in: kept if no write came since it was
    /// built, rebuilt otherwise.
    pub(crate) async fn current(
        &self,
        conn: &mut SqliteConnection,
    ) -> Result<Arc<JournalIndex>, StoreError> {
        let history_id: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM history")
            .fetch_one(&mut *conn)
            .await?;
        let kept = self.lock().clone();
        if let Some(index) = kept.filter(|i| i.history_id == history_id) {
            return Ok(index);
        }
        let index = Arc::new(JournalIndex::build(conn, history_id).await?);
        *self.lock() = Some(index.clone());
        Ok(index)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Arc<JournalIndex>>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A live incident's keys.
pub(crate) struct Entry {
    pub id: i64,
    pub platform_id: i64,
    /// Index in [`JournalIndex::categories`].
    pub category: u16,
    pub status: Status,
    pub occurred_on: Option<NaiveDate>,
    pub amount_cents: i64,
    /// Its title's place in the order of all titles.
    pub title_rank: u32,
}

/// Ids to positions: an array when the ids are dense (they are: SQLite numbers rows from 1),
/// a map otherwise.
enum IdMap {
    Dense(Vec<u32>),
    Sparse(HashMap<i64, u32>),
}

const NONE: u32 = u32::MAX;

impl IdMap {
    fn new(pairs: &[(i64, u32)]) -> Self {
        let max = pairs.iter().map(|p| p.0).max().unwrap_or(0);
        if max >= 0 && (max as usize) <= pairs.len() * 4 + 4096 {
            let mut v = vec![NONE; max as usize + 1];
            for &(id, slot) in pairs {
                if id >= 0 {
                    v[id as usize] = slot;
                }
            }
            IdMap::Dense(v)
        } else {
            IdMap::Sparse(pairs.iter().copied().collect())
        }
    }

    fn get(&self, id: i64) -> Option<u32> {
        match self {
            IdMap::Dense(v) => usize::try_from(id)
                .ok()
                .and_then(|i| v.get(i).copied())
                .filter(|s| *s != NONE),
            IdMap::Sparse(m) => m.get(&id).copied(),
        }
    }
}

pub(crate) struct JournalIndex {
    history_id: i64,
    /// The search rows of live records: incidents, events and pieces.
    pub rows: usize,
    pub incidents: Vec<Entry>,
    /// The category codes met, indexed by [`Entry::category`].
    pub categories: Vec<String>,
    incident_slot: IdMap,
    event_owner: IdMap,
    piece_owner: IdMap,
    platform_incidents: HashMap<i64, Vec<u32>>,
}

fn decode<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, StoreError> {
    serde_json::from_str(json).map_err(|_| StoreError::VaultCorrupted)
}

impl JournalIndex {
    async fn build(conn: &mut SqliteConnection, history_id: i64) -> Result<Self, StoreError> {
        type Row = (i64, i64, String, String, Option<String>, i64, String);
        let rows: String = sqlx::query_scalar(
            "SELECT json_group_array(json_array(id, platform_id, category, status, occurred_on,
                 coalesce(funds_held_cents, 0) + coalesce(sales_lost_cents, 0)
                 + coalesce(fees_cents, 0), title))
             FROM incident WHERE deleted_at IS NULL",
        )
        .fetch_one(&mut *conn)
        .await?;
        let rows: Vec<Row> = decode(&rows)?;

        let mut order: Vec<u32> = (0..rows.len() as u32).collect();
        order.sort_by(|a, b| fold_cmp(&rows[*a as usize].6, &rows[*b as usize].6));
        let mut title_rank = vec![0u32; rows.len()];
        for (rank, slot) in order.into_iter().enumerate() {
            title_rank[slot as usize] = rank as u32;
        }

        let mut categories: Vec<String> = Vec::new();
        let mut incidents = Vec::with_capacity(rows.len());
        let mut platform_incidents: HashMap<i64, Vec<u32>> = HashMap::new();
        for (slot, (id, platform_id, category, status, occurred, amount, _)) in
            rows.into_iter().enumerate()
        {
            let category = match categories.iter().position(|c| *c == category) {
                Some(k) => k,
                None => {
                    categories.push(category);
                    categories.len() - 1
                }
            };
            let occurred_on = occurred
                .map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d"))
                .transpose()
                .map_err(|_| StoreError::VaultCorrupted)?;
            platform_incidents
                .entry(platform_id)
                .or_default()
                .push(slot as u32);
            incidents.push(Entry {
                id,
                platform_id,
                category: u16::try_from(category).map_err(|_| StoreError::VaultCorrupted)?,
                status: Status::parse(&status).map_err(|_| StoreError::VaultCorrupted)?,
                occurred_on,
                amount_cents: amount,
                title_rank: title_rank[slot],
            });
        }
        let pairs: Vec<(i64, u32)> = incidents
            .iter()
            .enumerate()
            .map(|(slot, e)| (e.id, slot as u32))
            .collect();
        let incident_slot = IdMap::new(&pairs);
        let mut rows = incidents.len();
        let mut owners = |json: String| -> Result<IdMap, StoreError> {
            let pairs: Vec<(i64, i64)> = decode(&json)?;
            let slots: Vec<(i64, u32)> = pairs
                .into_iter()
                .filter_map(|(id, incident)| incident_slot.get(incident).map(|s| (id, s)))
                .collect();
            rows += slots.len();
            Ok(IdMap::new(&slots))
        };
        // The event_incident index covers this: the event rows (and their texts) stay unread.
        let events: String = sqlx::query_scalar(
            "SELECT json_group_array(json_array(id, incident_id)) FROM event
             WHERE deleted_at IS NULL",
        )
        .fetch_one(&mut *conn)
        .await?;
        let pieces: String = sqlx::query_scalar(
            "SELECT json_group_array(json_array(id, incident_id)) FROM piece
             WHERE deleted_at IS NULL",
        )
        .fetch_one(&mut *conn)
        .await?;
        let (event_owner, piece_owner) = (owners(events)?, owners(pieces)?);
        Ok(JournalIndex {
            history_id,
            rows,
            event_owner,
            piece_owner,
            incidents,
            categories,
            incident_slot,
            platform_incidents,
        })
    }

    /// The incidents (slots) a search row belongs to: one, or a platform's, or none (a row of
    /// something in the trash, or of an unknown kind).
    pub fn owners(&self, rowid: i64) -> Owners<'_> {
        let id = rowid / SLOTS;
        let one = |slot: Option<u32>| Owners::One(slot);
        match rowid % SLOTS {
            SLOT_INCIDENT => one(self.incident_slot.get(id)),
            SLOT_EVENT => one(self.event_owner.get(id)),
            SLOT_PIECE => one(self.piece_owner.get(id)),
            SLOT_PLATFORM => Owners::Many(self.platform_incidents.get(&id).map_or(&[], |v| v)),
            _ => one(None),
        }
    }
}

pub(crate) enum Owners<'a> {
    One(Option<u32>),
    Many(&'a [u32]),
}

//! The journal read whole for an export (carnet-interop writes it as `.xlsx`, `.csv` or
//! `.json`): the incidents out of the trash, or a chosen list of them, with their events and
//! pieces, in one read transaction so the file shows one state of the vault.

use std::collections::HashMap;

use carnet_core::journal::event::Event;
use carnet_core::journal::incident::Incident;
use carnet_core::journal::piece::Piece;
use chrono::NaiveDate;

use crate::error::StoreError;
use crate::journal::{events, incidents, pieces};
use crate::vault::Vault;

/// What an export holds.
#[derive(Debug, Clone, Default)]
pub struct JournalData {
    /// The incidents, in the order asked (most recent first for the whole journal).
    pub incidents: Vec<Incident>,
    /// Their events, incident by incident.
    pub events: Vec<Event>,
    /// Their pieces, incident by incident.
    pub pieces: Vec<Piece>,
    /// The catalogue id of each vault platform that has one.
    pub catalogue_ids: HashMap<i64, String>,
}

/// Reads the incidents `ids` (in that order; those in the trash or gone are left out), or
/// every incident out of the trash when `ids` is `None`. `progress(done, total)` is called
/// as incidents are read.
pub async fn read(
    vault: &Vault,
    ids: Option<&[i64]>,
    today: NaiveDate,
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<JournalData, StoreError> {
    let mut tx = vault.pool().begin().await?;
    let live: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM incident WHERE deleted_at IS NULL ORDER BY occurred_on DESC, id DESC",
    )
    .fetch_all(&mut *tx)
    .await?;
    let ids: Vec<i64> = match ids {
        None => live,
        Some(wanted) => {
            let live: std::collections::HashSet<i64> = live.into_iter().collect();
            wanted
                .iter()
                .copied()
                .filter(|id| live.contains(id))
                .collect()
        }
    };
    let mut out = JournalData::default();
    let total = ids.len();
    for (done, id) in ids.into_iter().enumerate() {
        out.incidents
            .push(incidents::get_on(&mut tx, id, today).await?);
        out.events.extend(events::for_incident(&mut tx, id).await?);
        out.pieces.extend(pieces::for_incident(&mut tx, id).await?);
        if done % 100 == 0 {
            progress(done, total);
        }
    }
    progress(total, total);
    let catalogue: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, catalogue_id FROM platform WHERE catalogue_id IS NOT NULL")
            .fetch_all(&mut *tx)
            .await?;
    out.catalogue_ids = catalogue.into_iter().collect();
    tx.rollback().await?;
    Ok(out)
}

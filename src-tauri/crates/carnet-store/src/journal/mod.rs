//! The journal's queries: the company, its platforms, the incidents with their chronology and
//! pieces. Each write is one transaction on the vault's pool, with its `history` row and its
//! `search` rows (see [`history`]). Validation happens before, in `carnet-core`.

pub mod barometer;
mod batch;
pub mod company;
pub mod dossiers;
pub mod events;
pub mod exports;
#[cfg(feature = "generate")]
pub mod generate;
pub mod history;
pub mod imports;
pub mod incidents;
pub mod pieces;
pub mod platforms;
pub mod proofs;
pub mod routes;
mod rows;
pub mod search;
pub mod trash;

use sqlx::{Sqlite, Transaction};

use crate::error::StoreError;
use crate::vault::Vault;

/// Starts a write: `BEGIN IMMEDIATE`, so the transaction holds the write lock from its first
/// read and cannot fail half-way because another connection wrote in between (a deferred
/// transaction that reads then writes gets `SQLITE_BUSY` in that case).
pub async fn begin(vault: &Vault) -> Result<Transaction<'static, Sqlite>, StoreError> {
    Ok(vault.pool().begin_with("BEGIN IMMEDIATE").await?)
}

//! What the journal's row modules share: dates as the store writes them, and the check that
//! an incident may still be written to. Incidents, events and pieces depend on it, not on
//! each other's files.

use chrono::NaiveDate;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use crate::error::StoreError;

/// A date as the store writes it (`YYYY-MM-DD`).
pub(crate) fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// An optional date as the store writes it.
pub(crate) fn iso(d: Option<NaiveDate>) -> Option<String> {
    d.map(day)
}

/// A date column as written by the store; anything else is a damaged vault.
pub(crate) fn date_col(row: &SqliteRow, col: &str) -> Result<Option<NaiveDate>, StoreError> {
    let s: Option<String> = row.try_get(col)?;
    s.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| StoreError::VaultCorrupted))
        .transpose()
}

/// An incident that exists and is not in the trash (the ones that may be written to).
pub(crate) async fn check_live(conn: &mut SqliteConnection, id: i64) -> Result<(), StoreError> {
    let ok: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM incident WHERE id = ? AND deleted_at IS NULL")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    ok.map(|_| ()).ok_or(StoreError::NotFound)
}

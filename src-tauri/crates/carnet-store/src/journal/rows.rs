//! What the journal's row modules share: dates as the store writes them, and the check that
//! an incident may still be written to. Incidents, events and pieces depend on it, not on
//! each other's files.

use carnet_core::journal::incident::{IncidentLine, Status};
use chrono::NaiveDate;
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row, SqliteConnection};

use crate::error::StoreError;
use crate::journal::history::{record, search_remove};

/// A query being bound, for the helpers that bind the columns an INSERT and an UPDATE share.
pub(crate) type Query<'q> = sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>;

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

/// The incident a list shows, from a row with its columns (`id`, `title`, `platform_id`,
/// `platform_name`, `category`, `status`, `occurred_on`).
pub(crate) fn incident_line(row: &SqliteRow) -> Result<IncidentLine, StoreError> {
    let status: String = row.try_get("status")?;
    Ok(IncidentLine {
        id: row.try_get("id")?,
        title: row.try_get("title")?,
        platform_id: row.try_get("platform_id")?,
        platform_name: row.try_get("platform_name")?,
        category: row.try_get("category")?,
        status: Status::parse(&status).map_err(|_| StoreError::VaultCorrupted)?,
        occurred_on: date_col(row, "occurred_on")?,
    })
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

/// The rows an incident holds that go to the trash one by one.
#[derive(Clone, Copy)]
pub(crate) enum Child {
    /// An event of the chronology (`event`).
    Event,
    /// A piece of evidence (`piece`).
    Piece,
}

impl Child {
    /// Its table, which is also its entity in `history` and `search`.
    fn table(self) -> &'static str {
        match self {
            Child::Event => "event",
            Child::Piece => "piece",
        }
    }
}

/// Puts a live row in the trash: its `deleted_at`, its search rows removed, a history row.
/// The caller has checked it is live.
pub(crate) async fn trash(
    conn: &mut SqliteConnection,
    child: Child,
    id: i64,
    now: &str,
) -> Result<(), StoreError> {
    let table = child.table();
    let sql = format!("UPDATE {table} SET deleted_at = ? WHERE id = ?");
    sqlx::query(AssertSqlSafe(sql))
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    search_remove(conn, table, id).await?;
    record(conn, now, table, id, "deleted", serde_json::json!({})).await
}

/// Takes a row out of the trash, if its incident is out of it, with a history row; answers
/// the incident's id (`NotFound` when the row is not in the trash or its incident is). The
/// caller writes its search text again.
pub(crate) async fn untrash(
    conn: &mut SqliteConnection,
    child: Child,
    id: i64,
    now: &str,
) -> Result<i64, StoreError> {
    let table = child.table();
    let sql = format!(
        "SELECT x.incident_id FROM {table} x JOIN incident i ON i.id = x.incident_id
         WHERE x.id = ? AND x.deleted_at IS NOT NULL AND i.deleted_at IS NULL"
    );
    let found: Option<i64> = sqlx::query_scalar(AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let incident_id = found.ok_or(StoreError::NotFound)?;
    let sql = format!("UPDATE {table} SET deleted_at = NULL WHERE id = ?");
    sqlx::query(AssertSqlSafe(sql))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    record(conn, now, table, id, "restored", serde_json::json!({})).await?;
    Ok(incident_id)
}

//! The events of an incident's chronology: add, change, delete to the trash and restore,
//! each in one transaction with its history row, its search text and its links to pieces.

use carnet_core::Field;
use carnet_core::journal::event::{Actor, Channel, Event, EventData};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use crate::error::StoreError;
use crate::journal::history::{fields, record, search_replace};
use crate::journal::rows::{Child, Query, check_live, date_col, iso, trash, untrash};
use crate::vault::Vault;

pub mod email;

const COLUMNS: &str = "e.id, e.incident_id, e.happened_on, e.actor, e.channel, e.summary,
    e.full_text, e.decision, e.created_at, e.updated_at,
    (SELECT group_concat(ep.piece_id) FROM event_piece ep JOIN piece p ON p.id = ep.piece_id
      WHERE ep.event_id = e.id AND p.deleted_at IS NULL) AS piece_ids";

fn read(row: &SqliteRow) -> Result<Event, StoreError> {
    let corrupt = |_| StoreError::VaultCorrupted;
    let actor: String = row.try_get("actor")?;
    let channel: String = row.try_get("channel")?;
    let pieces: Option<String> = row.try_get("piece_ids")?;
    let mut piece_ids = pieces
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<i64>().map_err(|_| StoreError::VaultCorrupted))
        .collect::<Result<Vec<_>, _>>()?;
    piece_ids.sort_unstable();
    let decision: Option<String> = row.try_get("decision")?;
    let decision = decision
        .map(|d| serde_json::from_str(&d).map_err(|_| StoreError::VaultCorrupted))
        .transpose()?;
    Ok(Event {
        id: row.try_get("id")?,
        data: EventData {
            incident_id: row.try_get("incident_id")?,
            happened_on: date_col(row, "happened_on")?.ok_or(StoreError::VaultCorrupted)?,
            actor: Actor::parse(&actor).map_err(corrupt)?,
            channel: Channel::parse(&channel).map_err(corrupt)?,
            summary: row.try_get("summary")?,
            full_text: row.try_get("full_text")?,
            piece_ids,
            decision,
        },
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// The events of an incident not deleted on their own, oldest first.
pub(crate) async fn for_incident(
    conn: &mut SqliteConnection,
    incident_id: i64,
) -> Result<Vec<Event>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM event e WHERE e.incident_id = ? AND e.deleted_at IS NULL
         ORDER BY e.happened_on, e.id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(incident_id)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(read).collect()
}

pub(crate) async fn get_on(conn: &mut SqliteConnection, id: i64) -> Result<Event, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM event e WHERE e.id = ?");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    read(&row)
}

/// One event, not in the trash, of an incident not in the trash.
pub async fn get(vault: &Vault, id: i64) -> Result<Event, StoreError> {
    let mut conn = vault.pool().acquire().await?;
    let event = live(&mut conn, id).await?;
    Ok(event)
}

/// An event that may be written to: it and its incident are out of the trash.
async fn live(conn: &mut SqliteConnection, id: i64) -> Result<Event, StoreError> {
    let ok: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM event e JOIN incident i ON i.id = e.incident_id
         WHERE e.id = ? AND e.deleted_at IS NULL AND i.deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    ok.ok_or(StoreError::NotFound)?;
    get_on(conn, id).await
}

/// Refuses links to pieces that are not the incident's (or are in the trash).
async fn check_pieces(
    conn: &mut SqliteConnection,
    incident_id: i64,
    piece_ids: &[i64],
) -> Result<(), StoreError> {
    for &piece in piece_ids {
        let ok: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM piece WHERE id = ? AND incident_id = ? AND deleted_at IS NULL",
        )
        .bind(piece)
        .bind(incident_id)
        .fetch_optional(&mut *conn)
        .await?;
        ok.ok_or(StoreError::Invalid(Field::EventPieces))?;
    }
    Ok(())
}

pub(crate) async fn link(
    conn: &mut SqliteConnection,
    event_id: i64,
    piece_ids: &[i64],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM event_piece WHERE event_id = ?")
        .bind(event_id)
        .execute(&mut *conn)
        .await?;
    for piece in piece_ids {
        sqlx::query("INSERT INTO event_piece (event_id, piece_id) VALUES (?, ?)")
            .bind(event_id)
            .bind(piece)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Adds (`id` absent) or changes an event. An event stays with its incident.
pub async fn save(
    vault: &Vault,
    id: Option<i64>,
    data: &EventData,
    now: &str,
) -> Result<Event, StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    let id = save_on(&mut tx, id, data, now).await?;
    let saved = get_on(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// The event's decision check as the vault keeps it (JSON), or NULL.
fn decision_json(data: &EventData) -> Result<Option<String>, StoreError> {
    data.decision
        .as_ref()
        .map(|d| serde_json::to_string(d).map_err(|_| StoreError::decode()))
        .transpose()
}

/// Binds the event's data columns (happened_on to decision), in the order the INSERT and the
/// UPDATE of [`save_on`] name them.
fn bind_data<'q>(query: Query<'q>, data: &'q EventData, decision: Option<&'q str>) -> Query<'q> {
    query
        .bind(iso(Some(data.happened_on)))
        .bind(data.actor.code())
        .bind(data.channel.code())
        .bind(&data.summary)
        .bind(&data.full_text)
        .bind(decision)
}

/// [`save`] inside the caller's transaction (an e-mail import adds its pieces first).
pub(crate) async fn save_on(
    tx: &mut SqliteConnection,
    id: Option<i64>,
    data: &EventData,
    now: &str,
) -> Result<i64, StoreError> {
    check_live(tx, data.incident_id).await?;
    check_pieces(tx, data.incident_id, &data.piece_ids).await?;
    let decision = decision_json(data)?;
    let id = match id {
        None => {
            let id: i64 = bind_data(
                sqlx::query(
                    "INSERT INTO event (incident_id, happened_on, actor, channel, summary,
                        full_text, decision, created_at, updated_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                )
                .bind(data.incident_id),
                data,
                decision.as_deref(),
            )
            .bind(now)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
            link(tx, id, &data.piece_ids).await?;
            let mut set = vec!["happened_on", "actor", "channel", "summary"];
            if !data.full_text.is_empty() {
                set.push("full_text");
            }
            if !data.piece_ids.is_empty() {
                set.push("pieces");
            }
            if data.decision.is_some() {
                set.push("decision");
            }
            record(tx, now, "event", id, "created", fields(&set)).await?;
            id
        }
        Some(id) => {
            let old = live(tx, id).await?;
            if old.data.incident_id != data.incident_id {
                return Err(StoreError::NotFound);
            }
            let mut old_data = old.data;
            let mut wanted = data.piece_ids.clone();
            wanted.sort_unstable();
            old_data.piece_ids.sort_unstable();
            let mut compared = data.clone();
            compared.piece_ids = wanted;
            let changed = compared.changed_fields(&old_data);
            if changed.is_empty() {
                return Ok(id);
            }
            bind_data(
                sqlx::query(
                    "UPDATE event SET happened_on = ?, actor = ?, channel = ?, summary = ?,
                        full_text = ?, decision = ?, updated_at = ? WHERE id = ?",
                ),
                data,
                decision.as_deref(),
            )
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            link(tx, id, &data.piece_ids).await?;
            record(tx, now, "event", id, "updated", fields(&changed)).await?;
            id
        }
    };
    informed_by_email(tx, data, now).await?;
    search_replace(tx, "event", id, Some(data.incident_id), &data.search_text()).await?;
    Ok(id)
}

/// A platform decision that came by e-mail dates the day the owner was informed of it when
/// the incident gives none (the DSA 20(1) window runs from that day): the e-mail's date by
/// default, recorded on the incident with its history row, which the owner can change there.
async fn informed_by_email(
    tx: &mut SqliteConnection,
    data: &EventData,
    now: &str,
) -> Result<(), StoreError> {
    if data.decision.is_none() || data.channel != Channel::Email {
        return Ok(());
    }
    let set = sqlx::query(
        "UPDATE incident SET notified_on = ?, updated_at = ?
         WHERE id = ? AND notified_on IS NULL",
    )
    .bind(iso(Some(data.happened_on)))
    .bind(now)
    .bind(data.incident_id)
    .execute(&mut *tx)
    .await?;
    if set.rows_affected() > 0 {
        let changed = fields(&["notified_on"]);
        record(tx, now, "incident", data.incident_id, "updated", changed).await?;
    }
    Ok(())
}

/// Puts an event in the trash (its links to pieces are kept for a restore).
pub async fn delete(vault: &Vault, id: i64, now: &str) -> Result<(), StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    live(&mut tx, id).await?;
    trash(&mut tx, Child::Event, id, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Takes an event out of the trash (its incident must be out of it).
pub async fn restore(vault: &Vault, id: i64, now: &str) -> Result<Event, StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    untrash(&mut tx, Child::Event, id, now).await?;
    let event = get_on(&mut tx, id).await?;
    index(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(event)
}

/// Writes again the search text of an incident's events (when the incident is restored).
pub(crate) async fn reindex(
    conn: &mut SqliteConnection,
    incident_id: i64,
) -> Result<(), StoreError> {
    for event in for_incident(conn, incident_id).await? {
        index(conn, &event).await?;
    }
    Ok(())
}

/// Writes again an event's search text.
async fn index(conn: &mut SqliteConnection, event: &Event) -> Result<(), StoreError> {
    let text = event.data.search_text();
    search_replace(conn, "event", event.id, Some(event.data.incident_id), &text).await
}

//! Incidents in the vault: create and update (with the history of their fields and the
//! search text), the status and its history, the list (first page from the `incident_recent`
//! index, only the columns the list shows), one incident with all that is attached, and the
//! trash (the incident's `deleted_at`; its events and pieces follow it).

use carnet_core::Field;
use carnet_core::deadlines::Measure;
use carnet_core::journal::incident::{
    Amounts, Incident, IncidentData, IncidentDates, IncidentDetail, IncidentMeta, IncidentPage,
    IncidentQuery, IncidentRow, ReasonsReceived, Status, StatusChange,
};
use chrono::NaiveDate;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use crate::error::StoreError;
use crate::journal::batch::Batch;
use crate::journal::batch::Value::{Int, Text};
use crate::journal::history::{fields, record, record_later, search_remove, search_replace};
use crate::journal::rows::{Query, check_live, date_col, incident_line, iso};
use crate::journal::{events, pieces};
use crate::vault::Vault;

const SELECT: &str = "SELECT i.id, i.platform_id, p.name AS platform_name, i.category, i.measure,
    i.title, i.status, i.occurred_on, i.notified_on, i.took_effect_on, i.decision_on,
    i.complaint_sent_on, i.answer_received_on, i.referral_on, i.referral_decided_on,
    i.reasons_received, i.funds_held_cents, i.sales_lost_cents, i.fees_cents, i.amounts_note,
    i.decision_reference, i.description, i.wanted, i.tags, i.created_at, i.updated_at,
    i.deleted_at,
    (SELECT count(*) FROM piece WHERE incident_id = i.id AND deleted_at IS NULL) AS piece_count
    FROM incident i JOIN platform p ON p.id = i.platform_id WHERE i.id = ?";

fn read(row: &SqliteRow, today: NaiveDate) -> Result<Incident, StoreError> {
    let measure: Option<String> = row.try_get("measure")?;
    let measure = match measure {
        None => None,
        Some(m) => Some(
            Measure::ALL
                .into_iter()
                .find(|x| x.code() == m)
                .ok_or(StoreError::VaultCorrupted)?,
        ),
    };
    let status: String = row.try_get("status")?;
    let status = Status::parse(&status).map_err(|_| StoreError::VaultCorrupted)?;
    let reasons: Option<i64> = row.try_get("reasons_received")?;
    let tags: String = row.try_get("tags")?;
    let tags: Vec<String> = serde_json::from_str(&tags).map_err(|_| StoreError::VaultCorrupted)?;
    let data = IncidentData {
        platform_id: row.try_get("platform_id")?,
        category: row.try_get("category")?,
        measure,
        title: row.try_get("title")?,
        dates: IncidentDates {
            occurred_on: date_col(row, "occurred_on")?,
            notified_on: date_col(row, "notified_on")?,
            took_effect_on: date_col(row, "took_effect_on")?,
            decision_on: date_col(row, "decision_on")?,
            complaint_sent_on: date_col(row, "complaint_sent_on")?,
            answer_received_on: date_col(row, "answer_received_on")?,
            referral_on: date_col(row, "referral_on")?,
            referral_decided_on: date_col(row, "referral_decided_on")?,
        },
        reasons_received: ReasonsReceived::from_bool(reasons.map(|r| r != 0)),
        amounts: Amounts {
            funds_held_cents: row.try_get("funds_held_cents")?,
            sales_lost_cents: row.try_get("sales_lost_cents")?,
            fees_cents: row.try_get("fees_cents")?,
            note: row.try_get("amounts_note")?,
        },
        decision_reference: row.try_get("decision_reference")?,
        description: row.try_get("description")?,
        wanted: row.try_get("wanted")?,
        tags,
    };
    let meta = IncidentMeta {
        id: row.try_get("id")?,
        platform_name: row.try_get("platform_name")?,
        status,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        deleted_at: row.try_get("deleted_at")?,
        piece_count: row.try_get("piece_count")?,
    };
    Ok(Incident::new(meta, data, today))
}

/// One incident (in the trash or not), its checks computed for `today`.
pub async fn get(vault: &Vault, id: i64, today: NaiveDate) -> Result<Incident, StoreError> {
    let mut conn = vault.pool().acquire().await?;
    get_on(&mut conn, id, today).await
}

pub(crate) async fn get_on(
    conn: &mut SqliteConnection,
    id: i64,
    today: NaiveDate,
) -> Result<Incident, StoreError> {
    let row = sqlx::query(SELECT)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    read(&row, today)
}

/// One incident with its events, pieces and status history.
pub async fn detail(
    vault: &Vault,
    id: i64,
    today: NaiveDate,
) -> Result<IncidentDetail, StoreError> {
    let mut conn = vault.pool().acquire().await?;
    let incident = get_on(&mut conn, id, today).await?;
    let events = events::for_incident(&mut conn, id).await?;
    let pieces = pieces::for_incident(&mut conn, id).await?;
    let status_history = sqlx::query_as::<_, (String, String)>(
        "SELECT status, changed_at FROM incident_status WHERE incident_id = ? ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(status, changed_at)| {
        Ok(StatusChange {
            status: Status::parse(&status).map_err(|_| StoreError::VaultCorrupted)?,
            changed_at,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(IncidentDetail {
        incident,
        events,
        pieces,
        status_history,
    })
}

/// Whether the platform may be given to an incident: it exists and is not in the trash.
async fn check_platform(conn: &mut SqliteConnection, platform_id: i64) -> Result<(), StoreError> {
    let ok: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM platform WHERE id = ? AND deleted_at IS NULL")
            .bind(platform_id)
            .fetch_optional(&mut *conn)
            .await?;
    ok.map(|_| ())
        .ok_or(StoreError::Invalid(Field::IncidentPlatform))
}

/// Creates (`id` absent) or updates an incident, in one transaction with its history row and
/// its search text. A new incident is `open`, which starts its status history.
pub async fn save(
    vault: &Vault,
    id: Option<i64>,
    data: &IncidentData,
    now: &str,
    today: NaiveDate,
) -> Result<Incident, StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    check_platform(&mut tx, data.platform_id).await?;
    let tags = serde_json::to_string(&data.tags).map_err(|_| StoreError::decode())?;
    let mut batch = Batch::default();
    let id = match id {
        None => insert_on(&mut tx, data, Status::Open, &tags, now, &mut batch).await?,
        Some(id) => {
            check_live(&mut tx, id).await?;
            let old = get_on(&mut tx, id, today).await?.data;
            let changed = data.changed_fields(&old);
            if changed.is_empty() {
                tx.rollback().await?;
                return get(vault, id, today).await;
            }
            bind_data(
                sqlx::query(
                    "UPDATE incident SET platform_id = ?, category = ?, measure = ?, title = ?,
                    occurred_on = ?, notified_on = ?, took_effect_on = ?, decision_on = ?,
                    complaint_sent_on = ?, answer_received_on = ?, referral_on = ?,
                    referral_decided_on = ?, reasons_received = ?, funds_held_cents = ?,
                    sales_lost_cents = ?, fees_cents = ?, amounts_note = ?,
                    decision_reference = ?, description = ?, wanted = ?, tags = ?,
                    updated_at = ?
                 WHERE id = ?",
                ),
                data,
                &tags,
            )
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            record(&mut tx, now, "incident", id, "updated", fields(&changed)).await?;
            id
        }
    };
    batch.flush(&mut tx).await?;
    search_replace(&mut tx, "incident", id, Some(id), &data.search_text()).await?;
    let saved = get_on(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Inserts a new incident in `status` (`open` for one the owner records; an imported one
/// comes with its own), with its first status row and its history row (not its search row:
/// the caller sets it), in the caller's transaction.
pub(crate) async fn insert_on(
    conn: &mut SqliteConnection,
    data: &IncidentData,
    status: Status,
    tags: &str,
    now: &str,
    batch: &mut Batch,
) -> Result<i64, StoreError> {
    let id: i64 = bind_data(
        sqlx::query(
            "INSERT INTO incident (platform_id, category, measure, title, occurred_on,
                notified_on, took_effect_on, decision_on, complaint_sent_on, answer_received_on,
                referral_on, referral_decided_on, reasons_received, funds_held_cents,
                sales_lost_cents, fees_cents, amounts_note, decision_reference, description,
                wanted, tags, status, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             RETURNING id",
        ),
        data,
        tags,
    )
    .bind(status.code())
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?
    .try_get(0)?;
    batch.add(
        "INSERT INTO incident_status (incident_id, status, changed_at)",
        vec![Int(id), Text(status.code().into()), Text(now.into())],
    );
    let set = data.changed_fields(&empty());
    record_later(batch, now, "incident", id, "created", fields(&set));
    Ok(id)
}

/// Binds the incident's 21 data columns (platform to tags), in the order the INSERT and the
/// UPDATE above name them.
fn bind_data<'q>(query: Query<'q>, data: &'q IncidentData, tags: &'q str) -> Query<'q> {
    let (d, a) = (&data.dates, &data.amounts);
    query
        .bind(data.platform_id)
        .bind(&data.category)
        .bind(data.measure.map(Measure::code))
        .bind(&data.title)
        .bind(iso(d.occurred_on))
        .bind(iso(d.notified_on))
        .bind(iso(d.took_effect_on))
        .bind(iso(d.decision_on))
        .bind(iso(d.complaint_sent_on))
        .bind(iso(d.answer_received_on))
        .bind(iso(d.referral_on))
        .bind(iso(d.referral_decided_on))
        .bind(data.reasons_received.as_bool())
        .bind(a.funds_held_cents)
        .bind(a.sales_lost_cents)
        .bind(a.fees_cents)
        .bind(&a.note)
        .bind(&data.decision_reference)
        .bind(&data.description)
        .bind(&data.wanted)
        .bind(tags)
}

/// The data an incident is compared with when created: every field given counts as set.
fn empty() -> IncidentData {
    IncidentData {
        platform_id: 0,
        category: String::new(),
        measure: None,
        title: String::new(),
        dates: IncidentDates::default(),
        reasons_received: ReasonsReceived::Unknown,
        amounts: Amounts::default(),
        decision_reference: String::new(),
        description: String::new(),
        wanted: String::new(),
        tags: Vec::new(),
    }
}

/// Changes the status (a row of the status history and of the history); the same status
/// again changes nothing.
pub async fn set_status(
    vault: &Vault,
    id: i64,
    status: Status,
    now: &str,
    today: NaiveDate,
) -> Result<Incident, StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    check_live(&mut tx, id).await?;
    let current = get_on(&mut tx, id, today).await?;
    if current.status == status {
        return Ok(current);
    }
    status_on(&mut tx, id, status, now).await?;
    let saved = get_on(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Sets a live incident's status, with its status-history and history rows, in the caller's
/// transaction (the caller checks it differs).
pub(crate) async fn status_on(
    conn: &mut SqliteConnection,
    id: i64,
    status: Status,
    now: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE incident SET status = ?, updated_at = ? WHERE id = ?")
        .bind(status.code())
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO incident_status (incident_id, status, changed_at) VALUES (?, ?, ?)")
        .bind(id)
        .bind(status.code())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    record(conn, now, "incident", id, "updated", fields(&["status"])).await
}

/// The list, most recent first (by the date it occurred, undated ones last), filtered.
pub async fn list(vault: &Vault, q: &IncidentQuery) -> Result<IncidentPage, StoreError> {
    let rows = sqlx::query(LIST)
        .bind(q.platform_id)
        .bind(q.category.as_deref())
        .bind(q.status.map(Status::code))
        .bind(iso(q.from))
        .bind(iso(q.to))
        .bind(i64::from(q.limit) + 1)
        .bind(i64::from(q.offset))
        .fetch_all(vault.pool())
        .await?;
    let more = rows.len() > q.limit as usize;
    let items = rows
        .iter()
        .take(q.limit as usize)
        .map(|row| {
            Ok(IncidentRow {
                line: incident_line(row)?,
                updated_at: row.try_get("updated_at")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(IncidentPage {
        items,
        next_offset: more.then(|| q.offset + q.limit),
    })
}

/// The list's query: the columns it shows, in the order of the `incident_recent` index.
pub const LIST: &str = "SELECT i.id, i.title, i.platform_id, p.name AS platform_name,
    i.category, i.status, i.occurred_on, i.updated_at
    FROM incident i JOIN platform p ON p.id = i.platform_id
    WHERE i.deleted_at IS NULL
      AND (?1 IS NULL OR i.platform_id = ?1)
      AND (?2 IS NULL OR i.category = ?2)
      AND (?3 IS NULL OR i.status = ?3)
      AND (?4 IS NULL OR i.occurred_on >= ?4)
      AND (?5 IS NULL OR i.occurred_on <= ?5)
    ORDER BY i.occurred_on DESC, i.id DESC
    LIMIT ?6 OFFSET ?7";

/// Puts an incident in the trash; its events and pieces go with it (out of the search too).
pub async fn delete(vault: &Vault, id: i64, now: &str) -> Result<(), StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    check_live(&mut tx, id).await?;
    sqlx::query("UPDATE incident SET deleted_at = ? WHERE id = ?")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    search_remove(&mut tx, "incident", id).await?;
    for (kind, ids) in attached(&mut tx, id).await? {
        for ref_id in ids {
            search_remove(&mut tx, kind, ref_id).await?;
        }
    }
    record(
        &mut tx,
        now,
        "incident",
        id,
        "deleted",
        serde_json::json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Takes an incident out of the trash, with the events and pieces that were not deleted on
/// their own.
pub async fn restore(
    vault: &Vault,
    id: i64,
    now: &str,
    today: NaiveDate,
) -> Result<Incident, StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    let deleted: Option<Option<String>> =
        sqlx::query_scalar("SELECT deleted_at FROM incident WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    if !matches!(deleted, Some(Some(_))) {
        return Err(StoreError::NotFound);
    }
    sqlx::query("UPDATE incident SET deleted_at = NULL WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let incident = get_on(&mut tx, id, today).await?;
    search_replace(
        &mut tx,
        "incident",
        id,
        Some(id),
        &incident.data.search_text(),
    )
    .await?;
    events::reindex(&mut tx, id).await?;
    pieces::reindex(&mut tx, id).await?;
    record(
        &mut tx,
        now,
        "incident",
        id,
        "restored",
        serde_json::json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(incident)
}

/// The ids of an incident's events and pieces that are not deleted on their own.
async fn attached(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<[(&'static str, Vec<i64>); 2], StoreError> {
    let events: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM event WHERE incident_id = ? AND deleted_at IS NULL")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let pieces: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM piece WHERE incident_id = ? AND deleted_at IS NULL")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    Ok([("event", events), ("piece", pieces)])
}

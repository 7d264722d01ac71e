//! The dashboard's figures (see [`carnet_core::journal::barometer`]), computed by SQLite's
//! aggregates in one read transaction, so that every breakdown adds up to the same totals; the
//! deadline alerts by carnet-core's [`deadlines::checks`], over the open incidents that could
//! raise one.
//!
//! Every query reads the `incident_dashboard` index (migration 4), which holds all the columns
//! they need, and not the incidents' rows with their texts: named with `INDEXED BY`, because
//! SQLite, without statistics, prefers the one-column `incident_platform` index and reads
//! every row through it (25 to 40 ms a query on 10,000 incidents, against 2 to 5).

use std::collections::HashMap;

use carnet_core::Catalogue;
use carnet_core::categories::Axis;
use carnet_core::deadlines::{
    self, COMPLAINT_WINDOW_MONTHS, Check, IncidentFacts, Measure, OUT_OF_COURT_DAYS,
    TERMINATION_NOTICE_DAYS, URGENT_DAYS,
};
use carnet_core::journal::barometer::{
    ALERTS_MAX, ANSWER_LATE_DAYS, AxisTally, Barometer, CategoryTally, DeadlineAlert, MonthTally,
    PlatformTally, StatusTally, Tally, Totals, alert,
};
use carnet_core::journal::incident::Status;
use chrono::{Datelike, Days, Months, NaiveDate};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use crate::error::StoreError;
use crate::vault::Vault;

const AMOUNT: &str = "coalesce(funds_held_cents, 0) + coalesce(sales_lost_cents, 0)
    + coalesce(fees_cents, 0)";
/// The live incidents, through the dashboard's covering index.
const INCIDENTS: &str = "incident INDEXED BY incident_dashboard WHERE deleted_at IS NULL";

/// The dashboard over the last `months` months up to `today`'s, and the alerts for `today`.
pub async fn barometer(
    vault: &Vault,
    months: u32,
    today: NaiveDate,
) -> Result<Barometer, StoreError> {
    let mut tx = vault.pool().begin().await?;
    let totals = totals(&mut tx).await?;
    let platforms = platforms(&mut tx).await?;
    let (categories, axes) = categories(&mut tx).await?;
    let statuses = statuses(&mut tx).await?;
    let months = by_month(&mut tx, months, today).await?;
    let (deadlines, deadlines_total) = alerts(&mut tx, today).await?;
    tx.rollback().await?;
    Ok(Barometer {
        today,
        totals,
        months,
        platforms,
        categories,
        axes,
        statuses,
        deadlines,
        deadlines_total,
    })
}

fn tally(row: &SqliteRow) -> Result<Tally, StoreError> {
    let count: i64 = row.try_get("n")?;
    Ok(Tally {
        count: u32::try_from(count).unwrap_or(u32::MAX),
        amount_cents: row.try_get("amount")?,
    })
}

async fn totals(conn: &mut SqliteConnection) -> Result<Totals, StoreError> {
    let sql = format!(
        "SELECT count(*) AS n,
                count(*) FILTER (WHERE status NOT IN ('resolved', 'abandoned')) AS open,
                count(*) FILTER (WHERE occurred_on IS NULL) AS undated,
                coalesce(sum(funds_held_cents), 0) AS funds,
                coalesce(sum(sales_lost_cents), 0) AS sales, coalesce(sum(fees_cents), 0) AS fees
         FROM {INCIDENTS}"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_one(&mut *conn)
        .await?;
    let count = |c: &str| -> Result<u32, StoreError> {
        Ok(u32::try_from(row.try_get::<i64, _>(c)?).unwrap_or(u32::MAX))
    };
    let cents = |c: &str| row.try_get::<i64, _>(c);
    let (funds, sales, fees) = (cents("funds")?, cents("sales")?, cents("fees")?);
    Ok(Totals {
        count: count("n")?,
        open_count: count("open")?,
        undated_count: count("undated")?,
        funds_held_cents: funds,
        sales_lost_cents: sales,
        fees_cents: fees,
        amount_cents: funds + sales + fees,
    })
}

async fn platforms(conn: &mut SqliteConnection) -> Result<Vec<PlatformTally>, StoreError> {
    let sql = format!(
        "SELECT t.platform_id, p.name, t.n, t.amount FROM (
             SELECT platform_id, count(*) AS n, sum({AMOUNT}) AS amount
             FROM {INCIDENTS} GROUP BY platform_id
         ) t JOIN platform p ON p.id = t.platform_id
         ORDER BY t.n DESC, t.amount DESC, p.name"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| {
            Ok(PlatformTally {
                platform_id: row.try_get("platform_id")?,
                name: row.try_get("name")?,
                tally: tally(row)?,
            })
        })
        .collect()
}

/// By category, and by main axis from the category tree (a code the tree no longer knows
/// counts under no axis).
async fn categories(
    conn: &mut SqliteConnection,
) -> Result<(Vec<CategoryTally>, Vec<AxisTally>), StoreError> {
    let sql = format!(
        "SELECT category, count(*) AS n, sum({AMOUNT}) AS amount
         FROM {INCIDENTS} GROUP BY category
         ORDER BY n DESC, amount DESC, category"
    );
    let categories = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| {
            Ok(CategoryTally {
                category: row.try_get("category")?,
                tally: tally(row)?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let catalogue = Catalogue::builtin();
    let mut axes: Vec<AxisTally> = Axis::ALL
        .into_iter()
        .map(Some)
        .chain([None])
        .map(|axis| AxisTally {
            axis,
            tally: Tally::default(),
        })
        .collect();
    for c in &categories {
        let main = catalogue
            .category(&c.category)
            .and_then(|cat| cat.axes.first().copied());
        if let Some(a) = axes.iter_mut().find(|a| a.axis == main) {
            a.tally.count += c.tally.count;
            a.tally.amount_cents += c.tally.amount_cents;
        }
    }
    Ok((categories, axes))
}

async fn statuses(conn: &mut SqliteConnection) -> Result<Vec<StatusTally>, StoreError> {
    let sql = format!(
        "SELECT status, count(*) AS n, sum({AMOUNT}) AS amount
         FROM {INCIDENTS} GROUP BY status"
    );
    let mut found: HashMap<String, Tally> = HashMap::new();
    for row in sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(&mut *conn)
        .await?
    {
        found.insert(row.try_get("status")?, tally(&row)?);
    }
    let out: Vec<StatusTally> = Status::ALL
        .into_iter()
        .map(|status| StatusTally {
            status,
            tally: found.remove(status.code()).unwrap_or_default(),
        })
        .collect();
    if !found.is_empty() {
        return Err(StoreError::VaultCorrupted);
    }
    Ok(out)
}

/// The `months` months up to `today`'s, the oldest first, each present.
async fn by_month(
    conn: &mut SqliteConnection,
    months: u32,
    today: NaiveDate,
) -> Result<Vec<MonthTally>, StoreError> {
    let this_month = today.with_day(1).ok_or(StoreError::decode())?;
    let first = this_month
        .checked_sub_months(Months::new(months.saturating_sub(1)))
        .ok_or(StoreError::decode())?;
    let next = this_month
        .checked_add_months(Months::new(1))
        .ok_or(StoreError::decode())?;
    let sql = format!(
        "SELECT substr(occurred_on, 1, 7) AS month, count(*) AS n, sum({AMOUNT}) AS amount
         FROM {INCIDENTS} AND occurred_on >= ? AND occurred_on < ?
         GROUP BY month"
    );
    let mut found: HashMap<String, Tally> = HashMap::new();
    for row in sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(first.format("%Y-%m-%d").to_string())
        .bind(next.format("%Y-%m-%d").to_string())
        .fetch_all(&mut *conn)
        .await?
    {
        found.insert(row.try_get("month")?, tally(&row)?);
    }
    Ok((0..months)
        .filter_map(|i| first.checked_add_months(Months::new(i)))
        .map(|m| {
            let month = m.format("%Y-%m").to_string();
            let tally = found.get(&month).copied().unwrap_or_default();
            MonthTally { month, tally }
        })
        .collect())
}

/// The alerts of the open incidents, the ones due first, then the findings (the most recent
/// incident first); at most [`ALERTS_MAX`], and how many there are in all.
///
/// SQL keeps the open incidents that could raise an alert — a superset of [`alert`]'s cases,
/// with a few days' margin around the month arithmetic — and the checks of carnet-core decide.
/// The rows come as one JSON array: thousands of small rows cost more to hand over one by one
/// than to read.
async fn alerts(
    conn: &mut SqliteConnection,
    today: NaiveDate,
) -> Result<(Vec<DeadlineAlert>, u32), StoreError> {
    let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let window_end = today.checked_sub_months(Months::new(COMPLAINT_WINDOW_MONTHS));
    let decided_from = day(window_end.and_then(|d| d.checked_sub_days(Days::new(4))));
    let decided_to =
        day(window_end.and_then(|d| d.checked_add_days(Days::new(URGENT_DAYS as u64 + 4))));
    let seized_by = day(today.checked_sub_days(Days::new(OUT_OF_COURT_DAYS - URGENT_DAYS as u64)));
    let sent_by = day(today.checked_sub_days(Days::new(ANSWER_LATE_DAYS as u64)));
    let sql = format!(
        "SELECT json_group_array(json_array(id, status, measure, reasons_received,
             json_array(notified_on, took_effect_on, decision_on, complaint_sent_on,
                 answer_received_on, referral_on, referral_decided_on),
             occurred_on))
         FROM {INCIDENTS} AND status NOT IN ('resolved', 'abandoned') AND (
             (measure IN ('terms_change', 'termination')
                 AND julianday(took_effect_on) - julianday(notified_on) < {TERMINATION_NOTICE_DAYS})
             OR decision_on BETWEEN ?1 AND ?2 OR notified_on BETWEEN ?1 AND ?2
             OR (referral_on <= ?3 AND referral_decided_on IS NULL)
             OR (complaint_sent_on <= ?4 AND answer_received_on IS NULL))"
    );
    let json: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(decided_from)
        .bind(decided_to)
        .bind(seized_by)
        .bind(sent_by)
        .fetch_one(&mut *conn)
        .await?;
    /// id, status, measure, reasons, the seven dates of [`facts`], occurred on.
    type Row = (
        i64,
        String,
        Option<String>,
        Option<i64>,
        [Option<String>; 7],
        Option<String>,
    );
    let rows: Vec<Row> = serde_json::from_str(&json).map_err(|_| StoreError::VaultCorrupted)?;
    struct Found {
        due_on: Option<NaiveDate>,
        occurred: Option<NaiveDate>,
        id: i64,
        status: Status,
        check: Check,
    }
    let mut found = Vec::new();
    for (id, status, measure, reasons, dates, occurred) in rows {
        let facts = facts(measure, reasons, &dates)?;
        let status = Status::parse(&status).map_err(|_| StoreError::VaultCorrupted)?;
        let occurred = date(occurred)?;
        for check in deadlines::checks(&facts, today) {
            if let Some(due_on) = alert(&check) {
                found.push(Found {
                    due_on,
                    occurred,
                    id,
                    status,
                    check,
                });
            }
        }
    }
    // The due ones by day; then the findings, the most recent incident first.
    found.sort_by(|a, b| {
        (a.due_on.is_none(), a.due_on)
            .cmp(&(b.due_on.is_none(), b.due_on))
            .then_with(|| (b.occurred, b.id).cmp(&(a.occurred, a.id)))
    });
    let total = u32::try_from(found.len()).unwrap_or(u32::MAX);
    found.truncate(ALERTS_MAX);
    let ids: Vec<i64> = found.iter().map(|f| f.id).collect();
    let names: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT i.id, i.title, p.name FROM incident i JOIN platform p ON p.id = i.platform_id
         WHERE i.id IN (SELECT value FROM json_each(?))",
    )
    .bind(serde_json::to_string(&ids).map_err(|_| StoreError::decode())?)
    .fetch_all(&mut *conn)
    .await?;
    let alerts = found
        .into_iter()
        .map(|f| {
            let (_, title, platform_name) = names
                .iter()
                .find(|n| n.0 == f.id)
                .cloned()
                .ok_or(StoreError::decode())?;
            Ok(DeadlineAlert {
                incident_id: f.id,
                title,
                platform_name,
                status: f.status,
                check: f.check,
                due_on: f.due_on,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok((alerts, total))
}

/// A deadline that became urgent and was not yet announced: its incident, its check's kind
/// (`complaintWindow`, `outOfCourtDecision`) and the day it falls. Nothing else: the system
/// notification names no incident, platform or person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineToNotify {
    /// The incident whose deadline it is.
    pub incident_id: i64,
    /// The check's kind, as serialised (`complaintWindow`, `outOfCourtDecision`).
    pub kind: String,
    /// The day the deadline falls.
    pub due_on: NaiveDate,
}

/// The deadlines among today's alerts (those with a day: a complaint window closing, an
/// out-of-court decision due or overdue) not announced yet, recorded as announced in the same
/// transaction: each one is returned once over the vault's life, whatever the calls.
pub async fn deadlines_to_notify(
    vault: &Vault,
    today: NaiveDate,
    at: &str,
) -> Result<Vec<DeadlineToNotify>, StoreError> {
    let mut tx = vault.pool().begin().await?;
    let (alerts, _) = alerts(&mut tx, today).await?;
    let mut out = Vec::new();
    for a in alerts {
        let Some(due_on) = a.due_on else { continue };
        let kind = serde_json::to_value(a.check)
            .ok()
            .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_owned))
            .ok_or(StoreError::decode())?;
        let inserted = sqlx::query(
            "INSERT INTO notified (incident_id, kind, due_on, notified_at) VALUES (?, ?, ?, ?)
             ON CONFLICT DO NOTHING",
        )
        .bind(a.incident_id)
        .bind(&kind)
        .bind(due_on.format("%Y-%m-%d").to_string())
        .bind(at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 1 {
            out.push(DeadlineToNotify {
                incident_id: a.incident_id,
                kind,
                due_on,
            });
        }
    }
    tx.commit().await?;
    Ok(out)
}

fn date(s: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    s.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| StoreError::VaultCorrupted))
        .transpose()
}

/// The facts the checks read, from the columns: measure, reasons, then notified, took effect,
/// decision, complaint sent, answer received, referral, referral decided.
pub(super) fn facts(
    measure: Option<String>,
    reasons: Option<i64>,
    dates: &[Option<String>; 7],
) -> Result<IncidentFacts, StoreError> {
    let measure = measure
        .map(|m| {
            Measure::ALL
                .into_iter()
                .find(|x| x.code() == m)
                .ok_or(StoreError::VaultCorrupted)
        })
        .transpose()?;
    let d = |k: usize| date(dates[k].clone());
    Ok(IncidentFacts {
        measure,
        reasons_received: reasons.map(|r| r != 0),
        notified: d(0)?,
        took_effect: d(1)?,
        decision: d(2)?,
        complaint_sent: d(3)?,
        answer_received: d(4)?,
        referral: d(5)?,
        referral_decided: d(6)?,
    })
}

//! The platforms the company works with. Deleting one puts it in the trash (`deleted_at`),
//! refused while incidents outside the trash still refer to it; restoring takes it out.
//! The owner keeps one record per platform (see
//! [`PlatformDetails::identity`](carnet_core::journal::platform::PlatformDetails::identity)):
//! adding or restoring a second one is refused. Each platform's name and legal entity are
//! searchable (kind `platform`) while it is out of the trash.

use carnet_core::Platforms;
use carnet_core::Siret;
use carnet_core::journal::platform::{PlatformDetails, PlatformRecord};
use carnet_core::platforms::ServiceType;
use chrono::NaiveDate;
use sqlx::SqliteConnection;

use crate::error::StoreError;
use crate::journal::{begin, history};
use crate::vault::Vault;

const ENTITY: &str = "platform";
const SEARCH_KIND: &str = "platform";

/// The columns [`Row`] reads.
macro_rules! select {
    () => {
        "SELECT id, catalogue_id, name, service, legal_entity, country, siret,
            seller_accounts, relationship_start, turnover_share_pct, complaint_channel,
            mediators, terms_version, address, ooc_bodies, small_enterprise, created_at,
            updated_at, deleted_at
        FROM platform"
    };
}

/// The platforms out of the trash, by name.
pub async fn list(vault: &Vault) -> Result<Vec<PlatformRecord>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(concat!(select!(), " WHERE deleted_at IS NULL"))
        .fetch_all(vault.pool())
        .await?;
    let mut records = rows
        .into_iter()
        .map(Row::into_record)
        .collect::<Result<Vec<_>, _>>()?;
    records.sort_by_cached_key(|r| (r.details.name.to_lowercase(), r.id));
    Ok(records)
}

/// One platform, in the trash or not.
pub async fn get(vault: &Vault, id: i64) -> Result<PlatformRecord, StoreError> {
    let mut conn = vault.pool().acquire().await?;
    load(&mut conn, id).await?.into_record()
}

/// Adds a platform (`id` is `None`) or changes one out of the trash, with its history and
/// search rows, in one transaction. A change that changes nothing writes nothing.
pub async fn save(
    vault: &Vault,
    id: Option<i64>,
    details: &PlatformDetails,
    now: &str,
) -> Result<PlatformRecord, StoreError> {
    let mut tx = begin(vault).await?;
    let before = match id {
        Some(id) => {
            let row = load(&mut tx, id).await?;
            if row.deleted_at.is_some() {
                return Err(StoreError::NotFound);
            }
            Some(row.into_record()?)
        }
        None => None,
    };
    let changed = details.changed_fields(before.as_ref().map(|b| &b.details));
    if let Some(before) = before.as_ref().filter(|_| changed.is_empty()) {
        return Ok(before.clone());
    }
    refuse_duplicate(&mut tx, details, id).await?;
    let id = match id {
        Some(id) => {
            bind(
                sqlx::query(
                    "UPDATE platform SET catalogue_id = ?, name = ?, service = ?,
                         legal_entity = ?, country = ?, siret = ?, seller_accounts = ?,
                         relationship_start = ?, turnover_share_pct = ?, complaint_channel = ?,
                         mediators = ?, terms_version = ?, address = ?, ooc_bodies = ?,
                         small_enterprise = ?, updated_at = ?
                     WHERE id = ?",
                ),
                details,
            )?
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            id
        }
        None => insert_on(&mut tx, details, now).await?,
    };
    if before.is_some() {
        history::record(
            &mut tx,
            now,
            ENTITY,
            id,
            "updated",
            history::fields(&changed),
        )
        .await?;
        history::search_replace(&mut tx, SEARCH_KIND, id, None, &details.search_text()).await?;
    }
    let record = load(&mut tx, id).await?.into_record()?;
    tx.commit().await?;
    Ok(record)
}

/// Inserts a new platform with its history and search rows, in the caller's transaction
/// (the caller refuses duplicates).
async fn insert_on(
    conn: &mut SqliteConnection,
    details: &PlatformDetails,
    now: &str,
) -> Result<i64, StoreError> {
    let inserted = bind(
        sqlx::query(
            "INSERT INTO platform (catalogue_id, name, service, legal_entity, country,
                 siret, seller_accounts, relationship_start, turnover_share_pct,
                 complaint_channel, mediators, terms_version, address, ooc_bodies,
                 small_enterprise, updated_at, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ),
        details,
    )?
    .bind(now)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    let id = inserted.last_insert_rowid();
    let set = details.changed_fields(None);
    history::record(conn, now, ENTITY, id, "created", history::fields(&set)).await?;
    history::search_replace(conn, SEARCH_KIND, id, None, &details.search_text()).await?;
    Ok(id)
}

/// The id of the live platform that is the same one as `details` (see
/// [`PlatformDetails::identity`]), or of a new one added with `details`; `true` when added.
pub(crate) async fn find_or_add_on(
    conn: &mut SqliteConnection,
    details: &PlatformDetails,
    now: &str,
) -> Result<(i64, bool), StoreError> {
    match same_as(conn, details, None).await? {
        Some(id) => Ok((id, false)),
        None => Ok((insert_on(conn, details, now).await?, true)),
    }
}

/// Puts a platform in the trash. Refused with [`StoreError::PlatformInUse`] while an
/// incident out of the trash refers to it; nothing happens if it is already there.
pub async fn delete(vault: &Vault, id: i64, now: &str) -> Result<(), StoreError> {
    let mut tx = begin(vault).await?;
    let row = load(&mut tx, id).await?;
    if row.deleted_at.is_some() {
        return Ok(());
    }
    let in_use: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM incident WHERE platform_id = ? AND deleted_at IS NULL",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    if in_use > 0 {
        return Err(StoreError::PlatformInUse);
    }
    sqlx::query("UPDATE platform SET deleted_at = ? WHERE id = ?")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    history::record(&mut tx, now, ENTITY, id, "deleted", serde_json::json!({})).await?;
    history::search_remove(&mut tx, SEARCH_KIND, id).await?;
    tx.commit().await?;
    Ok(())
}

/// Takes a platform out of the trash. Refused with [`StoreError::PlatformExists`] when the
/// same platform was added again meanwhile; nothing happens if it is not in the trash.
pub async fn restore(vault: &Vault, id: i64, now: &str) -> Result<PlatformRecord, StoreError> {
    let mut tx = begin(vault).await?;
    let row = load(&mut tx, id).await?;
    if row.deleted_at.is_none() {
        return row.into_record();
    }
    let record = row.into_record()?;
    refuse_duplicate(&mut tx, &record.details, Some(id)).await?;
    sqlx::query("UPDATE platform SET deleted_at = NULL WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    history::record(&mut tx, now, ENTITY, id, "restored", serde_json::json!({})).await?;
    history::search_replace(
        &mut tx,
        SEARCH_KIND,
        id,
        None,
        &record.details.search_text(),
    )
    .await?;
    tx.commit().await?;
    Ok(PlatformRecord {
        deleted_at: None,
        ..record
    })
}

/// Refuses a platform that is already in the list (out of the trash), other than `own`.
async fn refuse_duplicate(
    conn: &mut SqliteConnection,
    details: &PlatformDetails,
    own: Option<i64>,
) -> Result<(), StoreError> {
    match same_as(conn, details, own).await? {
        Some(_) => Err(StoreError::PlatformExists),
        None => Ok(()),
    }
}

/// The live platform, other than `own`, that is the same one as `details`.
async fn same_as(
    conn: &mut SqliteConnection,
    details: &PlatformDetails,
    own: Option<i64>,
) -> Result<Option<i64>, StoreError> {
    let others: Vec<(i64, Option<String>, String)> =
        sqlx::query_as("SELECT id, catalogue_id, name FROM platform WHERE deleted_at IS NULL")
            .fetch_all(&mut *conn)
            .await?;
    let wanted = details.identity();
    Ok(others.into_iter().find_map(|(id, catalogue_id, name)| {
        let other = PlatformDetails {
            catalogue_id,
            name,
            ..details.clone()
        };
        (Some(id) != own && other.identity() == wanted).then_some(id)
    }))
}

type Query<'q> = sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>;

/// Binds the 15 detail columns, in the order of the statements above.
fn bind<'q>(query: Query<'q>, d: &PlatformDetails) -> Result<Query<'q>, StoreError> {
    let json = |v: &Vec<String>| serde_json::to_string(v).map_err(|_| StoreError::decode());
    Ok(query
        .bind(d.catalogue_id.clone())
        .bind(d.name.clone())
        .bind(d.service.code())
        .bind(d.legal_entity.clone())
        .bind(d.country.clone())
        .bind(d.siret.as_ref().map(|s| s.as_str().to_owned()))
        .bind(json(&d.seller_accounts)?)
        .bind(
            d.relationship_start
                .map(|d| d.format("%Y-%m-%d").to_string()),
        )
        .bind(d.turnover_share_pct.map(i64::from))
        .bind(d.complaint_channel.clone())
        .bind(json(&d.mediators)?)
        .bind(d.terms_version.clone())
        .bind(d.address.clone())
        .bind(json(&d.ooc_bodies)?)
        .bind(i64::from(d.small_enterprise)))
}

async fn load(conn: &mut SqliteConnection, id: i64) -> Result<Row, StoreError> {
    sqlx::query_as(concat!(select!(), " WHERE id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    catalogue_id: Option<String>,
    name: String,
    service: String,
    legal_entity: String,
    country: String,
    siret: Option<String>,
    seller_accounts: String,
    relationship_start: Option<String>,
    turnover_share_pct: Option<i64>,
    complaint_channel: String,
    mediators: String,
    terms_version: String,
    address: String,
    ooc_bodies: String,
    small_enterprise: i64,
    created_at: String,
    updated_at: String,
    deleted_at: Option<String>,
}

impl Row {
    /// The stored values were checked before they were written: one that no longer reads is
    /// a damaged row. A catalogue platform shows the catalogue's current name.
    fn into_record(self) -> Result<PlatformRecord, StoreError> {
        let damaged = |_| StoreError::decode();
        let catalogue = Platforms::builtin();
        let service = ServiceType::ALL
            .into_iter()
            .find(|s| s.code() == self.service)
            .ok_or(StoreError::decode())?;
        let mut details = PlatformDetails {
            catalogue_id: self.catalogue_id,
            name: self.name,
            service,
            legal_entity: self.legal_entity,
            country: self.country,
            siret: self
                .siret
                .as_deref()
                .map(Siret::parse)
                .transpose()
                .map_err(damaged)?,
            seller_accounts: serde_json::from_str(&self.seller_accounts)
                .map_err(|_| StoreError::decode())?,
            relationship_start: self
                .relationship_start
                .as_deref()
                .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d"))
                .transpose()
                .map_err(|_| StoreError::decode())?,
            turnover_share_pct: self
                .turnover_share_pct
                .map(u8::try_from)
                .transpose()
                .map_err(|_| StoreError::decode())?,
            complaint_channel: self.complaint_channel,
            mediators: serde_json::from_str(&self.mediators).map_err(|_| StoreError::decode())?,
            terms_version: self.terms_version,
            address: self.address,
            ooc_bodies: serde_json::from_str(&self.ooc_bodies).map_err(|_| StoreError::decode())?,
            small_enterprise: self.small_enterprise != 0,
        };
        if let Some(entry) = details.entry(catalogue) {
            details.name = entry.name.clone();
        }
        Ok(PlatformRecord {
            id: self.id,
            charter: details.charter(catalogue),
            details,
            created_at: self.created_at,
            updated_at: self.updated_at,
            deleted_at: self.deleted_at,
        })
    }
}

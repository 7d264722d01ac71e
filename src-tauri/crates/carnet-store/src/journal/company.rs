//! The company profile: one row (`id = 1`), created by the first save, changed by the next
//! ones. A save that changes nothing writes nothing.

use carnet_core::journal::company::{Company, CompanyProfile, SizeClass};
use carnet_core::{Naf, Siren, Siret};
use sqlx::SqliteConnection;

use crate::error::StoreError;
use crate::journal::{begin, history};
use crate::vault::Vault;

const ENTITY: &str = "company";
const ID: i64 = 1;

/// The profile, or `None` before the first save.
pub async fn get(vault: &Vault) -> Result<Option<Company>, StoreError> {
    let mut conn = vault.pool().acquire().await?;
    load(&mut conn).await
}

/// Writes the profile (checked by [`CompanyInput::check`](carnet_core::journal::company::CompanyInput::check))
/// with its history row, in one transaction; `now` is the instant of the change (RFC 3339).
pub async fn save(
    vault: &Vault,
    profile: &CompanyProfile,
    now: &str,
) -> Result<Company, StoreError> {
    let mut tx = begin(vault).await?;
    let before = load(&mut tx).await?;
    let changed = profile.changed_fields(before.as_ref().map(|c| &c.profile));
    if let Some(before) = before.as_ref().filter(|_| changed.is_empty()) {
        return Ok(before.clone());
    }
    sqlx::query(
        "INSERT INTO company (id, legal_name, siren, siret, legal_form, naf, size_class,
             headcount, street, postcode, city, country, contact_name, contact_role,
             contact_email, contact_phone, insolvency, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET
             legal_name = excluded.legal_name, siren = excluded.siren,
             siret = excluded.siret, legal_form = excluded.legal_form, naf = excluded.naf,
             size_class = excluded.size_class, headcount = excluded.headcount,
             street = excluded.street, postcode = excluded.postcode, city = excluded.city,
             country = excluded.country, contact_name = excluded.contact_name,
             contact_role = excluded.contact_role, contact_email = excluded.contact_email,
             contact_phone = excluded.contact_phone, insolvency = excluded.insolvency,
             updated_at = excluded.updated_at",
    )
    .bind(ID)
    .bind(&profile.legal_name)
    .bind(profile.siren.as_ref().map(Siren::as_str))
    .bind(profile.siret.as_ref().map(Siret::as_str))
    .bind(&profile.legal_form)
    .bind(profile.naf.as_ref().map(Naf::as_str))
    .bind(profile.size_class.map(SizeClass::code))
    .bind(profile.headcount.map(i64::from))
    .bind(&profile.street)
    .bind(&profile.postcode)
    .bind(&profile.city)
    .bind(&profile.country)
    .bind(&profile.contact_name)
    .bind(&profile.contact_role)
    .bind(&profile.contact_email)
    .bind(&profile.contact_phone)
    .bind(profile.insolvency)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let action = if before.is_some() {
        "updated"
    } else {
        "created"
    };
    history::record(&mut tx, now, ENTITY, ID, action, history::fields(&changed)).await?;
    tx.commit().await?;
    Ok(Company {
        profile: profile.clone(),
        updated_at: now.to_owned(),
    })
}

#[derive(sqlx::FromRow)]
struct Row {
    legal_name: String,
    siren: Option<String>,
    siret: Option<String>,
    legal_form: String,
    naf: Option<String>,
    size_class: Option<String>,
    headcount: Option<i64>,
    street: String,
    postcode: String,
    city: String,
    country: String,
    contact_name: String,
    contact_role: String,
    contact_email: String,
    contact_phone: String,
    insolvency: bool,
    updated_at: String,
}

async fn load(conn: &mut SqliteConnection) -> Result<Option<Company>, StoreError> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT legal_name, siren, siret, legal_form, naf, size_class, headcount, street,
             postcode, city, country, contact_name, contact_role, contact_email,
             contact_phone, insolvency, updated_at
         FROM company WHERE id = ?",
    )
    .bind(ID)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(Row::into_company).transpose()
}

impl Row {
    /// The stored values were checked before they were written: one that no longer reads
    /// is a damaged row.
    fn into_company(self) -> Result<Company, StoreError> {
        fn read<T, E>(
            v: Option<String>,
            parse: impl Fn(&str) -> Result<T, E>,
        ) -> Result<Option<T>, StoreError> {
            v.map(|s| parse(&s).map_err(|_| StoreError::decode()))
                .transpose()
        }
        Ok(Company {
            profile: CompanyProfile {
                legal_name: self.legal_name,
                siren: read(self.siren, Siren::parse)?,
                siret: read(self.siret, Siret::parse)?,
                legal_form: self.legal_form,
                naf: read(self.naf, Naf::parse)?,
                size_class: read(self.size_class, |s| {
                    SizeClass::parse(s)?.ok_or(carnet_core::CoreError::Invalid(
                        carnet_core::Field::CompanySizeClass,
                    ))
                })?,
                headcount: self
                    .headcount
                    .map(u32::try_from)
                    .transpose()
                    .map_err(|_| StoreError::decode())?,
                street: self.street,
                postcode: self.postcode,
                city: self.city,
                country: self.country,
                contact_name: self.contact_name,
                contact_role: self.contact_role,
                contact_email: self.contact_email,
                contact_phone: self.contact_phone,
                insolvency: self.insolvency,
            },
            updated_at: self.updated_at,
        })
    }
}

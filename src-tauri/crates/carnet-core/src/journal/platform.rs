//! The platforms the company works with: one from the built-in catalogue
//! ([`Platforms::builtin`]) or one the owner names, and what the owner knows of the
//! relationship — the platform's legal entity, country and SIRET (copied from an invoice or
//! the terms, never looked up or guessed), the seller accounts, since when, the share of
//! turnover made there, how to complain and the mediators its terms name.
//!
//! [`PlatformInput`] is the form as typed; [`PlatformInput::check`] gives the
//! [`PlatformDetails`] to store, or names the first field that is wrong.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Field};
use crate::identifiers::Siret;
use crate::journal::{contact, text};
use crate::platforms::{CharterSignatory, ServiceType};
use crate::{Platforms, platforms};

/// The longest name typed for a platform not in the catalogue, in characters.
pub const NAME_MAX: usize = 100;
/// The longest legal entity, in characters.
pub const LEGAL_ENTITY_MAX: usize = 200;
/// The most seller accounts a platform may list.
pub const SELLER_ACCOUNTS_MAX: usize = 20;
/// The longest seller account, in characters.
pub const SELLER_ACCOUNT_MAX: usize = 100;
/// The longest note on how to complain, in characters.
pub const COMPLAINT_CHANNEL_MAX: usize = 500;
/// The most mediators, and the most out-of-court bodies, a platform may list.
pub const MEDIATORS_MAX: usize = 10;
/// The longest mediator or out-of-court body name, in characters.
pub const MEDIATOR_MAX: usize = 200;
/// The longest terms version, in characters.
pub const TERMS_VERSION_MAX: usize = 100;
/// The legal entity's postal address, on up to a few lines.
pub const ADDRESS_MAX: usize = 500;
/// No online platform sold for anyone before this.
pub const RELATIONSHIP_START_MIN: NaiveDate = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();

/// The platform form as the owner filled it in, every value as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct PlatformInput {
    /// The record to change; `null` to add a platform.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// An id of the catalogue (`amazon`), or empty for a platform the owner names.
    pub catalogue_id: String,
    /// The name of a platform not in the catalogue (ignored when `catalogueId` is given).
    /// A name or alias of the catalogue (`Amazon.fr`) links the catalogue's entry.
    pub name: String,
    /// A service type code (`marketplace`…); empty takes the catalogue's.
    pub service: String,
    /// The company operating the platform, as written on its invoices or terms.
    pub legal_entity: String,
    /// ISO 3166-1 alpha-2 code of the legal entity's country.
    pub country: String,
    /// The legal entity's SIRET, when it has one (from an invoice).
    pub siret: String,
    /// The company's seller accounts or shop names there, one per entry.
    pub seller_accounts: Vec<String>,
    /// `YYYY-MM-DD`: when the company started selling there.
    pub relationship_start: String,
    /// A whole percentage, 0 to 100 (`35` or `35 %`).
    pub turnover_share: String,
    /// How to complain to the platform (a form's address, an e-mail), as the owner knows it.
    pub complaint_channel: String,
    /// The mediators its terms name (P2B 12), as the owner read them.
    pub mediators: Vec<String>,
    /// The version or date of its terms the owner agreed to.
    pub terms_version: String,
    /// The legal entity's postal address (the Médiateur needs the other party's address);
    /// absent in inputs from before it was asked.
    #[serde(default)]
    pub address: String,
    /// Certified out-of-court bodies the platform's notices name (DSA 21), as the owner read
    /// them: added to those Carnet's data knows.
    pub ooc_bodies: Vec<String>,
    /// The owner knows the platform is a micro or small enterprise (P2B 11(5), DSA 19): its
    /// complaint system and mediators may not exist.
    pub small_enterprise: bool,
}

/// A platform's details, checked and normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlatformDetails {
    /// The catalogue's id, `null` for a platform the owner named.
    pub catalogue_id: Option<String>,
    /// The catalogue's name, or the one the owner typed.
    pub name: String,
    /// What the platform does for the seller.
    pub service: ServiceType,
    /// The company operating the platform; empty when not known.
    pub legal_entity: String,
    /// ISO 3166-1 alpha-2, or empty.
    pub country: String,
    /// The legal entity's SIRET, when the owner has it.
    #[ts(as = "Option<String>")]
    pub siret: Option<Siret>,
    /// Seller accounts or shop names, each one line.
    pub seller_accounts: Vec<String>,
    /// When the company started selling there; never after today.
    #[ts(as = "Option<String>")]
    pub relationship_start: Option<NaiveDate>,
    /// The share of the company's turnover made there, 0 to 100.
    pub turnover_share_pct: Option<u8>,
    /// How to complain to the platform; empty when not known.
    pub complaint_channel: String,
    /// The mediators its terms name (P2B 12).
    pub mediators: Vec<String>,
    /// The version or date of its terms; empty when not known.
    pub terms_version: String,
    /// The legal entity's postal address, lines joined by `\n`; empty when not recorded.
    #[serde(default)]
    pub address: String,
    /// Out-of-court bodies the owner recorded (DSA 21).
    #[serde(default)]
    pub ooc_bodies: Vec<String>,
    /// Known to be a micro or small enterprise (P2B 11(5), DSA 19).
    #[serde(default)]
    pub small_enterprise: bool,
}

/// A saved platform, as the commands answer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlatformRecord {
    /// The platform's id in the vault.
    #[ts(type = "number")]
    pub id: i64,
    /// What the owner recorded.
    #[serde(flatten)]
    #[ts(flatten)]
    pub details: PlatformDetails,
    /// Whether it signed the 2019 charter, from the catalogue; `null` for a platform the
    /// owner named (the catalogue lists every signatory, but a name typed freely is not
    /// matched to one with certainty).
    pub charter: Option<CharterSignatory>,
    /// When it was recorded (RFC 3339).
    pub created_at: String,
    /// When it was last changed (RFC 3339).
    pub updated_at: String,
    /// Set while it is in the trash.
    pub deleted_at: Option<String>,
}

impl PlatformInput {
    /// Checks and normalises every field, in the order of the form; the first one wrong is
    /// named. `today` bounds the start of the relationship.
    pub fn check(
        &self,
        catalogue: &Platforms,
        today: NaiveDate,
    ) -> Result<PlatformDetails, CoreError> {
        let catalogue_id = self.catalogue_id.trim();
        // The catalogue's entry, or the name the owner typed for a platform not in it.
        let (entry, typed_name) = if catalogue_id.is_empty() {
            let name = text::required_line(&self.name, NAME_MAX, Field::PlatformName)?;
            match find_by_name(catalogue, &name) {
                Some(entry) => (Some(entry), String::new()),
                None => (None, name),
            }
        } else {
            let entry = catalogue
                .get(catalogue_id)
                .ok_or(CoreError::Invalid(Field::PlatformCatalogueId))?;
            (Some(entry), String::new())
        };
        let service = service(&self.service)?
            .or(entry.map(|e| e.service))
            .ok_or(CoreError::Invalid(Field::PlatformService))?;
        let (catalogue_id, name) = match entry {
            Some(entry) => (Some(entry.id.clone()), entry.name.clone()),
            None => (None, typed_name),
        };
        let legal_entity = text::line(
            &self.legal_entity,
            LEGAL_ENTITY_MAX,
            Field::PlatformLegalEntity,
        )?;
        let country = contact::country(&self.country)?;
        let siret = match self.siret.trim() {
            "" => None,
            s => Some(Siret::parse(s)?),
        };
        let seller_accounts = text::lines(
            &self.seller_accounts,
            SELLER_ACCOUNTS_MAX,
            SELLER_ACCOUNT_MAX,
            Field::PlatformSellerAccounts,
        )?;
        let relationship_start =
            text::date(&self.relationship_start, Field::PlatformRelationshipStart)?;
        if relationship_start.is_some_and(|d| d > today || d < RELATIONSHIP_START_MIN) {
            return Err(CoreError::Invalid(Field::PlatformRelationshipStart));
        }
        let turnover_share_pct = percentage(&self.turnover_share)?;
        let complaint_channel = text::text(
            &self.complaint_channel,
            COMPLAINT_CHANNEL_MAX,
            Field::PlatformComplaintChannel,
        )?;
        let mediators = text::lines(
            &self.mediators,
            MEDIATORS_MAX,
            MEDIATOR_MAX,
            Field::PlatformMediators,
        )?;
        let terms_version = text::line(
            &self.terms_version,
            TERMS_VERSION_MAX,
            Field::PlatformTermsVersion,
        )?;
        let address = text::text(&self.address, ADDRESS_MAX, Field::PlatformAddress)?;
        let ooc_bodies = text::lines(
            &self.ooc_bodies,
            MEDIATORS_MAX,
            MEDIATOR_MAX,
            Field::PlatformOocBodies,
        )?;
        Ok(PlatformDetails {
            catalogue_id,
            name,
            service,
            legal_entity,
            country,
            siret,
            seller_accounts,
            relationship_start,
            turnover_share_pct,
            complaint_channel,
            mediators,
            terms_version,
            address,
            ooc_bodies,
            small_enterprise: self.small_enterprise,
        })
    }
}

impl PlatformDetails {
    /// The catalogue's entry, when it is one of the catalogue's platforms.
    pub fn entry<'a>(&self, catalogue: &'a Platforms) -> Option<&'a platforms::Platform> {
        self.catalogue_id
            .as_deref()
            .and_then(|id| catalogue.get(id))
    }

    /// Whether it signed the 2019 charter, as the catalogue says; `None` when not in it.
    pub fn charter(&self, catalogue: &Platforms) -> Option<CharterSignatory> {
        self.entry(catalogue).map(|e| e.charter)
    }

    /// What makes two platforms the same one: the catalogue id, or the typed name in any
    /// case. The owner keeps one record per platform (several accounts go in its list).
    pub fn identity(&self) -> String {
        match &self.catalogue_id {
            Some(id) => format!("catalogue:{id}"),
            None => format!("name:{}", fold(&self.name)),
        }
    }

    /// The text the search finds the platform by: its name and its legal entity.
    pub fn search_text(&self) -> String {
        format!("{}\n{}", self.name, self.legal_entity)
            .trim()
            .to_owned()
    }

    /// The form that gives these details back.
    pub fn to_input(&self, id: Option<i64>) -> PlatformInput {
        PlatformInput {
            id,
            catalogue_id: self.catalogue_id.clone().unwrap_or_default(),
            name: self.name.clone(),
            service: self.service.code().to_owned(),
            legal_entity: self.legal_entity.clone(),
            country: self.country.clone(),
            siret: self
                .siret
                .as_ref()
                .map(Siret::to_string)
                .unwrap_or_default(),
            seller_accounts: self.seller_accounts.clone(),
            relationship_start: self
                .relationship_start
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            turnover_share: self
                .turnover_share_pct
                .map(|p| p.to_string())
                .unwrap_or_default(),
            complaint_channel: self.complaint_channel.clone(),
            mediators: self.mediators.clone(),
            terms_version: self.terms_version.clone(),
            address: self.address.clone(),
            ooc_bodies: self.ooc_bodies.clone(),
            small_enterprise: self.small_enterprise,
        }
    }

    /// The names of the fields that differ from `before` (every field given, for a new
    /// platform): what the history records, never the values.
    pub fn changed_fields(&self, before: Option<&PlatformDetails>) -> Vec<&'static str> {
        let mut out = Vec::new();
        let (a, b) = (before, self);
        let mut diff = |name, differs: bool| {
            if differs {
                out.push(name);
            }
        };
        let given = |s: &str| !s.is_empty();
        match a {
            Some(a) => {
                diff("catalogue_id", a.catalogue_id != b.catalogue_id);
                diff("name", a.name != b.name);
                diff("service", a.service != b.service);
                diff("legal_entity", a.legal_entity != b.legal_entity);
                diff("country", a.country != b.country);
                diff("siret", a.siret != b.siret);
                diff("seller_accounts", a.seller_accounts != b.seller_accounts);
                diff(
                    "relationship_start",
                    a.relationship_start != b.relationship_start,
                );
                diff(
                    "turnover_share_pct",
                    a.turnover_share_pct != b.turnover_share_pct,
                );
                diff(
                    "complaint_channel",
                    a.complaint_channel != b.complaint_channel,
                );
                diff("mediators", a.mediators != b.mediators);
                diff("terms_version", a.terms_version != b.terms_version);
                diff("address", a.address != b.address);
                diff("ooc_bodies", a.ooc_bodies != b.ooc_bodies);
                diff("small_enterprise", a.small_enterprise != b.small_enterprise);
            }
            None => {
                diff("catalogue_id", b.catalogue_id.is_some());
                diff("name", true);
                diff("service", true);
                diff("legal_entity", given(&b.legal_entity));
                diff("country", given(&b.country));
                diff("siret", b.siret.is_some());
                diff("seller_accounts", !b.seller_accounts.is_empty());
                diff("relationship_start", b.relationship_start.is_some());
                diff("turnover_share_pct", b.turnover_share_pct.is_some());
                diff("complaint_channel", given(&b.complaint_channel));
                diff("mediators", !b.mediators.is_empty());
                diff("terms_version", given(&b.terms_version));
                diff("address", given(&b.address));
                diff("ooc_bodies", !b.ooc_bodies.is_empty());
                diff("small_enterprise", b.small_enterprise);
            }
        }
        out
    }
}

/// A name compared without regard to case or spacing.
fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The catalogue entry whose name or one of whose aliases is `name`, in any case.
fn find_by_name<'a>(catalogue: &'a Platforms, name: &str) -> Option<&'a platforms::Platform> {
    let wanted = fold(name);
    catalogue
        .all()
        .iter()
        .find(|p| fold(&p.name) == wanted || p.aliases.iter().any(|a| fold(a) == wanted))
}

/// A service type code; empty is `None`.
fn service(input: &str) -> Result<Option<ServiceType>, CoreError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    ServiceType::ALL
        .into_iter()
        .find(|t| t.code() == s)
        .map(Some)
        .ok_or(CoreError::Invalid(Field::PlatformService))
}

/// A whole percentage as typed: `35`, `35 %`, `35%`; empty is `None`.
fn percentage(input: &str) -> Result<Option<u8>, CoreError> {
    let bad = || CoreError::Invalid(Field::PlatformTurnoverShare);
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let s = s
        .strip_suffix('%')
        .map(|n| n.trim_end_matches([' ', crate::format::NBSP, crate::format::NNBSP]))
        .unwrap_or(s);
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    s.parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .map(Some)
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests;

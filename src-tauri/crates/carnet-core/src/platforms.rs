//! The well-known platforms offered when the owner records one (`data/platforms.toml`,
//! embedded at build time): the brand, the kind of service, its status under the e-commerce
//! charter (signed 2019, joined 2020, no, unknown), other names to search it by, and where
//! known from public legal notices its legal entity, country and address, whether it is a
//! VLOP (DSA) or a gatekeeper (DMA), each with its source and the date checked (docs/law.md).
//! Unknown stays unknown: never guessed. The owner's own record (invoices, terms) wins.
//! Validated like the category tree.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalogue::{self, CatalogueError, Label, RawEntry, closed_labels, known, unique};

const BUILTIN_TOML: &str = include_str!("../data/platforms.toml");

/// What the platform does for the seller, as the P2B Regulation sorts its services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ServiceType {
    /// A marketplace (Amazon, leboncoin).
    Marketplace,
    /// An app store (Google Play, the App Store).
    AppStore,
    /// Booking and travel (Booking.com, Airbnb).
    Booking,
    /// Delivery (Uber Eats, Deliveroo).
    Delivery,
    /// A search engine or an advertising service (Google Search, Google Ads).
    SearchAds,
    /// A social network (Facebook, Instagram).
    Social,
}

impl ServiceType {
    /// Every service type, in the order of the data file.
    pub const ALL: [ServiceType; 6] = [
        ServiceType::Marketplace,
        ServiceType::AppStore,
        ServiceType::Booking,
        ServiceType::Delivery,
        ServiceType::SearchAds,
        ServiceType::Social,
    ];

    /// The name used in data files and over IPC.
    pub fn code(self) -> &'static str {
        match self {
            ServiceType::Marketplace => "marketplace",
            ServiceType::AppStore => "app_store",
            ServiceType::Booking => "booking",
            ServiceType::Delivery => "delivery",
            ServiceType::SearchAds => "search_ads",
            ServiceType::Social => "social",
        }
    }
}

/// The platform's status under the Charte des acteurs du e-commerce: signed on 26 March
/// 2019, or joined when it was renewed on 7 December 2020.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum CharterSignatory {
    /// Among the signatories of 26 March 2019.
    Signed2019,
    /// Joined the renewed charter of 7 December 2020.
    Joined2020,
    /// Not a signatory, as far as the sources say.
    No,
    /// Not known.
    Unknown,
}

impl CharterSignatory {
    /// Every status, in a fixed order.
    pub const ALL: [CharterSignatory; 4] = [
        CharterSignatory::Signed2019,
        CharterSignatory::Joined2020,
        CharterSignatory::No,
        CharterSignatory::Unknown,
    ];

    /// The name used in data files and over IPC.
    pub fn code(self) -> &'static str {
        match self {
            CharterSignatory::Signed2019 => "signed2019",
            CharterSignatory::Joined2020 => "joined2020",
            CharterSignatory::No => "no",
            CharterSignatory::Unknown => "unknown",
        }
    }
}

/// A body a platform can be taken to: a certified out-of-court body covering it (DSA 21) or
/// a mediator its terms name (P2B 12), with its fee rule and where that comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct NamedBody {
    /// The body's name.
    pub name: String,
    /// Its country (ISO alpha-2).
    pub country: String,
    /// Its fee rule for the business user, as its source states it; `None` when unknown.
    pub fee: Option<Label>,
    /// Where this comes from (see docs/law.md).
    pub source: String,
    /// The day that source was checked (`YYYY-MM-DD`).
    pub checked: String,
}

/// The service types with their labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ServiceInfo {
    /// The service type described.
    pub service: ServiceType,
    /// Its name in both languages.
    pub label: Label,
}

/// A platform of the built-in list, with what public sources say of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Platform {
    /// Stable: records refer to it.
    pub id: String,
    /// The brand as written (`leboncoin`, `Booking.com`): the same in both languages.
    pub name: String,
    /// The kind of service it offers sellers.
    pub service: ServiceType,
    /// Its status under the e-commerce charter.
    pub charter: CharterSignatory,
    /// Other names the owner may look it up by.
    pub aliases: Vec<String>,
    /// The legal entity that contracts with sellers in France, when known.
    pub legal_entity: Option<String>,
    /// Its country (ISO 3166 alpha-2), when known.
    pub country: Option<String>,
    /// Its registered address, when known from its public legal notice.
    pub address: Option<String>,
    /// Designated a very large online platform under the DSA; `None` when unknown.
    pub vlop: Option<bool>,
    /// Its operator designated a gatekeeper under the DMA; `None` when unknown.
    pub gatekeeper: Option<bool>,
    /// Where the data above comes from (see docs/law.md).
    pub source: Option<String>,
    /// The day that source was checked (`YYYY-MM-DD`).
    pub checked: Option<String>,
    /// The fields still to check against a primary source.
    pub to_check: Vec<String>,
    /// The certified out-of-court bodies known to cover it (DSA 21); empty when none is known.
    pub out_of_court_bodies: Vec<NamedBody>,
    /// The mediators its terms name (P2B 12); empty when not known.
    pub mediators: Vec<NamedBody>,
}

/// The built-in platforms, in the order of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Platforms {
    services: Vec<ServiceInfo>,
    platforms: Vec<Platform>,
}

impl Platforms {
    /// Reads and validates the built-in file.
    pub fn load() -> Result<Platforms, CatalogueError> {
        Platforms::parse(BUILTIN_TOML)
    }

    /// The built-in list, read once; a test validates its file before it ships.
    pub fn builtin() -> &'static Platforms {
        static BUILTIN: OnceLock<Platforms> = OnceLock::new();
        BUILTIN.get_or_init(|| Platforms::load().expect("data/platforms.toml is valid"))
    }

    /// Reads and validates a platform file.
    pub fn parse(toml: &str) -> Result<Platforms, CatalogueError> {
        validate(catalogue::parse(toml)?)
    }

    /// The platform with this id, if any.
    pub fn get(&self, id: &str) -> Option<&Platform> {
        self.platforms.iter().find(|p| p.id == id)
    }

    /// Every platform, in the order of the file.
    pub fn all(&self) -> &[Platform] {
        &self.platforms
    }

    /// A service type's label. Every type has one: validation sees to it.
    pub fn service(&self, service: ServiceType) -> &Label {
        let info = self.services.iter().find(|s| s.service == service);
        &info
            .expect("validated: every service type is defined")
            .label
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    service: Vec<RawEntry>,
    #[serde(default)]
    platform: Vec<RawPlatform>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlatform {
    id: String,
    name: Option<String>,
    service: Option<String>,
    charter: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    legal_entity: Option<String>,
    country: Option<String>,
    address: Option<String>,
    vlop: Option<bool>,
    gatekeeper: Option<bool>,
    source: Option<String>,
    checked: Option<String>,
    #[serde(default)]
    to_check: Vec<String>,
    #[serde(default)]
    out_of_court_bodies: Vec<NamedBody>,
    #[serde(default)]
    mediators: Vec<NamedBody>,
}

fn validate(raw: RawFile) -> Result<Platforms, CatalogueError> {
    let services = closed_labels(
        raw.service,
        &ServiceType::ALL,
        ServiceType::code,
        "service type",
    )?
    .into_iter()
    .map(|(service, label)| ServiceInfo { service, label })
    .collect();
    unique(raw.platform.iter().map(|p| p.id.as_str()))?;
    let platforms = raw
        .platform
        .into_iter()
        .map(platform)
        .collect::<Result<Vec<_>, _>>()?;
    let names: Vec<String> = platforms.iter().map(|p| p.name.to_lowercase()).collect();
    unique(names.iter().map(String::as_str))?;
    Ok(Platforms {
        services,
        platforms,
    })
}

fn platform(p: RawPlatform) -> Result<Platform, CatalogueError> {
    let id = p.id;
    let malformed = |reason| CatalogueError::Malformed {
        code: id.clone(),
        reason,
    };
    let missing = |what: &str| CatalogueError::Missing {
        code: id.clone(),
        what: what.to_owned(),
    };
    let slug = !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !slug {
        return Err(malformed(
            "an id is lowercase letters, digits and inner hyphens",
        ));
    }
    let name = p
        .name
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| missing("name"))?;
    let service = p.service.ok_or_else(|| missing("service type"))?;
    let service = known(
        &ServiceType::ALL,
        ServiceType::code,
        &id,
        "service type",
        &service,
    )?;
    let charter = p.charter.ok_or_else(|| missing("charter status"))?;
    let charter = known(
        &CharterSignatory::ALL,
        CharterSignatory::code,
        &id,
        "charter status",
        &charter,
    )?;
    if p.aliases.iter().any(|a| a.trim().is_empty()) {
        return Err(malformed("an alias is blank"));
    }
    let blank = |v: &Option<String>| v.as_deref().is_some_and(|s| s.trim().is_empty());
    if [
        &p.legal_entity,
        &p.country,
        &p.address,
        &p.source,
        &p.checked,
    ]
    .into_iter()
    .any(blank)
    {
        return Err(malformed("a field is blank"));
    }
    if p.country
        .as_deref()
        .is_some_and(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return Err(malformed("a country is two capital letters"));
    }
    if p.checked
        .as_deref()
        .is_some_and(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err())
    {
        return Err(malformed("a date checked is YYYY-MM-DD"));
    }
    for b in p.out_of_court_bodies.iter().chain(&p.mediators) {
        let fee_blank = b
            .fee
            .as_ref()
            .is_some_and(|f| f.fr.trim().is_empty() || f.en.trim().is_empty());
        if b.name.trim().is_empty() || b.source.trim().is_empty() || fee_blank {
            return Err(malformed("a body's name, fee or source is blank"));
        }
        if b.country.len() != 2 || !b.country.bytes().all(|c| c.is_ascii_uppercase()) {
            return Err(malformed("a country is two capital letters"));
        }
        if chrono::NaiveDate::parse_from_str(&b.checked, "%Y-%m-%d").is_err() {
            return Err(malformed("a date checked is YYYY-MM-DD"));
        }
    }
    let sourced = p.legal_entity.is_some() || p.vlop.is_some() || p.gatekeeper.is_some();
    if sourced && (p.source.is_none() || p.checked.is_none()) {
        return Err(missing("source and date checked"));
    }
    Ok(Platform {
        id,
        name,
        service,
        charter,
        aliases: p.aliases,
        legal_entity: p.legal_entity,
        country: p.country,
        address: p.address,
        vlop: p.vlop,
        gatekeeper: p.gatekeeper,
        source: p.source,
        checked: p.checked,
        to_check: p.to_check,
        out_of_court_bodies: p.out_of_court_bodies,
        mediators: p.mediators,
    })
}

#[cfg(test)]
mod tests;

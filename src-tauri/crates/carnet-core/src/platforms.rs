//! The well-known platforms offered when the owner records one (`data/platforms.toml`,
//! embedded at build time): the brand, the kind of service, whether it signed the 2019
//! e-commerce charter, and other names to search it by. Brands only — the legal entity and
//! its SIRET come from the owner's own invoices, never from here. Validated like the
//! category tree.

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
    Marketplace,
    AppStore,
    Booking,
    Delivery,
    SearchAds,
    Social,
}

impl ServiceType {
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

/// Whether the platform signed the Charte des acteurs du e-commerce of 26 March 2019.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum CharterSignatory {
    Yes,
    No,
    /// The sources disagree.
    Disputed,
}

impl CharterSignatory {
    pub const ALL: [CharterSignatory; 3] = [
        CharterSignatory::Yes,
        CharterSignatory::No,
        CharterSignatory::Disputed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CharterSignatory::Yes => "yes",
            CharterSignatory::No => "no",
            CharterSignatory::Disputed => "disputed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ServiceInfo {
    pub service: ServiceType,
    pub label: Label,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Platform {
    /// Stable: records refer to it.
    pub id: String,
    /// The brand as written (`leboncoin`, `Booking.com`): the same in both languages.
    pub name: String,
    pub service: ServiceType,
    pub charter: CharterSignatory,
    /// Other names the owner may look it up by.
    pub aliases: Vec<String>,
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

    pub fn get(&self, id: &str) -> Option<&Platform> {
        self.platforms.iter().find(|p| p.id == id)
    }

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
    Ok(Platform {
        id,
        name,
        service,
        charter,
        aliases: p.aliases,
    })
}

#[cfg(test)]
mod tests;

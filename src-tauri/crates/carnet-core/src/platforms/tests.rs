use super::*;
use crate::locale::Locale;
use proptest::prelude::*;

/// The eight signatories named in docs/domain.md §1.
const SIGNATORIES: [&str; 8] = [
    "cdiscount",
    "conforama",
    "ebay",
    "fnac-darty",
    "la-redoute",
    "leboncoin",
    "manomano",
    "rakuten",
];

const SERVICES: &str = r#"
[[service]]
code = "marketplace"
fr = "Place de marché"
en = "Marketplace"
[[service]]
code = "app_store"
fr = "Boutique d’applications"
en = "App store"
[[service]]
code = "booking"
fr = "Réservation"
en = "Booking"
[[service]]
code = "delivery"
fr = "Livraison"
en = "Delivery"
[[service]]
code = "search_ads"
fr = "Recherche"
en = "Search"
[[service]]
code = "social"
fr = "Réseau social"
en = "Social network"
"#;

const PLATFORM: &str = r#"
[[platform]]
id = "shop-1"
name = "Shop One"
service = "marketplace"
charter = "no"
aliases = ["One"]
"#;

fn with(from: &str, to: &str) -> Result<Platforms, CatalogueError> {
    let text = format!("{SERVICES}{PLATFORM}");
    assert!(text.contains(from), "{from:?} is not in the minimal file");
    Platforms::parse(&text.replacen(from, to, 1))
}

fn missing(code: &str, what: &str) -> Result<Platforms, CatalogueError> {
    Err(CatalogueError::Missing {
        code: code.into(),
        what: what.into(),
    })
}

#[test]
fn the_builtin_file_is_valid_and_has_the_usual_platforms() {
    let p = Platforms::load().unwrap();
    assert_eq!(&p, Platforms::builtin());
    for id in [
        "amazon",
        "cdiscount",
        "ebay",
        "manomano",
        "rakuten",
        "fnac-darty",
        "leboncoin",
        "la-redoute",
        "etsy",
        "boulanger",
        "conforama",
        "back-market",
        "vinted",
        "apple-app-store",
        "google-play",
        "booking-com",
        "airbnb",
        "uber-eats",
        "deliveroo",
        "google",
        "meta",
        "tiktok-shop",
        "alibaba",
    ] {
        assert!(p.get(id).is_some(), "{id}");
    }
    assert_eq!(p.get("leboncoin").unwrap().name, "leboncoin");
    assert_eq!(p.get("booking-com").unwrap().service, ServiceType::Booking);
    assert_eq!(p.get("google").unwrap().service, ServiceType::SearchAds);
    assert_eq!(p.get("meta").unwrap().service, ServiceType::Social);
    assert_eq!(
        p.get("apple-app-store").unwrap().service,
        ServiceType::AppStore
    );
    assert_eq!(p.get("uber-eats").unwrap().service, ServiceType::Delivery);
    assert!(p.get("zalando").is_none());
    assert_eq!(
        p.service(ServiceType::Marketplace).get(Locale::Fr),
        "Place de marché"
    );
}

#[test]
fn charter_status_as_domain_md_reports_it() {
    let p = Platforms::builtin();
    for platform in p.all() {
        let expected = if SIGNATORIES.contains(&platform.id.as_str()) {
            CharterSignatory::Yes
        } else if platform.id == "boulanger" {
            CharterSignatory::Disputed
        } else {
            CharterSignatory::No
        };
        assert_eq!(platform.charter, expected, "{}", platform.id);
    }
    assert_eq!(p.get("amazon").unwrap().charter, CharterSignatory::No);
    assert_eq!(p.get("alibaba").unwrap().charter, CharterSignatory::No);
}

#[test]
fn serialised_for_the_ui() {
    let json = serde_json::to_value(Platforms::builtin()).unwrap();
    let first = &json["platforms"][0];
    assert_eq!(first["id"], "amazon");
    assert_eq!(first["service"], "marketplace");
    assert_eq!(first["charter"], "no");
    assert_eq!(json["services"][1]["service"], "app_store");
    for s in ServiceType::ALL {
        assert_eq!(serde_json::to_value(s).unwrap(), s.code());
    }
    for c in CharterSignatory::ALL {
        assert_eq!(serde_json::to_value(c).unwrap(), c.code());
    }
}

#[test]
fn the_minimal_file_is_valid() {
    assert_eq!(with("", "").unwrap().all().len(), 1);
}

#[test]
fn each_failure_names_the_platform() {
    let unknown = |key, value: &str| {
        Err(CatalogueError::Unknown {
            code: "shop-1".into(),
            key,
            value: value.into(),
        })
    };
    assert_eq!(
        with("service = \"marketplace\"", "service = \"shop\""),
        unknown("service type", "shop")
    );
    assert_eq!(
        with("charter = \"no\"", "charter = \"maybe\""),
        unknown("charter status", "maybe")
    );
    assert_eq!(
        with("service = \"marketplace\"\n", ""),
        missing("shop-1", "service type")
    );
    assert_eq!(
        with("charter = \"no\"\n", ""),
        missing("shop-1", "charter status")
    );
    assert_eq!(
        with("name = \"Shop One\"", "name = \" \""),
        missing("shop-1", "name")
    );
    for bad in ["Shop-1", "shop 1", "-shop", "shop-", "", "shöp"] {
        let r = with("id = \"shop-1\"", &format!("id = \"{bad}\""));
        assert!(
            matches!(r, Err(CatalogueError::Malformed { ref code, .. }) if code == bad),
            "{bad:?}: {r:?}"
        );
    }
    assert!(matches!(
        with("aliases = [\"One\"]", "aliases = [\"\"]"),
        Err(CatalogueError::Malformed { .. })
    ));
    assert!(matches!(
        with("aliases", "alias"),
        Err(CatalogueError::Syntax(_))
    ));
}

#[test]
fn duplicates_are_refused() {
    let twice = format!(
        "{SERVICES}{PLATFORM}{}",
        PLATFORM.replace("Shop One", "Shop Two")
    );
    assert_eq!(
        Platforms::parse(&twice),
        Err(CatalogueError::Duplicate {
            code: "shop-1".into()
        })
    );
    let same_name = format!(
        "{SERVICES}{PLATFORM}{}",
        PLATFORM
            .replace("shop-1", "shop-2")
            .replace("Shop One", "SHOP ONE")
    );
    assert_eq!(
        Platforms::parse(&same_name),
        Err(CatalogueError::Duplicate {
            code: "shop one".into()
        })
    );
}

#[test]
fn every_service_type_needs_its_labels() {
    let text = format!("{SERVICES}{PLATFORM}");
    let no_social = text.replacen(
        "[[service]]\ncode = \"social\"\nfr = \"Réseau social\"\nen = \"Social network\"\n",
        "",
        1,
    );
    assert_ne!(no_social, text);
    assert_eq!(
        Platforms::parse(&no_social),
        missing("social", "definition")
    );
    assert_eq!(
        with("en = \"Delivery\"\n", ""),
        missing("delivery", "en label")
    );
    assert_eq!(
        with("code = \"booking\"", "code = \"travel\""),
        Err(CatalogueError::Unknown {
            code: "travel".into(),
            key: "service type",
            value: "travel".into()
        })
    );
}

proptest! {
    #[test]
    fn removing_any_name_of_the_builtin_file_names_its_platform(pick in any::<prop::sample::Index>()) {
        let platforms = Platforms::builtin().all();
        let p = &platforms[pick.index(platforms.len())];
        let line = format!("name = \"{}\"\n", p.name);
        let text = BUILTIN_TOML.replacen(&line, "", 1);
        prop_assert_ne!(&text, BUILTIN_TOML);
        prop_assert_eq!(Platforms::parse(&text), missing(&p.id, "name"));
    }

    #[test]
    fn any_unknown_service_type_is_refused(s in "[a-z_]{1,12}") {
        prop_assume!(!ServiceType::ALL.iter().any(|t| t.code() == s));
        let r = with("service = \"marketplace\"", &format!("service = \"{s}\""));
        prop_assert!(matches!(r, Err(CatalogueError::Unknown { key: "service type", .. })), "{r:?}");
    }

    #[test]
    fn arbitrary_text_is_refused_without_panic(s in "\\PC{0,200}") {
        prop_assert!(Platforms::parse(&s).is_err());
    }
}

use super::*;
use crate::locale::Locale;
use proptest::prelude::*;

/// The eight signatories named in the project's domain notes §1 (docs/law.md).
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
    assert_eq!(
        p.service(ServiceType::Marketplace).get(Locale::Fr),
        "Place de marché"
    );
}

/// Charter status from domain.md §1: the nine signatories of 26 March 2019 (Boulanger among
/// them, no longer "disputed"), and Amazon, LDLC, Back Market, Certideal joining the renewed
/// charter of 7 December 2020.
#[test]
fn charter_status_as_domain_md_reports_it() {
    let p = Platforms::builtin();
    let joined = ["amazon", "ldlc", "back-market", "certideal"];
    for platform in p.all() {
        let id = platform.id.as_str();
        let expected = if SIGNATORIES.contains(&id) || id == "boulanger" {
            CharterSignatory::Signed2019
        } else if joined.contains(&id) {
            CharterSignatory::Joined2020
        } else if id == "alibaba" {
            CharterSignatory::No
        } else {
            CharterSignatory::Unknown
        };
        assert_eq!(platform.charter, expected, "{id}");
    }
    assert_eq!(
        p.get("boulanger").unwrap().charter,
        CharterSignatory::Signed2019
    );
    assert_eq!(
        p.get("amazon").unwrap().charter,
        CharterSignatory::Joined2020
    );
}

/// The platforms issue 11 adds, each with its country, and the DSA/DMA flags, each sourced.
#[test]
fn new_platforms_with_entity_country_and_flags() {
    let p = Platforms::builtin();
    for (id, country) in [
        ("ldlc", "FR"),
        ("certideal", "FR"),
        ("rue-du-commerce", "FR"),
        ("zalando", "DE"),
        ("shein", "IE"),
        ("temu", "IE"),
    ] {
        let e = p.get(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(e.country.as_deref(), Some(country), "{id}");
        // A legal entity is either given or marked to check: never silently absent.
        assert!(
            e.legal_entity.is_some() || e.to_check.iter().any(|f| f == "legal_entity"),
            "{id}"
        );
        assert!(e.source.is_some() && e.checked.is_some(), "{id}");
    }
    assert_eq!(
        p.get("zalando").unwrap().legal_entity.as_deref(),
        Some("Zalando SE")
    );
    assert_eq!(p.get("amazon").unwrap().gatekeeper, Some(true));
    assert_eq!(p.get("booking-com").unwrap().gatekeeper, Some(true));
    assert_eq!(p.get("temu").unwrap().vlop, Some(true));
    // Unknown stays unknown.
    assert_eq!(p.get("cdiscount").unwrap().vlop, None);
    assert_eq!(p.get("cdiscount").unwrap().gatekeeper, None);
}

#[test]
fn a_sourced_datum_needs_its_source_and_date() {
    assert!(matches!(
        with("charter = \"no\"\n", "charter = \"no\"\nvlop = true\n"),
        Err(CatalogueError::Missing { .. })
    ));
    assert!(
        with(
            "charter = \"no\"\n",
            "charter = \"no\"\nvlop = true\nsource = \"x\"\nchecked = \"2026-12-04\"\n"
        )
        .is_ok()
    );
    assert!(matches!(
        with(
            "charter = \"no\"\n",
            "charter = \"no\"\ncountry = \"France\"\n"
        ),
        Err(CatalogueError::Malformed { .. })
    ));
    assert!(matches!(
        with(
            "charter = \"no\"\n",
            "charter = \"no\"\nvlop = true\nsource = \"x\"\nchecked = \"4 Dec\"\n"
        ),
        Err(CatalogueError::Malformed { .. })
    ));
}

#[test]
fn serialised_for_the_ui() {
    let json = serde_json::to_value(Platforms::builtin()).unwrap();
    let first = &json["platforms"][0];
    assert_eq!(first["id"], "amazon");
    assert_eq!(first["service"], "marketplace");
    assert_eq!(first["charter"], "joined2020");
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

/// DSA 21: the certified bodies covering a platform are data, with their fee rule
/// (domain.md §3: ADR Center covers Amazon, free for recipients since 1 September 2025).
#[test]
fn out_of_court_bodies_are_named_with_their_fee() {
    let p = Platforms::builtin();
    let amazon = p.get("amazon").unwrap();
    let adr = amazon
        .out_of_court_bodies
        .iter()
        .find(|b| b.name == "ADR Center")
        .expect("ADR Center covers Amazon");
    assert_eq!(adr.country, "IT");
    assert!(adr.fee.as_ref().unwrap().en.contains("Free"));
    // Unknown is empty, never invented.
    assert!(p.get("cdiscount").unwrap().out_of_court_bodies.is_empty());
    assert!(p.get("cdiscount").unwrap().mediators.is_empty());
    let body = |b: &str| {
        format!(
            "charter = \"no\"\nout_of_court_bodies = [{{ name = \"B\", country = \"{b}\", source = \"x\", checked = \"2026-12-04\" }}]\n"
        )
    };
    assert!(with("charter = \"no\"\n", &body("IT")).is_ok());
    assert!(matches!(
        with("charter = \"no\"\n", &body("Italy")),
        Err(CatalogueError::Malformed { .. })
    ));
}

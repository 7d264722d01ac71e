use super::*;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn catalogue() -> &'static Platforms {
    Platforms::builtin()
}

fn amazon() -> PlatformInput {
    PlatformInput {
        id: None,
        catalogue_id: "amazon".into(),
        name: String::new(),
        service: String::new(),
        legal_entity: "Amazon EU S.à r.l.".into(),
        country: "lu".into(),
        siret: String::new(),
        seller_accounts: vec![" A1B2C3D4E5 ".into(), String::new(), "A1B2C3D4E5".into()],
        relationship_start: "2019-03-01".into(),
        turnover_share: "62 %".into(),
        complaint_channel: "Seller Central\r\nRubrique « Aide »".into(),
        mediators: vec!["CEDR".into(), "Centre de médiation X".into()],
        terms_version: "BSA 2024-06".into(),
        address: String::new(),
        ooc_bodies: vec![" User Rights ".into(), String::new()],
        small_enterprise: false,
    }
}

fn field_of(input: &PlatformInput) -> Option<Field> {
    match input.check(catalogue(), today()) {
        Ok(_) => None,
        Err(CoreError::Invalid(f)) => Some(f),
        Err(e) => panic!("{e:?}"),
    }
}

#[test]
fn a_catalogue_platform_takes_its_name_service_and_charter() {
    let d = amazon().check(catalogue(), today()).unwrap();
    assert_eq!(d.catalogue_id.as_deref(), Some("amazon"));
    assert_eq!(d.name, "Amazon");
    assert_eq!(d.service, ServiceType::Marketplace);
    assert_eq!(d.country, "LU");
    assert_eq!(d.seller_accounts, ["A1B2C3D4E5"]);
    assert_eq!(d.relationship_start, NaiveDate::from_ymd_opt(2019, 3, 1));
    assert_eq!(d.turnover_share_pct, Some(62));
    assert_eq!(d.complaint_channel, "Seller Central\nRubrique « Aide »");
    assert_eq!(d.charter(catalogue()), Some(CharterSignatory::Joined2020));
    assert_eq!(d.identity(), "catalogue:amazon");
    assert_eq!(d.search_text(), "Amazon\nAmazon EU S.à r.l.");
    // The owner may say the service is another one.
    let ads = PlatformInput {
        service: "search_ads".into(),
        ..amazon()
    };
    assert_eq!(
        ads.check(catalogue(), today()).unwrap().service,
        ServiceType::SearchAds
    );
}

#[test]
fn a_typed_name_of_the_catalogue_links_its_entry() {
    for typed in ["cdiscount", "  CDISCOUNT ", "Cdiscount"] {
        let d = PlatformInput {
            name: typed.into(),
            ..Default::default()
        }
        .check(catalogue(), today())
        .unwrap();
        assert_eq!(d.catalogue_id.as_deref(), Some("cdiscount"), "{typed:?}");
        assert_eq!(d.charter(catalogue()), Some(CharterSignatory::Signed2019));
    }
    let alias = PlatformInput {
        name: "seller  central".into(),
        ..Default::default()
    }
    .check(catalogue(), today())
    .unwrap();
    assert_eq!(alias.catalogue_id.as_deref(), Some("amazon"));
    assert_eq!(alias.name, "Amazon");
}

#[test]
fn a_platform_outside_the_catalogue_needs_a_name_and_a_service() {
    let custom = PlatformInput {
        name: " Ma Petite Boutique ".into(),
        service: "marketplace".into(),
        ..Default::default()
    };
    let d = custom.check(catalogue(), today()).unwrap();
    assert_eq!(d.catalogue_id, None);
    assert_eq!(d.name, "Ma Petite Boutique");
    assert_eq!(d.charter(catalogue()), None);
    assert_eq!(d.identity(), "name:ma petite boutique");
    assert_eq!(
        field_of(&PlatformInput {
            service: String::new(),
            ..custom.clone()
        }),
        Some(Field::PlatformService)
    );
    assert_eq!(
        field_of(&PlatformInput::default()),
        Some(Field::PlatformName)
    );
}

#[test]
fn each_field_names_itself() {
    let long = |n: usize| "é".repeat(n);
    let many = |n: usize| (0..n).map(|i| format!("id-{i}")).collect::<Vec<_>>();
    type Set = fn(&mut PlatformInput, String);
    let cases: Vec<(Set, Vec<String>, Field)> = vec![
        (
            |i, v| i.catalogue_id = v,
            vec!["amazon-fr".into(), "AMAZON".into(), "../amazon".into()],
            Field::PlatformCatalogueId,
        ),
        (
            |i, v| {
                i.catalogue_id.clear();
                i.name = v;
            },
            vec!["".into(), " ".into(), long(101), "Shop\u{202E}exe".into()],
            Field::PlatformName,
        ),
        (
            |i, v| i.service = v,
            vec!["Marketplace".into(), "shop".into()],
            Field::PlatformService,
        ),
        (
            |i, v| i.legal_entity = v,
            vec![long(201), "a\nb".into()],
            Field::PlatformLegalEntity,
        ),
        (
            |i, v| i.country = v,
            vec!["LUX".into(), "ZZ".into()],
            Field::Country,
        ),
        (
            |i, v| i.siret = v,
            vec!["123".into(), "73282932000075".into()],
            Field::Siret,
        ),
        (
            |i, v| i.relationship_start = v,
            vec![
                "2026-11-27".into(),
                "1989-12-31".into(),
                "01/03/2019".into(),
                "2019-02-30".into(),
            ],
            Field::PlatformRelationshipStart,
        ),
        (
            |i, v| i.turnover_share = v,
            vec![
                "101".into(),
                "-1".into(),
                "12,5".into(),
                "%".into(),
                "1000".into(),
                "50 %%".into(),
            ],
            Field::PlatformTurnoverShare,
        ),
        (
            |i, v| i.complaint_channel = v,
            vec![long(501), "a\u{0}b".into()],
            Field::PlatformComplaintChannel,
        ),
        (
            |i, v| i.terms_version = v,
            vec![long(101)],
            Field::PlatformTermsVersion,
        ),
        (
            |i, v| i.address = v,
            vec![long(501), "a\u{0}b".into()],
            Field::PlatformAddress,
        ),
    ];
    for (set, values, field) in cases {
        for value in values {
            let mut input = amazon();
            set(&mut input, value.clone());
            assert_eq!(field_of(&input), Some(field), "{field:?} {value:?}");
        }
    }
    let lists: Vec<(Vec<String>, Field)> = vec![
        (many(21), Field::PlatformSellerAccounts),
        (vec!["x".repeat(101)], Field::PlatformSellerAccounts),
        (vec!["\u{202E}".into()], Field::PlatformSellerAccounts),
        (vec![String::new(); 100_000], Field::PlatformSellerAccounts),
    ];
    for (accounts, field) in lists {
        let input = PlatformInput {
            seller_accounts: accounts,
            ..amazon()
        };
        assert_eq!(field_of(&input), Some(field));
    }
    for mediators in [many(11), vec![long(201)]] {
        let input = PlatformInput {
            mediators,
            ..amazon()
        };
        assert_eq!(field_of(&input), Some(Field::PlatformMediators));
    }
    for ooc_bodies in [many(11), vec![long(201)], vec!["\u{202E}".into()]] {
        let input = PlatformInput {
            ooc_bodies,
            ..amazon()
        };
        assert_eq!(field_of(&input), Some(Field::PlatformOocBodies));
    }
    let kept = amazon().check(catalogue(), today()).unwrap();
    assert_eq!(kept.ooc_bodies, ["User Rights"], "trimmed, blanks dropped");
}

#[test]
fn accepted_edges() {
    let check = |input: PlatformInput| input.check(catalogue(), today()).unwrap();
    let d = check(PlatformInput {
        seller_accounts: (0..20).map(|i| format!("{i:0>100}")).collect(),
        mediators: (0..10).map(|i| format!("M{i}")).collect(),
        relationship_start: "2026-11-26".into(),
        turnover_share: "100%".into(),
        siret: "732 829 320 00074".into(),
        ..amazon()
    });
    assert_eq!(d.seller_accounts.len(), 20);
    assert_eq!(d.mediators.len(), 10);
    assert_eq!(d.turnover_share_pct, Some(100));
    assert_eq!(d.siret.unwrap().as_str(), "73282932000074");
    let empty = check(PlatformInput {
        catalogue_id: "etsy".into(),
        ..Default::default()
    });
    assert_eq!(empty.turnover_share_pct, None);
    assert_eq!(empty.relationship_start, None);
    assert!(empty.seller_accounts.is_empty());
    assert_eq!(
        check(PlatformInput {
            turnover_share: "0".into(),
            ..amazon()
        })
        .turnover_share_pct,
        Some(0)
    );
}

#[test]
fn changed_fields_names_what_differs() {
    let before = amazon().check(catalogue(), today()).unwrap();
    assert!(before.changed_fields(Some(&before)).is_empty());
    let after = PlatformInput {
        seller_accounts: vec!["A1B2C3D4E5".into(), "Z9".into()],
        turnover_share: String::new(),
        ..amazon()
    }
    .check(catalogue(), today())
    .unwrap();
    assert_eq!(
        after.changed_fields(Some(&before)),
        ["seller_accounts", "turnover_share_pct"]
    );
    let new = PlatformInput {
        catalogue_id: "etsy".into(),
        ..Default::default()
    }
    .check(catalogue(), today())
    .unwrap();
    assert_eq!(
        new.changed_fields(None),
        ["catalogue_id", "name", "service"]
    );
}

#[test]
fn the_record_serialises_flat_in_camel_case() {
    let record = PlatformRecord {
        id: 3,
        details: amazon().check(catalogue(), today()).unwrap(),
        charter: Some(CharterSignatory::No),
        created_at: "2026-11-26T10:00:00+01:00".into(),
        updated_at: "2026-11-26T10:00:00+01:00".into(),
        deleted_at: None,
    };
    let json = serde_json::to_value(&record).unwrap();
    assert_eq!(json["id"], 3);
    assert_eq!(json["catalogueId"], "amazon");
    assert_eq!(json["relationshipStart"], "2019-03-01");
    assert_eq!(json["turnoverSharePct"], 62);
    assert_eq!(json["charter"], "no");
    assert_eq!(json["sellerAccounts"][0], "A1B2C3D4E5");
    let back: PlatformRecord = serde_json::from_value(json).unwrap();
    assert_eq!(back, record);
    let input: PlatformInput =
        serde_json::from_str(r#"{"catalogueId": "ebay", "sellerAccounts": ["x"]}"#).unwrap();
    assert_eq!(input.id, None);
    assert_eq!(input.seller_accounts, ["x"]);
}

proptest! {
    #[test]
    fn checking_twice_changes_nothing(
        pick in prop::option::of(0usize..23),
        name in "[a-zA-Z][ a-zA-Z0-9.-]{0,30}",
        entity in "\\PC{0,40}",
        accounts in prop::collection::vec("[A-Z0-9 ]{0,12}", 0..25),
        share in prop::option::of(0u8..=100),
        start in prop::option::of(0i64..13_000),
        channel in "\\PC{0,60}",
    ) {
        let catalogue_id = pick
            .and_then(|i| catalogue().all().get(i))
            .map(|p| p.id.clone())
            .unwrap_or_default();
        let input = PlatformInput {
            catalogue_id,
            name,
            service: "social".into(),
            legal_entity: entity,
            seller_accounts: accounts,
            turnover_share: share.map(|s| s.to_string()).unwrap_or_default(),
            relationship_start: start
                .map(|d| (today() - chrono::Duration::days(d)).to_string())
                .unwrap_or_default(),
            complaint_channel: channel,
            ..Default::default()
        };
        if let Ok(d) = input.check(catalogue(), today()) {
            prop_assert_eq!(d.to_input(None).check(catalogue(), today()), Ok(d.clone()));
            prop_assert!(d.changed_fields(Some(&d)).is_empty());
        }
    }

    #[test]
    fn percentages_are_whole_numbers_up_to_100(n in 0u32..1000, sp in "[ ]{0,2}", pct in any::<bool>()) {
        let written = if pct { format!("{}{}%", n, sp) } else { n.to_string() };
        let got = percentage(&written);
        if n <= 100 {
            prop_assert_eq!(got, Ok(Some(n as u8)));
        } else {
            prop_assert_eq!(got, Err(CoreError::Invalid(Field::PlatformTurnoverShare)));
        }
    }
}

use super::*;
use proptest::prelude::*;

/// SIREN 732 829 320 and one of its establishments.
const SIREN: &str = "732829320";
const SIRET: &str = "73282932000074";

fn full() -> CompanyInput {
    CompanyInput {
        legal_name: "  Atelier Lumière SARL ".into(),
        siren: "732 829 320".into(),
        siret: "732 829 320 00074".into(),
        legal_form: "SARL".into(),
        naf: "4791b".into(),
        size_class: "micro".into(),
        headcount: "4".into(),
        street: "12 rue des Tanneurs".into(),
        postcode: "69 001".into(),
        city: "Lyon".into(),
        country: "fr".into(),
        contact_name: "Claire Martin".into(),
        contact_role: "Gérante".into(),
        contact_email: "claire.martin@Exemple.FR".into(),
        contact_phone: "06 12 34 56 78".into(),
        insolvency: false,
    }
}

fn field_of(input: &CompanyInput) -> Option<Field> {
    match input.check() {
        Ok(_) => None,
        Err(CoreError::Invalid(f)) => Some(f),
        Err(e) => panic!("{e:?}"),
    }
}

#[test]
fn a_full_form_is_normalised() {
    let p = full().check().unwrap();
    assert_eq!(p.legal_name, "Atelier Lumière SARL");
    assert_eq!(p.siren.as_ref().unwrap().as_str(), SIREN);
    assert_eq!(p.siret.as_ref().unwrap().as_str(), SIRET);
    assert_eq!(p.naf.as_ref().unwrap().as_str(), "47.91B");
    assert_eq!(p.size_class, Some(SizeClass::Micro));
    assert_eq!(p.headcount, Some(4));
    assert_eq!(p.postcode, "69001");
    assert_eq!(p.country, "FR");
    assert_eq!(p.contact_email, "claire.martin@exemple.fr");
    assert_eq!(p.contact_phone, "+33 6 12 34 56 78");
    assert!(p.mediator_can_act());
}

#[test]
fn only_the_legal_name_is_needed() {
    let p = CompanyInput {
        legal_name: "Atelier".into(),
        ..Default::default()
    }
    .check()
    .unwrap();
    assert_eq!(p.siren, None);
    assert_eq!(p.siret, None);
    assert_eq!(p.headcount, None);
    assert_eq!(p.country, DEFAULT_COUNTRY, "France unless said otherwise");
    assert_eq!(
        field_of(&CompanyInput::default()),
        Some(Field::CompanyLegalName)
    );
}

#[test]
fn the_siren_comes_from_the_siret_and_must_agree_with_it() {
    let only_siret = CompanyInput {
        siren: String::new(),
        ..full()
    };
    assert_eq!(only_siret.check().unwrap().siren.unwrap().as_str(), SIREN);
    let only_siren = CompanyInput {
        siret: String::new(),
        ..full()
    };
    assert_eq!(only_siren.check().unwrap().siret, None);
    // La Poste's SIREN is valid; this SIRET is not one of its establishments.
    let other = CompanyInput {
        siren: "356000000".into(),
        ..full()
    };
    assert_eq!(field_of(&other), Some(Field::SiretOfAnotherSiren));
}

#[test]
fn insolvency_closes_the_mediators_door() {
    let p = CompanyInput {
        insolvency: true,
        ..full()
    }
    .check()
    .unwrap();
    assert!(!p.mediator_can_act());
}

/// One table per field: a value that is refused, and the field named.
#[test]
fn each_field_names_itself() {
    let long = |n: usize| "é".repeat(n);
    type Set = fn(&mut CompanyInput, String);
    let cases: Vec<(Set, Vec<String>, Field)> = vec![
        (
            |i, v| i.legal_name = v,
            vec![
                "".into(),
                "  ".into(),
                long(201),
                "A\u{202E}B".into(),
                "A\nB".into(),
            ],
            Field::CompanyLegalName,
        ),
        (
            |i, v| i.siren = v,
            vec!["732829321".into(), "73282932".into(), "abc".into()],
            Field::Siren,
        ),
        (
            |i, v| i.siret = v,
            vec!["73282932000075".into(), "7328293200007".into()],
            Field::Siret,
        ),
        (
            |i, v| i.legal_form = v,
            vec![long(101), "\0".into()],
            Field::CompanyLegalForm,
        ),
        (
            |i, v| i.naf = v,
            vec!["4791".into(), "47.91BB".into(), "ab.cdE".into()],
            Field::Naf,
        ),
        (
            |i, v| i.size_class = v,
            vec!["tiny".into(), "Micro".into(), "PME".into()],
            Field::CompanySizeClass,
        ),
        (
            |i, v| i.headcount = v,
            vec![
                "-1".into(),
                "100001".into(),
                "1,5".into(),
                "12 salariés".into(),
                "4294967296".into(),
                "x".repeat(100),
            ],
            Field::CompanyHeadcount,
        ),
        (|i, v| i.street = v, vec![long(201)], Field::CompanyStreet),
        (
            |i, v| i.postcode = v,
            vec!["6900".into(), "690011".into(), "F-69001".into()],
            Field::Postcode,
        ),
        (|i, v| i.city = v, vec![long(101)], Field::CompanyCity),
        (
            |i, v| i.country = v,
            vec!["France".into(), "XX".into(), "FRA".into()],
            Field::Country,
        ),
        (
            |i, v| i.contact_name = v,
            vec![long(101)],
            Field::CompanyContactName,
        ),
        (
            |i, v| i.contact_role = v,
            vec![long(101)],
            Field::CompanyContactRole,
        ),
        (
            |i, v| i.contact_email = v,
            vec!["claire".into(), "claire@".into(), "a b@c.fr".into()],
            Field::Email,
        ),
        (
            |i, v| i.contact_phone = v,
            vec!["12 34".into(), "06 12 34 56".into(), "+33 6".into()],
            Field::Phone,
        ),
    ];
    for (set, values, field) in cases {
        for value in values {
            let mut input = full();
            set(&mut input, value.clone());
            assert_eq!(field_of(&input), Some(field), "{field:?} {value:?}");
        }
    }
}

#[test]
fn accepted_edges() {
    let ok = |set: fn(&mut CompanyInput)| {
        let mut input = full();
        set(&mut input);
        input.check().unwrap()
    };
    assert_eq!(ok(|i| i.headcount = "0".into()).headcount, Some(0));
    assert_eq!(
        ok(|i| i.headcount = "100 000".into()).headcount,
        Some(100_000)
    );
    assert_eq!(
        ok(|i| i.legal_name = "é".repeat(200))
            .legal_name
            .chars()
            .count(),
        200
    );
    // A foreign address: its postcode is not French.
    let be = ok(|i| {
        i.country = "BE".into();
        i.postcode = "1000".into();
    });
    assert_eq!((be.country.as_str(), be.postcode.as_str()), ("BE", "1000"));
    // Hostile-looking text is still text: it is stored as typed, never interpreted.
    assert_eq!(
        ok(|i| i.legal_name = "'; DROP TABLE company; --".into()).legal_name,
        "'; DROP TABLE company; --"
    );
}

#[test]
fn changed_fields_names_what_differs() {
    let before = full().check().unwrap();
    assert!(before.changed_fields(Some(&before)).is_empty());
    let after = CompanyInput {
        contact_phone: "07 00 00 00 01".into(),
        city: "Villeurbanne".into(),
        insolvency: true,
        ..full()
    }
    .check()
    .unwrap();
    assert_eq!(
        after.changed_fields(Some(&before)),
        ["city", "contact_phone", "insolvency"]
    );
    let new = CompanyInput {
        legal_name: "Atelier".into(),
        naf: "47.91B".into(),
        ..Default::default()
    }
    .check()
    .unwrap();
    assert_eq!(new.changed_fields(None), ["legal_name", "naf", "country"]);
    assert_eq!(before.changed_fields(None).len(), 15, "all but insolvency");
}

#[test]
fn the_input_type_reads_camel_case_and_tolerates_missing_keys() {
    let input: CompanyInput =
        serde_json::from_str(r#"{"legalName": "Atelier", "contactPhone": "0612345678"}"#).unwrap();
    assert_eq!(input.legal_name, "Atelier");
    assert_eq!(input.contact_phone, "0612345678");
    let company = Company {
        profile: input.check().unwrap(),
        updated_at: "2026-11-26T10:00:00+01:00".into(),
    };
    let json = serde_json::to_value(&company).unwrap();
    assert_eq!(json["legalName"], "Atelier");
    assert_eq!(json["contactPhone"], "+33 6 12 34 56 78");
    assert_eq!(json["siren"], serde_json::Value::Null);
    assert_eq!(json["updatedAt"], "2026-11-26T10:00:00+01:00");
    let back: Company = serde_json::from_value(json).unwrap();
    assert_eq!(back, company);
}

fn text_value() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "\\PC{0,30}", "[ a-zA-Zé0-9'-]{0,30}"]
}

proptest! {
    /// Checking what was checked changes nothing: what the form shows back is saved as is.
    #[test]
    fn checking_twice_changes_nothing(
        name in "[a-zA-Zé][ a-zA-Zé0-9'&.-]{0,40}",
        form in text_value(),
        street in text_value(),
        city in text_value(),
        size in prop::sample::select(vec!["", "micro", "small", "medium", "large"]),
        headcount in prop::option::of(0u32..=100_000),
        postcode in "[0-9]{5}",
        phone in "0[1-9][0-9]{8}",
        insolvency in any::<bool>(),
    ) {
        let input = CompanyInput {
            legal_name: name,
            legal_form: form,
            street,
            city,
            size_class: size.into(),
            headcount: headcount.map(|h| h.to_string()).unwrap_or_default(),
            postcode,
            contact_phone: phone,
            insolvency,
            ..full()
        };
        if let Ok(p) = input.check() {
            prop_assert_eq!(p.to_input().check(), Ok(p.clone()));
            prop_assert!(p.changed_fields(Some(&p)).is_empty());
        }
    }

    #[test]
    fn any_form_is_checked_without_panicking(
        fields in prop::collection::vec("\\PC{0,40}", 15),
        insolvency in any::<bool>(),
    ) {
        let f = |i: usize| fields[i].clone();
        let input = CompanyInput {
            legal_name: f(0), siren: f(1), siret: f(2), legal_form: f(3), naf: f(4),
            size_class: f(5), headcount: f(6), street: f(7), postcode: f(8), city: f(9),
            country: f(10), contact_name: f(11), contact_role: f(12), contact_email: f(13),
            contact_phone: f(14), insolvency,
        };
        if let Ok(p) = input.check() {
            prop_assert_eq!(p.to_input().check(), Ok(p.clone()));
        }
    }
}

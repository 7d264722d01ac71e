use super::*;
use proptest::prelude::*;

fn invalid(field: Field) -> Result<String, CoreError> {
    Err(CoreError::Invalid(field))
}

#[test]
fn emails_table() {
    let cases: &[(&str, Result<&str, ()>)] = &[
        ("", Ok("")),
        ("   ", Ok("")),
        (" Claire.Martin@Exemple.FR ", Ok("Claire.Martin@exemple.fr")),
        ("c+carnet@mail.exemple.fr", Ok("c+carnet@mail.exemple.fr")),
        ("élodie@café.fr", Ok("élodie@café.fr")),
        ("a@xn--e1afmkfd.xn--p1ai", Ok("a@xn--e1afmkfd.xn--p1ai")),
        ("claire", Err(())),
        ("claire@", Err(())),
        ("@exemple.fr", Err(())),
        ("claire@exemple", Err(())),
        ("claire@exemple.f", Err(())),
        ("claire@@exemple.fr", Err(())),
        ("claire@ex@emple.fr", Err(())),
        ("claire martin@exemple.fr", Err(())),
        ("claire@exemple..fr", Err(())),
        ("claire@-exemple.fr", Err(())),
        ("claire@exemple-.fr", Err(())),
        (".claire@exemple.fr", Err(())),
        ("claire.@exemple.fr", Err(())),
        ("cla..ire@exemple.fr", Err(())),
        ("claire@1.2.3.4", Err(())),
        ("<claire@exemple.fr>", Err(())),
        ("Claire <claire@exemple.fr>", Err(())),
        ("claire@exemple.fr\n", Ok("claire@exemple.fr")),
        ("cla\nire@exemple.fr", Err(())),
        ("claire\u{202E}@exemple.fr", Err(())),
        ("claire@exemple.fr;autre@exemple.fr", Err(())),
    ];
    for (input, expected) in cases {
        let got = email(input);
        match expected {
            Ok(out) => assert_eq!(got.as_deref(), Ok(*out), "{input:?}"),
            Err(()) => assert_eq!(got, invalid(Field::Email), "{input:?}"),
        }
    }
    let long_local = format!("{}@exemple.fr", "a".repeat(65));
    assert_eq!(email(&long_local), invalid(Field::Email));
    let long = format!("a@{}.fr", "b".repeat(260));
    assert_eq!(email(&long), invalid(Field::Email));
    assert_eq!(email(&"x".repeat(100_000)), invalid(Field::Email));
}

#[test]
fn phones_table() {
    let cases: &[(&str, Result<&str, ()>)] = &[
        ("", Ok("")),
        ("06 12 34 56 78", Ok("+33 6 12 34 56 78")),
        ("0612345678", Ok("+33 6 12 34 56 78")),
        ("06.12.34.56.78", Ok("+33 6 12 34 56 78")),
        ("06-12-34-56-78", Ok("+33 6 12 34 56 78")),
        ("07 00 00 00 01", Ok("+33 7 00 00 00 01")),
        ("01 23 45 67 89", Ok("+33 1 23 45 67 89")),
        ("+33 6 12 34 56 78", Ok("+33 6 12 34 56 78")),
        ("+33 (0)6 12 34 56 78", Ok("+33 6 12 34 56 78")),
        ("+33 06 12 34 56 78", Ok("+33 6 12 34 56 78")),
        ("0033 6 12 34 56 78", Ok("+33 6 12 34 56 78")),
        ("+33\u{A0}6\u{202F}12 34 56 78", Ok("+33 6 12 34 56 78")),
        ("0692 12 34 56", Ok("+262 692 12 34 56")),
        ("0262 12 34 56", Ok("+262 262 12 34 56")),
        ("0639 12 34 56", Ok("+262 639 12 34 56")),
        ("0690 12 34 56", Ok("+590 690 12 34 56")),
        ("0594 12 34 56", Ok("+594 594 12 34 56")),
        ("0696 12 34 56", Ok("+596 696 12 34 56")),
        ("+262 692 12 34 56", Ok("+262 692 12 34 56")),
        ("+49 151 23456789", Ok("+4915123456789")),
        ("+1 (555) 123-4567", Ok("+15551234567")),
        ("0044 20 7946 0958", Ok("+442079460958")),
        ("+32 2 123 45 67", Ok("+3221234567")),
        ("6 12 34 56 78", Err(())),
        ("061234567", Err(())),
        ("06123456789", Err(())),
        ("+33 6 12 34 56 7", Err(())),
        ("+33 6 12 34 56 789", Err(())),
        ("+0 612345678", Err(())),
        ("+123456", Err(())),
        ("+1234567890123456", Err(())),
        ("06 12 34 56 7a", Err(())),
        ("06 12 34 56 78 poste 12", Err(())),
        ("０６１２３４５６７８", Err(())),
        ("+33 6 12 34 56 78\u{202E}", Err(())),
        ("++33612345678", Err(())),
    ];
    for (input, expected) in cases {
        let got = phone(input);
        match expected {
            Ok(out) => assert_eq!(got.as_deref(), Ok(*out), "{input:?}"),
            Err(()) => assert_eq!(got, invalid(Field::Phone), "{input:?}"),
        }
    }
    assert_eq!(phone(&"0".repeat(100_000)), invalid(Field::Phone));
}

#[test]
fn postcodes_table() {
    assert_eq!(postcode(" 75001 ", "FR").as_deref(), Ok("75001"));
    assert_eq!(postcode("75 001", "FR").as_deref(), Ok("75001"));
    assert_eq!(postcode("97400", "RE").as_deref(), Ok("97400"));
    assert_eq!(postcode("98000", "MC").as_deref(), Ok("98000"));
    assert_eq!(postcode("", "FR").as_deref(), Ok(""));
    for bad in ["7500", "750011", "7500A", "75-001", "F-75001", "７５００１"] {
        assert_eq!(postcode(bad, "FR"), invalid(Field::Postcode), "{bad:?}");
    }
    assert_eq!(postcode("sw1a 1aa", "GB").as_deref(), Ok("SW1A 1AA"));
    assert_eq!(postcode("1000", "BE").as_deref(), Ok("1000"));
    assert_eq!(postcode("D02 X285", "IE").as_deref(), Ok("D02 X285"));
    for bad in ["1000\0", "<b>", "ABCDEFGHIJKLM", "l-1234\u{202E}"] {
        assert_eq!(postcode(bad, "LU"), invalid(Field::Postcode), "{bad:?}");
    }
}

#[test]
fn countries_table() {
    assert_eq!(COUNTRIES.len(), 250);
    let mut sorted = COUNTRIES.to_vec();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 250, "sorted and without repeats");
    assert_eq!(sorted, COUNTRIES.to_vec());
    for (input, out) in [("FR", "FR"), (" fr ", "FR"), ("Ie", "IE"), ("", "")] {
        assert_eq!(country(input).as_deref(), Ok(out), "{input:?}");
    }
    for bad in ["FRA", "F", "XX", "UK", "EU", "F1", "é", "ＦＲ"] {
        assert_eq!(country(bad), invalid(Field::Country), "{bad:?}");
    }
    for code in LA_POSTE_COUNTRIES {
        assert!(COUNTRIES.contains(&code));
    }
}

/// A French national number (the 9 digits after the trunk 0), and how it may be written.
fn french_number() -> impl Strategy<Value = String> {
    "[1-9][0-9]{8}"
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", " ", ".", "-", "\u{A0}", "\u{202F}", "/"])
}

proptest! {
    #[test]
    fn a_french_number_is_the_same_however_it_is_written(
        national in french_number(),
        seps in prop::collection::vec(separator(), 10),
        prefix in prop::sample::select(vec!["0", "+33", "+33 ", "+33 (0)", "0033 ", "+330"]),
    ) {
        let canonical = phone(&format!("0{}", national)).unwrap();
        let mut written = prefix.to_owned();
        for (i, d) in national.chars().enumerate() {
            written.push_str(seps[i]);
            written.push(d);
        }
        let overseas = OVERSEAS_PREFIXES.iter().any(|(p, _)| national.starts_with(p));
        let got = phone(&written);
        if overseas && prefix != "0" {
            // Typed with +33, an overseas number stays under +33.
            prop_assert_eq!(got.unwrap(), french("33", &national));
        } else {
            prop_assert_eq!(got, Ok(canonical.clone()));
        }
        prop_assert!(canonical.starts_with('+'));
        prop_assert_eq!(phone(&canonical), Ok(canonical.clone()));
    }

    #[test]
    fn phones_never_panic_and_what_they_write_reads_back(input in "\\PC{0,40}") {
        if let Ok(out) = phone(&input) {
            prop_assert_eq!(phone(&out), Ok(out.clone()));
            prop_assert!(out.is_empty() || out.starts_with('+'));
            let digits = out.bytes().filter(u8::is_ascii_digit).count();
            prop_assert!(out.is_empty() || (7..=15).contains(&digits));
        }
    }

    #[test]
    fn phones_of_digits_and_separators_never_panic(input in "[0-9 +().\\-/]{0,30}") {
        if let Ok(out) = phone(&input) {
            prop_assert_eq!(phone(&out), Ok(out.clone()));
        }
    }

    #[test]
    fn plausible_emails_are_accepted_and_read_back(
        local in "[a-zA-Z0-9_%+-]{1,20}(\\.[a-zA-Z0-9_%+-]{1,10}){0,2}",
        labels in prop::collection::vec("[a-zA-Z0-9]{1,12}", 1..4),
        tld in "[a-zA-Z]{2,6}",
    ) {
        let address = format!("{}@{}.{}", local, labels.join("."), tld);
        let out = email(&address).unwrap();
        prop_assert_eq!(out.split_once('@').unwrap().0, local.as_str());
        prop_assert_eq!(email(&out), Ok(out.clone()));
        prop_assert_eq!(email(&format!("  {}\t", address)), Ok(out.clone()));
    }

    #[test]
    fn emails_never_panic_and_what_they_write_reads_back(input in "\\PC{0,60}") {
        if let Ok(out) = email(&input) {
            prop_assert_eq!(email(&out), Ok(out.clone()));
            prop_assert!(out.is_empty() || out.matches('@').count() == 1);
            prop_assert!(!out.chars().any(char::is_whitespace));
        }
    }

    #[test]
    fn spaced_out_emails_are_refused(a in "[a-z]{1,8}", b in "[a-z]{1,8}", sp in "[ \t\u{A0}]") {
        let (in_local, in_domain) = (format!("{a}{sp}{b}@exemple.fr"), format!("{a}@{b}{sp}exemple.fr"));
        prop_assert!(email(&in_local).is_err());
        prop_assert!(email(&in_domain).is_err());
    }

    #[test]
    fn french_postcodes_are_five_digits(code in "[0-9]{5}", sp in "[ ]{0,2}") {
        let written = format!("{}{}{}", &code[..2], sp, &code[2..]);
        prop_assert_eq!(postcode(&written, "FR"), Ok(code.clone()));
        prop_assert_eq!(postcode(&code, "FR"), Ok(code.clone()));
    }

    #[test]
    fn other_lengths_are_not_french_postcodes(code in "[0-9]{0,4}|[0-9]{6,9}") {
        prop_assert_eq!(
            postcode(&code, "FR"),
            if code.is_empty() { Ok(String::new()) } else { invalid(Field::Postcode) }
        );
    }

    #[test]
    fn postcodes_never_panic_and_read_back(input in "\\PC{0,20}", fr in any::<bool>()) {
        let country = if fr { "FR" } else { "DE" };
        if let Ok(out) = postcode(&input, country) {
            prop_assert_eq!(postcode(&out, country), Ok(out.clone()));
        }
    }
}

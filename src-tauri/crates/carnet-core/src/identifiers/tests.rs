use super::*;
use proptest::prelude::*;

/// The usual textbook example: SIREN 732 829 320, establishment (NIC) 00074.
const SIRET: &str = "73282932000074";

/// Appends the digit that makes `body` pass the Luhn check.
fn with_check_digit(body: &str) -> String {
    (0..10)
        .map(|d| format!("{body}{d}"))
        .find(|s| luhn(s))
        .unwrap()
}

#[test]
fn known_numbers_are_accepted_and_normalised() {
    let siren = Siren::parse(" 732 829 320 ").unwrap();
    assert_eq!(siren.as_str(), "732829320");
    let siret = Siret::parse("732 829 320 00074").unwrap();
    assert_eq!(siret.as_str(), SIRET);
    assert_eq!(siret.nic(), "00074");
    assert_eq!(siret.siren(), siren);
    assert!(siret_matches_siren(&siret, &siren));
    // No-break and narrow no-break spaces, as pasted from a web page or a PDF.
    assert_eq!(
        Siret::parse("732\u{A0}829\u{202F}320 00074"),
        Ok(siret.clone())
    );
    assert_eq!(siret.grouped(), "732\u{A0}829\u{A0}320\u{A0}00074");
    assert_eq!(siren.grouped(), "732\u{A0}829\u{A0}320");
}

#[test]
fn wrong_length_characters_or_check_digit_are_refused() {
    for bad in [
        "",
        "73282932",
        "7328293200",
        "732-829-320",
        "732829321",
        "７３２８２９３２０",
        "a32829320",
    ] {
        assert_eq!(
            Siren::parse(bad),
            Err(CoreError::Invalid(Field::Siren)),
            "{bad:?}"
        );
    }
    for bad in [
        "",
        "7328293200007",
        "732829320000740",
        "73282932000075",
        "732829320 0007x",
        "732.829.320.00074",
    ] {
        assert_eq!(
            Siret::parse(bad),
            Err(CoreError::Invalid(Field::Siret)),
            "{bad:?}"
        );
    }
}

#[test]
fn a_siret_needs_a_valid_siren_too() {
    // Luhn-valid over 14 digits, but its first 9 digits are not a SIREN.
    let siret = with_check_digit("7328293210007");
    assert!(luhn(&siret) && !luhn(&siret[..9]));
    assert!(Siret::parse(&siret).is_err());
}

#[test]
fn la_poste_establishments_use_the_digit_sum() {
    // Digit sum 3+5+6+3+8 = 25, not Luhn-valid: accepted for La Poste only.
    let la_poste = "35600000000038";
    assert!(!luhn(la_poste));
    assert!(Siret::parse(la_poste).is_ok());
    assert!(Siret::parse("35600000000039").is_err());
    // The head office is Luhn-valid (digit sum 26).
    assert!(Siret::parse("356 000 000 00048").is_ok());
    // The rule belongs to La Poste's SIREN alone.
    let other = "73282932000004"; // digit sum 40, Luhn-invalid, valid SIREN
    assert!(!luhn(other) && luhn(&other[..9]));
    assert!(Siret::parse(other).is_err());
}

#[test]
fn a_siret_of_another_company_does_not_match() {
    let siret = Siret::parse(SIRET).unwrap();
    let other = Siren::parse("356000000").unwrap();
    assert!(!siret_matches_siren(&siret, &other));
}

#[test]
fn naf_codes_are_normalised() {
    for ok in ["47.91B", "4791B", "47.91b", " 4791b "] {
        assert_eq!(
            Naf::parse(ok).map(|n| n.0),
            Ok("47.91B".to_owned()),
            "{ok:?}"
        );
    }
    for bad in [
        "", "47.91", "4791", "47.9B", "47,91B", "479.1B", "47.91BB", "A7.91B", "47.91é", "4é.91B",
        "47..91B",
    ] {
        assert_eq!(
            Naf::parse(bad),
            Err(CoreError::Invalid(Field::Naf)),
            "{bad:?}"
        );
    }
}

#[test]
fn serde_validates_on_the_way_in() {
    let s: Siret = serde_json::from_str("\"732 829 320 00074\"").unwrap();
    assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{SIRET}\""));
    assert!(serde_json::from_str::<Siren>("\"732829321\"").is_err());
    assert!(serde_json::from_str::<Naf>("\"47.91\"").is_err());
}

proptest! {
    #[test]
    fn generated_sirens_pass_and_any_single_change_fails(body in "[0-9]{8}", pos in 0usize..9, delta in 1u8..10) {
        let siren = with_check_digit(&body);
        prop_assert_eq!(Siren::parse(&siren).map(|s| s.0), Ok(siren.clone()));
        let mut bytes = siren.into_bytes();
        bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert_eq!(Siren::parse(&changed), Err(CoreError::Invalid(Field::Siren)));
    }

    #[test]
    fn generated_sirets_pass_and_any_single_change_fails(
        body in "[0-9]{8}", nic in "[0-9]{4}", pos in 0usize..14, delta in 1u8..10,
    ) {
        let siret = with_check_digit(&format!("{}{nic}", with_check_digit(&body)));
        prop_assert_eq!(Siret::parse(&siret).map(|s| s.0), Ok(siret.clone()));
        let mut bytes = siret.into_bytes();
        bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
        let changed = String::from_utf8(bytes).unwrap();
        // La Poste's digit sum misses changes by 5: that is its rule, not ours.
        prop_assume!(!changed.starts_with(LA_POSTE_SIREN));
        prop_assert_eq!(Siret::parse(&changed), Err(CoreError::Invalid(Field::Siret)));
    }

    #[test]
    fn grouping_round_trips(body in "[0-9]{8}", nic in "[0-9]{4}") {
        let siret = Siret::parse(&with_check_digit(&format!("{}{nic}", with_check_digit(&body)))).unwrap();
        prop_assert_eq!(Siret::parse(&siret.grouped()), Ok(siret.clone()));
        prop_assert_eq!(Siren::parse(&siret.siren().grouped()), Ok(siret.siren()));
    }

    #[test]
    fn arbitrary_input_never_panics(s in "\\PC{0,24}") {
        let _ = (Siren::parse(&s), Siret::parse(&s), Naf::parse(&s));
    }

    #[test]
    fn accepted_values_are_normal_forms(s in "[0-9 .A-Za-z\u{A0}\u{202F}]{0,20}") {
        if let Ok(v) = Siren::parse(&s) { prop_assert!(v.0.len() == 9 && v.0.bytes().all(|b| b.is_ascii_digit())); }
        if let Ok(v) = Siret::parse(&s) { prop_assert!(v.0.len() == 14 && v.0.bytes().all(|b| b.is_ascii_digit())); }
        if let Ok(v) = Naf::parse(&s) { prop_assert_eq!(Naf::parse(v.as_str()), Ok(v.clone())); prop_assert_eq!(v.0.len(), 6); }
    }
}

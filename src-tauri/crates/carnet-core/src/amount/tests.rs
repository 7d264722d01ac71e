use super::*;
use crate::format::euros;
use proptest::prelude::*;

use Locale::{En, Fr};

fn fr(s: &str) -> Result<i64, CoreError> {
    parse(s, Fr)
}

fn en(s: &str) -> Result<i64, CoreError> {
    parse(s, En)
}

const BAD: Result<i64, CoreError> = Err(CoreError::Invalid(Field::Amount));

#[test]
fn french_amounts_as_typed() {
    assert_eq!(fr("1 234,56"), Ok(123_456));
    assert_eq!(fr("1234,5"), Ok(123_450));
    assert_eq!(fr("1 234"), Ok(123_400));
    assert_eq!(fr("1\u{A0}234\u{202F}567,08\u{A0}€"), Ok(123_456_708));
    assert_eq!(fr("1 234 €"), Ok(123_400));
    assert_eq!(fr("€ 12,30"), Ok(1_230));
    assert_eq!(fr("-12,30 €"), Ok(-1_230));
    assert_eq!(fr("\u{2212}12,30"), Ok(-1_230));
    assert_eq!(fr("- 0,05"), Ok(-5));
    assert_eq!(fr("0"), Ok(0));
    assert_eq!(fr("-0"), Ok(0));
    assert_eq!(fr("007"), Ok(700));
    assert_eq!(fr("  42  "), Ok(4_200));
}

#[test]
fn english_amounts_as_typed() {
    assert_eq!(en("1,234.56"), Ok(123_456));
    assert_eq!(en("€1,234.56"), Ok(123_456));
    assert_eq!(en("-€0.99"), Ok(-99));
    assert_eq!(en("1234.5"), Ok(123_450));
    assert_eq!(en("1,234,567"), Ok(123_456_700));
    assert_eq!(en("12 €"), Ok(1_200));
}

#[test]
fn ambiguous_or_malformed_amounts_are_refused() {
    for bad in [
        "",
        " ",
        "€",
        "-",
        "--5",
        "+5",
        "1,2,3",
        "1,234,56",
        "12,",
        ",50",
        "1,234",
        "1.234,56",
        "12.50",
        "1 23",
        "12 3456",
        "1  234",
        "1,234 €€",
        "€5€",
        "5 EUR",
        "12a",
        "1e3",
        "١٢",
        "12,5-",
        "NaN",
        "0x10",
    ] {
        assert_eq!(fr(bad), BAD, "fr {bad:?}");
    }
    for bad in [
        "",
        "1.2.3",
        "1,2",
        "1,23",
        "1,2345",
        "1 234.56",
        "1.234,56",
        "12.",
        ".5",
        "12.345",
        "1,234.567",
        "€€1",
        "12 USD",
        "1_000",
    ] {
        assert_eq!(en(bad), BAD, "en {bad:?}");
    }
}

#[test]
fn the_limits_of_i64() {
    assert_eq!(fr("92 233 720 368 547 758,07"), Ok(i64::MAX));
    assert_eq!(fr("-92 233 720 368 547 758,08"), Ok(i64::MIN));
    assert_eq!(fr("92 233 720 368 547 758,08"), BAD);
    assert_eq!(fr("-92 233 720 368 547 758,09"), BAD);
    assert_eq!(en(&"9".repeat(60)), BAD);
    assert_eq!(fr(&format!("1{}", " 000".repeat(10))), BAD);
}

proptest! {
    #[test]
    fn reads_back_what_format_writes(cents in any::<i64>()) {
        for locale in Locale::ALL {
            prop_assert_eq!(parse(&euros(cents, locale), locale), Ok(cents));
        }
    }

    #[test]
    fn grouping_and_signs_do_not_change_the_value(units in 0u64..10_000_000_000, rest in 0u64..100) {
        let cents = i64::try_from(units * 100 + rest).unwrap();
        let plain = format!("{units},{rest:02}");
        let spaced = euros(cents, Fr).replace(['\u{202F}', '\u{A0}'], " ");
        prop_assert_eq!(fr(&plain), Ok(cents));
        prop_assert_eq!(fr(&spaced), Ok(cents));
        prop_assert_eq!(fr(&format!("-{plain} €")), Ok(-cents));
        prop_assert_eq!(en(&format!("{units}.{rest:02}")), Ok(cents));
        if rest % 10 == 0 {
            prop_assert_eq!(fr(&format!("{units},{}", rest / 10)), Ok(cents));
        }
    }

    #[test]
    fn a_third_decimal_or_a_second_separator_is_refused(units in 0u64..1_000_000, rest in 0u64..1000) {
        prop_assert_eq!(fr(&format!("{units},{rest:03}")), BAD);
        prop_assert_eq!(en(&format!("{units}.{rest:03}")), BAD);
        prop_assert_eq!(fr(&format!("{units},{},{}", rest % 10, rest / 100)), BAD);
        prop_assert_eq!(en(&format!("{units}.{}.{}", rest % 10, rest / 100)), BAD);
    }

    #[test]
    fn arbitrary_input_never_panics(s in "\\PC{0,40}") {
        for locale in Locale::ALL {
            let _ = parse(&s, locale);
        }
    }

    #[test]
    fn accepted_input_is_read_from_its_digits(s in "[-0-9 ,.€a\\u{A0}\\u{202F}]{0,16}") {
        for locale in Locale::ALL {
            if let Ok(cents) = parse(&s, locale) {
                // The digits, read as a number, are the euros, the tenths or the cents.
                let digits: String = s.chars().filter(char::is_ascii_digit).collect();
                let read: u64 = digits.parse().unwrap();
                let scaled = [100, 10, 1].map(|k| read * k);
                prop_assert!(scaled.contains(&cents.unsigned_abs()), "{s:?} -> {cents}");
                prop_assert!(!s.contains('a'));
                prop_assert_eq!(cents < 0, s.contains('-') && read != 0);
            }
        }
    }
}

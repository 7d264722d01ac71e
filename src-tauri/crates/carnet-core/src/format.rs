//! Dates and amounts written the way each language writes them: `26 novembre 2026` and
//! `1 234,56 €` in French, `26 November 2026` and `€1,234.56` in English. The French
//! separators are the ones the webview's `Intl` produces (U+202F between thousands, U+00A0
//! before the euro sign), so the screen and the PDF agree character for character.

use chrono::{Datelike, NaiveDate};

use crate::locale::Locale;

/// U+202F NARROW NO-BREAK SPACE: French thousands separator.
pub const NNBSP: char = '\u{202F}';
/// U+00A0 NO-BREAK SPACE: between a French amount and its currency sign.
pub const NBSP: char = '\u{A0}';

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date in long form: `1er mars 2026` / `1 March 2026`.
pub fn long_date(date: NaiveDate, locale: Locale) -> String {
    let month = date.month0() as usize;
    match locale {
        Locale::Fr => {
            let day = if date.day() == 1 {
                "1er".to_owned()
            } else {
                date.day().to_string()
            };
            format!("{day} {} {}", MONTHS_FR[month], date.year())
        }
        Locale::En => format!("{} {} {}", date.day(), MONTHS_EN[month], date.year()),
    }
}

/// An amount of euros given in cents: `-1 234,56 €` / `-€1,234.56`.
pub fn euros(cents: i64, locale: Locale) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (units, rest) = (abs / 100, abs % 100);
    match locale {
        Locale::Fr => format!("{sign}{},{rest:02}{NBSP}€", grouped(units, NNBSP)),
        Locale::En => format!("{sign}€{}.{rest:02}", grouped(units, ',')),
    }
}

fn grouped(mut n: u64, sep: char) -> String {
    let mut groups = Vec::new();
    loop {
        if n < 1000 {
            groups.push(n.to_string());
            break;
        }
        groups.push(format!("{:03}", n % 1000));
        n /= 1000;
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn french_long_dates() {
        assert_eq!(long_date(d(2026, 11, 26), Locale::Fr), "26 novembre 2026");
        assert_eq!(long_date(d(2026, 3, 1), Locale::Fr), "1er mars 2026");
        assert_eq!(long_date(d(2026, 8, 15), Locale::Fr), "15 août 2026");
        assert_eq!(long_date(d(2027, 2, 3), Locale::Fr), "3 février 2027");
    }

    #[test]
    fn english_long_dates() {
        assert_eq!(long_date(d(2026, 11, 26), Locale::En), "26 November 2026");
        assert_eq!(long_date(d(2026, 3, 1), Locale::En), "1 March 2026");
    }

    #[test]
    fn french_amounts() {
        assert_eq!(euros(123_456, Locale::Fr), "1\u{202F}234,56\u{A0}€");
        assert_eq!(euros(5, Locale::Fr), "0,05\u{A0}€");
        assert_eq!(euros(0, Locale::Fr), "0,00\u{A0}€");
        assert_eq!(
            euros(100_000_000, Locale::Fr),
            "1\u{202F}000\u{202F}000,00\u{A0}€"
        );
        assert_eq!(euros(-123_456, Locale::Fr), "-1\u{202F}234,56\u{A0}€");
    }

    #[test]
    fn english_amounts() {
        assert_eq!(euros(123_456, Locale::En), "€1,234.56");
        assert_eq!(euros(-99, Locale::En), "-€0.99");
    }

    #[test]
    fn extreme_amounts_do_not_overflow() {
        assert!(euros(i64::MIN, Locale::Fr).starts_with("-92\u{202F}233"));
        assert!(euros(i64::MAX, Locale::En).starts_with("€92,233"));
    }

    proptest! {
        #[test]
        fn french_amount_digits_round_trip(cents in any::<i64>()) {
            let s = euros(cents, Locale::Fr);
            let digits: String = s.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect();
            let back: i128 = digits.parse().unwrap();
            prop_assert_eq!(back, cents as i128);
            // Groups of three after the first, separated by the narrow no-break space only.
            let units = s.trim_start_matches('-').split(',').next().unwrap();
            let groups: Vec<&str> = units.split(NNBSP).collect();
            prop_assert!(groups[0].len() <= 3 && !groups[0].is_empty());
            prop_assert!(groups[1..].iter().all(|g| g.len() == 3));
        }

        #[test]
        fn every_date_has_a_month_name(days in 0i64..200_000) {
            let date = d(1900, 1, 1) + chrono::Duration::days(days);
            for locale in Locale::ALL {
                let s = long_date(date, locale);
                prop_assert!(s.ends_with(&date.year().to_string()));
                prop_assert_eq!(s.split(' ').count(), 3);
            }
        }
    }
}

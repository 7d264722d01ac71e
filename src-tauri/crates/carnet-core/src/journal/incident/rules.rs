//! The rules every journal input follows, shared by incidents, events and pieces: calendar
//! dates typed `YYYY-MM-DD` (1990 to 2100, and at most a year ahead of today), one-line texts
//! (trimmed, a length in characters, no control character) and multi-line texts (trimmed at
//! both ends, line breaks and tabs allowed, no other control character), tags.

use chrono::{Months, NaiveDate};

use crate::error::{CoreError, Field};

/// The first year a date may fall in.
pub const FIRST_YEAR: i32 = 1990;
/// The last year a date may fall in.
pub const LAST_YEAR: i32 = 2100;

/// A calendar date typed by the owner: blank is "unknown" (`None`); anything else must be
/// exactly `YYYY-MM-DD`, a real day, from 1990 to 2100 and at most a year after `today`.
pub fn date(
    input: Option<&str>,
    today: NaiveDate,
    field: Field,
) -> Result<Option<NaiveDate>, CoreError> {
    let s = input.unwrap_or("").trim();
    if s.is_empty() {
        return Ok(None);
    }
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let bad = CoreError::Invalid(field);
    if !shaped {
        return Err(bad);
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| bad.clone())?;
    let latest = today.checked_add_months(Months::new(12)).unwrap_or(today);
    let year = chrono::Datelike::year(&date);
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) || date > latest {
        return Err(bad);
    }
    Ok(Some(date))
}

/// A date that must be given.
pub fn required_date(input: &str, today: NaiveDate, field: Field) -> Result<NaiveDate, CoreError> {
    date(Some(input), today, field)?.ok_or(CoreError::Invalid(field))
}

/// The characters that reorder text when displayed (embeddings, overrides, isolates, marks),
/// used to disguise a name as in `\u{202E}gnp.exe`.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// A one-line text, trimmed: `min..=max` characters, no control or bidirectional-override
/// character.
pub fn line(input: &str, min: usize, max: usize, field: Field) -> Result<String, CoreError> {
    if input.len() > max.saturating_mul(4) + 64 {
        return Err(CoreError::Invalid(field));
    }
    let s = input.trim();
    let n = s.chars().count();
    if n < min || n > max || s.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Err(CoreError::Invalid(field));
    }
    Ok(s.to_owned())
}

/// A multi-line text, trimmed at both ends: at most `max` characters; line breaks and tabs
/// are kept, other control characters (NUL…) refused. Line endings become `\n`.
pub fn text(input: Option<&str>, max: usize, field: Field) -> Result<String, CoreError> {
    let s = input.unwrap_or("").trim();
    if s.len() > max * 4 {
        return Err(CoreError::Invalid(field));
    }
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    if s.chars().count() > max || s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(CoreError::Invalid(field));
    }
    Ok(s)
}

/// Tags: each trimmed, blank ones dropped, duplicates (ignoring case) dropped keeping the
/// first; at most `max_count`, each at most `max_len` characters, no control character.
pub fn tags(
    input: &[String],
    max_count: usize,
    max_len: usize,
    field: Field,
) -> Result<Vec<String>, CoreError> {
    let mut out: Vec<String> = Vec::new();
    for raw in input {
        let tag = raw.trim();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > max_len || tag.chars().any(char::is_control) {
            return Err(CoreError::Invalid(field));
        }
        if !out.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            out.push(tag.to_owned());
        }
        if out.len() > max_count {
            return Err(CoreError::Invalid(field));
        }
    }
    Ok(out)
}

/// One of a closed list of codes; `None` when blank and `optional`.
pub fn member<T: Copy>(
    input: Option<&str>,
    all: &[T],
    code: fn(T) -> &'static str,
    field: Field,
) -> Result<Option<T>, CoreError> {
    let s = input.unwrap_or("").trim();
    if s.is_empty() {
        return Ok(None);
    }
    all.iter()
        .copied()
        .find(|t| code(*t) == s)
        .map(Some)
        .ok_or(CoreError::Invalid(field))
}

/// An amount of euros typed by the owner (`1 234,56`), blank for none; negative refused.
pub fn amount(
    input: Option<&str>,
    locale: crate::Locale,
    field: Field,
) -> Result<Option<i64>, CoreError> {
    let s = input.unwrap_or("").trim();
    if s.is_empty() {
        return Ok(None);
    }
    match crate::amount::parse(s, locale) {
        Ok(cents) if cents >= 0 => Ok(Some(cents)),
        _ => Err(CoreError::Invalid(field)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;
    use proptest::prelude::*;

    const F: Field = Field::IncidentOccurredOn;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_are_iso_and_in_range() {
        let today = d(2026, 11, 26);
        assert_eq!(
            date(Some(" 2026-03-01 "), today, F),
            Ok(Some(d(2026, 3, 1)))
        );
        assert_eq!(date(Some(""), today, F), Ok(None));
        assert_eq!(date(None, today, F), Ok(None));
        assert_eq!(date(Some("1990-01-01"), today, F), Ok(Some(d(1990, 1, 1))));
        assert_eq!(
            date(Some("2027-11-26"), today, F),
            Ok(Some(d(2027, 11, 26)))
        );
        for bad in [
            "2027-11-27",
            "1989-12-31",
            "2026-02-30",
            "2026-2-01",
            "01/03/2026",
            "2026-03-01T00:00",
            "+2026-03-01",
            "２０２６-03-01",
            "2026_03_01",
            "\0",
        ] {
            assert_eq!(
                date(Some(bad), today, F),
                Err(CoreError::Invalid(F)),
                "{bad:?}"
            );
        }
        // 2100 is the last year, whatever today is.
        let far = d(2100, 6, 1);
        assert!(date(Some("2101-01-01"), far, F).is_err());
        assert!(date(Some("2100-12-31"), far, F).is_ok());
    }

    #[test]
    fn lines_and_texts() {
        let f = Field::IncidentTitle;
        assert_eq!(
            line("  Compte suspendu ", 1, 200, f),
            Ok("Compte suspendu".into())
        );
        assert!(line("   ", 1, 200, f).is_err());
        assert!(line("a\0b", 1, 200, f).is_err());
        assert!(line("a\nb", 1, 200, f).is_err());
        assert!(line(&"é".repeat(200), 1, 200, f).is_ok());
        assert!(line(&"é".repeat(201), 1, 200, f).is_err());
        assert_eq!(text(Some(" a\r\nb\tc \n"), 10, f), Ok("a\nb\tc".into()));
        assert_eq!(text(None, 10, f), Ok(String::new()));
        assert!(text(Some("a\0"), 10, f).is_err());
        assert!(text(Some(&"x".repeat(11)), 10, f).is_err());
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated() {
        let f = Field::IncidentTags;
        let t = |v: &[&str]| {
            tags(
                &v.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                3,
                5,
                f,
            )
        };
        assert_eq!(t(&[" a ", "A", "", "b"]), Ok(vec!["a".into(), "b".into()]));
        assert!(t(&["a", "b", "c", "d"]).is_err());
        assert_eq!(
            t(&["a", "a", "a", "a", "b"]),
            Ok(vec!["a".into(), "b".into()])
        );
        assert!(t(&["abcdef"]).is_err());
        assert!(t(&["a\u{7}"]).is_err());
    }

    proptest! {
        #[test]
        fn any_valid_day_round_trips(n in 0i64..(111 * 366)) {
            let day = d(1990, 1, 1) + chrono::Days::new(n as u64);
            prop_assume!(day.year() <= LAST_YEAR);
            let today = d(2100, 12, 31);
            prop_assert_eq!(date(Some(&day.format("%Y-%m-%d").to_string()), today, F), Ok(Some(day)));
        }

        #[test]
        fn dates_never_panic_and_accept_only_the_iso_shape(s in "\\PC{0,20}") {
            let today = d(2026, 11, 26);
            if let Ok(Some(day)) = date(Some(&s), today, F) {
                prop_assert_eq!(day.format("%Y-%m-%d").to_string(), s.trim());
                prop_assert!(day.year() >= FIRST_YEAR && day <= d(2027, 11, 26));
            }
        }

        #[test]
        fn nothing_after_a_year_from_today(offset in 1u64..5000, y in 1990i32..2090) {
            let today = d(y, 6, 15);
            let later = today.checked_add_months(Months::new(12)).unwrap() + chrono::Days::new(offset);
            prop_assert!(date(Some(&later.format("%Y-%m-%d").to_string()), today, F).is_err());
        }

        #[test]
        fn lines_are_trimmed_and_bounded(s in "\\PC{0,260}", pad in " {0,3}") {
            let f = Field::IncidentTitle;
            match line(&format!("{pad}{s}{pad}"), 1, 200, f) {
                Ok(out) => {
                    prop_assert_eq!(out.trim(), out.as_str());
                    prop_assert!((1..=200).contains(&out.chars().count()));
                }
                Err(e) => {
                    let n = s.trim().chars().count();
                    prop_assert!(n == 0 || n > 200 || s.chars().any(char::is_control), "{e:?}");
                }
            }
        }

        #[test]
        fn tags_come_out_unique_trimmed_and_bounded(v in proptest::collection::vec("\\PC{0,45}", 0..30)) {
            if let Ok(out) = tags(&v, 20, 40, Field::IncidentTags) {
                prop_assert!(out.len() <= 20);
                for (i, t) in out.iter().enumerate() {
                    prop_assert!(!t.is_empty() && t.trim() == t && t.chars().count() <= 40);
                    prop_assert!(out[..i].iter().all(|o| o.to_lowercase() != t.to_lowercase()));
                }
            }
        }
    }
}

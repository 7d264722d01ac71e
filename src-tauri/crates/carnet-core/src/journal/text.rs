//! The checks every journal form shares, on text as the owner typed it: a line or a longer
//! text of bounded length, free of control characters and of the invisible characters that
//! reverse the direction of text (used to disguise a name, as in `\u{202E}gnp.exe`); a list
//! of lines; a calendar date `YYYY-MM-DD`. Lengths count characters, not bytes. Each check
//! names the [`Field`] to put the error next to.

use chrono::{Datelike, NaiveDate};

use crate::error::{CoreError, Field};

/// One line (a name, a reference): trimmed; empty is allowed (see [`required_line`]).
pub fn line(input: &str, max_chars: usize, field: Field) -> Result<String, CoreError> {
    checked(input, max_chars, field, false)
}

/// A line that must not be empty once trimmed.
pub fn required_line(input: &str, max_chars: usize, field: Field) -> Result<String, CoreError> {
    let s = line(input, max_chars, field)?;
    if s.is_empty() {
        return Err(CoreError::Invalid(field));
    }
    Ok(s)
}

/// A text of several lines (a description, a channel's details): trimmed, line breaks and
/// tabs kept, Windows line ends made `\n`.
pub fn text(input: &str, max_chars: usize, field: Field) -> Result<String, CoreError> {
    checked(input, max_chars, field, true)
}

/// A list of lines (account ids, mediators): each checked as a [`line`], blank entries
/// dropped, exact repeats kept once, at most `max_items` left.
pub fn lines(
    items: &[String],
    max_items: usize,
    max_chars: usize,
    field: Field,
) -> Result<Vec<String>, CoreError> {
    // A list far longer than allowed is refused before its entries are looked at.
    if items.len() > max_items.saturating_mul(4).max(64) {
        return Err(CoreError::Invalid(field));
    }
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let item = line(item, max_chars, field)?;
        if !item.is_empty() && !out.contains(&item) {
            out.push(item);
        }
    }
    if out.len() > max_items {
        return Err(CoreError::Invalid(field));
    }
    Ok(out)
}

/// A calendar date as the date inputs send it, `YYYY-MM-DD`, from 1900 on; empty is `None`.
pub fn date(input: &str, field: Field) -> Result<Option<NaiveDate>, CoreError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(CoreError::Invalid(field));
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    NaiveDate::from_ymd_opt(n(0..4) as i32, n(5..7), n(8..10))
        .filter(|d| d.year() >= 1900)
        .map(Some)
        .ok_or(CoreError::Invalid(field))
}

/// The characters that reorder text when displayed: embeddings, overrides and isolates.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn checked(
    input: &str,
    max_chars: usize,
    field: Field,
    multiline: bool,
) -> Result<String, CoreError> {
    let bad = || CoreError::Invalid(field);
    // A character is at most 4 bytes: anything longer is over the limit, uncounted.
    if input.len() > max_chars.saturating_mul(4) {
        return Err(bad());
    }
    let s = if multiline {
        input.trim().replace("\r\n", "\n")
    } else {
        input.trim().to_owned()
    };
    let allowed = |c: char| {
        !is_bidi_control(c) && (!c.is_control() || (multiline && (c == '\n' || c == '\t')))
    };
    if !s.chars().all(allowed) || s.chars().count() > max_chars {
        return Err(bad());
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Field = Field::CompanyLegalName;

    #[test]
    fn lines_are_trimmed_bounded_and_free_of_controls() {
        assert_eq!(line("  Atelier Dupont ", 20, F).unwrap(), "Atelier Dupont");
        assert_eq!(line("", 20, F).unwrap(), "");
        assert_eq!(
            line("é".repeat(20).as_str(), 20, F)
                .unwrap()
                .chars()
                .count(),
            20
        );
        let refused = [
            "é".repeat(21),
            "x".repeat(100_000),
            "a\0b".into(),
            "a\nb".into(),
            "a\tb".into(),
            "\u{202E}gnp.exe".into(),
            "nom\u{2066}caché".into(),
        ];
        for bad in refused {
            assert_eq!(line(&bad, 20, F), Err(CoreError::Invalid(F)), "{bad:?}");
        }
        assert_eq!(required_line("  ", 20, F), Err(CoreError::Invalid(F)));
        // Ordinary punctuation, quotes and right-to-left letters are text like any other.
        for ok in ["'; DROP TABLE x; --", "<b>", "شركة", "Ça\u{200F}"] {
            assert!(line(ok, 40, F).is_ok(), "{ok:?}");
        }
    }

    #[test]
    fn texts_keep_their_line_breaks() {
        assert_eq!(
            text(" Formulaire\r\n\tpuis e-mail \n", 50, F).unwrap(),
            "Formulaire\n\tpuis e-mail"
        );
        assert!(text("a\u{7}b", 50, F).is_err());
        assert!(text("a\u{202D}b", 50, F).is_err());
    }

    #[test]
    fn lists_drop_blanks_and_repeats_and_are_bounded() {
        let v = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            lines(&v(&[" A1 ", "", "B2", "A1", "  "]), 2, 10, F).unwrap(),
            v(&["A1", "B2"])
        );
        assert!(lines(&v(&["A", "B", "C"]), 2, 10, F).is_err());
        assert!(lines(&v(&["A", "BBBBBBBBBBB"]), 2, 10, F).is_err());
        assert!(lines(&vec![String::new(); 1_000_000], 2, 10, F).is_err());
        assert!(lines(&[], 2, 10, F).unwrap().is_empty());
    }

    #[test]
    fn dates_are_written_in_full() {
        assert_eq!(
            date(" 2024-02-29 ", F).unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(date("", F).unwrap(), None);
        for bad in [
            "2023-02-29",
            "2024-2-29",
            "29/02/2024",
            "2024-02-29T10:00",
            "+024-02-29",
            "2024-13-01",
            "0000-00-00",
            "1899-12-31",
            "２０２４-02-29",
        ] {
            assert_eq!(date(bad, F), Err(CoreError::Invalid(F)), "{bad:?}");
        }
    }
}

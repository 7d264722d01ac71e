//! Amounts of euros typed by the owner, read into cents. French: `1 234,56`, `1234,5`,
//! `1 234 €`, thousands grouped by a plain, no-break or narrow no-break space, a comma before
//! the cents. English: `1,234.56`, `€1,234.56`. Either may carry one euro sign (before or
//! after) and a leading minus. Anything that would need a guess is refused rather than
//! read one way: a dot in French, a comma not followed by a group of three in English,
//! groups that are not of three, a third decimal, letters, more than `i64` holds. This is
//! the reverse of [`format::euros`](crate::format::euros), which writes amounts.

use crate::error::{CoreError, Field};
use crate::format::{NBSP, NNBSP};
use crate::locale::Locale;

/// Longer input than this is not an amount anyone typed.
const MAX_BYTES: usize = 100;

/// Reads an amount of euros written the way `locale` writes them, in cents.
pub fn parse(input: &str, locale: Locale) -> Result<i64, CoreError> {
    read(input, locale).ok_or(CoreError::Invalid(Field::Amount))
}

fn read(input: &str, locale: Locale) -> Option<i64> {
    if input.len() > MAX_BYTES {
        return None;
    }
    let mut s = input.trim();
    // The hyphen-minus, or the minus sign U+2212 that some keyboards and sites produce.
    let negative = match s.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => {
            s = rest.trim_start();
            true
        }
        None => false,
    };
    let prefixed = s.strip_prefix('€');
    if let Some(rest) = prefixed {
        s = rest.trim_start();
    }
    if let Some(rest) = s.strip_suffix('€') {
        if prefixed.is_some() {
            return None;
        }
        s = rest.trim_end();
    }

    let (decimal, is_group): (char, fn(char) -> bool) = match locale {
        Locale::Fr => (',', |c| matches!(c, ' ' | NBSP | NNBSP)),
        Locale::En => ('.', |c| c == ','),
    };
    let (units, cents) = match s.split_once(decimal) {
        Some((units, cents)) => (units, cents),
        None => (s, ""),
    };
    if s.contains(decimal) && !(1..=2).contains(&cents.len()) {
        return None;
    }

    let groups: Vec<&str> = units.split(is_group).collect();
    let (first, rest) = groups.split_first()?;
    let grouped_well = rest.is_empty() || (first.len() <= 3 && rest.iter().all(|g| g.len() == 3));
    if !grouped_well || first.is_empty() {
        return None;
    }

    let mut value: i128 = 0;
    for b in groups.iter().flat_map(|g| g.bytes()) {
        value = push_digit(value, b)?;
    }
    for b in cents.bytes() {
        value = push_digit(value, b)?;
    }
    if cents.len() < 2 {
        value *= if cents.is_empty() { 100 } else { 10 };
    }
    i64::try_from(if negative { -value } else { value }).ok()
}

/// `value * 10 + digit`, refusing what is not an ASCII digit and what passes `i64`'s reach.
fn push_digit(value: i128, b: u8) -> Option<i128> {
    if !b.is_ascii_digit() {
        return None;
    }
    let next = value * 10 + i128::from(b - b'0');
    (next <= i128::from(i64::MAX) + 1).then_some(next)
}

#[cfg(test)]
mod tests;

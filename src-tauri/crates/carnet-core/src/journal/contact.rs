//! How to reach someone, as the owner types it, checked and written one way: an e-mail
//! address of a plausible shape, a telephone number in international form (French numbers
//! typed the French way, `06 12 34 56 78`, become `+33 6 12 34 56 78`), a country as its ISO
//! 3166-1 alpha-2 code, a postcode (5 digits for an address served by La Poste).
//!
//! Each normaliser is idempotent: what it writes, it reads back unchanged. Empty input is
//! allowed everywhere (an empty string out); whether a value is needed is decided by the
//! destination of a dossier, not here.

use crate::error::{CoreError, Field};
use crate::format::{NBSP, NNBSP};
use crate::journal::text::is_bidi_control;

/// RFC 5321's limit on an address as a whole.
pub const EMAIL_MAX: usize = 254;

/// An e-mail address: one `@`, a local part without spaces or the characters mail software
/// reads as syntax, a domain of at least two labels, the last not a number. The domain is written
/// in lowercase; the local part is kept as typed (it may be case-sensitive).
pub fn email(input: &str) -> Result<String, CoreError> {
    let bad = || CoreError::Invalid(Field::Email);
    let s = input.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    if s.len() > EMAIL_MAX * 4 || s.chars().count() > EMAIL_MAX {
        return Err(bad());
    }
    let (local, domain) = s.split_once('@').ok_or_else(bad)?;
    let local_ok = (1..=64).contains(&local.chars().count())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !is_bidi_control(c)
                && !"@<>()[]\\,;:\"".contains(c)
        });
    let domain = domain.to_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            (1..=63).contains(&l.chars().count())
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        // A top-level domain is never all digits (`a@1.2.3.4` is not an address).
        && labels.last().is_some_and(|tld| {
            tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit())
        });
    if !(local_ok && domain_ok) {
        return Err(bad());
    }
    Ok(format!("{local}@{domain}"))
}

/// The country codes whose national numbers are written with a leading 0 in France and whose
/// first digits, after that 0, say which overseas department they belong to. Everything
/// else beginning with 0 is metropolitan France, +33.
const OVERSEAS_PREFIXES: [(&str, &str); 14] = [
    ("590", "590"), // Guadeloupe, Saint-Martin, Saint-Barthélemy (fixed)
    ("690", "590"), // (mobile)
    ("691", "590"),
    ("594", "594"), // Guyane
    ("694", "594"),
    ("596", "596"), // Martinique
    ("696", "596"),
    ("697", "596"),
    ("262", "262"), // La Réunion
    ("263", "262"),
    ("692", "262"),
    ("693", "262"),
    ("269", "262"), // Mayotte
    ("639", "262"),
];

/// The country codes written in the French way, with a 9-digit national number.
const FRENCH_CODES: [&str; 5] = ["33", "262", "590", "594", "596"];

/// A telephone number, in international form. French numbers (`06 12 34 56 78`,
/// `+33 (0)6 12 34 56 78`, `0033 6…`) become `+33 6 12 34 56 78`; those of the overseas
/// departments take their own code (`0692 12 34 56` is `+262 692 12 34 56`). Other numbers
/// must start with `+` (or `00`) and are kept as `+` and 7 to 15 digits. Spaces, dots,
/// hyphens, slashes and brackets between the digits are allowed.
pub fn phone(input: &str) -> Result<String, CoreError> {
    let bad = || CoreError::Invalid(Field::Phone);
    let s = input.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    if s.len() > 64 {
        return Err(bad());
    }
    let compact: String = s
        .replace("(0)", "")
        .chars()
        .filter(|c| !matches!(*c, ' ' | NBSP | NNBSP | '.' | '-' | '/' | '(' | ')'))
        .collect();
    let international = match compact.strip_prefix('+') {
        Some(rest) => Some(rest),
        None => compact.strip_prefix("00"),
    };
    let digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    match international {
        Some(rest) => {
            if !digits(rest) || rest.starts_with('0') || !(7..=15).contains(&rest.len()) {
                return Err(bad());
            }
            for code in FRENCH_CODES {
                if let Some(national) = rest.strip_prefix(code) {
                    // `+33 0 6…`: the trunk 0 written after the country code by habit.
                    let national = national.strip_prefix('0').unwrap_or(national);
                    if national.len() == 9 && !national.starts_with('0') {
                        return Ok(french(code, national));
                    }
                    if code == "33" {
                        return Err(bad());
                    }
                }
            }
            Ok(format!("+{rest}"))
        }
        None => {
            let national = compact.strip_prefix('0').ok_or_else(bad)?;
            if !digits(national) || national.len() != 9 || national.starts_with('0') {
                return Err(bad());
            }
            let code = OVERSEAS_PREFIXES
                .iter()
                .find(|(p, _)| national.starts_with(p))
                .map_or("33", |(_, c)| c);
            Ok(french(code, national))
        }
    }
}

/// `+33 6 12 34 56 78`, `+262 692 12 34 56`: the national number in pairs after its head.
fn french(code: &str, national: &str) -> String {
    let head = if code == "33" { 1 } else { 3 };
    let mut out = format!("+{code} {}", &national[..head]);
    for pair in national.as_bytes()[head..].chunks(2) {
        out.push(' ');
        out.push_str(std::str::from_utf8(pair).unwrap_or_default());
    }
    out
}

/// The countries whose addresses are served by La Poste, with its 5-digit postcodes:
/// France, its overseas departments and collectivities, and Monaco.
const LA_POSTE_COUNTRIES: [&str; 13] = [
    "FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF", "MC",
];

/// A postcode for an address in `country` (already checked by [`country`]): exactly 5 digits
/// where La Poste delivers (spaces between them allowed, removed), otherwise letters,
/// digits, spaces and hyphens, at most 12.
pub fn postcode(input: &str, country: &str) -> Result<String, CoreError> {
    let bad = || CoreError::Invalid(Field::Postcode);
    let s = input.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    if s.len() > 48 {
        return Err(bad());
    }
    if LA_POSTE_COUNTRIES.contains(&country) {
        let digits: String = s
            .chars()
            .filter(|c| !matches!(*c, ' ' | NBSP | NNBSP))
            .collect();
        return if digits.len() == 5 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(digits)
        } else {
            Err(bad())
        };
    }
    let ok = s.chars().count() <= 12
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
    if ok { Ok(s.to_uppercase()) } else { Err(bad()) }
}

/// A country as its ISO 3166-1 alpha-2 code, in capitals (`fr` gives `FR`).
pub fn country(input: &str) -> Result<String, CoreError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    let code = s.to_ascii_uppercase();
    if code.len() == 2 && COUNTRIES.contains(&code.as_str()) {
        Ok(code)
    } else {
        Err(CoreError::Invalid(Field::Country))
    }
}

/// ISO 3166-1 alpha-2: the 249 officially assigned codes, and XK (Kosovo), user-assigned but
/// used by the European Union and most registries.
const COUNTRIES: [&str; 250] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW",
];

#[cfg(test)]
mod tests;

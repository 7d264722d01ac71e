//! The company identifiers of the INSEE register as the owner types them: the SIREN (9
//! digits, the company), the SIRET (14 digits, one establishment: the SIREN and a 5-digit
//! NIC) and the NAF/APE activity code (`47.91B`). Numbers may be typed or pasted in groups
//! ("732 829 320 00074", with plain, no-break or narrow no-break spaces); they are kept as
//! digits only. SIREN and SIRET carry a Luhn check digit, except the establishments of La
//! Poste (SIREN 356 000 000), whose SIRET instead has a digit sum that is a multiple of 5.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Field};
use crate::format::{NBSP, NNBSP};

/// La Poste's SIREN: its establishments' SIRETs follow the digit-sum rule, not Luhn.
pub const LA_POSTE_SIREN: &str = "356000000";

/// A company's SIREN, 9 ASCII digits with a valid check digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
pub struct Siren(String);

/// An establishment's SIRET, 14 ASCII digits: a valid SIREN, then the NIC, with a valid
/// check digit over the whole (or La Poste's digit-sum rule).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
pub struct Siret(String);

/// A NAF rév. 2 / APE activity code, normalised to `NN.NNL` (`47.91B`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
pub struct Naf(String);

impl Siren {
    /// Reads a SIREN typed by the owner: 9 digits, spaces allowed between them.
    pub fn parse(input: &str) -> Result<Siren, CoreError> {
        digits(input, 9)
            .filter(|d| luhn(d))
            .map(Siren)
            .ok_or(CoreError::Invalid(Field::Siren))
    }

    /// The 9 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Written for people and the PDF: `732 829 320`, with no-break spaces.
    pub fn grouped(&self) -> String {
        group(&self.0, &[3, 3, 3])
    }
}

impl Siret {
    /// Reads a SIRET typed by the owner: 14 digits, spaces allowed between them.
    pub fn parse(input: &str) -> Result<Siret, CoreError> {
        digits(input, 14)
            .filter(|d| luhn(&d[..9]) && (luhn(d) || la_poste(d)))
            .map(Siret)
            .ok_or(CoreError::Invalid(Field::Siret))
    }

    /// The 14 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The company this establishment belongs to (the first 9 digits).
    pub fn siren(&self) -> Siren {
        Siren(self.0[..9].to_owned())
    }

    /// The establishment's internal number (the last 5 digits).
    pub fn nic(&self) -> &str {
        &self.0[9..]
    }

    /// Written for people and the PDF: `732 829 320 00074`, with no-break spaces.
    pub fn grouped(&self) -> String {
        group(&self.0, &[3, 3, 3, 5])
    }
}

/// Whether the establishment `siret` belongs to the company `siren`.
pub fn siret_matches_siren(siret: &Siret, siren: &Siren) -> bool {
    siret.0.starts_with(&siren.0)
}

impl Naf {
    /// Reads a NAF/APE code: `47.91B`, `4791B` and `47.91b` all give `47.91B`.
    pub fn parse(input: &str) -> Result<Naf, CoreError> {
        let s = input.trim();
        let compact = match s.as_bytes() {
            [_, _, b'.', _, _, _] if s.is_ascii() => format!("{}{}", &s[..2], &s[3..]),
            [_, _, _, _, _] => s.to_owned(),
            _ => return Err(CoreError::Invalid(Field::Naf)),
        };
        match compact.as_bytes() {
            [a, b, c, d, l]
                if [a, b, c, d].iter().all(|x| x.is_ascii_digit()) && l.is_ascii_alphabetic() =>
            {
                Ok(Naf(format!(
                    "{}.{}{}",
                    &compact[..2],
                    &compact[2..4],
                    char::from(l.to_ascii_uppercase())
                )))
            }
            _ => Err(CoreError::Invalid(Field::Naf)),
        }
    }

    /// The normalised code, `NN.NNL`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! string_conversions {
    ($($t:ident),*) => {$(
        impl TryFrom<String> for $t {
            type Error = CoreError;
            fn try_from(s: String) -> Result<Self, CoreError> {
                $t::parse(&s)
            }
        }
        impl From<$t> for String {
            fn from(v: $t) -> String {
                v.0
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}
string_conversions!(Siren, Siret, Naf);

/// Exactly `len` ASCII digits once the spaces between them are taken out.
fn digits(input: &str, len: usize) -> Option<String> {
    let mut out = String::with_capacity(len);
    for c in input.trim().chars() {
        match c {
            '0'..='9' if out.len() < len => out.push(c),
            ' ' | NBSP | NNBSP => {}
            _ => return None,
        }
    }
    (out.len() == len).then_some(out)
}

/// The Luhn check: doubling every second digit from the right, the sum is a multiple of 10.
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            match i % 2 {
                0 => d,
                _ if d > 4 => d * 2 - 9,
                _ => d * 2,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// La Poste's establishments: the digits of the SIRET add up to a multiple of 5.
fn la_poste(siret: &str) -> bool {
    siret.starts_with(LA_POSTE_SIREN)
        && siret
            .bytes()
            .map(|b| u32::from(b - b'0'))
            .sum::<u32>()
            .is_multiple_of(5)
}

fn group(digits: &str, sizes: &[usize]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &n in sizes {
        if at > 0 {
            out.push(NBSP);
        }
        out.push_str(&digits[at..at + n]);
        at += n;
    }
    out
}

#[cfg(test)]
mod tests;

//! French data as it comes out of spreadsheets: dates, amounts, platform names, categories
//! and statuses, each read without guessing where two readings are possible.

use carnet_core::categories::{self, Catalogue};
use carnet_core::error::CoreError;
use carnet_core::journal::incident::Status;
use carnet_core::journal::platform::{PlatformDetails, PlatformInput};
use carnet_core::{Locale, Platforms};
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use crate::text::fold;

/// The largest Excel serial date (31/12/9999).
const SERIAL_MAX: f64 = 2_958_465.0;

/// A day from an Excel serial (1900 system, with its phantom 29 February 1900 refused).
/// The fraction (time of day) is dropped.
pub fn serial_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..=SERIAL_MAX).contains(&serial) {
        return None;
    }
    let days = serial.floor() as u64;
    if days == 60 {
        return None;
    }
    let base = if days < 60 {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    };
    base.checked_add_days(Days::new(days))
}

/// The Excel serial of a day (the reverse of [`serial_date`], from 1 March 1900).
pub fn date_serial(date: NaiveDate) -> f64 {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid");
    (date - base).num_days() as f64
}

/// Reads a date typed in a cell: `26/11/2026`, `26/11/26` (20xx), `26-11-2026`, `26.11.2026`,
/// `2026-11-26` (a time after it ignored), `26 nov. 2026`, `26 novembre 2026`, `1er mars 2026`,
/// `Nov 26, 2026`, or an Excel serial written as text (`46352`).
pub fn date(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    if s.is_empty() || s.len() > 40 {
        return None;
    }
    if let Some(d) = iso(s) {
        return Some(d);
    }
    if let Some(d) = numeric_dmy(s) {
        return Some(d);
    }
    if s.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return s.parse::<f64>().ok().and_then(serial_date);
    }
    words(s)
}

fn iso(s: &str) -> Option<NaiveDate> {
    let head = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', ' '])) {
        return None;
    }
    let b = head.as_bytes();
    let shaped = b.iter().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    if !shaped {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

fn numeric_dmy(s: &str) -> Option<NaiveDate> {
    let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let day: u32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok()?;
    let year: i32 = match parts[2].len() {
        2 => 2000 + parts[2].parse::<i32>().ok()?,
        4 => parts[2].parse().ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["janv", "jan", "janvier", "january"],
        &["fevr", "fev", "feb", "fevrier", "february"],
        &["mars", "mar", "march"],
        &["avr", "apr", "avril", "april"],
        &["mai", "may"],
        &["juin", "jun", "june"],
        &["juil", "jul", "juillet", "july"],
        &["aout", "aug", "august"],
        &["sept", "sep", "septembre", "september"],
        &["oct", "octobre", "october"],
        &["nov", "novembre", "november"],
        &["dec", "decembre", "december"],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|i| i as u32 + 1)
}

fn words(s: &str) -> Option<NaiveDate> {
    let folded = fold(s);
    let tokens: Vec<&str> = folded.split(' ').collect();
    let day_of = |t: &str| -> Option<u32> {
        let t = t.strip_suffix("er").unwrap_or(t);
        (t.len() <= 2).then(|| t.parse().ok()).flatten()
    };
    let (day, month, year) = match tokens.as_slice() {
        // 26 nov 2026
        [d, m, y] if day_of(d).is_some() => (day_of(d)?, month_of(m)?, *y),
        // nov 26 2026 (Nov 26, 2026)
        [m, d, y] => (day_of(d)?, month_of(m)?, *y),
        _ => return None,
    };
    if year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day)
}

/// Reads an amount of euros into cents: French `1 234,56 €` (groups of a plain, no-break or
/// narrow no-break space), English `1,234.56`, plain `1234.56`, `-45,00`, accounting
/// `(45,00)` for a negative, `EUR` or `€` before or after. Ambiguous text is refused.
pub fn amount(input: &str) -> Option<i64> {
    let mut s = input.trim();
    let mut negative = false;
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        s = inner.trim();
        negative = true;
    }
    let mut owned = s.to_owned();
    for unit in ["EUR", "eur", "Eur"] {
        if let Some(r) = owned.strip_suffix(unit) {
            owned = r.trim_end().to_owned();
        } else if let Some(r) = owned.strip_prefix(unit) {
            owned = r.trim_start().to_owned();
        }
    }
    let s = owned.strip_prefix('+').unwrap_or(&owned).trim();
    if negative && s.starts_with(['-', '\u{2212}']) {
        return None;
    }
    let cents = carnet_core::amount::parse(s, Locale::Fr)
        .or_else(|_| carnet_core::amount::parse(s, Locale::En))
        .ok()?;
    Some(if negative { -cents } else { cents })
}

/// An amount held in a number cell, in cents (rounded to the cent).
pub fn number_amount(value: f64) -> Option<i64> {
    let cents = (value * 100.0).round();
    (cents.is_finite() && cents.abs() < 9.0e15).then_some(cents as i64)
}

/// What a platform cell names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum PlatformRef {
    /// A platform of carnet-core's catalogue, by its stable id (`cdiscount`).
    Catalogue {
        /// [`carnet_core::platforms::Platform::id`].
        id: String,
    },
    /// A name the catalogue does not know: offered to the owner as a new platform.
    New {
        /// The name as written in the file, trimmed.
        name: String,
    },
}

impl PlatformRef {
    /// The vault platform it becomes: the catalogue's entry (with its legal entity, country
    /// and address), or a marketplace of the name written in the file. Validated by
    /// carnet-core like the platform form.
    pub fn details(
        &self,
        catalogue: &Platforms,
        today: NaiveDate,
    ) -> Result<PlatformDetails, CoreError> {
        let input = match self {
            PlatformRef::Catalogue { id } => {
                let entry = catalogue.get(id);
                let known = |f: fn(&carnet_core::platforms::Platform) -> &Option<String>| {
                    entry.and_then(|e| f(e).clone()).unwrap_or_default()
                };
                PlatformInput {
                    catalogue_id: id.clone(),
                    legal_entity: known(|e| &e.legal_entity),
                    country: known(|e| &e.country),
                    address: known(|e| &e.address),
                    ..PlatformInput::default()
                }
            }
            PlatformRef::New { name } => PlatformInput {
                name: name.clone(),
                service: "marketplace".into(),
                ..PlatformInput::default()
            },
        };
        input.check(catalogue, today)
    }

    /// The name shown: the catalogue's, or as written in the file.
    pub fn name(&self, catalogue: &Platforms) -> String {
        match self {
            PlatformRef::Catalogue { id } => catalogue
                .get(id)
                .map(|e| e.name.clone())
                .unwrap_or_else(|| id.clone()),
            PlatformRef::New { name } => name.clone(),
        }
    }
}

/// Matches a platform name to the catalogue, accents, case and punctuation ignored, by id,
/// name or alias, or by one of them followed by more words (`CDiscount Marketplace`);
/// the longest match wins. Blank gives `None`.
pub fn platform(input: &str) -> Option<PlatformRef> {
    let name = input.trim();
    let folded = fold(name);
    if folded.is_empty() {
        return None;
    }
    let squeezed: String = folded.chars().filter(|c| *c != ' ').collect();
    let mut best: Option<(usize, &str)> = None;
    for p in Platforms::builtin().all() {
        let candidates = std::iter::once(p.id.as_str())
            .chain(std::iter::once(p.name.as_str()))
            .chain(p.aliases.iter().map(String::as_str));
        for c in candidates {
            let fc = fold(c);
            if fc.is_empty() {
                continue;
            }
            let sc: String = fc.chars().filter(|c| *c != ' ').collect();
            let hit = folded == fc
                || squeezed == sc
                || folded.strip_prefix(&fc).is_some_and(|r| r.starts_with(' '));
            if hit && best.is_none_or(|(len, _)| fc.len() > len) {
                best = Some((fc.len(), p.id.as_str()));
            }
        }
    }
    Some(match best {
        Some((_, id)) => PlatformRef::Catalogue { id: id.to_owned() },
        None => PlatformRef::New {
            name: name.to_owned(),
        },
    })
}

/// A category by its code (`acc-02`) or its French or English label, accents and case
/// ignored; `None` when nothing matches (the caller files it under
/// [`categories::OTHER`], "to classify").
pub fn category(input: &str) -> Option<String> {
    let s = input.trim();
    let catalogue = Catalogue::builtin();
    if let Some(c) = catalogue.category(&s.to_uppercase()) {
        return Some(c.code.clone());
    }
    let folded = fold(s);
    if folded.is_empty() {
        return None;
    }
    catalogue
        .categories()
        .iter()
        .find(|c| fold(&c.label.fr) == folded || fold(&c.label.en) == folded)
        .map(|c| c.code.clone())
}

/// The code of the "to classify" category.
pub fn to_classify() -> &'static str {
    categories::OTHER
}

/// A status by its code or a usual French or English wording (`en cours`, `résolu`, `clos`,
/// `pending`…); `None` when unknown.
pub fn status(input: &str) -> Option<Status> {
    let f = fold(input);
    if let Some(s) = Status::ALL.iter().find(|s| fold(s.code()) == f) {
        return Some(*s);
    }
    let s = match f.as_str() {
        "ouvert" | "ouverte" | "en cours" | "nouveau" | "a traiter" | "open" | "new"
        | "in progress" => Status::Open,
        "reclamation envoyee"
        | "reclamation"
        | "contestation envoyee"
        | "contestation"
        | "complaint sent"
        | "complaint" => Status::ComplaintSent,
        "en attente"
        | "en attente de reponse"
        | "attente reponse"
        | "awaiting answer"
        | "pending"
        | "waiting" => Status::AwaitingAnswer,
        "mediation" | "mediateur" | "en mediation" => Status::Mediation,
        "signale" | "signalee" | "signalement" | "reported" => Status::Reported,
        "resolu" | "resolue" | "regle" | "reglee" | "clos" | "close" | "cloture" | "ferme"
        | "fermee" | "termine" | "terminee" | "rembourse" | "resolved" | "closed" | "done" => {
            Status::Resolved
        }
        "abandonne" | "abandonnee" | "abandon" | "abandoned" => Status::Abandoned,
        _ => return None,
    };
    Some(s)
}

/// The French label of a status, the one the exports write (and [`status`] reads back).
pub fn status_label(status: Status, locale: Locale) -> &'static str {
    match (status, locale) {
        (Status::Open, Locale::Fr) => "Ouvert",
        (Status::ComplaintSent, Locale::Fr) => "Réclamation envoyée",
        (Status::AwaitingAnswer, Locale::Fr) => "En attente de réponse",
        (Status::Mediation, Locale::Fr) => "Médiation",
        (Status::Reported, Locale::Fr) => "Signalé",
        (Status::Resolved, Locale::Fr) => "Résolu",
        (Status::Abandoned, Locale::Fr) => "Abandonné",
        (Status::Open, Locale::En) => "Open",
        (Status::ComplaintSent, Locale::En) => "Complaint sent",
        (Status::AwaitingAnswer, Locale::En) => "Awaiting answer",
        (Status::Mediation, Locale::En) => "Mediation",
        (Status::Reported, Locale::En) => "Reported",
        (Status::Resolved, Locale::En) => "Resolved",
        (Status::Abandoned, Locale::En) => "Abandoned",
    }
}

/// Whether a year is one the journal accepts at all (used to tell a serial from a count).
pub fn plausible(date: NaiveDate) -> bool {
    (1990..=2100).contains(&date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_platform_becomes_the_catalogue_s_entry_or_a_marketplace_of_its_name() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let catalogue = Platforms::builtin();
        let new = PlatformRef::New {
            name: "Ma boutique".into(),
        };
        let details = new.details(catalogue, day).unwrap();
        assert_eq!(
            (
                details.catalogue_id,
                details.name.as_str(),
                details.service.code()
            ),
            (None, "Ma boutique", "marketplace")
        );
        assert_eq!(new.name(catalogue), "Ma boutique");
        let known = platform("CDiscount Marketplace").unwrap();
        let details = known.details(catalogue, day).unwrap();
        assert_eq!(details.catalogue_id.as_deref(), Some("cdiscount"));
        assert_eq!(known.name(catalogue), "Cdiscount");
        let amazon = platform("amazon.fr")
            .unwrap()
            .details(catalogue, day)
            .unwrap();
        assert_eq!(
            amazon.legal_entity, "Amazon EU S.à r.l.",
            "from the catalogue"
        );
        let long = PlatformRef::New {
            name: "x".repeat(10_000),
        };
        assert!(
            long.details(catalogue, day).is_err(),
            "validated like the form"
        );
    }

    #[test]
    fn platforms_match_the_catalogue_without_accents_or_case() {
        let cat = |id: &str| Some(PlatformRef::Catalogue { id: id.into() });
        assert_eq!(platform("cdiscount"), cat("cdiscount"));
        assert_eq!(platform("  CDiscount Marketplace "), cat("cdiscount"));
        assert_eq!(platform("Amazon.fr"), cat("amazon"));
        assert_eq!(platform("Mano Mano"), cat("manomano"));
        assert_eq!(
            platform("Cdiscounter"),
            Some(PlatformRef::New {
                name: "Cdiscounter".into()
            })
        );
        assert_eq!(platform("  "), None);
    }

    #[test]
    fn refused_dates_and_amounts() {
        for bad in [
            "",
            "31/02/2026",
            "2026-13-01",
            "26/11",
            "26 foo 2026",
            "1/1/202",
            "abc",
            "60",
        ] {
            assert_eq!(date(bad), None, "{bad}");
        }
        for bad in [
            "",
            "abc",
            "1.234,56",
            "12,345,6",
            "(-4)",
            "1 23,00",
            "€ 4 €",
        ] {
            assert_eq!(amount(bad), None, "{bad}");
        }
    }

    #[test]
    fn statuses_and_categories_by_word() {
        assert_eq!(status("Résolu"), Some(Status::Resolved));
        assert_eq!(status("complaint_sent"), Some(Status::ComplaintSent));
        assert_eq!(status("EN ATTENTE"), Some(Status::AwaitingAnswer));
        assert_eq!(status("???"), None);
        let first = &Catalogue::builtin().categories()[0];
        assert_eq!(
            category(&first.label.fr.to_uppercase()),
            Some(first.code.clone())
        );
        assert_eq!(
            category(&first.code.to_lowercase()),
            Some(first.code.clone())
        );
        assert_eq!(category("zzz"), None);
        for s in Status::ALL {
            assert_eq!(status(status_label(s, Locale::Fr)), Some(s));
            assert_eq!(status(status_label(s, Locale::En)), Some(s));
        }
    }
}

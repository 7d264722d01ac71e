//! What the built-in data files (the category tree, the platforms) share: a text in both
//! languages, the error a file fails validation with — always naming the entry at fault, so
//! whoever corrects the data knows where to look — and the small checks both run.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::locale::Locale;

/// A text shown to the owner, in French and in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Label {
    /// The French text.
    pub fr: String,
    /// The English text.
    pub en: String,
}

impl Label {
    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Fr => &self.fr,
            Locale::En => &self.en,
        }
    }
}

/// Why a data file was refused. `code` is the entry at fault (a category code, a group, an
/// axis, a platform id).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    /// Not TOML, or a key misspelt or of the wrong type (the message gives the line).
    #[error("the data file cannot be read: {0}")]
    Syntax(String),
    /// A required key or entry is absent (an entry's label, the catch-all category…).
    #[error("{code}: missing {what}")]
    Missing {
        /// The entry at fault.
        code: String,
        /// What is missing, in words (`group`, `en label`, `definition`).
        what: String,
    },
    /// A value names something the file does not define (a group, an axis, a measure).
    #[error("{code}: unknown {key} {value:?}")]
    Unknown {
        /// The entry at fault.
        code: String,
        /// The key whose value is unknown.
        key: &'static str,
        /// The value as written.
        value: String,
    },
    /// Two entries share a code.
    #[error("{code}: defined twice")]
    Duplicate {
        /// The code defined twice.
        code: String,
    },
    /// A value breaks a rule of its shape (a code's pattern, a blank reference).
    #[error("{code}: {reason}")]
    Malformed {
        /// The entry at fault.
        code: String,
        /// The rule broken, in words.
        reason: &'static str,
    },
}

/// Reads a data file into its raw, unvalidated shape.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, CatalogueError> {
    toml::from_str(text).map_err(|e| CatalogueError::Syntax(e.to_string()))
}

/// A label as written in a data file, where either language may be missing.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLabel {
    pub fr: Option<String>,
    pub en: Option<String>,
}

impl RawLabel {
    /// Both texts, non-blank; `of` says which label of `code` this is, for the error.
    pub(crate) fn check(self, code: &str, of: &str) -> Result<Label, CatalogueError> {
        let text = |value: Option<String>, locale: Locale| {
            value
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .ok_or_else(|| CatalogueError::Missing {
                    code: code.to_owned(),
                    what: format!("{} label{of}", locale.tag()),
                })
        };
        Ok(Label {
            fr: text(self.fr, Locale::Fr)?,
            en: text(self.en, Locale::En)?,
        })
    }
}

/// An entry of a data file made of a code and its labels (an axis, a group, a service type).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntry {
    pub code: String,
    pub fr: Option<String>,
    pub en: Option<String>,
}

impl RawEntry {
    pub(crate) fn label(self) -> Result<(String, Label), CatalogueError> {
        let label = RawLabel {
            fr: self.fr,
            en: self.en,
        }
        .check(&self.code, "")?;
        Ok((self.code, label))
    }
}

/// The labels of a closed list (the axes, the service types): each member defined once,
/// none unknown, none left out.
pub(crate) fn closed_labels<T: Copy + PartialEq>(
    raw: Vec<RawEntry>,
    all: &[T],
    name: fn(T) -> &'static str,
    key: &'static str,
) -> Result<Vec<(T, Label)>, CatalogueError> {
    unique(raw.iter().map(|e| e.code.as_str()))?;
    let mut out = Vec::new();
    for entry in raw {
        let member = known(all, name, &entry.code, key, &entry.code)?;
        out.push((member, entry.label()?.1));
    }
    match all.iter().find(|m| !out.iter().any(|(o, _)| o == *m)) {
        Some(undefined) => Err(CatalogueError::Missing {
            code: name(*undefined).to_owned(),
            what: "definition".to_owned(),
        }),
        None => Ok(out),
    }
}

/// Refuses the second entry with a code already seen.
pub(crate) fn unique<'a>(codes: impl IntoIterator<Item = &'a str>) -> Result<(), CatalogueError> {
    let mut seen = std::collections::HashSet::new();
    match codes.into_iter().find(|c| !seen.insert(*c)) {
        Some(code) => Err(CatalogueError::Duplicate {
            code: code.to_owned(),
        }),
        None => Ok(()),
    }
}

/// The member of a closed list that `value` names, or an error naming `code`'s entry.
pub(crate) fn known<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    code: &str,
    key: &'static str,
    value: &str,
) -> Result<T, CatalogueError> {
    all.iter()
        .copied()
        .find(|t| name(*t) == value)
        .ok_or_else(|| CatalogueError::Unknown {
            code: code.to_owned(),
            key,
            value: value.to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_need_both_languages() {
        let raw = |fr: Option<&str>, en: Option<&str>| RawLabel {
            fr: fr.map(str::to_owned),
            en: en.map(str::to_owned),
        };
        assert_eq!(
            raw(Some(" Compte "), Some("Account")).check("ACC", ""),
            Ok(Label {
                fr: "Compte".into(),
                en: "Account".into()
            })
        );
        assert_eq!(
            raw(Some("Compte"), Some("  ")).check("ACC-01", " of evidence 2"),
            Err(CatalogueError::Missing {
                code: "ACC-01".into(),
                what: "en label of evidence 2".into()
            })
        );
        assert!(raw(None, Some("Account")).check("ACC", "").is_err());
    }

    #[test]
    fn errors_name_the_entry() {
        assert_eq!(
            unique(["a", "b", "a"]).unwrap_err().to_string(),
            "a: defined twice"
        );
        assert_eq!(
            known(
                &[1, 2],
                |n| if n == 1 { "one" } else { "two" },
                "X-01",
                "axis",
                "three"
            )
            .unwrap_err()
            .to_string(),
            "X-01: unknown axis \"three\""
        );
    }
}

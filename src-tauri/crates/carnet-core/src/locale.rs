//! The languages Carnet speaks. French is the default; English is the second language.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Field};

/// A language of the interface and of the dossiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Locale {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Locale {
    /// Both languages, French first.
    pub const ALL: [Locale; 2] = [Locale::Fr, Locale::En];

    /// The BCP 47 tag, as written in the PDF metadata and the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    /// Parses a tag coming from outside (the UI, a settings file). Exact and case-sensitive:
    /// only what [`Locale::tag`] writes is accepted.
    pub fn parse(tag: &str) -> Result<Locale, CoreError> {
        Locale::ALL
            .into_iter()
            .find(|l| l.tag() == tag)
            .ok_or(CoreError::Invalid(Field::Locale))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn default_is_french() {
        assert_eq!(Locale::default(), Locale::Fr);
    }

    #[test]
    fn tags_round_trip() {
        for l in Locale::ALL {
            assert_eq!(Locale::parse(l.tag()), Ok(l));
        }
    }

    #[test]
    fn near_misses_are_refused() {
        for bad in ["", "FR", "fr-FR", " fr", "de", "en\0", "<script>"] {
            assert_eq!(
                Locale::parse(bad),
                Err(CoreError::Invalid(Field::Locale)),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn serde_uses_the_tag() {
        assert_eq!(serde_json::to_string(&Locale::En).unwrap(), "\"en\"");
    }

    proptest! {
        #[test]
        fn parse_accepts_exactly_the_known_tags(s in "\\PC{0,12}") {
            let known = Locale::ALL.iter().any(|l| l.tag() == s);
            prop_assert_eq!(Locale::parse(&s).is_ok(), known);
        }
    }
}

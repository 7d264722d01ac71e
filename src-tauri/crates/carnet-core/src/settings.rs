//! The owner's preferences that must be known before the vault is open (the language of the
//! unlock screen, for one). They hold nothing personal, so they live outside the vault.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::locale::Locale;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    pub locale: Locale,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_their_defaults() {
        let s: Settings = serde_json::from_str("{}").unwrap();
        assert_eq!(s, Settings::default());
        assert_eq!(s.locale, Locale::Fr);
    }

    #[test]
    fn unknown_locale_is_an_error_not_a_default() {
        assert!(serde_json::from_str::<Settings>(r#"{"locale":"xx"}"#).is_err());
    }
}

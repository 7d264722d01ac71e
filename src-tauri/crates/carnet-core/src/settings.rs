//! The owner's preferences that must be known before the vault is open (the language of the
//! unlock screen, for one). They hold nothing personal, so they live outside the vault.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Field};
use crate::locale::Locale;

/// The preferences kept outside the vault (`settings.json`); a missing key takes its default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    /// The language of the interface, the unlock screen included.
    pub locale: Locale,
    /// Lock the vault after this many minutes without activity.
    pub auto_lock_minutes: u32,
    /// A system notification when a deadline of an open incident becomes urgent (on unless
    /// turned off; a settings file from before this choice keeps it on).
    pub notifications: bool,
    /// Proofs that need the network: the fingerprint (SHA-256) of each piece sent to a
    /// time-stamping authority, and the DNS look-ups that check an e-mail's DKIM signature.
    /// Off until the owner turns them on: nothing leaves the machine without their say.
    pub proofs: bool,
    /// The RFC 3161 authority's URL (one of the shipped list, or the owner's own).
    pub tsa_url: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            locale: Locale::default(),
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
            notifications: true,
            proofs: false,
            tsa_url: DEFAULT_TSA_URL.to_owned(),
        }
    }
}

/// The authority proposed first (see `carnet-proof`'s `data/tsa.toml`).
pub const DEFAULT_TSA_URL: &str = "http://timestamp.digicert.com";
/// The longest URL accepted for an authority.
pub const TSA_URL_MAX: usize = 300;

/// Validates the URL of a time-stamping authority typed by the owner: `http://` or
/// `https://`, a host, no spaces or control characters, at most [`TSA_URL_MAX`] characters.
pub fn tsa_url(raw: &str) -> Result<String, CoreError> {
    let url = raw.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest
        .and_then(|r| r.split(['/', '?', '#']).next())
        .unwrap_or("");
    let ok = url.len() <= TSA_URL_MAX
        && !host.is_empty()
        && !host.contains('@')
        && url.chars().all(|c| c.is_ascii_graphic());
    if ok {
        Ok(url.to_owned())
    } else {
        Err(CoreError::Invalid(Field::TsaUrl))
    }
}

/// The auto-lock delay of a new installation, in minutes.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;
/// The auto-lock delays the owner may choose, in minutes.
pub const AUTO_LOCK_RANGE: std::ops::RangeInclusive<u32> = 1..=240;

/// Validates an auto-lock delay typed by the owner (1 minute to 4 hours).
pub fn auto_lock_minutes(minutes: i64) -> Result<u32, CoreError> {
    u32::try_from(minutes)
        .ok()
        .filter(|m| AUTO_LOCK_RANGE.contains(m))
        .ok_or(CoreError::Invalid(Field::AutoLockMinutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_their_defaults() {
        let s: Settings = serde_json::from_str("{}").unwrap();
        assert_eq!(s, Settings::default());
        assert_eq!(s.locale, Locale::Fr);
        assert!(s.notifications);
        let off: Settings = serde_json::from_str(r#"{"notifications":false}"#).unwrap();
        assert!(!off.notifications);
    }

    #[test]
    fn auto_lock_delay_is_bounded() {
        assert_eq!(auto_lock_minutes(10), Ok(10));
        assert_eq!(auto_lock_minutes(240), Ok(240));
        for bad in [0, -1, 241, i64::MAX, i64::MIN] {
            assert!(auto_lock_minutes(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn proofs_are_off_until_turned_on() {
        let s: Settings = serde_json::from_str(r#"{"notifications":false}"#).unwrap();
        assert!(!s.proofs);
        assert_eq!(s.tsa_url, DEFAULT_TSA_URL);
    }

    #[test]
    fn a_tsa_url_is_checked() {
        assert_eq!(
            tsa_url(" https://freetsa.org/tsr ").unwrap(),
            "https://freetsa.org/tsr"
        );
        assert!(tsa_url("http://127.0.0.1:8080/tsr").is_ok());
        let long = format!("https://a.fr/{}", "x".repeat(400));
        for bad in [
            "",
            "freetsa.org",
            "ftp://x.fr",
            "https://",
            "http:///x",
            "https://a b.fr",
            "https://user@evil.fr",
            "javascript:alert(1)",
            "https://a.fr/\u{202E}",
            &long,
            "https://a.fr/\nx",
        ] {
            assert!(tsa_url(bad).is_err(), "{bad:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tsa_url_never_panics_and_accepts_only_http(raw in ".{0,400}") {
            if let Ok(url) = tsa_url(&raw) {
                proptest::prop_assert!(url.starts_with("http://") || url.starts_with("https://"));
                proptest::prop_assert!(url.len() <= TSA_URL_MAX);
            }
        }
    }

    #[test]
    fn unknown_locale_is_an_error_not_a_default() {
        assert!(serde_json::from_str::<Settings>(r#"{"locale":"xx"}"#).is_err());
    }
}

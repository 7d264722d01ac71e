//! The owner's preferences that must be known before the vault is open (the language of the
//! unlock screen, for one). They hold nothing personal, so they live outside the vault.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Field};
use crate::locale::Locale;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    pub locale: Locale,
    /// Lock the vault after this many minutes without activity.
    pub auto_lock_minutes: u32,
    /// A system notification when a deadline of an open incident becomes urgent (on unless
    /// turned off; a settings file from before this choice keeps it on).
    pub notifications: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            locale: Locale::default(),
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
            notifications: true,
        }
    }
}

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;
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
    fn unknown_locale_is_an_error_not_a_default() {
        assert!(serde_json::from_str::<Settings>(r#"{"locale":"xx"}"#).is_err());
    }
}

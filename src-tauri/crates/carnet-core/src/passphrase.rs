//! The owner's passphrase: how strong it is (zxcvbn's 0–4 score, which knows dictionaries,
//! names, dates and keyboard walks) and what a new one must meet: at least 10 characters, a
//! score of at least 3 ("safely unguessable" by an offline attacker at Argon2id's cost), and
//! the confirmation typed the same.

use serde::Serialize;
use ts_rs::TS;

use crate::error::{CoreError, Field};

/// The fewest characters a new passphrase may have.
pub const MIN_CHARS: usize = 10;
/// The most characters a passphrase may have (zxcvbn is not run on longer ones).
pub const MAX_CHARS: usize = 1024;
/// The lowest zxcvbn score a new passphrase may have.
pub const MIN_SCORE: u8 = 3;

/// How strong a passphrase is, for the meter shown while the owner types it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Strength {
    /// 0 (guessed at once) to 4 (very strong).
    pub score: u8,
    /// Whether a new passphrase with this strength is accepted.
    pub acceptable: bool,
}

/// The zxcvbn score of `passphrase` and whether a new one that strong is accepted; 0 and not
/// accepted when it is empty or over [`MAX_CHARS`].
pub fn strength(passphrase: &str) -> Strength {
    let chars = passphrase.chars().count();
    if chars == 0 || chars > MAX_CHARS {
        return Strength {
            score: 0,
            acceptable: false,
        };
    }
    let score = u8::from(zxcvbn::zxcvbn(passphrase, &[]).score());
    Strength {
        score,
        acceptable: chars >= MIN_CHARS && score >= MIN_SCORE,
    }
}

/// Checks a new passphrase and its confirmation, in the order the owner fixes them.
pub fn validate_new(passphrase: &str, confirmation: &str) -> Result<(), CoreError> {
    let chars = passphrase.chars().count();
    if !(MIN_CHARS..=MAX_CHARS).contains(&chars) {
        return Err(CoreError::Invalid(Field::Passphrase));
    }
    if !strength(passphrase).acceptable {
        return Err(CoreError::PassphraseTooWeak);
    }
    if passphrase != confirmation {
        return Err(CoreError::Invalid(Field::PassphraseConfirmation));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const GOOD: &str = "pluie-verte sur le quai 42";

    #[test]
    fn common_or_short_passphrases_are_refused() {
        assert_eq!(
            validate_new("short", "short"),
            Err(CoreError::Invalid(Field::Passphrase))
        );
        for weak in ["password123", "azertyuiop", "1234567890", "motdepasse2026"] {
            assert_eq!(
                validate_new(weak, weak),
                Err(CoreError::PassphraseTooWeak),
                "{weak}"
            );
        }
        let long = "x".repeat(MAX_CHARS + 1);
        assert_eq!(
            validate_new(&long, &long),
            Err(CoreError::Invalid(Field::Passphrase))
        );
    }

    #[test]
    fn a_strong_passphrase_must_be_confirmed() {
        assert_eq!(validate_new(GOOD, GOOD), Ok(()));
        assert_eq!(
            validate_new(GOOD, "pluie-verte sur le quai 43"),
            Err(CoreError::Invalid(Field::PassphraseConfirmation))
        );
    }

    #[test]
    fn strength_grows_with_the_passphrase() {
        assert_eq!(strength("").score, 0);
        assert!(strength("abc").score < strength(GOOD).score);
        assert!(strength(GOOD).acceptable);
    }

    proptest! {
        #[test]
        fn never_panics_and_stays_in_range(s in "\\PC{0,64}") {
            let st = strength(&s);
            prop_assert!(st.score <= 4);
            if st.acceptable {
                prop_assert!(s.chars().count() >= MIN_CHARS);
            }
        }
    }
}

//! The one error type of the domain crate: what was wrong with an input, named by a closed
//! list of fields so the shell can say it in the user's language without echoing the input.

use serde::Serialize;
use ts_rs::TS;

/// The inputs the domain validates. Closed list: the UI and the message catalogue switch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Field {
    Locale,
    Passphrase,
    PassphraseConfirmation,
    AutoLockMinutes,
    BackupId,
    /// A SIREN: not 9 digits, or a wrong check digit.
    Siren,
    /// A SIRET: not 14 digits, or a wrong check digit (of the whole number or of its SIREN).
    Siret,
    /// A NAF/APE activity code not shaped like `47.91B`.
    Naf,
    /// An amount of euros that cannot be read without guessing.
    Amount,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CoreError {
    /// The value of `field` is not one the domain accepts.
    #[error("invalid value for {0:?}")]
    Invalid(Field),
    /// A new passphrase that is long enough but easy to guess.
    #[error("the passphrase is too easy to guess")]
    PassphraseTooWeak,
}

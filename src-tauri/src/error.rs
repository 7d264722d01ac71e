//! What the UI receives when a command fails: `IpcError { code, field?, message }`. The code
//! comes from a closed list the UI switches on; the message is in the owner's language (from
//! `messages.rs`) and never holds a path, a secret or the owner's own input.

pub(crate) mod code;

use carnet_core::{CoreError, Field, Locale};
use carnet_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

use crate::messages;
pub use code::ErrorCode;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct IpcError {
    pub code: ErrorCode,
    /// The input concerned, when the code is `invalid_input`.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Field>,
    pub message: String,
}

impl IpcError {
    pub fn new(code: ErrorCode, locale: Locale) -> Self {
        IpcError {
            code,
            field: None,
            message: messages::error(code, None, locale),
        }
    }
}

/// Errors of the library crates, said in the owner's language.
pub trait Localise: std::fmt::Debug {
    fn localise(&self, locale: Locale) -> IpcError;
}

impl Localise for CoreError {
    fn localise(&self, locale: Locale) -> IpcError {
        let (code, field) = match self {
            CoreError::Invalid(field) => (ErrorCode::InvalidInput, Some(*field)),
            CoreError::PassphraseTooWeak => (ErrorCode::PassphraseTooWeak, None),
        };
        IpcError {
            code,
            field,
            message: messages::error(code, field, locale),
        }
    }
}

impl Localise for StoreError {
    fn localise(&self, locale: Locale) -> IpcError {
        let code = match self {
            StoreError::WrongSecret => ErrorCode::WrongSecret,
            StoreError::RecoveryKeyMistyped => ErrorCode::RecoveryKeyMistyped,
            StoreError::KeyringUnavailable => ErrorCode::KeyringUnavailable,
            StoreError::KeyringMismatch => ErrorCode::KeyringMismatch,
            StoreError::KeyFileDamaged => ErrorCode::KeyFileDamaged,
            StoreError::VaultCorrupted => ErrorCode::VaultCorrupted,
            StoreError::VaultTooNew => ErrorCode::VaultTooNew,
            StoreError::VaultExists => ErrorCode::VaultExists,
            StoreError::NoVault => ErrorCode::NoVault,
            StoreError::TooLarge => ErrorCode::TooLarge,
            StoreError::EmptyFile => ErrorCode::EmptyFile,
            StoreError::NotFound => ErrorCode::NotFound,
            StoreError::ArchiveDamaged => ErrorCode::ArchiveDamaged,
            StoreError::PlatformInUse => ErrorCode::PlatformInUse,
            StoreError::PlatformExists => ErrorCode::PlatformExists,
            StoreError::DiskFull => ErrorCode::DiskFull,
            StoreError::Io(_) | StoreError::Random | StoreError::Database(_) => ErrorCode::Io,
            StoreError::Invalid(field) => return CoreError::Invalid(*field).localise(locale),
            StoreError::Proof(_) => ErrorCode::ProofRefused,
        };
        IpcError::new(code, locale)
    }
}

impl Localise for carnet_interop::InteropError {
    fn localise(&self, locale: Locale) -> IpcError {
        use carnet_interop::InteropError as E;
        let code = match self {
            E::Empty => ErrorCode::SpreadsheetEmpty,
            E::TooLarge | E::TooManyRows => ErrorCode::SpreadsheetTooLarge,
            E::NotText | E::Unreadable | E::UnsupportedFormat | E::NoSuchSheet => {
                ErrorCode::SpreadsheetUnreadable
            }
            E::NotJournal | E::UnsupportedVersion => ErrorCode::NotAJournal,
            E::Write => ErrorCode::ExportFailed,
        };
        IpcError::new(code, locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_the_ui_expects() {
        let e = CoreError::Invalid(Field::Locale).localise(Locale::En);
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["code"], "invalid_input");
        assert_eq!(json["field"], "locale");
        let io = StoreError::Io(std::io::ErrorKind::Other).localise(Locale::Fr);
        assert!(serde_json::to_value(&io).unwrap().get("field").is_none());
        assert_eq!(
            serde_json::to_value(StoreError::WrongSecret.localise(Locale::Fr)).unwrap()["code"],
            "wrong_secret"
        );
    }
}

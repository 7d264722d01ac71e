//! What the UI receives when a command fails: `IpcError { code, field?, message }`. The code
//! comes from a closed list the UI switches on; the message is in the owner's language (from
//! `messages.rs`) and never holds a path, a secret or the owner's own input.

use carnet_core::{CoreError, Field, Locale};
use carnet_store::StoreError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::messages;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// An input was refused by validation; `field` says which.
    InvalidInput,
    /// A new passphrase that is easy to guess.
    PassphraseTooWeak,
    /// The passphrase or recovery key does not open the vault.
    WrongSecret,
    /// The recovery key's check characters do not match.
    RecoveryKeyMistyped,
    /// No usable keyring: fall back to the passphrase.
    KeyringUnavailable,
    /// The keyring's entry does not open this vault: fall back to the passphrase.
    KeyringMismatch,
    /// The key file is missing, truncated or altered: restore a backup.
    KeyFileDamaged,
    /// The database does not open or fails its check: restore a backup.
    VaultCorrupted,
    /// Written by a newer Carnet: left untouched.
    VaultTooNew,
    /// The command needs the vault open.
    VaultLocked,
    /// Creating where a vault exists.
    VaultExists,
    /// Opening where there is no vault.
    NoVault,
    /// A file over the 200 MB limit.
    TooLarge,
    /// An empty file.
    EmptyFile,
    /// A backup or record that does not exist.
    NotFound,
    /// An archive that is not Carnet's, or was altered.
    ArchiveDamaged,
    /// A platform that incidents (out of the trash) still refer to: not deleted.
    PlatformInUse,
    /// The platform is already in the list: not added twice.
    PlatformExists,
    /// The disk is full: nothing was replaced.
    DiskFull,
    /// Reading or writing the data folder failed.
    Io,
    /// A dossier export refused: something its destination requires is missing.
    DossierIncomplete,
    /// A piece of evidence could not be read or no longer matches its SHA-256: no export.
    PieceAltered,
    /// Writing the dossier failed (the folder, the file): nothing was left behind.
    ExportFailed,
    /// A spreadsheet or journal with no row to import.
    SpreadsheetEmpty,
    /// A spreadsheet over 50 MB or 100,000 rows: nothing imported.
    SpreadsheetTooLarge,
    /// A file that is not a spreadsheet Carnet reads (its type, a damaged or encrypted
    /// workbook, a binary file named `.csv`, a sheet that is not there).
    SpreadsheetUnreadable,
    /// A `.json` that is not a Carnet journal, or of a version this Carnet does not know.
    NotAJournal,
    /// No import is under way (the file was closed, or the vault locked meanwhile).
    NoImport,
    /// A timestamp token or e-mail check that does not prove what it should: not stored.
    ProofRefused,
}

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
pub trait Localise {
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
            StoreError::Io(_) | StoreError::Random | StoreError::Database => ErrorCode::Io,
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

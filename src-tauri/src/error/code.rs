//! The closed list of codes the UI switches on (generated into the UI's bindings).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a command failed, for the UI to switch on; the message goes with it in [`super::IpcError`].
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

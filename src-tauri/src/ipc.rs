//! The transport types of the vault screens: what the commands answer. They stay at the
//! boundary (the library crates have their own types) and are exported to TypeScript.

use serde::Serialize;
use ts_rs::TS;

use crate::error::IpcError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum VaultState {
    /// No vault in the data folder: the first-run screen.
    Absent,
    /// A vault, closed: the unlock screen.
    Locked,
    /// Open: the journal.
    Unlocked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VaultStatus {
    pub state: VaultState,
    /// This computer's keyring can open the vault without typing.
    pub remembers_this_computer: bool,
    /// What is wrong with the vault's files, if anything (shown on the unlock screen).
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<IpcError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VaultCreated {
    pub status: VaultStatus,
    /// Shown once, for the owner to write down: 6 groups of 5 characters.
    pub recovery_key: String,
    /// Set when "remember on this computer" was asked but the keyring refused.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyring_problem: Option<IpcError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum BackupKind {
    Daily,
    Migration,
    Restore,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupInfo {
    pub id: String,
    pub kind: BackupKind,
    /// When it was taken, read from its name: a daily backup's local date `YYYY-MM-DD`, or
    /// the UTC time `YYYY-MM-DDTHH:MM:SS` of one taken before a migration or a restore.
    pub taken: String,
}

/// A piece handed to another program: the temporary file's name, and whether it was only
/// shown in its folder (a kind of file Carnet does not open: a program, a script…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OpenedExternally {
    pub file_name: String,
    pub revealed: bool,
}

/// A file the owner exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Exported {
    /// The file's name only (the folder is the owner's choice; no path crosses the boundary).
    pub file_name: String,
}

//! Carnet's storage: everything written into the data folder. The encrypted vault (SQLCipher
//! through sqlx) and its keys; the journal's records in it (company, platforms, incidents,
//! events, pieces, dossiers, imports, proofs, trash) with their history, search and dashboard;
//! the evidence files, backups and archives; the preferences. Nothing here knows Tauri; errors
//! are [`StoreError`], with no path or secret inside.

#![warn(missing_docs)]

pub mod archive;
pub mod atomic;
pub mod backup;
pub mod closing;
pub mod db;
pub mod error;
pub mod evidence;
pub mod fold;
pub mod journal;
pub mod keys;
pub mod outside;
pub mod settings;
pub mod stream;
pub mod vault;

pub use error::StoreError;
pub use settings::SettingsFile;
pub use vault::{Layout, Presence, Secret, SnapshotSource, Vault};

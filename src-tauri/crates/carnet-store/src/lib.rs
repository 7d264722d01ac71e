//! Carnet's storage: the data folder and everything written into it. Today: the preferences
//! file, written atomically. Next: the encrypted vault (SQLCipher), its keys and backups.

pub mod atomic;
pub mod error;
pub mod settings;

pub use error::StoreError;
pub use settings::SettingsFile;

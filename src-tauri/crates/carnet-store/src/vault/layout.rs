//! The files of a vault inside the data folder, and what their presence says:
//!
//! ```text
//! vault.db        the SQLCipher database (+ vault.db-wal, vault.db-shm while open)
//! vault.key       the key file
//! evidence/       encrypted evidence files, named at random
//! backups/        encrypted backups (database copy + key file), one folder each
//! throttle.json   how many wrong secrets were typed since the last right one
//! .new-vault/     staging folder while a vault is being created
//! ```
//!
//! A vault is created in `.new-vault/` and moved into place database first, key file last; a
//! crash in between is finished on the next start (the key file in staging proves creation had
//! completed). A folder with one file of the pair and no staging is reported, never repaired
//! by creating a new vault.

use std::path::{Path, PathBuf};

use crate::error::StoreError;

/// The paths of a vault's files in one folder: the data folder, or its staging folder.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The folder that holds (or will hold) the vault's files.
    pub dir: PathBuf,
}

/// What the files at a [`Layout`] say is there; [`Layout::presence`] decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// No vault here: the owner may create one.
    Absent,
    /// A database and its key file.
    Present,
    /// The key file without its database.
    DatabaseMissing,
    /// The database without its key file.
    KeyFileMissing,
}

/// The name of the staging folder, inside the data folder, where a new vault is built.
pub const STAGING: &str = ".new-vault";

impl Layout {
    /// The layout of a vault in `dir`; nothing on disk is touched.
    pub fn new(dir: &Path) -> Self {
        Layout {
            dir: dir.to_owned(),
        }
    }
    /// The SQLCipher database, `vault.db`.
    pub fn db(&self) -> PathBuf {
        self.dir.join("vault.db")
    }
    /// The key file, `vault.key`, which seals the vault key once for each way in.
    pub fn key_file(&self) -> PathBuf {
        self.dir.join("vault.key")
    }
    /// The folder of encrypted evidence files, named at random.
    pub fn evidence_dir(&self) -> PathBuf {
        self.dir.join("evidence")
    }
    /// The folder of encrypted backups, one subfolder each.
    pub fn backups_dir(&self) -> PathBuf {
        self.dir.join("backups")
    }
    /// The count of wrong secrets typed lately (see [`crate::vault::throttle`]).
    pub fn throttle_file(&self) -> PathBuf {
        self.dir.join("throttle.json")
    }
    /// The same files inside the staging folder ([`STAGING`]), where a vault is created before
    /// being moved into place.
    pub fn staging(&self) -> Layout {
        Layout::new(&self.dir.join(STAGING))
    }

    /// Finishes an interrupted creation, then says what is here.
    pub fn presence(&self) -> Result<Presence, StoreError> {
        self.finish_interrupted_creation()?;
        Ok(match (self.db().exists(), self.key_file().exists()) {
            (false, false) => Presence::Absent,
            (true, true) => Presence::Present,
            (false, true) => Presence::DatabaseMissing,
            (true, false) => Presence::KeyFileMissing,
        })
    }

    fn finish_interrupted_creation(&self) -> Result<(), StoreError> {
        let staging = self.staging();
        if !staging.dir.exists() {
            return Ok(());
        }
        if staging.key_file().exists() && !self.key_file().exists() {
            // Creation had completed in staging: finish the moves.
            if staging.db().exists() && !self.db().exists() {
                std::fs::rename(staging.db(), self.db())?;
            }
            if self.db().exists() {
                std::fs::rename(staging.key_file(), self.key_file())?;
            }
        }
        if !staging.key_file().exists() || self.key_file().exists() {
            // Staging without a key file was never shown to the owner: nothing to keep.
            std::fs::remove_dir_all(&staging.dir)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(p: &Path) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, b"x").unwrap();
    }

    #[test]
    fn presence_of_each_combination() {
        let dir = tempfile::tempdir().unwrap();
        let l = Layout::new(dir.path());
        assert_eq!(l.presence().unwrap(), Presence::Absent);
        touch(&l.key_file());
        assert_eq!(l.presence().unwrap(), Presence::DatabaseMissing);
        touch(&l.db());
        assert_eq!(l.presence().unwrap(), Presence::Present);
        std::fs::remove_file(l.key_file()).unwrap();
        assert_eq!(l.presence().unwrap(), Presence::KeyFileMissing);
    }

    #[test]
    fn a_creation_cut_between_the_two_moves_is_finished() {
        let dir = tempfile::tempdir().unwrap();
        let l = Layout::new(dir.path());
        touch(&l.staging().key_file());
        touch(&l.db()); // the database was already moved
        assert_eq!(l.presence().unwrap(), Presence::Present);
        assert!(!l.staging().dir.exists());
    }

    #[test]
    fn a_creation_cut_before_its_key_file_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let l = Layout::new(dir.path());
        touch(&l.staging().db());
        assert_eq!(l.presence().unwrap(), Presence::Absent);
        assert!(!l.staging().dir.exists());
    }

    #[test]
    fn a_complete_staging_is_moved_in() {
        let dir = tempfile::tempdir().unwrap();
        let l = Layout::new(dir.path());
        touch(&l.staging().db());
        touch(&l.staging().key_file());
        assert_eq!(l.presence().unwrap(), Presence::Present);
    }
}

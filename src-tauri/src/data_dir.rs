//! Where Carnet keeps its data: `CARNET_DATA_DIR` when set (tests, portable use), otherwise the
//! platform's app-data folder (`~/.local/share/fr.carnet.app` on Linux). Created private to
//! the owner's account.

use std::path::{Path, PathBuf};

/// The variable that moves the data folder.
pub const ENV_DATA_DIR: &str = "CARNET_DATA_DIR";

pub fn resolve(platform_default: impl FnOnce() -> Option<PathBuf>) -> std::io::Result<PathBuf> {
    let dir = match std::env::var_os(ENV_DATA_DIR).filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => platform_default().ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::NotFound, "no app-data folder")
        })?,
    };
    create_private(&dir)?;
    Ok(dir)
}

/// Creates the folder private to the owner, and makes it private again at each start (a
/// folder copied, restored or loosened by hand keeps whatever mode it was given).
#[cfg(unix)]
fn create_private(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn create_private(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Keeps the data folder's lock for the life of the app (managed state).
pub struct Held(pub std::fs::File);

/// The lock file that keeps a second Carnet off the same data folder.
pub const LOCK_FILE: &str = "carnet.lock";

/// Takes the data folder for this process: an exclusive advisory lock on `carnet.lock`, held
/// as long as the returned file lives (the OS drops it if the process dies). A second Carnet
/// on the same folder gets `WouldBlock` and must not open the vault.
pub fn lock(dir: &Path) -> std::io::Result<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(std::io::ErrorKind::WouldBlock.into()),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_folder_is_made_private_at_each_start() {
        use std::os::unix::fs::PermissionsExt;
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("data");
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        create_private(&dir).unwrap();
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }

    #[test]
    fn one_holder_at_a_time_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock(dir.path()).unwrap();
        let second = lock(dir.path()).unwrap_err();
        assert_eq!(second.kind(), std::io::ErrorKind::WouldBlock);
        drop(first);
        lock(dir.path()).unwrap();
    }
}

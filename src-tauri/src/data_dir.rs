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

#[cfg(unix)]
fn create_private(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

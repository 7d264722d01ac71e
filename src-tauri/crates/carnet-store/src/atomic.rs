//! Replacing a file so that a crash or a full disk leaves either the old content or the new
//! one, never a mix: write a temporary file beside the target, flush it to the disk, rename it
//! over the target, then flush the folder so the rename itself survives a power cut.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use crate::error::StoreError;

/// Replaces `target` with `bytes` atomically: a synced temporary file beside it, renamed over
/// it, then the folder synced.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".carnet-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Flushes a folder's entries (a file created or renamed in it) to the disk: the one copy the
/// store and the shell use.
#[cfg(unix)]
pub fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)?.sync_all()?;
    Ok(())
}

/// Windows cannot open a folder as a file; NTFS journals the rename itself.
#[cfg(not(unix))]
pub fn sync_dir(_dir: &Path) -> Result<(), StoreError> {
    Ok(())
}

/// Flushes a file's bytes to the disk.
pub fn sync_file(path: &Path) -> Result<(), StoreError> {
    File::open(path)?.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("f.json");
        write_atomic(&target, b"old").unwrap();
        write_atomic(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("f.json");
        write_atomic(&target, b"old").unwrap();
        // A folder where the file should be: the rename fails, the old content stays.
        let blocked = dir.path().join("sub");
        std::fs::create_dir_all(blocked.join("f.json")).unwrap();
        assert!(write_atomic(&blocked.join("f.json"), b"new").is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(&blocked).unwrap().count(), 1);
    }
}

//! Files Carnet writes outside its data folder (an exported dossier, its evidence bundle, a
//! `.carnet` archive) are written under a temporary name (`.carnet-….part` / `.tmp`) in the
//! folder the owner chose, then renamed. A crash or a kill in between left that temporary file
//! in the owner's folder for good. Each such write is now announced first: a small note in
//! `outside/` in the data folder holds the temporary file's path while it is written and is
//! removed with it; at the next start, [`sweep`] removes what the notes still point at.
//!
//! The note holds a path the owner chose (no record text, no secret); only files whose name
//! starts with `.carnet-` are ever removed, so a note cannot be turned against another file.

use std::path::{Path, PathBuf};

use crate::error::StoreError;
use crate::vault::Layout;

const PREFIX: &str = ".carnet-";

/// A temporary file being written outside the data folder; its note goes when this drops.
#[derive(Debug)]
pub struct InFlight {
    note: PathBuf,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.note);
    }
}

/// Notes that `temporary` (named `.carnet-…`) is being written, until the result drops.
pub fn announce(layout: &Layout, temporary: &Path) -> Result<InFlight, StoreError> {
    let dir = layout.dir.join("outside");
    std::fs::create_dir_all(&dir)?;
    let mut note = tempfile::Builder::new()
        .prefix("write-")
        .suffix(".path")
        .tempfile_in(&dir)?;
    std::io::Write::write_all(&mut note, temporary.as_os_str().as_encoded_bytes())?;
    note.as_file().sync_all()?;
    let (_, note) = note.keep().map_err(|e| StoreError::from(e.error))?;
    Ok(InFlight { note })
}

/// Removes the temporary files that writes cut by a crash or a kill left behind, and their
/// notes. Run at start, before anything is written. Returns how many files were removed.
pub fn sweep(layout: &Layout) -> usize {
    let Ok(notes) = std::fs::read_dir(layout.dir.join("outside")) else {
        return 0;
    };
    let mut removed = 0;
    for note in notes.flatten() {
        let path = note.path();
        if let Ok(bytes) = std::fs::read(&path) {
            let target = path_from(bytes);
            let ours = target
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREFIX));
            if ours && std::fs::remove_file(&target).is_ok() {
                removed += 1;
            }
        }
        let _ = std::fs::remove_file(&path);
    }
    removed
}

/// The path a note holds (the bytes `announce` wrote from this system's own path).
#[cfg(unix)]
fn path_from(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_write_leaves_no_note_and_a_cut_one_is_swept() {
        let data = tempfile::tempdir().unwrap();
        let chosen = tempfile::tempdir().unwrap();
        let layout = Layout::new(data.path());

        let done = chosen.path().join(".carnet-done.part");
        std::fs::write(&done, b"x").unwrap();
        drop(announce(&layout, &done).unwrap());
        std::fs::rename(&done, chosen.path().join("dossier.pdf")).unwrap();

        let cut = chosen.path().join(".carnet-cut.part");
        std::fs::write(&cut, b"half").unwrap();
        std::mem::forget(announce(&layout, &cut).unwrap()); // the process dies here

        // A note pointing at a file that is not Carnet's own removes nothing.
        let theirs = chosen.path().join("facture.pdf");
        std::fs::write(&theirs, b"%PDF").unwrap();
        std::mem::forget(announce(&layout, &theirs).unwrap());

        assert_eq!(sweep(&layout), 1);
        assert!(!cut.exists());
        assert!(theirs.exists());
        assert!(chosen.path().join("dossier.pdf").exists());
        assert_eq!(
            std::fs::read_dir(data.path().join("outside"))
                .unwrap()
                .count(),
            0
        );
        assert_eq!(sweep(&layout), 0);
    }
}

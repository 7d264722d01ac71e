//! Files Carnet writes outside its data folder (an exported dossier, its evidence bundle, a
//! `.carnet` archive) are written under a temporary name (`.carnet-….part` / `.tmp`) in the
//! folder the owner chose, then renamed. A crash or a kill in between left that temporary file
//! in the owner's folder for good. Each such write is now announced before the file exists: a
//! note in `outside/` in the data folder names the folder and the unique prefix the temporary
//! file will take, and goes when the write ends; at the next start, [`sweep`] removes the files
//! the notes still announce.
//!
//! A note holds a folder the owner chose (no record text, no secret); only files whose name
//! starts with the note's own `.carnet-<16 hex digits>` prefix are ever removed.

use std::path::{Path, PathBuf};

use crate::error::StoreError;
use crate::vault::Layout;

const PREFIX: &str = ".carnet-";

/// A temporary file being written outside the data folder; its note goes when this drops.
#[derive(Debug)]
pub struct InFlight {
    note: PathBuf,
    prefix: String,
}

impl InFlight {
    /// The name the temporary file must start with (`.carnet-<16 hex digits>`): announced
    /// before the file exists, so a kill at any moment leaves nothing the sweep cannot find.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.note);
    }
}

/// Notes, before it is created, that a temporary file named [`InFlight::prefix`]`…` is about
/// to be written in `dir`, until the result drops.
pub fn announce(layout: &Layout, dir: &Path) -> Result<InFlight, StoreError> {
    let notes = layout.dir.join("outside");
    std::fs::create_dir_all(&notes)?;
    let token = hex::encode(crate::keys::random_bytes::<8>()?);
    let note = notes.join(format!("write-{token}.path"));
    let dir = std::path::absolute(dir)?;
    crate::atomic::write_atomic(&note, dir.as_os_str().as_encoded_bytes())?;
    Ok(InFlight {
        note,
        prefix: format!("{PREFIX}{token}"),
    })
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
        let token = note
            .file_name()
            .to_str()
            .and_then(|n| n.strip_prefix("write-"))
            .and_then(|n| n.strip_suffix(".path"))
            .filter(|t| t.len() == 16 && t.bytes().all(|b| b.is_ascii_hexdigit()))
            .map(str::to_owned);
        if let (Some(token), Ok(bytes)) = (token, std::fs::read(&path)) {
            let prefix = format!("{PREFIX}{token}");
            for entry in std::fs::read_dir(path_from(bytes))
                .into_iter()
                .flatten()
                .flatten()
            {
                let ours = entry
                    .file_name()
                    .to_str()
                    .is_some_and(|n| n.starts_with(&prefix));
                if ours && std::fs::remove_file(entry.path()).is_ok() {
                    removed += 1;
                }
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

    fn temporary(in_flight: &InFlight, dir: &Path) -> PathBuf {
        let tmp = tempfile::Builder::new()
            .prefix(in_flight.prefix())
            .suffix(".part")
            .tempfile_in(dir)
            .unwrap();
        std::fs::write(tmp.path(), b"half").unwrap();
        let (_, path) = tmp.keep().unwrap();
        path
    }

    #[test]
    fn a_finished_write_leaves_no_note_and_a_cut_one_is_swept() {
        let data = tempfile::tempdir().unwrap();
        let chosen = tempfile::tempdir().unwrap();
        let layout = Layout::new(data.path());

        let done = announce(&layout, chosen.path()).unwrap();
        let written = temporary(&done, chosen.path());
        std::fs::rename(&written, chosen.path().join("dossier.pdf")).unwrap();
        drop(done);

        let cut = announce(&layout, chosen.path()).unwrap();
        let left = temporary(&cut, chosen.path());
        std::mem::forget(cut); // the process dies here

        // Killed before its file was even created: the note alone, swept too.
        std::mem::forget(announce(&layout, chosen.path()).unwrap());

        // Other files of the owner's folder, Carnet's prefix or not, stay.
        std::fs::write(chosen.path().join("facture.pdf"), b"%PDF").unwrap();
        std::fs::write(chosen.path().join(".carnet-other.part"), b"x").unwrap();

        assert_eq!(sweep(&layout), 1);
        assert!(!left.exists());
        assert!(chosen.path().join("facture.pdf").exists());
        assert!(chosen.path().join(".carnet-other.part").exists());
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

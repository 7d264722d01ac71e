//! A `.carnet` archive opened from the file manager (the file association): its path comes as
//! an argument, to the first Carnet or, through the single-instance plugin, to the running one.
//! The path stays here; the page only learns the file's name ("an archive was opened:
//! x.carnet") and asks `archive_import` to use the pending one instead of the open dialog.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::sync::lock;

/// The event the page receives with the opened archive's file name.
pub const EVENT_ARCHIVE_OPENED: &str = "archive-opened";

/// The archive opened from outside and not imported yet.
#[derive(Default)]
pub struct PendingArchive(Mutex<Option<PathBuf>>);

impl PendingArchive {
    pub fn set(&self, path: PathBuf) {
        *lock(&self.0) = Some(path);
    }

    pub fn path(&self) -> Option<PathBuf> {
        lock(&self.0).clone()
    }

    /// The file's name only (what the page may show).
    pub fn name(&self) -> Option<String> {
        lock(&self.0).as_deref().and_then(file_name)
    }

    /// Forgets it (once imported).
    pub fn clear(&self) {
        *lock(&self.0) = None;
    }
}

fn file_name(path: &Path) -> Option<String> {
    path.file_name().map(|n| n.to_string_lossy().into_owned())
}

/// The first existing `.carnet` file among a command line's arguments (the program's name
/// aside): a path, relative to `cwd` or not, or a `file://` URI as file managers may pass.
pub fn from_args(args: &[String], cwd: &Path) -> Option<PathBuf> {
    args.iter().skip(1).find_map(|arg| {
        if arg.starts_with('-') {
            return None;
        }
        let raw = match arg.strip_prefix("file://") {
            Some(uri) => PathBuf::from(crate::percent::decode(uri)?),
            None => PathBuf::from(arg),
        };
        let is_archive = raw
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("carnet"));
        let path = if raw.is_absolute() {
            raw
        } else {
            cwd.join(raw)
        };
        (is_archive && path.is_file()).then_some(path)
    })
}

/// Keeps the archive found in these arguments and tells the page its name.
pub fn offer<R: Runtime>(app: &AppHandle<R>, args: &[String], cwd: &Path) {
    let Some(path) = from_args(args, cwd) else {
        return;
    };
    let pending = app.state::<PendingArchive>();
    pending.set(path);
    log::info!("an archive was opened from outside");
    if let Some(name) = pending.name() {
        let _ = app.emit(EVENT_ARCHIVE_OPENED, name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        std::iter::once("carnet")
            .chain(list.iter().copied())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_archive_is_found_in_the_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("Mon coffre 2026.carnet");
        std::fs::write(&file, b"x").unwrap();
        std::fs::write(dir.path().join("notes.txt"), b"x").unwrap();
        let elsewhere = Path::new("/");
        // Absolute, relative to the working folder, as a file:// URI, in capitals.
        assert_eq!(
            from_args(&args(&[file.to_str().unwrap()]), elsewhere),
            Some(file.clone())
        );
        assert_eq!(
            from_args(&args(&["Mon coffre 2026.carnet"]), dir.path()),
            Some(file.clone())
        );
        let uri = format!("file://{}", file.display()).replace(' ', "%20");
        assert_eq!(from_args(&args(&[&uri]), elsewhere), Some(file.clone()));
        let upper = dir.path().join("B.CARNET");
        std::fs::write(&upper, b"x").unwrap();
        assert_eq!(from_args(&args(&["B.CARNET"]), dir.path()), Some(upper));
        // Not an archive, missing, an option, the program's own name, a folder: nothing.
        for none in [
            args(&["notes.txt"]),
            args(&["absent.carnet"]),
            args(&["--carnet"]),
            vec![file.to_str().unwrap().to_owned()],
            args(&["file://%ZZ.carnet"]),
        ] {
            assert_eq!(from_args(&none, dir.path()), None, "{none:?}");
        }
        std::fs::create_dir(dir.path().join("d.carnet")).unwrap();
        assert_eq!(from_args(&args(&["d.carnet"]), dir.path()), None);
    }

    #[test]
    fn the_page_gets_the_name_never_the_path() {
        let pending = PendingArchive::default();
        assert_eq!(pending.name(), None);
        pending.set(PathBuf::from("/home/claire/Documents/secret/coffre.carnet"));
        assert_eq!(pending.name().as_deref(), Some("coffre.carnet"));
        assert!(!pending.name().unwrap().contains('/'));
        pending.clear();
        assert_eq!(pending.path(), None);
    }
}

//! Files written outside the data folder, in the place the owner chose (a dossier, its
//! bundle, a journal export): under a temporary name noted until renamed, a full disk said
//! as such, the folder flushed after the rename.

use std::path::Path;

use carnet_store::{Layout, outside};

use crate::error::ErrorCode;

/// A temporary file in the owner's folder, noted until it is renamed or removed (so a start
/// after a kill removes it: `carnet_store::outside`). Keep both for as long as the file.
pub(crate) fn temporary(
    layout: &Layout,
    dir: &Path,
) -> Result<(tempfile::NamedTempFile, outside::InFlight), ErrorCode> {
    let in_flight = outside::announce(layout, dir).map_err(|_| ErrorCode::Io)?;
    let tmp = tempfile::Builder::new()
        .prefix(in_flight.prefix())
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(|e| io_code(&e))?;
    Ok((tmp, in_flight))
}

/// A full disk (or quota) says so; any other failure to write is `export_failed`.
pub(crate) fn io_code(e: &std::io::Error) -> ErrorCode {
    match e.kind() {
        // EFBIG (a file-size limit on the process) is a full disk for the owner too.
        std::io::ErrorKind::StorageFull
        | std::io::ErrorKind::QuotaExceeded
        | std::io::ErrorKind::FileTooLarge => ErrorCode::DiskFull,
        _ => ErrorCode::ExportFailed,
    }
}

/// The store's `sync_dir`, its failure ignored: the rename is done, and a folder that cannot
/// be flushed leaves the file in place anyway.
pub(crate) fn sync_dir(dir: &Path) {
    let _ = carnet_store::atomic::sync_dir(dir);
}

//! The file being imported, as the state keeps it between the steps of an import.

use carnet_interop::{Format, Plan};
use zeroize::Zeroizing;

/// The file being imported, kept between the steps; dropped on confirm, cancel and lock.
pub(crate) struct ImportFile {
    pub(crate) file_name: String,
    pub(crate) format: Format,
    pub(crate) bytes: Zeroizing<Vec<u8>>,
    /// The sheet chosen, read (a spreadsheet), or the journal planned (a `.json`).
    pub(crate) content: Content,
}

/// What the file holds once read.
pub(crate) enum Content {
    Sheet(carnet_interop::Table),
    Journal(Plan),
}

//! The one error type of the storage crate. Variants carry no path and no user data: they are
//! turned into localised messages at the command boundary and may be logged.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing the data folder failed (permissions, missing device…).
    #[error("input/output error: {0:?}")]
    Io(std::io::ErrorKind),
    /// The disk (or the user's quota) is full: nothing was replaced.
    #[error("no space left on the device")]
    DiskFull,
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                StoreError::DiskFull
            }
            kind => StoreError::Io(kind),
        }
    }
}

//! The one error type of the storage crate. Variants carry no path, no secret and no user
//! data: they are turned into localised messages at the command boundary and may be logged.

/// Why a storage operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing the data folder failed (permissions, missing device…).
    #[error("input/output error: {0:?}")]
    Io(std::io::ErrorKind),
    /// The disk (or the user's quota) is full: nothing was replaced.
    #[error("no space left on the device")]
    DiskFull,
    /// The operating system's random generator failed.
    #[error("the OS random generator failed")]
    Random,
    /// The passphrase or recovery key does not open the vault.
    #[error("wrong passphrase or recovery key")]
    WrongSecret,
    /// The recovery key's check characters do not match: a typing slip.
    #[error("the recovery key is mistyped")]
    RecoveryKeyMistyped,
    /// The key file is unreadable, truncated or altered.
    #[error("the key file is damaged")]
    KeyFileDamaged,
    /// The database does not open with its key, or fails its integrity check.
    #[error("the vault is damaged")]
    VaultCorrupted,
    /// The vault (or archive) was written by a newer Carnet: it is left untouched.
    #[error("the vault comes from a newer version of Carnet")]
    VaultTooNew,
    /// No keyring on this session, locked, or the entry is gone.
    #[error("the system keyring is unavailable")]
    KeyringUnavailable,
    /// The keyring holds an entry, but not one that opens this vault.
    #[error("the system keyring holds another key")]
    KeyringMismatch,
    /// Creating a vault where one (or a piece of one) already exists.
    #[error("a vault already exists here")]
    VaultExists,
    /// Opening a vault where there is none.
    #[error("there is no vault here")]
    NoVault,
    /// A piece of evidence over the 200 MB limit of the online form.
    #[error("the file is too large")]
    TooLarge,
    /// An empty file offered as evidence.
    #[error("the file is empty")]
    EmptyFile,
    /// A piece of evidence, backup or record that does not exist.
    #[error("not found")]
    NotFound,
    /// The archive is not a Carnet archive, or was altered.
    #[error("the archive is damaged")]
    ArchiveDamaged,
    /// A platform still referred to by incidents out of the trash: it cannot be deleted.
    #[error("the platform still has incidents")]
    PlatformInUse,
    /// The platform is already in the company's list (out of the trash).
    #[error("the platform is already in the list")]
    PlatformExists,
    /// Any other database failure; what failed is kept for the log.
    #[error("database error: {0:?}")]
    Database(DbCause),
    /// An input that only the database can refuse (a platform or piece id that is not one
    /// the record may point at); `field` says which.
    #[error("invalid value for {0:?}")]
    Invalid(carnet_core::Field),
    /// A timestamp token or e-mail check that does not prove what it should (another
    /// fingerprint, a broken signature…): refused, nothing stored.
    #[error("proof refused: {0:?}")]
    Proof(carnet_proof::ProofError),
}

/// What a database failure was, for the log: codes and places only, never a statement's
/// text, a value or a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbCause {
    /// SQLite answered with this extended result code (5 busy, 19 constraint, 2067 unique…).
    Sqlite(i32),
    /// sqlx failed around SQLite (a pool closed or timed out, a column missing…): which.
    Driver(&'static str),
    /// A value the store wrote does not read back, or one it cannot write (JSON, a date, a
    /// number out of range): where in the store's code.
    Decode(&'static std::panic::Location<'static>),
    /// A schema migration failed.
    Migration,
}

impl StoreError {
    /// A value the store cannot read back or write (see [`DbCause::Decode`]); the caller's
    /// place in the code is kept for the log.
    #[track_caller]
    pub fn decode() -> StoreError {
        StoreError::Database(DbCause::Decode(std::panic::Location::caller()))
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            // EFBIG: a file past the size the system allows this process (a quota of its
            // own): for the owner, the same as a full disk.
            std::io::ErrorKind::StorageFull
            | std::io::ErrorKind::QuotaExceeded
            | std::io::ErrorKind::FileTooLarge => StoreError::DiskFull,
            kind => StoreError::Io(kind),
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Io(io) => match io.kind() {
                std::io::ErrorKind::StorageFull
                | std::io::ErrorKind::QuotaExceeded
                | std::io::ErrorKind::FileTooLarge => StoreError::DiskFull,
                kind => StoreError::Io(kind),
            },
            sqlx::Error::Database(db) => match db.code().as_deref() {
                // SQLITE_FULL
                Some("13") => StoreError::DiskFull,
                // SQLITE_CORRUPT, SQLITE_NOTADB (a wrong key reads as "not a database")
                Some("11") | Some("26") => StoreError::VaultCorrupted,
                // SQLITE_IOERR and its extended codes
                Some(c) if c == "10" || c.parse::<u32>().is_ok_and(|n| n & 0xff == 10) => {
                    StoreError::Io(std::io::ErrorKind::Other)
                }
                code => StoreError::Database(DbCause::Sqlite(
                    code.and_then(|c| c.parse().ok()).unwrap_or(-1),
                )),
            },
            other => StoreError::Database(DbCause::Driver(driver_kind(other))),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        match e {
            sqlx::migrate::MigrateError::Execute(e) => e.into(),
            _ => StoreError::Database(DbCause::Migration),
        }
    }
}

/// The kind of an sqlx failure that is not SQLite's own answer.
fn driver_kind(e: &sqlx::Error) -> &'static str {
    match e {
        sqlx::Error::Configuration(_) => "configuration",
        sqlx::Error::Tls(_) => "tls",
        sqlx::Error::Protocol(_) => "protocol",
        sqlx::Error::RowNotFound => "row not found",
        sqlx::Error::TypeNotFound { .. } => "type not found",
        sqlx::Error::ColumnIndexOutOfBounds { .. } => "column index out of bounds",
        sqlx::Error::ColumnNotFound(_) => "column not found",
        sqlx::Error::ColumnDecode { .. } => "column decode",
        sqlx::Error::Encode(_) => "encode",
        sqlx::Error::Decode(_) => "decode",
        sqlx::Error::AnyDriverError(_) => "driver",
        sqlx::Error::PoolTimedOut => "pool timed out",
        sqlx::Error::PoolClosed => "pool closed",
        sqlx::Error::WorkerCrashed => "worker crashed",
        sqlx::Error::Migrate(_) => "migrate",
        sqlx::Error::InvalidSavePointStatement => "savepoint",
        sqlx::Error::BeginFailed => "begin failed",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database failure keeps SQLite's own code for the log, and a value that does not
    /// read back keeps the place in the code that refused it; the UI's code is unchanged.
    #[tokio::test]
    async fn database_failures_keep_their_cause() {
        let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
        sqlx::query("CREATE TABLE t (name TEXT UNIQUE)")
            .execute(&pool)
            .await
            .unwrap();
        let insert = || sqlx::query("INSERT INTO t VALUES ('x')").execute(&pool);
        insert().await.unwrap();
        let twice = StoreError::from(insert().await.unwrap_err());
        // SQLITE_CONSTRAINT_UNIQUE
        assert!(
            matches!(twice, StoreError::Database(DbCause::Sqlite(2067))),
            "{twice:?}"
        );
        let missing = sqlx::query_scalar::<_, i64>("SELECT 1 WHERE 0")
            .fetch_one(&pool)
            .await
            .unwrap_err();
        assert!(matches!(
            StoreError::from(missing),
            StoreError::Database(DbCause::Driver("row not found"))
        ));
        let line = line!() + 1;
        let StoreError::Database(DbCause::Decode(at)) = StoreError::decode() else {
            panic!("a decode failure");
        };
        assert_eq!((at.file(), at.line()), (file!(), line));
        assert!(
            !format!("{twice:?}").contains("INSERT"),
            "no statement text"
        );
    }
}

//! The encrypted database: SQLCipher through sqlx, keyed with the raw vault key (no
//! passphrase-based KDF per connection), WAL, foreign keys, and `synchronous = FULL`.
//!
//! SQLCipher keeps its cipher defaults (AES-256-CBC, HMAC-SHA512) but not its 4 KiB pages:
//! vaults are made with 16 KiB pages ([`PAGE_SIZE`]). SQLCipher encrypts and authenticates
//! page by page, with a fixed cost per page (a fresh IV, the cipher's and the HMAC's set-up)
//! on top of the cost per byte. 10,000 rows of 2 KB in one transaction: 687 ms with 4 KiB
//! pages, 511 ms with 16 KiB, against 554 and 473 ms for plain SQLite with the same pages
//! (`cargo bench -p carnet-store --bench vault -- inserts`). The full check and the daily
//! backup, which decrypt every page, pay that fixed cost a quarter as often.
//!
//! The page size is not written in the file in clear (its header is encrypted with the
//! rest), so each opening finds it by trying [`PAGE_SIZES`] in turn: vaults and backups made
//! before keep their 4 KiB pages and open as they did.
//!
//! Durability: in WAL mode `synchronous = NORMAL` keeps the file consistent but may lose the
//! last commits on a power cut; `FULL` syncs the WAL at every commit, so a write the app has
//! acknowledged is on the disk. Carnet writes a handful of records a day: the cost is nil.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{AssertSqlSafe, ConnectOptions};
use tokio::sync::OnceCell;

use crate::error::StoreError;
use crate::keys::VaultKey;

/// The collation that sorts titles as people read them (`ORDER BY title COLLATE carnet_fold`):
/// [`crate::fold::fold_cmp`], registered on every connection.
pub const FOLD_COLLATION: &str = "carnet_fold";

/// The schema migrations of `migrations/`, embedded at build time: run when a vault is created,
/// and when an older one is opened (after an encrypted copy of its database).
pub static MIGRATOR: Migrator = sqlx::migrate!();

/// The newest schema this build knows.
pub fn latest_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Whether [`open`] may create the database file.
pub enum Mode {
    /// Create the file (only ever for a new vault, in its staging folder).
    Create,
    /// The file must exist: a missing vault is never silently recreated.
    Existing,
}

/// The page size of the vaults Carnet makes, in bytes (SQLCipher's `cipher_page_size`).
pub const PAGE_SIZE: u32 = 16_384;

/// The page sizes a vault file may have, in the order an opening tries them: Carnet's, then
/// SQLCipher's default, which vaults and backups made before 16 KiB pages have.
pub const PAGE_SIZES: [u32; 2] = [PAGE_SIZE, 4_096];

/// What every connection to a vault file starts from, the read-only ones included: the file,
/// no statement logging (statements carry record text), the key and the page size (SQLite's
/// own `page_size` for an unencrypted file, which only the benchmarks make). The key's hex
/// string is built in a buffer wiped on drop; sqlx keeps the one copy its options need (see
/// SECURITY.md).
fn base(path: &Path, key: Option<&VaultKey>, page_size: u32) -> SqliteConnectOptions {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .disable_statement_logging();
    match key {
        Some(key) => options
            .pragma("key", key.sqlcipher_pragma().to_string())
            .pragma("cipher_page_size", page_size.to_string()),
        None => options.pragma("page_size", page_size.to_string()),
    }
}

/// The options of a read-only connection (checks, copies).
fn read_only_options(path: &Path, key: &VaultKey, page_size: u32) -> SqliteConnectOptions {
    base(path, Some(key), page_size).read_only(true)
}

/// The page size of an existing vault file: the first of [`PAGE_SIZES`] with which the key
/// reads its first page ([`open_read_only`] finds it).
async fn page_size(path: &Path, key: &VaultKey) -> Result<u32, StoreError> {
    let pool = open_read_only(path, key).await?;
    let size = page_size_in(&pool).await;
    pool.close().await;
    size
}

/// The page size the database behind `executor` is read with.
async fn page_size_in<'e, E>(executor: E) -> Result<u32, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Sqlite>,
{
    // SQLCipher answers this one as text.
    let size: String = sqlx::query_scalar("PRAGMA page_size")
        .fetch_one(executor)
        .await?;
    size.trim().parse().map_err(|_| StoreError::decode())
}

/// The options of a read-write connection: WAL, `synchronous = FULL`, foreign keys, a 5 s busy
/// timeout, a 32 MiB page cache and the [`FOLD_COLLATION`].
pub fn options(
    path: &Path,
    key: Option<&VaultKey>,
    mode: Mode,
    page_size: u32,
) -> SqliteConnectOptions {
    base(path, key, page_size)
        .create_if_missing(matches!(mode, Mode::Create))
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
        // 32 MiB of page cache per connection (SQLite's default is 2 MiB): pages stay
        // decrypted in memory instead of being decrypted again on each read, and a large
        // transaction is not spilled to the WAL mid-way. Measured in `make bench`.
        .pragma("cache_size", "-32768")
        // Titles sorted as people read them, accents and case aside (the incident search).
        .collation(FOLD_COLLATION, crate::fold::fold_cmp)
}

/// Opens the pool and proves the key reads the file.
pub async fn open(
    path: &Path,
    key: Option<&VaultKey>,
    mode: Mode,
) -> Result<SqlitePool, StoreError> {
    set_up_process().await;
    if matches!(mode, Mode::Existing) {
        // SQLite would take an empty file for a new database and write into it.
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(StoreError::NoVault),
            Err(e) => return Err(e.into()),
            Ok(m) if m.len() == 0 => return Err(StoreError::VaultCorrupted),
            Ok(_) => {}
        }
    }
    let page_size = match (&mode, key) {
        (Mode::Existing, Some(key)) => page_size(path, key).await?,
        _ => PAGE_SIZE,
    };
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options(path, key, mode, page_size))
        .await?;
    sqlx::query("SELECT count(*) FROM sqlite_master")
        .fetch_one(&pool)
        .await?;
    Ok(pool)
}

/// Once per process, before its first connection: the watch over connections still closing
/// at exit ([`crate::closing`]), and SQLCipher's log level (it writes to stderr on a wrong
/// key).
async fn set_up_process() {
    static DONE: OnceCell<()> = OnceCell::const_new();
    DONE.get_or_init(|| async {
        crate::closing::watch();
        if let Ok(mut c) = SqliteConnectOptions::new()
            .filename(":memory:")
            .connect()
            .await
        {
            let _ = sqlx::query("PRAGMA cipher_log_level = NONE")
                .execute(&mut c)
                .await;
        }
    })
    .await;
}

/// The newest migration applied to this database (0 for a new file).
pub async fn applied_version(pool: &SqlitePool) -> Result<i64, StoreError> {
    let has_table: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(pool)
    .await?;
    if has_table == 0 {
        return Ok(0);
    }
    let v: Option<i64> =
        sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(pool)
            .await?;
    Ok(v.unwrap_or(0))
}

/// `PRAGMA integrity_check` (and SQLCipher's page authentication as it reads every page).
pub async fn integrity_ok(pool: &SqlitePool) -> bool {
    matches!(
        sqlx::query_scalar::<_, String>("PRAGMA integrity_check").fetch_one(pool).await,
        Ok(ref s) if s == "ok"
    )
}

/// An encrypted copy of the whole database (same key, same page size) at `dest`, which must
/// not exist.
///
/// SQLCipher writes a `VACUUM INTO` copy with the process's default cipher settings, not the
/// source connection's, while SQLite gives it the source's page size: a 16 KiB database
/// copied with the default 4 KiB codec pages reads as damage. So the default is set to the
/// source's page size first. Every connection Carnet opens sets its own page size, so only
/// copies read that default; copies take turns, so that two of different sizes never mix it.
pub async fn copy_into(pool: &SqlitePool, dest: &Path) -> Result<(), StoreError> {
    static COPYING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    let dest = dest
        .to_str()
        .ok_or(StoreError::Io(std::io::ErrorKind::InvalidInput))?;
    let mut connection = pool.acquire().await?;
    let size = page_size_in(&mut *connection).await?;
    let _turn = COPYING.lock().await;
    sqlx::query(AssertSqlSafe(format!(
        "PRAGMA cipher_default_page_size = {size}"
    )))
    .execute(&mut *connection)
    .await?;
    let sql = format!("VACUUM INTO '{}'", dest.replace('\'', "''"));
    sqlx::query(AssertSqlSafe(sql))
        .execute(&mut *connection)
        .await?;
    Ok(())
}

/// Whether the file holds every page its header counts (a cut file does not). Pages still in
/// the write-ahead log (after a crash) are counted by the header but not yet in the file, so
/// the check is only made when there is no log to replay.
pub async fn whole_file(pool: &SqlitePool, path: &Path) -> Result<bool, StoreError> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0) {
        return Ok(true);
    }
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
        .fetch_one(pool)
        .await?;
    let size = i64::from(page_size_in(pool).await?);
    let len = std::fs::metadata(path)?.len();
    Ok(u64::try_from(pages.saturating_mul(size)).is_ok_and(|need| need <= len))
}

/// Opens a copy (a backup, an archive being imported) without writing to it, with the first
/// of [`PAGE_SIZES`] with which the key reads its first page. A size that does not fit reads
/// as "not a database", like damage: when none fits, that answer is the file's
/// ([`StoreError::VaultCorrupted`]).
pub async fn open_read_only(path: &Path, key: &VaultKey) -> Result<SqlitePool, StoreError> {
    set_up_process().await;
    if !path.exists() {
        return Err(StoreError::NotFound);
    }
    let mut refused = None;
    for size in PAGE_SIZES {
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(read_only_options(path, key, size))
            .await?;
        match sqlx::query("SELECT count(*) FROM sqlite_master")
            .fetch_one(&pool)
            .await
        {
            Ok(_) => return Ok(pool),
            Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("26") => {
                pool.close().await;
                refused = Some(sqlx::Error::Database(e));
            }
            Err(e) => {
                pool.close().await;
                return Err(e.into());
            }
        }
    }
    Err(refused.map_or(StoreError::VaultCorrupted, StoreError::from))
}

/// The read-only pools of work that may be cancelled (the full check, the daily backup), with
/// the data folder they read.
static CANCELLABLE: std::sync::Mutex<Vec<(std::path::PathBuf, SqlitePool)>> =
    std::sync::Mutex::new(Vec::new());

fn lock_cancellable() -> std::sync::MutexGuard<'static, Vec<(std::path::PathBuf, SqlitePool)>> {
    CANCELLABLE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Keeps a read-only pool of the vault in `data_dir` used by work that may be cancelled, so
/// that [`close_cancelled`] can close it.
pub(crate) fn track_cancellable(data_dir: &Path, pool: &SqlitePool) {
    let mut open = lock_cancellable();
    open.retain(|(_, p)| !p.is_closed());
    open.push((data_dir.to_owned(), pool.clone()));
}

/// Closes the cancellable read-only pools of the vault in `data_dir`, and waits until their
/// connections are closed.
///
/// Work on such a pool (the full check, the daily backup) may be cancelled: its pool is then
/// dropped, and sqlx closes the connection later on its worker thread. At lock the key would
/// stay in that connection meanwhile; at exit the process ended while SQLCipher was freeing it
/// (a segfault on Ctrl+Q about once in ten quits right after unlocking). Call this after
/// cancelling such work, before locking is said done or the process ends. A statement still
/// running (a check of a large vault) is waited for.
pub async fn close_cancelled(data_dir: &Path) {
    let mine: Vec<SqlitePool> = {
        let mut open = lock_cancellable();
        let (mine, others) = std::mem::take(&mut *open)
            .into_iter()
            .partition(|(dir, _)| dir == data_dir);
        *open = others;
        mine.into_iter().map(|(_, p)| p).collect()
    };
    for pool in mine {
        pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each page size a vault may have is found; a file that none reads is damage, and so is
    /// another key (which the key file's check keeps from coming here).
    #[tokio::test]
    async fn the_page_size_is_found_by_reading_the_first_page() {
        let dir = tempfile::tempdir().unwrap();
        let key = VaultKey::generate().unwrap();
        for size in PAGE_SIZES {
            let path = dir.path().join(format!("{size}.db"));
            let pool = SqlitePoolOptions::new()
                .connect_with(options(&path, Some(&key), Mode::Create, size))
                .await
                .unwrap();
            sqlx::query("CREATE TABLE t (x)")
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
            assert_eq!(page_size(&path, &key).await.unwrap(), size);
            let other = VaultKey::generate().unwrap();
            assert!(matches!(
                page_size(&path, &other).await,
                Err(StoreError::VaultCorrupted)
            ));
        }
        let noise = dir.path().join("noise.db");
        std::fs::write(&noise, vec![0x5a; 3 * PAGE_SIZE as usize]).unwrap();
        assert!(matches!(
            page_size(&noise, &key).await,
            Err(StoreError::VaultCorrupted)
        ));
    }

    /// A read-only pool dropped by cancelled work is closed by `close_cancelled` (that
    /// vault's only), which returns once its connection is closed.
    #[tokio::test]
    async fn a_dropped_read_only_pool_is_closed_and_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.db");
        let key = VaultKey::generate().unwrap();
        open(&path, Some(&key), Mode::Create)
            .await
            .unwrap()
            .close()
            .await;
        let pool = open_read_only(&path, &key).await.unwrap();
        track_cancellable(dir.path(), &pool);
        let other = tempfile::tempdir().unwrap();
        let theirs = open_read_only(&path, &key).await.unwrap();
        track_cancellable(other.path(), &theirs);
        let watch = pool.clone();
        let work = tokio::spawn(async move {
            let _held = pool;
            std::future::pending::<()>().await;
        });
        tokio::task::yield_now().await;
        work.abort();
        let _ = work.await;
        assert!(!watch.is_closed(), "dropping a pool does not close it");
        close_cancelled(dir.path()).await;
        assert!(watch.is_closed());
        assert_eq!(watch.size(), 0, "its connection is closed");
        assert!(!theirs.is_closed(), "another vault's work goes on");
        close_cancelled(other.path()).await;
        assert!(theirs.is_closed());
    }

    /// Statements carry record text: no pool logs them, the read-only one included (it did).
    #[test]
    fn no_connection_logs_its_statements() {
        let key = VaultKey::generate().unwrap();
        let path = Path::new("vault.db");
        for options in [
            options(path, Some(&key), Mode::Existing, PAGE_SIZE),
            read_only_options(path, &key, PAGE_SIZE),
        ] {
            let debug = format!("{options:?}");
            assert!(
                debug.contains("statements_level: Off")
                    && debug.contains("slow_statements_level: Off"),
                "a pool logs its statements"
            );
        }
    }
}

//! The process's end, with SQLCipher connections still closing on other threads.
//!
//! A pool dropped without being closed (a test's state at its end, work cancelled by a lock)
//! closes its connections a moment later on sqlx's worker threads. SQLCipher frees its own
//! state (its private heap, its mutexes) and OpenSSL its own in `atexit` handlers. A connection
//! that closes after them reads freed memory: a crash at exit, `sqlite3FreeCodecArg` in the
//! backtrace (once in three runs of the shell's tests on a busy machine). The app itself ends
//! with `_exit`; every other program on the store (tests, benchmarks, the generator) ends with
//! `exit`, and is covered here:
//! - OpenSSL is asked to register no cleanup at all (the process's end frees its memory);
//! - every connection is counted from its opening (an SQLite auto-extension) to the moment
//!   its files are closed (the destructor of a function that auto-extension registers, which
//!   SQLite calls after the pages and their codec are freed);
//! - an `atexit` handler, registered after SQLCipher's and so run before it, waits for the
//!   count to reach zero, for at most [`EXIT_WAIT`].

use std::ffi::{c_char, c_int, c_void};
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use libsqlite3_sys as ffi;

/// The longest the process's end waits for connections still closing. Closing one (its last
/// checkpoint included) takes milliseconds; a connection kept open to the end is not waited
/// for longer than this.
pub const EXIT_WAIT: Duration = Duration::from_secs(3);

/// The connections opened in this process and not yet closed.
static OPEN: AtomicUsize = AtomicUsize::new(0);

/// How many SQLite connections of this process are open, or closing.
pub fn open_connections() -> usize {
    OPEN.load(Ordering::SeqCst)
}

/// Sets the counting and the exit handler up, once per process, before the first connection.
pub fn watch() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        keep_crypto_until_exit();
        // SAFETY: `counted` has the signature of an auto-extension's entry point. Registering
        // it initialises SQLite, hence SQLCipher, whose `atexit` handler is then registered.
        let rc = unsafe { ffi::sqlite3_auto_extension(Some(counted)) };
        if rc != ffi::SQLITE_OK {
            return;
        }
        // SAFETY: `wait_for_closing` is a plain function that touches only an atomic.
        unsafe {
            libc::atexit(wait_for_closing);
        }
    });
}

/// Asked before its first use, OpenSSL (SQLCipher's cipher provider) registers no `atexit`
/// handler freeing its state.
fn keep_crypto_until_exit() {
    const OPENSSL_INIT_NO_ATEXIT: u64 = 0x0008_0000;
    unsafe extern "C" {
        fn OPENSSL_init_crypto(opts: u64, settings: *const c_void) -> c_int;
    }
    // SAFETY: a documented OpenSSL (≥ 1.1.1) entry point of the libcrypto SQLCipher links,
    // called with a valid flag and no settings; it is thread-safe and may be called again.
    unsafe {
        OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, std::ptr::null());
    }
}

/// The name of the marker function each connection carries; calling it returns NULL.
const MARKER: &std::ffi::CStr = c"carnet_connection_marker";

/// Run by SQLite as each connection opens: counts it, and registers the marker whose
/// destructor uncounts it.
unsafe extern "C" fn counted(
    db: *mut ffi::sqlite3,
    _error: *mut *mut c_char,
    _api: *const ffi::sqlite3_api_routines,
) -> c_int {
    OPEN.fetch_add(1, Ordering::SeqCst);
    // SAFETY: `db` is the connection SQLite is opening; the name is a valid C string, the
    // callbacks match SQLite's types and use no user data. Should the registration fail,
    // SQLite calls the destructor at once: the count stays right either way.
    unsafe {
        ffi::sqlite3_create_function_v2(
            db,
            MARKER.as_ptr(),
            0,
            ffi::SQLITE_UTF8 | ffi::SQLITE_DETERMINISTIC,
            std::ptr::null_mut(),
            Some(marker),
            None,
            None,
            Some(closed),
        );
    }
    ffi::SQLITE_OK
}

/// The marker function itself: returns NULL.
unsafe extern "C" fn marker(
    context: *mut ffi::sqlite3_context,
    _argc: c_int,
    _argv: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: `context` is the one SQLite passes to this call.
    unsafe { ffi::sqlite3_result_null(context) }
}

/// The marker's destructor: the connection's files and codec are closed.
unsafe extern "C" fn closed(_data: *mut c_void) {
    OPEN.fetch_sub(1, Ordering::SeqCst);
}

/// The `atexit` handler: waits until no connection is left closing, or [`EXIT_WAIT`].
extern "C" fn wait_for_closing() {
    let end = Instant::now() + EXIT_WAIT;
    while open_connections() > 0 && Instant::now() < end {
        std::thread::sleep(Duration::from_millis(1));
    }
}

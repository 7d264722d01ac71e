//! The process keeps its memory to itself: decrypted pages and the vault key live in it while
//! the vault is open, so a crash must not write them to a core file, and the owner's other
//! processes must not read them through ptrace or `/proc/<pid>/mem`. Called first thing at
//! start. On Linux: `RLIMIT_CORE` 0 and `PR_SET_DUMPABLE` 0 (which also refuses ptrace from
//! processes of the same user that are not root); on other Unix systems the core limit only;
//! on Windows nothing yet (Windows Error Reporting's dumps are per-machine settings).

/// Turns core dumps off and, on Linux, makes the process non-dumpable. Failures are logged,
/// never fatal: the app works without them.
pub fn harden() {
    #[cfg(unix)]
    {
        let none = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: plain libc calls with valid arguments.
        if unsafe { libc::setrlimit(libc::RLIMIT_CORE, &none) } != 0 {
            log::warn!("core dumps could not be turned off");
        }
        #[cfg(target_os = "linux")]
        // SAFETY: as above.
        if unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) } != 0 {
            log::warn!("the process could not be made non-dumpable");
        }
    }
}

/// Ends the process once the vault is locked, without running the libraries' exit handlers.
///
/// The vault is closed by then (its log folded back, its keys wiped), but sqlx closes some
/// SQLCipher connections on its own threads, a moment later; the normal `exit` tears down
/// OpenSSL and GStreamer under them, and the process segfaulted about once in fifty quits
/// (`tests/tests/quit.rs`). Nothing of the owner's is left to write: the log is flushed here.
/// (Programs that end with `exit` are kept safe from SQLCipher's part by
/// `carnet_store::closing`.)
pub fn end(code: i32) -> ! {
    log::logger().flush();
    #[cfg(unix)]
    // SAFETY: `_exit` ends the process at once; every file Carnet writes is closed or synced.
    unsafe {
        libc::_exit(code)
    }
    #[cfg(not(unix))]
    std::process::exit(code)
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn no_core_file_and_not_dumpable() {
        super::harden();
        let mut limit = libc::rlimit {
            rlim_cur: 1,
            rlim_max: 1,
        };
        // SAFETY: plain libc calls with valid arguments.
        assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) }, 0);
        assert_eq!((limit.rlim_cur, limit.rlim_max), (0, 0));
        // SAFETY: as above.
        assert_eq!(unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) }, 0);
    }
}

//! An archive larger than the memory the importing process may use is imported whole: each
//! entry goes to its staging file as its chunks are authenticated, and each piece's SHA-256 is
//! checked chunk by chunk. The import runs in a child process whose data segment is capped
//! (`RLIMIT_DATA`) below the archive's size; the child also shows the cap bites (it cannot
//! reserve the archive's size in one piece).

mod common;

use std::io::Read;
use std::process::Command;

use carnet_store::journal::pieces;
use carnet_store::{Layout, Secret, archive};
use common::*;

/// The child's data-segment cap.
const LIMIT: u64 = 64 << 20;
/// Two pieces of this size: the archive is about twice as large as the cap.
const PIECE: u64 = 100 << 20;
const CHILD: &str = "CARNET_ARCHIVE_MEMORY_CHILD";

/// Bytes that do not compress and cost nothing to make (xorshift).
struct Noise(u64, u64);

impl Read for Noise {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(usize::try_from(self.1).unwrap_or(usize::MAX));
        for b in &mut buf[..n] {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            *b = self.0 as u8;
        }
        self.1 -= n as u64;
        Ok(n)
    }
}

#[test]
fn an_archive_larger_than_the_memory_limit_is_imported() {
    if let Some(dir) = std::env::var_os(CHILD) {
        return child(std::path::Path::new(&dir));
    }
    let f = fixture();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let archive_path = f.dir.path().join("big.carnet");
    rt.block_on(async {
        let (vault, _) = created(&f).await;
        let incident = bare_incident(&vault).await;
        for seed in [1u64, 2] {
            let name = format!("video-{seed}.mp4");
            pieces::add(
                &vault,
                incident,
                Noise(seed * 7919, PIECE),
                Some(PIECE),
                &name,
                None,
                NOW,
            )
            .await
            .unwrap();
        }
        archive::export(&vault, &archive_path).await.unwrap();
        vault.lock().await;
    });
    let size = std::fs::metadata(&archive_path).unwrap().len();
    assert!(
        size > 2 * LIMIT,
        "the archive ({size} bytes) is over twice the cap"
    );

    let status = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "an_archive_larger_than_the_memory_limit_is_imported",
            "--test-threads=1",
            "--nocapture",
        ])
        .env(CHILD, f.dir.path())
        .status()
        .unwrap();
    assert!(status.success(), "the capped import: {status:?}");
}

/// In the child: the cap, then the import into a new folder.
fn child(dir: &std::path::Path) {
    let archive_path = dir.join("big.carnet");
    let size = std::fs::metadata(&archive_path).unwrap().len();
    let cap = libc::rlimit {
        rlim_cur: LIMIT,
        rlim_max: LIMIT,
    };
    // SAFETY: setrlimit with a valid, initialised struct; lowers this process's own limit.
    assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_DATA, &cap) }, 0);
    let mut whole: Vec<u8> = Vec::new();
    assert!(
        whole
            .try_reserve_exact(usize::try_from(size).unwrap())
            .is_err(),
        "the cap bites: the archive cannot be held in memory"
    );
    let target = tempfile::tempdir().unwrap();
    let layout = Layout::new(target.path());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let unpacked = archive::unpack(&archive_path, &layout, Secret::Passphrase(PASS))
            .await
            .expect("the archive unpacks under the cap");
        archive::install(
            unpacked,
            &layout,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
                .unwrap()
                .and_hms_opt(12, 0, 0)
                .unwrap(),
        )
        .expect("and installs");
    });
    let evidence = std::fs::read_dir(layout.evidence_dir()).unwrap().count();
    assert_eq!(evidence, 2, "both pieces came in");
}

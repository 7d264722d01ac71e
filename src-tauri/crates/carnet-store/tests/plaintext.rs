//! No plaintext at rest: records, a file name and evidence bytes carrying known markers are
//! written, backed up and archived; then every byte under the data folder (database, WAL, key
//! file, evidence, backups, temporary files) is searched for the markers in UTF-8, UTF-16LE
//! and UTF-16BE, with the vault open and again once locked. Zero hits.

mod common;

use carnet_store::{archive, backup, evidence};
use chrono::NaiveDate;
use common::*;

const NAME_MARKER: &str = "NOMSECRET-7f3a";
const BODY_MARKER: &str = "CONTENUSECRET-9b2c";
const PASS_MARKER: &str = "PHRASESECRETE-4d1e";

fn encodings(marker: &str) -> Vec<Vec<u8>> {
    let le: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = marker.encode_utf16().flat_map(u16::to_be_bytes).collect();
    vec![marker.as_bytes().to_vec(), le, be]
}

fn hits(dir: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    for (path, bytes) in all_files(dir) {
        for marker in [NAME_MARKER, BODY_MARKER, PASS_MARKER] {
            for needle in encodings(marker) {
                if bytes.windows(needle.len()).any(|w| w == needle) {
                    found.push(format!("{marker} in {}", path.display()));
                }
            }
        }
    }
    found
}

#[tokio::test]
async fn no_marker_anywhere_under_the_data_folder() {
    let f = fixture();
    let passphrase = format!("{PASS_MARKER} et quelques mots de plus");
    let created = carnet_store::Vault::create(&f.layout, &passphrase, CHEAP, NOW)
        .await
        .unwrap();
    let vault = created.vault;
    let body = format!("{BODY_MARKER} ").repeat(10_000);
    for i in 0..20 {
        let name = format!("{NAME_MARKER}-{i}.txt");
        evidence::add(&vault, body.as_bytes(), None, &name, "text/plain", NOW)
            .await
            .unwrap();
    }
    let utf16: Vec<u8> = body.encode_utf16().flat_map(u16::to_le_bytes).collect();
    evidence::add(&vault, &utf16[..], None, "utf16.txt", "text/plain", NOW)
        .await
        .unwrap();
    backup::daily(
        &vault.snapshot_source(),
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
    )
    .await
    .unwrap();
    archive::export(&vault, &f.dir.path().join("export.carnet"))
        .await
        .unwrap();

    // The markers are really there to find: a plain copy of the input is detected.
    std::fs::write(f.dir.path().join("control.txt"), &body).unwrap();
    assert_eq!(hits(f.dir.path()).len(), 1, "the scan finds a plain copy");
    std::fs::remove_file(f.dir.path().join("control.txt")).unwrap();

    let open = hits(f.dir.path());
    assert!(open.is_empty(), "while open: {open:?}");
    vault.lock().await;
    let locked = hits(f.dir.path());
    assert!(locked.is_empty(), "once locked: {locked:?}");
    println!("ROBUSTNESS plaintext_hits={}", open.len() + locked.len());
}

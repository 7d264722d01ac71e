//! Property-based fuzzing of the files carnet-store reads back: the key file (`vault.key`) and
//! the `.carnet` archive, which may come from anywhere (a USB key, a cloud folder). Bounded for
//! `make test`; `make fuzz` raises `PROPTEST_CASES`. Each test prints
//! `ROBUSTNESS fuzz_<target>=<cases>` for `make robustness`.

mod common;

use carnet_store::keys::keyfile::KeyFile;
use carnet_store::{Secret, StoreError, archive, evidence};
use common::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn runner(default_cases: u32) -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default_cases);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn report(target: &str, runner: &TestRunner) {
    println!("ROBUSTNESS fuzz_{target}={}", runner.config().cases);
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// A real key file, of a vault made with cheap key derivation.
fn real_key_file(rt: &tokio::runtime::Runtime) -> Vec<u8> {
    let f = fixture();
    rt.block_on(async {
        let (vault, _) = created(&f).await;
        vault.lock().await;
    });
    std::fs::read(f.layout.key_file()).unwrap()
}

/// Byte-level edits: flip, cut, insert, delete, duplicate a span.
fn mutate(mut bytes: Vec<u8>, edits: &[(prop::sample::Index, u8, u8)]) -> Vec<u8> {
    for (at, b, op) in edits {
        if bytes.is_empty() {
            break;
        }
        let i = at.index(bytes.len());
        match op % 5 {
            0 => bytes[i] ^= b | 1,
            1 => bytes.truncate(i),
            2 => bytes.insert(i, *b),
            3 => {
                bytes.remove(i);
            }
            _ => {
                let end = (i + usize::from(*b)).min(bytes.len());
                let span = bytes[i..end].to_vec();
                bytes.splice(i..i, span);
            }
        }
    }
    bytes
}

fn edits() -> impl Strategy<Value = Vec<(prop::sample::Index, u8, u8)>> {
    prop::collection::vec(
        (any::<prop::sample::Index>(), any::<u8>(), any::<u8>()),
        1..6,
    )
}

#[test]
fn fuzz_keyfile_mutations() {
    let rt = rt();
    let real = real_key_file(&rt);
    let original = KeyFile::from_bytes(&real).unwrap();
    let meaning = original.to_bytes();
    let mut r = runner(3000);
    r.run(&edits(), |edits| {
        let bytes = mutate(real.clone(), &edits);
        match KeyFile::from_bytes(&bytes) {
            // Accepted only when the change altered nothing that counts (whitespace between
            // the envelope's fields): the key file read is the original, byte for byte.
            Ok(k) => prop_assert_eq!(
                k.to_bytes(),
                meaning.clone(),
                "an altered key file was accepted"
            ),
            Err(StoreError::KeyFileDamaged | StoreError::VaultTooNew) => {}
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
        }
        Ok(())
    })
    .unwrap();
    report("keyfile_mutations", &r);
}

/// JSON-ish text built from the key file's own words, and raw bytes: never a panic, never
/// accepted (a random body cannot carry its own SHA-256).
#[test]
fn fuzz_keyfile_json_ish() {
    const TOKENS: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"format\"",
        "\"body\"",
        "\"sha256\"",
        "\"carnet-key-file\"",
        "\"version\"",
        "1",
        "2",
        "4294967296",
        "-1",
        "1e999",
        "null",
        "true",
        "\"slots\"",
        "\"kind\"",
        "\"passphrase\"",
        "\"salt\"",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"aGVsbG8=\"",
        " ",
        "\n",
        "\"",
        "\\",
        "0000000000000000000000000000000000000000000000000000000000000000",
    ];
    let mut r = runner(3000);
    let strategy = prop_oneof![
        prop::collection::vec(prop::sample::select(TOKENS), 0..80)
            .prop_map(|t| t.concat().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..600),
    ];
    r.run(&strategy, |bytes| {
        prop_assert!(matches!(
            KeyFile::from_bytes(&bytes),
            Err(StoreError::KeyFileDamaged | StoreError::VaultTooNew)
        ));
        Ok(())
    })
    .unwrap();
    report("keyfile_json", &r);
}

/// Truncations and bit flips of a real small archive: always refused as damaged (or, when the
/// flip lands on the header's version digit, as coming from a newer Carnet), and nothing is
/// left in the data folder it was opened into.
#[test]
fn fuzz_archive_truncations_and_flips() {
    let rt = rt();
    let here = fixture();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("a.carnet");
    rt.block_on(async {
        let (vault, _) = created(&here).await;
        evidence::add(&vault, &b"une piece"[..], None, "p.txt", "text/plain", NOW)
            .await
            .unwrap();
        archive::export(&vault, &file).await.unwrap();
        vault.lock().await;
    });
    let real = std::fs::read(&file).unwrap();
    let there = fixture();
    // The archive as made opens (so the refusals below are the edits' doing).
    let ok = rt.block_on(archive::unpack(
        &file,
        &there.layout,
        Secret::Passphrase(PASS),
    ));
    assert!(ok.is_ok());
    drop(ok);
    assert_eq!(std::fs::read_dir(&there.layout.dir).unwrap().count(), 0);

    let mut r = runner(300);
    let strategy = prop_oneof![
        (any::<prop::sample::Index>()).prop_map(|i| (i, 0u8, true)),
        (any::<prop::sample::Index>(), 0u8..8).prop_map(|(i, bit)| (i, bit, false)),
    ];
    r.run(&strategy, |(at, bit, truncate)| {
        let mut bytes = real.clone();
        let i = at.index(bytes.len());
        if truncate {
            bytes.truncate(i);
        } else {
            bytes[i] ^= 1 << bit;
        }
        std::fs::write(&file, &bytes).unwrap();
        let res = rt.block_on(archive::unpack(
            &file,
            &there.layout,
            Secret::Passphrase(PASS),
        ));
        match res {
            Ok(_) => prop_assert!(false, "an altered archive was accepted"),
            Err(StoreError::ArchiveDamaged) => {}
            Err(StoreError::VaultTooNew) if !truncate && i < 200 => {}
            Err(e) => prop_assert!(
                false,
                "unexpected error {e:?} (at {i}, truncate {truncate})"
            ),
        }
        let left: Vec<_> = std::fs::read_dir(&there.layout.dir).unwrap().collect();
        prop_assert!(left.is_empty(), "left in the data folder: {left:?}");
        Ok(())
    })
    .unwrap();
    report("archive", &r);
}

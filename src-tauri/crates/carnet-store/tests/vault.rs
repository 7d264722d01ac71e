//! The vault on real temporary files with real SQLCipher: creation, the ways in, wrong and
//! damaged inputs (which must leave every byte as it was), and a schema from the future.

mod common;

use carnet_store::keys::recovery::RecoveryKey;
use carnet_store::{Presence, Secret, StoreError, Vault, evidence};
use common::*;

/// The vault opens with `secret` (and is locked again).
async fn opens(layout: &carnet_store::Layout, secret: Secret<'_>) {
    Vault::unlock(layout, secret).await.unwrap().lock().await;
}

#[tokio::test]
async fn create_lock_and_open_with_each_secret() {
    let f = fixture();
    let (vault, recovery) = created(&f).await;
    let id = vault.vault_id().to_owned();
    vault.lock().await;
    assert_eq!(f.layout.presence().unwrap(), Presence::Present);

    let v = Vault::unlock(&f.layout, Secret::Passphrase(PASS))
        .await
        .unwrap();
    assert_eq!(v.vault_id(), id);
    let version: String = sqlx::query_scalar("PRAGMA cipher_version")
        .fetch_one(v.pool())
        .await
        .unwrap();
    assert!(version.starts_with('4'), "SQLCipher answers: {version}");
    v.lock().await;

    let typed = RecoveryKey::parse(&recovery.display()).unwrap();
    opens(&f.layout, Secret::Recovery(&typed)).await;
}

#[tokio::test]
async fn the_database_is_encrypted_and_useless_without_the_key() {
    let f = locked().await;
    let bytes = std::fs::read(f.layout.db()).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"));
    let opts = sqlx::sqlite::SqliteConnectOptions::new().filename(f.layout.db());
    let pool = sqlx::SqlitePool::connect_with(opts).await.unwrap();
    assert!(
        sqlx::query("SELECT * FROM vault_meta")
            .fetch_all(&pool)
            .await
            .is_err()
    );
}

#[tokio::test]
async fn wrong_secrets_are_refused_and_change_nothing() {
    let f = fixture();
    let (vault, recovery) = created(&f).await;
    vault.lock().await;
    let before = all_files(f.dir.path());

    let e = Vault::unlock(&f.layout, Secret::Passphrase("not the passphrase"))
        .await
        .err()
        .unwrap();
    assert!(matches!(e, StoreError::WrongSecret));
    let other = RecoveryKey::generate().unwrap();
    let e = Vault::unlock(&f.layout, Secret::Recovery(&other))
        .await
        .err()
        .unwrap();
    assert!(matches!(e, StoreError::WrongSecret));
    assert!(matches!(
        RecoveryKey::parse(&recovery.display().replacen('-', "", 1).replacen(
            |c: char| c.is_ascii_alphanumeric(),
            "#",
            1
        )),
        Err(StoreError::RecoveryKeyMistyped)
    ));
    assert!(same_files(&before, &all_files(f.dir.path())));
}

#[tokio::test]
async fn a_second_creation_never_replaces_a_vault() {
    let f = locked().await;
    let before = all_files(f.dir.path());
    let exists = |e: Option<StoreError>| matches!(e, Some(StoreError::VaultExists));
    assert!(exists(
        Vault::create(&f.layout, PASS, CHEAP, NOW).await.err()
    ));
    // Nor over half a vault.
    std::fs::remove_file(f.layout.key_file()).unwrap();
    assert!(exists(
        Vault::create(&f.layout, PASS, CHEAP, NOW).await.err()
    ));
    let after = all_files(f.dir.path());
    assert_eq!(after.len(), before.len() - 1);
}

/// Unlocks with the passphrase a vault that must be refused: answers the error, after checking
/// that not a file of the data folder was written, added or removed (`what` names the case).
async fn refused_untouched(f: &Fixture, what: &str) -> StoreError {
    let before = all_files(f.dir.path());
    let e = Vault::unlock(&f.layout, Secret::Passphrase(PASS))
        .await
        .err()
        .unwrap();
    assert!(
        same_files(&before, &all_files(f.dir.path())),
        "{what}: nothing written"
    );
    e
}

/// A way to damage a file: its name, and what becomes of the file's bytes (`None`: removed).
type Damage = (&'static str, fn(Vec<u8>) -> Option<Vec<u8>>);

/// Damages the file `file` names in a fresh locked vault, once per damage, and answers each
/// refused unlock's error with the damage's name (the folder checked untouched each time).
async fn each_damage(
    file: fn(&carnet_store::Layout) -> std::path::PathBuf,
    damages: &[Damage],
) -> Vec<(&'static str, StoreError)> {
    let mut refused = Vec::new();
    for (what, damaged) in damages {
        let f = locked().await;
        let path = file(&f.layout);
        match damaged(std::fs::read(&path).unwrap()) {
            Some(bytes) => std::fs::write(&path, bytes).unwrap(),
            None => std::fs::remove_file(&path).unwrap(),
        }
        refused.push((*what, refused_untouched(&f, what).await));
    }
    refused
}

#[tokio::test]
async fn damaged_databases_are_reported_and_left_as_they_are() {
    let damages: [Damage; 4] = [
        ("flip", |mut bytes| {
            bytes[100] ^= 0x01; // inside page 1, covered by its HMAC
            Some(bytes)
        }),
        ("truncate", |bytes| Some(bytes[..bytes.len() / 3].to_vec())),
        ("empty", |_| Some(Vec::new())),
        ("missing", |_| None),
    ];
    for (what, e) in each_damage(carnet_store::Layout::db, &damages).await {
        assert!(matches!(e, StoreError::VaultCorrupted), "{what}: {e:?}");
    }
}

#[tokio::test]
async fn damaged_key_files_are_reported_and_left_as_they_are() {
    let damages: [Damage; 4] = [
        ("flip", |mut bytes| {
            let at = bytes.len() / 2;
            bytes[at] ^= 0x04;
            Some(bytes)
        }),
        ("truncate", |bytes| Some(bytes[..bytes.len() - 20].to_vec())),
        ("missing", |_| None),
        ("garbage", |_| Some(vec![0xFFu8; 300])),
    ];
    for (what, e) in each_damage(carnet_store::Layout::key_file, &damages).await {
        assert!(matches!(e, StoreError::KeyFileDamaged), "{what}: {e:?}");
    }
}

#[tokio::test]
async fn a_vault_from_a_newer_carnet_is_refused_untouched() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (9999, 'from the future', 1, x'00', 0)",
    )
    .execute(vault.pool())
    .await
    .unwrap();
    vault.lock().await;
    let e = refused_untouched(&f, "newer").await;
    assert!(matches!(e, StoreError::VaultTooNew), "{e:?}");
}

#[tokio::test]
async fn a_new_passphrase_replaces_the_old_one_and_the_recovery_key_still_works() {
    let f = fixture();
    let (mut vault, recovery) = created(&f).await;
    vault
        .change_passphrase("un tout autre chemin de halage 7", CHEAP)
        .unwrap();
    vault.lock().await;
    assert!(matches!(
        Vault::unlock(&f.layout, Secret::Passphrase(PASS))
            .await
            .err()
            .unwrap(),
        StoreError::WrongSecret
    ));
    opens(
        &f.layout,
        Secret::Passphrase("un tout autre chemin de halage 7"),
    )
    .await;
    opens(&f.layout, Secret::Recovery(&recovery)).await;
}

#[tokio::test]
async fn evidence_round_trips_with_its_hash_and_limits_hold() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 256) as u8).collect();
    let added = evidence::add(
        &vault,
        &bytes[..],
        Some(bytes.len() as u64),
        "capture.png",
        "image/png",
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(added.size, 300_000);
    assert_eq!(added.sha256.len(), 64);
    assert_eq!(
        evidence::read(&vault, added.id).await.unwrap().as_slice(),
        &bytes[..]
    );

    assert!(matches!(
        evidence::add(&vault, &b""[..], Some(0), "vide.txt", "text/plain", NOW).await,
        Err(StoreError::EmptyFile)
    ));
    assert!(matches!(
        evidence::add(
            &vault,
            &b"x"[..],
            Some(evidence::MAX_SIZE + 1),
            "gros.mp4",
            "video/mp4",
            NOW
        )
        .await,
        Err(StoreError::TooLarge)
    ));
    // Refused pieces leave no file behind.
    let files = std::fs::read_dir(f.layout.evidence_dir()).unwrap().count();
    assert_eq!(files, 1);
    assert!(matches!(
        evidence::read(&vault, 999).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn leftovers_of_interrupted_work_are_swept_and_pieces_kept() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let kept = evidence::add(&vault, &b"keep me"[..], None, "k.txt", "text/plain", NOW)
        .await
        .unwrap();
    let ev = f.layout.evidence_dir();
    std::fs::write(ev.join(".carnet-abc.tmp"), b"half").unwrap();
    std::fs::write(ev.join("0123456789abcdef0123456789abcdef"), b"orphan").unwrap();
    std::fs::create_dir_all(f.layout.dir.join(".export-x")).unwrap();
    std::fs::create_dir_all(f.layout.backups_dir().join(".tmp-y")).unwrap();
    assert_eq!(vault.sweep().await.unwrap(), 4);
    assert_eq!(std::fs::read_dir(&ev).unwrap().count(), 1);
    assert_eq!(
        evidence::read(&vault, kept.id).await.unwrap().as_slice(),
        b"keep me"
    );
    assert_eq!(vault.sweep().await.unwrap(), 0);
}

#[tokio::test]
async fn an_older_vault_is_copied_then_migrated() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    // Make it a schema-1 vault: the journal's migrations undone.
    for sql in [
        "DROP TABLE proof_queue",
        "DROP TABLE content_email_check",
        "DROP TABLE content_timestamp",
        "DROP TABLE import_origin",
        "DROP TABLE notified",
        "DROP TABLE dossier_submission",
        "DROP TABLE dossier_export",
        "DROP TABLE dossier",
        "ALTER TABLE evidence_content DROP COLUMN released_at",
        "DROP TABLE search",
        "DROP TABLE history",
        "DROP TABLE event_piece",
        "DROP TABLE piece",
        "DROP TABLE event",
        "DROP TABLE incident_status",
        "DROP TABLE incident",
        "DROP TABLE platform",
        "DROP TABLE company",
        "DELETE FROM _sqlx_migrations WHERE version > 1",
    ] {
        sqlx::query(sql).execute(vault.pool()).await.unwrap();
    }
    vault.lock().await;

    let v = Vault::unlock(&f.layout, Secret::Passphrase(PASS))
        .await
        .unwrap();
    assert_eq!(
        carnet_store::db::applied_version(v.pool()).await.unwrap(),
        carnet_store::db::latest_version()
    );
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM incident")
        .fetch_one(v.pool())
        .await
        .unwrap();
    assert_eq!(n, 0);
    let copies: Vec<_> = carnet_store::backup::list(&f.layout)
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == carnet_store::backup::Kind::Migration)
        .collect();
    assert_eq!(copies.len(), 1);
    assert!(copies[0].id.starts_with("migration-v1-"));
}

/// A passphrase is compared in Unicode NFC: typed with a composed « é » at creation, it opens
/// with « e » + a combining accent (another keyboard or system), and a slot sealed before the
/// normalisation (the bytes as typed, decomposed) still opens.
#[tokio::test]
async fn passphrases_are_unicode_normalised_and_old_slots_still_open() {
    use carnet_store::keys::keyfile::{KeyFile, SlotKind};
    let composed = "clé d’été sous la forêt 42";
    let decomposed = "cle\u{301} d’e\u{301}te\u{301} sous la fore\u{302}t 42";
    assert_ne!(composed, decomposed);
    let f = fixture();
    let (mut vault, _) = created(&f).await;
    vault.change_passphrase(composed, CHEAP).unwrap();
    vault.lock().await;
    opens(&f.layout, Secret::Passphrase(decomposed)).await;

    // A slot sealed with the decomposed bytes, as Carnet did before.
    let mut kf = KeyFile::load(&f.layout.key_file()).unwrap();
    let key = Vault::key_for(&kf, Secret::Passphrase(composed)).unwrap();
    let params = carnet_store::keys::kdf::KdfParams::insecure_for_tests();
    kf.set_secret_slot(SlotKind::Passphrase, decomposed.as_bytes(), params, &key)
        .unwrap();
    assert!(Vault::key_for(&kf, Secret::Passphrase(decomposed)).is_ok());
    assert!(matches!(
        Vault::key_for(&kf, Secret::Passphrase("pas la bonne")),
        Err(StoreError::WrongSecret)
    ));
}

/// The page size a pool's connection reads its file with.
async fn page_size_of(vault: &Vault) -> u32 {
    let size: String = sqlx::query_scalar("PRAGMA page_size")
        .fetch_one(vault.pool())
        .await
        .unwrap();
    size.trim().parse().unwrap()
}

/// New vaults have 16 KiB pages; a vault made before, with SQLCipher's default 4 KiB pages
/// (remade here from a new one by `sqlcipher_export`, same key, same rows), still opens, is
/// read and written, and its daily backup is taken and verified.
#[tokio::test]
async fn a_vault_with_the_former_4_kib_pages_still_opens_and_is_backed_up() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    assert_eq!(page_size_of(&vault).await, carnet_store::db::PAGE_SIZE);
    let first = bare_incident(&vault).await;
    let former = f.dir.path().join("former.db");
    // The pool's connections may not create files: ATTACH opens an empty one.
    std::fs::File::create(&former).unwrap();
    {
        // ATTACH without KEY uses the main database's key.
        let mut c = vault.pool().acquire().await.unwrap();
        let attach = format!("ATTACH DATABASE '{}' AS former", former.display());
        for sql in [
            attach.as_str(),
            "PRAGMA former.cipher_page_size = 4096",
            "SELECT sqlcipher_export('former')",
            "DETACH DATABASE former",
        ] {
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&mut *c)
                .await
                .unwrap();
        }
    }
    vault.lock().await;
    for side in ["-wal", "-shm"] {
        let mut path = f.layout.db().into_os_string();
        path.push(side);
        let _ = std::fs::remove_file(path);
    }
    std::fs::rename(&former, f.layout.db()).unwrap();

    let vault = Vault::unlock(&f.layout, Secret::Passphrase(PASS))
        .await
        .unwrap();
    assert_eq!(page_size_of(&vault).await, 4096);
    assert_eq!(count(&vault, "incident").await, 1);
    let second = bare_incident(&vault).await;
    assert_ne!(first, second);
    let taken = carnet_store::backup::daily(&vault.snapshot_source(), today())
        .await
        .unwrap();
    assert!(taken.is_some(), "the backup is taken and verified");
    vault.lock().await;
    let vault = Vault::unlock(&f.layout, Secret::Passphrase(PASS))
        .await
        .unwrap();
    assert_eq!(count(&vault, "incident").await, 2);
    vault.lock().await;
}

//! Backups and archives on real files: taken, verified, restored; an archive exported here and
//! imported in another data folder ("a new computer") with the recovery key.

mod common;

use carnet_store::keys::recovery::RecoveryKey;
use carnet_store::{Secret, StoreError, Vault, archive, backup, evidence};
use chrono::NaiveDate;
use common::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

async fn count_pieces(v: &Vault) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM evidence_content")
        .fetch_one(v.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn one_backup_a_day_seven_kept() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    assert!(
        backup::daily(&vault.snapshot_source(), day(1))
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        backup::daily(&vault.snapshot_source(), day(1))
            .await
            .unwrap()
            .is_none(),
        "once a day"
    );
    for d in 2..=10 {
        backup::daily(&vault.snapshot_source(), day(d))
            .await
            .unwrap();
    }
    let ids: Vec<String> = backup::list(&f.layout)
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect();
    assert_eq!(ids.len(), 7);
    assert_eq!(ids.first().unwrap(), "daily-2026-11-10");
    assert_eq!(ids.last().unwrap(), "daily-2026-11-04");
    // A backup is encrypted: no SQLite header, and it opens only with the key.
    let b = std::fs::read(f.layout.backups_dir().join("daily-2026-11-10/vault.db")).unwrap();
    assert!(!b.starts_with(b"SQLite format 3"));
}

#[tokio::test]
async fn restore_brings_back_the_backup_and_keeps_the_current_state() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    evidence::add(&vault, &b"first"[..], None, "a.txt", "text/plain", NOW)
        .await
        .unwrap();
    backup::daily(&vault.snapshot_source(), day(1))
        .await
        .unwrap();
    evidence::add(&vault, &b"second"[..], None, "b.txt", "text/plain", NOW)
        .await
        .unwrap();
    let (key, id) = (vault.key().clone(), vault.vault_id().to_owned());
    vault.lock().await;

    let now = NaiveDate::from_ymd_opt(2026, 11, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    backup::restore(&f.layout, "daily-2026-11-01", &key, &id, now)
        .await
        .unwrap();
    let v = Vault::unlock(&f.layout, Secret::Passphrase(PASS))
        .await
        .unwrap();
    assert_eq!(count_pieces(&v).await, 1);
    v.lock().await;

    // The state before the restore was kept, and restoring it brings the second piece back.
    let kept = backup::list(&f.layout)
        .unwrap()
        .into_iter()
        .find(|b| b.kind == backup::Kind::Restore)
        .unwrap();
    backup::restore(
        &f.layout,
        &kept.id,
        &key,
        &id,
        now + chrono::Duration::seconds(1),
    )
    .await
    .unwrap();
    let v = Vault::unlock(&f.layout, Secret::Passphrase(PASS))
        .await
        .unwrap();
    assert_eq!(count_pieces(&v).await, 2);
}

#[tokio::test]
async fn a_damaged_backup_is_refused_before_anything_is_replaced() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    backup::daily(&vault.snapshot_source(), day(1))
        .await
        .unwrap();
    let (key, id) = (vault.key().clone(), vault.vault_id().to_owned());
    vault.lock().await;
    let copy = f.layout.backups_dir().join("daily-2026-11-01/vault.db");
    let mut bytes = std::fs::read(&copy).unwrap();
    let at = bytes.len() - 100;
    bytes[at] ^= 1;
    std::fs::write(&copy, bytes).unwrap();
    let db_before = std::fs::read(f.layout.db()).unwrap();
    let now = day(2).and_hms_opt(9, 0, 0).unwrap();
    let e = backup::restore(&f.layout, "daily-2026-11-01", &key, &id, now)
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::VaultCorrupted), "{e:?}");
    assert_eq!(std::fs::read(f.layout.db()).unwrap(), db_before);
    assert!(matches!(
        backup::restore(&f.layout, "daily-1999-01-01", &key, &id, now).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn an_archive_moves_the_vault_to_a_new_computer_with_the_recovery_key() {
    let here = fixture();
    let (vault, recovery) = created(&here).await;
    let piece = b"facture du 3 mars, 1 234,56 EUR".repeat(5000);
    let added = evidence::add(
        &vault,
        &piece[..],
        None,
        "facture.pdf",
        "application/pdf",
        NOW,
    )
    .await
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("carnet.carnet");
    archive::export(&vault, &file).await.unwrap();
    vault.lock().await;
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        1,
        "no temporary file left"
    );

    let there = fixture();
    let typed = RecoveryKey::parse(&recovery.display().to_lowercase()).unwrap();
    let unpacked = archive::unpack(&file, &there.layout, Secret::Recovery(&typed))
        .await
        .unwrap();
    archive::install(
        unpacked,
        &there.layout,
        day(3).and_hms_opt(8, 0, 0).unwrap(),
    )
    .unwrap();
    let v = Vault::unlock(&there.layout, Secret::Passphrase(PASS))
        .await
        .unwrap();
    assert_eq!(
        evidence::read(&v, added.id).await.unwrap().as_slice(),
        &piece[..]
    );
    assert!(!v.remembers_this_computer());
}

#[tokio::test]
async fn a_wrong_secret_or_an_altered_archive_installs_nothing() {
    let here = fixture();
    let (vault, _) = created(&here).await;
    evidence::add(&vault, &b"piece"[..], None, "p.txt", "text/plain", NOW)
        .await
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("a.carnet");
    archive::export(&vault, &file).await.unwrap();
    vault.lock().await;

    let there = fixture();
    let wrong = archive::unpack(
        &file,
        &there.layout,
        Secret::Passphrase("pas la bonne phrase du tout"),
    )
    .await;
    assert!(matches!(wrong, Err(StoreError::WrongSecret)));
    let bytes = std::fs::read(&file).unwrap();
    for at in [3, 40, bytes.len() / 2, bytes.len() - 5] {
        let mut bad = bytes.clone();
        bad[at] ^= 0x20;
        std::fs::write(&file, &bad).unwrap();
        let r = archive::unpack(&file, &there.layout, Secret::Passphrase(PASS)).await;
        assert!(
            matches!(
                r,
                Err(StoreError::ArchiveDamaged
                    | StoreError::KeyFileDamaged
                    | StoreError::WrongSecret)
            ),
            "flip at {at}"
        );
    }
    std::fs::write(&file, &bytes[..bytes.len() - 10]).unwrap();
    assert!(matches!(
        archive::unpack(&file, &there.layout, Secret::Passphrase(PASS)).await,
        Err(StoreError::ArchiveDamaged)
    ));
    // Nothing but empty folders in the other data folder.
    assert!(all_files(there.dir.path()).is_empty());
}

#[tokio::test]
async fn the_copy_before_a_migration_is_verified_and_kept() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let taken = backup::before_migration(vault.pool(), &vault.snapshot_source(), 1)
        .await
        .unwrap();
    assert_eq!(taken.kind, backup::Kind::Migration);
    assert!(taken.id.starts_with("migration-v1-"));
    let copy = carnet_store::Layout::new(&taken.path);
    backup::verify(&copy, vault.key(), vault.vault_id())
        .await
        .unwrap();
    assert!(
        !std::fs::read(copy.db())
            .unwrap()
            .starts_with(b"SQLite format 3")
    );
}

/// A passphrase change reseals every backup's key file of this vault with the live one, and
/// leaves the copy of another vault's key file alone.
#[tokio::test]
async fn a_new_passphrase_reaches_every_backup_and_the_old_one_opens_none() {
    let f = fixture();
    let (mut vault, _) = created(&f).await;
    for d in 1..=3 {
        backup::daily(&vault.snapshot_source(), day(d))
            .await
            .unwrap();
    }
    let other = fixture();
    let (stranger, _) = created(&other).await;
    let foreign = f.layout.backups_dir().join("restore-2026-11-04T10-00-00");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::copy(other.layout.key_file(), foreign.join("vault.key")).unwrap();
    stranger.lock().await;

    vault
        .change_passphrase("une toute autre phrase 88", CHEAP)
        .unwrap();
    let live = std::fs::read(f.layout.key_file()).unwrap();
    for b in backup::list(&f.layout).unwrap() {
        let copy = std::fs::read(b.path.join("vault.key")).unwrap();
        if b.path == foreign {
            assert_ne!(copy, live, "another vault's key file is left alone");
            continue;
        }
        assert_eq!(copy, live, "{}", b.id);
        let kf = carnet_store::keys::keyfile::KeyFile::load(&b.path.join("vault.key")).unwrap();
        assert!(matches!(
            Vault::key_for(&kf, Secret::Passphrase(PASS)),
            Err(StoreError::WrongSecret)
        ));
    }
    assert_eq!(
        backup::reseal_all(
            &f.layout,
            &carnet_store::keys::keyfile::KeyFile::load(&f.layout.key_file()).unwrap()
        )
        .unwrap(),
        0
    );
    vault.lock().await;
}

/// An archive claiming this vault's id but sealed under another key is refused before anything
/// is replaced (it would have put a database beside a key file that cannot open it); the vault
/// here still opens. A passphrase that opens the archive but not this folder's key file is
/// refused likewise.
#[tokio::test]
async fn an_archive_with_this_vault_id_under_another_key_is_refused() {
    use carnet_store::keys::keyfile::{KeyFile, SlotKind};
    let here = fixture();
    let (vault, _) = created(&here).await;
    let id = vault.vault_id().to_owned();
    vault.lock().await;

    // Another vault, given this one's id in its database and in its key file.
    let other = fixture();
    let (impostor, _) = created(&other).await;
    sqlx::query("UPDATE vault_meta SET vault_id = ?")
        .bind(&id)
        .execute(impostor.pool())
        .await
        .unwrap();
    let mut kf = KeyFile::new(&id);
    let params = carnet_store::keys::kdf::KdfParams::insecure_for_tests();
    kf.set_secret_slot(
        SlotKind::Passphrase,
        PASS.as_bytes(),
        params,
        impostor.key(),
    )
    .unwrap();
    let key = impostor.key().clone();
    impostor.lock().await;
    kf.save(&other.layout.key_file()).unwrap();
    let impostor = Vault::open_with_key(&other.layout, key, kf).await.unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("impostor.carnet");
    archive::export(&impostor, &file).await.unwrap();
    impostor.lock().await;

    let before = all_files(here.dir.path());
    let e = archive::unpack(&file, &here.layout, Secret::Passphrase(PASS))
        .await
        .err()
        .unwrap();
    assert!(matches!(e, StoreError::WrongSecret), "{e:?}");
    assert!(same_files(&before, &all_files(here.dir.path())));
    Vault::unlock(&here.layout, Secret::Passphrase(PASS))
        .await
        .unwrap()
        .lock()
        .await;
}

//! Proofs through the test host, with the local TSA (the real `openssl ts -reply`) and a
//! DNS table: off until the owner turns them on; a piece waits, then is timestamped; a TSA
//! that is down keeps it waiting, nothing lost, and it drains when the TSA is back; an
//! imported e-mail's verdict, offline at once, then with its keys; a bad-input table.

use std::sync::Arc;
use std::time::{Duration, Instant};

use carnet_core::Field;
use carnet_core::journal::piece::Piece;
use carnet_core::journal::proof::DkimVerdict;
use carnet_proof::dkim::StaticResolver;
use carnet_proof::testing::local_tsa;

use crate::error::ErrorCode;
use crate::flows::evidence::Content;
use crate::state::AppState;
use crate::test_host::{opened_with, test_options};

const SIGNED: &[u8] = include_bytes!("../../../tests/fixtures/dkim/signed.eml");
const SIGNED_DNS: &str = include_str!("../../../tests/fixtures/dkim/signed.dns");

fn resolver() -> StaticResolver {
    let mut table = StaticResolver::new();
    for line in SIGNED_DNS.lines() {
        let (name, record) = line.split_once(' ').unwrap();
        table.insert(name, record);
    }
    table
}

async fn incident(s: &AppState) -> i64 {
    let slot = s.vault.lock().await;
    let pool = slot.as_ref().unwrap().pool();
    let platform: i64 = sqlx::query_scalar(
        "INSERT INTO platform (name, service, created_at, updated_at)
         VALUES ('Amazon', 'marketplace', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
         RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query_scalar(
        "INSERT INTO incident (platform_id, category, title, status, created_at, updated_at)
         VALUES (?, 'ACC-02', 'Compte suspendu', 'open', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
         RETURNING id",
    )
    .bind(platform)
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn piece(s: &AppState, id: i64) -> Piece {
    let slot = s.vault.lock().await;
    carnet_store::journal::pieces::get(slot.as_ref().unwrap(), id)
        .await
        .unwrap()
}

/// Waits (at most a minute) until `done` holds for the piece: the background work is on its
/// own clock; this bounds a wait, it times nothing.
async fn until(s: &AppState, id: i64, done: impl Fn(&Piece) -> bool) -> Piece {
    let start = Instant::now();
    loop {
        let p = piece(s, id).await;
        if done(&p) || start.elapsed() > Duration::from_secs(60) {
            return p;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_piece_is_timestamped_once_proofs_are_on() {
    let (_dir, s) = opened_with(test_options()).await;
    let status = s.proof_status().await;
    assert!(!status.enabled, "off until the owner turns them on");
    assert!(status.authorities.len() >= 3);
    let id = incident(&s).await;
    let p = s
        .piece_add_bytes(
            id,
            "capture.png",
            Some("image/png"),
            Content::Bytes(b"une capture"),
        )
        .await
        .unwrap();
    assert!(p.proof.stamp_waiting && p.proof.timestamp.is_none());
    assert_eq!(s.proof_status().await.waiting, 1);

    // A TSA that does not answer (nothing listens on that port): the piece waits, nothing
    // is lost.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://127.0.0.1:{}/tsr", l.local_addr().unwrap().port())
    };
    s.proof_set(true, &closed).await.unwrap();
    let start = Instant::now();
    loop {
        let attempts: i64 = {
            let slot = s.vault.lock().await;
            sqlx::query_scalar("SELECT coalesce(max(attempts), 0) FROM proof_queue")
                .fetch_one(slot.as_ref().unwrap().pool())
                .await
                .unwrap()
        };
        if attempts > 0 || start.elapsed() > Duration::from_secs(60) {
            assert!(attempts > 0, "the failed try was counted");
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(piece(&s, p.id).await.proof.stamp_waiting);
    assert_eq!(s.proof_status().await.waiting, 1);

    // The TSA is back: the owner's choice of it drains the queue.
    let (_tsa, url) = local_tsa();
    let status = s.proof_set(true, &url).await.unwrap();
    assert_eq!(status.tsa_url, url);
    let p = until(&s, p.id, |p| p.proof.timestamp.is_some()).await;
    let stamp = p.proof.timestamp.expect("timestamped by the local TSA");
    assert!(stamp.tsa_name.contains("Test tsa"), "{}", stamp.tsa_name);
    assert!(!p.proof.stamp_waiting);
    assert_eq!(s.proof_status().await.waiting, 0);
    s.vault_lock().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_is_asked_while_proofs_are_off() {
    let (_tsa, url) = local_tsa();
    let (_dir, s) = opened_with(test_options()).await;
    s.proof_set(false, &url).await.unwrap();
    let id = incident(&s).await;
    let p = s
        .piece_add_bytes(id, "note.txt", None, Content::Bytes(b"texte"))
        .await
        .unwrap();
    s.proof_retry().await.unwrap();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let p = piece(&s, p.id).await;
    assert!(
        p.proof.timestamp.is_none() && p.proof.stamp_waiting,
        "{:?}",
        p.proof
    );
    s.vault_lock().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_imported_email_shows_its_dkim_verdict() {
    let (_tsa, url) = local_tsa();
    let mut options = test_options();
    options.resolver = Some(Arc::new(resolver()));
    let (dir, s) = opened_with(options).await;
    let id = incident(&s).await;

    // Unsigned: known at once, without the network.
    let plain = dir.path().join("plain.eml");
    std::fs::write(
        &plain,
        b"From: x@shop.example\r\nSubject: s\r\n\r\nbody\r\n",
    )
    .unwrap();
    let imported = s.email_import(id, &plain, None).await.unwrap();
    let email = imported.pieces[0].proof.email.clone().unwrap();
    assert_eq!(email.verdict, DkimVerdict::NoSignature);

    // Signed: not checked until proofs are on, then valid and aligned.
    let signed = dir.path().join("signed.eml");
    std::fs::write(&signed, SIGNED).unwrap();
    let imported = s.email_import(id, &signed, None).await.unwrap();
    let eml = &imported.pieces[0];
    assert_eq!(
        eml.proof.email.as_ref().unwrap().verdict,
        DkimVerdict::NotChecked
    );
    s.proof_set(true, &url).await.unwrap();
    let p = until(&s, eml.id, |p| {
        p.proof.email.as_ref().is_some_and(|e| e.stamped) && p.proof.timestamp.is_some()
    })
    .await;
    let email = p.proof.email.unwrap();
    assert_eq!(email.verdict, DkimVerdict::Valid);
    assert_eq!(email.domain, "marketplace.example");
    assert!(email.aligned);
    assert!(email.stamped, "the check itself is timestamped");
    assert!(p.proof.timestamp.is_some());
    s.vault_lock().await;
}

#[tokio::test]
async fn proof_set_refuses_bad_input_and_changes_nothing() {
    let (_dir, s) = opened_with(test_options()).await;
    let before = s.settings();
    let long = format!("https://tsa.example/{}", "x".repeat(400));
    for bad in [
        "",
        "tsa.example",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "https://",
        "https://a b.example",
        "https://user@tsa.example/",
        "https://tsa.example/\u{202E}",
        long.as_str(),
    ] {
        let e = s.proof_set(true, bad).await.unwrap_err();
        assert_eq!(
            (e.code, e.field),
            (ErrorCode::InvalidInput, Some(Field::TsaUrl)),
            "{bad:?}"
        );
        // (the message names the schemes it accepts: a bare "https://" is in it)
        assert!(bad.len() < 10 || !e.message.contains(bad));
    }
    assert_eq!(s.settings(), before, "nothing changed");
    s.vault_lock().await;
}

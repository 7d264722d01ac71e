//! The proofs of the evidence in a real vault: every new piece waits for its timestamp; a
//! token from the local TSA (the real `openssl ts -reply`) is verified and stored; a token or
//! an e-mail check for other bytes is refused and leaves nothing; the back-off; the e-mail
//! check and its own timestamp; a purged file's proofs go with it.

mod common;

use std::time::Duration;

use carnet_core::journal::proof::DkimVerdict;
use carnet_core::journal::trash::TrashEntity;
use carnet_proof::ProofError;
use carnet_proof::dkim::{EmailVerification, Verdict};
use carnet_proof::testing::local_tsa;
use carnet_proof::tsp::request_timestamp;
use carnet_store::journal::proofs::{self, Kind};
use carnet_store::journal::{pieces, trash};
use carnet_store::{StoreError, Vault};
use chrono::{DateTime, NaiveDate, Utc};
use common::*;
use proptest::prelude::*;
use sha2::{Digest, Sha256};

const TIMEOUT: Duration = Duration::from_secs(20);

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn sha(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

async fn add(
    vault: &Vault,
    incident: i64,
    bytes: &[u8],
    name: &str,
) -> carnet_core::journal::piece::Piece {
    pieces::add(
        vault,
        incident,
        bytes,
        Some(bytes.len() as u64),
        name,
        None,
        NOW,
    )
    .await
    .unwrap()
}

async fn content_id(vault: &Vault, piece: i64) -> i64 {
    sqlx::query_scalar("SELECT content_id FROM piece WHERE id = ?")
        .bind(piece)
        .fetch_one(vault.pool())
        .await
        .unwrap()
}

async fn stored(vault: &Vault) -> i64 {
    sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM content_timestamp) + (SELECT count(*) FROM content_email_check)",
    )
    .fetch_one(vault.pool())
    .await
    .unwrap()
}

#[tokio::test]
async fn a_new_piece_waits_then_carries_its_verified_timestamp() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let id = bare_incident(&vault).await;
    let piece = add(&vault, id, b"capture d'ecran P1", "capture.png").await;
    assert!(piece.proof.stamp_waiting);
    assert!(piece.proof.timestamp.is_none());
    assert_eq!(proofs::waiting(&vault).await.unwrap(), 1);

    let due = proofs::due(&vault, at(NOW), 10).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].kind, Kind::Timestamp);
    assert_eq!(
        due[0].digest,
        sha(b"capture d'ecran P1"),
        "only the fingerprint is asked"
    );

    let (_tsa, url) = local_tsa();
    let token = request_timestamp(&url, &due[0].digest, TIMEOUT).unwrap();
    let stamp = proofs::attach_timestamp(&vault, due[0].content_id, &token.der, at(NOW))
        .await
        .unwrap();
    assert_eq!(stamp.gen_time, token.gen_time);
    let piece = pieces::get(&vault, piece.id).await.unwrap();
    assert_eq!(piece.proof.timestamp, Some(stamp));
    assert!(!piece.proof.stamp_waiting);
    assert_eq!(proofs::waiting(&vault).await.unwrap(), 0);
    let kept = proofs::token(&vault, due[0].content_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        kept.der, token.der,
        "the token is kept as the authority sent it"
    );
    assert!(kept.chain_pem.contains("BEGIN CERTIFICATE"));
    vault.lock().await;
}

#[tokio::test]
async fn a_token_for_other_bytes_is_refused_and_nothing_is_stored() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let id = bare_incident(&vault).await;
    let piece = add(&vault, id, b"the real piece", "facture.pdf").await;
    let content = content_id(&vault, piece.id).await;
    let (_tsa, url) = local_tsa();
    let other = request_timestamp(&url, &sha(b"another file"), TIMEOUT).unwrap();
    assert!(matches!(
        proofs::attach_timestamp(&vault, content, &other.der, at(NOW)).await,
        Err(StoreError::Proof(ProofError::ImprintMismatch))
    ));
    assert!(matches!(
        proofs::attach_timestamp(&vault, content, b"garbage", at(NOW)).await,
        Err(StoreError::Proof(ProofError::BadResponse))
    ));
    assert_eq!(stored(&vault).await, 0);
    assert!(
        pieces::get(&vault, piece.id)
            .await
            .unwrap()
            .proof
            .stamp_waiting
    );
    vault.lock().await;
}

#[tokio::test]
async fn a_failed_try_waits_longer_and_wake_all_brings_it_back() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let id = bare_incident(&vault).await;
    let piece = add(&vault, id, b"piece", "p.txt").await;
    let content = content_id(&vault, piece.id).await;
    let now = at(NOW);
    proofs::failed(&vault, Kind::Timestamp, content, ProofError::Network, now)
        .await
        .unwrap();
    assert!(proofs::due(&vault, now, 10).await.unwrap().is_empty());
    assert_eq!(
        proofs::next_wake(&vault).await.unwrap(),
        Some(now + chrono::Duration::seconds(30))
    );
    proofs::failed(&vault, Kind::Timestamp, content, ProofError::Timeout, now)
        .await
        .unwrap();
    assert_eq!(
        proofs::next_wake(&vault).await.unwrap(),
        Some(now + chrono::Duration::seconds(60))
    );
    proofs::wake_all(&vault, now).await.unwrap();
    assert_eq!(proofs::due(&vault, now, 10).await.unwrap().len(), 1);
    assert_eq!(
        proofs::waiting(&vault).await.unwrap(),
        1,
        "nothing is dropped"
    );
    vault.lock().await;
}

fn check_of(bytes: &[u8], verdict: Verdict) -> EmailVerification {
    EmailVerification {
        sha256: sha(bytes),
        checked_at: at(NOW),
        from_domain: Some("amazon.fr".into()),
        verdict,
        dkim: vec![carnet_proof::dkim::SignatureCheck {
            verdict,
            domain: "amazon.fr".into(),
            selector: "s1".into(),
            aligned: true,
            key_record: Some("v=DKIM1; k=rsa; p=AAAA".into()),
            key_fetched_at: at(NOW),
        }],
        arc: None,
        arc_sets: vec![],
    }
}

#[tokio::test]
async fn an_email_check_is_kept_and_timestamped_in_turn() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let id = bare_incident(&vault).await;
    let eml = b"From: seller-notification@amazon.fr\r\nSubject: x\r\n\r\nbody\r\n";
    let piece = add(&vault, id, eml, "avis.eml").await;
    let content = content_id(&vault, piece.id).await;
    let kinds: Vec<Kind> = proofs::due(&vault, at(NOW), 10)
        .await
        .unwrap()
        .iter()
        .map(|d| d.kind)
        .collect();
    assert_eq!(kinds, [Kind::Timestamp, Kind::Email]);

    // Offline: "not checked" is shown and the check stays queued.
    proofs::attach_email_check(
        &vault,
        content,
        &check_of(eml, Verdict::NotChecked),
        at(NOW),
    )
    .await
    .unwrap();
    let p = pieces::get(&vault, piece.id).await.unwrap();
    assert_eq!(p.proof.email.unwrap().verdict, DkimVerdict::NotChecked);
    assert!(
        proofs::due(&vault, at(NOW), 10)
            .await
            .unwrap()
            .iter()
            .any(|d| d.kind == Kind::Email)
    );

    // A check of other bytes is refused.
    assert!(matches!(
        proofs::attach_email_check(
            &vault,
            content,
            &check_of(b"other", Verdict::Valid),
            at(NOW)
        )
        .await,
        Err(StoreError::Proof(ProofError::ImprintMismatch))
    ));

    proofs::attach_email_check(&vault, content, &check_of(eml, Verdict::Valid), at(NOW))
        .await
        .unwrap();
    let due = proofs::due(&vault, at(NOW), 10).await.unwrap();
    let stamp = due
        .iter()
        .find(|d| d.kind == Kind::EmailStamp)
        .expect("the check's timestamp is asked");
    let kept = proofs::email_check(&vault, content).await.unwrap().unwrap();
    assert_eq!(
        stamp.digest,
        sha(serde_json::to_string(&kept).unwrap().as_bytes())
    );
    let (_tsa, url) = local_tsa();
    let wrong = request_timestamp(&url, &sha(eml), TIMEOUT).unwrap();
    assert!(
        proofs::attach_email_stamp(&vault, content, &wrong.der)
            .await
            .is_err()
    );
    let token = request_timestamp(&url, &stamp.digest, TIMEOUT).unwrap();
    proofs::attach_email_stamp(&vault, content, &token.der)
        .await
        .unwrap();
    let email = pieces::get(&vault, piece.id)
        .await
        .unwrap()
        .proof
        .email
        .unwrap();
    assert_eq!(email.verdict, DkimVerdict::Valid);
    assert_eq!(email.domain, "amazon.fr");
    assert!(email.aligned && email.stamped);
    vault.lock().await;
}

#[tokio::test]
async fn a_purged_file_takes_its_proofs_with_it() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let id = bare_incident(&vault).await;
    let piece = add(&vault, id, b"bientot purgee", "p.txt").await;
    let content = content_id(&vault, piece.id).await;
    let (_tsa, url) = local_tsa();
    let token = request_timestamp(&url, &sha(b"bientot purgee"), TIMEOUT).unwrap();
    proofs::attach_timestamp(&vault, content, &token.der, at(NOW))
        .await
        .unwrap();
    pieces::delete(&vault, piece.id, NOW).await.unwrap();
    trash::purge(
        &vault,
        TrashEntity::Piece,
        piece.id,
        NOW,
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
    )
    .await
    .unwrap();
    // No backup points at it: the purge removed the file, its row and its proofs.
    let contents: i64 = sqlx::query_scalar("SELECT count(*) FROM evidence_content")
        .fetch_one(vault.pool())
        .await
        .unwrap();
    assert_eq!(contents, 0);
    assert_eq!(stored(&vault).await, 0);
    assert_eq!(proofs::waiting(&vault).await.unwrap(), 0);
    vault.lock().await;
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// No token and no e-mail check is ever attached to a piece whose bytes differ from the
    /// ones it covers.
    #[test]
    fn no_proof_is_attached_to_other_bytes(
        piece in proptest::collection::vec(any::<u8>(), 1..64),
        other in proptest::collection::vec(any::<u8>(), 1..64),
    ) {
        prop_assume!(piece != other);
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let f = fixture();
            let (vault, _) = created(&f).await;
            let id = bare_incident(&vault).await;
            let p = add(&vault, id, &piece, "p.bin").await;
            let content = content_id(&vault, p.id).await;
            let (_tsa, url) = local_tsa();
            let token = request_timestamp(&url, &sha(&other), TIMEOUT).unwrap();
            let refused = proofs::attach_timestamp(&vault, content, &token.der, at(NOW)).await;
            let check = proofs::attach_email_check(&vault, content, &check_of(&other, Verdict::Valid), at(NOW)).await;
            let n = stored(&vault).await;
            let proof = pieces::get(&vault, p.id).await.unwrap().proof;
            vault.lock().await;
            prop_assert!(refused.is_err());
            prop_assert!(check.is_err());
            prop_assert_eq!(n, 0);
            prop_assert!(proof.timestamp.is_none() && proof.email.is_none());
            Ok(())
        })?;
    }
}

//! The RFC 3161 client against a local TSA (the real `openssl ts -reply`), loopback only.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use carnet_proof::ProofError;
use carnet_proof::queue::RetryQueue;
use carnet_proof::testing::{self as common, Reply, Tsa, serve};
use carnet_proof::tsp::{Request, request_timestamp, verify_token};
use chrono::Utc;
use cmpv2::status::{PkiStatus, PkiStatusInfo};
use cms::content_info::ContentInfo;
use cms::signed_data::SignedData;
use der::asn1::{GeneralizedTime, Int, OctetString};
use der::{Decode, DecodePem, Encode};
use sha2_010::{Digest, Sha256};
use x509_tsp::{TimeStampReq, TimeStampResp, TstInfo};

const TIMEOUT: Duration = Duration::from_secs(20);

fn sha(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// The public key algorithm of the first certificate of a PEM chain, as openssl prints it.
fn key_algorithm(chain_pem: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.pem"), chain_pem).unwrap();
    let out = common::openssl(dir.path(), &["x509", "-in", "c.pem", "-noout", "-text"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines()
        .find(|l| l.contains("Public Key Algorithm"))
        .unwrap_or_default()
        .to_string()
}

fn good(tsa: &Arc<Tsa>) -> String {
    let tsa = tsa.clone();
    serve(Arc::new(move |q| Reply::ok(tsa.reply(&q))))
}

/// The TSTInfo DER of a TimeStampResp.
fn tst_info_of(resp: &[u8]) -> Vec<u8> {
    let resp = TimeStampResp::from_der(resp).unwrap();
    let sd: SignedData = resp.time_stamp_token.unwrap().content.decode_as().unwrap();
    let os: OctetString = sd.encap_content_info.econtent.unwrap().decode_as().unwrap();
    os.as_bytes().to_vec()
}

/// A granted TimeStampResp around a token signed by `openssl cms -sign`.
fn wrap(token: &[u8]) -> Vec<u8> {
    TimeStampResp {
        status: PkiStatusInfo {
            status: PkiStatus::Accepted,
            status_string: None,
            fail_info: None,
        },
        time_stamp_token: Some(ContentInfo::from_der(token).unwrap()),
    }
    .to_der()
    .unwrap()
}

#[test]
fn good_token_is_verified_and_openssl_agrees() {
    let tsa = Arc::new(Tsa::new());
    let url = good(&tsa);
    let piece = b"P1.jpg: the bytes of a screenshot".to_vec();
    let digest = sha(&piece);
    let before = chrono::DateTime::<Utc>::from(std::time::SystemTime::now());
    let token = request_timestamp(&url, &digest, TIMEOUT).expect("a verified token");
    assert!(token.gen_time >= before - chrono::Duration::seconds(2));
    assert!(token.tsa_name.contains("Test tsa"), "{}", token.tsa_name);
    assert!(token.chain_pem.starts_with("-----BEGIN CERTIFICATE-----"));
    assert!(token.chain_pem.matches("BEGIN CERTIFICATE").count() >= 1);
    assert!(key_algorithm(&token.chain_pem).contains("id-ecPublicKey"));

    // Re-verified from what is stored.
    let info = verify_token(&token.der, &digest).unwrap();
    assert_eq!(info.gen_time, token.gen_time);
    assert_eq!(info.policy, "1.2.3.4.1");
    // A bare TimeStampToken (the ContentInfo inside the response) verifies too.
    let bare = TimeStampResp::from_der(&token.der)
        .unwrap()
        .time_stamp_token
        .unwrap()
        .to_der()
        .unwrap();
    assert_eq!(verify_token(&bare, &digest).unwrap(), info);
    assert_eq!(
        verify_token(&token.der, &sha(b"other")),
        Err(ProofError::ImprintMismatch)
    );

    // openssl ts -verify reads the stored .tsr and the piece.
    let data = tsa.path("P1.jpg");
    let tsr = tsa.path("P1.jpg.tsr");
    std::fs::write(&data, &piece).unwrap();
    std::fs::write(&tsr, &token.der).unwrap();
    assert!(tsa.openssl_verify(&data, &tsr));
    let mut flipped = piece.clone();
    flipped[3] ^= 0x01;
    std::fs::write(&data, &flipped).unwrap();
    assert!(!tsa.openssl_verify(&data, &tsr));
}

#[test]
fn rsa_tsa_token_is_verified() {
    let tsa = Arc::new(Tsa::rsa());
    let url = good(&tsa);
    let digest = sha(b"piece");
    let token = request_timestamp(&url, &digest, TIMEOUT).expect("a verified RSA token");
    assert!(key_algorithm(&token.chain_pem).contains("rsaEncryption"));
    verify_token(&token.der, &digest).unwrap();
    let data = tsa.path("piece");
    let tsr = tsa.path("piece.tsr");
    std::fs::write(&data, b"piece").unwrap();
    std::fs::write(&tsr, &token.der).unwrap();
    assert!(tsa.openssl_verify(&data, &tsr));
}

#[test]
fn token_for_another_hash_is_refused() {
    let tsa = Arc::new(Tsa::new());
    let t = tsa.clone();
    let url = serve(Arc::new(move |q| {
        let mut req = TimeStampReq::from_der(&q).unwrap();
        req.message_imprint.hashed_message = OctetString::new(sha(b"another file")).unwrap();
        Reply::ok(t.reply(&req.to_der().unwrap()))
    }));
    assert_eq!(
        request_timestamp(&url, &sha(b"piece"), TIMEOUT),
        Err(ProofError::ImprintMismatch)
    );
}

#[test]
fn answer_with_another_nonce_is_refused() {
    let tsa = Arc::new(Tsa::new());
    let t = tsa.clone();
    let url = serve(Arc::new(move |q| {
        let mut req = TimeStampReq::from_der(&q).unwrap();
        req.nonce = Some(Int::new(&[0x12, 0x34, 0x56]).unwrap());
        Reply::ok(t.reply(&req.to_der().unwrap()))
    }));
    assert_eq!(
        request_timestamp(&url, &sha(b"piece"), TIMEOUT),
        Err(ProofError::NonceMismatch)
    );
    // The same answer is fine for a request that carried that nonce.
    let digest = sha(b"piece");
    let request = Request::with_nonce(&digest, &[0x12, 0x34, 0x56]).unwrap();
    let mut req = TimeStampReq::from_der(&request.der).unwrap();
    req.nonce = Some(Int::new(&[0x12, 0x34, 0x56]).unwrap());
    assert!(request.accept(&tsa.reply(&req.to_der().unwrap())).is_ok());
}

#[test]
fn token_signed_by_a_certificate_without_timestamping_use_is_refused() {
    let tsa = Arc::new(Tsa::new());
    let t = tsa.clone();
    let url = serve(Arc::new(move |q| {
        let tst = tst_info_of(&t.reply(&q));
        Reply::ok(wrap(&t.sign_tst_info(&tst, "other")))
    }));
    assert_eq!(
        request_timestamp(&url, &sha(b"piece"), TIMEOUT),
        Err(ProofError::CertificateNotForTimestamping)
    );
}

#[test]
fn token_dated_after_the_certificate_expired_is_refused() {
    let tsa = Arc::new(Tsa::new());
    let t = tsa.clone();
    let url = serve(Arc::new(move |q| {
        let mut tst = TstInfo::from_der(&tst_info_of(&t.reply(&q))).unwrap();
        // The test certificate lives 30 days: a genTime a year later is outside it.
        let later = tst.gen_time.to_unix_duration() + Duration::from_secs(365 * 86_400);
        tst.gen_time = GeneralizedTime::from_unix_duration(later).unwrap();
        Reply::ok(wrap(&t.sign_tst_info(&tst.to_der().unwrap(), "tsa")))
    }));
    assert_eq!(
        request_timestamp(&url, &sha(b"piece"), TIMEOUT),
        Err(ProofError::CertificateExpired)
    );
}

#[test]
fn changed_token_content_breaks_the_signature() {
    let tsa = Arc::new(Tsa::new());
    let t = tsa.clone();
    let url = serve(Arc::new(move |q| {
        // Change genTime inside the signed token without signing it again.
        let good = t.reply(&q);
        let resp = TimeStampResp::from_der(&good).unwrap();
        let token = resp.time_stamp_token.clone().unwrap();
        let mut sd: SignedData = token.content.decode_as().unwrap();
        let mut tst = TstInfo::from_der(&tst_info_of(&good)).unwrap();
        let earlier = tst.gen_time.to_unix_duration() - Duration::from_secs(86_400);
        tst.gen_time = GeneralizedTime::from_unix_duration(earlier).unwrap();
        let os = OctetString::new(tst.to_der().unwrap()).unwrap();
        sd.encap_content_info.econtent = Some(der::Any::encode_from(&os).unwrap());
        let token = ContentInfo {
            content_type: token.content_type,
            content: der::Any::encode_from(&sd).unwrap(),
        };
        Reply::ok(wrap(&token.to_der().unwrap()))
    }));
    assert_eq!(
        request_timestamp(&url, &sha(b"piece"), TIMEOUT),
        Err(ProofError::SignatureInvalid)
    );
}

#[test]
fn http_500_is_refused_with_its_status() {
    let url = serve(Arc::new(|_| Reply {
        status: 500,
        body: b"oops".to_vec(),
        delay: Duration::ZERO,
    }));
    assert_eq!(
        request_timestamp(&url, &sha(b"piece"), TIMEOUT),
        Err(ProofError::HttpStatus(500))
    );
}

#[test]
fn slow_tsa_times_out() {
    let url = serve(Arc::new(|_| Reply {
        status: 200,
        body: Vec::new(),
        delay: Duration::from_secs(5),
    }));
    assert_eq!(
        request_timestamp(&url, &sha(b"piece"), Duration::from_millis(300)),
        Err(ProofError::Timeout)
    );
}

#[test]
fn garbage_is_refused() {
    let url = serve(Arc::new(|_| {
        Reply::ok(b"<html>not a token</html>".to_vec())
    }));
    assert_eq!(
        request_timestamp(&url, &sha(b"piece"), TIMEOUT),
        Err(ProofError::BadResponse)
    );
}

#[test]
fn closed_port_is_a_network_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    assert_eq!(
        request_timestamp(&format!("http://127.0.0.1:{port}/"), &sha(b"x"), TIMEOUT),
        Err(ProofError::Network)
    );
}

#[test]
fn byte_flipped_token_is_refused() {
    let tsa = Arc::new(Tsa::new());
    let url = good(&tsa);
    let digest = sha(b"piece");
    let token = request_timestamp(&url, &digest, TIMEOUT).unwrap();
    // Every byte of the TSTInfo and of the signer's certificate is covered by a signature
    // the client checks: flipping any one of them is refused.
    let tst = tst_info_of(&token.der);
    let pem = std::fs::read_to_string(tsa.path("tsa.crt")).unwrap();
    let cert = x509_cert::Certificate::from_pem(pem.as_bytes())
        .unwrap()
        .to_der()
        .unwrap();
    for part in [tst.as_slice(), cert.as_slice()] {
        let start = token
            .der
            .windows(part.len())
            .position(|w| w == part)
            .expect("the part is in the token");
        for i in start..start + part.len() {
            let mut der = token.der.clone();
            der[i] ^= 0x01;
            assert!(
                verify_token(&der, &digest).is_err(),
                "byte {i} of the token"
            );
        }
    }
    // What may change unnoticed: the CA's own certificate (a trust anchor is never taken from
    // the token) and encodings left outside the signatures.
    let accepted = (0..token.der.len())
        .filter(|&i| {
            let mut der = token.der.clone();
            der[i] ^= 0x01;
            verify_token(&der, &digest).is_ok()
        })
        .count();
    println!(
        "byte flips still accepted: {accepted} of {}",
        token.der.len()
    );
}

#[test]
fn queue_drains_when_the_tsa_comes_back() {
    let tsa = Arc::new(Tsa::new());
    let up = Arc::new(AtomicBool::new(false));
    let (t, u) = (tsa.clone(), up.clone());
    let url = serve(Arc::new(move |q| {
        if u.load(Ordering::SeqCst) {
            Reply::ok(t.reply(&q))
        } else {
            Reply {
                status: 503,
                body: Vec::new(),
                delay: Duration::ZERO,
            }
        }
    }));
    let pieces: Vec<Vec<u8>> = (0..4).map(|i| format!("piece {i}").into_bytes()).collect();
    let mut queue = RetryQueue::new();
    let mut now = chrono::DateTime::<Utc>::from(std::time::SystemTime::now());
    for i in 0..pieces.len() {
        queue.push(i, now);
    }
    let mut stored = Vec::new();
    let mut round = |queue: &mut RetryQueue<usize>, now| {
        for key in queue.due(now) {
            match request_timestamp(&url, &sha(&pieces[key]), TIMEOUT) {
                Ok(token) => {
                    stored.push((key, token));
                    queue.succeeded(&key);
                }
                Err(e) => {
                    assert!(e.is_transient());
                    queue.failed(&key, now);
                }
            }
        }
    };
    round(&mut queue, now);
    assert_eq!(queue.len(), 4, "nothing lost while the TSA is down");
    now += chrono::Duration::seconds(10);
    round(&mut queue, now);
    assert_eq!(queue.len(), 4);
    up.store(true, Ordering::SeqCst);
    now += chrono::Duration::seconds(10);
    queue.wake_all(now);
    round(&mut queue, now);
    assert!(queue.is_empty());
    assert_eq!(stored.len(), 4);
    for (key, token) in &stored {
        verify_token(&token.der, &sha(&pieces[*key])).unwrap();
    }
}

/// Not an assertion: the time one request takes against the local TSA (median of 20).
/// `cargo test -p carnet-proof --release --test tsa -- timing --nocapture`
#[test]
fn timing_median_of_20_requests() {
    let tsa = Arc::new(Tsa::new());
    let url = good(&tsa);
    let mut times: Vec<Duration> = (0..20)
        .map(|i| {
            let digest = sha(format!("piece {i}").as_bytes());
            let start = Instant::now();
            request_timestamp(&url, &digest, TIMEOUT).unwrap();
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "timestamp request against the local TSA (openssl ts -reply): median {:?}, min {:?}, max {:?}",
        times[10], times[0], times[19]
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    /// One good token for the properties (the TSA's tempdir lives as long as the process).
    fn token() -> &'static (Vec<u8>, Vec<u8>) {
        static TOKEN: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
        TOKEN.get_or_init(|| {
            let tsa = Box::leak(Box::new(Arc::new(Tsa::new())));
            let url = good(tsa);
            let piece = b"the piece the token covers".to_vec();
            let token = request_timestamp(&url, &sha(&piece), TIMEOUT).unwrap();
            (piece, token.der)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// A token is never accepted for bytes that differ from the piece it covers.
        #[test]
        fn token_never_verifies_for_other_bytes(flip in any::<prop::sample::Index>(), bit in 0u8..8) {
            let (piece, der) = token();
            prop_assert!(verify_token(der, &sha(piece)).is_ok());
            let mut other = piece.clone();
            let i = flip.index(other.len());
            other[i] ^= 1 << bit;
            prop_assert_eq!(verify_token(der, &sha(&other)), Err(ProofError::ImprintMismatch));
        }

        /// Arbitrary bytes are refused with a code, never a panic.
        #[test]
        fn arbitrary_bytes_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            prop_assert!(verify_token(&bytes, &[0u8; 32]).is_err());
        }

        /// A token cut short is refused.
        #[test]
        fn truncated_token_is_refused(cut in any::<prop::sample::Index>()) {
            let (piece, der) = token();
            let n = cut.index(der.len());
            prop_assert!(verify_token(&der[..n], &sha(piece)).is_err());
        }
    }
}

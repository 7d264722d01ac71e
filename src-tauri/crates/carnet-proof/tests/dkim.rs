//! DKIM and ARC checks on messages the test signs with its own keys, key records answered by a
//! table (no network).

use base64::Engine;
use carnet_proof::ProofError;
use carnet_proof::dkim::{StaticResolver, Verdict, verify_email};
use chrono::{DateTime, Utc};
use mail_auth::common::crypto::Ed25519Key;
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::DkimSigner;
use mail_auth::hickory_resolver::config::{ResolverConfig, ResolverOpts};
use mail_auth::{ArcOutput, AuthenticatedMessage, AuthenticationResults, MessageAuthenticator};
use proptest::prelude::*;

const MESSAGE: &str = "From: Service client <service@shop.example>\r\n\
To: client@home.example\r\n\
Subject: Votre remboursement\r\n\
Date: Thu, 3 Dec 2026 14:02:11 +0000\r\n\
Message-ID: <r1@shop.example>\r\n\
\r\n\
Bonjour,\r\n\
Votre remboursement de 42,00 EUR est refuse.\r\n";

struct Key {
    pkcs8: Vec<u8>,
    record: String,
}

fn key() -> Key {
    let pkcs8 = Ed25519Key::generate_pkcs8().unwrap();
    let public = Ed25519Key::from_pkcs8_der(&pkcs8).unwrap().public_key();
    let record = format!(
        "v=DKIM1; k=ed25519; p={}",
        base64::engine::general_purpose::STANDARD.encode(public)
    );
    Key { pkcs8, record }
}

fn sign(message: &[u8], key: &Key, domain: &str, selector: &str) -> Vec<u8> {
    let signature = DkimSigner::from_key(Ed25519Key::from_pkcs8_der(&key.pkcs8).unwrap())
        .domain(domain)
        .selector(selector)
        .headers(["From", "To", "Subject", "Date", "Message-ID"])
        .sign(message)
        .unwrap();
    let mut out = signature.to_header().into_bytes();
    out.extend_from_slice(message);
    out
}

fn now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

#[test]
fn signed_message_is_valid_and_aligned() {
    let k = key();
    let raw = sign(MESSAGE.as_bytes(), &k, "shop.example", "s1");
    let mut dns = StaticResolver::new();
    dns.insert("s1._domainkey.shop.example", &k.record);
    let at = now();
    let v = verify_email(&raw, &dns, at).unwrap();
    assert_eq!(v.verdict, Verdict::Valid);
    assert_eq!(v.from_domain.as_deref(), Some("shop.example"));
    let s = &v.dkim[0];
    assert_eq!(
        (s.domain.as_str(), s.selector.as_str()),
        ("shop.example", "s1")
    );
    assert!(s.aligned);
    assert!(v.aligned_valid());
    assert_eq!(s.key_record.as_deref(), Some(k.record.as_str()));
    assert_eq!(s.key_fetched_at, at);
    assert!(v.applies_to(&raw));
    assert_eq!(v.arc, None);
}

#[test]
fn one_changed_body_byte_breaks_the_signature() {
    let k = key();
    let mut raw = sign(MESSAGE.as_bytes(), &k, "shop.example", "s1");
    let at = raw.len() - 10;
    raw[at] ^= 0x01;
    let mut dns = StaticResolver::new();
    dns.insert("s1._domainkey.shop.example", &k.record);
    let v = verify_email(&raw, &dns, now()).unwrap();
    assert_eq!(v.verdict, Verdict::SignatureBroken);
    assert_eq!(v.dkim[0].verdict, Verdict::SignatureBroken);
}

#[test]
fn changed_signed_header_breaks_the_signature() {
    let k = key();
    let raw = sign(MESSAGE.as_bytes(), &k, "shop.example", "s1");
    let text = String::from_utf8(raw).unwrap().replace("refuse", "accepte");
    let raw = text
        .replace("Subject: Votre", "Subject: Notre")
        .into_bytes();
    let mut dns = StaticResolver::new();
    dns.insert("s1._domainkey.shop.example", &k.record);
    assert_eq!(
        verify_email(&raw, &dns, now()).unwrap().verdict,
        Verdict::SignatureBroken
    );
}

#[test]
fn signature_by_another_domain_is_flagged_not_aligned() {
    let k = key();
    let raw = sign(MESSAGE.as_bytes(), &k, "mailer.example", "m1");
    let mut dns = StaticResolver::new();
    dns.insert("m1._domainkey.mailer.example", &k.record);
    let v = verify_email(&raw, &dns, now()).unwrap();
    assert_eq!(v.dkim[0].verdict, Verdict::Valid);
    assert!(!v.dkim[0].aligned);
    assert!(!v.aligned_valid());
}

#[test]
fn removed_key_is_key_no_longer_published() {
    let k = key();
    let raw = sign(MESSAGE.as_bytes(), &k, "shop.example", "old2019");
    let v = verify_email(&raw, &StaticResolver::new(), now()).unwrap();
    assert_eq!(v.verdict, Verdict::KeyNoLongerPublished);
    assert_eq!(v.dkim[0].key_record, None);
}

#[test]
fn revoked_key_is_key_no_longer_published() {
    let k = key();
    let raw = sign(MESSAGE.as_bytes(), &k, "shop.example", "s1");
    let mut dns = StaticResolver::new();
    dns.insert("s1._domainkey.shop.example", "v=DKIM1; k=ed25519; p=");
    assert_eq!(
        verify_email(&raw, &dns, now()).unwrap().verdict,
        Verdict::KeyNoLongerPublished
    );
}

#[test]
fn unsigned_message_has_no_signature() {
    let v = verify_email(MESSAGE.as_bytes(), &StaticResolver::new(), now()).unwrap();
    assert_eq!(v.verdict, Verdict::NoSignature);
    assert!(v.dkim.is_empty());
}

#[test]
fn unreadable_bytes_are_refused() {
    assert_eq!(
        verify_email(b"", &StaticResolver::new(), now()),
        Err(ProofError::MessageUnreadable)
    );
}

/// A list forwards the shop's message with a footer (the DKIM body hash breaks) and seals it
/// with ARC: the chain verifies with the forwarder's key.
#[test]
fn forwarded_message_with_an_arc_seal() {
    let shop = key();
    let list = key();
    let signed = sign(MESSAGE.as_bytes(), &shop, "shop.example", "s1");
    let mut forwarded = signed.clone();
    forwarded.extend_from_slice(b"--\r\nListe des clients\r\n");

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let message = AuthenticatedMessage::parse(&forwarded).unwrap();
    let no_dns = MessageAuthenticator::new(
        ResolverConfig::from_parts(None, vec![], vec![]),
        ResolverOpts::default(),
    )
    .unwrap();
    let arc: ArcOutput = runtime.block_on(no_dns.verify_arc(&message));
    let results = AuthenticationResults::new("mx.list.example")
        .with_arc_result(&arc, "127.0.0.1".parse().unwrap());
    let set = mail_auth::arc::ArcSealer::from_key(Ed25519Key::from_pkcs8_der(&list.pkcs8).unwrap())
        .domain("list.example")
        .selector("arc1")
        .headers(["From", "To", "Subject", "DKIM-Signature"])
        .seal(&message, &results, &arc)
        .unwrap();
    let mut sealed = set.to_header().into_bytes();
    sealed.extend_from_slice(&forwarded);

    let mut dns = StaticResolver::new();
    dns.insert("s1._domainkey.shop.example", &shop.record);
    dns.insert("arc1._domainkey.list.example", &list.record);
    let v = verify_email(&sealed, &dns, now()).unwrap();
    assert_eq!(v.dkim[0].verdict, Verdict::SignatureBroken);
    assert_eq!(v.arc, Some(Verdict::Valid));
    assert_eq!(v.arc_sets.len(), 1);
    assert_eq!(v.arc_sets[0].domain, "list.example");
    assert_eq!(
        v.arc_sets[0].key_record.as_deref(),
        Some(list.record.as_str())
    );

    // Without the forwarder's key the chain cannot be checked.
    let mut dns = StaticResolver::new();
    dns.insert("s1._domainkey.shop.example", &shop.record);
    let v = verify_email(&sealed, &dns, now()).unwrap();
    assert_ne!(v.arc, Some(Verdict::Valid));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// A result computed from some bytes is never attached to bytes that differ.
    #[test]
    fn result_never_attaches_to_other_bytes(body in "[a-zA-Z0-9 ]{0,200}", flip in any::<prop::sample::Index>(), bit in 0u8..8) {
        let k = key();
        let message = format!("{MESSAGE}{body}\r\n");
        let raw = sign(message.as_bytes(), &k, "shop.example", "s1");
        let mut dns = StaticResolver::new();
        dns.insert("s1._domainkey.shop.example", &k.record);
        let v = verify_email(&raw, &dns, now()).unwrap();
        prop_assert!(v.clone().attach_to(&raw).is_ok());
        let mut other = raw.clone();
        let i = flip.index(other.len());
        other[i] ^= 1 << bit;
        prop_assert!(!v.applies_to(&other));
        prop_assert_eq!(v.attach_to(&other), Err(ProofError::ImprintMismatch));
    }
}

#[test]
fn relaxed_alignment() {
    use carnet_proof::dkim::aligned;
    assert!(aligned("amazon.fr", "amazon.fr"));
    assert!(aligned("amazon.fr", "marketplace.amazon.fr"));
    assert!(aligned("mail.amazon.fr", "amazon.fr"));
    assert!(aligned("Amazon.FR.", "amazon.fr"));
    assert!(!aligned("amazonses.com", "amazon.fr"));
    assert!(!aligned("evilamazon.fr", "amazon.fr"));
}

/// The key records saved beside a fixture (`name record` per line).
fn records(text: &str) -> StaticResolver {
    let mut dns = StaticResolver::new();
    for line in text.lines() {
        let (name, record) = line.split_once(' ').expect("name record");
        dns.insert(name, record);
    }
    dns
}

/// A message this project did not sign: RFC 8463's Appendix A example (both an Ed25519 and an
/// RSA signature by football.example.com), with the key records the RFC publishes (A.2).
#[test]
fn the_rfc_8463_example_verifies_with_both_of_its_keys() {
    let raw = include_bytes!("../../../../tests/fixtures/dkim/rfc8463.eml");
    let dns = records(include_str!("../../../../tests/fixtures/dkim/rfc8463.dns"));
    let v = verify_email(raw, &dns, now()).unwrap();
    assert_eq!(v.verdict, Verdict::Valid);
    assert_eq!(v.dkim.len(), 2);
    for s in &v.dkim {
        assert_eq!(s.verdict, Verdict::Valid, "{s:?}");
        assert_eq!(s.domain, "football.example.com");
        assert!(s.aligned);
        assert!(s.key_record.is_some());
    }
    let selectors: Vec<&str> = v.dkim.iter().map(|s| s.selector.as_str()).collect();
    assert!(selectors.contains(&"brisbane") && selectors.contains(&"test"));

    // "lost" → "Lost": both signatures break.
    let text = String::from_utf8(raw.to_vec())
        .unwrap()
        .replace("We lost", "We Lost");
    let v = verify_email(text.as_bytes(), &dns, now()).unwrap();
    assert_eq!(v.verdict, Verdict::SignatureBroken);
    // The domain took its keys down since: not forged, just no longer checkable.
    let v = verify_email(raw, &StaticResolver::new(), now()).unwrap();
    assert_eq!(v.verdict, Verdict::KeyNoLongerPublished);
}

//! DKIM (RFC 6376) and ARC (RFC 8617) verification of an imported e-mail's original bytes,
//! through `mail-auth`.
//!
//! The key records are fetched first through a [`TxtResolver`] (the system's DNS in the app, a
//! table in tests), kept with the time they were fetched, then handed to `mail-auth` as a
//! pre-filled cache: `mail-auth` itself is given a resolver without any name server, so it can
//! never reach the network on its own.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use mail_auth::common::parse::TxtRecordParser;
use mail_auth::common::verify::DomainKey;
use mail_auth::hickory_resolver::config::{ResolverConfig, ResolverOpts};
use mail_auth::hickory_resolver::proto::op::ResponseCode;
use mail_auth::{
    AuthenticatedMessage, DkimResult, DnsError, Error as MailAuthError, MessageAuthenticator,
    Parameters, ResolverCache, Txt,
};
use sha2_010::{Digest, Sha256};

use crate::ProofError;

/// The verdict on one signature, or on the whole message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The signature verifies against the key the domain publishes.
    Valid,
    /// The signature does not match the message (it was changed after signing).
    SignatureBroken,
    /// The domain no longer publishes the key: the signature could not be checked, the e-mail
    /// is not shown as forged.
    KeyNoLongerPublished,
    /// The message carries no signature.
    NoSignature,
    /// Not checked yet (no network, DNS failure): to be retried.
    NotChecked,
}

/// One DKIM signature or ARC set and what came of it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignatureCheck {
    /// The verdict on this signature.
    pub verdict: Verdict,
    /// The signing domain (`d=`).
    pub domain: String,
    /// The selector (`s=`).
    pub selector: String,
    /// Whether `d=` aligns (relaxed) with the `From:` domain.
    pub aligned: bool,
    /// The key record as fetched (`v=DKIM1; k=…; p=…`), if one was published.
    pub key_record: Option<String>,
    /// When the key record was looked up.
    pub key_fetched_at: DateTime<Utc>,
}

/// The result of checking one e-mail, bound to the exact bytes it was computed from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EmailVerification {
    /// SHA-256 of the original bytes checked.
    pub sha256: [u8; 32],
    /// When the check ran.
    pub checked_at: DateTime<Utc>,
    /// The domain of the `From:` address, lower case.
    pub from_domain: Option<String>,
    /// The overall verdict: the best of the DKIM signatures (aligned ones first).
    pub verdict: Verdict,
    /// Each DKIM-Signature, in header order.
    pub dkim: Vec<SignatureCheck>,
    /// The ARC chain's verdict, when the message was forwarded with ARC seals.
    pub arc: Option<Verdict>,
    /// The ARC seals (`ARC-Seal` d= and s=), outermost last.
    pub arc_sets: Vec<SignatureCheck>,
}

impl EmailVerification {
    /// Whether this result was computed from exactly these bytes.
    pub fn applies_to(&self, bytes: &[u8]) -> bool {
        Sha256::digest(bytes).as_slice() == self.sha256
    }

    /// Returns the result only if it belongs to these bytes (never attached to other bytes).
    pub fn attach_to(self, bytes: &[u8]) -> Result<Self, ProofError> {
        if self.applies_to(bytes) {
            Ok(self)
        } else {
            Err(ProofError::ImprintMismatch)
        }
    }

    /// Whether an aligned DKIM signature is valid.
    pub fn aligned_valid(&self) -> bool {
        self.dkim
            .iter()
            .any(|s| s.aligned && s.verdict == Verdict::Valid)
    }
}

/// What a TXT look-up gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TxtAnswer {
    /// The record (the strings of one TXT record, joined).
    Record(Vec<u8>),
    /// The name does not exist or has no TXT record (NXDOMAIN / NODATA).
    NotFound,
    /// The look-up could not be made (offline, timeout, SERVFAIL).
    Unavailable,
}

/// Where the key records come from; replaced by a table in tests.
pub trait TxtResolver {
    /// Looks up the TXT record at `name` (e.g. `sel._domainkey.example.com`).
    fn txt(&self, name: &str) -> TxtAnswer;
}

/// A resolver answering from a table (tests, fixtures with their saved key records).
#[derive(Clone, Debug, Default)]
pub struct StaticResolver {
    records: HashMap<String, Vec<u8>>,
}

impl StaticResolver {
    /// An empty table: every name is "not found".
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the record published at `name`.
    pub fn insert(&mut self, name: &str, record: &str) {
        self.records.insert(fqdn(name), record.as_bytes().to_vec());
    }
}

impl TxtResolver for StaticResolver {
    fn txt(&self, name: &str) -> TxtAnswer {
        match self.records.get(&fqdn(name)) {
            Some(r) => TxtAnswer::Record(r.clone()),
            None => TxtAnswer::NotFound,
        }
    }
}

/// The system's DNS (its resolv.conf), through hickory (what `mail-auth` uses).
pub struct SystemResolver {
    authenticator: MessageAuthenticator,
    runtime: tokio::runtime::Runtime,
}

impl SystemResolver {
    /// Reads the system's DNS configuration.
    pub fn new() -> Result<Self, ProofError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|_| ProofError::Internal)?;
        let authenticator = {
            let _guard = runtime.enter();
            MessageAuthenticator::new_system_conf().map_err(|_| ProofError::Network)?
        };
        Ok(SystemResolver {
            authenticator,
            runtime,
        })
    }
}

impl TxtResolver for SystemResolver {
    fn txt(&self, name: &str) -> TxtAnswer {
        match self
            .runtime
            .block_on(self.authenticator.txt_raw_lookup(name))
        {
            Ok(record) if record.is_empty() => TxtAnswer::NotFound,
            Ok(record) => TxtAnswer::Record(record),
            Err(MailAuthError::Dns(DnsError::RecordNotFound(_))) => TxtAnswer::NotFound,
            Err(_) => TxtAnswer::Unavailable,
        }
    }
}

fn fqdn(name: &str) -> String {
    let mut s = name.to_ascii_lowercase();
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

/// The pre-filled TXT cache handed to `mail-auth`.
struct PrefilledCache(Mutex<HashMap<Box<str>, Txt>>);

impl ResolverCache<Box<str>, Txt> for PrefilledCache {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.lock().ok()?.get(name).cloned()
    }

    fn remove<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.lock().ok()?.remove(name)
    }

    fn insert(&self, key: Box<str>, value: Txt, _valid_until: std::time::Instant) {
        if let Ok(mut map) = self.0.lock() {
            map.insert(key, value);
        }
    }
}

/// Relaxed alignment (RFC 7489, 3.1.1, without the public suffix list): the same domain, or
/// one a sub-domain of the other.
pub fn aligned(d: &str, from_domain: &str) -> bool {
    let d = d.trim_end_matches('.').to_ascii_lowercase();
    let f = from_domain.trim_end_matches('.').to_ascii_lowercase();
    d == f || f.ends_with(&format!(".{d}")) || d.ends_with(&format!(".{f}"))
}

struct Fetched {
    record: Option<String>,
    unavailable: bool,
}

/// Checks the DKIM signatures and the ARC chain of an e-mail's original bytes.
///
/// `now` is the time recorded as the check's and the look-ups' time. Blocking (a small
/// current-thread runtime runs `mail-auth`); call it off the UI thread.
pub fn verify_email(
    raw: &[u8],
    resolver: &dyn TxtResolver,
    now: DateTime<Utc>,
) -> Result<EmailVerification, ProofError> {
    let sha256: [u8; 32] = Sha256::digest(raw).into();
    let message = AuthenticatedMessage::parse(raw).ok_or(ProofError::MessageUnreadable)?;
    let from_domain = message
        .from
        .first()
        .and_then(|a| a.rsplit_once('@'))
        .map(|(_, d)| d.trim_end_matches('>').to_ascii_lowercase());

    // 1. Fetch every key the message names, through our resolver.
    let mut names: Vec<String> = Vec::new();
    for h in &message.dkim_headers {
        names.push(fqdn(&format!("{}._domainkey.{}", h.header.s, h.header.d)));
    }
    for h in &message.ams_headers {
        names.push(fqdn(&format!("{}._domainkey.{}", h.header.s, h.header.d)));
    }
    for h in &message.as_headers {
        names.push(fqdn(&format!("{}._domainkey.{}", h.header.s, h.header.d)));
    }
    names.dedup();
    let cache = PrefilledCache(Mutex::new(HashMap::new()));
    let mut fetched: HashMap<String, Fetched> = HashMap::new();
    for name in names {
        if fetched.contains_key(&name) {
            continue;
        }
        let answer = resolver.txt(&name);
        let (txt, entry) = match answer {
            TxtAnswer::Record(bytes) => (
                Txt::from(DomainKey::parse(&bytes)),
                Fetched {
                    record: Some(String::from_utf8_lossy(&bytes).into_owned()),
                    unavailable: false,
                },
            ),
            TxtAnswer::NotFound => (
                Txt::Error(MailAuthError::Dns(DnsError::RecordNotFound(
                    ResponseCode::NXDomain,
                ))),
                Fetched {
                    record: None,
                    unavailable: false,
                },
            ),
            TxtAnswer::Unavailable => (
                Txt::Error(MailAuthError::Dns(DnsError::Resolver("unavailable".into()))),
                Fetched {
                    record: None,
                    unavailable: true,
                },
            ),
        };
        if let Ok(mut map) = cache.0.lock() {
            map.insert(name.clone().into_boxed_str(), txt);
        }
        fetched.insert(name, entry);
    }

    // 2. Let mail-auth check, with a resolver that has no name server.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|_| ProofError::Internal)?;
    let (dkim_out, arc_out) = runtime.block_on(async {
        let authenticator = MessageAuthenticator::new(
            ResolverConfig::from_parts(None, vec![], vec![]),
            ResolverOpts::default(),
        )
        .map_err(|_| ProofError::Internal)?;
        let dkim = authenticator
            .verify_dkim(Parameters::new(&message).with_txt_cache(&cache))
            .await;
        let arc = if message.as_headers.is_empty() {
            None
        } else {
            let out = authenticator
                .verify_arc(Parameters::new(&message).with_txt_cache(&cache))
                .await;
            let sets: Vec<(String, String)> = out
                .sets()
                .iter()
                .map(|s| (s.seal.header.d.clone(), s.seal.header.s.clone()))
                .collect();
            Some((out.result().clone(), sets))
        };
        Ok::<_, ProofError>((
            dkim.into_iter()
                .map(|o| {
                    (
                        o.result().clone(),
                        o.signature().map(|s| (s.d.clone(), s.s.clone())),
                    )
                })
                .collect::<Vec<_>>(),
            arc,
        ))
    })?;

    let check = |result: &DkimResult, d: &str, s: &str| {
        let name = fqdn(&format!("{s}._domainkey.{d}"));
        let entry = fetched.get(&name);
        SignatureCheck {
            verdict: classify(result, entry.is_some_and(|e| e.unavailable)),
            domain: d.to_ascii_lowercase(),
            selector: s.to_string(),
            aligned: from_domain.as_deref().is_some_and(|f| aligned(d, f)),
            key_record: entry.and_then(|e| e.record.clone()),
            key_fetched_at: now,
        }
    };
    let dkim: Vec<SignatureCheck> = dkim_out
        .iter()
        .map(|(result, sig)| match sig {
            Some((d, s)) => check(result, d, s),
            None => SignatureCheck {
                verdict: classify(result, false),
                domain: String::new(),
                selector: String::new(),
                aligned: false,
                key_record: None,
                key_fetched_at: now,
            },
        })
        .collect();
    let (arc, arc_sets) = match arc_out {
        None => (None, Vec::new()),
        Some((result, sets)) => {
            let verdict = classify(&result, false);
            let sets = sets
                .iter()
                .map(|(d, s)| {
                    let mut c = check(&DkimResult::Pass, d, s);
                    c.verdict = verdict;
                    c
                })
                .collect();
            (Some(verdict), sets)
        }
    };
    let verdict = overall(&dkim);
    Ok(EmailVerification {
        sha256,
        checked_at: now,
        from_domain,
        verdict,
        dkim,
        arc,
        arc_sets,
    })
}

/// The best verdict: valid, then not checked, key no longer published, broken.
fn overall(checks: &[SignatureCheck]) -> Verdict {
    let rank = |v: Verdict| match v {
        Verdict::Valid => 0,
        Verdict::NotChecked => 1,
        Verdict::KeyNoLongerPublished => 2,
        Verdict::SignatureBroken => 3,
        Verdict::NoSignature => 4,
    };
    checks
        .iter()
        .map(|c| c.verdict)
        .min_by_key(|v| rank(*v))
        .unwrap_or(Verdict::NoSignature)
}

fn classify(result: &DkimResult, unavailable: bool) -> Verdict {
    use mail_auth::dkim::DkimError;
    match result {
        DkimResult::Pass => Verdict::Valid,
        DkimResult::None => Verdict::NoSignature,
        DkimResult::TempError(_) => Verdict::NotChecked,
        _ if unavailable => Verdict::NotChecked,
        DkimResult::PermError(MailAuthError::Dns(_))
        | DkimResult::Fail(MailAuthError::Dns(_))
        | DkimResult::Neutral(MailAuthError::Dns(_))
        | DkimResult::PermError(MailAuthError::Dkim(DkimError::RevokedPublicKey))
        | DkimResult::Fail(MailAuthError::Dkim(DkimError::RevokedPublicKey)) => {
            Verdict::KeyNoLongerPublished
        }
        _ => Verdict::SignatureBroken,
    }
}

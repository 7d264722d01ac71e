//! Carnet's proofs of the evidence: RFC 3161 timestamps and DKIM/ARC checks of e-mails, and
//! the queue that retries them while the network is away.
//!
//! No Tauri, no SQL, no knowledge of the vault: the store keeps what this crate returns, the
//! shell drives the network and the queue, the UI shows the verdicts.
//!
//! # Timestamps (RFC 3161)
//! - [`tsp::request_timestamp`]`(url, &sha256, timeout) -> Result<`[`Token`]`, `[`ProofError`]`>`:
//!   builds a TimeStampReq (SHA-256, random nonce, certReq) and POSTs it
//!   (`application/timestamp-query`, blocking, http:// or https:// through the system's
//!   OpenSSL), then verifies the answer: status granted, imprint = our digest, nonce = ours,
//!   the CMS signature against the signer certificate carried in the token, that
//!   certificate's critical timeStamping extended key use and its validity at genTime. Only
//!   the digest leaves the machine. Call it off the UI thread.
//! - [`tsp::Request`] splits that in two ([`tsp::Request::new`], send `der` yourself,
//!   [`tsp::Request::accept`]) for callers with their own HTTP.
//! - [`Token::der`] is the full TimeStampResp DER: store it as is and export it as `P3.jpg.tsr`;
//!   `openssl ts -verify -data P3.jpg -in P3.jpg.tsr -CAfile <root> -untrusted tsa.pem`
//!   accepts it. [`Token::chain_pem`] holds the certificates of the token (signer first): the
//!   bundle's `tsa/<name>.pem`. When the token carries the certificate that issued the
//!   signer's, the signer's certificate must verify under it; no trust anchor is taken from the
//!   token and there is no trust store here (the root is the TSA's published one, for
//!   `openssl ts -verify -CAfile`).
//! - Known limit: TSTInfo's genTime is read with `der` 0.7's GeneralizedTime, which refuses
//!   fractional seconds (allowed by RFC 3161); a TSA sending them gets
//!   [`ProofError::BadResponse`]. Check each shipped TSA before turning it on.
//! - [`tsp::verify_token`]`(der, &sha256) -> Result<`[`TokenInfo`]`, _>` re-checks a stored token
//!   against the bytes it should cover (e.g. before the piece view says "Horodaté le …").
//! - [`tsa_list`] is the shipped choice of public TSAs (`data/tsa.toml`), with their eIDAS
//!   status where known.
//!
//! # The retry queue
//! [`queue::RetryQueue`] is a pure model: `push(key, now)`, `due(now)`, `failed(&key, now)`
//! (exponential back-off from 30 s up to 6 h), `succeeded(&key)`, `wake_all(now)` when the
//! network returns, `len()` for "N waiting". The shell persists [`queue::Pending`] entries.
//!
//! # DKIM and ARC
//! [`dkim::verify_email`]`(raw, &resolver, now) -> Result<`[`dkim::EmailVerification`]`, _>`
//! checks the original bytes of an `.eml`. Key records come from a [`dkim::TxtResolver`]:
//! [`dkim::SystemResolver`] in the app, [`dkim::StaticResolver`] in tests and for fixtures. The
//! result carries the SHA-256 of the bytes it was computed from
//! ([`dkim::EmailVerification::applies_to`], [`dkim::EmailVerification::attach_to`]), the
//! verdict ([`dkim::Verdict`]: valid, signature broken, key no longer published, no
//! signature, not checked yet), `d=`, the selector, the alignment with `From:`, the key record
//! and when it was fetched. Timestamp the serialized result (serde) to keep the proof that the
//! key was published.
//!
//! # Errors
//! One [`ProofError`] with a closed list of codes ([`ProofError::code`]) and French and English
//! messages; none carries a path, a URL, a secret or message text.

#![deny(missing_docs)]

pub mod dkim;
pub mod queue;
#[cfg(feature = "testing")]
pub mod testing;
pub mod tsp;

pub use tsp::{Token, TokenInfo};

/// Everything that can go wrong in this crate; a closed list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    /// The TSA (or DNS) could not be reached.
    #[error("proof.network")]
    Network,
    /// The TSA did not answer in time.
    #[error("proof.timeout")]
    Timeout,
    /// The TSA answered with an HTTP status other than 200.
    #[error("proof.http_status")]
    HttpStatus(u16),
    /// The answer is not a TimeStampResp (garbage, truncated, wrong content).
    #[error("proof.bad_response")]
    BadResponse,
    /// The TSA refused to timestamp (status not granted).
    #[error("proof.rejected")]
    Rejected,
    /// The token is for another fingerprint than the piece's.
    #[error("proof.imprint_mismatch")]
    ImprintMismatch,
    /// The token does not repeat our nonce (a replayed or foreign answer).
    #[error("proof.nonce_mismatch")]
    NonceMismatch,
    /// The token's signature does not verify against its signer's certificate.
    #[error("proof.signature_invalid")]
    SignatureInvalid,
    /// The signer's certificate is not a TSA's (no critical timeStamping extended key use).
    #[error("proof.certificate_not_for_timestamping")]
    CertificateNotForTimestamping,
    /// The signer's certificate was not valid at the time the token states.
    #[error("proof.certificate_expired")]
    CertificateExpired,
    /// A hash, key or signature algorithm this crate does not check.
    #[error("proof.unsupported_algorithm")]
    UnsupportedAlgorithm,
    /// The e-mail could not be read as a message.
    #[error("proof.message_unreadable")]
    MessageUnreadable,
    /// The shipped TSA list is broken (a build error).
    #[error("proof.tsa_list")]
    TsaList,
    /// An internal failure (random source, runtime).
    #[error("proof.internal")]
    Internal,
}

impl ProofError {
    /// The stable code (`proof.…`), for logs and the UI's message table.
    pub fn code(&self) -> &'static str {
        match self {
            ProofError::Network => "proof.network",
            ProofError::Timeout => "proof.timeout",
            ProofError::HttpStatus(_) => "proof.http_status",
            ProofError::BadResponse => "proof.bad_response",
            ProofError::Rejected => "proof.rejected",
            ProofError::ImprintMismatch => "proof.imprint_mismatch",
            ProofError::NonceMismatch => "proof.nonce_mismatch",
            ProofError::SignatureInvalid => "proof.signature_invalid",
            ProofError::CertificateNotForTimestamping => "proof.certificate_not_for_timestamping",
            ProofError::CertificateExpired => "proof.certificate_expired",
            ProofError::UnsupportedAlgorithm => "proof.unsupported_algorithm",
            ProofError::MessageUnreadable => "proof.message_unreadable",
            ProofError::TsaList => "proof.tsa_list",
            ProofError::Internal => "proof.internal",
        }
    }

    /// Whether trying again later may succeed (the request stays in the queue).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ProofError::Network
                | ProofError::Timeout
                | ProofError::HttpStatus(_)
                | ProofError::BadResponse
                | ProofError::Rejected
        )
    }

    /// The message shown to the owner, French.
    pub fn message_fr(&self) -> &'static str {
        match self {
            ProofError::Network => "Autorité d'horodatage injoignable (hors ligne ?)",
            ProofError::Timeout => "L'autorité d'horodatage n'a pas répondu à temps",
            ProofError::HttpStatus(_) => "L'autorité d'horodatage a répondu par une erreur",
            ProofError::BadResponse => "Réponse illisible de l'autorité d'horodatage",
            ProofError::Rejected => "L'autorité d'horodatage a refusé la demande",
            ProofError::ImprintMismatch => "Le jeton porte l'empreinte d'un autre fichier",
            ProofError::NonceMismatch => "Le jeton ne répond pas à notre demande (nonce différent)",
            ProofError::SignatureInvalid => "La signature du jeton ne se vérifie pas",
            ProofError::CertificateNotForTimestamping => {
                "Le certificat du jeton n'est pas celui d'une autorité d'horodatage"
            }
            ProofError::CertificateExpired => {
                "Le certificat du jeton n'était pas valide à la date indiquée"
            }
            ProofError::UnsupportedAlgorithm => "Algorithme non pris en charge",
            ProofError::MessageUnreadable => "L'e-mail n'a pas pu être lu",
            ProofError::TsaList => "Liste des autorités d'horodatage illisible",
            ProofError::Internal => "Erreur interne",
        }
    }

    /// The message shown to the owner, English.
    pub fn message_en(&self) -> &'static str {
        match self {
            ProofError::Network => "Time-stamping authority unreachable (offline?)",
            ProofError::Timeout => "The time-stamping authority did not answer in time",
            ProofError::HttpStatus(_) => "The time-stamping authority answered with an error",
            ProofError::BadResponse => "Unreadable answer from the time-stamping authority",
            ProofError::Rejected => "The time-stamping authority refused the request",
            ProofError::ImprintMismatch => "The token carries the fingerprint of another file",
            ProofError::NonceMismatch => "The token does not answer our request (other nonce)",
            ProofError::SignatureInvalid => "The token's signature does not verify",
            ProofError::CertificateNotForTimestamping => {
                "The token's certificate is not a time-stamping authority's"
            }
            ProofError::CertificateExpired => {
                "The token's certificate was not valid at the time it states"
            }
            ProofError::UnsupportedAlgorithm => "Unsupported algorithm",
            ProofError::MessageUnreadable => "The e-mail could not be read",
            ProofError::TsaList => "Unreadable list of time-stamping authorities",
            ProofError::Internal => "Internal error",
        }
    }
}

/// The eIDAS status of a TSA.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualification {
    /// On the EU Trusted List as a qualified time-stamping service (eIDAS art. 42).
    Yes,
    /// Known not to be qualified.
    No,
    /// Not checked against the EU Trusted List.
    Unknown,
}

/// One public TSA Carnet offers.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct TsaEntry {
    /// The name shown in the settings and used for `tsa/<name>.pem`.
    pub name: String,
    /// The RFC 3161 endpoint (HTTP POST).
    pub url: String,
    /// Its eIDAS status.
    pub qualified: Qualification,
    /// Where that status and the URL come from.
    pub source: String,
}

#[derive(serde::Deserialize)]
struct TsaFile {
    tsa: Vec<TsaEntry>,
}

/// The shipped list of public TSAs (`data/tsa.toml`), in order of preference.
pub fn tsa_list() -> Result<Vec<TsaEntry>, ProofError> {
    let file: TsaFile =
        toml::from_str(include_str!("../data/tsa.toml")).map_err(|_| ProofError::TsaList)?;
    Ok(file.tsa)
}

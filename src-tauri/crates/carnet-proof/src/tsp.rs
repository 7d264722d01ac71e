//! RFC 3161 client: the request, the HTTP exchange and the verification of the answer.

use std::io::Read;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use cmpv2::status::PkiStatus;
use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use der::asn1::{Int, OctetString};
use der::oid::ObjectIdentifier;
use der::oid::db::rfc5912;
use der::{Any, Decode, Encode, EncodePem};
use sha2_010::Digest;
use spki::AlgorithmIdentifier;
use x509_cert::Certificate;
use x509_cert::ext::pkix::ExtendedKeyUsage;
use x509_tsp::{MessageImprint, TimeStampReq, TimeStampResp, TspVersion, TstInfo};

use crate::ProofError;

/// id-kp-timeStamping (RFC 5280, 4.2.1.12).
const ID_KP_TIME_STAMPING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.8");
/// id-ce-extKeyUsage.
const ID_CE_EXT_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37");
/// id-ct-TSTInfo (RFC 3161).
const ID_CT_TST_INFO: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");
/// id-signedData (RFC 5652).
const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
/// The content-type and message-digest signed attributes (RFC 5652, 11.1 and 11.2).
const ID_CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const ID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");

/// The largest answer read from a TSA (a token is a few kilobytes).
const MAX_RESPONSE: u64 = 1 << 20;

/// A verified RFC 3161 timestamp, as it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The full TimeStampResp DER, what `openssl ts -verify -in FILE.tsr` reads.
    pub der: Vec<u8>,
    /// The TSA as its signing certificate names it (RFC 4514 subject).
    pub tsa_name: String,
    /// The time the TSA states (TSTInfo genTime), UTC.
    pub gen_time: DateTime<Utc>,
    /// The certificates carried in the token, PEM, signer first.
    pub chain_pem: String,
}

/// What a stored token states, once re-verified by [`verify_token`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenInfo {
    /// The TSA as its signing certificate names it (RFC 4514 subject).
    pub tsa_name: String,
    /// The time the TSA states (TSTInfo genTime), UTC.
    pub gen_time: DateTime<Utc>,
    /// The certificates carried in the token, PEM, signer first.
    pub chain_pem: String,
    /// The token's serial number, hexadecimal.
    pub serial_hex: String,
    /// The TSA policy the token was issued under (dotted OID).
    pub policy: String,
}

/// A TimeStampReq ready to be sent, with the nonce its answer must repeat.
#[derive(Clone, Debug)]
pub struct Request {
    /// The request DER (`application/timestamp-query`).
    pub der: Vec<u8>,
    /// The SHA-256 digest being timestamped.
    pub digest: [u8; 32],
    nonce: Int,
}

impl Request {
    /// Builds a request for a SHA-256 digest, with a random 64-bit nonce and certReq = true.
    pub fn new(digest: &[u8; 32]) -> Result<Self, ProofError> {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).map_err(|_| ProofError::Internal)?;
        // A positive INTEGER in minimal form: top bit clear, first byte non-zero.
        bytes[0] = (bytes[0] & 0x7f) | 0x01;
        Self::with_nonce(digest, &bytes)
    }

    /// Builds a request with the given nonce (big-endian, positive, minimal); for tests.
    pub fn with_nonce(digest: &[u8; 32], nonce: &[u8]) -> Result<Self, ProofError> {
        let nonce = Int::new(nonce).map_err(|_| ProofError::Internal)?;
        let req = TimeStampReq {
            version: TspVersion::V1,
            message_imprint: imprint(digest)?,
            req_policy: None,
            nonce: Some(nonce.clone()),
            cert_req: true,
            extensions: None,
        };
        let der = req.to_der().map_err(|_| ProofError::Internal)?;
        Ok(Request {
            der,
            digest: *digest,
            nonce,
        })
    }

    /// Checks a TimeStampResp against this request and returns the token to store.
    pub fn accept(&self, response_der: &[u8]) -> Result<Token, ProofError> {
        let checked = check_response(response_der, &self.digest)?;
        if checked.nonce.as_ref() != Some(&self.nonce) {
            return Err(ProofError::NonceMismatch);
        }
        Ok(Token {
            der: response_der.to_vec(),
            tsa_name: checked.info.tsa_name,
            gen_time: checked.info.gen_time,
            chain_pem: checked.info.chain_pem,
        })
    }
}

fn imprint(digest: &[u8; 32]) -> Result<MessageImprint, ProofError> {
    Ok(MessageImprint {
        hash_algorithm: AlgorithmIdentifier {
            oid: rfc5912::ID_SHA_256,
            parameters: Some(Any::null()),
        },
        hashed_message: OctetString::new(digest.as_slice()).map_err(|_| ProofError::Internal)?,
    })
}

/// Asks a TSA (http:// or https:// URL) to timestamp a SHA-256 digest and verifies its answer.
///
/// Only the digest leaves the machine. Blocking; `timeout` bounds the whole exchange.
pub fn request_timestamp(
    url: &str,
    digest: &[u8; 32],
    timeout: Duration,
) -> Result<Token, ProofError> {
    let request = Request::new(digest)?;
    let body = post(url, &request.der, timeout)?;
    request.accept(&body)
}

/// POSTs a query and returns the body of a 200 answer.
fn post(url: &str, query: &[u8], timeout: Duration) -> Result<Vec<u8>, ProofError> {
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .tls_config(
            ureq::tls::TlsConfig::builder()
                .provider(ureq::tls::TlsProvider::NativeTls)
                .root_certs(ureq::tls::RootCerts::PlatformVerifier)
                .build(),
        )
        .build();
    let agent: ureq::Agent = config.into();
    let response = agent
        .post(url)
        .header("Content-Type", "application/timestamp-query")
        .header("Accept", "application/timestamp-reply")
        .send(query)
        .map_err(map_ureq)?;
    let status = response.status().as_u16();
    if status != 200 {
        return Err(ProofError::HttpStatus(status));
    }
    let mut body = Vec::new();
    response
        .into_body()
        .into_reader()
        .take(MAX_RESPONSE + 1)
        .read_to_end(&mut body)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::TimedOut {
                ProofError::Timeout
            } else {
                ProofError::Network
            }
        })?;
    if body.len() as u64 > MAX_RESPONSE {
        return Err(ProofError::BadResponse);
    }
    Ok(body)
}

fn map_ureq(error: ureq::Error) -> ProofError {
    match error {
        ureq::Error::Timeout(_) => ProofError::Timeout,
        ureq::Error::StatusCode(code) => ProofError::HttpStatus(code),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => ProofError::Timeout,
        _ => ProofError::Network,
    }
}

/// Re-verifies a stored token (TimeStampResp DER, or a bare TimeStampToken) against the
/// SHA-256 digest of the bytes it should cover.
pub fn verify_token(der: &[u8], digest: &[u8; 32]) -> Result<TokenInfo, ProofError> {
    Ok(check_response(der, digest)?.info)
}

struct Checked {
    info: TokenInfo,
    nonce: Option<Int>,
}

/// Decodes the token carried by `der` (a TimeStampResp, or a bare ContentInfo).
fn token_of(der: &[u8]) -> Result<ContentInfo, ProofError> {
    if let Ok(resp) = TimeStampResp::from_der(der) {
        if !matches!(
            resp.status.status,
            PkiStatus::Accepted | PkiStatus::GrantedWithMods
        ) {
            return Err(ProofError::Rejected);
        }
        return resp.time_stamp_token.ok_or(ProofError::BadResponse);
    }
    ContentInfo::from_der(der).map_err(|_| ProofError::BadResponse)
}

fn check_response(der: &[u8], digest: &[u8; 32]) -> Result<Checked, ProofError> {
    let token = token_of(der)?;
    if token.content_type != ID_SIGNED_DATA {
        return Err(ProofError::BadResponse);
    }
    let signed: SignedData = token
        .content
        .decode_as()
        .map_err(|_| ProofError::BadResponse)?;
    let encap = &signed.encap_content_info;
    if encap.econtent_type != ID_CT_TST_INFO {
        return Err(ProofError::BadResponse);
    }
    let tst_der = encap
        .econtent
        .as_ref()
        .ok_or(ProofError::BadResponse)?
        .decode_as::<OctetString>()
        .map_err(|_| ProofError::BadResponse)?;
    let tst = TstInfo::from_der(tst_der.as_bytes()).map_err(|_| ProofError::BadResponse)?;

    // 1. The token is for our digest.
    let mi = &tst.message_imprint;
    if mi.hash_algorithm.oid != rfc5912::ID_SHA_256 || mi.hashed_message.as_bytes() != digest {
        return Err(ProofError::ImprintMismatch);
    }

    // 2. The signature: one signer, its certificate in the token.
    let certs: Vec<Certificate> = signed
        .certificates
        .as_ref()
        .map(|set| {
            set.0
                .iter()
                .filter_map(|c| match c {
                    CertificateChoices::Certificate(cert) => Some(cert.clone()),
                    CertificateChoices::Other(_) => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let signer = signed
        .signer_infos
        .0
        .iter()
        .next()
        .ok_or(ProofError::BadResponse)?;
    let signer_cert = certs
        .iter()
        .find(|c| is_signer(c, signer))
        .ok_or(ProofError::SignatureInvalid)?;
    verify_signer(signer, signer_cert, tst_der.as_bytes())?;
    check_issuer(signer_cert, &certs)?;

    // 3. The certificate is a TSA's and was valid when the token was made.
    let gen_unix = tst.gen_time.to_unix_duration().as_secs();
    check_tsa_certificate(signer_cert, gen_unix)?;

    let gen_time = Utc
        .timestamp_opt(
            i64::try_from(gen_unix).map_err(|_| ProofError::BadResponse)?,
            0,
        )
        .single()
        .ok_or(ProofError::BadResponse)?;
    let mut ordered: Vec<&Certificate> = vec![signer_cert];
    ordered.extend(certs.iter().filter(|c| *c != signer_cert));
    let mut chain_pem = String::new();
    for cert in ordered {
        chain_pem.push_str(
            &cert
                .to_pem(der::pem::LineEnding::LF)
                .map_err(|_| ProofError::BadResponse)?,
        );
    }
    Ok(Checked {
        info: TokenInfo {
            tsa_name: display_name(&signer_cert.tbs_certificate.subject.to_string()),
            gen_time,
            chain_pem,
            serial_hex: hex::encode(tst.serial_number.as_bytes()),
            policy: tst.policy.to_string(),
        },
        nonce: tst.nonce,
    })
}

fn is_signer(cert: &Certificate, signer: &SignerInfo) -> bool {
    match &signer.sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => {
            ias.issuer == cert.tbs_certificate.issuer
                && ias.serial_number == cert.tbs_certificate.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => cert
            .tbs_certificate
            .get::<x509_cert::ext::pkix::SubjectKeyIdentifier>()
            .ok()
            .flatten()
            .is_some_and(|(_, own)| own == *ski),
    }
}

/// The digest algorithms a signer may use.
enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn from_oid(oid: &ObjectIdentifier) -> Result<Self, ProofError> {
        match *oid {
            rfc5912::ID_SHA_256 => Ok(Hash::Sha256),
            rfc5912::ID_SHA_384 => Ok(Hash::Sha384),
            rfc5912::ID_SHA_512 => Ok(Hash::Sha512),
            _ => Err(ProofError::UnsupportedAlgorithm),
        }
    }

    fn digest(&self, data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => sha2_010::Sha256::digest(data).to_vec(),
            Hash::Sha384 => sha2_010::Sha384::digest(data).to_vec(),
            Hash::Sha512 => sha2_010::Sha512::digest(data).to_vec(),
        }
    }
}

/// RFC 5652, 5.4 and 5.6: the signed attributes cover the content, the signature covers them.
fn verify_signer(
    signer: &SignerInfo,
    cert: &Certificate,
    content: &[u8],
) -> Result<(), ProofError> {
    let hash = Hash::from_oid(&signer.digest_alg.oid)?;
    let attrs = signer
        .signed_attrs
        .as_ref()
        .ok_or(ProofError::SignatureInvalid)?;
    let mut content_type_ok = false;
    let mut digest_ok = false;
    for attr in attrs.iter() {
        let Some(value) = attr.values.iter().next() else {
            continue;
        };
        if attr.oid == ID_CONTENT_TYPE {
            content_type_ok = value.decode_as::<ObjectIdentifier>().ok() == Some(ID_CT_TST_INFO);
        } else if attr.oid == ID_MESSAGE_DIGEST {
            digest_ok = value
                .decode_as::<OctetString>()
                .is_ok_and(|d| d.as_bytes() == hash.digest(content).as_slice());
        }
    }
    if !(content_type_ok && digest_ok) {
        return Err(ProofError::SignatureInvalid);
    }
    let signed_bytes = attrs.to_der().map_err(|_| ProofError::BadResponse)?;
    let prehash = hash.digest(&signed_bytes);
    verify_with_key(
        &cert.tbs_certificate.subject_public_key_info,
        &hash,
        &prehash,
        signer.signature.as_bytes(),
    )
}

/// When the certificate that issued the signer's is in the token too, the signer's certificate
/// must carry its valid signature (the chain the token shows holds together).
fn check_issuer(cert: &Certificate, certs: &[Certificate]) -> Result<(), ProofError> {
    let Some(issuer) = certs
        .iter()
        .find(|c| c.tbs_certificate.subject == cert.tbs_certificate.issuer && *c != cert)
    else {
        return Ok(());
    };
    const ECDSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
    const ECDSA_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
    const ECDSA_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4");
    const RSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
    const RSA_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
    const RSA_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
    let hash = match cert.signature_algorithm.oid {
        ECDSA_SHA256 | RSA_SHA256 => Hash::Sha256,
        ECDSA_SHA384 | RSA_SHA384 => Hash::Sha384,
        ECDSA_SHA512 | RSA_SHA512 => Hash::Sha512,
        _ => return Err(ProofError::UnsupportedAlgorithm),
    };
    let tbs = cert
        .tbs_certificate
        .to_der()
        .map_err(|_| ProofError::BadResponse)?;
    let signature = cert
        .signature
        .as_bytes()
        .ok_or(ProofError::SignatureInvalid)?;
    verify_with_key(
        &issuer.tbs_certificate.subject_public_key_info,
        &hash,
        &hash.digest(&tbs),
        signature,
    )
}

/// Verifies a signature (ECDSA P-256/P-384 in DER, or RSA PKCS#1 v1.5) over a digest.
fn verify_with_key(
    spki: &spki::SubjectPublicKeyInfoOwned,
    hash: &Hash,
    prehash: &[u8],
    signature: &[u8],
) -> Result<(), ProofError> {
    let key_bytes = spki
        .subject_public_key
        .as_bytes()
        .ok_or(ProofError::SignatureInvalid)?;
    const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
    const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
    const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
    const P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
    use p256::ecdsa::signature::hazmat::PrehashVerifier;
    let ok = match spki.algorithm.oid {
        EC_PUBLIC_KEY => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
                .ok_or(ProofError::UnsupportedAlgorithm)?;
            match curve {
                P256 => {
                    let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes)
                        .map_err(|_| ProofError::SignatureInvalid)?;
                    let sig = p256::ecdsa::Signature::from_der(signature)
                        .map_err(|_| ProofError::SignatureInvalid)?;
                    key.verify_prehash(prehash, &sig).is_ok()
                }
                P384 => {
                    let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes)
                        .map_err(|_| ProofError::SignatureInvalid)?;
                    let sig = p384::ecdsa::Signature::from_der(signature)
                        .map_err(|_| ProofError::SignatureInvalid)?;
                    key.verify_prehash(prehash, &sig).is_ok()
                }
                _ => return Err(ProofError::UnsupportedAlgorithm),
            }
        }
        RSA_ENCRYPTION => {
            use rsa::pkcs1::DecodeRsaPublicKey;
            let key = rsa::RsaPublicKey::from_pkcs1_der(key_bytes)
                .map_err(|_| ProofError::SignatureInvalid)?;
            let scheme = match hash {
                Hash::Sha256 => rsa::Pkcs1v15Sign::new::<sha2_010::Sha256>(),
                Hash::Sha384 => rsa::Pkcs1v15Sign::new::<sha2_010::Sha384>(),
                Hash::Sha512 => rsa::Pkcs1v15Sign::new::<sha2_010::Sha512>(),
            };
            key.verify(scheme, prehash, signature).is_ok()
        }
        _ => return Err(ProofError::UnsupportedAlgorithm),
    };
    if ok {
        Ok(())
    } else {
        Err(ProofError::SignatureInvalid)
    }
}

/// RFC 3161, 2.3: the only extended key use is timeStamping, marked critical; and the
/// certificate was within its validity when the token was made.
fn check_tsa_certificate(cert: &Certificate, gen_unix: u64) -> Result<(), ProofError> {
    let tbs = &cert.tbs_certificate;
    let eku = tbs
        .extensions
        .as_ref()
        .and_then(|exts| exts.iter().find(|e| e.extn_id == ID_CE_EXT_KEY_USAGE))
        .ok_or(ProofError::CertificateNotForTimestamping)?;
    let usages = ExtendedKeyUsage::from_der(eku.extn_value.as_bytes())
        .map_err(|_| ProofError::CertificateNotForTimestamping)?;
    if !eku.critical || usages.0 != [ID_KP_TIME_STAMPING] {
        return Err(ProofError::CertificateNotForTimestamping);
    }
    let not_before = tbs.validity.not_before.to_unix_duration().as_secs();
    let not_after = tbs.validity.not_after.to_unix_duration().as_secs();
    if gen_unix < not_before || gen_unix > not_after {
        return Err(ProofError::CertificateExpired);
    }
    Ok(())
}

/// The name shown for an authority: its certificate's common name (`DigiCert SHA256 RSA4096
/// Timestamp Responder 2025 1`), else the whole distinguished name.
pub fn display_name(dn: &str) -> String {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut escaped = false;
    for c in dn.chars() {
        if escaped {
            current.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == ',' || c == '+' {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    parts
        .iter()
        .find_map(|p| {
            let p = p.trim();
            p.strip_prefix("CN=").or_else(|| p.strip_prefix("cn="))
        })
        .map(str::trim)
        .filter(|cn| !cn.is_empty())
        .map_or_else(|| dn.to_owned(), str::to_owned)
}

#[cfg(test)]
mod name_tests {
    use super::display_name;

    #[test]
    fn the_common_name_is_shown() {
        assert_eq!(display_name("CN=Test tsa"), "Test tsa");
        assert_eq!(
            display_name("C=US,O=DigiCert\\, Inc.,CN=DigiCert Timestamp 2023"),
            "DigiCert Timestamp 2023"
        );
        assert_eq!(display_name("O=Only An Org,C=FR"), "O=Only An Org,C=FR");
        assert_eq!(display_name(""), "");
    }
}

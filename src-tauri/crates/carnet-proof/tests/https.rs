//! An https:// TSA goes through the system's TLS (OpenSSL and its root certificates). The
//! local TSA (the real `openssl ts -reply`) is served over TLS on 127.0.0.1 with a certificate
//! of its own: refused at the handshake while no trusted authority vouches for it, and its
//! token verified once that certificate is among the trusted ones. One test in its own
//! process: it points OpenSSL at another trust store through `SSL_CERT_FILE`, which no other
//! test may see.

use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use carnet_proof::ProofError;
use carnet_proof::testing::{Handler, Reply, Tsa, answer, openssl};
use carnet_proof::tsp::{request_timestamp, verify_token};
use sha2_010::{Digest, Sha256};

const TIMEOUT: Duration = Duration::from_secs(20);

/// Serves `handler` over TLS with the certificate and key in `dir`; the URL, and the count of
/// handshakes the clients broke off.
fn serve_tls(dir: &std::path::Path, handler: Handler) -> (String, Arc<AtomicUsize>) {
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap();
    let identity = native_tls::Identity::from_pkcs8(&read("cert.pem"), &read("key.pem")).unwrap();
    let acceptor = native_tls::TlsAcceptor::new(identity).unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let refused = Arc::new(AtomicUsize::new(0));
    let counted = refused.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            match acceptor.accept(stream) {
                Ok(tls) => answer(tls, &handler),
                Err(_) => {
                    counted.fetch_add(1, Ordering::SeqCst);
                }
            }
        }
    });
    (format!("https://127.0.0.1:{port}/tsr"), refused)
}

#[test]
fn an_https_tsa_is_trusted_only_through_the_system_roots() {
    let dir = tempfile::tempdir().unwrap();
    let made = openssl(
        dir.path(),
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "key.pem",
            "-out",
            "cert.pem",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let tsa = Arc::new(Tsa::new());
    let t = tsa.clone();
    let (url, refused) = serve_tls(dir.path(), Arc::new(move |q| Reply::ok(t.reply(&q))));
    let digest: [u8; 32] = Sha256::digest(b"the evidence").into();

    // Nobody the system trusts signed the server's certificate: the client breaks off the
    // handshake, and nothing is sent.
    assert_eq!(
        request_timestamp(&url, &digest, TIMEOUT),
        Err(ProofError::Network)
    );
    assert_eq!(refused.load(Ordering::SeqCst), 1);

    // Trusted now (this process's OpenSSL reads its roots from that file): the token comes
    // over TLS and is verified.
    // SAFETY: this test is alone in its process (its own test file, one test).
    unsafe { std::env::set_var("SSL_CERT_FILE", dir.path().join("cert.pem")) };
    let token = request_timestamp(&url, &digest, TIMEOUT).expect("a token over https");
    assert!(verify_token(&token.der, &digest).is_ok());
    assert_eq!(refused.load(Ordering::SeqCst), 1);
}

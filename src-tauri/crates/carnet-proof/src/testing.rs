//! Tests only (feature `testing`): a local RFC 3161 TSA, the real `openssl ts -reply` behind
//! a tiny HTTP server on 127.0.0.1 (a free port), with a test CA and TSA certificate made in
//! a tempdir. Used by this crate's tests, the shell's and the end-to-end journeys; never
//! compiled into the app. Panics on any failure: it is test scaffolding.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// What the test server answers.
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
    /// How long to wait before answering.
    pub delay: Duration,
}

impl Reply {
    /// A 200 with `body`.
    pub fn ok(body: Vec<u8>) -> Self {
        Reply {
            status: 200,
            body,
            delay: Duration::ZERO,
        }
    }
}

/// What the server runs for each request body.
pub type Handler = Arc<dyn Fn(Vec<u8>) -> Reply + Send + Sync>;

/// The test TSA's files.
pub struct Tsa {
    /// Where its keys, certificates and files are.
    pub dir: tempfile::TempDir,
    counter: AtomicU64,
}

/// Runs the `openssl` command in `dir`.
pub fn openssl(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the openssl command")
}

fn ok(dir: &Path, args: &[&str]) {
    let out = openssl(dir, args);
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

impl Default for Tsa {
    fn default() -> Self {
        Self::new()
    }
}

impl Tsa {
    /// A CA, a TSA certificate (P-256, critical timeStamping EKU) and a certificate without it.
    pub fn new() -> Self {
        Self::with_keys(&[
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
        ])
    }

    /// The same with RSA keys (most public TSAs sign with RSA).
    pub fn rsa() -> Self {
        Self::with_keys(&["-newkey", "rsa:2048", "-nodes"])
    }

    fn with_keys(keys: &[&'static str]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let cnf = format!(
            "[tsa]\ndefault_tsa = tsa_config1\n\
             [tsa_config1]\ndir = {dir}\nserial = {dir}/tsaserial\ncrypto_device = builtin\n\
             signer_cert = {dir}/tsa.crt\ncerts = {dir}/ca.crt\nsigner_key = {dir}/tsa.key\n\
             signer_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256, sha384, sha512\n\
             accuracy = secs:1\nordering = yes\ntsa_name = no\ness_cert_id_alg = sha256\n\
             [v3_tsa]\nbasicConstraints = CA:FALSE\nkeyUsage = critical, digitalSignature\n\
             extendedKeyUsage = critical, timeStamping\nsubjectKeyIdentifier = hash\n\
             authorityKeyIdentifier = keyid\n\
             [v3_other]\nbasicConstraints = CA:FALSE\nkeyUsage = critical, digitalSignature\n\
             extendedKeyUsage = clientAuth\n",
            dir = d.display()
        );
        std::fs::write(d.join("tsa.cnf"), cnf).unwrap();
        let mut args = vec!["req", "-x509"];
        args.extend(keys.iter().copied());
        args.extend([
            "-keyout",
            "ca.key",
            "-out",
            "ca.crt",
            "-days",
            "30",
            "-subj",
            "/CN=Test TSA CA",
        ]);
        ok(d, &args);
        for (name, ext) in [("tsa", "v3_tsa"), ("other", "v3_other")] {
            let mut args = vec!["req"];
            args.extend(keys.iter().copied());
            let key = format!("{name}.key");
            let csr = format!("{name}.csr");
            let crt = format!("{name}.crt");
            let subj = format!("/CN=Test {name}");
            args.extend(["-keyout", &key, "-out", &csr, "-subj", &subj]);
            ok(d, &args);
            ok(
                d,
                &[
                    "x509",
                    "-req",
                    "-in",
                    &csr,
                    "-CA",
                    "ca.crt",
                    "-CAkey",
                    "ca.key",
                    "-CAcreateserial",
                    "-out",
                    &crt,
                    "-days",
                    "30",
                    "-extfile",
                    "tsa.cnf",
                    "-extensions",
                    ext,
                ],
            );
        }
        std::fs::write(d.join("tsaserial"), "01\n").unwrap();
        Tsa {
            dir,
            counter: AtomicU64::new(0),
        }
    }

    /// A file in the TSA's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn fresh(&self, ext: &str) -> String {
        format!("f{}.{ext}", self.counter.fetch_add(1, Ordering::SeqCst))
    }

    /// `openssl ts -reply` for a query (DER).
    pub fn reply(&self, query: &[u8]) -> Vec<u8> {
        let q = self.fresh("tsq");
        let r = self.fresh("tsr");
        std::fs::write(self.path(&q), query).unwrap();
        ok(
            self.dir.path(),
            &[
                "ts",
                "-reply",
                "-config",
                "tsa.cnf",
                "-queryfile",
                &q,
                "-out",
                &r,
            ],
        );
        std::fs::read(self.path(&r)).unwrap()
    }

    /// `openssl cms -sign` of a TSTInfo (DER) as a timestamp token, by `signer` (`tsa` or
    /// `other`): a token no honest TSA would make, for the refusal cases.
    pub fn sign_tst_info(&self, tst_info: &[u8], signer: &str) -> Vec<u8> {
        let i = self.fresh("der");
        let o = self.fresh("p7");
        std::fs::write(self.path(&i), tst_info).unwrap();
        let crt = format!("{signer}.crt");
        let key = format!("{signer}.key");
        ok(
            self.dir.path(),
            &[
                "cms",
                "-sign",
                "-binary",
                "-nodetach",
                "-outform",
                "DER",
                "-econtent_type",
                "1.2.840.113549.1.9.16.1.4",
                "-md",
                "sha256",
                "-in",
                &i,
                "-signer",
                &crt,
                "-inkey",
                &key,
                "-out",
                &o,
            ],
        );
        std::fs::read(self.path(&o)).unwrap()
    }

    /// `openssl ts -verify -data DATA -in TSR -CAfile ca.crt -untrusted tsa.crt`.
    pub fn openssl_verify(&self, data: &Path, tsr: &Path) -> bool {
        let out = openssl(
            self.dir.path(),
            &[
                "ts",
                "-verify",
                "-data",
                data.to_str().unwrap(),
                "-in",
                tsr.to_str().unwrap(),
                "-CAfile",
                "ca.crt",
                "-untrusted",
                "tsa.crt",
            ],
        );
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("Verification: OK")
    }
}

/// Serves `handler` over HTTP on 127.0.0.1, a free port; returns the URL.
pub fn serve(handler: Handler) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let handler = handler.clone();
            std::thread::spawn(move || answer(stream, &handler));
        }
    });
    format!("http://127.0.0.1:{port}/tsr")
}

/// Reads one HTTP request from `stream` (its head, then a body of its `Content-Length`) and
/// writes `handler`'s reply; over TCP or any stream on top of it (TLS).
pub fn answer<S: Read + Write>(stream: S, handler: &Handler) {
    let mut reader = BufReader::new(stream);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0u8; length];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    let reply = handler(body);
    std::thread::sleep(reply.delay);
    let mut stream = reader.into_inner();
    let head = format!(
        "HTTP/1.1 {} X\r\nContent-Type: application/timestamp-reply\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        reply.status,
        reply.body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&reply.body);
    let _ = stream.flush();
}

/// A good local TSA and its URL, answering every request with `openssl ts -reply`.
pub fn local_tsa() -> (Arc<Tsa>, String) {
    let tsa = Arc::new(Tsa::new());
    let t = tsa.clone();
    let url = serve(Arc::new(move |q| Reply::ok(t.reply(&q))));
    (tsa, url)
}

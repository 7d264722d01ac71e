//! Writes the sample dossier (the tests' fictitious Lyon workshop) to look at it.
//!
//! `cargo run -p carnet-dossier --example sample -- --all target/sample` (what
//! `make sample-dossier` runs) writes, in French and in English, the Médiateur's, the DGE
//! form's, Arcom's and the P2B 12 mediator's dossiers: each PDF, its evidence bundle (`…-pieces.zip`) and the texts of the
//! destination's form fields (`…-fields.txt`).
//!
//! With `--all`, the pieces are timestamped by a local authority (the real `openssl ts
//! -reply`, as in the tests; the name says "Test tsa") and the e-mail is the DKIM-signed
//! fixture, checked against its published key: the inventory, the chronology, the bundle's
//! `.tsr` files and its `openssl ts -verify` lines show what a proved dossier looks like.
//!
//! `cargo run -p carnet-dossier --example sample -- /tmp/carnet-sample.pdf [en] [destination]`
//! writes one PDF (`CARNET_BIG=1`: the benchmark's large dossier).

#[path = "../tests/common/mod.rs"]
mod common;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use carnet_core::Locale;
use carnet_core::dossier::file_name;
use carnet_core::journal::proof::{DkimVerdict, EmailCheck, Stamp};
use carnet_core::report::{Destination, PieceSource, PieceUnavailable, ReportPiece, StampToken};
use carnet_dossier::{BundleOptions, bundle, check_limits, render, submission_help};

fn main() {
    let mut args = std::env::args().skip(1);
    let first = args.next().unwrap_or_else(|| "carnet-sample.pdf".into());
    if first == "--all" {
        let dir = args.next().unwrap_or_else(|| "target/sample".into());
        all(Path::new(&dir));
        return;
    }
    let locale = match args.next().as_deref() {
        Some("en") => Locale::En,
        _ => Locale::Fr,
    };
    let destination = args
        .next()
        .and_then(|d| Destination::parse(&d))
        .unwrap_or(Destination::Mediateur);
    let s = if std::env::var_os("CARNET_BIG").is_some() {
        common::big_sample(20, 20, 50, 10, true)
    } else {
        common::sample(destination, locale)
    };
    let mut file = BufWriter::new(File::create(&first).expect("create the file"));
    let written = render(&s.report, &s.bytes, &mut file).expect("render");
    println!("{first}: {} pages, {} bytes", written.pages, written.bytes);
}

/// The sample's pieces with their tokens, as the vault would give them.
struct Proven {
    bytes: std::collections::BTreeMap<i64, Vec<u8>>,
    tokens: std::collections::BTreeMap<i64, StampToken>,
    tsa_url: String,
}

impl PieceSource for Proven {
    fn bytes(&self, piece: &ReportPiece) -> Result<Vec<u8>, PieceUnavailable> {
        self.bytes.bytes(piece)
    }

    fn timestamp(&self, piece: &ReportPiece) -> Option<StampToken> {
        self.tokens.get(&piece.id).cloned()
    }

    fn stamp(&self, sha256: &[u8; 32]) -> Option<StampToken> {
        let t = carnet_proof::tsp::request_timestamp(&self.tsa_url, sha256, TIMEOUT).ok()?;
        Some(StampToken {
            der: t.der,
            tsa_name: t.tsa_name,
            chain_pem: t.chain_pem,
        })
    }
}

const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);
const SIGNED: &[u8] = include_bytes!("../../../../tests/fixtures/dkim/signed.eml");
const SIGNED_DNS: &str = include_str!("../../../../tests/fixtures/dkim/signed.dns");

/// The sample with its e-mail replaced by the signed fixture, every piece timestamped by the
/// local authority at `url` and the e-mail checked.
fn proven(mut s: common::Sample, url: &str) -> (carnet_core::report::Report, Proven) {
    use sha2::Digest;
    let mut dns = carnet_proof::dkim::StaticResolver::new();
    for line in SIGNED_DNS.lines() {
        if let Some((name, record)) = line.split_once(' ') {
            dns.insert(name, record);
        }
    }
    let mut tokens = std::collections::BTreeMap::new();
    for p in &mut s.report.pieces {
        if p.media_type == "message/rfc822" {
            s.bytes.insert(p.id, SIGNED.to_vec());
            p.sha256 = common::sha(SIGNED);
            p.size = SIGNED.len() as u64;
            let now: chrono::DateTime<chrono::Utc> = std::time::SystemTime::now().into();
            let check = carnet_proof::dkim::verify_email(SIGNED, &dns, now).expect("the check");
            let best = &check.dkim[0];
            p.proof.email = Some(EmailCheck {
                // The same names on both sides (snake_case): the verdict as the check gave it.
                verdict: serde_json::from_value::<DkimVerdict>(
                    serde_json::to_value(check.verdict).expect("a verdict"),
                )
                .expect("a known verdict"),
                domain: best.domain.clone(),
                selector: best.selector.clone(),
                aligned: best.aligned,
                from_domain: check.from_domain.clone(),
                arc: None,
                checked_at: now,
                stamped: true,
            });
        }
        let digest: [u8; 32] = sha2::Sha256::digest(&s.bytes[&p.id]).into();
        let t = carnet_proof::tsp::request_timestamp(url, &digest, TIMEOUT).expect("a token");
        p.proof.timestamp = Some(Stamp {
            tsa_name: t.tsa_name.clone(),
            gen_time: t.gen_time,
        });
        tokens.insert(
            p.id,
            StampToken {
                der: t.der,
                tsa_name: t.tsa_name,
                chain_pem: t.chain_pem,
            },
        );
    }
    let source = Proven {
        bytes: s.bytes,
        tokens,
        tsa_url: url.to_owned(),
    };
    (s.report, source)
}

fn all(dir: &Path) {
    let (_tsa, url) = carnet_proof::testing::local_tsa();
    for locale in [Locale::Fr, Locale::En] {
        let sub = dir.join(locale.tag());
        std::fs::create_dir_all(&sub).expect("create the folder");
        for destination in [
            Destination::Mediateur,
            Destination::DgeForm,
            Destination::Arcom,
            Destination::P2bMediator,
        ] {
            let (report, source) = proven(common::sample(destination, locale), &url);
            let pdf_name = file_name(&report.number, destination);
            let stem = pdf_name.trim_end_matches(".pdf");

            let pdf = sub.join(&pdf_name);
            let mut out = BufWriter::new(File::create(&pdf).expect("create the PDF"));
            let written = render(&report, &source, &mut out).expect("render");
            out.flush().expect("write the PDF");
            println!(
                "{}: {} pages, {} bytes",
                pdf.display(),
                written.pages,
                written.bytes
            );

            let zip = sub.join(format!("{stem}-pieces.zip"));
            let mut out = BufWriter::new(File::create(&zip).expect("create the ZIP"));
            let b = bundle(&report, &source, &BundleOptions { groups: true }, &mut out)
                .expect("bundle");
            drop(out);
            println!("{}: {} entries", zip.display(), b.entries.len());

            let help = submission_help(&report);
            let limits = check_limits(&report);
            let mut text = String::new();
            text.push_str(&format!("{}\n\n", help.url.as_deref().unwrap_or("-")));
            for f in &help.fields {
                let max = f.max_chars.map(|m| format!(" (≤ {m})")).unwrap_or_default();
                text.push_str(&format!("## {}{max}\n{}\n\n", f.label, f.text));
            }
            text.push_str(&format!(
                "# limits: {} file(s) to upload in {} field(s), ok = {}\n",
                limits.files_to_upload, limits.fields_needed, limits.ok
            ));
            for p in &limits.pieces {
                text.push_str(&format!("{} {:?} {}\n", p.file_name, p.fit, p.size));
            }
            let fields = sub.join(format!("{stem}-fields.txt"));
            std::fs::write(&fields, text).expect("write the fields");
            println!("{}", fields.display());
        }
    }
}

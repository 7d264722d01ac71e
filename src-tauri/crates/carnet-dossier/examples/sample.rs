//! Writes the sample dossier (the tests' fictitious Lyon workshop) to look at it.
//!
//! `cargo run -p carnet-dossier --example sample -- --all target/sample` (what
//! `make sample-dossier` runs) writes, in French and in English, the Médiateur's, the DGE
//! form's, Arcom's and the P2B 12 mediator's dossiers: each PDF, its evidence bundle (`…-pieces.zip`) and the texts of the
//! destination's form fields (`…-fields.txt`).
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
use carnet_core::report::Destination;
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

fn all(dir: &Path) {
    for locale in [Locale::Fr, Locale::En] {
        let sub = dir.join(locale.tag());
        std::fs::create_dir_all(&sub).expect("create the folder");
        for destination in [
            Destination::Mediateur,
            Destination::DgeForm,
            Destination::Arcom,
            Destination::P2bMediator,
        ] {
            let s = common::sample(destination, locale);
            let pdf_name = file_name(&s.report.number, destination);
            let stem = pdf_name.trim_end_matches(".pdf");

            let pdf = sub.join(&pdf_name);
            let mut out = BufWriter::new(File::create(&pdf).expect("create the PDF"));
            let written = render(&s.report, &s.bytes, &mut out).expect("render");
            out.flush().expect("write the PDF");
            println!(
                "{}: {} pages, {} bytes",
                pdf.display(),
                written.pages,
                written.bytes
            );

            let zip = sub.join(format!("{stem}-pieces.zip"));
            let mut out = BufWriter::new(File::create(&zip).expect("create the ZIP"));
            let b = bundle(
                &s.report,
                &s.bytes,
                &BundleOptions { groups: true },
                &mut out,
            )
            .expect("bundle");
            drop(out);
            println!("{}: {} entries", zip.display(), b.entries.len());

            let help = submission_help(&s.report);
            let limits = check_limits(&s.report);
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

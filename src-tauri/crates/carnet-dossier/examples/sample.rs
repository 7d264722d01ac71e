//! Writes the sample dossier (the tests' fictitious Lyon workshop) to a file, to look at it:
//! `cargo run -p carnet-dossier --example sample -- /tmp/carnet-sample.pdf [en] [destination]`.

#[path = "../tests/common/mod.rs"]
mod common;

use carnet_core::Locale;
use carnet_core::report::Destination;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "carnet-sample.pdf".into());
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
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create the file"));
    let written = carnet_dossier::render(&s.report, &s.bytes, &mut file).expect("render");
    println!("{path}: {} pages, {} bytes", written.pages, written.bytes);
}

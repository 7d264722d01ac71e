//! The dossier benchmark's baseline (issues 5 and 16): the reference dossier — 50 incidents of
//! 20 events, 100 distinct screenshots of 1280×800, half of them RGBA, and 10 long texts —
//! written as HTML with its images beside it, for headless Chromium to print to PDF; and
//! carnet-dossier's own time for the same report, rendered in this process.
//!
//! The screenshots: half JPEG (as phones and messaging apps pass them on), half PNG. Two
//! cases: `half_rgba`, the reference, the one Chromium prints, whose PNGs are RGBA (as most
//! screenshot tools save them: opaque, but one in ten a window capture with transparent
//! corners and shadow), which must be split into colour and soft mask; and `rgb_only`,
//! whose PNGs are RGB and go in with their compressed data unchanged.
//!
//! `cargo run --release -p carnet-dossier --example baseline -- <dir> [runs]` writes
//! `<dir>/dossier.html` and its images and `<dir>/carnet.pdf`, renders the PDF `runs` times
//! (5 by default) for each case and prints one line per case: `carnet <case> median_s=…
//! pdf_bytes=… images_bytes=… pdf_over_images=…`. scripts/bench-baseline.sh times Chromium on
//! the HTML and prints the ratios.

#[path = "../tests/common/mod.rs"]
mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use carnet_core::format::{euros, long_date};
use carnet_core::report::Report;
use carnet_dossier::render;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The same content as the PDF, as plain HTML: cover, summary, company, chronology tables,
/// impact, inventory with the hashes, annexes with every image at full resolution and the
/// texts. The print stylesheet repeats table headers and keeps rows whole, as the PDF does.
fn html(report: &Report, bytes: &std::collections::BTreeMap<i64, Vec<u8>>, dir: &Path) -> String {
    let l = report.locale;
    let mut h = String::new();
    h.push_str("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>");
    h.push_str(&esc(&report.title));
    h.push_str("</title><style>@page{size:A4;margin:18mm 16mm}body{font-family:'Noto Sans',sans-serif;font-size:9.5pt;color:#222}h1{color:#1a3a5c}h2{color:#1a3a5c;border-bottom:1px solid #1a3a5c;break-after:avoid}table{border-collapse:collapse;width:100%;margin:6pt 0}th,td{border:1px solid #bbb;padding:3pt;vertical-align:top;text-align:left}thead{display:table-header-group}tr{break-inside:avoid}img{max-width:100%;height:auto}figure{break-inside:avoid;margin:8pt 0}pre{white-space:pre-wrap;font-size:8.5pt}.sha{font-family:monospace;font-size:7.5pt;word-break:break-all}</style></head><body>");
    let _ = write!(
        h,
        "<h1>{}</h1><p>Dossier n° {} — {}</p><p>{}</p>",
        esc(&report.title),
        esc(&report.number),
        esc(&report.company.legal_name),
        long_date(report.generated_on(), l)
    );
    let _ = write!(h, "<h2>Résumé</h2><p>{}</p>", esc(&report.summary));
    let c = &report.company;
    let _ = write!(
        h,
        "<h2>L'entreprise</h2><table><tr><th>Dénomination</th><td>{}</td></tr><tr><th>SIRET</th><td>{}</td></tr><tr><th>Adresse</th><td>{}, {} {}</td></tr><tr><th>Interlocuteur</th><td>{} — {} — {}</td></tr></table>",
        esc(&c.legal_name),
        c.siret.as_ref().map(|s| s.grouped()).unwrap_or_default(),
        esc(&c.street),
        esc(&c.postcode),
        esc(&c.city),
        esc(&c.contact_name),
        esc(&c.contact_email),
        esc(&c.contact_phone)
    );
    h.push_str("<h2>Les faits, dans l’ordre chronologique</h2>");
    let mut n = 0;
    for i in &report.incidents {
        let _ = write!(
            h,
            "<h3>{}</h3><p>{}</p><table><thead><tr><th>N°</th><th>Date</th><th>Événement</th><th>Acteur</th><th>Canal</th><th>Pièces</th></tr></thead><tbody>",
            esc(&i.data.title),
            esc(&i.data.description)
        );
        for e in &i.events {
            n += 1;
            let pieces: Vec<String> = report
                .pieces_of(&e.data.piece_ids)
                .map(|p| format!("<a href=\"#p{}\">{}</a>", p.number, p.label()))
                .collect();
            let _ = write!(
                h,
                "<tr><td>E{n}</td><td>{}</td><td>{}</td><td>{:?}</td><td>{:?}</td><td>{}</td></tr>",
                long_date(e.data.happened_on, l),
                esc(&e.data.summary),
                e.data.actor,
                e.data.channel,
                pieces.join(", ")
            );
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("<h2>Conséquences financières</h2><table><thead><tr><th>Incident</th><th>Fonds retenus</th><th>Ventes perdues</th></tr></thead><tbody>");
    for i in &report.incidents {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&i.data.title),
            i.data
                .amounts
                .funds_held_cents
                .map(|c| euros(c, l))
                .unwrap_or_default(),
            i.data
                .amounts
                .sales_lost_cents
                .map(|c| euros(c, l))
                .unwrap_or_default()
        );
    }
    h.push_str("</tbody></table><h2>Inventaire des pièces</h2><table><thead><tr><th>N°</th><th>Pièce</th><th>SHA-256</th></tr></thead><tbody>");
    for p in &report.pieces {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}<br>{} — {} — {} octets</td><td class=\"sha\">{}</td></tr>",
            p.label(),
            esc(&p.title),
            esc(&p.original_name),
            esc(&p.media_type),
            p.size,
            p.sha256
        );
    }
    h.push_str("</tbody></table><h2>Annexes : les pièces</h2>");
    for p in &report.pieces {
        let data = &bytes[&p.id];
        let _ = write!(
            h,
            "<h3 id=\"p{}\">{} — {}</h3><p class=\"sha\">SHA-256 : {}</p>",
            p.number,
            p.label(),
            esc(&p.title),
            p.sha256
        );
        if p.media_type.starts_with("image/") {
            let ext = if p.media_type == "image/jpeg" {
                "jpg"
            } else {
                "png"
            };
            let file = format!("{}.{ext}", p.label());
            std::fs::write(dir.join(&file), data).expect("write an image");
            let _ = write!(
                h,
                "<figure><img src=\"{file}\"><figcaption>{} — {}</figcaption></figure>",
                p.label(),
                esc(&p.title)
            );
        } else {
            let _ = write!(h, "<pre>{}</pre>", esc(&String::from_utf8_lossy(data)));
        }
    }
    h.push_str("</body></html>\n");
    h
}

/// The reference dossier's size (issue 16).
const INCIDENTS: usize = 50;
const SCREENSHOTS: usize = 100;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "target/bench-baseline".into());
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).expect("create the folder");
    for (case, rgba) in [("rgb_only", false), ("half_rgba", true)] {
        let s = common::big_sample(INCIDENTS, 20, SCREENSHOTS, 10, rgba);
        if rgba {
            let page = html(&s.report, &s.bytes, dir);
            std::fs::write(dir.join("dossier.html"), page).expect("write the HTML");
        }
        let images: u64 = s
            .report
            .pieces
            .iter()
            .filter(|p| p.media_type.starts_with("image/"))
            .map(|p| p.size)
            .sum();
        let count = |media: &str| {
            (s.report.pieces.iter())
                .filter(|p| p.media_type == media)
                .count()
        };
        // The colour type in a PNG's header: 6, RGBA.
        let rgba_pngs = s.bytes.values().filter(|b| b.get(25) == Some(&6)).count();
        let mut times = Vec::new();
        let mut size = 0;
        let mut pages = 0;
        for _ in 0..runs {
            let mut out = Vec::new();
            let t = Instant::now();
            let w = render(&s.report, &s.bytes, &mut out).expect("render");
            times.push(t.elapsed().as_secs_f64());
            size = w.bytes;
            pages = w.pages;
        }
        if rgba {
            let mut out = Vec::new();
            render(&s.report, &s.bytes, &mut out).expect("render");
            std::fs::write(dir.join("carnet.pdf"), out).expect("write the PDF");
        }
        println!(
            "carnet {case} median_s={:.3} runs={runs} pages={pages} pdf_bytes={size} images_bytes={images} pdf_over_images={:.3} jpeg={} png={} rgba={rgba_pngs}",
            median(times),
            size as f64 / images as f64,
            count("image/jpeg"),
            count("image/png"),
        );
    }
}

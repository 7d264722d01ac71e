//! The dossier of the benchmark note: about 100 pages with 50 screenshots of 1280×800 (half
//! JPEG, half PNG), lossless. Two cases: PNGs saved as RGB, whose compressed data goes into
//! the PDF as it is, and PNGs saved with an alpha channel (as many screenshot tools do),
//! which must be decoded and compressed again. The JPEGs always go in unchanged.
//! The note's reference: 5.5 s for the same content with printpdf's own lossless path
//! (decode and Flate-compress every image).

#[path = "../tests/common/mod.rs"]
mod common;

use carnet_dossier::render;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("dossier_100_pages_50_screenshots");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for (name, rgba) in [("png_rgb_passthrough", false), ("png_rgba_reflated", true)] {
        let s = common::big_sample(20, 20, 50, 10, rgba);
        let mut out = Vec::new();
        let written = render(&s.report, &s.bytes, &mut out).unwrap();
        let images: usize = s
            .report
            .pieces
            .iter()
            .filter(|p| p.media_type.starts_with("image/"))
            .map(|p| p.size as usize)
            .sum();
        eprintln!(
            "{name}: {} pages, {} bytes of PDF for {images} bytes of images ({:.2}×)",
            written.pages,
            written.bytes,
            written.bytes as f64 / images as f64
        );
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(out.capacity());
                render(black_box(&s.report), &s.bytes, &mut out).unwrap();
                out
            })
        });
    }
    group.finish();

    // The evidence bundle of the same dossier: every piece read, checked against its SHA-256
    // and written to the ZIP (images stored, texts deflated), grouped for the DGE's form.
    let s = common::big_sample(20, 20, 50, 10, true);
    let mut group = c.benchmark_group("bundle_60_pieces");
    group.sample_size(10);
    for groups in [false, true] {
        let name = if groups {
            "with_upload_groups"
        } else {
            "pieces_and_manifests"
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut out = std::io::Cursor::new(Vec::new());
                carnet_dossier::bundle(
                    black_box(&s.report),
                    &s.bytes,
                    &carnet_dossier::BundleOptions { groups },
                    &mut out,
                )
                .unwrap();
                out
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

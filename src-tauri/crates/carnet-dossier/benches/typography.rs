//! French typography on a long chronology (10,000 characters), against a plain copy of the
//! same text as the baseline: the ratio says what the typesetting pass costs a PDF export.

use carnet_core::Locale;
use carnet_dossier::typography::typeset;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn text() -> String {
    "Le 3 mars : la plateforme suspend le compte ; motif « non-conformité » ! Pourquoi ? "
        .repeat(120)
}

fn bench(c: &mut Criterion) {
    let text = text();
    let mut group = c.benchmark_group("typeset_10k");
    group.bench_function("baseline_copy", |b| b.iter(|| black_box(&text).to_owned()));
    group.bench_function("french", |b| {
        b.iter(|| typeset(black_box(&text), Locale::Fr))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

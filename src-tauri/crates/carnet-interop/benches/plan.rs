//! 10,000 rows of a French semicolon CSV read, mapped and planned (issue 14's benchmark,
//! the parse half; the store times the write).

use carnet_interop::{Format, PlanOptions, open, plan, propose};
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

fn csv_10k() -> Vec<u8> {
    let platforms = [
        "Amazon",
        "cdiscount",
        "CDiscount Marketplace",
        "eBay",
        "Boutique Dupont",
    ];
    let mut s = String::from("Date;Plateforme;Problème;Montant;Catégorie;Statut;Réf. commande\r\n");
    for i in 0..10_000u32 {
        s.push_str(&format!(
            "{:02}/{:02}/2026;{};Incident numéro {i} : compte restreint;1\u{a0}{:03},{:02} €;ACC-02;en cours;CMD-{i}\r\n",
            i % 28 + 1,
            i % 12 + 1,
            platforms[i as usize % platforms.len()],
            i % 1000,
            i % 100
        ));
    }
    s.into_bytes()
}

fn bench(c: &mut Criterion) {
    let bytes = csv_10k();
    let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.bench_function("csv_10000_rows_read_and_planned", |b| {
        b.iter(|| {
            let table = open(&bytes, Format::Csv).unwrap().table(0).unwrap();
            let mapping = propose(&table).mapping;
            let p = plan(&table, &PlanOptions::new(mapping, today));
            assert_eq!(p.drafts.len(), 10_000);
            p
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

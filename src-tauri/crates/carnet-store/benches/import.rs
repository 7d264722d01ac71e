//! A spreadsheet import at scale (`make bench`): 10,000 rows of a French CSV (`;`, dates
//! `JJ/MM/AAAA`, amounts `1 234,56 €`, a dozen platforms, some unknown to the catalogue), read,
//! mapped and planned by carnet-interop, then written by the store into a new vault in one
//! transaction — what "Importer" does in the app. Goal ≤ 3 s. `journal_import/plan` times the
//! read and the dry run alone, `journal_import/parse_and_write` both with the write.
//!
//! The vault lives in `/dev/shm` when it exists (`CARNET_BENCH_DIR` picks another folder).

mod common;

use std::hint::black_box;
use std::time::Duration;

use carnet_core::Platforms;
use carnet_interop::{Format, PlanOptions};
use carnet_store::journal::imports::{self, ImportItem, ImportSource};
use carnet_store::keys::kdf::{Calibration, KdfParams};
use carnet_store::{Layout, Vault};
use common::*;
use criterion::{Criterion, criterion_group, criterion_main};
use tokio::runtime::Runtime;

const ROWS: usize = 10_000;

/// The CSV of `ROWS` incidents, as a seller keeps it.
fn csv() -> Vec<u8> {
    let platforms = [
        "Amazon",
        "Cdiscount",
        "CDiscount Marketplace",
        "Fnac",
        "ManoMano",
        "Rakuten",
        "leboncoin",
        "Etsy",
        "Vinted",
        "Boutique Dupont",
        "eBay",
        "Back Market",
    ];
    let problems = [
        "Compte suspendu sans préavis",
        "Paiement retenu 90 jours",
        "Offres retirées du catalogue",
        "Commission modifiée",
        "Réclamation sans réponse",
        "Contrefaçon signalée",
    ];
    let statuses = ["En cours", "Réclamation envoyée", "Résolu", "Ouvert", ""];
    let mut out = String::from("Date;Plateforme;Problème;Montant;Statut;N° commande;Détails\r\n");
    for i in 0..ROWS {
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 11;
        out.push_str(&format!(
            "{day:02}/{month:02}/2026;{};{} n°{i};{} {:03},{:02} €;{};CMD-{i:06};Ligne {i} du suivi, voir le mail du vendeur\r\n",
            platforms[i % platforms.len()],
            problems[i % problems.len()],
            i % 9 + 1,
            i % 1000,
            i % 100,
            statuses[i % statuses.len()],
        ));
    }
    out.into_bytes()
}

fn plan(bytes: &[u8]) -> carnet_interop::Plan {
    let mut source = carnet_interop::open(bytes, Format::Csv).unwrap();
    let table = source.table(0).unwrap();
    let proposal = carnet_interop::propose(&table);
    let options = PlanOptions::new(proposal.mapping, today());
    carnet_interop::plan(&table, &options)
}

fn items(plan: &carnet_interop::Plan) -> Vec<ImportItem> {
    let catalogue = Platforms::builtin();
    plan.drafts
        .iter()
        .map(|d| ImportItem {
            key: d.key.clone(),
            rows: d.rows.clone(),
            platform: d.platform.details(catalogue, today()).unwrap(),
            status: d.status,
            incident: d.incident.clone(),
            events: d.events.clone(),
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let bytes = csv();
    let planned = plan(&bytes);
    assert_eq!(planned.drafts.len(), ROWS, "{:?}", planned.problems.first());
    let mut group = c.benchmark_group("journal_import");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("plan", |b| b.iter(|| black_box(plan(black_box(&bytes)))));
    group.bench_function("parse_and_write", |b| {
        b.iter_batched(
            || {
                let dir = scratch();
                let layout = Layout::new(dir.path());
                let cheap = Calibration::Fixed(KdfParams::insecure_for_tests());
                let vault = rt
                    .block_on(Vault::create(&layout, PASS, cheap, NOW))
                    .unwrap()
                    .vault;
                (dir, vault)
            },
            |(dir, vault)| {
                let planned = plan(&bytes);
                let items = items(&planned);
                let source = ImportSource {
                    file_name: "litiges.csv",
                    file_sha256: &planned.file_fingerprint,
                    sheet: &planned.sheet,
                };
                let done = rt
                    .block_on(imports::apply(&vault, &source, &items, NOW))
                    .unwrap();
                assert_eq!(done.created, ROWS);
                rt.block_on(vault.lock());
                drop(dir);
            },
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(import_benches, benches);
criterion_main!(import_benches);

//! The journal at scale (`make bench`): a vault of 10,000 incidents, 100,000 events and 1,000
//! pieces, generated once per run (seed 1), then
//!
//! - `journal/list_first_page`: the first page of the incident list (no text, most recent
//!   first) — goal ≤ 30 ms; and filtered by a platform and two statuses;
//! - `journal/search/*`: full-text searches — a common word, a prefix, two words, a word and a
//!   platform's name, and `mixed`, one of 200 varied searches per iteration — goal: p95
//!   ≤ 20 ms. Criterion reports medians; the p95 over the 200 searches (each timed on its own,
//!   three rounds) is printed before;
//! - `journal/barometer_12_months`: the dashboard's figures and alerts — goal ≤ 50 ms.
//!
//! The files live in `/dev/shm` (memory) when it exists, like `benches/vault.rs`;
//! `CARNET_BENCH_DIR` picks another folder. `CARNET_BENCH_SCALE=small` (1,000 / 10,000 / 100)
//! for a quick try.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use carnet_core::journal::search::{SearchFilters, SearchRequest};
use carnet_store::journal::generate::{self, Scale};
use carnet_store::journal::{barometer, search};
use carnet_store::keys::kdf::{Calibration, KdfParams};
use carnet_store::{Layout, Vault};
use common::*;
use criterion::{Criterion, criterion_group, criterion_main};
use tokio::runtime::Runtime;

/// 200 searches as an owner types them: common and rare words, prefixes being typed, accents
/// left out, two or three words, a platform's name, references, and words not there.
fn queries() -> Vec<String> {
    let words = [
        "compte",
        "suspendu",
        "versement",
        "reclamation",
        "rembours",
        "facture",
        "commission",
        "contrefacon",
        "avis",
        "annonce",
        "mediateur",
        "retenu",
        "bloque",
        "photos",
        "cuir",
        "sacoche",
        "portefeuille",
        "ceinture",
        "relance",
        "recommande",
        "justificatifs",
        "classement",
        "preavis",
        "conditions",
        "logistique",
        "transporteur",
        "soldes",
        "noel",
        "tresorerie",
        "dgccrf",
        "motifs",
        "decision",
        "restriction",
        "identite",
        "atelier",
    ];
    let prefixes = [
        "co", "sus", "rem", "fact", "contre", "med", "vers", "ann", "rec", "pho",
    ];
    let platforms = [
        "amazon",
        "cdiscount",
        "manomano",
        "etsy",
        "ebay",
        "rakuten",
        "fnac",
    ];
    let misses = ["zygomatique", "xylophone", "quokka", "wxyz"];
    let mut out = Vec::new();
    let mut k = 0usize;
    while out.len() < 200 {
        let w = |i: usize| words[(k * 7 + i * 13) % words.len()];
        let q = match k % 10 {
            0..=2 => w(0).to_owned(),
            3 => prefixes[k % prefixes.len()].to_owned(),
            4..=5 => format!("{} {}", w(0), w(1)),
            6 => format!("{} {}", platforms[k % platforms.len()], w(1)),
            7 => format!("{} {} {}", w(0), w(1), &w(2)[..3]),
            8 => format!("{:03}", k * 37 % 1000),
            _ => misses[k % misses.len()].to_owned(),
        };
        out.push(q);
        k += 1;
    }
    out
}

fn request(q: &str, filters: &SearchFilters) -> SearchRequest {
    SearchRequest::check(q, filters, "", 0).unwrap()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn benches(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let dir = scratch();
    let layout = Layout::new(dir.path());
    let scale = match std::env::var("CARNET_BENCH_SCALE").as_deref() {
        Ok("small") => Scale {
            incidents: 1_000,
            events: 10_000,
            pieces: 100,
        },
        _ => Scale {
            incidents: 10_000,
            events: 100_000,
            pieces: 1_000,
        },
    };
    let started = Instant::now();
    let vault = rt.block_on(async {
        let calibration = Calibration::Fixed(KdfParams::insecure_for_tests());
        let vault = Vault::create(&layout, PASS, calibration, NOW)
            .await
            .unwrap()
            .vault;
        generate::fill(&vault, scale, 1, today()).await.unwrap();
        vault
    });
    let size = std::fs::metadata(layout.db()).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "generated {} incidents, {} events, {} pieces in {:.1} s ({} MB database)",
        scale.incidents,
        scale.events,
        scale.pieces,
        started.elapsed().as_secs_f64(),
        size / 1_000_000
    );

    let queries = queries();
    let requests: Vec<SearchRequest> = queries
        .iter()
        .map(|q| request(q, &SearchFilters::default()))
        .collect();
    let mut times = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for _ in 0..3 {
        for (q, r) in queries.iter().zip(&requests) {
            let t = Instant::now();
            black_box(rt.block_on(search::search(&vault, r)).unwrap());
            let d = t.elapsed();
            if d > slowest.0 {
                slowest = (d, q.clone());
            }
            times.push(d);
        }
    }
    times.sort();
    eprintln!(
        "search over {} searches × 3: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms ({:?})",
        queries.len(),
        percentile(&times, 0.50).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        slowest.0.as_secs_f64() * 1e3,
        slowest.1
    );

    let mut g = c.benchmark_group("journal");
    g.sample_size(30);
    let none = SearchFilters::default();
    let first_page = request("", &none);
    g.bench_function("list_first_page", |b| {
        b.iter(|| black_box(rt.block_on(search::search(&vault, &first_page)).unwrap()))
    });
    let filtered = request(
        "",
        &SearchFilters {
            platform_ids: Some(vec![2]),
            statuses: Some(vec!["open".into(), "awaiting_answer".into()]),
            ..Default::default()
        },
    );
    g.bench_function("list_first_page_filtered", |b| {
        b.iter(|| black_box(rt.block_on(search::search(&vault, &filtered)).unwrap()))
    });
    for (name, q) in [
        ("common_word", "compte"),
        ("prefix", "rem"),
        ("two_words", "versement bloque"),
        ("platform_and_word", "amazon suspendu"),
    ] {
        let r = request(q, &none);
        g.bench_function(format!("search/{name}"), |b| {
            b.iter(|| black_box(rt.block_on(search::search(&vault, &r)).unwrap()))
        });
    }
    let mut next = 0usize;
    g.bench_function("search/mixed", |b| {
        b.iter(|| {
            next = (next + 1) % requests.len();
            black_box(
                rt.block_on(search::search(&vault, &requests[next]))
                    .unwrap(),
            )
        })
    });
    g.bench_function("barometer_12_months", |b| {
        b.iter(|| {
            black_box(
                rt.block_on(barometer::barometer(&vault, 12, today()))
                    .unwrap(),
            )
        })
    });
    g.finish();
    rt.block_on(vault.lock());
}

criterion_group!(journal_benches, benches);
criterion_main!(journal_benches);

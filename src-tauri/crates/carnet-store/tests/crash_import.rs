//! Crash safety of a spreadsheet import: a child process imports batches of 40 rows (each an
//! incident with its event and its origin, one transaction per batch) and says
//! "ACK batch <n>" after each; it is killed with SIGKILL at a random moment, 60 times. After
//! each kill the vault must open, pass `PRAGMA integrity_check`, hold every acknowledged batch
//! whole, and hold each other batch whole or not at all: an import is never half written.
//!
//! The child is this same test binary, run with `CARNET_CRASH_IMPORT_CHILD` set.

mod common;
mod kill_loop;

use std::collections::HashMap;

use carnet_core::journal::event::EventInput;
use carnet_core::journal::incident::{IncidentInput, Status};
use carnet_core::journal::platform::PlatformInput;
use carnet_core::{Locale, Platforms};
use carnet_store::journal::imports::{self, ImportItem, ImportSource};
use common::*;

const KILLS: usize = 60;
const BATCH: usize = 40;
const ENV_CHILD: &str = "CARNET_CRASH_IMPORT_CHILD";

/// The `BATCH` rows of batch `n`, as the shell hands them to the store.
fn batch(n: i64) -> Vec<ImportItem> {
    let platform = PlatformInput {
        name: "Boutique importée".into(),
        service: "marketplace".into(),
        ..PlatformInput::default()
    }
    .check(Platforms::builtin(), today())
    .unwrap();
    (0..BATCH)
        .map(|i| {
            let (_, incident) = IncidentInput {
                platform_id: 1,
                category: "FIN-02".into(),
                title: format!("batch {n} / {i}"),
                occurred_on: Some("2026-10-01".into()),
                description: Some("Ligne importée d’un tableur, avec son texte.".repeat(20)),
                ..IncidentInput::default()
            }
            .validate(today(), Locale::Fr)
            .unwrap();
            let (_, event) = EventInput {
                incident_id: 1,
                happened_on: "2026-10-02".into(),
                actor: "platform".into(),
                channel: "email".into(),
                summary: format!("Suite {n}/{i}"),
                ..EventInput::default()
            }
            .validate(today())
            .unwrap();
            ImportItem {
                key: format!("b{n}-{i}"),
                rows: vec![i + 2],
                platform: platform.clone(),
                status: Status::ComplaintSent,
                incident,
                events: vec![event],
            }
        })
        .collect()
}

/// Imports until killed. Not a test on its own: ignored unless run by `imports_survive_kills`.
#[tokio::test]
#[ignore]
async fn crash_import_child() {
    let Some(vault) = kill_loop::child_vault(ENV_CHILD).await else {
        return;
    };
    // Batches are whole: the rows already imported tell the next batch's number.
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM import_origin")
        .fetch_one(vault.pool())
        .await
        .unwrap();
    let mut n = rows / BATCH as i64;
    let source = ImportSource {
        file_name: "litiges.csv",
        file_sha256: "00",
        sheet: "",
    };
    println!("READY");
    loop {
        imports::apply(&vault, &source, &batch(n), NOW)
            .await
            .unwrap();
        println!("ACK batch {n}");
        n += 1;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn imports_survive_kills() {
    let f = locked().await;
    let mut killer = kill_loop::Killer::new();
    let seed = killer.seed;
    let mut acked: Vec<String> = Vec::new();
    for round in 0..KILLS {
        acked.extend(killer.run_once("crash_import_child", ENV_CHILD, f.dir.path()));
        let v = kill_loop::reopened(&f.layout, round, seed).await;
        let titles: Vec<String> = sqlx::query_scalar("SELECT title FROM incident")
            .fetch_all(v.pool())
            .await
            .unwrap();
        let mut per_batch: HashMap<String, usize> = HashMap::new();
        for t in &titles {
            let b = t.split(" / ").next().unwrap().to_owned();
            *per_batch.entry(b).or_default() += 1;
        }
        for (b, count) in &per_batch {
            assert_eq!(
                *count, BATCH,
                "round {round} (seed {seed}): {b} half imported"
            );
        }
        for a in &acked {
            assert!(
                per_batch.contains_key(a),
                "round {round} (seed {seed}): acknowledged {a} lost"
            );
        }
        let origins: i64 = sqlx::query_scalar("SELECT count(*) FROM import_origin")
            .fetch_one(v.pool())
            .await
            .unwrap();
        let events: i64 = sqlx::query_scalar("SELECT count(*) FROM event")
            .fetch_one(v.pool())
            .await
            .unwrap();
        assert_eq!(origins as usize, titles.len(), "round {round}: origins");
        assert_eq!(events as usize, titles.len(), "round {round}: events");
        v.lock().await;
    }
    assert!(
        acked.len() > KILLS / 2,
        "{} batches acknowledged",
        acked.len()
    );
    println!("ROBUSTNESS kills_survived={KILLS}");
    println!("ROBUSTNESS writes_acknowledged={}", acked.len());
    println!("ROBUSTNESS writes_lost=0");
    eprintln!(
        "crash (import): {KILLS} kills survived, {} batches of {BATCH} rows acknowledged, 0 lost, none half imported (seed {seed})",
        acked.len()
    );
}

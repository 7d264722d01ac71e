//! Crash safety of the journal's multi-row writes: a child process writes, in one transaction
//! each, an incident with 3 events and 2 pieces (their evidence files sealed first) and says
//! "ACK <title>" after each commit; it is killed with SIGKILL at a random moment, 200 times.
//! After each kill the vault must open, pass `PRAGMA integrity_check`, hold every acknowledged
//! incident, hold no half incident, and every piece's file must read back to its bytes.
//!
//! The child is this same test binary, run with `CARNET_CRASH_JOURNAL_CHILD` set.

mod common;
mod kill_loop;
mod multi_row;

use common::*;

const KILLS: usize = 200;
const ENV_CHILD: &str = "CARNET_CRASH_JOURNAL_CHILD";
const TEXT_LEN: usize = 2_000;
const PIECE_LEN: usize = 3_000;

/// Writes until killed. Not a test on its own: ignored unless run by `journal_survives_kills`.
#[tokio::test]
#[ignore]
async fn crash_journal_child() {
    let Some(vault) = kill_loop::child_vault(ENV_CHILD).await else {
        return;
    };
    let platform = multi_row::platform(&vault).await.unwrap();
    let mut n: i64 = sqlx::query_scalar("SELECT count(*) FROM incident")
        .fetch_one(vault.pool())
        .await
        .unwrap();
    // The parent starts its random delay from here: a child slow to start (a loaded
    // machine) is not killed before it writes.
    println!("READY");
    loop {
        let title = format!("multi {n}");
        multi_row::write(&vault, platform, &title, TEXT_LEN, PIECE_LEN)
            .await
            .unwrap();
        println!("ACK {title}");
        n += 1;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn journal_survives_kills() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    multi_row::platform(&vault).await.unwrap();
    vault.lock().await;
    let mut killer = kill_loop::Killer::new();
    let seed = killer.seed;
    let mut acked: Vec<String> = Vec::new();
    let mut mid_write_kills = 0;
    let mut read_after = 0;

    for round in 0..KILLS {
        let got = killer.run_once("crash_journal_child", ENV_CHILD, f.dir.path());
        if !got.is_empty() {
            mid_write_kills += 1;
        }
        acked.extend(got);

        let v = kill_loop::reopened(&f.layout, round, seed).await;
        let incidents = multi_row::check_whole(&v, PIECE_LEN, read_after)
            .await
            .unwrap_or_else(|e| panic!("round {round} (seed {seed}): {e}"));
        read_after = incidents.last().map_or(0, |(id, _)| *id);
        let titles: std::collections::HashSet<&str> =
            incidents.iter().map(|(_, t)| t.as_str()).collect();
        let lost: Vec<&String> = acked
            .iter()
            .filter(|a| !titles.contains(a.as_str()))
            .collect();
        assert!(
            lost.is_empty(),
            "round {round} (seed {seed}): acknowledged incidents lost: {lost:?}"
        );
        v.lock().await;
    }
    assert!(
        mid_write_kills > KILLS / 2,
        "only {mid_write_kills} rounds wrote before the kill"
    );
    assert!(
        acked.len() > KILLS,
        "{} incidents acknowledged",
        acked.len()
    );
    println!("ROBUSTNESS kills_survived={KILLS}");
    println!("ROBUSTNESS writes_acknowledged={}", acked.len());
    println!("ROBUSTNESS writes_lost=0");
    eprintln!(
        "crash (journal): {KILLS} kills survived, {} incidents of {} events and {} pieces acknowledged, 0 lost, none half written (seed {seed})",
        acked.len(),
        multi_row::EVENTS,
        multi_row::PIECES
    );
}

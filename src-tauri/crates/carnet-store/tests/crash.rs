//! Crash safety: a child process writes evidence in a loop and says "ACK n" after each
//! commit; it is killed with SIGKILL at a random moment, 200 times. After each kill the vault
//! must pass `PRAGMA integrity_check` and hold every write that was acknowledged.
//!
//! The child is this same test binary, run with `CARNET_CRASH_CHILD` set (see `crash_child`).

mod common;
mod kill_loop;

use carnet_store::evidence;
use common::*;

const KILLS: usize = 200;
const ENV_CHILD: &str = "CARNET_CRASH_CHILD";

/// Writes until killed. Not a test on its own: ignored unless run by `survives_kills`.
#[tokio::test]
#[ignore]
async fn crash_child() {
    let Some(vault) = kill_loop::child_vault(ENV_CHILD).await else {
        return;
    };
    let mut n: i64 = sqlx::query_scalar("SELECT count(*) FROM evidence_content")
        .fetch_one(vault.pool())
        .await
        .unwrap();
    // The parent starts its random delay from here: a child slow to start (a loaded
    // machine) is not killed before it writes.
    println!("READY");
    loop {
        let body = format!("write {n} ").repeat(50);
        let name = format!("w{n}");
        evidence::add(&vault, body.as_bytes(), None, &name, "text/plain", NOW)
            .await
            .unwrap();
        println!("ACK {name}");
        n += 1;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn survives_kills() {
    let f = locked().await;
    let mut killer = kill_loop::Killer::new();
    let seed = killer.seed;
    let mut acked: Vec<String> = Vec::new();
    let mut mid_write_kills = 0;

    for round in 0..KILLS {
        let got = killer.run_once("crash_child", ENV_CHILD, f.dir.path());
        if !got.is_empty() {
            mid_write_kills += 1;
        }
        acked.extend(got);

        let v = kill_loop::reopened(&f.layout, round, seed).await;
        let names: Vec<String> = sqlx::query_scalar("SELECT original_name FROM evidence_content")
            .fetch_all(v.pool())
            .await
            .unwrap();
        let lost: Vec<&String> = acked.iter().filter(|a| !names.contains(a)).collect();
        assert!(
            lost.is_empty(),
            "round {round} (seed {seed}): acknowledged writes lost: {lost:?}"
        );
        v.lock().await;
    }
    // The kills must really land during writes, or this test proves nothing.
    assert!(
        mid_write_kills > KILLS / 2,
        "only {mid_write_kills} rounds wrote before the kill"
    );
    assert!(acked.len() > KILLS, "{} writes acknowledged", acked.len());
    println!("ROBUSTNESS kills_survived={KILLS}");
    println!("ROBUSTNESS writes_acknowledged={}", acked.len());
    println!("ROBUSTNESS writes_lost=0");
    eprintln!(
        "crash: {KILLS} kills survived, {} acknowledged writes, 0 lost (seed {seed})",
        acked.len()
    );
}

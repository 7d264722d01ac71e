//! The kill loop the crash tests share: run one of this test binary's ignored "child" tests
//! (it writes until killed, printing `ACK <name>` after each commit), SIGKILL it at a random
//! moment, and hand back what it acknowledged. The seed is printed in failures to replay.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use carnet_store::{Layout, Secret, Vault, db};

use super::common::PASS;

/// In a child: the vault of the folder named by `env`, unlocked; `None` when `env` is not set
/// (the child test run on its own, outside the kill loop).
pub async fn child_vault(env: &str) -> Option<Vault> {
    let dir = std::env::var_os(env)?;
    let layout = Layout::new(Path::new(&dir));
    Some(
        Vault::unlock(&layout, Secret::Passphrase(PASS))
            .await
            .unwrap(),
    )
}

/// In the parent, after a kill: the vault unlocked again, and whole (`PRAGMA
/// integrity_check`). Failures name the round and the seed to replay.
pub async fn reopened(layout: &Layout, round: usize, seed: u64) -> Vault {
    let v = Vault::unlock(layout, Secret::Passphrase(PASS))
        .await
        .unwrap_or_else(|e| panic!("round {round} (seed {seed}): the vault does not open: {e:?}"));
    assert!(
        db::integrity_ok(v.pool()).await,
        "round {round} (seed {seed}): integrity"
    );
    v
}

pub struct Killer {
    pub seed: u64,
    state: u64,
}

impl Killer {
    /// Seeded from the clock (never zero: xorshift would stay at zero).
    pub fn new() -> Self {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
            | 1;
        Killer { seed, state: seed }
    }

    fn next(&mut self, below: u64) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state % below
    }

    /// Runs the ignored test `child` with `env` set to `dir`, kills it with SIGKILL 0 to
    /// 180 ms after it said `READY` (its vault open, about to write: the time it takes to start
    /// on a loaded machine is not counted), and returns the names it acknowledged before dying.
    pub fn run_once(&mut self, child: &str, env: &str, dir: &Path) -> Vec<String> {
        let mut process = Command::new(std::env::current_exe().unwrap())
            .args([
                child,
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(env, dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = process.stdout.take().unwrap();
        let (ready_tx, ready) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut acked = Vec::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // With one test thread the harness prints "test … ... " on the same line.
                if line.ends_with("READY") {
                    let _ = ready_tx.send(());
                } else if let Some(name) = line.split("ACK ").nth(1) {
                    acked.push(name.to_owned());
                }
            }
            acked
        });
        let _ = ready.recv_timeout(Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(self.next(180)));
        process.kill().unwrap(); // SIGKILL
        process.wait().unwrap();
        reader.join().unwrap()
    }
}

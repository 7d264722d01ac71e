//! Whole-app figures that a criterion benchmark cannot take: how long the real app takes to
//! show its first screen and to open a large vault's journal, and how much memory all its
//! processes (the shell and WebKit's) hold with that vault open.
//!
//! ```text
//! xvfb-run -a cargo run -p carnet-e2e --bin app-bench -- [--runs N] [--incidents N --events N --pieces N]
//! ```
//! (`make bench-app` does it against the release build.) Each run starts the app through
//! tauri-driver, as the end-to-end tests do, in three situations:
//! - **baseline**: an empty data folder, up to the first-run screen (the least the app can do);
//! - **launch**: a generated vault (10,000 incidents, 100,000 events and 1,000 pieces by
//!   default), up to the unlock screen;
//! - **unlock**: from the click on "Déverrouiller" to the journal's first page listing the
//!   incidents. Timed inside the page: from the click event to the end of the frame that
//!   paints the journal's count. The same span through WebDriver, which adds its round trips
//!   and a 10 ms polling, is printed beside it. The vault is generated with the cheapest key
//!   derivation, so this is the cost of opening the vault and showing the journal, not of
//!   Argon2, which is calibrated to about half a second on purpose (unlocking through the OS
//!   keyring costs about as little).
//!
//! Launch times are taken two ways. **App alone**: the binary started directly (no WebDriver),
//! timed by itself from the start of `run` to its page's first question to the shell (which
//! screen to show), as it logs it (`src-tauri/src/startup.rs`). **Through WebDriver**: from the
//! process's start (read in `/proc`, to the clock tick) to the moment the page shows the screen
//! (polled every 10 ms in the page), which adds the automation session's own start. Memory is the sum over the app's
//! process tree of the resident set (RSS, shared pages counted in each process) and of the
//! proportional set (PSS, shared pages divided among their users), read once the journal shows
//! (and, for comparison, at the empty folder's first-run screen; `scripts/webkit-floor.py`
//! gives WebKitGTK's own floor, a bare window with an empty page).
//! Medians are printed, with every run's figure. With `CARNET_BENCH_MAPPINGS=N`, the last run
//! also prints each process's N largest mappings by PSS (libraries, heap, anonymous memory), to
//! see where the memory goes.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use carnet_e2e::{App, app_binary, target_dir};

struct Args {
    runs: usize,
    scale: [u32; 3],
}

fn parse() -> Args {
    let mut args = Args {
        runs: 5,
        scale: [10_000, 100_000, 1_000],
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value: u32 = it
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{flag} needs a number"));
        match flag.as_str() {
            "--runs" => args.runs = value.max(1) as usize,
            "--incidents" => args.scale[0] = value,
            "--events" => args.scale[1] = value,
            "--pieces" => args.scale[2] = value,
            _ => panic!("unknown flag {flag}"),
        }
    }
    args
}

/// The generator next to the app binary (`cargo build -p carnet-store --features generate --bin carnet-generate`).
fn generator() -> PathBuf {
    let beside = app_binary().with_file_name("carnet-generate");
    if beside.exists() {
        return beside;
    }
    target_dir().join("debug/carnet-generate")
}

const PASSPHRASE: &str = "banc d’essai du carnet 2026";

fn generate(dir: &Path, scale: [u32; 3]) {
    let started = Instant::now();
    let status = Command::new(generator())
        .arg("--dir")
        .arg(dir)
        .args(["--incidents", &scale[0].to_string()])
        .args(["--events", &scale[1].to_string()])
        .args(["--pieces", &scale[2].to_string()])
        .args(["--passphrase", PASSPHRASE, "--fast-kdf"])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("carnet-generate runs (cargo build -p carnet-store --features generate --bin carnet-generate)");
    assert!(status.success(), "carnet-generate failed");
    eprintln!(
        "generated {} incidents, {} events, {} pieces in {:.1} s",
        scale[0],
        scale[1],
        scale[2],
        started.elapsed().as_secs_f64()
    );
}

fn epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs_f64()
        * 1000.0
}

/// The fields of `/proc/<pid>/stat` after the command name.
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    Some(after.split_whitespace().map(str::to_owned).collect())
}

fn boot_epoch_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/stat").expect("/proc/stat");
    let btime: f64 = stat
        .lines()
        .find_map(|l| l.strip_prefix("btime "))
        .and_then(|v| v.trim().parse().ok())
        .expect("btime in /proc/stat");
    btime * 1000.0
}

/// The clock ticks per second of `/proc/<pid>/stat`'s start time.
fn clock_ticks() -> f64 {
    let out = Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .expect("getconf");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(100.0)
}

/// The pid of the app under test (the newest process running its binary).
fn app_pid() -> u32 {
    let binary = app_binary();
    let mut found: Vec<(u64, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        if std::fs::read_link(entry.path().join("exe")).ok().as_ref() == Some(&binary) {
            let start = stat_fields(pid)
                .and_then(|f| f.get(19).and_then(|s| s.parse().ok()))
                .unwrap_or(0);
            found.push((start, pid));
        }
    }
    found.into_iter().max().expect("the app's process").1
}

/// When the process started, in milliseconds since the epoch (to the clock tick).
fn started_ms(pid: u32) -> f64 {
    let ticks: f64 = stat_fields(pid)
        .and_then(|f| f.get(19).and_then(|s| s.parse().ok()))
        .expect("the process's start time");
    boot_epoch_ms() + ticks * 1000.0 / clock_ticks()
}

/// `pid` and all its descendants.
fn tree(pid: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        if let Some(p) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
            && let Some(ppid) = stat_fields(p).and_then(|f| f.get(1).and_then(|s| s.parse().ok()))
        {
            parents.push((p, ppid));
        }
    }
    let mut out = vec![pid];
    let mut i = 0;
    while i < out.len() {
        let parent = out[i];
        out.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    out
}

/// Kibibytes of a `Key:   123 kB` line of a /proc file.
fn kib(path: String, key: &str) -> u64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(0)
}

/// (RSS, PSS) of the app's process tree, in MiB, and the names of its processes.
fn memory(pid: u32) -> (f64, f64, Vec<String>) {
    let pids = tree(pid);
    let rss: u64 = pids
        .iter()
        .map(|p| kib(format!("/proc/{p}/status"), "VmRSS:"))
        .sum();
    let pss: u64 = pids
        .iter()
        .map(|p| kib(format!("/proc/{p}/smaps_rollup"), "Pss:"))
        .sum();
    let names = pids
        .iter()
        .filter_map(|p| {
            let name = std::fs::read_to_string(format!("/proc/{p}/comm")).ok()?;
            let pss = kib(format!("/proc/{p}/smaps_rollup"), "Pss:");
            let rss = kib(format!("/proc/{p}/status"), "VmRSS:");
            Some(format!(
                "{} (RSS {} MiB, PSS {} MiB)",
                name.trim(),
                rss / 1024,
                pss / 1024
            ))
        })
        .collect();
    (rss as f64 / 1024.0, pss as f64 / 1024.0, names)
}

/// With `CARNET_BENCH_MAPPINGS=N`, prints the N largest mappings (by PSS) of each process of
/// the app's tree: a shared library, `[heap]`, or `[anon]` for anonymous memory, summed by name.
fn print_mappings(pid: u32) {
    let Some(most) = std::env::var("CARNET_BENCH_MAPPINGS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    else {
        return;
    };
    for p in tree(pid) {
        let Ok(smaps) = std::fs::read_to_string(format!("/proc/{p}/smaps")) else {
            continue;
        };
        let mut by_name = std::collections::BTreeMap::<String, u64>::new();
        let mut name = String::new();
        for line in smaps.lines() {
            if let Some(pss) = line.strip_prefix("Pss:") {
                let kib: u64 = pss
                    .split_whitespace()
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                *by_name.entry(name.clone()).or_default() += kib;
            } else if line
                .split_whitespace()
                .next()
                .is_some_and(|r| r.contains('-') && !r.ends_with(':'))
            {
                name = line
                    .split_whitespace()
                    .nth(5)
                    .unwrap_or("[anon]")
                    .to_string();
            }
        }
        let mut rows: Vec<_> = by_name.into_iter().collect();
        rows.sort_by_key(|(_, kib)| std::cmp::Reverse(*kib));
        let comm = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
        println!("{} (pid {p}), largest mappings by PSS:", comm.trim());
        for (name, kib) in rows.into_iter().take(most) {
            println!("  {:>8.1} MiB  {name}", kib as f64 / 1024.0);
        }
    }
}

/// Quits the app and waits until its process is gone (the next run opens the same folder,
/// which one Carnet at a time may hold); after 10 s it is killed, and said so.
async fn quit(app: App, pid: u32) {
    app.quit().await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::path::Path::new(&format!("/proc/{pid}")).exists()
        && stat_fields(pid).is_some_and(|f| f[0] != "Z")
    {
        if Instant::now() > deadline {
            eprintln!("the app (pid {pid}) still runs 10 s after its window closed: killed");
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Starts the app binary itself (no WebDriver) on `data_dir` and returns the figure it logs
/// when its page first asks for the vault's state (`interface ready after N ms`, see
/// `src-tauri/src/startup.rs`), then ends it.
async fn direct_launch_ms(data_dir: &Path) -> f64 {
    let log = data_dir.join("logs/carnet.log");
    let seen = std::fs::read_to_string(&log).map_or(0, |t| t.matches("interface ready").count());
    let mut child = Command::new(app_binary())
        .env("CARNET_DATA_DIR", data_dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the app starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    let ms = loop {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        if let Some(line) = text
            .lines()
            .filter(|l| l.contains("interface ready"))
            .nth(seen)
        {
            break line
                .rsplit("after ")
                .next()
                .and_then(|v| v.trim_end_matches(" ms").trim().parse::<f64>().ok())
                .expect("interface ready after N ms");
        }
        assert!(
            Instant::now() < deadline,
            "the app never logged its interface ready"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().ok().flatten().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = child.wait();
    ms
}

/// Polls the page every 10 ms until `script` is true; the epoch milliseconds it became so.
async fn until(app: &App, script: &str) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if app.eval(script).await.as_bool() == Some(true) {
            return epoch_ms();
        }
        assert!(Instant::now() < deadline, "never true: {script}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// The unlock's timing inside the page, so that neither WebDriver's round trips nor the
/// polling add to it: the moment the click reaches the page (a capturing listener, before
/// the app's own), and the moment the journal's count has been laid out and painted (seen by
/// a mutation observer, then the end of the frame that draws it: a task queued from that
/// frame's animation callback runs once the frame's style, layout and paint are done).
const PROBE: &str = r#"
    const bench = (window.carnetBench = { clicked: null, painted: null });
    document.addEventListener('click', () => { bench.clicked ??= performance.now(); },
        { capture: true, once: true });
    const seen = new MutationObserver(() => {
        if (!document.body.textContent.includes('incidents dans le journal')) return;
        seen.disconnect();
        requestAnimationFrame(() => setTimeout(() => { bench.painted = performance.now(); }));
    });
    seen.observe(document.body, { childList: true, subtree: true, characterData: true });
"#;

fn shows(text: &str) -> String {
    format!("return document.body.innerText.includes({text:?})")
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn line(name: &str, unit: &str, values: &mut [f64]) -> f64 {
    let runs: Vec<String> = values.iter().map(|v| format!("{v:.0}")).collect();
    let m = median(values);
    println!(
        "{name:<44} median {m:>7.0} {unit}   runs: {}",
        runs.join(", ")
    );
    m
}

#[tokio::main]
async fn main() {
    let args = parse();
    let vault = tempfile::tempdir().expect("a temporary folder");
    generate(vault.path(), args.scale);
    let (mut baseline, mut launch, mut unlock, mut rss, mut pss) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut unlock_driver = Vec::new();
    let (mut direct_empty, mut direct_vault) = (Vec::new(), Vec::new());
    for _ in 0..args.runs {
        let empty = tempfile::tempdir().expect("a temporary folder");
        direct_empty.push(direct_launch_ms(empty.path()).await);
        direct_vault.push(direct_launch_ms(vault.path()).await);
    }
    let (mut processes, mut first_screen) = (Vec::new(), Vec::new());
    for run in 0..args.runs {
        let empty = tempfile::tempdir().expect("a temporary folder");
        let app = App::start(empty.path()).await;
        let shown = until(&app, &shows("Créer mon coffre")).await;
        let pid = app_pid();
        baseline.push(shown - started_ms(pid));
        tokio::time::sleep(Duration::from_millis(500)).await;
        first_screen.push(memory(pid).1);
        quit(app, pid).await;

        let app = App::start(vault.path()).await;
        let shown = until(&app, &shows("Déverrouiller le coffre")).await;
        let pid = app_pid();
        launch.push(shown - started_ms(pid));
        app.fill("Phrase de passe", PASSPHRASE).await;
        app.eval(PROBE).await;
        let button = app.button("Déverrouiller").await;
        let clicked = epoch_ms();
        button.click().await.expect("click");
        let listed = until(&app, &shows("incidents dans le journal")).await;
        unlock_driver.push(listed - clicked);
        until(&app, "return window.carnetBench?.painted != null").await;
        let in_page = app
            .eval("return window.carnetBench.painted - window.carnetBench.clicked")
            .await;
        unlock.push(in_page.as_f64().expect("the probe's figure"));
        tokio::time::sleep(Duration::from_millis(500)).await;
        let (r, p, names) = memory(pid);
        rss.push(r);
        pss.push(p);
        processes = names;
        if run + 1 == args.runs {
            print_mappings(pid);
        }
        quit(app, pid).await;
        eprintln!("run {} of {} done", run + 1, args.runs);
    }
    let [incidents, events, pieces] = args.scale;
    println!(
        "Carnet, {} ({incidents} incidents, {events} events, {pieces} pieces), {} runs",
        app_binary().display(),
        args.runs
    );
    let own_base = line(
        "app alone: empty folder → page asks",
        "ms",
        &mut direct_empty,
    );
    let own = line(
        "app alone: large vault → page asks",
        "ms",
        &mut direct_vault,
    );
    println!(
        "{:<44} ratio {:.2}",
        "app alone: large vault ÷ empty folder",
        own / own_base
    );
    let base = line(
        "baseline: empty folder → first-run screen",
        "ms",
        &mut baseline,
    );
    let start = line("launch: large vault → unlock screen", "ms", &mut launch);
    let open = line("unlock: click → journal's first page", "ms", &mut unlock);
    line(
        "unlock, through WebDriver (+ its round trips)",
        "ms",
        &mut unlock_driver,
    );
    println!(
        "{:<44} median {:>7.0} ms   (launch ÷ baseline: {:.2})",
        "launch + unlock",
        start + open,
        start / base
    );
    line("memory, RSS of all processes", "MiB", &mut rss);
    line("memory, PSS of all processes", "MiB", &mut pss);
    line(
        "memory, PSS at the first-run screen",
        "MiB",
        &mut first_screen,
    );
    println!("processes: {}", processes.join(", "));
}

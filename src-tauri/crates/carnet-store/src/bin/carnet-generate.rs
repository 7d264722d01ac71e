//! Writes a new vault filled with made-up records (see `carnet_store::journal::generate`):
//!
//! ```text
//! carnet-generate --dir DIR --demo [--passphrase P]
//! carnet-generate --dir DIR --incidents N --events M --pieces K [--seed S] [--passphrase P]
//! ```
//!
//! `DIR` must hold no vault (it is created if missing). The demo's passphrase is
//! `carnet_store::journal::generate::DEMO_PASSPHRASE` unless one is given, and is printed on
//! the standard output (`Passphrase: …`); the vault's key
//! derivation is calibrated as the app does it, unless `--fast-kdf` (benchmarks, tests) asks
//! for the cheapest. `--today YYYY-MM-DD` moves the vault's "today" (default: today, UTC).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use carnet_store::journal::generate::{self, DEMO_PASSPHRASE, Scale};
use carnet_store::keys::kdf::{Calibration, KdfParams};
use carnet_store::{Layout, Vault};
use chrono::{DateTime, NaiveDate, Utc};

struct Args {
    dir: PathBuf,
    demo: bool,
    scale: Scale,
    seed: u64,
    passphrase: String,
    fast_kdf: bool,
    today: NaiveDate,
}

const USAGE: &str = "usage: carnet-generate --dir DIR (--demo | --incidents N --events M --pieces K \
[--seed S]) [--passphrase P] [--fast-kdf] [--today YYYY-MM-DD]";

fn parse() -> Result<Args, String> {
    let mut args = Args {
        dir: PathBuf::new(),
        demo: false,
        scale: Scale {
            incidents: 0,
            events: 0,
            pieces: 0,
        },
        seed: 1,
        passphrase: DEMO_PASSPHRASE.to_owned(),
        fast_kdf: false,
        today: now().date_naive(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| {
            v.parse::<u32>()
                .map_err(|_| format!("{flag}: not a number"))
        };
        match flag.as_str() {
            "--dir" => args.dir = PathBuf::from(value()?),
            "--demo" => args.demo = true,
            "--incidents" => args.scale.incidents = number(value()?)?,
            "--events" => args.scale.events = number(value()?)?,
            "--pieces" => args.scale.pieces = number(value()?)?,
            "--seed" => args.seed = value()?.parse().map_err(|_| "--seed: not a number")?,
            "--passphrase" => args.passphrase = value()?,
            "--fast-kdf" => args.fast_kdf = true,
            "--today" => {
                args.today = NaiveDate::parse_from_str(&value()?, "%Y-%m-%d")
                    .map_err(|_| "--today: not YYYY-MM-DD")?
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    if args.dir.as_os_str().is_empty() {
        return Err(USAGE.to_owned());
    }
    Ok(args)
}

/// The present instant (UTC: chrono's clock is not compiled into the store).
fn now() -> DateTime<Utc> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = carnet_core::passphrase::validate_new(&args.passphrase, &args.passphrase) {
        eprintln!("the passphrase is refused by Carnet's rules: {e}");
        return ExitCode::from(2);
    }
    let calibration = if args.fast_kdf {
        Calibration::Fixed(KdfParams::insecure_for_tests())
    } else {
        Calibration::DEFAULT
    };
    let started = Instant::now();
    let layout = Layout::new(&args.dir);
    let run = async {
        std::fs::create_dir_all(&args.dir)?;
        let now = now().to_rfc3339();
        let vault = Vault::create(&layout, &args.passphrase, calibration, &now)
            .await?
            .vault;
        let summary = if args.demo {
            generate::demo(&vault, args.today).await
        } else {
            generate::fill(&vault, args.scale, args.seed, args.today).await
        };
        vault.lock().await;
        summary
    };
    match run.await {
        Ok(s) => {
            if args.demo {
                println!("Passphrase: {}", args.passphrase);
            }
            eprintln!(
                "{}: {} platforms, {} incidents, {} events, {} pieces in {:.1} s",
                args.dir.display(),
                s.platforms,
                s.incidents,
                s.events,
                s.pieces,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", args.dir.display());
            ExitCode::FAILURE
        }
    }
}

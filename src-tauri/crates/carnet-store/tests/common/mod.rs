//! Shared fixtures of the integration tests: a vault in a temporary folder, with cheap key
//! derivation (the real cost is calibrated at creation in the app).

#![allow(dead_code)]

use carnet_core::Locale;
use carnet_core::deadlines::IncidentFacts;
use carnet_core::journal::company::CompanyInput;
use carnet_core::journal::event::{EventData, EventInput};
use carnet_core::journal::incident::{IncidentInput, Status};
use carnet_store::journal::generate::{self, NewIncident, NewPlatform};
use carnet_store::journal::{events, incidents, platforms};
use carnet_store::keys::kdf::{Calibration, KdfParams};
use carnet_store::keys::recovery::RecoveryKey;
use carnet_store::{Layout, Vault};
use chrono::NaiveDate;

pub const PASS: &str = "pluie verte sur le quai du port 42";
pub const CHEAP: Calibration = Calibration::Fixed(KdfParams::insecure_for_tests());
pub const NOW: &str = "2026-11-26T10:00:00+01:00";

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub layout: Layout,
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    Fixture { dir, layout }
}

pub async fn created(f: &Fixture) -> (Vault, RecoveryKey) {
    let c = Vault::create(&f.layout, PASS, CHEAP, NOW).await.unwrap();
    (c.vault, c.recovery_key)
}

/// A new vault, locked again: its folder.
pub async fn locked() -> Fixture {
    let f = fixture();
    let (vault, _) = created(&f).await;
    vault.lock().await;
    f
}

/// An open incident on a new platform, written straight into the tables (for tests about
/// what hangs on an incident, not about incidents): its id.
pub async fn bare_incident(vault: &Vault) -> i64 {
    let platform: i64 = sqlx::query_scalar(
        "INSERT INTO platform (name, service, created_at, updated_at)
         VALUES ('Amazon', 'marketplace', ?, ?) RETURNING id",
    )
    .bind(NOW)
    .bind(NOW)
    .fetch_one(vault.pool())
    .await
    .unwrap();
    bare_incident_on(vault, platform).await
}

/// An open incident on `platform_id`, written straight into the table: its id.
pub async fn bare_incident_on(vault: &Vault, platform_id: i64) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO incident (platform_id, category, title, status, created_at, updated_at)
         VALUES (?, 'ACC-02', 'Compte suspendu', 'open', ?, ?) RETURNING id",
    )
    .bind(platform_id)
    .bind(NOW)
    .bind(NOW)
    .fetch_one(vault.pool())
    .await
    .unwrap()
}

/// The day the journal tests run on (the day of [`NOW`]).
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// A `YYYY-MM-DD` day.
pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The rows of `table`.
pub async fn count(vault: &Vault, table: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table}")))
        .fetch_one(vault.pool())
        .await
        .unwrap()
}

/// A marketplace written by the generator (no seller account, no terms): its id.
pub async fn generated_platform(
    vault: &Vault,
    catalogue_id: Option<&str>,
    name: &str,
    legal_entity: &str,
    country: &str,
) -> i64 {
    let mut conn = vault.pool().acquire().await.unwrap();
    let p = NewPlatform {
        catalogue_id,
        name,
        service: "marketplace",
        legal_entity,
        country,
        seller_accounts: &[],
        relationship_start: None,
        turnover_share_pct: None,
        complaint_channel: "",
        terms_version: "",
    };
    generate::insert_platform(&mut conn, &p, NOW).await.unwrap()
}

/// An `ACC-02` incident for the generator: a title, a status, a day, facts, nothing else.
pub fn new_incident(
    platform_id: i64,
    title: &str,
    status: Status,
    occurred_on: Option<NaiveDate>,
    facts: IncidentFacts,
) -> NewIncident {
    NewIncident {
        platform_id,
        category: "ACC-02".into(),
        title: title.into(),
        status,
        occurred_on,
        facts,
        funds_held_cents: None,
        sales_lost_cents: None,
        fees_cents: None,
        amounts_note: String::new(),
        decision_reference: String::new(),
        description: String::new(),
        wanted: String::new(),
        tags: Vec::new(),
    }
}

/// `i` written by the generator (record, history, search row): its id.
pub async fn insert_incident(vault: &Vault, i: &NewIncident) -> i64 {
    let mut conn = vault.pool().acquire().await.unwrap();
    generate::insert_incident(&mut conn, i, NOW, NOW)
        .await
        .unwrap()
}

/// `input` read as French and saved through the journal: the incident's id.
pub async fn save_incident(vault: &Vault, input: &IncidentInput) -> i64 {
    let (id, data) = input.validate(today(), Locale::Fr).unwrap();
    incidents::save(vault, id, &data, NOW, today())
        .await
        .unwrap()
        .id
}

/// The platforms' names, in the journal's order.
pub async fn platform_names(vault: &Vault) -> Vec<String> {
    platforms::list(vault)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.details.name)
        .collect()
}

/// An event of `incident_id` on 2026-03-04 carrying one piece, saved through the journal: the
/// data saved.
pub async fn event_with_piece(
    vault: &Vault,
    incident_id: i64,
    (actor, channel, summary): (&str, &str, &str),
    piece_id: i64,
) -> EventData {
    let (_, ev) = EventInput {
        incident_id,
        happened_on: "2026-03-04".into(),
        actor: actor.into(),
        channel: channel.into(),
        summary: summary.into(),
        piece_ids: vec![piece_id],
        ..EventInput::default()
    }
    .validate(today())
    .unwrap();
    events::save(vault, None, &ev, NOW).await.unwrap();
    ev
}

/// The company profile a dossier needs: a name, a SIRET, an address and a contact.
pub fn dossier_company() -> CompanyInput {
    CompanyInput {
        legal_name: "Atelier du Cuir Lyonnais".into(),
        siret: "73282932000074".into(),
        street: "3 rue de la Soie".into(),
        postcode: "69001".into(),
        city: "Lyon".into(),
        contact_name: "Claire Martin".into(),
        contact_email: "claire@example.org".into(),
        contact_phone: "06 12 34 56 78".into(),
        ..CompanyInput::default()
    }
}

/// Every file under `dir`, recursively, with its bytes, but SQLite's `-shm` and empty `-wal`
/// companions (which any reader creates; they hold no data).
pub fn all_files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                let name = p.to_string_lossy();
                if name.ends_with("-shm") || (name.ends_with("-wal") && bytes.is_empty()) {
                    continue;
                }
                out.push((p.clone(), bytes));
            }
        }
    }
    out.sort();
    out
}

/// Compares two listings by name and SHA-256 (a failure prints names, not megabytes).
pub fn same_files(
    a: &[(std::path::PathBuf, Vec<u8>)],
    b: &[(std::path::PathBuf, Vec<u8>)],
) -> bool {
    use sha2::{Digest, Sha256};
    let digest = |v: &[(std::path::PathBuf, Vec<u8>)]| {
        v.iter()
            .map(|(p, b)| (p.clone(), Sha256::digest(b).to_vec()))
            .collect::<Vec<_>>()
    };
    let (da, db) = (digest(a), digest(b));
    if da != db {
        eprintln!(
            "files differ:\n  before {:?}\n  after  {:?}",
            names(a),
            names(b)
        );
    }
    da == db
}

fn names(v: &[(std::path::PathBuf, Vec<u8>)]) -> Vec<(String, usize)> {
    v.iter()
        .map(|(p, b)| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                b.len(),
            )
        })
        .collect()
}

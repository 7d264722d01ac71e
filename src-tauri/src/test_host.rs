//! The shell's test host: an `AppState` on a data folder of its own (a temporary one), with
//! cheap key derivation and no OS keyring, the passphrase its vaults are made with, and the
//! hostile strings every text input is tried with. Every shell test starts here.

use carnet_core::dossier::{AskInput, DeclarationsInput, DossierInput};
use carnet_core::journal::company::CompanyInput;
use carnet_core::journal::event::EventInput;
use carnet_core::journal::incident::IncidentInput;
use carnet_core::journal::platform::PlatformInput;
use carnet_store::keys::kdf::{Calibration, KdfParams};

use crate::flows::evidence::Content;
use crate::state::{AppState, Options};

/// carnet-store's test fixtures (the generator's platforms and incidents, the clock), the same
/// the store's own integration tests use.
#[path = "../crates/carnet-store/tests/common/mod.rs"]
pub(crate) mod store;

pub(crate) use store::dossier_company;

/// Cheap key derivation, no OS keyring, no DNS; the log goes to the failing test's output.
pub(crate) fn test_options() -> Options {
    log_to_test_output();
    Options {
        calibration: Calibration::Fixed(KdfParams::insecure_for_tests()),
        platform_keyring: false,
        hold_background: None,
        background_after: std::time::Duration::ZERO,
        resolver: None,
    }
}

/// A state on a temporary data folder, no vault yet.
pub(crate) fn state() -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().to_owned(), test_options()).unwrap();
    (dir, state)
}

/// The test host's passphrase.
pub(crate) const PASS: &str = "pluie verte sur le quai du port 42";

/// A test host with a new vault, open (lock it before the test ends).
pub(crate) async fn opened() -> (tempfile::TempDir, AppState) {
    opened_with(test_options()).await
}

/// [`opened`] with other options (a TSA, a DNS table, work held back).
pub(crate) async fn opened_with(options: Options) -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let s = AppState::open(dir.path().to_owned(), options).unwrap();
    s.vault_create(PASS.into(), PASS.into(), false)
        .await
        .unwrap();
    (dir, s)
}

/// The shell's log (a refusal's code and its library cause) written where the test harness
/// captures it, so a failing test shows why a command refused.
fn log_to_test_output() {
    struct ToTest;
    impl log::Log for ToTest {
        fn enabled(&self, _: &log::Metadata) -> bool {
            true
        }
        fn log(&self, record: &log::Record) {
            eprintln!("[{}] {}", record.level(), record.args());
        }
        fn flush(&self) {}
    }
    static LOGGER: ToTest = ToTest;
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(log::LevelFilter::Info);
    }
}

/// Hostile strings every text input is tried with.
pub(crate) fn hostile() -> Vec<String> {
    vec![
        String::new(),
        " ".into(),
        "\0".into(),
        "../../../etc/passwd".into(),
        "<img src=x onerror=alert(1)>".into(),
        "\u{202E}gnp.exe".into(),
        "x".repeat(100_000),
        "é".repeat(2000),
        "'; DROP TABLE vault_meta; --".into(),
    ]
}

/// `platform` saved, then `incident` on it, through the journal's commands: (platform id,
/// incident id).
pub(crate) async fn incident_on(
    s: &AppState,
    platform: PlatformInput,
    incident: IncidentInput,
) -> (i64, i64) {
    let platform_id = s.platform_save(platform).await.unwrap().id;
    let incident = s
        .incident_save(IncidentInput {
            platform_id,
            ..incident
        })
        .await
        .unwrap();
    (platform_id, incident.id)
}

/// A seller account suspended on Amazon (account A1B2C3, `ACC-02`, on 1 and 2 March 2026, with
/// the fields of `more`), the platform's answer as a text piece and the event that carries it:
/// (platform id, incident id, piece id).
pub(crate) async fn suspended_account(s: &AppState, more: IncidentInput) -> (i64, i64, i64) {
    let (platform_id, incident_id) = incident_on(
        s,
        PlatformInput {
            catalogue_id: "amazon".into(),
            seller_accounts: vec!["A1B2C3".into()],
            ..PlatformInput::default()
        },
        IncidentInput {
            category: "ACC-02".into(),
            title: "Compte vendeur suspendu".into(),
            occurred_on: Some("2026-03-01".into()),
            decision_on: Some("2026-03-02".into()),
            ..more
        },
    )
    .await;
    let text = s
        .piece_add_bytes(
            incident_id,
            "échange.txt",
            None,
            Content::Bytes("Réponse de la plateforme : compte suspendu.".as_bytes()),
        )
        .await
        .unwrap();
    s.event_save(EventInput {
        incident_id,
        happened_on: "2026-03-02".into(),
        actor: "platform".into(),
        channel: "email".into(),
        summary: "Suspension notifiée".into(),
        piece_ids: vec![text.id],
        ..EventInput::default()
    })
    .await
    .unwrap();
    (platform_id, incident_id, text.id)
}

/// A whole company profile, every field filled.
pub(crate) fn company() -> CompanyInput {
    CompanyInput {
        legal_name: "Atelier Lumière".into(),
        siren: "732 829 320".into(),
        siret: "732 829 320 00074".into(),
        legal_form: "SARL".into(),
        naf: "47.91B".into(),
        size_class: "micro".into(),
        headcount: "4".into(),
        street: "12 rue des Tanneurs".into(),
        postcode: "69001".into(),
        city: "Lyon".into(),
        country: "FR".into(),
        contact_name: "Claire Martin".into(),
        contact_role: "Gérante".into(),
        contact_email: "claire@exemple.fr".into(),
        contact_phone: "06 12 34 56 78".into(),
        insolvency: false,
    }
}

/// A dossier to `destination` about one incident, asking for a mediation, its declarations
/// signed.
pub(crate) fn dossier_draft(destination: &str, incident_id: i64) -> DossierInput {
    DossierInput {
        destination: destination.into(),
        locale: "fr".into(),
        incident_ids: vec![incident_id],
        title: "Suspension du compte vendeur".into(),
        summary: "Compte suspendu sans motif le 2 mars 2026.".into(),
        asks: vec![AskInput {
            kind: "mediation".into(),
            detail: String::new(),
        }],
        declarations: DeclarationsInput {
            accuracy: true,
            signatory: "Claire Martin, gérante".into(),
            place: "Lyon".into(),
            ..DeclarationsInput::default()
        },
        ..DossierInput::default()
    }
}

/// The names of the files in `dir`, sorted.
pub(crate) fn names(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

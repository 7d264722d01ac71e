//! Dossiers on real SQLCipher vaults: drafts numbered per year, what is missing read from the
//! journal, the report and its pieces numbered across incidents, the pieces' bytes verified
//! one at a time, exports and submissions recorded — the submission with its events and
//! statuses in one transaction.

mod common;

use carnet_core::dossier::{DossierInput, MissingCode, SubmissionInput};
use carnet_core::journal::event::{Actor, Channel};
use carnet_core::journal::incident::{IncidentInput, Status};
use carnet_core::journal::platform::PlatformInput;
use carnet_core::journal::trash::TrashEntity;
use carnet_core::report::{Destination, PieceSource};
use carnet_core::{Locale, Platforms};
use carnet_store::journal::dossiers::{self, ALTERED, VaultPieces};
use carnet_store::journal::{company, incidents, pieces, platforms, trash};
use carnet_store::{StoreError, Vault};
use chrono::DateTime;
use common::*;

const LATER: &str = "2026-11-27T09:00:00+01:00";

async fn platform(vault: &Vault) -> i64 {
    let details = PlatformInput {
        catalogue_id: "amazon".into(),
        legal_entity: "Amazon EU SARL".into(),
        address: "38 avenue John F. Kennedy, L-1855 Luxembourg".into(),
        country: "LU".into(),
        seller_accounts: vec!["A1B2C3".into()],
        ..PlatformInput::default()
    }
    .check(Platforms::builtin(), today())
    .unwrap();
    platforms::save(vault, None, &details, NOW)
        .await
        .unwrap()
        .id
}

async fn save_company(vault: &Vault) {
    let profile = dossier_company().check().unwrap();
    company::save(vault, &profile, NOW).await.unwrap();
}

async fn incident(vault: &Vault, platform_id: i64, title: &str) -> i64 {
    let input = IncidentInput {
        platform_id,
        category: "ACC-02".into(),
        title: title.into(),
        occurred_on: Some("2026-03-01".into()),
        decision_on: Some("2026-03-02".into()),
        complaint_sent_on: Some("2026-03-05".into()),
        decision_reference: Some("CASE-42".into()),
        ..IncidentInput::default()
    };
    save_incident(vault, &input).await
}

fn draft(destination: &str, incident_ids: Vec<i64>) -> carnet_core::dossier::DossierDraft {
    DossierInput {
        destination: destination.into(),
        locale: "fr".into(),
        incident_ids,
        title: "Suspension du compte".into(),
        summary: "Compte suspendu sans motif.".into(),
        asks: vec![carnet_core::dossier::AskInput {
            kind: "reinstatement".into(),
            detail: String::new(),
        }],
        declarations: carnet_core::dossier::DeclarationsInput {
            accuracy: true,
            confidentiality: true,
            identity: Some("disclose".into()),
            signatory: "Claire Martin, gérante".into(),
            ..Default::default()
        },
        mediateur_request: if destination == "mediateur" {
            "sollicitation".into()
        } else {
            String::new()
        },
        ..DossierInput::default()
    }
    .check()
    .unwrap()
}

async fn count(vault: &Vault, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(vault.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn drafts_are_numbered_per_year_and_numbers_never_come_back() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let d = draft("dge_form", vec![]);
    let a = dossiers::create(&vault, &d, 2026, NOW).await.unwrap();
    let b = dossiers::create(&vault, &d, 2026, NOW).await.unwrap();
    dossiers::delete(&vault, b, LATER).await.unwrap();
    let c = dossiers::create(&vault, &d, 2026, LATER).await.unwrap();
    let next_year = dossiers::create(&vault, &d, 2027, LATER).await.unwrap();
    let number = |id| {
        let vault = &vault;
        async move { dossiers::get(vault, id).await.map(|s| s.number) }
    };
    assert_eq!(number(a).await.unwrap(), "2026-0001");
    assert!(matches!(number(b).await, Err(StoreError::NotFound)));
    assert_eq!(number(c).await.unwrap(), "2026-0003");
    assert_eq!(number(next_year).await.unwrap(), "2027-0001");
    let listed: Vec<String> = dossiers::list(&vault)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.number)
        .collect();
    assert_eq!(listed.len(), 3);
    assert!(!listed.contains(&"2026-0002".to_owned()));
    // A save that changes nothing writes no history; one that changes writes one row.
    let history = "SELECT count(*) FROM history WHERE entity = 'dossier'";
    let before = count(&vault, history).await;
    dossiers::save(&vault, a, &d, LATER).await.unwrap();
    assert_eq!(count(&vault, history).await, before);
    let mut changed = d.clone();
    changed.title = "Autre titre".into();
    dossiers::save(&vault, a, &changed, LATER).await.unwrap();
    assert_eq!(count(&vault, history).await, before + 1);
    assert_eq!(dossiers::get(&vault, a).await.unwrap().draft, changed);
    assert!(matches!(
        dossiers::save(&vault, b, &d, LATER).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        dossiers::delete(&vault, b, LATER).await,
        Err(StoreError::NotFound)
    ));
    vault.lock().await;
}

fn export_record() -> carnet_core::dossier::ExportRecord {
    carnet_core::dossier::ExportRecord {
        exported_at: NOW.into(),
        destination: Destination::DgeForm,
        locale: Locale::Fr,
        sha256: format!("{:064x}", 7),
        size: 1000,
        pages: 3,
        pieces: 0,
    }
}

#[tokio::test]
async fn a_deleted_dossier_waits_in_the_trash_comes_back_or_goes_for_good() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let d = draft("dge_form", vec![]);
    let a = dossiers::create(&vault, &d, 2026, NOW).await.unwrap();
    let b = dossiers::create(&vault, &d, 2026, NOW).await.unwrap();
    dossiers::record_export(&vault, b, &export_record())
        .await
        .unwrap();
    dossiers::delete(&vault, b, LATER).await.unwrap();
    let in_trash = trash::list(&vault).await.unwrap();
    assert_eq!(in_trash.len(), 1);
    assert_eq!(
        (
            in_trash[0].entity,
            in_trash[0].id,
            in_trash[0].label.as_str()
        ),
        (TrashEntity::Dossier, b, "2026-0002 · Suspension du compte")
    );

    dossiers::restore(&vault, b, LATER).await.unwrap();
    assert!(trash::list(&vault).await.unwrap().is_empty());
    assert_eq!(dossiers::get(&vault, b).await.unwrap().exports.len(), 1);
    assert!(matches!(
        dossiers::restore(&vault, b, LATER).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        dossiers::restore(&vault, 4242, LATER).await,
        Err(StoreError::NotFound)
    ));

    dossiers::delete(&vault, b, LATER).await.unwrap();
    trash::purge(&vault, TrashEntity::Dossier, b, LATER, today())
        .await
        .unwrap();
    assert!(trash::list(&vault).await.unwrap().is_empty());
    assert_eq!(
        count(&vault, "SELECT count(*) FROM dossier_export").await,
        0
    );
    assert!(matches!(
        dossiers::restore(&vault, b, LATER).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        trash::purge(&vault, TrashEntity::Dossier, a, LATER, today()).await,
        Err(StoreError::NotFound)
    ));
    // The purged dossier's number is never given again.
    let c = dossiers::create(&vault, &d, 2026, LATER).await.unwrap();
    assert_eq!(dossiers::get(&vault, c).await.unwrap().number, "2026-0003");
    vault.lock().await;
}

#[tokio::test]
async fn what_is_missing_comes_from_the_journal_and_the_report_numbers_pieces_across_incidents() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault).await;
    let one = incident(&vault, p, "Compte suspendu").await;
    let two = incident(&vault, p, "Paiements retenus").await;
    let a = pieces::add(&vault, one, &b"premier"[..], None, "a.txt", None, NOW)
        .await
        .unwrap();
    let b = pieces::add(&vault, one, &b"second"[..], None, "b.txt", None, NOW)
        .await
        .unwrap();
    let c = pieces::add(&vault, two, &b"troisieme"[..], None, "c.txt", None, NOW)
        .await
        .unwrap();
    event_with_piece(
        &vault,
        two,
        ("platform", "email", "Paiements retenus"),
        c.id,
    )
    .await;

    // Two before one: the draft's order is the dossier's.
    let id = dossiers::create(&vault, &draft("mediateur", vec![two, one]), 2026, NOW)
        .await
        .unwrap();
    let view = dossiers::view(&vault, id, today()).await.unwrap();
    assert!(!view.complete);
    assert_eq!(view.missing[0].code, MissingCode::CompanyProfile);
    assert_eq!(view.preview.incidents, 2);
    assert_eq!(view.preview.events, 1);
    assert_eq!(view.preview.pieces, 3);
    assert_eq!(view.preview.piece_bytes, (7 + 6 + 9) as u64);
    let at = DateTime::parse_from_rfc3339(LATER).unwrap();
    assert!(matches!(
        dossiers::report(&vault, id, at).await.unwrap(),
        Err(missing) if missing[0].code == MissingCode::CompanyProfile
    ));

    save_company(&vault).await;
    let view = dossiers::view(&vault, id, today()).await.unwrap();
    assert!(view.complete, "{:?}", view.missing);
    let report = dossiers::report(&vault, id, at).await.unwrap().unwrap();
    assert!(report.problems().is_empty(), "{:?}", report.problems());
    assert_eq!(report.number, "2026-0001");
    assert_eq!(
        report
            .pieces
            .iter()
            .map(|p| (p.id, p.number))
            .collect::<Vec<_>>(),
        vec![(c.id, 1), (a.id, 2), (b.id, 3)]
    );
    assert_eq!(report.incidents[0].events.len(), 1);
    assert_eq!(report.platforms.len(), 1);
    assert_eq!(report.steps.len(), 2);

    // The pieces' bytes, verified; an altered file is refused.
    let source = VaultPieces::new(&vault, &report.pieces).await.unwrap();
    assert_eq!(source.bytes(&report.pieces[1]).unwrap(), b"premier");
    let file_id: String = sqlx::query_scalar(
        "SELECT c.file_id FROM piece p JOIN evidence_content c ON c.id = p.content_id
         WHERE p.id = ?",
    )
    .bind(a.id)
    .fetch_one(vault.pool())
    .await
    .unwrap();
    let path = f.layout.evidence_dir().join(file_id);
    let mut sealed = std::fs::read(&path).unwrap();
    let last = sealed.len() - 1;
    sealed[last] ^= 1;
    std::fs::write(&path, &sealed).unwrap();
    assert_eq!(source.bytes(&report.pieces[1]).unwrap_err().0, ALTERED);
    assert_eq!(source.bytes(&report.pieces[2]).unwrap(), b"second");

    // A trashed incident drops out of the report and is pointed at.
    incidents::delete(&vault, two, LATER).await.unwrap();
    let view = dossiers::view(&vault, id, today()).await.unwrap();
    assert_eq!(view.missing[0].code, MissingCode::IncidentUnavailable);
    assert_eq!(view.preview.pieces, 2);
    vault.lock().await;
}

#[tokio::test]
async fn exports_are_recorded_newest_first() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let id = dossiers::create(&vault, &draft("dge_form", vec![]), 2026, NOW)
        .await
        .unwrap();
    for (n, at) in [(1u32, NOW), (2, LATER)] {
        let rec = carnet_core::dossier::ExportRecord {
            exported_at: at.into(),
            destination: Destination::DgeForm,
            locale: Locale::En,
            sha256: format!("{n:064x}"),
            size: 1000 + u64::from(n),
            pages: 3 + n,
            pieces: n,
        };
        dossiers::record_export(&vault, id, &rec).await.unwrap();
    }
    let s = dossiers::get(&vault, id).await.unwrap();
    assert_eq!(s.exports.len(), 2);
    assert_eq!(s.exports[0].pages, 5);
    assert_eq!(s.exports[0].locale, Locale::En);
    let item = &dossiers::list(&vault).await.unwrap()[0];
    assert_eq!(item.last_export.as_ref().unwrap().size, 1002);
    vault.lock().await;
}

#[tokio::test]
async fn a_submission_adds_an_event_to_each_incident_and_moves_statuses_forward() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault).await;
    let open = incident(&vault, p, "Compte suspendu").await;
    let further = incident(&vault, p, "Déjà en médiation").await;
    let trashed = incident(&vault, p, "À la corbeille").await;
    incidents::set_status(&vault, further, Status::Mediation, NOW, today())
        .await
        .unwrap();
    incidents::delete(&vault, trashed, NOW).await.unwrap();
    let id = dossiers::create(
        &vault,
        &draft("platform_complaint", vec![open, further, trashed]),
        2026,
        NOW,
    )
    .await
    .unwrap();
    let sent = SubmissionInput {
        submitted_on: "2026-11-25".into(),
        reference: "R-778".into(),
    }
    .check(today())
    .unwrap();
    let moved = dossiers::record_submission(&vault, id, &sent, LATER, today())
        .await
        .unwrap();
    assert_eq!(moved, vec![(open, Status::ComplaintSent)]);

    let detail = incidents::detail(&vault, open, today()).await.unwrap();
    assert_eq!(detail.incident.status, Status::ComplaintSent);
    assert_eq!(
        detail
            .status_history
            .iter()
            .map(|s| s.status)
            .collect::<Vec<_>>(),
        vec![Status::Open, Status::ComplaintSent]
    );
    let ev = detail.events.last().unwrap();
    assert_eq!(ev.data.actor, Actor::Us);
    assert_eq!(ev.data.channel, Channel::PortalMessage);
    assert_eq!(ev.data.happened_on, sent.submitted_on);
    assert_eq!(
        ev.data.summary,
        "Dossier 2026-0001 envoyé au service de réclamation de la plateforme (référence R-778)"
    );
    let further_detail = incidents::detail(&vault, further, today()).await.unwrap();
    assert_eq!(further_detail.incident.status, Status::Mediation);
    assert_eq!(further_detail.events.len(), 1, "the event, not the status");
    assert_eq!(
        count(
            &vault,
            &format!("SELECT count(*) FROM event WHERE incident_id = {trashed}")
        )
        .await,
        0
    );
    let s = dossiers::get(&vault, id).await.unwrap();
    assert_eq!(s.submissions.len(), 1);
    assert_eq!(s.submissions[0].reference, "R-778");
    assert_eq!(s.submissions[0].destination, Destination::PlatformComplaint);

    // A later dossier on the same incident lists that submission among the steps taken.
    save_company(&vault).await;
    let later = dossiers::create(&vault, &draft("dge_form", vec![open]), 2026, LATER)
        .await
        .unwrap();
    let at = DateTime::parse_from_rfc3339(LATER).unwrap();
    let report = dossiers::report(&vault, later, at).await.unwrap().unwrap();
    let step = report
        .steps
        .iter()
        .find(|s| s.date == Some(sent.submitted_on))
        .expect("the submission as a step");
    assert_eq!(step.kind, carnet_core::report::StepKind::InternalComplaint);
    assert_eq!(step.reference, "R-778");
    dossiers::delete(&vault, later, LATER).await.unwrap();

    // A submission of a deleted dossier writes nothing at all.
    dossiers::delete(&vault, id, LATER).await.unwrap();
    let events_before = count(&vault, "SELECT count(*) FROM event").await;
    assert!(matches!(
        dossiers::record_submission(&vault, id, &sent, LATER, today()).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        count(&vault, "SELECT count(*) FROM event").await,
        events_before
    );
    vault.lock().await;
}

//! The dossier commands run by the test host: the journey (a draft, what is missing, fixed,
//! exported to a PDF that poppler reads and whose SHA-256 is recorded, the submission with
//! its events and statuses), a bad-input table per command, and the exports that fail
//! without leaving a file.

use std::sync::{Arc, Mutex};

use carnet_core::Field;
use carnet_core::dossier::{DossierInput, DossierProgress, MissingCode, SubmissionInput};
use carnet_core::journal::incident::{IncidentInput, Status};
use carnet_core::journal::platform::PlatformInput;

use crate::error::{ErrorCode, IpcError};
use crate::flows::dossiers::{Progress, dossier_code};
use crate::flows::evidence::Content;
use crate::flows::files::io_code;
use crate::state::AppState;
use crate::test_host::{dossier_company, dossier_draft, hostile, names, opened, suspended_account};

/// A 1×1 RGBA PNG.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/// A platform, an incident with an event and two pieces (text and image): the incident id.
async fn journal(s: &AppState) -> (i64, i64) {
    let (platform_id, incident_id, _) = suspended_account(
        s,
        IncidentInput {
            funds_held: Some("1 234,56".into()),
            ..IncidentInput::default()
        },
    )
    .await;
    s.piece_add_bytes(incident_id, "capture.png", None, Content::Base64(PNG))
        .await
        .unwrap();
    (platform_id, incident_id)
}

fn draft(incident_id: i64) -> DossierInput {
    DossierInput {
        mediateur_request: "sollicitation".into(),
        ..dossier_draft("mediateur", incident_id)
    }
}

/// The company's profile and the platform's operator, as the Médiateur needs them.
async fn complete_parties(s: &AppState, platform_id: i64) {
    s.company_save(dossier_company()).await.unwrap();
    s.platform_save(PlatformInput {
        id: Some(platform_id),
        catalogue_id: "amazon".into(),
        legal_entity: "Amazon Online France SAS".into(),
        address: "67 boulevard du Général Leclerc, 92110 Clichy".into(),
        country: "FR".into(),
        siret: "73282932000074".into(),
        seller_accounts: vec!["A1B2C3".into()],
        ..PlatformInput::default()
    })
    .await
    .unwrap();
}

fn recorder() -> (Progress, Arc<Mutex<Vec<DossierProgress>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    let progress: Progress = Arc::new(move |p| sink.lock().unwrap().push(p));
    (progress, seen)
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn refused(e: &IpcError, code: ErrorCode, field: Option<Field>, what: &str) {
    assert_eq!((e.code, e.field), (code, field), "{what}: {e:?}");
    assert!(!e.message.is_empty());
}

#[tokio::test]
async fn a_dossier_from_draft_to_export_to_submission() {
    let (_dir, s) = opened().await;
    let (platform_id, incident_id) = journal(&s).await;

    let view = s.dossier_create(draft(incident_id)).await.unwrap();
    assert_eq!(
        view.number,
        format!("{}-0001", chrono::Local::now().format("%Y"))
    );
    assert!(!view.complete);
    let codes: Vec<MissingCode> = view.missing.iter().map(|m| m.code).collect();
    for code in [
        MissingCode::CompanyProfile,
        MissingCode::ConfidentialityUndertaking,
        MissingCode::PlatformLegalEntity,
        MissingCode::PlatformSiret,
    ] {
        assert!(codes.contains(&code), "{code:?} in {codes:?}");
    }
    assert_eq!(view.preview.pieces, 2);

    // Not complete: refused before any dialog, nothing written.
    let out = tempfile::tempdir().unwrap();
    assert_eq!(
        s.dossier_export_name(view.id).await.unwrap_err().code,
        ErrorCode::DossierIncomplete
    );
    let (progress, _) = recorder();
    let e = s
        .dossier_export(view.id, &out.path().join("x.pdf"), progress)
        .await
        .unwrap_err();
    refused(&e, ErrorCode::DossierIncomplete, None, "incomplete");
    for e in [
        s.dossier_submission_help(view.id)
            .await
            .map(|_| ())
            .unwrap_err(),
        s.dossier_form_url(view.id).await.map(|_| ()).unwrap_err(),
    ] {
        refused(
            &e,
            ErrorCode::DossierIncomplete,
            None,
            "help of an incomplete dossier",
        );
    }
    assert!(names(out.path()).is_empty());

    // Fixed where the list says.
    complete_parties(&s, platform_id).await;
    let mut fixed = draft(incident_id);
    fixed.declarations.confidentiality = true;
    fixed.declarations.identity = Some("disclose".into());
    let view = s.dossier_save(view.id, fixed).await.unwrap();
    assert!(view.complete, "{:?}", view.missing);

    // The submission screen: each field with its text, the form's limits checked.
    let delivery = s.dossier_submission_help(view.id).await.unwrap();
    assert_eq!(
        delivery.help.destination,
        carnet_core::report::Destination::Mediateur
    );
    assert!(!delivery.help.fields.is_empty());
    assert!(delivery.help.fields.iter().all(|f| !f.text.is_empty()));
    assert_eq!(delivery.limits.pieces.len(), 2);
    assert_eq!(
        s.dossier_form_url(view.id).await.unwrap(),
        delivery.help.url
    );

    let name = s.dossier_export_name(view.id).await.unwrap();
    assert_eq!(
        name,
        format!("Carnet-{}-mediateur.pdf", view.number),
        "the suggested name"
    );
    let dest = out.path().join(&name);
    let (progress, seen) = recorder();
    let written = s.dossier_export(view.id, &dest, progress).await.unwrap();
    let zip = format!("Carnet-{}-mediateur-pieces.zip", view.number);
    assert_eq!(
        names(out.path()),
        vec![zip.clone(), name.clone()],
        "the PDF and its bundle, no temporary file left"
    );
    assert_eq!(written.bundle_file_name, zip);
    let zip_path = out.path().join(&zip);
    assert_eq!(
        written.bundle_size,
        std::fs::metadata(&zip_path).unwrap().len()
    );
    let listing = std::process::Command::new("zipinfo")
        .arg("-1")
        .arg(&zip_path)
        .output()
        .expect("zipinfo (unzip) is installed");
    assert!(listing.status.success());
    let entries = String::from_utf8_lossy(&listing.stdout).into_owned();
    for entry in [
        "P01-",
        "P02-",
        "manifest.csv",
        "manifest.json",
        "SHA256SUMS",
        "VERIFIER.txt",
    ] {
        assert!(entries.contains(entry), "{entry} in {entries}");
    }
    let bytes = std::fs::read(&dest).unwrap();
    assert_eq!(written.file_name, name);
    assert_eq!(written.size, bytes.len() as u64);
    assert_eq!(written.sha256, sha256_hex(&bytes));
    assert_eq!(written.pieces, 2);
    assert!(written.pages >= 3, "{}", written.pages);
    let seen = seen.lock().unwrap().clone();
    let last = *seen.last().unwrap();
    assert_eq!(last.done, last.total);
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done), "{seen:?}");

    // To look at it: CARNET_KEEP_DOSSIER=/tmp/d.pdf cargo test -p carnet --lib dossier_from
    if let Some(keep) = std::env::var_os("CARNET_KEEP_DOSSIER") {
        std::fs::copy(&dest, keep).unwrap();
    }
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&dest)
        .output()
        .expect("qpdf is installed");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    // poppler reads it: the title, the company's SIRET, accented words, the euro amount.
    let text = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&dest)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout).replace(['\u{202F}', '\u{A0}'], " ");
    for needle in [
        "Suspension du compte vendeur",
        "732 829 320 00074",
        "Compte vendeur suspendu",
        "Médiateur des entreprises",
        "1 234,56 €",
    ] {
        assert!(
            text.contains(needle) || text.replace(' ', "").contains(&needle.replace(' ', "")),
            "{needle} not in the PDF's text"
        );
    }

    // The export is recorded with the file's SHA-256.
    let view = s.dossier_get(view.id).await.unwrap();
    assert_eq!(view.exports.len(), 1);
    assert_eq!(view.exports[0].sha256, written.sha256);
    assert_eq!(view.exports[0].pages, written.pages);
    let listed = s.dossier_list().await.unwrap();
    assert_eq!(
        listed[0].last_export.as_ref().unwrap().sha256,
        written.sha256
    );

    // The same dossier in English, beside it: both exports recorded, newest first.
    let mut english = s.dossier_get(view.id).await.unwrap().draft;
    english.locale = carnet_core::Locale::En;
    let english: DossierInput =
        serde_json::from_value(serde_json::to_value(&english).unwrap()).unwrap();
    let view = s.dossier_save(view.id, english).await.unwrap();
    assert!(view.complete);
    let dest_en = out.path().join("en.pdf");
    let (progress, _) = recorder();
    let written_en = s.dossier_export(view.id, &dest_en, progress).await.unwrap();
    assert_eq!(written_en.bundle_file_name, "en-evidence.zip");
    let text = std::process::Command::new("pdftotext")
        .arg(&dest_en)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Sollicitation of the Médiateur des entreprises"),
        "English headings"
    );
    let view = s.dossier_get(view.id).await.unwrap();
    assert_eq!(view.exports.len(), 2);
    assert_eq!(view.exports[0].sha256, written_en.sha256);
    assert_eq!(view.exports[0].locale, carnet_core::Locale::En);
    assert_ne!(written_en.sha256, written.sha256);

    // The submission: an event on the incident, its status moved to mediation.
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let view = s
        .dossier_record_submission(
            view.id,
            SubmissionInput {
                submitted_on: today,
                reference: "MED-2026-118".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(view.submissions[0].reference, "MED-2026-118");
    let detail = s.incident_get(incident_id).await.unwrap();
    assert_eq!(detail.incident.status, Status::Mediation);
    assert_eq!(
        detail.status_history.last().unwrap().status,
        Status::Mediation
    );
    let event = detail.events.last().unwrap();
    assert!(event.data.summary.contains("Médiateur des entreprises"));
    assert!(event.data.summary.contains("MED-2026-118"));
    // Closed before the test ends: a pool dropped while the process exits can crash
    // SQLCipher in its worker thread (seen in the other journal tests).
    s.vault_lock().await;
}

#[tokio::test]
async fn exports_that_fail_leave_no_file_and_say_why() {
    let (dir, s) = opened().await;
    let (_, incident_id) = journal(&s).await;
    s.company_save(dossier_company()).await.unwrap();
    let mut d = draft(incident_id);
    d.destination = "platform_complaint".into();
    let incident = s.incident_get(incident_id).await.unwrap().incident;
    s.incident_save(IncidentInput {
        id: Some(incident_id),
        platform_id: incident.data.platform_id,
        category: incident.data.category.clone(),
        title: incident.data.title.clone(),
        decision_on: Some("2026-03-02".into()),
        decision_reference: Some("CASE-1".into()),
        ..IncidentInput::default()
    })
    .await
    .unwrap();
    let view = s.dossier_create(d).await.unwrap();
    assert!(view.complete, "{:?}", view.missing);

    // A folder that does not exist.
    let out = tempfile::tempdir().unwrap();
    let (progress, _) = recorder();
    let e = s
        .dossier_export(view.id, &out.path().join("nope").join("d.pdf"), progress)
        .await
        .unwrap_err();
    refused(&e, ErrorCode::ExportFailed, None, "missing folder");
    assert!(names(out.path()).is_empty());

    // A piece altered on the disk: nothing written, nothing recorded.
    let file_id: String = {
        let slot = s.vault.lock().await;
        sqlx::query_scalar(
            "SELECT c.file_id FROM piece p JOIN evidence_content c ON c.id = p.content_id
             WHERE p.incident_id = ? ORDER BY p.number LIMIT 1",
        )
        .bind(incident_id)
        .fetch_one(slot.as_ref().unwrap().pool())
        .await
        .unwrap()
    };
    let path = dir.path().join("evidence").join(file_id);
    let mut sealed = std::fs::read(&path).unwrap();
    let n = sealed.len() - 1;
    sealed[n] ^= 0x55;
    std::fs::write(&path, &sealed).unwrap();
    let (progress, _) = recorder();
    let e = s
        .dossier_export(view.id, &out.path().join("d.pdf"), progress)
        .await
        .unwrap_err();
    refused(&e, ErrorCode::PieceAltered, None, "altered piece");
    assert!(names(out.path()).is_empty(), "{:?}", names(out.path()));
    assert!(s.dossier_get(view.id).await.unwrap().exports.is_empty());
    std::fs::write(&path, {
        sealed[n] ^= 0x55;
        &sealed
    })
    .unwrap();

    // The PDF cannot take its place (a folder has its name): the bundle, renamed just
    // before it, goes again.
    std::fs::create_dir(out.path().join("d.pdf")).unwrap();
    let (progress, _) = recorder();
    let e = s
        .dossier_export(view.id, &out.path().join("d.pdf"), progress)
        .await
        .unwrap_err();
    refused(&e, ErrorCode::ExportFailed, None, "a folder in the way");
    assert_eq!(names(out.path()), vec!["d.pdf"]);
    assert!(s.dossier_get(view.id).await.unwrap().exports.is_empty());

    // Restored, it exports.
    std::fs::remove_dir(out.path().join("d.pdf")).unwrap();
    let (progress, _) = recorder();
    let w = s
        .dossier_export(view.id, &out.path().join("d.pdf"), progress)
        .await
        .unwrap();
    assert_eq!(names(out.path()), vec!["d-pieces.zip", "d.pdf"]);
    assert_eq!(w.bundle_file_name, "d-pieces.zip");
    // Closed before the test ends: a pool dropped while the process exits can crash
    // SQLCipher in its worker thread (seen in the other journal tests).
    s.vault_lock().await;
}

#[test]
fn a_full_disk_says_so_and_other_failures_are_export_failed() {
    use std::io::{Error, ErrorKind};
    assert_eq!(
        io_code(&Error::from(ErrorKind::StorageFull)),
        ErrorCode::DiskFull
    );
    assert_eq!(
        io_code(&Error::from(ErrorKind::QuotaExceeded)),
        ErrorCode::DiskFull
    );
    assert_eq!(
        io_code(&Error::from(ErrorKind::PermissionDenied)),
        ErrorCode::ExportFailed
    );
    assert_eq!(
        dossier_code(&carnet_dossier::DossierError::Write(
            Error::from_raw_os_error(28)
        )),
        ErrorCode::DiskFull,
        "ENOSPC"
    );
    assert_eq!(
        dossier_code(&carnet_dossier::DossierError::PieceAltered {
            piece: "P01".into()
        }),
        ErrorCode::PieceAltered
    );
}

/// Every refusal leaves the dossiers as they were.
async fn dossier_rows(s: &AppState) -> String {
    let slot = s.vault.lock().await;
    sqlx::query_scalar(
        "SELECT (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM dossier)
             || ' ' || (SELECT count(*) FROM dossier_export)
             || ' ' || (SELECT count(*) FROM dossier_submission)
             || ' ' || (SELECT count(*) FROM event)
             || ' ' || (SELECT count(*) FROM history)",
    )
    .fetch_one(slot.as_ref().unwrap().pool())
    .await
    .unwrap()
}

#[tokio::test]
async fn dossier_create_and_save_bad_inputs() {
    let (_dir, s) = opened().await;
    let (_, incident_id) = journal(&s).await;
    let id = s.dossier_create(draft(incident_id)).await.unwrap().id;
    type Change = Box<dyn Fn(&mut DossierInput)>;
    let mut table: Vec<(Change, Field)> = vec![
        (
            Box::new(|i| i.destination = "dgccrf".into()),
            Field::DossierDestination,
        ),
        (Box::new(|i| i.locale = "FR".into()), Field::DossierLocale),
        (
            Box::new(|i| i.incident_ids = vec![-1]),
            Field::DossierIncidents,
        ),
        (Box::new(|i| i.title = "x".repeat(201)), Field::DossierTitle),
        (
            Box::new(|i| i.summary = "é".repeat(401)),
            Field::DossierSummary,
        ),
        (
            Box::new(|i| i.asks[0].kind = "<script>".into()),
            Field::DossierAsks,
        ),
        (
            Box::new(|i| {
                i.ip_rights = vec![carnet_core::dossier::IpRightInput {
                    kind: "brand".into(),
                    ..Default::default()
                }]
            }),
            Field::DossierIpRights,
        ),
        (
            Box::new(|i| i.listings = vec!["javascript:alert(1)".into()]),
            Field::DossierListings,
        ),
        (
            Box::new(|i| i.declarations.identity = Some("peut-être".into())),
            Field::DossierIdentity,
        ),
        (
            Box::new(|i| i.declarations.signatory = "x".repeat(201)),
            Field::DossierSignatory,
        ),
        (
            Box::new(|i| i.declarations.place = "x".repeat(101)),
            Field::DossierPlace,
        ),
    ];
    for bad in hostile() {
        let f = Field::DossierDestination;
        let b = bad.clone();
        table.push((Box::new(move |i| i.destination = b.clone()), f));
        if bad.chars().count() > 400 || bad.contains('\0') || bad.contains('\u{202E}') {
            let b = bad.clone();
            table.push((
                Box::new(move |i| i.summary = b.clone()),
                Field::DossierSummary,
            ));
        }
        if !bad.trim().is_empty() {
            let b = bad.clone();
            table.push((
                Box::new(move |i| i.listings = vec![b.clone()]),
                Field::DossierListings,
            ));
        }
    }
    let before = dossier_rows(&s).await;
    for (n, (change, field)) in table.iter().enumerate() {
        let mut input = draft(incident_id);
        change(&mut input);
        let e = s.dossier_create(input.clone()).await.unwrap_err();
        refused(
            &e,
            ErrorCode::InvalidInput,
            Some(*field),
            &format!("create row {n}"),
        );
        let e = s.dossier_save(id, input).await.unwrap_err();
        refused(
            &e,
            ErrorCode::InvalidInput,
            Some(*field),
            &format!("save row {n}"),
        );
    }
    for bad_id in [0, -1, id + 1, i64::MAX] {
        let e = s
            .dossier_save(bad_id, draft(incident_id))
            .await
            .unwrap_err();
        refused(&e, ErrorCode::NotFound, None, "save unknown id");
    }
    assert_eq!(dossier_rows(&s).await, before);
    // Closed before the test ends: a pool dropped while the process exits can crash
    // SQLCipher in its worker thread (seen in the other journal tests).
    s.vault_lock().await;
}

#[tokio::test]
async fn dossier_get_delete_export_and_submission_bad_inputs() {
    let (_dir, s) = opened().await;
    let (_, incident_id) = journal(&s).await;
    let id = s.dossier_create(draft(incident_id)).await.unwrap().id;
    let deleted = s.dossier_create(draft(incident_id)).await.unwrap().id;
    s.dossier_delete(deleted).await.unwrap();
    let before = dossier_rows(&s).await;
    let out = tempfile::tempdir().unwrap();
    for bad_id in [0, -1, id, id + 100, i64::MIN, i64::MAX] {
        refused(
            &s.dossier_restore(bad_id).await.unwrap_err(),
            ErrorCode::NotFound,
            None,
            "restore: not in the trash",
        );
        refused(
            &s.trash_purge("dossier".into(), bad_id).await.unwrap_err(),
            ErrorCode::NotFound,
            None,
            "purge: not in the trash",
        );
    }
    for bad_id in [0, -1, deleted, id + 100, i64::MIN] {
        refused(
            &s.dossier_get(bad_id).await.unwrap_err(),
            ErrorCode::NotFound,
            None,
            "get",
        );
        refused(
            &s.dossier_delete(bad_id).await.unwrap_err(),
            ErrorCode::NotFound,
            None,
            "delete",
        );
        refused(
            &s.dossier_export_name(bad_id).await.unwrap_err(),
            ErrorCode::NotFound,
            None,
            "export name",
        );
        refused(
            &s.dossier_submission_help(bad_id)
                .await
                .map(|_| ())
                .unwrap_err(),
            ErrorCode::NotFound,
            None,
            "submission help",
        );
        refused(
            &s.dossier_form_url(bad_id).await.map(|_| ()).unwrap_err(),
            ErrorCode::NotFound,
            None,
            "form url",
        );
        let (progress, _) = recorder();
        refused(
            &s.dossier_export(bad_id, &out.path().join("d.pdf"), progress)
                .await
                .unwrap_err(),
            ErrorCode::NotFound,
            None,
            "export",
        );
        let ok = SubmissionInput {
            submitted_on: "2026-01-05".into(),
            reference: String::new(),
        };
        refused(
            &s.dossier_record_submission(bad_id, ok).await.unwrap_err(),
            ErrorCode::NotFound,
            None,
            "submission",
        );
    }
    let tomorrow = (chrono::Local::now().date_naive() + chrono::Days::new(1))
        .format("%Y-%m-%d")
        .to_string();
    let mut table: Vec<(String, String, Field)> = vec![
        (tomorrow, String::new(), Field::DossierSubmittedOn),
        (
            "2026-02-30".into(),
            String::new(),
            Field::DossierSubmittedOn,
        ),
        (
            "05/01/2026".into(),
            String::new(),
            Field::DossierSubmittedOn,
        ),
        (
            "2026-01-05".into(),
            "x".repeat(101),
            Field::DossierReference,
        ),
        (
            "2026-01-05".into(),
            "a\u{202E}b".into(),
            Field::DossierReference,
        ),
    ];
    for bad in hostile() {
        if !bad.trim().is_empty() {
            table.push((bad, String::new(), Field::DossierSubmittedOn));
        }
    }
    table.push((String::new(), String::new(), Field::DossierSubmittedOn));
    for (on, reference, field) in table {
        let e = s
            .dossier_record_submission(
                id,
                SubmissionInput {
                    submitted_on: on.clone(),
                    reference,
                },
            )
            .await
            .unwrap_err();
        refused(&e, ErrorCode::InvalidInput, Some(field), &on);
    }
    assert_eq!(dossier_rows(&s).await, before);
    // The deleted one comes back from the trash, whole.
    let trash = s.trash_list().await.unwrap();
    assert!(
        trash
            .iter()
            .any(|t| t.id == deleted && t.label.ends_with("Suspension du compte vendeur"))
    );
    s.dossier_restore(deleted).await.unwrap();
    assert_eq!(s.dossier_get(deleted).await.unwrap().id, deleted);
    assert!(names(out.path()).is_empty());
    // Closed before the test ends: a pool dropped while the process exits can crash
    // SQLCipher in its worker thread (seen in the other journal tests).
    s.vault_lock().await;
}

#[tokio::test]
async fn every_dossier_command_says_when_the_vault_is_locked() {
    let (_dir, s) = opened().await;
    s.vault_lock().await;
    let out = tempfile::tempdir().unwrap();
    let (progress, _) = recorder();
    let errors = [
        s.dossier_create(draft(1)).await.map(|_| ()).unwrap_err(),
        s.dossier_list().await.map(|_| ()).unwrap_err(),
        s.dossier_get(1).await.map(|_| ()).unwrap_err(),
        s.dossier_save(1, draft(1)).await.map(|_| ()).unwrap_err(),
        s.dossier_delete(1).await.unwrap_err(),
        s.dossier_export_name(1).await.map(|_| ()).unwrap_err(),
        s.dossier_submission_help(1).await.map(|_| ()).unwrap_err(),
        s.dossier_form_url(1).await.map(|_| ()).unwrap_err(),
        s.dossier_export(1, &out.path().join("d.pdf"), progress)
            .await
            .map(|_| ())
            .unwrap_err(),
        s.dossier_record_submission(
            1,
            SubmissionInput {
                submitted_on: "2026-01-05".into(),
                reference: String::new(),
            },
        )
        .await
        .map(|_| ())
        .unwrap_err(),
    ];
    for e in errors {
        assert_eq!(e.code, ErrorCode::VaultLocked, "{e:?}");
    }
}

/// The demo journal (a year of a Lyon workshop's incidents, screenshots and e-mails) as one
/// DGE dossier: complete as the demo company stands, every piece in the PDF's inventory and
/// the bundle. Prints the figures (`cargo test -p carnet --lib demo_journal -- --nocapture`);
/// `make sample-dossier` keeps the files.
#[tokio::test]
async fn the_demo_journal_exports_as_one_dossier() {
    let (_dir, s) = opened().await;
    let today = chrono::Local::now().date_naive();
    let summary = {
        let slot = s.vault.lock().await;
        carnet_store::journal::generate::demo(slot.as_ref().unwrap(), today)
            .await
            .unwrap()
    };
    let page = s
        .incidents_list(Some(carnet_core::journal::incident::IncidentFilters {
            limit: Some(200),
            ..Default::default()
        }))
        .await
        .unwrap();
    let ids: Vec<i64> = page.items.iter().map(|i| i.line.id).collect();
    assert_eq!(ids.len(), summary.incidents as usize);
    let mut input = draft(ids[0]);
    input.destination = "dge_form".into();
    input.incident_ids = ids;
    input.declarations.identity = Some("withhold".into());
    let view = s.dossier_create(input).await.unwrap();
    assert!(view.complete, "{:?}", view.missing);
    assert_eq!(view.preview.pieces, summary.pieces);

    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("demo.pdf");
    let (progress, seen) = recorder();
    let started = std::time::Instant::now();
    let written = s.dossier_export(view.id, &dest, progress).await.unwrap();
    let took = started.elapsed();
    assert_eq!(written.pieces, summary.pieces);
    let zip = out.path().join(&written.bundle_file_name);
    // `make sample-dossier` keeps them (in target/sample/demo/).
    if let Some(keep) = std::env::var_os("CARNET_SAMPLE_DIR").map(std::path::PathBuf::from) {
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&dest, keep.join("Carnet-demo-dge-form.pdf")).unwrap();
        std::fs::copy(&zip, keep.join(&written.bundle_file_name)).unwrap();
    }
    println!(
        "demo dossier: {} incidents, {} events, {} pieces ({} bytes) -> {} pages, PDF {} bytes, \
         bundle {} bytes, {} progress events, in {:.2} s (debug build)",
        summary.incidents,
        view.preview.events,
        summary.pieces,
        view.preview.piece_bytes,
        written.pages,
        written.size,
        std::fs::metadata(zip).unwrap().len(),
        seen.lock().unwrap().len(),
        took.as_secs_f64()
    );
    s.vault_lock().await;
}

/// With proofs on (the local TSA), the bundle carries each piece's token beside it, the
/// authority's certificates, the manifest's own token, and the how-to-verify text prints
/// the `openssl ts -verify` line of each: the real `openssl` passes every printed line, and
/// fails once a byte of a piece is flipped. The PDF's inventory says "Horodaté le …".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bundle_carries_tokens_that_openssl_verifies() {
    let (_tsa, url) = carnet_proof::testing::local_tsa();
    let (_dir, s) = opened().await;
    let (platform_id, incident_id) = journal(&s).await;
    s.proof_set(true, &url).await.unwrap();
    let start = std::time::Instant::now();
    while s.proof_status().await.waiting > 0 && start.elapsed().as_secs() < 60 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(s.proof_status().await.waiting, 0, "both pieces timestamped");
    complete_parties(&s, platform_id).await;
    let mut input = draft(incident_id);
    input.declarations.confidentiality = true;
    input.declarations.identity = Some("disclose".into());
    let view = s.dossier_create(input).await.unwrap();
    assert!(view.complete, "{:?}", view.missing);
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("d.pdf");
    let (progress, _) = recorder();
    let written = s.dossier_export(view.id, &dest, progress).await.unwrap();

    let text = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&dest)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace(['\n', ' '], "");
    assert!(text.contains("Horodatéle"), "the inventory says it");
    assert!(text.contains("(RFC3161)"));

    let unpacked = out.path().join("bundle");
    let unzip = std::process::Command::new("unzip")
        .args(["-q", "-d"])
        .arg(&unpacked)
        .arg(out.path().join(&written.bundle_file_name))
        .status()
        .unwrap();
    assert!(unzip.success());
    let readme = std::fs::read_to_string(unpacked.join("VERIFIER.txt")).unwrap();
    let lines: Vec<&str> = readme
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("openssl ts -verify"))
        .collect();
    assert_eq!(lines.len(), 3, "two pieces and the manifest: {readme}");
    assert!(unpacked.join("manifest.json.tsr").is_file());
    assert!(std::fs::read_dir(unpacked.join("tsa")).unwrap().count() >= 1);
    let run = |line: &str| {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(line)
            .current_dir(&unpacked)
            .output()
            .unwrap();
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("Verification: OK")
    };
    for line in &lines {
        assert!(run(line), "{line}");
    }
    // One byte of the first piece flipped: its line fails.
    let first = lines[0];
    let data = first.split('"').nth(1).unwrap();
    let mut bytes = std::fs::read(unpacked.join(data)).unwrap();
    bytes[0] ^= 1;
    std::fs::write(unpacked.join(data), bytes).unwrap();
    assert!(!run(first), "a changed piece fails");
    s.vault_lock().await;
}

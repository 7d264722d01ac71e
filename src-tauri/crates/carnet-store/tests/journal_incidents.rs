//! Incidents, their chronology and their pieces on real SQLCipher vaults: every write with
//! its history (names, never values) and search rows; refused writes leave nothing; the list
//! reads the `incident_recent` index; the trash, the purge and the evidence files it releases.

mod common;

use carnet_core::Locale;
use carnet_core::journal::event::{Actor, Channel, EventData, EventInput};
use carnet_core::journal::incident::{IncidentFilters, IncidentInput, Status};
use carnet_core::journal::piece::PieceInput;
use carnet_core::journal::trash::TrashEntity;
use carnet_store::journal::{events, incidents, pieces, trash};
use carnet_store::{StoreError, Vault, backup};
use chrono::NaiveDate;
use common::*;

const LATER: &str = "2026-11-27T09:00:00+01:00";

async fn platform(vault: &Vault, name: &str) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO platform (name, service, created_at, updated_at)
         VALUES (?, 'marketplace', ?, ?) RETURNING id",
    )
    .bind(name)
    .bind(NOW)
    .bind(NOW)
    .fetch_one(vault.pool())
    .await
    .unwrap()
}

fn input(platform_id: i64, title: &str, occurred: &str) -> IncidentInput {
    IncidentInput {
        platform_id,
        category: "ACC-02".into(),
        measure: Some("suspension".into()),
        title: title.into(),
        occurred_on: Some(occurred.into()),
        decision_on: Some(occurred.into()),
        funds_held: Some("2 500,00".into()),
        description: Some("Le compte a été suspendu après une réclamation.".into()),
        tags: vec!["urgent".into()],
        ..IncidentInput::default()
    }
}

async fn create(vault: &Vault, platform_id: i64, title: &str, occurred: &str) -> i64 {
    save_incident(vault, &input(platform_id, title, occurred)).await
}

async fn search(vault: &Vault, q: &str) -> Vec<(String, i64)> {
    sqlx::query_as("SELECT kind, ref_id FROM search WHERE search MATCH ? ORDER BY rowid")
        .bind(q)
        .fetch_all(vault.pool())
        .await
        .unwrap()
}

async fn history(vault: &Vault) -> Vec<(String, i64, String, String)> {
    sqlx::query_as("SELECT entity, entity_id, action, detail FROM history ORDER BY id")
        .fetch_all(vault.pool())
        .await
        .unwrap()
}

fn evidence_files(f: &Fixture) -> usize {
    std::fs::read_dir(f.layout.evidence_dir())
        .unwrap()
        .filter(|e| {
            !e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .count()
}

#[tokio::test]
async fn an_incident_is_created_with_its_status_history_and_search_text() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "Amazon").await;
    let id = create(&vault, p, "Compte suspendu sans préavis", "2026-03-02").await;
    let d = incidents::detail(&vault, id, today()).await.unwrap();
    assert_eq!(d.incident.platform_name, "Amazon");
    assert_eq!(d.incident.status, Status::Open);
    assert_eq!(d.incident.data.amounts.funds_held_cents, Some(250_000));
    assert_eq!(d.status_history.len(), 1);
    assert!(!d.incident.checks.is_empty(), "checks computed");
    assert_eq!(d.incident.checklist.len(), 3);
    // Accent-insensitive search finds it; the history names the fields, never their values.
    assert_eq!(
        search(&vault, "reclamation").await,
        [("incident".into(), id)]
    );
    let h = history(&vault).await;
    assert_eq!((h[0].0.as_str(), h[0].2.as_str()), ("incident", "created"));
    assert!(h[0].3.contains("\"title\"") && !h[0].3.contains("suspendu"));
    vault.lock().await;
}

#[tokio::test]
async fn refused_incidents_write_nothing() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "Cdiscount").await;
    let (_, data) = input(p + 1, "x", "2026-03-02")
        .validate(today(), Locale::Fr)
        .unwrap();
    assert!(matches!(
        incidents::save(&vault, None, &data, NOW, today()).await,
        Err(StoreError::Invalid(carnet_core::Field::IncidentPlatform))
    ));
    sqlx::query("UPDATE platform SET deleted_at = ? WHERE id = ?")
        .bind(NOW)
        .bind(p)
        .execute(vault.pool())
        .await
        .unwrap();
    let (_, data) = input(p, "x", "2026-03-02")
        .validate(today(), Locale::Fr)
        .unwrap();
    assert!(
        incidents::save(&vault, None, &data, NOW, today())
            .await
            .is_err()
    );
    assert!(
        incidents::save(&vault, Some(99), &data, NOW, today())
            .await
            .is_err()
    );
    for table in ["incident", "incident_status", "history", "search"] {
        assert_eq!(count(&vault, table).await, 0, "{table}");
    }
    vault.lock().await;
}

#[tokio::test]
async fn updates_record_the_fields_changed_and_statuses_their_history() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "eBay").await;
    let id = create(&vault, p, "Offres retirées", "2026-03-02").await;
    let mut i = input(p, "Offres retirées", "2026-03-02");
    i.id = Some(id);
    let (_, same) = i.validate(today(), Locale::Fr).unwrap();
    incidents::save(&vault, Some(id), &same, LATER, today())
        .await
        .unwrap();
    assert_eq!(history(&vault).await.len(), 1, "no change, no history");
    i.title = "Offres retirées puis remises".into();
    i.fees = Some("12,50".into());
    let (_, changed) = i.validate(today(), Locale::Fr).unwrap();
    let saved = incidents::save(&vault, Some(id), &changed, LATER, today())
        .await
        .unwrap();
    assert_eq!(saved.updated_at, LATER);
    let h = history(&vault).await;
    assert_eq!(h[1].3, r#"{"fields":["title","fees_cents"]}"#);
    assert_eq!(search(&vault, "remises").await.len(), 1);

    incidents::set_status(&vault, id, Status::ComplaintSent, LATER, today())
        .await
        .unwrap();
    incidents::set_status(&vault, id, Status::ComplaintSent, LATER, today())
        .await
        .unwrap();
    let s = incidents::set_status(&vault, id, Status::Resolved, LATER, today())
        .await
        .unwrap();
    assert_eq!(s.status, Status::Resolved);
    let d = incidents::detail(&vault, id, today()).await.unwrap();
    let statuses: Vec<Status> = d.status_history.iter().map(|c| c.status).collect();
    assert_eq!(
        statuses,
        [Status::Open, Status::ComplaintSent, Status::Resolved]
    );
    assert!(matches!(
        incidents::set_status(&vault, 999, Status::Open, LATER, today()).await,
        Err(StoreError::NotFound)
    ));
    vault.lock().await;
}

#[tokio::test]
async fn the_list_pages_most_recent_first_from_its_index() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let a = platform(&vault, "Amazon").await;
    let b = platform(&vault, "Fnac").await;
    for n in 1..=12 {
        let p = if n % 2 == 0 { a } else { b };
        create(
            &vault,
            p,
            &format!("Incident {n}"),
            &format!("2026-03-{n:02}"),
        )
        .await;
    }
    let (_, undated) = IncidentInput {
        occurred_on: None,
        ..input(a, "Sans date", "")
    }
    .validate(today(), Locale::Fr)
    .unwrap();
    incidents::save(&vault, None, &undated, NOW, today())
        .await
        .unwrap();

    let q = |f: IncidentFilters| f.validate(today()).unwrap();
    let first = incidents::list(
        &vault,
        &q(IncidentFilters {
            limit: Some(5),
            ..Default::default()
        }),
    )
    .await
    .unwrap();
    let titles: Vec<&str> = first.items.iter().map(|r| r.line.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Incident 12",
            "Incident 11",
            "Incident 10",
            "Incident 9",
            "Incident 8"
        ]
    );
    assert_eq!(first.next_offset, Some(5));
    let last = incidents::list(
        &vault,
        &q(IncidentFilters {
            offset: Some(10),
            limit: Some(5),
            ..Default::default()
        }),
    )
    .await
    .unwrap();
    assert_eq!(last.items.len(), 3);
    assert_eq!(last.items[2].line.title, "Sans date");
    assert_eq!(last.next_offset, None);

    let of_a = incidents::list(
        &vault,
        &q(IncidentFilters {
            platform_id: Some(a),
            ..Default::default()
        }),
    )
    .await
    .unwrap();
    assert_eq!(of_a.items.len(), 7);
    assert!(of_a.items.iter().all(|r| r.line.platform_name == "Amazon"));
    let march = incidents::list(
        &vault,
        &q(IncidentFilters {
            from: Some("2026-03-03".into()),
            to: Some("2026-03-05".into()),
            status: Some("open".into()),
            category: Some("ACC-02".into()),
            ..Default::default()
        }),
    )
    .await
    .unwrap();
    assert_eq!(march.items.len(), 3);

    // The first page walks the partial index in its order: no sort, no table scan.
    let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "EXPLAIN QUERY PLAN {}",
        incidents::LIST
    )))
    .bind(None::<i64>)
    .bind(None::<String>)
    .bind(None::<String>)
    .bind(None::<String>)
    .bind(None::<String>)
    .bind(51)
    .bind(0)
    .fetch_all(vault.pool())
    .await
    .unwrap();
    let plan: Vec<&str> = plan.iter().map(|r| r.3.as_str()).collect();
    assert!(
        plan.iter().any(|s| s.contains("incident_recent")),
        "{plan:?}"
    );
    assert!(!plan.iter().any(|s| s.contains("TEMP B-TREE")), "{plan:?}");
    vault.lock().await;
}

#[tokio::test]
async fn events_link_pieces_of_their_incident_only() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "ManoMano").await;
    let one = create(&vault, p, "Un", "2026-03-02").await;
    let two = create(&vault, p, "Deux", "2026-03-03").await;
    let p1 = pieces::add(
        &vault,
        one,
        &b"%PDF-1.7 facture"[..],
        None,
        "facture.pdf",
        None,
        NOW,
    )
    .await
    .unwrap();
    let other = pieces::add(&vault, two, &b"hello"[..], None, "note.txt", None, NOW)
        .await
        .unwrap();
    let ev = |piece_ids: Vec<i64>| EventInput {
        incident_id: one,
        happened_on: "2026-03-04".into(),
        actor: "platform".into(),
        channel: "email".into(),
        summary: "Notification de suspension".into(),
        full_text: Some("Votre compte est désactivé".into()),
        piece_ids,
        ..EventInput::default()
    };
    let (_, bad) = ev(vec![p1.id, other.id]).validate(today()).unwrap();
    let before = history(&vault).await.len();
    assert!(matches!(
        events::save(&vault, None, &bad, NOW).await,
        Err(StoreError::Invalid(carnet_core::Field::EventPieces))
    ));
    assert_eq!(count(&vault, "event").await, 0);
    assert_eq!(history(&vault).await.len(), before);

    let (_, good) = ev(vec![p1.id]).validate(today()).unwrap();
    let e = events::save(&vault, None, &good, NOW).await.unwrap();
    assert_eq!(e.data.piece_ids, [p1.id]);
    assert_eq!(e.data.channel, Channel::Email);
    assert_eq!(search(&vault, "desactive").await, [("event".into(), e.id)]);
    let d = incidents::detail(&vault, one, today()).await.unwrap();
    assert_eq!(d.pieces[0].event_ids, [e.id]);
    assert_eq!(d.events.len(), 1);

    let mut changed: EventData = good.clone();
    changed.actor = Actor::Us;
    changed.piece_ids.clear();
    let e2 = events::save(&vault, Some(e.id), &changed, LATER)
        .await
        .unwrap();
    assert!(e2.data.piece_ids.is_empty());
    let h = history(&vault).await;
    assert_eq!(h.last().unwrap().3, r#"{"fields":["actor","pieces"]}"#);
    // An event does not move to another incident.
    changed.incident_id = two;
    assert!(
        events::save(&vault, Some(e.id), &changed, LATER)
            .await
            .is_err()
    );

    events::delete(&vault, e.id, LATER).await.unwrap();
    assert!(search(&vault, "desactive").await.is_empty());
    assert!(
        incidents::detail(&vault, one, today())
            .await
            .unwrap()
            .events
            .is_empty()
    );
    events::restore(&vault, e.id, LATER).await.unwrap();
    assert_eq!(search(&vault, "desactive").await.len(), 1);
    vault.lock().await;
}

#[tokio::test]
async fn pieces_are_numbered_typed_hashed_and_never_half_written() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "Rakuten").await;
    let id = create(&vault, p, "Versements bloqués", "2026-03-02").await;
    let png = b"\x89PNG\r\n\x1a\n rest of the image";
    let a = pieces::add(
        &vault,
        id,
        &png[..],
        None,
        "capture.jpg",
        Some("image/jpeg"),
        NOW,
    )
    .await
    .unwrap();
    let b = pieces::add(
        &vault,
        id,
        &b"Relev\xc3\xa9"[..],
        None,
        "relevé.txt",
        None,
        NOW,
    )
    .await
    .unwrap();
    assert_eq!((a.number, b.number), (1, 2));
    assert_eq!(a.media_type, "image/png", "the bytes decide");
    assert_eq!(a.title, "capture");
    assert_eq!(a.size, png.len() as u64);
    use sha2::Digest;
    assert_eq!(a.sha256, hex::encode(sha2::Sha256::digest(png)));
    let (_, bytes) = pieces::content(&vault, a.id).await.unwrap();
    assert_eq!(&bytes[..], &png[..]);
    assert_eq!(search(&vault, "releve").await, [("piece".into(), b.id)]);

    let edit = PieceInput {
        id: b.id,
        title: "Relevé de mars".into(),
        dated_on: Some("2026-03-31".into()),
        note: Some("Montant retenu surligné".into()),
    }
    .validate(today())
    .unwrap();
    let b2 = pieces::update(&vault, &edit, LATER).await.unwrap();
    assert_eq!(b2.dated_on, NaiveDate::from_ymd_opt(2026, 3, 31));
    assert_eq!(search(&vault, "surligne").await.len(), 1);

    // Refused adds leave no row and no file.
    let files = evidence_files(&f);
    let rows = count(&vault, "evidence_content").await;
    assert!(matches!(
        pieces::add(&vault, id + 100, &png[..], None, "x.png", None, NOW).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        pieces::add(&vault, id, &b""[..], None, "vide.txt", None, NOW).await,
        Err(StoreError::EmptyFile)
    ));
    assert!(matches!(
        pieces::add(&vault, id, &png[..], Some(300 << 20), "big.png", None, NOW).await,
        Err(StoreError::TooLarge)
    ));
    assert_eq!(evidence_files(&f), files);
    assert_eq!(count(&vault, "evidence_content").await, rows);
    assert_eq!(count(&vault, "piece").await, 2);

    // A deleted piece keeps its number; the next one does not reuse it.
    pieces::delete(&vault, b.id, LATER).await.unwrap();
    let c = pieces::add(&vault, id, &b"%PDF-1.4"[..], None, "c.pdf", None, NOW)
        .await
        .unwrap();
    assert_eq!(c.number, 3);
    assert!(matches!(
        pieces::content(&vault, b.id).await,
        Err(StoreError::NotFound)
    ));
    pieces::restore(&vault, b.id, LATER).await.unwrap();
    assert_eq!(
        incidents::get(&vault, id, today())
            .await
            .unwrap()
            .piece_count,
        3
    );
    vault.lock().await;
}

#[tokio::test]
async fn a_deleted_incident_takes_its_events_and_pieces_to_the_trash_and_back() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "Etsy").await;
    let id = create(&vault, p, "Contrefaçons signalées", "2026-03-02").await;
    let piece = pieces::add(&vault, id, &b"URL list"[..], None, "liens.txt", None, NOW)
        .await
        .unwrap();
    let ev = event_with_piece(
        &vault,
        id,
        ("us", "portal_message", "Signalement envoyé"),
        piece.id,
    )
    .await;
    assert_eq!(count(&vault, "search").await, 3);

    incidents::delete(&vault, id, LATER).await.unwrap();
    assert_eq!(
        count(&vault, "search").await,
        0,
        "the trash stays out of the search"
    );
    let all = IncidentFilters::default().validate(today()).unwrap();
    assert!(
        incidents::list(&vault, &all)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    let t = trash::list(&vault).await.unwrap();
    assert_eq!(t.len(), 1);
    assert_eq!((t[0].entity, t[0].id), (TrashEntity::Incident, id));
    // Nothing can be written to it while it is in the trash.
    assert!(matches!(
        pieces::add(&vault, id, &b"x"[..], None, "x.txt", None, NOW).await,
        Err(StoreError::NotFound)
    ));
    assert!(events::save(&vault, None, &ev, NOW).await.is_err());
    assert!(incidents::delete(&vault, id, LATER).await.is_err());

    incidents::restore(&vault, id, LATER, today())
        .await
        .unwrap();
    assert_eq!(count(&vault, "search").await, 3);
    assert!(trash::list(&vault).await.unwrap().is_empty());
    assert!(
        incidents::restore(&vault, id, LATER, today())
            .await
            .is_err()
    );
    let actions: Vec<String> = history(&vault).await.into_iter().map(|h| h.2).collect();
    assert!(actions.ends_with(&["deleted".into(), "restored".into()]));
    vault.lock().await;
}

#[tokio::test]
async fn purging_removes_rows_and_the_files_no_backup_needs() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "leboncoin").await;
    let id = create(&vault, p, "Annonce retirée", "2026-03-02").await;
    let kept = pieces::add(&vault, id, &b"first"[..], None, "a.txt", None, NOW)
        .await
        .unwrap();
    let gone = pieces::add(&vault, id, &b"second"[..], None, "b.txt", None, NOW)
        .await
        .unwrap();
    assert_eq!(evidence_files(&f), 2);

    // Only what is in the trash can be purged.
    assert!(matches!(
        trash::purge(&vault, TrashEntity::Piece, gone.id, LATER, today()).await,
        Err(StoreError::NotFound)
    ));
    pieces::delete(&vault, gone.id, LATER).await.unwrap();
    trash::purge(&vault, TrashEntity::Piece, gone.id, LATER, today())
        .await
        .unwrap();
    assert_eq!(count(&vault, "piece").await, 1);
    assert_eq!(
        count(&vault, "evidence_content").await,
        1,
        "no backup: gone at once"
    );
    assert_eq!(evidence_files(&f), 1);

    // With a backup taken since the file was added, the file stays for that backup.
    backup::daily(&vault.snapshot_source(), today())
        .await
        .unwrap()
        .unwrap();
    incidents::delete(&vault, id, LATER).await.unwrap();
    trash::purge(&vault, TrashEntity::Incident, id, LATER, today())
        .await
        .unwrap();
    for table in ["incident", "piece", "incident_status", "search"] {
        assert_eq!(count(&vault, table).await, 0, "{table}");
    }
    assert_eq!(evidence_files(&f), 1, "the backup still points at it");
    let released: Option<String> =
        sqlx::query_scalar("SELECT released_at FROM evidence_content WHERE id = (SELECT max(id) FROM evidence_content)")
            .fetch_one(vault.pool())
            .await
            .unwrap();
    assert_eq!(released.as_deref(), Some(LATER));
    // Once that backup is pruned, the next sweep removes the row and the file.
    std::fs::remove_dir_all(f.layout.backups_dir()).unwrap();
    assert_eq!(trash::sweep_released(&vault, today()).await.unwrap(), 1);
    assert_eq!(evidence_files(&f), 0);
    assert_eq!(count(&vault, "evidence_content").await, 0);
    let _ = kept;
    vault.lock().await;
}

#[tokio::test]
async fn an_email_is_imported_as_an_event_with_its_pieces() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "Amazon").await;
    let id = create(&vault, p, "Fonds retenus", "2026-03-02").await;
    let raw = b"From: Seller Support <support@marketplace.example>\r\n\
Subject: Vos fonds sont retenus\r\n\
Date: Mon, 2 Mar 2026 09:15:00 +0100\r\n\
Content-Type: multipart/mixed; boundary=b\r\n\
\r\n\
--b\r\n\
Content-Type: text/html\r\n\
\r\n\
<p>Nous retenons <b>2 500 EUR</b>.</p><script>steal()</script>\r\n\
--b\r\n\
Content-Type: application/pdf\r\n\
Content-Disposition: attachment; filename=releve.pdf\r\n\
\r\n\
%PDF-1.4 statement\r\n\
--b--\r\n";
    let email = carnet_core::journal::event::email::parse(raw).unwrap();
    let imported = events::email::import(
        &vault,
        id,
        raw,
        &email,
        "fonds.eml",
        Actor::Platform,
        NOW,
        today(),
    )
    .await
    .unwrap();
    assert_eq!(imported.pieces.len(), 2);
    assert_eq!(imported.pieces[0].media_type, "message/rfc822");
    assert_eq!(imported.pieces[1].original_name, "releve.pdf");
    assert_eq!(imported.pieces[1].media_type, "application/pdf");
    let e = &imported.event;
    assert_eq!(e.data.summary, "Vos fonds sont retenus");
    assert_eq!(e.data.piece_ids.len(), 2);
    assert!(e.data.full_text.contains("Nous retenons 2 500 EUR."));
    assert!(!e.data.full_text.contains("steal") && !e.data.full_text.contains("<p>"));
    // Into an incident that is not there: nothing at all.
    let files = evidence_files(&f);
    assert!(
        events::email::import(&vault, 99, raw, &email, "x.eml", Actor::Us, NOW, today())
            .await
            .is_err()
    );
    assert_eq!(evidence_files(&f), files);
    vault.lock().await;
}

/// Issue 16: many files added at once are sealed side by side and recorded in one
/// transaction, in the order given; if one fails, none is recorded and no sealed file stays.
#[tokio::test]
async fn many_pieces_are_added_in_order_or_not_at_all() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "ManoMano").await;
    let one = create(&vault, p, "Un", "2026-03-02").await;
    let content = |i: usize| format!("capture {i} ").repeat(40 * i + 1).into_bytes();
    let open = |i: usize| {
        let bytes = content(i);
        let len = bytes.len() as u64;
        Ok((std::io::Cursor::new(bytes), len, format!("capture-{i}.txt")))
    };
    let added = pieces::add_many(&vault, one, 9, open, NOW).await.unwrap();
    let names: Vec<_> = added.iter().map(|p| p.title.clone()).collect();
    let expected: Vec<_> = (0..9).map(|i| format!("capture-{i}")).collect();
    assert_eq!(names, expected);
    for (i, piece) in added.iter().enumerate() {
        assert_eq!(piece.number, i as i64 + 1);
        let (_, bytes) = pieces::content(&vault, piece.id).await.unwrap();
        assert_eq!(&bytes[..], &content(i)[..]);
    }
    let files = || {
        std::fs::read_dir(vault.layout().evidence_dir())
            .unwrap()
            .count()
    };
    let before = files();

    // The sixth file cannot be read: nothing of the batch is recorded or left on disk.
    let failing = |i: usize| {
        if i == 5 {
            return Err(StoreError::Io(std::io::ErrorKind::PermissionDenied));
        }
        open(i)
    };
    let refused = pieces::add_many(&vault, one, 9, failing, NOW).await;
    assert!(matches!(refused, Err(StoreError::Io(_))), "{refused:?}");
    assert_eq!(files(), before, "a sealed file of the failed batch stayed");
    // The next piece is the tenth: the failed batch numbered none.
    let next = pieces::add_many(&vault, one, 1, open, NOW).await.unwrap();
    assert_eq!(next[0].number, 10);
    assert_eq!(files(), before + 1);
    // An incident that is not there: refused before anything is sealed.
    let gone = pieces::add_many(&vault, 9_999, 2, open, NOW).await;
    assert!(gone.is_err());
    assert_eq!(files(), before + 1);
    vault.lock().await;
}

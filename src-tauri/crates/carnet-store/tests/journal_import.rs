//! Imports and exports of the journal on real SQLCipher vaults: an import writes every
//! incident (its platform, status, events, search and history rows, where it came from) in
//! one transaction or nothing; the same items again create nothing; an incident imported then
//! purged leaves no origin behind; the export reads the journal whole or the incidents asked.

mod common;

use carnet_core::journal::event::{EventData, EventInput};
use carnet_core::journal::incident::{IncidentData, IncidentInput, Status};
use carnet_core::journal::platform::{PlatformDetails, PlatformInput};
use carnet_core::journal::trash::TrashEntity;
use carnet_core::{Locale, Platforms};
use carnet_store::StoreError;
use carnet_store::journal::imports::{self, ImportItem, ImportSource};
use carnet_store::journal::{exports, incidents, platforms, trash};
use common::*;

const SOURCE: ImportSource<'static> = ImportSource {
    file_name: "litiges.xlsx",
    file_sha256: "5e7a",
    sheet: "Litiges",
};

fn platform(catalogue_id: &str, name: &str) -> PlatformDetails {
    PlatformInput {
        catalogue_id: catalogue_id.into(),
        name: name.into(),
        service: if catalogue_id.is_empty() {
            "marketplace".into()
        } else {
            String::new()
        },
        ..PlatformInput::default()
    }
    .check(Platforms::builtin(), today())
    .unwrap()
}

fn incident(title: &str, occurred: &str) -> IncidentData {
    IncidentInput {
        platform_id: 1,
        category: "ACC-02".into(),
        title: title.into(),
        occurred_on: Some(occurred.into()),
        sales_lost: Some("1 234,56".into()),
        description: Some("Commande 4471-A".into()),
        ..IncidentInput::default()
    }
    .validate(today(), Locale::Fr)
    .unwrap()
    .1
}

fn event(day: &str, summary: &str) -> EventData {
    EventInput {
        incident_id: 1,
        happened_on: day.into(),
        actor: "platform".into(),
        channel: "email".into(),
        summary: summary.into(),
        ..EventInput::default()
    }
    .validate(today())
    .unwrap()
    .1
}

fn items() -> Vec<ImportItem> {
    vec![
        ImportItem {
            key: "k1".into(),
            rows: vec![2],
            platform: platform("cdiscount", ""),
            status: Status::Open,
            incident: incident("Compte suspendu", "2026-03-02"),
            events: Vec::new(),
        },
        ImportItem {
            key: "k2".into(),
            rows: vec![3, 4],
            platform: platform("", "Ma Place de Marché"),
            status: Status::ComplaintSent,
            incident: incident("Paiement retenu", "2026-04-10"),
            events: vec![
                event("2026-04-10", "Fonds bloqués"),
                event("2026-04-12", "Réclamation envoyée"),
            ],
        },
        ImportItem {
            key: "k3".into(),
            rows: vec![5],
            platform: platform("cdiscount", ""),
            status: Status::Resolved,
            incident: incident("Offres retirées", "2026-05-20"),
            events: Vec::new(),
        },
    ]
}

#[tokio::test]
async fn an_import_writes_incidents_platforms_events_and_their_origin() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let done = imports::apply(&vault, &SOURCE, &items(), NOW)
        .await
        .unwrap();
    assert_eq!(
        (done.created, done.already, done.events, done.platforms),
        (3, 0, 2, 2)
    );
    assert_eq!(
        platform_names(&vault).await,
        ["Cdiscount", "Ma Place de Marché"]
    );
    let all = exports::read(&vault, None, today(), &|_, _| {})
        .await
        .unwrap();
    let titles: Vec<(&str, Status)> = all
        .incidents
        .iter()
        .map(|i| (i.data.title.as_str(), i.status))
        .collect();
    assert_eq!(
        titles,
        [
            ("Offres retirées", Status::Resolved),
            ("Paiement retenu", Status::ComplaintSent),
            ("Compte suspendu", Status::Open),
        ]
    );
    assert_eq!(all.events.len(), 2);
    assert_eq!(
        all.incidents[1].data.amounts.sales_lost_cents,
        Some(123_456)
    );
    assert_eq!(all.catalogue_ids.len(), 1, "{:?}", all.catalogue_ids);
    // Each incident is searchable and has its history and its origin.
    assert_eq!(count(&vault, "import_origin").await, 3);
    let rows: String = sqlx::query_scalar("SELECT rows FROM import_origin WHERE key = 'k2'")
        .fetch_one(vault.pool())
        .await
        .unwrap();
    assert_eq!(rows, "[3,4]");
    let found: i64 = sqlx::query_scalar("SELECT count(*) FROM search WHERE search MATCH 'retenu'")
        .fetch_one(vault.pool())
        .await
        .unwrap();
    assert_eq!(found, 1);
    let statuses: i64 =
        sqlx::query_scalar("SELECT count(*) FROM incident_status WHERE status <> 'open'")
            .fetch_one(vault.pool())
            .await
            .unwrap();
    assert_eq!(statuses, 2, "a status other than open starts its history");
    vault.lock().await;
}

#[tokio::test]
async fn the_same_items_again_create_nothing() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    imports::apply(&vault, &SOURCE, &items(), NOW)
        .await
        .unwrap();
    let keys = ["k1", "k2", "k3", "k4"];
    let known = imports::known_keys(&vault, &keys).await.unwrap();
    assert_eq!(known.len(), 3);
    assert!(!known.contains("k4"));
    let again = imports::apply(&vault, &SOURCE, &items(), NOW)
        .await
        .unwrap();
    assert_eq!((again.created, again.already, again.platforms), (0, 3, 0));
    assert_eq!(count(&vault, "incident").await, 3);
    assert_eq!(count(&vault, "platform").await, 2);
    vault.lock().await;
}

#[tokio::test]
async fn an_import_that_fails_half_way_writes_nothing() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let mut bad = items();
    // The third item's event names a piece that does not exist: refused by the store, after
    // two incidents were written in the same transaction.
    let mut event = event("2026-05-21", "Pièce manquante");
    event.piece_ids = vec![999];
    bad[2].events = vec![event];
    let refused = imports::apply(&vault, &SOURCE, &bad, NOW).await;
    assert!(refused.is_err(), "{refused:?}");
    for table in [
        "incident",
        "event",
        "platform",
        "import_origin",
        "history",
        "search",
    ] {
        assert_eq!(count(&vault, table).await, 0, "{table}");
    }
    vault.lock().await;
}

#[tokio::test]
async fn an_existing_platform_is_used_not_added_again() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let own = platforms::save(&vault, None, &platform("cdiscount", ""), NOW)
        .await
        .unwrap();
    let done = imports::apply(&vault, &SOURCE, &items(), NOW)
        .await
        .unwrap();
    assert_eq!(done.platforms, 1, "only the one the vault did not have");
    let on_own: i64 = sqlx::query_scalar("SELECT count(*) FROM incident WHERE platform_id = ?")
        .bind(own.id)
        .fetch_one(vault.pool())
        .await
        .unwrap();
    assert_eq!(on_own, 2);
    vault.lock().await;
}

#[tokio::test]
async fn a_purged_import_leaves_no_origin_and_can_come_again() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    imports::apply(&vault, &SOURCE, &items()[..1], NOW)
        .await
        .unwrap();
    let id: i64 = sqlx::query_scalar("SELECT id FROM incident")
        .fetch_one(vault.pool())
        .await
        .unwrap();
    incidents::delete(&vault, id, NOW).await.unwrap();
    // In the trash, it still holds its key: importing again does not bring a copy back.
    let again = imports::apply(&vault, &SOURCE, &items()[..1], NOW)
        .await
        .unwrap();
    assert_eq!(again.already, 1);
    trash::purge(&vault, TrashEntity::Incident, id, NOW, today())
        .await
        .unwrap();
    assert_eq!(count(&vault, "import_origin").await, 0);
    let back = imports::apply(&vault, &SOURCE, &items()[..1], NOW)
        .await
        .unwrap();
    assert_eq!(back.created, 1);
    vault.lock().await;
}

#[tokio::test]
async fn an_export_reads_the_incidents_asked_in_their_order() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    imports::apply(&vault, &SOURCE, &items(), NOW)
        .await
        .unwrap();
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM incident ORDER BY id")
        .fetch_all(vault.pool())
        .await
        .unwrap();
    incidents::delete(&vault, ids[2], NOW).await.unwrap();
    let asked = [ids[1], ids[0], ids[2], 4242];
    let seen = std::sync::Mutex::new(Vec::new());
    let some = exports::read(&vault, Some(&asked), today(), &|d, t| {
        seen.lock().unwrap().push((d, t))
    })
    .await
    .unwrap();
    let got: Vec<i64> = some.incidents.iter().map(|i| i.id).collect();
    assert_eq!(got, [ids[1], ids[0]], "in the trash or gone: left out");
    assert_eq!(some.events.len(), 2);
    assert_eq!(seen.lock().unwrap().last(), Some(&(2, 2)));
    let none = exports::read(&vault, Some(&[]), today(), &|_, _| {})
        .await
        .unwrap();
    assert!(none.incidents.is_empty());
    assert!(matches!(
        incidents::get(&vault, 4242, today()).await,
        Err(StoreError::NotFound)
    ));
    vault.lock().await;
}

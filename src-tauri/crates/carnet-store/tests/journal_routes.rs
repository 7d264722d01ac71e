//! The route guide on a real SQLCipher vault: one incident's routes read from the journal (the
//! clock from the day informed, the bodies covering the platform, each dossier's gaps), and
//! the dashboard's routes closing within 30 days over the open incidents only.

mod common;

use carnet_core::deadlines::{CountedFrom, IncidentFacts, Measure};
use carnet_core::dossier::MissingCode;
use carnet_core::journal::event::EventInput;
use carnet_core::journal::incident::Status;
use carnet_core::routes::{RouteKind, RouteState};
use carnet_store::Vault;
use carnet_store::journal::{events, incidents, routes};
use chrono::NaiveDate;
use common::*;

async fn amazon(vault: &Vault) -> i64 {
    generated_platform(vault, Some("amazon"), "Amazon", "Amazon EU S.à r.l.", "LU").await
}

async fn suspension(
    vault: &Vault,
    platform_id: i64,
    title: &str,
    decision: &str,
    informed: Option<&str>,
    status: Status,
) -> i64 {
    let facts = IncidentFacts {
        measure: Some(Measure::Suspension),
        decision: Some(day(decision)),
        notified: informed.map(day),
        ..IncidentFacts::default()
    };
    let i = new_incident(platform_id, title, status, Some(day(decision)), facts);
    insert_incident(vault, &i).await
}

/// A new vault with Amazon and one open suspension decided on 2 June 2026, the owner informed
/// on `informed`: the fixture (to keep), the vault and the incident's id.
async fn one_suspension(informed: Option<&str>) -> (Fixture, Vault, i64) {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = amazon(&vault).await;
    let id = suspension(
        &vault,
        p,
        "Compte suspendu",
        "2026-06-02",
        informed,
        Status::Open,
    )
    .await;
    (f, vault, id)
}

#[tokio::test]
async fn an_incidents_routes_come_from_the_journal() {
    let (_f, vault, id) = one_suspension(Some("2026-06-10")).await;
    let routes = routes::for_incident(&vault, id, day("2026-12-01"))
        .await
        .unwrap();
    let complaint = routes
        .iter()
        .find(|r| r.kind == RouteKind::InternalComplaint)
        .unwrap();
    let clock = complaint.clock.clone().unwrap();
    assert_eq!(
        clock.deadline,
        day("2026-12-10"),
        "six months from the day informed"
    );
    assert_eq!(clock.counted_from, CountedFrom::Informed);
    assert_eq!(clock.days_left, 9);
    assert!(
        complaint
            .missing_for_dossier
            .contains(&MissingCode::CompanyProfile)
    );
    let ooc = routes
        .iter()
        .find(|r| r.kind == RouteKind::OutOfCourt)
        .unwrap();
    assert_eq!(
        ooc.state,
        RouteState::Open,
        "no prior complaint needed (DSA 21(1))"
    );
    assert_eq!(
        ooc.bodies.first().map(|b| b.name.as_str()),
        Some("ADR Center")
    );
    assert!(
        routes::for_incident(&vault, 999, day("2026-12-01"))
            .await
            .is_err()
    );
    vault.lock().await;
}

#[tokio::test]
async fn the_dashboard_lists_open_incidents_routes_closing_within_thirty_days() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = amazon(&vault).await;
    let today = day("2026-12-01");
    let soon = suspension(
        &vault,
        p,
        "Bientôt",
        "2026-06-02",
        Some("2026-06-10"),
        Status::Open,
    )
    .await;
    let _later = suspension(
        &vault,
        p,
        "Plus tard",
        "2026-10-01",
        Some("2026-10-01"),
        Status::Open,
    )
    .await;
    let _resolved = suspension(
        &vault,
        p,
        "Réglé",
        "2026-06-02",
        Some("2026-06-10"),
        Status::Resolved,
    )
    .await;
    let binned = suspension(
        &vault,
        p,
        "Corbeille",
        "2026-06-02",
        Some("2026-06-10"),
        Status::Open,
    )
    .await;
    let _old = suspension(&vault, p, "Ancien", "2024-01-02", None, Status::Open).await;
    incidents::delete(&vault, binned, NOW).await.unwrap();
    let closing = routes::closing(&vault, today, 30).await.unwrap();
    let ids: Vec<i64> = closing.iter().map(|r| r.incident_id).collect();
    assert_eq!(ids, vec![soon]);
    assert_eq!(closing[0].kind, RouteKind::InternalComplaint);
    assert_eq!(closing[0].clock.days_left, 9);
    assert_eq!(closing[0].title, "Bientôt");
    assert_eq!(closing[0].platform_name, "Amazon");
    vault.lock().await;
}

/// DSA 20(1): a decision that came by e-mail dates the day the owner was informed when the
/// incident gives none — the e-mail's date, kept on the incident; a decision by another channel,
/// or an incident that already gives the day, is left alone.
#[tokio::test]
async fn a_decision_by_e_mail_dates_the_day_informed() {
    let (_f, vault, id) = one_suspension(None).await;
    let event = |channel: &str, day: &str| {
        EventInput {
            incident_id: id,
            happened_on: day.into(),
            actor: "platform".into(),
            channel: channel.into(),
            summary: "Votre compte est suspendu".into(),
            decision: Some("suspension".into()),
            ..EventInput::default()
        }
        .validate(day_("2026-12-01"))
        .unwrap()
        .1
    };
    events::save(&vault, None, &event("portal_message", "2026-06-03"), NOW)
        .await
        .unwrap();
    let before = routes::for_incident(&vault, id, day("2026-12-01"))
        .await
        .unwrap();
    let clock = |r: &[carnet_core::routes::Route]| {
        r.iter()
            .find(|r| r.kind == RouteKind::InternalComplaint)
            .and_then(|r| r.clock.clone())
            .unwrap()
    };
    assert_eq!(clock(&before).counted_from, CountedFrom::Decision);
    events::save(&vault, None, &event("email", "2026-06-05"), NOW)
        .await
        .unwrap();
    let after = routes::for_incident(&vault, id, day("2026-12-01"))
        .await
        .unwrap();
    assert_eq!(clock(&after).counted_from, CountedFrom::Informed);
    assert_eq!(clock(&after).deadline, day("2026-12-05"));
    // A later e-mail does not move a day already given.
    events::save(&vault, None, &event("email", "2026-06-20"), NOW)
        .await
        .unwrap();
    let incident = incidents::get(&vault, id, day("2026-12-01")).await.unwrap();
    assert_eq!(incident.data.dates.notified_on, Some(day("2026-06-05")));
    vault.lock().await;
}

fn day_(s: &str) -> NaiveDate {
    day(s)
}

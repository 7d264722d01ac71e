//! Deadline notifications on a real SQLCipher vault: each deadline that became urgent is
//! returned once and only once (also after closing and opening the vault again), findings
//! without a day are not, a resolved incident is not, and a new deadline of the same incident
//! (another day) is.

mod common;

use carnet_core::deadlines::{IncidentFacts, Measure};
use carnet_core::journal::incident::Status;
use carnet_store::journal::barometer::{self, DeadlineToNotify};
use carnet_store::journal::generate::{self, NewIncident, NewPlatform};
use carnet_store::{Secret, Vault};
use chrono::{Days, NaiveDate};
use common::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

async fn platform(vault: &Vault) -> i64 {
    let mut conn = vault.pool().acquire().await.unwrap();
    let p = NewPlatform {
        catalogue_id: None,
        name: "Cdiscount",
        service: "marketplace",
        legal_entity: "",
        country: "",
        seller_accounts: &[],
        relationship_start: None,
        turnover_share_pct: None,
        complaint_channel: "",
        terms_version: "",
    };
    generate::insert_platform(&mut conn, &p, NOW).await.unwrap()
}

async fn add(vault: &Vault, platform_id: i64, status: Status, facts: IncidentFacts) -> i64 {
    let i = NewIncident {
        platform_id,
        category: "ACC-02".into(),
        title: "Compte suspendu".into(),
        status,
        occurred_on: Some(day("2026-06-06")),
        facts,
        funds_held_cents: None,
        sales_lost_cents: None,
        fees_cents: None,
        amounts_note: String::new(),
        decision_reference: String::new(),
        description: String::new(),
        wanted: String::new(),
        tags: Vec::new(),
    };
    let mut conn = vault.pool().acquire().await.unwrap();
    generate::insert_incident(&mut conn, &i, NOW, NOW)
        .await
        .unwrap()
}

#[tokio::test]
async fn each_urgent_deadline_is_notified_once() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault).await;
    let ago = |n: u64| today() - Days::new(n);
    // A suspension decided 5 months and 20 days ago: its complaint window closes on 12-06.
    let suspension = IncidentFacts {
        measure: Some(Measure::Suspension),
        decision: Some(day("2026-06-06")),
        reasons_received: Some(true),
        ..Default::default()
    };
    let closing = add(&vault, p, Status::Open, suspension).await;
    // The same, resolved: nothing.
    add(&vault, p, Status::Resolved, suspension).await;
    // An out-of-court body seized 100 days ago, no decision: overdue.
    let overdue = add(
        &vault,
        p,
        Status::Mediation,
        IncidentFacts {
            complaint_sent: Some(ago(150)),
            answer_received: Some(ago(120)),
            referral: Some(ago(100)),
            ..Default::default()
        },
    )
    .await;
    // A short notice and an answer awaited 40 days: findings without a day, not notified.
    add(
        &vault,
        p,
        Status::Open,
        IncidentFacts {
            measure: Some(Measure::TermsChange),
            notified: Some(day("2026-10-01")),
            took_effect: Some(day("2026-10-09")),
            complaint_sent: Some(ago(40)),
            ..Default::default()
        },
    )
    .await;

    let mut first = barometer::deadlines_to_notify(&vault, today(), NOW)
        .await
        .unwrap();
    first.sort_by_key(|d| d.incident_id);
    assert_eq!(
        first,
        [
            DeadlineToNotify {
                incident_id: closing,
                kind: "complaintWindow".into(),
                due_on: day("2026-12-06"),
            },
            DeadlineToNotify {
                incident_id: overdue,
                kind: "outOfCourtDecision".into(),
                due_on: ago(10),
            },
        ]
    );
    // The next check, the next day, and after the vault is closed and opened: nothing again.
    assert_eq!(
        barometer::deadlines_to_notify(&vault, today(), NOW)
            .await
            .unwrap(),
        []
    );
    assert_eq!(
        barometer::deadlines_to_notify(&vault, today() + Days::new(1), NOW)
            .await
            .unwrap(),
        []
    );
    vault.lock().await;
    let vault = Vault::unlock(&f.layout, Secret::Passphrase(PASS))
        .await
        .unwrap();
    assert_eq!(
        barometer::deadlines_to_notify(&vault, today(), NOW)
            .await
            .unwrap(),
        []
    );
    // The complaint window's decision corrected to a later day: a new deadline, announced.
    sqlx::query("UPDATE incident SET decision_on = '2026-06-10' WHERE id = ?")
        .bind(closing)
        .execute(vault.pool())
        .await
        .unwrap();
    let again = barometer::deadlines_to_notify(&vault, today(), NOW)
        .await
        .unwrap();
    assert_eq!(
        again,
        [DeadlineToNotify {
            incident_id: closing,
            kind: "complaintWindow".into(),
            due_on: day("2026-12-10"),
        }]
    );
    vault.lock().await;
}

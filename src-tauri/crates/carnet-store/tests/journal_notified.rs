//! Deadline notifications on a real SQLCipher vault: each deadline that became urgent is
//! returned once and only once (also after closing and opening the vault again), findings
//! without a day are not, a resolved incident is not, and a new deadline of the same incident
//! (another day) is.

mod common;

use carnet_core::deadlines::{IncidentFacts, Measure};
use carnet_core::journal::incident::Status;
use carnet_store::journal::barometer::{self, DeadlineToNotify};
use carnet_store::{Secret, Vault};
use chrono::Days;
use common::*;

async fn platform(vault: &Vault) -> i64 {
    generated_platform(vault, None, "Cdiscount", "", "").await
}

async fn add(vault: &Vault, platform_id: i64, status: Status, facts: IncidentFacts) -> i64 {
    let i = new_incident(
        platform_id,
        "Compte suspendu",
        status,
        Some(day("2026-06-06")),
        facts,
    );
    insert_incident(vault, &i).await
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

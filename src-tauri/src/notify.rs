//! Deadline notifications: while the vault is open (at unlock, then every hour), the open
//! incidents' deadlines that became urgent — a complaint window closing within 14 days, an
//! out-of-court decision due or overdue — are each announced once by a system notification,
//! remembered in the vault (carnet-store's `notified` table). Switchable in the settings. The
//! notification names the kind of deadline and its day, never the incident, platform or owner
//! (it shows over other windows and on a locked screen); the log gets the kind only.

use std::time::{Duration, Instant};

use carnet_core::Locale;
use carnet_store::journal::barometer::{self as store, DeadlineToNotify};
use chrono::NaiveDate;
use tauri::{AppHandle, Manager, Runtime};

use crate::clock::now;
use crate::state::AppState;

/// How often the deadlines are looked at again while the vault stays open.
pub const EVERY: Duration = Duration::from_secs(60 * 60);

impl AppState {
    /// The deadlines to announce now, each recorded as announced: none when notifications are
    /// turned off or the vault is locked.
    pub async fn deadlines_to_notify(&self, today: NaiveDate) -> Vec<DeadlineToNotify> {
        if !self.settings().notifications {
            return Vec::new();
        }
        let slot = self.vault.lock().await;
        let Some(vault) = slot.as_ref() else {
            return Vec::new();
        };
        let (at, _) = now();
        store::deadlines_to_notify(vault, today, &at)
            .await
            .unwrap_or_else(|e| {
                log::warn!("deadlines not checked for notifications: {e:?}");
                Vec::new()
            })
    }
}

/// The notification's title and text in the owner's language.
pub fn text(d: &DeadlineToNotify, locale: Locale) -> (String, String) {
    let day = carnet_core::format::long_date(d.due_on, locale);
    let body = match (d.kind.as_str(), locale) {
        ("complaintWindow", Locale::Fr) => {
            format!("Le délai de réclamation interne (6 mois) se ferme le {day}.")
        }
        ("complaintWindow", Locale::En) => {
            format!("The internal complaint window (6 months) closes on {day}.")
        }
        ("outOfCourtDecision", Locale::Fr) => {
            format!(
                "La décision de l’organe de règlement extrajudiciaire est attendue pour le {day}."
            )
        }
        ("outOfCourtDecision", Locale::En) => {
            format!("The out-of-court body’s decision is due by {day}.")
        }
        (_, Locale::Fr) => format!("Un délai arrive à échéance le {day}."),
        (_, Locale::En) => format!("A deadline falls on {day}."),
    };
    let title = match locale {
        Locale::Fr => "Carnet : un délai approche",
        Locale::En => "Carnet: a deadline is near",
    };
    (
        title.to_owned(),
        format!(
            "{body} {}",
            match locale {
                Locale::Fr => "Voyez le tableau de bord.",
                Locale::En => "See the dashboard.",
            }
        ),
    )
}

/// Looks at the deadlines now and announces the new ones.
pub async fn check<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let (_, today) = now();
    let due = state.deadlines_to_notify(today).await;
    if due.is_empty() {
        return;
    }
    let service = notification_service();
    let locale = state.locale();
    for d in &due {
        if service {
            use tauri_plugin_notification::NotificationExt;
            let (title, body) = text(d, locale);
            if let Err(e) = app.notification().builder().title(title).body(body).show() {
                log::warn!("deadline notification not shown: {}: {e}", d.kind);
                continue;
            }
            log::info!("deadline notification: {}", d.kind);
        } else {
            log::info!(
                "deadline notification (no notification service): {}",
                d.kind
            );
        }
    }
}

/// Whether a desktop notification service answers on the session bus (none under Xvfb).
#[cfg(target_os = "linux")]
fn notification_service() -> bool {
    const NAME: &str = "org.freedesktop.Notifications";
    let Ok(conn) = zbus::blocking::Connection::session() else {
        return false;
    };
    let Ok(bus) = zbus::blocking::fdo::DBusProxy::new(&conn) else {
        return false;
    };
    let named = |names: Vec<zbus::names::OwnedBusName>| names.iter().any(|n| n.as_str() == NAME);
    bus.list_names().map(named).unwrap_or(false)
        || bus.list_activatable_names().map(named).unwrap_or(false)
}

#[cfg(not(target_os = "linux"))]
fn notification_service() -> bool {
    true
}

/// Checks at each opening of the vault (within a minute), then every hour while it stays open.
pub async fn watch<R: Runtime>(app: AppHandle<R>) {
    let mut last: Option<Instant> = None;
    loop {
        tokio::time::sleep(Duration::from_secs(60)).await;
        let open = app.state::<AppState>().vault.lock().await.is_some();
        if !open {
            last = None;
            continue;
        }
        if last.is_none_or(|at| at.elapsed() >= EVERY) {
            last = Some(Instant::now());
            check(&app).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_host::{PASS, state, store};

    /// A vault with one incident whose complaint window closes in a few days.
    async fn vault_with_a_closing_window() -> (tempfile::TempDir, AppState, NaiveDate) {
        let (dir, s) = state();
        s.vault_create(PASS.into(), PASS.into(), false)
            .await
            .unwrap();
        {
            let slot = s.vault.lock().await;
            let vault = slot.as_ref().unwrap();
            let p = store::generated_platform(vault, None, "Cdiscount", "", "").await;
            let decided = store::day("2026-06-06");
            let facts = carnet_core::deadlines::IncidentFacts {
                measure: Some(carnet_core::deadlines::Measure::Suspension),
                decision: Some(decided),
                reasons_received: Some(true),
                ..Default::default()
            };
            let i = store::new_incident(
                p,
                "Compte suspendu",
                carnet_core::journal::incident::Status::Open,
                Some(decided),
                facts,
            );
            store::insert_incident(vault, &i).await;
        }
        (dir, s, store::today())
    }

    #[tokio::test]
    async fn a_deadline_is_announced_once() {
        let (_dir, s, today) = vault_with_a_closing_window().await;
        let first = s.deadlines_to_notify(today).await;
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].kind, "complaintWindow");
        assert!(s.deadlines_to_notify(today).await.is_empty());
        // Locked, nothing is looked at.
        s.vault_lock().await;
        assert!(s.deadlines_to_notify(today).await.is_empty());
    }

    #[tokio::test]
    async fn turned_off_nothing_is_announced_nor_spent() {
        let (_dir, s, today) = vault_with_a_closing_window().await;
        assert!(!s.set_notifications(false).unwrap().notifications);
        assert!(s.deadlines_to_notify(today).await.is_empty());
        assert!(s.deadlines_to_notify(today).await.is_empty());
        // Turned on again: the deadline not yet announced is announced then.
        assert!(s.set_notifications(true).unwrap().notifications);
        assert_eq!(s.deadlines_to_notify(today).await.len(), 1);
        s.vault_lock().await;
    }

    #[test]
    fn the_text_is_translated_and_names_no_incident() {
        let d = DeadlineToNotify {
            incident_id: 7,
            kind: "complaintWindow".into(),
            due_on: NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
        };
        let (fr_title, fr) = text(&d, Locale::Fr);
        let (en_title, en) = text(&d, Locale::En);
        assert_ne!(fr_title, en_title);
        assert!(fr.contains("6 décembre 2026"), "{fr}");
        assert!(en.contains("6 December 2026"), "{en}");
        assert!(!fr.contains('7') && !en.contains(" 7"));
        let overdue = DeadlineToNotify {
            kind: "outOfCourtDecision".into(),
            ..d
        };
        assert_ne!(text(&overdue, Locale::Fr).1, fr);
    }
}

//! The search and dashboard commands run by the test host: a journey (an incident found by an
//! accent-less word, counted on the dashboard, gone with the trash and back), and a bad-input
//! table per command. FTS5's syntax is searched as text: never an error, never a panic.

use carnet_core::Field;
use carnet_core::journal::event::EventInput;
use carnet_core::journal::incident::IncidentInput;
use carnet_core::journal::platform::PlatformInput;
use carnet_core::journal::search::{PAGE_LAST, SearchFilters};

use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;
use crate::test_host::{hostile, incident_on, opened};

/// An incident on Cdiscount with an event, through the journal's own commands.
async fn journal(s: &AppState) -> i64 {
    let (_, incident_id) = incident_on(
        s,
        PlatformInput {
            catalogue_id: "cdiscount".into(),
            ..PlatformInput::default()
        },
        IncidentInput {
            category: "FIN-02".into(),
            title: "Versement retenu après une réclamation".into(),
            occurred_on: Some("2026-01-15".into()),
            funds_held: Some("1 250,00".into()),
            ..IncidentInput::default()
        },
    )
    .await;
    s.event_save(EventInput {
        incident_id,
        happened_on: "2026-01-20".into(),
        actor: "platform".into(),
        channel: "email".into(),
        summary: "Réponse du service vendeur".into(),
        full_text: Some("Votre trésorerie sera débloquée sous 90 jours.".into()),
        ..EventInput::default()
    })
    .await
    .unwrap();
    incident_id
}

async fn found(s: &AppState, query: &str) -> Vec<i64> {
    s.incidents_search(query.into(), None, None, None)
        .await
        .unwrap()
        .items
        .iter()
        .map(|h| h.line.id)
        .collect()
}

fn invalid(e: IpcError, field: Field, bad: &str) {
    assert_eq!(
        (e.code, e.field),
        (ErrorCode::InvalidInput, Some(field)),
        "{bad:?}"
    );
    assert!(bad.trim().is_empty() || !e.message.contains(bad), "{e:?}");
}

#[tokio::test]
async fn an_incident_is_found_counted_trashed_and_restored() {
    let (_dir, s) = opened().await;
    let id = journal(&s).await;
    assert_eq!(found(&s, "reclamation").await, [id]);
    assert_eq!(found(&s, "tresorerie deblo").await, [id]);
    assert_eq!(found(&s, "cdiscount versement").await, [id]);
    let page = s
        .incidents_search("TRÉSORERIE".into(), None, Some("amount".into()), Some(0))
        .await
        .unwrap();
    assert_eq!((page.total, page.items[0].amount_cents), (1, 125_000));
    let b = s.barometer(None).await.unwrap();
    assert_eq!((b.totals.count, b.totals.funds_held_cents), (1, 125_000));
    assert_eq!(b.months.len(), 12);

    s.incident_delete(id).await.unwrap();
    assert!(found(&s, "reclamation").await.is_empty());
    assert_eq!(s.barometer(Some(24)).await.unwrap().totals.count, 0);
    s.incident_restore(id).await.unwrap();
    assert_eq!(found(&s, "tresorerie").await, [id]);
    s.vault_lock().await;
}

#[tokio::test]
async fn locked_the_commands_say_so() {
    let (_dir, s) = opened().await;
    s.vault_lock().await;
    let e = s.incidents_search("x".into(), None, None, None).await;
    assert_eq!(e.unwrap_err().code, ErrorCode::VaultLocked);
    assert_eq!(
        s.barometer(None).await.unwrap_err().code,
        ErrorCode::VaultLocked
    );
    let routes = s.incident_routes(1).await.unwrap_err();
    assert_eq!(routes.code, ErrorCode::VaultLocked);
    let closing = s.routes_closing().await.unwrap_err();
    assert_eq!(closing.code, ErrorCode::VaultLocked);
    s.vault_lock().await;
}

/// The guide through the commands: a suspension informed by e-mail five months and three
/// weeks ago is on the dashboard's list of routes closing soon, with its incident; any id
/// that is not an incident out of the trash is `not_found`, never a panic.
#[tokio::test]
async fn routes_of_an_incident_and_closing_soon() {
    let (_dir, s) = opened().await;
    let plain = journal(&s).await;
    let platform = s.platforms_list().await.unwrap()[0].id;
    let today = chrono::Local::now().date_naive();
    let informed = today - chrono::Months::new(6) + chrono::Days::new(10);
    let suspended = s
        .incident_save(IncidentInput {
            platform_id: platform,
            category: "ACC-02".into(),
            measure: Some("suspension".into()),
            title: "Compte suspendu sans motif".into(),
            decision_on: Some((informed - chrono::Days::new(3)).to_string()),
            notified_on: Some(informed.to_string()),
            ..IncidentInput::default()
        })
        .await
        .unwrap();
    // A body the platform's notices name, recorded by the owner, joins the guide.
    let mut record = s.platforms_list().await.unwrap()[0]
        .details
        .to_input(Some(platform));
    record.ooc_bodies = vec!["User Rights".into()];
    s.platform_save(record).await.unwrap();
    let routes = s.incident_routes(suspended.id).await.unwrap();
    assert!(
        routes.len() >= 6,
        "every route is listed, applicable or not"
    );
    let ooc = routes
        .iter()
        .find(|r| r.kind == carnet_core::routes::RouteKind::OutOfCourt)
        .unwrap();
    assert!(
        ooc.bodies.iter().any(|b| b.name == "User Rights"),
        "{:?}",
        ooc.bodies
    );
    let closing = s.routes_closing().await.unwrap();
    assert_eq!(closing.len(), 1);
    assert_eq!(closing[0].incident_id, suspended.id);
    let left = (informed + chrono::Months::new(6) - today).num_days();
    assert_eq!(
        closing[0].clock.days_left, left,
        "six months from the day informed"
    );
    assert!(s.incident_routes(plain).await.is_ok());

    // The checker: the platform's message gave the scope only; the rest are grounds.
    let decision = EventInput {
        incident_id: suspended.id,
        happened_on: informed.to_string(),
        actor: "platform".into(),
        channel: "email".into(),
        summary: "Votre compte est suspendu".into(),
        decision: Some("suspension".into()),
        reasons_given: vec!["scope".into()],
        ..EventInput::default()
    };
    s.event_save(decision.clone()).await.unwrap();
    let routes = s.incident_routes(suspended.id).await.unwrap();
    let complaint = routes
        .iter()
        .find(|r| r.kind == carnet_core::routes::RouteKind::InternalComplaint)
        .unwrap();
    let articles: Vec<&str> = complaint
        .grounds
        .iter()
        .map(|g| g.article.as_str())
        .collect();
    assert!(articles.contains(&"DSA 17(3)(b)"), "{articles:?}");
    assert!(!articles.contains(&"DSA 17(3)(a)"), "{articles:?}");
    for (kind, given, field) in [
        (Some("ban"), vec![], Field::EventDecision),
        (None, vec!["scope"], Field::EventReasons),
        (Some("suspension"), vec!["<script>"], Field::EventReasons),
    ] {
        let bad = EventInput {
            decision: kind.map(String::from),
            reasons_given: given.into_iter().map(String::from).collect(),
            ..decision.clone()
        };
        let e = s.event_save(bad).await.unwrap_err();
        assert_eq!(e.field, Some(field));
        assert!(!e.message.is_empty());
    }
    for id in [0, -1, i64::MIN, i64::MAX, suspended.id + 100] {
        let e = s.incident_routes(id).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound, "{id}");
    }
    s.vault_lock().await;
}

#[tokio::test]
async fn incidents_search_bad_inputs() {
    let (_dir, s) = opened().await;
    let id = journal(&s).await;
    let search = |q: String, f: SearchFilters, sort: &str, page: i64| {
        s.incidents_search(q, Some(f), Some(sort.to_owned()), Some(page))
    };

    // Any text is searched as text; only one too long is refused.
    let syntax = [
        "\"",
        "\"\"",
        "\"versement",
        "*",
        "versement*",
        "NEAR(",
        "NEAR(versement retenu",
        "body:versement",
        "versement:retenu",
        ":",
        "-",
        "-versement",
        "^",
        "^versement",
        "versement AND",
        "OR",
        "NOT versement",
        "(",
        ")",
        "{body}",
        "\u{E000}",
        "a\"b\"c",
    ];
    for q in hostile()
        .into_iter()
        .chain(syntax.iter().map(|q| q.to_string()))
    {
        match search(q.clone(), SearchFilters::default(), "", 0).await {
            Ok(r) => assert!(r.items.iter().all(|h| h.line.id == id), "{q:?}"),
            Err(e) => invalid(e, Field::SearchQuery, &q),
        }
    }
    assert_eq!(found(&s, "^versement").await, [id]);
    assert_eq!(found(&s, "\"versement").await, [id]);

    // Filters: each hostile value names its field; blank days are "no bound".
    for bad in hostile() {
        let one = || Some(vec![bad.clone()]);
        let cases = [
            (
                SearchFilters {
                    categories: one(),
                    ..Default::default()
                },
                Field::SearchCategories,
            ),
            (
                SearchFilters {
                    axes: one(),
                    ..Default::default()
                },
                Field::SearchAxes,
            ),
            (
                SearchFilters {
                    statuses: one(),
                    ..Default::default()
                },
                Field::SearchStatuses,
            ),
        ];
        for (f, field) in cases {
            invalid(search("x".into(), f, "", 0).await.unwrap_err(), field, &bad);
        }
        for f in [
            SearchFilters {
                from: Some(bad.clone()),
                ..Default::default()
            },
            SearchFilters {
                to: Some(bad.clone()),
                ..Default::default()
            },
        ] {
            match search("x".into(), f, "", 0).await {
                Ok(_) => assert!(bad.trim().is_empty(), "{bad:?}"),
                Err(e) => invalid(e, Field::SearchPeriod, &bad),
            }
        }
        match search("x".into(), SearchFilters::default(), &bad, 0).await {
            Ok(_) => assert!(bad.trim().is_empty(), "{bad:?}"),
            Err(e) => invalid(e, Field::SearchSort, &bad),
        }
    }
    let cases = [
        (
            SearchFilters {
                platform_ids: Some(vec![0]),
                ..Default::default()
            },
            Field::SearchPlatforms,
        ),
        (
            SearchFilters {
                platform_ids: Some(vec![-3]),
                ..Default::default()
            },
            Field::SearchPlatforms,
        ),
        (
            SearchFilters {
                platform_ids: Some(vec![1; 201]),
                ..Default::default()
            },
            Field::SearchPlatforms,
        ),
        (
            SearchFilters {
                categories: Some(vec!["FIN-02".into(); 201]),
                ..Default::default()
            },
            Field::SearchCategories,
        ),
        (
            SearchFilters {
                axes: Some(vec!["a1".into()]),
                ..Default::default()
            },
            Field::SearchAxes,
        ),
        (
            SearchFilters {
                statuses: Some(vec!["OPEN".into()]),
                ..Default::default()
            },
            Field::SearchStatuses,
        ),
        (
            SearchFilters {
                from: Some("2026-02-01".into()),
                to: Some("2026-01-31".into()),
                ..Default::default()
            },
            Field::SearchPeriod,
        ),
        (
            SearchFilters {
                from: Some("01/02/2026".into()),
                ..Default::default()
            },
            Field::SearchPeriod,
        ),
    ];
    for (f, field) in cases {
        invalid(search("x".into(), f, "", 0).await.unwrap_err(), field, "");
    }
    for page in [-1, PAGE_LAST + 1, i64::MAX, i64::MIN] {
        let e = search("x".into(), SearchFilters::default(), "", page).await;
        invalid(e.unwrap_err(), Field::SearchPage, "");
    }
    // A platform that is not one of the owner's, a page past the end: nothing, no error.
    let none = SearchFilters {
        platform_ids: Some(vec![999]),
        ..Default::default()
    };
    assert_eq!(search("".into(), none, "", 0).await.unwrap().total, 0);
    let far = search("".into(), SearchFilters::default(), "title", PAGE_LAST)
        .await
        .unwrap();
    assert_eq!((far.total, far.items.len()), (1, 0));
    s.vault_lock().await;
}

#[tokio::test]
async fn barometer_bad_inputs() {
    let (_dir, s) = opened().await;
    for bad in [0, -1, 37, i64::MAX, i64::MIN] {
        invalid(
            s.barometer(Some(bad)).await.unwrap_err(),
            Field::BarometerMonths,
            "",
        );
    }
    for good in [1, 12, 24, 36] {
        assert_eq!(
            s.barometer(Some(good)).await.unwrap().months.len(),
            good as usize
        );
    }
    s.vault_lock().await;
}

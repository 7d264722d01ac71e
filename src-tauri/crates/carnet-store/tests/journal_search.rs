//! Search and the dashboard on real SQLCipher vaults, seeded with the rows the journal's writes
//! leave (the generator's inserts: record, history, search row): accents and case aside,
//! prefixes, every word anywhere in the incident, FTS5 syntax searched as text, filters,
//! the trash left out, stable pages, the dashboard adding up, months without incidents.

mod common;

use carnet_core::categories::Axis;
use carnet_core::deadlines::{Check, IncidentFacts, Measure, OutOfCourtStatus, WindowStatus};
use carnet_core::journal::barometer::Barometer;
use carnet_core::journal::incident::Status;
use carnet_core::journal::search::{
    PAGE_SIZE, SearchFilters, SearchRequest, SearchResults, SnippetSource,
};
use carnet_store::Vault;
use carnet_store::journal::generate::{self, NewEvent, NewIncident};
use carnet_store::journal::{barometer, history, search};
use chrono::{Days, NaiveDate};
use common::*;

async fn platform(vault: &Vault, name: &str, entity: &str) -> i64 {
    generated_platform(vault, None, name, entity, "").await
}

fn incident(platform_id: i64, title: &str, occurred: Option<&str>) -> NewIncident {
    new_incident(
        platform_id,
        title,
        Status::Open,
        occurred.map(day),
        IncidentFacts::default(),
    )
}

async fn add(vault: &Vault, i: &NewIncident) -> i64 {
    insert_incident(vault, i).await
}

async fn add_event(vault: &Vault, incident_id: i64, summary: &str, full_text: &str) -> i64 {
    let mut conn = vault.pool().acquire().await.unwrap();
    let e = NewEvent {
        happened_on: day("2026-10-02"),
        actor: "platform",
        channel: "email",
        summary: summary.into(),
        full_text: full_text.into(),
    };
    generate::insert_event(&mut conn, incident_id, &e, NOW)
        .await
        .unwrap()
}

/// Puts an incident in the trash as the journal does: `deleted_at`, its search rows out.
async fn trash_incident(vault: &Vault, id: i64) {
    let mut tx = vault.pool().begin().await.unwrap();
    sqlx::query("UPDATE incident SET deleted_at = ? WHERE id = ?")
        .bind(NOW)
        .bind(id)
        .execute(&mut *tx)
        .await
        .unwrap();
    history::search_remove(&mut tx, "incident", id)
        .await
        .unwrap();
    let events: Vec<i64> = sqlx::query_scalar("SELECT id FROM event WHERE incident_id = ?")
        .bind(id)
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    for e in events {
        history::search_remove(&mut tx, "event", e).await.unwrap();
    }
    let detail = serde_json::json!({});
    history::record(&mut tx, NOW, "incident", id, "deleted", detail)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

fn request(query: &str, filters: &SearchFilters, sort: &str, page: i64) -> SearchRequest {
    SearchRequest::check(query, filters, sort, page).unwrap()
}

async fn find(vault: &Vault, query: &str) -> SearchResults {
    search::search(vault, &request(query, &SearchFilters::default(), "", 0))
        .await
        .unwrap()
}

async fn ids(vault: &Vault, query: &str) -> Vec<i64> {
    find(vault, query)
        .await
        .items
        .iter()
        .map(|h| h.line.id)
        .collect()
}

#[tokio::test]
async fn accents_case_and_prefixes_aside_every_text_is_found() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let amazon = platform(&vault, "Amazon", "Amazon EU S.à r.l.").await;
    let etsy = platform(&vault, "Etsy", "Etsy Ireland UC").await;
    let mut a = incident(amazon, "Réclamation rejetée sans motif", Some("2026-10-01"));
    a.description = "Le compte a été suspendu le 1er octobre.".into();
    a.tags = vec!["trésorerie".into()];
    let a = add(&vault, &a).await;
    let b = add(
        &vault,
        &incident(etsy, "Photos copiées", Some("2026-09-01")),
    )
    .await;
    add_event(
        &vault,
        b,
        "E-mail à l’acheteur",
        "Bonjour,\nNous demandons le remboursement de la commande 402-1234567.",
    )
    .await;

    for q in [
        "reclamation",
        "RÉCLAMATION",
        "Reclamation rejetee",
        "tresorerie",
        "suspendu",
    ] {
        assert_eq!(ids(&vault, q).await, [a], "{q:?}");
    }
    // The last word is a prefix; the others are whole words.
    assert_eq!(ids(&vault, "rembours").await, [b]);
    assert_eq!(ids(&vault, "remboursement comm").await, [b]);
    assert!(ids(&vault, "rembours commande").await.is_empty());
    assert!(ids(&vault, "rembours x").await.is_empty());
    // Every word somewhere in the incident: its platform's name counts.
    assert_eq!(ids(&vault, "amazon suspendu").await, [a]);
    assert_eq!(ids(&vault, "ireland copiees").await, [b]);
    assert_eq!(ids(&vault, "amazon").await, [a]);
    // Numbers and references.
    assert_eq!(ids(&vault, "402-1234567").await, [b]);

    let hit = find(&vault, "rembours").await.items.remove(0);
    let snippet = hit.snippet.unwrap();
    assert_eq!(snippet.source, SnippetSource::Event);
    assert!(!snippet.text.contains('\u{E000}') && !snippet.text.contains('\n'));
    let utf16: Vec<u16> = snippet.text.encode_utf16().collect();
    let marked: Vec<String> = snippet
        .marks
        .iter()
        .map(|m| String::from_utf16(&utf16[m.start as usize..m.end as usize]).unwrap())
        .collect();
    assert_eq!(marked, ["remboursement"]);

    let hit = find(&vault, "reclamation").await.items.remove(0);
    let snippet = hit.snippet.unwrap();
    assert_eq!(
        (snippet.source, snippet.ref_id),
        (SnippetSource::Incident, a)
    );
    assert_eq!(hit.line.platform_name, "Amazon");
    let hit = find(&vault, "ireland").await.items.remove(0);
    assert_eq!(hit.snippet.unwrap().source, SnippetSource::Platform);
    vault.lock().await;
}

#[tokio::test]
async fn fts_syntax_is_searched_as_text_and_never_fails() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "Cdiscount", "").await;
    let id = add(
        &vault,
        &incident(p, "Frais \"logistique\" : hausse -20 % (NEAR) ^", None),
    )
    .await;
    let hostile = [
        "\"",
        "\"\"",
        "\"logistique",
        "logistique\"",
        "*",
        "**",
        "log*",
        "NEAR(",
        "NEAR(frais hausse",
        "NEAR",
        "frais:hausse",
        "body:frais",
        ":",
        "-",
        "-20",
        "^",
        "^frais",
        "frais AND",
        "OR",
        "NOT frais",
        "frais OR",
        "(",
        ")",
        "{body}",
        "'; DROP TABLE search; --",
        "\0",
        "\u{E000}frais\u{E001}",
    ];
    for q in hostile {
        let r = search::search(&vault, &request(q, &SearchFilters::default(), "", 0)).await;
        assert!(r.is_ok(), "{q:?}: {r:?}");
    }
    // Operators are words like any other; quotes and punctuation separate words.
    assert_eq!(ids(&vault, "NEAR").await, [id]);
    assert_eq!(ids(&vault, "\"logistique").await, [id]);
    // Words joined by punctuation are a phrase: adjacent words.
    assert_eq!(ids(&vault, "logistique:hausse").await, [id]);
    assert!(ids(&vault, "frais:hausse").await.is_empty());
    assert_eq!(ids(&vault, "^frais").await, [id]);
    assert_eq!(ids(&vault, "NEAR frais").await, [id]);
    assert!(
        ids(&vault, "NOT frais").await.is_empty(),
        "NOT is a word, not in the text"
    );
    assert!(ids(&vault, "frais OR hausse").await.is_empty(), "so is OR");
    // Nothing searchable: nothing found (rather than everything).
    assert!(ids(&vault, "* : -").await.is_empty());
    assert_eq!(find(&vault, "* : -").await.total, 0);
    vault.lock().await;
}

#[tokio::test]
async fn filters_combine_with_the_text() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let amazon = platform(&vault, "Amazon", "").await;
    let etsy = platform(&vault, "Etsy", "").await;
    let mut fin = incident(amazon, "Versement bloqué", Some("2026-03-10"));
    fin.category = "FIN-02".into();
    fin.status = Status::Mediation;
    let fin = add(&vault, &fin).await;
    let mut ctf = incident(etsy, "Contrefaçon bloquée", Some("2026-06-15"));
    ctf.category = "CTF-02".into();
    let ctf = add(&vault, &ctf).await;
    let acc = add(&vault, &incident(etsy, "Compte bloqué", None)).await;

    let run = |filters: SearchFilters, q: &'static str| {
        let vault = &vault;
        async move {
            let r = search::search(vault, &request(q, &filters, "recent", 0))
                .await
                .unwrap();
            r.items.iter().map(|h| h.line.id).collect::<Vec<_>>()
        }
    };
    assert_eq!(
        run(SearchFilters::default(), "bloque").await,
        [ctf, fin, acc]
    );
    let by_platform = SearchFilters {
        platform_ids: Some(vec![etsy]),
        ..Default::default()
    };
    assert_eq!(run(by_platform, "bloque").await, [ctf, acc]);
    let by_category = SearchFilters {
        categories: Some(vec!["FIN-02".into(), "ACC-02".into()]),
        ..Default::default()
    };
    assert_eq!(run(by_category, "").await, [fin, acc]);
    // Main axes: FIN-02 is A1, CTF-02 is A3, ACC-02 is A2.
    for (axis, expected) in [("A1", fin), ("A3", ctf), ("A2", acc)] {
        let f = SearchFilters {
            axes: Some(vec![axis.into()]),
            ..Default::default()
        };
        assert_eq!(run(f, "").await, [expected], "{axis}");
    }
    let by_status = SearchFilters {
        statuses: Some(vec!["mediation".into(), "resolved".into()]),
        ..Default::default()
    };
    assert_eq!(run(by_status, "").await, [fin]);
    let period = SearchFilters {
        from: Some("2026-03-10".into()),
        to: Some("2026-06-14".into()),
        ..Default::default()
    };
    assert_eq!(run(period, "").await, [fin], "bounds included, undated out");
    let none = SearchFilters {
        axes: Some(vec!["A3".into()]),
        categories: Some(vec!["FIN-02".into()]),
        ..Default::default()
    };
    assert!(run(none, "").await.is_empty());
    vault.lock().await;
}

#[tokio::test]
async fn the_trash_stays_out() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "ManoMano", "Colibri SAS").await;
    let kept = add(
        &vault,
        &incident(p, "Annonce désactivée", Some("2026-01-05")),
    )
    .await;
    let gone = add(
        &vault,
        &incident(p, "Annonce supprimée", Some("2026-01-06")),
    )
    .await;
    add_event(
        &vault,
        gone,
        "Annonce retirée",
        "Votre annonce a été retirée.",
    )
    .await;
    trash_incident(&vault, gone).await;
    assert_eq!(ids(&vault, "annonce").await, [kept]);
    assert_eq!(ids(&vault, "retiree").await, Vec::<i64>::new());
    assert_eq!(ids(&vault, "colibri").await, [kept], "through its platform");
    assert_eq!(ids(&vault, "").await, [kept]);
    assert_eq!(find(&vault, "").await.total, 1);

    // Each write is seen by the next search.
    let later = add(&vault, &incident(p, "Annonce rétablie", None)).await;
    assert_eq!(ids(&vault, "annonce").await, [kept, later]);
    add_event(&vault, later, "Relance", "Nouvelle relance envoyée.").await;
    assert_eq!(ids(&vault, "relance").await, [later]);
    trash_incident(&vault, later).await;
    assert_eq!(ids(&vault, "annonce").await, [kept]);

    // Even if a search row were left behind, the incident in the trash is not shown.
    let stale = add(&vault, &incident(p, "Oubli de nettoyage", None)).await;
    sqlx::query("UPDATE incident SET deleted_at = ? WHERE id = ?")
        .bind(NOW)
        .bind(stale)
        .execute(vault.pool())
        .await
        .unwrap();
    assert!(ids(&vault, "nettoyage").await.is_empty());

    let b = barometer::barometer(&vault, 12, today()).await.unwrap();
    assert_eq!(b.totals.count, 1);
    vault.lock().await;
}

#[tokio::test]
async fn pages_are_stable_in_every_order() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "Rakuten", "").await;
    let mut all = Vec::new();
    for n in 0..120u32 {
        // Many share a date, a title or an amount: ties are broken by id.
        let occurred = (n % 7 != 0).then(|| format!("2026-0{}-1{}", 1 + n % 9, n % 10));
        let title = ["Écran", "avis", "Zèbre", "Œuvre", "ecran"][n as usize % 5];
        let mut i = incident(p, &format!("{title} commande"), occurred.as_deref());
        i.fees_cents = Some(i64::from(n % 4) * 1000);
        all.push(add(&vault, &i).await);
    }
    for sort in ["relevance", "recent", "oldest", "title", "amount"] {
        for q in ["", "commande"] {
            let mut seen = Vec::new();
            for page in 0..4 {
                let r = search::search(&vault, &request(q, &SearchFilters::default(), sort, page))
                    .await
                    .unwrap();
                assert_eq!(
                    (r.total, r.page, r.page_size),
                    (120, page as u32, PAGE_SIZE)
                );
                assert_eq!(r.items.len(), [50, 50, 20, 0][page as usize]);
                seen.extend(r.items);
            }
            let ids: std::collections::BTreeSet<i64> = seen.iter().map(|h| h.line.id).collect();
            assert_eq!(ids.len(), 120, "{sort} {q:?}: no repeat, none missed");
            let again = search::search(&vault, &request(q, &SearchFilters::default(), sort, 1))
                .await
                .unwrap();
            assert_eq!(
                again.items,
                seen[50..100],
                "{sort} {q:?}: the same page twice"
            );
            match sort {
                "recent" => assert!(
                    seen.windows(2)
                        .all(|w| w[0].line.occurred_on >= w[1].line.occurred_on
                            || w[1].line.occurred_on.is_none())
                ),
                "oldest" => {
                    let dated: Vec<_> = seen
                        .iter()
                        .take_while(|h| h.line.occurred_on.is_some())
                        .collect();
                    assert!(
                        dated
                            .windows(2)
                            .all(|w| w[0].line.occurred_on <= w[1].line.occurred_on)
                    );
                    assert!(
                        seen[dated.len()..]
                            .iter()
                            .all(|h| h.line.occurred_on.is_none())
                    );
                }
                "title" => {
                    let firsts: Vec<&str> = seen
                        .iter()
                        .map(|h| h.line.title.split(' ').next().unwrap())
                        .collect();
                    let mut order = firsts.clone();
                    order.dedup();
                    assert_eq!(order, ["avis", "ecran", "Écran", "Œuvre", "Zèbre"]);
                }
                "amount" => assert!(
                    seen.windows(2)
                        .all(|w| w[0].amount_cents >= w[1].amount_cents)
                ),
                _ => {}
            }
        }
    }
    assert_eq!(all.len(), 120);
    vault.lock().await;
}

fn sums(b: &Barometer) {
    let t = b.totals;
    let count = |v: Vec<u32>| v.into_iter().sum::<u32>();
    let amount = |v: Vec<i64>| v.into_iter().sum::<i64>();
    assert_eq!(
        count(b.platforms.iter().map(|x| x.tally.count).collect()),
        t.count
    );
    assert_eq!(
        count(b.categories.iter().map(|x| x.tally.count).collect()),
        t.count
    );
    assert_eq!(
        count(b.axes.iter().map(|x| x.tally.count).collect()),
        t.count
    );
    assert_eq!(
        count(b.statuses.iter().map(|x| x.tally.count).collect()),
        t.count
    );
    for a in [
        amount(b.platforms.iter().map(|x| x.tally.amount_cents).collect()),
        amount(b.categories.iter().map(|x| x.tally.amount_cents).collect()),
        amount(b.axes.iter().map(|x| x.tally.amount_cents).collect()),
        amount(b.statuses.iter().map(|x| x.tally.amount_cents).collect()),
    ] {
        assert_eq!(a, t.amount_cents);
    }
    assert_eq!(
        t.amount_cents,
        t.funds_held_cents + t.sales_lost_cents + t.fees_cents
    );
}

#[tokio::test]
async fn the_dashboard_adds_up_and_shows_every_month() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let amazon = platform(&vault, "Amazon", "").await;
    let etsy = platform(&vault, "Etsy", "").await;
    let rows = [
        (
            amazon,
            "FIN-02",
            Status::Open,
            Some("2026-11-02"),
            Some(150_000),
            None,
            Some(990),
        ),
        (
            amazon,
            "ACC-02",
            Status::Resolved,
            Some("2026-11-20"),
            None,
            Some(20_000),
            None,
        ),
        (
            etsy,
            "CTF-01",
            Status::Mediation,
            Some("2026-02-01"),
            None,
            None,
            None,
        ),
        (etsy, "OTH-99", Status::Open, None, Some(5), None, None),
        (
            etsy,
            "FIN-01",
            Status::Abandoned,
            Some("2025-11-30"),
            None,
            None,
            Some(100),
        ),
        (
            amazon,
            "ACC-01",
            Status::Open,
            Some("2025-12-01"),
            Some(700),
            Some(1),
            Some(2),
        ),
    ];
    for (p, cat, status, occurred, funds, sales, fees) in rows {
        let mut i = incident(p, "Incident", occurred);
        i.category = cat.into();
        i.status = status;
        (i.funds_held_cents, i.sales_lost_cents, i.fees_cents) = (funds, sales, fees);
        add(&vault, &i).await;
    }
    let gone = add(&vault, &incident(etsy, "Supprimé", Some("2026-11-01"))).await;
    trash_incident(&vault, gone).await;

    let b = barometer::barometer(&vault, 12, today()).await.unwrap();
    sums(&b);
    assert_eq!(b.today, today());
    assert_eq!(
        (b.totals.count, b.totals.open_count, b.totals.undated_count),
        (6, 4, 1)
    );
    assert_eq!(
        b.totals.amount_cents,
        150_000 + 990 + 20_000 + 5 + 100 + 703
    );
    let months: Vec<(&str, u32)> = b
        .months
        .iter()
        .map(|m| (m.month.as_str(), m.tally.count))
        .collect();
    assert_eq!(
        months,
        [
            ("2025-12", 1),
            ("2026-01", 0),
            ("2026-02", 1),
            ("2026-03", 0),
            ("2026-04", 0),
            ("2026-05", 0),
            ("2026-06", 0),
            ("2026-07", 0),
            ("2026-08", 0),
            ("2026-09", 0),
            ("2026-10", 0),
            ("2026-11", 2),
        ]
    );
    assert_eq!(b.months[11].tally.amount_cents, 150_990 + 20_000);
    let b24 = barometer::barometer(&vault, 24, today()).await.unwrap();
    assert_eq!(
        (b24.months.len(), b24.months[0].month.as_str()),
        (24, "2024-12")
    );
    assert_eq!(b24.months.iter().map(|m| m.tally.count).sum::<u32>(), 5);

    assert_eq!(b.platforms[0].name, "Amazon");
    assert_eq!(b.platforms[0].tally.count, 3);
    let axes: Vec<(Option<Axis>, u32)> = b.axes.iter().map(|a| (a.axis, a.tally.count)).collect();
    assert_eq!(
        axes,
        [
            (Some(Axis::A1), 2),
            (Some(Axis::A2), 2),
            (Some(Axis::A3), 1),
            (None, 1)
        ]
    );
    assert_eq!(b.statuses.len(), 7);
    assert_eq!(b.statuses[0].status, Status::Open);
    assert_eq!(b.statuses[0].tally.count, 3);

    // An empty vault: every month and axis and status still there, all zero.
    let f2 = fixture();
    let (empty, _) = created(&f2).await;
    let b = barometer::barometer(&empty, 1, today()).await.unwrap();
    sums(&b);
    assert_eq!((b.months.len(), b.months[0].month.as_str()), (1, "2026-11"));
    assert!(b.platforms.is_empty() && b.deadlines.is_empty() && b.axes.len() == 4);
    vault.lock().await;
}

#[tokio::test]
async fn open_deadlines_are_listed_the_soonest_first() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "Cdiscount", "").await;
    let ago = |n: u64| today() - Days::new(n);
    // A suspension decided 5 months and 20 days ago: the complaint window closes soon.
    let mut closing = incident(p, "Compte suspendu", Some("2026-06-06"));
    closing.facts = IncidentFacts {
        measure: Some(Measure::Suspension),
        decision: Some(day("2026-06-06")),
        reasons_received: Some(true),
        ..Default::default()
    };
    let closing_id = add(&vault, &closing).await;
    // The same, resolved: no alert.
    let mut done = incident(p, "Compte suspendu puis rétabli", Some("2026-06-06"));
    done.facts = closing.facts;
    done.status = Status::Resolved;
    add(&vault, &done).await;
    // An out-of-court body seized 100 days ago, no decision yet.
    let mut overdue = incident(p, "Médiation en retard", Some("2026-05-01"));
    overdue.status = Status::Mediation;
    overdue.facts = IncidentFacts {
        complaint_sent: Some(ago(150)),
        answer_received: Some(ago(120)),
        referral: Some(ago(100)),
        ..Default::default()
    };
    let overdue_id = add(&vault, &overdue).await;
    // New terms with 8 days' notice, and a complaint unanswered for 40 days.
    let mut short = incident(p, "Nouvelles CGU", Some("2026-10-01"));
    short.facts = IncidentFacts {
        measure: Some(Measure::TermsChange),
        notified: Some(day("2026-10-01")),
        took_effect: Some(day("2026-10-09")),
        complaint_sent: Some(ago(40)),
        ..Default::default()
    };
    let short_id = add(&vault, &short).await;

    let b = barometer::barometer(&vault, 12, today()).await.unwrap();
    let alerts: Vec<(i64, &Check, Option<NaiveDate>)> = b
        .deadlines
        .iter()
        .map(|a| (a.incident_id, &a.check, a.due_on))
        .collect();
    assert_eq!(b.deadlines_total, 4, "{alerts:?}");
    assert_eq!(alerts[0].0, overdue_id);
    // Day 100 after the complete file: past day 90, still extendable to day 180 (DSA 21(4)).
    assert!(matches!(
        alerts[0].1,
        Check::OutOfCourtDecision(OutOfCourtStatus::Extendable { .. })
    ));
    assert_eq!(alerts[0].2, Some(ago(10)));
    assert_eq!(alerts[1].0, closing_id);
    assert!(matches!(
        alerts[1].1,
        Check::ComplaintWindow(WindowStatus::Open { urgent: true, .. })
    ));
    assert_eq!(alerts[1].2, Some(day("2026-12-06")));
    assert!(alerts[2..].iter().all(|a| a.0 == short_id && a.2.is_none()));
    assert_eq!(b.deadlines[1].title, "Compte suspendu");
    assert_eq!(b.deadlines[1].platform_name, "Cdiscount");
    vault.lock().await;
}

#[tokio::test]
async fn a_generated_vault_is_consistent() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let scale = generate::Scale {
        incidents: 60,
        events: 400,
        pieces: 12,
    };
    let s = generate::fill(&vault, scale, 42, today()).await.unwrap();
    assert_eq!((s.incidents, s.events, s.pieces), (60, 400, 12));
    let count = |sql: &'static str| {
        let vault = &vault;
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(vault.pool())
                .await
                .unwrap()
        }
    };
    assert_eq!(count("SELECT count(*) FROM incident").await, 60);
    assert_eq!(count("SELECT count(*) FROM event").await, 400);
    assert_eq!(count("SELECT count(*) FROM piece").await, 12);
    let rows = 60 + 400 + 12 + i64::from(s.platforms);
    assert_eq!(count("SELECT count(*) FROM search").await, rows);
    assert_eq!(
        count("SELECT count(*) FROM history WHERE action = 'created'").await,
        rows
    );
    assert_eq!(
        count("SELECT count(*) FROM incident i WHERE status != (SELECT status FROM incident_status WHERE incident_id = i.id ORDER BY id DESC LIMIT 1)").await,
        0
    );
    assert_eq!(
        count("SELECT count(*) FROM search s JOIN event e ON s.rowid = e.id * 16 + 2 WHERE s.incident_id != e.incident_id").await,
        0
    );
    let b = barometer::barometer(&vault, 36, today()).await.unwrap();
    sums(&b);
    assert_eq!(b.totals.count, 60);
    let all = find(&vault, "").await;
    assert_eq!(all.total, 60);
    assert!(find(&vault, "bonjour").await.total > 0);
    // The pieces are real evidence: readable, hashed.
    let content: i64 = count("SELECT content_id FROM piece LIMIT 1").await;
    let bytes = carnet_store::evidence::read(&vault, content).await.unwrap();
    assert!(!bytes.is_empty());
    vault.lock().await;
}

#[test]
fn any_text_searches_without_error() {
    use proptest::prelude::*;
    let rt = tokio::runtime::Runtime::new().unwrap();
    let f = fixture();
    let vault = rt.block_on(async {
        let (vault, _) = created(&f).await;
        let s = generate::Scale {
            incidents: 30,
            events: 90,
            pieces: 0,
        };
        generate::fill(&vault, s, 7, today()).await.unwrap();
        vault
    });
    let syntax = prop::sample::select(vec![
        "\"", "*", "NEAR(", "NEAR", ":", "-", "^", "(", ")", "AND", "OR", "NOT", "+", "{", "}",
        "'", "\u{E000}", "\u{E001}", "\0", " ", "é", "œ", "€", "رد", "😀", "\u{202E}",
    ]);
    let pieces = prop::collection::vec(
        prop_oneof![syntax.prop_map(str::to_owned), "\\PC{0,6}", "[a-zé]{1,8}"],
        0..12,
    )
    .prop_map(|v| v.concat());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 300,
        ..ProptestConfig::default()
    });
    runner
        .run(&(pieces, 0..5usize), |(q, sort)| {
            let sort = ["relevance", "recent", "oldest", "title", "amount"][sort];
            let req = SearchRequest::check(&q, &SearchFilters::default(), sort, 0)
                .expect("any text of this length is a search");
            let r = rt.block_on(search::search(&vault, &req));
            prop_assert!(r.is_ok(), "{q:?}: {r:?}");
            for hit in r.unwrap().items {
                if let Some(s) = hit.snippet {
                    let n = s.text.encode_utf16().count() as u32;
                    prop_assert!(s.marks.iter().all(|m| m.start < m.end && m.end <= n));
                }
            }
            Ok(())
        })
        .unwrap();
    rt.block_on(vault.lock());
}

#[tokio::test]
async fn the_alerts_prefilter_misses_none() {
    use carnet_core::deadlines;
    use carnet_core::journal::barometer::alert;
    let f = fixture();
    let (vault, _) = created(&f).await;
    let scale = generate::Scale {
        incidents: 400,
        events: 0,
        pieces: 0,
    };
    generate::fill(&vault, scale, 9, today()).await.unwrap();
    type Row = (
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT measure, reasons_received, notified_on, took_effect_on, decision_on,
                complaint_sent_on, answer_received_on, referral_on, referral_decided_on
         FROM incident WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'abandoned')",
    )
    .fetch_all(vault.pool())
    .await
    .unwrap();
    let d = |s: &Option<String>| s.as_deref().map(day);
    let facts: Vec<IncidentFacts> = rows
        .iter()
        .map(|r| IncidentFacts {
            measure: r
                .0
                .as_deref()
                .map(|m| Measure::ALL.into_iter().find(|x| x.code() == m).unwrap()),
            reasons_received: r.1.map(|x| x != 0),
            notified: d(&r.2),
            took_effect: d(&r.3),
            decision: d(&r.4),
            complaint_sent: d(&r.5),
            answer_received: d(&r.6),
            referral: d(&r.7),
            referral_decided: d(&r.8),
        })
        .collect();
    // Every day of a year and a half, month ends and their clamping included.
    for n in 0..540u64 {
        let on = day("2026-01-01") + Days::new(n);
        let expected: usize = facts
            .iter()
            .map(|f| {
                deadlines::checks(f, on)
                    .iter()
                    .filter(|c| alert(c).is_some())
                    .count()
            })
            .sum();
        let b = barometer::barometer(&vault, 1, on).await.unwrap();
        assert_eq!(b.deadlines_total as usize, expected, "on {on}");
    }
    vault.lock().await;
}

#[tokio::test]
async fn the_demo_reads_like_a_vault_the_app_wrote() {
    use carnet_core::journal::piece::PreviewKind;
    use carnet_store::journal::{company, incidents, pieces, platforms};
    let f = fixture();
    let (vault, _) = created(&f).await;
    let s = generate::demo(&vault, today()).await.unwrap();
    assert_eq!(s.platforms, 4);
    assert!(
        s.incidents >= 12 && s.events >= 30 && s.pieces >= 8,
        "{s:?}"
    );

    let company = company::get(&vault).await.unwrap().unwrap();
    assert_eq!(company.profile.legal_name, "Atelier Cuir des Canuts");
    assert_eq!(platforms::list(&vault).await.unwrap().len(), 4);
    let all = search::search(&vault, &request("", &SearchFilters::default(), "", 0))
        .await
        .unwrap();
    assert_eq!(all.total, s.incidents);
    let (mut events, mut images) = (0, 0);
    for hit in &all.items {
        let d = incidents::detail(&vault, hit.line.id, today())
            .await
            .unwrap();
        events += d.events.len() as u32;
        for p in &d.pieces {
            let (piece, bytes) = pieces::content(&vault, p.id).await.unwrap();
            assert_eq!(piece.size as usize, bytes.len());
            if piece.preview == PreviewKind::Image {
                assert_eq!(&bytes[..4], b"\x89PNG");
                images += 1;
            }
        }
    }
    assert_eq!(events, s.events);
    assert!(images >= 4);

    // Badges: a complaint window closing, an out-of-court decision overdue, short notices.
    let b = barometer::barometer(&vault, 12, today()).await.unwrap();
    sums(&b);
    let has = |f: fn(&Check) -> bool| b.deadlines.iter().any(|a| f(&a.check));
    assert!(has(|c| matches!(
        c,
        Check::ComplaintWindow(WindowStatus::Open { urgent: true, .. })
    )));
    assert!(has(|c| matches!(
        c,
        Check::OutOfCourtDecision(
            OutOfCourtStatus::Overdue { .. } | OutOfCourtStatus::Extendable { .. }
        )
    )));
    assert!(has(|c| matches!(c, Check::TermsNotice(_))));
    assert!(has(|c| matches!(c, Check::TerminationNotice(_))));
    assert!(b.months.iter().filter(|m| m.tally.count > 0).count() >= 6);

    for q in [
        "reclamation",
        "bellecour",
        "preavis",
        "tannerie",
        "amazon suspendu",
    ] {
        assert!(find(&vault, q).await.total > 0, "{q}");
    }
    vault.lock().await;
}

#[tokio::test]
async fn an_incident_back_from_the_trash_is_found_with_its_passage() {
    let f = fixture();
    let (vault, _) = created(&f).await;
    let p = platform(&vault, "Amazon", "Amazon EU S.à r.l.").await;
    let mut i = incident(p, "Versements bloqués", Some("2026-03-02"));
    i.description = "Après notre réclamation du 5 mars, aucune réponse.".into();
    let id = add(&vault, &i).await;
    add_event(&vault, id, "Relance", "Deuxième réclamation envoyée.").await;
    let before = find(&vault, "reclamation").await;
    assert!(before.items[0].snippet.is_some(), "{before:?}");

    carnet_store::journal::incidents::delete(&vault, id, NOW)
        .await
        .unwrap();
    assert!(ids(&vault, "reclamation").await.is_empty());
    carnet_store::journal::incidents::restore(&vault, id, NOW, today())
        .await
        .unwrap();
    let after = find(&vault, "reclamation").await;
    assert_eq!(after.items.len(), 1, "{after:?}");
    let snippet = after.items[0].snippet.as_ref().expect("a passage");
    assert!(snippet.text.contains("réclamation"), "{snippet:?}");
    vault.lock().await;
}

use super::*;
use crate::deadlines::{ReasonsStatus, WindowStatus};
use crate::journal::event::{Actor, Channel, EventData};
use crate::journal::incident::{IncidentInput, IncidentMeta};
use crate::journal::platform::PlatformInput;
use crate::{Platforms, journal::company::CompanyInput};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn incident(today: NaiveDate) -> Incident {
    let input = IncidentInput {
        platform_id: 7,
        category: "ACC-02".into(),
        measure: Some("suspension".into()),
        title: "Compte suspendu".into(),
        decision_on: Some("2026-03-02".into()),
        complaint_sent_on: Some("2026-03-05".into()),
        reasons_received: Some("no".into()),
        funds_held: Some("1 000,00".into()),
        sales_lost: Some("250,50".into()),
        decision_reference: Some("CASE-42".into()),
        ..IncidentInput::default()
    };
    let (_, data) = input.validate(today, Locale::Fr).unwrap();
    let meta = IncidentMeta {
        id: 3,
        platform_name: "Amazon".into(),
        status: Status::Open,
        created_at: String::new(),
        updated_at: String::new(),
        deleted_at: None,
        piece_count: 0,
    };
    Incident::new(meta, data, today)
}

fn event(id: i64, on: NaiveDate, pieces: Vec<i64>) -> Event {
    Event {
        id,
        data: EventData {
            incident_id: 3,
            happened_on: on,
            actor: Actor::Platform,
            channel: Channel::Email,
            summary: format!("event {id}"),
            full_text: String::new(),
            piece_ids: pieces,
            decision: None,
        },
        created_at: String::new(),
        updated_at: String::new(),
    }
}

fn piece(id: i64, number: i64) -> Piece {
    Piece {
        id,
        incident_id: 3,
        number,
        title: format!("piece {id}"),
        dated_on: None,
        note: String::new(),
        original_name: format!("p{id}.png"),
        media_type: "image/png".into(),
        size: 10,
        sha256: "0".repeat(64),
        created_at: String::new(),
        preview: PreviewKind::Image,
        event_ids: vec![],
        proof: Default::default(),
    }
}

fn report() -> Report {
    let loaded = d(2026, 3, 10);
    let generated = d(2026, 11, 26);
    let company = CompanyInput {
        legal_name: "Maroquinerie Test".into(),
        ..CompanyInput::default()
    }
    .check()
    .unwrap();
    let details = PlatformInput {
        catalogue_id: "amazon".into(),
        ..PlatformInput::default()
    }
    .check(Platforms::builtin(), generated)
    .unwrap();
    let events = vec![
        event(11, d(2026, 3, 9), vec![101]),
        event(10, d(2026, 3, 2), vec![100, 101]),
    ];
    Report {
        destination: Destination::Mediateur,
        locale: Locale::Fr,
        generated_at: DateTime::parse_from_rfc3339("2026-11-26T10:30:00+01:00").unwrap(),
        number: "2026-0001".into(),
        title: "Suspension".into(),
        summary: "Résumé.".into(),
        company,
        platforms: vec![ReportPlatform::new(7, details)],
        incidents: vec![ReportIncident::new(&incident(loaded), events, generated)],
        pieces: ReportPiece::numbered(&[piece(100, 1), piece(101, 2)]),
        steps: vec![],
        asks: vec![],
        ip_rights: vec![],
        listings: vec![],
        declarations: Declarations::default(),
        mediateur_request: None,
        framework: String::new(),
        handled_so_far: String::new(),
        dsa_provisions: vec![],
        mediator: String::new(),
        grounds: vec![],
    }
}

#[test]
fn destinations_round_trip_their_codes() {
    for d in Destination::ALL {
        assert_eq!(Destination::parse(d.code()), Some(d));
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, format!("\"{}\"", d.code()));
    }
    assert_eq!(Destination::parse("DGE"), None);
}

#[test]
fn a_sound_report_has_no_problem() {
    assert_eq!(report().problems(), vec![]);
}

#[test]
fn checks_are_computed_for_the_generation_day() {
    let r = report();
    let checks = &r.incidents[0].checks;
    assert!(checks.contains(&Check::StatementOfReasons(ReasonsStatus::NotReceived)));
    // Decision on 2 March: the window closes on 2 September, before 26 November.
    assert!(
        checks.contains(&Check::ComplaintWindow(WindowStatus::Closed {
            closed_on: d(2026, 9, 2),
            counted_from: crate::deadlines::CountedFrom::Decision,
        }))
    );
}

#[test]
fn events_come_oldest_first_and_pieces_know_what_they_support() {
    let r = report();
    let ids: Vec<i64> = r.incidents[0].events.iter().map(|e| e.id).collect();
    assert_eq!(ids, [10, 11]);
    let supported = r.supported_events();
    let of = |piece| supported[&piece].iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(of(100), [10]);
    assert_eq!(of(101), [10, 11]);
    assert_eq!(r.pieces[1].label(), "P02");
}

#[test]
fn period_and_totals() {
    let r = report();
    assert_eq!(r.period(), Some((d(2026, 3, 2), d(2026, 3, 9))));
    let t = r.totals();
    assert_eq!(t.funds_held_cents, Some(100_000));
    assert_eq!(t.fees_cents, None);
    assert_eq!(t.total_cents(), Some(125_050));
    assert_eq!(ReportTotals::default().total_cents(), None);
    let huge = ReportTotals {
        funds_held_cents: Some(i64::MAX),
        sales_lost_cents: Some(1),
        fees_cents: None,
    };
    assert_eq!(huge.total_cents(), Some(i64::MAX));
}

#[test]
fn a_long_summary_and_broken_references_are_problems() {
    let mut r = report();
    r.summary = "é".repeat(SUMMARY_MAX);
    assert_eq!(r.problems(), vec![], "400 characters, not bytes");
    r.summary.push('x');
    r.title = " ".into();
    r.pieces[1].number = 5;
    r.incidents[0].events[0].data.piece_ids.push(999);
    r.incidents[0].data.platform_id = 8;
    assert_eq!(
        r.problems(),
        vec![
            ReportProblem::SummaryTooLong {
                chars: 401,
                max: 400
            },
            ReportProblem::NoTitle,
            ReportProblem::PieceNumbering {
                position: 2,
                number: 5
            },
            ReportProblem::UnknownPlatform {
                incident: 3,
                platform: 8
            },
            ReportProblem::UnknownPiece {
                event: 10,
                piece: 999
            },
        ]
    );
}

#[test]
fn steps_come_from_the_incident_dates() {
    let r = report();
    let steps = steps_from_incident(&r.incidents[0].data);
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].kind, StepKind::InternalComplaint);
    assert_eq!(steps[0].reference, "CASE-42");
    assert_eq!(steps[0].date, Some(d(2026, 3, 5)));
}

#[test]
fn piece_sources_give_bytes_or_say_why_not() {
    let r = report();
    let mut map = BTreeMap::new();
    map.insert(100, b"png".to_vec());
    assert_eq!(map.bytes(&r.pieces[0]).unwrap(), b"png");
    assert!(map.bytes(&r.pieces[1]).unwrap_err().0.contains("P02"));
    let closure = |p: &ReportPiece| Ok(p.title.clone().into_bytes());
    assert_eq!(closure.bytes(&r.pieces[1]).unwrap(), b"piece 101");
}

#[test]
fn the_report_serialises_for_the_ui() {
    let json = serde_json::to_value(report()).unwrap();
    assert_eq!(json["destination"], "mediateur");
    assert_eq!(json["generatedAt"], "2026-11-26T10:30:00+01:00");
    assert_eq!(json["pieces"][0]["number"], 1);
    assert_eq!(json["platforms"][0]["name"], "Amazon");
}

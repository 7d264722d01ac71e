//! Property tests: the amount and date parsers read back what each accepted format writes;
//! CSV export → import and JSON export → import give the same journal.

mod common;

use std::collections::HashMap;

use carnet_core::journal::event::{Event, EventInput};
use carnet_core::journal::incident::{Incident, IncidentInput, IncidentMeta, Status};
use carnet_core::journal::piece::{Piece, PreviewKind};
use carnet_core::{Locale, Platforms};
use carnet_interop::parse::{self, date_serial};
use carnet_interop::{Format, Journal, PlatformRef, export_csv, export_json, plan_json};
use chrono::NaiveDate;
use common::{run, today};
use proptest::prelude::*;

fn group(units: u64, sep: &str) -> String {
    let digits = units.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

proptest! {
    #[test]
    fn any_formatted_amount_parses_back_to_its_cents(
        cents in -1_000_000_000_000i64..1_000_000_000_000,
        style in 0usize..9,
    ) {
        let (u, c) = (cents.unsigned_abs() / 100, cents.unsigned_abs() % 100);
        let minus = if cents < 0 { "-" } else { "" };
        let body = match style {
            0 => format!("{}\u{a0}€", group(u, "\u{a0}") + &format!(",{c:02}")),
            1 => format!("{},{c:02} €", group(u, "\u{202f}")),
            2 => format!("{},{c:02}", group(u, " ")),
            3 => format!("{u},{c:02}"),
            4 => format!("{u}.{c:02}"),
            5 => format!("{}.{c:02}", group(u, ",")),
            6 => format!("€{}.{c:02}", group(u, ",")),
            7 => format!("{u},{c:02} EUR"),
            _ => format!("{}", cents as f64 / 100.0),
        };
        let text = if style == 8 { body.clone() } else { format!("{minus}{body}") };
        let expected = if style == 8 { parse::number_amount(cents as f64 / 100.0) } else { Some(cents) };
        prop_assert_eq!(parse::amount(&text), expected, "{}", text);
        if cents > 0 && style < 8 {
            prop_assert_eq!(parse::amount(&format!("({body})")), Some(-cents));
        }
    }

    #[test]
    fn any_date_in_each_accepted_format_parses_back(days in 0i64..(365 * 110), style in 0usize..8) {
        let d = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(days as u64);
        const FR: [&str; 12] = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
        const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        use chrono::Datelike;
        let m = d.month0() as usize;
        let text = match style {
            0 => d.format("%d/%m/%Y").to_string(),
            1 if d.year() >= 2000 => d.format("%d/%m/%y").to_string(),
            1 => d.format("%-d/%-m/%Y").to_string(),
            2 => format!("{} {} {}", d.day(), FR[m], d.year()),
            3 => d.format("%Y-%m-%d").to_string(),
            4 => format!("{}", date_serial(d)),
            5 => format!("{} {}, {}", EN[m], d.day(), d.year()),
            6 => d.format("%d.%m.%Y").to_string(),
            _ => d.format("%Y-%m-%dT10:20:30").to_string(),
        };
        prop_assert_eq!(parse::date(&text), Some(d), "{}", text);
        prop_assert_eq!(parse::serial_date(date_serial(d)), Some(d));
    }
}

const PLATFORMS: [&str; 4] = ["amazon", "cdiscount", "ebay", "manomano"];

/// A generated row: platform, title, description, day, amount, status, category.
type Row = (usize, String, String, u32, Option<i64>, usize, usize);

fn incident(id: i64, row: Row) -> Option<Incident> {
    let (platform, title, description, day, cents, status, category) = row;
    let p = Platforms::builtin().get(PLATFORMS[platform]).unwrap();
    let categories = carnet_core::Catalogue::builtin().categories();
    let cents_text = cents.map(|c| format!("{},{:02}", c / 100, c % 100));
    let input = IncidentInput {
        platform_id: platform as i64 + 1,
        category: categories[category % categories.len()].code.clone(),
        title,
        description: Some(description),
        occurred_on: Some(
            (NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(day.into()))
                .format("%Y-%m-%d")
                .to_string(),
        ),
        funds_held: cents_text,
        ..IncidentInput::default()
    };
    let (_, data) = input.validate(today(), Locale::Fr).ok()?;
    let meta = IncidentMeta {
        id,
        platform_name: p.name.clone(),
        status: Status::ALL[status % 7],
        created_at: "2026-12-01T10:00:00Z".into(),
        updated_at: "2026-12-01T10:00:00Z".into(),
        deleted_at: None,
        piece_count: 0,
    };
    Some(Incident::new(meta, data, today()))
}

fn catalogue_ids() -> HashMap<i64, String> {
    PLATFORMS
        .iter()
        .enumerate()
        .map(|(i, p)| (i as i64 + 1, p.to_string()))
        .collect()
}

prop_compose! {
    fn incidents()(rows in prop::collection::vec((
        0usize..4,
        "[=+@-]?[A-Za-zéèàç0-9 ;,\"]{1,30}",
        "[=+@-]?[A-Za-zé0-9 ;,\"\n]{0,60}",
        0u32..9000,
        prop::option::of(0i64..100_000_000),
        0usize..7,
        0usize..200,
    ), 1..15)) -> Vec<Incident> {
        rows.into_iter().enumerate().filter_map(|(i, row)| incident(i as i64 + 1, row)).collect()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn csv_export_then_import_gives_the_same_incidents(incidents in incidents()) {
        let ids = catalogue_ids();
        let journal = Journal { incidents: &incidents, events: &[], pieces: &[], catalogue_ids: &ids };
        let mut bytes = Vec::new();
        export_csv(&journal, Locale::Fr, &mut bytes).unwrap();
        prop_assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let (_, plan) = run(&bytes, Format::Csv, false).unwrap();
        prop_assert!(plan.problems.iter().all(|p| !p.blocking), "{:?}", plan.problems);
        // Identical incidents collapse into one (reported as duplicates).
        let dups = plan.problems.len();
        prop_assert_eq!(plan.drafts.len() + dups, incidents.len());
        for draft in &plan.drafts {
            let row = draft.rows[0];
            let original = &incidents[row - 2];
            let d = &original.data;
            prop_assert_eq!(&draft.incident.title, &d.title);
            prop_assert_eq!(&draft.incident.description, &d.description);
            prop_assert_eq!(&draft.incident.category, &d.category);
            prop_assert_eq!(draft.incident.dates.occurred_on, d.dates.occurred_on);
            prop_assert_eq!(draft.incident.amounts.funds_held_cents, d.amounts.funds_held_cents);
            prop_assert_eq!(draft.status, original.status);
            prop_assert_eq!(
                &draft.platform,
                &PlatformRef::Catalogue { id: ids[&d.platform_id].clone() }
            );
        }
    }

    #[test]
    fn json_export_then_import_gives_the_same_journal(incidents in incidents(), summary in "[a-zé ]{1,20}") {
        prop_assume!(!incidents.is_empty());
        let ids = catalogue_ids();
        let events: Vec<Event> = incidents.iter().map(|i| {
            let (_, data) = EventInput {
                incident_id: i.id,
                happened_on: "2026-11-02".into(),
                actor: "platform".into(),
                channel: "email".into(),
                summary: format!("x{summary}"),
                full_text: Some("corps".into()),
                piece_ids: vec![i.id * 10],
                ..EventInput::default()
            }.validate(today()).unwrap();
            Event { id: i.id, data, created_at: String::new(), updated_at: String::new() }
        }).collect();
        let pieces: Vec<Piece> = incidents.iter().map(|i| Piece {
            id: i.id * 10,
            incident_id: i.id,
            number: 1,
            title: "Capture".into(),
            dated_on: None,
            note: String::new(),
            original_name: "capture.png".into(),
            media_type: "image/png".into(),
            size: 10,
            sha256: "ab".repeat(32),
            created_at: String::new(),
            preview: PreviewKind::Image,
            event_ids: vec![i.id],
            proof: Default::default(),
        }).collect();
        let journal = Journal { incidents: &incidents, events: &events, pieces: &pieces, catalogue_ids: &ids };
        let mut bytes = Vec::new();
        export_json(&journal, &mut bytes).unwrap();
        let file: carnet_interop::JournalFile = serde_json::from_slice(&bytes).unwrap();
        prop_assert_eq!(file.incidents[0].events[0].pieces.clone(), vec![1]);
        prop_assert_eq!(&file.incidents[0].pieces[0].sha256, &"ab".repeat(32));
        let plan = plan_json(&bytes, today()).unwrap();
        prop_assert!(plan.problems.is_empty());
        prop_assert_eq!(plan.drafts.len(), incidents.len());
        for (draft, original) in plan.drafts.iter().zip(&incidents) {
            prop_assert_eq!(draft.incident_for(original.data.platform_id), original.data.clone());
            prop_assert_eq!(draft.status, original.status);
            let mut e = events.iter().find(|e| e.data.incident_id == original.id).unwrap().data.clone();
            e.piece_ids.clear();
            prop_assert_eq!(draft.events_for(original.id), vec![e]);
        }
        // The same file again: the same keys.
        let again = plan_json(&bytes, today()).unwrap();
        prop_assert_eq!(
            again.drafts.iter().map(|d| &d.key).collect::<Vec<_>>(),
            plan.drafts.iter().map(|d| &d.key).collect::<Vec<_>>()
        );
    }
}

proptest! {
    /// Any file name: no panic; each reference found has a digit and 4 characters or more.
    #[test]
    fn any_file_name_gives_references_and_days_without_panic(name in "\\PC{0,80}") {
        for r in carnet_interop::names::references(&name) {
            prop_assert!(r.chars().count() >= 4);
            prop_assert!(r.chars().any(|c| c.is_ascii_digit()));
        }
        let _ = carnet_interop::names::dates(&name);
    }

    /// A day written in any of the ways a camera or a system names files is found, and is
    /// not taken for a reference.
    #[test]
    fn a_day_in_a_file_name_is_found(
        y in 1990i32..2099,
        m in 1u32..=12,
        d in 1u32..=28,
        way in 0usize..5,
        prefix in "[A-Za-z ]{0,10}",
    ) {
        let day = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let written = match way {
            0 => day.format("%Y-%m-%d").to_string(),
            1 => day.format("%Y%m%d").to_string(),
            2 => day.format("%d.%m.%Y").to_string(),
            3 => day.format("%d_%m_%Y").to_string(),
            _ => day.format("%Y_%m_%d").to_string(),
        };
        let name = format!("{prefix} {written}.png");
        prop_assert_eq!(carnet_interop::names::dates(&name), vec![day]);
        prop_assert!(carnet_interop::names::references(&name).is_empty());
    }
}

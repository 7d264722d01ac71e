//! The exports: typed cells and sheets in the .xlsx, neutralised CSV cells, JSON refusals.

mod common;

use std::collections::HashMap;
use std::io::{Cursor, Read};

use calamine::{Data, Reader};
use carnet_core::Locale;
use carnet_core::journal::event::{Event, EventInput};
use carnet_core::journal::incident::{Incident, IncidentInput, IncidentMeta, Status};
use carnet_core::journal::piece::{Piece, PreviewKind};
use carnet_interop::{InteropError, Journal, export_csv, export_xlsx, plan_json};
use common::today;

fn journal_parts() -> (Vec<Incident>, Vec<Event>, Vec<Piece>) {
    let (_, data) = IncidentInput {
        platform_id: 7,
        category: "ACC-02".into(),
        title: "=HYPERLINK(\"http://x\")".into(),
        occurred_on: Some("2026-11-26".into()),
        funds_held: Some("1 234,56".into()),
        description: Some("@SUM(A1)\nsuite".into()),
        ..IncidentInput::default()
    }
    .validate(today(), Locale::Fr)
    .unwrap();
    let meta = IncidentMeta {
        id: 3,
        platform_name: "Amazon".into(),
        status: Status::Mediation,
        created_at: "2026-12-01T10:00:00Z".into(),
        updated_at: "2026-12-01T10:00:00Z".into(),
        deleted_at: None,
        piece_count: 1,
    };
    let incident = Incident::new(meta, data, today());
    let (_, e) = EventInput {
        incident_id: 3,
        happened_on: "2026-11-27".into(),
        actor: "us".into(),
        channel: "email".into(),
        summary: "Réclamation".into(),
        ..EventInput::default()
    }
    .validate(today())
    .unwrap();
    let event = Event {
        id: 1,
        data: e,
        created_at: String::new(),
        updated_at: String::new(),
    };
    let piece = Piece {
        id: 9,
        incident_id: 3,
        number: 1,
        title: "Capture".into(),
        dated_on: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
        note: String::new(),
        original_name: "capture.png".into(),
        media_type: "image/png".into(),
        size: 2048,
        sha256: "0f".repeat(32),
        created_at: String::new(),
        preview: PreviewKind::Image,
        event_ids: vec![],
        proof: Default::default(),
    };
    (vec![incident], vec![event], vec![piece])
}

/// The journal of [`journal_parts`] written by `export` in French, with these catalogue ids.
fn exported(
    ids: &HashMap<i64, String>,
    export: fn(&Journal<'_>, Locale, &mut dyn std::io::Write) -> Result<(), InteropError>,
) -> Vec<u8> {
    let (i, e, p) = journal_parts();
    let journal = Journal {
        incidents: &i,
        events: &e,
        pieces: &p,
        catalogue_ids: ids,
    };
    let mut bytes = Vec::new();
    export(&journal, Locale::Fr, &mut bytes).unwrap();
    bytes
}

#[test]
fn xlsx_export_has_three_sheets_of_typed_cells_frozen_and_filtered() {
    let ids = HashMap::from([(7, "amazon".to_string())]);
    let bytes = exported(&ids, export_xlsx);

    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(&bytes[..])).unwrap();
    assert_eq!(wb.sheet_names(), vec!["Incidents", "Événements", "Pièces"]);
    let r = wb.worksheet_range("Incidents").unwrap();
    assert_eq!(r.get((0, 4)), Some(&Data::String("Titre".into())));
    assert!(
        matches!(r.get((1, 1)), Some(Data::DateTime(d)) if d.as_f64() == carnet_interop::parse::date_serial(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()))
    );
    assert_eq!(r.get((1, 6)), Some(&Data::Float(1234.56)));
    assert_eq!(
        r.get((1, 4)),
        Some(&Data::String("=HYPERLINK(\"http://x\")".into())),
        "a string, not a formula"
    );
    assert_eq!(r.get((1, 5)), Some(&Data::String("Médiation".into())));
    let ev = wb.worksheet_range("Événements").unwrap();
    assert!(matches!(ev.get((1, 1)), Some(Data::DateTime(_))));
    let pc = wb.worksheet_range("Pièces").unwrap();
    assert_eq!(pc.get((1, 7)), Some(&Data::String("0f".repeat(32))));
    assert_eq!(pc.get((1, 1)), Some(&Data::String("P1".into())));

    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    for n in 1..=3 {
        let mut xml = String::new();
        zip.by_name(&format!("xl/worksheets/sheet{n}.xml"))
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        assert!(xml.contains(r#"state="frozen""#), "sheet {n} frozen");
        assert!(xml.contains("<autoFilter"), "sheet {n} filtered");
    }
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(styles.contains("dd/mm/yyyy"));
}

#[test]
fn csv_export_neutralises_formula_cells_and_opens_in_french_excel() {
    let bytes = exported(&HashMap::new(), export_csv);
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(text.starts_with("\u{feff}Identifiant Carnet;Date;Plateforme;"));
    assert!(text.contains(";\"'=HYPERLINK(\"\"http://x\"\")\";"));
    assert!(text.contains(";\"'@SUM(A1)\nsuite\";"));
    assert!(text.contains(";26/11/2026;Amazon;ACC-02;"));
    assert!(text.contains(";1234,56;"));
    assert!(text.contains("\r\n"));
}

#[test]
fn json_that_is_not_a_journal_is_refused_with_a_code() {
    assert_eq!(plan_json(b"", today()).unwrap_err(), InteropError::Empty);
    assert_eq!(
        plan_json(b"{", today()).unwrap_err(),
        InteropError::NotJournal
    );
    assert_eq!(
        plan_json(br#"{"format":"x","version":1}"#, today()).unwrap_err(),
        InteropError::NotJournal
    );
    assert_eq!(
        plan_json(
            br#"{"format":"carnet.journal","version":2,"incidents":[]}"#,
            today()
        )
        .unwrap_err(),
        InteropError::UnsupportedVersion
    );
    let minimal = br#"{"format":"carnet.journal","version":1,"incidents":[
        {"id":1,"platform":{"name":"Boutique Dupont"},"category":"ACC-02","title":"t","status":"open"},
        {"id":2,"platform":{"name":"eBay"},"category":"NOPE","title":"t","status":"open"}]}"#;
    let plan = plan_json(minimal, today()).unwrap();
    assert_eq!(plan.drafts.len(), 1);
    assert_eq!(plan.new_platforms, vec!["Boutique Dupont".to_string()]);
    assert_eq!(plan.problems[0].row, 2);
    assert_eq!(
        plan.problems[0].core_field,
        Some(carnet_core::Field::IncidentCategory)
    );
}

//! The spreadsheet import and the journal export run by the test host on real files and a
//! real vault: a messy French CSV read, fixed on the preview, confirmed, found by the search,
//! imported again without duplicates; the journal exported and brought into another vault
//! through its JSON; and a bad-input table for each command (never a panic, never a write).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use carnet_interop::{CellFix, MapField};

use crate::error::ErrorCode;
use crate::flows::interop::{
    ExportFormat, ExportSelection, ImportChoice, MatchedBy, PieceAssignment,
};
use crate::state::AppState;
use crate::test_host::{hostile, opened};

/// A French seller's log as Excel saves it in CSV: `;`, Windows-1252, amounts with spaces
/// and €, a date that cannot be read (row 4), a blank row and a total row.
const LOG: &str = "Date;Plateforme;Problème;Montant;Statut;N° de commande\r\n\
26/11/2026;Cdiscount;Compte suspendu sans motif;1 234,56 €;En cours;4471-A\r\n\
03/10/2026;CDiscount Marketplace;Paiement retenu;45,00;Résolu;4472\r\n\
le 5 sept;Ma Boutique en Ligne;Offre retirée;12;;4473\r\n\
;;;;;\r\n\
Total;;;1 291,56;;\r\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn windows_1252(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

async fn found(s: &AppState, query: &str) -> usize {
    s.incidents_search(query.into(), None, None, None)
        .await
        .unwrap()
        .items
        .len()
}

fn no_progress() -> crate::flows::interop::ExportProgressFn {
    Arc::new(|_| {})
}

#[tokio::test]
async fn a_french_csv_is_mapped_fixed_imported_once_and_found() {
    let (dir, s) = opened().await;
    let file = write(dir.path(), "litiges.csv", &windows_1252(LOG));
    let opened = s.import_open(&file).await.unwrap();
    assert_eq!(opened.file_name, "litiges.csv");
    assert_eq!(opened.format, "csv");
    let sheet = opened.sheet.unwrap();
    assert_eq!(sheet.headers[2], "Problème", "decoded from Windows-1252");
    let mapping = sheet.mapping;
    for field in [
        MapField::Date,
        MapField::Platform,
        MapField::Title,
        MapField::Amount,
    ] {
        assert!(mapping.column(field).is_some(), "{field:?} proposed");
    }
    let mut choice = ImportChoice {
        mapping,
        ..ImportChoice::default()
    };

    let first = s.import_preview(choice.clone()).await.unwrap();
    assert_eq!(first.to_create, 2, "{:?}", first.problems);
    assert_eq!(first.total_row, Some(6));
    let bad_date = first
        .problems
        .iter()
        .find(|p| p.row == 4 && p.blocking)
        .expect("row 4's date refused");
    assert_eq!(bad_date.field, Some(MapField::Date));
    let cell = first.cells.iter().find(|c| c.row == 4).unwrap();
    assert_eq!(cell.text, "le 5 sept", "the cell shown for a fix");
    let amounts: Vec<Option<i64>> = first.drafts.iter().map(|d| d.amount_cents).collect();
    assert_eq!(amounts, [Some(123_456), Some(4_500)]);
    assert_eq!(
        first.drafts[1].platform, "Cdiscount",
        "matched to the catalogue"
    );
    assert_eq!(found(&s, "suspendu").await, 0, "the dry run writes nothing");

    choice.fixes.push(CellFix {
        row: 4,
        field: MapField::Date,
        value: "05/09/2026".into(),
    });
    let fixed = s.import_preview(choice.clone()).await.unwrap();
    assert_eq!(fixed.to_create, 3);
    assert_eq!(fixed.new_platforms, ["Ma Boutique en Ligne"]);

    let done = s.import_confirm(choice.clone()).await.unwrap();
    assert_eq!((done.created, done.already, done.platforms), (3, 0, 2));
    assert_eq!(found(&s, "suspendu").await, 1);
    assert_eq!(found(&s, "4473").await, 1, "the order number is kept");
    assert_eq!(
        s.import_preview(choice.clone()).await.unwrap_err().code,
        ErrorCode::NoImport,
        "the file is forgotten once imported"
    );

    // The same file again: everything is already there.
    s.import_open(&file).await.unwrap();
    let again = s.import_preview(choice.clone()).await.unwrap();
    assert_eq!((again.to_create, again.already), (0, 3));
    assert!(again.drafts.iter().all(|d| d.already));
    let twice = s.import_confirm(choice).await.unwrap();
    assert_eq!((twice.created, twice.already), (0, 3));
    assert_eq!(found(&s, "").await, 3);

    // A folder of screenshots: each file proposed for the incident its name points at.
    let shots = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = [
        "commande 4471-A.png",
        "Capture d’écran 2026-10-03 à 14.02.11.png",
        "photo.png",
    ]
    .iter()
    .map(|n| write(shots.path(), n, b"\x89PNG\r\n\x1a\n screenshot"))
    .collect();
    let proposed = s.import_pieces_match(files).await.unwrap();
    let by: Vec<_> = proposed.iter().map(|m| m.by).collect();
    assert_eq!(
        by,
        [Some(MatchedBy::Reference), Some(MatchedBy::Date), None]
    );
    assert_eq!(proposed[0].incident_title, "Compte suspendu sans motif");
    assert_eq!(proposed[1].incident_title, "Paiement retenu");
    let assignments = proposed
        .iter()
        .filter_map(|m| {
            Some(PieceAssignment {
                index: m.index,
                incident_id: m.incident_id?,
            })
        })
        .collect();
    assert_eq!(s.import_pieces_confirm(assignments).await.unwrap(), 2);
    let detail = s
        .incident_get(proposed[0].incident_id.unwrap())
        .await
        .unwrap();
    assert_eq!(detail.pieces.len(), 1);
    assert_eq!(
        s.import_pieces_confirm(Vec::new()).await.unwrap_err().code,
        ErrorCode::NoImport,
        "the files are forgotten once attached"
    );
    s.vault_lock().await;
}

#[tokio::test]
async fn the_journal_goes_out_as_csv_and_json_and_into_another_vault() {
    let (dir, s) = opened().await;
    let file = write(dir.path(), "litiges.csv", &windows_1252(LOG));
    let sheet = s.import_open(&file).await.unwrap().sheet.unwrap();
    let mut choice = ImportChoice {
        mapping: sheet.mapping,
        ..ImportChoice::default()
    };
    choice.skip_rows.push(4);
    assert_eq!(s.import_confirm(choice).await.unwrap().created, 2);

    let out = tempfile::tempdir().unwrap();
    let csv = out.path().join("journal.csv");
    let all = ExportSelection::default();
    let written = s
        .journal_export(ExportFormat::Csv, all.clone(), &csv, no_progress())
        .await
        .unwrap();
    assert_eq!(
        (written.file_name.as_str(), written.incidents),
        ("journal.csv", 2)
    );
    let text = std::fs::read(&csv).unwrap();
    assert!(text.starts_with(b"\xEF\xBB\xBF"), "a BOM for French Excel");
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("Compte suspendu sans motif"));
    assert_eq!(written.size, text.len() as u64);

    let some = ExportSelection {
        query: "retenu".into(),
        ..ExportSelection::default()
    };
    let json = out.path().join("retenu.json");
    let one = s
        .journal_export(ExportFormat::Json, some, &json, no_progress())
        .await
        .unwrap();
    assert_eq!(one.incidents, 1, "only the search's incidents");
    let json_all = out.path().join("journal.json");
    s.journal_export(ExportFormat::Json, all, &json_all, no_progress())
        .await
        .unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    s.vault_lock().await;

    // Another vault takes the journal in, whole.
    let (_other_dir, other) = opened().await;
    other.import_open(&json_all).await.unwrap();
    let done = other.import_confirm(ImportChoice::default()).await.unwrap();
    assert_eq!(done.created, 2);
    assert_eq!(found(&other, "suspendu").await, 1);
    assert_eq!(found(&other, "retenu").await, 1);
    other.vault_lock().await;
}

#[tokio::test]
async fn bad_files_and_bad_choices_are_refused_with_their_code() {
    let (dir, s) = opened().await;
    let d = dir.path();
    let cases: Vec<(PathBuf, ErrorCode)> = vec![
        (d.join("absent.csv"), ErrorCode::SpreadsheetUnreadable),
        (
            write(d, "facture.pdf.exe", b"MZ\x90\x00"),
            ErrorCode::SpreadsheetUnreadable,
        ),
        (
            write(
                d,
                "photo.csv",
                b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            ),
            ErrorCode::SpreadsheetUnreadable,
        ),
        (
            write(d, "classeur.xlsx", b"not a zip at all"),
            ErrorCode::SpreadsheetUnreadable,
        ),
        (write(d, "vide.csv", b""), ErrorCode::SpreadsheetEmpty),
        (
            write(d, "autre.json", br#"{"hello": "world"}"#),
            ErrorCode::NotAJournal,
        ),
        (
            write(
                d,
                "futur.json",
                br#"{"format": "carnet.journal", "version": 99, "incidents": []}"#,
            ),
            ErrorCode::NotAJournal,
        ),
    ];
    for (path, code) in cases {
        let e = s.import_open(&path).await.unwrap_err();
        assert_eq!(e.code, code, "{}", path.display());
        assert!(
            !e.message.contains(&*d.to_string_lossy()),
            "no path in {e:?}"
        );
    }
    assert_eq!(
        s.import_preview(ImportChoice::default())
            .await
            .unwrap_err()
            .code,
        ErrorCode::NoImport
    );
    assert_eq!(
        s.import_sheet(0).await.unwrap_err().code,
        ErrorCode::NoImport
    );

    // Any text typed in a fix, any column, any row: a preview, never a panic.
    let file = write(d, "litiges.csv", LOG.as_bytes());
    let sheet = s.import_open(&file).await.unwrap().sheet.unwrap();
    assert_eq!(
        s.import_sheet(7).await.unwrap_err().code,
        ErrorCode::SpreadsheetUnreadable
    );
    for text in hostile() {
        let mut mapping = sheet.mapping.clone();
        mapping.columns.insert(MapField::Url, usize::MAX);
        mapping.header_row = usize::MAX / 2;
        let choice = ImportChoice {
            mapping: sheet.mapping.clone(),
            fixes: vec![
                CellFix {
                    row: 2,
                    field: MapField::Title,
                    value: text.clone(),
                },
                CellFix {
                    row: usize::MAX,
                    field: MapField::Amount,
                    value: text.clone(),
                },
            ],
            skip_rows: vec![0, usize::MAX],
        };
        s.import_preview(choice).await.unwrap();
        let odd = ImportChoice {
            mapping,
            ..ImportChoice::default()
        };
        s.import_preview(odd).await.unwrap();
        let query = ExportSelection {
            query: text.clone(),
            ..ExportSelection::default()
        };
        let out = d.join("out.json");
        match s
            .journal_export(ExportFormat::Json, query, &out, no_progress())
            .await
        {
            Ok(_) => {}
            Err(e) => assert_eq!(e.code, ErrorCode::InvalidInput, "{text:?}"),
        }
    }
    let shot = write(d, "commande 4471.png", b"\x89PNG\r\n\x1a\n screenshot");
    s.import_pieces_match(vec![shot]).await.unwrap();
    let beyond = vec![PieceAssignment {
        index: 99,
        incident_id: 1,
    }];
    assert_eq!(
        s.import_pieces_confirm(beyond).await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
    let nowhere = vec![PieceAssignment {
        index: 0,
        incident_id: 987_654,
    }];
    assert_eq!(
        s.import_pieces_confirm(nowhere).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    s.import_cancel();
    assert_eq!(
        s.import_confirm(ImportChoice::default())
            .await
            .unwrap_err()
            .code,
        ErrorCode::NoImport
    );

    // Locked: nothing read, nothing kept.
    s.import_open(&file).await.unwrap();
    s.vault_lock().await;
    assert_eq!(
        s.import_preview(ImportChoice::default())
            .await
            .unwrap_err()
            .code,
        ErrorCode::NoImport,
        "the lock forgets the file"
    );
    assert_eq!(
        s.import_open(&file).await.unwrap_err().code,
        ErrorCode::VaultLocked
    );
    let out = d.join("locked.xlsx");
    let e = s
        .journal_export(
            ExportFormat::Xlsx,
            ExportSelection::default(),
            &out,
            no_progress(),
        )
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::VaultLocked);
    assert!(!out.exists());
}

#[tokio::test]
async fn an_export_into_a_folder_that_is_not_there_leaves_nothing() {
    let (dir, s) = opened().await;
    let dest = dir.path().join("absent").join("journal.xlsx");
    let e = s
        .journal_export(
            ExportFormat::Xlsx,
            ExportSelection::default(),
            &dest,
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(e.code, ErrorCode::Io | ErrorCode::ExportFailed),
        "{e:?}"
    );
    assert!(!dest.exists());
    s.vault_lock().await;
}

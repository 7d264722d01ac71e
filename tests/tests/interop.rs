//! The owner's spreadsheet in and the journal out, in the real window: a workbook (written
//! here with rust_xlsxwriter, as Excel would save it: a header row, dates as date cells,
//! amounts as numbers, a platform column whose header Carnet cannot guess) is chosen through
//! the import screen (the file dialog bypassed), the platform column mapped by hand, the
//! preview read, the import confirmed; an imported incident is found by the search; the same
//! file again creates nothing. The journal is then exported as `.xlsx` and the file reopened
//! with calamine to check its cells. Screenshots: target/e2e-screenshots/interop-*.png.

use std::path::Path;

use calamine::{Data, DataType, Reader, Xlsx};
use carnet_e2e::{App, ENV_TEST_DIALOGS, plain_spaces};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const PASSPHRASE: &str = "trois pommes vertes sous le vieux tilleul";

/// A seller's log of three incidents; "Où" holds the platform (no header word says so).
fn workbook(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Litiges 2026").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let euros = Format::new().set_num_format("# ##0,00 €");
    for (c, h) in ["Date", "Où", "Problème", "Montant", "Statut", "N° commande"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        (
            (2026, 9, 14),
            "Cdiscount",
            "Compte suspendu sans préavis",
            1234.56,
            "En cours",
            "CD-4471",
        ),
        (
            (2026, 10, 2),
            "ManoMano",
            "Paiement retenu 90 jours",
            845.0,
            "Réclamation envoyée",
            "MM-0192",
        ),
        (
            (2026, 11, 20),
            "Fnac",
            "Offres retirées du catalogue",
            312.4,
            "Résolu",
            "FN-7730",
        ),
    ];
    for (r, (d, platform, title, amount, status, reference)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        let day = ExcelDateTime::from_ymd(d.0, d.1, d.2).unwrap();
        sheet.write_datetime_with_format(r, 0, &day, &date).unwrap();
        sheet.write_string(r, 1, *platform).unwrap();
        sheet.write_string(r, 2, *title).unwrap();
        sheet
            .write_number_with_format(r, 3, *amount, &euros)
            .unwrap();
        sheet.write_string(r, 4, *status).unwrap();
        sheet.write_string(r, 5, *reference).unwrap();
    }
    // A date Excel kept as text: the owner fixes it on the preview.
    sheet.write_string(4, 0, "fin novembre").unwrap();
    sheet.write_string(4, 1, "Cdiscount").unwrap();
    sheet.write_string(4, 2, "Avis clients supprimés").unwrap();
    sheet.write_number_with_format(4, 3, 80.0, &euros).unwrap();
    book.save(path).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_workbook_is_mapped_imported_found_and_the_journal_exported_as_xlsx() {
    let dir = tempfile::tempdir().expect("a temporary data folder");
    let dialogs = tempfile::tempdir().expect("a folder for the dialogs");
    let source = dialogs.path().join("mes-litiges.xlsx");
    workbook(&source);
    std::fs::write(
        dialogs.path().join("open.txt"),
        source.display().to_string(),
    )
    .unwrap();
    let dialogs_path = dialogs.path().display().to_string();
    let app = App::start_with_env(dir.path(), &[(ENV_TEST_DIALOGS, &dialogs_path)]).await;
    app.create_vault_and_open(PASSPHRASE).await;

    // The empty journal offers the import among its first steps.
    app.wait_for_text("Aucun incident noté pour l’instant")
        .await;
    app.click("Importer un tableur").await;
    app.heading("Importer un tableur").await;
    app.click("Choisir un fichier…").await;
    app.wait_for_text("mes-litiges.xlsx").await;
    app.heading("Correspondance des colonnes").await;
    // Nothing says "Où" is the platform: every row lacks one, nothing can be imported yet.
    assert_eq!(app.value("Plateforme").await, "");
    app.wait_for_text("plateforme manquante").await;
    app.screenshot("interop-import-unmapped-fr").await;

    app.choose("Plateforme", "B — Où").await;
    app.wait_for_text("3 incidents seront créés.").await;
    app.wait_for_text("1 ligne est écartée.").await;
    let text = plain_spaces(&app.page_text().await);
    assert!(text.contains("Compte suspendu sans préavis"), "{text}");
    assert!(
        text.contains("1 234,56"),
        "amounts as the owner reads them: {text}"
    );
    assert!(text.contains("date illisible"), "row 5's date: {text}");
    assert!(!text.contains("plateforme manquante"), "{text}");
    app.screenshot("interop-import-preview-fr").await;
    // Row 5's date fixed in place.
    let fix = "Corriger «\u{202F}Date de l’incident\u{202F}» de la ligne 5";
    assert_eq!(app.value(fix).await, "fin novembre", "the cell as read");
    app.fill(fix, "30/11/2026").await;
    app.wait_for_text("4 incidents seront créés.").await;
    app.click("Importer 4 incidents").await;
    app.wait_for_text("4 incidents importés").await;
    app.screenshot("interop-import-done-fr").await;
    app.click("Voir le journal").await;
    app.wait_for_text("4 incidents dans le journal").await;

    // An imported incident is found like any other.
    app.fill("Rechercher", "retenu").await;
    app.wait_for_text("1 incident trouvé").await;
    let found = app.page_text().await;
    assert!(found.contains("Paiement retenu 90 jours"), "{found}");
    app.fill("Rechercher", "").await;
    app.wait_for_text("4 incidents dans le journal").await;

    // The same file again: already there, nothing to create.
    app.click("Importer un tableur").await;
    app.click("Choisir un fichier…").await;
    app.choose("Plateforme", "B — Où").await;
    app.wait_for_text("0 incident sera créé.").await;
    app.wait_for_text("3 sont déjà dans le journal").await;
    app.click("Annuler").await;

    // The journal out as a workbook, through the save dialog (bypassed into `dialogs`).
    app.wait_for_text("4 incidents dans le journal").await;
    app.choose("Format", "Excel (.xlsx)").await;
    app.click("Exporter le journal").await;
    app.wait_for_text("4 incidents exportés").await;
    app.screenshot("interop-export-fr").await;
    let exported = std::fs::read_dir(dialogs.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("Carnet-journal-"))
        })
        .expect("the exported workbook");
    let mut book: Xlsx<_> = calamine::open_workbook(&exported).expect("an xlsx calamine reads");
    let names = book.sheet_names();
    assert_eq!(names.len(), 3, "{names:?}");
    let incidents = book.worksheet_range(&names[0]).unwrap();
    let header: Vec<String> = incidents
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.contains(name))
            .unwrap_or_else(|| panic!("{name} in {header:?}"))
    };
    let (title, date) = (col("Titre"), col("Date"));
    let row = incidents
        .rows()
        .find(|r| r[title] == "Compte suspendu sans préavis")
        .expect("the incident's row");
    assert!(
        matches!(row[date], Data::DateTime(_)),
        "a real date cell: {:?}",
        row[date]
    );
    let amounts: Vec<f64> = row.iter().filter_map(|c| c.get_float()).collect();
    assert!(amounts.contains(&1234.56), "{row:?}");
    assert_eq!(incidents.rows().count(), 5, "a header and 4 incidents");
    app.quit().await;
}

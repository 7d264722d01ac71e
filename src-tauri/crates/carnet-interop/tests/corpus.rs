//! The corpus of messy files (issue 14): each gives the expected drafts or coded errors.

mod common;

use std::io::{Cursor, Write};

use carnet_interop::parse::date_serial;
use carnet_interop::{
    AmountTarget, CellFix, Format, InteropError, MapField, PlanOptions, PlatformRef, ProblemCode,
    plan, propose,
};
use common::{day, run, table, today};
use rust_xlsxwriter::{Format as XFormat, Formula, Workbook};

fn cat(id: &str) -> PlatformRef {
    PlatformRef::Catalogue { id: id.into() }
}

fn codes(p: &carnet_interop::Plan, row: usize) -> Vec<ProblemCode> {
    p.problems
        .iter()
        .filter(|x| x.row == row)
        .map(|x| x.code)
        .collect()
}

#[test]
fn semicolon_csv_in_windows_1252_is_decoded_and_mapped() {
    let text = "Date;Plateforme;Intitulé;Montant;Catégorie;Statut\r\n\
                26/11/2026;cdiscount;Compte suspendu sans préavis;1 234,56 €;ACC-02;en cours\r\n\
                03/12/2026;CDiscount Marketplace;Fonds retenus à tort;45;Déréférencement;Résolu\r\n";
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!bad);
    assert!(std::str::from_utf8(&bytes).is_err(), "really Windows-1252");
    let (proposal, p) = run(&bytes, Format::Csv, false).unwrap();
    assert_eq!(proposal.mapping.column(MapField::Title), Some(2));
    assert_eq!(proposal.mapping.column(MapField::Amount), Some(3));
    assert_eq!(p.drafts.len(), 2, "{:?}", p.problems);
    let d = &p.drafts[0];
    assert_eq!(d.incident.title, "Compte suspendu sans préavis");
    assert_eq!(d.platform, cat("cdiscount"));
    assert_eq!(d.incident.dates.occurred_on, Some(day(2026, 11, 26)));
    assert_eq!(d.incident.amounts.sales_lost_cents, Some(123_456));
    assert_eq!(d.incident.category, "ACC-02");
    assert_eq!(d.rows, vec![2]);
    assert_eq!(p.drafts[1].platform, cat("cdiscount"));
    assert_eq!(
        p.drafts[1].status,
        carnet_core::journal::incident::Status::Resolved
    );
}

#[test]
fn quoted_newlines_stay_in_one_cell_and_rows_keep_their_numbers() {
    let text = "date,platform,title,description\n\
                2026-11-20,Amazon,Listing removed,\"line one\nline two, with a comma\"\n\
                2026-11-21,eBay,Payout held,\"said \"\"no\"\"\"\n";
    let (_, p) = run(text.as_bytes(), Format::Csv, false).unwrap();
    assert_eq!(p.drafts.len(), 2, "{:?}", p.problems);
    assert_eq!(
        p.drafts[0].incident.description,
        "line one\nline two, with a comma"
    );
    assert_eq!(p.drafts[1].incident.description, "said \"no\"");
    assert_eq!(p.drafts[1].rows, vec![3]);
    assert_eq!(p.drafts[0].platform, cat("amazon"));
}

#[test]
fn tab_separated_utf8_with_bom() {
    let text = "\u{feff}Date\tPlateforme\tTitre\n26 nov. 2026\tleboncoin\tAnnonce refusée\n";
    let (_, p) = run(text.as_bytes(), Format::Csv, false).unwrap();
    assert_eq!(p.drafts.len(), 1, "{:?}", p.problems);
    assert_eq!(p.drafts[0].incident.title, "Annonce refusée");
    assert_eq!(
        p.drafts[0].incident.dates.occurred_on,
        Some(day(2026, 11, 26))
    );
}

fn workbook_with_title_blank_and_total() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Litiges").unwrap();
    let bold = XFormat::new().set_bold();
    let date = XFormat::new().set_num_format("dd/mm/yyyy");
    ws.merge_range(0, 0, 0, 4, "Suivi des litiges 2026", &bold)
        .unwrap();
    for (c, h) in [
        "Date",
        "Plateforme",
        "Problème",
        "Montant bloqué",
        "Réf. commande",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    // Row 3: a date cell; row 4: a date as text; row 5 blank; row 6: a serial as a number.
    let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 11, 26).unwrap();
    ws.write_datetime_with_format(2, 0, d, &date).unwrap();
    ws.write_string(2, 1, "Amazon").unwrap();
    ws.write_string(2, 2, "Versements bloqués").unwrap();
    ws.write_number(2, 3, 1234.56).unwrap();
    ws.write_string(2, 4, "402-123").unwrap();
    ws.write_string(3, 0, "27/11/26").unwrap();
    ws.write_string(3, 1, "ManoMano").unwrap();
    ws.write_string(3, 2, "Compte restreint").unwrap();
    ws.write_string(3, 3, "200,00 €").unwrap();
    ws.write_number(5, 0, date_serial(day(2026, 11, 28)))
        .unwrap();
    ws.write_string(5, 1, "Boutique Dupont").unwrap();
    ws.write_string(5, 2, "Boutique fermée").unwrap();
    ws.write_formula(5, 3, Formula::new("=100+0.5").set_result("100.5"))
        .unwrap();
    ws.write_string(6, 2, "Total").unwrap();
    ws.write_formula(6, 3, Formula::new("=SUM(D3:D6)").set_result("1535.06"))
        .unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn xlsx_with_merged_title_blank_rows_formula_and_total_row() {
    let bytes = workbook_with_title_blank_and_total();
    let mut src = carnet_interop::open(&bytes, Format::Xlsx).unwrap();
    assert_eq!(src.sheets(), vec!["Litiges".to_string()]);
    let t = src.table(0).unwrap();
    let proposal = propose(&t);
    assert_eq!(
        proposal.mapping.header_row, 2,
        "the merged title row is passed over"
    );
    assert_eq!(proposal.mapping.amount_target, AmountTarget::FundsHeld);
    let p = plan(&t, &PlanOptions::new(proposal.mapping, today()));
    assert_eq!(p.total_row, Some(7));
    assert_eq!(p.blank_rows, 1);
    assert_eq!(p.drafts.len(), 3, "{:?}", p.problems);
    let [a, b, c] = &p.drafts[..] else { panic!() };
    assert_eq!(a.incident.dates.occurred_on, Some(day(2026, 11, 26)));
    assert_eq!(a.incident.amounts.funds_held_cents, Some(123_456));
    assert!(a.incident.description.contains("Référence : 402-123"));
    assert_eq!(b.incident.dates.occurred_on, Some(day(2026, 11, 27)));
    assert_eq!(b.incident.amounts.funds_held_cents, Some(20_000));
    assert_eq!(c.incident.dates.occurred_on, Some(day(2026, 11, 28)));
    assert_eq!(
        c.incident.amounts.funds_held_cents,
        Some(10_050),
        "formula's cached value"
    );
    assert_eq!(
        c.platform,
        PlatformRef::New {
            name: "Boutique Dupont".into()
        }
    );
    assert_eq!(p.new_platforms, vec!["Boutique Dupont".to_string()]);
    assert_eq!(c.rows, vec![6]);
}

fn ods(content_rows: &str) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#).unwrap();
    z.start_file("content.xml", SimpleFileOptions::default())
        .unwrap();
    write!(z, r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet>
<table:table table:name="Notes"><table:table-row><table:table-cell/></table:table-row></table:table>
<table:table table:name="Incidents">{content_rows}</table:table>
</office:spreadsheet></office:body></office:document-content>"#).unwrap();
    z.finish().unwrap().into_inner()
}

fn ods_text(s: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{s}</text:p></table:table-cell>"#
    )
}

#[test]
fn ods_sheets_are_listed_and_date_and_float_cells_read() {
    let header: String = ["Date", "Plateforme", "Titre", "Montant"]
        .iter()
        .map(|s| ods_text(s))
        .collect();
    let row = format!(
        r#"<table:table-cell office:value-type="date" office:date-value="2026-11-26"><text:p>26/11/2026</text:p></table:table-cell>{}{}<table:table-cell office:value-type="float" office:value="99.9"><text:p>99,90</text:p></table:table-cell>"#,
        ods_text("Rakuten"),
        ods_text("Commission doublée")
    );
    let bytes = ods(&format!(
        "<table:table-row>{header}</table:table-row><table:table-row>{row}</table:table-row>"
    ));
    let mut src = carnet_interop::open(&bytes, Format::Ods).unwrap();
    assert_eq!(
        src.sheets(),
        vec!["Notes".to_string(), "Incidents".to_string()]
    );
    let t = src.table(1).unwrap();
    assert_eq!(t.sheet, "Incidents");
    let proposal = propose(&t);
    let p = plan(&t, &PlanOptions::new(proposal.mapping, today()));
    assert_eq!(p.drafts.len(), 1, "{:?}", p.problems);
    assert_eq!(
        p.drafts[0].incident.dates.occurred_on,
        Some(day(2026, 11, 26))
    );
    assert_eq!(p.drafts[0].incident.amounts.sales_lost_cents, Some(9_990));
    assert_eq!(p.drafts[0].platform, cat("rakuten"));
    assert_eq!(src.table(2).unwrap_err(), InteropError::NoSuchSheet);
}

#[test]
fn dates_as_text_and_serials_and_an_unreadable_one() {
    let serial = date_serial(day(2026, 11, 26));
    let text = format!(
        "Date;Plateforme;Titre\n26/11/2026;Amazon;a\n26/11/26;Amazon;b\n26 nov. 2026;Amazon;c\n\
         2026-11-26;Amazon;d\n{serial};Amazon;e\n1er décembre 2026;Amazon;f\n31/02/2026;Amazon;g\n"
    );
    let (_, p) = run(text.as_bytes(), Format::Csv, false).unwrap();
    let dates: Vec<_> = p
        .drafts
        .iter()
        .map(|d| d.incident.dates.occurred_on)
        .collect();
    let nov26 = Some(day(2026, 11, 26));
    assert_eq!(
        dates,
        vec![nov26, nov26, nov26, nov26, nov26, Some(day(2026, 12, 1))]
    );
    assert_eq!(codes(&p, 8), vec![ProblemCode::BadDate]);
}

#[test]
fn amounts_with_spaces_euro_signs_and_negatives() {
    let text = "Date;Plateforme;Titre;Montant\n\
        01/11/2026;Amazon;a;1\u{a0}234,56\u{a0}€\n\
        01/11/2026;Amazon;b;1\u{202f}234,56 €\n\
        01/11/2026;Amazon;c;1234.56\n\
        01/11/2026;Amazon;d;EUR 7,5\n\
        01/11/2026;Amazon;e;-45,00\n\
        01/11/2026;Amazon;f;(45,00)\n\
        01/11/2026;Amazon;g;12,3,4\n";
    let (_, p) = run(text.as_bytes(), Format::Csv, false).unwrap();
    let cents: Vec<_> = p
        .drafts
        .iter()
        .map(|d| d.incident.amounts.sales_lost_cents)
        .collect();
    assert_eq!(
        cents,
        vec![Some(123_456), Some(123_456), Some(123_456), Some(750)]
    );
    assert_eq!(codes(&p, 6), vec![ProblemCode::NegativeAmount]);
    assert_eq!(codes(&p, 7), vec![ProblemCode::NegativeAmount]);
    assert_eq!(codes(&p, 8), vec![ProblemCode::BadAmount]);
    assert!(p.problems.iter().all(|x| x.blocking));
}

#[test]
fn duplicated_rows_are_imported_once_and_reported() {
    let text = "Date;Plateforme;Titre\n01/11/2026;eBay;Même chose\n01/11/2026;ebay;même chose\n02/11/2026;eBay;Autre\n";
    let (_, p) = run(text.as_bytes(), Format::Csv, false).unwrap();
    assert_eq!(p.drafts.len(), 2);
    assert_eq!(codes(&p, 3), vec![ProblemCode::DuplicateRow]);
    assert!(!p.problems[0].blocking);
}

#[test]
fn empty_files_are_refused_with_a_code() {
    assert_eq!(table(b"", Format::Csv).unwrap_err(), InteropError::Empty);
    assert_eq!(
        table(b"\xEF\xBB\xBF", Format::Csv).unwrap_err(),
        InteropError::Empty
    );
    assert_eq!(
        table(b" \r\n", Format::Csv).unwrap_err(),
        InteropError::Empty
    );
    assert_eq!(
        table(b";;\r\n;;\r\n", Format::Csv).unwrap_err(),
        InteropError::Empty
    );
    assert_eq!(table(b"", Format::Xlsx).unwrap_err(), InteropError::Empty);
}

#[test]
fn a_binary_renamed_csv_is_refused() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..2000u32).map(|i| (i * 7 % 251) as u8));
    assert_eq!(table(&png, Format::Csv).unwrap_err(), InteropError::NotText);
    let xlsx = workbook_with_title_blank_and_total();
    assert_eq!(
        table(&xlsx, Format::Csv).unwrap_err(),
        InteropError::NotText
    );
    assert_eq!(
        table(b"not a workbook", Format::Xlsx).unwrap_err(),
        InteropError::Unreadable
    );
}

#[test]
fn over_100000_rows_or_50_mb_is_refused() {
    let mut text = String::from("Date;Plateforme;Titre\n");
    for i in 0..100_000 {
        text.push_str(&format!("01/11/2026;Amazon;t{i}\n"));
    }
    assert_eq!(
        table(text.as_bytes(), Format::Csv).unwrap_err(),
        InteropError::TooManyRows
    );
    // One row fewer (100,000 with the header) is read.
    let cut = text.trim_end().rsplit_once('\n').unwrap().0;
    assert_eq!(
        table(cut.as_bytes(), Format::Csv).unwrap().rows.len(),
        100_000
    );
    let big = vec![b'a'; carnet_interop::MAX_BYTES + 1];
    assert_eq!(
        table(&big, Format::Csv).unwrap_err(),
        InteropError::TooLarge
    );
}

#[test]
fn a_repeating_reference_is_offered_as_grouping_into_events() {
    let text = "Date;Plateforme;Titre;N° commande;Statut\n\
        01/11/2026;Amazon;Colis déclaré non reçu;A-1;ouvert\n\
        05/11/2026;Amazon;Réclamation envoyée;A-1;réclamation envoyée\n\
        02/11/2026;Fnac;Commission prélevée deux fois;F-9;\n\
        09/11/2026;Amazon;Remboursement obtenu;a-1;résolu\n";
    let (proposal, flat) = run(text.as_bytes(), Format::Csv, false).unwrap();
    let g = proposal.group_candidate.expect("offered");
    assert_eq!((g.column, g.incidents, g.rows), (3, 2, 4));
    assert_eq!(flat.drafts.len(), 4);
    let (_, p) = run(text.as_bytes(), Format::Csv, true).unwrap();
    assert_eq!(p.drafts.len(), 2, "{:?}", p.problems);
    let a = &p.drafts[0];
    assert_eq!(a.rows, vec![2, 3, 5]);
    assert_eq!(a.events.len(), 3);
    assert_eq!(a.incident.title, "Colis déclaré non reçu");
    assert_eq!(a.incident.dates.occurred_on, Some(day(2026, 11, 1)));
    assert_eq!(a.status, carnet_core::journal::incident::Status::Resolved);
    assert_eq!(a.events[2].summary, "Remboursement obtenu");
    assert_eq!(a.events[2].happened_on, day(2026, 11, 9));
}

#[test]
fn categories_statuses_titles_and_platforms_as_owners_write_them() {
    let text = "Date;Plateforme;Titre;Catégorie;État\n\
        01/11/2026;AMAZON.FR;a;acc-02;bizarre\n\
        01/11/2026;;b;;\n\
        01/11/2026;Vinted;;;\n\
        01/11/2026;Vinted;d;n'importe quoi;\n";
    let (_, p) = run(text.as_bytes(), Format::Csv, false).unwrap();
    assert_eq!(codes(&p, 2), vec![ProblemCode::UnknownStatus]);
    assert_eq!(p.drafts[0].incident.category, "ACC-02");
    assert_eq!(p.drafts[0].platform, cat("amazon"));
    assert_eq!(codes(&p, 3), vec![ProblemCode::MissingPlatform]);
    assert!(codes(&p, 4).contains(&ProblemCode::EmptyTitle));
    assert_eq!(codes(&p, 5), vec![ProblemCode::CategoryToClassify]);
    let last = p.drafts.last().unwrap();
    assert_eq!(last.incident.category, carnet_core::categories::OTHER);
    assert_eq!(p.drafts.len(), 2);
}

#[test]
fn a_fix_typed_on_the_preview_and_a_skipped_row() {
    let text = "Date;Plateforme;Titre\n32/13/2026;Amazon;a\n01/11/2026;Amazon;b\n";
    let t = table(text.as_bytes(), Format::Csv).unwrap();
    let mapping = propose(&t).mapping;
    let mut options = PlanOptions::new(mapping, today());
    assert_eq!(plan(&t, &options).drafts.len(), 1);
    options.fixes.push(CellFix {
        row: 2,
        field: MapField::Date,
        value: "02/11/2026".into(),
    });
    options.skip_rows.push(3);
    let p = plan(&t, &options);
    assert!(p.problems.is_empty());
    assert_eq!(p.drafts.len(), 1);
    assert_eq!(
        p.drafts[0].incident.dates.occurred_on,
        Some(day(2026, 11, 2))
    );
}

#[test]
fn the_same_rows_give_the_same_keys_whatever_the_file_and_mapping() {
    let a = "Date;Plateforme;Titre\n01/11/2026;Amazon;a\n02/11/2026;eBay;b\n";
    let b = "Date;Plateforme;Titre\n02/11/2026;eBay;b\n03/11/2026;Fnac;c\n01/11/2026;Amazon;a\n";
    let keys = |s: &str| -> Vec<String> {
        run(s.as_bytes(), Format::Csv, false)
            .unwrap()
            .1
            .drafts
            .into_iter()
            .map(|d| d.key)
            .collect()
    };
    let (ka, kb) = (keys(a), keys(b));
    assert_eq!(ka, keys(a), "stable");
    assert!(
        ka.iter().all(|k| kb.contains(k)),
        "re-import: every earlier row is known"
    );
    assert_eq!(kb.iter().filter(|k| !ka.contains(k)).count(), 1, "one new");
}

#[test]
fn a_currency_other_than_the_euro_is_refused() {
    let text = "Date;Plateforme;Titre;Montant;Devise\n01/11/2026;Amazon;a;10;USD\n01/11/2026;Amazon;b;10;EUR\n";
    let (_, p) = run(text.as_bytes(), Format::Csv, false).unwrap();
    assert_eq!(codes(&p, 2), vec![ProblemCode::UnsupportedCurrency]);
    assert_eq!(p.drafts.len(), 1);
}

#[test]
fn format_from_file_name() {
    assert_eq!(Format::from_file_name("Suivi.XLSX").unwrap(), Format::Xlsx);
    assert_eq!(Format::from_file_name("a.ods").unwrap(), Format::Ods);
    assert_eq!(Format::from_file_name("a.xls").unwrap(), Format::Xls);
    assert_eq!(Format::from_file_name("a.csv").unwrap(), Format::Csv);
    assert_eq!(
        Format::from_file_name("a.pdf").unwrap_err(),
        InteropError::UnsupportedFormat
    );
}

#[test]
fn duplicated_rows_alone_do_not_offer_grouping() {
    let text = "Date;Plateforme;Titre;Commande\n01/11/2026;eBay;a;X1\n01/11/2026;eBay;a;X1\n02/11/2026;eBay;b;X2\n";
    let (proposal, _) = run(text.as_bytes(), Format::Csv, false).unwrap();
    assert_eq!(proposal.group_candidate, None);
}

#[test]
fn xlsx_with_a_two_line_header_under_merged_cells() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let bold = XFormat::new().set_bold();
    ws.write_string(0, 0, "Date").unwrap();
    ws.write_string(0, 1, "Plateforme").unwrap();
    ws.write_string(0, 2, "Titre").unwrap();
    ws.merge_range(0, 3, 0, 4, "Montants", &bold).unwrap();
    ws.write_string(1, 3, "Bloqué").unwrap();
    ws.write_string(1, 4, "Perdu").unwrap();
    ws.write_string(2, 0, "2026-11-02").unwrap();
    ws.write_string(2, 1, "Fnac").unwrap();
    ws.write_string(2, 2, "Paiement gelé").unwrap();
    ws.write_number(2, 3, 80).unwrap();
    ws.write_number(2, 4, 12.5).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let (proposal, p) = run(&bytes, Format::Xlsx, false).unwrap();
    assert_eq!(proposal.mapping.header_row, 2);
    assert_eq!(proposal.headers[3], "Montants Bloqué");
    assert_eq!(proposal.headers[4], "Montants Perdu");
    assert_eq!(proposal.mapping.column(MapField::Amount), Some(3));
    assert_eq!(proposal.mapping.amount_target, AmountTarget::FundsHeld);
    assert_eq!(p.drafts.len(), 1, "{:?}", p.problems);
    assert_eq!(p.drafts[0].incident.amounts.funds_held_cents, Some(8_000));
    assert_eq!(p.drafts[0].rows, vec![3]);
}

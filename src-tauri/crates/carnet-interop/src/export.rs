//! The journal given back: `.xlsx` (incidents, events, pieces; real date and number cells in
//! French formats; header frozen and filtered), `.csv` (UTF-8 with BOM, `;`, formula-like
//! cells neutralised) and `.json` (docs/journal-json.md).

use std::io::Write;

use carnet_core::Locale;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::error::InteropError;
use crate::json::{Journal, journal_file};
use crate::parse::status_label;

/// Writes the journal as a versioned JSON document (pretty-printed, UTF-8).
pub fn export_json(journal: &Journal<'_>, out: &mut dyn Write) -> Result<(), InteropError> {
    serde_json::to_writer_pretty(&mut *out, &journal_file(journal))
        .map_err(|_| InteropError::Write)?;
    out.write_all(b"\n").map_err(|_| InteropError::Write)
}

/// A text cell made harmless for a spreadsheet: one starting with `= + - @`, a tab or a
/// carriage return gets a leading apostrophe (the import strips it back).
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

fn headers(locale: Locale) -> [&'static str; 12] {
    match locale {
        Locale::Fr => [
            "Identifiant Carnet",
            "Date",
            "Plateforme",
            "Catégorie",
            "Titre",
            "Statut",
            "Fonds bloqués",
            "Ventes perdues",
            "Frais",
            "Description",
            "Demande",
            "Créé le",
        ],
        Locale::En => [
            "Carnet identifier",
            "Date",
            "Platform",
            "Category",
            "Title",
            "Status",
            "Funds held",
            "Sales lost",
            "Fees",
            "Description",
            "Request",
            "Created on",
        ],
    }
}

fn fr_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{},{:02}", (cents / 100).abs(), (cents % 100).abs())
}

fn fr_date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

/// Writes the incidents as CSV for French Excel: UTF-8 with a BOM, `;`, CRLF, dates
/// `JJ/MM/AAAA`, amounts `1234,56`, status labels in `locale`. [`crate::propose`] maps its
/// header back (date, platform, category, title, status, funds held, description).
pub fn export_csv(
    journal: &Journal<'_>,
    locale: Locale,
    out: &mut dyn Write,
) -> Result<(), InteropError> {
    let err = |_| InteropError::Write;
    out.write_all(b"\xEF\xBB\xBF").map_err(err)?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(headers(locale))
        .map_err(|_| InteropError::Write)?;
    for i in journal.incidents {
        let d = &i.data;
        let amount = |c: Option<i64>| c.map(fr_cents).unwrap_or_default();
        let record: [String; 12] = [
            i.id.to_string(),
            fr_date(d.dates.occurred_on),
            i.platform_name.clone(),
            d.category.clone(),
            d.title.clone(),
            status_label(i.status, locale).to_owned(),
            amount(d.amounts.funds_held_cents),
            amount(d.amounts.sales_lost_cents),
            amount(d.amounts.fees_cents),
            d.description.clone(),
            d.wanted.clone(),
            i.created_at.get(..10).unwrap_or("").to_owned(),
        ];
        w.write_record(record.iter().map(|s| neutralise(s).into_owned()))
            .map_err(|_| InteropError::Write)?;
    }
    w.flush().map_err(|_| InteropError::Write)
}

struct Formats {
    header: Format,
    date: Format,
    euros: Format,
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn write_date(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    d: Option<NaiveDate>,
    f: &Formats,
) -> Result<(), XlsxError> {
    if let Some(d) = d {
        ws.write_datetime_with_format(row, col, excel_date(d)?, &f.date)?;
    }
    Ok(())
}

fn write_euros(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    c: Option<i64>,
    f: &Formats,
) -> Result<(), XlsxError> {
    if let Some(c) = c {
        ws.write_number_with_format(row, col, c as f64 / 100.0, &f.euros)?;
    }
    Ok(())
}

fn finish(ws: &mut Worksheet, heads: &[&str], rows: u32, f: &Formats) -> Result<(), XlsxError> {
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &f.header)?;
        ws.set_column_width(c as u16, 16)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.max(1), heads.len() as u16 - 1)?;
    Ok(())
}

/// Writes the journal as an `.xlsx` workbook: sheets Incidents, Événements (Events), Pièces
/// (Pieces, with their SHA-256); dates as date cells `jj/mm/aaaa`, amounts as numbers
/// `# ##0,00 €`; each header row frozen and filtered.
pub fn export_xlsx(
    journal: &Journal<'_>,
    locale: Locale,
    out: &mut dyn Write,
) -> Result<(), InteropError> {
    let bytes = xlsx(journal, locale).map_err(|_| InteropError::Write)?;
    out.write_all(&bytes).map_err(|_| InteropError::Write)
}

fn xlsx(journal: &Journal<'_>, locale: Locale) -> Result<Vec<u8>, XlsxError> {
    let fr = locale == Locale::Fr;
    let f = Formats {
        header: Format::new().set_bold(),
        date: Format::new().set_num_format("dd/mm/yyyy"),
        euros: Format::new().set_num_format("#,##0.00\\ \"€\""),
    };
    let mut wb = Workbook::new();

    let ws = wb.add_worksheet();
    ws.set_name("Incidents")?;
    let heads = headers(locale);
    for (r, i) in journal.incidents.iter().enumerate() {
        let r = r as u32 + 1;
        let d = &i.data;
        ws.write_number(r, 0, i.id as f64)?;
        write_date(ws, r, 1, d.dates.occurred_on, &f)?;
        ws.write_string(r, 2, &i.platform_name)?;
        ws.write_string(r, 3, &d.category)?;
        ws.write_string(r, 4, &d.title)?;
        ws.write_string(r, 5, status_label(i.status, locale))?;
        write_euros(ws, r, 6, d.amounts.funds_held_cents, &f)?;
        write_euros(ws, r, 7, d.amounts.sales_lost_cents, &f)?;
        write_euros(ws, r, 8, d.amounts.fees_cents, &f)?;
        ws.write_string(r, 9, &d.description)?;
        ws.write_string(r, 10, &d.wanted)?;
        let created = i.created_at.get(..10).and_then(crate::parse::date);
        write_date(ws, r, 11, created, &f)?;
    }
    finish(ws, &heads, journal.incidents.len() as u32, &f)?;

    let ws = wb.add_worksheet();
    ws.set_name(if fr { "Événements" } else { "Events" })?;
    let heads: &[&str] = if fr {
        &[
            "Identifiant incident",
            "Date",
            "Acteur",
            "Canal",
            "Résumé",
            "Texte",
        ]
    } else {
        &[
            "Incident identifier",
            "Date",
            "Actor",
            "Channel",
            "Summary",
            "Text",
        ]
    };
    for (r, e) in journal.events.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_number(r, 0, e.data.incident_id as f64)?;
        write_date(ws, r, 1, Some(e.data.happened_on), &f)?;
        ws.write_string(r, 2, e.data.actor.code())?;
        ws.write_string(r, 3, e.data.channel.code())?;
        ws.write_string(r, 4, &e.data.summary)?;
        ws.write_string(r, 5, &e.data.full_text)?;
    }
    finish(ws, heads, journal.events.len() as u32, &f)?;

    let ws = wb.add_worksheet();
    ws.set_name(if fr { "Pièces" } else { "Pieces" })?;
    let heads: &[&str] = if fr {
        &[
            "Identifiant incident",
            "Pièce",
            "Titre",
            "Date",
            "Fichier",
            "Type",
            "Taille (octets)",
            "SHA-256",
        ]
    } else {
        &[
            "Incident identifier",
            "Piece",
            "Title",
            "Date",
            "File",
            "Type",
            "Size (bytes)",
            "SHA-256",
        ]
    };
    for (r, p) in journal.pieces.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_number(r, 0, p.incident_id as f64)?;
        ws.write_string(r, 1, p.label())?;
        ws.write_string(r, 2, &p.title)?;
        write_date(ws, r, 3, p.dated_on, &f)?;
        ws.write_string(r, 4, &p.original_name)?;
        ws.write_string(r, 5, &p.media_type)?;
        ws.write_number(r, 6, p.size as f64)?;
        ws.write_string(r, 7, &p.sha256)?;
    }
    finish(ws, heads, journal.pieces.len() as u32, &f)?;
    wb.save_to_buffer()
}

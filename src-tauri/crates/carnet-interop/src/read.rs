//! Reading a file's bytes into a table of cells: workbooks through `calamine` (formula cells
//! as their cached values, date cells as days), CSV through `csv` with its separator and
//! encoding detected. Row numbers are the ones a spreadsheet shows (1-based, blank rows kept).

use std::io::Cursor;

use calamine::{Data, Reader, Sheets};
use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::InteropError;
use crate::parse;

/// The largest file read: 50 MB.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// The most rows read from a sheet (the header included).
pub const MAX_ROWS: usize = 100_000;

/// The kinds of file the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Excel 2007+.
    Xlsx,
    /// Excel 97–2003.
    Xls,
    /// OpenDocument (LibreOffice).
    Ods,
    /// Comma-, semicolon- or tab-separated text.
    Csv,
    /// Carnet's own journal (docs/journal-json.md), read by [`crate::plan_json`].
    Json,
}

impl Format {
    /// The format named by a file name's extension (case ignored).
    pub fn from_file_name(name: &str) -> Result<Format, InteropError> {
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        Ok(match ext.as_str() {
            "xlsx" | "xlsm" => Format::Xlsx,
            "xls" => Format::Xls,
            "ods" => Format::Ods,
            "csv" | "tsv" | "txt" => Format::Csv,
            "json" => Format::Json,
            _ => return Err(InteropError::UnsupportedFormat),
        })
    }
}

/// One cell as read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "value")]
pub enum Cell {
    /// Nothing, or only spaces.
    Empty,
    /// Text as written (CSV cells are all text).
    Text(String),
    /// A number cell (or a formula's cached number).
    Number(f64),
    /// A date cell.
    Date(#[serde(with = "iso")] NaiveDate),
}

mod iso {
    use chrono::NaiveDate;
    pub fn serialize<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&d.format("%Y-%m-%d"))
    }
}

impl Cell {
    /// Whether the cell holds nothing.
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as text (numbers without a needless `.0`, dates `YYYY-MM-DD`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

/// One sheet (a CSV is one sheet named after nothing).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Table {
    /// The sheet's name (empty for a CSV).
    pub sheet: String,
    /// Every row from the first, blank ones included, so `rows[i]` is row `i + 1`.
    pub rows: Vec<Vec<Cell>>,
    /// The SHA-256 of the whole file, hex: the store remembers it with each imported row.
    pub file_fingerprint: String,
}

/// A file opened: its sheets' names, then one read as a [`Table`].
pub struct Source<'a> {
    bytes: &'a [u8],
    kind: SourceKind<'a>,
    fingerprint: String,
}

enum SourceKind<'a> {
    Csv,
    Workbook(Box<Sheets<Cursor<&'a [u8]>>>),
}

/// Opens the bytes of a file of `format` (not [`Format::Json`], see [`crate::plan_json`]).
/// Checks the size limit and that a CSV is text.
pub fn open(bytes: &[u8], format: Format) -> Result<Source<'_>, InteropError> {
    if bytes.len() > MAX_BYTES {
        return Err(InteropError::TooLarge);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) || bytes == b"\xEF\xBB\xBF" {
        return Err(InteropError::Empty);
    }
    let fingerprint = hex::encode(Sha256::digest(bytes));
    let kind = match format {
        Format::Csv => {
            if !looks_like_text(bytes) {
                return Err(InteropError::NotText);
            }
            SourceKind::Csv
        }
        Format::Json => return Err(InteropError::UnsupportedFormat),
        Format::Xlsx | Format::Xls | Format::Ods => {
            let sheets = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
                .map_err(|_| InteropError::Unreadable)?;
            SourceKind::Workbook(Box::new(sheets))
        }
    };
    Ok(Source {
        bytes,
        kind,
        fingerprint,
    })
}

/// A CSV must not hold NUL bytes nor many control characters, nor start like a zip or an
/// OLE workbook.
fn looks_like_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return false;
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return true; // UTF-16 with its BOM
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    !head.contains(&0) && controls * 100 <= head.len()
}

impl Source<'_> {
    /// The sheets, in the workbook's order (one unnamed sheet for a CSV).
    pub fn sheets(&self) -> Vec<String> {
        match &self.kind {
            SourceKind::Csv => vec![String::new()],
            SourceKind::Workbook(w) => w.sheet_names(),
        }
    }

    /// The SHA-256 of the file, hex.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Reads one sheet by its index in [`Source::sheets`].
    pub fn table(&mut self, sheet: usize) -> Result<Table, InteropError> {
        let (name, rows) = match &mut self.kind {
            SourceKind::Csv => {
                if sheet != 0 {
                    return Err(InteropError::NoSuchSheet);
                }
                (String::new(), read_csv(self.bytes)?)
            }
            SourceKind::Workbook(w) => {
                let name = w
                    .sheet_names()
                    .get(sheet)
                    .cloned()
                    .ok_or(InteropError::NoSuchSheet)?;
                let range = w
                    .worksheet_range(&name)
                    .map_err(|_| InteropError::Unreadable)?;
                let (top, left) = range.start().unwrap_or((0, 0));
                let (top, left) = (top as usize, left as usize);
                if top + range.height() > MAX_ROWS {
                    return Err(InteropError::TooManyRows);
                }
                let mut rows = vec![Vec::new(); top];
                for r in range.rows() {
                    let mut row = vec![Cell::Empty; left];
                    row.extend(r.iter().map(cell));
                    rows.push(row);
                }
                (name, rows)
            }
        };
        if rows.iter().all(|r| r.iter().all(Cell::is_empty)) {
            return Err(InteropError::Empty);
        }
        Ok(Table {
            sheet: name,
            rows,
            file_fingerprint: self.fingerprint.clone(),
        })
    }
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "VRAI" } else { "FAUX" }.to_owned()),
        Data::DateTime(dt) if dt.is_datetime() => match parse::serial_date(dt.as_f64()) {
            Some(d) => Cell::Date(d),
            None => Cell::Number(dt.as_f64()),
        },
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => match parse::date(s) {
            Some(d) => Cell::Date(d),
            None => Cell::Text(s.clone()),
        },
        Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

/// Decodes a CSV: UTF-8 (its BOM dropped), UTF-16 with a BOM, else Windows-1252 (French
/// Excel's "CSV (séparateur : point-virgule)").
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_with_bom_removal(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The separator among `;`, `,` and tab under which the first records hold the most cells
/// in rows of the most frequent width (more than one column); ties: `;`, then tab, then `,`.
pub fn detect_separator(text: &str) -> u8 {
    let mut best = (b';', 0usize);
    for sep in [b';', b'\t', b','] {
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(sep)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut widths: std::collections::HashMap<usize, usize> = Default::default();
        for r in rdr.records().take(30).filter_map(Result::ok) {
            if r.iter().any(|f| !f.trim().is_empty()) && r.len() > 1 {
                *widths.entry(r.len()).or_default() += 1;
            }
        }
        let score = widths.iter().map(|(w, n)| w * n).max().unwrap_or(0);
        if score > best.1 {
            best = (sep, score);
        }
    }
    best.0
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<Cell>>, InteropError> {
    let text = decode(bytes);
    let sep = detect_separator(&text);
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|_| InteropError::Unreadable)?;
        if rows.len() >= MAX_ROWS {
            return Err(InteropError::TooManyRows);
        }
        rows.push(
            record
                .iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.to_owned())
                    }
                })
                .collect(),
        );
    }
    Ok(rows)
}

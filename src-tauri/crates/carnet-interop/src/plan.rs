//! The dry run: what an import would create, and each row's problems, computed without
//! writing anything. The store creates the drafts of a [`Plan`] in one transaction, skipping
//! the keys it already holds.

use std::collections::{HashMap, HashSet};

use carnet_core::Locale;
use carnet_core::error::{CoreError, Field};
use carnet_core::journal::event::{EventData, EventInput};
use carnet_core::journal::incident::{IncidentData, IncidentInput, Status};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::mapping::{AmountTarget, MapField, Mapping};
use crate::parse::{self, PlatformRef};
use crate::read::{Cell, Table};
use crate::text::fold;

/// A value typed on the preview to replace a cell of a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CellFix {
    /// The row number (1-based, as shown).
    pub row: usize,
    /// The field fixed.
    pub field: MapField,
    /// The text to read instead of the cell.
    pub value: String,
}

/// What the owner chose on the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanOptions {
    /// The mapping (see [`crate::propose`]).
    pub mapping: Mapping,
    /// Today, for carnet-core's date checks (at most a year ahead).
    pub today: NaiveDate,
    /// Cells corrected on the preview.
    #[serde(default)]
    pub fixes: Vec<CellFix>,
    /// Rows the owner chose to leave out (1-based).
    #[serde(default)]
    pub skip_rows: Vec<usize>,
}

impl PlanOptions {
    /// The mapping as it stands, no cell corrected and no row left out.
    pub fn new(mapping: Mapping, today: NaiveDate) -> PlanOptions {
        PlanOptions {
            mapping,
            today,
            fixes: Vec::new(),
            skip_rows: Vec::new(),
        }
    }
}

/// A row's problem. Closed list of codes, never the cell's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProblemCode {
    /// A date that cannot be read.
    BadDate,
    /// Grouped rows become events, which need a date.
    MissingDate,
    /// An amount that cannot be read without guessing.
    BadAmount,
    /// A negative amount: the amounts at stake are positive.
    NegativeAmount,
    /// An amount in another currency than the euro.
    UnsupportedCurrency,
    /// No title.
    EmptyTitle,
    /// No platform.
    MissingPlatform,
    /// carnet-core refused a value (see [`Problem::core_field`]).
    Invalid,
    /// Warning: a category that matches no code or label; filed under "to classify"
    /// (a blank one is filed there silently).
    CategoryToClassify,
    /// Warning: a status not understood; "open" used.
    UnknownStatus,
    /// Warning: the same content as an earlier row; left out.
    DuplicateRow,
}

impl ProblemCode {
    /// Whether the row is left out of the plan (otherwise a warning).
    pub fn blocking(self) -> bool {
        !matches!(
            self,
            ProblemCode::CategoryToClassify
                | ProblemCode::UnknownStatus
                | ProblemCode::DuplicateRow
        )
    }
}

/// A problem of one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Problem {
    /// The row number (1-based, as the spreadsheet shows it).
    pub row: usize,
    /// The field concerned, when one is.
    pub field: Option<MapField>,
    /// What is wrong.
    pub code: ProblemCode,
    /// For [`ProblemCode::Invalid`], carnet-core's field.
    pub core_field: Option<Field>,
    /// Whether the row is left out ([`ProblemCode::blocking`]).
    pub blocking: bool,
}

/// An incident to create, validated by carnet-core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    /// Stable across imports of the same content (see the crate's docs): the store keeps it
    /// and skips a draft whose key it already holds.
    pub key: String,
    /// The rows it comes from (1-based).
    pub rows: Vec<usize>,
    /// The platform, to resolve to a vault platform id.
    pub platform: PlatformRef,
    /// Its status.
    pub status: Status,
    /// The incident, validated; `platform_id` is 0 until the store sets it.
    pub incident: IncidentData,
    /// Its events (grouped rows), validated; `incident_id` 0 until the store sets it.
    pub events: Vec<EventData>,
}

impl Draft {
    /// The incident with the vault's platform id.
    pub fn incident_for(&self, platform_id: i64) -> IncidentData {
        IncidentData {
            platform_id,
            ..self.incident.clone()
        }
    }

    /// The events with the created incident's id.
    pub fn events_for(&self, incident_id: i64) -> Vec<EventData> {
        self.events
            .iter()
            .map(|e| EventData {
                incident_id,
                ..e.clone()
            })
            .collect()
    }
}

/// The dry run's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// The SHA-256 of the file, hex.
    pub file_fingerprint: String,
    /// The sheet read.
    pub sheet: String,
    /// What would be created, in the file's order.
    pub drafts: Vec<Draft>,
    /// Every row's problems, by row.
    pub problems: Vec<Problem>,
    /// Names of platforms the catalogue does not know, in order of appearance.
    pub new_platforms: Vec<String>,
    /// Blank rows passed over.
    pub blank_rows: usize,
    /// The trailing total row passed over, if any.
    pub total_row: Option<usize>,
}

struct Row {
    number: usize,
    date: Option<NaiveDate>,
    platform: PlatformRef,
    title: String,
    description: String,
    category: String,
    amount: Option<i64>,
    status: Status,
    signature: String,
}

/// Hex SHA-256 of `parts`, each followed by a NUL.
pub(crate) fn key_of(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    hex::encode(&h.finalize()[..16])
}

fn cents_text(cents: i64) -> String {
    format!("{},{:02}", cents / 100, cents % 100)
}

fn is_total(row: &[Cell]) -> bool {
    row.iter().any(|c| match c {
        Cell::Text(t) => {
            let f = fold(t);
            ["total", "sous total", "grand total", "somme", "totaux"]
                .iter()
                .any(|w| f == *w || f.starts_with(&format!("{w} ")))
        }
        _ => false,
    })
}

/// Strips the apostrophe an export put before `= + - @` (see [`crate::export`]).
fn unneutralise(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

/// Computes what importing `table` with `options` would create. Pure: nothing is written.
pub fn plan(table: &Table, options: &PlanOptions) -> Plan {
    let mapping = &options.mapping;
    let mut out = Plan {
        file_fingerprint: table.file_fingerprint.clone(),
        sheet: table.sheet.clone(),
        ..Plan::default()
    };
    let fixes: HashMap<(usize, MapField), &str> = options
        .fixes
        .iter()
        .map(|f| ((f.row, f.field), f.value.as_str()))
        .collect();
    let first = mapping.header_row.max(1);
    let data = table.rows.get(first..).unwrap_or(&[]);
    let last_filled = data.iter().rposition(|r| r.iter().any(|c| !c.is_empty()));

    let mut seen: HashSet<String> = HashSet::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut new_platforms: Vec<String> = Vec::new();
    for (i, cells) in data.iter().enumerate() {
        let number = first + i + 1;
        if cells.iter().all(Cell::is_empty) {
            out.blank_rows += 1;
            continue;
        }
        if Some(i) == last_filled && is_total(cells) {
            out.total_row = Some(number);
            continue;
        }
        if options.skip_rows.contains(&number) {
            continue;
        }
        let signature = cells
            .iter()
            .map(|c| fold(&c.text()))
            .collect::<Vec<_>>()
            .join("\u{1f}");
        let mut problems = Vec::new();
        let mut problem = |field: Option<MapField>, code: ProblemCode| {
            problems.push(Problem {
                row: number,
                field,
                code,
                core_field: None,
                blocking: code.blocking(),
            })
        };
        if !seen.insert(signature.clone()) {
            problem(None, ProblemCode::DuplicateRow);
            out.problems.append(&mut problems);
            continue;
        }
        let get = |field: MapField| -> Cell {
            if let Some(v) = fixes.get(&(number, field)) {
                return if v.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text((*v).to_owned())
                };
            }
            match mapping.column(field).and_then(|c| cells.get(c)) {
                Some(Cell::Text(t)) => Cell::Text(unneutralise(t).to_owned()),
                Some(c) => c.clone(),
                None => Cell::Empty,
            }
        };
        let text = |field: MapField| get(field).text().trim().to_owned();

        let date = match get(MapField::Date) {
            Cell::Empty => None,
            Cell::Date(d) => Some(d),
            Cell::Number(n) => parse::serial_date(n).filter(|d| parse::plausible(*d)),
            Cell::Text(t) => parse::date(&t),
        };
        if date.is_none() && !get(MapField::Date).is_empty() {
            problem(Some(MapField::Date), ProblemCode::BadDate);
        }
        let amount = match get(MapField::Amount) {
            Cell::Empty => None,
            Cell::Number(n) => parse::number_amount(n),
            Cell::Text(t) => parse::amount(&t),
            Cell::Date(_) => None,
        };
        match amount {
            None if !get(MapField::Amount).is_empty() => {
                problem(Some(MapField::Amount), ProblemCode::BadAmount)
            }
            Some(c) if c < 0 => problem(Some(MapField::Amount), ProblemCode::NegativeAmount),
            _ => {}
        }
        let currency = fold(&text(MapField::Currency));
        if !["", "eur", "euro", "euros"].contains(&currency.as_str()) {
            problem(Some(MapField::Currency), ProblemCode::UnsupportedCurrency);
        }
        let title = text(MapField::Title);
        if title.is_empty() {
            problem(Some(MapField::Title), ProblemCode::EmptyTitle);
        }
        let platform = parse::platform(&text(MapField::Platform));
        if platform.is_none() {
            problem(Some(MapField::Platform), ProblemCode::MissingPlatform);
        }
        let category_text = text(MapField::Category);
        let category = match parse::category(&category_text) {
            Some(c) => c,
            None => {
                if !category_text.is_empty() {
                    problem(Some(MapField::Category), ProblemCode::CategoryToClassify);
                }
                parse::to_classify().to_owned()
            }
        };
        let status_text = text(MapField::Status);
        let status = if status_text.is_empty() {
            Status::Open
        } else {
            parse::status(&status_text).unwrap_or_else(|| {
                problem(Some(MapField::Status), ProblemCode::UnknownStatus);
                Status::Open
            })
        };
        let mut description = text(MapField::Description);
        for (field, label) in [(MapField::Reference, "Référence"), (MapField::Url, "URL")] {
            let v = text(field);
            if !v.is_empty() && mapping.group_by != mapping.column(field) {
                if !description.is_empty() {
                    description.push('\n');
                }
                description.push_str(&format!("{label} : {v}"));
            }
        }
        let blocked = problems.iter().any(|p| p.blocking);
        out.problems.append(&mut problems);
        let Some(platform) = platform else { continue };
        if blocked {
            continue;
        }
        if let PlatformRef::New { name } = &platform
            && !new_platforms.iter().any(|n| fold(n) == fold(name))
        {
            new_platforms.push(name.clone());
        }
        rows.push(Row {
            number,
            date,
            platform,
            title,
            description,
            category,
            amount,
            status,
            signature,
        });
    }
    out.new_platforms = new_platforms;

    match mapping.group_by {
        None => {
            for row in rows {
                let key = key_of(&["row", &row.signature]);
                match incident(&row, &row, row.date, mapping.amount_target, options.today) {
                    Ok(incident) => out.drafts.push(Draft {
                        key,
                        rows: vec![row.number],
                        platform: row.platform.clone(),
                        status: row.status,
                        incident,
                        events: Vec::new(),
                    }),
                    Err(e) => out.problems.push(invalid(row.number, e)),
                }
            }
        }
        Some(column) => group(table, rows, column, options, &mut out),
    }
    out.problems.sort_by_key(|p| p.row);
    out
}

fn invalid(row: usize, e: CoreError) -> Problem {
    let core_field = match e {
        CoreError::Invalid(f) => Some(f),
        CoreError::PassphraseTooWeak => None,
    };
    Problem {
        row,
        field: None,
        code: ProblemCode::Invalid,
        core_field,
        blocking: true,
    }
}

fn incident(
    head: &Row,
    amounts_from: &Row,
    occurred_on: Option<NaiveDate>,
    target: AmountTarget,
    today: NaiveDate,
) -> Result<IncidentData, CoreError> {
    let amount = amounts_from.amount.map(cents_text);
    let mut input = IncidentInput {
        platform_id: 1,
        category: head.category.clone(),
        title: head.title.clone(),
        occurred_on: occurred_on.map(|d| d.format("%Y-%m-%d").to_string()),
        description: Some(head.description.clone()),
        ..IncidentInput::default()
    };
    match target {
        AmountTarget::FundsHeld => input.funds_held = amount,
        AmountTarget::SalesLost => input.sales_lost = amount,
        AmountTarget::Fees => input.fees = amount,
    }
    let (_, mut data) = input.validate(today, Locale::Fr)?;
    data.platform_id = 0;
    Ok(data)
}

fn group(table: &Table, rows: Vec<Row>, column: usize, options: &PlanOptions, out: &mut Plan) {
    let mut order: Vec<String> = Vec::new();
    let mut groups: HashMap<String, Vec<Row>> = HashMap::new();
    for row in rows {
        let value = table
            .rows
            .get(row.number - 1)
            .and_then(|r| r.get(column))
            .map(|c| fold(&c.text()))
            .unwrap_or_default();
        let id = if value.is_empty() {
            format!("row\u{1f}{}", row.signature)
        } else {
            format!("group\u{1f}{value}")
        };
        if !groups.contains_key(&id) {
            order.push(id.clone());
        }
        groups.entry(id).or_default().push(row);
    }
    for id in order {
        let rows = groups.remove(&id).unwrap_or_default();
        let mut events = Vec::new();
        let mut ok_rows = Vec::new();
        for row in &rows {
            let Some(day) = row.date else {
                out.problems.push(Problem {
                    row: row.number,
                    field: Some(MapField::Date),
                    code: ProblemCode::MissingDate,
                    core_field: None,
                    blocking: true,
                });
                continue;
            };
            let input = EventInput {
                incident_id: 1,
                happened_on: day.format("%Y-%m-%d").to_string(),
                actor: "us".into(),
                channel: "other".into(),
                summary: row.title.clone(),
                full_text: Some(row.description.clone()),
                ..EventInput::default()
            };
            match input.validate(options.today) {
                Ok((_, mut e)) => {
                    e.incident_id = 0;
                    events.push(e);
                    ok_rows.push(row);
                }
                Err(e) => out.problems.push(invalid(row.number, e)),
            }
        }
        let Some(head) = ok_rows.first() else {
            continue;
        };
        let last = ok_rows.last().expect("not empty");
        let amounts_from = ok_rows.iter().find(|r| r.amount.is_some()).unwrap_or(head);
        let earliest = ok_rows.iter().filter_map(|r| r.date).min();
        match incident(
            head,
            amounts_from,
            earliest,
            options.mapping.amount_target,
            options.today,
        ) {
            Ok(incident) => out.drafts.push(Draft {
                key: key_of(&[&id]),
                rows: ok_rows.iter().map(|r| r.number).collect(),
                platform: head.platform.clone(),
                status: last.status,
                incident,
                events,
            }),
            Err(e) => out.problems.push(invalid(head.number, e)),
        }
    }
}

pub(crate) fn problem(row: usize, code: ProblemCode, core_field: Option<Field>) -> Problem {
    Problem {
        row,
        field: None,
        code,
        core_field,
        blocking: code.blocking(),
    }
}

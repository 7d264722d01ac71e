//! Which column holds which field: proposed from the header's words (French and English,
//! accents and case ignored), then corrected by the owner.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::read::{Cell, Table};
use crate::text::fold;

/// The fields a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MapField {
    /// When it happened (the incident's `occurred_on`, an event's day when grouped).
    Date,
    /// The platform's name.
    Platform,
    /// The incident's title (an event's summary when grouped).
    Title,
    /// Free text.
    Description,
    /// A category code or label.
    Category,
    /// An amount of euros (see [`AmountTarget`]).
    Amount,
    /// The amount's currency: blank, `€` or `EUR` only.
    Currency,
    /// Where the case stands.
    Status,
    /// An order or listing number (kept in the description; the grouping key by default).
    Reference,
    /// A web address (kept in the description).
    Url,
}

impl MapField {
    /// Every field, in the order the screen lists them.
    pub const ALL: [MapField; 10] = [
        MapField::Date,
        MapField::Platform,
        MapField::Title,
        MapField::Description,
        MapField::Category,
        MapField::Amount,
        MapField::Currency,
        MapField::Status,
        MapField::Reference,
        MapField::Url,
    ];

    fn words(self) -> &'static [&'static str] {
        match self {
            MapField::Date => &[
                "date", "jour", "day", "when", "quand", "survenu", "occurred",
            ],
            MapField::Platform => &[
                "plateforme",
                "plate forme",
                "platform",
                "marketplace",
                "site",
                "canal",
                "place de marche",
                "market",
                "vendeur sur",
            ],
            MapField::Title => &[
                "titre",
                "title",
                "objet",
                "intitule",
                "probleme",
                "incident",
                "sujet",
                "subject",
                "resume",
                "summary",
                "libelle",
                "evenement",
                "event",
                "issue",
            ],
            MapField::Description => &[
                "description",
                "details",
                "detail",
                "commentaire",
                "commentaires",
                "remarque",
                "remarques",
                "notes",
                "note",
                "comment",
                "comments",
                "observations",
                "explication",
            ],
            MapField::Category => &["categorie", "category", "type", "nature", "motif"],
            MapField::Amount => &[
                "montant",
                "amount",
                "somme",
                "prix",
                "valeur",
                "fonds",
                "bloque",
                "bloques",
                "prejudice",
                "sum",
                "value",
                "eur",
                "euros",
            ],
            MapField::Currency => &["devise", "currency", "monnaie"],
            MapField::Status => &["statut", "status", "etat", "state", "suite", "avancement"],
            MapField::Reference => &[
                "reference",
                "ref",
                "commande",
                "order",
                "annonce",
                "listing",
                "numero",
                "num",
                "n",
                "no",
                "dossier",
                "ticket",
                "case",
                "asin",
                "sku",
            ],
            MapField::Url => &["url", "lien", "link", "adresse web", "web"],
        }
    }
}

/// Which of the incident's three amounts the amount column fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AmountTarget {
    /// Funds the platform holds.
    FundsHeld,
    /// Sales lost (the default).
    #[default]
    SalesLost,
    /// Fees charged.
    Fees,
}

/// The owner's mapping: 0-based column indexes, 1-based header row.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct Mapping {
    /// The header's row number (1-based); data rows follow it.
    pub header_row: usize,
    /// The column of each field mapped.
    pub columns: HashMap<MapField, usize>,
    /// Which amount the amount column fills.
    pub amount_target: AmountTarget,
    /// Rows sharing this column's value become one incident, each row an event.
    pub group_by: Option<usize>,
}

impl Mapping {
    /// The column of `field`, if mapped.
    pub fn column(&self, field: MapField) -> Option<usize> {
        self.columns.get(&field).copied()
    }
}

/// A column whose values repeat: several rows per case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GroupCandidate {
    /// The column (0-based).
    pub column: usize,
    /// How many incidents grouping would make.
    pub incidents: usize,
    /// How many rows have a value in the column.
    pub rows: usize,
}

/// What the screen shows first: the header, the mapping proposed, a grouping offered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Proposal {
    /// The header's texts (`Colonne C` for a blank header cell).
    pub headers: Vec<String>,
    /// The mapping proposed (no grouping set: the owner accepts it).
    pub mapping: Mapping,
    /// A repeating column, when there is one.
    pub group_candidate: Option<GroupCandidate>,
}

/// The spreadsheet letter of a 0-based column (`0` → `A`, `27` → `AB`).
pub fn column_letter(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII")
}

fn filled(row: &[Cell]) -> usize {
    row.iter().filter(|c| !c.is_empty()).count()
}

/// The header row (1-based): among the first 20 rows, the first holding at least half as
/// many cells as the fullest (a title merged across the top is passed over). When the row
/// under it only fills the columns of merged header cells (`Montants` over `Bloqué` and
/// `Perdu`), that second line is the header row and [`headers`] joins the two.
pub fn header_row(table: &Table) -> usize {
    let head = &table.rows[..table.rows.len().min(20)];
    let most = head.iter().map(|r| filled(r)).max().unwrap_or(0);
    let first = head
        .iter()
        .position(|r| {
            let n = filled(r);
            n > 0 && n * 2 >= most && r.iter().all(|c| matches!(c, Cell::Empty | Cell::Text(_)))
        })
        .or_else(|| head.iter().position(|r| filled(r) > 0))
        .map_or(1, |i| i + 1);
    match table.rows.get(first) {
        Some(next) if is_sub_header(&table.rows[first - 1], next) => first + 1,
        _ => first,
    }
}

/// Whether `sub` is the second line of a header whose merged cells `top` spans: all text,
/// at least two cells, each under a blank top cell or a top cell followed by blank ones.
fn is_sub_header(top: &[Cell], sub: &[Cell]) -> bool {
    let blank = |i: usize| top.get(i).is_none_or(Cell::is_empty);
    let spans = |i: usize| !blank(i) && i + 1 < sub.len().max(top.len()) && blank(i + 1);
    filled(sub) >= 2
        && sub.iter().all(|c| matches!(c, Cell::Empty | Cell::Text(_)))
        && sub
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .all(|(i, _)| blank(i) || spans(i))
        && sub
            .iter()
            .enumerate()
            .any(|(i, c)| !c.is_empty() && blank(i))
}

/// The header's texts for `header_row` (1-based), as wide as the widest row; a two-line
/// header under merged cells reads `Montants Bloqué`.
pub fn headers(table: &Table, header_row: usize) -> Vec<String> {
    let width = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    let row = table.rows.get(header_row.wrapping_sub(1));
    let top = header_row
        .checked_sub(2)
        .and_then(|i| table.rows.get(i))
        .filter(|top| row.is_some_and(|r| is_sub_header(top, r)));
    let squeeze = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut carried = String::new();
    (0..width)
        .map(|i| {
            let mut t = squeeze(
                row.and_then(|r| r.get(i))
                    .map(Cell::text)
                    .unwrap_or_default(),
            );
            if let Some(top) = top {
                let above = squeeze(top.get(i).map(Cell::text).unwrap_or_default());
                if !above.is_empty() {
                    carried = above;
                }
                if !carried.is_empty() {
                    t = if t.is_empty() {
                        carried.clone()
                    } else {
                        format!("{carried} {t}")
                    };
                }
            }
            if t.is_empty() {
                format!("Colonne {}", column_letter(i))
            } else {
                t
            }
        })
        .collect()
}

fn score(header: &str, field: MapField) -> u32 {
    let h = fold(header);
    let tokens: Vec<&str> = h.split(' ').collect();
    field
        .words()
        .iter()
        .map(|w| {
            if h == *w {
                4
            } else if w.contains(' ') && h.contains(w) {
                3
            } else if tokens.contains(w) {
                2
            } else if w.len() >= 4 && tokens.iter().any(|t| t.starts_with(w)) {
                1
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// Proposes a mapping from the header's words, and offers grouping when the reference
/// column (else any other text column) repeats.
pub fn propose(table: &Table) -> Proposal {
    let header_row = header_row(table);
    let headers = headers(table, header_row);
    let mut scored: Vec<(u32, usize, MapField)> = Vec::new();
    for (col, h) in headers.iter().enumerate() {
        for (rank, f) in MapField::ALL.iter().enumerate() {
            let s = score(h, *f);
            if s > 0 {
                scored.push((s, rank, *f));
                let last = scored.len() - 1;
                scored[last].1 = col * 16 + rank;
            }
        }
    }
    // Best score first; then the leftmost column, then the field's rank.
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut columns = HashMap::new();
    let mut used = Vec::new();
    for (_, key, field) in scored {
        let col = key / 16;
        if columns.contains_key(&field) || used.contains(&col) {
            continue;
        }
        columns.insert(field, col);
        used.push(col);
    }
    let amount_target = columns
        .get(&MapField::Amount)
        .map(|&c| fold(&headers[c]))
        .map_or(AmountTarget::default(), |h| {
            if ["bloque", "retenu", "held", "fonds", "gele"]
                .iter()
                .any(|w| h.contains(w))
            {
                AmountTarget::FundsHeld
            } else if ["frais", "commission", "fee"].iter().any(|w| h.contains(w)) {
                AmountTarget::Fees
            } else {
                AmountTarget::SalesLost
            }
        });
    let mapping = Mapping {
        header_row,
        columns,
        amount_target,
        group_by: None,
    };
    let group_candidate = group_candidate(table, &mapping);
    Proposal {
        headers,
        mapping,
        group_candidate,
    }
}

/// The column to group by, if its values repeat: the reference column first.
pub fn group_candidate(table: &Table, mapping: &Mapping) -> Option<GroupCandidate> {
    let data = table.rows.get(mapping.header_row..).unwrap_or(&[]);
    // Rows of identical content are one row (the plan reports them as duplicates).
    let mut seen = std::collections::HashSet::new();
    let distinct: Vec<&Vec<Cell>> = data
        .iter()
        .filter(|r| seen.insert(r.iter().map(|c| fold(&c.text())).collect::<Vec<_>>()))
        .collect();
    let check = |column: usize| {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for row in &distinct {
            if let Some(c) = row.get(column).filter(|c| !c.is_empty()) {
                *counts.entry(fold(&c.text())).or_default() += 1;
            }
        }
        let rows: usize = counts.values().sum();
        let repeats = counts.values().any(|&n| n > 1);
        (repeats && counts.len() < rows).then_some(GroupCandidate {
            column,
            incidents: counts.len(),
            rows,
        })
    };
    mapping.column(MapField::Reference).and_then(check)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(header: &[&str]) -> Table {
        Table {
            sheet: String::new(),
            rows: vec![header.iter().map(|h| Cell::Text((*h).into())).collect()],
            file_fingerprint: String::new(),
        }
    }

    #[test]
    fn french_and_english_headers_are_mapped_accents_and_case_ignored() {
        let fr = propose(&table(&[
            "N° de commande",
            "DATE",
            "Plate-forme",
            "Problème rencontré",
            "Détails",
            "Catégorie",
            "Montant (€)",
            "Devise",
            "État",
            "Lien",
        ]));
        let m = &fr.mapping;
        let got: Vec<_> = MapField::ALL.iter().map(|f| m.column(*f)).collect();
        assert_eq!(
            got,
            vec![
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                Some(8),
                Some(0),
                Some(9)
            ]
        );
        let en = propose(&table(&[
            "Order ID",
            "When",
            "Marketplace",
            "Issue",
            "Notes",
            "Amount",
            "Status",
            "URL",
        ]));
        assert_eq!(en.mapping.column(MapField::Reference), Some(0));
        assert_eq!(en.mapping.column(MapField::Date), Some(1));
        assert_eq!(en.mapping.column(MapField::Platform), Some(2));
        assert_eq!(en.mapping.column(MapField::Title), Some(3));
        assert_eq!(en.mapping.column(MapField::Description), Some(4));
        assert_eq!(en.mapping.column(MapField::Amount), Some(5));
        assert_eq!(en.mapping.column(MapField::Status), Some(6));
        assert_eq!(en.mapping.column(MapField::Url), Some(7));
    }

    #[test]
    fn unknown_headers_map_nothing_and_blank_ones_are_named() {
        let p = propose(&table(&["foo", "", "bar"]));
        assert!(p.mapping.columns.is_empty());
        assert_eq!(p.headers[1], "Colonne B");
        assert_eq!(column_letter(27), "AB");
    }
}

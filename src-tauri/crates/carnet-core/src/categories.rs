//! The incident categories: a tree kept as data (`data/categories.toml`, embedded at build
//! time), grouped by family (`ACC`: accounts and offers…), each with its labels in both
//! languages, the charter axes it falls under, the articles it usually involves, the measures
//! it usually comes with and the evidence to collect. The file is validated as a whole when
//! read; the built-in one once per run, and by the tests before it ships.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalogue::{
    self, CatalogueError, Label, RawEntry, RawLabel, closed_labels, known, unique,
};
use crate::deadlines::Measure;

/// The catch-all category, the only one allowed no axis, reference or evidence.
pub const OTHER: &str = "OTH-99";

const BUILTIN_TOML: &str = include_str!("../data/categories.toml");

/// An axis of the 2019 e-commerce charter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[ts(export)]
pub enum Axis {
    /// Formalising commercial relations.
    A1,
    /// An open, reliable, individualised exchange.
    A2,
    /// Fighting counterfeits more effectively.
    A3,
}

impl Axis {
    pub const ALL: [Axis; 3] = [Axis::A1, Axis::A2, Axis::A3];

    pub fn code(self) -> &'static str {
        match self {
            Axis::A1 => "A1",
            Axis::A2 => "A2",
            Axis::A3 => "A3",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AxisInfo {
    pub axis: Axis,
    pub label: Label,
}

/// A family of categories (`ACC`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CategoryGroup {
    pub code: String,
    pub label: Label,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Category {
    /// `ACC-02`: the group's code, a hyphen, two digits.
    pub code: String,
    pub group: String,
    pub label: Label,
    /// The charter axes, the main one first; none for the catch-all `OTH-99`.
    pub axes: Vec<Axis>,
    /// The articles usually involved, as the dossier prints them (`P2B 4(2)`, `DSA 17`).
    pub refs: Vec<String>,
    /// What the platform usually did, the most common first; may be empty.
    pub measures: Vec<Measure>,
    /// What to collect to support it.
    pub evidence: Vec<Label>,
}

/// The whole tree, in the order of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Catalogue {
    axes: Vec<AxisInfo>,
    groups: Vec<CategoryGroup>,
    categories: Vec<Category>,
}

impl Catalogue {
    /// Reads and validates the built-in file.
    pub fn load() -> Result<Catalogue, CatalogueError> {
        Catalogue::parse(BUILTIN_TOML)
    }

    /// The built-in catalogue, read once. Its file ships with the binary and a test
    /// validates it, so failing here is a build that should never have passed.
    pub fn builtin() -> &'static Catalogue {
        static BUILTIN: OnceLock<Catalogue> = OnceLock::new();
        BUILTIN.get_or_init(|| Catalogue::load().expect("data/categories.toml is valid"))
    }

    /// Reads and validates a category file.
    pub fn parse(toml: &str) -> Result<Catalogue, CatalogueError> {
        validate(catalogue::parse(toml)?)
    }

    pub fn category(&self, code: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.code == code)
    }

    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    pub fn group(&self, code: &str) -> Option<&CategoryGroup> {
        self.groups.iter().find(|g| g.code == code)
    }

    pub fn groups(&self) -> &[CategoryGroup] {
        &self.groups
    }

    /// The categories of one group, in order.
    pub fn in_group<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a Category> {
        self.categories.iter().filter(move |c| c.group == group)
    }

    /// An axis's label. Every axis has one: validation sees to it.
    pub fn axis(&self, axis: Axis) -> &Label {
        let info = self.axes.iter().find(|a| a.axis == axis);
        &info.expect("validated: every axis is defined").label
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    axis: Vec<RawEntry>,
    #[serde(default)]
    group: Vec<RawEntry>,
    #[serde(default)]
    category: Vec<RawCategory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    code: String,
    group: Option<String>,
    fr: Option<String>,
    en: Option<String>,
    #[serde(default)]
    axes: Vec<String>,
    #[serde(default)]
    refs: Vec<String>,
    #[serde(default)]
    measures: Vec<String>,
    #[serde(default)]
    evidence: Vec<RawLabel>,
}

fn missing(code: &str, what: &str) -> CatalogueError {
    CatalogueError::Missing {
        code: code.to_owned(),
        what: what.to_owned(),
    }
}

fn malformed(code: &str, reason: &'static str) -> CatalogueError {
    CatalogueError::Malformed {
        code: code.to_owned(),
        reason,
    }
}

fn validate(raw: RawFile) -> Result<Catalogue, CatalogueError> {
    let axes = closed_labels(raw.axis, &Axis::ALL, Axis::code, "axis")?
        .into_iter()
        .map(|(axis, label)| AxisInfo { axis, label })
        .collect();

    unique(raw.group.iter().map(|g| g.code.as_str()))?;
    let mut groups = Vec::new();
    for g in raw.group {
        if g.code.len() != 3 || !g.code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(malformed(&g.code, "a group code is three capital letters"));
        }
        let (code, label) = g.label()?;
        groups.push(CategoryGroup { code, label });
    }

    unique(raw.category.iter().map(|c| c.code.as_str()))?;
    let categories = raw
        .category
        .into_iter()
        .map(|c| category(c, &groups))
        .collect::<Result<Vec<_>, _>>()?;

    if !categories.iter().any(|c| c.code == OTHER) {
        return Err(missing(OTHER, "category"));
    }
    if let Some(empty) = groups
        .iter()
        .find(|g| !categories.iter().any(|c| c.group == g.code))
    {
        return Err(missing(&empty.code, "categories"));
    }
    Ok(Catalogue {
        axes,
        groups,
        categories,
    })
}

fn category(c: RawCategory, groups: &[CategoryGroup]) -> Result<Category, CatalogueError> {
    let code = c.code;
    let group = c.group.ok_or_else(|| missing(&code, "group"))?;
    if !groups.iter().any(|g| g.code == group) {
        return Err(CatalogueError::Unknown {
            code,
            key: "group",
            value: group,
        });
    }
    let shaped = code
        .strip_prefix(group.as_str())
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|n| n.len() == 2 && n.bytes().all(|b| b.is_ascii_digit()));
    if !shaped {
        return Err(malformed(
            &code,
            "a category code is its group's code, '-' and two digits",
        ));
    }
    let label = RawLabel { fr: c.fr, en: c.en }.check(&code, "")?;
    let axes = c
        .axes
        .iter()
        .map(|a| known(&Axis::ALL, Axis::code, &code, "axis", a))
        .collect::<Result<Vec<_>, _>>()?;
    let measures = c
        .measures
        .iter()
        .map(|m| known(&Measure::ALL, Measure::code, &code, "measure", m))
        .collect::<Result<Vec<_>, _>>()?;
    let evidence = c
        .evidence
        .into_iter()
        .enumerate()
        .map(|(i, e)| e.check(&code, &format!(" of evidence {}", i + 1)))
        .collect::<Result<Vec<_>, _>>()?;
    if c.refs.iter().any(|r| r.trim().is_empty()) {
        return Err(malformed(&code, "a legal reference is blank"));
    }
    if code != OTHER {
        for (empty, what) in [
            (axes.is_empty(), "charter axis"),
            (c.refs.is_empty(), "legal references"),
            (evidence.is_empty(), "evidence to collect"),
        ] {
            if empty {
                return Err(missing(&code, what));
            }
        }
    }
    Ok(Category {
        code,
        group,
        label,
        axes,
        refs: c.refs,
        measures,
        evidence,
    })
}

#[cfg(test)]
mod tests;

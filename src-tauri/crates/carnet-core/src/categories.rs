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
    /// The three axes, in order.
    pub const ALL: [Axis; 3] = [Axis::A1, Axis::A2, Axis::A3];

    /// The axis's code, as written in the data file (`A1`).
    pub fn code(self) -> &'static str {
        match self {
            Axis::A1 => "A1",
            Axis::A2 => "A2",
            Axis::A3 => "A3",
        }
    }
}

/// An axis and its label, as the data file defines it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AxisInfo {
    /// The axis described.
    pub axis: Axis,
    /// Its name in both languages.
    pub label: Label,
}

/// A family of categories (`ACC`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CategoryGroup {
    /// Three capital letters (`ACC`).
    pub code: String,
    /// The family's name in both languages.
    pub label: Label,
}

/// A category of incident: its labels, the articles it involves, the evidence to collect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Category {
    /// `ACC-02`: the group's code, a hyphen, two digits.
    pub code: String,
    /// The code of its [`CategoryGroup`] (`ACC`).
    pub group: String,
    /// Its name in both languages.
    pub label: Label,
    /// The charter axes, the main one first; none for the catch-all `OTH-99`.
    pub axes: Vec<Axis>,
    /// The articles usually involved, as the dossier prints them (`P2B 4(1)`, `DSA 17`).
    /// A `P2B 4(1)` or `P2B 4(2)` here is replaced by the one the measure recorded calls
    /// for: see [`Category::refs_for`].
    pub refs: Vec<String>,
    /// Articles that apply only when the measure was imposed because content is said to be
    /// illegal or against the terms (DSA 17(1), 20, 21), e.g. a payout hold.
    pub content_refs: Vec<String>,
    /// Articles that apply only when the platform is a DMA gatekeeper.
    pub gatekeeper_refs: Vec<String>,
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

    /// The category with this code, if any.
    pub fn category(&self, code: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.code == code)
    }

    /// Every category, in the order of the file.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// The group with this code, if any.
    pub fn group(&self, code: &str) -> Option<&CategoryGroup> {
        self.groups.iter().find(|g| g.code == code)
    }

    /// Every group, in the order of the file.
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

/// The P2B article a measure on the seller's offers or account falls under: a restriction or
/// suspension, 4(1) (reasons before or when it takes effect); the termination of the whole
/// service, 4(2) (30 days' notice); none for a terms change.
pub fn p2b4_article(measure: Measure) -> Option<&'static str> {
    match measure {
        Measure::Restriction | Measure::Suspension => Some(P2B_4_1),
        Measure::Termination => Some(P2B_4_2),
        Measure::TermsChange => None,
    }
}

const P2B_4_1: &str = "P2B 4(1)";
const P2B_4_2: &str = "P2B 4(2)";

impl Category {
    /// The articles to print for an incident of this category: [`Category::refs`] with the
    /// P2B 4 article chosen by the measure recorded (unchanged when none is recorded), plus
    /// [`Category::content_refs`] when the measure rests on content said to be illegal or
    /// against the terms, plus [`Category::gatekeeper_refs`] for a gatekeeper.
    pub fn refs_for(
        &self,
        measure: Option<Measure>,
        content_ground: bool,
        gatekeeper: bool,
    ) -> Vec<String> {
        let chosen = measure.and_then(p2b4_article);
        let mut out: Vec<String> = Vec::new();
        for r in &self.refs {
            let r = match chosen {
                Some(a) if r == P2B_4_1 || r == P2B_4_2 => a,
                _ => r.as_str(),
            };
            if !out.iter().any(|o| o == r) {
                out.push(r.to_owned());
            }
        }
        if content_ground {
            out.extend(self.content_refs.iter().cloned());
        }
        if gatekeeper {
            out.extend(self.gatekeeper_refs.iter().cloned());
        }
        out
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
    content_refs: Vec<String>,
    #[serde(default)]
    gatekeeper_refs: Vec<String>,
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
    if c.refs
        .iter()
        .chain(&c.content_refs)
        .chain(&c.gatekeeper_refs)
        .any(|r| r.trim().is_empty())
    {
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
        content_refs: c.content_refs,
        gatekeeper_refs: c.gatekeeper_refs,
        measures,
        evidence,
    })
}

#[cfg(test)]
mod tests;

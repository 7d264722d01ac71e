//! The dossier's content: a [`Report`] turned into layout blocks, section by section in the
//! destination's order (domain notes §6). Every fixed text comes from the catalogue
//! ([`T`]), every text in French goes through French typography, amounts through
//! `format::euros`, dates through `format::long_date`.

mod facts;
mod parties;
mod pieces;

use std::collections::HashMap;

use carnet_core::format::{euros, long_date};
use carnet_core::report::{PieceSource, Report};
use carnet_core::{Catalogue, Locale};
use chrono::NaiveDate;

use crate::DossierError;
use crate::destinations::{Plan, Section, plan};
use crate::images::PdfImage;
use crate::layout::{Align, Anchor, Block, Ink, Para, Span, Table, TocLine};
use crate::texts::T;
use crate::typography::typeset;

/// What the sections produce: the blocks, and the images the figures point at.
pub struct Content {
    pub blocks: Vec<Block>,
    pub images: Vec<PdfImage>,
}

pub(crate) struct Ctx<'a> {
    pub report: &'a Report,
    pub locale: Locale,
    pub plan: &'static Plan,
    /// E1, E2… by event id, in the order of the chronology.
    pub event_numbers: HashMap<i64, usize>,
    pub images: Vec<PdfImage>,
    pub source: &'a dyn PieceSource,
}

impl Ctx<'_> {
    /// A fixed text, typeset.
    pub fn t(&self, t: T) -> String {
        typeset(t.get(self.locale), self.locale)
    }

    pub fn fill(&self, t: T, values: &[(&str, &str)]) -> String {
        typeset(&t.fill(self.locale, values), self.locale)
    }

    /// The owner's text, typeset.
    pub fn owner(&self, s: &str) -> String {
        typeset(s, self.locale)
    }

    pub fn date(&self, d: NaiveDate) -> String {
        long_date(d, self.locale)
    }

    pub fn euros(&self, cents: i64) -> String {
        euros(cents, self.locale)
    }

    /// The given text, or "not given".
    pub fn or_not_given(&self, s: &str) -> Vec<Span> {
        if s.trim().is_empty() {
            vec![Span::plain(self.t(T::NotGiven)).ink(Ink::Muted)]
        } else {
            vec![Span::plain(self.owner(s))]
        }
    }

    /// What joins a label to its value: `\u{202F}: ` in French, `: ` in English.
    pub fn colon(&self) -> &'static str {
        match self.locale {
            Locale::Fr => "\u{202F}: ",
            Locale::En => ": ",
        }
    }

    pub fn yes_no(&self, b: bool) -> String {
        self.t(if b { T::Yes } else { T::No })
    }

    pub fn section_title(&self, section: Section) -> String {
        typeset(&self.plan.title(section, self.locale), self.locale)
    }

    pub fn heading(&self, section: Section) -> Block {
        Block::Heading {
            text: self.section_title(section),
            level: 1,
            anchor: Some(section_anchor(section)),
            outline: true,
        }
    }

    pub fn sub(&self, text: String, anchor: Option<Anchor>, outline: bool) -> Block {
        Block::Heading {
            text,
            level: 2,
            anchor,
            outline,
        }
    }

    pub fn event_label(&self, id: i64) -> Option<String> {
        self.event_numbers.get(&id).map(|n| format!("E{n}"))
    }

    /// The category's code and label.
    pub fn category(&self, code: &str) -> String {
        match Catalogue::builtin().category(code) {
            Some(c) => format!("{code} — {}", self.owner(c.label.get(self.locale))),
            None => code.to_owned(),
        }
    }

    pub fn period(&self) -> String {
        match self.report.period() {
            None => self.t(T::NotGiven),
            Some((a, b)) if a == b => self.fill(T::PeriodOne, &[("date", &self.date(a))]),
            Some((a, b)) => self.fill(
                T::PeriodRange,
                &[("from", &self.date(a)), ("to", &self.date(b))],
            ),
        }
    }
}

pub fn section_anchor(section: Section) -> Anchor {
    Anchor::new(format!("sec:{section:?}"))
}

pub fn piece_anchor(id: i64) -> Anchor {
    Anchor::new(format!("piece:{id}"))
}

pub fn event_anchor(id: i64) -> Anchor {
    Anchor::new(format!("event:{id}"))
}

pub fn para(text: String) -> Block {
    Block::Para(Para::text(text))
}

pub fn muted(text: String) -> Block {
    let mut p = Para::new(vec![Span::plain(text).ink(Ink::Muted)]).size(8.5);
    p.leading = 1.35;
    Block::Para(p)
}

/// A two-column list of labels and values.
pub fn key_values(rows: Vec<(String, Vec<Span>)>) -> Block {
    Block::Table(Table {
        columns: vec![0.36, 0.64],
        header: None,
        row_anchors: vec![],
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![vec![Span::bold(k)], v])
            .collect(),
        size: 9.5,
        grid: false,
        cut_marker: "[…]".into(),
    })
}

/// A table with a header row and a grid.
pub fn grid(
    ctx: &Ctx,
    columns: &[(T, f32)],
    rows: Vec<Vec<Vec<Span>>>,
    anchors: Vec<Option<Anchor>>,
) -> Block {
    Block::Table(Table {
        columns: columns.iter().map(|c| c.1).collect(),
        header: Some(
            columns
                .iter()
                .map(|c| vec![Span::plain(ctx.t(c.0))])
                .collect(),
        ),
        rows,
        row_anchors: anchors,
        size: 8.5,
        grid: true,
        cut_marker: ctx.t(T::CutMarker),
    })
}

/// The whole dossier's blocks.
pub fn build(report: &Report, source: &dyn PieceSource) -> Result<Content, DossierError> {
    let plan = plan(report.destination);
    let mut event_numbers = HashMap::new();
    for (n, event) in report.incidents.iter().flat_map(|i| &i.events).enumerate() {
        event_numbers.insert(event.id, n + 1);
    }
    let mut ctx = Ctx {
        report,
        locale: report.locale,
        plan,
        event_numbers,
        images: Vec::new(),
        source,
    };
    let mut blocks = Vec::new();
    for &section in &plan.sections {
        match section {
            Section::Cover => cover(&ctx, &mut blocks),
            Section::Toc => toc(&ctx, &mut blocks),
            Section::Summary => summary(&ctx, &mut blocks),
            Section::Company => parties::company(&ctx, &mut blocks),
            Section::Platform => parties::platforms(&ctx, &mut blocks),
            Section::Chronology => facts::chronology(&ctx, &mut blocks),
            Section::Classification => facts::classification(&ctx, &mut blocks),
            Section::Impact => facts::impact(&ctx, &mut blocks),
            Section::Steps => facts::steps(&ctx, &mut blocks),
            Section::Asks => facts::asks(&ctx, &mut blocks),
            Section::IpRights => facts::ip_rights(&ctx, &mut blocks),
            Section::Request => facts::request(&ctx, &mut blocks),
            Section::Grounds => facts::grounds(&ctx, &mut blocks),
            Section::Inventory => pieces::inventory(&ctx, &mut blocks),
            Section::Declarations => pieces::declarations(&ctx, &mut blocks),
            Section::Annexes => pieces::annexes(&mut ctx, &mut blocks)?,
        }
    }
    Ok(Content {
        blocks,
        images: ctx.images,
    })
}

fn cover(ctx: &Ctx, out: &mut Vec<Block>) {
    let r = ctx.report;
    out.push(Block::Space(90.0));
    out.push(Block::Para(
        Para::new(vec![
            Span::bold(typeset(ctx.plan.kind_of(r).get(ctx.locale), ctx.locale)).ink(Ink::Muted),
        ])
        .size(13.0)
        .after(10.0),
    ));
    out.push(Block::Heading {
        text: ctx.owner(&r.title),
        level: 0,
        anchor: Some(section_anchor(Section::Cover)),
        outline: true,
    });
    out.push(Block::Para(
        Para::new(vec![
            Span::bold(ctx.fill(T::DossierNumber, &[("number", &r.number)])).ink(Ink::Accent),
        ])
        .size(13.0)
        .after(28.0),
    ));
    let platforms: Vec<&str> = r
        .platforms
        .iter()
        .map(|p| p.details.name.as_str())
        .collect();
    out.push(key_values(vec![
        (
            ctx.t(T::Recipient),
            vec![Span::plain(typeset(
                ctx.plan.recipient.get(ctx.locale),
                ctx.locale,
            ))],
        ),
        (
            ctx.t(T::Company),
            vec![Span::plain(ctx.owner(&r.company.legal_name))],
        ),
        (ctx.t(T::Platforms), ctx.or_not_given(&platforms.join(", "))),
        (ctx.t(T::Period), vec![Span::plain(ctx.period())]),
        (
            ctx.t(T::Generated),
            vec![Span::plain(ctx.date(r.generated_on()))],
        ),
    ]));
    out.push(Block::Space(40.0));
    let mut notice = Para::new(vec![
        Span::bold(format!("{}. ", ctx.t(T::Confidential))).ink(Ink::Warning),
        Span::plain(ctx.t(T::ConfidentialNotice)),
    ])
    .size(9.5)
    .boxed();
    notice.align = Align::Left;
    out.push(Block::Para(notice));
    out.push(Block::PageBreak);
}

fn toc(ctx: &Ctx, out: &mut Vec<Block>) {
    out.push(ctx.heading(Section::Toc));
    for &section in &ctx.plan.sections {
        if matches!(section, Section::Cover | Section::Toc) {
            continue;
        }
        out.push(Block::Toc(TocLine {
            text: ctx.section_title(section),
            level: 1,
            target: section_anchor(section),
        }));
        if section == Section::Annexes {
            for p in &ctx.report.pieces {
                out.push(Block::Toc(TocLine {
                    text: format!("{} — {}", p.label(), ctx.owner(&p.title)),
                    level: 2,
                    target: piece_anchor(p.id),
                }));
            }
        }
    }
    out.push(Block::PageBreak);
}

fn summary(ctx: &Ctx, out: &mut Vec<Block>) {
    let r = ctx.report;
    out.push(ctx.heading(Section::Summary));
    out.push(Block::Para(
        Para::text(ctx.owner(&r.summary))
            .size(10.5)
            .boxed()
            .after(10.0),
    ));
    out.push(ctx.sub(ctx.t(T::KeyFigures), None, false));
    let mut categories: Vec<String> = r
        .incidents
        .iter()
        .map(|i| ctx.category(&i.data.category))
        .collect();
    categories.dedup();
    let totals = r.totals();
    let amounts = match totals.total_cents() {
        None => ctx.t(T::NoAmounts),
        Some(total) => {
            let mut parts = vec![];
            for (t, v) in [
                (T::FundsHeld, totals.funds_held_cents),
                (T::SalesLost, totals.sales_lost_cents),
                (T::Fees, totals.fees_cents),
            ] {
                if let Some(v) = v {
                    parts.push(format!("{} {}", ctx.t(t).to_lowercase(), ctx.euros(v)));
                }
            }
            format!("{} ({})", ctx.euros(total), parts.join(", "))
        }
    };
    let asks: Vec<String> = r
        .asks
        .iter()
        .map(|a| facts::ask_label(ctx, a.kind))
        .collect();
    let platforms: Vec<&str> = r
        .platforms
        .iter()
        .map(|p| p.details.name.as_str())
        .collect();
    let inventory = ctx.section_title(Section::Inventory);
    out.push(key_values(vec![
        (ctx.t(T::Platforms), ctx.or_not_given(&platforms.join(", "))),
        (
            ctx.t(T::KeyIncidents),
            vec![Span::plain(r.incidents.len().to_string())],
        ),
        (
            ctx.t(T::KeyCategories),
            ctx.or_not_given(&categories.join("; ")),
        ),
        (ctx.t(T::Period), vec![Span::plain(ctx.period())]),
        (ctx.t(T::KeyAmounts), vec![Span::plain(ctx.owner(&amounts))]),
        (ctx.t(T::KeyAsked), ctx.or_not_given(&asks.join("; "))),
        (
            ctx.t(T::KeyPieces),
            vec![Span::link(
                ctx.fill(
                    T::PiecesCount,
                    &[
                        (
                            "pieces",
                            &T::count(
                                i64::try_from(r.pieces.len()).unwrap_or(i64::MAX),
                                T::PieceOne,
                                T::PieceOther,
                                ctx.locale,
                            ),
                        ),
                        ("section", &inventory),
                    ],
                ),
                section_anchor(Section::Inventory),
            )],
        ),
    ]));
}

//! Pagination: blocks onto A4 pages, top to bottom. The rules:
//! - a heading is never the last thing on a page: it moves to the next page unless the
//!   start of what follows (two lines of a paragraph, a table's header and first row, a
//!   whole figure) fits under it;
//! - a paragraph splits between lines, but never leaves a single line at a page's foot;
//! - a table row is never split: a row that does not fit starts the next page, under the
//!   table's header repeated. A row taller than a whole page (which the dossier avoids by
//!   putting long texts in the annexes) is cut at the page's foot and ends with the table's
//!   cut marker, so the loss is visible;
//! - a figure and its caption stay together, scaled down to fit the text width and the
//!   page, never up.

use std::collections::HashMap;

use super::wrap::{Line, wrap};
use super::{
    Align, Anchor, BODY_BOTTOM, BODY_HEIGHT, Block, Figure, Ink, Item, MARGIN_TOP, MARGIN_X,
    OutlineEntry, Para, Span, TEXT_WIDTH, Table, TocLine,
};
use crate::fonts::{Fonts, Style};

/// One page of a laid-out document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// What is drawn on it, in drawing order.
    pub items: Vec<Item>,
}

/// A laid-out document: its pages, where each anchor landed (page index, top y), and its
/// outline in document order.
#[derive(Debug, Clone, Default)]
pub struct Laid {
    /// The pages, in order.
    pub pages: Vec<Page>,
    /// Where each anchor landed: the page's index (from 0) and its top, in points.
    pub anchors: HashMap<Anchor, (usize, f32)>,
    /// The PDF bookmarks, in document order.
    pub outline: Vec<OutlineEntry>,
}

const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.0;
const TABLE_LEADING: f32 = 1.3;
const BOX_PAD: f32 = 6.0;

struct HeadingStyle {
    size: f32,
    before: f32,
    after: f32,
}

fn heading_style(level: u8) -> HeadingStyle {
    match level {
        0 => HeadingStyle {
            size: 22.0,
            before: 0.0,
            after: 10.0,
        },
        1 => HeadingStyle {
            size: 15.0,
            before: 16.0,
            after: 8.0,
        },
        2 => HeadingStyle {
            size: 12.0,
            before: 12.0,
            after: 5.0,
        },
        _ => HeadingStyle {
            size: 10.5,
            before: 8.0,
            after: 3.0,
        },
    }
}

/// The baseline of a line of `size` points whose box of `line_h` starts at `top`.
fn baseline(top: f32, size: f32, line_h: f32) -> f32 {
    let face = Fonts::get().face(Style::Regular);
    let content = (face.ascender - face.descender) * size;
    top + (line_h - content) / 2.0 + face.ascender * size
}

struct Pager {
    laid: Laid,
    y: f32,
    /// Whether anything was put on the current page.
    used: bool,
}

impl Pager {
    fn new() -> Pager {
        Pager {
            laid: Laid {
                pages: vec![Page::default()],
                ..Laid::default()
            },
            y: MARGIN_TOP,
            used: false,
        }
    }

    fn page(&mut self) -> &mut Page {
        self.laid.pages.last_mut().expect("there is always a page")
    }

    fn push(&mut self, item: Item) {
        self.used = true;
        self.page().items.push(item);
    }

    fn new_page(&mut self) {
        self.laid.pages.push(Page::default());
        self.y = MARGIN_TOP;
        self.used = false;
    }

    fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    /// A new page unless `h` fits on this one (or this one is still empty).
    fn ensure(&mut self, h: f32) {
        if h > self.room() + 0.01 && self.used {
            self.new_page();
        }
    }

    fn anchor(&mut self, anchor: &Anchor) {
        let page = self.laid.pages.len() - 1;
        self.laid.anchors.insert(anchor.clone(), (page, self.y));
    }

    /// Draws a line's fragments with its baseline at `base`, `x` being its left edge.
    fn line(&mut self, line: &Line, x: f32, top: f32, base: f32, size: f32, line_h: f32) {
        for f in &line.frags {
            if f.text.is_empty() {
                continue;
            }
            self.push(Item::Text {
                x: x + f.x,
                y: base,
                text: f.text.clone(),
                style: f.style,
                size,
                ink: f.ink,
            });
            if let Some(target) = &f.link {
                self.push(Item::Link {
                    x: x + f.x,
                    y: top,
                    w: f.width,
                    h: line_h,
                    target: target.clone(),
                });
            }
        }
    }
}

/// Lays the blocks out on pages.
pub fn paginate(blocks: &[Block]) -> Laid {
    let mut p = Pager::new();
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::Heading {
                text,
                level,
                anchor,
                outline,
            } => {
                let next = keep_height(&blocks[i + 1..]);
                heading(&mut p, text, *level, anchor.as_ref(), *outline, i, next);
            }
            Block::Para(para) => paragraph(&mut p, para),
            Block::Table(table) => self::table(&mut p, table),
            Block::Figure(fig) => figure(&mut p, fig),
            Block::Toc(toc) => toc_line(&mut p, toc),
            Block::Space(h) => {
                if p.used {
                    p.y = (p.y + h).min(BODY_BOTTOM);
                }
            }
            Block::Rule => {
                p.ensure(6.0);
                let y = p.y + 3.0;
                p.push(Item::Line {
                    x1: MARGIN_X,
                    y1: y,
                    x2: MARGIN_X + TEXT_WIDTH,
                    y2: y,
                    width: 0.5,
                    ink: Ink::Rule,
                });
                p.y += 6.0;
            }
            Block::PageBreak => {
                if p.used {
                    p.new_page();
                }
            }
        }
    }
    p.laid
}

fn heading_lines(text: &str, level: u8) -> (Vec<Line>, HeadingStyle) {
    let style = heading_style(level);
    let spans = [Span::bold(Fonts::get().clean(text)).ink(Ink::Accent)];
    (wrap(&spans, style.size, TEXT_WIDTH), style)
}

fn heading_height(text: &str, level: u8) -> f32 {
    let (lines, s) = heading_lines(text, level);
    s.before + lines.len() as f32 * s.size * 1.25 + s.after + if level == 1 { 4.0 } else { 0.0 }
}

/// How much of what follows a heading must fit under it for the heading to stay on the
/// page: short paragraphs (an introduction, a file's details) and sub-headings whole, then
/// the start of the first longer block.
fn keep_height(next: &[Block]) -> f32 {
    let mut h = 0.0;
    for block in next.iter().take(5) {
        match block {
            Block::Para(para) => {
                let lines = wrap(&clean_spans(&para.spans), para.size, para_width(para));
                if lines.len() > 2 {
                    return h + lead_height(block);
                }
                h += para.space_before
                    + lines.len() as f32 * para.size * para.leading
                    + 2.0 * pad(para)
                    + para.space_after;
            }
            Block::Heading { text, level, .. } => h += heading_height(text, *level),
            Block::Space(_) | Block::Rule => {}
            Block::PageBreak => return h,
            other => return h + lead_height(other),
        }
    }
    h
}

/// How much of a block must fit under a heading for the heading to stay on the page.
fn lead_height(block: &Block) -> f32 {
    match block {
        Block::Heading { text, level, .. } => heading_height(text, *level),
        Block::Para(para) => {
            let lines = wrap(&clean_spans(&para.spans), para.size, para_width(para));
            let n = lines.len().min(2) as f32;
            para.space_before + n * para.size * para.leading + pad(para) * 2.0
        }
        Block::Table(t) => {
            let widths = column_widths(t);
            let header = t
                .header
                .as_ref()
                .map_or(0.0, |h| row_layout(t, h, &widths, true).0);
            let first = t
                .rows
                .first()
                .map_or(0.0, |r| row_layout(t, r, &widths, false).0);
            (header + first).min(BODY_HEIGHT * 0.5)
        }
        Block::Figure(fig) => figure_size(fig).2,
        Block::Toc(t) => toc_size(t),
        Block::Space(_) | Block::Rule | Block::PageBreak => 0.0,
    }
}

fn heading(
    p: &mut Pager,
    text: &str,
    level: u8,
    anchor: Option<&Anchor>,
    outline: bool,
    index: usize,
    next: f32,
) {
    let (lines, s) = heading_lines(text, level);
    let h = heading_height(text, level);
    // Kept with the start of what follows, unless that alone would not fit a page.
    let keep = if h + next <= BODY_HEIGHT { h + next } else { h };
    p.ensure(keep);
    if p.used {
        p.y += s.before;
    }
    let anchor = anchor
        .cloned()
        .unwrap_or_else(|| Anchor::new(format!("heading-{index}")));
    p.anchor(&anchor);
    if outline {
        p.laid.outline.push(OutlineEntry {
            title: text.to_owned(),
            level: level.max(1),
            anchor,
        });
    }
    let line_h = s.size * 1.25;
    for line in &lines {
        let top = p.y;
        let base = baseline(top, s.size, line_h);
        p.line(line, MARGIN_X, top, base, s.size, line_h);
        p.y += line_h;
    }
    if level == 1 {
        p.y += 2.0;
        p.push(Item::Line {
            x1: MARGIN_X,
            y1: p.y,
            x2: MARGIN_X + TEXT_WIDTH,
            y2: p.y,
            width: 0.8,
            ink: Ink::Accent,
        });
        p.y += 2.0;
    }
    p.y += s.after;
}

fn clean_spans(spans: &[Span]) -> Vec<Span> {
    let fonts = Fonts::get();
    spans
        .iter()
        .map(|s| Span {
            text: fonts.clean(&s.text),
            ..s.clone()
        })
        .collect()
}

fn pad(para: &Para) -> f32 {
    if para.boxed { BOX_PAD } else { 0.0 }
}

fn para_width(para: &Para) -> f32 {
    TEXT_WIDTH - para.indent - 2.0 * pad(para)
}

fn paragraph(p: &mut Pager, para: &Para) {
    let width = para_width(para);
    let lines = wrap(&clean_spans(&para.spans), para.size, width);
    let line_h = para.size * para.leading;
    let pad = pad(para);
    let x0 = MARGIN_X + para.indent + pad;
    // Not a single line at a page's foot when there are more.
    let first = if lines.len() > 1 { 2.0 } else { 1.0 };
    p.ensure(para.space_before + first * line_h + 2.0 * pad);
    if p.used {
        p.y += para.space_before;
    }
    if let Some(anchor) = &para.anchor {
        p.anchor(anchor);
    }
    let mut i = 0;
    while i < lines.len() {
        // The lines that fit on this page.
        let fit = (((p.room() - 2.0 * pad) / line_h).floor().max(0.0)) as usize;
        let mut n = fit.min(lines.len() - i);
        if n == 0 {
            p.new_page();
            continue;
        }
        // Leave two lines for the next page rather than one, when it can.
        if n < lines.len() - i && lines.len() - i - n == 1 && n > 2 {
            n -= 1;
        }
        if para.boxed {
            p.push(Item::Fill {
                x: MARGIN_X + para.indent,
                y: p.y,
                w: TEXT_WIDTH - para.indent,
                h: n as f32 * line_h + 2.0 * pad,
                ink: Ink::Shade,
            });
        }
        p.y += pad;
        for line in &lines[i..i + n] {
            let top = p.y;
            let x = match para.align {
                Align::Left => x0,
                Align::Center => x0 + (width - line.width) / 2.0,
                Align::Right => x0 + width - line.width,
            };
            p.line(
                line,
                x,
                top,
                baseline(top, para.size, line_h),
                para.size,
                line_h,
            );
            p.y += line_h;
        }
        p.y += pad;
        i += n;
        if i < lines.len() {
            p.new_page();
        }
    }
    p.y += para.space_after;
}

fn column_widths(t: &Table) -> Vec<f32> {
    let total: f32 = t.columns.iter().sum::<f32>().max(f32::EPSILON);
    t.columns.iter().map(|c| c / total * TEXT_WIDTH).collect()
}

/// A row's height and its cells' lines.
fn row_layout(
    t: &Table,
    cells: &[Vec<Span>],
    widths: &[f32],
    header: bool,
) -> (f32, Vec<Vec<Line>>) {
    let line_h = t.size * TABLE_LEADING;
    let lines: Vec<Vec<Line>> = widths
        .iter()
        .enumerate()
        .map(|(c, w)| {
            let mut spans = cells.get(c).map(|s| clean_spans(s)).unwrap_or_default();
            if header {
                for s in &mut spans {
                    s.style = Style::Bold;
                }
            }
            wrap(&spans, t.size, (w - 2.0 * CELL_PAD_X).max(1.0))
        })
        .collect();
    let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    (n as f32 * line_h + 2.0 * CELL_PAD_Y, lines)
}

fn table(p: &mut Pager, t: &Table) {
    let widths = column_widths(t);
    let line_h = t.size * TABLE_LEADING;
    let header = t.header.as_ref().map(|h| row_layout(t, h, &widths, true));
    let header_h = header.as_ref().map_or(0.0, |h| h.0);
    let rows: Vec<(f32, Vec<Vec<Line>>)> = t
        .rows
        .iter()
        .map(|r| row_layout(t, r, &widths, false))
        .collect();
    let first_h = rows.first().map_or(0.0, |r| r.0);
    p.ensure((header_h + first_h).min(BODY_HEIGHT));
    p.y += 2.0;
    let mut need_header = true;
    for (r, (h, lines)) in rows.iter().enumerate() {
        if !need_header && p.y + h > BODY_BOTTOM + 0.01 {
            p.new_page();
            need_header = true;
        }
        if need_header {
            if let Some((hh, hl)) = &header {
                draw_row(p, t, &widths, hl, *hh, true, None);
            }
            need_header = false;
        }
        if let Some(Some(anchor)) = t.row_anchors.get(r) {
            p.anchor(anchor);
        }
        let room = BODY_BOTTOM - p.y;
        if *h > room + 0.01 {
            // Taller than what is left of a fresh page: cut, and say so.
            let keep = (((room - 2.0 * CELL_PAD_Y) / line_h).floor() as usize).max(1);
            let marker = clean_spans(&[Span::plain(&t.cut_marker).ink(Ink::Warning)]);
            let cut: Vec<Vec<Line>> = lines
                .iter()
                .zip(&widths)
                .map(|(cell, w)| {
                    if cell.len() <= keep {
                        return cell.clone();
                    }
                    let marker = wrap(&marker, t.size, (w - 2.0 * CELL_PAD_X).max(1.0));
                    let mut c = cell[..keep.saturating_sub(marker.len()).max(1)].to_vec();
                    c.extend(marker);
                    c.truncate(keep);
                    c
                })
                .collect();
            draw_row(p, t, &widths, &cut, room, false, None);
        } else {
            draw_row(p, t, &widths, lines, *h, false, None);
        }
    }
    p.y += 8.0;
}

fn draw_row(
    p: &mut Pager,
    t: &Table,
    widths: &[f32],
    lines: &[Vec<Line>],
    h: f32,
    header: bool,
    _anchor: Option<&Anchor>,
) {
    let line_h = t.size * TABLE_LEADING;
    let top = p.y;
    if header && t.grid {
        p.push(Item::Fill {
            x: MARGIN_X,
            y: top,
            w: TEXT_WIDTH,
            h,
            ink: Ink::Shade,
        });
    }
    let mut x = MARGIN_X;
    for (c, w) in widths.iter().enumerate() {
        let mut y = top + CELL_PAD_Y;
        for line in lines.get(c).map(Vec::as_slice).unwrap_or(&[]) {
            if y + line_h > top + h + 0.01 {
                break;
            }
            p.line(
                line,
                x + CELL_PAD_X,
                y,
                baseline(y, t.size, line_h),
                t.size,
                line_h,
            );
            y += line_h;
        }
        x += w;
    }
    let bottom = top + h;
    let rule = |p: &mut Pager, y: f32| {
        p.push(Item::Line {
            x1: MARGIN_X,
            y1: y,
            x2: MARGIN_X + TEXT_WIDTH,
            y2: y,
            width: if t.grid { 0.5 } else { 0.3 },
            ink: Ink::Rule,
        })
    };
    if t.grid {
        rule(p, top);
        let mut x = MARGIN_X;
        for w in std::iter::once(&0.0).chain(widths) {
            x += w;
            p.push(Item::Line {
                x1: x,
                y1: top,
                x2: x,
                y2: bottom,
                width: 0.5,
                ink: Ink::Rule,
            });
        }
    }
    rule(p, bottom);
    p.y = bottom;
}

/// The figure's displayed width and height, and its total height with the caption.
fn figure_size(fig: &Figure) -> (f32, f32, f32) {
    let cap_h = caption_lines(fig).len() as f32 * 9.0 * 1.35;
    // A screenshot's pixels at 96 dpi, never enlarged.
    let natural_w = fig.width_px as f32 * 0.75;
    let natural_h = fig.height_px as f32 * 0.75;
    let max_h = BODY_HEIGHT - cap_h - 12.0;
    let scale = (TEXT_WIDTH / natural_w.max(1.0))
        .min(max_h / natural_h.max(1.0))
        .min(1.0);
    let (w, h) = (natural_w * scale, natural_h * scale);
    (w, h, h + 6.0 + cap_h + 10.0)
}

fn caption_lines(fig: &Figure) -> Vec<Line> {
    wrap(&clean_spans(&fig.caption), 9.0, TEXT_WIDTH)
}

fn figure(p: &mut Pager, fig: &Figure) {
    let (w, h, total) = figure_size(fig);
    p.ensure(total);
    let x = MARGIN_X + (TEXT_WIDTH - w) / 2.0;
    p.push(Item::Image {
        image: fig.image,
        x,
        y: p.y,
        w,
        h,
    });
    // A hairline frame: screenshots often have white edges.
    for (x1, y1, x2, y2) in [
        (x, p.y, x + w, p.y),
        (x, p.y + h, x + w, p.y + h),
        (x, p.y, x, p.y + h),
        (x + w, p.y, x + w, p.y + h),
    ] {
        p.push(Item::Line {
            x1,
            y1,
            x2,
            y2,
            width: 0.4,
            ink: Ink::Rule,
        });
    }
    p.y += h + 6.0;
    let line_h = 9.0 * 1.35;
    for line in caption_lines(fig) {
        let top = p.y;
        let lx = MARGIN_X + (TEXT_WIDTH - line.width) / 2.0;
        p.line(&line, lx, top, baseline(top, 9.0, line_h), 9.0, line_h);
        p.y += line_h;
    }
    p.y += 10.0;
}

const TOC_SIZE: f32 = 10.5;
/// Room kept on the right for the page number.
const TOC_NUMBER_WIDTH: f32 = 28.0;

fn toc_size(t: &TocLine) -> f32 {
    toc_lines(t).len() as f32 * TOC_SIZE * 1.5
}

fn toc_lines(t: &TocLine) -> Vec<Line> {
    let indent = f32::from(t.level.saturating_sub(1)) * 16.0;
    let style = if t.level <= 1 {
        Span::bold
    } else {
        Span::plain
    };
    wrap(
        &clean_spans(&[style(t.text.clone())]),
        TOC_SIZE,
        TEXT_WIDTH - indent - TOC_NUMBER_WIDTH - 20.0,
    )
}

fn toc_line(p: &mut Pager, t: &TocLine) {
    let lines = toc_lines(t);
    let line_h = TOC_SIZE * 1.5;
    let h = lines.len() as f32 * line_h;
    p.ensure(h);
    let indent = f32::from(t.level.saturating_sub(1)) * 16.0;
    let x = MARGIN_X + indent;
    let top = p.y;
    let style = if t.level <= 1 {
        Style::Bold
    } else {
        Style::Regular
    };
    for line in &lines {
        let base = baseline(p.y, TOC_SIZE, line_h);
        let y = p.y;
        p.line(line, x, y, base, TOC_SIZE, line_h);
        p.y += line_h;
    }
    // Dot leaders from the end of the last line to the number.
    let last = lines.last().map_or(0.0, |l| l.width);
    let face = Fonts::get().face(Style::Regular);
    let dot = face.width(". ", TOC_SIZE);
    let from = x + last + 6.0;
    let to = MARGIN_X + TEXT_WIDTH - TOC_NUMBER_WIDTH;
    let base = baseline(p.y - line_h, TOC_SIZE, line_h);
    if to > from + dot {
        let n = ((to - from) / dot).floor() as usize;
        p.push(Item::Text {
            x: to - n as f32 * dot,
            y: base,
            text: ". ".repeat(n).trim_end().to_owned(),
            style: Style::Regular,
            size: TOC_SIZE,
            ink: Ink::Muted,
        });
    }
    p.push(Item::PageOf {
        x: MARGIN_X + TEXT_WIDTH,
        y: base,
        target: t.target.clone(),
        style,
        size: TOC_SIZE,
        ink: Ink::Text,
    });
    p.push(Item::Link {
        x: MARGIN_X,
        y: top,
        w: TEXT_WIDTH,
        h,
        target: t.target.clone(),
    });
}

#[cfg(test)]
mod tests;

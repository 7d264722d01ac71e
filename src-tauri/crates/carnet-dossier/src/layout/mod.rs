//! The dossier's own layout layer, on top of a PDF library that places glyphs but lays out
//! nothing. A document is a list of [`Block`]s (headings, paragraphs, tables, images, table
//! of contents lines); [`wrap`] breaks styled text into lines on the font's real advances
//! with Unicode line breaking (UAX #14); [`paginate`] puts blocks on A4 pages — headings
//! kept with what follows, table headers repeated on each page, no table row split, images
//! scaled to fit with their captions — and gives positioned [`Item`]s per page and where
//! each anchor landed, so that links, the table of contents and the outline can point at
//! it. Coordinates are points from the top-left corner of the page.

pub mod paginate;
pub mod wrap;

use crate::fonts::Style;

pub use paginate::{Laid, Page, paginate};
pub use wrap::{Line, wrap};

/// A4, in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN_X: f32 = 56.0;
pub const MARGIN_TOP: f32 = 60.0;
pub const MARGIN_BOTTOM: f32 = 64.0;
pub const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
/// Where the body ends: the footer sits below.
pub const BODY_BOTTOM: f32 = PAGE_HEIGHT - MARGIN_BOTTOM;
pub const BODY_HEIGHT: f32 = BODY_BOTTOM - MARGIN_TOP;

/// A place in the document a link, the table of contents or the outline can point at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Anchor(pub String);

impl Anchor {
    pub fn new(s: impl Into<String>) -> Anchor {
        Anchor(s.into())
    }
}

/// The colours the dossier uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    Text,
    Muted,
    Link,
    Accent,
    /// Table header and box backgrounds.
    Shade,
    Rule,
    White,
    Warning,
}

impl Ink {
    pub fn rgb(self) -> (f32, f32, f32) {
        match self {
            Ink::Text => (0.10, 0.10, 0.12),
            Ink::Muted => (0.38, 0.40, 0.44),
            Ink::Link => (0.05, 0.28, 0.63),
            Ink::Accent => (0.09, 0.20, 0.38),
            Ink::Shade => (0.92, 0.94, 0.97),
            Ink::Rule => (0.72, 0.75, 0.80),
            Ink::White => (1.0, 1.0, 1.0),
            Ink::Warning => (0.62, 0.22, 0.05),
        }
    }
}

/// A run of text in one style; a link makes it clickable.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
    pub ink: Ink,
    pub link: Option<Anchor>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Regular,
            ink: Ink::Text,
            link: None,
        }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            style: Style::Bold,
            ..Span::plain(text)
        }
    }

    pub fn ink(mut self, ink: Ink) -> Span {
        self.ink = ink;
        self
    }

    pub fn link(text: impl Into<String>, to: Anchor) -> Span {
        Span {
            ink: Ink::Link,
            link: Some(to),
            ..Span::plain(text)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A paragraph: wrapped to the text width less its indent, split across pages between lines
/// (never leaving a single line at the bottom of a page when it has more).
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub spans: Vec<Span>,
    pub size: f32,
    /// Line height, as a multiple of the size.
    pub leading: f32,
    pub indent: f32,
    pub space_before: f32,
    pub space_after: f32,
    pub align: Align,
    /// Drawn on a shaded box (notices).
    pub boxed: bool,
    pub anchor: Option<Anchor>,
}

impl Para {
    pub fn new(spans: Vec<Span>) -> Para {
        Para {
            spans,
            size: 10.0,
            leading: 1.4,
            indent: 0.0,
            space_before: 0.0,
            space_after: 6.0,
            align: Align::Left,
            boxed: false,
            anchor: None,
        }
    }

    pub fn text(text: impl Into<String>) -> Para {
        Para::new(vec![Span::plain(text)])
    }

    pub fn size(mut self, size: f32) -> Para {
        self.size = size;
        self
    }

    pub fn after(mut self, space: f32) -> Para {
        self.space_after = space;
        self
    }

    pub fn before(mut self, space: f32) -> Para {
        self.space_before = space;
        self
    }

    pub fn align(mut self, align: Align) -> Para {
        self.align = align;
        self
    }

    pub fn indent(mut self, indent: f32) -> Para {
        self.indent = indent;
        self
    }

    pub fn boxed(mut self) -> Para {
        self.boxed = true;
        self
    }

    pub fn anchor(mut self, anchor: Anchor) -> Para {
        self.anchor = Some(anchor);
        self
    }
}

/// One cell of a table: a small paragraph.
pub type Cell = Vec<Span>;

/// A table: rows never split across pages; the header row (if any) repeats at the top of
/// each page the table continues on. A row taller than a whole page is cut at the page's
/// end with a visible marker (see [`paginate`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column widths as fractions of the text width (they are scaled to add up to 1).
    pub columns: Vec<f32>,
    pub header: Option<Vec<Cell>>,
    pub rows: Vec<Vec<Cell>>,
    /// An anchor per row (the row's place), or none.
    pub row_anchors: Vec<Option<Anchor>>,
    pub size: f32,
    /// Grid lines and a shaded header; without, a light rule between rows (key–value lists).
    pub grid: bool,
    /// What ends a cut row: "[…] (continued in the annex)" in the dossier's language.
    pub cut_marker: String,
}

/// An image with its caption, kept together on one page and scaled to fit.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Index in the document's image list.
    pub image: usize,
    /// Its size as displayed, in pixels (width and height swapped for a rotated photo).
    pub width_px: u32,
    pub height_px: u32,
    pub caption: Vec<Span>,
}

/// A line of the table of contents: its text, dot leaders, and the page where `target`
/// landed, known only once the document is laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct TocLine {
    pub text: String,
    pub level: u8,
    pub target: Anchor,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading, kept on the page of what follows it; `outline` puts it in the PDF's
    /// bookmarks at its level (1 or 2).
    Heading {
        text: String,
        level: u8,
        anchor: Option<Anchor>,
        outline: bool,
    },
    Para(Para),
    Table(Table),
    Figure(Figure),
    Toc(TocLine),
    Space(f32),
    Rule,
    PageBreak,
}

/// What a page is made of, in page coordinates (points from the top-left corner).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        text: String,
        style: Style,
        size: f32,
        ink: Ink,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        ink: Ink,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        ink: Ink,
    },
    Image {
        image: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    /// A clickable area that goes to `target`.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        target: Anchor,
    },
    /// The number of the page `target` is on, right-aligned at `x` (table of contents).
    PageOf {
        x: f32,
        y: f32,
        target: Anchor,
        style: Style,
        size: f32,
        ink: Ink,
    },
}

/// An entry of the PDF outline (bookmarks).
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    pub level: u8,
    pub anchor: Anchor,
}

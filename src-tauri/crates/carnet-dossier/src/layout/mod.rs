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
/// A4, in points.
pub const PAGE_HEIGHT: f32 = 841.89;
/// The left and right margins, in points.
pub const MARGIN_X: f32 = 56.0;
/// Where the body starts, in points from the top.
pub const MARGIN_TOP: f32 = 60.0;
/// The space below the body, for the footer, in points.
pub const MARGIN_BOTTOM: f32 = 64.0;
/// The width of the body's text, in points.
pub const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
/// Where the body ends: the footer sits below.
pub const BODY_BOTTOM: f32 = PAGE_HEIGHT - MARGIN_BOTTOM;
/// The body's height on a page, in points.
pub const BODY_HEIGHT: f32 = BODY_BOTTOM - MARGIN_TOP;

/// A place in the document a link, the table of contents or the outline can point at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Anchor(pub String);

impl Anchor {
    /// An anchor of this name.
    pub fn new(s: impl Into<String>) -> Anchor {
        Anchor(s.into())
    }
}

/// The colours the dossier uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// Body text.
    Text,
    /// Secondary text: captions, notes, the footer.
    Muted,
    /// A link.
    Link,
    /// Headings and the figures that matter.
    Accent,
    /// Table header and box backgrounds.
    Shade,
    /// Lines of tables and rules.
    Rule,
    /// White.
    White,
    /// What needs the reader's attention (a deadline not met, a warning).
    Warning,
}

impl Ink {
    /// The colour's red, green and blue, each from 0 to 1.
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
    /// The text, as it will be drawn.
    pub text: String,
    /// Regular or bold.
    pub style: Style,
    /// Its colour.
    pub ink: Ink,
    /// Where a click on it goes, if anywhere.
    pub link: Option<Anchor>,
}

impl Span {
    /// Regular text in the body's colour.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Regular,
            ink: Ink::Text,
            link: None,
        }
    }

    /// Bold text in the body's colour.
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            style: Style::Bold,
            ..Span::plain(text)
        }
    }

    /// The same span in another colour.
    pub fn ink(mut self, ink: Ink) -> Span {
        self.ink = ink;
        self
    }

    /// A link to `to`, in the links' colour.
    pub fn link(text: impl Into<String>, to: Anchor) -> Span {
        Span {
            ink: Ink::Link,
            link: Some(to),
            ..Span::plain(text)
        }
    }
}

/// How a paragraph's lines are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left, ragged right.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// A paragraph: wrapped to the text width less its indent, split across pages between lines
/// (never leaving a single line at the bottom of a page when it has more).
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// Its runs of text, in order.
    pub spans: Vec<Span>,
    /// The font size, in points.
    pub size: f32,
    /// Line height, as a multiple of the size.
    pub leading: f32,
    /// Its left indent, in points.
    pub indent: f32,
    /// Space above it, in points.
    pub space_before: f32,
    /// Space below it, in points.
    pub space_after: f32,
    /// How its lines are aligned.
    pub align: Align,
    /// Drawn on a shaded box (notices).
    pub boxed: bool,
    /// The place it marks, for links and the table of contents.
    pub anchor: Option<Anchor>,
}

impl Para {
    /// A left-aligned paragraph of these spans, in 10-point type.
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

    /// A plain paragraph of this text.
    pub fn text(text: impl Into<String>) -> Para {
        Para::new(vec![Span::plain(text)])
    }

    /// The same paragraph in `size` points.
    pub fn size(mut self, size: f32) -> Para {
        self.size = size;
        self
    }

    /// The same paragraph with `space` points below it.
    pub fn after(mut self, space: f32) -> Para {
        self.space_after = space;
        self
    }

    /// The same paragraph with `space` points above it.
    pub fn before(mut self, space: f32) -> Para {
        self.space_before = space;
        self
    }

    /// The same paragraph aligned another way.
    pub fn align(mut self, align: Align) -> Para {
        self.align = align;
        self
    }

    /// The same paragraph indented by `indent` points.
    pub fn indent(mut self, indent: f32) -> Para {
        self.indent = indent;
        self
    }

    /// The same paragraph on a shaded box.
    pub fn boxed(mut self) -> Para {
        self.boxed = true;
        self
    }

    /// The same paragraph marking `anchor`.
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
    /// The header row, repeated on each page the table runs on.
    pub header: Option<Vec<Cell>>,
    /// The rows, each a cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// An anchor per row (the row's place), or none.
    pub row_anchors: Vec<Option<Anchor>>,
    /// The font size, in points.
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
    /// Its height as displayed, in pixels.
    pub height_px: u32,
    /// The caption printed below it.
    pub caption: Vec<Span>,
}

/// A line of the table of contents: its text, dot leaders, and the page where `target`
/// landed, known only once the document is laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct TocLine {
    /// The entry's text.
    pub text: String,
    /// Its level: 1 for a section, 2 within one.
    pub level: u8,
    /// What it points at.
    pub target: Anchor,
}

/// One element of the document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading, kept on the page of what follows it; `outline` puts it in the PDF's
    /// bookmarks at its level (1 or 2).
    Heading {
        /// The heading's text.
        text: String,
        /// 1 for a section, 2 within one.
        level: u8,
        /// The place it marks.
        anchor: Option<Anchor>,
        /// Whether it goes into the PDF's bookmarks.
        outline: bool,
    },
    /// A paragraph.
    Para(Para),
    /// A table.
    Table(Table),
    /// An image and its caption.
    Figure(Figure),
    /// A line of the table of contents.
    Toc(TocLine),
    /// Vertical space, in points; none at the top of a page.
    Space(f32),
    /// A horizontal rule across the text width.
    Rule,
    /// The next block starts a new page (unless this page is still empty).
    PageBreak,
}

/// What a page is made of, in page coordinates (points from the top-left corner).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One line of text; `y` is its baseline.
    Text {
        /// Where the line starts.
        x: f32,
        /// Its baseline.
        y: f32,
        /// The text.
        text: String,
        /// Regular or bold.
        style: Style,
        /// The font size, in points.
        size: f32,
        /// Its colour.
        ink: Ink,
    },
    /// A filled rectangle (a shaded box, a table header).
    Fill {
        /// Its left edge.
        x: f32,
        /// Its top edge.
        y: f32,
        /// Its width.
        w: f32,
        /// Its height.
        h: f32,
        /// Its colour.
        ink: Ink,
    },
    /// A straight line.
    Line {
        /// Where it starts, across.
        x1: f32,
        /// Where it starts, down.
        y1: f32,
        /// Where it ends, across.
        x2: f32,
        /// Where it ends, down.
        y2: f32,
        /// Its thickness, in points.
        width: f32,
        /// Its colour.
        ink: Ink,
    },
    /// An image, scaled into its box.
    Image {
        /// Its index in the document's image list.
        image: usize,
        /// Its left edge.
        x: f32,
        /// Its top edge.
        y: f32,
        /// Its width as drawn.
        w: f32,
        /// Its height as drawn.
        h: f32,
    },
    /// A clickable area that goes to `target`.
    Link {
        /// The area's left edge.
        x: f32,
        /// Its top edge.
        y: f32,
        /// Its width.
        w: f32,
        /// Its height.
        h: f32,
        /// Where it goes.
        target: Anchor,
    },
    /// The number of the page `target` is on, right-aligned at `x` (table of contents).
    PageOf {
        /// The right edge the number is aligned on.
        x: f32,
        /// Its baseline.
        y: f32,
        /// The anchor whose page number is printed.
        target: Anchor,
        /// Regular or bold.
        style: Style,
        /// The font size, in points.
        size: f32,
        /// Its colour.
        ink: Ink,
    },
}

/// An entry of the PDF outline (bookmarks).
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// The bookmark's text.
    pub title: String,
    /// Its level: 1 for a section, 2 within one.
    pub level: u8,
    /// What it points at.
    pub anchor: Anchor,
}

//! Laid-out pages into a PDF file. printpdf turns text into glyph ids and embeds the fonts
//! (already subset here: printpdf without its HTML layout does not subset); its lopdf
//! document is then finished by hand:
//! - each image's bytes are moved into its stream, unchanged (printpdf's own image path
//!   decodes and re-encodes pixels), so they are held once in memory;
//! - the outline is written in document order with a level per heading, each entry going to
//!   the heading's place on its page (printpdf sorts bookmarks by name within a page);
//! - `/Lang`, the Info dictionary (dates passed in, never the clock) and a file identifier
//!   derived from the content, so that the same report gives the same bytes;
//! - the subset fonts are named `ABCDEF+NotoSans-…`, as subset fonts must be.
//!
//! Write errors come back as errors (printpdf's own `save` ignores them).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use chrono::{DateTime, FixedOffset};
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, Color, ColorArray, CurTransMat, DictItem, ExternalStream,
    ExternalXObject, FontId, LinkAnnotation, Mm, Op, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Px, Rect, Rgb, TextItem, TextMatrix,
    XObject, XObjectId, XObjectTransform,
};
use sha2::{Digest, Sha256};

use crate::DossierError;
use crate::fonts::{Fonts, Style};
use crate::images::{PdfImage, placement};
use crate::layout::{Ink, Item, Laid, MARGIN_X, PAGE_HEIGHT, PAGE_WIDTH, TEXT_WIDTH};

/// The document's metadata.
pub struct Meta {
    /// The dossier's title.
    pub title: String,
    /// Who wrote it: the company's legal name.
    pub author: String,
    /// What it is: the kind of document and its number.
    pub subject: String,
    /// Words to find it by (the platforms' names, the category codes).
    pub keywords: Vec<String>,
    /// BCP 47.
    pub lang: String,
    /// When it was generated: its creation and modification dates.
    pub created: DateTime<FixedOffset>,
    /// The footer's left part on every page (the right part is "Page X / Y").
    pub footer: String,
    /// `Page {x} / {y}` in the document's language.
    pub page_of: Box<dyn Fn(usize, usize) -> String>,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// How many pages.
    pub pages: usize,
    /// How many bytes were written.
    pub bytes: u64,
}

const FOOTER_Y: f32 = PAGE_HEIGHT - 34.0;
const FOOTER_SIZE: f32 = 8.0;

fn rgb(ink: Ink) -> Color {
    let (r, g, b) = ink.rgb();
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

/// Adds the running footer and resolves table-of-contents page numbers.
fn finish_items(laid: &mut Laid, meta: &Meta) {
    let total = laid.pages.len();
    let fonts = Fonts::get();
    let anchors = laid.anchors.clone();
    for (n, page) in laid.pages.iter_mut().enumerate() {
        for item in &mut page.items {
            if let Item::PageOf {
                x,
                y,
                target,
                style,
                size,
                ink,
            } = item
            {
                let number = anchors
                    .get(target)
                    .map_or(String::from("?"), |a| (a.0 + 1).to_string());
                let w = fonts.face(*style).width(&number, *size);
                *item = Item::Text {
                    x: *x - w,
                    y: *y,
                    text: number,
                    style: *style,
                    size: *size,
                    ink: *ink,
                };
            }
        }
        if n == 0 {
            continue; // The cover has no footer.
        }
        page.items.push(Item::Line {
            x1: MARGIN_X,
            y1: FOOTER_Y - 12.0,
            x2: MARGIN_X + TEXT_WIDTH,
            y2: FOOTER_Y - 12.0,
            width: 0.4,
            ink: Ink::Rule,
        });
        page.items
            .push(footer_text(MARGIN_X, fonts.clean(&meta.footer)));
        page.items
            .push(page_number(fonts, (meta.page_of)(n + 1, total)));
    }
    // The cover gets "Page 1 / Y" too, so that every page carries its number.
    if let Some(cover) = laid.pages.first_mut() {
        cover
            .items
            .push(page_number(fonts, (meta.page_of)(1, total)));
    }
}

/// A text of the running footer, from `x`.
fn footer_text(x: f32, text: String) -> Item {
    Item::Text {
        x,
        y: FOOTER_Y,
        text,
        style: Style::Regular,
        size: FOOTER_SIZE,
        ink: Ink::Muted,
    }
}

/// "Page X / Y", set flush right in the footer.
fn page_number(fonts: &Fonts, text: String) -> Item {
    let w = fonts.face(Style::Regular).width(&text, FOOTER_SIZE);
    footer_text(MARGIN_X + TEXT_WIDTH - w, text)
}

/// A six-letter subset tag derived from the glyphs kept.
fn subset_tag(name: &str, chars: &BTreeSet<char>) -> String {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    for c in chars {
        h.update(u32::from(*c).to_le_bytes());
    }
    h.finalize()[..6]
        .iter()
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

fn image_xobject(img: &PdfImage) -> ExternalXObject {
    let mut dict = img.dict.clone();
    if let Some((mask_dict, mask)) = &img.mask {
        dict.insert(
            "SMask".into(),
            DictItem::Stream {
                stream: ExternalStream {
                    dict: mask_dict.clone(),
                    content: mask.clone(),
                    compress: false,
                },
            },
        );
    }
    ExternalXObject {
        // The bytes go in after printpdf is done (see `write`): held once, never re-encoded.
        stream: ExternalStream {
            dict,
            content: Vec::new(),
            compress: false,
        },
        width: Some(Px(img.width as usize)),
        height: Some(Px(img.height as usize)),
        dpi: None,
    }
}

fn ops_for(
    items: &[Item],
    fonts: &BTreeMap<Style, FontId>,
    xobjects: &[XObjectId],
    images: &[PdfImage],
    anchors: &std::collections::HashMap<crate::layout::Anchor, (usize, f32)>,
) -> Vec<Op> {
    let mut ops = Vec::with_capacity(items.len() * 4);
    let flip = |y: f32| PAGE_HEIGHT - y;
    for item in items {
        match item {
            Item::Text {
                x,
                y,
                text,
                style,
                size,
                ink,
            } => {
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(fonts[style].clone()),
                    size: Pt(*size),
                });
                ops.push(Op::SetFillColor { col: rgb(*ink) });
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), Pt(flip(*y))),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
                ops.push(Op::EndTextSection);
            }
            Item::Fill { x, y, w, h, ink } => {
                ops.push(Op::SetFillColor { col: rgb(*ink) });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(flip(y + h)),
                        width: Pt(*w),
                        height: Pt(*h),
                        mode: Some(printpdf::PaintMode::Fill),
                        winding_order: None,
                    },
                });
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                ink,
            } => {
                ops.push(Op::SetOutlineColor { col: rgb(*ink) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                let point = |x: f32, y: f32| printpdf::LinePoint {
                    p: Point {
                        x: Pt(x),
                        y: Pt(flip(y)),
                    },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: printpdf::Line {
                        points: vec![point(*x1, *y1), point(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            Item::Image { image, x, y, w, h } => {
                let m = placement(images[*image].orientation, *x, flip(y + h), *w, *h);
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetTransformationMatrix {
                    matrix: CurTransMat::Raw(m),
                });
                ops.push(Op::UseXobject {
                    id: xobjects[*image].clone(),
                    transform: XObjectTransform {
                        no_auto_scale: true,
                        ..XObjectTransform::default()
                    },
                });
                ops.push(Op::RestoreGraphicsState);
            }
            Item::Link { x, y, w, h, target } => {
                let Some(&(page, top)) = anchors.get(target) else {
                    continue;
                };
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        Rect::from_xywh(Pt(*x), Pt(flip(y + h)), Pt(*w), Pt(*h)),
                        Actions::go_to(printpdf::Destination::Xyz {
                            page: page + 1,
                            left: Some(0.0),
                            top: Some(flip(top) + 6.0),
                            zoom: None,
                        }),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        None,
                    ),
                });
            }
            Item::PageOf { .. } => {}
        }
    }
    ops
}

fn text_string(s: &str) -> Object {
    // UTF-16BE with a BOM: any text, in any reader.
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn pdf_date(d: &DateTime<FixedOffset>) -> Object {
    let off = d.offset().local_minus_utc();
    let sign = if off < 0 { '-' } else { '+' };
    let off = off.abs();
    let s = format!(
        "D:{}{}{:02}'{:02}'",
        d.format("%Y%m%d%H%M%S"),
        sign,
        off / 3600,
        off % 3600 / 60
    );
    Object::String(s.into_bytes(), StringFormat::Literal)
}

/// Writes the laid-out pages as a PDF to `out`.
pub fn write(
    mut laid: Laid,
    images: Vec<PdfImage>,
    meta: &Meta,
    out: &mut dyn Write,
) -> Result<Written, DossierError> {
    finish_items(&mut laid, meta);
    let fonts = Fonts::get();

    // The characters each style uses, for the subsets.
    let mut used: BTreeMap<Style, BTreeSet<char>> = BTreeMap::new();
    for item in laid.pages.iter().flat_map(|p| &p.items) {
        if let Item::Text { text, style, .. } = item {
            used.entry(*style).or_default().extend(text.chars());
        }
    }
    let mut doc = PdfDocument::new(&meta.title);
    let mut font_ids = BTreeMap::new();
    let mut font_names = BTreeMap::new();
    for (style, chars) in &used {
        let bytes = fonts
            .subset(*style, chars)
            .map_err(|e| DossierError::Font(e.to_string()))?;
        let mut warnings = Vec::new();
        let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
            .ok_or_else(|| DossierError::Font("the subset font does not parse".into()))?;
        let name = fonts.face(*style).name;
        parsed.font_name = Some(name.to_owned());
        // Names of our own rather than printpdf's random ones: the same report, the same bytes.
        let id = FontId(format!("F{}", font_ids.len() + 1));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed));
        font_ids.insert(*style, id);
        font_names.insert(
            name.to_owned(),
            format!("{}+{name}", subset_tag(name, chars)),
        );
    }
    let xobjects: Vec<XObjectId> = images
        .iter()
        .enumerate()
        .map(|(n, img)| {
            let id = XObjectId(format!("Im{}", n + 1));
            let xobject = XObject::External(image_xobject(img));
            doc.resources.xobjects.map.insert(id.clone(), xobject);
            id
        })
        .collect();

    let page_count = laid.pages.len();
    let pages: Vec<PdfPage> = laid
        .pages
        .iter()
        .map(|p| {
            let ops = ops_for(&p.items, &font_ids, &xobjects, &images, &laid.anchors);
            PdfPage::new(
                Mm(PAGE_WIDTH * 25.4 / 72.0),
                Mm(PAGE_HEIGHT * 25.4 / 72.0),
                ops,
            )
        })
        .collect();
    doc.with_pages(pages);
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    drop(doc);

    let page_ids: Vec<ObjectId> = lo.get_pages().values().copied().collect();
    put_images(&mut lo, &page_ids, &xobjects, images)?;
    rename_fonts(&mut lo, &font_names);
    let catalog_id = lo
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| DossierError::Pdf(e.to_string()))?;
    let outline = outline(&mut lo, &laid, &page_ids);
    let info = info(meta);
    let info_id = lo.add_object(info);
    lo.trailer.set("Info", Object::Reference(info_id));
    let catalog = lo
        .get_object_mut(catalog_id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| DossierError::Pdf(e.to_string()))?;
    catalog.set(
        "Lang",
        Object::String(meta.lang.as_bytes().to_vec(), StringFormat::Literal),
    );
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
    );
    match outline {
        Some(id) => {
            catalog.set("Outlines", Object::Reference(id));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => catalog.set("PageMode", Object::Name(b"UseNone".to_vec())),
    }
    // An identifier from the content: the same report gives the same file.
    let mut h = Sha256::new();
    h.update(meta.title.as_bytes());
    h.update(meta.author.as_bytes());
    h.update(meta.created.to_rfc3339().as_bytes());
    h.update(page_count.to_le_bytes());
    let id = h.finalize()[..16].to_vec();
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    lo.compress();
    let mut counting = Counting {
        inner: out,
        bytes: 0,
    };
    lo.save_to(&mut counting).map_err(DossierError::Write)?;
    counting.flush().map_err(DossierError::Write)?;
    Ok(Written {
        pages: page_count,
        bytes: counting.bytes,
    })
}

struct Counting<'a> {
    inner: &'a mut dyn Write,
    bytes: u64,
}

impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Moves each image's bytes into the stream printpdf left empty for it.
fn put_images(
    lo: &mut lopdf::Document,
    page_ids: &[ObjectId],
    xobjects: &[XObjectId],
    images: Vec<PdfImage>,
) -> Result<(), DossierError> {
    if images.is_empty() {
        return Ok(());
    }
    let bad = |what: &str| DossierError::Pdf(format!("image streams: {what}"));
    let first = page_ids.first().ok_or_else(|| bad("no page"))?;
    let resources = lo
        .get_dictionary(*first)
        .and_then(|p| p.get(b"Resources"))
        .and_then(Object::as_reference)
        .and_then(|r| lo.get_dictionary(r))
        .map_err(|e| bad(&e.to_string()))?;
    let dict_id = resources
        .get(b"XObject")
        .and_then(Object::as_reference)
        .map_err(|e| bad(&e.to_string()))?;
    let dict = lo
        .get_dictionary(dict_id)
        .map_err(|e| bad(&e.to_string()))?
        .clone();
    for (img, xid) in images.into_iter().zip(xobjects) {
        let id = dict
            .get(xid.0.as_bytes())
            .and_then(Object::as_reference)
            .map_err(|e| bad(&e.to_string()))?;
        match lo.get_object_mut(id) {
            Ok(Object::Stream(stream)) => stream.set_content(img.data),
            _ => return Err(bad("not a stream")),
        }
    }
    Ok(())
}

/// Gives the subset fonts their `TAG+Name` names, on the font and its descriptor.
fn rename_fonts(lo: &mut lopdf::Document, names: &BTreeMap<String, String>) {
    for object in lo.objects.values_mut() {
        let Ok(dict) = object.as_dict_mut() else {
            continue;
        };
        for key in [&b"BaseFont"[..], b"FontName"] {
            let new = match dict.get(key) {
                Ok(Object::Name(n)) => names.get(&String::from_utf8_lossy(n).into_owned()).cloned(),
                _ => None,
            };
            if let Some(new) = new {
                dict.set(key.to_vec(), Object::Name(new.into_bytes()));
            }
        }
    }
}

/// The outline, nested by level, in document order.
fn outline(lo: &mut lopdf::Document, laid: &Laid, page_ids: &[ObjectId]) -> Option<ObjectId> {
    if laid.outline.is_empty() {
        return None;
    }
    let root = lo.new_object_id();
    // (id, level, dict) for every entry, then the links between them.
    let entries: Vec<(ObjectId, u8, Dictionary)> = laid
        .outline
        .iter()
        .filter_map(|e| {
            let &(page, top) = laid.anchors.get(&e.anchor)?;
            let dest = Object::Array(vec![
                Object::Reference(*page_ids.get(page)?),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(PAGE_HEIGHT - top + 6.0),
                Object::Null,
            ]);
            let mut d = Dictionary::new();
            d.set("Title", text_string(&e.title));
            d.set("Dest", dest);
            Some((lo.new_object_id(), e.level.clamp(1, 2), d))
        })
        .collect();
    if entries.is_empty() {
        return None;
    }
    let mut dicts: Vec<Dictionary> = entries.iter().map(|e| e.2.clone()).collect();
    let ids: Vec<ObjectId> = entries.iter().map(|e| e.0).collect();
    let levels: Vec<u8> = entries.iter().map(|e| e.1).collect();
    let parent_of = |i: usize| -> Option<usize> {
        (levels[i] > 1)
            .then(|| (0..i).rev().find(|&j| levels[j] < levels[i]))
            .flatten()
    };
    let parents: Vec<Option<usize>> = (0..ids.len()).map(parent_of).collect();
    let children =
        |p: Option<usize>| -> Vec<usize> { (0..ids.len()).filter(|&i| parents[i] == p).collect() };
    let link = |kids: &[usize], parent: ObjectId, dicts: &mut Vec<Dictionary>| {
        for (k, &i) in kids.iter().enumerate() {
            dicts[i].set("Parent", Object::Reference(parent));
            if k > 0 {
                dicts[i].set("Prev", Object::Reference(ids[kids[k - 1]]));
            }
            if let Some(&next) = kids.get(k + 1) {
                dicts[i].set("Next", Object::Reference(ids[next]));
            }
        }
    };
    let top = children(None);
    link(&top, root, &mut dicts);
    for i in 0..ids.len() {
        let kids = children(Some(i));
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            link(&kids, ids[i], &mut dicts);
            dicts[i].set("First", Object::Reference(ids[first]));
            dicts[i].set("Last", Object::Reference(ids[last]));
            // Negative: shown closed, the level-2 entries under their section.
            dicts[i].set("Count", Object::Integer(-(kids.len() as i64)));
        }
    }
    for (id, d) in ids.iter().zip(dicts) {
        lo.objects.insert(*id, Object::Dictionary(d));
    }
    let mut root_dict = Dictionary::new();
    root_dict.set("Type", Object::Name(b"Outlines".to_vec()));
    root_dict.set("First", Object::Reference(ids[top[0]]));
    root_dict.set(
        "Last",
        Object::Reference(ids[*top.last().expect("not empty")]),
    );
    root_dict.set("Count", Object::Integer(top.len() as i64));
    lo.objects.insert(root, Object::Dictionary(root_dict));
    Some(root)
}

fn info(meta: &Meta) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Title", text_string(&meta.title));
    d.set("Author", text_string(&meta.author));
    d.set("Subject", text_string(&meta.subject));
    d.set("Keywords", text_string(&meta.keywords.join(", ")));
    d.set("Creator", text_string("Carnet"));
    d.set("Producer", text_string("Carnet (printpdf, lopdf)"));
    d.set("CreationDate", pdf_date(&meta.created));
    d.set("ModDate", pdf_date(&meta.created));
    d.set("Trapped", Object::Name(b"False".to_vec()));
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_with_their_offset() {
        let d = DateTime::parse_from_rfc3339("2026-11-26T10:30:05+01:00").unwrap();
        assert_eq!(
            pdf_date(&d),
            Object::String(b"D:20261126103005+01'00'".to_vec(), StringFormat::Literal)
        );
        let d = DateTime::parse_from_rfc3339("2026-01-02T03:04:05-05:30").unwrap();
        assert_eq!(
            pdf_date(&d),
            Object::String(b"D:20260102030405-05'30'".to_vec(), StringFormat::Literal)
        );
    }

    #[test]
    fn subset_tags_are_six_capitals_and_follow_the_glyphs() {
        let a: BTreeSet<char> = "abc".chars().collect();
        let b: BTreeSet<char> = "abd".chars().collect();
        let t = subset_tag("NotoSans-Regular", &a);
        assert_eq!(t.len(), 6);
        assert!(t.chars().all(|c| c.is_ascii_uppercase()));
        assert_ne!(t, subset_tag("NotoSans-Regular", &b));
    }
}

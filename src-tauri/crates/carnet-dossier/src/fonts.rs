//! The dossier's typeface: Noto Sans Regular and Bold (OFL-1.1, `fonts/OFL.txt`), embedded in
//! the binary. Layout measures text with the advances of the font's own `hmtx` table (read
//! through printpdf's font parser), so what is measured is what is drawn: printpdf writes
//! glyphs at their nominal advances, without kerning.
//!
//! Text the font cannot show is made showable before it is measured ([`Fonts::clean`]):
//! control and format characters go, tabs become spaces, and a character with no glyph
//! becomes U+FFFD, so that a line never holds an invisible `.notdef` of unknown width.
//!
//! Each PDF embeds only the glyphs it uses ([`Fonts::subset`]).

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use printpdf::ParsedFont;

const REGULAR_TTF: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/NotoSans-Bold.ttf");

/// NARROW NO-BREAK SPACE and the other spaces that must never start a line.
pub const NO_BREAK_SPACES: [char; 4] = ['\u{A0}', '\u{202F}', '\u{2007}', '\u{2060}'];

/// The two weights of the dossier's typeface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    /// Noto Sans Regular.
    Regular,
    /// Noto Sans Bold.
    Bold,
}

impl Style {
    /// Both styles, regular first.
    pub const ALL: [Style; 2] = [Style::Regular, Style::Bold];
}

/// One face: its glyph advances by character, in font units.
pub struct Face {
    /// The PostScript name, as the PDF names the font.
    pub name: &'static str,
    bytes: &'static [u8],
    units_per_em: f32,
    /// (glyph id, advance) by character.
    glyphs: HashMap<char, (u16, u16)>,
    /// Advances of U+0000–U+024F, the hot path (0 where the font has no glyph).
    latin: Vec<u16>,
    /// The ascender's height above the baseline, as a fraction of the size.
    pub ascender: f32,
    /// The descender's depth, as a fraction of the size (negative: below the baseline).
    pub descender: f32,
}

impl Face {
    fn parse(name: &'static str, bytes: &'static [u8]) -> Face {
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .unwrap_or_else(|| panic!("{name}: the font shipped with the crate parses"));
        let mut glyphs = HashMap::with_capacity(font.codepoint_to_glyph.len());
        for (&cp, &gid) in &font.codepoint_to_glyph {
            if let Some(c) = char::from_u32(cp) {
                let advance = font.glyph_widths.get(&gid).copied().unwrap_or(0);
                glyphs.insert(c, (gid, advance));
            }
        }
        let latin = (0u32..0x250)
            .map(|cp| {
                char::from_u32(cp)
                    .and_then(|c| glyphs.get(&c))
                    .map_or(0, |g| g.1)
            })
            .collect();
        let upem = f32::from(font.units_per_em.max(1));
        Face {
            name,
            bytes,
            units_per_em: upem,
            glyphs,
            latin,
            ascender: f32::from(font.font_metrics.ascent) / upem,
            descender: f32::from(font.font_metrics.descent) / upem,
        }
    }

    /// Whether the face has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.glyphs.contains_key(&c)
    }

    /// The advance of one character, in em.
    pub fn advance(&self, c: char) -> f32 {
        let units = match self.latin.get(c as usize) {
            Some(&a) if a > 0 => a,
            _ => self.glyphs.get(&c).map_or(0, |g| g.1),
        };
        f32::from(units) / self.units_per_em
    }

    /// The width of `text` set at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }
}

/// Both faces.
pub struct Fonts {
    regular: Face,
    bold: Face,
    replacement: char,
}

impl Fonts {
    /// The fonts, parsed once per process.
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| {
            let regular = Face::parse("NotoSans-Regular", REGULAR_TTF);
            let bold = Face::parse("NotoSans-Bold", BOLD_TTF);
            let replacement = if regular.has('\u{FFFD}') && bold.has('\u{FFFD}') {
                '\u{FFFD}'
            } else {
                '?'
            };
            Fonts {
                regular,
                bold,
                replacement,
            }
        })
    }

    /// The face of this style.
    pub fn face(&self, style: Style) -> &Face {
        match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
        }
    }

    /// Text both faces can show: CR LF and CR become LF, line and paragraph separators LF,
    /// tabs a space; other control and format characters (bidi controls, zero-width
    /// joiners, soft hyphens) are dropped; a character with no glyph becomes U+FFFD. A
    /// no-break space at the start of a line is dropped (it would start the line).
    pub fn clean(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let c = match c {
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        continue;
                    }
                    '\n'
                }
                '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => '\n',
                '\t' => ' ',
                c if c.is_control() || is_format(c) => continue,
                c => c,
            };
            // Nor twice in a row: one is enough, and a line may then always be cut before
            // the character ahead of it. (At the start of a text it is kept: the text may be
            // a span that follows another; `wrap` drops one that would start a paragraph.)
            if NO_BREAK_SPACES.contains(&c)
                && (out.ends_with('\n') || out.ends_with(NO_BREAK_SPACES))
            {
                continue;
            }
            if c == '\n' || (self.regular.has(c) && self.bold.has(c)) {
                out.push(c);
            } else {
                out.push(self.replacement);
            }
        }
        out
    }

    /// A copy of one face holding only the glyphs of `chars` (and `.notdef`), with a
    /// Unicode cmap for exactly those characters: what the PDF embeds.
    pub fn subset(&self, style: Style, chars: &BTreeSet<char>) -> Result<Vec<u8>, String> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::subset::{CmapTarget, SubsetProfile, subset};

        let face = self.face(style);
        let mut ids: Vec<u16> = chars
            .iter()
            .filter_map(|c| face.glyphs.get(c).map(|g| g.0))
            .filter(|&gid| gid != 0)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.insert(0, 0);
        let data = ReadScope::new(face.bytes)
            .read::<FontData<'_>>()
            .map_err(|e| e.to_string())?;
        let provider = data.table_provider(0).map_err(|e| e.to_string())?;
        subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(|e| e.to_string())
    }
}

/// Unicode's format characters (general category Cf) that show up in pasted text.
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2061}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}' | '\u{FE00}'..='\u{FE0F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_covers_french_and_the_euro() {
        let fonts = Fonts::get();
        for c in "àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»€’…–—\u{202F}\u{A0}".chars()
        {
            for style in Style::ALL {
                assert!(fonts.face(style).has(c), "{c:?} in {style:?}");
            }
        }
        assert_eq!(fonts.replacement, '\u{FFFD}');
    }

    #[test]
    fn advances_are_the_fonts_own() {
        let f = Fonts::get();
        let r = f.face(Style::Regular);
        // Bold is wider than regular, and a narrow no-break space is narrower than a space.
        assert!(f.face(Style::Bold).width("Maroquinerie", 10.0) > r.width("Maroquinerie", 10.0));
        assert!(r.advance('\u{202F}') < r.advance(' '));
        assert!(r.advance('W') > r.advance('i'));
        assert!((r.width("ab", 20.0) - 2.0 * r.width("ab", 10.0)).abs() < 1e-4);
    }

    #[test]
    fn cleaning_keeps_text_and_drops_what_cannot_be_shown() {
        let f = Fonts::get();
        assert_eq!(f.clean("a\r\nb\rc\td"), "a\nb\nc d");
        assert_eq!(f.clean("x\u{202E}y\u{200B}z\u{AD}"), "xyz");
        assert_eq!(f.clean("漢"), "\u{FFFD}");
        assert_eq!(f.clean("x\u{202F}: a\n\u{A0}b"), "x\u{202F}: a\nb");
        assert_eq!(
            f.clean("\u{202F}: a"),
            "\u{202F}: a",
            "a span's start is no line's start"
        );
        assert_eq!(f.clean("« Été »"), "« Été »");
    }

    #[test]
    fn a_subset_is_small_and_maps_its_characters() {
        let f = Fonts::get();
        let chars: BTreeSet<char> = "Page 1 / 12 — Éléments « € »\u{202F}".chars().collect();
        let bytes = f.subset(Style::Regular, &chars).unwrap();
        assert!(bytes.len() < 20_000, "{} bytes", bytes.len());
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings).unwrap();
        for c in &chars {
            let gid = parsed.lookup_glyph_index(*c as u32);
            assert!(gid.is_some_and(|g| g != 0), "{c:?}");
            let w = parsed.glyph_widths[&gid.unwrap()];
            let units = (f.regular.advance(*c) * f.regular.units_per_em).round() as u16;
            assert_eq!(w, units, "{c:?} keeps its advance");
        }
    }
}

//! Line breaking: styled text into lines no wider than a width, measured with the font's own
//! advances. Break opportunities are Unicode's (UAX #14, `unicode-linebreak`), less any
//! before a no-break space: U+202F, which French typography puts before `: ; ! ? »`, must
//! never start a line. Spaces at the end of a line hang in the margin (they are not counted).
//! A word wider than the line (a long URL, a SHA-256) is cut between characters, never
//! before a combining mark or a no-break space.

use unicode_linebreak::{BreakClass, BreakOpportunity, break_property, linebreaks};

use super::{Anchor, Ink, Span};
use crate::fonts::{Fonts, NO_BREAK_SPACES, Style};

/// A piece of a line in one style, at `x` from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Frag {
    /// The characters of this piece.
    pub text: String,
    /// Regular or bold.
    pub style: Style,
    /// Its colour.
    pub ink: Ink,
    /// Where a click on it goes, if anywhere.
    pub link: Option<Anchor>,
    /// Its start from the line's start, in points.
    pub x: f32,
    /// Its width, in points.
    pub width: f32,
}

/// One line: its pieces and its width (trailing spaces not counted).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    /// Its pieces, left to right.
    pub frags: Vec<Frag>,
    /// Its width in points, trailing spaces not counted.
    pub width: f32,
}

impl Line {
    /// The line's text, its pieces joined.
    pub fn text(&self) -> String {
        self.frags.iter().map(|f| f.text.as_str()).collect()
    }
}

struct Ch {
    c: char,
    width: f32,
    span: usize,
}

/// Breaks `spans` (already cleaned by [`Fonts::clean`]) into lines of at most `max_width`
/// points at `size` points. An empty text gives one empty line; each `\n` ends a line.
pub fn wrap(spans: &[Span], size: f32, max_width: f32) -> Vec<Line> {
    let fonts = Fonts::get();
    let mut full = String::new();
    let mut chars: Vec<Ch> = Vec::new();
    // Byte offset of each char in `full`, plus the end.
    let mut offsets: Vec<usize> = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        let face = fonts.face(span.style);
        for c in span.text.chars() {
            // A no-break space never starts a paragraph or a line, nor doubles another.
            if NO_BREAK_SPACES.contains(&c)
                && (full.is_empty() || full.ends_with('\n') || full.ends_with(NO_BREAK_SPACES))
            {
                continue;
            }
            offsets.push(full.len());
            full.push(c);
            chars.push(Ch {
                c,
                width: if c == '\n' {
                    0.0
                } else {
                    face.advance(c) * size
                },
                span: i,
            });
        }
    }
    offsets.push(full.len());
    let char_at = |byte: usize| offsets.partition_point(|&o| o < byte);

    // Break opportunities as char indices: (index, mandatory).
    let mut breaks: Vec<(usize, bool)> = Vec::new();
    for (byte, op) in linebreaks(&full) {
        let i = char_at(byte);
        let mandatory = op == BreakOpportunity::Mandatory;
        if !mandatory && chars.get(i).is_some_and(|c| NO_BREAK_SPACES.contains(&c.c)) {
            continue;
        }
        breaks.push((i, mandatory));
    }

    let mut lines: Vec<(usize, usize)> = Vec::new(); // char ranges
    let mut start = 0; // start of the current line
    let mut width = 0.0; // of the current line, trailing spaces included
    let mut seg_start = 0;
    for (end, mandatory) in breaks {
        let seg = &chars[seg_start..end];
        let (content, hang) = measure(seg);
        if start < seg_start && width + content > max_width {
            lines.push((start, seg_start));
            start = seg_start;
            width = 0.0;
        }
        if start == seg_start && content > max_width {
            // A word wider than the line: cut it; its last piece goes on.
            let mut from = seg_start;
            for cut in cuts(&chars, seg_start, end, max_width) {
                lines.push((from, cut));
                from = cut;
            }
            start = from;
            width = measure(&chars[from..end]).0 + hang;
        } else {
            width += content + hang;
        }
        if mandatory {
            lines.push((start, end));
            start = end;
            width = 0.0;
        }
        seg_start = end;
    }
    if start < chars.len() || lines.is_empty() {
        lines.push((start, chars.len()));
    }

    lines
        .into_iter()
        .map(|(a, b)| build(spans, &chars, a, b))
        .collect()
}

fn is_space(c: char) -> bool {
    c.is_whitespace() && !NO_BREAK_SPACES.contains(&c)
}

/// The width of a segment without its trailing spaces and line break, and theirs.
fn measure(seg: &[Ch]) -> (f32, f32) {
    let total: f32 = seg.iter().map(|c| c.width).sum();
    let hang: f32 = seg
        .iter()
        .rev()
        .take_while(|c| is_space(c.c) || c.c == '\n')
        .map(|c| c.width)
        .sum();
    (total - hang, hang)
}

/// Where to cut chars[from..to], each piece as long as fits. Preferred: not before a
/// combining mark, a joiner's partner, a no-break space or closing punctuation, nor after
/// opening punctuation; then only not before a mark, a joiner's partner or a no-break
/// space; as a last resort anywhere but before a no-break space.
fn cuts(chars: &[Ch], from: usize, to: usize, max_width: f32) -> Vec<usize> {
    let basic = |i: usize| {
        let c = chars[i].c;
        !NO_BREAK_SPACES.contains(&c)
            && !matches!(
                break_property(c as u32),
                BreakClass::CombiningMark | BreakClass::ZeroWidthJoiner
            )
            && break_property(chars[i - 1].c as u32) != BreakClass::ZeroWidthJoiner
    };
    let strict = |i: usize| {
        basic(i)
            && !matches!(
                break_property(chars[i].c as u32),
                BreakClass::Exclamation
                    | BreakClass::ClosePunctuation
                    | BreakClass::CloseParenthesis
                    | BreakClass::InfixSeparator
                    | BreakClass::Quotation
            )
            && !matches!(
                break_property(chars[i - 1].c as u32),
                BreakClass::OpenPunctuation | BreakClass::Quotation
            )
    };
    let anywhere = |i: usize| !NO_BREAK_SPACES.contains(&chars[i].c);
    let mut out = Vec::new();
    let mut start = from;
    while measure(&chars[start..to]).0 > max_width {
        let fitting = |ok: &dyn Fn(usize) -> bool| {
            let mut w = chars[start].width;
            let mut last = None;
            for (i, ch) in chars.iter().enumerate().take(to).skip(start + 1) {
                if w > max_width {
                    break;
                }
                if ok(i) {
                    last = Some(i);
                }
                w += ch.width;
            }
            last
        };
        let cut = fitting(&strict)
            .or_else(|| fitting(&basic))
            .or_else(|| fitting(&anywhere))
            .unwrap_or(start + 1);
        if cut >= to {
            break;
        }
        out.push(cut);
        start = cut;
    }
    out
}

fn build(spans: &[Span], chars: &[Ch], a: usize, mut b: usize) -> Line {
    while b > a && (is_space(chars[b - 1].c) || chars[b - 1].c == '\n') {
        b -= 1;
    }
    let mut line = Line::default();
    let mut x = 0.0;
    let mut i = a;
    while i < b {
        let span = chars[i].span;
        let mut text = String::new();
        let mut w = 0.0;
        while i < b && chars[i].span == span {
            text.push(chars[i].c);
            w += chars[i].width;
            i += 1;
        }
        let s = &spans[span];
        line.frags.push(Frag {
            text,
            style: s.style,
            ink: s.ink,
            link: s.link.clone(),
            x,
            width: w,
        });
        x += w;
    }
    line.width = x;
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typography::typeset;
    use carnet_core::Locale;
    use proptest::prelude::*;

    fn lines(text: &str, width: f32) -> Vec<String> {
        let text = Fonts::get().clean(text);
        wrap(&[Span::plain(text)], 10.0, width)
            .iter()
            .map(Line::text)
            .collect()
    }

    #[test]
    fn short_text_is_one_line_and_empty_text_one_empty_line() {
        assert_eq!(lines("Bonjour", 200.0), ["Bonjour"]);
        assert_eq!(lines("", 200.0), [""]);
        assert_eq!(lines("a\n\nb", 200.0), ["a", "", "b"]);
    }

    #[test]
    fn words_wrap_at_spaces_and_spaces_hang() {
        let out = lines("le compte a été suspendu sans préavis", 80.0);
        assert!(out.len() > 1, "{out:?}");
        for l in &out {
            assert!(!l.ends_with(' ') && !l.starts_with(' '), "{l:?}");
        }
        assert_eq!(out.join(" "), "le compte a été suspendu sans préavis");
    }

    #[test]
    fn a_narrow_no_break_space_never_starts_a_line() {
        let text = typeset(
            "Motif : « compte suspendu » ! Pourquoi ? Voilà ; fin",
            Locale::Fr,
        );
        for width in (20..200).map(|w| w as f32) {
            for l in lines(&text, width) {
                assert!(!l.starts_with('\u{202F}'), "{width}: {l:?}");
                assert!(!l.starts_with([':', '!', '?', '»', ';']), "{width}: {l:?}");
            }
        }
    }

    #[test]
    fn a_long_url_or_hash_is_cut_to_fit() {
        let hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let out = lines(hash, 100.0);
        assert!(out.len() > 2);
        assert_eq!(out.concat(), hash);
        let url = "voir https://sellercentral.amazon.fr/performance/account/health?ref=xx_yy_zz_123456789";
        let out = lines(url, 120.0);
        // UAX #14 breaks a URL after its slashes before cutting inside a word.
        assert_eq!(out[0], "voir https://");
        assert_eq!(out.concat().replace(' ', ""), url.replace(' ', ""));
        let face = Fonts::get().face(Style::Regular);
        assert!(out.iter().all(|l| face.width(l, 10.0) <= 120.0));
    }

    #[test]
    fn amounts_stay_whole() {
        let amount = carnet_core::format::euros(123_456_789, Locale::Fr);
        let text = format!("Montant retenu {amount} depuis mars");
        for width in (70..300).map(|w| w as f32) {
            let out = lines(&text, width);
            assert!(out.iter().any(|l| l.contains(&amount)), "{width}: {out:?}");
        }
    }

    #[test]
    fn styles_make_fragments_at_their_place() {
        let spans = vec![Span::bold("Gras "), Span::plain("normal")];
        let l = &wrap(&spans, 10.0, 500.0)[0];
        assert_eq!(l.frags.len(), 2);
        assert_eq!(l.frags[0].style, Style::Bold);
        assert!((l.frags[1].x - l.frags[0].width).abs() < 1e-4);
        assert!((l.width - l.frags[0].width - l.frags[1].width).abs() < 1e-4);
    }

    fn arbitrary_text() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            "\\PC{1,12}",
            "[a-zé]{1,60}",
            "https://[a-z./?=&_-]{10,80}",
            Just("\u{202F}:".to_owned()),
            Just("«\u{202F}".to_owned()),
            Just("1\u{202F}234,56\u{A0}€".to_owned()),
            Just("e\u{301}\u{301}".to_owned()),
        ];
        proptest::collection::vec(
            (
                word,
                prop_oneof![Just(" "), Just(""), Just("\n"), Just("\u{202F}")],
            ),
            0..30,
        )
        .prop_map(|parts| parts.into_iter().map(|(w, s)| w + s).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn lines_never_exceed_the_width(text in arbitrary_text(), width in 30.0f32..400.0, bold in any::<bool>()) {
            let text = Fonts::get().clean(&text);
            let span = if bold { Span::bold(text.clone()) } else { Span::plain(text.clone()) };
            let out = wrap(&[span], 10.0, width);
            let face = Fonts::get().face(if bold { Style::Bold } else { Style::Regular });
            for l in &out {
                let t = l.text();
                prop_assert!(l.width <= width + 1e-3, "{} > {}: {:?}", l.width, width, t);
                prop_assert!((face.width(&t, 10.0) - l.width).abs() < 1e-2);
                prop_assert!(!t.starts_with(NO_BREAK_SPACES), "{:?}", t);
                prop_assert!(!t.contains('\n'));
            }
            // Nothing is lost but the spaces where lines were broken.
            let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let joined: String = out.iter().map(Line::text).collect();
            prop_assert_eq!(squash(&joined), squash(&text));
        }
    }
}

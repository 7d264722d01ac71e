//! French typography for text set in the dossier: a narrow no-break space (U+202F) before
//! `; : ! ? »` and after `«`, so that the mark never starts a line. Spaces the owner typed are
//! replaced; a missing one is added where French requires it, except inside URLs, times and
//! numbers (`https://`, `14:30`), which are left as typed. A space typed inside a number or
//! before its unit (`18 450 €`, `35 %`) becomes narrow and no-break too, so the number stays
//! whole. English text is not touched.

use carnet_core::Locale;
use carnet_core::format::NNBSP;

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{A0}' || c == NNBSP
}

/// Applies the rules of the given language. Idempotent.
pub fn typeset(text: &str, locale: Locale) -> String {
    match locale {
        Locale::Fr => french(text),
        Locale::En => text.to_owned(),
    }
}

fn french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            ';' | ':' | '!' | '?' | '»' if wants_space_before(&chars, i, next) => {
                while out.ends_with(is_space) {
                    out.pop();
                }
                if !out.is_empty() {
                    out.push(NNBSP);
                }
                out.push(c);
            }
            '«' => {
                out.push(c);
                out.push(NNBSP);
            }
            c if is_space(c) && i > 0 && chars[i - 1] == '«' => {}
            ' ' if holds_a_number(&chars, i) => out.push(NNBSP),
            c => out.push(c),
        }
    }
    out
}

/// A space the owner typed inside a number or before its unit (`18 450 €`, `35 %`): the number
/// must not part from its thousands or its unit at a line end.
fn holds_a_number(chars: &[char], i: usize) -> bool {
    if i == 0 || !chars[i - 1].is_ascii_digit() {
        return false;
    }
    match chars.get(i + 1) {
        Some('€' | '%') => true,
        Some(_) => {
            let group = chars.get(i + 1..i + 4);
            group.is_some_and(|g| g.iter().all(char::is_ascii_digit))
                && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
        }
        None => false,
    }
}

/// `»` always takes the space; so does a mark the owner already spaced. An unspaced mark only
/// when it ends a clause (followed by a space, a closing mark or the end), which keeps
/// `https://x`, `14:30` and `?id=3` intact. Doubled marks (`?!`) get one space, before the first.
fn wants_space_before(chars: &[char], i: usize, next: Option<char>) -> bool {
    let c = chars[i];
    let prev_is_mark = i > 0 && matches!(chars[i - 1], ';' | ':' | '!' | '?');
    if c == '»' {
        return true;
    }
    if prev_is_mark {
        return false;
    }
    if i > 0 && is_space(chars[i - 1]) {
        return true;
    }
    match next {
        None => true,
        Some(n) => is_space(n) || n == '\n' || matches!(n, '!' | '?' | '»' | ')' | '"'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fr(s: &str) -> String {
        typeset(s, Locale::Fr)
    }

    #[test]
    fn replaces_typed_spaces_and_adds_missing_ones() {
        assert_eq!(
            fr("Motif : compte suspendu"),
            "Motif\u{202F}: compte suspendu"
        );
        assert_eq!(fr("Pourquoi?"), "Pourquoi\u{202F}?");
        assert_eq!(fr("Non !"), "Non\u{202F}!");
        assert_eq!(fr("a ; b"), "a\u{202F}; b");
        assert_eq!(fr("«Bonjour»"), "«\u{202F}Bonjour\u{202F}»");
        assert_eq!(fr("« Bonjour »"), "«\u{202F}Bonjour\u{202F}»");
        assert_eq!(fr("Vraiment ?!"), "Vraiment\u{202F}?!");
    }

    #[test]
    fn a_number_keeps_its_thousands_and_its_unit() {
        assert_eq!(fr("18 450 € retenus"), "18\u{202F}450\u{202F}€ retenus");
        assert_eq!(fr("35 % du chiffre"), "35\u{202F}% du chiffre");
        assert_eq!(fr("1 234 567,89 €"), "1\u{202F}234\u{202F}567,89\u{202F}€");
        // Not a group of three: left as typed.
        assert_eq!(fr("page 12 de 40"), "page 12 de 40");
        assert_eq!(fr("le 2 mars 2026"), "le 2 mars 2026");
        assert_eq!(fr("réf. 12 3456"), "réf. 12 3456");
    }

    #[test]
    fn leaves_urls_times_and_queries_alone() {
        for s in [
            "https://www.example.fr/a?b=c",
            "à 14:30 précises",
            "ASIN:B00X",
            "x?id=3",
        ] {
            assert_eq!(fr(s), s);
        }
    }

    #[test]
    fn english_is_untouched() {
        assert_eq!(
            typeset("Why? Because: reasons!", Locale::En),
            "Why? Because: reasons!"
        );
    }

    proptest! {
        #[test]
        fn idempotent(s in "[a-zé«» :;!?/0-9\u{a0}\u{202f}]{0,40}") {
            let once = fr(&s);
            prop_assert_eq!(fr(&once), once.clone());
        }

        #[test]
        fn only_spaces_change(s in "\\PC{0,60}") {
            let strip = |t: &str| t.chars().filter(|c| !is_space(*c)).collect::<String>();
            prop_assert_eq!(strip(&fr(&s)), strip(&s));
        }

        #[test]
        fn no_ordinary_space_before_a_high_mark(s in "[a-z «»:;!?]{0,40}") {
            let out = fr(&s);
            for mark in [" ;", " :", " !", " ?", " »", "« "] {
                prop_assert!(!out.contains(mark), "{:?} -> {:?}", s, out);
            }
        }
    }
}

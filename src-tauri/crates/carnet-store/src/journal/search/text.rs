//! Text as the search sees it: words folded the way the `search` table's tokenizer folds
//! them (FTS5 `unicode61 remove_diacritics 2`: runs of letters and digits, case and accents
//! aside), the passage shown for a match with the places of the matched words.

use carnet_core::journal::search::Mark;

use crate::fold::fold_char;

/// The words a passage holds, at most.
const PASSAGE_WORDS: usize = 16;
/// The words shown before the first match, when the passage does not start the text.
const LEAD_WORDS: usize = 4;

/// A word of a text: where it is (bytes) and its folded form.
struct Word {
    start: usize,
    end: usize,
    folded: String,
}

/// The words of `s`, as FTS5's `unicode61` tokenizer cuts them (letters and digits; the
/// combining accents that follow a letter belong to it and are dropped).
fn words(s: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current: Option<Word> = None;
    for (i, c) in s.char_indices() {
        let combining = ('\u{300}'..='\u{36F}').contains(&c);
        if c.is_alphanumeric() || (combining && current.is_some()) {
            let w = current.get_or_insert_with(|| Word {
                start: i,
                end: i,
                folded: String::new(),
            });
            w.end = i + c.len_utf8();
            if !combining {
                let (a, b) = fold_char(c);
                w.folded.push(a);
                w.folded.extend(b);
            }
        } else if let Some(w) = current.take() {
            out.push(w);
        }
    }
    out.extend(current);
    out
}

/// What one word typed in the search box matches: its folded words, one after the other
/// (`l'été` is `l` then `ete`); the last word typed also matches as a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub words: Vec<String>,
    pub prefix: bool,
}

/// The terms of a search text: one per word typed that holds a letter or a digit.
pub fn terms(text: &str) -> Vec<Term> {
    let mut out: Vec<Term> = text
        .split_whitespace()
        .map(|w| Term {
            words: words(w).into_iter().map(|w| w.folded).collect(),
            prefix: false,
        })
        .filter(|t| !t.words.is_empty())
        .collect();
    if let Some(last) = out.last_mut() {
        last.prefix = true;
    }
    out
}

/// The passage of `body` to show for `terms`: a few words around the first match, line
/// breaks made spaces, `…` where the text was cut, and the matched words' places in UTF-16
/// code units. Without a match (the tokenizer read the text differently), its beginning.
pub fn passage(body: &str, terms: &[Term]) -> (String, Vec<Mark>) {
    let words = words(body);
    let mut matched: Vec<(usize, usize)> = Vec::new(); // word ranges, end excluded
    for t in terms {
        let n = t.words.len();
        for i in 0..words.len().saturating_sub(n - 1) {
            let hit = t.words.iter().enumerate().all(|(k, w)| {
                let have = &words[i + k].folded;
                if t.prefix && k == n - 1 {
                    have.starts_with(w.as_str())
                } else {
                    have == w
                }
            });
            if hit {
                matched.push((i, i + n));
            }
        }
    }
    matched.sort_unstable();
    let first = matched.first().map_or(0, |m| m.0);
    let from = first.saturating_sub(LEAD_WORDS);
    let to = (from + PASSAGE_WORDS).min(words.len());
    if words.is_empty() {
        return (String::new(), Vec::new());
    }
    let cut_before = from > 0;
    let cut_after = to < words.len();
    let start = if cut_before { words[from].start } else { 0 };
    let end = if cut_after {
        words[to - 1].end
    } else {
        body.len()
    };

    let mut text = String::new();
    if cut_before {
        push(&mut text, "…");
    }
    let mut marks = Vec::new();
    let mut cursor = start;
    let mut last_end = 0usize;
    for &(a, b) in matched.iter().filter(|m| m.0 >= from && m.1 <= to) {
        let (s, e) = (words[a].start, words[b - 1].end);
        if s < last_end {
            continue; // overlapping matches: the first one is kept
        }
        push(&mut text, &body[cursor..s]);
        let mark_start = at_now(&text);
        push(&mut text, &body[s..e]);
        marks.push(Mark {
            start: mark_start,
            end: at_now(&text),
        });
        cursor = e;
        last_end = e;
    }
    push(&mut text, &body[cursor..end]);
    if cut_after {
        push(&mut text, "…");
    }
    (text, marks)
}

/// Appends `s`, control characters (line breaks, tabs) made spaces.
fn push(text: &mut String, s: &str) {
    text.extend(s.chars().map(|c| if c.is_control() { ' ' } else { c }));
}

/// The length of `text` in UTF-16 code units, as JavaScript counts.
fn at_now(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, marks: &[Mark]) -> Vec<String> {
        let utf16: Vec<u16> = text.encode_utf16().collect();
        marks
            .iter()
            .map(|m| String::from_utf16(&utf16[m.start as usize..m.end as usize]).unwrap())
            .collect()
    }

    #[test]
    fn terms_are_folded_words_the_last_a_prefix() {
        let t = terms("  Réclamation l’ÉTÉ 402-1234567 * : rembours");
        let words: Vec<Vec<&str>> = t
            .iter()
            .map(|t| t.words.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            words,
            [
                vec!["reclamation"],
                vec!["l", "ete"],
                vec!["402", "1234567"],
                vec!["rembours"]
            ]
        );
        assert_eq!(
            t.iter().map(|t| t.prefix).collect::<Vec<_>>(),
            [false, false, false, true]
        );
        assert!(terms("- * ^").is_empty());
        // A decomposed accent belongs to its letter.
        assert_eq!(terms("re\u{301}clame")[0].words, ["reclame"]);
    }

    #[test]
    fn passages_mark_the_words_found() {
        let body = "Bonjour,\nNous demandons le remboursement de la commande 402-1234567 \
                    passée l’été dernier, sans réponse à ce jour malgré nos relances.";
        let (text, marks) = passage(body, &terms("commande 402-1234567 rembours"));
        assert!(
            text.starts_with("…Nous demandons") || text.starts_with("Bonjour"),
            "{text}"
        );
        assert!(!text.contains('\n'));
        assert_eq!(
            marked(&text, &marks),
            ["remboursement", "commande", "402-1234567"]
        );
        // The passage follows the first match in a long text.
        let long = format!("{} Réclamation déposée ce jour.", "mot ".repeat(200));
        let (text, marks) = passage(&long, &terms("reclamation"));
        assert!(
            text.starts_with('…') && text.contains("Réclamation"),
            "{text}"
        );
        assert_eq!(marked(&text, &marks), ["Réclamation"]);
        // Astral characters count two UTF-16 units.
        let (text, marks) = passage("😀 été 😀 Été", &terms("ete"));
        assert_eq!(marked(&text, &marks), ["été", "Été"]);
        // No match found here: the beginning, without marks.
        let (text, marks) = passage("Rien à voir", &terms("absent"));
        assert_eq!((text.as_str(), marks.len()), ("Rien à voir", 0));
        assert_eq!(passage("", &terms("x")), (String::new(), Vec::new()));
    }
}

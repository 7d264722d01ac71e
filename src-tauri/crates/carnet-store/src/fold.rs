//! Letters as a reader compares them: accents and case aside (`É` as `e`, `Œ` as `oe`). The
//! search folds typed words with it, and the database sorts titles with it (the
//! [`crate::db::FOLD_COLLATION`] registered on every connection).

use std::cmp::Ordering;

/// Compares two texts as a reader sorts them: letters without their accents (`é` as `e`,
/// `œ` as `oe`), case aside; the raw texts decide between equal ones, so the order is total.
pub fn fold_cmp(a: &str, b: &str) -> Ordering {
    fold(a).cmp(fold(b)).then_with(|| a.cmp(b))
}

fn fold(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(|c| {
        let (first, second) = fold_char(c);
        std::iter::once(first).chain(second)
    })
}

/// Latin-1 Supplement and Latin Extended-A (U+00C0 to U+017F), each letter as its base
/// lower-case letter; 0 for the ones that need two letters or have none.
const LATIN: &[u8; 192] =
    b"aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0\0aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii\0\0jjkk\0lllllll\
lllnnnnnn\0\0\0oooooo\0\0rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// A character without its accent, in lower case (`É` → `e`, `Œ` → `oe`).
pub fn fold_char(c: char) -> (char, Option<char>) {
    if c.is_ascii() {
        return (c.to_ascii_lowercase(), None);
    }
    let cp = c as u32;
    if (0xC0..0x180).contains(&cp) {
        let b = LATIN[(cp - 0xC0) as usize];
        if b != 0 {
            return (char::from(b), None);
        }
        return match c {
            'Æ' | 'æ' => ('a', Some('e')),
            'Œ' | 'œ' => ('o', Some('e')),
            'ß' => ('s', Some('s')),
            'Ĳ' | 'ĳ' => ('i', Some('j')),
            _ => (c, None),
        };
    }
    (c.to_lowercase().next().unwrap_or(c), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_sort_as_people_read_them() {
        let mut titles = vec![
            "zèbre",
            "Écran noir",
            "avis",
            "Œuvre",
            "ecran",
            "Ärger",
            "oeuf",
        ];
        titles.sort_by(|a, b| fold_cmp(a, b));
        assert_eq!(
            titles,
            [
                "Ärger",
                "avis",
                "ecran",
                "Écran noir",
                "oeuf",
                "Œuvre",
                "zèbre"
            ]
        );
        assert_eq!(fold_cmp("same", "same"), Ordering::Equal);
        assert_ne!(fold_cmp("É", "e"), Ordering::Equal);
    }
}

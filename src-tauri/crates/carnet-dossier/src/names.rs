//! The pieces' file names in the evidence bundle: `P03-Releve-de-paiement-de-septembre-2026.pdf`.
//!
//! A piece's title and original name come from the owner, from an e-mail's subject or from a
//! file someone sent: anything. The name made from them is safe on Linux, macOS and Windows
//! and in any ZIP tool: no path separator or `..` (so no `../` and no absolute path), no
//! control, bidirectional-override or invisible character, none of Windows' forbidden
//! characters `<>:"/\|?*`, no Windows reserved name (`CON`, `NUL`, `COM1`…), no trailing dot
//! or space; punctuation and spaces become single hyphens; ligatures, full-width forms,
//! superscript digits and combining accents are folded to ASCII, while precomposed accented
//! letters stay (`Relevé`); the title is cut at [`TITLE_MAX_CHARS`] characters. The
//! extension comes from the media type when the original one is missing or does not match
//! it. The number in front makes every name unique within a dossier.

use carnet_core::report::ReportPiece;

/// The most characters of the title kept in a file name.
pub const TITLE_MAX_CHARS: usize = 60;

/// Windows' reserved device names (with any extension, in any case).
const RESERVED: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];

/// Extensions by media type, the usual one first.
const EXTENSIONS: &[(&str, &[&str])] = &[
    ("image/jpeg", &["jpg", "jpeg", "jpe"]),
    ("image/png", &["png"]),
    ("image/gif", &["gif"]),
    ("image/webp", &["webp"]),
    ("image/heic", &["heic"]),
    ("image/heif", &["heif"]),
    ("image/tiff", &["tif", "tiff"]),
    ("image/bmp", &["bmp"]),
    ("image/svg+xml", &["svg"]),
    ("application/pdf", &["pdf"]),
    ("text/plain", &["txt", "text", "log"]),
    ("text/csv", &["csv"]),
    ("text/html", &["html", "htm"]),
    ("text/markdown", &["md"]),
    ("message/rfc822", &["eml"]),
    ("application/vnd.ms-outlook", &["msg"]),
    ("application/zip", &["zip"]),
    ("application/json", &["json"]),
    ("application/xml", &["xml"]),
    ("text/xml", &["xml"]),
    ("application/rtf", &["rtf"]),
    ("application/msword", &["doc"]),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &["docx"],
    ),
    ("application/vnd.ms-excel", &["xls"]),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &["xlsx"],
    ),
    ("application/vnd.ms-powerpoint", &["ppt"]),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        &["pptx"],
    ),
    ("application/vnd.oasis.opendocument.text", &["odt"]),
    ("application/vnd.oasis.opendocument.spreadsheet", &["ods"]),
    ("application/vnd.oasis.opendocument.presentation", &["odp"]),
    ("video/mp4", &["mp4"]),
    ("video/quicktime", &["mov"]),
    ("audio/mpeg", &["mp3"]),
    ("audio/mp4", &["m4a"]),
];

/// The media type without its parameters, lower case.
pub fn base_media_type(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The extensions a media type is known by, the usual one first; empty when unknown.
pub fn extensions_of(media_type: &str) -> &'static [&'static str] {
    let base = base_media_type(media_type);
    EXTENSIONS
        .iter()
        .find(|(m, _)| *m == base)
        .map(|(_, e)| *e)
        .unwrap_or(&[])
}

/// Whether the bytes are already compressed (images, archives, office files, media): they
/// are stored in a ZIP as they are, the rest is deflated.
pub fn already_compressed(media_type: &str) -> bool {
    let base = base_media_type(media_type);
    base.starts_with("video/")
        || base.starts_with("audio/")
        || matches!(
            base.as_str(),
            "image/jpeg"
                | "image/png"
                | "image/gif"
                | "image/webp"
                | "image/heic"
                | "image/heif"
                | "application/zip"
                | "application/gzip"
                | "application/x-7z-compressed"
                | "application/vnd.rar"
        )
        || base.starts_with("application/vnd.openxmlformats-officedocument.")
        || base.starts_with("application/vnd.oasis.opendocument.")
}

/// The original name's extension, lower case, when it looks like one (1 to 8 ASCII letters
/// or digits after a dot that does not start the name).
fn original_extension(original_name: &str) -> Option<String> {
    let last = original_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(original_name)
        .trim_end_matches([' ', '.']);
    let (stem, ext) = last.rsplit_once('.')?;
    if stem.trim().is_empty()
        || ext.is_empty()
        || ext.len() > 8
        || !ext.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        return None;
    }
    Some(ext.to_ascii_lowercase())
}

/// The extension a piece is saved with: the original one when it matches the media type
/// (`jpeg` stays `jpeg`), the media type's usual one when it does not or is missing, the
/// original one for a media type not known here, `bin` with neither.
pub fn extension(original_name: &str, media_type: &str) -> String {
    let known = extensions_of(media_type);
    let original = original_extension(original_name);
    match (known.first(), original) {
        (Some(_), Some(o)) if known.contains(&o.as_str()) => o,
        (Some(usual), _) => (*usual).to_owned(),
        (None, Some(o)) => o,
        (None, None) => "bin".to_owned(),
    }
}

enum Fold {
    Keep(char),
    Text(&'static str),
    Separator,
    Drop,
}

/// Characters that take no room or reorder text: controls, bidirectional marks, embeddings,
/// overrides and isolates, zero-width characters, soft hyphen, variation selectors, tags.
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFF}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}')
}

fn combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

fn fold(c: char) -> Fold {
    if invisible(c) || combining(c) {
        return Fold::Drop;
    }
    if c.is_ascii_alphanumeric() || c == '_' {
        return Fold::Keep(c);
    }
    if c.is_ascii() {
        // Spaces, punctuation and Windows' forbidden characters alike.
        return Fold::Separator;
    }
    // Full-width ASCII (Ａ, ／, ：…) as ASCII, then folded again.
    if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or('-');
        return fold(ascii);
    }
    match c {
        'œ' => Fold::Text("oe"),
        'Œ' => Fold::Text("OE"),
        'æ' => Fold::Text("ae"),
        'Æ' => Fold::Text("AE"),
        'ß' => Fold::Text("ss"),
        'ĳ' => Fold::Text("ij"),
        'Ĳ' => Fold::Text("IJ"),
        'ﬀ' => Fold::Text("ff"),
        'ﬁ' => Fold::Text("fi"),
        'ﬂ' => Fold::Text("fl"),
        'ﬃ' => Fold::Text("ffi"),
        'ﬄ' => Fold::Text("ffl"),
        'ﬅ' | 'ﬆ' => Fold::Text("st"),
        '⁰' => Fold::Keep('0'),
        '¹' => Fold::Keep('1'),
        '²' => Fold::Keep('2'),
        '³' => Fold::Keep('3'),
        '⁴'..='⁹' => {
            char::from_u32(c as u32 - 0x2074 + '4' as u32).map_or(Fold::Drop, Fold::Keep)
        }
        '₀'..='₉' => {
            char::from_u32(c as u32 - 0x2080 + '0' as u32).map_or(Fold::Drop, Fold::Keep)
        }
        // Letters and digits of any script, accented ones included.
        c if c.is_alphanumeric() => Fold::Keep(c),
        // Typographic quotes, dashes, spaces, symbols, emoji.
        _ => Fold::Separator,
    }
}

/// A title as the part of a file name after the number: words joined by single hyphens,
/// at most [`TITLE_MAX_CHARS`] characters, no hyphen, dot or space at either end. May be
/// empty.
pub fn short_title(title: &str) -> String {
    let mut out = String::new();
    let mut count = 0usize;
    let mut pending_separator = false;
    let mut push = |s: &str, out: &mut String, pending: &mut bool| -> bool {
        let extra = usize::from(*pending && !out.is_empty()) + s.chars().count();
        if count + extra > TITLE_MAX_CHARS {
            return false;
        }
        if *pending && !out.is_empty() {
            out.push('-');
        }
        *pending = false;
        out.push_str(s);
        count += extra;
        true
    };
    for c in title.chars() {
        let ok = match fold(c) {
            Fold::Keep(k) => push(k.encode_utf8(&mut [0; 4]), &mut out, &mut pending_separator),
            Fold::Text(t) => push(t, &mut out, &mut pending_separator),
            Fold::Separator => {
                pending_separator = true;
                true
            }
            Fold::Drop => true,
        };
        if !ok {
            break;
        }
    }
    out.trim_matches(['-', '.', ' ', '_']).to_owned()
}

/// A whole file name (`stem.ext`) checked once more: no reserved Windows name, no trailing
/// dot or space. Names made by [`piece_file_name`] already pass; this is the last guard.
pub fn safe(name: &str) -> String {
    let mut name = name.trim_end_matches(['.', ' ']).to_owned();
    let stem = name.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = RESERVED.contains(&stem.as_str())
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem[3..].chars().all(|c| c.is_ascii_digit()));
    if reserved || name.is_empty() {
        name.insert(0, '_');
    }
    name
}

/// `P03-Releve-de-paiement.pdf` (`P03.pdf` for a title with nothing left to keep).
pub fn piece_file_name(piece: &ReportPiece) -> String {
    let mut name = piece.label();
    let title = short_title(&piece.title);
    if !title.is_empty() {
        name.push('-');
        name.push_str(&title);
    }
    name.push('.');
    name.push_str(&extension(&piece.original_name, &piece.media_type));
    safe(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_short_hyphenated_names_with_accents_kept() {
        assert_eq!(
            short_title("Relevé de paiement de septembre 2026"),
            "Relevé-de-paiement-de-septembre-2026"
        );
        assert_eq!(
            short_title("Courriel « Votre compte vendeur a été désactivé »"),
            "Courriel-Votre-compte-vendeur-a-été-désactivé"
        );
        assert_eq!(short_title("Cœur / Œuvre : l'ﬁn"), "Coeur-OEuvre-l-fin");
        assert_eq!(short_title("e\u{301}te\u{301}"), "ete");
        assert_eq!(short_title("../../etc/passwd"), "etc-passwd");
        assert_eq!(short_title("C:\\Windows\\system32"), "C-Windows-system32");
        assert_eq!(short_title("abc\u{202E}gpj.exe"), "abcgpj-exe");
        assert_eq!(short_title("ＣＯＮ：１"), "CON-1");
        assert_eq!(short_title("...   "), "");
        assert_eq!(
            short_title(&"a".repeat(1000)).chars().count(),
            TITLE_MAX_CHARS
        );
        let long = "mot ".repeat(100);
        let s = short_title(&long);
        assert!(
            s.chars().count() <= TITLE_MAX_CHARS && !s.ends_with('-'),
            "{s}"
        );
    }

    #[test]
    fn the_extension_follows_the_media_type() {
        assert_eq!(extension("photo.JPEG", "image/jpeg"), "jpeg");
        assert_eq!(extension("photo.png", "image/jpeg"), "jpg");
        assert_eq!(extension("photo", "image/png"), "png");
        assert_eq!(extension(".bashrc", "text/plain; charset=utf-8"), "txt");
        assert_eq!(extension("plan.numbers", "application/x-iwork"), "numbers");
        assert_eq!(extension("trace", "application/octet-stream"), "bin");
        assert_eq!(extension("a.exe ..", "application/octet-stream"), "exe");
        assert_eq!(extension("a.tar.gz", "application/gzip"), "gz");
        assert_eq!(extension("x.<>", "application/octet-stream"), "bin");
    }

    #[test]
    fn reserved_windows_names_are_escaped() {
        assert_eq!(safe("CON.txt"), "_CON.txt");
        assert_eq!(safe("com1"), "_com1");
        assert_eq!(safe("LPT9.pdf"), "_LPT9.pdf");
        assert_eq!(safe("CONSOLE.txt"), "CONSOLE.txt");
        assert_eq!(safe("P01.txt. . "), "P01.txt");
    }
}

//! Pieces of evidence: files attached to an incident, numbered per incident (P1, P2…), each
//! with a title, a date, a note, and what was recorded when it was added — the original file
//! name, the media type decided here, the size and the SHA-256. The type is decided from the
//! first bytes (PNG, JPEG, GIF, WebP, PDF, ZIP, e-mail, text), then from the extension, then
//! from what the sender declared; only the types in [`PreviewKind`] are ever shown inside the
//! app, and never as live HTML or SVG.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Field};
use crate::journal::incident::rules;

/// The longest title, in characters.
pub const TITLE_MAX: usize = 200;
/// The longest note, in characters.
pub const NOTE_MAX: usize = 5_000;
/// The longest file name, in characters.
pub const NAME_MAX: usize = 255;
/// How many first bytes [`media_type`] looks at.
pub const SNIFF_LEN: usize = 8192;
/// The media type of a file nothing identifies.
pub const OCTET_STREAM: &str = "application/octet-stream";

/// How the app shows a piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PreviewKind {
    /// PNG, JPEG, GIF, WebP: an image from its bytes.
    Image,
    /// Any `text/*`, shown as text (never rendered as markup).
    Text,
    /// An e-mail: its headers and body as text, its attachments listed.
    Email,
    /// Listed with its type, size and SHA-256; opened in another program on request.
    None,
}

impl PreviewKind {
    /// How the app shows a piece of this media type.
    pub fn of(media_type: &str) -> PreviewKind {
        match media_type {
            "image/png" | "image/jpeg" | "image/gif" | "image/webp" => PreviewKind::Image,
            "message/rfc822" => PreviewKind::Email,
            t if t.starts_with("text/") => PreviewKind::Text,
            _ => PreviewKind::None,
        }
    }
}

const BY_EXTENSION: &[(&str, &str)] = &[
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
    ("heic", "image/heic"),
    ("svg", "image/svg+xml"),
    ("pdf", "application/pdf"),
    ("zip", "application/zip"),
    ("eml", "message/rfc822"),
    ("msg", "application/vnd.ms-outlook"),
    ("txt", "text/plain"),
    ("log", "text/plain"),
    ("md", "text/markdown"),
    ("csv", "text/csv"),
    ("html", "text/html"),
    ("htm", "text/html"),
    ("json", "application/json"),
    ("xml", "application/xml"),
    ("doc", "application/msword"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("xls", "application/vnd.ms-excel"),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("odt", "application/vnd.oasis.opendocument.text"),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ("mp4", "video/mp4"),
    ("mov", "video/quicktime"),
    ("mp3", "audio/mpeg"),
];

/// Headers an e-mail starts with; two of them in the first lines make an e-mail.
const EMAIL_HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "received",
    "return-path",
    "message-id",
    "mime-version",
    "delivered-to",
    "reply-to",
    "content-type",
    "dkim-signature",
    "authentication-results",
    "x-mailer",
];

fn by_extension(name: &str) -> Option<&'static str> {
    let (_, ext) = name.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    BY_EXTENSION
        .iter()
        .find(|(e, _)| *e == ext)
        .map(|(_, t)| *t)
}

fn looks_like_email(head: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(&head[..head.len().min(4096)])
        .or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]))
    else {
        return false;
    };
    let mut known = 0;
    for (i, line) in text.lines().take(40).enumerate() {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        let valid = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !valid {
            return false;
        }
        let lower = name.to_ascii_lowercase();
        if EMAIL_HEADERS.contains(&lower.as_str())
            || lower.starts_with("x-")
            || lower.starts_with("arc-")
        {
            known += 1;
        } else if i == 0 {
            return false;
        }
    }
    known >= 2
}

fn looks_like_text(head: &[u8]) -> bool {
    if head.is_empty() || head.contains(&0) {
        return false;
    }
    match std::str::from_utf8(head) {
        Ok(s) => !s
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c')),
        // A character cut by the end of the sample is still text.
        Err(e) => e.error_len().is_none() && looks_like_text(&head[..e.valid_up_to()]),
    }
}

/// Decides a piece's media type from its first bytes (up to [`SNIFF_LEN`]), its file name
/// and the type its sender declared (already checked with [`declared_type`]).
pub fn media_type(head: &[u8], name: &str, declared: Option<&str>) -> String {
    let head = &head[..head.len().min(SNIFF_LEN)];
    let ext = by_extension(name);
    let sniffed = if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if head.starts_with(b"\xFF\xD8\xFF") {
        Some("image/jpeg")
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Some("image/webp")
    } else if head.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        // Office and OpenDocument files are ZIP archives: their extension says which.
        Some(match ext {
            Some(t) if t.contains("openxmlformats") || t.contains("opendocument") => t,
            _ => "application/zip",
        })
    } else if looks_like_email(head) {
        Some("message/rfc822")
    } else if looks_like_text(head) {
        // The extension may say which text (CSV, HTML, JSON…); HTML stays text for the app.
        Some(match ext {
            Some(t)
                if t.starts_with("text/")
                    || t.ends_with("/json")
                    || t.ends_with("/xml")
                    || t == "message/rfc822" =>
            {
                t
            }
            _ => "text/plain",
        })
    } else {
        None
    };
    let known = |t: &str| BY_EXTENSION.iter().any(|(_, k)| *k == t);
    // An image is shown from its bytes: only its magic bytes make a piece an image.
    let unproven_image = |t: &&str| PreviewKind::of(t) == PreviewKind::Image;
    sniffed
        .or(ext.filter(|t| !unproven_image(t)))
        .or(declared.filter(|t| known(t) && !unproven_image(t)))
        .map(str::to_owned)
        .unwrap_or_else(|| OCTET_STREAM.to_owned())
}

/// A media type sent by the UI (a dropped file's, a pasted image's): blank for none,
/// otherwise `type/subtype` in lower case, parameters (`; charset=…`) dropped.
pub fn declared_type(input: Option<&str>) -> Result<Option<String>, CoreError> {
    let s = input.unwrap_or("").trim();
    if s.is_empty() {
        return Ok(None);
    }
    let bare = s
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let token = |t: &str| {
        (1..=64).contains(&t.len())
            && t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&^_.+-".contains(&b))
    };
    match bare.split_once('/') {
        Some((a, b)) if token(a) && token(b) && s.len() <= 200 => Ok(Some(bare)),
        _ => Err(CoreError::Invalid(Field::PieceMediaType)),
    }
}

/// The file name to record: the last component of what was given (a path from a dialog, a
/// name from a drop), without control or bidirectional-override characters, trimmed,
/// 1 to 255 characters.
pub fn file_name(input: &str) -> Result<String, CoreError> {
    let last = input.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !rules::is_bidi_control(*c))
        .collect();
    let name = cleaned.trim();
    if name.is_empty() || name == "." || name == ".." || name.chars().count() > NAME_MAX {
        return Err(CoreError::Invalid(Field::PieceName));
    }
    Ok(name.to_owned())
}

/// The kinds of file Carnet hands to the system's program ("open in another program"): documents,
/// images, text and e-mails, by the name's last extension. A piece is the counterparty's file
/// as often as the owner's: `facture.pdf.exe`, `.hta`, `.js`, `.lnk`, `.desktop` and anything
/// else not listed would be run, not shown, so they are only shown in their folder.
pub const OPENS_IN_ANOTHER_PROGRAM: &[&str] = &[
    "pdf", "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "heic", "heif", "txt", "csv",
    "eml", "odt", "ods", "odp", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "rtf", "mp4", "mov",
    "webm", "mp3", "wav", "ogg", "m4a",
];

/// Whether a file of this name is opened in the system's program ([`OPENS_IN_ANOTHER_PROGRAM`]);
/// the last extension decides, whatever case, whatever comes before it.
pub fn opens_in_another_program(name: &str) -> bool {
    let Some((stem, extension)) = name.trim_end_matches(['.', ' ']).rsplit_once('.') else {
        return false;
    };
    !stem.is_empty()
        && OPENS_IN_ANOTHER_PROGRAM
            .iter()
            .any(|allowed| allowed.eq_ignore_ascii_case(extension))
}

/// A piece's title when the owner gave none: its file name without the extension.
pub fn default_title(name: &str) -> String {
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.trim().is_empty() => stem,
        _ => name,
    };
    let t: String = stem.chars().take(TITLE_MAX).collect();
    let t = t.trim();
    if t.is_empty() {
        "?".to_owned()
    } else {
        t.to_owned()
    }
}

/// The piece form (what the owner may change once it is added).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct PieceInput {
    /// The piece to change.
    #[ts(type = "number")]
    pub id: i64,
    /// One line, 1 to [`TITLE_MAX`] characters.
    pub title: String,
    /// The date of what it shows, `YYYY-MM-DD`; blank when unknown.
    #[ts(optional)]
    pub dated_on: Option<String>,
    /// The owner's note, up to [`NOTE_MAX`] characters.
    #[ts(optional)]
    pub note: Option<String>,
}

/// A validated piece form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PieceEdit {
    /// The piece to change.
    pub id: i64,
    /// Trimmed, 1 to [`TITLE_MAX`] characters.
    pub title: String,
    /// The date of what it shows, if known.
    pub dated_on: Option<NaiveDate>,
    /// The owner's note; may be empty.
    pub note: String,
}

impl PieceInput {
    /// Checks the form; the first input refused names its field.
    pub fn validate(&self, today: NaiveDate) -> Result<PieceEdit, CoreError> {
        Ok(PieceEdit {
            id: self.id,
            title: rules::line(&self.title, 1, TITLE_MAX, Field::PieceTitle)?,
            dated_on: rules::date(self.dated_on.as_deref(), today, Field::PieceDate)?,
            note: rules::text(self.note.as_deref(), NOTE_MAX, Field::PieceNote)?,
        })
    }
}

/// A piece as the UI lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Piece {
    /// The piece's id in the vault.
    #[ts(type = "number")]
    pub id: i64,
    /// The incident it belongs to.
    #[ts(type = "number")]
    pub incident_id: i64,
    /// P1, P2…: its number in the incident.
    #[ts(type = "number")]
    pub number: i64,
    /// Its title, the file name without extension unless the owner gave one.
    pub title: String,
    /// The date of what it shows, if known.
    #[ts(as = "Option<String>")]
    pub dated_on: Option<NaiveDate>,
    /// The owner's note; may be empty.
    pub note: String,
    /// The file's name when it was added.
    pub original_name: String,
    /// Its media type, decided when it was added (see [`media_type`]).
    pub media_type: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// The SHA-256 of its bytes, lower-case hex.
    pub sha256: String,
    /// When it was added (RFC 3339).
    pub created_at: String,
    /// How the app shows it.
    pub preview: PreviewKind,
    /// The events it supports.
    #[ts(type = "Array<number>")]
    pub event_ids: Vec<i64>,
    /// Its timestamp and, for an e-mail, its DKIM check.
    pub proof: crate::journal::proof::PieceProof,
}

impl Piece {
    /// `P3`.
    pub fn label(&self) -> String {
        format!("P{}", self.number)
    }

    /// The text the full-text search indexes for the piece.
    pub fn search_text(title: &str, original_name: &str, note: &str) -> String {
        [title, original_name, note]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The most characters of text a preview shows (the rest is in the file).
pub const PREVIEW_TEXT_MAX: usize = 200_000;

/// What the app shows of a piece. Images come as bytes through their own command; text is
/// text, whatever markup it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum Preview {
    /// An image: its bytes come through their own command.
    Image {
        /// Its media type (`image/png`).
        media_type: String,
    },
    /// Text, shown as text.
    Text {
        /// The text, cut at [`PREVIEW_TEXT_MAX`] characters.
        text: String,
        /// Whether it was cut.
        truncated: bool,
    },
    /// An e-mail: its main headers and its body as text.
    Email {
        /// The `From:` header.
        from: String,
        /// The `To:` header.
        to: String,
        /// The `Date:` header, as written.
        date: String,
        /// The `Subject:` header.
        subject: String,
        /// The body as text, cut at [`PREVIEW_TEXT_MAX`] characters.
        body: String,
        /// The attachments' names (each is also a piece of the incident when imported).
        attachments: Vec<String>,
        /// Whether the body was cut.
        truncated: bool,
    },
    /// Not shown inside the app: listed with its type, size and SHA-256.
    None,
}

/// The text of a preview: UTF-8 (invalid bytes replaced), control characters dropped but
/// line breaks and tabs, cut at [`PREVIEW_TEXT_MAX`] characters.
fn preview_text(bytes: &[u8]) -> (String, bool) {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    let mut truncated = false;
    for (n, c) in text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .enumerate()
    {
        if n >= PREVIEW_TEXT_MAX {
            truncated = true;
            break;
        }
        out.push(c);
    }
    (out, truncated)
}

/// The preview of a piece of this media type made of these bytes.
pub fn preview(media_type: &str, bytes: &[u8]) -> Preview {
    match PreviewKind::of(media_type) {
        PreviewKind::Image => Preview::Image {
            media_type: media_type.to_owned(),
        },
        PreviewKind::Text => {
            let (text, truncated) = preview_text(bytes);
            Preview::Text { text, truncated }
        }
        PreviewKind::Email => match crate::journal::event::email::parse(bytes) {
            Some(e) => {
                let (body, truncated) = preview_text(e.body.as_bytes());
                Preview::Email {
                    from: e.from,
                    to: e.to,
                    date: e.date_header,
                    subject: e.subject,
                    body,
                    attachments: e.attachments.into_iter().map(|a| a.name).collect(),
                    truncated,
                }
            }
            None => {
                let (text, truncated) = preview_text(bytes);
                Preview::Text { text, truncated }
            }
        },
        PreviewKind::None => Preview::None,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn only_documents_images_text_and_emails_open_in_another_program() {
        for name in [
            "facture.pdf",
            "Relevé MARS.PDF",
            "capture.png",
            "mail.eml",
            "a.b.docx",
            "x.pdf. ",
        ] {
            assert!(opens_in_another_program(name), "{name}");
        }
        for name in [
            "facture.pdf.exe",
            "aide.hta",
            "script.js",
            "raccourci.lnk",
            "lanceur.desktop",
            "page.html",
            "image.svg",
            "macro.docm",
            "x.exe.",
            "noextension",
            ".pdf",
            "a.sh",
            "setup.msi",
            "f.bat",
            "f.cmd",
            "f.ps1",
            "f.vbs",
            "f.jar",
            "f.scr",
            "f.com",
        ] {
            assert!(!opens_in_another_program(name), "{name}");
        }
    }

    proptest::proptest! {
        /// Whatever comes before it, a last extension off the list is never opened.
        #[test]
        fn a_name_ending_off_the_list_never_opens(stem in "[^/]{0,40}", ext in "[a-zA-Z0-9]{1,6}") {
            let listed = OPENS_IN_ANOTHER_PROGRAM.iter().any(|a| a.eq_ignore_ascii_case(&ext));
            let name = format!("{stem}.{ext}");
            if !listed {
                proptest::prop_assert!(!opens_in_another_program(&name));
            }
        }
    }
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn magic_bytes_win_over_the_extension() {
        let cases: [(&[u8], &str, &str); 12] = [
            (b"\x89PNG\r\n\x1a\n....", "photo.jpg", "image/png"),
            (b"\xFF\xD8\xFF\xE0..", "x", "image/jpeg"),
            (b"GIF89a...", "x.png", "image/gif"),
            (b"RIFF\0\0\0\0WEBPVP8 ", "x", "image/webp"),
            (b"%PDF-1.7\n", "facture", "application/pdf"),
            (b"PK\x03\x04....", "a.zip", "application/zip"),
            (
                b"PK\x03\x04....",
                "lettre.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
            (
                b"Received: from x\r\nFrom: a@b\r\nSubject: s\r\n\r\nbody",
                "mail",
                "message/rfc822",
            ),
            (b"Bonjour, voici le relev\xc3\xa9.\n", "notes", "text/plain"),
            (b"a;b;c\n1;2;3\n", "export.csv", "text/csv"),
            (b"<html><script>x</script></html>", "page.html", "text/html"),
            (b"\0\x01\x02\x03binary", "data.bin", OCTET_STREAM),
        ];
        for (head, name, want) in cases {
            assert_eq!(media_type(head, name, None), want, "{name}");
        }
    }

    #[test]
    fn the_extension_and_the_declared_type_are_fallbacks() {
        let binary = b"\0\x01\x02binary";
        assert_eq!(
            media_type(binary, "a.xlsx", None),
            by_extension("a.xlsx").unwrap()
        );
        assert_eq!(
            media_type(b"From mbox line", "a.eml", None),
            "message/rfc822"
        );
        assert_eq!(
            media_type(binary, "a.mp4", Some("video/quicktime")),
            "video/mp4"
        );
        assert_eq!(media_type(binary, "blob", Some("video/mp4")), "video/mp4");
        // A declared or named image whose bytes are not one is not shown as an image.
        assert_eq!(media_type(binary, "x.png", Some("image/png")), OCTET_STREAM);
        assert_eq!(media_type(binary, "blob", Some("text/html")), "text/html");
        assert_eq!(
            media_type(binary, "blob", Some("application/x-unknown")),
            OCTET_STREAM
        );
        assert_eq!(PreviewKind::of("image/svg+xml"), PreviewKind::None);
        assert_eq!(PreviewKind::of("text/html"), PreviewKind::Text);
    }

    #[test]
    fn declared_types_are_checked() {
        assert_eq!(
            declared_type(Some("Image/PNG; x=y")),
            Ok(Some("image/png".into()))
        );
        assert_eq!(declared_type(Some(" ")), Ok(None));
        for bad in [
            "png",
            "image/",
            "/png",
            "a/b/c",
            "text/html\0",
            "<script>/x",
        ] {
            assert!(declared_type(Some(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn file_names_keep_their_last_component_cleanly() {
        assert_eq!(
            file_name("/home/me/Relevé mars.pdf"),
            Ok("Relevé mars.pdf".into())
        );
        assert_eq!(file_name("C:\\x\\y.png"), Ok("y.png".into()));
        assert_eq!(file_name("../../etc/passwd"), Ok("passwd".into()));
        assert_eq!(file_name("\u{202E}gnp.exe"), Ok("gnp.exe".into()));
        for bad in ["", " ", "/", "..", "a/..", "\0"] {
            assert!(file_name(bad).is_err(), "{bad:?}");
        }
        assert!(file_name(&"x".repeat(256)).is_err());
        assert_eq!(default_title("Relevé mars.pdf"), "Relevé mars");
        assert_eq!(default_title(".bashrc"), ".bashrc");
    }

    #[test]
    fn previews_show_text_as_text_and_images_by_type() {
        assert_eq!(
            preview("text/html", b"<script>x</script>\x07ok"),
            Preview::Text {
                text: "<script>x</script>ok".into(),
                truncated: false
            }
        );
        assert_eq!(
            preview("image/png", b"\x89PNG"),
            Preview::Image {
                media_type: "image/png".into()
            }
        );
        assert_eq!(preview("application/pdf", b"%PDF"), Preview::None);
        let mail = b"From: a@b.c\r\nSubject: Objet\r\n\r\nCorps";
        match preview("message/rfc822", mail) {
            Preview::Email { subject, body, .. } => {
                assert_eq!((subject.as_str(), body.as_str()), ("Objet", "Corps"))
            }
            other => panic!("{other:?}"),
        }
        let json = serde_json::to_value(preview("text/plain", b"x")).unwrap();
        assert_eq!(json["kind"], "text");
    }

    proptest! {
        #[test]
        fn sniffing_never_panics(head in proptest::collection::vec(any::<u8>(), 0..300), name in "\\PC{0,20}") {
            let t = media_type(&head, &name, None);
            prop_assert!(t.contains('/'));
        }

        #[test]
        fn file_names_are_clean_or_refused(s in "\\PC{0,300}") {
            if let Ok(n) = file_name(&s) {
                prop_assert!(!n.contains('/') && !n.contains('\\') && !n.chars().any(char::is_control));
                prop_assert!((1..=NAME_MAX).contains(&n.chars().count()));
            }
        }
    }
}

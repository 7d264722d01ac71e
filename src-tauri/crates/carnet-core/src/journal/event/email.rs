//! An e-mail (`.eml`, RFC 5322) read into what the chronology keeps: the sender, the
//! recipients, the date, the subject and the body as plain text — from the text/plain part,
//! or the HTML part converted to text (scripts, styles and tags dropped), never kept as live
//! HTML — and the attachments as files to add as pieces. Pure: the bytes are passed in, and
//! malformed input gives `None` or a partial result, never a panic.

use chrono::NaiveDate;
use mail_parser::decoders::html::html_to_text;
use mail_parser::{Address, MessageParser, MimeHeaders, PartType};

use super::{Actor, Channel, EventData, FULL_TEXT_MAX, SUMMARY_MAX};
use crate::journal::incident::rules;
use crate::journal::text::is_bidi_control;

/// The most attachments taken from one e-mail.
pub const ATTACHMENTS_MAX: usize = 100;

/// An e-mail as the chronology keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// `Name <address>`, or the address alone; empty when missing.
    pub from: String,
    /// The recipients, comma-separated, each like `from`; empty when missing.
    pub to: String,
    /// The subject, on one line; empty when missing.
    pub subject: String,
    /// The date in the sender's time zone, when the header gave one.
    pub sent_on: Option<NaiveDate>,
    /// The `Date` header as written, for the full text.
    pub date_header: String,
    /// Plain text, line breaks `\n`, no control character but tabs.
    pub body: String,
    /// The attachments, at most [`ATTACHMENTS_MAX`].
    pub attachments: Vec<Attachment>,
}

/// A file attached to an e-mail, to be added as a piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The name the sender gave, or `attachment-N` (`message-N.eml` for an attached e-mail).
    pub name: String,
    /// The type the sender declared (`image/png`), lower case, parameters dropped.
    pub declared_type: Option<String>,
    /// Its decoded bytes.
    pub bytes: Vec<u8>,
}

/// The most MIME parts an e-mail may have: a platform's message has a handful; a crafted one
/// with tens of thousands would cost memory and time for nothing.
pub const PARTS_MAX: usize = 500;
/// The most bytes all parts may decode to together (base64 and nested messages decode to more
/// objects than the file has lines; each is bounded by the file, the sum is bounded here).
pub const DECODED_MAX: usize = 256 * 1024 * 1024;

/// The caps a parse applies ([`PARTS_MAX`], [`DECODED_MAX`]; smaller in tests).
#[derive(Debug, Clone, Copy)]
struct Limits {
    parts: usize,
    decoded: usize,
}

/// Reads an e-mail. `None` when the bytes do not look like one (no sender, subject or date),
/// or when it has more than [`PARTS_MAX`] parts or decodes to more than [`DECODED_MAX`] bytes.
pub fn parse(bytes: &[u8]) -> Option<Email> {
    parse_within(
        bytes,
        Limits {
            parts: PARTS_MAX,
            decoded: DECODED_MAX,
        },
    )
}

fn parse_within(bytes: &[u8], limits: Limits) -> Option<Email> {
    let message = MessageParser::default().parse(bytes)?;
    if message.parts.len() > limits.parts {
        return None;
    }
    let decoded: usize = message.parts.iter().map(|p| p.contents().len()).sum();
    if decoded > limits.decoded {
        return None;
    }
    let from = message.from().map(address).unwrap_or_default();
    let to = message.to().map(address).unwrap_or_default();
    let subject = clean_line(message.subject().unwrap_or(""));
    let date = message.date();
    if from.is_empty() && subject.is_empty() && date.is_none() {
        return None;
    }
    let sent_on = date.and_then(|d| {
        NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
    });
    let date_header = clean_line(message.header_raw("Date").unwrap_or(""));
    let body = match message.text_part(0).map(|p| &p.body) {
        Some(PartType::Html(html)) => clean_text(&html_to_text(&without_raw_text(html))),
        _ => message
            .body_text(0)
            .map(|b| clean_text(&b))
            .unwrap_or_default(),
    };
    let mut attachments = Vec::new();
    for (n, part) in message.attachments().enumerate() {
        if attachments.len() >= ATTACHMENTS_MAX {
            break;
        }
        let bytes = part.contents();
        if bytes.is_empty() {
            continue;
        }
        let declared_type = part.content_type().map(|ct| {
            let sub = ct.subtype().unwrap_or("");
            format!("{}/{}", ct.ctype(), sub).to_ascii_lowercase()
        });
        let name = part
            .attachment_name()
            .map(clean_line)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| {
                if part.is_message() {
                    format!("message-{}.eml", n + 1)
                } else {
                    format!("attachment-{}", n + 1)
                }
            });
        attachments.push(Attachment {
            name,
            declared_type,
            bytes: bytes.to_vec(),
        });
    }
    Some(Email {
        from,
        to,
        subject,
        sent_on,
        date_header,
        body,
        attachments,
    })
}

fn address(a: &Address<'_>) -> String {
    let list: Vec<String> = a
        .iter()
        .map(|addr| match (addr.name(), addr.address()) {
            (Some(n), Some(e)) if !n.trim().is_empty() => format!("{} <{}>", n.trim(), e),
            (_, Some(e)) => e.to_owned(),
            (Some(n), None) => n.trim().to_owned(),
            (None, None) => String::new(),
        })
        .filter(|s| !s.is_empty())
        .collect();
    clean_line(&list.join(", "))
}

/// The HTML without what is never text: `<script>`, `<style>`, `<template>`, `<noscript>`
/// elements with their content (which may hold `<` and `>` that would end a tag early for the
/// converter) and comments. An element left open runs to the end.
fn without_raw_text(html: &str) -> String {
    const RAW: [&str; 4] = ["script", "style", "template", "noscript"];
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    while let Some(rel) = lower[at..].find('<') {
        let start = at + rel;
        let rest = &lower[start + 1..];
        let (skip_to, keep) = if let Some(comment) = rest.strip_prefix("!--") {
            let end = comment.find("-->").map(|e| start + 1 + 3 + e + 3);
            (end.unwrap_or(html.len()), false)
        } else if let Some(name) = RAW.iter().find(|n| {
            rest.starts_with(*n)
                && rest[n.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == '>' || c == '/' || c.is_ascii_whitespace())
        }) {
            let close = format!("</{name}");
            let end = lower[start + 1..]
                .find(&close)
                .map(|e| {
                    let after = start + 1 + e + close.len();
                    lower[after..]
                        .find('>')
                        .map_or(html.len(), |g| after + g + 1)
                })
                .unwrap_or(html.len());
            (end, false)
        } else {
            (start + 1, true)
        };
        out.push_str(&html[at..start]);
        if keep {
            out.push('<');
        }
        at = skip_to;
    }
    out.push_str(&html[at..]);
    out
}

/// One line: control characters become spaces, bidirectional overrides and isolates are
/// dropped (the sender's, which would turn the line — and what follows it on screen — around,
/// `\u{202E}fdp.exe` shown as `exe.pdf`), runs of spaces one, trimmed.
fn clean_line(s: &str) -> String {
    let spaced: String = s
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Multi-line text: `\n` line ends, control characters dropped but tabs, bidirectional
/// overrides and isolates dropped, trimmed.
fn clean_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .trim()
        .to_owned()
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => s[..i].to_owned(),
        None => s.to_owned(),
    }
}

impl Email {
    /// The event this e-mail makes in the chronology of `incident_id`: dated the day it was
    /// sent (today when its date is missing or out of range), summed up by its subject, with
    /// the headers and the body as full text (cut at the limit if longer).
    pub fn event(&self, incident_id: i64, actor: Actor, today: NaiveDate) -> EventData {
        let happened_on = self
            .sent_on
            .filter(|d| {
                let iso = d.format("%Y-%m-%d").to_string();
                rules::date(Some(&iso), today, crate::Field::EventDate).is_ok()
            })
            .unwrap_or(today);
        let summary = [&self.subject, &self.from]
            .into_iter()
            .find(|s| !s.is_empty())
            .map(|s| truncate(s, SUMMARY_MAX))
            .unwrap_or_else(|| "E-mail".to_owned());
        let mut head = String::new();
        for (name, value) in [
            ("From", &self.from),
            ("To", &self.to),
            ("Date", &self.date_header),
            ("Subject", &self.subject),
        ] {
            if !value.is_empty() {
                head.push_str(&format!("{name}: {value}\n"));
            }
        }
        let full_text = truncate(&format!("{head}\n{}", self.body), FULL_TEXT_MAX)
            .trim()
            .to_owned();
        EventData {
            incident_id,
            happened_on,
            actor,
            channel: Channel::Email,
            summary,
            full_text,
            piece_ids: Vec::new(),
            decision: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An e-mail with `n` small attachments of `size` bytes each.
    fn with_parts(n: usize, size: usize) -> Vec<u8> {
        let mut m = String::from(
            "From: a@example.com\r\nSubject: parts\r\nDate: Tue, 3 Mar 2026 10:00:00 +0000\r\n\
             Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n",
        );
        for i in 0..n {
            m.push_str(&format!(
                "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; \
                 filename=\"p{i}.txt\"\r\n\r\n{}\r\n",
                "x".repeat(size)
            ));
        }
        m.push_str("--b--\r\n");
        m.into_bytes()
    }

    #[test]
    fn the_number_of_parts_is_capped() {
        assert_eq!(parse(&with_parts(100, 4)).unwrap().attachments.len(), 100);
        assert!(parse(&with_parts(PARTS_MAX + 1, 1)).is_none());
    }

    #[test]
    fn the_decoded_bytes_are_capped() {
        let limits = Limits {
            parts: PARTS_MAX,
            decoded: 10_000,
        };
        assert!(parse_within(&with_parts(9, 1_000), limits).is_some());
        assert!(parse_within(&with_parts(11, 1_000), limits).is_none());
    }

    const PLAIN: &str = "From: Service Vendeurs <no-reply@marketplace.example>\r\n\
To: boutique@example.fr\r\n\
Subject: =?UTF-8?Q?Votre_compte_est_suspendu_=E2=80=93_r=C3=A9clamation?=\r\n\
Date: Mon, 2 Mar 2026 09:15:00 +0100\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\
\r\n\
--b1\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
Bonjour,\r\nvotre compte est suspendu.\r\n\
--b1\r\n\
Content-Type: image/png\r\n\
Content-Disposition: attachment; filename=\"capture.png\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
iVBORw0KGgoAAAANSUhEUg==\r\n\
--b1--\r\n";

    const HTML: &str = "From: a@example.com\r\n\
Subject: HTML\r\n\
Date: Tue, 3 Mar 2026 10:00:00 +0000\r\n\
Content-Type: text/html; charset=utf-8\r\n\
\r\n\
<html><head><style>p{color:red}</style><script>alert('x')</script></head>\
<body><p>Votre <b>offre</b> a été retirée.</p><script>document.cookie</script>\
<img src=x onerror=alert(1)></body></html>\r\n";

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn a_plain_email_with_an_attachment() {
        let e = parse(PLAIN.as_bytes()).unwrap();
        assert_eq!(e.from, "Service Vendeurs <no-reply@marketplace.example>");
        assert_eq!(e.subject, "Votre compte est suspendu – réclamation");
        assert_eq!(e.sent_on, NaiveDate::from_ymd_opt(2026, 3, 2));
        assert_eq!(e.body, "Bonjour,\nvotre compte est suspendu.");
        assert_eq!(e.attachments.len(), 1);
        assert_eq!(e.attachments[0].name, "capture.png");
        assert_eq!(e.attachments[0].declared_type.as_deref(), Some("image/png"));
        assert!(e.attachments[0].bytes.starts_with(b"\x89PNG"));
        let ev = e.event(4, Actor::Platform, today());
        assert_eq!(ev.channel, Channel::Email);
        assert_eq!(ev.happened_on, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        assert_eq!(ev.summary, "Votre compte est suspendu – réclamation");
        assert!(ev.full_text.starts_with("From: Service Vendeurs"));
        assert!(ev.full_text.ends_with("votre compte est suspendu."));
    }

    #[test]
    fn an_html_body_becomes_plain_text_without_scripts() {
        let e = parse(HTML.as_bytes()).unwrap();
        assert!(
            e.body.contains("Votre offre a été retirée."),
            "{:?}",
            e.body
        );
        for gone in ["<", "script", "alert", "cookie", "color:red", "onerror"] {
            assert!(!e.body.contains(gone), "{gone} in {:?}", e.body);
        }
        let ev = e.event(1, Actor::Platform, today());
        assert!(!ev.full_text.contains("<script"));
    }

    #[test]
    fn what_is_not_an_email_is_refused() {
        for bytes in [
            &b""[..],
            b"\x89PNG\r\n\x1a\n\0\0",
            b"hello world",
            &[0u8; 100],
        ] {
            assert!(parse(bytes).is_none(), "{bytes:?}");
        }
    }

    #[test]
    fn a_date_out_of_range_dates_the_event_today() {
        let raw = "From: a@b.c\r\nDate: Sat, 1 Jan 2050 00:00:00 +0000\r\nSubject: x\r\n\r\nbody";
        let e = parse(raw.as_bytes()).unwrap();
        assert_eq!(e.event(1, Actor::Us, today()).happened_on, today());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            if let Some(e) = parse(&bytes) {
                let ev = e.event(1, Actor::Platform, today());
                prop_assert!((1..=SUMMARY_MAX).contains(&ev.summary.chars().count()));
                prop_assert!(ev.full_text.chars().count() <= FULL_TEXT_MAX);
                prop_assert!(!ev.summary.chars().any(char::is_control));
            }
        }

        #[test]
        fn mangled_emails_never_panic(cut in 0usize..PLAIN.len(), flip in 0usize..PLAIN.len(), b in any::<u8>()) {
            let mut bytes = PLAIN.as_bytes()[..cut].to_vec();
            if flip < bytes.len() {
                bytes[flip] = b;
            }
            let _ = parse(&bytes).map(|e| e.event(1, Actor::Us, today()));
        }
    }
}

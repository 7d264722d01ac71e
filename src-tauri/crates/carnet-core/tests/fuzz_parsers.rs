//! Property-based fuzzing of carnet-core's parsers of outside data: imported e-mails (`.eml`,
//! written by the counterparty) and the category data file. Bounded for `make test`; `make fuzz`
//! raises `PROPTEST_CASES` for a long run. Each test prints `ROBUSTNESS fuzz_<target>=<cases>`
//! for `make robustness`.

use carnet_core::Catalogue;
use carnet_core::journal::event::email;
use carnet_core::journal::event::{Actor, FULL_TEXT_MAX, SUMMARY_MAX};
use carnet_core::journal::text::is_bidi_control;
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// `PROPTEST_CASES` when set (the long run of `make fuzz`), else the bounded default.
fn runner(default_cases: u32) -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default_cases);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn report(target: &str, runner: &TestRunner) {
    println!("ROBUSTNESS fuzz_{target}={}", runner.config().cases);
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// What a parsed e-mail must always satisfy, whatever came in.
fn check_email(e: &email::Email) -> Result<(), TestCaseError> {
    prop_assert!(
        !e.body
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    );
    for line in [&e.from, &e.to, &e.subject, &e.date_header] {
        prop_assert!(!line.chars().any(char::is_control), "{line:?}");
    }
    prop_assert!(e.attachments.len() <= email::ATTACHMENTS_MAX);
    // No bidirectional override survives (it would turn the text around on screen).
    let texts = [&e.from, &e.to, &e.subject, &e.date_header, &e.body];
    for text in texts
        .into_iter()
        .chain(e.attachments.iter().map(|a| &a.name))
    {
        prop_assert!(!text.chars().any(is_bidi_control), "{text:?}");
    }
    let ev = e.event(1, Actor::Platform, today());
    prop_assert!((1..=SUMMARY_MAX).contains(&ev.summary.chars().count()));
    prop_assert!(ev.full_text.chars().count() <= FULL_TEXT_MAX);
    prop_assert!(!ev.summary.chars().any(char::is_control));
    Ok(())
}

// ---------------------------------------------------------------- e-mail: arbitrary bytes

#[test]
fn fuzz_email_arbitrary_bytes() {
    let mut r = runner(2000);
    // Raw bytes, and bytes that start like an e-mail so the parser goes deeper.
    let strategy = (prop::collection::vec(any::<u8>(), 0..4000), prop::bool::ANY);
    r.run(&strategy, |(bytes, headed)| {
        let input = if headed {
            [&b"From: a@b.c\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"[..], &bytes].concat()
        } else {
            bytes
        };
        if let Some(e) = email::parse(&input) {
            check_email(&e)?;
        }
        Ok(())
    })
    .unwrap();
    report("email_bytes", &r);
}

// ---------------------------------------------------------------- e-mail: built hostile .eml

/// Markup a hostile sender puts in an HTML body. None of it may reach the body as markup.
const MARKUP: &[&str] = &[
    "<script>window.__pwned=1</script>",
    "<script type=\"text/javascript\">\nif (a < b && c > d) { window.__pwned = 1 }\n</script>",
    "<img src=x onerror=\"window.__pwned=1\">",
    "<IMG SRC=x ONERROR=window.__pwned=1>",
    "<a href=\"javascript:window.__pwned=1\">cliquez ici</a>",
    "<svg onload=\"window.__pwned=1\"><circle r=\"4\"/></svg>",
    "<iframe src=\"javascript:window.__pwned=1\"></iframe>",
    "<style>body { background: url(javascript:x) }</style>",
    "<p>",
    "</p>",
    "<br/>",
    "<div dir=\"rtl\">",
    "</div>",
    "<!-- <script>window.__pwned=1</script> -->",
    "<table><tr><td>cellule</td></tr></table>",
    "<b>gras</b>",
    "<object data=\"x.swf\"></object>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:x\">",
];

/// Text without markup characters, so whatever `<` the body holds came from the markup.
fn words() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 éèàçœ€\u{202E}\u{200F},.;:!?'\\-]{0,60}"
}

fn html_body() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(MARKUP).prop_map(str::to_owned),
            words(),
        ],
        1..30,
    )
    .prop_map(|parts| {
        format!(
            "<html><head><title>t</title></head><body>{}</body></html>",
            parts.concat()
        )
    })
}

const CHARSETS: &[&str] = &[
    "utf-8",
    "UTF-8",
    "iso-8859-1",
    "windows-1252",
    "us-ascii",
    "utf-7",
    "x-unknown-charset",
    "",
    "utf-8\"; x=\"",
    "\u{00e9}t\u{00e9}",
    "koi8-r",
    "gb2312",
];

#[derive(Debug, Clone, Copy)]
enum Encoding {
    None,
    QuotedPrintable,
    Base64,
    /// Declares base64 but sends something else.
    BrokenBase64,
}

fn b64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, chunk) in bytes.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push_str("\r\n");
        }
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (k, &b)| n | (u32::from(b) << (16 - 8 * k)));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(T[(n >> (18 - 6 * k)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn qp(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut col = 0;
    for &b in bytes {
        let piece = if b.is_ascii_alphanumeric() || b == b' ' {
            (b as char).to_string()
        } else {
            format!("={b:02X}")
        };
        if col + piece.len() > 72 {
            out.push_str("=\r\n");
            col = 0;
        }
        col += piece.len();
        out.push_str(&piece);
    }
    out
}

fn encode(body: &str, enc: Encoding) -> (&'static str, String) {
    match enc {
        Encoding::None => ("7bit", body.to_owned()),
        Encoding::QuotedPrintable => ("quoted-printable", qp(body.as_bytes())),
        Encoding::Base64 => ("base64", b64(body.as_bytes())),
        Encoding::BrokenBase64 => {
            let half: String = body.chars().take(body.chars().count() / 2).collect();
            ("base64", format!("!!{half}"))
        }
    }
}

#[derive(Debug, Clone)]
struct Eml {
    subject: String,
    subject_charset: &'static str,
    huge_header: usize,
    html: String,
    html_charset: &'static str,
    encoding: Encoding,
    /// 0 single part; 1 multipart/alternative; 2 boundary declared but another used;
    /// 3 no closing boundary; 4 boundary missing from the header; 5 nested multipart.
    shape: u8,
}

fn eml() -> impl Strategy<Value = Eml> {
    (
        words(),
        prop::sample::select(CHARSETS),
        prop_oneof![Just(0usize), 1usize..200, Just(100_000usize)],
        html_body(),
        prop::sample::select(CHARSETS),
        prop_oneof![
            Just(Encoding::None),
            Just(Encoding::QuotedPrintable),
            Just(Encoding::Base64),
            Just(Encoding::BrokenBase64),
        ],
        0u8..6,
    )
        .prop_map(
            |(subject, subject_charset, huge_header, html, html_charset, encoding, shape)| Eml {
                subject,
                subject_charset,
                huge_header,
                html,
                html_charset,
                encoding,
                shape,
            },
        )
}

impl Eml {
    fn bytes(&self) -> Vec<u8> {
        let mut m = String::new();
        m.push_str("From: =?utf-8?q?Service_<script>?= <no-reply@marketplace.example>\r\n");
        m.push_str("To: boutique@example.fr\r\n");
        m.push_str("X-Note: \u{202E}fdp.exe\r\n");
        m.push_str(&format!(
            "Subject: =?{}?B?{}?=\r\n",
            self.subject_charset,
            b64(self.subject.as_bytes())
        ));
        m.push_str("Date: Mon, 2 Mar 2026 09:15:00 +0100\r\n");
        if self.huge_header > 0 {
            m.push_str("X-Tracking: ");
            m.push_str(&"a<b>".repeat(self.huge_header / 4 + 1));
            m.push_str("\r\n");
        }
        m.push_str("MIME-Version: 1.0\r\n");
        let (cte, body) = encode(&self.html, self.encoding);
        let part = format!(
            "Content-Type: text/html; charset=\"{}\"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n{body}\r\n",
            self.html_charset
        );
        let text_part = "Content-Type: text/plain; charset=utf-8\r\n\r\nVersion texte.\r\n";
        match self.shape {
            0 => {
                m.push_str(&part);
            }
            1..=4 => {
                let declared = if self.shape == 4 {
                    String::new()
                } else {
                    "; boundary=\"=_b1\"".to_owned()
                };
                let used = if self.shape == 2 { "=_other" } else { "=_b1" };
                m.push_str(&format!(
                    "Content-Type: multipart/alternative{declared}\r\n\r\npreamble\r\n--{used}\r\n{text_part}--{used}\r\n{part}"
                ));
                if self.shape != 3 {
                    m.push_str(&format!("--{used}--\r\n"));
                }
            }
            _ => {
                m.push_str(&format!(
                    "Content-Type: multipart/mixed; boundary=\"o\"\r\n\r\n--o\r\nContent-Type: multipart/alternative; boundary=\"i\"\r\n\r\n--i\r\n{part}--i--\r\n--o\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename=\"../../<img src=x>.html\"\r\n\r\n{}\r\n--o--\r\n",
                    self.html
                ));
            }
        }
        m.into_bytes()
    }
}

/// The body must hold no markup: no tag opened by the HTML survives. Text pieces carry no `<`,
/// so any `<` followed by a letter, `/` or `!` in the body is a tag that was not converted.
fn no_markup(body: &str) -> Result<(), TestCaseError> {
    let b = body.as_bytes();
    for (i, w) in b.windows(2).enumerate() {
        if w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!') {
            let end = (i + 60).min(b.len());
            return Err(TestCaseError::fail(format!(
                "markup in the body at {i}: {:?}",
                String::from_utf8_lossy(&b[i..end])
            )));
        }
    }
    let lower = body.to_lowercase();
    for gone in ["onerror", "onload", "javascript:", "__pwned"] {
        prop_assert!(!lower.contains(gone), "{gone} in the body {:?}", body);
    }
    Ok(())
}

#[test]
fn fuzz_email_hostile_html() {
    let mut r = runner(600);
    r.run(&eml(), |e| {
        let bytes = e.bytes();
        let parsed = email::parse(&bytes);
        // The sender, subject and date are there: it is always read as an e-mail.
        let parsed = parsed.ok_or_else(|| TestCaseError::fail("not read as an e-mail"))?;
        check_email(&parsed)?;
        // shape 1–3: the text/plain alternative is chosen; otherwise the HTML converted.
        no_markup(&parsed.body)?;
        let ev = parsed.event(1, Actor::Platform, today());
        no_markup(ev.full_text.split_once("\n\n").map_or("", |(_, b)| b))?;
        Ok(())
    })
    .unwrap();
    report("email_html", &r);
}

/// Byte-level mutations (flips, cuts, insertions, duplicated spans) of built hostile e-mails.
#[test]
fn fuzz_email_mutations() {
    let mut r = runner(600);
    let strategy = (
        eml(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..12),
    );
    r.run(&strategy, |(e, edits)| {
        let mut bytes = e.bytes();
        for (at, b, op) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] ^= b | 1,
                1 => bytes.truncate(i),
                2 => bytes.insert(i, b),
                _ => {
                    let end = (i + usize::from(b)).min(bytes.len());
                    let span = bytes[i..end].to_vec();
                    bytes.splice(i..i, span);
                }
            }
        }
        if let Some(parsed) = email::parse(&bytes) {
            check_email(&parsed)?;
        }
        Ok(())
    })
    .unwrap();
    report("email_mutations", &r);
}

// ---------------------------------------------------------------- categories data file

const CATEGORIES: &str = include_str!("../data/categories.toml");

#[test]
fn fuzz_categories_mutated_toml() {
    assert!(Catalogue::parse(CATEGORIES).is_ok());
    let lines: Vec<&str> = CATEGORIES.lines().collect();
    let mut r = runner(400);
    let strategy = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            0u8..6,
            "[ -~éA-Z0-9\\[\\]\"=]{0,12}",
        ),
        1..6,
    );
    r.run(&strategy, |edits| {
        let mut doc: Vec<String> = lines.iter().map(|s| (*s).to_owned()).collect();
        for (a, b, op, junk) in edits {
            let i = a.index(doc.len());
            match op {
                0 => {
                    doc.remove(i);
                }
                1 => {
                    let l = doc[i].clone();
                    doc.insert(b.index(doc.len()), l);
                }
                2 => {
                    // Replace a value: the text after '=' on that line.
                    if let Some((k, _)) = doc[i].split_once('=') {
                        doc[i] = format!("{k}= {junk}");
                    }
                }
                3 => doc[i].push_str(&junk),
                4 => {
                    let line = &doc[i];
                    let cut = b.index(line.len() + 1);
                    if line.is_char_boundary(cut) {
                        doc[i] = line[..cut].to_owned();
                    }
                }
                _ => doc.insert(i, junk),
            }
            if doc.is_empty() {
                break;
            }
        }
        let text = doc.join("\n");
        if let Ok(cat) = Catalogue::parse(&text) {
            // Accepted only if it still is a whole, coherent catalogue.
            for c in cat.categories() {
                prop_assert!(
                    cat.group(&c.group).is_some(),
                    "{} without its group",
                    c.code
                );
                prop_assert!(c.code.starts_with(&format!("{}-", c.group)), "{}", c.code);
                prop_assert!(!c.label.fr.trim().is_empty() && !c.label.en.trim().is_empty());
                prop_assert!(
                    c.code == carnet_core::categories::OTHER
                        || (!c.axes.is_empty() && !c.refs.is_empty() && !c.evidence.is_empty()),
                    "{} incomplete",
                    c.code
                );
            }
            let mut codes: Vec<&str> = cat.categories().iter().map(|c| c.code.as_str()).collect();
            codes.sort_unstable();
            let n = codes.len();
            codes.dedup();
            prop_assert_eq!(codes.len(), n, "duplicate codes accepted");
        }
        Ok(())
    })
    .unwrap();
    report("categories", &r);
}

/// Removing any one required line (a code or a label) is always refused.
#[test]
fn fuzz_categories_a_missing_line_is_refused() {
    let lines: Vec<&str> = CATEGORIES.lines().collect();
    let required: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            ["code =", "fr =", "en =", "group ="]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .map(|(i, _)| i)
        .collect();
    let mut r = runner(200);
    r.run(&prop::sample::select(required), |i| {
        let text: Vec<&str> = lines
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != i)
            .map(|(_, l)| *l)
            .collect();
        prop_assert!(
            Catalogue::parse(&text.join("\n")).is_err(),
            "line {} removed, accepted",
            i + 1
        );
        Ok(())
    })
    .unwrap();
    report("categories_required", &r);
}

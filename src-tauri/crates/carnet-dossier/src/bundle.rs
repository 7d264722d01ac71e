//! The evidence bundle: a ZIP beside the PDF with the original pieces, byte for byte, and
//! what anyone needs to check them without Carnet.
//!
//! ```text
//! P01-Notification-de-désactivation-capture-d-écran.jpg   the pieces, named by [`names`]
//! P02-Courriel-Votre-compte-vendeur-a-été-désactivé.eml
//! …
//! a-deposer/P01-P10.zip                                   when the destination's form needs
//! a-deposer/P11-P20.zip                                   the pieces grouped (to-upload/ in
//!                                                         English), see [`check_limits`]
//! P01-….jpg.tsr                                           its RFC 3161 token, when it has one
//! tsa/<authority>.pem                                     the certificates each token carries
//! manifest.csv, manifest.json                             number, file, original name, type,
//!                                                         size, SHA-256, events supported,
//!                                                         timestamp, e-mail check
//! manifest.json.tsr                                       the manifest's own token, when the
//!                                                         authority answered at export
//! SHA256SUMS                                              for `sha256sum -c` / `shasum -c`
//! VERIFIER.txt (HOW-TO-VERIFY.txt)                        the commands for Linux, macOS and
//!                                                         Windows, in the dossier's language
//! ```
//!
//! Each piece is asked of the [`PieceSource`] once, checked against the SHA-256 recorded
//! when it was added (an altered piece stops the bundle with
//! [`DossierError::PieceAltered`] naming it, `P03`), and written: stored as it is when
//! already compressed (JPEG, PNG, ZIP, office files…), deflated otherwise. Group ZIPs are
//! built in memory one at a time (at most one group's bytes, under the form's file limit).
//! Every entry carries the dossier's generation time, so the same report gives the same
//! bytes. The caller writes into a temporary file and renames it.
//!
//! [`names`]: crate::names
//! [`check_limits`]: crate::limits::check_limits

use std::io::{Cursor, Seek, Write};

use carnet_core::Locale;
use carnet_core::delivery::LimitsReport;
use carnet_core::report::{PieceSource, Report, ReportPiece, StampToken};
use chrono::{Datelike, Timelike};
use serde_json::json;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::DossierError;
use crate::limits::check_limits;
use crate::names::{already_compressed, piece_file_name};
use crate::texts::T;

/// What to put in the bundle beyond the pieces and their manifests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BundleOptions {
    /// Also the ZIPs the destination's form needs when the pieces do not go as they are
    /// (more files than a field takes, or types it refuses).
    pub groups: bool,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleWritten {
    /// Every entry's name, in the order written.
    pub entries: Vec<String>,
    /// The pieces' names in the bundle, by number.
    pub pieces: Vec<String>,
    /// The group ZIPs' paths in the bundle (`a-deposer/P01-P10.zip`).
    pub groups: Vec<String>,
    /// The name of the "how to verify" file.
    pub readme: String,
    /// The `openssl ts -verify` line of each timestamped piece (and of the manifest), as the
    /// how-to-verify text prints them.
    pub verify_lines: Vec<String>,
}

/// `tsa/<name>.pem`: the authority's name in letters, digits and dashes.
pub fn tsa_file(tsa_name: &str) -> String {
    let mut slug = String::new();
    for c in tsa_name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    format!("tsa/{}.pem", if slug.is_empty() { "tsa" } else { slug })
}

/// The command that checks `data` against its token `tsr` under the certificates `pem`.
pub fn verify_line(data: &str, tsr: &str, pem: &str) -> String {
    format!("openssl ts -verify -data \"{data}\" -in \"{tsr}\" -CAfile {pem}")
}

/// The certificate files written so far, by path, and the token files.
#[derive(Default)]
struct Stamps {
    pems: Vec<(String, String)>,
    lines: Vec<String>,
}

impl Stamps {
    /// The chain's file: one per authority name; another chain under the same name gets a
    /// number (`tsa/DigiCert-2.pem`).
    fn pem_for(&mut self, token: &StampToken) -> (String, bool) {
        let base = tsa_file(&token.tsa_name);
        let mut path = base.clone();
        let mut n = 1;
        loop {
            match self.pems.iter().find(|(p, _)| *p == path) {
                Some((_, chain)) if *chain == token.chain_pem => return (path, false),
                Some(_) => {
                    n += 1;
                    path = format!("{}-{n}.pem", base.trim_end_matches(".pem"));
                }
                None => {
                    self.pems.push((path.clone(), token.chain_pem.clone()));
                    return (path, true);
                }
            }
        }
    }
}

/// `VERIFIER.txt` / `HOW-TO-VERIFY.txt`.
pub fn readme_name(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => "VERIFIER.txt",
        Locale::En => "HOW-TO-VERIFY.txt",
    }
}

/// The folder of the group ZIPs.
pub fn groups_folder(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => "a-deposer",
        Locale::En => "to-upload",
    }
}

fn zip_error(e: zip::result::ZipError) -> DossierError {
    match e {
        zip::result::ZipError::Io(io) => DossierError::Write(io),
        other => DossierError::Write(std::io::Error::other(other.to_string())),
    }
}

/// The piece's bytes, asked once and checked against its recorded SHA-256.
fn fetch(source: &dyn PieceSource, p: &ReportPiece) -> Result<Vec<u8>, DossierError> {
    let bytes = source
        .bytes(p)
        .map_err(|e| DossierError::PieceUnavailable {
            piece: p.label(),
            reason: e.0,
        })?;
    if !hex::encode(Sha256::digest(&bytes)).eq_ignore_ascii_case(p.sha256.trim()) {
        return Err(DossierError::PieceAltered { piece: p.label() });
    }
    Ok(bytes)
}

fn options(report: &Report) -> SimpleFileOptions {
    let t = report.generated_at;
    let time = zip::DateTime::from_date_and_time(
        u16::try_from(t.year()).unwrap_or(1980),
        t.month() as u8,
        t.day() as u8,
        t.hour() as u8,
        t.minute() as u8,
        t.second() as u8,
    )
    .unwrap_or_default();
    SimpleFileOptions::default()
        .last_modified_time(time)
        .unix_permissions(0o644)
}

fn entry_options(base: SimpleFileOptions, media_type: &str, size: usize) -> SimpleFileOptions {
    base.compression_method(if already_compressed(media_type) {
        CompressionMethod::Stored
    } else {
        CompressionMethod::Deflated
    })
    .large_file(size as u64 >= u64::from(u32::MAX))
}

/// A group ZIP being filled.
struct Group {
    path: String,
    last: u32,
    zip: ZipWriter<Cursor<Vec<u8>>>,
    sums: String,
}

/// Writes the report's evidence bundle as a ZIP into `out`. Nothing is asked of `pieces`
/// when the report has a problem ([`Report::problems`]).
pub fn bundle<W: Write + Seek>(
    report: &Report,
    pieces: &dyn PieceSource,
    options_: &BundleOptions,
    out: W,
) -> Result<BundleWritten, DossierError> {
    let problems = report.problems();
    if !problems.is_empty() {
        return Err(DossierError::Report(problems));
    }
    let locale = report.locale;
    let base = options(report);
    let limits = check_limits(report);
    let names: Vec<String> = report.pieces.iter().map(piece_file_name).collect();
    let mut zip = ZipWriter::new(out);
    let mut written = BundleWritten {
        entries: Vec::new(),
        pieces: names.clone(),
        groups: Vec::new(),
        readme: readme_name(locale).to_owned(),
        verify_lines: Vec::new(),
    };
    let mut stamps = Stamps::default();
    // A token beside what it timestamps, and its authority's certificates once.
    let mut write_token = |zip: &mut ZipWriter<W>,
                           written: &mut BundleWritten,
                           data: &str,
                           token: &StampToken|
     -> Result<(), DossierError> {
        let tsr = format!("{data}.tsr");
        zip.start_file(
            tsr.as_str(),
            entry_options(base, "application/timestamp-reply", token.der.len()),
        )
        .map_err(zip_error)?;
        zip.write_all(&token.der).map_err(DossierError::Write)?;
        written.entries.push(tsr.clone());
        let (pem, new) = stamps.pem_for(token);
        if new {
            zip.start_file(
                pem.as_str(),
                entry_options(base, "text/plain", token.chain_pem.len()),
            )
            .map_err(zip_error)?;
            zip.write_all(token.chain_pem.as_bytes())
                .map_err(DossierError::Write)?;
            written.entries.push(pem.clone());
        }
        stamps.lines.push(verify_line(data, &tsr, &pem));
        Ok(())
    };
    // (path, sha256) of what SHA256SUMS lists: the pieces, then the group ZIPs.
    let mut sums: Vec<(String, String)> = Vec::new();
    let mut group: Option<Group> = None;
    for (p, name) in report.pieces.iter().zip(&names) {
        let bytes = fetch(pieces, p)?;
        zip.start_file(
            name.as_str(),
            entry_options(base, &p.media_type, bytes.len()),
        )
        .map_err(zip_error)?;
        zip.write_all(&bytes).map_err(DossierError::Write)?;
        written.entries.push(name.clone());
        sums.push((name.clone(), p.sha256.trim().to_ascii_lowercase()));
        if let Some(token) = pieces.timestamp(p) {
            write_token(&mut zip, &mut written, name, &token)?;
        }
        if !options_.groups {
            continue;
        }
        let Some(g) = limits.groups.iter().find(|g| g.numbers.contains(&p.number)) else {
            continue;
        };
        let current = group.get_or_insert_with(|| Group {
            path: format!("{}/{}", groups_folder(locale), g.file_name),
            last: g.numbers.last().copied().unwrap_or(p.number),
            zip: ZipWriter::new(Cursor::new(Vec::new())),
            sums: String::new(),
        });
        current
            .zip
            .start_file(
                name.as_str(),
                entry_options(base, &p.media_type, bytes.len()),
            )
            .map_err(zip_error)?;
        current.zip.write_all(&bytes).map_err(DossierError::Write)?;
        current.sums.push_str(&format!(
            "{}  {name}\n",
            p.sha256.trim().to_ascii_lowercase()
        ));
        if current.last == p.number
            && let Some(done) = group.take()
        {
            let path = done.path.clone();
            let sha = finish_group(done, base, &mut zip)?;
            written.entries.push(path.clone());
            written.groups.push(path.clone());
            sums.push((path, sha));
        }
    }
    drop(group);

    let events = event_labels(report);
    let text_entry = |zip: &mut ZipWriter<W>, name: &str, body: &[u8]| {
        zip.start_file(name, entry_options(base, "text/plain", body.len()))
            .map_err(zip_error)?;
        zip.write_all(body).map_err(DossierError::Write)
    };
    let csv = manifest_csv(report, &names, &events);
    text_entry(&mut zip, "manifest.csv", csv.as_bytes())?;
    let json = manifest_json(report, &names, &events, &written.groups, &sums, &limits);
    text_entry(&mut zip, "manifest.json", json.as_bytes())?;
    written
        .entries
        .extend(["manifest.csv", "manifest.json"].map(String::from));
    let manifest_stamped = match pieces.stamp(&Sha256::digest(json.as_bytes()).into()) {
        Some(token) => {
            write_token(&mut zip, &mut written, "manifest.json", &token)?;
            true
        }
        None => false,
    };
    written.verify_lines = stamps.lines.clone();
    // No piece, no empty SHA256SUMS (which `sha256sum -c` refuses): the text says why.
    if !sums.is_empty() {
        let mut sha256sums = String::new();
        for (path, sha) in &sums {
            sha256sums.push_str(&format!("{sha}  {path}\n"));
        }
        text_entry(&mut zip, "SHA256SUMS", sha256sums.as_bytes())?;
        written.entries.push("SHA256SUMS".into());
    }
    let readme = readme(
        report,
        &sums,
        !written.groups.is_empty(),
        &written.verify_lines,
        manifest_stamped,
    );
    text_entry(&mut zip, readme_name(locale), readme.as_bytes())?;
    written.entries.push(readme_name(locale).into());
    let mut out = zip.finish().map_err(zip_error)?;
    out.flush().map_err(DossierError::Write)?;
    Ok(written)
}

/// Closes a group ZIP (with its own `SHA256SUMS`), stores it in the bundle and answers its
/// SHA-256.
fn finish_group<W: Write + Seek>(
    mut g: Group,
    base: SimpleFileOptions,
    zip: &mut ZipWriter<W>,
) -> Result<String, DossierError> {
    g.zip
        .start_file(
            "SHA256SUMS",
            entry_options(base, "text/plain", g.sums.len()),
        )
        .map_err(zip_error)?;
    g.zip
        .write_all(g.sums.as_bytes())
        .map_err(DossierError::Write)?;
    let bytes = g.zip.finish().map_err(zip_error)?.into_inner();
    zip.start_file(
        g.path.as_str(),
        entry_options(base, "application/zip", bytes.len()),
    )
    .map_err(zip_error)?;
    zip.write_all(&bytes).map_err(DossierError::Write)?;
    Ok(hex::encode(Sha256::digest(&bytes)))
}

/// For each piece (by position), the events it supports: `E3` and the event's date.
fn event_labels(report: &Report) -> Vec<Vec<(String, String, String)>> {
    let numbers: std::collections::HashMap<i64, usize> = report
        .incidents
        .iter()
        .flat_map(|i| &i.events)
        .enumerate()
        .map(|(n, e)| (e.id, n + 1))
        .collect();
    let supported = report.supported_events();
    report
        .pieces
        .iter()
        .map(|p| {
            supported
                .get(&p.id)
                .map(|events| {
                    events
                        .iter()
                        .filter_map(|e| {
                            numbers.get(&e.id).map(|n| {
                                (
                                    format!("E{n}"),
                                    e.data.happened_on.to_string(),
                                    e.data.summary.clone(),
                                )
                            })
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}

/// A CSV cell: quoted when it must be (RFC 4180), and a leading `=`, `+`, `-`, `@` or tab
/// made inert with an apostrophe so that a spreadsheet does not run it as a formula (the
/// exact names are in manifest.json).
fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn manifest_csv(
    report: &Report,
    names: &[String],
    events: &[Vec<(String, String, String)>],
) -> String {
    let l = report.locale;
    // A byte-order mark, so that spreadsheets on Windows read the accents as UTF-8.
    let mut out = String::from("\u{FEFF}");
    let header = [
        T::ManifestNumber,
        T::ManifestFile,
        T::ManifestTitle,
        T::ManifestOriginal,
        T::ManifestType,
        T::ManifestSize,
        T::ManifestSha,
        T::ManifestEvents,
    ]
    .map(|t| cell(t.get(l)))
    .join(",");
    out.push_str(&header);
    out.push_str("\r\n");
    for ((p, name), ev) in report.pieces.iter().zip(names).zip(events) {
        let ev = ev
            .iter()
            .map(|(label, date, _)| format!("{label} ({date})"))
            .collect::<Vec<_>>()
            .join(" ");
        let row = [
            p.label(),
            name.clone(),
            p.title.clone(),
            p.original_name.clone(),
            p.media_type.clone(),
            p.size.to_string(),
            p.sha256.trim().to_ascii_lowercase(),
            ev,
        ]
        .map(|s| cell(&s))
        .join(",");
        out.push_str(&row);
        out.push_str("\r\n");
    }
    out
}

fn manifest_json(
    report: &Report,
    names: &[String],
    events: &[Vec<(String, String, String)>],
    groups: &[String],
    sums: &[(String, String)],
    limits: &LimitsReport,
) -> String {
    let pieces: Vec<serde_json::Value> = report
        .pieces
        .iter()
        .zip(names)
        .zip(events)
        .map(|((p, name), ev)| {
            json!({
                "number": p.number,
                "label": p.label(),
                "file": name,
                "title": p.title,
                "original_name": p.original_name,
                "media_type": p.media_type,
                "size": p.size,
                "sha256": p.sha256.trim().to_ascii_lowercase(),
                "dated_on": p.dated_on.map(|d| d.to_string()),
                "events": ev.iter().map(|(label, date, summary)| json!({
                    "label": label,
                    "date": date,
                    "summary": summary,
                })).collect::<Vec<_>>(),
                "timestamp": p.proof.timestamp.as_ref().map(|t| json!({
                    "authority": t.tsa_name,
                    "time": t.gen_time.to_rfc3339(),
                    "standard": "RFC 3161",
                })),
                "email_check": p.proof.email.as_ref().map(|e| json!({
                    "dkim": e.verdict,
                    "domain": e.domain,
                    "selector": e.selector,
                    "aligned_with_from": e.aligned,
                    "arc": e.arc,
                    "checked_at": e.checked_at.to_rfc3339(),
                })),
            })
        })
        .collect();
    let groups: Vec<serde_json::Value> = groups
        .iter()
        .filter_map(|path| {
            let sha = sums.iter().find(|(p, _)| p == path)?.1.clone();
            let file = path.rsplit('/').next().unwrap_or(path);
            let g = limits.groups.iter().find(|g| g.file_name == file)?;
            Some(json!({
                "file": path,
                "pieces": g.numbers.iter().map(|n| format!("P{n:02}")).collect::<Vec<_>>(),
                "sha256": sha,
            }))
        })
        .collect();
    let value = json!({
        "format": "carnet-evidence-bundle/1",
        "dossier": report.number,
        "title": report.title,
        "destination": report.destination.code(),
        "language": report.locale.tag(),
        "generated_at": report.generated_at.to_rfc3339(),
        "company": report.company.legal_name,
        "hash_algorithm": "SHA-256",
        "pieces": pieces,
        "upload_groups": groups,
    });
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
    s.push('\n');
    s
}

/// Checks every line of SHA256SUMS with `Get-FileHash` (Windows PowerShell 5.1 and 7; the
/// file is read as UTF-8 for the accented names).
pub fn powershell(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => {
            "Get-Content -Encoding UTF8 SHA256SUMS | ForEach-Object { $h, $f = $_ -split '  ', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $f).Hash -eq $h) { $f + ' : OK' } else { $f + ' : ÉCHEC' } }"
        }
        Locale::En => {
            "Get-Content -Encoding UTF8 SHA256SUMS | ForEach-Object { $h, $f = $_ -split '  ', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $f).Hash -eq $h) { $f + ': OK' } else { $f + ': FAILED' } }"
        }
    }
}

/// The "how to verify" text, with Windows line endings (Notepad shows it either way; other
/// editors too).
fn readme(
    report: &Report,
    sums: &[(String, String)],
    grouped: bool,
    verify_lines: &[String],
    manifest_stamped: bool,
) -> String {
    let l = report.locale;
    let mut s = String::new();
    let title = T::VerifyTitle.fill(l, &[("number", &report.number)]);
    s.push_str(&title);
    s.push('\n');
    s.push_str(&"=".repeat(title.chars().count()));
    s.push_str("\n\n");
    s.push_str(&T::VerifyIntro.fill(
        l,
        &[
            ("title", &report.title),
            ("company", &report.company.legal_name),
            (
                "date",
                &report.generated_at.format("%Y-%m-%d %H:%M %:z").to_string(),
            ),
        ],
    ));
    s.push_str("\n\n");
    if sums.is_empty() {
        s.push_str(T::VerifyNoPieces.get(l));
        s.push('\n');
        return s.replace('\n', "\r\n");
    }
    s.push_str(T::VerifyExtract.get(l));
    s.push_str("\n\n");
    s.push_str(T::VerifyLinux.get(l));
    s.push_str("\n\n    sha256sum -c SHA256SUMS\n\n");
    s.push_str(T::VerifyMac.get(l));
    s.push_str("\n\n    shasum -a 256 -c SHA256SUMS\n\n");
    s.push_str(T::VerifyWindows.get(l));
    s.push_str("\n\n    ");
    s.push_str(powershell(l));
    s.push_str("\n\n");
    s.push_str(T::VerifyExpected.get(l));
    s.push_str("\n\n");
    s.push_str(T::VerifyOneFile.get(l));
    s.push_str("\n\n    Get-FileHash -Algorithm SHA256 -LiteralPath \"");
    s.push_str(sums.first().map_or("P01.pdf", |(p, _)| p.as_str()));
    s.push_str("\"\n\n");
    let heic: Vec<String> = report
        .pieces
        .iter()
        .filter(|p| report.destination.refuses_heic() && p.is_heic())
        .map(|p| p.label())
        .collect();
    if !heic.is_empty() {
        s.push_str(&T::SubHeic.fill(l, &[("pieces", &heic.join(", "))]));
        s.push_str("\n\n");
    }
    if grouped {
        s.push_str(&T::VerifyGroups.fill(l, &[("folder", groups_folder(l))]));
        s.push_str("\n\n");
    }
    if !verify_lines.is_empty() {
        s.push_str(T::VerifyStamps.get(l));
        s.push_str("\n\n");
        for line in verify_lines {
            s.push_str(&format!("    {line}\n"));
        }
        s.push('\n');
        s.push_str(T::VerifyStampsExpected.get(l));
        s.push_str("\n\n");
        if manifest_stamped {
            s.push_str(T::VerifyManifestStamp.get(l));
            s.push_str("\n\n");
        }
    }
    s.push_str(T::VerifyList.get(l));
    s.push_str("\n\n");
    for (path, sha) in sums {
        s.push_str(&format!("{path}\n    {sha}\n"));
    }
    s.replace('\n', "\r\n")
}

//! The evidence bundle, the destination's limits and the submission texts, on the sample
//! report: read back with the `zip` crate and with the system's `unzip -t`, extracted and
//! checked with `sha256sum -c SHA256SUMS` (and `shasum -a 256 -c` where it is installed).

mod common;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;

use carnet_core::Locale;
use carnet_core::delivery::PieceFit;
use carnet_core::report::{Destination, PieceUnavailable, Report, ReportPiece};
use carnet_dossier::bundle::{groups_folder, readme_name};
use carnet_dossier::names::TITLE_MAX_CHARS;
use carnet_dossier::{BundleOptions, DossierError, bundle, check_limits, submission_help};
use common::{d, sha};
use proptest::prelude::*;

fn write(report: &Report, bytes: &BTreeMap<i64, Vec<u8>>, groups: bool) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    bundle(report, bytes, &BundleOptions { groups }, &mut out).expect("bundle");
    out.into_inner()
}

fn entries(zip: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut a = zip::ZipArchive::new(Cursor::new(zip)).expect("a ZIP");
    let mut out = BTreeMap::new();
    for i in 0..a.len() {
        let mut f = a.by_index(i).unwrap();
        // The name is one a careful extractor accepts as it is (no `..`, not absolute).
        let name = f.name().expect("a UTF-8 name").into_owned();
        assert_eq!(
            f.enclosed_name().as_deref(),
            Some(Path::new(&name)),
            "{name:?} is not a plain relative path"
        );
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        out.insert(name, b);
    }
    out
}

fn sha_hex(b: &[u8]) -> String {
    sha(b)
}

/// Writes the ZIP, tests it with `unzip -t`, extracts it, and runs `sha256sum -c` in the
/// extracted folder; answers the folder (kept alive by the TempDir).
fn extract_and_verify(zip: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bundle.zip");
    std::fs::write(&file, zip).unwrap();
    let t = Command::new("unzip")
        .arg("-t")
        .arg(&file)
        .output()
        .expect("unzip");
    assert!(
        t.status.success(),
        "unzip -t: {}{}",
        String::from_utf8_lossy(&t.stdout),
        String::from_utf8_lossy(&t.stderr)
    );
    assert!(String::from_utf8_lossy(&t.stdout).contains("No errors detected"));
    let out = dir.path().join("out");
    let x = Command::new("unzip")
        .args(["-q", "-d"])
        .arg(&out)
        .arg(&file)
        .output()
        .unwrap();
    assert!(x.status.success(), "{}", String::from_utf8_lossy(&x.stderr));
    let c = Command::new("sha256sum")
        .args(["-c", "--strict", "SHA256SUMS"])
        .current_dir(&out)
        .output()
        .expect("sha256sum");
    let stdout = String::from_utf8_lossy(&c.stdout);
    assert!(
        c.status.success(),
        "sha256sum -c: {stdout}{}",
        String::from_utf8_lossy(&c.stderr)
    );
    assert!(!stdout.contains("FAILED"));
    // macOS's command, where Perl's shasum is installed (Debian's perl package has it).
    if let Ok(s) = Command::new("shasum")
        .args(["-a", "256", "-c", "SHA256SUMS"])
        .current_dir(&out)
        .output()
    {
        assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stdout));
    }
    dir
}

#[test]
fn the_bundle_round_trips_through_zip_unzip_and_sha256sum_in_both_languages() {
    for locale in [Locale::Fr, Locale::En] {
        let s = common::sample(Destination::Mediateur, locale);
        let zip = write(&s.report, &s.bytes, true);
        let files = entries(&zip);
        // Every piece, byte for byte, under its sanitised name.
        let names: Vec<String> = s
            .report
            .pieces
            .iter()
            .map(carnet_dossier::names::piece_file_name)
            .collect();
        assert_eq!(
            names,
            [
                "P01-Notification-de-désactivation-capture-d-écran.jpg",
                "P02-Courriel-Votre-compte-vendeur-a-été-désactivé.eml",
                "P03-Santé-du-compte-aucune-réclamation-client.png",
                "P04-Relevé-de-paiement-de-septembre-2026.pdf",
                "P05-Plan-d-action-envoyé-à-Amazon.txt",
            ]
        );
        for (p, name) in s.report.pieces.iter().zip(&names) {
            assert_eq!(files[name], s.bytes[&p.id], "{name}");
            assert_eq!(sha_hex(&files[name]), p.sha256);
        }
        let readme = readme_name(locale);
        let mut expected: Vec<String> = names.clone();
        expected.extend(["manifest.csv", "manifest.json", "SHA256SUMS", readme].map(String::from));
        expected.sort();
        assert_eq!(files.keys().cloned().collect::<Vec<_>>(), expected);

        // The manifests' hashes are the files'.
        let json: serde_json::Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
        let pieces = json["pieces"].as_array().unwrap();
        assert_eq!(pieces.len(), 5);
        for m in pieces {
            let file = m["file"].as_str().unwrap();
            assert_eq!(m["sha256"].as_str().unwrap(), sha_hex(&files[file]));
            assert_eq!(m["size"].as_u64().unwrap(), files[file].len() as u64);
        }
        assert_eq!(pieces[0]["events"][0]["label"], "E1");
        assert_eq!(
            pieces[1]["original_name"],
            "Votre compte vendeur a été désactivé.eml"
        );
        let csv = String::from_utf8(files["manifest.csv"].clone()).unwrap();
        let rows: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
        assert_eq!(rows.len(), 6);
        for (row, name) in rows[1..].iter().zip(&names) {
            assert!(row.contains(&format!(",{name},")), "{row}");
            assert!(row.contains(&sha_hex(&files[name])), "{row}");
        }
        let sums = String::from_utf8(files["SHA256SUMS"].clone()).unwrap();
        assert_eq!(sums.lines().count(), 5);

        // How to verify: the three systems' commands, in the dossier's language.
        let how = String::from_utf8(files[readme].clone()).unwrap();
        for cmd in [
            "sha256sum -c SHA256SUMS",
            "shasum -a 256 -c SHA256SUMS",
            "Get-FileHash -Algorithm SHA256",
        ] {
            assert!(how.contains(cmd), "{cmd}");
        }
        assert!(how.contains(match locale {
            Locale::Fr => "Comment vérifier",
            Locale::En => "How to verify",
        }));
        assert!(how.contains(&s.report.pieces[2].sha256));

        extract_and_verify(&zip);
        // The same report gives the same bytes.
        assert_eq!(zip, write(&s.report, &s.bytes, true));
    }
}

#[test]
fn an_altered_or_missing_piece_is_refused_with_its_number() {
    let s = common::sample(Destination::DgeForm, Locale::Fr);
    let mut bytes = s.bytes.clone();
    bytes.get_mut(&103).unwrap()[100] ^= 1;
    let mut out = Cursor::new(Vec::new());
    let e = bundle(&s.report, &bytes, &BundleOptions::default(), &mut out).unwrap_err();
    assert!(
        matches!(&e, DossierError::PieceAltered { piece } if piece == "P03"),
        "{e:?}"
    );

    bytes.remove(&103);
    let e = bundle(&s.report, &bytes, &BundleOptions::default(), &mut out).unwrap_err();
    assert!(
        matches!(&e, DossierError::PieceUnavailable { piece, .. } if piece == "P03"),
        "{e:?}"
    );

    let failing = |p: &ReportPiece| -> Result<Vec<u8>, PieceUnavailable> {
        Err(PieceUnavailable(format!("{} is locked", p.label())))
    };
    let e = bundle(&s.report, &failing, &BundleOptions::default(), &mut out).unwrap_err();
    assert!(matches!(&e, DossierError::PieceUnavailable { piece, .. } if piece == "P01"));

    let mut bad = s.report.clone();
    bad.title.clear();
    assert!(matches!(
        bundle(&bad, &s.bytes, &BundleOptions::default(), &mut out),
        Err(DossierError::Report(_))
    ));
}

/// The sample with `n` pieces in all: its five, then small texts, images and a spreadsheet.
fn many(n: u32, destination: Destination, locale: Locale) -> common::Sample {
    let mut s = common::sample(destination, locale);
    for number in 6..=n {
        let id = 100 + i64::from(number);
        let (name, media, body) = match number % 3 {
            0 => (
                format!("capture-{number}.png"),
                "image/png",
                common::png(64, 40, number, false),
            ),
            1 => (
                format!("note {number}.txt"),
                "text/plain",
                format!("Note n° {number} : échange avec le support.\n").into_bytes(),
            ),
            _ => (
                format!("ventes-{number}.numbers"),
                "application/x-iwork-numbers-sffnumbers",
                vec![number as u8; 300],
            ),
        };
        s.report.pieces.push(ReportPiece {
            id,
            incident_id: 11,
            number,
            title: format!("Pièce complémentaire n° {number}"),
            dated_on: Some(d(2026, 10, 1)),
            note: String::new(),
            original_name: name,
            media_type: media.into(),
            size: body.len() as u64,
            sha256: sha(&body),
            event_ids: vec![],
            proof: Default::default(),
        });
        s.bytes.insert(id, body);
    }
    s
}

#[test]
fn dge_limits_group_23_pieces_into_three_zips_and_the_bundle_carries_them() {
    let s = many(23, Destination::DgeForm, Locale::Fr);
    let limits = check_limits(&s.report);
    let l = limits.limits.as_ref().unwrap();
    assert_eq!(l.max_file_bytes, 200_000_000);
    assert_eq!(l.max_files_per_field, 10);
    let names: Vec<&str> = limits.groups.iter().map(|g| g.file_name.as_str()).collect();
    assert_eq!(names, ["P01-P10.zip", "P11-P20.zip", "P21-P23.zip"]);
    assert_eq!(limits.groups[2].numbers, [21, 22, 23]);
    assert_eq!(limits.files_to_upload, 3);
    assert_eq!(limits.fields_needed, 1);
    assert!(limits.ok);
    // A Numbers file is not among the form's types: it can only go in a ZIP.
    assert_eq!(limits.pieces[7].fit, PieceFit::InZipOnly);
    assert_eq!(limits.pieces[0].fit, PieceFit::Accepted);
    assert_eq!(limits.pieces[21].group.as_deref(), Some("P21-P23.zip"));

    let zip = write(&s.report, &s.bytes, true);
    let files = entries(&zip);
    for g in &limits.groups {
        let path = format!("{}/{}", groups_folder(Locale::Fr), g.file_name);
        let inner = entries(&files[&path]);
        assert_eq!(inner.len(), g.numbers.len() + 1, "{path}");
        assert!(inner.contains_key("SHA256SUMS"));
        for n in &g.numbers {
            let p = &s.report.pieces[*n as usize - 1];
            let name = carnet_dossier::names::piece_file_name(p);
            assert_eq!(inner[&name], s.bytes[&p.id]);
        }
    }
    let sums = String::from_utf8(files["SHA256SUMS"].clone()).unwrap();
    assert_eq!(sums.lines().count(), 26);
    let json: serde_json::Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
    assert_eq!(json["upload_groups"].as_array().unwrap().len(), 3);
    let dir = extract_and_verify(&zip);
    // Each group ZIP verifies on its own too.
    let g = dir.path().join("out/a-deposer/P11-P20.zip");
    let inner = dir.path().join("inner");
    assert!(
        Command::new("unzip")
            .args(["-q", "-d"])
            .arg(&inner)
            .arg(&g)
            .status()
            .unwrap()
            .success()
    );
    assert!(
        Command::new("sha256sum")
            .args(["-c", "SHA256SUMS"])
            .current_dir(&inner)
            .status()
            .unwrap()
            .success()
    );

    // Without the option, no groups are written.
    let plain = entries(&write(&s.report, &s.bytes, false));
    assert!(!plain.keys().any(|k| k.contains('/')));
}

#[test]
fn limits_say_what_is_too_large_and_when_pieces_go_as_they_are() {
    // The sample's five pieces are all of accepted types: they go as they are.
    let s = common::sample(Destination::DgeForm, Locale::En);
    let limits = check_limits(&s.report);
    assert!(limits.groups.is_empty());
    assert_eq!(limits.files_to_upload, 5);
    assert!(limits.pieces.iter().all(|p| p.fit == PieceFit::Accepted));
    assert!(limits.ok);

    let mut big = s.report.clone();
    big.pieces[3].size = 250_000_000;
    let limits = check_limits(&big);
    assert_eq!(limits.pieces[3].fit, PieceFit::TooLarge);
    assert!(!limits.ok);
    assert_eq!(limits.files_to_upload, 4);

    // Pieces adding up to more than 200 MB are split by size as well as by count.
    let mut heavy = s.report.clone();
    for p in &mut heavy.pieces {
        p.size = 90_000_000;
        p.original_name = "x.bin".into();
        p.media_type = "application/octet-stream".into();
    }
    let limits = check_limits(&heavy);
    let sizes: Vec<usize> = limits.groups.iter().map(|g| g.numbers.len()).collect();
    assert_eq!(sizes, [2, 2, 1]);
    assert!(limits.groups.iter().all(|g| g.bytes < 200_000_000));

    // Destinations without an upload form take the pieces as they are.
    let m = common::sample(Destination::Mediateur, Locale::Fr);
    let limits = check_limits(&m.report);
    assert!(limits.limits.is_none() && limits.groups.is_empty() && limits.ok);
}

#[test]
fn submission_fields_are_filled_for_every_destination_in_both_languages() {
    for destination in Destination::ALL {
        for locale in [Locale::Fr, Locale::En] {
            let s = common::sample(destination, locale);
            let help = submission_help(&s.report);
            assert!(help.fields.len() >= 5, "{destination:?}");
            for f in &help.fields {
                assert!(!f.text.trim().is_empty(), "{destination:?} {}", f.key);
                assert!(!f.label.trim().is_empty());
                if let Some(max) = f.max_chars {
                    assert!(
                        f.text.chars().count() <= max as usize,
                        "{destination:?} {locale:?} {}: {} > {max}",
                        f.key,
                        f.text.chars().count()
                    );
                }
                assert!(!f.text.contains('\u{202F}'), "{}", f.key);
            }
            let field = |key: &str| help.fields.iter().find(|f| f.key == key);
            match destination {
                Destination::DgeForm => {
                    assert_eq!(field("siret").unwrap().text, "89451237500011");
                    assert_eq!(help.fields[0].key, "siret", "the SIRET comes first");
                    assert!(help.url.as_deref().unwrap().starts_with("https://"));
                    let description = field("description").unwrap();
                    assert_eq!(description.max_chars, Some(400));
                    assert!(description.text.contains("Maroquinerie Bellecour"));
                    let amounts = &field("amounts").unwrap().text;
                    assert!(
                        amounts.contains(match locale {
                            Locale::Fr => "18\u{A0}450,00\u{A0}€",
                            Locale::En => "€18,450.00",
                        }),
                        "{amounts}"
                    );
                }
                Destination::Mediateur => {
                    assert!(help.url.is_none());
                    assert!(
                        field("confidentiality")
                            .unwrap()
                            .text
                            .contains(match locale {
                                Locale::Fr => "confidentialité",
                                Locale::En => "confidential",
                            })
                    );
                    assert!(field("facts").unwrap().text.contains("E8"));
                }
                Destination::CounterfeitNotice => {
                    assert!(field("listings").is_some() && field("ip_rights").is_some());
                }
                _ => {}
            }
        }
    }
}

#[test]
fn long_texts_are_shortened_to_the_field_and_flagged() {
    let mut s = common::sample(Destination::DgeForm, Locale::Fr);
    for e in &mut s.report.incidents[0].events {
        e.data.summary = "Relance ".repeat(30);
    }
    s.report.steps.extend(s.report.steps.clone());
    s.report.steps.extend(s.report.steps.clone());
    let help = submission_help(&s.report);
    let steps = help.fields.iter().find(|f| f.key == "steps").unwrap();
    assert!(steps.shortened, "{}", steps.text);
    assert!(steps.text.ends_with('…') && steps.text.chars().count() <= 400);
}

// Hostile titles and original names: whatever they hold, the name in the bundle is safe.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("../../../etc/passwd".to_owned()),
        Just("/etc/shadow".to_owned()),
        Just("C:\\Windows\\System32\\drivers".to_owned()),
        Just("\\\\server\\share\\x".to_owned()),
        Just("CON".to_owned()),
        Just("nul.txt".to_owned()),
        Just("COM1".to_owned()),
        Just("LPT9 ".to_owned()),
        Just("facture\u{202E}fdp.exe".to_owned()),
        Just("a\u{0000}b\u{0007}c\r\nd\te".to_owned()),
        Just("\u{200B}\u{FEFF}\u{2066}x\u{2069}".to_owned()),
        Just("<>:\"/\\|?*".to_owned()),
        Just("trailing dots... ".to_owned()),
        Just(". .. ...".to_owned()),
        Just("é".repeat(1_000)),
        Just("mot ".repeat(250)),
        Just("ＣＯＮ".to_owned()),
        Just("😀🔥 emoji".to_owned()),
        any::<String>(),
        "\\PC{0,80}",
        "[a-zA-Z./\\\\:*?\"<>| \u{202E}\u{0}-\u{1f}]{0,40}",
    ]
}

fn media() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("image/jpeg".to_owned()),
        Just("text/plain; charset=utf-8".to_owned()),
        Just("application/pdf".to_owned()),
        Just("application/octet-stream".to_owned()),
        Just("message/rfc822".to_owned()),
        "[a-z]{1,8}/[a-z.+-]{1,20}",
    ]
}

fn assert_safe(name: &str) {
    let stem = name.split('.').next().unwrap();
    assert!(name.starts_with('P'), "{name:?}");
    assert!(
        !name.contains(['/', '\\', '<', '>', ':', '"', '|', '?', '*']),
        "{name:?}"
    );
    assert!(!name.contains(".."), "{name:?}");
    assert!(
        !name.chars().any(|c| c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')),
        "{name:?}"
    );
    assert!(!name.ends_with(['.', ' ']), "{name:?}");
    let upper = stem.to_ascii_uppercase();
    assert!(
        !["CON", "PRN", "AUX", "NUL"].contains(&upper.as_str())
            && !(upper.len() == 4 && (upper.starts_with("COM") || upper.starts_with("LPT"))),
        "{name:?}"
    );
    let (before, ext) = name.rsplit_once('.').unwrap();
    assert!(!before.is_empty());
    assert!(
        !ext.is_empty() && ext.len() <= 8 && ext.bytes().all(|b| b.is_ascii_alphanumeric()),
        "{name:?}"
    );
    // `P123-` + the title + `.` + the extension.
    assert!(
        name.chars().count() <= 5 + TITLE_MAX_CHARS + 1 + 8,
        "{} chars: {name:?}",
        name.chars().count()
    );
    assert!(name.len() <= 255);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_piece_name_is_safe(title in hostile(), original in hostile(), media in media(), number in 1u32..150) {
        let p = ReportPiece {
            id: 1,
            incident_id: 1,
            number,
            title,
            dated_on: None,
            note: String::new(),
            original_name: original,
            media_type: media,
            size: 0,
            sha256: String::new(),
            event_ids: vec![],
            proof: Default::default(),
        };
        let name = carnet_dossier::names::piece_file_name(&p);
        assert_safe(&name);
        prop_assert!(name.starts_with(&p.label()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// The bundle of pieces with hostile titles and names is read back entry by entry as plain
    /// relative paths, every piece intact.
    #[test]
    fn hostile_names_make_a_bundle_that_reads_back(titles in prop::collection::vec((hostile(), hostile()), 5)) {
        let mut s = common::sample(Destination::DgeForm, Locale::En);
        for (p, (title, original)) in s.report.pieces.iter_mut().zip(titles) {
            p.title = title;
            p.original_name = original;
        }
        let zip = write(&s.report, &s.bytes, true);
        let files = entries(&zip);
        for p in &s.report.pieces {
            let name = carnet_dossier::names::piece_file_name(p);
            assert_safe(&name);
            prop_assert_eq!(&files[&name], &s.bytes[&p.id]);
        }
    }
}

#[test]
fn hostile_names_extract_and_verify_with_the_system_tools() {
    let mut s = common::sample(Destination::Mediateur, Locale::Fr);
    let titles = [
        "../../../../tmp/evil",
        "CON",
        "facture\u{202E}fdp.exe",
        "a\u{0}b\u{7}c\r\nd",
        &"é".repeat(1_000),
    ];
    for (p, t) in s.report.pieces.iter_mut().zip(titles) {
        p.title = t.to_owned();
        p.original_name = format!("/etc/{t}");
    }
    let zip = write(&s.report, &s.bytes, false);
    let dir = extract_and_verify(&zip);
    // Everything landed inside the folder, nothing above it.
    assert!(!dir.path().join("tmp").exists());
    let listed: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(listed.len(), 9, "{listed:?}");
}

#[test]
fn the_pdf_names_each_piece_as_the_bundle_does() {
    let s = common::sample(Destination::Mediateur, Locale::Fr);
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("d.pdf");
    let mut out = Vec::new();
    carnet_dossier::render(&s.report, &s.bytes, &mut out).unwrap();
    std::fs::write(&pdf, out).unwrap();
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for p in &s.report.pieces {
        let name = carnet_dossier::names::piece_file_name(p);
        assert!(text.contains(&name), "{name} not in the PDF");
    }
}

/// A dossier without pieces writes no empty SHA256SUMS (`sha256sum -c` refuses one): its
/// how-to-verify text says there is nothing to verify, in both languages.
#[test]
fn a_dossier_without_pieces_has_no_empty_sha256sums() {
    for (locale, said) in [
        (Locale::Fr, "il n’y a rien à vérifier"),
        (Locale::En, "there is nothing to verify"),
    ] {
        let s = common::sample(Destination::Mediateur, locale);
        let mut r = s.report.clone();
        r.pieces.clear();
        for i in &mut r.incidents {
            for e in &mut i.events {
                e.data.piece_ids.clear();
            }
        }
        let zip = write(&r, &s.bytes, false);
        let all = entries(&zip);
        assert!(!all.contains_key("SHA256SUMS"), "{:?}", all.keys());
        let readme = all
            .iter()
            .find(|(k, _)| k.ends_with(".txt"))
            .map(|(_, v)| String::from_utf8(v.clone()).unwrap())
            .unwrap();
        assert!(readme.contains(said), "{readme}");
        assert!(!readme.contains("sha256sum -c"), "{readme}");
    }
}

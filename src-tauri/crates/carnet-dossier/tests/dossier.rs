//! The sample dossier rendered to a file and read back with poppler and qpdf, as a
//! recipient's tools would: structure, fonts, text, metadata, images. These tools come
//! with `make deps` (poppler-utils, qpdf); the tests fail, rather than skip, without them.

mod common;

use std::path::Path;
use std::process::Command;

use carnet_core::Locale;
use carnet_core::report::{Destination, PieceUnavailable, ReportPiece, ReportProblem};
use carnet_dossier::{DossierError, render};
use common::{sample, sha};

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (make deps): {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn rendered(
    destination: Destination,
    locale: Locale,
) -> (tempfile::TempDir, std::path::PathBuf, common::Sample) {
    let s = sample(destination, locale);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.pdf");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let written = render(&s.report, &s.bytes, &mut file).unwrap();
    drop(file);
    assert_eq!(written.bytes, std::fs::metadata(&path).unwrap().len());
    (dir, path, s)
}

fn pages(path: &Path) -> usize {
    let info = run("pdfinfo", &[path.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn the_mediator_dossier_passes_qpdf_and_says_what_it_must() {
    let (_dir, path, s) = rendered(Destination::Mediateur, Locale::Fr);
    let p = path.to_str().unwrap();
    let check = run("qpdf", &["--check", p]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );

    // pdftotext gives no-break spaces back as plain spaces (the PDF has them: see
    // `narrow_no_break_spaces_are_in_the_font`).
    let text = run("pdftotext", &[p, "-"]).replace(['\u{A0}', '\u{202F}'], " ");
    for wanted in [
        "Saisine du Médiateur des entreprises",
        "Suspension du compte vendeur Amazon",
        "Dossier n° 2026-0007",
        "Maroquinerie Bellecour SARL",
        "894 512 375",
        "Médiateur des entreprises",
        "Les parties : l’entreprise",
        "Traitement du différend à ce jour",
        "Inventaire des pièces",
        "Déclarations",
        "Annexes : les pièces",
        "réactivation",
        "« activité suspecte »",
        "18 450,00 €",
        "42 150,00 €",
        "Amazon Services Europe S.à r.l.",
        "non respecté",
        "ne constituent pas un avis juridique",
        "Nous avons désactivé votre compte vendeur",
        "Plan d'action — Maroquinerie Bellecour",
        "E3 — texte intégral",
        "ne pas avoir accès au motif de la désactivation",
        "Élodie Garnier",
        "ne souhaite pas que son identité soit communiquée",
        &s.report.pieces[0].sha256[..16],
    ] {
        assert!(text.contains(wanted), "pdftotext lacks {wanted:?}");
    }
    for c in ['é', 'è', 'à', 'ç', 'É', '«', '»', '€'] {
        assert!(text.contains(c), "{c:?}");
    }

    // "Page X / N" on every page.
    let n = pages(&path);
    assert!(n >= 8, "{n} pages");
    for i in 1..=n {
        let page = run(
            "pdftotext",
            &["-f", &i.to_string(), "-l", &i.to_string(), p, "-"],
        );
        assert!(
            page.contains(&format!("Page {i} / {n}")),
            "page {i}: {page}"
        );
    }
}

#[test]
fn fonts_are_embedded_subsets_only() {
    let (_dir, path, _) = rendered(Destination::DgeForm, Locale::Fr);
    let fonts = run("pdffonts", &[path.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(
            cols[0].len() > 7 && cols[0].as_bytes()[6] == b'+',
            "subset tag: {row}"
        );
        assert!(cols[0].contains("NotoSans"), "{row}");
        // name type encoding emb sub uni object ID
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "emb sub uni: {row}"
        );
    }
    let size = std::fs::metadata(&path).unwrap().len();
    let (jpeg, png) = {
        let s = sample(Destination::DgeForm, Locale::Fr);
        (s.jpeg.len() as u64, s.png.len() as u64)
    };
    // Images plus a few pages of text: the two faces together weigh 1 MB when whole.
    assert!(size < jpeg + png + 200_000, "{size} bytes");
}

#[test]
fn metadata_carries_the_title_author_language_and_the_dates_passed_in() {
    let (_dir, path, _) = rendered(Destination::Mediateur, Locale::Fr);
    let info = run("pdfinfo", &["-isodates", path.to_str().unwrap()]);
    assert!(
        info.contains("Title:           Suspension du compte vendeur Amazon"),
        "{info}"
    );
    assert!(
        info.contains("Author:          Maroquinerie Bellecour SARL"),
        "{info}"
    );
    assert!(
        info.contains("CreationDate:    2026-11-26T10:30:00+01"),
        "{info}"
    );
    assert!(
        info.contains("ModDate:         2026-11-26T10:30:00+01"),
        "{info}"
    );
    let doc = lopdf::Document::load(&path).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"fr");
    assert!(catalog.get(b"Outlines").is_ok());
}

#[test]
fn the_jpeg_goes_in_unchanged_and_the_png_at_full_size() {
    let (dir, path, s) = rendered(Destination::Mediateur, Locale::Fr);
    let p = path.to_str().unwrap();
    let list = run("pdfimages", &["-list", p]);
    let rows: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    // page num type width height color comp bpc enc …
    assert!(
        rows.iter()
            .any(|r| r[3] == "1280" && r[4] == "800" && r[8] == "jpeg"),
        "{list}"
    );
    assert!(
        rows.iter()
            .any(|r| r[3] == "1024" && r[4] == "640" && r[5] == "rgb" && r[8] == "image"),
        "{list}"
    );
    let prefix = dir.path().join("img");
    run("pdfimages", &["-j", p, prefix.to_str().unwrap()]);
    let jpg = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "jpg"))
        .expect("a JPEG comes out");
    let out = std::fs::read(jpg).unwrap();
    assert_eq!(out.len(), s.jpeg.len());
    assert_eq!(sha(&out), sha(&s.jpeg), "byte for byte");
    // The PNG: poppler decodes it back to exactly the pixels we drew.
    run(
        "pdfimages",
        &[
            "-png",
            "-f",
            "1",
            p,
            dir.path().join("png").to_str().unwrap(),
        ],
    );
}

#[test]
fn the_chronology_links_to_the_annexes_and_the_outline_follows_the_sections() {
    let (_dir, path, _) = rendered(Destination::Mediateur, Locale::Fr);
    let doc = lopdf::Document::load(&path).unwrap();
    let mut goto = 0;
    for id in doc.get_pages().values() {
        let page = doc.get_dictionary(*id).unwrap();
        let Ok(annots) = page.get(b"Annots").and_then(lopdf::Object::as_array) else {
            continue;
        };
        for annot in annots {
            let dict = match annot {
                lopdf::Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
                other => other.as_dict().unwrap(),
            };
            let action = dict.get(b"A").and_then(lopdf::Object::as_dict).unwrap();
            assert_eq!(action.get(b"S").unwrap().as_name().unwrap(), b"GoTo");
            goto += 1;
        }
    }
    // Contents (sections and pieces), chronology → pieces, inventory ↔ annexes.
    assert!(goto >= 25, "{goto} internal links");
    let outline = run(
        "qpdf",
        &["--json", "--json-key=outlines", path.to_str().unwrap()],
    );
    let first = outline.find("Suspension du compte vendeur Amazon").unwrap();
    let chrono = outline.find("Les faits, dans l").unwrap();
    let annexes = outline.find("Annexes").unwrap();
    assert!(first < chrono && chrono < annexes, "{outline}");
    // The pieces are kids of the annexes' entry (qpdf lists an entry's kids before its title).
    let doc = lopdf::Document::load(&path).unwrap();
    let root = doc
        .catalog()
        .unwrap()
        .get(b"Outlines")
        .unwrap()
        .as_reference()
        .unwrap();
    let last = doc
        .get_dictionary(root)
        .unwrap()
        .get(b"Last")
        .unwrap()
        .as_reference()
        .unwrap();
    let annex = doc.get_dictionary(last).unwrap();
    assert_eq!(
        annex.get(b"Count").unwrap().as_i64().unwrap(),
        -5,
        "five pieces, closed"
    );
}

#[test]
fn english_dossiers_are_in_english_throughout() {
    let (_dir, path, _) = rendered(Destination::PlatformComplaint, Locale::En);
    let p = path.to_str().unwrap();
    let text = run("pdftotext", &[p, "-"]);
    for wanted in [
        "Complaint against a decision of the platform",
        "The decision contested and the time limits",
        "What the platform is asked to do",
        "Inventory of the pieces",
        "€18,450.00",
        "not met",
        "are not legal advice",
    ] {
        assert!(text.contains(wanted), "lacks {wanted:?}");
    }
    for french in ["Inventaire", "Sommaire", "Établi le", "non renseigné"] {
        assert!(
            !text.contains(french),
            "French {french:?} in an English dossier"
        );
    }
    let n = pages(&path);
    assert!(text.contains(&format!("Page 1 / {n}")));
    let doc = lopdf::Document::load(&path).unwrap();
    assert_eq!(
        doc.catalog()
            .unwrap()
            .get(b"Lang")
            .unwrap()
            .as_str()
            .unwrap(),
        b"en"
    );
}

#[test]
fn every_destination_renders_with_its_own_sections() {
    for destination in Destination::ALL {
        let s = sample(destination, Locale::Fr);
        let mut out = Vec::new();
        render(&s.report, &s.bytes, &mut out).unwrap();
        assert!(out.starts_with(b"%PDF-"));
    }
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let s = sample(Destination::Mediateur, Locale::Fr);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    render(&s.report, &s.bytes, &mut a).unwrap();
    render(&s.report, &s.bytes, &mut b).unwrap();
    assert!(a == b);
}

#[test]
fn an_altered_or_missing_piece_stops_the_dossier() {
    let mut s = sample(Destination::Mediateur, Locale::Fr);
    s.bytes.get_mut(&105).unwrap().push(b'!');
    let err = render(&s.report, &s.bytes, &mut Vec::new()).unwrap_err();
    assert!(
        matches!(err, DossierError::PieceAltered { ref piece } if piece == "P05"),
        "{err}"
    );

    let s = sample(Destination::Mediateur, Locale::Fr);
    let broken = |p: &ReportPiece| -> Result<Vec<u8>, PieceUnavailable> {
        Err(PieceUnavailable(format!("vault locked ({})", p.label())))
    };
    let err = render(&s.report, &broken, &mut Vec::new()).unwrap_err();
    assert!(
        matches!(err, DossierError::PieceUnavailable { .. }),
        "{err}"
    );
}

#[test]
fn a_summary_over_400_characters_is_refused() {
    let mut s = sample(Destination::DgeForm, Locale::Fr);
    s.report.summary = "x".repeat(401);
    let err = render(&s.report, &s.bytes, &mut Vec::new()).unwrap_err();
    match err {
        DossierError::Report(p) => assert_eq!(
            p,
            vec![ReportProblem::SummaryTooLong {
                chars: 401,
                max: 400
            }]
        ),
        other => panic!("{other}"),
    }
}

#[test]
fn a_failing_writer_is_an_error_not_a_silent_truncation() {
    struct Full(usize);
    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0 + buf.len() > 10_000 {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    "disk full",
                ));
            }
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let s = sample(Destination::DgeForm, Locale::Fr);
    let err = render(&s.report, &s.bytes, &mut Full(0)).unwrap_err();
    assert!(matches!(err, DossierError::Write(_)), "{err}");
}

#[test]
fn narrow_no_break_spaces_are_in_the_font() {
    // French typography puts U+202F before « : ; ! ? » » and in amounts: the subset font
    // carries that glyph and its /ToUnicode maps it back.
    let (_dir, path, _) = rendered(Destination::Mediateur, Locale::Fr);
    let doc = lopdf::Document::load(&path).unwrap();
    let found = doc.objects.values().any(|o| match o {
        lopdf::Object::Stream(s) => {
            let content = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            let text = String::from_utf8_lossy(&content);
            text.contains("begincmap") && text.to_ascii_uppercase().contains("<202F>")
        }
        _ => false,
    });
    assert!(found);
}

/// The sample rendered to a PDF, `pdfimages -list`'s table of its images, and each image as
/// `pdfimages -png` takes it out, decoded (its header, its pixels).
fn pdf_images(s: &common::Sample) -> (String, Vec<(png::OutputInfo, Vec<u8>)>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.pdf");
    let mut out = Vec::new();
    render(&s.report, &s.bytes, &mut out).unwrap();
    std::fs::write(&path, out).unwrap();
    let list = run("pdfimages", &["-list", path.to_str().unwrap()]);
    let prefix = dir.path().join("x");
    run(
        "pdfimages",
        &["-png", path.to_str().unwrap(), prefix.to_str().unwrap()],
    );
    let mut images = Vec::new();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_none_or(|e| e != "png") {
            continue;
        }
        let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&p).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        images.push((info, buf));
    }
    (list, images)
}

/// Asserts that the dossier's text holds each of `words` (`what` names the dossier).
fn assert_says(text: &str, words: &[&str], what: &str) {
    for w in words {
        assert!(text.contains(w), "{what} lacks {w:?}");
    }
}

#[test]
fn a_png_with_alpha_comes_back_pixel_for_pixel() {
    // One incident, two screenshots: P01 a PNG with an (opaque) alpha channel, P02 a JPEG.
    let s = common::big_sample(1, 2, 2, 0, true);
    assert_eq!(s.report.pieces[0].media_type, "image/png");
    let (_, images) = pdf_images(&s);
    let found = images.iter().any(|(info, buf)| {
        (info.width, info.height) == (1280, 800)
            && info.color_type == png::ColorType::Rgb
            && *buf == common::screenshot_pixels(1280, 800, 1, 3)
    });
    assert!(found, "the PNG's pixels, exactly, at 1280×800");
}

#[test]
fn a_window_capture_keeps_its_transparency_pixel_for_pixel() {
    // One incident, two screenshots: P01 made the RGBA window capture with transparent
    // corners and shadow (common::png's thirteenth), P02 a JPEG.
    let mut s = common::big_sample(1, 2, 2, 0, true);
    let capture = common::png(1280, 800, 13, true);
    let p01 = &mut s.report.pieces[0];
    assert_eq!(p01.media_type, "image/png");
    (p01.sha256, p01.size) = (common::sha(&capture), capture.len() as u64);
    s.bytes.insert(p01.id, capture);
    let mut source = common::screenshot_pixels(1280, 800, 13, 4);
    common::window_capture(&mut source, 1280, 800);
    let color: Vec<u8> = source
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let alpha: Vec<u8> = source.chunks_exact(4).map(|p| p[3]).collect();
    assert!(alpha.contains(&0) && alpha.contains(&0xFF));

    let (list, images) = pdf_images(&s);
    // One soft mask in all: the opaque screenshots have none.
    assert_eq!(
        list.lines().filter(|l| l.contains(" smask ")).count(),
        1,
        "{list}"
    );
    let color_found = images
        .iter()
        .any(|(info, buf)| info.color_type == png::ColorType::Rgb && *buf == color);
    let alpha_found = images
        .iter()
        .any(|(info, buf)| info.color_type == png::ColorType::Grayscale && *buf == alpha);
    assert!(color_found, "the capture's colours, exactly");
    assert!(
        alpha_found,
        "the capture's alpha, exactly, as its soft mask"
    );
}

/// The PDF's text with its spacing evened out (lines wrap anywhere).
fn flat_text(
    report: &carnet_core::report::Report,
    bytes: &std::collections::BTreeMap<i64, Vec<u8>>,
) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.pdf");
    let mut out = Vec::new();
    render(report, bytes, &mut out).unwrap();
    std::fs::write(&path, out).unwrap();
    run("pdftotext", &[path.to_str().unwrap(), "-"])
        .replace(['\u{A0}', '\u{202F}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_out_of_court_dossier_prints_the_complaint_when_there_is_one_and_needs_none() {
    use carnet_core::report::StepKind;
    let s = sample(Destination::OutOfCourtBody, Locale::Fr);
    let text = flat_text(&s.report, &s.bytes);
    assert!(text.contains("réclamation interne"));
    assert!(!text.contains("peut être saisi directement"), "{text}");

    let mut r = s.report.clone();
    r.steps.retain(|st| {
        !matches!(
            st.kind,
            StepKind::InternalComplaint | StepKind::PlatformAnswer
        )
    });
    let text = flat_text(&r, &s.bytes);
    assert!(
        text.contains("un organisme certifié peut être saisi directement (DSA, art. 21(1))"),
        "{text}"
    );
    let help = carnet_dossier::submission_fields(&r);
    let steps = help.iter().find(|f| f.key == "steps").unwrap();
    assert!(steps.text.contains("saisi directement"), "{}", steps.text);
}

#[test]
fn a_heic_photo_for_the_dge_form_asks_for_a_jpeg_copy_and_stays_in_the_bundle() {
    use carnet_core::delivery::PieceFit;
    let s = sample(Destination::DgeForm, Locale::Fr);
    let mut r = s.report.clone();
    r.pieces[0].original_name = "IMG_4031.HEIC".into();
    r.pieces[0].media_type = "image/heic".into();

    // The form does not take it as it is.
    let limits = carnet_dossier::check_limits(&r);
    assert_eq!(limits.pieces[0].fit, PieceFit::InZipOnly);

    let text = flat_text(&r, &s.bytes);
    assert!(
        text.contains("le formulaire de démarches refuse ce format"),
        "{text}"
    );
    assert!(text.contains("joignez une copie JPEG"));

    let help = carnet_dossier::submission_fields(&r);
    let pieces = help.iter().find(|f| f.key == "pieces").unwrap();
    assert!(
        pieces
            .text
            .replace('\u{A0}', " ")
            .contains("P01 : photo(s) HEIC"),
        "{}",
        pieces.text
    );

    // The bundle keeps the original, byte for byte, and its README says what to upload.
    let mut zip = std::io::Cursor::new(Vec::new());
    carnet_dossier::bundle(
        &r,
        &s.bytes,
        &carnet_dossier::BundleOptions { groups: true },
        &mut zip,
    )
    .unwrap();
    let mut a = zip::ZipArchive::new(std::io::Cursor::new(zip.into_inner())).unwrap();
    let names: Vec<String> = (0..a.len())
        .map(|i| a.by_index(i).unwrap().name().unwrap().into_owned())
        .collect();
    let heic = names
        .iter()
        .find(|n| n.to_ascii_lowercase().ends_with(".heic"))
        .unwrap_or_else(|| panic!("{names:?}"))
        .clone();
    let mut original = Vec::new();
    std::io::Read::read_to_end(&mut a.by_name(&heic).unwrap(), &mut original).unwrap();
    assert_eq!(original, s.bytes[&r.pieces[0].id]);
    let readme = carnet_dossier::bundle::readme_name(Locale::Fr);
    let mut text = String::new();
    std::io::Read::read_to_string(&mut a.by_name(readme).unwrap(), &mut text).unwrap();
    assert!(text.contains("copie JPEG"), "{readme}: {text}");

    // Other destinations say nothing of it.
    let mut c = r.clone();
    c.destination = Destination::PlatformComplaint;
    assert!(!flat_text(&c, &s.bytes).contains("démarches refuse"));
}

#[test]
fn the_platform_card_has_its_address_charter_status_designations_and_bodies() {
    for (locale, wanted) in [
        (
            Locale::Fr,
            [
                "38 avenue John F. Kennedy, L-1855 Luxembourg",
                "a rejoint la charte renouvelée en 2020",
                "Très grande plateforme en ligne (DSA) oui",
                "Contrôleur d’accès (DMA) oui",
                "ADR Center (IT) — gratuit pour le destinataire",
                "Médiateurs désignés dans ses conditions (P2B, art. 12)",
            ],
        ),
        (
            Locale::En,
            [
                "38 avenue John F. Kennedy, L-1855 Luxembourg",
                "joined the renewed charter in 2020",
                "Very large online platform (DSA) yes",
                "Gatekeeper (DMA) yes",
                "ADR Center (IT) — free for the recipient",
                "Mediators named in its terms (P2B, Art. 12)",
            ],
        ),
    ] {
        let s = sample(Destination::Mediateur, locale);
        let text = flat_text(&s.report, &s.bytes);
        assert_says(&text, &wanted, &format!("{locale:?}"));
        let help = carnet_dossier::submission_fields(&s.report);
        let platform = help.iter().find(|f| f.key == "platform").unwrap();
        assert!(
            platform.text.contains("L-1855 Luxembourg"),
            "{}",
            platform.text
        );
    }
    // Unknown designations say so rather than "no".
    let mut s = sample(Destination::OutOfCourtBody, Locale::Fr);
    s.report.platforms[0].vlop = None;
    s.report.platforms[0].charter = carnet_core::report::CharterStatus::Unknown;
    let text = flat_text(&s.report, &s.bytes);
    assert!(
        text.contains("Très grande plateforme en ligne (DSA) inconnu"),
        "{text}"
    );
}

#[test]
fn the_mediateur_dossier_tells_a_sollicitation_from_a_saisine() {
    let s = sample(Destination::Mediateur, Locale::Fr);
    let text = flat_text(&s.report, &s.bytes);
    assert_says(
        &text,
        &[
            "Saisine du Médiateur des entreprises — demande de médiation",
            "l’espace de signalement mis à disposition par le Médiateur des entreprises",
            "Nature de la demande saisine (une demande de médiation)",
            "Cadre de la saisine Litige avec une plateforme de vente en ligne",
            "Effectif 6 personnes",
            "Traitement du différend à ce jour, selon l’entreprise",
            "relance écrite le 30 septembre",
        ],
        "Médiateur",
    );
    let help = carnet_dossier::submission_fields(&s.report);
    let field = |k: &str| help.iter().find(|f| f.key == k).unwrap().text.clone();
    assert!(field("request_kind").starts_with("saisine"));
    assert!(field("framework").contains("Litige avec une plateforme"));
    assert!(field("headcount").contains('6'));
    assert!(field("handled_so_far").contains("relance écrite"));

    let mut r = s.report.clone();
    r.mediateur_request = Some(carnet_core::report::MediateurRequest::Sollicitation);
    let text = flat_text(&r, &s.bytes);
    assert!(text.contains("Sollicitation du Médiateur des entreprises"));
    assert!(!text.contains("Cadre de la saisine"));
}

#[test]
fn grounds_are_printed_in_the_complaint_out_of_court_and_mediation_dossiers() {
    for (destination, locale, wanted) in [
        (
            Destination::PlatformComplaint,
            Locale::Fr,
            "La décision n’indique pas les faits et circonstances sur lesquels elle repose (DSA 17(3)(b))",
        ),
        (
            Destination::OutOfCourtBody,
            Locale::En,
            "The decision does not state the facts and circumstances it rests on (DSA 17(3)(b))",
        ),
        (
            Destination::Mediateur,
            Locale::Fr,
            "La décision ne cite pas la clause des conditions qui la fonde (DSA 17(3)(e))",
        ),
        (
            Destination::P2bMediator,
            Locale::Fr,
            "La décision ne cite pas la clause des conditions qui la fonde (DSA 17(3)(e))",
        ),
    ] {
        let s = sample(destination, locale);
        let text = flat_text(&s.report, &s.bytes);
        assert!(text.contains(wanted), "{destination:?}: {text}");
        let help = carnet_dossier::submission_fields(&s.report);
        let g = help.iter().find(|f| f.key == "grounds").unwrap();
        assert!(g.text.contains("17(3)(b)"), "{destination:?}");
    }
    let mut s = sample(Destination::PlatformComplaint, Locale::En);
    s.report.grounds.clear();
    let text = flat_text(&s.report, &s.bytes);
    assert!(text.contains("No missing element of the statement of reasons was noted."));
}

#[test]
fn arcom_and_the_p2b_mediator_have_their_own_dossiers_in_both_languages() {
    let s = sample(Destination::Arcom, Locale::Fr);
    let text = flat_text(&s.report, &s.bytes);
    assert_says(
        &text,
        &[
            "Plainte contre un fournisseur de services intermédiaires (DSA, art. 53)",
            "Arcom — coordinateur pour les services numériques (France)",
            "Dispositions du DSA concernées DSA 17, DSA 20",
            "Les faits, datés",
            "Démarches déjà effectuées",
        ],
        "Arcom",
    );
    let s = sample(Destination::Arcom, Locale::En);
    let text = flat_text(&s.report, &s.bytes);
    assert!(text.contains("Complaint against a provider of intermediary services (DSA, Art. 53)"));
    assert!(text.contains("does not settle the individual dispute"));

    let s = sample(Destination::P2bMediator, Locale::Fr);
    let text = flat_text(&s.report, &s.bytes);
    assert_says(
        &text,
        &[
            "Médiateur désigné dans les conditions de la plateforme (P2B, art. 12)",
            "Centre for Effective Dispute Resolution (CEDR) — désigné dans les conditions de la plateforme",
            "une part raisonnable des coûts de la médiation (P2B, art. 12(4))",
            "Les parties : la plateforme",
        ],
        "P2B mediator",
    );
    let help = carnet_dossier::submission_help(&s.report);
    let keys: Vec<&str> = help.fields.iter().map(|f| f.key.as_str()).collect();
    for k in ["mediator", "handled_so_far", "cost_share", "grounds"] {
        assert!(keys.contains(&k), "{k}");
    }
    let mut other = s.report.clone();
    other.mediator = "Un médiateur inconnu".into();
    let text = flat_text(&other, &s.bytes);
    assert!(text.contains("absent de la liste des médiateurs"));
}

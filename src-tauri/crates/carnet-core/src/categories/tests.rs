use super::*;
use crate::locale::Locale;
use proptest::prelude::*;

/// The codes of the project's domain notes §5 (docs/law.md), in their order.
const DOMAIN_CODES: [&str; 22] = [
    "CGU-01", "CGU-02", "CGU-03", "FIN-01", "FIN-02", "ACC-01", "ACC-02", "ACC-03", "VIS-01",
    "VIS-02", "SRV-01", "DAT-01", "PAR-01", "COM-01", "COM-02", "COM-03", "TEC-01", "CTF-01",
    "CTF-02", "CTF-03", "REV-01", "OTH-99",
];

/// The smallest valid file; each failure test changes one thing in it.
const MINIMAL: &str = r#"
[[axis]]
code = "A1"
fr = "Axe un"
en = "Axis one"

[[axis]]
code = "A2"
fr = "Axe deux"
en = "Axis two"

[[axis]]
code = "A3"
fr = "Axe trois"
en = "Axis three"

[[group]]
code = "ACC"
fr = "Comptes"
en = "Accounts"

[[group]]
code = "OTH"
fr = "Autres"
en = "Others"

[[category]]
code = "ACC-01"
group = "ACC"
fr = "Offres retirées"
en = "Offers delisted"
axes = ["A2"]
refs = ["P2B 4(1)"]
measures = ["restriction"]
evidence = [{ fr = "Le message", en = "The message" }]

[[category]]
code = "OTH-99"
group = "OTH"
fr = "Autre"
en = "Other"
"#;

fn with(from: &str, to: &str) -> Result<Catalogue, CatalogueError> {
    assert!(
        MINIMAL.contains(from),
        "{from:?} is not in the minimal file"
    );
    Catalogue::parse(&MINIMAL.replacen(from, to, 1))
}

fn missing(code: &str, what: &str) -> Result<Catalogue, CatalogueError> {
    Err(CatalogueError::Missing {
        code: code.into(),
        what: what.into(),
    })
}

fn unknown(code: &str, key: &'static str, value: &str) -> Result<Catalogue, CatalogueError> {
    Err(CatalogueError::Unknown {
        code: code.into(),
        key,
        value: value.into(),
    })
}

#[test]
fn the_builtin_file_is_valid_and_has_the_domain_codes() {
    let c = Catalogue::load().unwrap();
    let codes: Vec<&str> = c.categories().iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, DOMAIN_CODES);
    assert_eq!(&c, Catalogue::builtin());
    assert!(std::ptr::eq(Catalogue::builtin(), Catalogue::builtin()));
}

#[test]
fn builtin_entries_as_domain_md_has_them() {
    let c = Catalogue::builtin();
    let acc = c.group("ACC").unwrap();
    assert_eq!(acc.label.get(Locale::Fr), "Comptes et offres");
    assert_eq!(acc.label.get(Locale::En), "Accounts and offers");
    let in_acc: Vec<&str> = c.in_group("ACC").map(|c| c.code.as_str()).collect();
    assert_eq!(in_acc, ["ACC-01", "ACC-02", "ACC-03"]);

    let acc02 = c.category("ACC-02").unwrap();
    assert_eq!(acc02.axes, [Axis::A2]);
    assert!(acc02.refs.iter().any(|r| r == "P2B 4(1)"));
    assert_eq!(acc02.measures, [Measure::Suspension, Measure::Termination]);
    assert_eq!(c.category("FIN-02").unwrap().axes, [Axis::A1, Axis::A2]);
    assert_eq!(c.category("CTF-02").unwrap().axes, [Axis::A3, Axis::A2]);
    let other = c.category(OTHER).unwrap();
    assert!(other.axes.is_empty() && other.refs.is_empty() && other.evidence.is_empty());
    assert_eq!(
        c.category("CGU-01").unwrap().measures,
        [Measure::TermsChange]
    );

    assert_eq!(
        c.axis(Axis::A3).en,
        "Fighting counterfeits more effectively"
    );
    assert!(c.category("ACC-04").is_none() && c.group("XYZ").is_none());
    assert_eq!(c.groups().len(), 12);
}

/// The corrections of issue 11 §1, each from domain.md §5 (the old values fail these).
#[test]
fn articles_as_the_texts_have_them() {
    let c = Catalogue::builtin();
    let refs = |code: &str| c.category(code).unwrap().refs.clone();
    // FIN-02: DSA 17/20/21 only when the hold rests on content said to be illegal or against
    // the terms; otherwise P2B 4(1) alone (no DSA 20 clock on a plain hold).
    let fin02 = c.category("FIN-02").unwrap();
    assert_eq!(fin02.refs, ["P2B 4(1)"]);
    assert_eq!(
        fin02.refs_for(Some(Measure::Restriction), false, false),
        ["P2B 4(1)"]
    );
    let on_content = fin02.refs_for(Some(Measure::Restriction), true, false);
    assert!(
        on_content.iter().any(|r| r == "DSA 20")
            && on_content.iter().any(|r| r.starts_with("DSA 17"))
    );
    // COM-01: a point of contact not relying solely on automated tools is DSA 12, not DSA 20.
    assert!(refs("COM-01").iter().any(|r| r == "DSA 12"));
    assert!(!refs("COM-01").iter().any(|r| r == "DSA 20"));
    // CTF-01 and CTF-03: trusted flaggers (DSA 22).
    assert!(refs("CTF-01").iter().any(|r| r == "DSA 22"));
    assert!(refs("CTF-03").iter().any(|r| r == "DSA 22"));
    // Gatekeepers (DMA).
    for (code, dma) in [
        ("DAT-01", "DMA 6(10)"),
        ("VIS-02", "DMA 6(5)"),
        ("PAR-01", "DMA 5(3)"),
        ("SRV-01", "DMA 5(7)"),
    ] {
        let cat = c.category(code).unwrap();
        assert!(
            cat.refs_for(None, false, true).iter().any(|r| r == dma),
            "{code}"
        );
        assert!(
            !cat.refs_for(None, false, false).iter().any(|r| r == dma),
            "{code}"
        );
    }
}

/// P2B 4(1) for a suspension or restriction, 4(2) only for the termination of the whole
/// service: chosen by the measure recorded, not by the category.
#[test]
fn the_p2b_4_article_follows_the_measure() {
    let c = Catalogue::builtin();
    let acc02 = c.category("ACC-02").unwrap();
    let on = |m| acc02.refs_for(Some(m), false, false);
    assert!(on(Measure::Suspension).iter().any(|r| r == "P2B 4(1)"));
    assert!(!on(Measure::Suspension).iter().any(|r| r == "P2B 4(2)"));
    assert!(on(Measure::Termination).iter().any(|r| r == "P2B 4(2)"));
    assert!(!on(Measure::Termination).iter().any(|r| r == "P2B 4(1)"));
    let acc01 = c.category("ACC-01").unwrap();
    assert!(
        acc01
            .refs_for(Some(Measure::Termination), false, false)
            .iter()
            .any(|r| r == "P2B 4(2)")
    );
    assert_eq!(p2b4_article(Measure::Restriction), Some("P2B 4(1)"));
    assert_eq!(p2b4_article(Measure::TermsChange), None);
}

#[test]
fn builtin_french_follows_french_typography() {
    let c = Catalogue::builtin();
    let mut texts: Vec<&str> = c.groups().iter().map(|g| g.label.fr.as_str()).collect();
    for cat in c.categories() {
        texts.push(&cat.label.fr);
        texts.extend(cat.evidence.iter().map(|e| e.fr.as_str()));
    }
    for t in texts {
        assert!(!t.contains('\''), "straight apostrophe in {t:?}");
        assert!(!t.contains('"'), "straight quote in {t:?}");
        for p in [" :", " ;", " !", " ?"] {
            assert!(!t.contains(p), "breaking space before punctuation in {t:?}");
        }
    }
}

#[test]
fn serialised_for_the_ui() {
    let json = serde_json::to_value(Catalogue::builtin()).unwrap();
    let ctf02 = &json["categories"][18];
    assert_eq!(ctf02["code"], "CTF-02");
    assert_eq!(ctf02["axes"], serde_json::json!(["A3", "A2"]));
    assert_eq!(
        ctf02["label"]["en"],
        "Wrongly accused of counterfeiting, offers removed"
    );
    assert_eq!(ctf02["measures"][0], "restriction");
    assert_eq!(json["axes"][0]["axis"], "A1");
    assert_eq!(json["groups"][2]["code"], "ACC");
}

#[test]
fn the_minimal_file_is_valid() {
    assert_eq!(Catalogue::parse(MINIMAL).unwrap().categories().len(), 2);
}

#[test]
fn missing_labels_are_named() {
    assert_eq!(
        with("en = \"Offers delisted\"\n", ""),
        missing("ACC-01", "en label")
    );
    assert_eq!(
        with("fr = \"Offres retirées\"", "fr = \"  \""),
        missing("ACC-01", "fr label")
    );
    assert_eq!(
        with(
            "{ fr = \"Le message\", en = \"The message\" }",
            "{ en = \"The message\" }"
        ),
        missing("ACC-01", "fr label of evidence 1")
    );
    assert_eq!(with("fr = \"Comptes\"\n", ""), missing("ACC", "fr label"));
    assert_eq!(with("en = \"Axis two\"\n", ""), missing("A2", "en label"));
    assert_eq!(with("en = \"Other\"\n", ""), missing("OTH-99", "en label"));
}

#[test]
fn unknown_axes_groups_and_measures_are_named() {
    assert_eq!(
        with("axes = [\"A2\"]", "axes = [\"A2\", \"A4\"]"),
        unknown("ACC-01", "axis", "A4")
    );
    assert_eq!(
        with("code = \"A3\"", "code = \"A9\""),
        unknown("A9", "axis", "A9")
    );
    assert_eq!(
        with("group = \"ACC\"", "group = \"ACX\""),
        unknown("ACC-01", "group", "ACX")
    );
    assert_eq!(with("group = \"ACC\"\n", ""), missing("ACC-01", "group"));
    assert_eq!(
        with("measures = [\"restriction\"]", "measures = [\"closure\"]"),
        unknown("ACC-01", "measure", "closure")
    );
}

#[test]
fn duplicates_are_named() {
    let dup = |code: &str| Err(CatalogueError::Duplicate { code: code.into() });
    assert_eq!(
        with("code = \"OTH-99\"", "code = \"ACC-01\""),
        dup("ACC-01")
    );
    assert_eq!(with("code = \"OTH\"", "code = \"ACC\""), dup("ACC"));
    assert_eq!(with("code = \"A3\"", "code = \"A1\""), dup("A1"));
}

#[test]
fn incomplete_categories_are_named() {
    assert_eq!(
        with(
            "evidence = [{ fr = \"Le message\", en = \"The message\" }]",
            "evidence = []"
        ),
        missing("ACC-01", "evidence to collect")
    );
    assert_eq!(
        with("axes = [\"A2\"]\n", ""),
        missing("ACC-01", "charter axis")
    );
    assert_eq!(
        with("refs = [\"P2B 4(1)\"]", "refs = []"),
        missing("ACC-01", "legal references")
    );
    // The catch-all may have none of them, and is required.
    let no_other = &MINIMAL[..MINIMAL.rfind("[[category]]").unwrap()];
    assert_eq!(Catalogue::parse(no_other), missing("OTH-99", "category"));
    // A group without categories.
    let lonely = MINIMAL.to_owned()
        + "\n[[group]]\ncode = \"VIS\"\nfr = \"Visibilité\"\nen = \"Visibility\"\n";
    assert_eq!(Catalogue::parse(&lonely), missing("VIS", "categories"));
    // An axis nobody defined.
    let start = MINIMAL.find("[[axis]]\ncode = \"A3\"").unwrap();
    let no_a3 = MINIMAL[..start].to_owned() + &MINIMAL[MINIMAL.find("[[group]]").unwrap()..];
    assert_eq!(Catalogue::parse(&no_a3), missing("A3", "definition"));
}

#[test]
fn malformed_codes_and_files() {
    fn malformed(code: &str) -> impl Fn(Result<Catalogue, CatalogueError>) -> bool + '_ {
        move |r| matches!(r, Err(CatalogueError::Malformed { code: c, .. }) if c == code)
    }
    assert!(malformed("ACC-1")(with(
        "code = \"ACC-01\"",
        "code = \"ACC-1\""
    )));
    assert!(malformed("OTH-01")(with(
        "code = \"ACC-01\"",
        "code = \"OTH-01\""
    )));
    assert!(malformed("ACC-01")(with(
        "refs = [\"P2B 4(1)\"]",
        "refs = [\"P2B 4(1)\", \" \"]"
    )));
    assert!(matches!(
        with("evidence = [", "evidense = ["),
        Err(CatalogueError::Syntax(_))
    ));
    assert!(matches!(
        Catalogue::parse("[[category]"),
        Err(CatalogueError::Syntax(_))
    ));
    // A group code that is not three capitals (the categories follow it).
    let lower = MINIMAL.replace("\"OTH", "\"Oth");
    assert!(malformed("Oth")(Catalogue::parse(&lower)));
}

#[test]
fn copying_any_code_over_another_is_a_duplicate() {
    for from in DOMAIN_CODES {
        for to in DOMAIN_CODES.iter().filter(|&&c| c != from) {
            let text = BUILTIN_TOML.replacen(
                &format!("code = \"{to}\""),
                &format!("code = \"{from}\""),
                1,
            );
            assert_eq!(
                Catalogue::parse(&text),
                Err(CatalogueError::Duplicate { code: from.into() })
            );
        }
    }
}

/// The lines of the built-in file that carry a label (`fr = …` or `en = …` at the start),
/// each with the code of the entry it belongs to.
fn label_lines() -> Vec<(usize, String)> {
    let mut code = String::new();
    let mut out = Vec::new();
    for (i, line) in BUILTIN_TOML.lines().enumerate() {
        if let Some(c) = line.strip_prefix("code = ") {
            code = c.trim_matches('"').to_owned();
        }
        if line.starts_with("fr = ") || line.starts_with("en = ") {
            out.push((i, code.clone()));
        }
    }
    out
}

proptest! {
    #[test]
    fn removing_any_label_of_the_builtin_file_names_its_entry(pick in any::<prop::sample::Index>()) {
        let lines = label_lines();
        let (at, code) = &lines[pick.index(lines.len())];
        let text: Vec<&str> = BUILTIN_TOML.lines().enumerate().filter(|(i, _)| i != at).map(|(_, l)| l).collect();
        let lang = &BUILTIN_TOML.lines().nth(*at).unwrap()[..2];
        prop_assert_eq!(Catalogue::parse(&text.join("\n")), missing(code, &format!("{lang} label")));
    }

    #[test]
    fn arbitrary_text_is_refused_without_panic(s in "\\PC{0,200}") {
        prop_assert!(Catalogue::parse(&s).is_err());
    }
}

use super::*;
use proptest::prelude::*;

fn texts(page: &Page) -> Vec<&str> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn text_ys(page: &Page, wanted: &str) -> Vec<f32> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, y, .. } if text.contains(wanted) => Some(*y),
            _ => None,
        })
        .collect()
}

fn filler(lines: usize) -> Block {
    Block::Para(Para::text(
        (0..lines)
            .map(|i| format!("filler {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
    ))
}

fn heading(text: &str) -> Block {
    Block::Heading {
        text: text.into(),
        level: 1,
        anchor: Some(Anchor::new(text)),
        outline: true,
    }
}

fn table(rows: usize, cell: impl Fn(usize) -> String) -> Table {
    Table {
        columns: vec![1.0, 3.0],
        header: Some(vec![
            vec![Span::plain("Date")],
            vec![Span::plain("Événement")],
        ]),
        rows: (0..rows)
            .map(|r| {
                vec![
                    vec![Span::plain(format!("R{r}"))],
                    vec![Span::plain(cell(r))],
                ]
            })
            .collect(),
        row_anchors: (0..rows)
            .map(|r| Some(Anchor::new(format!("row{r}"))))
            .collect(),
        size: 9.0,
        grid: true,
        cut_marker: "[…] suite en annexe".into(),
    }
}

#[test]
fn a_heading_never_ends_a_page() {
    // Fill the page so that only a few lines are left, for every amount of filler.
    for n in 40..60 {
        let blocks = vec![filler(n), heading("Chronologie"), filler(5)];
        let laid = paginate(&blocks);
        let (page, y) = laid.anchors[&Anchor::new("Chronologie")];
        let after = text_ys(&laid.pages[page], "filler 0");
        assert!(
            after.iter().any(|&ay| ay > y),
            "{n}: the heading on page {page} is followed there by the paragraph"
        );
    }
}

#[test]
fn headings_before_a_table_keep_its_header_and_first_row() {
    for n in 40..60 {
        let blocks = vec![
            filler(n),
            heading("Pièces"),
            Block::Table(table(3, |_| "x".into())),
        ];
        let laid = paginate(&blocks);
        let (page, _) = laid.anchors[&Anchor::new("Pièces")];
        let t = texts(&laid.pages[page]);
        assert!(t.contains(&"Date") && t.contains(&"R0"), "{n}: {t:?}");
    }
}

#[test]
fn the_header_row_repeats_on_every_page_and_rows_are_never_split() {
    let long = |r: usize| format!("évén{r}x ").repeat(1 + r % 7);
    let t = table(120, long);
    let laid = paginate(&[Block::Table(t.clone())]);
    assert!(laid.pages.len() >= 3, "{} pages", laid.pages.len());
    let mut seen = Vec::new();
    for page in &laid.pages {
        let ts = texts(page);
        assert_eq!(
            ts.first(),
            Some(&"Date"),
            "each page starts with the header"
        );
        for item in &page.items {
            if let Item::Text { y, .. } = item {
                assert!(*y <= BODY_BOTTOM && *y >= MARGIN_TOP, "inside the body");
            }
        }
        for r in 0..120 {
            if ts.contains(&format!("R{r}").as_str()) {
                seen.push((r, ts.clone()));
            }
        }
    }
    // Each row on exactly one page, whole: every word of its cell is on that page.
    let rows: Vec<usize> = seen.iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, (0..120).collect::<Vec<_>>());
    for (r, ts) in &seen {
        let on_page: String = ts.join(" ");
        let wanted = 1 + r % 7;
        assert_eq!(
            on_page.matches(&format!("évén{r}x")).count(),
            wanted,
            "row {r} complete on its page"
        );
    }
}

#[test]
fn a_row_taller_than_a_page_is_cut_with_a_marker() {
    let t = table(2, |r| {
        if r == 1 {
            "mot ".repeat(4000)
        } else {
            "court".into()
        }
    });
    let laid = paginate(&[Block::Table(t)]);
    let all: Vec<&str> = laid.pages.iter().flat_map(texts).collect();
    assert!(all.iter().any(|t| t.contains("[…]")), "the cut is visible");
    // The cut row starts a fresh page, under the header.
    let (page, y) = laid.anchors[&Anchor::new("row1")];
    assert!(page >= 1);
    assert!(y < MARGIN_TOP + 40.0);
    for page in &laid.pages {
        for item in &page.items {
            if let Item::Text { y, .. } = item {
                assert!(*y <= BODY_BOTTOM);
            }
        }
    }
}

#[test]
fn a_figure_fits_the_text_width_and_the_page_with_its_caption() {
    let fig = |w, h| {
        Block::Figure(Figure {
            image: 0,
            width_px: w,
            height_px: h,
            caption: vec![Span::plain("P01 — capture")],
        })
    };
    for (w, h) in [(1280, 800), (800, 4000), (200, 100), (5000, 50)] {
        let laid = paginate(&[filler(30), fig(w, h)]);
        let img = laid
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .find_map(|i| match i {
                Item::Image { x, y, w, h, .. } => Some((*x, *y, *w, *h)),
                _ => None,
            })
            .unwrap();
        assert!(img.2 <= TEXT_WIDTH + 0.01 && img.0 >= MARGIN_X - 0.01);
        assert!(img.1 + img.3 < BODY_BOTTOM);
        let ratio = w as f32 / h as f32;
        assert!((img.2 / img.3 - ratio).abs() / ratio < 0.01, "aspect kept");
        assert!(img.2 <= w as f32 * 0.75 + 0.01, "never enlarged");
    }
}

#[test]
fn the_outline_follows_the_document_and_anchors_know_their_page() {
    let blocks = vec![
        heading("Un"),
        filler(80),
        heading("Deux"),
        Block::PageBreak,
        heading("Trois"),
    ];
    let laid = paginate(&blocks);
    let titles: Vec<&str> = laid.outline.iter().map(|o| o.title.as_str()).collect();
    assert_eq!(titles, ["Un", "Deux", "Trois"]);
    let page = |a: &str| laid.anchors[&Anchor::new(a)].0;
    assert_eq!(page("Un"), 0);
    assert!(page("Deux") >= 1);
    assert_eq!(page("Trois"), page("Deux") + 1);
}

#[test]
fn a_paragraph_leaves_no_single_line_at_a_page_foot() {
    for n in 50..62 {
        let laid = paginate(&[filler(n), filler(6)]);
        for page in &laid.pages {
            let t = texts(page);
            // The second paragraph's lines are "filler 0".."filler 5" again: never only its
            // first line at the end of a page.
            if t.last() == Some(&"filler 0") {
                panic!("{n}: a lone first line at the foot of a page");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn nothing_leaves_the_body(rows in proptest::collection::vec(0usize..30, 1..60), paras in 0usize..80) {
        let t = table(rows.len(), |r| "mot ".repeat(rows[r]));
        let laid = paginate(&[filler(paras), heading("T"), Block::Table(t)]);
        for page in &laid.pages {
            for item in &page.items {
                match item {
                    Item::Text { y, x, .. } => {
                        prop_assert!(*y <= BODY_BOTTOM && *y >= MARGIN_TOP);
                        prop_assert!(*x >= MARGIN_X - 0.01);
                    }
                    Item::Line { y1, y2, .. } => prop_assert!(*y1 <= BODY_BOTTOM + 0.01 && *y2 <= BODY_BOTTOM + 0.01),
                    _ => {}
                }
            }
        }
    }
}

#[test]
fn a_heading_keeps_its_short_introduction_and_the_table_after_it() {
    for n in 40..60 {
        let blocks = vec![
            filler(n),
            heading("Déclarations"),
            Block::Para(Para::text(
                "L'entreprise, par la personne qui signe ci-dessous :",
            )),
            Block::Table(table(3, |_| "déclaration".into())),
        ];
        let laid = paginate(&blocks);
        let (page, _) = laid.anchors[&Anchor::new("Déclarations")];
        let t = texts(&laid.pages[page]);
        assert!(t.contains(&"Date") && t.contains(&"R0"), "{n}: {t:?}");
    }
}

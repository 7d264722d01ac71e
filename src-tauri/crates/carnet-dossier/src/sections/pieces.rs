//! The pieces: their inventory (with the SHA-256 recorded when each was added), the
//! owner's declarations, and the annexes, where each piece is reproduced when it can be:
//! images at full resolution, e-mails and texts as text. A piece's bytes are fetched only
//! here, one at a time, and must hash to the recorded SHA-256.

use carnet_core::Locale;
use carnet_core::journal::event::email;
use carnet_core::journal::piece::PreviewKind;
use carnet_core::report::{Destination, IdentityChoice, ReportPiece};
use sha2::{Digest, Sha256};

use super::{Ctx, event_anchor, grid, muted, para, piece_anchor, section_anchor};
use crate::DossierError;
use crate::destinations::Section;
use crate::images;
use crate::layout::{Block, Figure, Ink, Para, Span};
use crate::texts::T;

/// The most characters of a text or an e-mail the annexes reproduce.
pub const TEXT_MAX: usize = 30_000;

/// `245 Ko`, `1,2 Mo`, `912 octets`.
pub fn size(bytes: u64, locale: Locale) -> String {
    let one = |v: f64| {
        let s = format!("{v:.1}");
        match locale {
            Locale::Fr => s.replace('.', ","),
            Locale::En => s,
        }
    };
    let (t, n) = if bytes < 1024 {
        (T::Bytes, bytes.to_string())
    } else if bytes < 1024 * 1024 {
        (T::KiloBytes, (bytes / 1024).to_string())
    } else {
        (T::MegaBytes, one(bytes as f64 / (1024.0 * 1024.0)))
    };
    t.fill(locale, &[("n", &n)]).replace(' ', "\u{A0}")
}

fn event_links(ctx: &Ctx, piece: &ReportPiece, supported: &[i64]) -> Vec<Span> {
    let _ = piece;
    let mut out = Vec::new();
    for (i, id) in supported.iter().enumerate() {
        if let Some(label) = ctx.event_label(*id) {
            if i > 0 {
                out.push(Span::plain(", "));
            }
            out.push(Span::link(label, event_anchor(*id)));
        }
    }
    out
}

pub fn inventory(ctx: &Ctx, out: &mut Vec<Block>) {
    let r = ctx.report;
    out.push(ctx.heading(Section::Inventory));
    if r.pieces.is_empty() {
        out.push(para(ctx.t(T::NoPieces)));
        return;
    }
    out.push(muted(ctx.t(T::InventoryIntro)));
    let supported = r.supported_events();
    let rows = r
        .pieces
        .iter()
        .map(|p| {
            let events: Vec<i64> = supported[&p.id].iter().map(|e| e.id).collect();
            let mut piece = vec![
                Span::bold(ctx.owner(&p.title)),
                Span::plain(format!(
                    "\n{}",
                    ctx.fill(T::PieceFile, &[("name", &p.original_name)])
                )),
                Span::plain(format!("\n{} — {}", p.media_type, size(p.size, ctx.locale)))
                    .ink(Ink::Muted),
            ];
            if let Some(d) = p.dated_on {
                piece.push(Span::plain(format!(
                    "\n{}",
                    ctx.fill(T::PieceDated, &[("date", &ctx.date(d))])
                )));
            }
            if p.is_heic() && r.destination.refuses_heic() {
                piece.push(Span::bold(format!("\n{}", ctx.t(T::HeicCopy))));
            }
            // What proves the piece beyond its fingerprint, and plainly what does not.
            let stamp = match &p.proof.timestamp {
                Some(t) => t.sentence(ctx.locale),
                None => ctx.t(T::NotTimestamped).to_owned(),
            };
            piece.push(Span::plain(format!("\n{}", ctx.owner(&stamp))).ink(Ink::Muted));
            if let Some(e) = &p.proof.email {
                piece.push(Span::plain(format!(
                    "\n{}",
                    ctx.owner(&e.sentence(ctx.locale))
                )));
            }
            vec![
                vec![Span::link(p.label(), piece_anchor(p.id))],
                piece,
                vec![Span::plain(p.sha256.clone())],
                event_links(ctx, p, &events),
            ]
        })
        .collect();
    let anchors = r
        .pieces
        .iter()
        .map(|p| Some(inventory_anchor(p.id)))
        .collect();
    out.push(grid(
        ctx,
        &[
            (T::ColNo, 0.55),
            (T::ColPiece, 3.0),
            (T::ColSha, 2.4),
            (T::ColEvents, 0.95),
        ],
        rows,
        anchors,
    ));
}

fn inventory_anchor(id: i64) -> crate::layout::Anchor {
    crate::layout::Anchor::new(format!("inventory:{id}"))
}

pub fn declarations(ctx: &Ctx, out: &mut Vec<Block>) {
    let r = ctx.report;
    let d = &r.declarations;
    out.push(ctx.heading(Section::Declarations));
    out.push(para(ctx.t(T::DeclIntro)));
    let mut rows = vec![(T::DeclAccuracy, d.accuracy)];
    if matches!(
        r.destination,
        Destination::Mediateur | Destination::OutOfCourtBody
    ) {
        rows.push((T::DeclConfidentiality, d.confidentiality));
    }
    if r.destination == Destination::CounterfeitNotice {
        rows.push((T::DeclGoodFaith, d.good_faith));
    }
    let mut table: Vec<Vec<Vec<Span>>> = rows
        .into_iter()
        .map(|(t, made)| {
            vec![
                vec![Span::plain(ctx.t(t))],
                vec![Span::bold(ctx.yes_no(made)).ink(if made {
                    Ink::Accent
                } else {
                    Ink::Warning
                })],
            ]
        })
        .collect();
    let (identity, chosen) = match d.identity {
        Some(IdentityChoice::Disclose) => (T::DeclDisclose, true),
        Some(IdentityChoice::Withhold) => (T::DeclWithhold, true),
        None => (T::DeclIdentityOpen, false),
    };
    table.push(vec![
        vec![Span::plain(ctx.t(identity))],
        vec![Span::bold(ctx.yes_no(chosen)).ink(if chosen { Ink::Accent } else { Ink::Warning })],
    ]);
    out.push(grid(
        ctx,
        &[(T::ColDeclaration, 5.0), (T::ColMade, 1.0)],
        table,
        vec![],
    ));
    let date = ctx.date(r.generated_on());
    let signed = if d.place.trim().is_empty() {
        ctx.fill(T::SignedOn, &[("date", &date)])
    } else {
        ctx.fill(T::SignedAt, &[("place", &d.place), ("date", &date)])
    };
    out.push(Block::Para(Para::text(signed).before(8.0)));
    if !d.signatory.trim().is_empty() {
        out.push(para(ctx.fill(T::Signatory, &[("name", &d.signatory)])));
    }
    out.push(Block::Para(Para::text(ctx.t(T::Signature)).after(50.0)));
}

pub fn annexes(ctx: &mut Ctx, out: &mut Vec<Block>) -> Result<(), DossierError> {
    out.push(Block::PageBreak);
    out.push(ctx.heading(Section::Annexes));
    out.push(para(ctx.t(T::AnnexesIntro)));
    let supported = ctx.report.supported_events();
    let mut loaded = load_images(ctx)?;
    for (n, p) in ctx.report.pieces.iter().enumerate() {
        if n > 0 {
            out.push(Block::Rule);
        }
        out.push(ctx.sub(
            format!("{} — {}", p.label(), ctx.owner(&p.title)),
            Some(piece_anchor(p.id)),
            true,
        ));
        out.push(Block::Para(
            Para::new(vec![Span::plain(ctx.fill(
                T::AnnexMeta,
                &[
                    ("name", &p.original_name),
                    ("type", &p.media_type),
                    ("size", &size(p.size, ctx.locale)),
                ],
            ))])
            .size(9.0)
            .after(2.0),
        ));
        out.push(Block::Para(
            Para::new(vec![Span::plain(ctx.fill(
                T::AnnexInBundle,
                &[("name", &crate::names::piece_file_name(p))],
            ))])
            .size(9.0)
            .after(2.0),
        ));
        out.push(Block::Para(
            Para::new(vec![
                Span::plain(ctx.fill(T::AnnexSha, &[("sha", &p.sha256)])).ink(Ink::Muted),
            ])
            .size(8.0)
            .after(2.0),
        ));
        let events: Vec<i64> = supported[&p.id].iter().map(|e| e.id).collect();
        if !events.is_empty() {
            let mut spans = vec![Span::plain(ctx.fill(T::SupportsEvents, &[("events", "")]))];
            spans.extend(event_links(ctx, p, &events));
            spans.push(Span::plain(" — "));
            spans.push(Span::link(
                ctx.section_title(Section::Inventory),
                section_anchor(Section::Inventory),
            ));
            out.push(Block::Para(Para::new(spans).size(9.0).after(6.0)));
        }
        annex_content(ctx, p, loaded[n].take(), out)?;
    }
    Ok(())
}

/// The images the annexes show, by piece: fetched one after the other (the source need not
/// be shared between threads), then read — and PNGs with alpha split and compressed again —
/// on every core, each thread taking the next image as soon as it is done with one.
#[allow(clippy::type_complexity)]
fn load_images(
    ctx: &Ctx,
) -> Result<Vec<Option<Result<images::PdfImage, images::ImageError>>>, DossierError> {
    let mut work: Vec<(usize, &str, Vec<u8>)> = Vec::new();
    for (n, p) in ctx.report.pieces.iter().enumerate() {
        if p.preview() == PreviewKind::Image && images::drawable(&p.media_type) {
            work.push((n, &p.media_type, fetch(ctx, p)?));
        }
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(work.len());
    let queue = std::sync::Mutex::new(work.into_iter());
    let next = || queue.lock().expect("no image thread panics").next();
    let results: Vec<Vec<(usize, Result<images::PdfImage, images::ImageError>)>> =
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        std::iter::from_fn(next)
                            .map(|(n, media, bytes)| (n, images::load(media, bytes)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("an image thread does not panic"))
                .collect()
        });
    let mut out: Vec<Option<Result<images::PdfImage, images::ImageError>>> =
        (0..ctx.report.pieces.len()).map(|_| None).collect();
    for (n, result) in results.into_iter().flatten() {
        out[n] = Some(result);
    }
    Ok(out)
}

/// The piece's bytes, checked against the SHA-256 recorded when it was added.
fn fetch(ctx: &Ctx, p: &ReportPiece) -> Result<Vec<u8>, DossierError> {
    let bytes = ctx
        .source
        .bytes(p)
        .map_err(|e| DossierError::PieceUnavailable {
            piece: p.label(),
            reason: e.0,
        })?;
    let sha = Sha256::digest(&bytes);
    let hex: String = sha.iter().map(|b| format!("{b:02x}")).collect();
    if !hex.eq_ignore_ascii_case(p.sha256.trim()) {
        return Err(DossierError::PieceAltered { piece: p.label() });
    }
    Ok(bytes)
}

pub fn text_block(ctx: &Ctx, text: &str) -> Block {
    let total = text.chars().count();
    let mut shown: String = text.chars().take(TEXT_MAX).collect();
    if total > TEXT_MAX {
        shown.push_str("\n\n");
        shown.push_str(&ctx.fill(T::TextCut, &[("n", &(total - TEXT_MAX).to_string())]));
    }
    // The piece's text as it is: no typography applied to evidence.
    let mut p = Para::new(vec![Span::plain(shown)]).size(9.0);
    p.leading = 1.35;
    Block::Para(p)
}

fn annex_content(
    ctx: &mut Ctx,
    p: &ReportPiece,
    image: Option<Result<images::PdfImage, images::ImageError>>,
    out: &mut Vec<Block>,
) -> Result<(), DossierError> {
    match p.preview() {
        PreviewKind::Image if image.is_some() => match image.expect("checked") {
            Ok(img) => {
                let (w, h) = img.display_size();
                ctx.images.push(img);
                let caption = ctx.fill(
                    T::Caption,
                    &[
                        ("label", &p.label()),
                        ("title", &p.title),
                        ("w", &w.to_string()),
                        ("h", &h.to_string()),
                    ],
                );
                out.push(Block::Figure(Figure {
                    image: ctx.images.len() - 1,
                    width_px: w,
                    height_px: h,
                    caption: vec![Span::plain(caption).ink(Ink::Muted)],
                }));
            }
            Err(e) => out.push(para(
                ctx.fill(T::AnnexImageUnreadable, &[("reason", &e.to_string())]),
            )),
        },
        PreviewKind::Text => {
            let bytes = fetch(ctx, p)?;
            out.push(text_block(ctx, &String::from_utf8_lossy(&bytes)));
        }
        PreviewKind::Email => {
            let bytes = fetch(ctx, p)?;
            match email::parse(&bytes) {
                Some(mail) => {
                    let names: Vec<String> =
                        mail.attachments.iter().map(|a| a.name.clone()).collect();
                    let mut rows = vec![
                        (ctx.t(T::MailFrom), vec![Span::plain(mail.from.clone())]),
                        (ctx.t(T::MailTo), vec![Span::plain(mail.to.clone())]),
                        (
                            ctx.t(T::MailDate),
                            vec![Span::plain(mail.date_header.clone())],
                        ),
                        (
                            ctx.t(T::MailSubject),
                            vec![Span::bold(mail.subject.clone())],
                        ),
                    ];
                    if !names.is_empty() {
                        rows.push((
                            ctx.t(T::MailAttachments),
                            vec![Span::plain(names.join(", "))],
                        ));
                    }
                    out.push(super::key_values(rows));
                    out.push(text_block(ctx, &mail.body));
                }
                None => out.push(text_block(ctx, &String::from_utf8_lossy(&bytes))),
            }
        }
        _ => out.push(Block::Para(Para::text(ctx.t(T::AnnexNotShown)).boxed())),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_the_way_each_language_writes_them() {
        assert_eq!(size(912, Locale::Fr), "912\u{A0}octets");
        assert_eq!(size(250_000, Locale::Fr), "244\u{A0}Ko");
        assert_eq!(size(1_300_000, Locale::Fr), "1,2\u{A0}Mo");
        assert_eq!(size(1_300_000, Locale::En), "1.2\u{A0}MB");
    }
}

//! Evidence images as PDF image objects, at full resolution and never re-encoded lossily.
//!
//! - A JPEG goes in byte for byte (`/DCTDecode`): only its header is read, for its size,
//!   its colour space and the EXIF orientation, which is applied by the placement matrix,
//!   not by touching the pixels.
//! - A PNG whose pixels PDF can read as they are (8 or fewer bits of grey, RGB or palette,
//!   not interlaced, no transparency) goes in with its compressed data unchanged: PNG's
//!   zlib stream with its row filters is exactly PDF's `/FlateDecode` with a PNG predictor.
//! - A PNG with an alpha channel (grey or RGB, 8 or 16 bits, not interlaced: most
//!   screenshots) is inflated and split into its colour and its alpha, each keeping PNG's
//!   row filters, then deflated again: the alpha goes in as a soft mask, unless every pixel
//!   is opaque, when it is left out.
//! - Any other PNG (transparency by `tRNS`, interlacing) is decoded and compressed again
//!   losslessly (PNG row filters and Flate, as PNG itself does), its alpha as a soft mask
//!   likewise.
//!
//! Other image types (GIF, WebP…) are not drawn: the dossier lists them with their hash.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use printpdf::DictItem;

/// An image ready to embed.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfImage {
    /// Stored pixel size.
    pub width: u32,
    /// Stored pixel height.
    pub height: u32,
    /// EXIF orientation, 1 to 8 (1: as stored).
    pub orientation: u8,
    /// The image stream's dictionary, without `/Length` and `/SMask`.
    pub dict: BTreeMap<String, DictItem>,
    /// The image stream's bytes, compressed as `dict` says.
    pub data: Vec<u8>,
    /// A soft mask (alpha), as another image stream.
    pub mask: Option<(BTreeMap<String, DictItem>, Vec<u8>)>,
    /// Whether `data` is the file's own bytes (JPEG) or its own compressed stream (PNG).
    pub passthrough: bool,
}

impl PdfImage {
    /// The size as it is meant to be seen: a photo taken sideways has its width and height
    /// swapped by its orientation.
    pub fn display_size(&self) -> (u32, u32) {
        if self.orientation >= 5 {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

/// Why an image cannot be embedded; the annex then says so and points to the original.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// Not a kind the dossier draws (another type, a lossless or 12-bit JPEG, a huge PNG).
    #[error("not a JPEG or PNG image the dossier can show: {0}")]
    Unsupported(String),
    /// A JPEG or PNG whose bytes cannot be read.
    #[error("the image is damaged: {0}")]
    Damaged(String),
}

fn name(s: &str) -> DictItem {
    DictItem::Name(s.as_bytes().to_vec())
}

fn base_dict(
    width: u32,
    height: u32,
    bits: u8,
    color_space: DictItem,
) -> BTreeMap<String, DictItem> {
    BTreeMap::from([
        ("Type".to_owned(), name("XObject")),
        ("Subtype".to_owned(), name("Image")),
        ("Width".to_owned(), DictItem::Int(i64::from(width))),
        ("Height".to_owned(), DictItem::Int(i64::from(height))),
        (
            "BitsPerComponent".to_owned(),
            DictItem::Int(i64::from(bits)),
        ),
        ("ColorSpace".to_owned(), color_space),
    ])
}

/// Reads an image of the given media type.
pub fn load(media_type: &str, bytes: Vec<u8>) -> Result<PdfImage, ImageError> {
    match media_type {
        "image/jpeg" => jpeg(bytes),
        "image/png" => png(bytes),
        other => Err(ImageError::Unsupported(other.to_owned())),
    }
}

/// Whether the dossier draws images of this type.
pub fn drawable(media_type: &str) -> bool {
    matches!(media_type, "image/jpeg" | "image/png")
}

// ---------------------------------------------------------------- JPEG

fn jpeg(bytes: Vec<u8>) -> Result<PdfImage, ImageError> {
    let damaged = |what: &str| ImageError::Damaged(format!("JPEG: {what}"));
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err(damaged("no start of image"));
    }
    let mut i = 2;
    let mut adobe = false;
    let mut orientation = 1;
    let frame = loop {
        // Markers may be padded with 0xFF bytes.
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) else {
            return Err(damaged("no frame header"));
        };
        i += 2;
        if matches!(marker, 0xD0..=0xD9 | 0x01) {
            continue;
        }
        let len = usize::from(u16::from_be_bytes([
            *bytes.get(i).ok_or_else(|| damaged("cut"))?,
            *bytes.get(i + 1).ok_or_else(|| damaged("cut"))?,
        ]));
        let seg = bytes
            .get(i + 2..i + len)
            .ok_or_else(|| damaged("cut segment"))?;
        match marker {
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                break (marker, seg.to_vec());
            }
            0xE1 if seg.starts_with(b"Exif\0\0") => {
                orientation = exif_orientation(&seg[6..]).unwrap_or(1);
            }
            0xEE if seg.starts_with(b"Adobe") => adobe = true,
            _ => {}
        }
        i += len;
    };
    let (marker, sof) = frame;
    if sof.len() < 6 {
        return Err(damaged("short frame header"));
    }
    if matches!(marker, 0xC3 | 0xC7 | 0xCB | 0xCF) {
        return Err(ImageError::Unsupported("lossless JPEG".into()));
    }
    let precision = sof[0];
    let height = u32::from(u16::from_be_bytes([sof[1], sof[2]]));
    let width = u32::from(u16::from_be_bytes([sof[3], sof[4]]));
    let components = sof[5];
    if precision != 8 {
        return Err(ImageError::Unsupported(format!("{precision}-bit JPEG")));
    }
    if width == 0 || height == 0 {
        return Err(damaged("no size"));
    }
    let cs = match components {
        1 => "DeviceGray",
        3 => "DeviceRGB",
        4 => "DeviceCMYK",
        n => return Err(ImageError::Unsupported(format!("JPEG with {n} components"))),
    };
    let mut dict = base_dict(width, height, 8, name(cs));
    dict.insert("Filter".into(), name("DCTDecode"));
    if components == 4 && adobe {
        // Adobe's CMYK JPEGs store inverted values.
        let decode = [1, 0, 1, 0, 1, 0, 1, 0].map(DictItem::Int).to_vec();
        dict.insert("Decode".into(), DictItem::Array(decode));
    }
    Ok(PdfImage {
        width,
        height,
        orientation,
        dict,
        data: bytes,
        mask: None,
        passthrough: true,
    })
}

/// The orientation tag (0x0112) of IFD0 in a TIFF structure (an EXIF block).
fn exif_orientation(tiff: &[u8]) -> Option<u8> {
    let le = match tiff.get(..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |o: usize| {
        let b = [*tiff.get(o)?, *tiff.get(o + 1)?];
        Some(if le {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    };
    let u32_at = |o: usize| {
        let b = [
            *tiff.get(o)?,
            *tiff.get(o + 1)?,
            *tiff.get(o + 2)?,
            *tiff.get(o + 3)?,
        ];
        Some(if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    (0..count.min(512)).find_map(|n| {
        let entry = ifd + 2 + n * 12;
        (u16_at(entry)? == 0x0112)
            .then(|| u16_at(entry + 8))
            .flatten()
            .and_then(|v| u8::try_from(v).ok())
            .filter(|v| (1..=8).contains(v))
    })
}

// ---------------------------------------------------------------- PNG

struct PngInfo {
    width: u32,
    height: u32,
    depth: u8,
    color: u8,
    interlaced: bool,
    palette: Vec<u8>,
    transparency: bool,
    idat: Vec<u8>,
}

fn png_chunks(bytes: &[u8]) -> Result<PngInfo, ImageError> {
    let damaged = |what: &str| ImageError::Damaged(format!("PNG: {what}"));
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(damaged("no signature"));
    }
    let mut i = 8;
    let mut info: Option<PngInfo> = None;
    while i + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[i..i + 4].try_into().expect("4 bytes")) as usize;
        let kind = &bytes[i + 4..i + 8];
        let data = bytes
            .get(i + 8..i + 8 + len)
            .ok_or_else(|| damaged("cut chunk"))?;
        match kind {
            b"IHDR" if data.len() >= 13 => {
                info = Some(PngInfo {
                    width: u32::from_be_bytes(data[0..4].try_into().expect("4 bytes")),
                    height: u32::from_be_bytes(data[4..8].try_into().expect("4 bytes")),
                    depth: data[8],
                    color: data[9],
                    interlaced: data[12] != 0,
                    palette: Vec::new(),
                    transparency: false,
                    idat: Vec::new(),
                })
            }
            b"PLTE" => info.as_mut().ok_or_else(|| damaged("PLTE first"))?.palette = data.to_vec(),
            b"tRNS" => {
                info.as_mut()
                    .ok_or_else(|| damaged("tRNS first"))?
                    .transparency = true
            }
            b"IDAT" => info
                .as_mut()
                .ok_or_else(|| damaged("IDAT first"))?
                .idat
                .extend_from_slice(data),
            b"IEND" => break,
            _ => {}
        }
        i += 12 + len;
    }
    let info = info.ok_or_else(|| damaged("no header"))?;
    if info.width == 0 || info.height == 0 || info.idat.is_empty() {
        return Err(damaged("empty"));
    }
    Ok(info)
}

fn png(bytes: Vec<u8>) -> Result<PdfImage, ImageError> {
    let info = png_chunks(&bytes)?;
    let colors = match info.color {
        0 | 3 => 1,
        2 => 3,
        _ => 0,
    };
    let pass = colors > 0
        && !info.interlaced
        && !info.transparency
        && info.depth <= 8
        && (info.color != 3 || !info.palette.is_empty());
    if !pass {
        // Grey or RGB with alpha, 8 or 16 bits, not interlaced: most screenshots.
        if matches!(info.color, 4 | 6) && matches!(info.depth, 8 | 16) && !info.interlaced {
            return png_split(&info);
        }
        return png_decoded(&bytes, info.width, info.height);
    }
    let cs = match info.color {
        0 => name("DeviceGray"),
        2 => name("DeviceRGB"),
        _ => DictItem::Array(vec![
            name("Indexed"),
            name("DeviceRGB"),
            DictItem::Int((info.palette.len() / 3).saturating_sub(1) as i64),
            DictItem::String {
                data: info.palette.clone(),
                literal: false,
            },
        ]),
    };
    let mut dict = base_dict(info.width, info.height, info.depth, cs);
    dict.insert("Filter".into(), name("FlateDecode"));
    dict.insert(
        "DecodeParms".into(),
        predictor(colors, info.depth, info.width),
    );
    Ok(PdfImage {
        width: info.width,
        height: info.height,
        orientation: 1,
        dict,
        data: info.idat,
        mask: None,
        passthrough: true,
    })
}

/// Rows prefixed with PNG's filter byte, each row filtered the way that makes it smallest
/// (the usual heuristic: the least sum of absolute differences). PDF undoes it losslessly
/// with `/Predictor 15`; screenshots compress several times better than unfiltered.
fn filtered(raw: &[u8], row_len: usize, bpp: usize) -> Vec<u8> {
    let rows = raw.len() / row_len.max(1);
    let mut out = Vec::with_capacity(raw.len() + rows);
    let zero = vec![0u8; row_len];
    let mut candidate = vec![0u8; row_len];
    let mut best = vec![0u8; row_len];
    let score = |v: &[u8]| -> u64 { v.iter().map(|&x| u64::from((x as i8).unsigned_abs())).sum() };
    for r in 0..rows {
        let row = &raw[r * row_len..(r + 1) * row_len];
        let up = if r == 0 {
            &zero[..]
        } else {
            &raw[(r - 1) * row_len..r * row_len]
        };
        // None.
        best.copy_from_slice(row);
        let mut best_kind = 0u8;
        let mut best_score = score(row);
        for kind in 1u8..5 {
            let (head, tail) = candidate.split_at_mut(bpp.min(row_len));
            // The first pixel has no left neighbour.
            for (i, c) in head.iter_mut().enumerate() {
                let b = up[i];
                *c = row[i].wrapping_sub(match kind {
                    1 => 0,
                    2 | 4 => b,
                    _ => b / 2,
                });
            }
            let rest = row.len() - head.len();
            let (x, a, b, c) = (&row[bpp..], &row[..rest], &up[bpp..], &up[..rest]);
            match kind {
                1 => tail
                    .iter_mut()
                    .zip(x.iter().zip(a))
                    .for_each(|(o, (x, a))| *o = x.wrapping_sub(*a)),
                2 => tail
                    .iter_mut()
                    .zip(x.iter().zip(b))
                    .for_each(|(o, (x, b))| *o = x.wrapping_sub(*b)),
                3 => tail.iter_mut().zip(x.iter().zip(a.iter().zip(b))).for_each(
                    |(o, (x, (a, b)))| {
                        *o = x.wrapping_sub(((u16::from(*a) + u16::from(*b)) / 2) as u8)
                    },
                ),
                _ => tail
                    .iter_mut()
                    .zip(x.iter().zip(a.iter().zip(b.iter().zip(c))))
                    .for_each(|(o, (x, (a, (b, c))))| *o = x.wrapping_sub(paeth(*a, *b, *c))),
            }
            let s = score(&candidate);
            if s < best_score {
                best_score = s;
                best_kind = kind;
                std::mem::swap(&mut best, &mut candidate);
            }
        }
        out.push(best_kind);
        out.extend_from_slice(&best);
    }
    out
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

fn predictor(colors: i64, bits: u8, columns: u32) -> DictItem {
    DictItem::Dict {
        map: BTreeMap::from([
            ("Predictor".to_owned(), DictItem::Int(15)),
            ("Colors".to_owned(), DictItem::Int(colors)),
            (
                "BitsPerComponent".to_owned(),
                DictItem::Int(i64::from(bits)),
            ),
            ("Columns".to_owned(), DictItem::Int(i64::from(columns))),
        ]),
    }
}

/// zlib-rs at level 2 (flate2's `zlib-rs` backend). On one 1280×800 colour plane, timed alone:
/// the reference dossier's synthetic screenshot, 0.8 ms for 18.8 KB against 6–8 ms for
/// 16.8 KB with miniz_oxide at level 3, the level used before; a real screenshot of text
/// (Chromium's), 2.5–3.3 ms for 161 KB against 12 ms for 135 KB (the RGBA PNG it came from:
/// 135 KB). Below level 9 zlib-rs hashes 4 bytes and so misses the 3-byte matches of RGB
/// pixels: its level 6 is only 4 % smaller, in twice the time.
const DEFLATE_LEVEL: u32 = 2;

fn deflate(raw: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(raw.len() / 8),
        flate2::Compression::new(DEFLATE_LEVEL),
    );
    z.write_all(raw).expect("writing to memory");
    z.finish().expect("writing to memory")
}

/// The largest image decoded, against decompression bombs: a screenshot is a few tens of
/// megapixels at most.
const MAX_PIXELS: u64 = 100_000_000;

/// A grey or RGB PNG with alpha (8 or 16 bits, not interlaced) split into its colour and its
/// alpha without undoing its row filters. PNG filters predict each byte from the same byte of
/// the pixel to the left, above and above-left, so the colour bytes of every row, with the
/// row's filter byte, are exactly the colour image filtered the same way, which PDF's
/// `/Predictor 15` undoes; the alpha bytes likewise. Only the inflating and the deflating are
/// left: no pixel is unfiltered, filtered or chosen a filter for again. The alpha goes in as
/// a soft mask, unless every pixel is opaque (screenshots), which is read on the filtered
/// bytes too (`opaque_row`).
fn png_split(info: &PngInfo) -> Result<PdfImage, ImageError> {
    let damaged = |what: &dyn std::fmt::Display| ImageError::Damaged(format!("PNG: {what}"));
    let (width, height) = (info.width, info.height);
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ImageError::Unsupported(format!("{width}×{height} PNG")));
    }
    let colors = if info.color == 4 { 1 } else { 3 };
    let bytes_per = usize::from(info.depth / 8);
    let (w, h) = (width as usize, height as usize);
    let color_len = colors * bytes_per;
    let row_len = 1 + w * (color_len + bytes_per);
    // Row by row, exactly the rows the header announces: more data is left unread, less is
    // damage.
    let mut z = flate2::bufread::ZlibDecoder::new(&info.idat[..]);
    let mut row = vec![0u8; row_len];
    let (color_row, alpha_row) = (1 + w * color_len, 1 + w * bytes_per);
    let mut color = vec![0u8; h * color_row];
    let mut alpha = vec![0u8; h * alpha_row];
    let mut opaque = true;
    for ((r, c), a) in color
        .chunks_exact_mut(color_row)
        .enumerate()
        .zip(alpha.chunks_exact_mut(alpha_row))
    {
        z.read_exact(&mut row).map_err(|e| damaged(&e))?;
        let (kind, px) = (row[0], &row[1..]);
        if kind > 4 {
            return Err(damaged(&format!("row filter {kind}")));
        }
        (c[0], a[0]) = (kind, kind);
        let (c, a) = (&mut c[1..], &mut a[1..]);
        if color_len == 3 && bytes_per == 1 {
            // The common case, 8-bit RGBA, in fixed-size steps the compiler unrolls.
            for ((c, a), p) in c
                .chunks_exact_mut(3)
                .zip(a.iter_mut())
                .zip(px.chunks_exact(4))
            {
                c.copy_from_slice(&p[..3]);
                *a = p[3];
            }
        } else {
            let px_len = color_len + bytes_per;
            for ((c, a), p) in c
                .chunks_exact_mut(color_len)
                .zip(a.chunks_exact_mut(bytes_per))
                .zip(px.chunks_exact(px_len))
            {
                c.copy_from_slice(&p[..color_len]);
                a.copy_from_slice(&p[color_len..]);
            }
        }
        opaque = opaque && opaque_row(kind, r == 0, a, bytes_per);
    }
    let bits = info.depth;
    let cs = if colors == 1 {
        "DeviceGray"
    } else {
        "DeviceRGB"
    };
    let mut dict = base_dict(width, height, bits, name(cs));
    dict.insert("Filter".into(), name("FlateDecode"));
    dict.insert("DecodeParms".into(), predictor(colors as i64, bits, width));
    let mask = (!opaque).then(|| {
        let mut d = base_dict(width, height, bits, name("DeviceGray"));
        d.insert("Filter".into(), name("FlateDecode"));
        d.insert("DecodeParms".into(), predictor(1, bits, width));
        (d, deflate(&alpha))
    });
    Ok(PdfImage {
        width,
        height,
        orientation: 1,
        dict,
        data: deflate(&color),
        mask,
        passthrough: false,
    })
}

/// Whether a row of alpha samples as PNG filtered it (filter `kind`, `bpp` bytes a sample)
/// holds only opaque pixels, every byte 0xFF, read without unfiltering it. When every byte
/// before it (left, above) is 0xFF, a byte is 0xFF exactly when its filtered value is 0xFF
/// less the filter's prediction from 0xFF neighbours (0 outside the image): so, row by row
/// from the first, the image is opaque exactly when every row's bytes are those values.
fn opaque_row(kind: u8, first_row: bool, row: &[u8], bpp: usize) -> bool {
    // The filtered value of the first sample, then of the others.
    let (first, rest) = match (kind, first_row) {
        (0, _) => (0xFF, 0xFF),
        (1, _) => (0xFF, 0),
        (2, true) => (0xFF, 0xFF),
        (3, true) => (0xFF, 0x80),
        (3, false) => (0x80, 0),
        (4, true) => (0xFF, 0),
        _ => (0, 0),
    };
    let (head, tail) = row.split_at(bpp.min(row.len()));
    head.iter().all(|&b| b == first) && tail.iter().all(|&b| b == rest)
}

/// Decodes a PNG PDF cannot read as it is, and compresses its colour and alpha losslessly.
fn png_decoded(bytes: &[u8], width: u32, height: u32) -> Result<PdfImage, ImageError> {
    let damaged = |e: &dyn std::fmt::Display| ImageError::Damaged(format!("PNG: {e}"));
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ImageError::Unsupported(format!("{width}×{height} PNG")));
    }
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().map_err(|e| damaged(&e))?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| damaged(&"too large"))?;
    let mut buf = vec![0; size];
    let frame = reader.next_frame(&mut buf).map_err(|e| damaged(&e))?;
    buf.truncate(frame.buffer_size());
    let bytes_per = match frame.bit_depth {
        png::BitDepth::Sixteen => 2,
        _ => 1,
    };
    let (colors, alpha) = match frame.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (1, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (3, true),
        png::ColorType::Indexed => return Err(damaged(&"palette left after expansion")),
    };
    let bits = (bytes_per * 8) as u8;
    let cs = if colors == 1 {
        "DeviceGray"
    } else {
        "DeviceRGB"
    };
    let (color, mask) = if alpha {
        let px = (colors + 1) * bytes_per;
        let cb = colors * bytes_per;
        let mut color = Vec::with_capacity(buf.len() / px * cb);
        // The common case, 8-bit RGBA, pixel by pixel without a copy call per pixel (a
        // third of the time of a screenshot's conversion went to those calls).
        if px == 4 && cb == 3 {
            color.extend(buf.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]));
        } else {
            for p in buf.chunks_exact(px) {
                color.extend_from_slice(&p[..cb]);
            }
        }
        // Screenshots are opaque: the mask is kept only when some pixel is not.
        let opaque = buf
            .chunks_exact(px)
            .all(|p| p[cb..].iter().all(|&b| b == 0xFF));
        let mask = (!opaque).then(|| {
            let mut mask = Vec::with_capacity(buf.len() / px * bytes_per);
            for p in buf.chunks_exact(px) {
                mask.extend_from_slice(&p[cb..]);
            }
            mask
        });
        (color, mask)
    } else {
        (buf, None)
    };
    let w = width as usize;
    let mut dict = base_dict(width, height, bits, name(cs));
    dict.insert("Filter".into(), name("FlateDecode"));
    dict.insert("DecodeParms".into(), predictor(colors as i64, bits, width));
    let mask = mask.map(|m| {
        let mut d = base_dict(width, height, bits, name("DeviceGray"));
        d.insert("Filter".into(), name("FlateDecode"));
        d.insert("DecodeParms".into(), predictor(1, bits, width));
        (d, deflate(&filtered(&m, w * bytes_per, bytes_per)))
    });
    let data = deflate(&filtered(
        &color,
        w * colors * bytes_per,
        colors * bytes_per,
    ));
    Ok(PdfImage {
        width,
        height,
        orientation: 1,
        dict,
        data,
        mask,
        passthrough: false,
    })
}

/// The placement matrix (`a b c d e f`) that draws the image, turned by its orientation,
/// into the box of width `w` and height `h` whose lower-left corner is (`x`, `y`), in PDF
/// coordinates.
pub fn placement(orientation: u8, x: f32, y: f32, w: f32, h: f32) -> [f32; 6] {
    // Where a point of the stored image (u right, r down, both 0..1) is seen in the box
    // (dx right, dy down).
    let seen = |u: f32, r: f32| match orientation {
        2 => (1.0 - u, r),
        3 => (1.0 - u, 1.0 - r),
        4 => (u, 1.0 - r),
        5 => (r, u),
        6 => (1.0 - r, u),
        7 => (1.0 - r, 1.0 - u),
        8 => (r, 1.0 - u),
        _ => (u, r),
    };
    // Image space: (u, v) with v up, so r = 1 - v.
    let page = |u: f32, v: f32| {
        let (dx, dy) = seen(u, 1.0 - v);
        (x + dx * w, y + (1.0 - dy) * h)
    };
    let (e, f) = page(0.0, 0.0);
    let (a1, b1) = page(1.0, 0.0);
    let (c1, d1) = page(0.0, 1.0);
    [a1 - e, b1 - f, c1 - e, d1 - f, e, f]
}

#[cfg(test)]
mod tests;

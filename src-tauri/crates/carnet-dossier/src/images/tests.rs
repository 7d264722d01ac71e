use super::*;
use std::io::Read;

fn pixels(w: u32, h: u32, channels: usize) -> Vec<u8> {
    let mut px = Vec::with_capacity((w * h) as usize * channels);
    for y in 0..h {
        for x in 0..w {
            let v = [
                (x * 255 / w) as u8,
                (y * 255 / h) as u8,
                ((x ^ y) & 0xFF) as u8,
                0xFF,
            ];
            px.extend_from_slice(&v[..channels]);
        }
    }
    px
}

fn jpeg_bytes(w: u16, h: u16) -> Vec<u8> {
    let mut out = Vec::new();
    let enc = jpeg_encoder::Encoder::new(&mut out, 85);
    enc.encode(
        &pixels(w.into(), h.into(), 3),
        w,
        h,
        jpeg_encoder::ColorType::Rgb,
    )
    .unwrap();
    out
}

fn png_bytes(w: u32, h: u32, color: png::ColorType, alpha: u8) -> Vec<u8> {
    let channels = match color {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Grayscale => 1,
        _ => unreachable!(),
    };
    let mut px = pixels(w, h, channels);
    if channels == 4 {
        for p in px.chunks_exact_mut(4) {
            p[3] = alpha;
        }
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(color);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header().unwrap().write_image_data(&px).unwrap();
    out
}

fn inflate(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(data)
        .read_to_end(&mut out)
        .unwrap();
    out
}

/// An APP1 EXIF segment with only the orientation tag, big-endian.
fn with_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend_from_slice(&1u16.to_be_bytes());
    tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let mut seg = b"Exif\0\0".to_vec();
    seg.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((seg.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&seg);
    out.extend_from_slice(&jpeg[2..]);
    out
}

#[test]
fn a_jpeg_goes_in_unchanged_with_its_size() {
    let bytes = jpeg_bytes(1280, 800);
    let img = load("image/jpeg", bytes.clone()).unwrap();
    assert_eq!((img.width, img.height), (1280, 800));
    assert_eq!(img.data, bytes);
    assert!(img.passthrough && img.mask.is_none());
    assert_eq!(img.dict["Filter"], DictItem::Name(b"DCTDecode".to_vec()));
    assert_eq!(
        img.dict["ColorSpace"],
        DictItem::Name(b"DeviceRGB".to_vec())
    );
}

#[test]
fn a_sideways_photo_is_turned_by_its_placement_not_its_pixels() {
    let bytes = with_orientation(&jpeg_bytes(64, 32), 6);
    let img = load("image/jpeg", bytes.clone()).unwrap();
    assert_eq!(img.orientation, 6);
    assert_eq!(img.display_size(), (32, 64));
    assert_eq!(img.data, bytes);
    assert_eq!(
        placement(1, 10.0, 20.0, 300.0, 200.0),
        [300.0, 0.0, 0.0, 200.0, 10.0, 20.0]
    );
    assert_eq!(
        placement(6, 10.0, 20.0, 300.0, 200.0),
        [0.0, -200.0, 300.0, 0.0, 10.0, 220.0]
    );
    assert_eq!(
        placement(3, 0.0, 0.0, 2.0, 1.0),
        [-2.0, 0.0, 0.0, -1.0, 2.0, 1.0]
    );
}

#[test]
fn an_rgb_png_keeps_its_own_compressed_data() {
    let bytes = png_bytes(300, 200, png::ColorType::Rgb, 0);
    let img = load("image/png", bytes).unwrap();
    assert!(img.passthrough);
    assert_eq!((img.width, img.height), (300, 200));
    // One filter byte and three bytes a pixel per row: what /Predictor 15 expects.
    assert_eq!(inflate(&img.data).len(), 200 * (1 + 300 * 3));
    match &img.dict["DecodeParms"] {
        DictItem::Dict { map } => {
            assert_eq!(map["Predictor"], DictItem::Int(15));
            assert_eq!(map["Colors"], DictItem::Int(3));
            assert_eq!(map["Columns"], DictItem::Int(300));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_rgba_png_is_decoded_losslessly_with_its_mask_when_needed() {
    let opaque = load("image/png", png_bytes(40, 30, png::ColorType::Rgba, 0xFF)).unwrap();
    assert!(!opaque.passthrough);
    assert!(opaque.mask.is_none(), "an opaque alpha channel is left out");
    assert_eq!(
        unfilter(&inflate(&opaque.data), 40 * 3, 3),
        pixels(40, 30, 3),
        "the pixels, exactly"
    );

    let see_through = load("image/png", png_bytes(40, 30, png::ColorType::Rgba, 0x80)).unwrap();
    let (mask_dict, mask) = see_through.mask.unwrap();
    assert_eq!(unfilter(&inflate(&mask), 40, 1), vec![0x80; 40 * 30]);
    assert_eq!(
        mask_dict["ColorSpace"],
        DictItem::Name(b"DeviceGray".to_vec())
    );
}

#[test]
fn what_is_not_an_image_is_refused_cleanly() {
    assert!(matches!(
        load("image/gif", b"GIF89a".to_vec()),
        Err(ImageError::Unsupported(_))
    ));
    assert!(matches!(
        load("image/jpeg", b"\xFF\xD8\xFF".to_vec()),
        Err(ImageError::Damaged(_))
    ));
    assert!(matches!(
        load("image/png", b"\x89PNG\r\n\x1a\n".to_vec()),
        Err(ImageError::Damaged(_))
    ));
    // Cut before its frame header: no size to read. (A JPEG cut in its scan data still
    // goes in as it is: it is the owner's file, and its hash is what the dossier prints.)
    let mut cut = jpeg_bytes(16, 16);
    cut.truncate(24);
    assert!(load("image/jpeg", cut).is_err());
}

/// PNG's row filters undone (what a PDF reader does for `/Predictor 15`).
fn unfilter(data: &[u8], row_len: usize, bpp: usize) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::new();
    for (r, row) in data.chunks_exact(row_len + 1).enumerate() {
        let (kind, row) = (row[0], &row[1..]);
        for (i, &x) in row.iter().enumerate() {
            let a = if i >= bpp {
                out[r * row_len + i - bpp]
            } else {
                0
            };
            let b = if r > 0 { out[(r - 1) * row_len + i] } else { 0 };
            let c = if r > 0 && i >= bpp {
                out[(r - 1) * row_len + i - bpp]
            } else {
                0
            };
            let p = match kind {
                0 => 0,
                1 => a,
                2 => b,
                3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                4 => paeth(a, b, c),
                k => panic!("filter {k}"),
            };
            out.push(x.wrapping_add(p));
        }
    }
    out
}

proptest::proptest! {
    #[test]
    fn filtering_is_lossless(raw in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600), bpp in 1usize..5) {
        let row_len = bpp * 10;
        let raw = &raw[..raw.len() / row_len * row_len];
        proptest::prop_assert_eq!(unfilter(&filtered(raw, row_len, bpp), row_len, bpp), raw.to_vec());
    }
}

// ---------------------------------------------------------------- round trips

const FILTERS: [png::Filter; 6] = [
    png::Filter::NoFilter,
    png::Filter::Sub,
    png::Filter::Up,
    png::Filter::Avg,
    png::Filter::Paeth,
    png::Filter::Adaptive,
];

/// A PNG of these samples (big-endian at 16 bits), every row filtered with `filter`.
fn png_of(
    w: u32,
    h: u32,
    color: png::ColorType,
    depth: png::BitDepth,
    filter: png::Filter,
    samples: &[u8],
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(color);
    enc.set_depth(depth);
    enc.set_filter(filter);
    enc.write_header()
        .unwrap()
        .write_image_data(samples)
        .unwrap();
    out
}

/// The PNG's samples as the png crate decodes them, split into colour and alpha.
fn png_samples(bytes: &[u8]) -> (Vec<u8>, Option<Vec<u8>>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut buf).unwrap();
    buf.truncate(frame.buffer_size());
    let per = if frame.bit_depth == png::BitDepth::Sixteen {
        2
    } else {
        1
    };
    let colors = match frame.color_type {
        png::ColorType::Rgba => 3,
        png::ColorType::GrayscaleAlpha => 1,
        _ => return (buf, None),
    };
    let (mut color, mut alpha) = (Vec::new(), Vec::new());
    for p in buf.chunks_exact((colors + 1) * per) {
        color.extend_from_slice(&p[..colors * per]);
        alpha.extend_from_slice(&p[colors * per..]);
    }
    (color, Some(alpha))
}

/// An image stream decoded as a PDF reader does: `/FlateDecode`, then the PNG predictors its
/// `/DecodeParms` name, for the size and depth its dictionary gives.
fn decode_stream(dict: &BTreeMap<String, DictItem>, data: &[u8]) -> Vec<u8> {
    let int = |d: &BTreeMap<String, DictItem>, k: &str| match &d[k] {
        DictItem::Int(i) => *i as usize,
        other => panic!("{k}: {other:?}"),
    };
    assert_eq!(dict["Filter"], DictItem::Name(b"FlateDecode".to_vec()));
    let DictItem::Dict { map } = &dict["DecodeParms"] else {
        panic!("no /DecodeParms")
    };
    assert_eq!(map["Predictor"], DictItem::Int(15));
    let (colors, bits, columns) = (
        int(map, "Colors"),
        int(map, "BitsPerComponent"),
        int(map, "Columns"),
    );
    assert_eq!(bits, int(dict, "BitsPerComponent"));
    assert_eq!(columns, int(dict, "Width"));
    let colors_of_space = match &dict["ColorSpace"] {
        DictItem::Name(n) if n == b"DeviceRGB" => 3,
        DictItem::Name(n) if n == b"DeviceGray" => 1,
        other => panic!("{other:?}"),
    };
    assert_eq!(colors, colors_of_space);
    let row_len = (columns * colors * bits).div_ceil(8);
    let out = unfilter(&inflate(data), row_len, (colors * bits / 8).max(1));
    assert_eq!(out.len(), row_len * int(dict, "Height"), "every row, whole");
    out
}

/// Screenshot-like colours (edges, gradients, noise: every filter has work) with this alpha.
fn samples(w: u32, h: u32, colors: usize, wide: bool, alpha: impl Fn(u32, u32) -> u8) -> Vec<u8> {
    let mut out = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let c = [
                (x * 255 / w) as u8,
                ((x * 7 + y * 13) % 251) as u8,
                if (x / 5 + y / 3) % 4 == 0 { 30 } else { 240 },
            ];
            let c = if colors == 1 { &c[1..2] } else { &c[..] };
            for (i, &v) in c.iter().chain([alpha(x, y)].iter()).enumerate() {
                out.push(v);
                if wide {
                    // Alpha 0xFF is 0xFFFF, opaque; a colour's low byte is noise.
                    out.push(if i == c.len() {
                        v
                    } else {
                        v ^ (x as u8).wrapping_mul(31).wrapping_add(i as u8)
                    });
                }
            }
        }
    }
    out
}

/// The rounded corners and the soft shadow of a window capture, over opaque content.
fn window_alpha(w: u32, h: u32) -> impl Fn(u32, u32) -> u8 {
    move |x, y| {
        let edge = x.min(y).min(w - 1 - x).min(h - 1 - y);
        if edge == 0 && (x == 0 || x == w - 1) && (y == 0 || y == h - 1) {
            0
        } else if edge < 3 {
            (edge * 80 + 10) as u8
        } else {
            0xFF
        }
    }
}

/// Loads the PNG and checks that the PDF streams give back its pixels exactly: its colour,
/// and its alpha as a soft mask exactly when some pixel is not opaque.
fn round_trip(bytes: Vec<u8>) -> PdfImage {
    let (color, alpha) = png_samples(&bytes);
    let img = load("image/png", bytes).unwrap();
    assert_eq!(decode_stream(&img.dict, &img.data), color, "the colour");
    let translucent = alpha.as_ref().filter(|a| {
        let per = if img.dict["BitsPerComponent"] == DictItem::Int(16) {
            2
        } else {
            1
        };
        a.chunks_exact(per).any(|s| s.iter().any(|&b| b != 0xFF))
    });
    match (&img.mask, translucent) {
        (Some((dict, data)), Some(alpha)) => {
            assert_eq!(&decode_stream(dict, data), alpha, "the alpha");
            assert_eq!(dict["ColorSpace"], DictItem::Name(b"DeviceGray".to_vec()));
        }
        (None, None) => {}
        (mask, _) => panic!(
            "a soft mask {} where the alpha is {}",
            if mask.is_some() { "kept" } else { "left out" },
            if translucent.is_some() {
                "not opaque"
            } else {
                "opaque or absent"
            }
        ),
    }
    img
}

#[test]
fn every_kind_of_screenshot_comes_back_pixel_for_pixel_from_its_streams() {
    use png::{BitDepth::*, ColorType::*};
    let (w, h) = (97, 41);
    for filter in FILTERS {
        let opaque = round_trip(png_of(
            w,
            h,
            Rgba,
            Eight,
            filter,
            &samples(w, h, 3, false, |_, _| 0xFF),
        ));
        assert!(opaque.mask.is_none() && !opaque.passthrough, "{filter:?}");

        let window = round_trip(png_of(
            w,
            h,
            Rgba,
            Eight,
            filter,
            &samples(w, h, 3, false, window_alpha(w, h)),
        ));
        assert!(window.mask.is_some(), "{filter:?}");

        // A single pixel not quite opaque, the last one, keeps the mask.
        let last = round_trip(png_of(
            w,
            h,
            Rgba,
            Eight,
            filter,
            &samples(w, h, 3, false, |x, y| {
                if (x, y) == (w - 1, h - 1) { 0xFE } else { 0xFF }
            }),
        ));
        assert!(last.mask.is_some(), "{filter:?}");

        let rgb = round_trip(png_of(
            w,
            h,
            Rgb,
            Eight,
            filter,
            &samples(w, h, 3, false, |_, _| 0)[..]
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect::<Vec<_>>(),
        ));
        assert!(rgb.passthrough && rgb.mask.is_none(), "{filter:?}");

        round_trip(png_of(
            w,
            h,
            GrayscaleAlpha,
            Eight,
            filter,
            &samples(w, h, 1, false, window_alpha(w, h)),
        ));
        round_trip(png_of(
            w,
            h,
            GrayscaleAlpha,
            Eight,
            filter,
            &samples(w, h, 1, false, |_, _| 0xFF),
        ));
        round_trip(png_of(
            w,
            h,
            Rgba,
            Sixteen,
            filter,
            &samples(w, h, 3, true, window_alpha(w, h)),
        ));
    }
    // A JPEG's stream is its file, so its pixels are the file's.
    let bytes = jpeg_bytes(97, 41);
    let jpeg = load("image/jpeg", bytes.clone()).unwrap();
    assert_eq!((jpeg.data, jpeg.mask), (bytes, None));
}

#[test]
fn a_damaged_png_with_alpha_is_refused_not_half_drawn() {
    let (w, h) = (40, 30);
    let bytes = png_of(
        w,
        h,
        png::ColorType::Rgba,
        png::BitDepth::Eight,
        png::Filter::Sub,
        &samples(w, h, 3, false, |_, _| 0xFF),
    );
    // The header says 60 rows, the data holds 30.
    let mut taller = bytes.clone();
    taller[20..24].copy_from_slice(&60u32.to_be_bytes());
    assert!(matches!(
        load("image/png", taller),
        Err(ImageError::Damaged(_))
    ));
    // A row filter that does not exist.
    let mut info = png_chunks(&bytes).unwrap();
    let mut raw = inflate(&info.idat);
    raw[(1 + 4 * w as usize) * 3] = 7;
    info.idat = deflate(&raw);
    assert!(matches!(png_split(&info), Err(ImageError::Damaged(_))));
}

proptest::proptest! {
    #[test]
    fn the_mask_is_left_out_exactly_when_every_pixel_is_opaque(
        w in 1u32..9,
        h in 1u32..6,
        filter in 0usize..6,
        wide in proptest::prelude::any::<bool>(),
        gray in proptest::prelude::any::<bool>(),
        odd in proptest::option::of((0u32..64, 0u32..64, 0u8..0xFF)),
    ) {
        let alpha = |x: u32, y: u32| match odd {
            Some((ox, oy, v)) if (ox % w, oy % h) == (x, y) => v,
            _ => 0xFF,
        };
        let (color, colors) = if gray { (png::ColorType::GrayscaleAlpha, 1) } else { (png::ColorType::Rgba, 3) };
        let depth = if wide { png::BitDepth::Sixteen } else { png::BitDepth::Eight };
        let img = round_trip(png_of(w, h, color, depth, FILTERS[filter], &samples(w, h, colors, wide, alpha)));
        proptest::prop_assert_eq!(img.mask.is_none(), odd.is_none());
    }
}

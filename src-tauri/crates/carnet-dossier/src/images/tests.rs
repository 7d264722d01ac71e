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

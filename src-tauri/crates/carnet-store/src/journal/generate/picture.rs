//! Screenshots drawn in code, for the pieces of generated vaults: a seller portal's page with
//! its header, a coloured banner and lines of text in a 5×7 pixel font (capitals, digits and
//! a little punctuation; accents dropped), encoded as PNG.

use super::Rng;

type Rgb = [u8; 3];

const WHITE: Rgb = [255, 255, 255];
const PAGE: Rgb = [244, 245, 247];
const INK: Rgb = [40, 44, 52];
const GREY: Rgb = [190, 194, 201];

/// A seller portal's page, as a screenshot would show it.
pub struct Screen<'a> {
    /// The portal's name in the header (`ESPACE VENDEUR`).
    pub portal: &'a str,
    pub header: Rgb,
    /// The banner's message, in its colour.
    pub banner: &'a str,
    pub banner_colour: Rgb,
    /// The lines of the message under the banner.
    pub lines: &'a [&'a str],
}

struct Canvas {
    w: usize,
    h: usize,
    px: Vec<u8>,
}

impl Canvas {
    fn new(w: usize, h: usize, bg: Rgb) -> Self {
        Canvas {
            w,
            h,
            px: bg.repeat(w * h),
        }
    }

    fn rect(&mut self, x: usize, y: usize, w: usize, h: usize, c: Rgb) {
        for yy in y..(y + h).min(self.h) {
            for xx in x..(x + w).min(self.w) {
                let i = (yy * self.w + xx) * 3;
                self.px[i..i + 3].copy_from_slice(&c);
            }
        }
    }

    /// Writes `text` from (`x`, `y`), each font pixel `scale` pixels wide; stops at the edge.
    fn text(&mut self, x: usize, y: usize, scale: usize, c: Rgb, text: &str) {
        let mut at = x;
        for ch in text.chars() {
            if at + 5 * scale > self.w {
                break;
            }
            let rows = glyph(ch);
            for (r, bits) in rows.iter().enumerate() {
                for col in 0..5 {
                    if bits & (0b10000 >> col) != 0 {
                        self.rect(at + col * scale, y + r * scale, scale, scale, c);
                    }
                }
            }
            at += 6 * scale;
        }
    }

    fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.w as u32, self.h as u32);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        // Writing to memory fails only on a size mismatch, which the canvas rules out.
        let written = encoder
            .write_header()
            .and_then(|mut w| w.write_image_data(&self.px));
        debug_assert!(written.is_ok());
        out
    }
}

/// Draws `screen` as a 640×400 PNG.
pub fn screenshot(screen: &Screen<'_>) -> Vec<u8> {
    let mut c = Canvas::new(640, 400, PAGE);
    c.rect(0, 0, 640, 44, screen.header);
    c.text(16, 15, 2, WHITE, screen.portal);
    c.rect(560, 12, 64, 20, WHITE);
    c.rect(16, 64, 608, 48, screen.banner_colour);
    c.text(28, 81, 2, WHITE, screen.banner);
    c.rect(16, 124, 608, 236, WHITE);
    let mut y = 140;
    for line in screen.lines {
        c.text(32, y, 2, INK, line);
        y += 24;
        if y > 330 {
            break;
        }
    }
    c.rect(32, y + 8, 160, 10, GREY);
    c.rect(32, y + 26, 240, 10, GREY);
    c.rect(496, 372, 128, 20, screen.header);
    c.png()
}

/// A generic notice with a headline, for the benchmark vaults.
pub fn notice(rng: &mut Rng, headline: &str, header: Rgb) -> Vec<u8> {
    let lines = [
        "NOUS AVONS EXAMINE VOTRE COMPTE",
        "ET CONSTATE UNE INFRACTION A NOS",
        "REGLES. REF. DOSSIER :",
    ];
    let reference = format!("{:011}", rng.below(100_000_000_000));
    let mut all: Vec<&str> = lines.to_vec();
    all.push(&reference);
    screenshot(&Screen {
        portal: "ESPACE VENDEUR",
        header,
        banner: headline,
        banner_colour: [196, 40, 40],
        lines: &all,
    })
}

/// The 5×7 pattern of a character (one byte per row, the five low bits left to right);
/// lower-case is drawn as capitals, accented letters without their accent, the rest as a
/// blank.
fn glyph(c: char) -> [u8; 7] {
    let c = match c {
        'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => 'A',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'î' | 'ï' | 'Î' | 'Ï' => 'I',
        'ô' | 'ö' | 'Ô' | 'Ö' => 'O',
        'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'U',
        'ç' | 'Ç' => 'C',
        '’' => '\'',
        c => c.to_ascii_uppercase(),
    };
    match c {
        'A' => [14, 17, 17, 31, 17, 17, 17],
        'B' => [30, 17, 17, 30, 17, 17, 30],
        'C' => [14, 17, 16, 16, 16, 17, 14],
        'D' => [30, 17, 17, 17, 17, 17, 30],
        'E' => [31, 16, 16, 30, 16, 16, 31],
        'F' => [31, 16, 16, 30, 16, 16, 16],
        'G' => [14, 17, 16, 23, 17, 17, 15],
        'H' => [17, 17, 17, 31, 17, 17, 17],
        'I' => [14, 4, 4, 4, 4, 4, 14],
        'J' => [7, 2, 2, 2, 2, 18, 12],
        'K' => [17, 18, 20, 24, 20, 18, 17],
        'L' => [16, 16, 16, 16, 16, 16, 31],
        'M' => [17, 27, 21, 21, 17, 17, 17],
        'N' => [17, 17, 25, 21, 19, 17, 17],
        'O' => [14, 17, 17, 17, 17, 17, 14],
        'P' => [30, 17, 17, 30, 16, 16, 16],
        'Q' => [14, 17, 17, 17, 21, 18, 13],
        'R' => [30, 17, 17, 30, 20, 18, 17],
        'S' => [15, 16, 16, 14, 1, 1, 30],
        'T' => [31, 4, 4, 4, 4, 4, 4],
        'U' => [17, 17, 17, 17, 17, 17, 14],
        'V' => [17, 17, 17, 17, 17, 10, 4],
        'W' => [17, 17, 17, 21, 21, 21, 10],
        'X' => [17, 17, 10, 4, 10, 17, 17],
        'Y' => [17, 17, 10, 4, 4, 4, 4],
        'Z' => [31, 1, 2, 4, 8, 16, 31],
        '0' => [14, 17, 19, 21, 25, 17, 14],
        '1' => [4, 12, 4, 4, 4, 4, 14],
        '2' => [14, 17, 1, 2, 4, 8, 31],
        '3' => [31, 2, 4, 2, 1, 17, 14],
        '4' => [2, 6, 10, 18, 31, 2, 2],
        '5' => [31, 16, 30, 1, 1, 17, 14],
        '6' => [6, 8, 16, 30, 17, 17, 14],
        '7' => [31, 1, 2, 4, 8, 8, 8],
        '8' => [14, 17, 17, 14, 17, 17, 14],
        '9' => [14, 17, 17, 15, 1, 2, 12],
        '-' => [0, 0, 0, 31, 0, 0, 0],
        '.' => [0, 0, 0, 0, 0, 12, 12],
        ':' => [0, 12, 12, 0, 12, 12, 0],
        '/' => [1, 2, 2, 4, 8, 8, 16],
        '\'' => [4, 4, 8, 0, 0, 0, 0],
        ',' => [0, 0, 0, 0, 12, 4, 8],
        '!' => [4, 4, 4, 4, 4, 0, 4],
        '?' => [14, 17, 1, 2, 4, 0, 4],
        '€' => [7, 8, 30, 8, 30, 8, 7],
        '(' => [2, 4, 8, 8, 8, 4, 2],
        ')' => [8, 4, 2, 2, 2, 4, 8],
        '#' => [10, 10, 31, 10, 31, 10, 10],
        '%' => [25, 26, 2, 4, 8, 11, 19],
        _ => [0; 7],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screenshots_are_pngs() {
        let png = notice(&mut Rng::new(1), "COMPTE SUSPENDU", [35, 47, 62]);
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert!(png.len() > 1000 && png.len() < 60_000, "{}", png.len());
    }
}

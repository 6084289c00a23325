/*!
The bundled fonts (DejaVu Sans regular and bold, free licence in `assets/fonts/`), embedded in
the binary so exports look the same on every machine, and text measurement from their advance
widths so the SVG writer can wrap and place labels without overlaps.
*/

use crate::model::text::shorten;
use std::sync::OnceLock;

/// DejaVu Sans, regular.
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans, bold.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// Family name written in the SVG and set as the generic `sans-serif` family when rendering.
pub const FAMILY: &str = "DejaVu Sans";
/// The `font-family` of SVG files: the bundled face first, then close fallbacks for a designer's
/// machine without it (rendering here always finds the first).
pub const FALLBACK: &str =
    "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', Arial, Helvetica, sans-serif";

/// Advance widths of one face, for the characters it maps.
struct Widths {
    units_per_em: f64,
    /// Advance of U+0000..U+0800 (Latin, Greek, Cyrillic, Arabic…), for speed.
    table: Vec<u16>,
    face: ttf_parser::Face<'static>,
}

impl Widths {
    fn new(data: &'static [u8]) -> Option<Widths> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let mut w = Widths {
            units_per_em: f64::from(face.units_per_em()),
            table: Vec::new(),
            face,
        };
        w.table = (0u32..0x800)
            .map(|c| char::from_u32(c).map_or(0, |c| w.lookup(c)))
            .collect();
        Some(w)
    }

    fn lookup(&self, c: char) -> u16 {
        self.face
            .glyph_index(c)
            .and_then(|g| self.face.glyph_hor_advance(g))
            .unwrap_or(0)
    }

    /// Advance of one character in font units.
    fn advance(&self, c: char) -> u64 {
        let a = match self.table.get(c as usize) {
            Some(&a) => a,
            None => self.lookup(c),
        };
        // characters the font lacks (emoji) render as a box about one em wide
        if a == 0 && !c.is_control() && c != '\u{200B}' {
            self.units_per_em as u64
        } else {
            u64::from(a)
        }
    }

    /// Width of `text` at 1 px font size.
    fn em_width(&self, text: &str) -> f64 {
        let units: u64 = text.chars().map(|c| self.advance(c)).sum();
        units as f64 / self.units_per_em
    }
}

fn faces() -> &'static (Option<Widths>, Option<Widths>) {
    static FACES: OnceLock<(Option<Widths>, Option<Widths>)> = OnceLock::new();
    FACES.get_or_init(|| (Widths::new(REGULAR), Widths::new(BOLD)))
}

/// Width in pixels of one character set in DejaVu Sans at `size_px`.
fn char_width(c: char, size_px: f64, bold: bool) -> f64 {
    let (regular, bold_face) = faces();
    let face = if bold { bold_face } else { regular };
    match face {
        Some(f) => f.advance(c) as f64 / f.units_per_em * size_px,
        None => 0.6 * size_px,
    }
}

/// Width in pixels of `text` set in DejaVu Sans at `size_px` (kerning ignored).
pub fn text_width(text: &str, size_px: f64, bold: bool) -> f64 {
    let (regular, bold_face) = faces();
    let face = if bold { bold_face } else { regular };
    match face {
        Some(f) => f.em_width(text) * size_px,
        // the bundled font always parses; keep a sane estimate anyway
        None => text.chars().count() as f64 * 0.6 * size_px,
    }
}

/// Splits `text` into lines no wider than `max_px` at `size_px`, breaking at spaces (a word
/// longer than a line is cut with an ellipsis). Text longer than
/// [`MAX_SHOWN_CHARS`](crate::model::text::MAX_SHOWN_CHARS) is cut first; the work is
/// linear in the text's length (each word is measured once).
pub fn wrap(text: &str, size_px: f64, bold: bool, max_px: f64) -> Vec<String> {
    let text = shorten(text);
    let space = char_width(' ', size_px, bold);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_w = text_width(word, size_px, bold);
            if line.is_empty() {
                line.push_str(word);
                line_w = word_w;
            } else if line_w + space + word_w <= max_px {
                line.push(' ');
                line.push_str(word);
                line_w += space + word_w;
            } else {
                lines.push(std::mem::take(&mut line));
                line.push_str(word);
                line_w = word_w;
            }
        }
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|l| ellipsize(&l, size_px, bold, max_px))
        .collect()
}

/// `text` cut with `…` so that it fits in `max_px` (trailing spaces before the `…` dropped).
/// Linear: the widths of the prefixes are summed once, and the longest prefix that fits
/// with the ellipsis is kept. Text longer than
/// [`MAX_SHOWN_CHARS`](crate::model::text::MAX_SHOWN_CHARS) is cut first.
pub fn ellipsize(text: &str, size_px: f64, bold: bool, max_px: f64) -> String {
    let text = shorten(text);
    if text_width(&text, size_px, bold) <= max_px {
        return text.into_owned();
    }
    let room = max_px - char_width('…', size_px, bold);
    // the width of a prefix up to its last non-space character never decreases: keep the
    // longest one that fits
    let (mut width, mut keep) = (0.0, 0usize);
    for (i, c) in text.char_indices() {
        width += char_width(c, size_px, bold);
        if !c.is_whitespace() {
            if width > room {
                break;
            }
            keep = i + c.len_utf8();
        }
    }
    if keep == 0 {
        return "…".to_owned();
    }
    format!("{}…", text[..keep].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let a = text_width("Phone", 10.0, false);
        assert!(a > 20.0 && a < 40.0, "{a}");
        assert!(text_width("Phone", 20.0, false) > 1.9 * a);
        assert!(text_width("Phone", 10.0, true) > a);
        assert!(text_width("المغرب", 10.0, false) > 10.0);
    }

    #[test]
    fn wraps_at_spaces_within_width() {
        let lines = wrap("Web self-service and in-person visits", 12.0, false, 110.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 12.0, false) <= 110.0));
        assert_eq!(wrap("Supercalifragilistic", 12.0, false, 40.0).len(), 1);
        assert!(wrap("Supercalifragilistic", 12.0, false, 40.0)[0].ends_with('…'));
    }

    /// The former fitting: drop one character at a time and measure again.
    fn ellipsize_by_popping(text: &str, size: f64, max: f64) -> String {
        if text_width(text, size, false) <= max {
            return text.to_owned();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let s: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
            if text_width(&s, size, false) <= max {
                return s;
            }
        }
        "…".to_owned()
    }

    #[test]
    fn ellipsize_matches_the_character_by_character_result() {
        for text in [
            "Royaume-Uni et France",
            "a    b",
            "Résolution au premier contact par canal",
            "المغرب العربي",
            "x",
            "   ",
        ] {
            for max in [1.0, 8.0, 20.0, 33.0, 60.0, 95.0, 400.0] {
                assert_eq!(
                    ellipsize(text, 12.0, false, max),
                    ellipsize_by_popping(text, 12.0, max),
                    "{text:?} in {max}"
                );
            }
        }
    }

    #[test]
    fn long_text_is_fitted_in_linear_time() {
        let title = "x".repeat(200_000);
        let start = std::time::Instant::now();
        let fitted = ellipsize(&title, 28.0, true, 1200.0);
        let lines = wrap(&format!("{title} {title}"), 28.0, true, 1200.0);
        assert!(start.elapsed().as_millis() < 500, "{:?}", start.elapsed());
        assert!(fitted.ends_with('…') && text_width(&fitted, 28.0, true) <= 1200.0);
        assert!(lines.iter().all(|l| text_width(l, 28.0, true) <= 1200.0));
    }
}

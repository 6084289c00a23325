/*!
The bundled fonts (DejaVu Sans regular and bold, free licence in `assets/fonts/`), embedded in
the binary so exports look the same on every machine, and text measurement from their advance
widths so the SVG writer can wrap and place labels without overlaps.
*/

use std::sync::OnceLock;

/// DejaVu Sans, regular.
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans, bold.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// Family name written in the SVG and set as the generic `sans-serif` family when rendering.
pub const FAMILY: &str = "DejaVu Sans";

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

    /// Width of `text` at 1 px font size.
    fn em_width(&self, text: &str) -> f64 {
        let mut units = 0u64;
        for c in text.chars() {
            let a = match self.table.get(c as usize) {
                Some(&a) => a,
                None => self.lookup(c),
            };
            // characters the font lacks (emoji) render as a box about one em wide
            let a = if a == 0 && !c.is_control() && c != '\u{200B}' {
                self.units_per_em as u16
            } else {
                a
            };
            units += u64::from(a);
        }
        units as f64 / self.units_per_em
    }
}

fn faces() -> &'static (Option<Widths>, Option<Widths>) {
    static FACES: OnceLock<(Option<Widths>, Option<Widths>)> = OnceLock::new();
    FACES.get_or_init(|| (Widths::new(REGULAR), Widths::new(BOLD)))
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
/// longer than a line is cut with an ellipsis).
pub fn wrap(text: &str, size_px: f64, bold: bool, max_px: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size_px, bold) <= max_px || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            }
        }
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|l| ellipsize(&l, size_px, bold, max_px))
        .collect()
}

/// `text` cut with `…` so that it fits in `max_px`.
pub fn ellipsize(text: &str, size_px: f64, bold: bool, max_px: f64) -> String {
    if text_width(text, size_px, bold) <= max_px {
        return text.to_owned();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let s: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
        if text_width(&s, size_px, bold) <= max_px {
            return s;
        }
    }
    "…".to_owned()
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
}

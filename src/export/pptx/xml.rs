//! Small helpers shared by the part writers: XML escaping, colours and lengths in the units
//! DrawingML uses (EMU, hundredths of a point).

use crate::chart::palette::Rgb;

/// English Metric Units per inch (DrawingML lengths).
pub const EMU_PER_INCH: i64 = 914_400;

/// EMU per point.
pub const EMU_PER_PT: i64 = 12_700;

/// The XML declaration every part starts with.
pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Namespace of DrawingML (`a:`).
pub const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
/// Namespace of PresentationML (`p:`).
pub const NS_P: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";
/// Namespace of relationships in parts (`r:`).
pub const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// Namespace of DrawingML charts (`c:`).
pub const NS_C: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/// The three namespace declarations of slide-like parts.
pub fn ns_apr() -> String {
    format!("xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"")
}

/// `text` escaped for element content and attribute values; characters XML 1.0 forbids
/// (control characters other than tab, newline, carriage return) are dropped.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `RRGGBB` (DrawingML's `srgbClr` value).
pub fn hex(c: Rgb) -> String {
    format!("{:02X}{:02X}{:02X}", c[0], c[1], c[2])
}

/// `<a:solidFill>` of an sRGB colour.
pub fn solid(c: Rgb) -> String {
    format!("<a:solidFill><a:srgbClr val=\"{}\"/></a:solidFill>", hex(c))
}

/// A number as chart XML writes it: shortest round-trip form, no exponent for ordinary
/// magnitudes (`72.5`, `1800`, `-3`).
pub fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A run of text with its language, size (hundredths of a point), optional colour and bold.
pub fn run(text: &str, lang: &str, size: u32, colour: Option<Rgb>, bold: bool) -> String {
    let b = if bold { " b=\"1\"" } else { "" };
    let fill = colour.map(solid).unwrap_or_default();
    format!(
        "<a:r><a:rPr lang=\"{lang}\" sz=\"{size}\"{b} dirty=\"0\">{fill}</a:rPr><a:t>{}</a:t></a:r>",
        esc(text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(esc("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(hex([0, 0x72, 0xB2]), "0072B2");
        assert_eq!(num(72.5), "72.5");
        assert_eq!(num(1800.0), "1800");
        assert_eq!(num(-3.0), "-3");
    }
}

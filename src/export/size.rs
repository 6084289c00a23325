/*!
Output sizes: presets for slides and reports, sizes in pixels (`1600x900`) or in centimetres
(`20x12cm`) at a resolution in DPI.

| Preset        | Size                      | Pixels at 150 DPI |
|---------------|---------------------------|-------------------|
| `slide-16x9`  | 33.867 × 19.05 cm         | 2000 × 1125       |
| `slide-4x3`   | 25.4 × 19.05 cm           | 1500 × 1125       |
| `half-a4`     | 21 × 14.85 cm (half an A4 sheet, landscape) | 1240 × 877 |
| `square`      | 19.05 × 19.05 cm          | 1125 × 1125       |
| `4k`          | 3840 × 2160 px            | (fixed)           |

Centimetre sizes use `dpi` (default [`DEFAULT_DPI`]); pixel sizes keep their pixels and use
`dpi` only for the physical page size of a PDF (default 96).
*/

/// Resolution used for centimetre sizes when none is given.
pub const DEFAULT_DPI: u32 = 150;

/// Resolution assumed for pixel sizes (CSS pixels), for the PDF page size.
pub const PIXEL_DPI: u32 = 96;

/// Smallest accepted side, in pixels.
pub const MIN_SIDE_PX: u32 = 100;

/// Largest accepted side, in pixels (an 8K image is 7680 wide).
pub const MAX_SIDE_PX: u32 = 8192;

/// Accepted resolutions.
pub const DPI_RANGE: std::ops::RangeInclusive<u32> = 36..=1200;

/// Named presets, in help order: (name, description).
pub const PRESETS: [(&str, &str); 5] = [
    ("slide-16x9", "33.867 × 19.05 cm, a 16:9 slide"),
    ("slide-4x3", "25.4 × 19.05 cm, a 4:3 slide"),
    ("half-a4", "21 × 14.85 cm, half an A4 sheet in landscape"),
    ("square", "19.05 × 19.05 cm"),
    ("4k", "3840 × 2160 px"),
];

/// A resolved output size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
    /// Resolution: pixels per inch, for the physical size of a PDF page.
    pub dpi: u32,
}

impl Default for Size {
    /// A 16:9 slide at 150 DPI (2000 × 1125 px).
    fn default() -> Self {
        Size {
            width_px: 2000,
            height_px: 1125,
            dpi: DEFAULT_DPI,
        }
    }
}

impl Size {
    /// A size in pixels (checked against [`MIN_SIDE_PX`]..=[`MAX_SIDE_PX`]).
    pub fn px(width_px: u32, height_px: u32) -> Result<Size, SizeError> {
        check_side(width_px)?;
        check_side(height_px)?;
        Ok(Size {
            width_px,
            height_px,
            dpi: PIXEL_DPI,
        })
    }

    /// A size in centimetres at `dpi`.
    pub fn cm(width_cm: f64, height_cm: f64, dpi: u32) -> Result<Size, SizeError> {
        if !DPI_RANGE.contains(&dpi) {
            return Err(SizeError::Dpi(dpi));
        }
        let to_px = |cm: f64| (cm / 2.54 * f64::from(dpi)).round();
        let (w, h) = (to_px(width_cm), to_px(height_cm));
        if !(w.is_finite() && h.is_finite() && w >= 0.0 && h >= 0.0) {
            return Err(SizeError::Range(w.max(h) as u64));
        }
        let (w, h) = (w.min(u32::MAX as f64) as u32, h.min(u32::MAX as f64) as u32);
        check_side(w)?;
        check_side(h)?;
        Ok(Size {
            width_px: w,
            height_px: h,
            dpi,
        })
    }

    /// Width in centimetres at this size's resolution.
    pub fn width_cm(&self) -> f64 {
        f64::from(self.width_px) / f64::from(self.dpi) * 2.54
    }
}

fn check_side(px: u32) -> Result<(), SizeError> {
    if (MIN_SIDE_PX..=MAX_SIDE_PX).contains(&px) {
        Ok(())
    } else {
        Err(SizeError::Range(u64::from(px)))
    }
}

/// Why a size could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SizeError {
    /// The text is neither a preset nor `WxH`, `WxHpx`, `WxHcm`.
    #[error(
        "unknown size `{0}`: use a preset (slide-16x9, slide-4x3, half-a4, square, 4k), pixels such as 1600x900, or centimetres such as 20x12cm"
    )]
    Syntax(String),
    /// A side is outside the accepted range.
    #[error("a side of {0} px is outside the accepted range {MIN_SIDE_PX}–{MAX_SIDE_PX} px")]
    Range(u64),
    /// The resolution is outside the accepted range.
    #[error("a resolution of {0} DPI is outside the accepted range 36–1200 (common: 96, 150, 300)")]
    Dpi(u32),
}

impl SizeError {
    /// The message in `lang` (`Display` gives the English text).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Msg;
        match self {
            SizeError::Syntax(text) => Msg::SizeSyntax.fill(lang, &[text]),
            SizeError::Range(px) => Msg::SizeRange.fill(lang, &[px, &MIN_SIDE_PX, &MAX_SIDE_PX]),
            SizeError::Dpi(dpi) => Msg::SizeDpi.fill(lang, &[dpi]),
        }
    }
}

/// Parses a size: a preset name, `WxH` or `WxHpx` (pixels), or `WxHcm` (centimetres, decimal
/// point or comma). `dpi` applies to centimetre sizes (default [`DEFAULT_DPI`]) and sets the
/// PDF page size of pixel sizes (default [`PIXEL_DPI`]).
pub fn parse(text: &str, dpi: Option<u32>) -> Result<Size, SizeError> {
    let t = text.trim().to_ascii_lowercase();
    let cm_dpi = dpi.unwrap_or(DEFAULT_DPI);
    match t.as_str() {
        "slide-16x9" | "slide16x9" | "16x9" => return Size::cm(33.867, 19.05, cm_dpi),
        "slide-4x3" | "slide4x3" | "4x3" => return Size::cm(25.4, 19.05, cm_dpi),
        "half-a4" | "half-a4-landscape" => return Size::cm(21.0, 14.85, cm_dpi),
        "square" => return Size::cm(19.05, 19.05, cm_dpi),
        "4k" => {
            let mut s = Size::px(3840, 2160)?;
            s.dpi = check_dpi(dpi.unwrap_or(PIXEL_DPI))?;
            return Ok(s);
        }
        _ => {}
    }
    let syntax = || SizeError::Syntax(crate::model::text::shorten(text.trim()).into_owned());
    let (body, cm) = if let Some(b) = t.strip_suffix("cm") {
        (b, true)
    } else {
        (t.strip_suffix("px").unwrap_or(&t), false)
    };
    let (w, h) = body
        .split_once(['x', '×'])
        .map(|(w, h)| (w.trim(), h.trim()))
        .ok_or_else(syntax)?;
    if cm {
        let num = |s: &str| s.replace(',', ".").parse::<f64>().ok().filter(|v| *v > 0.0);
        let (w, h) = (num(w).ok_or_else(syntax)?, num(h).ok_or_else(syntax)?);
        Size::cm(w, h, cm_dpi)
    } else {
        let num = |s: &str| {
            if s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty() {
                Some(s.parse::<u64>().unwrap_or(u64::MAX))
            } else {
                None
            }
        };
        let (w, h) = (num(w).ok_or_else(syntax)?, num(h).ok_or_else(syntax)?);
        let side = |v: u64| u32::try_from(v).map_err(|_| SizeError::Range(v));
        let mut s = Size::px(side(w)?, side(h)?)?;
        s.dpi = check_dpi(dpi.unwrap_or(PIXEL_DPI))?;
        Ok(s)
    }
}

/// Checks that a resolution is inside the accepted range.
pub fn check_dpi(dpi: u32) -> Result<u32, SizeError> {
    if DPI_RANGE.contains(&dpi) {
        Ok(dpi)
    } else {
        Err(SizeError::Dpi(dpi))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_at_150_and_300_dpi() -> Result<(), SizeError> {
        assert_eq!(
            parse("slide-16x9", None),
            Ok(Size {
                width_px: 2000,
                height_px: 1125,
                dpi: 150
            })
        );
        let s = parse("slide-16x9", Some(300))?;
        assert_eq!((s.width_px, s.height_px), (4000, 2250));
        let s = parse("slide-4x3", Some(96))?;
        assert_eq!((s.width_px, s.height_px), (960, 720));
        let s = parse("4k", None)?;
        assert_eq!((s.width_px, s.height_px), (3840, 2160));
        let s = parse("square", None)?;
        assert_eq!(s.width_px, s.height_px);
        Ok(())
    }

    #[test]
    fn pixels_and_centimetres() -> Result<(), SizeError> {
        let s = parse("1600x900", None)?;
        assert_eq!((s.width_px, s.height_px, s.dpi), (1600, 900, 96));
        let s = parse("20x12,5cm", Some(300))?;
        assert_eq!((s.width_px, s.height_px), (2362, 1476));
        assert!((s.width_cm() - 20.0).abs() < 0.01);
        Ok(())
    }

    #[test]
    fn clear_errors() {
        assert_eq!(parse("big", None), Err(SizeError::Syntax("big".into())));
        assert_eq!(parse("20000x10", None), Err(SizeError::Range(20000)));
        assert_eq!(
            parse("99999999999x10", None),
            Err(SizeError::Range(99999999999))
        );
        assert_eq!(parse("20x12cm", Some(5000)), Err(SizeError::Dpi(5000)));
        assert!(parse("-3x4cm", None).is_err());
    }
}

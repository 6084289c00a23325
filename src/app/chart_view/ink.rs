/*!
Colours of the chart panel that depend on the app's theme: gridlines, reference lines and
their labels, reference bands. The core's colours ([`crate::chart::style`]) are made for a
white page; on the dark theme the same dark grey reference line and pale band would vanish or
glare, so the screen uses light counterparts there.
*/

use crate::app::theme::rgb;
use crate::chart::style;
use eframe::egui::Color32;

/// Gridlines: faint on both themes, so they never read as reference lines.
pub fn grid(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(62)
    } else {
        rgb(style::GRID)
    }
}

/// Reference lines (average, median, target) and their labels.
pub fn reference(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(205)
    } else {
        rgb(style::REFERENCE)
    }
}

/// Fill of a reference band behind the marks.
pub fn band(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x33, 0x3B, 0x46)
    } else {
        rgb(style::BAND)
    }
}

/// Contrast ratio of two colours as WCAG 2 defines it (1 = none, 21 = black on white).
#[cfg(test)]
fn contrast(a: Color32, b: Color32) -> f32 {
    let ch = |c: Color32| [f64::from(c.r()), f64::from(c.g()), f64::from(c.b())];
    crate::chart::palette::contrast_ratio(ch(a), ch(b)) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui;

    #[test]
    fn references_stand_out_and_grids_stay_faint_on_both_themes() {
        for dark in [false, true] {
            let bg = if dark {
                egui::Visuals::dark().extreme_bg_color
            } else {
                egui::Visuals::light().extreme_bg_color
            };
            // a reference line and its label read as text (WCAG AA for large text)
            assert!(contrast(reference(dark), bg) >= 4.5, "dark {dark}");
            // a band is visible behind the marks yet leaves the reference line readable on it
            assert!(contrast(band(dark), bg) >= 1.15, "dark {dark}");
            assert!(contrast(reference(dark), band(dark)) >= 3.0, "dark {dark}");
            // gridlines are seen but quieter than a reference line
            let g = contrast(grid(dark), bg);
            assert!(
                g >= 1.1 && g < contrast(reference(dark), bg) / 2.0,
                "dark {dark}: {g}"
            );
        }
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    }
}

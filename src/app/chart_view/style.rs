/*!
How a grade looks: measured values solid; estimated values with a dark (light in the dark
theme) outline; illustrative values in a light (pale, opaque) fill with diagonal hatching, in
both themes.
*/

use crate::app::theme;
use crate::model::Grade;
use eframe::egui::{self, Color32, Painter, Rect, Stroke};

/// Fill and outline of a value of `grade` in `colour`.
pub fn fill_stroke(colour: Color32, grade: Grade, dark: bool) -> (Color32, Stroke) {
    match grade {
        Grade::Measured => (colour, Stroke::new(1.0, colour)),
        Grade::Estimated => (
            colour.gamma_multiply(0.8),
            Stroke::new(2.0, theme::ink(dark)),
        ),
        Grade::Illustrative => (pale(colour, 0.7), Stroke::new(1.5, colour)),
    }
}

/// `colour` mixed with white (`white` 0–1), opaque: the light fill of illustrative values,
/// as in exports and equally light on the dark theme (a transparent fill would look darker
/// there).
pub fn pale(colour: Color32, white: f32) -> Color32 {
    let mix = |c: u8| (f32::from(c) + (255.0 - f32::from(c)) * white).round() as u8;
    Color32::from_rgb(mix(colour.r()), mix(colour.g()), mix(colour.b()))
}

/// Diagonal hatching inside `rect` (illustrative values).
pub fn hatch(painter: &Painter, rect: Rect, colour: Color32) {
    let p = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let step = 6.0;
    let h = rect.height();
    let mut x = rect.left() - h;
    while x < rect.right() {
        p.line_segment(
            [egui::pos2(x, rect.bottom()), egui::pos2(x + h, rect.top())],
            Stroke::new(1.0, colour),
        );
        x += step;
    }
}

/// A legend swatch of `grade`.
pub fn swatch(painter: &Painter, rect: Rect, colour: Color32, grade: Grade, dark: bool) {
    let (fill, stroke) = fill_stroke(colour, grade, dark);
    painter.rect_filled(rect, 1.0, fill);
    if grade == Grade::Illustrative {
        hatch(painter, rect, colour);
    }
    painter.rect_stroke(rect, 1.0, stroke, egui::StrokeKind::Inside);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn illustrative_fill_is_opaque_and_lighter_in_both_themes() {
        let blue = Color32::from_rgb(0x00, 0x72, 0xB2);
        for dark in [false, true] {
            let (fill, _) = fill_stroke(blue, Grade::Illustrative, dark);
            assert_eq!(
                fill.a(),
                255,
                "opaque, so the dark background cannot darken it"
            );
            assert!(fill.r() > blue.r() && fill.g() > blue.g() && fill.b() > blue.b());
        }
        assert_eq!(pale(Color32::BLACK, 0.7), Color32::from_gray(179));
    }
}

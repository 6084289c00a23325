/*!
How a grade looks: measured values solid; estimated values with a dark (light in the dark
theme) outline; illustrative values in a light fill with diagonal hatching.
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
        Grade::Illustrative => (colour.gamma_multiply(0.3), Stroke::new(1.5, colour)),
    }
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

/*!
Paints the core's grade styles ([`crate::chart::style`]) with egui: measured values solid;
estimated values with a dashed outline; illustrative values in a pale, opaque fill with
hatching and an outline in the series colour — the same marks as in every export.
*/

use crate::app::theme::rgb;
use crate::chart::palette::Rgb;
use crate::chart::style::{self as core, Outline};
use crate::model::Grade;
use eframe::egui::{self, Color32, Painter, Pos2, Rect, Shape, Stroke};

/// Screen pixels (egui points) per typographic point.
const PX_PER_PT: f32 = 4.0 / 3.0;

fn stroke_of(o: Outline) -> Stroke {
    Stroke::new(o.width_pt as f32 * PX_PER_PT, rgb(o.colour))
}

/// Fill and solid outline of a value of `grade` in `colour`, for egui_plot items. Dashed
/// outlines (estimated values) cannot be drawn by egui_plot: they are painted over the plot
/// with [`overlay_rect`] or [`overlay_circle`].
pub fn fill_stroke(colour: Rgb, grade: Grade, dark: bool) -> (Color32, Stroke) {
    let st = core::grade_style(colour, grade, dark);
    let stroke = match st.outline {
        Some(o) if !o.dashed => stroke_of(o),
        _ => Stroke::NONE,
    };
    (rgb(st.fill), stroke)
}

/// Diagonal hatching inside `rect` (illustrative values).
pub fn hatch(painter: &Painter, rect: Rect, colour: Color32) {
    let p = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let step = core::HATCH_SPACING_PT as f32 * PX_PER_PT;
    let h = rect.height();
    if !(h.is_finite() && rect.width().is_finite()) || h <= 0.0 {
        return;
    }
    let mut x = rect.left() - h;
    // bounded: one line per step across the rectangle
    let count = (((rect.right() - x) / step).ceil() as usize).min(10_000);
    for _ in 0..count {
        p.line_segment(
            [egui::pos2(x, rect.bottom()), egui::pos2(x + h, rect.top())],
            Stroke::new(1.0, colour),
        );
        x += step;
    }
}

/// A dashed closed path through `points`.
fn dashed(painter: &Painter, points: &[Pos2], o: Outline) {
    let [dash, gap] = core::DASH_PT.map(|v| v as f32 * PX_PER_PT);
    painter.extend(Shape::dashed_line(points, stroke_of(o), dash, gap));
}

/// What egui_plot cannot draw for a bar of `grade`: the hatching of illustrative values and the
/// dashed outline of estimated ones.
pub fn overlay_rect(painter: &Painter, rect: Rect, colour: Rgb, grade: Grade, dark: bool) {
    let st = core::grade_style(colour, grade, dark);
    if st.hatched {
        hatch(painter, rect, rgb(colour));
    }
    if let Some(o) = st.outline.filter(|o| o.dashed) {
        let r = rect.shrink(o.width_pt as f32 * PX_PER_PT / 2.0);
        let pts = [
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
            r.left_top(),
        ];
        dashed(painter, &pts, o);
    }
}

/// The dashed ring of an estimated marker of `radius` at `centre`.
pub fn overlay_circle(painter: &Painter, centre: Pos2, radius: f32, grade: Grade, dark: bool) {
    let st = core::grade_style([0, 0, 0], grade, dark);
    if let Some(o) = st.outline.filter(|o| o.dashed) {
        let pts: Vec<Pos2> = (0..=24)
            .map(|i| {
                let a = std::f32::consts::TAU * i as f32 / 24.0;
                centre + egui::vec2(a.cos(), a.sin()) * radius
            })
            .collect();
        dashed(painter, &pts, o);
    }
}

/// A legend swatch of `grade` in `colour`.
pub fn swatch(painter: &Painter, rect: Rect, colour: Rgb, grade: Grade, dark: bool) {
    let (fill, stroke) = fill_stroke(colour, grade, dark);
    painter.rect_filled(rect, 1.0, fill);
    painter.rect_stroke(rect, 1.0, stroke, egui::StrokeKind::Inside);
    overlay_rect(painter, rect, colour, grade, dark);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_fill_is_the_core_fill_in_both_themes() {
        let blue = [0x00, 0x72, 0xB2];
        for dark in [false, true] {
            for g in Grade::ALL {
                let (fill, _) = fill_stroke(blue, g, dark);
                assert_eq!(fill, rgb(core::grade_style(blue, g, dark).fill));
                assert_eq!(
                    fill.a(),
                    255,
                    "opaque, so the dark background cannot darken it"
                );
            }
        }
        // estimated: no solid stroke (the outline is dashed, painted over the plot)
        assert_eq!(fill_stroke(blue, Grade::Estimated, false).1, Stroke::NONE);
    }
}

/*!
Labels placed by [`crate::chart::labels`], painted over an egui_plot: value labels and scatter
names that overprint neither each other nor the marks (or are left out, and the footer says
so), and end-of-line labels spread so they never overlap — the same rules as in the exports
(`export::placed`), measured with the screen's font.
*/

use crate::app::theme::rgb;
use crate::chart::labels::{self, Box2, Prefer, Wanted};
use crate::chart::palette::Rgb;
use eframe::egui::{self, Align2, Color32, FontId, Painter, Pos2, Rect};

/// A label to place near an anchor point (screen px).
pub struct Want {
    /// Text.
    pub text: String,
    /// Anchor.
    pub at: Pos2,
    /// Gap between the anchor and the text box.
    pub gap: f32,
    /// Where it should go.
    pub prefer: Prefer,
    /// A second, smaller line under the text (the year of a value in grouped bars, see
    /// [`labels::value_label_lines`]).
    pub second: Option<String>,
}

/// The box of an egui rectangle.
pub fn box_of(r: Rect) -> Box2 {
    Box2 {
        x: f64::from(r.left()),
        y: f64::from(r.top()),
        w: f64::from(r.width()),
        h: f64::from(r.height()),
    }
}

/// The square around a marker of radius `r` at `c`.
pub fn marker_box(c: Pos2, r: f32) -> Box2 {
    box_of(Rect::from_center_size(c, egui::vec2(2.0 * r, 2.0 * r)))
}

/// Width of `text` at `size` px in the screen's font.
pub fn text_w(painter: &Painter, text: &str, size: f32) -> f32 {
    painter
        .layout_no_wrap(text.to_owned(), FontId::proportional(size), Color32::WHITE)
        .size()
        .x
}

/// Places and paints `wants` at `size` inside `bounds`, away from `obstacles` and each other;
/// returns whether some labels fit nowhere and were left out. A label moved away from its
/// mark is joined to it by the leader line the core resolved ([`labels::place_with_leaders`]),
/// as in the exports.
pub fn point_labels(
    painter: &Painter,
    wants: &[Want],
    size: f32,
    obstacles: &[Box2],
    bounds: Rect,
    colour: Color32,
) -> bool {
    let small = size * labels::YEAR_LINE_SHARE as f32;
    let wanted: Vec<Wanted> = wants
        .iter()
        .map(|w| {
            let (second_w, second_h) = w
                .second
                .as_deref()
                .map_or((0.0, 0.0), |t| (text_w(painter, t, small), small * 1.25));
            Wanted {
                x: f64::from(w.at.x),
                y: f64::from(w.at.y),
                w: f64::from(text_w(painter, &w.text, size).max(second_w) + size * 0.2),
                h: f64::from(size * 1.25 + second_h),
                gap: f64::from(w.gap),
                prefer: w.prefer,
            }
        })
        .collect();
    let placed = labels::place_with_leaders(&wanted, obstacles, box_of(bounds));
    let mut left_out = false;
    for (w, at) in wants.iter().zip(placed) {
        let Some(p) = at else {
            left_out = true;
            continue;
        };
        if let Some([from, to]) = p.leader {
            let pos = |q: [f64; 2]| Pos2::new(q[0] as f32, q[1] as f32);
            painter.line_segment(
                [pos(from), pos(to)],
                egui::Stroke::new(0.8, colour.gamma_multiply(0.6)),
            );
        }
        let b = p.at;
        let centre_x = (b.x + b.w / 2.0) as f32;
        let first_h = size * 1.25;
        painter.text(
            Pos2::new(centre_x, b.y as f32 + first_h / 2.0),
            Align2::CENTER_CENTER,
            &w.text,
            FontId::proportional(size),
            colour,
        );
        if let Some(second) = &w.second {
            painter.text(
                Pos2::new(centre_x, b.y as f32 + first_h + small * 1.25 / 2.0),
                Align2::CENTER_CENTER,
                second,
                FontId::proportional(small),
                colour.gamma_multiply(0.75),
            );
        }
    }
    left_out
}

/// End-of-line labels in their series' colour, left-aligned at `x`, as near each line's last
/// point as the others allow, between `top` and `bottom`.
pub fn end_labels(
    painter: &Painter,
    items: &[(String, Rgb, f32)],
    x: f32,
    top: f32,
    bottom: f32,
    size: f32,
) {
    let want: Vec<f64> = items.iter().map(|i| f64::from(i.2)).collect();
    let at = labels::spread(
        &want,
        f64::from(size * 1.25),
        f64::from(top),
        f64::from(bottom),
    );
    for ((name, colour, _), y) in items.iter().zip(at) {
        painter.text(
            Pos2::new(x, y as f32),
            Align2::LEFT_CENTER,
            name,
            FontId::proportional(size),
            rgb(*colour),
        );
    }
}

fn left_out_id() -> egui::Id {
    egui::Id::unique("chart_labels_left_out")
}

/// Remembers whether the chart drawn this frame left labels out (the footer, drawn before the
/// chart, shows the note from the next frame on).
pub fn remember_left_out(ctx: &egui::Context, left_out: bool) {
    let before = left_out_of(ctx);
    ctx.data_mut(|d| d.insert_temp(left_out_id(), left_out));
    if before != left_out {
        ctx.request_repaint();
    }
}

/// Whether the chart last drawn left labels out.
pub fn left_out_of(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp(left_out_id())).unwrap_or(false)
}

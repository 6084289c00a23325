/*!
Labels placed by [`crate::chart::labels`], drawn on the SVG [`Canvas`]: point labels (scatter
names, value labels of bars and lines) that overprint neither each other nor the marks, or are
left out (the canvas remembers it and the footer says so), and end-of-line labels spread so
they never overlap.
*/

use super::canvas::{Anchor, Canvas, Rect, ink};
use super::fonts::text_width;
use crate::chart::labels::{self, Box2, Prefer, Wanted};
use crate::chart::palette::{self, Rgb};

/// A label to place near an anchor point.
pub(crate) struct Want {
    /// Text.
    pub text: String,
    /// Anchor x in px.
    pub x: f64,
    /// Anchor y in px.
    pub y: f64,
    /// Gap between the anchor and the text box.
    pub gap: f64,
    /// Where it should go.
    pub prefer: Prefer,
    /// A second, smaller line under the text (the year of a value in grouped bars, see
    /// [`labels::value_label_lines`]).
    pub second: Option<String>,
}

/// The box of a [`Rect`].
pub(crate) fn box_of(r: Rect) -> Box2 {
    Box2 {
        x: r.x,
        y: r.y,
        w: r.w,
        h: r.h,
    }
}

/// The square around a marker of radius `r` at (`x`, `y`).
pub(crate) fn marker_box(x: f64, y: f64, r: f64) -> Box2 {
    Box2 {
        x: x - r,
        y: y - r,
        w: 2.0 * r,
        h: 2.0 * r,
    }
}

/// Height of a one-line label box at `size`.
fn line_h(size: f64) -> f64 {
    size * 1.25
}

/// Places and draws `wants` at `size` inside `bounds`, away from `obstacles` and each other;
/// the labels that fit nowhere are left out and [`Canvas::left_out`] is set. A label moved
/// away from its mark is joined to it by the leader line the core resolved
/// ([`labels::place_with_leaders`]).
pub(crate) fn point_labels(
    c: &mut Canvas,
    wants: &[Want],
    size: f64,
    obstacles: &[Box2],
    bounds: Rect,
) {
    let wanted: Vec<Wanted> = wants
        .iter()
        .map(|w| {
            let small = size * labels::YEAR_LINE_SHARE;
            let (second_w, second_h) = w
                .second
                .as_deref()
                .map_or((0.0, 0.0), |t| (text_width(t, small, false), line_h(small)));
            Wanted {
                x: w.x,
                y: w.y,
                w: text_width(&w.text, size, false).max(second_w) + size * 0.2,
                h: line_h(size) + second_h,
                gap: w.gap,
                prefer: w.prefer,
            }
        })
        .collect();
    let placed = labels::place_with_leaders(&wanted, obstacles, box_of(bounds));
    c.open("labels");
    for (w, at) in wants.iter().zip(placed) {
        match at {
            Some(p) => {
                if let Some(line) = p.leader {
                    leader_line(c, line);
                }
                let b = p.at;
                let first_h = line_h(size);
                c.text(
                    b.x + b.w / 2.0,
                    b.y + first_h * 0.78,
                    size,
                    false,
                    ink::TEXT,
                    Anchor::Middle,
                    &w.text,
                );
                if let Some(second) = &w.second {
                    let small = size * labels::YEAR_LINE_SHARE;
                    c.text(
                        b.x + b.w / 2.0,
                        b.y + first_h + line_h(small) * 0.7,
                        small,
                        false,
                        ink::MUTED,
                        Anchor::Middle,
                        second,
                    );
                }
            }
            None => c.left_out = true,
        }
    }
    c.close();
}

/// A leader line from a label to its mark: thin and grey, under the text.
pub(crate) fn leader_line(c: &mut Canvas, [from, to]: [[f64; 2]; 2]) {
    let width = c.s(0.8);
    c.line(from[0], from[1], to[0], to[1], ink::AXIS, width);
}

/// Width of the widest end-of-line label at `size`, for the gutter right of the plot.
pub(crate) fn end_labels_width(names: &[&str], size: f64) -> f64 {
    names
        .iter()
        .map(|t| text_width(t, size, true))
        .fold(0.0, f64::max)
}

/// End-of-line labels: each name in its series' colour, left-aligned at `x`, as near its
/// line's last point (`y`) as the others allow, between `top` and `bottom`.
pub(crate) fn end_labels(
    c: &mut Canvas,
    items: &[(String, Rgb, f64)],
    x: f64,
    top: f64,
    bottom: f64,
    size: f64,
) {
    let want: Vec<f64> = items.iter().map(|i| i.2).collect();
    let at = labels::spread(&want, line_h(size), top, bottom);
    c.open("line-ends");
    for ((name, colour, _), y) in items.iter().zip(at) {
        c.text(
            x,
            y + size * 0.35,
            size,
            true,
            &palette::hex(*colour),
            Anchor::Start,
            name,
        );
    }
    c.close();
}

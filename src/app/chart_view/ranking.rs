/*!
The ranking on screen: one horizontal bar per region (rank 1 on top), value labels placed by the
core ([`crate::chart::labels`]), bands capped in height and the block centred, as in the files.
*/

use super::axes::{category_marks, value_labels};
use super::plots::{base_plot, category_ticks, plot_text};
use super::style::{fill_stroke, overlay_rect};
use super::{Hit, tooltip};
use crate::app::theme::rgb;
use crate::chart::{Figure, Point, layout, style};
use eframe::egui::{self, Align2, RichText};
use egui_plot::{Bar, BarChart, Line, PlotPoint};

/// Tallest band of a ranking on screen, in points (a bar is 60 % of it).
pub const RANK_BAND_MAX_PT: f32 = 90.0;

/// Ranking: horizontal bars, best at the top, value and gap to best at the end of each bar.
pub fn ranking(ui: &mut egui::Ui, fig: &Figure, dark: bool) {
    let n = fig.x.categories.len().max(1);
    let rev: Vec<String> = fig.x.categories.iter().rev().cloned().collect();
    let text_colour = ui.visuals().text_color();
    let Some(scale) = layout::axes(fig, false).value else {
        return;
    };
    let w = 0.6;
    // the drawn bars: (row from the bottom, value, point), best at the top
    let rows: Vec<(usize, f64, f64, &Point)> = fig
        .series
        .iter()
        .enumerate()
        .flat_map(|(si, s)| s.points.iter().map(move |p| (si, p)))
        .filter_map(|(si, p)| Some((si, (n - 1) as f64 - p.rank()? as f64, p.value?, p)))
        .collect();
    // the value range widened so that the longest label on each side fits beyond its bar
    // (a negative bar's label sits left of it and must not reach the region names)
    let label_w = |neg: bool| {
        rows.iter()
            .filter(|r| (r.2 < 0.0) == neg)
            .map(|r| super::placed::text_w(ui.painter(), &format!("{}  ", r.3.label), 14.0))
            .fold(0.0f32, f32::max)
    };
    let names_w = fig
        .x
        .categories
        .iter()
        .map(|c| super::placed::text_w(ui.painter(), c, 14.0))
        .fold(0.0f32, f32::max);
    let body_pt = egui::TextStyle::Body.resolve(ui.style()).size;
    let label_room = label_room(
        (scale.lo, scale.hi),
        (f64::from(label_w(true)), f64::from(label_w(false))),
        f64::from(ui.available_width() - names_w - 60.0),
    );
    // value ticks thinned where their labels would touch on a narrow plot
    let tick_w = scale
        .ticks
        .iter()
        .map(|t| super::placed::text_w(ui.painter(), &t.label, body_pt))
        .fold(0.0f32, f32::max)
        + 8.0;
    let step_pt = scale.step / (label_room.1 - label_room.0).max(f64::EPSILON)
        * f64::from(ui.available_width() - names_w - 60.0);
    let tick_every = ((f64::from(tick_w) / step_pt.max(1.0)).ceil() as usize).max(1);
    // bands take the height there is up to a cap (no slabs for two regions); what is left is
    // shared above and below the chart, as in files
    let axis_h = 2.0 * ui.text_style_height(&egui::TextStyle::Body) + 12.0;
    let avail_h = ui.available_height();
    let band_h = ((avail_h - axis_h) / n as f32).min(RANK_BAND_MAX_PT);
    let plot_h = band_h * n as f32 + axis_h;
    ui.add_space(((avail_h - plot_h) / 2.0).max(0.0));
    let resp = base_plot("ranking", fig, dark)
        .height(plot_h.min(avail_h))
        .show_grid([true, false])
        // the value axis at the height reserved for it, so the bands keep their cap
        .custom_x_axes(vec![
            super::axes::x_axis(
                ui,
                scale.title(&fig.y.label),
                value_labels(&scale),
                scale.ticks.iter().map(|t| t.label.clone()),
            )
            .min_thickness(axis_h),
        ])
        .y_axis_label(fig.x.label.clone())
        .y_grid_spacer(category_marks(n))
        .y_axis_formatter(category_ticks(rev, 24))
        .x_grid_spacer(super::axes::value_marks_every(&scale, tick_every))
        .include_x(scale.lo)
        .include_x(scale.hi)
        // room for the value and gap labels beyond the ends of the bars, measured
        .include_x(label_room.1)
        .include_x(label_room.0)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .show(ui, |pu| {
            super::story::references(pu, fig, true, dark);
            for (si, s) in fig.series.iter().enumerate() {
                let colour = rgb(s.colour);
                let drawn = || {
                    rows.iter()
                        .filter(|r| r.0 == si)
                        .map(|&(_, y, v, p)| (y, v, p))
                };
                let bars = drawn()
                    .map(|(y, v, p)| {
                        let (fill, stroke) =
                            fill_stroke(style::sample_colour(s.colour, p), p.grade, dark);
                        Bar::new(y, v)
                            .width(w)
                            .fill(fill)
                            .stroke(stroke)
                            .horizontal()
                    })
                    .collect();
                pu.bar_chart(
                    BarChart::new(s.label.clone(), bars)
                        .color(colour)
                        .horizontal()
                        .allow_hover(false),
                );
                // the margin of error as a whisker, when known
                for (y, v, p) in drawn() {
                    if let Some(m) = p.margin.filter(|m| m.is_finite() && *m > 0.0) {
                        pu.line(
                            Line::new("", vec![[v - m, y], [v + m, y]])
                                .color(text_colour)
                                .width(1.2)
                                .allow_hover(false),
                        );
                    }
                }
                for (y, v, p) in drawn() {
                    let (anchor, text) = if v >= 0.0 {
                        (Align2::LEFT_CENTER, format!("  {}", p.label))
                    } else {
                        (Align2::RIGHT_CENTER, format!("{}  ", p.label))
                    };
                    plot_text(
                        pu,
                        PlotPoint::new(v, y),
                        RichText::new(text).size(14.0),
                        anchor,
                        text_colour,
                    );
                }
            }
        });
    let t = resp.transform;
    let mut hits = Vec::new();
    let mut marks = Vec::new();
    let painter = ui.painter().with_clip_rect(*t.frame());
    for &(si, y, v, p) in &rows {
        let rect = t.rect_from_values(
            &PlotPoint::new(0.0, y - w / 2.0),
            &PlotPoint::new(v, y + w / 2.0),
        );
        overlay_rect(&painter, rect, fig.series[si].colour, p.grade, dark);
        hits.push(Hit::Rect(rect, p));
        marks.push(rect);
    }
    let frame = *t.frame();
    super::record::update(ui.ctx(), |r| {
        r.frame = Some(frame);
        r.marks = marks;
        r.band_h = Some(frame.height() / n as f32);
    });
    super::story::overlays(ui, &t, fig);
    super::note_drag::remember(ui.ctx(), t);
    tooltip(&resp.response, &hits);
}

/// The value range `(lo, hi)` widened so that labels `(left_pt, right_pt)` wide fit beyond the
/// bars' ends in a plot `plot_pt` wide: the range `r` solves `r = span + (left + right) r / plot`
/// (labels take at most 60 % of the plot, past which they are cut by the frame's edge).
fn label_room((lo, hi): (f64, f64), (left_pt, right_pt): (f64, f64), plot_pt: f64) -> (f64, f64) {
    let span = (hi - lo).max(f64::EPSILON);
    let share = ((left_pt + right_pt) / plot_pt.max(1.0)).clamp(0.0, 0.6);
    let range = span / (1.0 - share);
    let per_pt = range / plot_pt.max(1.0);
    let lo = if lo < 0.0 || left_pt > 0.0 {
        lo.min(0.0) - left_pt * per_pt
    } else {
        lo
    };
    (lo, hi.max(0.0) + right_pt * per_pt)
}

#[cfg(test)]
mod tests {
    #[test]
    fn label_room_fits_both_sides_in_the_plot() {
        // span 40 (−20…20), labels of 100 and 100 pt in a 500 pt plot: 40 % of the plot, so
        // the range is 40 / 0.6 = 66.7 and 100 pt are 13.3 units on each side
        let (lo, hi) = super::label_room((-20.0, 20.0), (100.0, 100.0), 500.0);
        assert!((lo - (-20.0 - 40.0 / 0.6 / 5.0)).abs() < 1e-9, "{lo}");
        assert!((hi - (20.0 + 40.0 / 0.6 / 5.0)).abs() < 1e-9, "{hi}");
        // no negative value and no left label: the range starts at zero
        let (lo, _) = super::label_room((0.0, 15.0), (0.0, 80.0), 500.0);
        assert_eq!(lo, 0.0);
    }
}

/*!
The ranking on screen: one horizontal bar per region (rank 1 on top), value labels placed by the
core ([`crate::chart::labels`]), bands capped in height and the block centred, as in the files.
*/

use super::axes::{category_marks, value_labels, value_marks};
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
    let span = scale.hi - scale.lo;
    let w = 0.6;
    // the drawn bars: (row from the bottom, value, point), best at the top
    let rows: Vec<(usize, f64, f64, &Point)> = fig
        .series
        .iter()
        .enumerate()
        .flat_map(|(si, s)| s.points.iter().map(move |p| (si, p)))
        .filter_map(|(si, p)| Some((si, (n - 1) as f64 - p.rank()? as f64, p.value?, p)))
        .collect();
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
            egui_plot::AxisHints::new_x()
                .label(scale.title(&fig.y.label))
                .formatter(value_labels(&scale))
                .min_thickness(axis_h),
        ])
        .y_axis_label(fig.x.label.clone())
        .y_grid_spacer(category_marks(n))
        .y_axis_formatter(category_ticks(rev, 24))
        .x_grid_spacer(value_marks(&scale))
        .include_x(scale.lo)
        .include_x(scale.hi)
        // room for the value and gap labels beyond the ends of the bars
        .include_x(if scale.hi > 0.0 {
            scale.hi + span * 0.45
        } else {
            0.0
        })
        .include_x(if scale.lo < 0.0 {
            scale.lo - span * 0.45
        } else {
            0.0
        })
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

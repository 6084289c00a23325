//! The scatter of two indicators drawn with egui_plot: one marker per series, each named
//! beside its point where the core's placement ([`crate::chart::labels`]) finds room.

use super::axes::{value_labels, value_marks};
use super::placed;
use super::plots::{base_plot, dot_tooltip, estimated_rings, markers};
use crate::chart::labels::Prefer;
use crate::chart::{Figure, Point, layout};
use eframe::egui;
use egui_plot::{MarkerShape, PlotPoint};

/// Scatter of two indicators, one labelled point per series.
pub fn scatter(ui: &mut egui::Ui, fig: &Figure, labels: bool, dark: bool) {
    let text_colour = ui.visuals().text_color();
    let axes = layout::axes(fig, labels);
    let (Some(ys), Some(xs)) = (&axes.value, &axes.x_value) else {
        return;
    };
    let resp = base_plot("scatter", fig, dark)
        .custom_x_axes(vec![super::axes::x_axis(
            ui,
            xs.title(&fig.x.label),
            value_labels(xs),
            xs.ticks.iter().map(|t| t.label.clone()),
        )])
        .y_axis_label(ys.title(&fig.y.label))
        .x_grid_spacer(value_marks(xs))
        .y_grid_spacer(value_marks(ys))
        .y_axis_formatter(value_labels(ys))
        .include_x(xs.lo)
        .include_x(xs.hi)
        .include_y(ys.lo)
        .include_y(ys.hi)
        .show(ui, |pu| {
            super::story::references(pu, fig, false, dark);
            for s in &fig.series {
                markers(pu, s, MarkerShape::Circle, 8.0, dark, Point::plot_xy);
            }
        });
    // each point named beside it, off the other points and names (core rules); no legend
    let t = &resp.transform;
    let mut marks = Vec::new();
    let mut wants = Vec::new();
    for s in &fig.series {
        for (p, [x, y]) in s.points.iter().filter_map(|p| Some((p, p.plot_xy()?))) {
            let c = t.position_from_point(&PlotPoint::new(x, y));
            marks.push(placed::marker_box(c, 8.0));
            wants.push(placed::Want {
                text: if labels {
                    format!("{} ({})", s.label, p.label)
                } else {
                    s.label.clone()
                },
                at: c,
                gap: 11.0,
                prefer: Prefer::Beside,
                second: None,
            });
        }
    }
    let painter = ui.painter().with_clip_rect(*t.frame());
    let left_out = placed::point_labels(&painter, &wants, 14.0, &marks, *t.frame(), text_colour);
    placed::remember_left_out(ui.ctx(), left_out);
    estimated_rings(ui, &resp.transform, fig, 8.0, dark, Point::plot_xy);
    super::story::overlays(ui, &resp.transform, fig);
    super::note_drag::remember(ui.ctx(), resp.transform);
    dot_tooltip(&resp, fig);
}

/*!
Radar chart drawn with egui_plot: one polygon per series over the normalised indicators, the
rings and spokes of the scale, category labels wrapped around the circle, estimated markers
ringed as in exports. Fewer than [`chart::RADAR_MIN_AXES`] indicators draw nothing (the figure
says why).
*/

use super::placed;
use super::plots::{base_plot, estimated_rings, markers, plot_text, shorten};
use super::{Hit, tooltip};
use crate::app::theme::rgb;
use crate::chart::labels::Prefer;
use crate::chart::{self, Figure, Point, layout};
use eframe::egui::{self, Align2, RichText};
use egui_plot::{Line, MarkerShape, PlotPoint, PlotPoints, Polygon};

/// `text` broken into lines of about `width` characters at spaces, at most `max_lines` lines
/// (the last one shortened with an ellipsis if needed).
pub(super) fn wrap_words(text: &str, width: usize, max_lines: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(shorten(&rest, width));
    }
    lines.join("\n")
}

/// Position of a radar point: category `x` of `n` around the circle (first at the top,
/// clockwise), normalised score as radius.
fn radar_xy(x: f64, r: f64, n: usize) -> [f64; 2] {
    let a = std::f64::consts::FRAC_PI_2 - std::f64::consts::TAU * x / n as f64;
    [r * a.cos(), r * a.sin()]
}

/// How the name of indicator `axis` is anchored at the end of its spoke: the core's rule
/// ([`layout::spoke_label_side`]), as the file painters apply it.
fn name_anchor(axis: usize, spokes: usize) -> Align2 {
    let [across, up] = layout::spoke_label_side(axis, spokes);
    let x = match across {
        1 => egui::Align::Min,
        -1 => egui::Align::Max,
        _ => egui::Align::Center,
    };
    let y = match up {
        -1 => egui::Align::Max,
        1 => egui::Align::Min,
        _ => egui::Align::Center,
    };
    Align2([x, y])
}

/// Radar: one polygon per series over the normalised indicators.
pub fn radar(ui: &mut egui::Ui, fig: &Figure, labels: bool, dark: bool) {
    let n = fig.x.categories.len();
    // where a vertex sits: its spoke at its radius (none when the value is missing)
    let vertex = |p: &Point| {
        let (axis, score) = p.spoke()?;
        Some(radar_xy(axis as f64, score, n))
    };
    if n < chart::RADAR_MIN_AXES {
        return;
    }
    // how the rings read (0 = worst, 1 = best of the regions shown), as in exports
    ui.label(RichText::new(&fig.y.label).color(ui.visuals().weak_text_color()));
    let rings = layout::radar_rings(fig.locale);
    let grid = ui.visuals().weak_text_color().gamma_multiply(0.6);
    let ui_weak = ui.visuals().weak_text_color();
    let text_colour = ui.visuals().text_color();
    let resp = base_plot("radar", fig, dark)
        .data_aspect(1.0)
        .show_axes(false)
        .show_grid(false)
        .include_x(-1.9)
        .include_x(1.9)
        .include_y(-1.15)
        .include_y(1.15)
        .show(ui, |pu| {
            for (ring, label) in &rings {
                let pts: Vec<[f64; 2]> = (0..=n).map(|i| radar_xy(i as f64, *ring, n)).collect();
                pu.line(
                    Line::new("", PlotPoints::new(pts))
                        .color(grid)
                        .width(1.0)
                        .allow_hover(false),
                );
                let [x, y] = radar_xy(0.0, *ring, n);
                plot_text(
                    pu,
                    PlotPoint::new(x, y),
                    RichText::new(format!(" {label}")).size(11.0),
                    Align2::LEFT_CENTER,
                    ui_weak,
                );
            }
            for (i, cat) in fig.x.categories.iter().enumerate() {
                let end = radar_xy(i as f64, 1.0, n);
                pu.line(
                    Line::new("", PlotPoints::new(vec![[0.0, 0.0], end]))
                        .color(grid)
                        .width(1.0)
                        .allow_hover(false),
                );
                let [x, y] = radar_xy(i as f64, 1.08, n);
                let anchor = name_anchor(i, n);
                plot_text(
                    pu,
                    PlotPoint::new(x, y),
                    RichText::new(wrap_words(cat, 20, 3)).size(13.5),
                    anchor,
                    text_colour,
                );
            }
            for s in &fig.series {
                if s.points.is_empty() {
                    continue;
                }
                let colour = rgb(s.colour);
                let pts: Vec<[f64; 2]> = s.points.iter().filter_map(vertex).collect();
                pu.polygon(
                    Polygon::new(s.label.clone(), PlotPoints::new(pts))
                        .fill_color(colour.gamma_multiply(0.15))
                        .stroke(egui::Stroke::new(2.0, colour))
                        .allow_hover(false),
                );
                markers(pu, s, MarkerShape::Circle, 4.5, dark, vertex);
            }
        });
    let t = resp.transform;
    estimated_rings(ui, &t, fig, 4.5, dark, vertex);
    if labels {
        // each value beside its vertex, off the other values and markers (core placement)
        let mut marks = Vec::new();
        // values keep off the indicator names and the ring labels
        for (i, cat) in fig.x.categories.iter().enumerate() {
            let [x, y] = radar_xy(i as f64, 1.08, n);
            let size = ui
                .painter()
                .layout_no_wrap(
                    wrap_words(cat, 20, 3),
                    egui::FontId::proportional(13.5),
                    text_colour,
                )
                .size();
            let at = t.position_from_point(&PlotPoint::new(x, y));
            marks.push(placed::box_of(name_anchor(i, n).anchor_size(at, size)));
        }
        for (ring, label) in &rings {
            let [x, y] = radar_xy(0.0, *ring, n);
            let at = t.position_from_point(&PlotPoint::new(x, y));
            let w = placed::text_w(ui.painter(), &format!(" {label}"), 11.0);
            marks.push(placed::box_of(
                Align2::LEFT_CENTER.anchor_size(at, egui::vec2(w, 14.0)),
            ));
        }
        let mut wants = Vec::new();
        for (p, [x, y]) in fig
            .series
            .iter()
            .flat_map(|s| &s.points)
            .filter_map(|p| Some((p, vertex(p)?)))
        {
            let c = t.position_from_point(&PlotPoint::new(x, y));
            marks.push(placed::marker_box(c, 4.5));
            wants.push(placed::Want {
                text: p.label.clone(),
                at: c,
                gap: 7.0,
                prefer: Prefer::Beside,
                second: None,
            });
        }
        let painter = ui.painter().with_clip_rect(*t.frame());
        let left_out =
            placed::point_labels(&painter, &wants, 11.5, &marks, *t.frame(), text_colour);
        placed::remember_left_out(ui.ctx(), left_out);
    } else {
        placed::remember_left_out(ui.ctx(), false);
    }
    let hits: Vec<Hit<'_>> = fig
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .filter_map(|p| {
            let [x, y] = vertex(p)?;
            Some(Hit::Dot(t.position_from_point(&PlotPoint::new(x, y)), p))
        })
        .collect();
    tooltip(&resp.response, &hits);
}

/*!
Radar chart drawn with egui_plot: one polygon per series over the normalised indicators, the
rings and spokes of the scale, category labels wrapped around the circle, estimated markers
ringed as in exports. Fewer than [`chart::RADAR_MIN_AXES`] indicators draw nothing (the figure
says why).
*/

use super::plots::{base_plot, estimated_rings, markers, plot_text, shorten};
use super::{Hit, tooltip};
use crate::app::theme::rgb;
use crate::chart::{self, Figure};
use eframe::egui::{self, Align2, RichText};
use egui_plot::{Line, PlotPoint, PlotPoints, Polygon};

/// `text` broken into lines of about `width` characters at spaces, at most `max_lines` lines
/// (the last one shortened with an ellipsis if needed).
fn wrap_words(text: &str, width: usize, max_lines: usize) -> String {
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

/// Radar: one polygon per series over the normalised indicators.
pub fn radar(ui: &mut egui::Ui, fig: &Figure, dark: bool) {
    let n = fig.x.categories.len();
    if n < chart::RADAR_MIN_AXES {
        return;
    }
    let grid = ui.visuals().weak_text_color().gamma_multiply(0.6);
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
            for ring in [0.25, 0.5, 0.75, 1.0] {
                let pts: Vec<[f64; 2]> = (0..=n).map(|i| radar_xy(i as f64, ring, n)).collect();
                pu.line(
                    Line::new("", PlotPoints::new(pts))
                        .color(grid)
                        .width(1.0)
                        .allow_hover(false),
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
                let anchor = if x > 0.2 {
                    Align2::LEFT_CENTER
                } else if x < -0.2 {
                    Align2::RIGHT_CENTER
                } else if y > 0.0 {
                    Align2::CENTER_BOTTOM
                } else {
                    Align2::CENTER_TOP
                };
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
                let pts: Vec<[f64; 2]> = s.points.iter().map(|p| radar_xy(p.x, p.y, n)).collect();
                pu.polygon(
                    Polygon::new(s.label.clone(), PlotPoints::new(pts))
                        .fill_color(colour.gamma_multiply(0.15))
                        .stroke(egui::Stroke::new(2.0, colour))
                        .allow_hover(false),
                );
                markers(pu, &s.label, &s.points, s.colour, 4.5, dark, |p| {
                    radar_xy(p.x, p.y, n)
                });
            }
        });
    let t = resp.transform;
    estimated_rings(ui, &t, fig, 4.5, dark, |p| radar_xy(p.x, p.y, n));
    let hits: Vec<Hit<'_>> = fig
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .map(|p| {
            let [x, y] = radar_xy(p.x, p.y, n);
            Hit::Dot(t.position_from_point(&PlotPoint::new(x, y)), p)
        })
        .collect();
    tooltip(&resp.response, &hits);
}

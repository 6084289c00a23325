/*!
Chart kinds drawn with egui_plot: grouped bars, ranking (horizontal bars), lines, scatter
and radar. Each function draws the figure's points where the figure put them (categories
are indices on the axis) and registers them for hover tooltips.
*/

use super::style::{fill_stroke, hatch};
use super::{Hit, tooltip};
use crate::app::theme::rgb;
use crate::chart::{self, Figure, Locale, Point, format};
use crate::model::{Grade, Unit};
use eframe::egui::{self, Align2, Color32, RichText};
use egui_plot::{
    Bar, BarChart, GridInput, GridMark, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints,
    Points, Polygon, Text,
};
use std::ops::RangeInclusive;

/// A plot with the settings every chart shares: no pan or zoom (the chart is shown
/// to a client, not explored), no coordinate read-out (tooltips show the values instead).
fn base_plot<'a>(id: &'static str, fig: &Figure) -> Plot<'a> {
    Plot::new((id, fig.kind as u8))
        .grid_spacing(egui::Rangef::new(24.0, 300.0))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_crosshair(false)
}

/// Tick labels of a value axis in the figure's locale and unit.
fn value_ticks(
    unit: Option<Unit>,
    locale: Locale,
) -> impl Fn(GridMark, &RangeInclusive<f64>) -> String {
    move |m, _| match &unit {
        Some(u) => format::tick(m.value, u, m.step_size, locale),
        None => format::number(m.value, format::auto_decimals(m.step_size, 2), locale),
    }
}

/// Grid marks at category indices `0..n`.
fn category_marks(n: usize) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |input| {
        (0..n)
            .map(|i| i as f64)
            .filter(|v| *v >= input.bounds.0 - 1e-9 && *v <= input.bounds.1 + 1e-9)
            .map(|value| GridMark {
                value,
                step_size: 1.0,
            })
            .collect()
    }
}

/// Category labels at integer marks, shortened to `max_chars`.
fn category_ticks(
    cats: Vec<String>,
    max_chars: usize,
) -> impl Fn(GridMark, &RangeInclusive<f64>) -> String {
    move |m, _| {
        let i = m.value.round();
        if (m.value - i).abs() > 1e-6 || i < 0.0 {
            return String::new();
        }
        cats.get(i as usize)
            .map(|c| shorten(c, max_chars))
            .unwrap_or_default()
    }
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

fn y_extent(fig: &Figure) -> (f64, f64) {
    fig.extent(true).unwrap_or((0.0, 1.0))
}

/// Grouped bars: categories on x, one bar per series in each category.
pub fn bars(ui: &mut egui::Ui, fig: &Figure, labels: bool, dark: bool) {
    let n = fig.x.categories.len().max(1);
    let k = fig.series.len().max(1);
    let w = 0.8 / k as f64;
    let max_chars = ((ui.available_width() - 70.0) / n as f32 / 6.5).max(6.0) as usize;
    let text_colour = ui.visuals().text_color();
    let (lo, hi) = y_extent(fig);
    let pad = (hi.max(0.0) - lo.min(0.0)).max(1e-9) * 0.08;
    let mut placed: Vec<(f64, &Point)> = Vec::new();
    for (j, s) in fig.series.iter().enumerate() {
        for p in &s.points {
            placed.push((p.x - 0.4 + w * (j as f64 + 0.5), p));
        }
    }
    let resp = base_plot("bars", fig)
        .x_axis_label(fig.x.label.clone())
        .y_axis_label(fig.y.label.clone())
        .x_grid_spacer(category_marks(n))
        .x_axis_formatter(category_ticks(fig.x.categories.clone(), max_chars))
        .y_axis_formatter(value_ticks(fig.y.unit.clone(), fig.locale))
        .include_y(0.0)
        .include_y(hi + pad)
        .include_y(lo.min(0.0) - if lo < 0.0 { pad } else { 0.0 })
        .include_x(-0.5)
        .include_x(n as f64 - 0.5)
        .show(ui, |pu| {
            for (j, s) in fig.series.iter().enumerate() {
                let colour = rgb(s.colour);
                let bars = s
                    .points
                    .iter()
                    .map(|p| {
                        let (fill, stroke) = fill_stroke(sample_colour(s.colour, p), p.grade, dark);
                        Bar::new(p.x - 0.4 + w * (j as f64 + 0.5), p.y)
                            .width(w * 0.92)
                            .fill(fill)
                            .stroke(stroke)
                    })
                    .collect();
                pu.bar_chart(
                    BarChart::new(s.label.clone(), bars)
                        .color(colour)
                        .allow_hover(false),
                );
                if labels {
                    for p in &s.points {
                        let x = p.x - 0.4 + w * (j as f64 + 0.5);
                        let anchor = if p.y >= 0.0 {
                            Align2::CENTER_BOTTOM
                        } else {
                            Align2::CENTER_TOP
                        };
                        plot_text(
                            pu,
                            PlotPoint::new(x, p.y),
                            RichText::new(&p.label).size(12.5),
                            anchor,
                            text_colour,
                        );
                    }
                }
            }
        });
    let t = resp.transform;
    let mut hits = Vec::new();
    for (x, p) in placed {
        let rect = t.rect_from_values(
            &PlotPoint::new(x - w * 0.46, 0.0),
            &PlotPoint::new(x + w * 0.46, p.y),
        );
        if p.grade == Grade::Illustrative {
            let colour = fig
                .series
                .iter()
                .find(|s| s.points.iter().any(|q| std::ptr::eq(q, p)))
                .map(|s| rgb(s.colour))
                .unwrap_or(Color32::GRAY);
            hatch(&ui.painter().with_clip_rect(*t.frame()), rect, colour);
        }
        hits.push(Hit::Rect(rect, p));
    }
    tooltip(&resp.response, &hits);
}

/// Ranking: horizontal bars, best at the top, value and gap to best at the end of each bar.
pub fn ranking(ui: &mut egui::Ui, fig: &Figure, dark: bool) {
    let n = fig.x.categories.len().max(1);
    let rev: Vec<String> = fig.x.categories.iter().rev().cloned().collect();
    let text_colour = ui.visuals().text_color();
    let (lo, hi) = y_extent(fig);
    let span = (hi.max(0.0) - lo.min(0.0)).max(1e-9);
    let w = 0.6;
    let row = |p: &Point| (n - 1) as f64 - p.x;
    let resp = base_plot("ranking", fig)
        .x_axis_label(fig.y.label.clone())
        .y_axis_label(fig.x.label.clone())
        .y_grid_spacer(category_marks(n))
        .y_axis_formatter(category_ticks(rev, 24))
        .x_axis_formatter(value_ticks(fig.y.unit.clone(), fig.locale))
        .include_x(0.0)
        .include_x(hi.max(0.0) + span * 0.55)
        .include_x(lo.min(0.0) - if lo < 0.0 { span * 0.55 } else { 0.0 })
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .show(ui, |pu| {
            for s in &fig.series {
                let colour = rgb(s.colour);
                let bars = s
                    .points
                    .iter()
                    .map(|p| {
                        let (fill, stroke) = fill_stroke(sample_colour(s.colour, p), p.grade, dark);
                        Bar::new(row(p), p.y)
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
                for p in &s.points {
                    if let Some(m) = p.margin.filter(|m| m.is_finite() && *m > 0.0) {
                        let y = row(p);
                        pu.line(
                            Line::new("", vec![[p.y - m, y], [p.y + m, y]])
                                .color(text_colour)
                                .width(1.2)
                                .allow_hover(false),
                        );
                    }
                }
                for p in &s.points {
                    let (anchor, text) = if p.y >= 0.0 {
                        (Align2::LEFT_CENTER, format!("  {}", p.label))
                    } else {
                        (Align2::RIGHT_CENTER, format!("{}  ", p.label))
                    };
                    plot_text(
                        pu,
                        PlotPoint::new(p.y, row(p)),
                        RichText::new(text).size(14.0),
                        anchor,
                        text_colour,
                    );
                }
            }
        });
    let t = resp.transform;
    let mut hits = Vec::new();
    for s in &fig.series {
        for p in &s.points {
            let rect = t.rect_from_values(
                &PlotPoint::new(0.0, row(p) - w / 2.0),
                &PlotPoint::new(p.y, row(p) + w / 2.0),
            );
            if p.grade == Grade::Illustrative {
                hatch(
                    &ui.painter().with_clip_rect(*t.frame()),
                    rect,
                    rgb(s.colour),
                );
            }
            hits.push(Hit::Rect(rect, p));
        }
    }
    tooltip(&resp.response, &hits);
}

/// The series colour, lighter for a value resting on a small sample (as in exports).
fn sample_colour(colour: crate::chart::palette::Rgb, p: &crate::chart::Point) -> Color32 {
    if p.small_sample {
        rgb(crate::chart::palette::lighten(colour))
    } else {
        rgb(colour)
    }
}

/// Markers of one series, styled by grade (same legend name as the series' line).
fn markers<'a>(
    pu: &mut egui_plot::PlotUi<'a>,
    name: &str,
    points: &[Point],
    colour: Color32,
    radius: f32,
    dark: bool,
    map: impl Fn(&Point) -> [f64; 2],
) {
    for g in Grade::ALL {
        let pts: Vec<[f64; 2]> = points.iter().filter(|p| p.grade == g).map(&map).collect();
        if pts.is_empty() {
            continue;
        }
        let (fill, stroke) = fill_stroke(colour, g, dark);
        pu.points(
            Points::new(name.to_owned(), PlotPoints::new(pts.clone()))
                .shape(MarkerShape::Circle)
                .radius(radius)
                .color(fill)
                .filled(true)
                .allow_hover(false),
        );
        if g != Grade::Measured {
            pu.points(
                Points::new(name.to_owned(), PlotPoints::new(pts))
                    .shape(MarkerShape::Circle)
                    .radius(radius + stroke.width)
                    .color(stroke.color)
                    .filled(false)
                    .allow_hover(false),
            );
        }
    }
}

/// The tooltip of the point under the pointer, one hit per point of `fig` at its (x, y);
/// the hits (one per point, 100,000 on a dense chart) are only made while the plot is hovered.
fn dot_tooltip<R>(resp: &egui_plot::PlotResponse<R>, fig: &Figure) {
    if !resp.response.hovered() {
        return;
    }
    let t = &resp.transform;
    let hits: Vec<Hit<'_>> = fig
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .map(|p| Hit::Dot(t.position_from_point(&PlotPoint::new(p.x, p.y)), p))
        .collect();
    tooltip(&resp.response, &hits);
}

/// Year ticks: points sit at mid-year (2016 → 2016.5), so each year is marked at the centre
/// of its band, as in the export.
fn year_marks(input: GridInput) -> Vec<GridMark> {
    let (a, b) = input.bounds;
    let (a, b) = ((a - 0.5).ceil() as i64, (b - 0.5).floor() as i64);
    // about a dozen labels at most
    let step = [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|s| (b - a) / s <= 12)
        .unwrap_or(100);
    (a..=b)
        .filter(|y| y % step == 0)
        .map(|y| GridMark {
            value: y as f64 + 0.5,
            step_size: step as f64,
        })
        .collect()
}

/// Lines over years, one per series, markers styled by grade.
pub fn lines(ui: &mut egui::Ui, fig: &Figure, labels: bool, dark: bool) {
    let text_colour = ui.visuals().text_color();
    let dense = !fig.shows_markers();
    let mut plot = base_plot("lines", fig)
        .x_axis_label(fig.x.label.clone())
        .y_axis_label(fig.y.label.clone())
        .x_grid_spacer(year_marks)
        .x_axis_formatter(|m, _| format!("{}", (m.value - 0.5).round() as i64))
        .y_axis_formatter(value_ticks(fig.y.unit.clone(), fig.locale));
    if dense {
        // the lines are painted after the plot (see `dense_lines`): give it their extent
        let finite = || {
            fig.series
                .iter()
                .flat_map(|s| &s.points)
                .filter(|p| p.x.is_finite() && p.y.is_finite())
        };
        for p in [
            finite().min_by(|a, b| a.x.total_cmp(&b.x)),
            finite().max_by(|a, b| a.x.total_cmp(&b.x)),
            finite().min_by(|a, b| a.y.total_cmp(&b.y)),
            finite().max_by(|a, b| a.y.total_cmp(&b.y)),
        ]
        .into_iter()
        .flatten()
        {
            plot = plot.include_x(p.x).include_y(p.y);
        }
    }
    let resp = plot.show(ui, |pu| {
        for s in &fig.series {
            if s.points.is_empty() {
                continue;
            }
            let colour = rgb(s.colour);
            if !dense {
                for (dashed, run) in chart::line_runs(&s.points) {
                    let style = if dashed {
                        LineStyle::dashed_loose()
                    } else {
                        LineStyle::Solid
                    };
                    pu.line(
                        Line::new(s.label.clone(), PlotPoints::new(run))
                            .color(colour)
                            .width(2.0)
                            .style(style)
                            .allow_hover(false),
                    );
                }
            }
            // markers while they fit (a lone point always has one, or it would not show)
            if !dense || s.points.len() == 1 {
                markers(pu, &s.label, &s.points, colour, 4.5, dark, |p| [p.x, p.y]);
            }
            if labels {
                value_texts(pu, &s.points, text_colour, |p| [p.x, p.y]);
            }
        }
    });
    if dense {
        dense_lines(ui, &resp.transform, fig);
    }
    dot_tooltip(&resp, fig);
}

/// Lines of a dense chart (more points than [`chart::MARKER_LIMIT`]) as one triangle mesh of
/// 1.5 px quads, without anti-aliasing fringes: a tenth of the tessellation work of plot
/// lines at 100,000 points. Illustrative runs are faded instead of dashed, as in the export.
fn dense_lines(ui: &egui::Ui, t: &egui_plot::PlotTransform, fig: &Figure) {
    let half_w = 0.75;
    let mut mesh = egui::Mesh::default();
    for s in &fig.series {
        let colour = rgb(s.colour);
        for (faded, run) in chart::line_runs(&s.points) {
            let c = if faded {
                colour.gamma_multiply(0.45)
            } else {
                colour
            };
            let screen: Vec<egui::Pos2> = run
                .iter()
                .map(|[x, y]| t.position_from_point(&PlotPoint::new(*x, *y)))
                .collect();
            for w in screen.windows(2) {
                let (a, b) = (w[0], w[1]);
                let d = b - a;
                let len = d.length();
                if len <= 1e-3 {
                    continue;
                }
                let n = (d / len).rot90() * half_w;
                let i = mesh.vertices.len() as u32;
                for p in [a + n, a - n, b - n, b + n] {
                    mesh.colored_vertex(p, c);
                }
                mesh.add_triangle(i, i + 1, i + 2);
                mesh.add_triangle(i, i + 2, i + 3);
            }
        }
    }
    ui.painter()
        .with_clip_rect(*t.frame())
        .add(egui::Shape::mesh(mesh));
}

/// Text at a plot position; not a hoverable plot item (the tooltips carry the details).
fn plot_text(
    pu: &mut egui_plot::PlotUi<'_>,
    at: PlotPoint,
    text: RichText,
    anchor: Align2,
    colour: Color32,
) {
    pu.text(
        Text::new("", at, text)
            .anchor(anchor)
            .color(colour)
            .allow_hover(false),
    );
}

/// The value of each point, printed just above it.
fn value_texts(
    pu: &mut egui_plot::PlotUi<'_>,
    points: &[Point],
    colour: Color32,
    map: impl Fn(&Point) -> [f64; 2],
) {
    for p in points {
        let [x, y] = map(p);
        plot_text(
            pu,
            PlotPoint::new(x, y),
            RichText::new(format!("{}\n", p.label)).size(12.0),
            Align2::CENTER_BOTTOM,
            colour,
        );
    }
}

/// Scatter of two indicators, one labelled point per series.
pub fn scatter(ui: &mut egui::Ui, fig: &Figure, labels: bool, dark: bool) {
    let text_colour = ui.visuals().text_color();
    let resp = base_plot("scatter", fig)
        .x_axis_label(fig.x.label.clone())
        .y_axis_label(fig.y.label.clone())
        .x_axis_formatter(value_ticks(fig.x.unit.clone(), fig.locale))
        .y_axis_formatter(value_ticks(fig.y.unit.clone(), fig.locale))
        .set_margin_fraction(egui::vec2(0.2, 0.15))
        .show(ui, |pu| {
            for s in &fig.series {
                let colour = rgb(s.colour);
                markers(pu, &s.label, &s.points, colour, 8.0, dark, |p| [p.x, p.y]);
                for p in &s.points {
                    let text = if labels {
                        format!("   {} ({})", s.label, p.label)
                    } else {
                        format!("   {}", s.label)
                    };
                    plot_text(
                        pu,
                        PlotPoint::new(p.x, p.y),
                        RichText::new(text).size(14.0),
                        Align2::LEFT_CENTER,
                        text_colour,
                    );
                }
            }
        });
    dot_tooltip(&resp, fig);
}

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
    let n = fig.x.categories.len().max(3);
    let grid = ui.visuals().weak_text_color().gamma_multiply(0.6);
    let text_colour = ui.visuals().text_color();
    let resp = base_plot("radar", fig)
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
                markers(pu, &s.label, &s.points, colour, 4.5, dark, |p| {
                    radar_xy(p.x, p.y, n)
                });
            }
        });
    let t = resp.transform;
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

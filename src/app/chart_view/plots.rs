/*!
Chart kinds drawn with egui_plot: grouped bars, ranking (horizontal bars), lines, scatter
and radar. Each function draws the figure's points where the figure put them (categories
are indices on the axis) and registers them for hover tooltips.
*/

use super::axes::{category_marks, value_labels, value_marks, x_axis, year_label, year_marks};
use super::placed;
use super::style::{fill_stroke, overlay_circle, overlay_rect};
use super::{Hit, tooltip};
use crate::app::theme::rgb;
use crate::chart::labels::{self, Prefer};
use crate::chart::palette::Rgb;
use crate::chart::{self, Figure, Point, layout, style};
use crate::model::Grade;
use eframe::egui::{self, Align2, Color32, RichText};
use egui_plot::{
    Bar, BarChart, GridMark, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, Points,
    Text,
};
use std::ops::RangeInclusive;

/// A plot with the settings every chart shares: no pan or zoom (the chart is shown
/// to a client, not explored), no coordinate read-out (tooltips show the values instead),
/// light gridlines in the core's grid colour (they must not read as reference lines).
pub(super) fn base_plot<'a>(id: &'static str, fig: &Figure, dark: bool) -> Plot<'a> {
    let grid = super::ink::grid(dark);
    Plot::new((id, fig.kind as u8))
        .grid_spacing(egui::Rangef::new(8.0, 40.0))
        .grid_color(grid)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_crosshair(false)
        .set_margin_fraction(egui::Vec2::ZERO)
}

/// Category labels at integer marks, wrapped to lines of `max_chars`.
pub(super) fn category_ticks(
    cats: Vec<String>,
    max_chars: usize,
) -> impl Fn(GridMark, &RangeInclusive<f64>) -> String {
    move |m, _| {
        let i = m.value.round();
        if (m.value - i).abs() > 1e-6 || i < 0.0 {
            return String::new();
        }
        // wrapped over up to three lines rather than cut (exports wrap the same way)
        cats.get(i as usize)
            .map(|c| super::radar::wrap_words(c, max_chars, 3))
            .unwrap_or_default()
    }
}

pub(super) fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Grouped bars: categories on x, one bar per series in each category.
pub fn bars(ui: &mut egui::Ui, fig: &Figure, labels: bool, dark: bool) {
    let n = fig.x.categories.len().max(1);
    let (w, group) = layout::bar_geometry(n, fig.series.len());
    let text_colour = ui.visuals().text_color();
    let Some(scale) = layout::axes(fig, labels).value else {
        return;
    };
    let value_title = scale.title(&fig.y.label);
    // category names wrapped to their bands and painted by the view (never over the bars)
    let cats = super::categories::layout(ui, &fig.x.categories, &scale, &value_title, &fig.x.label);
    let mut placed: Vec<(f64, f64, Rgb, &Point)> = Vec::new();
    for (j, s) in fig.series.iter().enumerate() {
        for p in &s.points {
            if let (Some(ci), Some(value)) = (p.category(), p.value) {
                let x = ci as f64 - group / 2.0 + w * (j as f64 + 0.5);
                placed.push((x, value, s.colour, p));
            }
        }
    }
    let resp = base_plot("bars", fig, dark)
        .show_grid([false, true])
        .custom_x_axes(vec![cats.hints(&fig.x.label)])
        .y_axis_label(value_title)
        .y_axis_min_width(cats.y_axis_w)
        .x_grid_spacer(category_marks(n))
        .y_grid_spacer(value_marks(&scale))
        .y_axis_formatter(value_labels(&scale))
        .include_y(scale.lo)
        .include_y(scale.hi)
        .include_x(-0.5)
        .include_x(n as f64 - 0.5)
        .show(ui, |pu| {
            super::story::references(pu, fig, false, dark);
            for (j, s) in fig.series.iter().enumerate() {
                let colour = rgb(s.colour);
                let bars = s
                    .points
                    .iter()
                    .filter_map(|p| {
                        let (fill, stroke) =
                            fill_stroke(style::sample_colour(s.colour, p), p.grade, dark);
                        let x = p.category()? as f64 - group / 2.0 + w * (j as f64 + 0.5);
                        Some(
                            Bar::new(x, p.value?)
                                .width(w * 0.92)
                                .fill(fill)
                                .stroke(stroke),
                        )
                    })
                    .collect();
                pu.bar_chart(
                    BarChart::new(s.label.clone(), bars)
                        .color(colour)
                        .allow_hover(false),
                );
            }
        });
    let t = resp.transform;
    let mut hits = Vec::new();
    let painter = ui.painter().with_clip_rect(*t.frame());
    let mut bar_boxes = Vec::new();
    let mut wants = Vec::new();
    for (x, value, colour, p) in placed {
        let mut rect = t.rect_from_values(
            &PlotPoint::new(x - w * 0.46, 0.0),
            &PlotPoint::new(x + w * 0.46, value),
        );
        // a zero value still shows its grade: a short stub above (or below) zero
        let stub = (style::MIN_BAR_PT * 4.0 / 3.0) as f32;
        if rect.height() < stub {
            let zero = t.position_from_point(&PlotPoint::new(x, 0.0)).y;
            rect = if value < 0.0 {
                egui::Rect::from_x_y_ranges(rect.x_range(), zero..=zero + stub)
            } else {
                egui::Rect::from_x_y_ranges(rect.x_range(), zero - stub..=zero)
            };
            let (fill, _) = fill_stroke(style::sample_colour(colour, p), p.grade, dark);
            painter.rect_filled(rect, 0.0, fill);
        }
        overlay_rect(&painter, rect, colour, p.grade, dark);
        hits.push(Hit::Rect(rect, p));
        bar_boxes.push(placed::box_of(rect));
        if labels && value.is_finite() {
            let above = value >= 0.0;
            // the year of a value, when years differ, on a smaller line under it
            let (text, second) = labels::value_label_lines(fig, p);
            wants.push(placed::Want {
                text,
                second,
                at: if above {
                    rect.center_top()
                } else {
                    rect.center_bottom()
                },
                gap: 2.0,
                prefer: if above { Prefer::Above } else { Prefer::Below },
            });
        }
    }
    // value labels over their bars, stacked up where neighbours would overprint (core rules)
    let left_out =
        placed::point_labels(&painter, &wants, 12.0, &bar_boxes, *t.frame(), text_colour);
    placed::remember_left_out(ui.ctx(), left_out);
    let marks = hits
        .iter()
        .filter_map(|h| match h {
            Hit::Rect(r, _) => Some(*r),
            Hit::Dot(..) => None,
        })
        .collect();
    let frame = *t.frame();
    let names = cats.paint(ui.painter(), &t);
    super::record::update(ui.ctx(), |r| {
        r.frame = Some(frame);
        r.marks = marks;
        r.category_labels = fig.x.categories.iter().cloned().zip(names).collect();
    });
    super::story::overlays(ui, &t, fig);
    super::note_drag::remember(ui.ctx(), t);
    tooltip(&resp.response, &hits);
}

/// The egui_plot marker of a core marker shape.
fn marker_shape(m: style::Marker) -> MarkerShape {
    match m {
        style::Marker::Circle => MarkerShape::Circle,
        style::Marker::Square => MarkerShape::Square,
        style::Marker::Triangle => MarkerShape::Up,
        style::Marker::Diamond => MarkerShape::Diamond,
    }
}

/// Markers of series `s` in `shape` (circles but on lines of several channels), styled by
/// grade, under the series' legend name. The dashed rings of estimated values are painted
/// after the plot ([`estimated_rings`]).
pub(super) fn markers<'a>(
    pu: &mut egui_plot::PlotUi<'a>,
    s: &chart::Series,
    shape: MarkerShape,
    radius: f32,
    dark: bool,
    map: impl Fn(&Point) -> Option<[f64; 2]>,
) {
    let (name, points, colour) = (&s.label, &s.points, s.colour);
    for (g, small) in Grade::ALL.into_iter().flat_map(|g| [(g, false), (g, true)]) {
        let pts: Vec<[f64; 2]> = points
            .iter()
            .filter(|p| p.grade == g && p.small_sample == small)
            .filter_map(&map)
            .collect();
        let Some(first) = points
            .iter()
            .find(|p| p.grade == g && p.small_sample == small)
        else {
            continue;
        };
        let (fill, stroke) = fill_stroke(style::sample_colour(colour, first), g, dark);
        pu.points(
            Points::new(name.to_owned(), PlotPoints::new(pts.clone()))
                .shape(shape)
                .radius(radius)
                .color(fill)
                .filled(true)
                .allow_hover(false),
        );
        if stroke != egui::Stroke::NONE {
            pu.points(
                Points::new(name.to_owned(), PlotPoints::new(pts))
                    .shape(shape)
                    .radius(radius + stroke.width / 2.0)
                    .color(stroke.color)
                    .filled(false)
                    .allow_hover(false),
            );
        }
    }
}

/// The dashed rings of estimated markers of `radius`, over the plot.
pub(super) fn estimated_rings(
    ui: &egui::Ui,
    t: &egui_plot::PlotTransform,
    fig: &Figure,
    radius: f32,
    dark: bool,
    map: impl Fn(&Point) -> Option<[f64; 2]>,
) {
    let painter = ui.painter().with_clip_rect(*t.frame());
    for p in fig.series.iter().flat_map(|s| &s.points) {
        if p.grade == Grade::Estimated
            && let Some([x, y]) = map(p)
        {
            let at = t.position_from_point(&PlotPoint::new(x, y));
            overlay_circle(&painter, at, radius + 1.0, p.grade, dark);
        }
    }
}

/// The tooltip of the point under the pointer, one hit per point of `fig` at its (x, y);
/// the hits (one per point, 100,000 on a dense chart) are only made while the plot is hovered.
pub(super) fn dot_tooltip<R>(resp: &egui_plot::PlotResponse<R>, fig: &Figure) {
    if !resp.response.hovered() {
        return;
    }
    let t = &resp.transform;
    let hits: Vec<Hit<'_>> = fig
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .filter_map(|p| {
            let [x, y] = p.plot_xy()?;
            Some(Hit::Dot(t.position_from_point(&PlotPoint::new(x, y)), p))
        })
        .collect();
    tooltip(&resp.response, &hits);
}

/// Lines over years, one per series, markers styled by grade.
pub fn lines(ui: &mut egui::Ui, fig: &Figure, labels: bool, dark: bool) {
    let text_colour = ui.visuals().text_color();
    let dense = !fig.shows_markers();
    let axes = layout::axes(fig, labels);
    let (Some(scale), Some((first, last))) = (&axes.value, axes.year_span) else {
        return;
    };
    // up to six lines are named at their ends, right of the plot, instead of in the legend
    let end_size = 13.0;
    let ends = if labels::series_named_on_chart(fig) {
        labels::line_ends(fig)
    } else {
        Vec::new()
    };
    let gutter = ends
        .iter()
        .map(|&(i, ..)| placed::text_w(ui.painter(), &fig.series[i].label, end_size) + 14.0)
        .fold(0.0f32, f32::max)
        .min(ui.available_width() * 0.3);
    // labelled years thinned on screen where their labels would touch (files are wider)
    let year_w = placed::text_w(
        ui.painter(),
        "2000",
        egui::TextStyle::Body.resolve(ui.style()).size,
    ) + 8.0;
    let stride = super::axes::year_stride(
        year_w,
        (ui.available_width() - gutter - 70.0).max(50.0),
        axes.years.len(),
    );
    let plot = base_plot("lines", fig, dark)
        .width((ui.available_width() - gutter).max(100.0))
        .custom_x_axes(vec![x_axis(
            ui,
            fig.x.label.clone(),
            year_label,
            axes.years.iter().map(i64::to_string),
        )])
        .y_axis_label(scale.title(&fig.y.label))
        .x_grid_spacer(year_marks(&axes.years, stride))
        .y_grid_spacer(value_marks(scale))
        .y_axis_formatter(value_labels(scale))
        .include_y(scale.lo)
        .include_y(scale.hi)
        .include_x(first as f64)
        .include_x(last as f64 + 1.0);
    let channel_key = style::channel_key(fig);
    let resp = plot.show(ui, |pu| {
        super::story::references(pu, fig, false, dark);
        for s in &fig.series {
            if s.points.is_empty() {
                continue;
            }
            let colour = rgb(s.colour);
            let mark = style::channel_mark(&channel_key, s);
            if !dense {
                for (dashed, run) in chart::figure_runs(fig, &s.points) {
                    // several channels: the channel's dash, an illustrative run faded
                    let style = match (mark.and_then(|m| m.dash_pt), dashed) {
                        (Some([a, _]), _) if a < 3.0 => LineStyle::dotted_dense(),
                        (Some([a, _]), _) => LineStyle::Dashed {
                            length: (a * 4.0 / 3.0) as f32,
                        },
                        (None, true) if mark.is_none() => LineStyle::dashed_loose(),
                        _ => LineStyle::Solid,
                    };
                    let colour = if dashed && mark.is_some() {
                        colour.gamma_multiply(0.45)
                    } else {
                        colour
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
                let shape = marker_shape(mark.map_or(style::Marker::Circle, |m| m.marker));
                let xy = Point::plot_xy;
                markers(pu, s, shape, 4.5, dark, xy);
            }
        }
    });
    let t = &resp.transform;
    if dense {
        dense_lines(ui, t, fig);
    } else {
        estimated_rings(ui, t, fig, 4.5, dark, Point::plot_xy);
    }
    let at = |x: f64, y: f64| t.position_from_point(&PlotPoint::new(x, y));
    if labels {
        // value labels off the lines, the markers and each other (core rules)
        let mut marks = Vec::new();
        let mut wants = Vec::new();
        for s in &fig.series {
            for (_, run) in chart::figure_runs(fig, &s.points) {
                let px: Vec<[f64; 2]> = run
                    .iter()
                    .map(|[x, y]| {
                        let p = at(*x, *y);
                        [f64::from(p.x), f64::from(p.y)]
                    })
                    .collect();
                marks.extend(labels::polyline_boxes(&px, 2.0));
            }
            for (p, [x, y]) in s.points.iter().filter_map(|p| Some((p, p.plot_xy()?))) {
                let c = at(x, y);
                marks.push(placed::marker_box(c, 4.5));
                wants.push(placed::Want {
                    text: p.label.clone(),
                    at: c,
                    gap: 6.5,
                    prefer: Prefer::Above,
                    second: None,
                });
            }
        }
        let painter = ui.painter().with_clip_rect(*t.frame());
        let left_out =
            placed::point_labels(&painter, &wants, 12.0, &marks, *t.frame(), text_colour);
        placed::remember_left_out(ui.ctx(), left_out);
    } else {
        placed::remember_left_out(ui.ctx(), false);
    }
    let items: Vec<(String, Rgb, f32)> = ends
        .iter()
        .map(|&(i, x, y)| {
            let s = &fig.series[i];
            (s.label.clone(), s.colour, at(x, y).y)
        })
        .collect();
    let frame = t.frame();
    placed::end_labels(
        ui.painter(),
        &items,
        frame.right() + 8.0,
        frame.top(),
        frame.bottom(),
        end_size,
    );
    super::story::overlays(ui, &resp.transform, fig);
    super::note_drag::remember(ui.ctx(), resp.transform);
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
        for (faded, run) in chart::figure_runs(fig, &s.points) {
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
pub(super) fn plot_text(
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

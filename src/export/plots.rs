/*!
The plot area of each chart kind, drawn on a [`Canvas`] inside the rectangle left by the page
layout of [`super::svg`]: grouped bars, lines over years, scatter and radar, plus the axis and
label helpers they share with [`super::tables`] (ranking, heat table). Values missing from the
figure are simply not drawn (never as zero).
*/

use super::ExportOptions;
use super::canvas::{Anchor, Canvas, Rect, base, coord, ink};
use super::fonts::{ellipsize, text_width, wrap};
use super::placed;
use super::story;
use crate::chart::labels::{self, Prefer};
use crate::chart::layout;
use crate::chart::palette;
use crate::chart::scale::ValueScale;
use crate::chart::style;
use crate::chart::{self, Figure, Point};
use std::fmt::Write as _;

/// Where to anchor a label centred at `x` so that it stays inside `area`.
pub(super) fn edge_safe(x: f64, label: &str, size: f64, area: Rect) -> (f64, Anchor) {
    let half = text_width(label, size, false) / 2.0;
    if x + half > area.x + area.w {
        (area.x + area.w, Anchor::End)
    } else if x - half < area.x {
        (area.x, Anchor::Start)
    } else {
        (x, Anchor::Middle)
    }
}

pub(super) fn all_points(fig: &Figure) -> impl Iterator<Item = &Point> {
    fig.series.iter().flat_map(|s| s.points.iter())
}

/// Axis title above the plot area (horizontal, easier to read than a rotated one); returns
/// the y below it.
pub(super) fn axis_title_above(c: &mut Canvas, label: &str, area: Rect) -> f64 {
    if label.is_empty() {
        return area.y;
    }
    let size = c.font(base::AXIS);
    let text = ellipsize(label, size, false, area.w);
    c.text(
        area.x,
        area.y + size * 0.8,
        size,
        false,
        ink::MUTED,
        Anchor::Start,
        &text,
    );
    area.y + size * 1.7
}

/// Value axis on the left with gridlines; returns the inner plot rectangle.
fn value_axis_left(
    c: &mut Canvas,
    fig: &Figure,
    area: Rect,
    scale: &ValueScale,
    bottom_h: f64,
) -> Rect {
    c.open("axes");
    let top = axis_title_above(c, &scale.title(&fig.y.label), area) + c.s(4.0);
    let size = c.font(base::TICK);
    let gutter = scale
        .ticks
        .iter()
        .map(|t| text_width(&t.label, size, false))
        .fold(0.0, f64::max)
        + size * 0.7;
    let inner = Rect {
        x: area.x + gutter,
        y: top + size * 0.5,
        w: area.w - gutter,
        h: (area.y + area.h - bottom_h - top - size * 0.5).max(c.s(20.0)),
    };
    for tick in &scale.ticks {
        let (t, l) = (tick.value, &tick.label);
        let y = scale.map(t, inner.y + inner.h, inner.y);
        let is_zero = scale.is_zero_line(t);
        c.line(
            inner.x,
            y,
            inner.x + inner.w,
            y,
            if is_zero { ink::AXIS } else { ink::GRID },
            c.s(1.0),
        );
        c.text(
            inner.x - size * 0.5,
            y + size * 0.35,
            size,
            false,
            ink::MUTED,
            Anchor::End,
            l,
        );
    }
    // baseline
    let base_y = inner.y + inner.h;
    c.line(
        inner.x,
        base_y,
        inner.x + inner.w,
        base_y,
        ink::AXIS,
        c.s(1.2),
    );
    c.close();
    inner
}

/// Category labels wrapped to `band_w` (at most three lines, shrinking the font to 75 %
/// first); returns (lines per category, font size, block height).
pub(super) fn wrap_categories(
    c: &Canvas,
    cats: &[String],
    band_w: f64,
) -> (Vec<Vec<String>>, f64, f64) {
    let base_size = c.font(base::TICK);
    let mut size = base_size;
    loop {
        let wrapped: Vec<Vec<String>> = cats
            .iter()
            .map(|cat| wrap(cat, size, false, band_w * 0.94))
            .collect();
        let max_lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        if max_lines <= 3 || size <= base_size * 0.76 {
            let wrapped: Vec<Vec<String>> = wrapped
                .into_iter()
                .map(|mut l| {
                    if l.len() > 3 {
                        l.truncate(3);
                        l[2] = ellipsize(&format!("{}…", l[2]), size, false, band_w * 0.94);
                    }
                    l
                })
                .collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).min(3);
            return (wrapped, size, lines as f64 * size * 1.22 + size * 0.7);
        }
        size *= 0.92;
    }
}

/// Grouped bars: categories on the horizontal axis, one bar per series.
pub(crate) fn bars(c: &mut Canvas, fig: &Figure, opts: &ExportOptions, area: Rect) {
    let labels = fig.shows_values(opts.value_labels);
    let cats = &fig.x.categories;
    let n_cat = cats.len().max(1);
    let Some(scale) = layout::axes(fig, labels).value else {
        return;
    };
    let band_guess = area.w * 0.9 / n_cat as f64;
    let (cat_lines, cat_size, cat_h) = wrap_categories(c, cats, band_guess);
    let inner = value_axis_left(c, fig, area, &scale, cat_h);
    let band = inner.w / n_cat as f64;
    let (bar_share, group_share) = layout::bar_geometry(n_cat, fig.series.len());
    let (bar_w, group) = (band * bar_share, band * group_share);
    let y0 = scale.map(0.0, inner.y + inner.h, inner.y);
    let (map_x, map_y) = (
        |x: f64| inner.x + band * (x + 0.5),
        |v: f64| scale.map(v, inner.y + inner.h, inner.y),
    );
    let story_map = story::PlotMap::upright(inner, &map_x, &map_y);
    story::references(c, fig, &story_map);
    for (ci, lines) in cat_lines.iter().enumerate() {
        let x = inner.x + band * (ci as f64 + 0.5);
        c.lines(
            x,
            inner.y + inner.h + cat_size * 1.25,
            cat_size,
            false,
            ink::TEXT,
            Anchor::Middle,
            lines,
        );
    }
    let mut bars = Vec::new();
    let mut wants = Vec::new();
    for (si, s) in fig.series.iter().enumerate() {
        c.open(&format!("series-{}", s.id));
        for p in &s.points {
            let (Some(ci), Some(value)) = (p.category(), p.value) else {
                continue;
            };
            let x = inner.x + band * ci as f64 + (band - group) / 2.0 + bar_w * si as f64;
            let y = scale.map(value, inner.y + inner.h, inner.y);
            let gap = (bar_w * 0.08).min(c.s(3.0));
            // a zero value still shows its grade: a short stub above (or below) zero
            let stub = c.s(style::MIN_BAR_PT * 4.0 / 3.0);
            let h = (y - y0).abs().max(stub);
            let r = Rect {
                x: x + gap / 2.0,
                y: if value < 0.0 { y0 } else { y0 - h },
                w: bar_w - gap,
                h,
            };
            c.grade_rect(r, style::sample_colour(s.colour, p), p.grade);
            bars.push(placed::box_of(r));
            if labels {
                let above = value >= 0.0;
                // the year of a value, when years differ, on a smaller line under it
                let (text, year) = labels::value_label_lines(fig, p);
                wants.push(placed::Want {
                    text,
                    x: x + bar_w / 2.0,
                    y: if above { r.y } else { r.y + r.h },
                    gap: c.s(2.0),
                    prefer: if above { Prefer::Above } else { Prefer::Below },
                    second: year,
                });
            }
        }
        c.close();
    }
    // value labels over their bars, stacked up where neighbours would overprint, never cut
    let bounds = Rect {
        y: area.y,
        h: inner.y + inner.h - area.y,
        ..inner
    };
    placed::point_labels(c, &wants, c.font(base::VALUE), &bars, bounds);
    story::overlays(c, fig, &story_map);
}

/// Lines over years: one line per series, markers styled by grade; segments touching an
/// illustrative point are dashed (faded, without markers, past [`chart::MARKER_LIMIT`] points).
pub(crate) fn lines(c: &mut Canvas, fig: &Figure, opts: &ExportOptions, area: Rect) {
    let labels = fig.shows_values(opts.value_labels);
    let axes = layout::axes(fig, labels);
    let (Some(scale), Some((first, last))) = (axes.value, axes.year_span) else {
        return;
    };
    // up to six lines are named at their ends, in a gutter right of the plot
    let end_size = c.font(base::LEGEND);
    let ends = if labels::series_named_on_chart(fig) {
        labels::line_ends(fig)
    } else {
        Vec::new()
    };
    let names: Vec<&str> = ends
        .iter()
        .map(|&(i, ..)| fig.series[i].label.as_str())
        .collect();
    let gutter = if names.is_empty() {
        0.0
    } else {
        (placed::end_labels_width(&names, end_size) + c.s(10.0)).min(area.w * 0.3)
    };
    let names: Vec<String> = names
        .iter()
        .map(|t| ellipsize(t, end_size, true, gutter - c.s(10.0)))
        .collect();
    let (x0, x1) = (first as f64, last as f64 + 1.0);
    let span = x1 - x0;
    let tick_size = c.font(base::TICK);
    let plot_area = Rect {
        w: area.w - gutter,
        ..area
    };
    let inner = value_axis_left(c, fig, plot_area, &scale, tick_size * 2.0);
    // keep markers off the axes
    let pad = c.s(14.0);
    let xmap = |x: f64| inner.x + pad + (inner.w - 2.0 * pad) * (x - x0) / span;
    // points sit at mid-year: label each year at the centre of its band
    for &year in &axes.years {
        let x = xmap(year as f64 + 0.5);
        c.line(
            x,
            inner.y + inner.h,
            x,
            inner.y + inner.h + c.s(4.0),
            ink::AXIS,
            c.s(1.0),
        );
        c.text(
            x,
            inner.y + inner.h + tick_size * 1.3,
            tick_size,
            false,
            ink::TEXT,
            Anchor::Middle,
            &year.to_string(),
        );
    }
    let ymap = |v: f64| scale.map(v, inner.y + inner.h, inner.y);
    let story_map = story::PlotMap::upright(inner, &xmap, &ymap);
    story::references(c, fig, &story_map);
    let width = c.s(2.6);
    let radius = c.s(5.5);
    let channel_key = style::channel_key(fig);
    let mut marks = Vec::new();
    let mut wants = Vec::new();
    for s in &fig.series {
        let pts: Vec<([f64; 2], &Point)> = s
            .points
            .iter()
            .filter_map(|p| Some((p.plot_xy()?, p)))
            .collect();
        // markers while they fit (a lone point always has one, or it would not show)
        let markers = fig.shows_markers() || pts.len() == 1;
        // several channels: each has its dash and marker (colour = region)
        let mark = style::channel_mark(&channel_key, s);
        c.open(&format!("series-{}", s.id));
        for (dashed, run) in chart::figure_runs(fig, &s.points) {
            let mut d = String::new();
            let px: Vec<[f64; 2]> = run.iter().map(|[x, y]| [xmap(*x), ymap(*y)]).collect();
            for (i, [x, y]) in px.iter().enumerate() {
                let _ = write!(
                    d,
                    "{}{} {}",
                    if i == 0 { "M" } else { "L" },
                    coord(*x),
                    coord(*y)
                );
            }
            if labels {
                marks.extend(labels::polyline_boxes(&px, width));
            }
            c.raw(&format!(
                r#"<path d="{d}" fill="none" stroke="{}" stroke-width="{}" stroke-linecap="round" stroke-linejoin="round"{}/>"#,
                palette::hex(s.colour),
                coord(width),
                match (dashed, markers, mark.and_then(|m| m.dash_pt)) {
                    // a channel drawn dotted or dashed (its key is in the legend): an
                    // illustrative run is faded rather than dashed
                    (false, _, Some([a, b])) => format!(
                        r#" stroke-dasharray="{} {}""#,
                        coord(c.s(a * 4.0 / 3.0)),
                        coord(c.s(b * 4.0 / 3.0))
                    ),
                    (true, _, Some([a, b])) => format!(
                        r#" stroke-dasharray="{} {}" stroke-opacity="0.45""#,
                        coord(c.s(a * 4.0 / 3.0)),
                        coord(c.s(b * 4.0 / 3.0))
                    ),
                    (false, _, None) => String::new(),
                    (true, true, None) if mark.is_some() => r#" stroke-opacity="0.45""#.to_owned(),
                    (true, true, None) => {
                        format!(r#" stroke-dasharray="{} {}""#, coord(c.s(7.0)), coord(c.s(5.0)))
                    }
                    // dense charts fade illustrative runs, as the screen does
                    (true, false, None) => r#" stroke-opacity="0.45""#.to_owned(),
                }
            ));
        }
        for &([px, py], p) in pts.iter().filter(|_| markers) {
            let (x, y) = (xmap(px), ymap(py));
            c.grade_marker(
                x,
                y,
                radius,
                style::sample_colour(s.colour, p),
                p.grade,
                mark.map_or(style::Marker::Circle, |m| m.marker),
            );
            if labels {
                marks.push(placed::marker_box(x, y, radius));
                wants.push(placed::Want {
                    text: p.label.clone(),
                    x,
                    y,
                    gap: radius + c.s(2.0),
                    prefer: Prefer::Above,
                    second: None,
                });
            }
        }
        c.close();
    }
    // value labels off the lines, the markers and each other
    placed::point_labels(c, &wants, c.font(base::VALUE) * 0.9, &marks, inner);
    let items: Vec<(String, palette::Rgb, f64)> = ends
        .iter()
        .zip(names)
        .map(|(&(i, _, y), name)| (name, fig.series[i].colour, ymap(y)))
        .collect();
    placed::end_labels(
        c,
        &items,
        inner.x + inner.w + c.s(8.0),
        inner.y,
        inner.y + inner.h,
        end_size,
    );
    story::overlays(c, fig, &story_map);
}

/// Scatter of two indicators: both axes with their own units, each point labelled.
pub(crate) fn scatter(c: &mut Canvas, fig: &Figure, opts: &ExportOptions, area: Rect) {
    let labels = fig.shows_values(opts.value_labels);
    let axes = layout::axes(fig, labels);
    let (Some(ys), Some(xs)) = (axes.value, axes.x_value) else {
        return;
    };
    let tick_size = c.font(base::TICK);
    let axis_size = c.font(base::AXIS);
    let bottom = tick_size * 1.6 + axis_size * 1.8;
    let inner = value_axis_left(c, fig, area, &ys, bottom);
    for tick in &xs.ticks {
        let x = xs.map(tick.value, inner.x, inner.x + inner.w);
        c.line(x, inner.y, x, inner.y + inner.h, ink::GRID, c.s(1.0));
        let label = &tick.label;
        let (tx, anchor) = edge_safe(x, label, tick_size, area);
        c.text(
            tx,
            inner.y + inner.h + tick_size * 1.3,
            tick_size,
            false,
            ink::MUTED,
            anchor,
            label,
        );
    }
    let xl = ellipsize(&xs.title(&fig.x.label), axis_size, false, inner.w);
    c.text(
        inner.x + inner.w / 2.0,
        inner.y + inner.h + tick_size * 1.6 + axis_size * 1.3,
        axis_size,
        false,
        ink::MUTED,
        Anchor::Middle,
        &xl,
    );
    let (map_x, map_y) = (
        |x: f64| xs.map(x, inner.x, inner.x + inner.w),
        |y: f64| ys.map(y, inner.y + inner.h, inner.y),
    );
    let story_map = story::PlotMap::upright(inner, &map_x, &map_y);
    story::references(c, fig, &story_map);
    let label_size = c.font(base::TICK);
    let r = c.s(7.5);
    let mut marks = Vec::new();
    let mut wants = Vec::new();
    for s in &fig.series {
        c.open(&format!("series-{}", s.id));
        for (p, [px, py]) in s.points.iter().filter_map(|p| Some((p, p.plot_xy()?))) {
            let x = xs.map(px, inner.x, inner.x + inner.w);
            let y = ys.map(py, inner.y + inner.h, inner.y);
            c.grade_circle(x, y, r, style::sample_colour(s.colour, p), p.grade);
            marks.push(placed::marker_box(x, y, r));
            let text = if labels {
                format!("{} ({})", s.label, p.label)
            } else {
                s.label.clone()
            };
            wants.push(placed::Want {
                text: ellipsize(&text, label_size, false, inner.w * 0.45),
                x,
                y,
                gap: r * 1.4,
                prefer: Prefer::Beside,
                second: None,
            });
        }
        c.close();
    }
    // each point named beside it (no legend), off the other points and names
    placed::point_labels(c, &wants, label_size, &marks, inner);
    story::overlays(c, fig, &story_map);
}

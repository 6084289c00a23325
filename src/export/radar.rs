/*!
The radar of the SVG writer: one polygon per series over the indicators, on the core's
labelled scale ([`crate::chart::layout::radar_rings`]: 0 = worst, 1 = best value among the
regions of the dataset), indicator names around the circle, values at the vertices when labels are on (placed
by [`crate::chart::labels`]).
*/

use super::ExportOptions;
use super::canvas::{Anchor, Canvas, Rect, base, coord, ink};
use super::fonts::{ellipsize, text_width, wrap};
use super::placed;
use super::plots::axis_title_above;
use crate::chart::labels::{self, Prefer};
use crate::chart::palette;
use crate::chart::{Figure, Point, layout};
use crate::model::Grade;

/// Radar: one polygon per series over the categories, on the core's labelled scale (0 =
/// worst, 1 = best among the regions of the dataset); values at the vertices when labels are
/// on.
pub(crate) fn radar(c: &mut Canvas, fig: &Figure, opts: &ExportOptions, area: Rect) {
    let top = axis_title_above(c, &fig.y.label, area);
    let area = Rect {
        y: top,
        h: area.h - (top - area.y),
        ..area
    };
    let cats = &fig.x.categories;
    let k = cats.len().max(1);
    let size = c.font(base::TICK);
    let label_w = (area.w * 0.2).max(size * 6.0);
    let wrapped: Vec<Vec<String>> = cats
        .iter()
        .map(|l| {
            let mut w = wrap(l, size, false, label_w);
            if w.len() > 3 {
                w.truncate(3);
                w[2] = ellipsize(&format!("{}…", w[2]), size, false, label_w);
            }
            w
        })
        .collect();
    let max_w = wrapped
        .iter()
        .flatten()
        .map(|l| text_width(l, size, false))
        .fold(0.0, f64::max);
    let max_h = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f64 * size * 1.22;
    let radius = ((area.w / 2.0 - max_w - size).min(area.h / 2.0 - max_h - size)).max(c.s(30.0));
    let (cx, cy) = (area.x + area.w / 2.0, area.y + area.h / 2.0);
    let angle = |i: f64| -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i / k as f64;
    let at = |i: f64, r: f64| (cx + r * angle(i).cos(), cy + r * angle(i).sin());
    // rings and spokes: the labelled scale of the core (0 = worst, 1 = best in the dataset)
    let rings = layout::radar_rings(fig.locale);
    for &(ring, _) in &rings {
        let pts: Vec<String> = (0..k)
            .map(|i| {
                let (x, y) = at(i as f64, radius * ring);
                format!("{},{}", coord(x), coord(y))
            })
            .collect();
        let stroke = c.stroke(if ring >= 1.0 { ink::AXIS } else { ink::GRID });
        let svg = format!(
            r#"<polygon points="{}" fill="none" stroke="{stroke}" stroke-width="{}"/>"#,
            pts.join(" "),
            coord(c.s(1.0))
        );
        c.raw(&svg);
    }
    let mut name_boxes = Vec::new();
    for (i, lines) in wrapped.iter().enumerate() {
        let (x, y) = at(i as f64, radius);
        c.line(cx, cy, x, y, ink::GRID, c.s(1.0));
        let (lx, ly) = at(i as f64, radius + size * 0.9);
        let [across, up] = layout::spoke_label_side(i, k);
        let anchor = match across {
            1 => Anchor::Start,
            -1 => Anchor::End,
            _ => Anchor::Middle,
        };
        let block_h = lines.len() as f64 * size * 1.22;
        let first = match up {
            -1 => ly - block_h + size * 0.8,
            1 => ly + size * 0.8,
            _ => ly - block_h / 2.0 + size * 0.85,
        };
        c.lines(lx, first, size, false, ink::TEXT, anchor, lines);
        // values keep off the indicator names
        let bw = lines
            .iter()
            .map(|l| text_width(l, size, false))
            .fold(0.0, f64::max);
        let bx = match anchor {
            Anchor::Start => lx,
            Anchor::Middle => lx - bw / 2.0,
            Anchor::End => lx - bw,
        };
        name_boxes.push(labels::Box2 {
            x: bx,
            y: first - size * 0.9,
            w: bw,
            h: block_h + size * 0.2,
        });
    }
    for s in &fig.series {
        c.open(&format!("series-{}", s.id));
        let pts: Vec<(f64, f64, &Point)> = s
            .points
            .iter()
            .filter_map(|p| {
                let (axis, score) = p.spoke()?;
                let (x, y) = at(axis as f64, radius * score.clamp(0.0, 1.0));
                Some((x, y, p))
            })
            .collect();
        let poly: Vec<String> = pts
            .iter()
            .map(|(x, y, _)| format!("{},{}", coord(*x), coord(*y)))
            .collect();
        let dashed = pts.iter().any(|(_, _, p)| p.grade == Grade::Illustrative);
        let svg = format!(
            r#"<polygon points="{}" fill="{col}" fill-opacity="0.12" stroke="{col}" stroke-width="{}" stroke-linejoin="round"{}/>"#,
            poly.join(" "),
            coord(c.s(2.4)),
            if dashed {
                format!(
                    r#" stroke-dasharray="{} {}""#,
                    coord(c.s(7.0)),
                    coord(c.s(4.0))
                )
            } else {
                String::new()
            },
            col = palette::hex(s.colour),
        );
        c.raw(&svg);
        for (x, y, p) in &pts {
            c.grade_circle(*x, *y, c.s(5.0), s.colour, p.grade);
        }
        c.close();
    }
    // ring labels on the bisector between the first two spokes (no spoke, no indicator name
    // there), over a light plate so the polygons do not hide them; value labels keep off them
    let ring_size = c.font(base::TICK) * 0.85;
    for (ring, label) in &rings {
        let (x, y) = at(0.5, radius * ring);
        let w = text_width(label, ring_size, false) + ring_size * 0.4;
        let plate = Rect {
            x: x - w / 2.0,
            y: y - ring_size * 0.6,
            w,
            h: ring_size * 1.2,
        };
        if !c.light_text {
            c.rect(plate, "#ffffff", r#" fill-opacity="0.8""#);
        }
        name_boxes.push(placed::box_of(plate));
        c.text(
            x,
            y + ring_size * 0.35,
            ring_size,
            false,
            ink::MUTED,
            Anchor::Middle,
            label,
        );
    }
    if fig.shows_values(opts.value_labels) {
        // each value beside its vertex, off the other values and markers (core placement)
        let r = c.s(5.0);
        let mut marks = name_boxes;
        let mut wants = Vec::new();
        // the crowded values near the centre are placed first, while there is room; the
        // outer ones have space around them
        let mut points: Vec<(usize, f64, &Point)> = fig
            .series
            .iter()
            .flat_map(|s| &s.points)
            .filter_map(|p| {
                let (axis, rad) = p.spoke()?;
                Some((axis, rad, p))
            })
            .collect();
        points.sort_by(|a, b| a.1.total_cmp(&b.1));
        for (axis, rad, p) in points {
            let (x, y) = at(axis as f64, radius * rad.clamp(0.0, 1.0));
            marks.push(placed::marker_box(x, y, r));
            wants.push(placed::Want {
                text: p.label.clone(),
                x,
                y,
                gap: r * 1.4,
                prefer: Prefer::Beside,
                second: None,
            });
        }
        placed::point_labels(c, &wants, c.font(base::VALUE) * 0.85, &marks, area);
    }
}

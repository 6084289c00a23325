/*!
The plots laid out in rows: the ranking (horizontal bars best first, with the gap to the best)
and the heat table (regions × channels coloured by performance). Drawn inside the rectangle
left by [`super::svg`]'s page layout; values missing from the figure are not drawn.
*/

use super::ExportOptions;
use super::canvas::{Anchor, Canvas, Rect, base, coord, ink};
use super::fonts::{ellipsize, text_width, wrap};
use super::plots::{all_points, axis_title_above, edge_safe, wrap_categories};
use super::story;
use crate::chart::palette::{self, Rgb};
use crate::chart::{Figure, labels, layout, style};
use crate::i18n::Msg;
use crate::model::Grade;

/// Ranking: horizontal bars best first, each labelled with its value and gap to the best,
/// placed by [`crate::chart::labels`] beyond the bar's end (left of it for a negative value,
/// inside the bar when there is no room).
pub(crate) fn ranking(c: &mut Canvas, fig: &Figure, _opts: &ExportOptions, area: Rect) {
    let cats = &fig.x.categories;
    let rows = cats.len().max(1);
    let size = c.font(base::TICK);
    let axis_size = c.font(base::AXIS);
    let cat_labels: Vec<String> = cats
        .iter()
        .map(|l| ellipsize(l, size, true, area.w * 0.28))
        .collect();
    let gutter = cat_labels
        .iter()
        .map(|l| text_width(l, size, true))
        .fold(0.0, f64::max)
        + size;
    let value_size = c.font(base::VALUE);
    let label_w = all_points(fig)
        .map(|p| text_width(&p.label, value_size, false))
        .fold(0.0, f64::max)
        + value_size;
    let Some(scale) = layout::axes(fig, false).value else {
        return;
    };
    let bottom = size * 1.6 + axis_size * 2.0;
    // labels of negative bars go left of the bar's end: room for them between the region
    // names and the most negative bar
    let neg_w = all_points(fig)
        .filter(|p| p.value.is_some_and(|v| v < 0.0))
        .map(|p| text_width(&p.label, value_size, false))
        .fold(0.0, f64::max);
    let neg_w = if neg_w > 0.0 { neg_w + value_size } else { 0.0 };
    let inner = Rect {
        x: area.x + gutter + neg_w,
        y: area.y,
        w: (area.w - gutter - neg_w - label_w).max(area.w * 0.3),
        h: area.h - bottom,
    };
    let band = (inner.h / rows as f64).min(c.s(RANK_BAND_MAX));
    // bands at their widest leave room: the table is centred in the height there is
    let inner = Rect {
        y: inner.y + ((inner.h - band * rows as f64) / 2.0).max(0.0),
        ..inner
    };
    let xmap = |v: f64| scale.map(v, inner.x, inner.x + inner.w);
    let table_h = band * rows as f64;
    for tick in &scale.ticks {
        let x = xmap(tick.value);
        let zero = tick.value.abs() < scale.step * 1e-6;
        c.line(
            x,
            inner.y,
            x,
            inner.y + table_h,
            if zero { ink::AXIS } else { ink::GRID },
            c.s(1.0),
        );
        let label = &tick.label;
        let (tx, anchor) = edge_safe(x, label, size, area);
        c.text(
            tx,
            inner.y + table_h + size * 1.3,
            size,
            false,
            ink::MUTED,
            anchor,
            label,
        );
    }
    let mut axis_lines = wrap(
        &scale.title(&fig.y.label),
        axis_size,
        false,
        inner.w + label_w,
    );
    axis_lines.truncate(2);
    c.lines(
        inner.x,
        inner.y + table_h + size * 1.6 + axis_size * 1.2,
        axis_size,
        false,
        ink::MUTED,
        Anchor::Start,
        &axis_lines,
    );
    let mut name_boxes = Vec::new();
    for (i, l) in cat_labels.iter().enumerate() {
        let y = inner.y + band * (i as f64 + 0.5);
        let w = text_width(l, size, true);
        let right = inner.x - neg_w - size * 0.6;
        name_boxes.push(labels::Box2 {
            x: right - w,
            y: y - size * 0.6,
            w,
            h: size * 1.2,
        });
        c.text(
            right,
            y + size * 0.35,
            size,
            true,
            ink::TEXT,
            Anchor::End,
            l,
        );
    }
    let x0 = xmap(0.0);
    let n_rows = rows as f64;
    let map_row = |row: f64| inner.y + band * (n_rows - 1.0 - row + 0.5);
    let story_map = story::PlotMap {
        inner: Rect {
            h: table_h,
            ..inner
        },
        x: &xmap,
        y: &map_row,
        values_across: true,
    };
    story::references(c, fig, &story_map);
    let mut wants = Vec::new();
    let mut texts: Vec<(String, Rect, Rgb, Grade)> = Vec::new();
    for s in &fig.series {
        for p in &s.points {
            let (Some(rank), Some(value)) = (p.rank(), p.value) else {
                continue;
            };
            let y = inner.y + band * (rank as f64 + 0.5);
            let bh = band * 0.62;
            let xv = xmap(value);
            // a zero value stays visible as a thin bar
            let w = (xv - x0).abs().max(c.s(2.0));
            let r = Rect {
                x: if value < 0.0 { x0 - w } else { x0 },
                y: y - bh / 2.0,
                w,
                h: bh,
            };
            c.grade_rect(r, style::sample_colour(s.colour, p), p.grade);
            // the margin of error as a whisker, when known
            if let Some(m) = p.margin.filter(|m| m.is_finite() && *m > 0.0) {
                let (xa, xb) = (xmap(value - m), xmap(value + m));
                let tick = bh * 0.25;
                c.line(xa, y, xb, y, ink::TEXT, c.s(1.2));
                c.line(xa, y - tick, xa, y + tick, ink::TEXT, c.s(1.2));
                c.line(xb, y - tick, xb, y + tick, ink::TEXT, c.s(1.2));
            }
            // the value beyond the bar's end (and its whisker), away from zero: placed by the
            // core like every value label, off the region names
            let whisker = p
                .margin
                .filter(|m| m.is_finite() && *m > 0.0)
                .unwrap_or(0.0);
            let (end, prefer) = if value >= 0.0 {
                (
                    (r.x + r.w).max(xmap(value + whisker)),
                    labels::Prefer::Right,
                )
            } else {
                (r.x.min(xmap(value - whisker)), labels::Prefer::Left)
            };
            wants.push(labels::Wanted {
                x: end,
                y,
                w: text_width(&p.label, value_size, false) + value_size * 0.2,
                h: value_size * 1.25,
                gap: value_size * 0.3,
                prefer,
            });
            texts.push((
                p.label.clone(),
                r,
                style::sample_colour(s.colour, p),
                p.grade,
            ));
        }
    }
    let bounds = labels::Box2 {
        x: inner.x - neg_w,
        y: inner.y,
        w: area.x + area.w - (inner.x - neg_w),
        h: table_h,
    };
    c.open("labels");
    let placed = labels::place_with_leaders(&wants, &name_boxes, bounds);
    for ((text, bar, colour, grade), at) in texts.iter().zip(placed) {
        let Some(at) = at else {
            c.left_out = true;
            continue;
        };
        let b = at.at;
        // inside the bar (no room beyond its end): ink that reads on the bar's fill
        let inside = b.x < bar.x + bar.w && bar.x < b.x + b.w;
        let fill = style::grade_style(*colour, *grade, false).fill;
        let ink = match (inside, palette::text_on_dark(fill)) {
            (true, true) => "#ffffff",
            (true, false) => ink::ON_FILL,
            (false, _) => ink::TEXT,
        };
        c.text(
            b.x + b.w / 2.0,
            b.y + b.h * 0.78,
            value_size,
            false,
            ink,
            Anchor::Middle,
            text,
        );
    }
    c.close();
    story::overlays(c, fig, &story_map);
}

/// Tallest heat-table row and widest ranking band, in base px (1280 × 720).
const HEAT_ROW_MAX: f64 = 180.0;
const RANK_BAND_MAX: f64 = 170.0;

/// Heat table: regions × channels, cells coloured by performance (grey-blue when the
/// indicator has no better side), the value written in each cell.
pub(crate) fn heat_table(c: &mut Canvas, fig: &Figure, _opts: &ExportOptions, area: Rect) {
    const MISSING: Rgb = [0xF2, 0xF2, 0xF2];
    // the axis title is drawn once the table's height is known, right above it
    let title_h = if fig.y.label.is_empty() {
        0.0
    } else {
        c.font(base::AXIS) * 1.7
    };
    let top = area.y + title_h;
    let cols = fig.x.categories.len().max(1);
    let rows = fig.y.categories.len().max(1);
    // many rows (a coverage grid of every indicator): rows and their text shrink to fit the
    // plot area instead of running over the footer
    let avail_h = area.y + area.h - top - c.font(base::TICK) * 2.5;
    let size = c
        .font(base::TICK)
        .min(avail_h / rows as f64 / 1.6)
        .max(c.font(base::TICK) * 0.35);
    let row_labels: Vec<String> = fig
        .y
        .categories
        .iter()
        .map(|l| ellipsize(l, size, true, area.w * 0.25))
        .collect();
    let gutter = row_labels
        .iter()
        .map(|l| text_width(l, size, true))
        .fold(0.0, f64::max)
        + size;
    let cell_w = ((area.w - gutter) / cols as f64).min(c.s(220.0));
    let (col_lines, col_size, col_h) = wrap_categories(c, &fig.x.categories, cell_w);
    let room = area.y + area.h - top - col_h;
    // rows take the height there is (within bounds), so the table fills the page
    let cell_h = (room / rows as f64).clamp(size * 1.2, c.s(HEAT_ROW_MAX));
    // more rows than fit at the smallest legible size (a coverage grid of every indicator): draw
    // those that fit and say how many are left out, never run over the footer
    let fit = ((room / cell_h).floor() as usize).max(1);
    let shown = if rows > fit { fit - 1 } else { rows };
    // what is left when rows reach their largest height is shared above and below the table
    let slack_y = ((room - cell_h * rows.min(fit) as f64) / 2.0).max(0.0);
    let slack_x = ((area.w - gutter - cell_w * cols as f64) / 2.0).max(0.0);
    let x0 = area.x + gutter + slack_x;
    let y0 = top + col_h + slack_y;
    axis_title_above(
        c,
        &fig.y.label,
        Rect {
            y: area.y + slack_y,
            ..area
        },
    );
    if shown < rows {
        let more = rows - shown;
        c.text(
            x0,
            y0 + cell_h * shown as f64 + cell_h / 2.0 + size * 0.35,
            size,
            false,
            ink::MUTED,
            Anchor::Start,
            &Msg::count(Msg::MoreRowHidden, Msg::MoreRowsHidden, more, c.lang, &[]),
        );
    }
    for (ci, lines) in col_lines.iter().enumerate() {
        let block = lines.len() as f64 * col_size * 1.22;
        c.lines(
            x0 + cell_w * (ci as f64 + 0.5),
            y0 - col_size * 0.5 - block + col_size * 0.9,
            col_size,
            false,
            ink::TEXT,
            Anchor::Middle,
            lines,
        );
    }
    let gap = c.s(2.0);
    for (ri, l) in row_labels.iter().enumerate().take(shown) {
        let y = y0 + cell_h * ri as f64;
        c.text(
            x0 - size * 0.6,
            y + cell_h / 2.0 + size * 0.35,
            size,
            true,
            ink::TEXT,
            Anchor::End,
            l,
        );
        for ci in 0..cols {
            let r = Rect {
                x: x0 + cell_w * ci as f64 + gap / 2.0,
                y: y + gap / 2.0,
                w: cell_w - gap,
                h: cell_h - gap,
            };
            let point = fig.series.get(ri).and_then(|s| {
                s.points
                    .iter()
                    .find(|p| p.cell().is_some_and(|(_, col)| col == ci) && p.value.is_some())
            });
            let Some(p) = point else {
                c.rect(r, &palette::hex(MISSING), "");
                c.text(
                    r.x + r.w / 2.0,
                    r.y + r.h / 2.0 + size * 0.35,
                    size,
                    false,
                    ink::MUTED,
                    Anchor::Middle,
                    style::missing_cell(c.lang),
                );
                continue;
            };
            let bg = style::grade_style(style::heat_fill(fig, p), p.grade, false).fill;
            let fill = palette::hex(bg);
            match p.grade {
                Grade::Measured => c.rect(r, &fill, ""),
                Grade::Estimated => {
                    c.rect(r, &fill, "");
                    let inset = c.s(2.5);
                    let ir = Rect {
                        x: r.x + inset,
                        y: r.y + inset,
                        w: r.w - 2.0 * inset,
                        h: r.h - 2.0 * inset,
                    };
                    let attrs = format!(
                        r#" stroke="{}" stroke-width="{}" stroke-dasharray="{} {}""#,
                        ink::TEXT,
                        coord(c.s(1.5)),
                        coord(c.s(4.0)),
                        coord(c.s(2.5))
                    );
                    c.rect(ir, "none", &attrs);
                }
                Grade::Illustrative => {
                    c.rect(r, &fill, "");
                    c.hatch(r, 0.3);
                }
            }
            let dark = palette::text_on_dark(bg);
            let mut ts = size;
            while text_width(&p.label, ts, true) > r.w * 0.9 && ts > size * 0.6 {
                ts *= 0.93;
            }
            let label = ellipsize(&p.label, ts, true, r.w * 0.95);
            if p.grade == Grade::Illustrative {
                // a plate behind the text keeps it readable over the hatching
                let tw = text_width(&label, ts, true) + ts * 0.6;
                c.rect(
                    Rect {
                        x: r.x + (r.w - tw) / 2.0,
                        y: r.y + r.h / 2.0 - ts * 0.75,
                        w: tw,
                        h: ts * 1.5,
                    },
                    &fill,
                    r#" fill-opacity="0.85""#,
                );
            }
            c.text(
                r.x + r.w / 2.0,
                r.y + r.h / 2.0 + ts * 0.36,
                ts,
                true,
                // on the cell's own fill: never swapped for light text
                if dark { "#ffffff" } else { ink::ON_FILL },
                Anchor::Middle,
                &label,
            );
        }
    }
}

/*!
The storytelling marks a figure resolved (`chart::story`: reference lines and bands,
annotations with their leader lines, labels at the ends of lines, "n/a" ends of a slope
chart) painted on a [`Canvas`]. Each plot painter passes its mapping from the plot's data
coordinates to pixels ([`PlotMap`]); nothing is decided here.
*/

use super::ExportOptions;
use super::canvas::{Anchor, Canvas, Rect, base, ink};
use super::fonts::text_width;
use crate::chart::palette;
use crate::chart::story::{self, marks};
use crate::chart::style;
use crate::chart::{ChartKind, Figure};

/// How a plot maps data coordinates (as [`story::anchor`] gives them) to pixels.
pub(super) struct PlotMap<'a> {
    /// The plot area offsets are shares of.
    pub inner: Rect,
    /// Horizontal data coordinate → x pixel.
    pub x: &'a dyn Fn(f64) -> f64,
    /// Vertical data coordinate → y pixel.
    pub y: &'a dyn Fn(f64) -> f64,
    /// Values run across (rankings) rather than up.
    pub values_across: bool,
}

impl<'a> PlotMap<'a> {
    /// The map of a plot whose values run up (bars, lines, scatter).
    pub fn upright(inner: Rect, x: &'a dyn Fn(f64) -> f64, y: &'a dyn Fn(f64) -> f64) -> Self {
        PlotMap {
            inner,
            x,
            y,
            values_across: false,
        }
    }
}

/// Reference bands and lines, behind the marks.
pub(super) fn references(c: &mut Canvas, fig: &Figure, m: &PlotMap<'_>) {
    let size = c.font(base::VALUE);
    let colour = palette::hex(style::REFERENCE);
    let band_fill = palette::hex(style::BAND);
    let (half, half_group) = marks::category_reach(fig);
    let mut keys = 0;
    for r in &fig.story.references {
        // the span across the value axis: one category or the whole plot
        let (a, b) = match r.category {
            Some(ci) => ((m.x)(ci as f64 - half), (m.x)(ci as f64 + half)),
            None if m.values_across => (m.inner.y, m.inner.y + m.inner.h),
            None => (m.inner.x, m.inner.x + m.inner.w),
        };
        if m.values_across {
            let x = (m.x)(r.value);
            if let Some((lo, hi)) = r.band {
                let (x0, x1) = ((m.x)(lo), (m.x)(hi));
                c.rect(
                    Rect {
                        x: x0.min(x1),
                        y: a,
                        w: (x1 - x0).abs(),
                        h: b - a,
                    },
                    &band_fill,
                    "",
                );
            }
            // across the rows, skipping those whose value label it would cross
            for (r0, r1) in marks::row_spans(fig, r) {
                let (y0, y1) = ((m.y)(r1), (m.y)(r0));
                dashed_line(c, x, y0.max(a), x, y1.min(b), &colour);
            }
            if let Some(label) = &r.label {
                c.text(
                    x,
                    a - size * 0.4,
                    size,
                    false,
                    &colour,
                    Anchor::Middle,
                    label,
                );
            }
        } else {
            let y = (m.y)(r.value);
            if let Some((lo, hi)) = r.band {
                let (y0, y1) = ((m.y)(hi), (m.y)(lo));
                c.rect(
                    Rect {
                        x: a,
                        y: y0.min(y1),
                        w: b - a,
                        h: (y1 - y0).abs(),
                    },
                    &band_fill,
                    "",
                );
            }
            match r.category {
                Some(ci) => {
                    // beside the group only, clear of the value labels
                    let (g0, g1) = ((m.x)(ci as f64 - half_group), (m.x)(ci as f64 + half_group));
                    dashed_line(c, a, y, g0, y, &colour);
                    dashed_line(c, g1, y, b, y, &colour);
                }
                None => dashed_line(c, a, y, b, y, &colour),
            }
            match (&r.label, r.category) {
                (Some(label), Some(_)) => {
                    // per-category marks: one key at the top right of the plot
                    let right = m.inner.x + m.inner.w;
                    let ky = m.inner.y + size * (0.9 + 1.5 * keys as f64);
                    let tw = text_width(label, size, false);
                    let (sx1, sx0) = (right - tw - size * 0.5, right - tw - size * 2.6);
                    if r.band.is_some() {
                        c.rect(
                            Rect {
                                x: sx0,
                                y: ky - size * 0.9,
                                w: sx1 - sx0,
                                h: size * 1.1,
                            },
                            &band_fill,
                            "",
                        );
                    }
                    dashed_line(c, sx0, ky - size * 0.35, sx1, ky - size * 0.35, &colour);
                    c.text(right, ky, size, false, &colour, Anchor::End, label);
                    keys += 1;
                }
                (Some(label), None) => {
                    c.text(b, y - size * 0.35, size, false, &colour, Anchor::End, label)
                }
                (None, _) => {}
            }
        }
    }
}

fn dashed_line(c: &mut Canvas, x1: f64, y1: f64, x2: f64, y2: f64, colour: &str) {
    let svg = format!(
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-width="{}" stroke-dasharray="{} {}"/>"#,
        super::canvas::coord(x1),
        super::canvas::coord(y1),
        super::canvas::coord(x2),
        super::canvas::coord(y2),
        super::canvas::coord(c.s(1.6)),
        super::canvas::coord(c.s(6.0)),
        super::canvas::coord(c.s(4.0)),
    );
    c.raw(&svg);
}

/// End labels, "n/a" ends and annotations, over the marks.
pub(super) fn overlays(c: &mut Canvas, fig: &Figure, m: &PlotMap<'_>) {
    let size = c.font(base::VALUE);
    let at = |si: usize, pi: usize| story::anchor(fig, si, pi).map(|(x, y)| ((m.x)(x), (m.y)(y)));
    for e in &fig.story.end_labels {
        let Some((x, y)) = at(e.series, e.point) else {
            continue;
        };
        let gap = size * 0.7;
        let (tx, anchor) = if e.right {
            (x + gap, Anchor::Start)
        } else {
            (x - gap, Anchor::End)
        };
        let y = y + e.nudge * m.inner.h;
        c.text(tx, y + size * 0.35, size, false, ink::TEXT, anchor, &e.text);
    }
    for me in &fig.story.missing_ends {
        let (x, y) = ((m.x)(me.x), (m.y)(me.y));
        c.text(
            x,
            y + size * 0.35,
            size,
            false,
            ink::MUTED,
            Anchor::Middle,
            &me.label,
        );
    }
    let note_size = c.font(base::LEGEND);
    for note in &fig.story.notes {
        let Some((x, y)) = at(note.series, note.point) else {
            continue;
        };
        let (cx, cy) = (x + note.offset.0 * m.inner.w, y + note.offset.1 * m.inner.h);
        if let Some((lx, ly)) = note.leader_to {
            c.line(
                x + note.leader_from.0 * m.inner.w,
                y + note.leader_from.1 * m.inner.h,
                x + lx * m.inner.w,
                y + ly * m.inner.h,
                ink::TEXT,
                c.s(1.0),
            );
        }
        c.text(
            cx,
            cy + note_size * 0.35,
            note_size,
            true,
            ink::TEXT,
            Anchor::Middle,
            &note.text,
        );
    }
}

/// Small multiples: the figure's panels in a grid inside `area`, each titled and drawn by the
/// plot painter of its kind with the shared axes (the page's title, legend and footer are
/// drawn once around them).
pub(super) fn facets(c: &mut Canvas, fig: &Figure, opts: &ExportOptions, area: Rect) {
    let n = fig.story.panels.len();
    let (cols, rows) = crate::chart::story::facet::grid(n, area.w, area.h);
    let gap = c.s(18.0);
    let title_size = c.font(base::AXIS);
    let cell_w = (area.w - gap * (cols as f64 - 1.0)) / cols as f64;
    let cell_h = (area.h - gap * (rows as f64 - 1.0)) / rows as f64;
    for i in 0..n {
        let Some(sub) = crate::chart::story::panel_figure(fig, i) else {
            continue;
        };
        let (col, row) = (i % cols, i / cols);
        let cell = Rect {
            x: area.x + col as f64 * (cell_w + gap),
            y: area.y + row as f64 * (cell_h + gap),
            w: cell_w,
            h: cell_h,
        };
        let title = super::fonts::ellipsize(&sub.title, title_size, true, cell.w);
        c.text(
            cell.x,
            cell.y + title_size * 0.9,
            title_size,
            true,
            ink::TEXT,
            Anchor::Start,
            &title,
        );
        let plot = Rect {
            y: cell.y + title_size * 1.5,
            h: cell.h - title_size * 1.5,
            ..cell
        };
        match sub.kind {
            ChartKind::Lines => super::plots::lines(c, &sub, opts, plot),
            _ => super::plots::bars(c, &sub, opts, plot),
        }
    }
}

//! What the storytelling fields of a spec resolve to, ready to paint: reference lines and
//! bands, placed annotations, labels at the ends of lines, marked missing ends and small-
//! multiple panels ([`Story`], carried by every [`Figure`]). Coordinates are the plot's data
//! coordinates as both painters use them ([`anchor`]), and offsets are shares of the plot
//! area, so the egui view and the SVG writer draw the same thing at any size.

use crate::chart::figure::{Figure, Place};
use crate::chart::layout;
use crate::chart::spec::ChartKind;
use serde::Serialize;

/// The storytelling marks of a figure (empty when the spec asks for none).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Story {
    /// Reference lines and bands, drawn behind the marks.
    pub references: Vec<RefMark>,
    /// Annotations, drawn over the marks.
    pub notes: Vec<Note>,
    /// Labels beside a point (highlighted lines, both ends of a slope chart).
    pub end_labels: Vec<EndLabel>,
    /// Ends of a slope chart with no value ("n/a").
    pub missing_ends: Vec<MissingEnd>,
    /// Small multiples: one panel per region or channel (empty = one plot).
    pub panels: Vec<Panel>,
    /// Extents every panel of small multiples shares (the layout widens each panel's axes
    /// to them); empty otherwise.
    pub shared: Shared,
}

/// Extents shared by the panels of small multiples.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Shared {
    /// Value extent (low, high).
    pub y: Option<(f64, f64)>,
    /// Horizontal extent of line charts (years, mid-year coordinates).
    pub x: Option<(f64, f64)>,
}

/// One reference line or band.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RefMark {
    /// The category it stands behind (bars by channel or indicator); `None` = across the
    /// whole plot.
    pub category: Option<usize>,
    /// The line's value in the axis unit (the median of a band).
    pub value: f64,
    /// Low and high ends of a band, in the axis unit.
    pub band: Option<(f64, f64)>,
    /// Text beside the line; for per-category marks, once for the set, and painted as a key
    /// at the top right of the plot rather than beside a category.
    pub label: Option<String>,
    /// Rows of a ranking (in [`anchor`] row coordinates) the line skips, where it would run
    /// through the row's value label.
    pub gaps: Vec<usize>,
}

/// An annotation, anchored on one mark.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    /// Index of the series in [`Figure::series`].
    pub series: usize,
    /// Index of the point in that series.
    pub point: usize,
    /// The note.
    pub text: String,
    /// Centre of the note from the mark, in shares of the plot's width and height (x to the
    /// right, y downwards, as on screen).
    pub offset: (f64, f64),
    /// Where the leader line starts (shares from the mark, as `offset`): above a bar's value
    /// label rather than through it.
    pub leader_from: (f64, f64),
    /// Where the leader line from the mark ends (shares, as `offset`); `None` = the note sits
    /// next to its mark without a leader.
    pub leader_to: Option<(f64, f64)>,
}

/// A label beside one point.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EndLabel {
    /// Index of the series.
    pub series: usize,
    /// Index of the point.
    pub point: usize,
    /// The text.
    pub text: String,
    /// Right of the point (`true`) or left of it.
    pub right: bool,
    /// Vertical shift from the point, in shares of the plot height (y down), so labels of
    /// close values do not overprint.
    pub nudge: f64,
}

/// A missing end of a slope chart, marked where its value would be.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MissingEnd {
    /// Index of the series.
    pub series: usize,
    /// Horizontal position (the missing year, mid-year).
    pub x: f64,
    /// Vertical position (the value at the other end).
    pub y: f64,
    /// "n/a" / "n.d.".
    pub label: String,
}

/// One small-multiple panel.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Panel {
    /// What the panel groups (region id, channel id, or category index).
    pub key: String,
    /// Panel title (the region or channel).
    pub title: String,
    /// Indices of the series drawn in this panel.
    pub series: Vec<usize>,
    /// For bars faceted by channel: the one category shown in this panel.
    pub category: Option<usize>,
}

/// The plot's data rectangle as both painters frame it: x and y ranges in data coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Horizontal range (low, high).
    pub x: (f64, f64),
    /// Vertical range (low, high).
    pub y: (f64, f64),
}

impl Frame {
    /// `(x, y)` as shares of the frame, x to the right and y downwards (0–1 inside).
    pub fn share(&self, x: f64, y: f64) -> (f64, f64) {
        let sx = (x - self.x.0) / (self.x.1 - self.x.0).max(f64::MIN_POSITIVE);
        let sy = (self.y.1 - y) / (self.y.1 - self.y.0).max(f64::MIN_POSITIVE);
        (sx, sy)
    }
}

/// The frame of `fig`'s plot (`None` for kinds without one, or an empty figure). Bars: one
/// unit per category centred on its index; ranking: values across, rows down (best row at
/// the top); lines and slope: years; scatter: both value axes.
pub fn frame(fig: &Figure, value_labels: bool) -> Option<Frame> {
    let axes = layout::axes(fig, value_labels);
    let n = fig.x.categories.len().max(1) as f64;
    match fig.kind {
        ChartKind::BarsByChannel | ChartKind::BarsByIndicator => {
            let v = axes.value?;
            Some(Frame {
                x: (-0.5, n - 0.5),
                y: (v.lo, v.hi),
            })
        }
        ChartKind::Ranking => {
            let v = axes.value?;
            Some(Frame {
                x: (v.lo, v.hi),
                y: (-0.6, n - 0.4),
            })
        }
        ChartKind::Lines | ChartKind::Slope => {
            let v = axes.value?;
            let (a, b) = axes.year_span?;
            Some(Frame {
                x: (a as f64, b as f64 + 1.0),
                y: (v.lo, v.hi),
            })
        }
        ChartKind::Scatter => {
            let (v, xv) = (axes.value?, axes.x_value?);
            Some(Frame {
                x: (xv.lo, xv.hi),
                y: (v.lo, v.hi),
            })
        }
        ChartKind::Radar | ChartKind::HeatTable | ChartKind::Coverage => None,
    }
}

/// Where the mark of point `point` of series `series` is, in the plot's data coordinates
/// (the top of a bar, the end of a ranking bar, the point itself); `None` when the point is
/// not drawn (a missing value).
pub fn anchor(fig: &Figure, series: usize, point: usize) -> Option<(f64, f64)> {
    let p = fig.series.get(series)?.points.get(point)?;
    let n = fig.x.categories.len().max(1);
    let [x, y] = p.plot_xy()?;
    match p.place {
        Place::Category { index } => {
            let (w, group) = layout::bar_geometry(n, fig.series.len());
            Some((index as f64 - group / 2.0 + w * (series as f64 + 0.5), y))
        }
        Place::Rank { rank } => Some((y, (n - 1) as f64 - rank as f64)),
        _ => Some((x, y)),
    }
}

/// The reach of a per-category reference mark on each side of the category's centre, and the
/// half-width of the bars' group, in category units. The band spans the whole reach behind the
/// bars; its line is drawn only beside the group (from the group's edge to the reach), so it
/// never runs through the bars' value labels.
pub fn category_reach(fig: &Figure) -> (f64, f64) {
    let n = fig.x.categories.len().max(1);
    let half_group = layout::bar_geometry(n, fig.series.len()).1 / 2.0;
    (half_group + 0.08, half_group)
}

/// `extent` widened to the values of the figure's reference lines and bands, so the value
/// scale includes them (the layout's extent hook).
pub fn with_references(extent: Option<(f64, f64)>, fig: &Figure) -> Option<(f64, f64)> {
    let shared = fig.story.shared.y.into_iter().flat_map(|(a, b)| [a, b]);
    fig.story
        .references
        .iter()
        .flat_map(|r| {
            let (lo, hi) = r.band.unwrap_or((r.value, r.value));
            [r.value, lo, hi]
        })
        .chain(shared)
        .filter(|v| v.is_finite())
        .fold(extent, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

/// The horizontal extent of a line chart widened to the years its small-multiple panels
/// share (the layout's hook for the time axis).
pub fn with_shared_years(extent: Option<(f64, f64)>, fig: &Figure) -> Option<(f64, f64)> {
    match (extent, fig.story.shared.x) {
        (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
        (e, s) => e.or(s),
    }
}

/// The spans of rows (low, high, in row coordinates) a ranking's line is drawn over: every
/// row but its gaps, the plot's edges included.
pub fn row_spans(fig: &Figure, r: &RefMark) -> Vec<(f64, f64)> {
    let n = fig.x.categories.len().max(1) as f64;
    let (lo, hi) = (-0.6, n - 0.4);
    let mut spans = Vec::new();
    let mut start = lo;
    let mut gaps: Vec<usize> = r.gaps.clone();
    gaps.sort_unstable();
    gaps.dedup();
    for g in gaps {
        let (g0, g1) = (g as f64 - 0.5, g as f64 + 0.5);
        if g0 > start {
            spans.push((start, g0));
        }
        start = start.max(g1);
    }
    if hi > start {
        spans.push((start, hi));
    }
    spans
}

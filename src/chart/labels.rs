/*!
Label placement, resolved once for every painter: titles fitted to their box (wrap, then
shrink down to a floor, an ellipsis only as a last resort), end-of-line labels spread
vertically so they never overprint, and point labels (scatter names, value labels of bars and
lines) placed where they overprint neither each other nor the marks, or left out (the painter
then adds the footnote [`left_out_note`]).

Everything here works in the painter's own pixels with a text measure the painter passes in
(`export::fonts::text_width` for files, the egui font for the screen), so the same rules give
the same decisions on screen and in files.
*/

use super::figure::{Figure, Point};
use super::spec::ChartKind;
use crate::i18n::Msg;
use crate::model::Lang;

/// Width in px of a text at a font size in px.
pub type Measure<'a> = &'a dyn Fn(&str, f64) -> f64;

/// Lines of a text wrapped to a width in px at a font size in px.
pub type Wrap<'a> = &'a dyn Fn(&str, f64, f64) -> Vec<String>;

/// A text fitted into a block of at most `max_lines` lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Fitted {
    /// The lines to draw.
    pub lines: Vec<String>,
    /// Font size in px.
    pub size: f64,
    /// Whether text had to be cut (an ellipsis ends the last line): the caller warns.
    pub cut: bool,
}

/// Fits `text` into `max_lines` lines of `width` px: wrapped at `size`, else at smaller sizes
/// down to `floor`, else wrapped at `floor` with the last line ending in `…`.
pub fn fit_block(
    text: &str,
    size: f64,
    floor: f64,
    width: f64,
    max_lines: usize,
    wrap: Wrap<'_>,
    measure: Measure<'_>,
) -> Fitted {
    let max_lines = max_lines.max(1);
    let floor = floor.min(size);
    let mut s = size;
    loop {
        let lines = wrap(text, s, width);
        let fits = lines
            .iter()
            .all(|l| !l.ends_with('…') || text.contains('…'));
        if lines.len() <= max_lines && fits {
            return Fitted {
                lines,
                size: s,
                cut: false,
            };
        }
        if s <= floor {
            let mut lines = lines;
            let rest = lines.split_off((max_lines - 1).min(lines.len()));
            let tail = rest.join(" ");
            lines.push(ellipsis(&format!("{tail}…"), s, width, measure));
            return Fitted {
                lines,
                size: s,
                cut: true,
            };
        }
        s = (s * 0.94).max(floor);
    }
}

/// `text` (ending in `…`) cut from the end until it fits `width`.
fn ellipsis(text: &str, size: f64, width: f64, measure: Measure<'_>) -> String {
    let body = text.trim_end_matches('…');
    let mut keep: Vec<char> = body.chars().collect();
    loop {
        let s: String = keep.iter().collect::<String>().trim_end().to_owned() + "…";
        if keep.is_empty() || measure(&s, size) <= width {
            return s;
        }
        keep.pop();
    }
}

/// Spreads labels of height `h` wanted at centres `want` (px, any order) so that no two
/// overlap and all stay within `lo..=hi` (when they can); returns the centres in the input
/// order. Used for the end-of-line labels of a line chart.
pub fn spread(want: &[f64], h: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..want.len()).collect();
    order.sort_by(|&a, &b| want[a].total_cmp(&want[b]));
    let mut at: Vec<f64> = order.iter().map(|&i| want[i]).collect();
    let n = at.len();
    if n == 0 {
        return Vec::new();
    }
    let (lo, hi) = (lo + h / 2.0, (hi - h / 2.0).max(lo + h / 2.0));
    // push down from the top, then up from the bottom, then down again from the top
    for i in 0..n {
        let min = if i == 0 { lo } else { at[i - 1] + h };
        at[i] = at[i].max(min);
    }
    for i in (0..n).rev() {
        let max = if i + 1 == n { hi } else { at[i + 1] - h };
        at[i] = at[i].min(max);
    }
    for i in 0..n {
        let min = if i == 0 { lo } else { at[i - 1] + h };
        at[i] = at[i].max(min);
    }
    let mut out = vec![0.0; n];
    for (k, &i) in order.iter().enumerate() {
        out[i] = at[k];
    }
    out
}

/// A rectangle in px (top-left, size).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Box2 {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Box2 {
    /// Whether the two boxes overlap (touching edges do not).
    pub fn overlaps(&self, o: &Box2) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    /// Whether `self` lies inside `o`.
    pub fn inside(&self, o: &Box2) -> bool {
        self.x >= o.x - 1e-6
            && self.y >= o.y - 1e-6
            && self.x + self.w <= o.x + o.w + 1e-6
            && self.y + self.h <= o.y + o.h + 1e-6
    }
}

/// Where a point label may go, in order of preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prefer {
    /// Scatter names: right of the mark, then left, above, below, and diagonals.
    Beside,
    /// Value labels: above the anchor (a bar top or a marker), then further up, then below.
    Above,
    /// Value labels of negative bars: below the anchor, then further down.
    Below,
    /// Value labels of horizontal bars (rankings) with a positive value: right of the bar's
    /// end, else inside it against the end.
    Right,
    /// Value labels of horizontal bars with a negative value: left of the bar's end (away
    /// from zero), else inside it against the end; never across zero.
    Left,
}

/// One label to place: its anchor (px), the size of its text box, and the gap to keep from
/// the anchor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wanted {
    /// Anchor x.
    pub x: f64,
    /// Anchor y.
    pub y: f64,
    /// Text box width.
    pub w: f64,
    /// Text box height.
    pub h: f64,
    /// Gap between the anchor and the box (the marker's radius and a little air).
    pub gap: f64,
    /// Where the label should go.
    pub prefer: Prefer,
}

/// Candidate boxes for `l`, best first.
fn candidates(l: &Wanted) -> Vec<Box2> {
    let (x, y, w, h, g) = (l.x, l.y, l.w, l.h, l.gap);
    let at = |bx: f64, by: f64| Box2 { x: bx, y: by, w, h };
    match l.prefer {
        Prefer::Beside => vec![
            at(x + g, y - h / 2.0),
            at(x - g - w, y - h / 2.0),
            at(x - w / 2.0, y - g - h),
            at(x - w / 2.0, y + g),
            at(x + g * 0.7, y - g * 0.7 - h),
            at(x - g * 0.7 - w, y - g * 0.7 - h),
            at(x + g * 0.7, y + g * 0.7),
            at(x - g * 0.7 - w, y + g * 0.7),
            at(x + g, y - h * 1.5),
            at(x + g, y + h * 0.5),
            at(x - g - w, y - h * 1.5),
            at(x - g - w, y + h * 0.5),
            // farther out, joined to the mark by a leader line
            at(x + 2.0 * g, y - h / 2.0),
            at(x - 2.0 * g - w, y - h / 2.0),
            at(x - w / 2.0, y - 2.0 * g - h),
            at(x - w / 2.0, y + 2.0 * g),
        ],
        Prefer::Above => {
            let mut v: Vec<Box2> = (0..4)
                .map(|k| at(x - w / 2.0, y - g - h - k as f64 * h))
                .collect();
            v.extend([
                at(x + g, y - g - h),
                at(x - g - w, y - g - h),
                at(x - w / 2.0, y + g),
            ]);
            v
        }
        Prefer::Below => (0..4)
            .map(|k| at(x - w / 2.0, y + g + k as f64 * h))
            .collect(),
        Prefer::Right => vec![at(x + g, y - h / 2.0), at(x - g - w, y - h / 2.0)],
        Prefer::Left => vec![at(x - g - w, y - h / 2.0), at(x + g, y - h / 2.0)],
    }
}

/// Places `labels` inside `bounds`, avoiding `obstacles` (marks: bars, markers, sampled line
/// segments) and each other, in the order given (put the most important first). `None` for a
/// label that fits nowhere: the painter leaves it out and adds [`left_out_note`].
pub fn place(labels: &[Wanted], obstacles: &[Box2], bounds: Box2) -> Vec<Option<Box2>> {
    let mut placed: Vec<Box2> = Vec::new();
    let mut out = Vec::with_capacity(labels.len());
    for l in labels {
        let found = candidates(l).into_iter().find(|b| {
            b.inside(&bounds)
                && !placed.iter().any(|p| p.overlaps(b))
                && !obstacles.iter().any(|o| o.overlaps(b))
        });
        if let Some(b) = found {
            placed.push(b);
        }
        out.push(found);
    }
    out
}

/// How far past its natural place a label may move before it gets a leader line, as a share
/// of its height: a label stacked one row up (or moved beside its mark diagonally) is joined
/// to its mark by a thin line.
pub const LEADER_SLACK: f64 = 0.5;

/// A label placed by [`place_with_leaders`]: its box, the anchor of the mark it labels, and
/// the leader line from the box to the mark when it moved away from it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// The text box.
    pub at: Box2,
    /// The anchor it labels (a bar end, a marker's centre), in px.
    pub anchor: [f64; 2],
    /// A thin line from the edge of the box to the mark (stopping the label's gap short of
    /// the anchor, so it ends on a marker's rim or a bar's top), when the label sits more
    /// than [`LEADER_SLACK`] label heights beyond its gap; `None` when it sits by its mark.
    pub leader: Option<[[f64; 2]; 2]>,
}

/// The leader line of a label of `l` placed at `b`: from the point of `b` nearest the anchor
/// towards the anchor, stopping `l.gap` short of it; `None` when the box is within the gap
/// and [`LEADER_SLACK`] heights of the anchor (it reads as the mark's label without one).
pub fn leader(l: &Wanted, b: &Box2) -> Option<[[f64; 2]; 2]> {
    let near = [l.x.clamp(b.x, b.x + b.w), l.y.clamp(b.y, b.y + b.h)];
    let (dx, dy) = (near[0] - l.x, near[1] - l.y);
    let d = dx.hypot(dy);
    if !(d.is_finite() && d > l.gap + LEADER_SLACK * l.h) {
        return None;
    }
    let stop = l.gap.max(0.0).min(d);
    let end = [l.x + dx / d * stop, l.y + dy / d * stop];
    Some([near, end])
}

/// [`place`], with each placed label carrying its anchor and, when it moved away from its
/// mark, its leader line ([`leader`]), so every painter draws the same lines.
pub fn place_with_leaders(
    labels: &[Wanted],
    obstacles: &[Box2],
    bounds: Box2,
) -> Vec<Option<Placed>> {
    place(labels, obstacles, bounds)
        .into_iter()
        .zip(labels)
        .map(|(at, l)| {
            at.map(|b| Placed {
                at: b,
                anchor: [l.x, l.y],
                leader: leader(l, &b),
            })
        })
        .collect()
}

/// Small boxes along a polyline (px), `thick` px wide, for [`place`] to keep labels off lines.
pub fn polyline_boxes(points: &[[f64; 2]], thick: f64) -> Vec<Box2> {
    let mut out = Vec::new();
    let step = thick.max(1.0) * 2.0;
    for w in points.windows(2) {
        let ([x0, y0], [x1, y1]) = (w[0], w[1]);
        let len = (x1 - x0).hypot(y1 - y0);
        let k = ((len / step).ceil() as usize).clamp(1, 10_000);
        for i in 0..=k {
            let t = i as f64 / k as f64;
            let (x, y) = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
            out.push(Box2 {
                x: x - thick / 2.0,
                y: y - thick / 2.0,
                w: thick,
                h: thick,
            });
        }
    }
    out
}

/// The value label of `p` in `fig` as a main line and, for grouped bars whose values come
/// from different years, the year on a second, smaller line: `"76%"` and `"2019"` rather than
/// `"76% (2019)"`, which is wider than its bar and would be stacked away from it. The
/// footer and subtitle still say that the years differ. Other kinds keep one line.
pub fn value_label_lines(fig: &Figure, p: &super::figure::Point) -> (String, Option<String>) {
    let grouped = matches!(
        fig.kind,
        ChartKind::BarsByChannel | ChartKind::BarsByIndicator
    );
    let year = format!(" ({})", p.period);
    match p.label.find(&year) {
        Some(at) if grouped => {
            let mut main = p.label.clone();
            main.replace_range(at..at + year.len(), "");
            (main, Some(p.period.to_string()))
        }
        _ => (p.label.clone(), None),
    }
}

/// Size of the year line of a two-line value label ([`value_label_lines`]), as a share of the
/// value's size.
pub const YEAR_LINE_SHARE: f64 = 0.8;

/// The footnote of a chart whose labels did not all fit.
pub fn left_out_note(lang: Lang) -> &'static str {
    Msg::LabelsLeftOut.get(lang)
}

/// Most lines that get end-of-line labels instead of a legend.
pub const END_LABEL_MAX_SERIES: usize = 6;

/// Whether the series of `fig` are named on the chart itself rather than in a legend: a line
/// chart of up to [`END_LABEL_MAX_SERIES`] lines (labels at the line ends) and a scatter (each
/// point named). Both painters ask here; the legend then keeps only the grade key.
pub fn series_named_on_chart(fig: &Figure) -> bool {
    let drawn = fig.series.iter().filter(|s| !s.points.is_empty()).count();
    match fig.kind {
        ChartKind::Lines => (1..=END_LABEL_MAX_SERIES).contains(&drawn),
        ChartKind::Scatter => true,
        _ => false,
    }
}

/// The last drawable point of each series with points, for end-of-line labels:
/// (series index, x, y).
pub fn line_ends(fig: &Figure) -> Vec<(usize, f64, f64)> {
    fig.series
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            s.points
                .iter()
                .rev()
                .find_map(Point::plot_xy)
                .map(|[x, y]| (i, x, y))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(t: &str, s: f64) -> f64 {
        t.chars().count() as f64 * s * 0.5
    }

    fn wrap(t: &str, s: f64, w: f64) -> Vec<String> {
        let mut lines: Vec<String> = vec![String::new()];
        for word in t.split(' ') {
            let last = lines.last_mut().expect("one line");
            let cand = if last.is_empty() {
                word.to_owned()
            } else {
                format!("{last} {word}")
            };
            if measure(&cand, s) <= w || last.is_empty() {
                *last = cand;
            } else {
                lines.push(word.to_owned());
            }
        }
        lines
    }

    #[test]
    fn titles_wrap_then_shrink_then_cut_with_an_ellipsis() {
        // the test measure: 10 px per character at 20 px, so 10 characters a line of 100 px
        let f = fit_block("aaaa bbbb cccc", 20.0, 14.0, 100.0, 2, &wrap, &measure);
        assert_eq!((f.size, f.cut), (20.0, false));
        assert_eq!(f.lines, ["aaaa bbbb", "cccc"]);
        // three lines at 20 px → shrinks until two fit, not below the floor
        let f = fit_block(
            "aaaa bbbb cccc dddd eeee ffff",
            20.0,
            14.0,
            120.0,
            2,
            &wrap,
            &measure,
        );
        assert!(
            !f.cut && f.lines.len() <= 2 && f.size < 20.0 && f.size >= 14.0,
            "{f:?}"
        );
        // far too long: cut at the floor, last line ends with the ellipsis and fits
        let long = "word ".repeat(60);
        let f = fit_block(&long, 20.0, 14.0, 150.0, 2, &wrap, &measure);
        assert!(f.cut && f.size == 14.0 && f.lines.len() == 2, "{f:?}");
        assert!(f.lines[1].ends_with('…') && measure(&f.lines[1], 14.0) <= 150.0);
    }

    #[test]
    fn labels_moved_away_from_their_mark_get_a_leader_line() {
        let bounds = Box2 {
            x: 0.0,
            y: 0.0,
            w: 200.0,
            h: 200.0,
        };
        let bar = |x: f64| Wanted {
            x,
            y: 150.0,
            w: 40.0,
            h: 10.0,
            gap: 2.0,
            prefer: Prefer::Above,
        };
        // two bars side by side: the second label is stacked one row up, with a leader
        let got = place_with_leaders(&[bar(100.0), bar(104.0)], &[], bounds);
        let (a, b) = (got[0].expect("first"), got[1].expect("second"));
        assert_eq!(a.leader, None);
        assert_eq!(a.anchor, [100.0, 150.0]);
        let [from, to] = b.leader.expect("leader of the stacked label");
        // from the bottom edge of the stacked box (top 150 - 2 - 10 - 10 = 128, bottom 138)
        // to 2 px above the bar top
        assert!((from[1] - 138.0).abs() < 1e-9 && (from[0] - 104.0).abs() < 1e-9);
        assert!((to[0] - 104.0).abs() < 1e-9 && (to[1] - 148.0).abs() < 1e-9);
        // a ranking's negative bar: the label goes left of the bar end, never across zero
        let neg = Wanted {
            prefer: Prefer::Left,
            ..bar(100.0)
        };
        let b = place(&[neg], &[], bounds)[0].expect("placed");
        assert!(b.x + b.w <= 100.0 - 2.0 + 1e-9, "{b:?}");
        // no room on the left: inside the bar, against its end
        let edge = Wanted { x: 30.0, ..neg };
        let b = place(&[edge], &[], bounds)[0].expect("placed");
        assert!((b.x - 32.0).abs() < 1e-9, "{b:?}");
    }

    #[test]
    fn spread_labels_never_overlap_and_stay_in_bounds() {
        let at = spread(&[50.0, 52.0, 51.0, 300.0], 10.0, 0.0, 100.0);
        let mut sorted = at.clone();
        sorted.sort_by(f64::total_cmp);
        for w in sorted.windows(2) {
            assert!(w[1] - w[0] >= 10.0 - 1e-9, "{at:?}");
        }
        assert!(at.iter().all(|&y| (5.0..=95.0).contains(&y)), "{at:?}");
        // the order of the wanted positions is kept
        assert!(at[0] < at[2] && at[2] < at[1] && at[1] < at[3], "{at:?}");
        // lone labels stay where they were wanted
        assert_eq!(spread(&[40.0], 10.0, 0.0, 100.0), [40.0]);
    }

    #[test]
    fn point_labels_avoid_each_other_and_marks_or_are_left_out() {
        let bounds = Box2 {
            x: 0.0,
            y: 0.0,
            w: 200.0,
            h: 100.0,
        };
        let l = |x: f64, y: f64, prefer: Prefer| Wanted {
            x,
            y,
            w: 40.0,
            h: 10.0,
            gap: 5.0,
            prefer,
        };
        // two points close together: the second label goes elsewhere
        let beside = Prefer::Beside;
        let got = place(&[l(50.0, 50.0, beside), l(52.0, 50.0, beside)], &[], bounds);
        let (a, b) = (
            got[0].expect("first placed"),
            got[1].expect("second placed"),
        );
        assert!(!a.overlaps(&b));
        // near the right edge: never cut, goes left
        let got = place(&[l(195.0, 50.0, beside)], &[], bounds);
        assert!(got[0].expect("placed").x + 40.0 <= 195.0);
        // an obstacle everywhere: left out
        let got = place(&[l(50.0, 50.0, Prefer::Above)], &[bounds], bounds);
        assert_eq!(got, [None]);
        // lines are obstacles too
        let line = polyline_boxes(&[[0.0, 40.0], [200.0, 40.0]], 3.0);
        let got = place(&[l(100.0, 45.0, Prefer::Above)], &line, bounds);
        assert!(got[0].is_some_and(|b| line.iter().all(|o| !o.overlaps(&b))));
    }
}

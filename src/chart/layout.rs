/*!
The axes of a [`Figure`], resolved once for every painter: which value scale each chart kind
uses (bars and rankings from zero, lines and scatter with headroom), how much room value labels
get, and which years are labelled on a time axis. `app::chart_view` feeds these to egui_plot
(grid marks, formatters, bounds) and `export::plots` draws them, so the screen and the file show
the same ticks, labels and ranges.
*/

use super::figure::{Figure, Point};
use super::format::{self, Locale};
use super::scale::{Origin, ValueScale, value_scale};
use super::spec::ChartKind;
use serde::Serialize;

/// About how many ticks a value axis carries.
pub const VALUE_TICKS: usize = 5;

/// Share of the value range added above bars when their values are printed, so labels fit.
pub const LABEL_HEADROOM: f64 = 0.08;

/// Widest a bar may be, as a share of the plot's width (no slabs when there are few bars).
pub const MAX_BAR_SHARE: f64 = 0.08;

/// Width of one bar and of a group of `series` bars side by side, in category units (one
/// category is 1 wide): a lone series is narrower than a group, and no bar is wider than
/// [`MAX_BAR_SHARE`] of the plot.
pub fn bar_geometry(categories: usize, series: usize) -> (f64, f64) {
    let k = series.max(1) as f64;
    let group = if series <= 1 { 0.55 } else { 0.8 };
    let bar = (group / k).min(MAX_BAR_SHARE * categories.max(1) as f64);
    (bar, bar * k)
}

/// Radius of the worst region on a radar (the ring of score 0): kept off the centre so its
/// polygon stays visible.
pub const RADAR_FLOOR: f64 = 0.15;

/// Radius on a radar of a normalised score `t` (0 = worst, 1 = best value among the regions
/// of the dataset in the chart's period window, whichever regions are shown).
pub fn radar_radius(t: f64) -> f64 {
    RADAR_FLOOR + (1.0 - RADAR_FLOOR) * t
}

/// The labelled rings of a radar's scale: (radius, label) for scores 0, 0.5 and 1, labelled in
/// `locale` ("0,5" in French). Both painters draw these rings and labels.
pub fn radar_rings(locale: Locale) -> Vec<(f64, String)> {
    [(0.0, 0), (0.5, 1), (1.0, 0)]
        .into_iter()
        .map(|(t, decimals)| (radar_radius(t), format::number(t, decimals, locale)))
        .collect()
}

/// Which way the name of indicator `axis` (of `spokes`) runs from the end of its radar
/// spoke, in page terms (y grows down): `[across, up]`, where `across` is 1 when the name
/// starts there (right-hand spokes), −1 when it ends there (left-hand) and 0 when it is
/// centred, and `up` is −1 when it sits above, 1 below and 0 centred. Spoke 0 points up;
/// both painters place the names by this one rule.
pub fn spoke_label_side(axis: usize, spokes: usize) -> [i8; 2] {
    let turn = std::f64::consts::TAU * axis as f64 / spokes.max(1) as f64;
    let side = |v: f64| match v {
        v if v > 0.3 => 1,
        v if v < -0.3 => -1,
        _ => 0,
    };
    // the spoke's direction on the page: x = sin(turn), y = −cos(turn)
    [side(turn.sin()), side(-turn.cos())]
}

/// Most year labels on a time axis.
pub const MAX_YEAR_LABELS: i64 = 10;

/// The resolved axes of a figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Axes {
    /// The value axis: vertical for bars, lines and scatter (y), horizontal for rankings.
    pub value: Option<ValueScale>,
    /// The horizontal value axis of a scatter (x).
    pub x_value: Option<ValueScale>,
    /// Labelled years of a line chart (points sit at mid-year, `year + 0.5`).
    pub years: Vec<i64>,
    /// Years covered by a line chart's horizontal axis, first and last inclusive.
    pub year_span: Option<(i64, i64)>,
}

/// Finite extent of `y` (or `x`) over the figure's points.
pub fn extent(fig: &Figure, vertical: bool) -> Option<(f64, f64)> {
    fig.series
        .iter()
        .flat_map(|s| s.points.iter())
        .filter_map(Point::plot_xy)
        .map(|[x, y]| if vertical { y } else { x })
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((f64::min(lo, v), f64::max(hi, v))),
        })
}

/// The axes of `fig`; `value_labels` is whether values are printed (see
/// [`Figure::shows_values`]), which leaves headroom above bars.
pub fn axes(fig: &Figure, value_labels: bool) -> Axes {
    let unit = fig.y.unit.as_ref();
    let locale = fig.locale;
    let mut out = Axes {
        value: None,
        x_value: None,
        years: Vec::new(),
        year_span: None,
    };
    // the value scale includes reference lines and bands (`story`)
    let ys = super::story::marks::with_references(extent(fig, true), fig);
    match fig.kind {
        ChartKind::BarsByChannel | ChartKind::BarsByIndicator => {
            let (lo, hi) = ys.unwrap_or((0.0, 1.0));
            let (mut lo, mut hi) = (lo.min(0.0), hi.max(0.0));
            if value_labels {
                // on halves: the span of values near ±f64::MAX overflows
                let pad = (hi / 2.0 - lo / 2.0) * (2.0 * LABEL_HEADROOM);
                if hi > 0.0 {
                    hi = (hi + pad).min(f64::MAX);
                }
                if lo < 0.0 {
                    lo = (lo - pad).max(f64::MIN);
                }
            }
            out.value = Some(value_scale(lo, hi, VALUE_TICKS, unit, Origin::Zero, locale));
        }
        ChartKind::Ranking => {
            let (lo, hi) = ys.unwrap_or((0.0, 1.0));
            out.value = Some(value_scale(lo, hi, VALUE_TICKS, unit, Origin::Zero, locale));
        }
        ChartKind::Lines | ChartKind::Slope => {
            let (lo, hi) = ys.unwrap_or((0.0, 1.0));
            // a line close to zero keeps zero in view; a line far from it hugs the data
            let origin = if lo >= 0.0 && lo < 0.5 * hi {
                Origin::Zero
            } else {
                Origin::Free
            };
            out.value = Some(value_scale(lo, hi, VALUE_TICKS, unit, origin, locale));
            if let Some((x0, x1)) = super::story::marks::with_shared_years(extent(fig, false), fig)
            {
                let (first, last) = (x0.floor() as i64, (x1.ceil() as i64 - 1).max(x0 as i64));
                out.year_span = Some(if fig.kind == ChartKind::Slope {
                    // room for the labels at both ends
                    (first - 1, last + 1)
                } else {
                    (first, last)
                });
                out.years = if fig.kind == ChartKind::Slope {
                    // a slope chart has two years, both labelled
                    vec![first, last]
                } else {
                    year_labels(first, last)
                };
            }
        }
        ChartKind::Scatter => {
            let (lo, hi) = ys.unwrap_or((0.0, 1.0));
            out.value = Some(value_scale(lo, hi, VALUE_TICKS, unit, Origin::Free, locale));
            let (xlo, xhi) = extent(fig, false).unwrap_or((0.0, 1.0));
            out.x_value = Some(value_scale(
                xlo,
                xhi,
                VALUE_TICKS + 1,
                fig.x.unit.as_ref(),
                Origin::Free,
                locale,
            ));
        }
        ChartKind::Radar | ChartKind::HeatTable | ChartKind::Coverage => {}
    }
    out
}

/// Years to label between `first` and `last`: every year, or every 2, 5, 10… so that at most
/// [`MAX_YEAR_LABELS`] are printed.
pub fn year_labels(first: i64, last: i64) -> Vec<i64> {
    let span = (last - first).clamp(0, 10_000);
    let step = [1, 2, 5, 10, 20, 50, 100, 1000]
        .into_iter()
        .find(|s| span / s < MAX_YEAR_LABELS)
        .unwrap_or(10_000);
    let start = first.div_euclid(step) * step;
    (0..=span / step + 1)
        .map(|i| start + i * step)
        .filter(|y| (first..=last).contains(y))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_capped_and_groups_fill_their_band() {
        assert_eq!(bar_geometry(5, 4), (0.2, 0.8));
        assert_eq!(bar_geometry(5, 1), (0.4, 0.4));
        // one category, one series: 8 % of the plot, not a 55 % slab
        let (bar, group) = bar_geometry(1, 1);
        assert!((bar - 0.08).abs() < 1e-12 && (group - 0.08).abs() < 1e-12);
    }

    #[test]
    fn radar_rings_are_labelled_from_worst_to_best() {
        let rings = radar_rings(Locale::FrFr);
        let labels: Vec<&str> = rings.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(labels, ["0", "0,5", "1"]);
        assert_eq!(rings[0].0, RADAR_FLOOR);
        assert!((rings[1].0 - 0.575).abs() < 1e-12 && rings[2].0 == 1.0);
    }

    #[test]
    fn radar_names_run_away_from_their_spoke() {
        // four spokes: up (centred above), right (starts there), down (below), left (ends)
        let sides: Vec<[i8; 2]> = (0..4).map(|i| spoke_label_side(i, 4)).collect();
        assert_eq!(sides, [[0, -1], [1, 0], [0, 1], [-1, 0]]);
        // six spokes: the upper-right one starts at its end and sits above it
        assert_eq!(spoke_label_side(1, 6), [1, -1]);
        assert_eq!(spoke_label_side(3, 6), [0, 1]);
        assert_eq!(spoke_label_side(5, 6), [-1, -1]);
    }

    #[test]
    fn year_labels_stay_few_and_round() {
        assert_eq!(year_labels(2011, 2016), (2011..=2016).collect::<Vec<_>>());
        assert_eq!(
            year_labels(2000, 2025),
            [2000, 2005, 2010, 2015, 2020, 2025]
        );
        assert_eq!(year_labels(2016, 2016), [2016]);
        assert!(year_labels(1, 9_000).len() <= MAX_YEAR_LABELS as usize);
    }
}

//! The runs of a line series: where the line is dashed (illustrative values) and where it
//! breaks (missing periods), shared by the app's chart view and every export.

use super::{Place, Point};
use crate::model::Grade;

/// Whether the line between consecutive points `a` and `b` is broken: more than one period of
/// `a` is missing between them (2016 → 2022 on a yearly series).
pub fn is_gap(a: &Point, b: &Point) -> bool {
    let period_years = f64::from(a.period.months()) / 12.0;
    match (a.place, b.place) {
        (Place::Year { year: ya }, Place::Year { year: yb }) => yb - ya > period_years * 1.5,
        _ => false,
    }
}

/// The runs of a line series: consecutive segments grouped by whether they are dashed (a
/// segment is dashed when either end is illustrative). Each run is its own polyline, so a long
/// series is a handful of lines, not one per segment. Points with a missing coordinate are
/// skipped, and the line breaks where periods are missing ([`is_gap`]).
pub fn line_runs(points: &[Point]) -> Vec<(bool, Vec<[f64; 2]>)> {
    runs(points, true)
}

/// The runs of a series of `fig`: as [`line_runs`], except that a slope chart joins its two
/// years however far apart they are.
pub fn figure_runs(fig: &super::Figure, points: &[Point]) -> Vec<(bool, Vec<[f64; 2]>)> {
    runs(points, fig.kind != super::ChartKind::Slope)
}

fn runs(points: &[Point], break_at_gaps: bool) -> Vec<(bool, Vec<[f64; 2]>)> {
    let pts: Vec<([f64; 2], &Point)> = points
        .iter()
        .filter_map(|p| Some((p.plot_xy()?, p)))
        .collect();
    let mut runs: Vec<(bool, Vec<[f64; 2]>)> = Vec::new();
    let mut broken = true;
    for pair in pts.windows(2) {
        if break_at_gaps && is_gap(pair[0].1, pair[1].1) {
            broken = true;
            continue;
        }
        let dashed = pair.iter().any(|(_, p)| p.grade == Grade::Illustrative);
        let end = pair[1].0;
        match runs.last_mut() {
            Some((d, run)) if *d == dashed && !broken => run.push(end),
            _ => runs.push((dashed, vec![pair[0].0, end])),
        }
        broken = false;
    }
    runs
}

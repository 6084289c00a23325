/*!
Feeds the core's resolved axes ([`crate::chart::layout`]) to egui_plot: grid marks at exactly
the core's ticks, tick labels from the core, and the core's bounds, so the screen shows the
same axis as every export.
*/

use crate::chart::scale::ValueScale;
use egui_plot::{GridInput, GridMark};
use std::ops::RangeInclusive;

/// Grid marks at the scale's ticks.
pub fn value_marks(scale: &ValueScale) -> impl Fn(GridInput) -> Vec<GridMark> + use<> {
    let (values, step) = (
        scale.ticks.iter().map(|t| t.value).collect::<Vec<_>>(),
        scale.step,
    );
    move |_| {
        values
            .iter()
            .map(|&value| GridMark {
                value,
                step_size: step,
            })
            .collect()
    }
}

/// The core's label of the tick at a grid mark.
pub fn value_labels(
    scale: &ValueScale,
) -> impl Fn(GridMark, &RangeInclusive<f64>) -> String + use<> {
    let scale = scale.clone();
    move |m, _| scale.label_at(m.value).unwrap_or_default().to_owned()
}

/// Grid marks at the labelled years (points sit at mid-year: the mark is at `year + 0.5`).
pub fn year_marks(years: &[i64]) -> impl Fn(GridInput) -> Vec<GridMark> + use<> {
    let years = years.to_vec();
    move |_| {
        years
            .iter()
            .map(|&y| GridMark {
                value: y as f64 + 0.5,
                step_size: 1.0,
            })
            .collect()
    }
}

/// The year at a mid-year grid mark.
pub fn year_label(m: GridMark, _: &RangeInclusive<f64>) -> String {
    format!("{}", (m.value - 0.5).round() as i64)
}

/// Grid marks at category indices `0..n`.
pub fn category_marks(n: usize) -> impl Fn(GridInput) -> Vec<GridMark> {
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

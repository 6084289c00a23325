/*!
Feeds the core's resolved axes ([`crate::chart::layout`]) to egui_plot: grid marks at exactly
the core's ticks, tick labels from the core, and the core's bounds, so the screen shows the
same axis as every export.
*/

use crate::chart::scale::ValueScale;
use eframe::egui;
use egui_plot::{AxisHints, GridInput, GridMark};
use std::ops::RangeInclusive;

/// Grid marks at the scale's ticks.
pub fn value_marks(scale: &ValueScale) -> impl Fn(GridInput) -> Vec<GridMark> + use<> {
    value_marks_every(scale, 1)
}

/// Grid marks at every `every`-th tick of the scale, keeping zero (a narrow plot shows fewer
/// ticks rather than none).
pub fn value_marks_every(
    scale: &ValueScale,
    every: usize,
) -> impl Fn(GridInput) -> Vec<GridMark> + use<> {
    let every = every.max(1);
    let zero = scale.ticks.iter().position(|t| t.value == 0.0).unwrap_or(0);
    let (values, step) = (
        scale
            .ticks
            .iter()
            .enumerate()
            .filter(|(i, _)| i.abs_diff(zero) % every == 0)
            .map(|(_, t)| t.value)
            .collect::<Vec<_>>(),
        scale.step * every as f64,
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

/// Grid marks at the labelled years, every `every`-th one (points sit at mid-year: the mark is
/// at `year + 0.5`), so that their labels never touch on a narrow plot.
pub fn year_marks(years: &[i64], every: usize) -> impl Fn(GridInput) -> Vec<GridMark> + use<> {
    let every = every.max(1);
    let years: Vec<i64> = years.iter().step_by(every).copied().collect();
    let step = years
        .windows(2)
        .map(|w| (w[1] - w[0]) as f64)
        .fold(1.0, f64::max);
    move |_| {
        years
            .iter()
            .map(|&y| GridMark {
                value: y as f64 + 0.5,
                step_size: step,
            })
            .collect()
    }
}

/// How many labelled years to step so that `labelled` labels `label_pt` wide, spread over
/// `plot_pt` of plot, do not touch (1 = every one).
pub fn year_stride(label_pt: f32, plot_pt: f32, labelled: usize) -> usize {
    let per_label = plot_pt / labelled.max(1) as f32;
    ((label_pt / per_label.max(1.0)).ceil() as usize).max(1)
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

/// A horizontal axis titled `title` that shows every tick the core chose (egui_plot hides x
/// labels closer than 60 pt by default, which dropped every year of a line chart and the
/// ticks of a narrow ranking): labels are left out only where they would touch, measured on
/// the widest of `labels`.
pub fn x_axis<'a>(
    ui: &egui::Ui,
    title: String,
    formatter: impl Fn(GridMark, &RangeInclusive<f64>) -> String + 'a,
    labels: impl Iterator<Item = String>,
) -> AxisHints<'a> {
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    let widest = labels
        .map(|t| super::placed::text_w(ui.painter(), &t, size))
        .fold(0.0f32, f32::max)
        + 8.0;
    AxisHints::new_x()
        .label(title)
        .formatter(formatter)
        .label_spacing(egui::Rangef::new(widest, widest + 1.0))
}

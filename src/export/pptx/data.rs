//! The numbers of a native chart, taken from a [`Figure`]: categories, series and their
//! values in the unit the axis shows (durations in the axis's own unit, as on the image), the
//! number format in the chart's locale, the axis titles with units and the axis bounds of
//! the shared layout. The chart XML, the embedded workbook and the tests all read this one
//! table, so the chart's cache and the workbook cannot disagree.

use crate::chart::figure::{Figure, Point};
use crate::chart::layout;
use crate::chart::palette::Rgb;
use crate::chart::scale::ValueScale;
use crate::chart::{ChartKind, Locale, format};
use crate::model::{Grade, Period, PeriodPart, Unit};

/// The chart type a figure becomes in PowerPoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NativeKind {
    /// Clustered columns (bars by channel, bars by indicator).
    Column,
    /// Horizontal bars, best at the top (ranking).
    Bar,
    /// Lines over categories (years).
    Line,
    /// XY scatter.
    Scatter,
    /// XY chart with lines: a line chart whose periods mix years, halves, quarters or months,
    /// placed at their mid-period date (breaks where periods are missing stay gaps).
    DatedLines,
    /// Radar with markers.
    Radar,
}

impl NativeKind {
    /// The native chart for a figure kind; `None` for kinds drawn otherwise (heat tables
    /// become tables, coverage a picture).
    pub fn of(kind: ChartKind) -> Option<NativeKind> {
        match kind {
            ChartKind::BarsByChannel | ChartKind::BarsByIndicator => Some(NativeKind::Column),
            ChartKind::Ranking => Some(NativeKind::Bar),
            ChartKind::Lines | ChartKind::Slope => Some(NativeKind::Line),
            ChartKind::Scatter => Some(NativeKind::Scatter),
            ChartKind::Radar => Some(NativeKind::Radar),
            ChartKind::HeatTable | ChartKind::Coverage => None,
        }
    }
}

/// One value of a series: the number shown, and the figure point it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Value<'a> {
    /// Horizontal value (read for scatters, in the x axis's unit, and dated lines, as a
    /// fractional year; elsewhere the point's horizontal plot coordinate).
    pub x: f64,
    /// The value drawn (in the value axis's unit; a radar's normalised score).
    pub y: f64,
    /// The grade, styled per data point.
    pub grade: Grade,
    /// Colour of this point (the series colour; a ranking colours each bar by its region).
    pub colour: Rgb,
    /// The figure's point.
    pub point: &'a Point,
}

/// One series: its name, colour and one slot per category (`None`: a gap, never 0).
#[derive(Clone, Debug, PartialEq)]
pub struct DataSeries<'a> {
    /// Legend name.
    pub name: String,
    /// Series colour.
    pub colour: Rgb,
    /// Values by category (scatter: one slot per point).
    pub values: Vec<Option<Value<'a>>>,
}

/// Everything a native chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData<'a> {
    /// PowerPoint chart type.
    pub kind: NativeKind,
    /// Category labels (empty for a scatter).
    pub categories: Vec<String>,
    /// Series in legend order.
    pub series: Vec<DataSeries<'a>>,
    /// Excel number format of the values (y), e.g. `0.0"%"`.
    pub format_code: String,
    /// Number format of a scatter's x values.
    pub x_format_code: String,
    /// Title of the category (or x) axis.
    pub x_title: String,
    /// Title of the value axis, with its unit.
    pub y_title: String,
    /// Bounds and step of the value axis, from the shared layout.
    pub value_axis: Option<Bounds>,
    /// Bounds and step of a scatter's x axis.
    pub x_axis: Option<Bounds>,
    /// Whether values are printed on the marks.
    pub labels: bool,
    /// Header of the category column in the workbook.
    pub category_header: String,
}

/// An axis range and step in the unit shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Lowest value.
    pub min: f64,
    /// Highest value.
    pub max: f64,
    /// Distance between gridlines.
    pub step: f64,
}

/// Divisor from the data unit to the shown unit (durations: seconds per minute or hour).
fn divisor(scale: Option<&ValueScale>) -> f64 {
    scale.and_then(|s| s.duration).map_or(1.0, |d| d.seconds())
}

fn bounds(scale: Option<&ValueScale>) -> Option<Bounds> {
    let s = scale?;
    let d = divisor(Some(s));
    (s.lo.is_finite() && s.hi.is_finite() && s.hi > s.lo && s.step > 0.0).then(|| Bounds {
        min: s.lo / d,
        max: s.hi / d,
        step: s.step / d,
    })
}

/// An Excel number format for values of `unit` with `decimals` decimals in `locale`'s style
/// (`0.0"%"`, `0.0" %"` with a narrow no-break space in French, `#,##0` for counts). The
/// decimal and grouping separators themselves are the viewer's: Office number formats name
/// them abstractly.
pub fn format_code(unit: Option<&Unit>, decimals: usize, locale: Locale, duration: bool) -> String {
    let base = if decimals == 0 {
        "0".to_owned()
    } else {
        format!("0.{}", "0".repeat(decimals.min(6)))
    };
    let sp = locale.unit_space();
    match unit {
        Some(Unit::Percent) => format!("{base}\"{sp}%\""),
        Some(Unit::Count) => format!("#,##{base}"),
        Some(Unit::Currency { code }) => format!("{base}\"\u{a0}{code}\""),
        Some(Unit::Seconds) if duration => base,
        _ => base,
    }
}

fn decimals_of(fig: &Figure, div: f64) -> usize {
    let unit = fig.y.unit.clone().unwrap_or(Unit::Count);
    let shown: Vec<f64> = points(fig)
        .filter_map(|p| p.value)
        .map(|v| v / div)
        .collect();
    let unit = if matches!(unit, Unit::Seconds) {
        Unit::Count
    } else {
        unit
    };
    format::shared_decimals(&shown, &unit)
}

fn points(fig: &Figure) -> impl Iterator<Item = &Point> {
    fig.series.iter().flat_map(|s| s.points.iter())
}

/// The numbers of `fig` as a native chart, or `None` when its kind is not drawn natively.
pub fn chart_data(fig: &Figure, value_labels: bool) -> Option<ChartData<'_>> {
    let kind = NativeKind::of(fig.kind)?;
    let labels = fig.shows_values(value_labels);
    let axes = layout::axes(fig, labels);
    let div = divisor(axes.value.as_ref());
    let y_title = axes
        .value
        .as_ref()
        .map_or_else(|| fig.y.label.clone(), |s| s.title(&fig.y.label));
    let decimals = decimals_of(fig, div);
    let duration = axes.value.as_ref().is_some_and(|s| s.duration.is_some());
    let mut data = ChartData {
        kind,
        categories: fig.x.categories.clone(),
        series: Vec::new(),
        format_code: format_code(fig.y.unit.as_ref(), decimals, fig.locale, duration),
        x_format_code: "General".into(),
        x_title: fig.x.label.clone(),
        y_title,
        value_axis: bounds(axes.value.as_ref()),
        x_axis: None,
        labels,
        category_header: fig.x.label.clone(),
    };
    match kind {
        NativeKind::Column => {
            let rows = data.categories.len();
            for s in &fig.series {
                data.series
                    .push(by_row(s, rows, |p| Some((p.category()?, p.value? / div))));
            }
        }
        NativeKind::Bar => {
            // one series in rank order, each bar in its region's colour
            let mut values = vec![None; data.categories.len()];
            for s in &fig.series {
                for p in &s.points {
                    if let (Some(i), Some(v)) = (p.rank(), p.value)
                        && i < values.len()
                    {
                        values[i] = Some(slot(p, v / div, s.colour));
                    }
                }
            }
            let name = points(fig)
                .next()
                .map_or_else(|| fig.title.clone(), |p| p.indicator.clone());
            let colour = fig.series.first().map_or([0x55; 3], |s| s.colour);
            data.series.push(DataSeries {
                name,
                colour,
                values,
            });
        }
        NativeKind::Radar => {
            data.format_code = "0.00".into();
            data.value_axis = Some(Bounds {
                min: 0.0,
                max: 1.0,
                step: 0.25,
            });
            let rows = data.categories.len();
            for s in &fig.series {
                // the score itself (0 at the centre, as the native axis says), not the
                // painters' radius, which keeps the worst value off the centre
                data.series
                    .push(by_row(s, rows, |p| Some((p.spoke()?.0, p.score()?))));
            }
        }
        NativeKind::Line if fig.kind == ChartKind::Slope => {
            // two categories, the first and the last year; a region missing one end keeps
            // its other point (an empty cell, never 0)
            let year_of = |p: &Point| p.year().map(|y| y.floor() as i64);
            let mut years: Vec<i64> = points(fig).filter_map(year_of).collect();
            years.sort_unstable();
            years.dedup();
            data.categories = years.iter().map(|y| y.to_string()).collect();
            for s in &fig.series {
                data.series.push(by_row(s, years.len(), |p| {
                    let row = years.iter().position(|&y| Some(y) == year_of(p))?;
                    Some((row, p.value? / div))
                }));
            }
        }
        NativeKind::Line => match line_categories(fig) {
            Some(periods) => {
                data.categories = periods.iter().map(|p| p.to_string()).collect();
                for s in &fig.series {
                    data.series.push(by_row(s, periods.len(), |p| {
                        let row = periods.iter().position(|q| *q == p.period)?;
                        Some((row, p.value? / div))
                    }));
                }
            }
            None => {
                // periods of mixed length: dated points on an XY chart, an empty row where
                // the line breaks
                data.kind = NativeKind::DatedLines;
                data.categories.clear();
                data.x_format_code = "0".into();
                data.x_axis = axes.year_span.map(|(a, b)| Bounds {
                    min: a as f64,
                    max: (b + 1) as f64,
                    step: axes
                        .years
                        .windows(2)
                        .map(|w| (w[1] - w[0]) as f64)
                        .next()
                        .unwrap_or(1.0),
                });
                for s in fig.series.iter().filter(|s| !s.points.is_empty()) {
                    let mut values = Vec::new();
                    let pts: Vec<(&Point, f64)> = s
                        .points
                        .iter()
                        .filter_map(|p| Some((p, p.value?)))
                        .collect();
                    for (k, &(p, value)) in pts.iter().enumerate() {
                        if k > 0 && crate::chart::figure::is_gap(pts[k - 1].0, p) {
                            values.push(None);
                        }
                        let mut v = slot(p, value / div, s.colour);
                        v.x = p.period.mid_year();
                        values.push(Some(v));
                    }
                    data.series.push(DataSeries {
                        name: s.label.clone(),
                        colour: s.colour,
                        values,
                    });
                }
            }
        },
        NativeKind::DatedLines => {}
        NativeKind::Scatter => {
            data.categories.clear();
            data.x_axis = bounds(axes.x_value.as_ref());
            let xdiv = divisor(axes.x_value.as_ref());
            if let Some(s) = &axes.x_value {
                data.x_title = s.title(&fig.x.label);
            }
            let xs: Vec<f64> = points(fig)
                .filter_map(|p| p.x_value())
                .map(|x| x / xdiv)
                .collect();
            let xunit = match fig.x.unit.clone() {
                Some(Unit::Seconds) | None => Unit::Count,
                Some(u) => u,
            };
            data.x_format_code = format_code(
                fig.x.unit.as_ref(),
                format::shared_decimals(&xs, &xunit),
                fig.locale,
                xdiv != 1.0,
            );
            for s in fig.series.iter().filter(|s| !s.points.is_empty()) {
                let values = s
                    .points
                    .iter()
                    .filter_map(|p| {
                        let mut v = slot(p, p.value? / div, s.colour);
                        v.x = p.x_value()? / xdiv;
                        Some(Some(v))
                    })
                    .collect();
                data.series.push(DataSeries {
                    name: s.label.clone(),
                    colour: s.colour,
                    values,
                });
            }
        }
    }
    Some(data)
}

/// Series `s` on `rows` category rows: each point in the row and with the value `at` gives
/// it (none: left out); a row without a point stays empty, never 0.
fn by_row<'f>(
    s: &'f crate::chart::Series,
    rows: usize,
    at: impl Fn(&Point) -> Option<(usize, f64)>,
) -> DataSeries<'f> {
    let mut values = vec![None; rows];
    for p in &s.points {
        if let Some((row, y)) = at(p)
            && let Some(v) = values.get_mut(row)
        {
            *v = Some(slot(p, y, s.colour));
        }
    }
    DataSeries {
        name: s.label.clone(),
        colour: s.colour,
        values,
    }
}

fn slot(p: &Point, y: f64, colour: Rgb) -> Value<'_> {
    Value {
        x: p.plot_xy().map_or(0.0, |[x, _]| x),
        y,
        grade: p.grade,
        colour,
        point: p,
    }
}

/// The period after `p` of the same length (2016 → 2017, 2016-H2 → 2017-H1).
fn next_period(p: Period) -> Period {
    let (year, part) = match p.part {
        PeriodPart::Year => (p.year + 1, PeriodPart::Year),
        PeriodPart::Half(2) => (p.year + 1, PeriodPart::Half(1)),
        PeriodPart::Half(h) => (p.year, PeriodPart::Half(h + 1)),
        PeriodPart::Quarter(4) => (p.year + 1, PeriodPart::Quarter(1)),
        PeriodPart::Quarter(q) => (p.year, PeriodPart::Quarter(q + 1)),
        PeriodPart::Month(12) => (p.year + 1, PeriodPart::Month(1)),
        PeriodPart::Month(m) => (p.year, PeriodPart::Month(m + 1)),
    };
    Period { year, part }
}

/// Most categories a line chart gets (a month series over 40 years is 480).
const MAX_LINE_CATEGORIES: usize = 600;

/// The categories of a line chart whose periods all have the same length: every period from
/// the first to the last (a missing one is an empty category, so the line breaks there).
/// `None` when lengths are mixed (years beside months): those are drawn on a date axis.
fn line_categories(fig: &Figure) -> Option<Vec<Period>> {
    let pts: Vec<&Point> = points(fig).collect();
    let first = pts.iter().map(|p| p.period).min()?;
    let last = pts.iter().map(|p| p.period).max()?;
    if pts.iter().any(|p| p.period.months() != first.months()) {
        return None;
    }
    let mut out = vec![first];
    while let Some(&p) = out.last()
        && p < last
    {
        if out.len() >= MAX_LINE_CATEGORIES {
            return None;
        }
        out.push(next_period(p));
    }
    Some(out)
}

/*!
The coverage chart ([`ChartKind::Coverage`](super::ChartKind::Coverage)): the evidence base as
a grid, one row per indicator (or indicator × channel when the spec names channels), one
column per region. Each cell says how many values are measured (M), estimated (E) and
illustrative (I), and the years; its colour runs from all-illustrative (worse) to all-cited
(better), and a cell with illustrative values only is hatched like any illustrative value.
Counting is done by [`crate::analysis::coverage`]; renderers draw it as a heat table.
*/

use super::figure::{Axis, Place, Point, Series};
use super::spec::ChartSpec;
use crate::analysis::coverage::{Coverage, CoverageCell};
use crate::i18n::Msg;
use crate::model::{Dataset, Grade, Lang, Period};

/// Grey of the coverage rows (rows are indicators, not regions).
const ROW_COLOUR: [u8; 3] = [0x6b, 0x6b, 0x6b];

/// The short text of a cell: "3 M · 1 E · 6 I (2011–16)"; missing records as "2 –".
pub fn cell_label(c: &CoverageCell) -> String {
    let mut parts = Vec::new();
    for (n, tag) in [
        (c.measured, "M"),
        (c.estimated, "E"),
        (c.illustrative, "I"),
        (c.missing, "–"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {tag}"));
        }
    }
    let years = match (c.first_year, c.last_year) {
        (Some(a), Some(b)) if a == b => format!(" ({a})"),
        (Some(a), Some(b)) if a / 100 == b / 100 => format!(" ({a}–{:02})", b % 100),
        (Some(a), Some(b)) => format!(" ({a}–{b})"),
        _ => String::new(),
    };
    parts.join(" · ") + &years
}

fn tooltip(c: &CoverageCell, region: &str, row: &str, lang: Lang) -> String {
    let mut t = format!("{region} · {row}\n");
    for (n, g) in [
        (c.measured, Grade::Measured),
        (c.estimated, Grade::Estimated),
        (c.illustrative, Grade::Illustrative),
    ] {
        t.push_str(&format!("{}: {n}\n", g.label(lang)));
    }
    t.push_str(&format!(
        "{}: {}\n{}: {}",
        Msg::Missing.get(lang),
        c.missing,
        Msg::Years.get(lang),
        c.years_text()
    ));
    t
}

/// Axes and series of a coverage chart for `regions` and `indicators` (catalogue indices;
/// empty = every one with records). Rows are indicators, or indicator × channel for the
/// channels the spec names.
pub(crate) fn parts(
    ds: &Dataset,
    spec: &ChartSpec,
    regions: &[u32],
    indicators: &[u32],
    lang: Lang,
) -> (Axis, Axis, Vec<Series>) {
    let cov = Coverage::of(ds, spec.years);
    let regions: Vec<u32> = if regions.is_empty() {
        cov.totals_per_region()
            .into_iter()
            .map(|(r, _)| r)
            .collect()
    } else {
        regions.to_vec()
    };
    let channels: Vec<u32> = spec
        .channels
        .iter()
        .filter_map(|c| ds.channels().ix(c.as_str()))
        .collect();
    let mut rows: Vec<(u32, Option<u32>)> = Vec::new();
    for (ind, ch) in cov.rows(&regions) {
        if !indicators.is_empty() && !indicators.contains(&ind) {
            continue;
        }
        let row = if channels.is_empty() {
            (ind, None)
        } else if ch.is_some_and(|c| channels.contains(&c)) {
            (ind, ch)
        } else {
            continue;
        };
        if !rows.contains(&row) {
            rows.push(row);
        }
    }
    let row_label = |(ind, ch): (u32, Option<u32>)| {
        let name = ds.indicators().at(ind).name.get(lang).to_owned();
        match ch {
            Some(c) => format!("{name} · {}", ds.channels().at(c).name.get(lang)),
            None => name,
        }
    };
    let mut series = Vec::new();
    for (ri, &row) in rows.iter().enumerate() {
        let label = row_label(row);
        let mut points = Vec::new();
        for (ci, &r) in regions.iter().enumerate() {
            let cell = match row.1 {
                Some(ch) => cov.cell(r, row.0, Some(ch)).cloned(),
                None => cov.indicator_cell(r, row.0),
            };
            let Some(cell) = cell else { continue };
            let with_value = cell.cited() + cell.illustrative;
            let region = ds.regions().at(r).name.get(lang).to_owned();
            points.push(Point {
                place: Place::Cell {
                    row: ri,
                    column: ci,
                    score: (with_value > 0).then(|| cell.cited() as f64 / with_value as f64),
                },
                value: Some(with_value as f64),
                label: cell_label(&cell),
                grade: cell.best_grade().unwrap_or(Grade::Illustrative),
                period: Period::year(cell.last_year.unwrap_or(0) as i16),
                tooltip: tooltip(&cell, &region, &label, lang),
                region,
                channel: row.1.map(|c| ds.channels().at(c).name.get(lang).to_owned()),
                indicator: ds.indicators().at(row.0).name.get(lang).to_owned(),
                source: String::new(),
                sample_size: None,
                margin: None,
                small_sample: false,
            });
        }
        let id = match row.1 {
            Some(c) => format!(
                "{}:{}",
                ds.indicators().at(row.0).id,
                ds.channels().at(c).id
            ),
            None => ds.indicators().at(row.0).id.to_string(),
        };
        series.push(Series {
            id,
            label,
            colour: ROW_COLOUR,
            points,
        });
    }
    let x = Axis {
        label: Msg::ColRegion.get(lang).to_owned(),
        categories: regions
            .iter()
            .map(|&r| ds.regions().at(r).name.get(lang).to_owned())
            .collect(),
        unit: None,
    };
    let y = Axis {
        label: Msg::CoverageLegend.get(lang).to_owned(),
        categories: rows.iter().map(|&r| row_label(r)).collect(),
        unit: None,
    };
    (x, y, series)
}

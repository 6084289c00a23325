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
use crate::model::{ChannelIx, Dataset, Grade, IndicatorIx, Lang, Period, RegionIx};

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
    regions: &[RegionIx],
    indicators: &[IndicatorIx],
    lang: Lang,
) -> (Axis, Axis, Vec<Series>) {
    let cov = Coverage::of(ds, spec.years);
    let regions: Vec<RegionIx> = if regions.is_empty() {
        cov.totals_per_region()
            .into_iter()
            .map(|(r, _)| r)
            .collect()
    } else {
        regions.to_vec()
    };
    let channels: Vec<ChannelIx> = spec
        .channels
        .iter()
        .filter_map(|c| ds.channels().ix(c.as_str()))
        .collect();
    let mut rows: Vec<(IndicatorIx, Option<ChannelIx>)> = Vec::new();
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
    // names and ids of catalogue records; the indices come from `ds`, an unknown one
    // (none expected) reads as an empty name
    let region_name = |r: RegionIx| ds.regions().at(r).map_or("", |r| r.name.get(lang));
    let channel_name = |c: ChannelIx| ds.channels().at(c).map_or("", |c| c.name.get(lang));
    let indicator_name = |i: IndicatorIx| ds.indicators().at(i).map_or("", |i| i.name.get(lang));
    let row_label = |(ind, ch): (IndicatorIx, Option<ChannelIx>)| {
        let name = indicator_name(ind).to_owned();
        match ch {
            Some(c) => format!("{name} · {}", channel_name(c)),
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
            let region = region_name(r).to_owned();
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
                channel: row.1.map(|c| channel_name(c).to_owned()),
                indicator: indicator_name(row.0).to_owned(),
                source: String::new(),
                sample_size: None,
                margin: None,
                small_sample: false,
            });
        }
        let id = match row.1 {
            Some(c) => format!(
                "{}:{}",
                ds.indicators().id_at(row.0).unwrap_or(""),
                ds.channels().id_at(c).unwrap_or("")
            ),
            None => ds.indicators().id_at(row.0).unwrap_or("").to_owned(),
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
        categories: regions.iter().map(|&r| region_name(r).to_owned()).collect(),
        unit: None,
    };
    let y = Axis {
        label: Msg::CoverageLegend.get(lang).to_owned(),
        categories: rows.iter().map(|&r| row_label(r)).collect(),
        unit: None,
    };
    (x, y, series)
}

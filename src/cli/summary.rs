/*!
`servicescope summary`: the latest value per region (and segment) × indicator, with channel,
period, sample size `n`, margin of error, unit, grade and source id, as a table, CSV or JSON. Channel-specific indicators are shown on
their headline channel (the one with most observations).

`servicescope summary --grades`: one line per region counting its values by grade (measured,
estimated, illustrative, missing) and the indicators with a cited value, on the region alone
and through its stand-ins (a group's members, a province's country).
*/

use super::{CliError, Exit};
use crate::analysis;
use crate::analysis::coverage::{Coverage, measured_indicators_through};
use crate::chart::format::{self, Locale};
use crate::model::{Dataset, Grade, Unit};
use serde::Serialize;
use std::path::PathBuf;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned text columns.
    Table,
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
}

/// Arguments of `summary`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset files (default: the bundled benchmark).
    #[arg(long = "data", value_name = "FILE")]
    pub data: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Mapping file for CSV/XLSX data (default: FILE.mapping.ron when present, else a guess).
    #[arg(long, value_name = "MAP.ron")]
    pub mapping: Option<PathBuf>,
    /// Sheet of XLSX/ODS data.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Count values per region and grade instead of listing latest values.
    #[arg(long)]
    pub grades: bool,
}

/// One line of `summary --grades`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GradeRow {
    /// Region id.
    pub region: String,
    /// Values graded measured.
    pub measured: usize,
    /// Values graded estimated.
    pub estimated: usize,
    /// Values graded illustrative.
    pub illustrative: usize,
    /// Records without a value.
    pub missing: usize,
    /// Indicators with a measured or estimated value on the region itself.
    pub cited_indicators: usize,
    /// The same, counting the region's stand-ins too (a group's members, a province's
    /// country); equal to `cited_indicators` for a country.
    pub cited_indicators_with_stand_ins: usize,
}

/// Values per region and grade, regions in catalogue order (only regions with records).
pub fn grade_rows(ds: &Dataset) -> Vec<GradeRow> {
    let cov = Coverage::of(ds, None);
    cov.totals_per_region()
        .into_iter()
        .map(|(r, c)| {
            let own = cov
                .cells()
                .filter(|((reg, _, _), cell)| *reg == r && cell.cited() > 0)
                .map(|((_, ind, _), _)| *ind)
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            GradeRow {
                region: ds.regions().id_at(r).unwrap_or("").to_owned(),
                measured: c.measured,
                estimated: c.estimated,
                illustrative: c.illustrative,
                missing: c.missing,
                cited_indicators: own,
                cited_indicators_with_stand_ins: measured_indicators_through(ds, &cov, r).len(),
            }
        })
        .collect()
}

/// Writes `rows` as JSON or CSV (the machine formats: raw values, no terminal escaping).
fn write_records<T: Serialize>(
    rows: &[T],
    format: Format,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, rows)?;
        writeln!(out)?;
    } else {
        let mut w = csv::Writer::from_writer(&mut *out);
        for r in rows {
            w.serialize(r)?;
        }
        w.flush()?;
    }
    Ok(())
}

fn run_grades(
    ds: &Dataset,
    format: Format,
    out: &mut dyn std::io::Write,
) -> Result<Exit, CliError> {
    let rows = grade_rows(ds);
    match format {
        Format::Json | Format::Csv => write_records(&rows, format, out)?,
        Format::Table => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.region.clone(),
                        r.measured.to_string(),
                        r.estimated.to_string(),
                        r.illustrative.to_string(),
                        r.missing.to_string(),
                        r.cited_indicators.to_string(),
                        r.cited_indicators_with_stand_ins.to_string(),
                    ]
                })
                .collect();
            super::write_table(
                out,
                &[
                    "region",
                    "measured",
                    "estimated",
                    "illustrative",
                    "missing",
                    "cited indicators",
                    "with stand-ins",
                ],
                &cells,
            )?;
            let total = |f: fn(&GradeRow) -> usize| rows.iter().map(f).sum::<usize>();
            writeln!(
                out,
                "\nAll regions: {} measured, {} estimated, {} illustrative, {} missing. \"with stand-ins\" also counts a group's members (Maghreb: Morocco, Algeria, Tunisia) and a province's country (Québec: Canada).",
                total(|r| r.measured),
                total(|r| r.estimated),
                total(|r| r.illustrative),
                total(|r| r.missing)
            )?;
        }
    }
    Ok(Exit::Success)
}

/// One line of the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Region id.
    pub region: String,
    /// Segment id (company, brand or sector), empty for the whole region.
    pub segment: String,
    /// Indicator id.
    pub indicator: String,
    /// Channel id, empty for all channels.
    pub channel: String,
    /// Period.
    pub period: String,
    /// Value.
    pub value: f64,
    /// Sample size behind the value (respondents, contacts), when known.
    pub n: Option<u32>,
    /// Margin of error (±, 95 %) in the indicator's unit, when known.
    pub margin: Option<f64>,
    /// Unit code (`percent`, `seconds`, `score`, `index`, `count`, or a currency code).
    pub unit: String,
    /// Grade.
    pub grade: Grade,
    /// Source id.
    pub source: String,
}

/// Machine-readable unit code.
pub fn unit_code(unit: &Unit) -> String {
    match unit {
        Unit::Percent => "percent".into(),
        Unit::Score { .. } => "score".into(),
        Unit::Seconds => "seconds".into(),
        Unit::Currency { code } => code.clone(),
        Unit::Count => "count".into(),
        Unit::Index { .. } => "index".into(),
    }
}

/// Latest value per region (and segment) × indicator (regions in dataset order within each indicator).
pub fn rows(ds: &Dataset) -> Vec<Row> {
    let mut out = Vec::new();
    for (ii, ind) in ds.indicators().iter_ix() {
        let ch = analysis::headline_channel(ds, ii);
        for ((region, segment), row) in analysis::latest_per_region(ds, ii, ch, None) {
            let o = ds.observations().row(row);
            let Some(value) = o.value else { continue };
            out.push(Row {
                region: ds.regions().id_at(region).unwrap_or("").to_owned(),
                segment: segment
                    .and_then(|s| ds.segments().id_at(s))
                    .unwrap_or("")
                    .to_owned(),
                indicator: ind.id.to_string(),
                channel: o
                    .channel
                    .and_then(|c| ds.channels().id_at(c))
                    .unwrap_or("")
                    .to_owned(),
                period: o.period.to_string(),
                value,
                n: o.sample_size,
                margin: o.margin,
                unit: unit_code(&ind.unit),
                grade: o.grade,
                source: ds.sources().id_at(o.source).unwrap_or("").to_owned(),
            });
        }
    }
    out
}

/// Runs `summary`.
pub fn run(args: &Args, out: &mut dyn std::io::Write) -> Result<Exit, CliError> {
    let ds = super::dataset_with(&args.data, args.mapping.as_deref(), args.sheet.as_deref())?;
    if args.grades {
        return run_grades(&ds, args.format, out);
    }
    let rows = rows(&ds);
    match args.format {
        Format::Json | Format::Csv => write_records(&rows, args.format, out)?,
        Format::Table => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let unit = ds
                        .indicators()
                        .get(&r.indicator)
                        .map(|i| i.unit.clone())
                        .unwrap_or(Unit::Count);
                    vec![
                        r.region.clone(),
                        r.segment.clone(),
                        r.indicator.clone(),
                        if r.channel.is_empty() {
                            "all".into()
                        } else {
                            r.channel.clone()
                        },
                        r.period.clone(),
                        format::value(r.value, &unit, Locale::EnGb),
                        r.n.map(|n| n.to_string()).unwrap_or_default(),
                        r.margin
                            .map(|m| format!("±{}", format::value(m, &unit, Locale::EnGb)))
                            .unwrap_or_default(),
                        r.unit.clone(),
                        format!("{:?}", r.grade).to_lowercase(),
                        r.source.clone(),
                    ]
                })
                .collect();
            super::write_table(
                out,
                &[
                    "region",
                    "segment",
                    "indicator",
                    "channel",
                    "period",
                    "value",
                    "n",
                    "margin",
                    "unit",
                    "grade",
                    "source",
                ],
                &cells,
            )?;
            let regions: std::collections::BTreeSet<&str> =
                rows.iter().map(|r| r.region.as_str()).collect();
            let indicators: std::collections::BTreeSet<&str> =
                rows.iter().map(|r| r.indicator.as_str()).collect();
            writeln!(
                out,
                "\n{} values: {} regions × {} indicators. Grades: measured = published and cited; estimated = derived from published figures; illustrative = invented for demonstration, not for citation.",
                rows.len(),
                regions.len(),
                indicators.len()
            )?;
        }
    }
    Ok(Exit::Success)
}

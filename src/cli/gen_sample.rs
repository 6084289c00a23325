/*!
`servicescope gen-sample --rows N --out FILE.csv|FILE.ron [--layout …]`: writes a large
synthetic dataset for benchmarks. With `--layout contact-log|survey|threads` it writes a raw
export instead (one row per contact, answer or message, CSV; see [`raw`]) to benchmark
imports of raw records. Rows use the bundled catalogue's region, channel and indicator ids, values
inside each indicator's range, monthly periods, and are graded Illustrative with the source
`servicescope-illustrative`: never real data, never bundled.
*/

pub mod raw;

use super::{CliError, Exit};
use crate::io::{self, atomic};
use crate::model::{Dataset, Unit};
use std::fmt::Write as _;
use std::path::PathBuf;

/// Most rows `gen-sample` writes (the text is built in memory: about 0.8 GB of CSV).
pub const MAX_ROWS: usize = 10_000_000;
/// Most regions `gen-sample` defines (bundled plus synthetic).
pub const MAX_REGIONS: usize = 100_000;

/// Parses a whole number from `min` to `max`, with a message naming the range.
fn bounded(text: &str, min: usize, max: usize) -> Result<usize, String> {
    let t = text.trim().replace('_', "");
    match t.parse::<u64>() {
        Ok(v) if (min as u64..=max as u64).contains(&v) => Ok(v as usize),
        Ok(_) => Err(format!("must be from {min} to {max}")),
        Err(_) => Err(format!("expected a whole number from {min} to {max}")),
    }
}

fn parse_rows(text: &str) -> Result<usize, String> {
    bounded(text, 1, MAX_ROWS)
}

fn parse_regions(text: &str) -> Result<usize, String> {
    bounded(text, 1, MAX_REGIONS)
}

fn parse_indicators(text: &str) -> Result<usize, String> {
    // the upper bound is checked against the catalogue in `run`
    bounded(text, 1, 10_000)
}

/// Arguments of `gen-sample`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of observation rows, 1 to 10,000,000.
    #[arg(long, default_value_t = 1_000_000, value_parser = parse_rows)]
    pub rows: usize,
    /// Output file; `.csv` (long format, UTF-8) or `.ron`.
    #[arg(long)]
    pub out: PathBuf,
    /// Number of regions: the bundled ones first, then synthetic `r011`, `r012`, … (RON only,
    /// as the synthetic regions are defined in the file); 1 to 100,000. Default: the
    /// bundled ones, plus (RON) as many synthetic ones as the rows need to stay distinct.
    #[arg(long, value_parser = parse_regions)]
    pub regions: Option<usize>,
    /// Number of indicators used (bundled ones, channel-specific first), from 1 to the
    /// number the catalogue can sample; default all.
    #[arg(long, value_parser = parse_indicators)]
    pub indicators: Option<usize>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
    /// What to write: observations (default) or a raw export (CSV).
    #[arg(long, value_enum, default_value_t = SampleLayout::Observations)]
    pub layout: SampleLayout,
}

/// Kind of synthetic file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SampleLayout {
    /// Observations (CSV long format or RON).
    Observations,
    /// A telephony contact log: one row per call.
    ContactLog,
    /// Survey answers: one row per answer (0–10 recommend, 1–5 satisfaction).
    Survey,
    /// Support threads: one row per message.
    Threads,
}

/// Shape of the generated data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Observation rows.
    pub rows: usize,
    /// Regions (bundled first, then synthetic).
    pub regions: usize,
    /// Indicators (bundled, first ones).
    pub indicators: usize,
}

/// Source id every generated row cites.
pub const SOURCE: &str = "servicescope-illustrative";

/// Deterministic xorshift generator (no dependency, same file every run).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A value inside the unit's range.
fn sample_value(unit: &Unit, r: f64) -> f64 {
    let v = match unit {
        Unit::Percent => r * 100.0,
        Unit::Score { min, max } => min + r * (max - min),
        Unit::Seconds => 5.0 + r * 900.0,
        Unit::Currency { .. } => 1.0 + r * 20.0,
        Unit::Count => (r * 10_000.0).floor(),
        Unit::Index { min, max } => {
            min.unwrap_or(0.0) + r * (max.unwrap_or(100.0) - min.unwrap_or(0.0))
        }
    };
    (v * 10.0).round() / 10.0
}

/// Id of region number `k` (0-based): a bundled id, or `r011`, `r012`, … beyond them.
fn region_id(cat: &Dataset, k: usize) -> String {
    match cat.regions().as_slice().get(k) {
        Some(r) => r.id.to_string(),
        None => format!("r{:03}", k + 1),
    }
}

/// Months the rows span by default (1990–2025).
const DEFAULT_MONTHS: usize = 432;
/// Most months a sample spans (1900–2100, the periods the format accepts).
const MAX_MONTHS: usize = 2412;

/// Months needed so that `rows` rows over `series` region × channel × indicator series
/// never repeat a key: [`DEFAULT_MONTHS`] or more, at most [`MAX_MONTHS`].
fn months_for(rows: usize, series: usize) -> usize {
    rows.div_ceil(series.max(1))
        .clamp(DEFAULT_MONTHS, MAX_MONTHS)
}

/// The shape `gen-sample` writes: the regions asked for, else the bundled ones plus as
/// many synthetic regions (RON) or months back to 1900 (CSV) as `rows` need so that no
/// region / channel / indicator / period key repeats (a repeat is a duplicate
/// observation). Errors when a CSV cannot hold that many distinct keys.
pub fn shape_for(
    cat: &Dataset,
    rows: usize,
    regions: Option<usize>,
    indicators: usize,
    ron: bool,
) -> Result<Shape, String> {
    let per_region = cat.channels().len().max(1) * indicators.max(1);
    let regions = match regions {
        Some(n) => n,
        None if ron => cat
            .regions()
            .len()
            .max(rows.div_ceil(per_region * DEFAULT_MONTHS))
            .min(MAX_REGIONS),
        None => cat.regions().len(),
    };
    let room = regions.max(1) * per_region * MAX_MONTHS;
    if !ron && rows > room {
        return Err(format!(
            "--rows {rows}: a CSV sample holds at most {room} distinct observations ({regions} bundled regions × {} channels × {} indicators × {MAX_MONTHS} months); write a .ron output, which adds synthetic regions",
            cat.channels().len(),
            indicators.max(1)
        ));
    }
    Ok(Shape {
        rows,
        regions,
        indicators,
    })
}

/// The generated rows as (region number, channel, indicator, period, value-or-missing).
fn rows(
    cat: &Dataset,
    shape: Shape,
) -> impl Iterator<Item = (usize, usize, usize, String, Option<f64>)> + '_ {
    // channel-specific indicators first, so that a one-indicator sample can be charted by
    // channel; channel mixes are left out (random shares would add up to more than 100 %)
    let all = cat.indicators().as_slice();
    let mut inds: Vec<usize> = (0..all.len()).filter(|&i| !all[i].channel_mix).collect();
    inds.sort_by_key(|&i| !all[i].channel_specific);
    inds.truncate(shape.indicators.max(1));
    let (nr, nc) = (shape.regions.max(1), cat.channels().len().max(1));
    // 1990–2025 by default; further back to 1900 when the rows need more distinct keys
    let months = months_for(shape.rows, nr * nc * inds.len().max(1));
    let first_year = if months > DEFAULT_MONTHS { 1900 } else { 1990 };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..shape.rows).map(move |i| {
        let region = i % nr;
        let channel = (i / nr) % nc;
        let ind = inds[(i / (nr * nc)) % inds.len()];
        let month = (i / (nr * nc * inds.len())) % months;
        let period = format!("{}-{:02}", first_year + month / 12, month % 12 + 1);
        let r = rng.unit();
        // about 2 % missing values, as in real exports
        let value = (!rng.next().is_multiple_of(50)).then(|| sample_value(&all[ind].unit, r));
        (region, channel, ind, period, value)
    })
}

/// The synthetic dataset as file text: long CSV (`ron == false`) or RON.
pub fn text(cat: &Dataset, shape: Shape, ron: bool) -> String {
    let mut text = String::with_capacity(shape.rows.min(MAX_ROWS).saturating_mul(110));
    if ron {
        text.push_str("#![enable(implicit_some)]\n// Synthetic benchmark data from `servicescope gen-sample`: not real figures.\nDataset(\n");
        if shape.regions > cat.regions().len() {
            text.push_str("regions: [\n");
            for k in cat.regions().len()..shape.regions {
                let _ = writeln!(
                    text,
                    "Region(id: \"{}\", name: (en: \"Synthetic region {n}\", fr: \"Région synthétique {n}\"), kind: Country),",
                    region_id(cat, k),
                    n = k + 1
                );
            }
            text.push_str("],\n");
        }
        text.push_str("observations: [\n");
    } else {
        text.push_str("region,channel,indicator,period,value,source,grade\n");
    }
    let ids: Vec<String> = (0..shape.regions.max(1))
        .map(|k| region_id(cat, k))
        .collect();
    for (r, c, i, period, value) in rows(cat, shape) {
        let (r, c, i) = (
            ids[r].as_str(),
            cat.channels().as_slice()[c].id.as_str(),
            cat.indicators().as_slice()[i].id.as_str(),
        );
        if ron {
            let v = value.map_or("None".to_owned(), |v| format!("{v:?}"));
            let _ = writeln!(
                text,
                "(region:\"{r}\",channel:\"{c}\",indicator:\"{i}\",period:\"{period}\",value:{v},source:\"{SOURCE}\",grade:Illustrative),"
            );
        } else {
            let v = value.map_or("NA".to_owned(), |v| format!("{v}"));
            let _ = writeln!(text, "{r},{c},{i},{period},{v},{SOURCE},Illustrative");
        }
    }
    if ron {
        text.push_str("])\n");
    }
    text
}

/// Number of indicators `gen-sample` can sample from the catalogue (channel mixes are
/// left out).
pub fn samplable_indicators(cat: &Dataset) -> usize {
    cat.indicators().iter().filter(|i| !i.channel_mix).count()
}

/// Runs `gen-sample`. Arguments out of range are usage errors (clap checks the documented
/// maxima [`MAX_ROWS`] and [`MAX_REGIONS`]; the indicator count is checked here).
pub fn run(args: &Args, out: &mut dyn std::io::Write) -> Result<Exit, CliError> {
    let cat = io::benchmark::catalog()?;
    if args.layout != SampleLayout::Observations {
        let text = raw::text(args.layout, args.rows);
        atomic::write_atomic(&args.out, text.as_bytes(), args.force)?;
        writeln!(
            out,
            "{}: {} rows ({} bytes)",
            args.out.display(),
            args.rows,
            text.len()
        )?;
        return Ok(Exit::Success);
    }
    let ron = args
        .out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    let available = samplable_indicators(&cat);
    if let Some(n) = args.indicators
        && n > available
    {
        return Err(CliError::Usage(format!(
            "--indicators {n}: the catalogue has {available} indicators to sample from (use 1 to {available})"
        )));
    }
    let shape = shape_for(
        &cat,
        args.rows.min(MAX_ROWS),
        args.regions.map(|r| r.min(MAX_REGIONS)),
        args.indicators.unwrap_or(available),
        ron,
    )
    .map_err(CliError::Usage)?;
    if !ron && shape.regions > cat.regions().len() {
        return Err(CliError::Usage(format!(
            "--regions {}: more than {} regions needs a .ron output (synthetic regions are defined in the file)",
            shape.regions,
            cat.regions().len()
        )));
    }
    let text = text(&cat, shape, ron);
    atomic::write_atomic(&args.out, text.as_bytes(), args.force)?;
    writeln!(
        out,
        "{}: {} rows ({} bytes)",
        args.out.display(),
        shape.rows,
        text.len()
    )?;
    Ok(Exit::Success)
}

/*!
`servicescope gen-sample --rows N --out FILE.csv|FILE.ron`: writes a large synthetic dataset
for benchmarks. Rows use the bundled catalogue's region, channel and indicator ids, values
inside each indicator's range, monthly periods, and are graded Illustrative with the source
`servicescope-illustrative`: never real data, never bundled.
*/

use super::CliError;
use crate::io::{self, atomic};
use crate::model::{Dataset, Unit};
use std::fmt::Write as _;
use std::path::PathBuf;

/// Arguments of `gen-sample`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of observation rows.
    #[arg(long, default_value_t = 1_000_000)]
    pub rows: usize,
    /// Output file; `.csv` (long format, UTF-8) or `.ron`.
    #[arg(long)]
    pub out: PathBuf,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
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

/// The generated rows as (region, channel, indicator, period, value-or-missing).
fn rows(
    cat: &Dataset,
    n: usize,
) -> impl Iterator<Item = (usize, usize, usize, String, Option<f64>)> + '_ {
    let inds: Vec<usize> = (0..cat.indicators.len())
        .filter(|&i| !cat.indicators.at(i as u32).channel_mix)
        .collect();
    let (nr, nc) = (cat.regions.len(), cat.channels.len());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n).map(move |i| {
        let region = i % nr;
        let channel = (i / nr) % nc;
        let ind = inds[(i / (nr * nc)) % inds.len()];
        let month = (i / (nr * nc * inds.len())) % 432;
        let period = format!("{}-{:02}", 1990 + month / 12, month % 12 + 1);
        let r = rng.unit();
        // about 2 % missing values, as in real exports
        let value =
            (rng.next() % 50 != 0).then(|| sample_value(&cat.indicators.at(ind as u32).unit, r));
        (region, channel, ind, period, value)
    })
}

/// The synthetic dataset as file text: long CSV (`ron == false`) or RON.
pub fn text(cat: &Dataset, n_rows: usize, ron: bool) -> String {
    let mut text = String::with_capacity(n_rows * 110);
    if ron {
        text.push_str("#![enable(implicit_some)]\n// Synthetic benchmark data from `servicescope gen-sample`: not real figures.\nDataset(observations: [\n");
    } else {
        text.push_str("region,channel,indicator,period,value,source,grade\n");
    }
    for (r, c, i, period, value) in rows(cat, n_rows) {
        let (r, c, i) = (
            cat.regions.at(r as u32).id.as_str(),
            cat.channels.at(c as u32).id.as_str(),
            cat.indicators.at(i as u32).id.as_str(),
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

/// Runs `gen-sample`.
pub fn run(args: &Args, out: &mut dyn std::io::Write) -> Result<u8, CliError> {
    let cat = io::benchmark::catalog()?;
    let ron = args
        .out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    let text = text(&cat, args.rows, ron);
    atomic::write_atomic(&args.out, text.as_bytes(), args.force)?;
    writeln!(
        out,
        "{}: {} rows ({} bytes)",
        args.out.display(),
        args.rows,
        text.len()
    )?;
    Ok(0)
}

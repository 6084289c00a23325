/*!
The command line. `servicescope` alone opens the desktop app on the bundled benchmark;
subcommands work without a display:

- `validate FILE...`: every problem of each file; exit code 1 if any.
- `summary [--data FILE]... [--format table|csv|json]`: latest value per region × indicator.
- `list regions|channels|indicators|practices|sources [--data FILE]...`.
- `import FILE [--sheet NAME] [--mapping MAP.ron] --out OUT.ron`: CSV/XLSX/ODS to RON.
- `export --chart SPEC.ron --out FILE` or `export --deck DECK.ron --out-dir DIR`: images.
- `gen-sample --rows N --out FILE`: synthetic data for benchmarks.

Every command ends with one of the exit codes of [`exit`] ([`Exit`]); text from files is
printed through [`term::shown`], which escapes control characters.

Without `--data`, commands use the bundled benchmark; with it, the files are loaded on top
of the bundled benchmark, as the desktop app loads the files it opens (the user's value wins
where both give one), so they can use its ids and a saved view charts the same either way.

The argument parsers given to clap (`value_parser = parse_format`, …) return
`Result<_, String>`: that is clap's interface for a value parser, whose message clap prints
after the argument; everything else returns typed errors.
*/

pub mod exit;
pub mod export;
pub mod export_pptx;
pub mod gen_sample;
pub mod generate;
pub mod import;
pub mod list;
pub mod summary;
pub mod term;
pub mod validate;

pub use exit::Exit;

use crate::io::{self, LoadError};
use crate::model::Dataset;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "servicescope",
    version,
    about = "Compare customer-service indicators and practices across regions and channels; chart and export them.",
    long_about = None,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Files to open in the desktop app: datasets (RON, CSV/TSV, XLSX/ODS, Our World in Data)
    /// load as with the Open button; a deck's charts become saved views; a chart description
    /// becomes the selection.
    #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
    /// Subcommand; none opens the desktop app.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Check dataset files and print every problem (exit code 1 if any).
    Validate(validate::Args),
    /// Print the latest value per region and indicator, with unit, period, grade and source.
    Summary(summary::Args),
    /// List regions, channels, indicators, practices or sources.
    List(list::Args),
    /// Import a CSV/XLSX/ODS table (own data, OWID file, survey answers, contact log) and
    /// save its records as RON.
    Import(import::Args),
    /// Write a large synthetic dataset (CSV or RON) for benchmarks; never real data.
    GenSample(gen_sample::Args),
    /// Export a chart or a whole deck as PNG, SVG or PDF.
    Export(export::Args),
    /// Write man pages, shell completions or icon PNGs (for packaging).
    #[command(hide = true)]
    Generate(generate::Args),
}

/// Errors of command-line subcommands.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A dataset could not be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Writing to standard output failed.
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
    /// JSON serialisation failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// CSV writing failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// A file could not be written.
    #[error(transparent)]
    Write(#[from] crate::io::atomic::WriteError),
    /// A chart export failed.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// Arguments that do not fit together or are out of range.
    #[error("{0}")]
    Usage(String),
    /// The input is valid but gives nothing to do (a chart that matches no value).
    #[error("{0}")]
    Invalid(String),
}

/// Runs a subcommand, writing to `out`; returns the exit code (an error's is
/// [`CliError::exit`]).
pub fn run(command: CliCommand, out: &mut dyn std::io::Write) -> Result<Exit, CliError> {
    match command {
        CliCommand::Validate(a) => validate::run(&a, out),
        CliCommand::Summary(a) => summary::run(&a, out),
        CliCommand::List(a) => list::run(&a, out),
        CliCommand::Import(a) => import::run(&a, out),
        CliCommand::GenSample(a) => gen_sample::run(&a, out),
        CliCommand::Export(a) => export::run(&a, out),
        CliCommand::Generate(a) => generate::run(&a, out),
    }
}

/// The dataset a command works on: the bundled benchmark, with the `data` files loaded on
/// top (the same rule as the desktop app).
pub fn dataset(data: &[PathBuf]) -> Result<Dataset, LoadError> {
    dataset_with(data, None, None)
}

/// [`dataset`] where CSV/XLSX files are read with a mapping file (default: each file's
/// saved mapping, else a guess) and a workbook sheet.
pub fn dataset_with(
    data: &[PathBuf],
    mapping: Option<&std::path::Path>,
    sheet: Option<&str>,
) -> Result<Dataset, LoadError> {
    if data.is_empty() {
        return io::benchmark::load();
    }
    let mapping = match mapping {
        Some(p) => Some(io::import::Mapping::load(p).map_err(|e| e.into_load_error(p))?),
        None => None,
    };
    // one rule with the app: the user's files load on top of the bundled benchmark, and
    // where both give a value for the same point the user's wins (see `analysis`)
    let mut ds = io::benchmark::load()?;
    for p in data {
        ds = io::load::load_path_with(&ds, p, mapping.as_ref(), sheet, None)?;
    }
    Ok(ds)
}

/// Writes rows as aligned text columns (display width counted in characters); every cell
/// goes through [`term::shown`] (control characters escaped, length capped).
pub fn write_table(
    out: &mut dyn std::io::Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| term::shown(c).into_owned()).collect())
        .collect();
    let rows = &rows;
    let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, c) in width.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&width).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(w - c.chars().count() + 2));
            }
        }
        s.trim_end().to_owned()
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    writeln!(
        out,
        "{}",
        line(
            width
                .iter()
                .map(|w| "-".repeat(*w))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect()
        )
    )?;
    for r in rows {
        writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

/*!
The command line. `servicescope` alone opens the desktop app on the bundled benchmark;
subcommands work without a display:

- `validate FILE...`: every problem of each file; exit code 1 if any.
- `summary [--data FILE]... [--format table|csv|json]`: latest value per region × indicator.
- `list regions|channels|indicators|practices|sources [--data FILE]...`.

Without `--data`, commands use the bundled benchmark; with it, the files are loaded on top
of the bundled catalogue (regions, channels, indicators, sources), so they can use its ids.
*/

pub mod list;
pub mod summary;
pub mod validate;

use crate::io::{self, LoadError};
use crate::model::Dataset;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(name = "servicescope", version, about = "Compare customer-service indicators and practices across regions and channels; chart and export them.", long_about = None)]
pub struct Cli {
    /// Subcommand; none opens the desktop app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check dataset files and print every problem (exit code 1 if any).
    Validate(validate::Args),
    /// Print the latest value per region and indicator, with unit, period, grade and source.
    Summary(summary::Args),
    /// List regions, channels, indicators, practices or sources.
    List(list::Args),
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
}

/// Runs a subcommand, writing to `out`; returns the process exit code.
pub fn run(command: Command, out: &mut dyn std::io::Write) -> Result<u8, CliError> {
    match command {
        Command::Validate(a) => validate::run(&a, out),
        Command::Summary(a) => summary::run(&a, out),
        Command::List(a) => list::run(&a, out),
    }
}

/// The dataset a command works on: the bundled benchmark, or `data` files loaded on top of
/// the bundled catalogue.
pub fn dataset(data: &[PathBuf]) -> Result<Dataset, LoadError> {
    if data.is_empty() {
        io::benchmark::load()
    } else {
        io::load::load_all(&io::benchmark::catalog()?, data)
    }
}

/// Writes rows as aligned text columns (display width counted in characters).
pub fn write_table(
    out: &mut dyn std::io::Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
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

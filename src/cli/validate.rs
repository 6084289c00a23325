/*!
`servicescope validate FILE...`: loads each file on top of the bundled catalogue and prints
every problem (syntax errors as file:line:column, semantic problems naming each record).
*/

use super::{CliError, Exit};
use crate::io;
use std::path::PathBuf;

/// Arguments of `validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset files to check (RON, or CSV/TSV/XLSX/ODS tables to import).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Mapping file for CSV/XLSX files (default: FILE.mapping.ron when present, else a guess).
    #[arg(long, value_name = "MAP.ron")]
    pub mapping: Option<PathBuf>,
    /// Sheet of XLSX/ODS files.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

/// Runs `validate`; exit code 0 when every file is valid, 1 when a file has problems, 4 when
/// a file cannot be read (see [`super::exit`]).
pub fn run(args: &Args, out: &mut dyn std::io::Write) -> Result<Exit, CliError> {
    let base = io::benchmark::catalog()?;
    let mapping = match &args.mapping {
        Some(p) => Some(io::import::Mapping::load(p).map_err(|e| e.into_load_error(p))?),
        None => None,
    };
    let mut failed = 0usize;
    let mut unreadable = false;
    for path in &args.files {
        match io::load::load_path_with(&base, path, mapping.as_ref(), args.sheet.as_deref(), None) {
            Ok(ds) => {
                let added = ds.observations().len();
                writeln!(
                    out,
                    "{}: ok ({added} observations, {} practices)",
                    path.display(),
                    ds.practices().len()
                )?;
            }
            Err(e) => {
                failed += 1;
                unreadable |= super::exit::of_load(&e) == Exit::Io;
                writeln!(out, "{}", super::term::shown_lines(&e.to_string()))?;
            }
        }
    }
    if failed > 0 {
        writeln!(out, "{failed} of {} file(s) invalid", args.files.len())?;
        Ok(if unreadable { Exit::Io } else { Exit::Invalid })
    } else {
        Ok(Exit::Success)
    }
}

/*!
`servicescope validate FILE...`: loads each file on top of the bundled catalogue and prints
every problem (syntax errors as file:line:column, semantic problems naming each record).
*/

use super::CliError;
use crate::io;
use std::path::PathBuf;

/// Arguments of `validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset files to check.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Runs `validate`; exit code 0 when every file is valid, 1 otherwise.
pub fn run(args: &Args, out: &mut dyn std::io::Write) -> Result<u8, CliError> {
    let base = io::benchmark::catalog()?;
    let mut failed = 0usize;
    for path in &args.files {
        match io::load::load_path(&base, path) {
            Ok(ds) => {
                let added = ds.observations.len();
                writeln!(
                    out,
                    "{}: ok ({added} observations, {} practices)",
                    path.display(),
                    ds.practices.len()
                )?;
            }
            Err(e) => {
                failed += 1;
                writeln!(out, "{e}")?;
            }
        }
    }
    if failed > 0 {
        writeln!(out, "{failed} of {} file(s) invalid", args.files.len())?;
        Ok(1)
    } else {
        Ok(0)
    }
}

//! servicescope binary: parses the command line, runs a subcommand, or opens the desktop app
//! (with the files given as arguments).

use clap::Parser;
use servicescope::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => {
            let mut out = std::io::stdout().lock();
            match cli::run(command, &mut out) {
                Ok(code) => code.into(),
                Err(e) => {
                    eprintln!("servicescope: {}", cli::term::shown_lines(&e.to_string()));
                    e.exit().into()
                }
            }
        }
        None => open_app(args.files),
    }
}

#[cfg(feature = "gui")]
fn open_app(files: Vec<std::path::PathBuf>) -> ExitCode {
    match servicescope::app::run(files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // the window could not open (no display, no OpenGL): a failure outside the input
            eprintln!("servicescope: {e:#}");
            cli::Exit::Io.into()
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_app(_files: Vec<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "servicescope: built without the desktop app (feature `gui`); see `servicescope --help`"
    );
    ExitCode::from(2)
}

//! `servicescope generate man|completions|icons DIR` (hidden): files for packages, made
//! from the program itself so they cannot drift from it. `packaging/build-deb.sh` runs it.
//!
//! - `man`: one roff page per command (`servicescope.1`, `servicescope-export.1`, …), from
//!   the clap definition with `clap_mangen`.
//! - `completions`: bash (`servicescope.bash`), zsh (`_servicescope`) and fish
//!   (`servicescope.fish`) completion scripts with `clap_complete`.
//! - `icons`: the application icon rendered from its SVG at every hicolor size, as
//!   `DIR/hicolor/<n>x<n>/apps/<app id>.png` (the copies in `assets/icons/` were made so).

use super::{CliError, Exit};
use crate::desktop;
use crate::io::atomic;
use clap::{CommandFactory, Subcommand};
use clap_complete::Shell;
use std::path::{Path, PathBuf};

/// Arguments of `generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to generate.
    #[command(subcommand)]
    pub what: What,
}

/// The kinds of generated files.
#[derive(Debug, Subcommand)]
pub enum What {
    /// Man pages of the command and of each subcommand (roff, section 1).
    Man {
        /// Output folder (created if missing).
        dir: PathBuf,
    },
    /// Shell completion scripts for bash, zsh and fish.
    Completions {
        /// Output folder (created if missing).
        dir: PathBuf,
    },
    /// The application icon as PNG at 16–512 px, in a hicolor folder layout.
    Icons {
        /// Output folder (created if missing).
        dir: PathBuf,
    },
}

/// Runs `generate`; prints each file written.
pub fn run(args: &Args, out: &mut dyn std::io::Write) -> Result<Exit, CliError> {
    let written = match &args.what {
        What::Man { dir } => man_pages(dir)?,
        What::Completions { dir } => completions(dir)?,
        What::Icons { dir } => icons(dir)?,
    };
    for p in written {
        writeln!(out, "{}", p.display())?;
    }
    Ok(Exit::Success)
}

fn create_dir(dir: &Path) -> Result<(), CliError> {
    std::fs::create_dir_all(dir).map_err(|e| {
        CliError::Output(std::io::Error::new(
            e.kind(),
            format!("cannot create folder {}: {e}", dir.display()),
        ))
    })
}

/// Writes one man page per visible command into `dir`; returns their paths, top page first.
pub fn man_pages(dir: &Path) -> Result<Vec<PathBuf>, CliError> {
    create_dir(dir)?;
    let mut cmd = super::Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut written = Vec::new();
    let mut pending = vec![cmd];
    while let Some(cmd) = pending.pop() {
        pending.extend(cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
        let man = clap_mangen::Man::new(cmd).manual("servicescope manual");
        let mut text = Vec::new();
        man.render(&mut text)?;
        let path = dir.join(man.get_filename());
        atomic::write_atomic(&path, &text, true)?;
        written.push(path);
    }
    Ok(written)
}

/// The command line without its hidden subcommands (clap_complete's zsh script would
/// otherwise offer them).
fn visible_command() -> clap::Command {
    let full = super::Cli::command();
    let mut cmd = clap::Command::new("servicescope")
        .version(env!("CARGO_PKG_VERSION"))
        .args_conflicts_with_subcommands(true)
        .args(full.get_arguments().cloned())
        .subcommands(full.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
    if let Some(about) = full.get_about() {
        cmd = cmd.about(about.clone());
    }
    cmd
}

/// Writes the bash, zsh and fish completion scripts into `dir`; returns their paths.
pub fn completions(dir: &Path) -> Result<Vec<PathBuf>, CliError> {
    create_dir(dir)?;
    let mut written = Vec::new();
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut cmd = visible_command();
        let mut text = Vec::new();
        clap_complete::generate(shell, &mut cmd, "servicescope", &mut text);
        let path = dir.join(clap_complete::Generator::file_name(&shell, "servicescope"));
        atomic::write_atomic(&path, &text, true)?;
        written.push(path);
    }
    Ok(written)
}

/// Renders the icon at every size of [`desktop::ICON_SIZES_PX`] under `dir`.
pub fn icons(dir: &Path) -> Result<Vec<PathBuf>, CliError> {
    let mut written = Vec::new();
    for size in desktop::ICON_SIZES_PX {
        let path = dir.join(desktop::icon_png_path(size));
        if let Some(parent) = path.parent() {
            create_dir(parent)?;
        }
        atomic::write_atomic(&path, &desktop::render_icon_png(size)?, true)?;
        written.push(path);
    }
    Ok(written)
}

//! `servicescope export --deck DECK.ron --out FILE`: every chart of a deck in one file (a
//! multi-page PDF or a PowerPoint presentation), in the deck's order. The same rules as every output: an existing file is
//! kept unless `--force` (exit 3), an input is never the output, and nothing is written when
//! a chart matches no value.

use super::{
    Args, check_pptx_options, check_size_args, check_target, deck_figures, deck_overrides,
};
use crate::cli::{CliError, Exit};
use crate::export::Keyword as _;
use crate::export::deck_file::{DeckFileFormat, render_deck_file};
use crate::export::{self, deck};
use crate::io::atomic::write_atomic;
use std::path::Path;

/// Writes the deck at `deck_path` into `target` as one file.
pub(super) fn run(
    args: &Args,
    deck_path: &Path,
    target: &Path,
    out: &mut dyn std::io::Write,
) -> Result<Exit, CliError> {
    let format = match args.format {
        Some(f) => DeckFileFormat::parse(f.extension()).ok_or_else(|| {
            CliError::Usage(format!(
                "--format {}: a deck in one file can be {}; use --out-dir DIR for one {} file per chart",
                f.extension(),
                DeckFileFormat::accepted(),
                f.extension()
            ))
        })?,
        None => DeckFileFormat::from_path(target).ok_or_else(|| {
            CliError::Usage(format!(
                "{}: a deck in one file can be {}; use --out-dir DIR for one file per chart",
                target.display(),
                DeckFileFormat::accepted()
            ))
        })?,
    };
    check_pptx_options(args, format == DeckFileFormat::Pptx)?;
    check_size_args(args)?;
    // check the output before reading or drawing anything
    check_target(args, target, deck_path)?;
    let deck = deck::read_deck(deck_path)?;
    let mut over = deck_overrides(args);
    // the page format is the file's; the deck's per-chart format does not apply
    over.format = None;
    let jobs = export::plan_deck(&deck, deck_path, &over, Path::new(""))?;
    let ds = crate::cli::dataset(&args.data)?;
    let figures = deck_figures(&ds, &jobs, deck_path)?;
    let charts: Vec<_> = figures
        .iter()
        .zip(&jobs)
        .map(|(f, j)| (f, &j.options))
        .collect();
    let bytes = match format {
        // with the dataset's full citations in the notes, the chart mode and the template
        DeckFileFormat::Pptx => crate::cli::export_pptx::render(&ds, &charts, &args.pptx())?,
        _ => render_deck_file(&charts, format)?,
    };
    write_atomic(target, &bytes, args.force)?;
    writeln!(
        out,
        "{}: {} chart(s), one {} per chart, {}",
        target.display(),
        jobs.len(),
        match format {
            DeckFileFormat::Pdf => "page",
            DeckFileFormat::Pptx => "slide",
        },
        format.extension().to_uppercase()
    )?;
    Ok(Exit::Success)
}

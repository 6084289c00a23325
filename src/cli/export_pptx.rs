//! The PowerPoint side of `servicescope export`: `--chart SPEC.ron --out chart.pptx` (one
//! slide) and `--deck DECK.ron --out deck.pptx` (one slide per chart, in deck order), with
//! `--pptx-charts native|picture` and `--template FILE.pptx`.

use super::{CliError, Exit, term};
use crate::chart::{self, Figure};
use crate::export::pptx::{self, ChartMode, PptxOptions, SlideInput};
use crate::export::{DeckJob, ExportOptions};
use crate::io::atomic::{self, WriteError};
use crate::model::Dataset;
use std::path::Path;

/// Parses `--pptx-charts`.
pub fn parse_chart_mode(s: &str) -> Result<ChartMode, String> {
    ChartMode::parse(s).ok_or_else(|| format!("unknown chart mode `{s}` (use native or picture)"))
}

/// Writes `figures` (with their options) as one presentation at `target`.
pub fn write(
    ds: &Dataset,
    figures: &[(&Figure, ExportOptions)],
    opts: &PptxOptions,
    target: &Path,
    force: bool,
) -> Result<(), CliError> {
    let slides: Vec<SlideInput<'_>> = figures
        .iter()
        .map(|(fig, options)| SlideInput {
            fig,
            options: *options,
            citations: pptx::citations(ds, fig),
        })
        .collect();
    pptx::write_pptx(&slides, opts, target, force)?;
    Ok(())
}

/// Where and how a deck's presentation is written.
pub struct DeckTarget<'a> {
    /// The deck file (for messages).
    pub deck_path: &'a Path,
    /// The .pptx to write.
    pub target: &'a Path,
    /// Chart mode and template.
    pub opts: PptxOptions,
    /// Replace an existing file.
    pub force: bool,
    /// The command's inputs, which the output may not be.
    pub inputs: &'a [&'a Path],
}

/// `--deck DECK.ron --out FILE.pptx`: every chart of the deck on one slide each, in order.
/// Nothing is written unless every chart shows something.
pub fn run_deck(
    jobs: &[DeckJob],
    ds: &Dataset,
    to: &DeckTarget<'_>,
    out: &mut dyn std::io::Write,
) -> Result<Exit, CliError> {
    let DeckTarget {
        deck_path,
        target,
        opts,
        force,
        inputs,
    } = to;
    let (target, deck_path, force): (&Path, &Path, bool) = (target, deck_path, *force);
    atomic::refuse_inputs(target, inputs)?;
    if !force && atomic::name_taken(target) {
        return Err(WriteError::Exists {
            path: target.to_owned(),
        }
        .into());
    }
    let figures: Vec<Figure> = jobs
        .iter()
        .map(|j| chart::build(ds, &j.spec, j.locale))
        .collect();
    if let Some((job, fig)) = jobs.iter().zip(&figures).find(|(_, f)| f.is_empty()) {
        return Err(super::export::nothing_matches(
            &format!("{}: chart `{}`", deck_path.display(), job.name),
            fig,
        ));
    }
    let pairs: Vec<(&Figure, ExportOptions)> = figures
        .iter()
        .zip(jobs)
        .map(|(f, j)| (f, j.options))
        .collect();
    write(ds, &pairs, opts, target, force)?;
    writeln!(
        out,
        "{}: {} slide(s), {} charts",
        target.display(),
        jobs.len(),
        match opts.charts {
            ChartMode::Native => "native",
            ChartMode::Picture => "picture",
        }
    )?;
    for (job, fig) in jobs.iter().zip(&figures) {
        for w in &fig.warnings {
            writeln!(out, "note: {}: {}", job.name, term::shown(w))?;
        }
    }
    Ok(Exit::Success)
}

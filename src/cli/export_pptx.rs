//! The PowerPoint side of `servicescope export`: `--chart SPEC.ron --out chart.pptx` (one
//! slide) and `--deck DECK.ron --out deck.pptx` (one slide per chart, in deck order, through
//! `export::deck_file`), with `--pptx-charts native|picture` and `--template FILE.pptx`.

use super::CliError;
use crate::chart::Figure;
use crate::export::ExportOptions;
use crate::export::Keyword as _;
use crate::export::pptx::{self, ChartMode, PptxOptions, SlideInput};
use crate::model::Dataset;
use std::path::Path;

/// Parses `--pptx-charts`.
pub fn parse_chart_mode(s: &str) -> Result<ChartMode, String> {
    ChartMode::parse(s).ok_or_else(|| format!("unknown chart mode `{s}` (use native or picture)"))
}

/// The bytes of a presentation of `figures` (with their options), with the full citations of
/// `ds` in the speaker notes.
pub fn render(
    ds: &Dataset,
    figures: &[(&Figure, &ExportOptions)],
    opts: &PptxOptions,
) -> Result<Vec<u8>, CliError> {
    let slides: Vec<SlideInput<'_>> = figures
        .iter()
        .map(|(fig, options)| SlideInput {
            fig,
            options: **options,
            citations: pptx::citations(ds, fig),
        })
        .collect();
    Ok(pptx::render_pptx(&slides, opts)?)
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

/*!
`servicescope export`: writes a chart (`--chart SPEC.ron --out PATH`) or every chart of a deck
(`--deck DECK.ron --out-dir DIR`) as PNG, SVG, PDF or PowerPoint, or a whole deck as one file
(`--deck DECK.ron --out deck.pdf`: one page per chart; `--out deck.pptx`: one slide per chart,
see `export_pptx`), from the bundled benchmark or `--data` files. Existing files are never replaced without `--force` (exit code 3, file untouched), and
an input is never overwritten, even with `--force`.
*/

use super::{CliError, Exit, term};
use crate::export::Keyword as _;

mod deck_file;
use crate::chart::{self, Locale};
use crate::export::pptx::{ChartMode, PptxOptions};
use crate::export::{
    self, Background, DeckOverrides, ExportError, ExportOptions, Format, SvgText, TextInk, deck,
    size,
};
use crate::io::atomic::{self, WriteError};
use std::path::{Path, PathBuf};

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("input").required(true).args(["chart", "deck"])))]
#[command(group(clap::ArgGroup::new("deck_out").args(["out", "out_dir"])))]
pub struct Args {
    /// Chart description to export (RON `ChartSpec(...)`); needs --out.
    #[arg(long, value_name = "SPEC.ron", requires = "out")]
    pub chart: Option<PathBuf>,
    /// Deck of named charts to export in one run (RON `Deck(...)`); needs --out-dir (one
    /// file per chart) or --out (one file holding every chart: .pdf or .pptx).
    #[arg(long, value_name = "DECK.ron", requires = "deck_out")]
    pub deck: Option<PathBuf>,
    /// Dataset files loaded on top of the bundled benchmark (default: the bundled benchmark alone).
    #[arg(long = "data", value_name = "FILE")]
    pub data: Vec<PathBuf>,
    /// Output file of --chart, or the one file of a whole --deck (.pdf: one page per chart;
    /// .pptx: one slide per chart); its extension gives the format unless --format is set.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Output directory of --deck: one `NAME.EXT` per chart (created if missing).
    #[arg(long = "out-dir", value_name = "DIR", conflicts_with = "chart")]
    pub out_dir: Option<PathBuf>,
    /// png, svg, pdf or pptx.
    #[arg(long, value_parser = parse_format)]
    pub format: Option<Format>,
    /// slide-16x9 (default), slide-4x3, half-a4, square, 4k, WxH in pixels (1600x900) or
    /// WxHcm (20x12cm).
    #[arg(long, value_name = "SIZE")]
    pub size: Option<String>,
    /// Resolution for centimetre sizes (default 150; common: 96, 150, 300) and PDF pages.
    #[arg(long, value_name = "N")]
    pub dpi: Option<u32>,
    /// Language of labels: en or fr (--locale wins).
    #[arg(long, value_parser = ["en", "fr"])]
    pub lang: Option<String>,
    /// Locale of labels and numbers: en-GB, fr-FR or fr-CA (default: the chart's, else en-GB).
    #[arg(long, value_parser = parse_locale)]
    pub locale: Option<Locale>,
    /// white (default) or transparent.
    #[arg(long, value_parser = parse_background)]
    pub background: Option<Background>,
    /// dark (default) or light text, for a transparent export on a dark slide template.
    #[arg(long, value_parser = parse_text_ink)]
    pub text: Option<TextInk>,
    /// SVG text as `text` (default, editable) or `paths` (outlines: same look without the font).
    #[arg(long = "svg-text", value_parser = parse_svg_text)]
    pub svg_text: Option<SvgText>,
    /// PowerPoint: native (editable charts with their data, the default) or picture (PNG with
    /// the SVG attached).
    #[arg(long = "pptx-charts", value_name = "MODE", value_parser = super::export_pptx::parse_chart_mode)]
    pub pptx_charts: Option<ChartMode>,
    /// PowerPoint: a presentation or template (.pptx, .potx) whose first layout with a title,
    /// theme and fonts the slides use.
    #[arg(long, value_name = "FILE.pptx")]
    pub template: Option<PathBuf>,
    /// Replace existing files.
    #[arg(long)]
    pub force: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("unknown format `{s}` (use png, svg, pdf or pptx)"))
}

fn parse_locale(s: &str) -> Result<Locale, String> {
    Locale::parse(s).ok_or_else(|| format!("unknown locale `{s}` (use en-GB, fr-FR or fr-CA)"))
}

fn parse_text_ink(s: &str) -> Result<TextInk, String> {
    TextInk::parse(s).ok_or_else(|| format!("unknown text colour `{s}` (use dark or light)"))
}

fn parse_svg_text(s: &str) -> Result<SvgText, String> {
    SvgText::parse(s).ok_or_else(|| format!("unknown SVG text mode `{s}` (use text or paths)"))
}

fn parse_background(s: &str) -> Result<Background, String> {
    Background::parse(s)
        .ok_or_else(|| format!("unknown background `{s}` (use white or transparent)"))
}

impl Args {
    /// The locale asked for on the command line, if any (`--locale` wins over `--lang`).
    fn locale(&self) -> Option<Locale> {
        let from_lang = match self.lang.as_deref() {
            Some("fr") => Some(Locale::FrFr),
            Some("en") => Some(Locale::EnGb),
            _ => None,
        };
        self.locale.or(from_lang)
    }

    /// The PowerPoint options asked for.
    pub(super) fn pptx(&self) -> PptxOptions {
        PptxOptions {
            charts: self.pptx_charts.unwrap_or_default(),
            template: self.template.clone(),
        }
    }
}

/// Runs `export`. Exit codes as in [`super::exit`]: 3 when an output exists (without
/// `--force`) or is an input, 1 when a chart matches no value; nothing is written then.
pub fn run(args: &Args, out: &mut dyn std::io::Write) -> Result<Exit, CliError> {
    match (&args.chart, &args.deck) {
        (Some(spec), None) => run_chart(args, spec, out),
        (None, Some(deck)) => run_deck(args, deck, out),
        _ => Err(CliError::Usage(
            "give exactly one of --chart SPEC.ron or --deck DECK.ron".into(),
        )),
    }
}

/// Refuses `--template` and `--pptx-charts` unless the output is one PowerPoint file
/// (`pptx`): they would be ignored without a word otherwise.
fn check_pptx_options(args: &Args, pptx: bool) -> Result<(), CliError> {
    if !pptx && (args.template.is_some() || args.pptx_charts.is_some()) {
        return Err(CliError::Usage(
            "--template and --pptx-charts apply to a PowerPoint file only (--out FILE.pptx)".into(),
        ));
    }
    Ok(())
}

/// The input files of the command: the chart or deck file and the `--data` files.
fn inputs<'a>(args: &'a Args, first: &'a Path) -> Vec<&'a Path> {
    std::iter::once(first)
        .chain(args.data.iter().map(PathBuf::as_path))
        .chain(args.template.as_deref())
        .collect()
}

/// Refuses `target` before anything is read or drawn: when it is one of the command's inputs
/// (`first` and the `--data` and `--template` files), or when it exists and `--force` is
/// not given.
fn check_target(args: &Args, target: &Path, first: &Path) -> Result<(), CliError> {
    atomic::refuse_inputs(target, &inputs(args, first))?;
    if !args.force && atomic::name_taken(target) {
        return Err(WriteError::Exists {
            path: target.to_owned(),
        }
        .into());
    }
    Ok(())
}

/// The error for a figure that shows nothing: its warnings say why (unknown ids, no value).
pub(super) fn nothing_matches(what: &str, fig: &chart::Figure) -> CliError {
    let why: Vec<String> = fig
        .warnings
        .iter()
        .map(|w| term::shown(w).into_owned())
        .collect();
    CliError::Invalid(format!(
        "{what}: no value matches this chart; nothing was written ({})",
        why.join(" ")
    ))
}

/// The figure of every chart of the deck at `deck_path`, or the error naming the first chart
/// that matches no value: nothing is drawn unless every chart shows something.
pub(super) fn deck_figures(
    ds: &crate::model::Dataset,
    jobs: &[export::DeckJob],
    deck_path: &Path,
) -> Result<Vec<chart::Figure>, CliError> {
    let figures: Vec<chart::Figure> = jobs
        .iter()
        .map(|j| chart::build(ds, &j.spec, j.locale))
        .collect();
    match jobs.iter().zip(&figures).find(|(_, f)| f.is_empty()) {
        Some((job, fig)) => Err(nothing_matches(
            &format!("{}: chart `{}`", deck_path.display(), job.name),
            fig,
        )),
        None => Ok(figures),
    }
}

fn run_chart(
    args: &Args,
    spec_path: &Path,
    out: &mut dyn std::io::Write,
) -> Result<Exit, CliError> {
    let Some(target) = &args.out else {
        return Err(CliError::Usage("--chart needs --out PATH".into()));
    };
    let format = match (args.format, Format::from_path(target)) {
        (Some(f), _) | (None, Some(f)) => f,
        (None, None) => {
            return Err(CliError::Usage(format!(
                "{}: cannot tell the format from the extension; use .png, .svg, .pdf or .pptx, or --format",
                target.display()
            )));
        }
    };
    check_pptx_options(args, format == Format::Pptx)?;
    let size = size::parse(args.size.as_deref().unwrap_or("slide-16x9"), args.dpi)
        .map_err(|e| CliError::Usage(format!("--size: {e}")))?;
    // check the output before reading or drawing anything
    check_target(args, target, spec_path)?;
    let spec = deck::read_chart_spec(spec_path)?;
    let ds = super::dataset(&args.data)?;
    let locale = args.locale().or(spec.locale).unwrap_or_default();
    let fig = chart::build(&ds, &spec, locale);
    if fig.is_empty() {
        return Err(nothing_matches(&spec_path.display().to_string(), &fig));
    }
    let mut opts = ExportOptions::for_spec(&spec, size);
    opts.background = args.background.unwrap_or_default();
    opts.text = args.text.unwrap_or_default();
    opts.svg_text = args.svg_text.unwrap_or_default();
    if format == Format::Pptx {
        super::export_pptx::write(&ds, &[(&fig, opts)], &args.pptx(), target, args.force)?;
    } else {
        export::export_to_file(&fig, &opts, format, target, args.force)?;
    }
    writeln!(
        out,
        "{}: {} × {} px {} ({})",
        target.display(),
        size.width_px,
        size.height_px,
        format.extension().to_uppercase(),
        locale.tag()
    )?;
    for w in &fig.warnings {
        writeln!(out, "note: {}", term::shown(w))?;
    }
    for w in export::svg::fit_warnings(&fig, &opts) {
        eprintln!(
            "servicescope: warning: {}: {}",
            target.display(),
            term::shown(&w)
        );
    }
    Ok(Exit::Success)
}

/// Checks the command line's own size and resolution (usage errors, not the deck's).
fn check_size_args(args: &Args) -> Result<(), CliError> {
    if let Some(s) = &args.size {
        size::parse(s, args.dpi).map_err(|e| CliError::Usage(format!("--size: {e}")))?;
    }
    if let Some(dpi) = args.dpi {
        size::check_dpi(dpi).map_err(|e| CliError::Usage(format!("--dpi: {e}")))?;
    }
    Ok(())
}

/// The deck settings the command line overrides.
fn deck_overrides(args: &Args) -> DeckOverrides {
    DeckOverrides {
        format: args.format,
        size: args.size.clone(),
        dpi: args.dpi,
        background: args.background,
        locale: args.locale(),
    }
}

fn run_deck(args: &Args, deck_path: &Path, out: &mut dyn std::io::Write) -> Result<Exit, CliError> {
    let dir = match (&args.out, &args.out_dir) {
        (Some(target), None) => return deck_file::run(args, deck_path, target, out),
        (None, Some(dir)) => dir,
        _ => {
            return Err(CliError::Usage(
                "--deck needs --out-dir DIR (one file per chart) or --out FILE (one file holding every chart)".into(),
            ));
        }
    };
    check_pptx_options(args, false)?;
    check_size_args(args)?;
    let deck = deck::read_deck(deck_path)?;
    let over = deck_overrides(args);
    let jobs = export::plan_deck(&deck, deck_path, &over, dir)?;
    let inputs = inputs(args, deck_path);
    for j in &jobs {
        atomic::refuse_inputs(&j.path, &inputs)?;
    }
    if !args.force {
        let existing: Vec<&Path> = jobs
            .iter()
            .map(|j| j.path.as_path())
            .filter(|p| atomic::name_taken(p))
            .collect();
        if !existing.is_empty() {
            for p in &existing {
                eprintln!("servicescope: {}: the file already exists", p.display());
            }
            eprintln!(
                "servicescope: nothing was written; use --force to overwrite {} file(s)",
                existing.len()
            );
            return Ok(Exit::Refused);
        }
    }
    let ds = super::dataset(&args.data)?;
    let figures = deck_figures(&ds, &jobs, deck_path)?;
    std::fs::create_dir_all(dir).map_err(|source| WriteError::Io {
        path: dir.clone(),
        source,
    })?;
    for (job, fig) in jobs.iter().zip(&figures) {
        let mut options = job.options;
        options.text = args.text.unwrap_or(options.text);
        options.svg_text = args.svg_text.unwrap_or(options.svg_text);
        export::export_to_file(fig, &options, job.format, &job.path, args.force).map_err(|e| {
            ExportError::InDeck {
                name: job.name.clone(),
                source: Box::new(e),
            }
        })?;
        for w in export::svg::fit_warnings(fig, &job.options) {
            eprintln!(
                "servicescope: warning: {}: {}",
                job.path.display(),
                term::shown(&w)
            );
        }
        writeln!(
            out,
            "{}: {} × {} px {}",
            job.path.display(),
            job.options.size.width_px,
            job.options.size.height_px,
            job.format.extension().to_uppercase()
        )?;
    }
    writeln!(out, "{} chart(s) written to {}", jobs.len(), dir.display())?;
    Ok(Exit::Success)
}

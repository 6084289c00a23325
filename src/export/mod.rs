/*!
Publication-ready chart images: a [`Figure`] → SVG (our own writer) → PNG (resvg) or PDF
(svg2pdf), written atomically. The GUI's export dialog and `servicescope export` use the same
functions, so the file matches the screen: same palette, order, number format and labels.

- [`render_svg`]: the SVG text of a figure at an [`ExportOptions`] size.
- [`render`]: the bytes of a figure in a [`Format`].
- [`render_rgba`]: straight RGBA pixels, for a preview or the clipboard.
- [`export_to_file`]: render and write atomically (refuses to replace a file unless asked).
- [`deck`]: chart-description and deck files; [`plan_deck`] + [`export_deck`] export every
  chart of a deck in one run; [`deck_file`] writes a whole deck as one file (multi-page PDF,
  [`pdf_pages`]).
- [`size`]: size presets (slides, half A4, square, 4K), pixels, centimetres at a DPI.

Text is set in the bundled DejaVu Sans ([`fonts`]), so output is identical on every machine
and French accents and Arabic names render. Grades stay visible: measured values are solid,
estimated values have a dark dashed outline, illustrative values are light and hatched; the
footer lists the sources, the notice about estimated/illustrative values and any warning.
*/

mod canvas;
pub mod deck;
pub mod deck_file;
pub mod deck_spans;
pub mod fonts;
pub mod keyword;
pub mod pdf;
pub mod pdf_pages;
mod placed;
mod plots;
pub mod pptx;
mod radar;
pub mod raster;
pub mod size;
mod story;
pub mod svg;
mod tables;

pub use deck::{Deck, DeckChart};
pub use keyword::Keyword;
pub use size::{Size, SizeError};

use crate::chart::{self, ChartSpec, Figure, Locale};
use crate::io::atomic::{WriteError, write_atomic};
use crate::model::Dataset;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Output file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Format {
    /// PNG raster image.
    #[default]
    Png,
    /// SVG vector image.
    Svg,
    /// One-page PDF.
    Pdf,
    /// PowerPoint presentation: one slide per chart, native editable charts ([`pptx`]).
    Pptx,
}

impl Keyword for Format {
    const WORDS: &'static [(&'static str, Format)] = &[
        ("png", Format::Png),
        ("svg", Format::Svg),
        ("pdf", Format::Pdf),
        ("pptx", Format::Pptx),
    ];
}

impl Format {
    /// All formats.
    pub const ALL: [Format; 4] = [Format::Png, Format::Svg, Format::Pdf, Format::Pptx];

    /// File extension (lowercase, without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Pdf => "pdf",
            Format::Pptx => "pptx",
        }
    }
}

/// Background of the image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Background {
    /// Opaque white.
    #[default]
    White,
    /// Transparent (PNG with alpha; SVG and PDF without a background rectangle).
    Transparent,
}

impl Keyword for Background {
    const WORDS: &'static [(&'static str, Background)] = &[
        ("white", Background::White),
        ("transparent", Background::Transparent),
        ("none", Background::Transparent),
    ];
}

/// Colour of the text: dark for light backgrounds, light for a transparent export placed on a
/// dark slide template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum TextInk {
    /// Dark text (the default).
    #[default]
    Dark,
    /// Light text, for dark templates.
    Light,
}

impl Keyword for TextInk {
    const WORDS: &'static [(&'static str, TextInk)] =
        &[("dark", TextInk::Dark), ("light", TextInk::Light)];
}

/// How text is written in an SVG file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum SvgText {
    /// Editable `<text>` elements with a font fallback list (the default).
    #[default]
    Text,
    /// Text converted to outlines (looks the same without the font; not editable as text).
    Paths,
}

impl Keyword for SvgText {
    const WORDS: &'static [(&'static str, SvgText)] =
        &[("text", SvgText::Text), ("paths", SvgText::Paths)];
}

/// How to draw a figure: output size, background, value labels, text colour.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct ExportOptions {
    /// Size in pixels and resolution.
    pub size: Size,
    /// Background.
    pub background: Background,
    /// Print the value on each bar and point (from [`ChartSpec::value_labels`]).
    pub value_labels: bool,
    /// Dark or light text.
    pub text: TextInk,
    /// Text or outlines in SVG files.
    pub svg_text: SvgText,
}

impl ExportOptions {
    /// Options for `spec` (value labels as the spec says) at `size`, on white.
    pub fn for_spec(spec: &ChartSpec, size: Size) -> ExportOptions {
        ExportOptions {
            size,
            background: Background::White,
            value_labels: spec.value_labels,
            ..ExportOptions::default()
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The generated SVG could not be read back (a bug: please report it).
    #[error("internal error: the generated SVG is invalid: {0}")]
    Svg(String),
    /// The pixel buffer could not be allocated.
    #[error("cannot allocate a {width_px} × {height_px} px image")]
    Pixmap {
        /// Width.
        width_px: u32,
        /// Height.
        height_px: u32,
    },
    /// PNG encoding failed.
    #[error("cannot encode the PNG: {0}")]
    Png(#[from] png::EncodingError),
    /// PDF conversion failed.
    #[error("cannot convert to PDF: {0}")]
    Pdf(String),
    /// The PowerPoint package could not be assembled (a bug: please report it).
    #[error("internal error: cannot write the PowerPoint package: {0}")]
    Pptx(String),
    /// A `--template` presentation cannot be used.
    #[error(transparent)]
    Template(#[from] pptx::TemplateError),
    /// A size or resolution is not valid.
    #[error(transparent)]
    Size(#[from] SizeError),
    /// Writing the file failed (any previous file is left intact).
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A deck is not valid (names, charts).
    #[error("{}: {problem}", path.display())]
    Deck {
        /// Deck file.
        path: PathBuf,
        /// What is wrong.
        problem: DeckProblem,
    },
    /// A setting or chart of a deck file is not valid, with its place in the file.
    #[error("{}:{line}:{column}: {problem}", path.display())]
    DeckEntry {
        /// Deck file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column (characters).
        column: usize,
        /// What is wrong (naming the chart).
        problem: DeckProblem,
    },
    /// One chart of a deck failed.
    #[error("chart `{name}`: {source}")]
    InDeck {
        /// Chart name.
        name: String,
        /// Why.
        source: Box<ExportError>,
    },
}

/// What is wrong in a deck file.
#[derive(Debug, thiserror::Error)]
pub enum DeckProblem {
    /// A chart name cannot be a file name.
    #[error(transparent)]
    Name(#[from] deck::NameFault),
    /// A chart's size or resolution is not valid.
    #[error("chart `{name}`: {error}")]
    ChartSize {
        /// The chart's name (shortened).
        name: String,
        /// Why.
        error: SizeError,
    },
}

impl DeckProblem {
    /// The message in `lang` (`Display` gives the English text).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match self {
            DeckProblem::Name(fault) => fault.message(lang),
            DeckProblem::ChartSize { name, error } => {
                crate::i18n::Msg::ExpInDeck.fill(lang, &[name, &error.message(lang)])
            }
        }
    }
}

impl ExportError {
    /// The message in `lang` (`Display` gives the English text). A library's own detail
    /// (PNG encoder, PDF converter, zip and XML readers) stays as it comes, marked as English
    /// in French.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Msg;
        match self {
            ExportError::Svg(detail) => Msg::ExpSvg.fill(lang, &[detail]),
            ExportError::Pixmap {
                width_px,
                height_px,
            } => Msg::ExpPixmap.fill(lang, &[width_px, height_px]),
            ExportError::Png(e) => Msg::ExpPng.fill(lang, &[e]),
            ExportError::Pdf(detail) => Msg::ExpPdf.fill(lang, &[detail]),
            ExportError::Pptx(detail) => Msg::ExpPptx.fill(lang, &[detail]),
            ExportError::Size(e) => e.message(lang),
            ExportError::Write(e) => e.message(lang),
            ExportError::InDeck { name, source } => {
                Msg::ExpInDeck.fill(lang, &[name, &source.message(lang)])
            }
            ExportError::Deck { path, problem } => {
                Msg::Labelled.fill(lang, &[&path.display(), &problem.message(lang)])
            }
            ExportError::DeckEntry {
                path,
                line,
                column,
                problem,
            } => Msg::PlaceThen.fill(
                lang,
                &[&path.display(), line, column, &problem.message(lang)],
            ),
            ExportError::Template(e) => e.message(lang),
        }
    }
}

/// The SVG text of a figure.
pub fn render_svg(fig: &Figure, opts: &ExportOptions) -> String {
    svg::render(fig, opts)
}

/// Straight (not premultiplied) RGBA pixels of a figure: (width, height, bytes), for a
/// preview texture or the clipboard.
pub fn render_rgba(fig: &Figure, opts: &ExportOptions) -> Result<(u32, u32, Vec<u8>), ExportError> {
    let pixmap = raster_pixmap(fig, opts)?;
    Ok((pixmap.width(), pixmap.height(), raster::rgba(&pixmap)))
}

/// Renders to pixels; a white background is filled directly rather than drawn from the SVG
/// (faster at 4K).
fn raster_pixmap(
    fig: &Figure,
    opts: &ExportOptions,
) -> Result<resvg::tiny_skia::Pixmap, ExportError> {
    let without_background = ExportOptions {
        background: Background::Transparent,
        ..*opts
    };
    let tree = raster::parse(&render_svg(fig, &without_background))?;
    raster::pixmap(&tree, opts.background == Background::White)
}

/// The file bytes of a figure in `format`.
pub fn render(fig: &Figure, opts: &ExportOptions, format: Format) -> Result<Vec<u8>, ExportError> {
    match format {
        // the file for designers: hatching as a pattern fill, text or outlines
        Format::Svg => {
            let svg = svg::render_file(fig, opts);
            match opts.svg_text {
                SvgText::Text => Ok(svg.into_bytes()),
                SvgText::Paths => Ok(raster::text_to_paths(&svg)?.into_bytes()),
            }
        }
        Format::Pdf => pdf::to_pdf(&render_svg(fig, opts), opts.size.dpi),
        // one slide, native chart, default template (the command line and decks pass the
        // dataset's full citations and the PowerPoint options through `pptx` directly)
        Format::Pptx => pptx::render_pptx(
            &[pptx::SlideInput {
                fig,
                options: *opts,
                citations: Vec::new(),
            }],
            &pptx::PptxOptions::default(),
        ),
        Format::Png => {
            let pixmap = raster_pixmap(fig, opts)?;
            raster::encode_png(&pixmap, opts.background == Background::White, opts.size.dpi)
        }
    }
}

/// Renders a figure and writes it atomically to `path` (a temporary file in the same
/// directory, then a rename). With `overwrite == false` an existing file is an error and is
/// left untouched; on any failure a previous file is left intact.
pub fn export_to_file(
    fig: &Figure,
    opts: &ExportOptions,
    format: Format,
    path: &Path,
    overwrite: bool,
) -> Result<(), ExportError> {
    crate::io::atomic::refuse_taken(path, overwrite)?;
    let bytes = render(fig, opts, format)?;
    write_atomic(path, &bytes, overwrite)?;
    Ok(())
}

/// Settings that override a deck's (typically from the command line).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeckOverrides {
    /// Format of every chart.
    pub format: Option<Format>,
    /// Size text (preset, `WxH`, `WxHcm`).
    pub size: Option<String>,
    /// Resolution.
    pub dpi: Option<u32>,
    /// Background.
    pub background: Option<Background>,
    /// Locale.
    pub locale: Option<Locale>,
}

/// One chart of a deck, resolved: where it goes and how it is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct DeckJob {
    /// Chart name.
    pub name: String,
    /// Output file: `dir/name.ext`.
    pub path: PathBuf,
    /// What to chart.
    pub spec: ChartSpec,
    /// Locale of labels and numbers.
    pub locale: Locale,
    /// Drawing options.
    pub options: ExportOptions,
    /// Format.
    pub format: Format,
}

/// Resolves every chart of `deck` (read from `deck_path`) into a job writing into `dir`:
/// overrides win over the deck's settings, which win over each chart's own locale and the
/// defaults (PNG, `slide-16x9`, white, en-GB). Checks names and sizes before anything is
/// drawn.
pub fn plan_deck(
    deck: &Deck,
    deck_path: &Path,
    over: &DeckOverrides,
    dir: &Path,
) -> Result<Vec<DeckJob>, ExportError> {
    // an error at a known place in the deck file names it as file:line:column
    let at = |pos: Option<deck_spans::Pos>, problem: DeckProblem| match pos {
        Some((line, column)) => ExportError::DeckEntry {
            path: deck_path.to_owned(),
            line,
            column,
            problem,
        },
        None => ExportError::Deck {
            path: deck_path.to_owned(),
            problem,
        },
    };
    deck.check_names().map_err(|p| {
        let pos = p.index.and_then(|i| deck.spans.chart(i)).map(|c| c.entry);
        at(pos, p.fault.into())
    })?;
    let format = over.format.or(deck.format).unwrap_or_default();
    let background = over.background.or(deck.background).unwrap_or_default();
    let dpi = over.dpi.or(deck.dpi);
    let mut jobs = Vec::new();
    for (index, c) in deck.charts.iter().enumerate() {
        let span = deck.spans.chart(index);
        // where the size text comes from: the command line, the chart, or the deck
        let (size_text, size_pos) = match (&over.size, &c.size, &deck.size) {
            (Some(t), _, _) => (t.as_str(), None),
            (None, Some(t), _) => (t.as_str(), span.and_then(|s| s.size)),
            (None, None, Some(t)) => (t.as_str(), deck.spans.size),
            (None, None, None) => ("slide-16x9", None),
        };
        let size = size::parse(size_text, dpi).map_err(|e| {
            let from_file = match e {
                SizeError::Dpi(_) if over.dpi.is_none() => deck.spans.dpi,
                SizeError::Dpi(_) => None,
                _ if over.size.is_some() => None,
                _ => size_pos,
            };
            let name = crate::model::text::shorten(&c.name).into_owned();
            match from_file {
                Some(pos) => at(Some(pos), DeckProblem::ChartSize { name, error: e }),
                None => ExportError::InDeck {
                    name,
                    source: Box::new(e.into()),
                },
            }
        })?;
        let locale = over
            .locale
            .or(deck.locale)
            .or(c.spec.locale)
            .unwrap_or_default();
        let mut options = ExportOptions::for_spec(&c.spec, size);
        options.background = background;
        jobs.push(DeckJob {
            name: c.name.clone(),
            path: dir.join(format!("{}.{}", c.name, format.extension())),
            spec: c.spec.clone(),
            locale,
            options,
            format,
        });
    }
    Ok(jobs)
}

/// Exports every job of a deck from `ds`; returns the files written, in deck order. Stops at
/// the first failure (files already written stay; the failed one's previous file is intact).
pub fn export_deck(
    ds: &Dataset,
    jobs: &[DeckJob],
    overwrite: bool,
) -> Result<Vec<PathBuf>, ExportError> {
    let mut written = Vec::new();
    for job in jobs {
        let fig = chart::build(ds, &job.spec, job.locale);
        export_to_file(&fig, &job.options, job.format, &job.path, overwrite).map_err(|e| {
            ExportError::InDeck {
                name: job.name.clone(),
                source: Box::new(e),
            }
        })?;
        written.push(job.path.clone());
    }
    Ok(written)
}

/*!
Exporting the workspace's deck from the deck window, on a worker thread, through the core's
deck exporters: one image per slide into a folder ([`export::plan_deck`] +
[`export::export_deck`], as `servicescope export --deck … --out-dir DIR`) or the whole deck in
one file ([`export::deck_file::render_deck_file`] for a multi-page PDF, [`pptx::render_pptx`]
for a PowerPoint file, as `export --deck … --out deck.pdf` or `--out deck.pptx`).
As on the command line, nothing is drawn unless every slide shows something, and files that
exist are replaced only after the user agreed.
*/

use super::App;
use super::deck::{DeckCommand, PendingReplace, deck_of};
use super::errors::DeckError;
use crate::app::errors::StatusLine;
use crate::chart::{self, Figure};
use crate::export::Keyword as _;
use crate::export::deck_file::{DeckFileFormat, render_deck_file};
use crate::export::{self, DeckJob, DeckOverrides, Format, pptx};
use crate::i18n::Msg;
use crate::io::atomic::{name_taken, write_atomic};
use crate::model::{Dataset, Lang};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// How the deck is exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DeckFormat {
    /// One PNG per slide in a folder.
    #[default]
    PngFolder,
    /// One SVG per slide in a folder.
    SvgFolder,
    /// One PDF per slide in a folder.
    PdfFolder,
    /// The whole deck as one PDF, one page per slide.
    PdfFile,
    /// The whole deck as one PowerPoint file, one native chart per slide.
    PptxFile,
}

/// Where a deck export writes.
enum Target {
    /// One file per slide, in a folder.
    Folder(Format),
    /// One file for the whole deck.
    File(DeckFileFormat),
}

impl DeckFormat {
    /// Every deck export the app offers, in menu order.
    pub const ALL: [DeckFormat; 5] = [
        DeckFormat::PngFolder,
        DeckFormat::SvgFolder,
        DeckFormat::PdfFolder,
        DeckFormat::PdfFile,
        DeckFormat::PptxFile,
    ];

    fn target(self) -> Target {
        match self {
            DeckFormat::PngFolder => Target::Folder(Format::Png),
            DeckFormat::SvgFolder => Target::Folder(Format::Svg),
            DeckFormat::PdfFolder => Target::Folder(Format::Pdf),
            DeckFormat::PdfFile => Target::File(DeckFileFormat::Pdf),
            DeckFormat::PptxFile => Target::File(DeckFileFormat::Pptx),
        }
    }

    /// Whether the export writes one file (the path typed is that file) rather than a folder.
    pub fn is_one_file(self) -> bool {
        matches!(self.target(), Target::File(_))
    }

    /// Label in the deck window.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DeckFormat::PngFolder => Msg::DeckPngFolder.get(lang),
            DeckFormat::SvgFolder => Msg::DeckSvgFolder.get(lang),
            DeckFormat::PdfFolder => Msg::DeckPdfFolder.get(lang),
            DeckFormat::PdfFile => Msg::DeckPdfFile.get(lang),
            DeckFormat::PptxFile => Msg::DeckPptxFile.get(lang),
        }
    }
}

/// The file a one-file export writes for the path typed: that path when it ends in the
/// format's extension, else `deck.EXT` inside it (a folder, created if missing).
pub fn one_file_path(typed: &Path, format: DeckFileFormat) -> PathBuf {
    if DeckFileFormat::from_path(typed) == Some(format) {
        typed.to_owned()
    } else {
        typed.join(format!("deck.{}", format.extension()))
    }
}

/// The figures of `jobs`, or the first slide that shows nothing (as `export --deck`).
fn figures(ds: &Dataset, jobs: &[DeckJob]) -> Result<Vec<Figure>, DeckError> {
    let figs: Vec<Figure> = jobs
        .iter()
        .map(|j| chart::build(ds, &j.spec, j.locale))
        .collect();
    match jobs.iter().zip(&figs).find(|(_, f)| f.is_empty()) {
        Some((j, f)) => Err(DeckError::EmptySlide {
            name: j.name.clone(),
            warnings: f.warnings.join(" "),
        }),
        None => Ok(figs),
    }
}

/// The bytes of the whole deck in one file. A presentation carries each slide's full
/// citations in its speaker notes, as `export --deck … --out FILE.pptx` writes it.
fn one_file(
    ds: &Dataset,
    charts: &[(&Figure, &export::ExportOptions)],
    format: DeckFileFormat,
) -> Result<Vec<u8>, export::ExportError> {
    match format {
        DeckFileFormat::Pptx => {
            let slides: Vec<pptx::SlideInput<'_>> = charts
                .iter()
                .map(|(fig, options)| pptx::SlideInput {
                    fig,
                    options: **options,
                    citations: pptx::citations(ds, fig),
                })
                .collect();
            pptx::render_pptx(&slides, &pptx::PptxOptions::default())
        }
        _ => render_deck_file(charts, format),
    }
}

impl App {
    /// Starts a deck export (see the module documentation).
    pub(super) fn export_deck(&mut self, out: PathBuf, format: DeckFormat, overwrite: bool) {
        let lang = self.state.lang;
        if self.deck_busy() {
            return;
        }
        if out.as_os_str().is_empty() {
            self.deck_run.status = Some(StatusLine::Failed(Msg::DeckNoFolder.get(lang).to_owned()));
            return;
        }
        let deck = deck_of(&self.state.deck);
        let (folder_format, file) = match format.target() {
            Target::Folder(f) => (Some(f), None),
            Target::File(f) => (None, Some((one_file_path(&out, f), f))),
        };
        let over = DeckOverrides {
            format: folder_format,
            locale: Some(self.locale()),
            ..DeckOverrides::default()
        };
        let dir = if file.is_some() { Path::new("") } else { &out };
        let jobs = match export::plan_deck(&deck, Path::new("deck"), &over, dir) {
            Ok(jobs) => jobs,
            Err(e) => {
                self.deck_run.status = Some(StatusLine::Failed(e.message(self.state.lang)));
                return;
            }
        };
        let written: Vec<PathBuf> = match &file {
            Some((path, _)) => vec![path.clone()],
            None => jobs.iter().map(|j| j.path.clone()).collect(),
        };
        let taken: Vec<PathBuf> = written.into_iter().filter(|p| name_taken(p)).collect();
        if !overwrite && !taken.is_empty() {
            self.deck_run.pending = Some(PendingReplace {
                command: DeckCommand::Export {
                    out,
                    format,
                    overwrite: true,
                },
                files: taken,
            });
            return;
        }
        let ds = self.dataset.clone();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let outcome = match file {
                Some((path, f)) => figures(&ds, &jobs).and_then(|figs| {
                    let charts: Vec<_> = figs
                        .iter()
                        .zip(&jobs)
                        .map(|(g, j)| (g, &j.options))
                        .collect();
                    let bytes = one_file(&ds, &charts, f)?;
                    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                        std::fs::create_dir_all(parent).map_err(|source| DeckError::Folder {
                            path: parent.to_owned(),
                            source,
                        })?;
                    }
                    write_atomic(&path, &bytes, overwrite)?;
                    Ok(vec![path])
                }),
                None => figures(&ds, &jobs).and_then(|_| {
                    std::fs::create_dir_all(&out).map_err(|source| DeckError::Folder {
                        path: out.clone(),
                        source,
                    })?;
                    Ok(export::export_deck(&ds, &jobs, overwrite)?)
                }),
            };
            // not sent only when the app has quit meanwhile: nobody waits for it then
            let _ = tx.send(outcome);
        });
        self.deck_run.status = None;
        self.deck_run.job = Some(rx);
    }
}

/*!
The export dialog: format, size preset, language and locale, background, value labels, a
live preview, "Save…" through the native save dialog and "Copy image" to the clipboard.

The dialog draws the same [`Figure`] the screen shows ([`chart::build`] of the chart's spec,
in the locale chosen for this export) with the exporter ([`crate::export`]), so the file has
the screen's palette, order, number format and labels.

- [`ExportDialog::new`] opens it for a chart; [`ExportDialog::show`] draws it each frame and
  returns `false` once the user closed it.
- The figure is rebuilt only when the locale changes (or after [`ExportDialog::set_spec`] /
  [`ExportDialog::data_changed`]); the preview (at most [`PREVIEW_SIDE_PX`] on its longer side,
  the aspect ratio of the chosen size) is re-rendered only when an option changes.
- Saving and copying render at full size on a worker thread, so a 4K render never stalls a
  frame; [`ExportDialog::save_to`] does the same work synchronously (tests, scripts).
- The logic needs no window: [`ExportDialog::options`], [`ExportDialog::default_file_name`].
*/

mod job;
mod preview;
mod settings;
mod view;

pub use job::slugify;
pub use settings::{DPI_CHOICES, ExportSettings, Preset};

use crate::app::errors::ExportFailure;
use crate::app::errors::StatusLine;
use crate::chart::{self, ChartSpec, Figure, Locale};
use crate::export::{Background, ExportOptions, Format, SizeError};
use crate::i18n::{Lang, Msg};
use crate::model::Dataset;
use job::{ExportJob, WorkerReport};
use preview::ImagePreview;
use std::path::Path;
use std::sync::mpsc::Receiver;

/// Longer side of the preview image, in pixels.
pub const PREVIEW_SIDE_PX: u32 = 640;

/// Largest image put on the clipboard: larger sizes are scaled down to fit 4K.
pub const CLIPBOARD_MAX_PX: (u32, u32) = (3840, 2160);

/// The export dialog of one chart. Keep it in an `Option` while it is open; see the module
/// documentation.
pub struct ExportDialog {
    /// The user's choices.
    pub settings: ExportSettings,
    spec: ChartSpec,
    /// The figure and the locale it was built in.
    figure: Option<(Locale, Figure)>,
    /// Bumped at each rebuild of the figure, so the preview follows.
    figure_generation: u64,
    preview: Option<ImagePreview>,
    /// Why the preview could not be drawn, shown in the interface language.
    preview_error: Option<crate::export::ExportError>,
    /// Last outcome of Save or Copy.
    status: Option<StatusLine>,
    /// The interface language of the status line (set by each [`ExportDialog::show`]): the
    /// chart's own locale may be another.
    ui_lang: Lang,
    work: Option<Receiver<WorkerReport>>,
    /// The path field offered when the native save dialog gave no file: its text.
    path_entry: Option<String>,
}

impl ExportDialog {
    /// A dialog for the chart currently shown (its `spec`), labels in `locale` (the interface
    /// language's locale by default), value labels as the spec says.
    pub fn new(spec: ChartSpec, locale: Locale) -> ExportDialog {
        let settings = ExportSettings {
            locale,
            value_labels: spec.value_labels,
            ..ExportSettings::default()
        };
        ExportDialog::with_settings(spec, settings)
    }

    /// A dialog for `spec` with earlier choices (kept by the app between two openings).
    pub fn with_settings(spec: ChartSpec, settings: ExportSettings) -> ExportDialog {
        // until the first `show` says the interface language, the chart's
        let ui_lang = settings.locale.lang();
        ExportDialog {
            settings,
            spec,
            figure: None,
            figure_generation: 0,
            preview: None,
            preview_error: None,
            status: None,
            ui_lang,
            work: None,
            path_entry: None,
        }
    }

    /// The chart exported.
    pub fn spec(&self) -> &ChartSpec {
        &self.spec
    }

    /// Exports another chart from now on (the selection changed while the dialog is open).
    pub fn set_spec(&mut self, spec: ChartSpec) {
        if spec != self.spec {
            self.spec = spec;
            self.data_changed();
        }
    }

    /// Rebuilds the figure at the next frame (call it when the dataset changed).
    pub fn data_changed(&mut self) {
        self.figure = None;
    }

    /// The figure as built for the preview (`None` before the first [`Self::show`] or
    /// [`Self::figure_for`]).
    pub fn figure(&self) -> Option<&Figure> {
        self.figure.as_ref().map(|(_, f)| f)
    }

    /// Builds the figure if the locale changed since the last build; returns it.
    pub fn figure_for(&mut self, dataset: &Dataset) -> &Figure {
        let locale = self.settings.locale;
        if self.figure.as_ref().map(|(l, _)| *l) != Some(locale) {
            self.figure = None;
            self.figure_generation += 1;
        }
        let spec = &self.spec;
        &self
            .figure
            .get_or_insert_with(|| (locale, chart::build(dataset, spec, locale)))
            .1
    }

    /// Drawing options, format and locale of the export (the background is white for PDF),
    /// or why the size is not valid (the exporter's message).
    pub fn options(&self) -> Result<(ExportOptions, Format, Locale), SizeError> {
        let s = &self.settings;
        let size = s.size()?;
        let background = if s.transparent_allowed() {
            s.background
        } else {
            Background::White
        };
        let options = ExportOptions {
            size,
            background,
            value_labels: s.value_labels,
            text: s.text,
            ..ExportOptions::default()
        };
        Ok((options, s.format, s.locale))
    }

    /// Suggested file name: the chart title in the chosen locale, slugified, with the
    /// extension of the chosen format (`net-promoter-score.png`).
    pub fn default_file_name(&self, dataset: &Dataset) -> String {
        let title = match &self.figure {
            Some((l, f)) if *l == self.settings.locale => f.title.clone(),
            _ => chart::build(dataset, &self.spec, self.settings.locale).title,
        };
        format!("{}.{}", slugify(&title), self.settings.format.extension())
    }

    /// Size of the current preview image in pixels, once rendered.
    pub fn preview_size(&self) -> Option<(u32, u32)> {
        self.preview.as_ref().map(|p| p.size_px)
    }

    /// Last outcome of Save or Copy: `Ok(message)` or `Err(error text)`.
    pub fn status(&self) -> Option<&StatusLine> {
        self.status.as_ref()
    }

    /// Whether a Save or Copy is running in the background.
    pub fn is_busy(&self) -> bool {
        self.work.is_some()
    }

    /// Blocks until the background Save or Copy (if any) has finished and records its
    /// outcome (tests, scripts).
    pub fn wait(&mut self) {
        if let Some(rx) = self.work.take()
            && let Ok(outcome) = rx.recv()
        {
            self.record(outcome);
        }
    }

    /// Renders the chart with the current options and writes `path` (replacing it: the
    /// native save dialog has already asked). Also sets the status shown in the dialog.
    pub fn save_to(&mut self, dataset: &Dataset, path: &Path) -> Result<(), ExportFailure> {
        let result = self.job(dataset).and_then(|job| job.save(path, true));
        self.show_result(result)
    }

    /// Renders at the chosen size (at most 4K) and puts the image on the clipboard,
    /// synchronously. Also sets the status shown in the dialog.
    pub fn copy_image(&mut self, dataset: &Dataset) -> Result<(), ExportFailure> {
        let result = self.job(dataset).and_then(|job| job.copy());
        self.show_result(result)
    }

    /// Shows `result` on the status line (in the interface language) and hands it back.
    fn show_result(&mut self, result: Result<String, ExportFailure>) -> Result<(), ExportFailure> {
        let lang = self.ui_lang;
        match result {
            Ok(text) => {
                self.status = Some(StatusLine::Done(text));
                Ok(())
            }
            Err(e) => {
                self.status = Some(StatusLine::Failed(e.shown(lang)));
                Err(e)
            }
        }
    }

    fn job(&mut self, dataset: &Dataset) -> Result<ExportJob, ExportFailure> {
        let (options, format, _) = self.options()?;
        let lang = self.ui_lang;
        let figure = self.figure_for(dataset).clone();
        let citations = crate::export::pptx::citations(dataset, &figure);
        Ok(ExportJob {
            figure,
            options,
            format,
            lang,
            pptx: crate::export::pptx::PptxOptions {
                charts: self.settings.pptx_charts,
                template: None,
            },
            citations,
        })
    }

    /// The native save dialog gave no file: say so and offer a path field holding
    /// `suggested` (what the app does when the dialog thread answers nothing).
    pub fn no_file_chosen(&mut self, suggested: String) {
        let lang = self.ui_lang;
        self.status = Some(StatusLine::Done(Msg::NoFileChosen.get(lang).to_owned()));
        self.path_entry = Some(suggested);
    }

    /// The text of the path field, while it is offered.
    pub fn path_entry(&self) -> Option<&str> {
        self.path_entry.as_deref()
    }

    fn record(&mut self, outcome: WorkerReport) {
        match outcome {
            WorkerReport::NoFile(suggested) => self.no_file_chosen(suggested),
            WorkerReport::Done(text) => {
                self.path_entry = None;
                self.status = Some(StatusLine::Done(text));
            }
            WorkerReport::Failed(text) => self.status = Some(StatusLine::Failed(text)),
        }
    }
}

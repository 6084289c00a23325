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

use super::i18n::S;
use crate::chart::{self, ChartSpec, Figure, Locale};
use crate::export::{self, Background, ExportOptions, Format, Size, size};
use crate::model::{Dataset, Lang};
use eframe::egui;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// Longer side of the preview image, in pixels.
pub const PREVIEW_SIDE_PX: u32 = 640;

/// Largest image put on the clipboard: larger sizes are scaled down to fit 4K.
pub const CLIPBOARD_MAX_PX: (u32, u32) = (3840, 2160);

/// Resolutions offered for centimetre sizes.
pub const DPI_CHOICES: [u32; 3] = [96, 150, 300];

/// Size of the preview area in the dialog, in points (the image is letterboxed inside).
const PREVIEW_BOX: egui::Vec2 = egui::vec2(480.0, 300.0);

/// Picks the English or the French text.
fn tr(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// Output size choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Preset {
    /// 16:9 slide, 33.867 × 19.05 cm at the chosen DPI.
    #[default]
    Slide16x9,
    /// 4:3 slide, 25.4 × 19.05 cm at the chosen DPI.
    Slide4x3,
    /// Half an A4 sheet in landscape, 21 × 14.85 cm at the chosen DPI.
    HalfA4,
    /// Square, 19.05 × 19.05 cm at the chosen DPI.
    Square,
    /// 3840 × 2160 px.
    FourK,
    /// [`ExportSettings::custom_px`].
    CustomPx,
    /// [`ExportSettings::custom_cm`] at the chosen DPI.
    CustomCm,
}

impl Preset {
    /// All choices, in menu order.
    pub const ALL: [Preset; 7] = [
        Preset::Slide16x9,
        Preset::Slide4x3,
        Preset::HalfA4,
        Preset::Square,
        Preset::FourK,
        Preset::CustomPx,
        Preset::CustomCm,
    ];

    /// Label in the dialog.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Preset::Slide16x9 => tr(lang, "Slide 16:9", "Diapositive 16:9"),
            Preset::Slide4x3 => tr(lang, "Slide 4:3", "Diapositive 4:3"),
            Preset::HalfA4 => tr(lang, "Half A4 (landscape)", "Demi-A4 (paysage)"),
            Preset::Square => tr(lang, "Square", "Carré"),
            Preset::FourK => "4K (3840 × 2160)",
            Preset::CustomPx => tr(lang, "Custom (px)", "Personnalisée (px)"),
            Preset::CustomCm => tr(lang, "Custom (cm)", "Personnalisée (cm)"),
        }
    }

    /// Name understood by [`size::parse`], for the named presets.
    fn preset_name(self) -> Option<&'static str> {
        match self {
            Preset::Slide16x9 => Some("slide-16x9"),
            Preset::Slide4x3 => Some("slide-4x3"),
            Preset::HalfA4 => Some("half-a4"),
            Preset::Square => Some("square"),
            Preset::FourK => Some("4k"),
            Preset::CustomPx | Preset::CustomCm => None,
        }
    }

    /// Whether the size is given in centimetres (so the DPI choice applies).
    pub fn uses_dpi(self) -> bool {
        !matches!(self, Preset::FourK | Preset::CustomPx)
    }
}

/// What the user chose; the app may keep it between two openings of the dialog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportSettings {
    /// File format.
    pub format: Format,
    /// Size choice.
    pub preset: Preset,
    /// Width and height for [`Preset::CustomPx`].
    pub custom_px: (u32, u32),
    /// Width and height in centimetres for [`Preset::CustomCm`].
    pub custom_cm: (f64, f64),
    /// Resolution of centimetre sizes (one of [`DPI_CHOICES`]).
    pub dpi: u32,
    /// Language and number format of labels.
    pub locale: Locale,
    /// Background (always white for PDF).
    pub background: Background,
    /// Print the value on each bar and point.
    pub value_labels: bool,
}

impl Default for ExportSettings {
    /// PNG, 16:9 slide at 150 DPI, en-GB, white, no value labels.
    fn default() -> Self {
        ExportSettings {
            format: Format::Png,
            preset: Preset::Slide16x9,
            custom_px: (1600, 900),
            custom_cm: (20.0, 12.0),
            dpi: size::DEFAULT_DPI,
            locale: Locale::EnGb,
            background: Background::White,
            value_labels: false,
        }
    }
}

impl ExportSettings {
    /// Whether a transparent background is possible in the chosen format (PNG and SVG).
    pub fn transparent_allowed(&self) -> bool {
        self.format != Format::Pdf
    }

    /// The output size, or why it is not valid.
    pub fn size(&self) -> Result<Size, export::SizeError> {
        match self.preset {
            Preset::FourK => size::parse("4k", None),
            Preset::CustomPx => Size::px(self.custom_px.0, self.custom_px.1),
            Preset::CustomCm => Size::cm(self.custom_cm.0, self.custom_cm.1, self.dpi),
            named => size::parse(named.preset_name().unwrap_or("slide-16x9"), Some(self.dpi)),
        }
    }
}

/// What a worker thread reports back.
enum Outcome {
    /// The user dismissed the native save dialog.
    Cancelled,
    /// Done; the text to show.
    Done(String),
    /// Failed; the error text to show.
    Failed(String),
}

/// Everything needed to render once, detached from the dialog (sent to worker threads).
struct Job {
    figure: Figure,
    options: ExportOptions,
    format: Format,
    lang: Lang,
}

impl Job {
    /// Renders and writes `path` atomically; the status text on success.
    fn save(&self, path: &Path, overwrite: bool) -> Result<String, String> {
        export::export_to_file(&self.figure, &self.options, self.format, path, overwrite)
            .map_err(|e| format!("{}: {e}", tr(self.lang, "Not saved", "Non enregistré")))?;
        Ok(format!(
            "{} {}",
            tr(self.lang, "Saved to", "Enregistré dans"),
            path.display()
        ))
    }

    /// Renders at the chosen size (at most [`CLIPBOARD_MAX_PX`]) and puts the image on the
    /// clipboard; the status text on success.
    fn copy(&self) -> Result<String, String> {
        let lang = self.lang;
        let fail = |e: String| {
            format!(
                "{}: {e}",
                tr(
                    lang,
                    "Cannot copy the image",
                    "Impossible de copier l'image"
                )
            )
        };
        let options = ExportOptions {
            size: fit_within(self.options.size, CLIPBOARD_MAX_PX.0, CLIPBOARD_MAX_PX.1),
            ..self.options
        };
        let (width, height, rgba) =
            export::render_rgba(&self.figure, &options).map_err(|e| fail(e.to_string()))?;
        let image = arboard::ImageData {
            width: width as usize,
            height: height as usize,
            bytes: std::borrow::Cow::Owned(rgba),
        };
        // The clipboard is kept for the life of the process: on X11 and Wayland the image is
        // served by its owner, so dropping it right away would empty the clipboard.
        let mut held = CLIPBOARD.lock().unwrap_or_else(|p| p.into_inner());
        if held.is_none() {
            *held = Some(arboard::Clipboard::new().map_err(|e| fail(e.to_string()))?);
        }
        if let Some(clipboard) = held.as_mut() {
            clipboard
                .set_image(image)
                .map_err(|e| fail(e.to_string()))?;
        }
        Ok(format!(
            "{} ({width} × {height} px)",
            tr(
                lang,
                "Image copied to the clipboard",
                "Image copiée dans le presse-papiers"
            )
        ))
    }
}

/// The clipboard owning the last copied image.
static CLIPBOARD: Mutex<Option<arboard::Clipboard>> = Mutex::new(None);

/// `size` scaled down (keeping its aspect ratio and DPI) to fit `max_w` × `max_h`; unchanged
/// when it fits. Sides are at least 1 px.
fn fit_within(size: Size, max_w: u32, max_h: u32) -> Size {
    let scale = (f64::from(max_w) / f64::from(size.width_px))
        .min(f64::from(max_h) / f64::from(size.height_px))
        .min(1.0);
    let side = |px: u32| ((f64::from(px) * scale).round() as u32).max(1);
    Size {
        width_px: side(size.width_px),
        height_px: side(size.height_px),
        dpi: size.dpi,
    }
}

/// A file name made of the lower-case ASCII letters and digits of `title` (French accents
/// folded), words joined by `-`; `chart` when nothing is left.
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        let folded: &str = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'í' | 'ì' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => "o",
            'ú' | 'ù' | 'û' | 'ü' => "u",
            'ÿ' | 'ý' => "y",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            _ => "",
        };
        let mut buf = [0u8; 4];
        let piece = if !folded.is_empty() {
            folded
        } else if c.is_ascii_alphanumeric() {
            c.encode_utf8(&mut buf)
        } else {
            pending_dash = !out.is_empty();
            continue;
        };
        if pending_dash {
            out.push('-');
            pending_dash = false;
        }
        out.push_str(piece);
        if out.len() >= 60 {
            break;
        }
    }
    if out.is_empty() {
        "chart".to_owned()
    } else {
        out
    }
}

/// The preview: its texture and the options and figure it was rendered from.
struct Preview {
    texture: egui::TextureHandle,
    key: (ExportOptions, u64),
    size_px: (u32, u32),
}

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
    preview: Option<Preview>,
    preview_error: Option<String>,
    /// Last outcome of Save or Copy: `Ok(message)` or `Err(error)`.
    status: Option<Result<String, String>>,
    work: Option<Receiver<Outcome>>,
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
        ExportDialog {
            settings,
            spec,
            figure: None,
            figure_generation: 0,
            preview: None,
            preview_error: None,
            status: None,
            work: None,
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
    pub fn options(&self) -> Result<(ExportOptions, Format, Locale), String> {
        let s = &self.settings;
        let size = s.size().map_err(|e| e.to_string())?;
        let background = if s.transparent_allowed() {
            s.background
        } else {
            Background::White
        };
        let options = ExportOptions {
            size,
            background,
            value_labels: s.value_labels,
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
    pub fn status(&self) -> Option<&Result<String, String>> {
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
    pub fn save_to(&mut self, dataset: &Dataset, path: &Path) -> Result<(), String> {
        let result = self.job(dataset).and_then(|job| job.save(path, true));
        self.status = Some(result.clone());
        result.map(|_| ())
    }

    /// Renders at the chosen size (at most 4K) and puts the image on the clipboard,
    /// synchronously. Also sets the status shown in the dialog.
    pub fn copy_image(&mut self, dataset: &Dataset) -> Result<(), String> {
        let result = self.job(dataset).and_then(|job| job.copy());
        self.status = Some(result.clone());
        result.map(|_| ())
    }

    fn job(&mut self, dataset: &Dataset) -> Result<Job, String> {
        let (options, format, _) = self.options()?;
        let lang = self.settings.locale.lang();
        Ok(Job {
            figure: self.figure_for(dataset).clone(),
            options,
            format,
            lang,
        })
    }

    fn record(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Cancelled => {}
            Outcome::Done(text) => self.status = Some(Ok(text)),
            Outcome::Failed(text) => self.status = Some(Err(text)),
        }
    }

    /// Starts `work` on a worker thread (Save, Copy); its outcome shows when it ends.
    fn spawn(&mut self, ctx: &egui::Context, work: impl FnOnce() -> Outcome + Send + 'static) {
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(work());
            ctx.request_repaint();
        });
        self.work = Some(rx);
        self.status = None;
    }

    fn poll_work(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.work else { return };
        match rx.try_recv() {
            Ok(outcome) => {
                self.work = None;
                self.record(outcome);
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50))
            }
            Err(TryRecvError::Disconnected) => self.work = None,
        }
    }

    /// "Save…": the native save dialog, then render and write, all on a worker thread.
    fn start_save(&mut self, ctx: &egui::Context, dataset: &Dataset, lang: Lang) {
        let file_name = self.default_file_name(dataset);
        let job = match self.job(dataset) {
            Ok(job) => job,
            Err(e) => {
                self.status = Some(Err(e));
                return;
            }
        };
        let title = tr(lang, "Export chart", "Exporter le graphique").to_owned();
        self.spawn(ctx, move || {
            let ext = job.format.extension();
            let picked = rfd::FileDialog::new()
                .set_title(title)
                .set_file_name(file_name)
                .add_filter(ext.to_ascii_uppercase(), &[ext])
                .save_file();
            let Some(path) = picked else {
                return Outcome::Cancelled;
            };
            // The native dialog asked before replacing `path`; a path we complete ourselves
            // was not confirmed, so it must not replace anything.
            let (path, overwrite) = with_extension(path, ext);
            match job.save(&path, overwrite) {
                Ok(text) => Outcome::Done(text),
                Err(text) => Outcome::Failed(text),
            }
        });
    }

    fn start_copy(&mut self, ctx: &egui::Context, dataset: &Dataset) {
        match self.job(dataset) {
            Ok(job) => self.spawn(ctx, move || match job.copy() {
                Ok(text) => Outcome::Done(text),
                Err(text) => Outcome::Failed(text),
            }),
            Err(e) => self.status = Some(Err(e)),
        }
    }

    /// Re-renders the preview if the figure or an option changed since the last one.
    fn refresh_preview(&mut self, ctx: &egui::Context, dataset: &Dataset) {
        let options = match self.options() {
            Ok((options, _, _)) => options,
            Err(e) => {
                self.preview_error = Some(e);
                return;
            }
        };
        self.figure_for(dataset);
        let small = ExportOptions {
            size: fit_within(options.size, PREVIEW_SIDE_PX, PREVIEW_SIDE_PX),
            ..options
        };
        let key = (small, self.figure_generation);
        if self.preview.as_ref().is_some_and(|p| p.key == key) && self.preview_error.is_none() {
            return;
        }
        let Some((_, fig)) = &self.figure else { return };
        match export::render_rgba(fig, &small) {
            Ok((w, h, rgba)) => {
                let image =
                    egui::ColorImage::from_rgba_unmultiplied([w as usize, h as usize], &rgba);
                let texture = match self.preview.take() {
                    Some(mut p) => {
                        p.texture.set(image, egui::TextureOptions::LINEAR);
                        p.texture
                    }
                    None => ctx.load_texture("export-preview", image, egui::TextureOptions::LINEAR),
                };
                self.preview = Some(Preview {
                    texture,
                    key,
                    size_px: (w, h),
                });
                self.preview_error = None;
            }
            Err(e) => self.preview_error = Some(e.to_string()),
        }
    }

    /// Draws the dialog window (interface strings in `lang`) and runs its actions. Returns
    /// `false` once the user closed it: drop the dialog then.
    pub fn show(&mut self, ctx: &egui::Context, dataset: &Dataset, lang: Lang) -> bool {
        self.poll_work(ctx);
        self.refresh_preview(ctx, dataset);
        let mut open = true;
        let mut done = false;
        let mut save = false;
        let mut copy = false;
        egui::Window::new(tr(lang, "Export chart", "Exporter le graphique"))
            .id(egui::Id::unique("servicescope-export-dialog"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                self.options_ui(ui, lang);
                ui.separator();
                self.preview_ui(ui, lang);
                ui.separator();
                let ready = self.work.is_none() && self.preview_error.is_none();
                ui.horizontal(|ui| {
                    save = ui
                        .add_enabled(ready, egui::Button::new(tr(lang, "Save…", "Enregistrer…")))
                        .clicked();
                    copy = ui
                        .add_enabled(
                            ready,
                            egui::Button::new(tr(lang, "Copy image", "Copier l'image")),
                        )
                        .clicked();
                    done = ui.button(tr(lang, "Done", "Terminé")).clicked();
                    if self.work.is_some() {
                        ui.spinner();
                        ui.label(tr(lang, "Rendering…", "Rendu en cours…"));
                    }
                });
                match &self.status {
                    Some(Ok(text)) => {
                        ui.label(text.as_str());
                    }
                    Some(Err(text)) => {
                        ui.colored_label(ui.visuals().error_fg_color, text.as_str());
                    }
                    None => {}
                }
            });
        if save {
            self.start_save(ctx, dataset, lang);
        }
        if copy {
            self.start_copy(ctx, dataset);
        }
        open && !done
    }

    fn options_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let s = &mut self.settings;
        egui::Grid::new("export-options")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                ui.label(tr(lang, "Format", "Format"));
                ui.horizontal(|ui| {
                    for (format, label) in [
                        (Format::Png, "PNG"),
                        (Format::Svg, "SVG"),
                        (Format::Pdf, "PDF"),
                    ] {
                        ui.radio_value(&mut s.format, format, label);
                    }
                });
                ui.end_row();

                ui.label(tr(lang, "Size", "Taille"));
                ui.vertical(|ui| {
                    ui.horizontal_wrapped(|ui| {
                        for preset in Preset::ALL {
                            ui.radio_value(&mut s.preset, preset, preset.label(lang));
                        }
                    });
                    match s.preset {
                        Preset::CustomPx => {
                            ui.horizontal(|ui| {
                                ui.label(tr(lang, "Width", "Largeur"));
                                ui.add(
                                    egui::DragValue::new(&mut s.custom_px.0)
                                        .range(size::MIN_SIDE_PX..=size::MAX_SIDE_PX)
                                        .suffix(" px"),
                                );
                                ui.label(tr(lang, "Height", "Hauteur"));
                                ui.add(
                                    egui::DragValue::new(&mut s.custom_px.1)
                                        .range(size::MIN_SIDE_PX..=size::MAX_SIDE_PX)
                                        .suffix(" px"),
                                );
                            });
                        }
                        Preset::CustomCm => {
                            ui.horizontal(|ui| {
                                ui.label(tr(lang, "Width", "Largeur"));
                                ui.add(
                                    egui::DragValue::new(&mut s.custom_cm.0)
                                        .range(1.0..=200.0)
                                        .speed(0.1)
                                        .max_decimals(2)
                                        .suffix(" cm"),
                                );
                                ui.label(tr(lang, "Height", "Hauteur"));
                                ui.add(
                                    egui::DragValue::new(&mut s.custom_cm.1)
                                        .range(1.0..=200.0)
                                        .speed(0.1)
                                        .max_decimals(2)
                                        .suffix(" cm"),
                                );
                            });
                        }
                        _ => {}
                    }
                    ui.add_enabled_ui(s.preset.uses_dpi(), |ui| {
                        ui.horizontal(|ui| {
                            for dpi in DPI_CHOICES {
                                ui.radio_value(&mut s.dpi, dpi, format!("{dpi} DPI"));
                            }
                        });
                    });
                    match s.size() {
                        Ok(size) => ui.weak(format!(
                            "{} × {} px, {} DPI",
                            size.width_px, size.height_px, size.dpi
                        )),
                        Err(e) => ui.colored_label(ui.visuals().error_fg_color, e.to_string()),
                    };
                });
                ui.end_row();

                ui.label(tr(lang, "Labels and numbers", "Libellés et nombres"));
                ui.horizontal(|ui| {
                    for (locale, label) in [
                        (Locale::EnGb, "English (en-GB)"),
                        (Locale::FrFr, "Français (fr-FR)"),
                        (Locale::FrCa, "Français (fr-CA)"),
                    ] {
                        ui.radio_value(&mut s.locale, locale, label);
                    }
                });
                ui.end_row();

                ui.label(tr(lang, "Background", "Fond"));
                ui.horizontal(|ui| {
                    if !s.transparent_allowed() {
                        s.background = Background::White;
                    }
                    ui.radio_value(
                        &mut s.background,
                        Background::White,
                        tr(lang, "White", "Blanc"),
                    );
                    let allowed = s.transparent_allowed();
                    let transparent = ui
                        .add_enabled(
                            allowed,
                            egui::RadioButton::new(
                                s.background == Background::Transparent,
                                tr(lang, "Transparent", "Transparent"),
                            ),
                        )
                        .on_disabled_hover_text(tr(
                            lang,
                            "PDF pages have a white background",
                            "Les pages PDF ont un fond blanc",
                        ));
                    if transparent.clicked() {
                        s.background = Background::Transparent;
                    }
                });
                ui.end_row();

                ui.label("");
                ui.checkbox(&mut s.value_labels, S::ValueLabels.get(lang))
                    .on_hover_text(S::ValueLabelsHint.get(lang));
                ui.end_row();
            });
    }

    fn preview_ui(&self, ui: &mut egui::Ui, lang: Lang) {
        let (rect, _) = ui.allocate_exact_size(PREVIEW_BOX, egui::Sense::hover());
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
        if let Some(e) = &self.preview_error {
            ui.put(
                rect.shrink(8.0),
                egui::Label::new(egui::RichText::new(e).color(ui.visuals().error_fg_color)).wrap(),
            );
            return;
        }
        let Some(p) = &self.preview else { return };
        let (w, h) = (p.size_px.0 as f32, p.size_px.1 as f32);
        let scale = ((rect.width() - 8.0) / w).min((rect.height() - 8.0) / h);
        let fitted = egui::Rect::from_center_size(rect.center(), egui::vec2(w, h) * scale);
        if p.key.0.background == Background::Transparent {
            checkerboard(&painter, fitted);
        }
        ui.put(
            fitted,
            egui::Image::from_texture((p.texture.id(), fitted.size())).alt_text(tr(
                lang,
                "Export preview",
                "Aperçu de l'export",
            )),
        );
    }
}

/// Light grey checks behind a transparent preview.
fn checkerboard(painter: &egui::Painter, rect: egui::Rect) {
    const CELL: f32 = 8.0;
    painter.rect_filled(rect, 0.0, egui::Color32::from_gray(250));
    let dark = egui::Color32::from_gray(220);
    let (cols, rows) = (
        (rect.width() / CELL).ceil() as usize,
        (rect.height() / CELL).ceil() as usize,
    );
    for row in 0..rows {
        for col in (row % 2..cols).step_by(2) {
            let min = rect.min + egui::vec2(col as f32 * CELL, row as f32 * CELL);
            let cell = egui::Rect::from_min_size(min, egui::vec2(CELL, CELL)).intersect(rect);
            painter.rect_filled(cell, 0.0, dark);
        }
    }
}

/// `path` with `.ext` appended unless it already ends with it (any case), so the file's
/// extension always names its format; the flag says whether the path is the one given (so
/// replacing it was confirmed by the native dialog).
fn with_extension(path: PathBuf, ext: &str) -> (PathBuf, bool) {
    let matches = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext));
    if matches {
        (path, true)
    } else {
        let mut name = path.clone().into_os_string();
        name.push(".");
        name.push(ext);
        (PathBuf::from(name), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(
            slugify("Net Promoter Score (NPS)"),
            "net-promoter-score-nps"
        );
        assert_eq!(
            slugify("Taux de résolution — 1er contact"),
            "taux-de-resolution-1er-contact"
        );
        assert_eq!(slugify("  !!  "), "chart");
        assert_eq!(slugify("Œuvre à Québec"), "oeuvre-a-quebec");
    }

    #[test]
    fn fit_keeps_aspect_and_small_sizes() {
        let s = Size {
            width_px: 7680,
            height_px: 4320,
            dpi: 300,
        };
        let f = fit_within(s, 3840, 2160);
        assert_eq!((f.width_px, f.height_px, f.dpi), (3840, 2160, 300));
        let small = Size::default();
        assert_eq!(fit_within(small, 3840, 2160), small);
        let p = fit_within(small, 640, 640);
        assert_eq!((p.width_px, p.height_px), (640, 360));
    }

    #[test]
    fn missing_extension_is_added_and_not_confirmed() {
        let (p, confirmed) = with_extension(PathBuf::from("/tmp/chart"), "png");
        assert_eq!((p, confirmed), (PathBuf::from("/tmp/chart.png"), false));
        let (p, confirmed) = with_extension(PathBuf::from("/tmp/c.SVG"), "svg");
        assert_eq!((p, confirmed), (PathBuf::from("/tmp/c.SVG"), true));
        let (p, confirmed) = with_extension(PathBuf::from("/tmp/c.svg"), "png");
        assert_eq!((p, confirmed), (PathBuf::from("/tmp/c.svg.png"), false));
    }
}

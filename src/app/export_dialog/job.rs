//! Save and Copy: a render detached from the dialog ([`ExportJob`]) run on a worker thread, the
//! clipboard that keeps the copied image, and the file-name helpers (slug, extension).

use super::{CLIPBOARD_MAX_PX, ExportDialog};
use crate::app::errors::ExportFailure;
use crate::app::errors::StatusLine;
use crate::chart::Figure;
use crate::export::pptx::{self, PptxOptions};
use crate::export::{self, ExportOptions, Format, Size};
use crate::i18n::Msg;
use crate::model::{Dataset, Lang};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{self, TryRecvError};

/// What a worker thread reports back.
pub(super) enum WorkerReport {
    /// The native save dialog gave no file (dismissed, or no file-dialog portal on this
    /// desktop); the suggested file name, for the path field offered instead.
    NoFile(String),
    /// Done; the text to show.
    Done(String),
    /// Failed; the error text to show.
    Failed(String),
}

/// Everything needed to render once, detached from the dialog (sent to worker threads).
pub(super) struct ExportJob {
    pub(super) figure: Figure,
    pub(super) options: ExportOptions,
    pub(super) format: Format,
    /// The interface language of the messages.
    pub(super) lang: Lang,
    /// PowerPoint: chart mode.
    pub(super) pptx: PptxOptions,
    /// PowerPoint: the full citations for the speaker notes.
    pub(super) citations: Vec<String>,
}

impl ExportJob {
    /// Renders and writes `path` atomically; the status text on success.
    pub(super) fn save(&self, path: &Path, overwrite: bool) -> Result<String, ExportFailure> {
        let written = if self.format == Format::Pptx {
            let slide = pptx::SlideInput {
                fig: &self.figure,
                options: self.options,
                citations: self.citations.clone(),
            };
            pptx::write_pptx(&[slide], &self.pptx, path, overwrite)
        } else {
            export::export_to_file(&self.figure, &self.options, self.format, path, overwrite)
        };
        written.map_err(ExportFailure::Save)?;
        Ok(Msg::SavedTo.fill(self.lang, &[&path.display()]))
    }

    /// Renders at the chosen size (at most [`CLIPBOARD_MAX_PX`]) and puts the image on the
    /// clipboard; the status text on success.
    pub(super) fn copy(&self) -> Result<String, ExportFailure> {
        let lang = self.lang;
        let options = ExportOptions {
            size: fit_within(self.options.size, CLIPBOARD_MAX_PX.0, CLIPBOARD_MAX_PX.1),
            ..self.options
        };
        let (width, height, rgba) =
            export::render_rgba(&self.figure, &options).map_err(ExportFailure::Render)?;
        let image = arboard::ImageData {
            width: width as usize,
            height: height as usize,
            bytes: std::borrow::Cow::Owned(rgba),
        };
        // The clipboard is kept for the life of the process: on X11 and Wayland the image is
        // served by its owner, so dropping it right away would empty the clipboard.
        let mut held = CLIPBOARD.lock().unwrap_or_else(|p| p.into_inner());
        if held.is_none() {
            *held = Some(arboard::Clipboard::new()?);
        }
        if let Some(clipboard) = held.as_mut() {
            clipboard.set_image(image)?;
        }
        Ok(Msg::ImageCopied.fill(lang, &[&width, &height]))
    }
}

/// The clipboard owning the last copied image.
static CLIPBOARD: Mutex<Option<arboard::Clipboard>> = Mutex::new(None);

/// `size` scaled down (keeping its aspect ratio and DPI) to fit `max_w` × `max_h`; unchanged
/// when it fits. Sides are at least 1 px.
pub(super) fn fit_within(size: Size, max_w: u32, max_h: u32) -> Size {
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

impl ExportDialog {
    /// Starts `work` on a worker thread (Save, Copy); its outcome shows when it ends.
    pub(super) fn spawn(
        &mut self,
        ctx: &egui::Context,
        work: impl FnOnce() -> WorkerReport + Send + 'static,
    ) {
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // not sent only when the dialog was closed meanwhile: nobody waits for it then
            let _ = tx.send(work());
            ctx.request_repaint();
        });
        self.work = Some(rx);
        self.status = None;
    }

    pub(super) fn poll_work(&mut self, ctx: &egui::Context) {
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
    pub(super) fn start_save(&mut self, ctx: &egui::Context, dataset: &Dataset, lang: Lang) {
        let file_name = self.default_file_name(dataset);
        let job = match self.job(dataset) {
            Ok(job) => job,
            Err(e) => {
                self.status = Some(StatusLine::Failed(e.shown(self.ui_lang)));
                return;
            }
        };
        let title = Msg::ExportChart.get(lang).to_owned();
        self.spawn(ctx, move || {
            let ext = job.format.extension();
            let picked = rfd::FileDialog::new()
                .set_title(title)
                .set_file_name(&file_name)
                .add_filter(ext.to_ascii_uppercase(), &[ext])
                .save_file();
            let Some(path) = picked else {
                return WorkerReport::NoFile(file_name);
            };
            // The native dialog asked before replacing `path`; a path we complete ourselves
            // was not confirmed, so it must not replace anything.
            let (path, overwrite) = with_extension(path, ext);
            let lang = job.lang;
            match job.save(&path, overwrite) {
                Ok(text) => WorkerReport::Done(text),
                Err(e) => WorkerReport::Failed(e.shown(lang)),
            }
        });
    }

    /// "Save to this path" of the path field: render and write the typed path (with the
    /// format's extension added when missing) on a worker thread. Nobody confirmed replacing
    /// it, so an existing file is left alone and said.
    pub(super) fn start_save_typed(&mut self, ctx: &egui::Context, dataset: &Dataset) {
        let Some(text) = self.path_entry.clone() else {
            return;
        };
        let job = match self.job(dataset) {
            Ok(job) => job,
            Err(e) => {
                self.status = Some(StatusLine::Failed(e.shown(self.ui_lang)));
                return;
            }
        };
        let (path, _) = with_extension(PathBuf::from(text.trim()), job.format.extension());
        let lang = job.lang;
        self.spawn(ctx, move || match job.save(&path, false) {
            Ok(text) => WorkerReport::Done(text),
            Err(e) => WorkerReport::Failed(e.shown(lang)),
        });
    }

    pub(super) fn start_copy(&mut self, ctx: &egui::Context, dataset: &Dataset) {
        match self.job(dataset) {
            Ok(job) => self.spawn(ctx, move || {
                let lang = job.lang;
                match job.copy() {
                    Ok(text) => WorkerReport::Done(text),
                    Err(e) => WorkerReport::Failed(e.shown(lang)),
                }
            }),
            Err(e) => self.status = Some(StatusLine::Failed(e.shown(self.ui_lang))),
        }
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

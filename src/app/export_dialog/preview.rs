//! The live preview: rendered small (at most [`PREVIEW_SIDE_PX`]) when the figure or an
//! option changes, drawn letterboxed, over a checkerboard when transparent.

use super::job::fit_within;
use super::{ExportDialog, PREVIEW_SIDE_PX};
use crate::export::{self, Background, ExportOptions};
use crate::i18n::Msg;
use crate::model::{Dataset, Lang};
use eframe::egui;

/// Size of the preview area in the dialog, in points (the image is letterboxed inside).
const PREVIEW_BOX: egui::Vec2 = egui::vec2(480.0, 300.0);

/// The preview: its texture and the options and figure it was rendered from.
pub(super) struct ImagePreview {
    pub(super) texture: egui::TextureHandle,
    pub(super) key: (ExportOptions, u64),
    pub(super) size_px: (u32, u32),
}

impl ExportDialog {
    /// Re-renders the preview if the figure or an option changed since the last one.
    pub(super) fn refresh_preview(&mut self, ctx: &egui::Context, dataset: &Dataset) {
        let options = match self.options() {
            Ok((options, _, _)) => options,
            Err(e) => {
                self.preview_error = Some(e.into());
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
                self.preview = Some(ImagePreview {
                    texture,
                    key,
                    size_px: (w, h),
                });
                self.preview_error = None;
            }
            Err(e) => self.preview_error = Some(e),
        }
    }

    pub(super) fn preview_ui(&self, ui: &mut egui::Ui, lang: Lang) {
        let (rect, _) = ui.allocate_exact_size(PREVIEW_BOX, egui::Sense::hover());
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
        if let Some(e) = &self.preview_error {
            ui.put(
                rect.shrink(8.0),
                egui::Label::new(
                    egui::RichText::new(e.message(lang)).color(ui.visuals().error_fg_color),
                )
                .wrap(),
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
            egui::Image::from_texture((p.texture.id(), fitted.size()))
                .alt_text(Msg::ExportPreview.get(lang)),
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

//! The dialog window: the options grid, the preview, the Save / Copy / Done buttons and the
//! status line.

use super::{DPI_CHOICES, ExportDialog, Preset, tr};
use crate::app::i18n::S;
use crate::chart::Locale;
use crate::export::{Background, Format, size};
use crate::model::{Dataset, Lang};
use eframe::egui;

impl ExportDialog {
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
}

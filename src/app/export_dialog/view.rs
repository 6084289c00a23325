//! The dialog window: the options grid, the preview, the Save / Copy / Done buttons and the
//! status line.

use super::{DPI_CHOICES, ExportDialog, Preset};
use crate::app::errors::StatusLine;
use crate::chart::Locale;
use crate::export::pptx::ChartMode;
use crate::export::{Background, Format, TextInk, size};
use crate::i18n::Msg;
use crate::model::{Dataset, Lang};
use eframe::egui;

impl ExportDialog {
    /// Draws the dialog window (interface strings in `lang`) and runs its actions. Returns
    /// `false` once the user closed it: drop the dialog then.
    pub fn show(&mut self, ctx: &egui::Context, dataset: &Dataset, lang: Lang) -> bool {
        if lang != self.ui_lang {
            // a line in the other language is stale
            self.status = None;
            self.ui_lang = lang;
        }
        self.poll_work(ctx);
        self.refresh_preview(ctx, dataset);
        let mut open = true;
        let mut done = false;
        let mut save = false;
        let mut copy = false;
        let mut save_typed = false;
        egui::Window::new(Msg::ExportChart.get(lang))
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
                        .add_enabled(ready, egui::Button::new(Msg::SaveAs.get(lang)))
                        .clicked();
                    copy = ui
                        .add_enabled(ready, egui::Button::new(Msg::CopyImage.get(lang)))
                        .clicked();
                    done = ui.button(Msg::Done.get(lang)).clicked();
                    if self.work.is_some() {
                        ui.spinner();
                        ui.label(Msg::Rendering.get(lang));
                    }
                });
                if let Some(text) = &mut self.path_entry {
                    ui.horizontal(|ui| {
                        let label = ui.label(Msg::FilePath.get(lang));
                        ui.text_edit_singleline(text).labelled_by(label.id);
                        save_typed = ui
                            .add_enabled(
                                ready && !text.trim().is_empty(),
                                egui::Button::new(Msg::SaveToPath.get(lang)),
                            )
                            .clicked();
                    });
                }
                match &self.status {
                    Some(StatusLine::Done(text)) => {
                        ui.label(text.as_str());
                    }
                    Some(StatusLine::Failed(text)) => {
                        ui.colored_label(ui.visuals().error_fg_color, text.as_str());
                    }
                    None => {}
                }
            });
        if save {
            self.start_save(ctx, dataset, lang);
        }
        if save_typed {
            self.start_save_typed(ctx, dataset);
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
                ui.label(Msg::Format.get(lang));
                ui.horizontal(|ui| {
                    for (format, label) in [
                        (Format::Png, "PNG"),
                        (Format::Svg, "SVG"),
                        (Format::Pdf, "PDF"),
                        (Format::Pptx, "PowerPoint"),
                    ] {
                        ui.radio_value(&mut s.format, format, label);
                    }
                });
                ui.end_row();

                if s.format == Format::Pptx {
                    ui.label(Msg::Charts.get(lang));
                    ui.horizontal(|ui| {
                        ui.radio_value(
                            &mut s.pptx_charts,
                            ChartMode::Native,
                            Msg::EditableWithTheirData.get(lang),
                        );
                        ui.radio_value(
                            &mut s.pptx_charts,
                            ChartMode::Picture,
                            Msg::Pictures.get(lang),
                        );
                    });
                    ui.end_row();
                }

                ui.label(Msg::Size.get(lang));
                ui.vertical(|ui| {
                    ui.horizontal_wrapped(|ui| {
                        for preset in Preset::ALL {
                            ui.radio_value(&mut s.preset, preset, preset.label(lang));
                        }
                    });
                    match s.preset {
                        Preset::CustomPx => {
                            ui.horizontal(|ui| {
                                ui.label(Msg::Width.get(lang));
                                ui.add(
                                    egui::DragValue::new(&mut s.custom_px.0)
                                        .range(size::MIN_SIDE_PX..=size::MAX_SIDE_PX)
                                        .suffix(" px"),
                                );
                                ui.label(Msg::Height.get(lang));
                                ui.add(
                                    egui::DragValue::new(&mut s.custom_px.1)
                                        .range(size::MIN_SIDE_PX..=size::MAX_SIDE_PX)
                                        .suffix(" px"),
                                );
                            });
                        }
                        Preset::CustomCm => {
                            ui.horizontal(|ui| {
                                ui.label(Msg::Width.get(lang));
                                ui.add(
                                    egui::DragValue::new(&mut s.custom_cm.0)
                                        .range(1.0..=200.0)
                                        .speed(0.1)
                                        .max_decimals(2)
                                        .suffix(" cm"),
                                );
                                ui.label(Msg::Height.get(lang));
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
                        Err(e) => ui.colored_label(ui.visuals().error_fg_color, e.message(lang)),
                    };
                });
                ui.end_row();

                ui.label(Msg::LabelsAndNumbers.get(lang));
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

                ui.label(Msg::Background.get(lang));
                ui.horizontal(|ui| {
                    if !s.transparent_allowed() {
                        s.background = Background::White;
                    }
                    ui.radio_value(&mut s.background, Background::White, Msg::White.get(lang));
                    let allowed = s.transparent_allowed();
                    let transparent = ui
                        .add_enabled(
                            allowed,
                            egui::RadioButton::new(
                                s.background == Background::Transparent,
                                Msg::Transparent.get(lang),
                            ),
                        )
                        .on_disabled_hover_text(Msg::PdfWhiteBackground.get(lang));
                    if transparent.clicked() {
                        s.background = Background::Transparent;
                    }
                });
                ui.end_row();

                // light text only makes sense without the white background
                ui.label("");
                if s.background == Background::White {
                    s.text = TextInk::Dark;
                }
                let mut light = s.text == TextInk::Light;
                if ui
                    .add_enabled(
                        s.background == Background::Transparent,
                        egui::Checkbox::new(&mut light, Msg::LightText.get(lang)),
                    )
                    .changed()
                {
                    s.text = if light { TextInk::Light } else { TextInk::Dark };
                }
                ui.end_row();

                ui.label("");
                ui.checkbox(&mut s.value_labels, Msg::ValueLabels.get(lang))
                    .on_hover_text(Msg::ValueLabelsHint.get(lang));
                ui.end_row();
            });
    }
}

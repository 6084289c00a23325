/*!
The About window: version, licences of the code, the bundled data and the font, and a link to
the Sources tab (every cited source of the loaded data). Opened from the top bar.
*/

use super::state::{Tab, UiState};
use super::{App, AppCommand};
use crate::i18n::Msg;
use eframe::egui;

/// Version of the program (`Cargo.toml`), as `servicescope --version` prints it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Licence of the code (SPDX expression from `Cargo.toml`).
pub const CODE_LICENCE: &str = env!("CARGO_PKG_LICENSE");

/// Shows the About window when it is open.
pub fn show(ctx: &egui::Context, app: &App, uis: &mut UiState, cmds: &mut Vec<AppCommand>) {
    if !uis.show_about {
        return;
    }
    let lang = app.state.lang;
    let mut open = true;
    egui::Window::new(Msg::AboutTitle.get(lang))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.heading(format!("servicescope {VERSION}"));
            ui.label(Msg::AboutSummary.get(lang));
            ui.add_space(6.0);
            egui::Grid::new("about")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    ui.strong(Msg::Version.get(lang));
                    ui.label(VERSION);
                    ui.end_row();
                    ui.strong(Msg::CodeLicence.get(lang));
                    ui.label(CODE_LICENCE.replace(" OR ", " / "));
                    ui.end_row();
                    ui.strong(Msg::DataLicence.get(lang));
                    ui.add(egui::Label::new(Msg::DataLicenceText.get(lang)).wrap());
                    ui.end_row();
                    ui.strong(Msg::FontLicence.get(lang));
                    ui.add(egui::Label::new(Msg::FontLicenceText.get(lang)).wrap());
                    ui.end_row();
                    ui.strong(Msg::AppIdLabel.get(lang));
                    ui.monospace(crate::desktop::APP_ID);
                    ui.end_row();
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.link(Msg::SourcesList.get(lang)).clicked() {
                    cmds.push(AppCommand::SetTab(Tab::Sources));
                    cmds.push(AppCommand::ShowAbout(false));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(Msg::Close.get(lang)).clicked() {
                        cmds.push(AppCommand::ShowAbout(false));
                    }
                });
            });
        });
    if !open {
        cmds.push(AppCommand::ShowAbout(false));
    }
}

/*!
The help window: keyboard shortcuts.
*/

use super::Command;
use super::i18n::{self, S};
use super::state::UiState;
use crate::model::Lang;
use eframe::egui;

/// Shows the help window when it is open.
pub fn show(ctx: &egui::Context, lang: Lang, uis: &mut UiState, cmds: &mut Vec<Command>) {
    if !uis.show_help {
        return;
    }
    let mut open = true;
    egui::Window::new(S::Shortcuts.get(lang))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for (keys, what) in i18n::shortcuts(lang) {
                    ui.monospace(keys);
                    ui.label(what);
                    ui.end_row();
                }
            });
            ui.add_space(6.0);
            if ui.button(S::Close.get(lang)).clicked() {
                cmds.push(Command::ShowHelp(false));
            }
        });
    if !open {
        cmds.push(Command::ShowHelp(false));
    }
}

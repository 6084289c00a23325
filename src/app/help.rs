/*!
The help window: the keyboard shortcuts, read from the command table ([`UserCommand`]).
*/

use super::AppCommand;
use super::state::UiState;
use super::user_command::UserCommand;
use crate::i18n::Msg;
use crate::model::Lang;
use eframe::egui;

/// The rows of the help window: each command that has a shortcut, as (keys as the platform
/// writes them, what the command does).
pub fn rows(ctx: &egui::Context, lang: Lang) -> Vec<(String, String)> {
    UserCommand::all()
        .into_iter()
        .filter_map(|c| Some((c.shortcut_text(ctx)?, c.tooltip(lang))))
        .collect()
}

/// Shows the help window when it is open.
pub fn show(ctx: &egui::Context, lang: Lang, uis: &mut UiState, cmds: &mut Vec<AppCommand>) {
    if !uis.show_help {
        return;
    }
    let mut open = true;
    egui::Window::new(Msg::Shortcuts.get(lang))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for (keys, what) in rows(ctx, lang) {
                    ui.monospace(keys);
                    ui.label(what);
                    ui.end_row();
                }
            });
            ui.add_space(6.0);
            if ui.button(Msg::Close.get(lang)).clicked() {
                cmds.push(AppCommand::ShowHelp(false));
            }
        });
    if !open {
        cmds.push(AppCommand::ShowHelp(false));
    }
}

/*!
Saved views: name the current selection and chart, recall it later (also with the arrow
keys in presentation mode). Views are part of the persisted workspace.
*/

use super::state::UiState;
use super::{App, AppCommand};
use crate::i18n::Msg;
use eframe::egui;

/// Draws the saved-views section of the side panel.
pub fn show(ui: &mut egui::Ui, app: &App, uis: &mut UiState, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let heading = ui.heading(Msg::Views.get(lang)).id;
    ui.horizontal(|ui| {
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut uis.view_name)
                    .hint_text(Msg::ViewName.get(lang))
                    .desired_width(150.0),
            )
            .labelled_by(heading);
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .button(Msg::SaveView.get(lang))
            .on_hover_text(super::UserCommand::SaveView.hover_text(ui.ctx(), lang))
            .clicked()
            || enter
        {
            cmds.push(AppCommand::SaveView(uis.view_name.clone()));
        }
    });
    if app.state.views.is_empty() {
        ui.weak(Msg::NoViews.get(lang));
    }
    for (i, v) in app.state.views.iter().enumerate() {
        ui.horizontal(|ui| {
            let current = uis.current_view == Some(i) && v.spec == app.state.spec;
            if ui
                .selectable_label(current, &v.name)
                .on_hover_text(v.spec.kind.label(lang))
                .clicked()
            {
                cmds.push(AppCommand::RecallView(i));
            }
            if ui
                .small_button("✕")
                .on_hover_text(Msg::DeleteView.get(lang))
                .clicked()
            {
                cmds.push(AppCommand::DeleteView(i));
            }
        });
    }
}

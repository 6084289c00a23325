/*!
The top bar: open, recent files, export, undo/redo, tabs, language, theme, presentation,
help, about, and the loading progress.
*/

use super::state::{Tab, UiState};
use super::{App, AppCommand, UserCommand};
use crate::i18n::Msg;
use crate::model::Lang;
use eframe::egui;

/// Draws the top bar.
pub fn show(ui: &mut egui::Ui, app: &App, uis: &mut UiState, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.add_space(2.0);
        ui.horizontal_wrapped(|ui| {
            if !uis.presentation {
                if UserCommand::Open.button(ui, lang, true).clicked() {
                    cmds.push(AppCommand::OpenDialog);
                }
                recent_menu(ui, app, cmds);
                export_button(ui, app, cmds);
                ui.separator();
                if UserCommand::Undo.button(ui, lang, app.can_undo()).clicked() {
                    cmds.push(AppCommand::Undo);
                }
                if UserCommand::Redo.button(ui, lang, app.can_redo()).clicked() {
                    cmds.push(AppCommand::Redo);
                }
                ui.separator();
            }
            for (tab, label) in [
                (Tab::Chart, Msg::TabChart),
                (Tab::Table, Msg::TabTable),
                (Tab::Practices, Msg::TabPractices),
                (Tab::Coverage, Msg::TabCoverage),
                (Tab::Sources, Msg::TabSources),
            ] {
                if ui
                    .selectable_label(uis.tab == tab, label.get(lang))
                    .clicked()
                {
                    cmds.push(AppCommand::SetTab(tab));
                }
            }
            ui.separator();
            for (l, code) in [(Lang::En, "EN"), (Lang::Fr, "FR")] {
                if ui
                    .selectable_label(lang == l, code)
                    .on_hover_text(UserCommand::ToggleLanguage.hover_text(ui.ctx(), lang))
                    .clicked()
                {
                    cmds.push(AppCommand::SetLang(l));
                }
            }
            ui.separator();
            for (dark, label) in [(false, Msg::Light), (true, Msg::Dark)] {
                if ui
                    .selectable_label(app.state.dark == dark, label.get(lang))
                    .on_hover_text(UserCommand::ToggleDarkTheme.hover_text(ui.ctx(), lang))
                    .clicked()
                {
                    cmds.push(AppCommand::SetDark(dark));
                }
            }
            ui.separator();
            let presentation = if uis.presentation {
                UserCommand::LeavePresentation
            } else {
                UserCommand::TogglePresentation
            };
            for uc in [
                presentation,
                UserCommand::ToggleHelp,
                UserCommand::ToggleAbout,
            ] {
                if uc.button(ui, lang, true).clicked() {
                    cmds.push(uc.command(&app.state, uis));
                }
            }
            progress(ui, app, cmds);
        });
        ui.add_space(2.0);
    });
}

/// The status line at the bottom of the window (last load, copy, automatic switches).
pub fn status_bar(ui: &mut egui::Ui, uis: &mut UiState) {
    let Some(status) = uis.status.clone() else {
        return;
    };
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.small_button("✕").clicked() {
                uis.status = None;
            }
            ui.add(egui::Label::new(egui::RichText::new(status).small()).truncate());
        });
    });
}

/// The Export… button: opens the export dialog for the chart shown (Ctrl+E).
pub fn export_button(ui: &mut egui::Ui, app: &App, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    if UserCommand::Export.button(ui, lang, true).clicked() {
        cmds.push(AppCommand::OpenExport);
    }
}

fn recent_menu(ui: &mut egui::Ui, app: &App, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    ui.menu_button(Msg::Recent.get(lang), |ui| {
        if app.state.recent_files.is_empty() {
            ui.weak(Msg::NoRecent.get(lang));
        }
        for p in &app.state.recent_files {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string());
            if ui
                .button(name)
                .on_hover_text(p.display().to_string())
                .clicked()
            {
                cmds.push(AppCommand::Open(p.clone()));
                ui.close();
            }
        }
    });
}

fn progress(ui: &mut egui::Ui, app: &App, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let Some((path, elapsed, fraction)) = app.loader.current() else {
        return;
    };
    ui.separator();
    if fraction > 0.0 {
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(120.0)
                .show_percentage(),
        );
    } else {
        ui.spinner();
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    ui.label(format!(
        "{} {name}… {:.1} s",
        Msg::Loading.get(lang),
        elapsed.as_secs_f32()
    ));
    if ui.button(Msg::Cancel.get(lang)).clicked() {
        cmds.push(AppCommand::CancelLoad);
    }
}

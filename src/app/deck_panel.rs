/*!
The deck panel (a window, Ctrl+K): the workspace's slides in order, each with a drag handle
(drop it on another slide to move it there), a name field (Enter renames), Open, Move up,
Move down and Remove buttons, so every action is reachable with the keyboard too. Below: the
deck file (save as / open a deck RON file) and the export (PNG, SVG or PDF files into a
folder), with a confirmation before any file is replaced. Every action is a
[`DeckCommand`]; the work is done in `deck`.
*/

use super::deck::{DeckCommand, PickFor};
use super::state::UiState;
use super::user_command::UserCommand;
use super::{App, AppCommand};
use crate::app::errors::StatusLine;
use crate::i18n::Msg;
use eframe::egui;
use std::path::PathBuf;

/// Shows the deck window when it is open.
pub fn show(ctx: &egui::Context, app: &App, uis: &mut UiState, cmds: &mut Vec<AppCommand>) {
    if !uis.show_deck {
        return;
    }
    let lang = app.state.lang;
    let mut open = true;
    egui::Window::new(Msg::Deck.get(lang))
        .open(&mut open)
        .default_width(420.0)
        // top right, over the chart's legend rather than the selection panel
        .default_pos(egui::pos2(ctx.content_rect().right() - 600.0, 110.0))
        .show(ctx, |ui| {
            add_row(ui, app, uis, cmds);
            ui.separator();
            slides(ui, app, uis, cmds);
            ui.separator();
            file_rows(ui, app, uis, cmds);
            pending(ui, app, cmds);
            if app.deck_busy() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(Msg::DeckExporting.get(lang));
                });
            } else if let Some(status) = app.deck_status() {
                match status {
                    StatusLine::Done(m) => ui.label(m),
                    StatusLine::Failed(e) => ui.colored_label(ui.visuals().error_fg_color, e),
                };
            }
        });
    if !open {
        cmds.push(AppCommand::Deck(DeckCommand::Show(false)));
    }
}

fn deck(cmd: DeckCommand) -> AppCommand {
    AppCommand::Deck(cmd)
}

fn add_row(ui: &mut egui::Ui, app: &App, uis: &mut UiState, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    ui.horizontal(|ui| {
        let name = ui.label(Msg::SlideName.get(lang)).id;
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut uis.deck_new_name)
                    .hint_text(Msg::SlideNameHint.get(lang))
                    .desired_width(180.0),
            )
            .labelled_by(name);
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .button(Msg::AddToDeck.get(lang))
            .on_hover_text(UserCommand::AddToDeck.hover_text(ui.ctx(), lang))
            .clicked()
            || enter
        {
            cmds.push(deck(DeckCommand::Add(std::mem::take(
                &mut uis.deck_new_name,
            ))));
        }
    });
}

fn slides(ui: &mut egui::Ui, app: &App, uis: &mut UiState, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let slides = app.deck();
    if slides.is_empty() {
        ui.weak(Msg::DeckEmpty.get(lang));
        return;
    }
    let n = slides.len();
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            for (i, slide) in slides.iter().enumerate() {
                let row = ui.horizontal(|ui| {
                    let handle = egui::Id::unique(("servicescope-deck-slide", i));
                    ui.dnd_drag_source(handle, i, |ui| {
                        ui.label("≡").on_hover_text(Msg::DragToReorder.get(lang));
                    });
                    let number = ui.label(format!("{}.", i + 1)).id;
                    let editing = matches!(&uis.deck_edit, Some((e, _)) if *e == i);
                    let mut text = match &uis.deck_edit {
                        Some((e, t)) if *e == i => t.clone(),
                        _ => slide.name.clone(),
                    };
                    let edit = ui
                        .add(
                            egui::TextEdit::singleline(&mut text)
                                .desired_width(150.0)
                                .id_salt(("deck_name", i)),
                        )
                        .labelled_by(number);
                    if edit.changed() {
                        uis.deck_edit = Some((i, text.clone()));
                    }
                    if edit.lost_focus() && editing {
                        if text != slide.name {
                            cmds.push(deck(DeckCommand::Rename(i, text)));
                        }
                        uis.deck_edit = None;
                    }
                    if ui
                        .small_button(Msg::OpenSlide.get(lang))
                        .on_hover_text(slide.spec.kind.label(lang))
                        .clicked()
                    {
                        cmds.push(deck(DeckCommand::Open(i)));
                    }
                    if ui
                        .add_enabled(i > 0, egui::Button::new("↑").small())
                        .on_hover_text(Msg::MoveUp.get(lang))
                        .clicked()
                    {
                        cmds.push(deck(DeckCommand::Move { from: i, to: i - 1 }));
                    }
                    if ui
                        .add_enabled(i + 1 < n, egui::Button::new("↓").small())
                        .on_hover_text(Msg::MoveDown.get(lang))
                        .clicked()
                    {
                        cmds.push(deck(DeckCommand::Move { from: i, to: i + 1 }));
                    }
                    if ui
                        .small_button(Msg::Remove.get(lang))
                        .on_hover_text(Msg::RemoveSlide.get(lang))
                        .clicked()
                    {
                        cmds.push(deck(DeckCommand::Remove(i)));
                    }
                });
                if let Some(from) = row.response.dnd_release_payload::<usize>() {
                    cmds.push(deck(DeckCommand::Move { from: *from, to: i }));
                }
            }
        });
}

fn file_rows(ui: &mut egui::Ui, app: &App, uis: &mut UiState, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    egui::Grid::new("deck_files").num_columns(2).show(ui, |ui| {
        let label = ui.label(Msg::DeckFile.get(lang)).id;
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut uis.deck_file)
                    .hint_text("deck.ron")
                    .desired_width(200.0),
            )
            .labelled_by(label);
            if ui.button(Msg::SaveDeck.get(lang)).clicked() {
                cmds.push(deck(DeckCommand::Save {
                    path: PathBuf::from(uis.deck_file.trim()),
                    overwrite: false,
                }));
            }
            if ui.button(Msg::OpenDeck.get(lang)).clicked() {
                cmds.push(deck(DeckCommand::Load {
                    path: PathBuf::from(uis.deck_file.trim()),
                    replace: false,
                }));
            }
            if ui
                .button(Msg::Browse.get(lang))
                .on_hover_text(Msg::BrowseDeckFile.get(lang))
                .clicked()
            {
                cmds.push(deck(DeckCommand::Browse(PickFor::DeckFile)));
            }
        });
        ui.end_row();

        let label = ui.label(Msg::ExportFolder.get(lang)).id;
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut uis.deck_out)
                    .hint_text(Msg::FolderHint.get(lang))
                    .desired_width(200.0),
            )
            .labelled_by(label);
            if ui
                .button(Msg::Browse.get(lang))
                .on_hover_text(Msg::BrowseFolder.get(lang))
                .clicked()
            {
                cmds.push(deck(DeckCommand::Browse(PickFor::ExportFolder)));
            }
        });
        ui.end_row();

        ui.label(Msg::ExportAs.get(lang));
        ui.horizontal_wrapped(|ui| {
            for f in super::deck::DeckFormat::ALL {
                ui.radio_value(&mut uis.deck_format, f, f.label(lang));
            }
        });
        ui.end_row();
    });
    let can = !app.deck().is_empty() && !app.deck_busy();
    if ui
        .add_enabled(can, egui::Button::new(Msg::ExportDeck.get(lang)))
        .clicked()
    {
        cmds.push(deck(DeckCommand::Export {
            out: PathBuf::from(uis.deck_out.trim()),
            format: uis.deck_format,
            overwrite: false,
        }));
    }
}

/// "Replace N files?" with Replace and Cancel, when a save or export would replace files.
fn pending(ui: &mut egui::Ui, app: &App, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let Some(p) = app.deck_pending() else {
        return;
    };
    egui::Frame::new()
        .fill(super::theme::warning_fill(app.state.dark))
        .inner_margin(6.0)
        .show(ui, |ui| {
            if p.files.is_empty() {
                ui.label(Msg::DeckReplaceSlides.fill(lang, &[&app.deck().len().to_string()]));
            } else {
                ui.label(format!("{} {}", Msg::ReplaceFiles.get(lang), p.files.len()));
            }
            for f in p.files.iter().take(5) {
                ui.monospace(f.display().to_string());
            }
            ui.horizontal(|ui| {
                if ui.button(Msg::Replace.get(lang)).clicked() {
                    cmds.push(deck(DeckCommand::Replace(true)));
                }
                if ui.button(Msg::KeepFiles.get(lang)).clicked() {
                    cmds.push(deck(DeckCommand::Replace(false)));
                }
            });
        });
}

//! Opening files when the desktop's file dialog is missing: the Open button asks the native
//! dialog (through rfd and the desktop portal) on a background thread; when it answers with
//! no file (cancelled, or no portal on this desktop, which rfd cannot tell apart), the app
//! says so and shows a field where the file's path can be typed.

use super::state::UiState;
use super::{App, AppCommand};
use crate::i18n::Msg;
use crate::model::Lang;
use eframe::egui;
use std::path::PathBuf;

/// File types offered by the native dialog.
const EXTENSIONS: [&str; 7] = ["ron", "csv", "tsv", "txt", "xlsx", "xls", "ods"];

impl App {
    /// Asks the native dialog for files on a background thread; its answer comes back as
    /// [`Command::FileDialogAnswer`].
    pub(super) fn open_dialog(&mut self) {
        let (tx, rx) = std::sync::mpsc::channel();
        let title = Msg::Open.get(self.state.lang).to_owned();
        std::thread::spawn(move || {
            let picked = rfd::FileDialog::new()
                .set_title(title)
                .add_filter("servicescope data", &EXTENSIONS)
                .pick_files();
            // the app closed while the dialog was open: nobody to tell
            if tx.send(picked).is_err() {
                eprintln!("servicescope: a file was picked after the window closed");
            }
        });
        self.dialog_rx = Some(rx);
    }

    /// Applies the native dialog's answer: opens the files, or says that none was chosen and
    /// shows the path field.
    pub(super) fn file_dialog_answer(&mut self, picked: Option<Vec<PathBuf>>) {
        let picked = picked.unwrap_or_default();
        if picked.is_empty() {
            self.ui.status = Some(Msg::NoFileChosen.get(self.state.lang).to_owned());
            self.ui.path_entry = Some(String::new());
        }
        for p in picked {
            self.open(p);
        }
    }
}

/// Draws the path field when it is open; pushes [`Command::Open`] for an existing file, else
/// says the file does not exist.
pub fn show(ctx: &egui::Context, lang: Lang, uis: &mut UiState, cmds: &mut Vec<AppCommand>) {
    let Some(mut text) = uis.path_entry.take() else {
        return;
    };
    let mut open = true;
    let mut close = false;
    egui::Window::new(Msg::OpenByPath.get(lang))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            let label = ui.label(Msg::FilePath.get(lang)).id;
            let edit = ui
                .add(egui::TextEdit::singleline(&mut text).desired_width(420.0))
                .labelled_by(label);
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.button(Msg::OpenPath.get(lang)).clicked() || enter {
                    let path = PathBuf::from(text.trim());
                    if text.trim().is_empty() {
                        return;
                    }
                    if path.is_file() {
                        cmds.push(AppCommand::Open(path));
                        uis.status = None;
                        close = true;
                    } else {
                        uis.status =
                            Some(format!("{}: {}", Msg::NoSuchFile.get(lang), path.display()));
                    }
                }
                if ui.button(Msg::CancelDialog.get(lang)).clicked() {
                    close = true;
                }
            });
        });
    if open && !close {
        uis.path_entry = Some(text);
    }
}

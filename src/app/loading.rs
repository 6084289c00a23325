/*!
Loading on the background thread, seen from [`App`]: how each open file is read (with the
mapping and sheet chosen for it), what a finished load changes (dataset, open files, recent
files, status line, import dialog, deck, chart), and the polling between frames (finished
loads, the file dialog's answer, changed files).
*/

use super::{App, AppCommand, Tab, import_dialog, loader, state};
use crate::i18n::Msg;
use crate::model::Dataset;
use eframe::egui;
use loader::{FileRead, JobKind, Loaded};
use std::path::PathBuf;

impl App {
    /// Blocks until every queued load has finished and applies the results (tests, scripts).
    pub fn finish_loading(&mut self) {
        loop {
            let files = self.open_reads();
            let Some(done) = self.loader.wait(&self.dataset, &self.base, &files) else {
                break;
            };
            self.loaded(done);
        }
    }

    /// How `path` is read: with the mapping and sheet chosen for it in the import dialog,
    /// if any.
    pub(super) fn file_read(&self, path: PathBuf) -> FileRead {
        let choice = self.state.import_choices.get(&path);
        FileRead {
            mapping: choice.map(|c| Box::new(c.mapping.clone())),
            sheet: choice.and_then(|c| c.sheet.clone()),
            path,
        }
    }

    /// The open files, each with how it is read.
    pub(super) fn open_reads(&self) -> Vec<FileRead> {
        self.state
            .open_files
            .iter()
            .map(|p| self.file_read(p.clone()))
            .collect()
    }

    pub(super) fn set_dataset(&mut self, ds: Dataset) {
        self.dataset = ds;
        self.data_generation += 1;
        if let Some(d) = &mut self.export_dialog {
            d.data_changed();
        }
        self.refresh_figure();
    }

    pub(super) fn loaded(&mut self, done: loader::Done) {
        let lang = self.state.lang;
        let job = done.job;
        let path = job.path;
        let loaded = match done.result {
            Ok(loaded) => loaded,
            Err(e) => {
                // keep the recorded time so a broken file is reported once, not every second
                if matches!(job.kind, JobKind::Open | JobKind::Restore | JobKind::Reload) {
                    self.watcher.record(&path);
                }
                self.errors.push(e.into());
                return;
            }
        };
        match loaded {
            Loaded::Data(ds) => {
                self.set_dataset(*ds);
                let what = match job.kind {
                    JobKind::Close => Msg::Closed,
                    JobKind::Reload => Msg::Reloaded,
                    _ => Msg::Loaded,
                };
                if job.kind != JobKind::Close {
                    self.watcher.record(&path);
                }
                if matches!(job.kind, JobKind::Open | JobKind::Restore) {
                    if !self.state.open_files.contains(&path) {
                        self.state.open_files.push(path.clone());
                    }
                    if let (JobKind::Open, Some(mapping)) = (job.kind, job.mapping) {
                        let choice = state::ImportChoice {
                            mapping: *mapping,
                            sheet: job.sheet,
                        };
                        self.state.import_choices.insert(path.clone(), choice);
                    }
                    self.state.remember_recent(&path);
                }
                self.ui.status = Some(what.fill(lang, &[&path.display()]));
            }
            Loaded::Preview { preview, catalog } => {
                if self.import_dialog.is_some() {
                    self.pending_opens.push(path);
                } else {
                    self.import_dialog = Some(import_dialog::ImportDialog::from_preview(
                        path, *preview, *catalog,
                    ));
                }
            }
            Loaded::Deck(deck) => self.open_deck(deck, &path),
            Loaded::Chart(spec) => {
                self.apply(AppCommand::SetSpec(spec));
                self.ui.tab = Tab::Chart;
                self.ui.status = Some(Msg::ChartOpened.fill(lang, &[&path.display()]));
            }
        }
    }

    /// Background work between frames: finished loads, picked files, changed files.
    pub(super) fn poll_background(&mut self, ctx: &egui::Context) {
        let files = self.open_reads();
        if let Some(done) = self.loader.poll(&self.dataset, &self.base, &files) {
            self.loaded(done);
        }
        if let Some(rx) = &self.dialog_rx {
            match rx.try_recv() {
                Ok(picked) => {
                    self.queue.push(AppCommand::FileDialogAnswer(picked));
                    self.dialog_rx = None;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(100));
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    // the dialog thread ended without an answer (it panicked)
                    self.queue.push(AppCommand::FileDialogAnswer(None));
                    self.dialog_rx = None;
                }
            }
        }
        if !self.state.open_files.is_empty() {
            for path in self.watcher.changed(&self.state.open_files) {
                let read = self.file_read(path);
                self.loader
                    .push(loader::LoadJob::reading(JobKind::Reload, read));
            }
            ctx.request_repaint_after(loader::WATCH_INTERVAL);
        }
        if self.loader.busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        self.poll_deck(ctx);
    }
}

/*!
[`AppCommand`]: every change the interface asks for. Panels push commands to a queue; the app
applies them in one place ([`App::apply`]), which is also where undo/redo snapshots of the
selection are taken.
*/

use super::App;
use super::export_dialog::ExportDialog;
use super::loader::{JobKind, LoadJob};
use super::state::{SavedView, Tab};
use crate::chart::{ChartKind, ChartSpec};
use crate::i18n::Msg;
use crate::io::import::Mapping;
use crate::model::Lang;
use std::path::PathBuf;

/// Deepest undo history kept.
const MAX_UNDO: usize = 200;

/// A change requested by the interface.
#[derive(Clone, Debug, PartialEq)]
pub enum AppCommand {
    /// Replace the selection (regions, channels, indicators, years, kind). Undoable.
    SetSpec(Box<ChartSpec>),
    /// Change the chart kind, adding indicators the kind needs. Undoable.
    SetKind(ChartKind),
    /// Undo the last selection change.
    Undo,
    /// Redo the last undone selection change.
    Redo,
    /// Load a file on top of the current data (in the background).
    Open(PathBuf),
    /// Ask for a file with the native dialog, then open it.
    OpenDialog,
    /// The native dialog's answer: the files picked, or `None` (cancelled, or no dialog could
    /// be shown); with no file the path field opens.
    FileDialogAnswer(Option<Vec<PathBuf>>),
    /// Import a CSV/XLSX file with the mapping chosen in the import dialog.
    Import {
        /// The file.
        path: PathBuf,
        /// Column mapping.
        mapping: Box<Mapping>,
        /// Sheet of a workbook.
        sheet: Option<String>,
        /// Save the mapping beside the file first (on the loader thread).
        save_beside: bool,
    },
    /// Open the export dialog for the current chart.
    OpenExport,
    /// Close an opened file: the data are rebuilt without it.
    CloseFile(PathBuf),
    /// Abandon the running load.
    CancelLoad,
    /// Hide the error messages.
    DismissErrors,
    /// Interface language.
    SetLang(Lang),
    /// Dark (`true`) or light theme.
    SetDark(bool),
    /// Presentation mode on or off.
    SetPresentation(bool),
    /// Show a main area.
    SetTab(Tab),
    /// Show or hide the help window.
    ShowHelp(bool),
    /// Show or hide the About window.
    ShowAbout(bool),
    /// Save the current selection under a name (a default name when empty).
    SaveView(String),
    /// Recall a saved view by index. Undoable.
    RecallView(usize),
    /// Delete a saved view by index.
    DeleteView(usize),
    /// Recall the next (+1) or previous (−1) saved view.
    StepView(i32),
    /// Show or hide the storytelling panel of the chart tab.
    ShowStory(bool),
    /// Put the keyboard in the headline field on the next frame.
    FocusHeadline,
    /// A change to the workspace's deck (see `deck`).
    Deck(super::deck::DeckCommand),
}

impl App {
    /// Queues a command; it is applied at the end of the current frame.
    pub fn push(&mut self, cmd: AppCommand) {
        self.queue.push(cmd);
    }

    /// Applies one command now.
    pub fn apply(&mut self, cmd: AppCommand) {
        match cmd {
            AppCommand::SetSpec(spec) => self.set_spec(*spec),
            AppCommand::SetKind(kind) => {
                let spec = self.spec_for_kind(kind);
                self.set_spec(spec);
            }
            AppCommand::Undo => {
                if let Some(prev) = self.undo.pop() {
                    let cur = std::mem::replace(&mut self.state.spec, prev);
                    self.redo.push(cur);
                    self.years_gesture = None;
                }
            }
            AppCommand::Redo => {
                if let Some(next) = self.redo.pop() {
                    let cur = std::mem::replace(&mut self.state.spec, next);
                    self.undo.push(cur);
                    self.years_gesture = None;
                }
            }
            AppCommand::Open(path) => self.open(path),
            AppCommand::Import {
                path,
                mapping,
                sheet,
                save_beside,
            } => self.loader.push(LoadJob {
                kind: JobKind::Open,
                path,
                mapping: Some(mapping),
                sheet,
                save_beside,
            }),
            AppCommand::OpenExport => {
                self.export_dialog = Some(ExportDialog::new(
                    self.state.spec.clone(),
                    crate::chart::Locale::for_lang(self.state.lang),
                ));
            }
            AppCommand::OpenDialog => self.open_dialog(),
            AppCommand::FileDialogAnswer(picked) => self.file_dialog_answer(picked),
            AppCommand::CloseFile(path) => {
                // the data are rebuilt without the file on the loader thread
                self.state.open_files.retain(|p| *p != path);
                self.state.import_choices.remove(&path);
                self.watcher.forget(&path);
                self.loader.push(LoadJob::new(JobKind::Close, path));
            }
            AppCommand::CancelLoad => self.loader.cancel(),
            AppCommand::DismissErrors => self.errors.clear(),
            AppCommand::SetLang(lang) => {
                // a message in the other language is stale
                if lang != self.state.lang {
                    self.ui.status = None;
                    self.deck_run.status = None;
                }
                self.state.lang = lang;
            }
            AppCommand::SetDark(dark) => self.state.dark = dark,
            AppCommand::SetPresentation(on) => {
                // the audience does not need the last load or copy message
                if on != self.ui.presentation {
                    self.ui.status = None;
                }
                self.ui.presentation = on;
            }
            AppCommand::SetTab(tab) => self.ui.tab = tab,
            AppCommand::ShowHelp(on) => self.ui.show_help = on,
            AppCommand::ShowAbout(on) => self.ui.show_about = on,
            AppCommand::SaveView(name) => {
                let name = name.trim();
                let name = if name.is_empty() {
                    Msg::DefaultViewName.fill(self.state.lang, &[&(self.state.views.len() + 1)])
                } else {
                    name.to_owned()
                };
                let view = SavedView {
                    name: name.clone(),
                    spec: self.state.spec.clone(),
                };
                match self.state.views.iter_mut().find(|v| v.name == name) {
                    Some(v) => *v = view,
                    None => self.state.views.push(view),
                }
                self.ui.view_name.clear();
            }
            AppCommand::RecallView(ix) => {
                if let Some(v) = self.state.views.get(ix) {
                    let spec = v.spec.clone();
                    self.set_spec(spec);
                    self.ui.current_view = Some(ix);
                    self.ui.tab = Tab::Chart;
                }
            }
            AppCommand::DeleteView(ix) => {
                if ix < self.state.views.len() {
                    self.state.views.remove(ix);
                    self.ui.current_view = None;
                }
            }
            AppCommand::StepView(step) => self.step_view(step),
            AppCommand::ShowStory(on) => self.ui.show_story = on,
            AppCommand::FocusHeadline => {
                self.ui.tab = Tab::Chart;
                self.ui.focus_headline = true;
            }
            AppCommand::Deck(cmd) => self.apply_deck(cmd),
        }
        self.refresh_figure();
    }

    fn set_spec(&mut self, spec: ChartSpec) {
        if spec == self.state.spec {
            return;
        }
        // a slider drag sends many year changes: they make one undo step, but only within
        // one gesture (unticking "All years" and then dragging are two edits)
        let range_only = self.state.spec.years.is_some()
            && spec.years.is_some()
            && ChartSpec {
                years: self.state.spec.years,
                ..spec.clone()
            } == self.state.spec;
        if !(range_only && self.years_gesture == Some(self.gesture)) {
            self.undo.push(self.state.spec.clone());
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.years_gesture = range_only.then_some(self.gesture);
        self.redo.clear();
        self.state.spec = spec;
    }

    /// The current spec changed to `kind`, with the indicators that kind needs.
    fn spec_for_kind(&mut self, kind: ChartKind) -> ChartSpec {
        let mut spec = self.state.spec.clone();
        spec.kind = kind;
        let lang = self.state.lang;
        let want = match kind {
            ChartKind::Scatter => 2,
            ChartKind::Radar => 4,
            ChartKind::BarsByIndicator => 3,
            _ => 1,
        };
        // the dataset's profile (`default_view.profile` in its catalogue) says which
        for id in &self.dataset.default_view().profile {
            if spec.indicators.len() >= want {
                break;
            }
            if self.dataset.indicators().get(id.as_str()).is_some() && !spec.indicators.contains(id)
            {
                spec.indicators.push(id.clone());
            }
        }
        // a per-channel chart of an indicator that is not per channel shows one bar: switch to
        // the first indicator measured per channel, and say so
        if matches!(kind, ChartKind::BarsByChannel | ChartKind::HeatTable)
            && let Some(first) = spec.indicators.first()
            && self
                .dataset
                .indicators()
                .get(first.as_str())
                .is_some_and(|i| !i.channel_specific)
            && let Some(per_channel) = self
                .dataset
                .indicators()
                .iter()
                .find(|i| i.channel_specific)
        {
            let old = self
                .dataset
                .indicators()
                .get(first.as_str())
                .map(|i| i.name.get(lang).to_owned())
                .unwrap_or_default();
            self.ui.status = Some(format!(
                "{}: {} → {}. {}",
                kind.label(lang),
                old,
                per_channel.name.get(lang),
                Msg::NotPerChannel.get(lang)
            ));
            spec.indicators.retain(|i| *i != per_channel.id);
            spec.indicators.insert(0, per_channel.id.clone());
        }
        spec
    }

    fn step_view(&mut self, step: i32) {
        let n = self.state.views.len();
        if n == 0 {
            // no saved view: step through chart kinds instead
            let all = ChartKind::ALL;
            let pos = all
                .iter()
                .position(|k| *k == self.state.spec.kind)
                .unwrap_or(0);
            let next = (pos as i32 + step).rem_euclid(all.len() as i32) as usize;
            let spec = self.spec_for_kind(all[next]);
            self.set_spec(spec);
            return;
        }
        let next = match self.ui.current_view {
            Some(i) => (i as i32 + step).rem_euclid(n as i32) as usize,
            None if step < 0 => n - 1,
            None => 0,
        };
        self.apply(AppCommand::RecallView(next));
    }
}

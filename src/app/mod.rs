/*!
The desktop workspace (feature `gui`): compare regions, channels and practices live.

- [`App`]: persisted [`AppState`] (selection, open files, views, language, theme) plus the
  run-time state (dataset, cached [`Figure`], errors, undo stack, background loader).
- [`AppCommand`]: what panels ask for; applied in one place ([`App::apply`]).
- [`UserCommand`]: the commands a user triggers by a button or a key, each with its label,
  tooltip and shortcut in one table read by the key handling, the help window and the
  buttons' hover texts.
- `chart_view`: draws a [`Figure`] with egui_plot (one function per chart kind). The figure
  comes from [`crate::chart::build`]; the app never computes figures itself.
- One file per panel: `top_bar`, `selection_panel`, `practices_panel`, `table_panel`,
  `coverage_panel`, `sources_panel`, `views`, `help`, `about`; `opening` (files from the command line, decks,
  chart descriptions, window icon and app id, settings file); `path_entry` (the native file
  dialog on a background thread, and a path field when it gives no file); `clipboard` (text
  copied with a known outcome); `theme` (fonts, light/dark, presentation), `i18n`
  (interface strings), `loader` (background loading, changed-file polling), `loading` (what a finished load changes in the app), `automation`
  (`SERVICESCOPE_SCREENSHOT`, `SERVICESCOPE_FRAME_LOG` for tests and benchmarks).
- Storytelling: `story_headline` (headline and subtitle edited in place), `story_panel` and
  `story_notes` (highlight, references and peers, annotations, sort, colours, small
  multiples), `chart_view::note_drag` (notes dragged on the chart); the deck: `deck` (the
  workspace's slides and their commands, deck files), `deck_export` (export on a worker
  thread through the core deck exporters), `deck_panel` (the deck window).
*/

mod about;
mod automation;
mod chart_view;
pub mod clipboard;
mod command;
mod coverage_panel;
pub mod deck;
mod deck_export;
mod deck_panel;
pub mod errors;
pub mod export_dialog;
pub mod help;
pub mod i18n;
pub mod import_dialog;
mod loader;
mod loading;
pub mod opening;
mod path_entry;
mod practices_panel;
mod selection_panel;
mod sources_panel;
pub mod state;
mod story_headline;
mod story_notes;
pub mod story_panel;
pub mod table_panel;
mod theme;
mod top_bar;
pub mod user_command;
mod views;

pub use chart_view::record::{ChartRecord, ShownText, last as chart_record};
pub use command::AppCommand;
pub use state::{AppState, SavedView, Tab, UiState};
pub use user_command::UserCommand;

use crate::chart::{self, ChartSpec, Figure, Locale};
use crate::i18n::Msg;
use crate::io;
use crate::model::{Dataset, Lang};
use eframe::egui;
use loader::{JobKind, Loader, Watcher};
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

/// Opens the main window on the bundled benchmark and the restored workspace, then opens
/// `files` (command-line arguments) as described in [`opening`].
pub fn run(files: Vec<PathBuf>) -> Result<(), eframe::Error> {
    let automation = automation::Automation::from_env();
    let options = eframe::NativeOptions {
        viewport: opening::viewport(),
        persist_window: automation.is_none(),
        persistence_path: opening::settings_file(),
        ..Default::default()
    };
    eframe::run_native(
        "servicescope",
        options,
        Box::new(move |cc| {
            setup_context(&cc.egui_ctx);
            let base = io::benchmark::load();
            let persisted = automation.is_none();
            let fresh = || {
                base.as_ref()
                    .map_or_else(|_| AppState::default(), AppState::for_dataset)
            };
            let state = match (persisted, cc.storage) {
                (true, Some(storage)) => {
                    eframe::get_value::<AppState>(storage, state::STORAGE_KEY).unwrap_or_else(fresh)
                }
                _ => fresh(),
            };
            let mut app = App::starting(base, state);
            app.persist = persisted;
            if let Some(a) = automation {
                a.prepare(&mut app);
                app.automation = Some(a);
            }
            app.open_paths(files);
            Ok(Box::new(app))
        }),
    )
}

/// Prepares an egui context for the app: adds the fonts French numbers and region names
/// need. [`run`] calls it; tests that build an [`App`] in a harness call it too.
pub fn setup_context(ctx: &egui::Context) {
    theme::install_fonts(ctx);
}

/// The workspace.
pub struct App {
    /// Persisted workspace.
    pub state: AppState,
    /// Interface state of this run.
    pub ui: UiState,
    base: Dataset,
    dataset: Dataset,
    figure: Figure,
    figure_key: Option<(ChartSpec, Lang, u64)>,
    data_generation: u64,
    errors: Vec<errors::AppError>,
    undo: Vec<ChartSpec>,
    redo: Vec<ChartSpec>,
    /// Pointer presses and key presses seen so far: one per gesture of the user.
    gesture: u64,
    /// The gesture whose year-range changes the top undo step holds (a slider drag sends
    /// many: they make one step).
    years_gesture: Option<u64>,
    queue: Vec<AppCommand>,
    loader: Loader,
    watcher: Watcher,
    dialog_rx: Option<Receiver<Option<Vec<PathBuf>>>>,
    pending_opens: Vec<PathBuf>,
    automation: Option<automation::Automation>,
    import_dialog: Option<import_dialog::ImportDialog>,
    export_dialog: Option<export_dialog::ExportDialog>,
    persist: bool,
    applied_style: Option<(bool, bool)>,
    table: table_panel::TableCache,
    deck_run: deck::DeckRun,
}

impl App {
    /// A workspace on `base` (the bundled benchmark, or any dataset in tests) with `state`.
    /// Files listed in `state.open_files` are queued to load on top of `base`; nothing is
    /// persisted unless the app was started by [`run`].
    pub fn new(base: Dataset, state: AppState) -> App {
        let files = state.open_files.clone();
        let mut app = App {
            state: AppState {
                open_files: Vec::new(),
                ..state
            },
            ui: UiState {
                transfer_to: base
                    .default_view()
                    .transfer_to
                    .clone()
                    .filter(|r| base.regions().get(r.as_str()).is_some()),
                ..UiState::default()
            },
            dataset: base.clone(),
            base,
            figure: chart::build(&Dataset::default(), &ChartSpec::default(), Locale::EnGb),
            figure_key: None,
            data_generation: 0,
            errors: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            gesture: 0,
            years_gesture: None,
            queue: Vec::new(),
            loader: Loader::default(),
            watcher: Watcher::default(),
            dialog_rx: None,
            pending_opens: Vec::new(),
            automation: None,
            import_dialog: None,
            export_dialog: None,
            persist: false,
            applied_style: None,
            table: table_panel::TableCache::default(),
            deck_run: deck::DeckRun::default(),
        };
        for path in files {
            let read = app.file_read(path);
            app.loader
                .push(loader::LoadJob::reading(JobKind::Restore, read));
        }
        app.refresh_figure();
        app
    }

    /// The data shown.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The figure of the current selection.
    pub fn figure(&self) -> &Figure {
        &self.figure
    }

    /// Errors not yet dismissed, in the interface language (a load error is the full
    /// `LoadError` text: file, line, column, what was expected).
    pub fn errors(&self) -> Vec<String> {
        self.errors
            .iter()
            .map(|e| e.shown(self.state.lang))
            .collect()
    }

    /// A workspace on the bundled benchmark as read (`base`); when it could not be read, on
    /// no data, with the error shown (never a silently empty app).
    pub fn starting(base: Result<Dataset, io::LoadError>, state: AppState) -> App {
        match base {
            Ok(ds) => App::new(ds, state),
            Err(e) => {
                let mut app = App::new(Dataset::default(), state);
                app.errors.push(errors::AppError::Benchmark(e));
                app
            }
        }
    }

    /// How many times the data table's rows were built (diagnostics: they are built once per
    /// change of data, selection, language or sort, not once per frame).
    pub fn table_builds(&self) -> u64 {
        self.table.builds()
    }

    /// What the figure was built from: selection, language and data generation.
    fn figure_key(&self) -> (ChartSpec, Lang, u64) {
        (
            self.state.spec.clone(),
            self.state.lang,
            self.data_generation,
        )
    }

    /// Whether a file is being loaded or waits to be.
    pub fn is_loading(&self) -> bool {
        self.loader.busy()
    }

    /// Whether [`Command::Undo`] would change something.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether [`Command::Redo`] would change something.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn locale(&self) -> Locale {
        Locale::for_lang(self.state.lang)
    }

    /// Rebuilds the figure if the selection, the language or the data changed.
    fn refresh_figure(&mut self) {
        let key = self.figure_key();
        if self.figure_key.as_ref() != Some(&key) {
            self.figure = chart::build(&self.dataset, &self.state.spec, self.locale());
            self.figure_key = Some(key);
        }
    }

    /// Keyboard shortcuts (from the command table, [`UserCommand`]) and dropped files.
    fn handle_input(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let presenting = self.ui.presentation;
        let mut cmds = Vec::new();
        ctx.input_mut(|i| {
            for uc in UserCommand::consume(i, typing, presenting) {
                cmds.push(uc.command(&self.state, &self.ui));
            }
            for f in &i.raw.dropped_files {
                let p = f.path();
                if !p.as_os_str().is_empty() {
                    cmds.push(AppCommand::Open(p.to_owned()));
                }
            }
        });
        self.queue.extend(cmds);
    }

    fn error_banner(&mut self, ui: &mut egui::Ui) {
        if self.errors.is_empty() {
            return;
        }
        let lang = self.state.lang;
        let mut dismiss = false;
        egui::Panel::top("errors")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .fill(theme::error_fill(self.state.dark))
                    .inner_margin(8.0),
            )
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.strong(Msg::LoadFailed.get(lang));
                    if ui.button(Msg::Dismiss.get(lang)).clicked() {
                        dismiss = true;
                    }
                });
                egui::ScrollArea::vertical()
                    .max_height(140.0)
                    .show(ui, |ui| {
                        for e in self.errors.iter().map(|e| e.shown(lang)) {
                            ui.label(egui::RichText::new(e).monospace());
                        }
                    });
            });
        if dismiss {
            self.queue.push(AppCommand::DismissErrors);
        }
    }

    /// The import (column mapping) and export dialogs, when open.
    fn dialogs(&mut self, ctx: &egui::Context, cmds: &mut Vec<AppCommand>) {
        let lang = self.state.lang;
        if let Some(d) = &mut self.import_dialog
            && let Some(outcome) = d.show(ctx, lang)
        {
            if let import_dialog::ImportOutcome::Import {
                path,
                mapping,
                sheet,
                save_beside,
            } = outcome
            {
                cmds.push(AppCommand::Import {
                    path,
                    mapping,
                    sheet,
                    save_beside,
                });
            }
            self.import_dialog = None;
        }
        if let Some(d) = &mut self.export_dialog {
            d.set_spec(self.state.spec.clone());
            if !d.show(ctx, &self.dataset, lang) {
                self.export_dialog = None;
            }
        }
    }

    /// Whether the import (mapping) dialog is open.
    pub fn import_dialog_open(&self) -> bool {
        self.import_dialog.is_some()
    }

    /// Whether the export dialog is open.
    pub fn export_dialog_open(&self) -> bool {
        self.export_dialog.is_some()
    }

    fn drop_overlay(&self, ctx: &egui::Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let screen = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop"),
        ));
        painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            Msg::DropHere.get(self.state.lang),
            egui::FontId::proportional(28.0),
            egui::Color32::WHITE,
        );
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let started = std::time::Instant::now();
        let ctx = ui.ctx().clone();
        theme::apply(self, &ctx);
        if ctx.input(|i| {
            i.pointer.any_pressed()
                || i.events
                    .iter()
                    .any(|e| matches!(e, egui::Event::Key { pressed: true, .. }))
        }) {
            self.gesture += 1;
        }
        self.handle_input(&ctx);
        self.poll_background(&ctx);
        self.refresh_figure();

        let mut uis = std::mem::take(&mut self.ui);
        let mut cmds = std::mem::take(&mut self.queue);
        top_bar::show(ui, self, &mut uis, &mut cmds);
        if !uis.presentation {
            top_bar::status_bar(ui, &mut uis);
        }
        self.queue.append(&mut cmds);
        self.ui = uis;
        self.error_banner(ui);

        let mut uis = std::mem::take(&mut self.ui);
        let mut cmds = std::mem::take(&mut self.queue);
        if !uis.presentation {
            egui::Panel::left("selection")
                .resizable(true)
                .default_size(290.0)
                .show(ui, |ui| {
                    egui::Panel::bottom("views")
                        .resizable(false)
                        .show(ui, |ui| views::show(ui, self, &mut uis, &mut cmds));
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        selection_panel::show(ui, self, &mut cmds);
                    });
                });
        }
        egui::CentralPanel::default().show(ui, |ui| match uis.tab {
            Tab::Chart => chart_view::show(ui, self, &mut uis, &mut cmds),
            Tab::Table => table_panel::show(ui, self, &mut uis),
            Tab::Practices => practices_panel::show(ui, self, &mut uis),
            Tab::Sources => sources_panel::show(ui, self),
            Tab::Coverage => coverage_panel::show(ui, self, &mut uis, &mut cmds),
        });
        help::show(&ctx, self.state.lang, &mut uis, &mut cmds);
        path_entry::show(&ctx, self.state.lang, &mut uis, &mut cmds);
        deck_panel::show(&ctx, self, &mut uis, &mut cmds);
        about::show(&ctx, self, &mut uis, &mut cmds);
        self.dialogs(&ctx, &mut cmds);
        self.drop_overlay(&ctx);
        self.queue.append(&mut cmds);
        self.ui = uis;

        for cmd in std::mem::take(&mut self.queue) {
            self.apply(cmd);
        }
        self.open_next_pending();
        if !self.queue.is_empty() {
            // a command queued after this frame's apply (the next file waiting for the
            // mapping dialog) runs on the next frame, not at the next mouse move
            ctx.request_repaint();
        }
        if let Some(mut a) = self.automation.take() {
            a.end_frame(&ctx, self, started.elapsed(), frame.info().cpu_usage);
            self.automation = Some(a);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            eframe::set_value(storage, state::STORAGE_KEY, &self.state);
        }
    }

    fn persist_egui_memory(&self) -> bool {
        self.persist
    }
}

/*!
Opening files and the desktop integration of the window.

- Files given on the command line (`servicescope data.csv deck.ron`, or a double-click in a
  file manager through the `.desktop` entry's `%F`) are queued by [`App::open_paths`] and go
  the same way as the Open button, drag and drop and the recent list ([`App::open`]):
  - a dataset (RON, CSV/TSV, XLSX/ODS, Our World in Data) loads on top of the current data;
    a table without a saved mapping first shows the mapping dialog, one file at a time;
  - a deck (`Deck(...)`) adds its charts as saved views, replacing views of the same name,
    and shows the first one (the arrow keys of presentation mode then step through them);
  - a chart description (`ChartSpec(...)`) becomes the current selection (undoable).
- The window's icon and the folder where eframe keeps the workspace ([`settings_file`]).
*/

use super::import_dialog::ImportDialog;
use super::loader::{JobKind, LoadJob};
use super::state::SavedView;
use super::{App, AppCommand};
use crate::desktop::{self, OpenKind};
use crate::export::deck;
use crate::i18n::Msg;
use crate::io::import::FileKind;
use eframe::egui;
use std::path::{Path, PathBuf};

/// Name under which eframe kept the workspace before the app had an application id: eframe
/// takes the folder from the app id, which defaulted to the `run_native` name `servicescope`.
const SETTINGS_FOLDER_NAME: &str = "servicescope";

/// The file where the workspace (selection, open files, saved views, window size) is kept:
/// `$XDG_DATA_HOME/servicescope/app.ron`, else `~/.local/share/servicescope/app.ron` on
/// Linux (eframe's folders on macOS and Windows). Setting an application id would move
/// eframe's default to a folder named after the id and lose existing workspaces, so the app
/// passes this path to eframe explicitly. `None` when no home folder is known.
pub fn settings_file() -> Option<PathBuf> {
    eframe::storage_dir(SETTINGS_FOLDER_NAME).map(|d| d.join("app.ron"))
}

/// The window icon (title bar, task switcher): the 256 px rendering of the app icon.
pub fn window_icon() -> Option<egui::IconData> {
    let png = include_bytes!(
        "../../assets/icons/hicolor/256x256/apps/io.github.servicescope.Servicescope.png"
    );
    eframe::icon_data::from_png_bytes(png).ok()
}

/// Where the window starts: title, size, icon and application id.
pub fn viewport() -> egui::ViewportBuilder {
    let mut v = egui::ViewportBuilder::default()
        .with_title("servicescope")
        .with_app_id(desktop::APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 500.0])
        .with_drag_and_drop(true);
    if let Some(icon) = window_icon() {
        v = v.with_icon(icon);
    }
    v
}

impl App {
    /// Queues files given on the command line; they open in the first frame, in order.
    /// Relative paths are made absolute (the workspace remembers open files), and a file
    /// already open (restored from the last session) is not loaded twice.
    pub fn open_paths(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        for p in paths {
            let p = std::path::absolute(&p).unwrap_or(p);
            if self.state.open_files.contains(&p) || self.loader.has(&p) {
                continue;
            }
            self.queue.push(AppCommand::Open(p));
        }
    }

    /// The file the mapping dialog is open for, if it is.
    pub fn import_dialog_file(&self) -> Option<&Path> {
        self.import_dialog.as_ref().map(|d| d.path())
    }

    /// Files waiting for the mapping dialog to close before they open.
    pub fn pending_opens(&self) -> &[PathBuf] {
        &self.pending_opens
    }

    /// Opens a file by kind (see the module documentation); the file is read on the loader
    /// thread.
    pub(super) fn open(&mut self, path: PathBuf) {
        match desktop::open_kind(&path) {
            OpenKind::Deck => self.loader.push(LoadJob::new(JobKind::Deck, path)),
            OpenKind::Chart => self.loader.push(LoadJob::new(JobKind::Chart, path)),
            OpenKind::Data => {
                // a table read before with a mapping chosen in the dialog is read the same
                // way; one without a saved mapping goes through the mapping dialog first,
                // one file at a time
                if self.state.import_choices.contains_key(&path) {
                    let read = self.file_read(path);
                    self.loader.push(LoadJob::reading(JobKind::Open, read));
                } else if FileKind::of(&path).is_some() && !ImportDialog::has_saved_mapping(&path) {
                    if self.import_dialog.is_some() || self.loader.has_kind(JobKind::Preview) {
                        self.pending_opens.push(path);
                        return;
                    }
                    self.loader.push(LoadJob::new(JobKind::Preview, path));
                } else {
                    self.loader.push(LoadJob::new(JobKind::Open, path));
                }
            }
        }
    }

    /// Adds the charts of `d` (read from `path`) as saved views, replacing views of the same
    /// name, and shows the first.
    pub(super) fn open_deck(&mut self, d: deck::Deck, path: &Path) {
        let mut first = None;
        for chart in d.charts {
            let view = SavedView {
                name: chart.name,
                spec: chart.spec,
            };
            let ix = match self.state.views.iter().position(|v| v.name == view.name) {
                Some(ix) => {
                    self.state.views[ix] = view;
                    ix
                }
                None => {
                    self.state.views.push(view);
                    self.state.views.len() - 1
                }
            };
            first.get_or_insert(ix);
        }
        if let Some(ix) = first {
            self.apply(AppCommand::RecallView(ix));
        }
        self.ui.status = Some(Msg::DeckOpened.fill(self.state.lang, &[&path.display()]));
    }

    /// Opens the next file that waited for the mapping dialog, once it has closed.
    pub(super) fn open_next_pending(&mut self) {
        if self.import_dialog.is_none()
            && !self.loader.has_kind(JobKind::Preview)
            && !self.pending_opens.is_empty()
        {
            let p = self.pending_opens.remove(0);
            self.queue.push(AppCommand::Open(p));
        }
    }
}

/*!
The workspace's deck: named charts ([`DeckChart`]) kept with the workspace, edited through
[`DeckCommand`]s (add the current chart, reorder, rename, remove, open one), saved as and
opened from a deck RON file (the [`Deck`] format `servicescope export --deck` reads), and
exported by the core deck exporters on a worker thread (`deck_export`). The panel that sends these commands is `deck_panel`.
*/

use super::App;
pub use super::deck_export::DeckFormat;
use super::errors::DeckError;
use super::state::Tab;
use crate::app::errors::StatusLine;
use crate::export::{self, Deck, DeckChart};
use crate::i18n::Msg;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// A change to the deck, sent by the deck panel (and the "Add to deck" control).
#[derive(Clone, Debug, PartialEq)]
pub enum DeckCommand {
    /// Add the current chart as the last slide; the name is made from the headline when
    /// empty, and made unique.
    Add(String),
    /// Move the slide at `from` to position `to`.
    Move {
        /// Index of the slide moved.
        from: usize,
        /// Its new index.
        to: usize,
    },
    /// Rename a slide (refused, with a message, when the name is not a safe unique file name).
    Rename(usize, String),
    /// Remove a slide.
    Remove(usize),
    /// Show a slide: its chart becomes the current one (undoable).
    Open(usize),
    /// Show or hide the deck panel.
    Show(bool),
    /// Save the deck as a deck RON file (atomically; `overwrite` after the user agreed).
    Save {
        /// The deck file.
        path: PathBuf,
        /// Replace an existing file.
        overwrite: bool,
    },
    /// Replace the deck by the charts of a deck RON file (`replace`: the user agreed to
    /// lose the slides of a deck that is not empty).
    Load {
        /// The deck file.
        path: PathBuf,
        /// Replace slides already in the deck.
        replace: bool,
    },
    /// Ask for a path with the native dialog (off the UI thread) and put it in a field.
    Browse(PickFor),
    /// Answer the question "replace these files?": run the waiting save or export (`true`)
    /// or drop it.
    Replace(bool),
    /// Export every slide with the core deck exporter, on a worker thread.
    Export {
        /// Folder the files go to.
        out: PathBuf,
        /// What is written.
        format: DeckFormat,
        /// Replace existing files (after the user agreed).
        overwrite: bool,
    },
}

/// A change that needs the user's consent because it would replace files, or the slides of
/// the deck (opening a deck file).
#[derive(Clone, Debug, PartialEq)]
pub struct PendingReplace {
    /// The command to run with `overwrite: true` (`replace: true`) once agreed.
    pub command: DeckCommand,
    /// The files that would be replaced (empty when the slides would be).
    pub files: Vec<PathBuf>,
}

/// Run-time state of the deck panel (not persisted).
#[derive(Default)]
pub struct DeckRun {
    /// The running export: its outcome arrives here.
    pub(super) job: Option<Receiver<Result<Vec<PathBuf>, DeckError>>>,
    /// The last outcome shown in the panel: `Ok(message)` or `Err(error)`.
    pub status: Option<StatusLine>,
    /// A save or export waiting for "Replace" / "Cancel".
    pub pending: Option<PendingReplace>,
    /// A native file dialog running: what it picks and for which field.
    picked: Option<Receiver<(PickFor, Option<PathBuf>)>>,
}

/// Which field of the deck window a native file dialog fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickFor {
    /// The deck file (save as / open).
    DeckFile,
    /// The export folder.
    ExportFolder,
}

impl std::fmt::Debug for DeckRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeckRun")
            .field("busy", &self.job.is_some())
            .field("status", &self.status)
            .field("pending", &self.pending)
            .finish()
    }
}

/// The deck file holding `charts` (no export settings: the command line or the export
/// panel chooses them).
pub fn deck_of(charts: &[DeckChart]) -> Deck {
    Deck {
        charts: charts.to_vec(),
        ..Deck::default()
    }
}

/// The RON text of a deck, read back by [`crate::export::deck::parse_deck`].
pub fn deck_text(deck: &Deck) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::new()
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
        .struct_names(true);
    ron::ser::to_string_pretty(deck, pretty)
}

/// `base` made a valid deck name (letters, digits, `-`, `_`, `.`) not used by `charts`:
/// `base`, `base-2`, `base-3`…
pub fn unique_name(charts: &[DeckChart], base: &str) -> String {
    let base = super::export_dialog::slugify(base);
    let taken = |n: &str| {
        charts
            .iter()
            .any(|c| export::deck::fold_name(&c.name) == export::deck::fold_name(n))
    };
    if !taken(&base) && !export::deck::is_windows_device(&base) {
        return base;
    }
    (2..)
        .map(|i| format!("{base}-{i}"))
        .find(|n| !taken(n))
        .unwrap_or(base)
}

impl App {
    /// The slides of the workspace's deck, in order.
    pub fn deck(&self) -> &[DeckChart] {
        &self.state.deck
    }

    /// Whether a deck export is running.
    pub fn deck_busy(&self) -> bool {
        self.deck_run.job.is_some()
    }

    /// The last outcome of a deck save, load or export (`Ok(message)` or `Err(error)`).
    pub fn deck_status(&self) -> Option<&StatusLine> {
        self.deck_run.status.as_ref()
    }

    /// A save or export waiting for the user to agree to replace files.
    pub fn deck_pending(&self) -> Option<&PendingReplace> {
        self.deck_run.pending.as_ref()
    }

    /// Blocks until the running deck export has ended and records its outcome (tests).
    pub fn finish_deck_export(&mut self) {
        if let Some(rx) = self.deck_run.job.take() {
            let outcome = rx.recv().unwrap_or(Err(DeckError::Stopped));
            self.deck_exported(outcome);
        }
    }

    fn browse(&mut self, what: PickFor) {
        let (tx, rx) = mpsc::channel();
        let title = Msg::Deck.get(self.state.lang).to_owned();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new().set_title(title);
            // an open dialog: "Browse" picks a deck file to open (a new file to save to is
            // typed into the field, or chosen by the save dialog of "Save deck")
            let picked = match what {
                PickFor::DeckFile => dialog.add_filter("deck", &["ron"]).pick_file(),
                PickFor::ExportFolder => dialog.pick_folder(),
            };
            // not sent only when the app has quit meanwhile: the answer is for nobody then
            let _ = tx.send((what, picked));
        });
        self.deck_run.picked = Some(rx);
    }

    /// What the deck window's file dialog answered for the field `what`: the path goes into
    /// the field; no path (dismissed, or no file-dialog portal on this desktop) is said, the
    /// field staying as it was for a typed path.
    pub fn deck_dialog_answer(&mut self, what: PickFor, path: Option<PathBuf>) {
        let Some(path) = path else {
            let lang = self.state.lang;
            self.deck_run.status = Some(StatusLine::Done(Msg::NoFileChosen.get(lang).to_owned()));
            return;
        };
        let text = path.display().to_string();
        match what {
            PickFor::DeckFile => self.ui.deck_file = text,
            PickFor::ExportFolder => self.ui.deck_out = text,
        }
    }

    /// Checks the running export and file dialog between frames.
    pub(super) fn poll_deck(&mut self, ctx: &eframe::egui::Context) {
        if let Some(rx) = &self.deck_run.picked {
            match rx.try_recv() {
                Ok((what, path)) => {
                    self.deck_run.picked = None;
                    self.deck_dialog_answer(what, path);
                }
                Err(TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(100))
                }
                Err(TryRecvError::Disconnected) => self.deck_run.picked = None,
            }
        }
        let Some(rx) = &self.deck_run.job else {
            return;
        };
        match rx.try_recv() {
            Ok(outcome) => {
                self.deck_run.job = None;
                self.deck_exported(outcome);
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50))
            }
            Err(TryRecvError::Disconnected) => {
                self.deck_run.job = None;
                self.deck_exported(Err(DeckError::Stopped));
            }
        }
    }

    pub(super) fn deck_exported(&mut self, outcome: Result<Vec<PathBuf>, DeckError>) {
        let lang = self.state.lang;
        self.deck_run.status = Some(match outcome {
            Ok(files) => StatusLine::Done(
                Msg::Labelled.fill(lang, &[&Msg::DeckExported.get(lang), &files.len()]),
            ),
            Err(e) => StatusLine::Failed(
                Msg::Labelled.fill(lang, &[&Msg::DeckNotExported.get(lang), &e.shown(lang)]),
            ),
        });
    }

    /// Applies a deck command (called by [`App::apply`]).
    pub(super) fn apply_deck(&mut self, cmd: DeckCommand) {
        let lang = self.state.lang;
        match cmd {
            DeckCommand::Add(name) => {
                let base = if name.trim().is_empty() {
                    self.figure.title.clone()
                } else {
                    name
                };
                let name = unique_name(&self.state.deck, &base);
                self.state.deck.push(DeckChart {
                    name: name.clone(),
                    spec: self.state.spec.clone(),
                    size: None,
                });
                self.ui.status =
                    Some(Msg::Labelled.fill(lang, &[&Msg::AddedToDeck.get(lang), &name]));
            }
            DeckCommand::Move { from, to } => {
                let n = self.state.deck.len();
                if from < n && to < n && from != to {
                    let slide = self.state.deck.remove(from);
                    self.state.deck.insert(to, slide);
                }
            }
            DeckCommand::Rename(ix, name) => {
                let name = name.trim().to_owned();
                let mut charts = self.state.deck.clone();
                let Some(slide) = charts.get_mut(ix) else {
                    return;
                };
                slide.name = name;
                match deck_of(&charts).check_names() {
                    Ok(()) => self.state.deck = charts,
                    Err(p) => {
                        self.deck_run.status = Some(StatusLine::Failed(p.fault.message(lang)))
                    }
                }
            }
            DeckCommand::Remove(ix) => {
                if ix < self.state.deck.len() {
                    self.state.deck.remove(ix);
                }
            }
            DeckCommand::Open(ix) => {
                if let Some(slide) = self.state.deck.get(ix) {
                    let spec = slide.spec.clone();
                    self.apply(super::AppCommand::SetSpec(Box::new(spec)));
                    self.ui.tab = Tab::Chart;
                }
            }
            DeckCommand::Show(on) => self.ui.show_deck = on,
            DeckCommand::Save { path, overwrite } => self.save_deck(path, overwrite),
            DeckCommand::Load { path, replace } => match export::deck::read_deck(&path) {
                Ok(d) if !replace && !self.state.deck.is_empty() && self.state.deck != d.charts => {
                    // the slides made here would be lost: ask first
                    self.deck_run.pending = Some(PendingReplace {
                        command: DeckCommand::Load {
                            path,
                            replace: true,
                        },
                        files: Vec::new(),
                    });
                }
                Ok(d) => {
                    self.state.deck = d.charts;
                    self.ui.deck_file = path.display().to_string();
                    self.deck_run.status = Some(StatusLine::Done(
                        Msg::Labelled.fill(lang, &[&Msg::DeckLoaded.get(lang), &path.display()]),
                    ));
                }
                Err(e) => self.deck_run.status = Some(StatusLine::Failed(e.message(lang))),
            },
            DeckCommand::Replace(agree) => self.answer_pending(agree),
            DeckCommand::Browse(what) => self.browse(what),
            DeckCommand::Export {
                out,
                format,
                overwrite,
            } => self.export_deck(out, format, overwrite),
        }
    }

    fn save_deck(&mut self, path: PathBuf, overwrite: bool) {
        let lang = self.state.lang;
        if path.as_os_str().is_empty() {
            self.deck_run.status = Some(StatusLine::Failed(Msg::DeckNoFile.get(lang).to_owned()));
            return;
        }
        if !overwrite && crate::io::atomic::name_taken(&path) {
            self.deck_run.pending = Some(PendingReplace {
                command: DeckCommand::Save {
                    path: path.clone(),
                    overwrite: true,
                },
                files: vec![path],
            });
            return;
        }
        let written = deck_text(&deck_of(&self.state.deck))
            .map_err(DeckError::from)
            .and_then(|text| {
                crate::io::atomic::write_atomic(&path, text.as_bytes(), overwrite)
                    .map_err(DeckError::from)
            });
        self.deck_run.status = Some(match written {
            Ok(()) => StatusLine::Done(format!("{}: {}", Msg::DeckSaved.get(lang), path.display())),
            Err(e) => StatusLine::Failed(e.shown(lang)),
        });
    }

    /// Runs the write waiting for consent (`agree`) or drops it.
    fn answer_pending(&mut self, agree: bool) {
        if let Some(p) = self.deck_run.pending.take()
            && agree
        {
            self.apply_deck(p.command);
        }
    }
}

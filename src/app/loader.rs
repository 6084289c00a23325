/*!
All file work of the app, off the interface thread, and noticing when open files change.

A [`Loader`] runs one job at a time on a background thread and queues the others; the
result comes back over a channel and is applied by the app between frames. Jobs: load a
file on top of the data (after saving its mapping beside it when the import dialog asked
to), rebuild the data from the bundled base and the open files (a file changed or was
closed), read the preview the import dialog opens on, read a deck or a chart description.
A failed job returns a typed [`JobError`] and the app keeps its data.

Changed files are found by polling modification times once a second ([`Watcher`]); this is
cheap for the handful of files a consultant opens and works the same on every platform.
*/

use super::import_dialog;
use crate::chart::ChartSpec;
use crate::export::deck::{self, Deck};
use crate::io::LoadError;
use crate::io::import::{FilePreview, Mapping, Progress};
use crate::io::load;
use crate::model::Dataset;
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant, SystemTime};

/// What a job does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    /// Load a new file on top of the current data.
    Open,
    /// Load a file again at start (restored workspace) on top of the current data.
    Restore,
    /// A file changed on disk: rebuild the data from the bundled base and every open file.
    Reload,
    /// A file was closed: rebuild the data from the bundled base and the files still open.
    Close,
    /// Read the header and first rows of a table for the import dialog.
    Preview,
    /// Read a deck (its charts become saved views).
    Deck,
    /// Read a chart description (it becomes the selection).
    Chart,
}

/// A file of the workspace and how it is read: the mapping and sheet chosen in the import
/// dialog, if any (else the mapping saved beside the file, or a guess).
#[derive(Clone, Debug, PartialEq)]
pub struct FileRead {
    /// The file.
    pub path: PathBuf,
    /// Column mapping chosen in the import dialog.
    pub mapping: Option<Box<Mapping>>,
    /// Sheet of a workbook chosen in the import dialog.
    pub sheet: Option<String>,
}

/// A job for the loader.
#[derive(Clone, Debug)]
pub struct LoadJob {
    /// What to do.
    pub kind: JobKind,
    /// The file concerned.
    pub path: PathBuf,
    /// Column mapping chosen in the import dialog (else the one saved beside the file, or a
    /// guess).
    pub mapping: Option<Box<Mapping>>,
    /// Sheet of a workbook chosen in the import dialog.
    pub sheet: Option<String>,
    /// Save `mapping` beside the file before loading it.
    pub save_beside: bool,
}

impl LoadJob {
    /// A job with no explicit mapping.
    pub fn new(kind: JobKind, path: PathBuf) -> LoadJob {
        LoadJob {
            kind,
            path,
            mapping: None,
            sheet: None,
            save_beside: false,
        }
    }

    /// A job reading `file` as the workspace does.
    pub fn reading(kind: JobKind, file: FileRead) -> LoadJob {
        LoadJob {
            kind,
            path: file.path,
            mapping: file.mapping,
            sheet: file.sheet,
            save_beside: false,
        }
    }
}

/// What a finished job produced.
#[derive(Debug)]
pub enum Loaded {
    /// The new data.
    Data(Box<Dataset>),
    /// The preview of a table and the catalogue it was read against, for the import dialog.
    Preview {
        /// Header, first rows, detected format, saved and guessed mappings.
        preview: Box<FilePreview>,
        /// What names are resolved against.
        catalog: Box<Dataset>,
    },
    /// A deck.
    Deck(Deck),
    /// A chart description.
    Chart(Box<ChartSpec>),
}

/// Why a job failed.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// The file could not be read, parsed, validated or imported (or its mapping saved).
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The background thread ended without an answer.
    #[error("{}", self.message(crate::i18n::Lang::En))]
    Stopped(PathBuf),
}

impl JobError {
    /// What went wrong, in `lang` (the catalogue's sentence, starting with the file).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match self {
            JobError::Load(e) => e.message(lang),
            JobError::Stopped(path) => {
                crate::i18n::Msg::ErrLoaderStopped.fill(lang, &[&path.display()])
            }
        }
    }
}

/// A finished job.
#[derive(Debug)]
pub struct Done {
    /// The job.
    pub job: LoadJob,
    /// What it produced, or why it failed.
    pub result: Result<Loaded, JobError>,
}

struct Running {
    job: LoadJob,
    rx: Receiver<Result<Loaded, JobError>>,
    started: Instant,
    /// Fraction read (f32 bits), reported by imports of tables.
    fraction: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
}

/// Runs jobs on a background thread, one at a time.
#[derive(Default)]
pub struct Loader {
    running: Option<Running>,
    queue: VecDeque<LoadJob>,
}

impl Loader {
    /// Adds a job; it starts when the loader is idle (see [`Loader::poll`]).
    pub fn push(&mut self, job: LoadJob) {
        self.queue.push_back(job);
    }

    /// Whether a job is running or waiting.
    pub fn busy(&self) -> bool {
        self.running.is_some() || !self.queue.is_empty()
    }

    /// Whether `path` is being loaded or waits to be.
    pub fn has(&self, path: &Path) -> bool {
        self.running.as_ref().is_some_and(|r| r.job.path == path)
            || self.queue.iter().any(|j| j.path == path)
    }

    /// Whether a job of `kind` is running or waiting.
    pub fn has_kind(&self, kind: JobKind) -> bool {
        self.running.as_ref().is_some_and(|r| r.job.kind == kind)
            || self.queue.iter().any(|j| j.kind == kind)
    }

    /// The file being loaded, for how long, and the fraction read (0–1; stays 0 for RON
    /// files, which report no progress), for the progress bar.
    pub fn current(&self) -> Option<(&Path, Duration, f32)> {
        self.running.as_ref().map(|r| {
            (
                r.job.path.as_path(),
                r.started.elapsed(),
                f32::from_bits(r.fraction.load(Ordering::Relaxed)),
            )
        })
    }

    /// Abandons the running job (an import stops at its next progress check) and every
    /// waiting one; their results are discarded.
    pub fn cancel(&mut self) {
        if let Some(r) = self.running.take() {
            r.cancel.store(true, Ordering::Relaxed);
        }
        self.queue.clear();
    }

    /// Starts the next job if idle, and returns the running job's result if it finished.
    /// `current` is the data new files are loaded on top of; `base` and `files` are what a
    /// rebuild starts from.
    pub fn poll(&mut self, current: &Dataset, base: &Dataset, files: &[FileRead]) -> Option<Done> {
        if self.running.is_none()
            && let Some(job) = self.queue.pop_front()
        {
            self.start(job, current, base, files);
        }
        let running = self.running.as_ref()?;
        match running.rx.try_recv() {
            Ok(result) => {
                let job = self.running.take()?.job;
                Some(Done { job, result })
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                let job = self.running.take()?.job;
                let stopped = JobError::Stopped(job.path.clone());
                Some(Done {
                    job,
                    result: Err(stopped),
                })
            }
        }
    }

    /// Blocks until the running job (started if needed) finishes; for tests and scripts.
    pub fn wait(&mut self, current: &Dataset, base: &Dataset, files: &[FileRead]) -> Option<Done> {
        if self.running.is_none() {
            let job = self.queue.pop_front()?;
            self.start(job, current, base, files);
        }
        let running = self.running.take()?;
        let result = running
            .rx
            .recv()
            .unwrap_or_else(|_| Err(JobError::Stopped(running.job.path.clone())));
        Some(Done {
            job: running.job,
            result,
        })
    }

    fn start(&mut self, job: LoadJob, current: &Dataset, base: &Dataset, files: &[FileRead]) {
        let (tx, rx) = channel();
        let fraction = Arc::new(AtomicU32::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (f, c) = (Arc::clone(&fraction), Arc::clone(&cancel));
        let work = Work::of(&job, current, base, files);
        std::thread::spawn(move || {
            let report = move |x: f32| f.store(x.to_bits(), Ordering::Relaxed);
            let progress = Progress {
                on_progress: &report,
                cancel: &c,
            };
            let result = work.run(&progress);
            // the receiver is gone only when the job was cancelled or the app closed: nobody
            // wants the result then
            match tx.send(result) {
                Ok(()) | Err(_) => {}
            }
        });
        self.running = Some(Running {
            job,
            rx,
            started: Instant::now(),
            fraction,
            cancel,
        });
    }
}

/// A job with the data it needs, moved to the background thread.
enum Work {
    /// Load `files` in order on top of `on_top_of`, first saving `save` (a mapping beside
    /// its data file).
    Load {
        on_top_of: Dataset,
        files: Vec<FileRead>,
        save: Option<(PathBuf, Box<Mapping>)>,
    },
    Preview {
        path: PathBuf,
        catalog: Dataset,
    },
    Deck(PathBuf),
    Chart(PathBuf),
}

impl Work {
    fn of(job: &LoadJob, current: &Dataset, base: &Dataset, files: &[FileRead]) -> Work {
        let this = FileRead {
            path: job.path.clone(),
            mapping: job.mapping.clone(),
            sheet: job.sheet.clone(),
        };
        match job.kind {
            JobKind::Open | JobKind::Restore => Work::Load {
                on_top_of: current.clone(),
                save: job
                    .mapping
                    .clone()
                    .filter(|_| job.save_beside)
                    .map(|m| (job.path.clone(), m)),
                files: vec![this],
            },
            JobKind::Reload | JobKind::Close => Work::Load {
                on_top_of: base.clone(),
                files: files.to_vec(),
                save: None,
            },
            JobKind::Preview => Work::Preview {
                path: job.path.clone(),
                catalog: current.catalog(),
            },
            JobKind::Deck => Work::Deck(job.path.clone()),
            JobKind::Chart => Work::Chart(job.path.clone()),
        }
    }

    fn run(self, progress: &Progress<'_>) -> Result<Loaded, JobError> {
        match self {
            Work::Load {
                on_top_of,
                files,
                save,
            } => {
                if let Some((path, mapping)) = save {
                    import_dialog::save_mapping_beside(&path, &mapping)?;
                }
                let mut ds = on_top_of;
                for f in &files {
                    ds = load::load_path_with(
                        &ds,
                        &f.path,
                        f.mapping.as_deref(),
                        f.sheet.as_deref(),
                        Some(progress),
                    )?;
                }
                Ok(Loaded::Data(Box::new(ds)))
            }
            Work::Preview { path, catalog } => {
                let preview = import_dialog::read_preview(&path, None, &catalog)?;
                Ok(Loaded::Preview {
                    preview: Box::new(preview),
                    catalog: Box::new(catalog),
                })
            }
            Work::Deck(path) => Ok(Loaded::Deck(deck::read_deck(&path)?)),
            Work::Chart(path) => Ok(Loaded::Chart(Box::new(deck::read_chart_spec(&path)?))),
        }
    }
}

/// Polls the modification times of open files.
#[derive(Default)]
pub struct Watcher {
    seen: HashMap<PathBuf, Option<SystemTime>>,
    last_check: Option<Instant>,
}

/// How often files are checked.
pub const WATCH_INTERVAL: Duration = Duration::from_secs(1);

fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl Watcher {
    /// Records the current modification time of `path` (after loading it).
    pub fn record(&mut self, path: &Path) {
        self.seen.insert(path.to_owned(), mtime(path));
    }

    /// Forgets a closed file.
    pub fn forget(&mut self, path: &Path) {
        self.seen.remove(path);
    }

    /// Files among `files` whose modification time changed since recorded; checks at most
    /// once per [`WATCH_INTERVAL`].
    pub fn changed(&mut self, files: &[PathBuf]) -> Vec<PathBuf> {
        if self
            .last_check
            .is_some_and(|t| t.elapsed() < WATCH_INTERVAL)
        {
            return Vec::new();
        }
        self.last_check = Some(Instant::now());
        let mut out = Vec::new();
        for f in files {
            let now = mtime(f);
            match self.seen.get(f) {
                Some(before) if *before != now => {
                    self.seen.insert(f.clone(), now);
                    out.push(f.clone());
                }
                Some(_) => {}
                None => {
                    self.seen.insert(f.clone(), now);
                }
            }
        }
        out
    }
}

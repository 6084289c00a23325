/*!
Loading dataset files off the interface thread, and noticing when open files change.

A [`Loader`] runs one job at a time on a background thread and queues the others; the
result comes back over a channel and is applied by the app between frames. A failed load
returns the [`crate::io::LoadError`] text and the app keeps its data.

Changed files are found by polling modification times once a second ([`Watcher`]); this is
cheap for the handful of files a consultant opens and works the same on every platform.
*/

use crate::io::import::Mapping;
use crate::io::import::Progress;
use crate::io::load;
use crate::model::Dataset;
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant, SystemTime};

/// What a job does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobKind {
    /// Load a new file on top of the current data.
    Open,
    /// Load a file again at start (restored workspace) on top of the current data.
    Restore,
    /// A file changed on disk: rebuild the data from the bundled base and every open file.
    Reload,
}

/// A job for the loader.
#[derive(Clone, Debug)]
pub struct Job {
    /// What to do.
    pub kind: JobKind,
    /// The file concerned.
    pub path: PathBuf,
    /// Column mapping chosen in the import dialog (else the one saved beside the file, or a
    /// guess).
    pub mapping: Option<Box<Mapping>>,
    /// Sheet of a workbook chosen in the import dialog.
    pub sheet: Option<String>,
}

impl Job {
    /// A job with no explicit mapping.
    pub fn new(kind: JobKind, path: PathBuf) -> Job {
        Job {
            kind,
            path,
            mapping: None,
            sheet: None,
        }
    }
}

/// A finished job.
#[derive(Debug)]
pub struct Done {
    /// The job.
    pub job: Job,
    /// The new data, or the load error as text (`file:line:col: message` or a report).
    pub result: Result<Dataset, String>,
}

struct Running {
    job: Job,
    rx: Receiver<Result<Dataset, String>>,
    started: Instant,
    /// Fraction read (f32 bits), reported by imports of tables.
    fraction: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
}

/// Runs load jobs on a background thread, one at a time.
#[derive(Default)]
pub struct Loader {
    running: Option<Running>,
    queue: VecDeque<Job>,
}

impl Loader {
    /// Adds a job; it starts when the loader is idle (see [`Loader::poll`]).
    pub fn push(&mut self, job: Job) {
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
    /// reload rebuilds from.
    pub fn poll(&mut self, current: &Dataset, base: &Dataset, files: &[PathBuf]) -> Option<Done> {
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
                let msg = format!("{}: the loader stopped unexpectedly", job.path.display());
                Some(Done {
                    job,
                    result: Err(msg),
                })
            }
        }
    }

    /// Blocks until the running job (started if needed) finishes; for tests and scripts.
    pub fn wait(&mut self, current: &Dataset, base: &Dataset, files: &[PathBuf]) -> Option<Done> {
        if self.running.is_none() {
            let job = self.queue.pop_front()?;
            self.start(job, current, base, files);
        }
        let running = self.running.take()?;
        let result = running
            .rx
            .recv()
            .unwrap_or_else(|_| Err("the loader stopped unexpectedly".to_owned()));
        Some(Done {
            job: running.job,
            result,
        })
    }

    fn start(&mut self, job: Job, current: &Dataset, base: &Dataset, files: &[PathBuf]) {
        let (tx, rx) = channel();
        let path = job.path.clone();
        let (mapping, sheet) = (job.mapping.clone(), job.sheet.clone());
        let (on_top_of, files): (Dataset, Vec<PathBuf>) = match job.kind {
            JobKind::Open | JobKind::Restore => (current.clone(), vec![path]),
            JobKind::Reload => (base.clone(), files.to_vec()),
        };
        let fraction = Arc::new(AtomicU32::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (f, c) = (Arc::clone(&fraction), Arc::clone(&cancel));
        std::thread::spawn(move || {
            let report = move |x: f32| f.store(x.to_bits(), Ordering::Relaxed);
            let progress = Progress {
                on_progress: &report,
                cancel: &c,
            };
            let mut result = Ok(on_top_of);
            for p in &files {
                result = result.and_then(|ds| {
                    load::load_path_with(
                        &ds,
                        p,
                        mapping.as_deref(),
                        sheet.as_deref(),
                        Some(&progress),
                    )
                    .map_err(|e| e.to_string())
                });
            }
            // the receiver is gone when the job was cancelled: nothing to do
            let _ = tx.send(result);
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

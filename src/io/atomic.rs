/*!
Atomic writes, the one home for every save: the bytes go to a temporary file in the
destination's directory, are flushed to disk, then published under the destination's name.
A failed write leaves any previous file intact.

- Without overwriting, the temporary file is published with a hard link, which the system
  refuses when the name exists (a file, a directory or a symbolic link, even a dangling
  one): two processes racing to create one file cannot both succeed, and nothing is
  replaced. On file systems without hard links the file is created exclusively instead.
- With overwriting, the temporary file is renamed over the destination, after taking the
  existing file's permissions (a private `0600` file stays private).
- Temporary files are named `.servicescope-PID-N.tmp` ([`TEMP_PREFIX`], the writing
  process's id, a counter, [`TEMP_SUFFIX`]), 39 bytes at most, so any name the file system
  accepts can be written. A process killed during a write leaves its temporary file
  behind; the next write to that directory removes such files whose process is gone (on
  Linux) or that are older than [`STALE_AFTER`].
- [`refuse_inputs`] checks that an output is not one of the command's input files (after
  symbolic links, and by device and inode for hard links), so `--force` can never overwrite
  the data it reads.
*/

use crate::i18n::{Lang, Msg};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Start of every temporary file name.
pub const TEMP_PREFIX: &str = ".servicescope-";
/// End of every temporary file name.
pub const TEMP_SUFFIX: &str = ".tmp";
/// Age after which a temporary file of ours is removed even if its process may be alive.
pub const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Why a write failed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The destination exists and overwriting was not allowed.
    #[error("{}: the file already exists; nothing was written (use --force to overwrite it)", path.display())]
    Exists {
        /// Destination.
        path: PathBuf,
    },
    /// The destination is one of the command's input files.
    #[error("{}: this output is the input file {}; refusing to overwrite it, even with --force (choose another output name)", path.display(), input.display())]
    IsInput {
        /// Destination.
        path: PathBuf,
        /// The input it resolves to.
        input: PathBuf,
    },
    /// An I/O error while writing or renaming.
    #[error("{}: cannot write: {source}", path.display())]
    Io {
        /// Destination.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
}

/// Whether something (a file, a directory, a symbolic link even if dangling) has this name.
pub fn name_taken(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

impl WriteError {
    /// The message in `lang`, for the app (`Display` gives the command line's English text,
    /// which names `--force`).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WriteError::Exists { path } => Msg::WriteExists.fill(lang, &[&path.display()]),
            WriteError::IsInput { path, input } => {
                Msg::WriteIsInput.fill(lang, &[&path.display(), &input.display()])
            }
            WriteError::Io { path, source } => Msg::WriteIo.fill(
                lang,
                &[&path.display(), &crate::i18n::os_error(source, lang)],
            ),
        }
    }
}

/// Refuses `path` when something has that name and `overwrite` is false: the early check
/// before work whose result [`write_atomic`] writes (which checks again, race-free).
pub fn refuse_taken(path: &Path, overwrite: bool) -> Result<(), WriteError> {
    if !overwrite && name_taken(path) {
        return Err(WriteError::Exists {
            path: path.to_owned(),
        });
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically. With `overwrite == false` an existing name (even a
/// dangling symbolic link) is an error and is left untouched, race-free.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let io_err = |source| WriteError::Io {
        path: path.to_owned(),
        source,
    };
    let exists = || WriteError::Exists {
        path: path.to_owned(),
    };
    refuse_taken(path, overwrite)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    remove_stale_temps(dir);
    let (tmp, mut file) = tempfile_in(dir).map_err(io_err)?;
    let written = (|| {
        file.write_all(bytes)?;
        if overwrite && let Ok(meta) = std::fs::metadata(path) {
            // keep the replaced file's permissions
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()
    })();
    drop(file);
    if let Err(e) = written {
        // best effort: the write error is the one to report; a temporary file left behind
        // is removed by [`remove_stale_temps`] later
        let _ = std::fs::remove_file(&tmp);
        return Err(io_err(e));
    }
    if overwrite {
        if let Err(e) = std::fs::rename(&tmp, path) {
            // best effort, as above: the rename error is the one to report
            let _ = std::fs::remove_file(&tmp);
            return Err(io_err(e));
        }
        return Ok(());
    }
    let linked = std::fs::hard_link(&tmp, path);
    // the temporary name is dropped whatever the link did; a failure leaves a file that
    // [`remove_stale_temps`] removes later, and `linked` is what the caller needs to know
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists || name_taken(path) => {
            Err(exists())
        }
        // no hard links here (FAT, some network shares): create the name exclusively
        Err(_) => create_new_with(path, bytes).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                exists()
            } else {
                io_err(e)
            }
        }),
    }
}

/// Creates `path` exclusively and writes `bytes`; removes the partial file on failure.
fn create_new_with(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    let r = f.write_all(bytes).and_then(|()| f.sync_all());
    if r.is_err() {
        drop(f);
        // best effort: the write error `r` is the one reported
        let _ = std::fs::remove_file(path);
    }
    r
}

/// Creates a new temporary file `.servicescope-PID-N.tmp` in `dir`.
fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let pid = std::process::id();
    for _ in 0..1000u32 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let candidate = dir.join(temp_name(pid, n));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(f) => return Ok((candidate, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("could not create a temporary file"))
}

/// The temporary file name of process `pid`, number `n`.
pub fn temp_name(pid: u32, n: u32) -> String {
    format!("{TEMP_PREFIX}{pid}-{n}{TEMP_SUFFIX}")
}

/// The process id in one of our temporary file names, or `None` for any other name.
pub fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    let (pid, n) = rest.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || !digits(n) {
        return None;
    }
    pid.parse().ok()
}

/// Whether process `pid` is known to be gone (Linux: no `/proc/PID`); `false` when unknown.
fn process_gone(pid: u32) -> bool {
    if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
        !Path::new("/proc").join(pid.to_string()).exists()
    } else {
        false
    }
}

/// Removes temporary files of ours left in `dir` by a process that was killed: those whose
/// process is gone, or older than [`STALE_AFTER`]. Other files are never touched; failures
/// are ignored (cleaning is a courtesy, not part of the write).
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    // a directory can hold many files: look at a bounded number of entries
    for entry in entries.take(100_000).flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_pid) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if (pid != me && process_gone(pid)) || old {
            // best effort: another process may have removed it first
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Where `path` leads: the canonical path when it exists; for a name that does not exist,
/// the canonical parent joined with the file name (a dangling symbolic link is followed one
/// level).
fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    let target = match std::fs::read_link(path) {
        Ok(t) if t.is_absolute() => t,
        Ok(t) => path.parent().unwrap_or(Path::new("")).join(t),
        Err(_) => path.to_owned(),
    };
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(
        std::fs::canonicalize(parent)
            .ok()?
            .join(target.file_name()?),
    )
}

/// (device, inode) of an existing file, following symbolic links.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_path: &Path) -> Option<(u64, u64)> {
    None
}

/// Refuses an `output` that is one of `inputs`: the same path after resolving symbolic links
/// and `..` (the parent canonicalised plus the file name when the output does not exist
/// yet), or the same file through another hard link (same device and inode). Applies even
/// with `--force`: overwriting the data being read would destroy it.
pub fn refuse_inputs(output: &Path, inputs: &[&Path]) -> Result<(), WriteError> {
    let out_resolved = resolve(output);
    let out_id = file_id(output);
    for input in inputs {
        let same_path = out_resolved.is_some() && resolve(input) == out_resolved;
        let same_file = out_id.is_some() && file_id(input) == out_id;
        if same_path || same_file {
            return Err(WriteError::IsInput {
                path: output.to_owned(),
                input: input.to_path_buf(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_refuses_and_overwrites() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let p = dir.path().join("a.txt");
        write_atomic(&p, b"one", false)?;
        assert!(matches!(
            write_atomic(&p, b"two", false),
            Err(WriteError::Exists { .. })
        ));
        assert_eq!(std::fs::read(&p)?, b"one");
        write_atomic(&p, b"two", true)?;
        assert_eq!(std::fs::read(&p)?, b"two");
        // no temporary file left behind
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn failed_write_keeps_previous_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let p = dir.path().join("a.txt");
        write_atomic(&p, b"keep", false)?;
        // a destination that is a directory cannot be replaced by rename
        let d = dir.path().join("sub");
        std::fs::create_dir(&d)?;
        std::fs::write(d.join("x"), b"x")?;
        assert!(write_atomic(&d, b"new", true).is_err());
        assert_eq!(std::fs::read(&p)?, b"keep");
        assert_eq!(std::fs::read(d.join("x"))?, b"x");
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 2);
        Ok(())
    }

    #[test]
    fn temp_names_are_short_and_recognised() {
        let name = temp_name(u32::MAX, u32::MAX);
        assert_eq!(name, ".servicescope-4294967295-4294967295.tmp");
        assert!(name.len() <= 40);
        assert_eq!(temp_pid(&name), Some(u32::MAX));
        assert_eq!(temp_pid(".servicescope-12-0.tmp"), Some(12));
        for other in [
            ".servicescope-12.tmp",
            ".servicescope--0.tmp",
            ".servicescope-12-x.tmp",
            "servicescope-12-0.tmp",
            ".report.csv.12.0.tmp",
            ".servicescope-12-0.tmp.bak",
        ] {
            assert_eq!(temp_pid(other), None, "{other}");
        }
    }
}

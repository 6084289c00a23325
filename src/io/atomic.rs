/*!
Atomic writes: the bytes go to a temporary file in the destination's directory, are flushed
to disk, then renamed over the destination. A failed write leaves any previous file intact.
*/

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a write failed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The destination exists and overwriting was not allowed.
    #[error("{}: the file already exists (use --force to overwrite it)", path.display())]
    Exists {
        /// Destination.
        path: PathBuf,
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

/// Writes `bytes` to `path` atomically. With `overwrite == false` an existing file is an error.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let io_err = |source| WriteError::Io {
        path: path.to_owned(),
        source,
    };
    if !overwrite && path.exists() {
        return Err(WriteError::Exists {
            path: path.to_owned(),
        });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile_in(dir, path).map_err(io_err)?;
    let result = (|| {
        tmp.1.write_all(bytes)?;
        tmp.1.sync_all()?;
        std::fs::rename(&tmp.0, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp.0);
        return Err(io_err(e));
    }
    Ok(())
}

/// Creates a new, uniquely named temporary file next to `target`.
fn tempfile_in(dir: &Path, target: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let stem = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let pid = std::process::id();
    for attempt in 0..1000u32 {
        let candidate = dir.join(format!(".{stem}.{pid}.{attempt}.tmp"));
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
        Ok(())
    }
}

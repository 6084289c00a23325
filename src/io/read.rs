/*!
Bounded reading: the one way every file the program reads (datasets, mappings, chart
descriptions, decks, tables, workbooks) is opened.

[`open_regular`] follows symlinks and refuses anything but a regular file (a FIFO would block
forever, `/dev/zero` never ends); [`read_limited`] then reads at most `limit` bytes through
[`std::io::Read::take`], so a file that grows while it is read, or whose metadata lies, still
cannot exhaust memory. [`cap_message`] bounds the length of any message built from file
content.
*/

use crate::i18n::{Lang, Msg};
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Largest chart description, deck or mapping file accepted, in bytes (16 MiB): such files
/// are written by hand or by the app and are a few kilobytes.
pub const MAX_SPEC_BYTES: u64 = 16 * 1024 * 1024;

/// Longest error message shown, in bytes (8 KiB); longer ones are cut with a note.
pub const MAX_MESSAGE_BYTES: usize = 8 * 1024;

/// Why a file could not be read within its limit.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The operating system refused (missing file, no permission, …).
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    /// Not a regular file.
    #[error("this is {kind}, not a regular file; expected a data file")]
    NotRegular {
        /// What it is.
        kind: FileKind,
    },
    /// Larger than the limit (by its metadata, or while being read).
    #[error("the file is {} bytes; files of this kind are limited to {limit_bytes} bytes ({} MiB)", size_text(*size_bytes), limit_bytes / (1024 * 1024))]
    TooLarge {
        /// Its size; `None` when it grew past the limit while being read.
        size_bytes: Option<u64>,
        /// The limit.
        limit_bytes: u64,
    },
}

fn size_text(size: Option<u64>) -> String {
    match size {
        Some(s) => s.to_string(),
        None => "more than the limit of".into(),
    }
}

/// What a path that is not a regular file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A folder.
    Directory,
    /// A named pipe (FIFO).
    NamedPipe,
    /// A character or block device (`/dev/zero`).
    Device,
    /// A Unix socket.
    Socket,
    /// Anything else.
    Other,
}

impl FileKind {
    /// What it is, in words in `lang` ("a directory", "un dossier").
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            FileKind::Directory => Msg::KindDirectory,
            FileKind::NamedPipe => Msg::KindNamedPipe,
            FileKind::Device => Msg::KindDevice,
            FileKind::Socket => Msg::KindSocket,
            FileKind::Other => Msg::KindOther,
        }
        .get(lang)
    }
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message(Lang::En))
    }
}

/// What a non-regular file is.
fn kind_of(ft: std::fs::FileType) -> FileKind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return FileKind::NamedPipe;
        }
        if ft.is_char_device() || ft.is_block_device() {
            return FileKind::Device;
        }
        if ft.is_socket() {
            return FileKind::Socket;
        }
    }
    if ft.is_dir() {
        FileKind::Directory
    } else {
        FileKind::Other
    }
}

/// Opens `path` for reading if it is (after following symlinks) a regular file no larger
/// than `limit` bytes. Checks the file type before opening, so opening a FIFO cannot block,
/// and again on the opened handle.
pub fn open_regular(path: &Path, limit: u64) -> Result<(File, u64), ReadError> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular {
            kind: kind_of(meta.file_type()),
        });
    }
    let file = File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular {
            kind: kind_of(meta.file_type()),
        });
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size_bytes: Some(meta.len()),
            limit_bytes: limit,
        });
    }
    Ok((file, meta.len()))
}

/// Reads all of a regular file of at most `limit` bytes; see [`open_regular`].
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, size) = open_regular(path, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size_bytes: None,
            limit_bytes: limit,
        });
    }
    Ok(bytes)
}

/// 1-based line and character column of the first invalid byte of text whose first
/// `valid_up_to` bytes are valid UTF-8 (as `std::str::Utf8Error::valid_up_to` gives it).
pub fn utf8_error_position(bytes: &[u8], valid_up_to: usize) -> (usize, usize) {
    let valid = &bytes[..valid_up_to.min(bytes.len())];
    let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    // the prefix is valid UTF-8, so characters are counted, not bytes
    let column = String::from_utf8_lossy(&valid[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// `message` cut to at most [`MAX_MESSAGE_BYTES`] (at a character boundary), with the
/// number of bytes left out.
pub fn cap_message(message: &str) -> std::borrow::Cow<'_, str> {
    if message.len() <= MAX_MESSAGE_BYTES {
        return std::borrow::Cow::Borrowed(message);
    }
    let mut end = MAX_MESSAGE_BYTES;
    while !message.is_char_boundary(end) {
        end -= 1;
    }
    std::borrow::Cow::Owned(format!(
        "{}… [message cut: {} more bytes]",
        &message[..end],
        message.len() - end
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_within_the_limit_and_refuses_above() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let p = dir.path().join("a.ron");
        std::fs::write(&p, b"0123456789")?;
        assert_eq!(read_limited(&p, 10)?, b"0123456789");
        let err = read_limited(&p, 9).err();
        assert!(
            matches!(
                err,
                Some(ReadError::TooLarge {
                    size_bytes: Some(10),
                    limit_bytes: 9
                })
            ),
            "{err:?}"
        );
        Ok(())
    }

    #[test]
    fn refuses_directories() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let err = read_limited(dir.path(), 10).err();
        assert!(
            matches!(
                err,
                Some(ReadError::NotRegular {
                    kind: FileKind::Directory
                })
            ),
            "{err:?}"
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_symlink_to_dev_zero() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let p = dir.path().join("zero.ron");
        std::os::unix::fs::symlink("/dev/zero", &p)?;
        let err = read_limited(&p, 1024).err();
        assert!(
            matches!(
                err,
                Some(ReadError::NotRegular {
                    kind: FileKind::Device
                })
            ),
            "{err:?}"
        );
        Ok(())
    }

    #[test]
    fn caps_long_messages_at_a_char_boundary() {
        let long = "é".repeat(MAX_MESSAGE_BYTES);
        let capped = cap_message(&long);
        assert!(capped.len() < MAX_MESSAGE_BYTES + 64, "{}", capped.len());
        assert!(capped.ends_with(&format!("{} more bytes]", MAX_MESSAGE_BYTES)));
        assert_eq!(cap_message("short"), "short");
    }
}

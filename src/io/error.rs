/*!
Load errors. Every variant names the file; syntax errors carry line and column, semantic
errors name each faulty record.
*/

use super::validate::ValidationReport;
use std::path::PathBuf;

/// Why a dataset file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// File.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The file is larger than the accepted limit.
    #[error("{}: the file is {size_bytes} bytes or more; files of this kind are limited to {limit_bytes} bytes ({} MiB)", path.display(), limit_bytes / (1024 * 1024))]
    TooLarge {
        /// File.
        path: PathBuf,
        /// Its size.
        size_bytes: u64,
        /// The limit.
        limit_bytes: u64,
    },
    /// The path is not a regular file (a directory, a named pipe, a device such as
    /// `/dev/zero`, after following symlinks).
    #[error("{}: this is {kind}, not a regular file; expected a data file", path.display())]
    NotRegular {
        /// File.
        path: PathBuf,
        /// What it is, in words.
        kind: &'static str,
    },
    /// The text is not valid in the file's format.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// File.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was wrong and what was expected.
        message: String,
    },
    /// The file parsed but its content is inconsistent.
    #[error("{}: {report}", path.display())]
    Invalid {
        /// File.
        path: PathBuf,
        /// Every problem found.
        report: ValidationReport,
    },
    /// The file type is not supported.
    #[error("{}: unsupported file type (expected .ron, .csv, .tsv, .txt, .xlsx, .xls or .ods)", path.display())]
    UnsupportedType {
        /// File.
        path: PathBuf,
    },
    /// A cell of an imported table is wrong (row and column, or sheet and cell reference).
    #[error("{}: {cell}", path.display())]
    Cell {
        /// File.
        path: PathBuf,
        /// Where, and what was found and expected.
        cell: Box<super::import::CellError>,
    },
    /// The import was cancelled by the user.
    #[error("{}: import cancelled", path.display())]
    Cancelled {
        /// File.
        path: PathBuf,
    },
    /// An import failed (CSV/XLSX), with its location.
    #[error("{}: {message}", path.display())]
    Import {
        /// File.
        path: PathBuf,
        /// Located message (row/column or cell reference).
        message: String,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::TooLarge { path, .. }
            | LoadError::NotRegular { path, .. }
            | LoadError::Syntax { path, .. }
            | LoadError::Invalid { path, .. }
            | LoadError::UnsupportedType { path }
            | LoadError::Import { path, .. }
            | LoadError::Cell { path, .. }
            | LoadError::Cancelled { path } => path,
        }
    }
}

impl LoadError {
    /// The loader error for a failed bounded read of `path` ([`super::read`]).
    pub fn from_read(path: &std::path::Path, e: super::read::ReadError) -> LoadError {
        use super::read::ReadError;
        let path = path.to_owned();
        match e {
            ReadError::Io(source) => LoadError::Io { path, source },
            ReadError::NotRegular { kind } => LoadError::NotRegular { path, kind },
            ReadError::TooLarge {
                size_bytes,
                limit_bytes,
            } => LoadError::TooLarge {
                path,
                size_bytes: size_bytes.unwrap_or(limit_bytes.saturating_add(1)),
                limit_bytes,
            },
        }
    }
}

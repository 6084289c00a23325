/*!
Load errors. Every variant names the file; syntax errors carry line and column, semantic
errors name each faulty record.
*/

use super::validate::ValidationReport;
use crate::i18n::{Lang, Msg};
use std::path::PathBuf;

/// Why a dataset file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}", self.message(Lang::En))]
    Io {
        /// File.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The file is larger than the accepted limit.
    #[error("{}", self.message(Lang::En))]
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
    #[error("{}", self.message(Lang::En))]
    NotRegular {
        /// File.
        path: PathBuf,
        /// What it is.
        kind: crate::io::read::FileKind,
    },
    /// The text is not valid in the file's format.
    #[error("{}", self.message(Lang::En))]
    Syntax {
        /// File.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was wrong and what was expected, in the parser's (English) words.
        message: String,
        /// The same, typed, for the message in other languages.
        problem: super::syntax::SyntaxProblem,
    },
    /// The file parsed but its content is inconsistent.
    #[error("{}", self.message(Lang::En))]
    Invalid {
        /// File.
        path: PathBuf,
        /// Every problem found.
        report: ValidationReport,
    },
    /// The file type is not supported.
    #[error("{}", self.message(Lang::En))]
    UnsupportedType {
        /// File.
        path: PathBuf,
    },
    /// A cell of an imported table is wrong (row and column, or sheet and cell reference).
    #[error("{}", self.message(Lang::En))]
    Cell {
        /// File.
        path: PathBuf,
        /// Where, and what was found and expected.
        cell: Box<super::import::CellError>,
    },
    /// The import was cancelled by the user.
    #[error("{}", self.message(Lang::En))]
    Cancelled {
        /// File.
        path: PathBuf,
    },
    /// An import failed (CSV/XLSX), with its location.
    #[error("{}", self.message(Lang::En))]
    Import {
        /// File.
        path: PathBuf,
        /// What went wrong (row/column or cell reference, names, headers).
        error: Box<super::import::ImportError>,
    },
}

impl LoadError {
    /// What went wrong, in `lang`, starting with the file (and line and column, or cell):
    /// the sentence is from the catalogue, the parser's or the system's own detail is kept
    /// as it is. `Display` gives the English text.
    pub fn message(&self, lang: Lang) -> String {
        let file = self.path().display();
        match self {
            LoadError::Io { source, .. } => {
                Msg::ErrCannotRead.fill(lang, &[&file, &crate::i18n::os_error(source, lang)])
            }
            LoadError::TooLarge {
                size_bytes,
                limit_bytes,
                ..
            } => Msg::ErrTooLarge.fill(
                lang,
                &[
                    &file,
                    size_bytes,
                    limit_bytes,
                    &(limit_bytes / (1024 * 1024)),
                ],
            ),
            LoadError::NotRegular { kind, .. } => {
                Msg::ErrNotRegular.fill(lang, &[&file, &kind.message(lang)])
            }
            LoadError::Syntax {
                line,
                column,
                message,
                problem,
                ..
            } => Msg::ErrSyntax.fill(
                lang,
                &[&file, line, column, &problem.message(lang, message)],
            ),
            LoadError::Invalid { report, .. } => {
                Msg::Labelled.fill(lang, &[&file, &report.message(lang)])
            }
            LoadError::UnsupportedType { .. } => Msg::ErrUnsupportedType.fill(lang, &[&file]),
            LoadError::Cell { cell, .. } => Msg::Labelled.fill(lang, &[&file, &cell.message(lang)]),
            LoadError::Cancelled { .. } => Msg::ErrCancelled.fill(lang, &[&file]),
            LoadError::Import { error, .. } => Msg::Labelled.fill(
                lang,
                &[&file, &super::read::cap_message(&error.message(lang))],
            ),
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<LoadError> {
        let path = PathBuf::from("/data/q3.csv");
        vec![
            LoadError::Io {
                path: path.clone(),
                source: std::io::Error::other("permission denied"),
            },
            LoadError::TooLarge {
                path: path.clone(),
                size_bytes: 300 * 1024 * 1024,
                limit_bytes: 256 * 1024 * 1024,
            },
            LoadError::NotRegular {
                path: path.clone(),
                kind: crate::io::read::FileKind::Directory,
            },
            LoadError::UnsupportedType { path: path.clone() },
            LoadError::Cancelled { path: path.clone() },
            LoadError::Syntax {
                path,
                line: 3,
                column: 7,
                message: "expected `)`".into(),
                problem: crate::io::syntax::SyntaxProblem::Ron(Box::new(
                    ron::error::Error::ExpectedStructLikeEnd,
                )),
            },
        ]
    }

    #[test]
    fn english_message_is_the_display_text_and_french_is_translated() {
        for e in samples() {
            let en = e.message(Lang::En);
            assert_eq!(en, e.to_string());
            assert!(en.starts_with("/data/q3.csv"), "{en}");
            let fr = e.message(Lang::Fr);
            assert!(fr.starts_with("/data/q3.csv"), "{fr}");
            if !matches!(e, LoadError::Syntax { .. }) {
                assert_ne!(fr, en, "{e:?} is not translated");
            }
        }
        let too_large = &samples()[1];
        assert_eq!(
            too_large.message(Lang::En),
            "/data/q3.csv: the file is 314572800 bytes or more; files of this kind are \
             limited to 268435456 bytes (256 MiB)"
        );
        assert_eq!(
            samples()[4].message(Lang::Fr),
            "/data/q3.csv : import annulé"
        );
    }
}

//! The import's errors: [`ImportError`], the located [`CellError`] and the
//! [`UnresolvedName`]s of a file, and the messages they print (names shortened and lists
//! capped, so that a message built from a hostile file stays short).

use super::cell_detail::CellDetail;
use super::text;
use crate::i18n::{Lang, Msg};
use crate::io::validate::ValidationReport;
use std::fmt;
use std::path::{Path, PathBuf};

/// Where a faulty cell is, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    /// Sheet name, for workbooks.
    pub sheet: Option<String>,
    /// 1-based row as the user sees it: in a CSV, the record number counting the header
    /// row as 1 (the row a spreadsheet shows); in a workbook, the sheet's row number.
    pub row: usize,
    /// Text files: the physical line where the record starts, as an editor numbers lines
    /// (only `\n` ends a line, so a bare CR inside a field shifts nothing). Shown when it
    /// differs from `row` (a quoted field spanning lines, blank lines).
    pub line: Option<usize>,
    /// 1-based column number as the user sees it (A = 1).
    pub column: usize,
    /// Header of the column (empty when beyond the header row).
    pub header: String,
    /// What was found and what was expected, in English (`detail` said in English).
    pub message: String,
    /// The same, typed: [`CellError::message`] says it in any language (boxed: errors stay
    /// small).
    pub detail: Box<CellDetail>,
}

impl CellError {
    /// The error of the cell at `row`, `column` (both 1-based, as the user sees them) of
    /// `sheet`, its English message said by `detail`.
    pub(crate) fn at(
        sheet: Option<String>,
        (row, line): (usize, Option<usize>),
        column: usize,
        header: String,
        detail: CellDetail,
    ) -> CellError {
        CellError {
            message: detail.message(Lang::En),
            sheet,
            row,
            line,
            column,
            header,
            detail: Box::new(detail),
        }
    }

    /// Spreadsheet-style column letters (`C`).
    pub fn column_letters(&self) -> String {
        text::column_letters(self.column.saturating_sub(1))
    }

    /// ` (line 9)` when the physical line differs from the row number, else nothing.
    pub fn line_note(&self) -> String {
        self.line_note_in(Lang::En)
    }

    /// [`CellError::line_note`] in `lang`.
    pub fn line_note_in(&self, lang: Lang) -> String {
        match self.line {
            Some(l) if l != self.row => Msg::CellLineNote.fill(lang, &[&l]),
            _ => String::new(),
        }
    }

    /// Spreadsheet-style cell reference (`C7`).
    pub fn cell_ref(&self) -> String {
        format!("{}{}", self.column_letters(), self.row)
    }
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A name in the file that matches no known record.
#[derive(Clone, Debug, PartialEq)]
pub struct UnresolvedName {
    /// The name as written.
    pub name: String,
    /// Where it first appears.
    pub first_seen: CellError,
    /// Likely ids with a score 0–1 (regions only).
    pub suggestions: Vec<(String, f64)>,
}

/// Why an import failed. Messages do not repeat the file name; [`ImportError::into_load_error`]
/// adds it.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{}", self.message(Lang::En))]
    Io(#[from] std::io::Error),
    /// A workbook or a UTF-16 text (both read whole) is larger than
    /// [`crate::io::MAX_FILE_BYTES`]; 8-bit text tables are streamed and have no size limit.
    #[error("{}", self.message(Lang::En))]
    TooLarge {
        /// Its size.
        size_bytes: u64,
        /// The limit.
        limit_bytes: u64,
    },
    /// Not a regular file (directory, FIFO, device), after following symlinks.
    #[error("{}", self.message(Lang::En))]
    NotRegular {
        /// What it is.
        kind: crate::io::read::FileKind,
    },
    /// Nothing but blank space.
    #[error("{}", self.message(Lang::En))]
    Empty,
    /// Binary content where text was expected.
    #[error("{}", self.message(Lang::En))]
    NotText {
        /// Byte offset of the first non-text byte.
        offset: usize,
        /// What it looks like, when recognised.
        looks_like: Option<Msg>,
    },
    /// A cell holds something unexpected.
    #[error("{}", self.message(Lang::En))]
    Cell(CellError),
    /// Several rows or cells are wrong: every one is reported (the first
    /// [`MAX_LISTED_PROBLEMS`] listed, the rest counted).
    #[error("{}", self.message(Lang::En))]
    Problems {
        /// The first problems, in file order.
        problems: Vec<CellError>,
        /// How many problems were found in all.
        total: usize,
    },
    /// A role has no column and no constant.
    #[error("{}", self.message(Lang::En))]
    MissingColumn {
        /// Role (`region`, `period`, `value`, …).
        role: &'static str,
        /// Headers found.
        headers: Vec<String>,
    },
    /// The mapping names a column the file does not have.
    #[error("{}", self.message(Lang::En))]
    UnknownColumn {
        /// Role.
        role: &'static str,
        /// Column name in the mapping.
        name: String,
        /// Headers found.
        headers: Vec<String>,
    },
    /// Names that match no known region, channel or indicator.
    #[error("{}", self.message(Lang::En))]
    Unresolved {
        /// `region`, `channel`, `indicator` or `source`.
        what: &'static str,
        /// Every unknown name, with its first location and suggestions.
        names: Vec<UnresolvedName>,
    },
    /// The mapping file is unreadable or invalid.
    #[error("{}", self.message(Lang::En))]
    Mapping {
        /// Mapping file.
        path: PathBuf,
        /// What is wrong (with line:column for syntax errors).
        problem: super::mapping_problem::MappingProblem,
    },
    /// The workbook could not be opened or the sheet read (or the CSV parser refused a
    /// record).
    #[error("{}", self.message(Lang::En))]
    Workbook(super::workbook_problem::WorkbookProblem),
    /// The requested sheet does not exist.
    #[error("{}", self.message(Lang::En))]
    NoSheet {
        /// Sheet asked for.
        name: String,
        /// Sheets present.
        available: Vec<String>,
    },
    /// The records the import adds are inconsistent (e.g. a new indicator's range).
    #[error("{}", self.message(Lang::En))]
    Invalid(ValidationReport),
    /// The source the import's values are attributed to is not in the dataset it builds on
    /// (instead of attributing them to another source).
    #[error("{}", self.message(Lang::En))]
    SourceMissing {
        /// The source id expected.
        id: String,
    },
    /// Stopped through [`Progress::cancel`].
    #[error("{}", self.message(Lang::En))]
    Cancelled,
}

/// Names shown in a list of a message (headers, sheets).
const LISTED_NAMES: usize = 20;
/// Characters shown of one name in a message.
const SHOWN_NAME_CHARS: usize = 80;

/// `name` cut to [`SHOWN_NAME_CHARS`] characters, with `…` when cut.
pub(super) fn shorten(name: &str) -> String {
    let mut s: String = name.chars().take(SHOWN_NAME_CHARS).collect();
    if s.len() < name.len() {
        s.push('…');
    }
    s
}

/// The first [`LISTED_NAMES`] names, each shortened, then "… and K more".
pub(super) fn name_list(names: &[String], lang: Lang) -> String {
    let mut s = names
        .iter()
        .take(LISTED_NAMES)
        .map(|n| shorten(n))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > LISTED_NAMES {
        s.push_str(", ");
        s.push_str(&Msg::ImpAndMore.fill(lang, &[&(names.len() - LISTED_NAMES)]));
    }
    s
}

/// Most problems an import lists; further ones are counted.
pub const MAX_LISTED_PROBLEMS: usize = 100;

impl From<crate::io::read::ReadError> for ImportError {
    fn from(e: crate::io::read::ReadError) -> Self {
        use crate::io::read::ReadError;
        match e {
            ReadError::Io(io) => ImportError::Io(io),
            ReadError::NotRegular { kind } => ImportError::NotRegular { kind },
            ReadError::TooLarge {
                size_bytes,
                limit_bytes,
            } => ImportError::TooLarge {
                size_bytes: size_bytes.unwrap_or(limit_bytes.saturating_add(1)),
                limit_bytes,
            },
        }
    }
}

impl ImportError {
    /// The error for a role that has no column among `headers` (and no constant).
    pub(crate) fn missing_column(role: &'static str, headers: &[String]) -> ImportError {
        ImportError::MissingColumn {
            role,
            headers: headers.to_vec(),
        }
    }

    /// Converts to the loader error of `path`: located cell errors become
    /// [`crate::io::LoadError::Cell`], cancellation [`crate::io::LoadError::Cancelled`].
    pub fn into_load_error(self, path: &Path) -> crate::io::LoadError {
        use crate::io::LoadError;
        let path = path.to_owned();
        match self {
            ImportError::Io(source) => LoadError::Io { path, source },
            ImportError::TooLarge {
                size_bytes,
                limit_bytes,
            } => LoadError::TooLarge {
                path,
                size_bytes,
                limit_bytes,
            },
            ImportError::NotRegular { kind } => LoadError::NotRegular { path, kind },
            ImportError::Cell(mut cell) => {
                cell.message = crate::io::read::cap_message(&cell.message).into_owned();
                LoadError::Cell {
                    path,
                    cell: Box::new(cell),
                }
            }
            ImportError::Invalid(report) => LoadError::Invalid { path, report },
            ImportError::Cancelled => LoadError::Cancelled { path },
            other => LoadError::Import {
                path,
                error: Box::new(other),
            },
        }
    }
}

//! The import's errors: [`ImportError`], the located [`CellError`] and the
//! [`UnresolvedName`]s of a file, and the messages they print (names shortened and lists
//! capped, so that a message built from a hostile file stays short).

use super::text;
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
    /// What was found and what was expected.
    pub message: String,
}

impl CellError {
    /// Spreadsheet-style column letters (`C`).
    pub fn column_letters(&self) -> String {
        text::column_letters(self.column.saturating_sub(1))
    }

    /// ` (line 9)` when the physical line differs from the row number, else nothing.
    pub fn line_note(&self) -> String {
        match self.line {
            Some(l) if l != self.row => format!(" (line {l})"),
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
        let header = if self.header.is_empty() {
            String::new()
        } else {
            format!(" \"{}\"", shorten(&self.header))
        };
        match &self.sheet {
            Some(sheet) => write!(
                f,
                "sheet \"{sheet}\", cell {} (column {}{header}): {}",
                self.cell_ref(),
                self.column_letters(),
                self.message
            ),
            None => write!(
                f,
                "row {}{}, column {} ({}){header}: {}",
                self.row,
                self.line_note(),
                self.column,
                self.column_letters(),
                self.message
            ),
        }
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
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    /// A workbook or a UTF-16 text (both read whole) is larger than
    /// [`crate::io::MAX_FILE_BYTES`]; 8-bit text tables are streamed and have no size limit.
    #[error("the file is {size_bytes} bytes; imports are limited to {limit_bytes} bytes")]
    TooLarge {
        /// Its size.
        size_bytes: u64,
        /// The limit.
        limit_bytes: u64,
    },
    /// Not a regular file (directory, FIFO, device), after following symlinks.
    #[error("this is {kind}, not a regular file; expected a data file")]
    NotRegular {
        /// What it is, in words.
        kind: &'static str,
    },
    /// Nothing but blank space.
    #[error("the file is empty: expected a header row (e.g. `Région;Année;Valeur`) and data rows")]
    Empty,
    /// Binary content where text was expected.
    #[error("{}", not_text_message(*offset, looks_like))]
    NotText {
        /// Byte offset of the first non-text byte.
        offset: usize,
        /// What it looks like, when recognised.
        looks_like: Option<&'static str>,
    },
    /// A cell holds something unexpected.
    #[error("{0}")]
    Cell(CellError),
    /// Several rows or cells are wrong: every one is reported (the first
    /// [`MAX_LISTED_PROBLEMS`] listed, the rest counted).
    #[error("{}", problems_message(problems, *total))]
    Problems {
        /// The first problems, in file order.
        problems: Vec<CellError>,
        /// How many problems were found in all.
        total: usize,
    },
    /// A role has no column and no constant.
    #[error(
        "no column for the {role}: the headers are [{}]; name the column in the mapping file (`columns: ({role}: \"…\")`) or give a constant (`constants: ({role}: \"…\")`)",
        name_list(headers)
    )]
    MissingColumn {
        /// Role (`region`, `period`, `value`, …).
        role: &'static str,
        /// Headers found.
        headers: Vec<String>,
    },
    /// The mapping names a column the file does not have.
    #[error(
        "the mapping names the column \"{}\" for the {role}, but the headers are [{}]",
        shorten(name),
        name_list(headers)
    )]
    UnknownColumn {
        /// Role.
        role: &'static str,
        /// Column name in the mapping.
        name: String,
        /// Headers found.
        headers: Vec<String>,
    },
    /// Names that match no known region, channel or indicator.
    #[error("{}", unresolved_message(what, names))]
    Unresolved {
        /// `region`, `channel`, `indicator` or `source`.
        what: &'static str,
        /// Every unknown name, with its first location and suggestions.
        names: Vec<UnresolvedName>,
    },
    /// The mapping file is unreadable or invalid.
    #[error("mapping {}: {message}", path.display())]
    Mapping {
        /// Mapping file.
        path: PathBuf,
        /// What is wrong (with line:column for syntax errors).
        message: String,
    },
    /// The workbook could not be opened or the sheet read.
    #[error("cannot read the workbook: {0}")]
    Workbook(String),
    /// The requested sheet does not exist.
    #[error(
        "no sheet named \"{}\"; the sheets are [{}]",
        shorten(name),
        name_list(available)
    )]
    NoSheet {
        /// Sheet asked for.
        name: String,
        /// Sheets present.
        available: Vec<String>,
    },
    /// The records the import adds are inconsistent (e.g. a new indicator's range).
    #[error("{0}")]
    Invalid(ValidationReport),
    /// The source the import's values are attributed to is not in the dataset it builds on
    /// (instead of attributing them to another source).
    #[error(
        "the source `{id}` of the imported values is not in the dataset; expected it among the sources"
    )]
    SourceMissing {
        /// The source id expected.
        id: String,
    },
    /// Stopped through [`Progress::cancel`].
    #[error("import cancelled")]
    Cancelled,
}

/// Names shown in a list of a message (headers, sheets).
const LISTED_NAMES: usize = 20;
/// Characters shown of one name in a message.
const SHOWN_NAME_CHARS: usize = 80;

/// `name` cut to [`SHOWN_NAME_CHARS`] characters, with `…` when cut.
fn shorten(name: &str) -> String {
    let mut s: String = name.chars().take(SHOWN_NAME_CHARS).collect();
    if s.len() < name.len() {
        s.push('…');
    }
    s
}

/// The first [`LISTED_NAMES`] names, each shortened, then "… and K more".
fn name_list(names: &[String]) -> String {
    let mut s = names
        .iter()
        .take(LISTED_NAMES)
        .map(|n| shorten(n))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > LISTED_NAMES {
        s.push_str(&format!(", … and {} more", names.len() - LISTED_NAMES));
    }
    s
}

fn not_text_message(offset: usize, looks_like: &Option<&'static str>) -> String {
    match looks_like {
        Some(what) => format!(
            "this is not a text (CSV) file: it looks like {what}; open workbooks as .xlsx/.ods, or save the sheet as CSV"
        ),
        None => format!(
            "this is not a text (CSV) file: binary data at byte {offset}; expected text with one record per line"
        ),
    }
}

/// Most problems an import lists; further ones are counted.
pub const MAX_LISTED_PROBLEMS: usize = 100;

fn problems_message(problems: &[CellError], total: usize) -> String {
    let mut s = format!("{total} problem(s) in the file:");
    for p in problems {
        s.push_str(&format!("\n  {p}"));
    }
    if total > problems.len() {
        s.push_str(&format!("\n  … and {} more", total - problems.len()));
    }
    s.push_str("\nFix them, or set `bad_rows: Skip` in the mapping to leave malformed rows out (each is then listed).");
    s
}

fn unresolved_message(what: &str, names: &[UnresolvedName]) -> String {
    let mut s = format!("{} unknown {what} name(s):", names.len());
    for n in names.iter().take(20) {
        s.push_str(&format!(
            "\n  \"{}\" (first at {})",
            shorten(&n.name),
            location(&n.first_seen)
        ));
        if !n.suggestions.is_empty() {
            let sug: Vec<String> = n
                .suggestions
                .iter()
                .map(|(id, _)| format!("`{id}`"))
                .collect();
            s.push_str(&format!(" — did you mean {}?", sug.join(" or ")));
        }
    }
    if names.len() > 20 {
        s.push_str(&format!("\n  … and {} more", names.len() - 20));
    }
    let (field, example) = match what {
        "region" => ("regions", "\"Royaume-Uni\": \"uk\""),
        "channel" => ("channels", "\"Tél.\": \"phone\""),
        "segment" => ("segments", "\"@AskBank\": \"bank_a\""),
        "indicator" => ("indicators", "\"Taux d'abandon\": \"abandon_pct\""),
        _ => ("columns", "source: \"…\""),
    };
    s.push_str(&format!(
        "\nMap each name to an id in the mapping file (`<data file>.mapping.ron` or --mapping), e.g. `{field}: {{{example}}}`"
    ));
    match what {
        "region" => s.push_str(
            ", declare new ones under `new_regions: [...]`, or set `unknown_regions: Create`.",
        ),
        "indicator" => s.push_str(
            ", declare new ones under `new_indicators: [...]`, or set `unknown_indicators: Create`.",
        ),
        "segment" => s.push_str(
            ", declare new ones under `new_segments: [...]`, or set `unknown_segments: Create`.",
        ),
        _ => s.push('.'),
    }
    s
}

fn location(c: &CellError) -> String {
    match &c.sheet {
        Some(_) => format!("cell {}", c.cell_ref()),
        None => format!(
            "row {}{}, column {} ({})",
            c.row,
            c.line_note(),
            c.column,
            c.column_letters()
        ),
    }
}

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
                message: crate::io::read::cap_message(&other.to_string()).into_owned(),
            },
        }
    }
}

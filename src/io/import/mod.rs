/*!
Importing the user's own tables: CSV/TSV text (encoding, delimiter and decimal comma
detected) and XLSX/XLS/ODS workbooks (one sheet, via calamine), in long, wide-years,
wide-indicators or Our World in Data layout, plus raw survey answers and contact logs turned
into indicators. Everything is read, never written, except [`Mapping::save_beside`] and
[`Imported::save_ron`], which are explicit and atomic.

- [`text`]: encoding, delimiter, number and missing-value rules.
- [`time`]: timestamps, dates and durations (parsed with `jiff`, range-checked).
- [`mapping`]: the [`Mapping`] (columns → roles, name → id maps, new records), its
  guess from headers, region suggestions, its file beside the data.
- `csv`, `sheet`: the two readers; both stream rows into one builder that pushes
  observations straight into the columnar table (names interned, no per-row strings).
- `records`: survey answers and contact logs aggregated per region/channel/period.
- `events`: message threads and ticket event logs folded into responsiveness indicators.
- [`rules`]: outcome codes, row filters, missing markers, period from a date, statistics.

For the app: [`preview`] gives headers, the first rows and a guessed mapping for the
mapping dialog; [`import_path`] runs on a background thread with a [`Progress`] (fraction
read, cancel flag) and returns [`Imported`] or a structured [`ImportError`]
([`ImportError::Unresolved`] lists unknown names with [`suggest_region`] suggestions).
*/

mod builder;
mod csv;
mod events;
mod guess;
pub mod mapping;
mod names;
mod records;
pub mod rules;
mod sheet;
pub mod text;
pub mod time;

pub use builder::MAX_CELL_BYTES;
pub use mapping::{
    BadRows, Bucket, Columns, Constants, Layout, Mapping, OutcomeCode, PeriodFrom, Statistic,
    Unknown, mapping_path, suggest_region,
};
pub use names::{file_date, own_source, percent_like};
pub use rules::outcome_meaning;
pub use text::Encoding;

use crate::io::ron_file::{self, DatasetFile, SaveError};
use crate::io::validate::ValidationReport;
use crate::model::{Dataset, IndicatorId, RegionId, SegmentId, SourceId};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Progress reporting and cancellation for imports run on a background thread.
pub struct Progress<'a> {
    /// Called with the fraction of the file read so far (0–1), a few hundred times at most.
    pub on_progress: &'a (dyn Fn(f32) + Sync),
    /// Set to `true` to stop the import; it then returns [`ImportError::Cancelled`].
    pub cancel: &'a AtomicBool,
}

impl Progress<'_> {
    pub(crate) fn report(p: Option<&Progress<'_>>, fraction: f32) -> Result<(), ImportError> {
        if let Some(p) = p {
            if p.cancel.load(Ordering::Relaxed) {
                return Err(ImportError::Cancelled);
            }
            (p.on_progress)(fraction.clamp(0.0, 1.0));
        }
        Ok(())
    }

    pub(crate) fn cancelled(p: Option<&Progress<'_>>) -> bool {
        p.is_some_and(|p| p.cancel.load(Ordering::Relaxed))
    }
}

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
            format!(" \"{}\"", self.header)
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
    /// A workbook is larger than [`crate::io::MAX_FILE_BYTES`] (text tables are streamed and
    /// have no size limit).
    #[error("the file is {size_bytes} bytes; imports are limited to {limit_bytes} bytes")]
    TooLarge {
        /// Its size.
        size_bytes: u64,
        /// The limit.
        limit_bytes: u64,
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
    #[error("no column for the {role}: the headers are [{}]; name the column in the mapping file (`columns: ({role}: \"…\")`) or give a constant (`constants: ({role}: \"…\")`)", headers.join(", "))]
    MissingColumn {
        /// Role (`region`, `period`, `value`, …).
        role: &'static str,
        /// Headers found.
        headers: Vec<String>,
    },
    /// The mapping names a column the file does not have.
    #[error("the mapping names the column \"{name}\" for the {role}, but the headers are [{}]", headers.join(", "))]
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
    #[error("no sheet named \"{name}\"; the sheets are [{}]", available.join(", "))]
    NoSheet {
        /// Sheet asked for.
        name: String,
        /// Sheets present.
        available: Vec<String>,
    },
    /// The records the import adds are inconsistent (e.g. a new indicator's range).
    #[error("{0}")]
    Invalid(ValidationReport),
    /// Stopped through [`Progress::cancel`].
    #[error("import cancelled")]
    Cancelled,
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
            n.name,
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

impl ImportError {
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
            ImportError::Cell(cell) => LoadError::Cell {
                path,
                cell: Box::new(cell),
            },
            ImportError::Invalid(report) => LoadError::Invalid { path, report },
            ImportError::Cancelled => LoadError::Cancelled { path },
            other => LoadError::Import {
                path,
                message: other.to_string(),
            },
        }
    }
}

/// Counts of one import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportStats {
    /// Data rows read (blank rows excluded).
    pub rows: usize,
    /// Observations added.
    pub observations: usize,
    /// Observations whose value is missing (`None`), and blank answers left out of
    /// computed indicators.
    pub missing_values: usize,
    /// Malformed rows left out under `bad_rows: Skip`.
    pub skipped_rows: usize,
    /// Rows left out by `exclude` / `include` or an `Ignore` outcome.
    pub excluded_rows: usize,
}

/// The result of an import: the base dataset plus the imported records.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The merged dataset (base + import).
    pub dataset: Dataset,
    /// Index of the first imported observation.
    pub first_observation: usize,
    /// The source attached to the imported observations.
    pub source: SourceId,
    /// Whether that source is new (not in the base).
    pub source_is_new: bool,
    /// Regions the import created.
    pub new_regions: Vec<RegionId>,
    /// Segments the import created or declared.
    pub new_segments: Vec<SegmentId>,
    /// Indicators the import created.
    pub new_indicators: Vec<IndicatorId>,
    /// Counts.
    pub stats: ImportStats,
    /// Rows left out under `bad_rows: Skip`, each with its location and reason (the first
    /// [`MAX_LISTED_PROBLEMS`]; `stats.skipped_rows` counts them all).
    pub skipped: Vec<CellError>,
    /// The mapping used: the one given (or saved beside the file) with the roles it leaves
    /// open guessed, or a whole guess.
    pub mapping: Mapping,
}

impl Imported {
    /// The imported records only (new source, regions and indicators, and the
    /// observations) in file form, to save as RON and load later on top of the catalogue.
    pub fn to_file(&self) -> DatasetFile<'_> {
        let ds = &self.dataset;
        let obs = &ds.observations;
        let observations = (self.first_observation..obs.len())
            .map(|i| crate::io::ron_file::record(ds, &obs.row(i)))
            .collect();
        DatasetFile {
            meta: None,
            sources: if self.source_is_new {
                ds.sources
                    .get(self.source.as_str())
                    .cloned()
                    .into_iter()
                    .collect()
            } else {
                Vec::new()
            },
            regions: self
                .new_regions
                .iter()
                .filter_map(|id| ds.regions.get(id.as_str()).cloned())
                .collect(),
            channels: Vec::new(),
            segments: self
                .new_segments
                .iter()
                .filter_map(|id| ds.segments.get(id.as_str()).cloned())
                .collect(),
            indicators: self
                .new_indicators
                .iter()
                .filter_map(|id| ds.indicators.get(id.as_str()).cloned())
                .collect(),
            observations,
            practices: Vec::new(),
        }
    }

    /// Saves the imported records as RON, atomically; refuses an existing file unless
    /// `overwrite`.
    pub fn save_ron(&self, path: &Path, overwrite: bool) -> Result<(), SaveError> {
        let text = ron_file::to_ron_string(&self.to_file())?;
        crate::io::atomic::write_atomic(path, text.as_bytes(), overwrite)?;
        Ok(())
    }
}

/// Kind of importable file, from its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `.csv`, `.tsv`, `.txt`.
    Text,
    /// `.xlsx`, `.xlsm`, `.xls`, `.xlsb`, `.ods`.
    Workbook,
}

impl FileKind {
    /// The kind for a path, `None` when not importable.
    pub fn of(path: &Path) -> Option<FileKind> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "csv" | "tsv" | "txt" | "tab" => Some(FileKind::Text),
            "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => Some(FileKind::Workbook),
            _ => None,
        }
    }
}

/// Options of one import.
#[derive(Clone, Copy, Debug, Default)]
pub struct ImportOptions<'a> {
    /// Mapping to use; `None`: the one saved beside the file, else a guess.
    pub mapping: Option<&'a Mapping>,
    /// Sheet of a workbook (overrides the mapping's).
    pub sheet: Option<&'a str>,
}

/// Imports `path` on top of `base` (usually the bundled catalogue or the current dataset).
/// `base` is not changed.
pub fn import_path(
    base: &Dataset,
    path: &Path,
    options: ImportOptions<'_>,
    progress: Option<&Progress<'_>>,
) -> Result<Imported, ImportError> {
    let saved;
    let mapping = match options.mapping {
        Some(m) => Some(m),
        None => {
            saved = Mapping::load_beside(path)?;
            saved.as_ref()
        }
    };
    // text tables are streamed (memory does not grow with the file), so only workbooks,
    // read whole, are limited in size
    let size_bytes = std::fs::metadata(path)?.len();
    if FileKind::of(path) == Some(FileKind::Workbook) && size_bytes > crate::io::MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            size_bytes,
            limit_bytes: crate::io::MAX_FILE_BYTES,
        });
    }
    let ctx = builder::FileContext::of(path);
    match FileKind::of(path) {
        Some(FileKind::Workbook) => {
            sheet::import(base, path, mapping, options.sheet, &ctx, progress)
        }
        _ => csv::import(base, path, mapping, &ctx, progress),
    }
}

/// What the mapping dialog shows before an import.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// Header row.
    pub headers: Vec<String>,
    /// First data rows, as text.
    pub rows: Vec<Vec<String>>,
    /// Sheets of a workbook (empty for text files).
    pub sheets: Vec<String>,
    /// Sheet shown.
    pub sheet: Option<String>,
    /// Detected encoding (text files).
    pub encoding: Option<Encoding>,
    /// Detected delimiter (text files).
    pub delimiter: Option<char>,
    /// Whether numbers are read with a decimal comma.
    pub decimal_comma: bool,
    /// The mapping saved beside the file, if any.
    pub saved: Option<Mapping>,
    /// A mapping guessed from the headers.
    pub guess: Mapping,
}

/// Reads the header and the first `max_rows` rows of `path` for the mapping dialog.
pub fn preview(
    path: &Path,
    sheet: Option<&str>,
    max_rows: usize,
    catalog: &Dataset,
) -> Result<Preview, ImportError> {
    let saved = Mapping::load_beside(path)?;
    let header_row = saved.as_ref().and_then(|m| m.header_row);
    let mut p = match FileKind::of(path) {
        Some(FileKind::Workbook) => {
            let sheet = sheet.or(saved.as_ref().and_then(|m| m.sheet.as_deref()));
            sheet::preview(path, sheet, header_row, max_rows)?
        }
        _ => csv::preview(path, header_row, max_rows)?,
    };
    p.guess = Mapping::guess_with_rows(&p.headers, &p.rows, catalog);
    p.saved = saved;
    Ok(p)
}

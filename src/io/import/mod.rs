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
- `error`: [`ImportError`] and [`CellError`], with messages capped for hostile files;
  `error_text` says them in the reader's language from their typed details:
  [`cell_detail`] (what is wrong with a cell), [`workbook_problem`] (a damaged or refused
  workbook), [`mapping_problem`] (a mapping file that cannot be read).
- `guard`: zip and ODS checks of a workbook before calamine reads it; `names`,
  `name_index`: names to catalogue records (scans for one-off look-ups, hash maps per import).

For the app: [`preview`] gives headers, the first rows and a guessed mapping for the
mapping dialog; [`import_path`] runs on a background thread with a [`Progress`] (fraction
read, cancel flag) and returns [`Imported`] or a structured [`ImportError`]
([`ImportError::Unresolved`] lists unknown names with [`suggest_region`] suggestions).
*/

mod builder;
pub mod cell_detail;
mod chunks;
mod csv;
mod error;
mod error_text;
mod events;
pub(crate) mod guard;
mod guess;
pub mod mapping;
pub mod mapping_problem;
mod name_index;
mod names;
mod records;
pub mod rules;
mod sheet;
pub mod text;
pub mod time;
pub mod workbook_problem;

pub use builder::MAX_CELL_BYTES;
pub use error::{CellError, ImportError, MAX_LISTED_PROBLEMS, UnresolvedName};
pub use guard::{MAX_COMPRESSION_RATIO, MAX_SHEET_CELLS, MAX_UNZIPPED_BYTES};
pub use mapping::{
    BadRows, Bucket, Columns, Constants, Layout, Mapping, OutcomeCode, PeriodFrom, Statistic,
    Unknown, mapping_path, suggest_region,
};
pub use names::{file_date, own_source, percent_like};
pub use rules::outcome_meaning;
pub use text::Encoding;

use crate::io::ron_file::{self, DatasetFile, SaveError};
use crate::model::{Dataset, IndicatorId, RegionId, SegmentId, SourceId};
use std::path::Path;
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
        let obs = ds.observations();
        let observations = (self.first_observation..obs.len())
            .map(|i| crate::io::ron_file::record(ds, &obs.row(i)))
            .collect();
        DatasetFile {
            meta: None,
            sources: if self.source_is_new {
                ds.sources()
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
                .filter_map(|id| ds.regions().get(id.as_str()).cloned())
                .collect(),
            channels: Vec::new(),
            segments: self
                .new_segments
                .iter()
                .filter_map(|id| ds.segments().get(id.as_str()).cloned())
                .collect(),
            indicators: self
                .new_indicators
                .iter()
                .filter_map(|id| ds.indicators().get(id.as_str()).cloned())
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
    import_path_chunked(base, path, options, progress, None)
}

/// [`import_path`] with the chunk size of parallel reading forced, for tests that check a
/// file read in many chunks gives exactly what one pass gives: `Some(0)` reads without
/// worker threads, `Some(n)` hands chunks of about `n` bytes to the workers (survey answers
/// and contact logs in text files), `None` is the default.
#[doc(hidden)]
pub fn import_path_chunked(
    base: &Dataset,
    path: &Path,
    options: ImportOptions<'_>,
    progress: Option<&Progress<'_>>,
    chunk_bytes: Option<usize>,
) -> Result<Imported, ImportError> {
    let saved;
    let mapping = match options.mapping {
        Some(m) => Some(m),
        None => {
            saved = Mapping::load_beside(path)?;
            saved.as_ref()
        }
    };
    // refuses FIFOs and devices before any reader touches them; text tables are streamed
    // (memory does not grow with the file), so only workbooks, read whole, are limited in size
    let limit_bytes = if FileKind::of(path) == Some(FileKind::Workbook) {
        crate::io::MAX_FILE_BYTES
    } else {
        u64::MAX
    };
    crate::io::read::open_regular(path, limit_bytes)?;
    let ctx = builder::FileContext::of(path);
    match FileKind::of(path) {
        Some(FileKind::Workbook) => {
            sheet::import(base, path, mapping, options.sheet, &ctx, progress)
        }
        _ => csv::import(base, path, mapping, &ctx, progress, chunk_bytes),
    }
}

/// What the mapping dialog shows before an import.
#[derive(Clone, Debug, PartialEq)]
pub struct FilePreview {
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
) -> Result<FilePreview, ImportError> {
    let saved = Mapping::load_beside(path)?;
    let header_row = saved.as_ref().and_then(|m| m.header_row);
    let mut p = match FileKind::of(path) {
        Some(FileKind::Workbook) => {
            let sheet = sheet.or(saved.as_ref().and_then(|m| m.sheet.as_deref()));
            sheet::preview(path, sheet, header_row, max_rows)?
        }
        _ => csv::preview(path, header_row, max_rows)?,
    };
    // the dialog shows headers: the cell limit applies to them as on import
    let loc = builder::Locator {
        sheet: p.sheet.clone(),
        first_col: 0,
        header_row: header_row.map_or(1, |r| r as usize),
    };
    if let Some(e) = builder::oversized_header(&p.headers, &loc) {
        return Err(e);
    }
    p.guess = Mapping::guess_with_rows(&p.headers, &p.rows, catalog);
    p.saved = saved;
    Ok(p)
}

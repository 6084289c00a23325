/*!
Loading a dataset file of any supported type on top of a base dataset: RON dataset files,
and tables imported through [`super::import`] (CSV/TSV/TXT, XLSX/XLS/ODS), with the mapping
saved beside the file when there is one.
*/

use super::error::LoadError;
use super::import::{self, FileKind, ImportOptions, Mapping, Progress};
use super::{ron_file, validate};
use crate::model::Dataset;
use std::path::Path;

/// Loads `path` (RON, or a table to import) and validates it on top of `base`. `base` is
/// not changed; on error the caller keeps whatever it had.
pub fn load_path(base: &Dataset, path: &Path) -> Result<Dataset, LoadError> {
    load_path_with(base, path, None, None, None)
}

/// [`load_path`] with, for tables, a mapping (default: the one saved beside the file, else
/// a guess from the headers), a workbook sheet, and progress reporting / cancellation for
/// a background thread. RON files ignore the three options.
pub fn load_path_with(
    base: &Dataset,
    path: &Path,
    mapping: Option<&Mapping>,
    sheet: Option<&str>,
    progress: Option<&Progress<'_>>,
) -> Result<Dataset, LoadError> {
    if FileKind::of(path).is_some() {
        let options = ImportOptions { mapping, sheet };
        return import::import_path(base, path, options, progress)
            .map(|imported| imported.dataset)
            .map_err(|e| e.into_load_error(path));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "ron" => {
            // large files stream; anything else (and every error) takes the full reader
            if let Some(result) = super::ron_stream::load(base, path) {
                return result;
            }
            let text = ron_file::read_text(path)?;
            let file = ron_file::parse(&text, path)?;
            validate::build(base, &file).map_err(|report| LoadError::Invalid {
                path: path.to_owned(),
                report,
            })
        }
        _ => Err(LoadError::UnsupportedType {
            path: path.to_owned(),
        }),
    }
}

/// Loads several files in order, each on top of the previous result.
pub fn load_all(base: &Dataset, paths: &[impl AsRef<Path>]) -> Result<Dataset, LoadError> {
    let mut ds = base.clone();
    for p in paths {
        ds = load_path(&ds, p.as_ref())?;
    }
    Ok(ds)
}

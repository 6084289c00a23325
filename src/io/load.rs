/*!
Loading a dataset file of any supported type on top of a base dataset.
*/

use super::error::LoadError;
use super::{ron_file, validate};
use crate::model::Dataset;
use std::path::Path;

/// Loads `path` (RON) and validates it on top of `base`. `base` is not changed; on error
/// the caller keeps whatever it had.
pub fn load_path(base: &Dataset, path: &Path) -> Result<Dataset, LoadError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "ron" => {
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

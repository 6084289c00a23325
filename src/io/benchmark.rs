/*!
The bundled benchmark (UK, Maghreb, Québec, France), embedded in the binary so the program
works from any directory. Its files live in `data/benchmark/` and are loaded in order:
catalogue (regions, channels, indicators), sources, observations, practices.
*/

use super::error::LoadError;
use super::{ron_file, validate};
use crate::model::Dataset;
use std::path::Path;

/// The bundled files, in load order: (name, text).
pub const FILES: [(&str, &str); 4] = [
    (
        "data/benchmark/catalog.ron",
        include_str!("../../data/benchmark/catalog.ron"),
    ),
    (
        "data/benchmark/sources.ron",
        include_str!("../../data/benchmark/sources.ron"),
    ),
    (
        "data/benchmark/observations.ron",
        include_str!("../../data/benchmark/observations.ron"),
    ),
    (
        "data/benchmark/practices.ron",
        include_str!("../../data/benchmark/practices.ron"),
    ),
];

/// The chart the desktop app opens on, chosen in the data (`data/benchmark/start-chart.ron`,
/// a `ChartSpec`): the comparison with the most measured coverage, measured values only.
pub const START_CHART: (&str, &str) = (
    "data/benchmark/start-chart.ron",
    include_str!("../../data/benchmark/start-chart.ron"),
);

/// Loads and validates the whole bundled benchmark. Its observations are marked as bundled,
/// so that the user's own values loaded on top win over them.
pub fn load() -> Result<Dataset, LoadError> {
    let mut ds = load_files(&FILES)?;
    ds.mark_bundled();
    Ok(ds)
}

/// The bundled catalogue and sources only (no observations or practices): the base that
/// user files are resolved against, so they can use `uk`, `phone`, `nps` without
/// redefining them.
pub fn catalog() -> Result<Dataset, LoadError> {
    load_files(&FILES[..2])
}

fn load_files(files: &[(&str, &str)]) -> Result<Dataset, LoadError> {
    let mut ds = Dataset::default();
    for (name, text) in files {
        let path = Path::new(name);
        let file = ron_file::parse(text, path)?;
        ds = validate::build(&ds, &file).map_err(|report| LoadError::Invalid {
            path: path.to_owned(),
            report,
        })?;
    }
    Ok(ds)
}

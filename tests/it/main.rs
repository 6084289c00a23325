//! Integration tests, one binary with a module per area (as in ripgrep).

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod benchmark;
mod catalogue_defaults;
mod catalogue_rows;
mod chart;
#[cfg(feature = "gui")]
mod chart_panel_ui;
mod cli;
#[cfg(feature = "gui")]
mod commands_ui;
mod deck_pdf;
#[cfg(feature = "gui")]
mod deck_ui;
#[cfg(feature = "gui")]
mod desktop_ui;
mod export;
#[cfg(feature = "gui")]
mod export_ui;
mod french_cell_errors;
mod french_errors;
mod gen_sample;
mod hostile;
mod import;
#[cfg(feature = "gui")]
mod import_filters_ui;
#[cfg(feature = "gui")]
mod import_ui;
mod layering;
mod layout;
mod layout_leftovers;
mod output;
mod packaging;
#[cfg(feature = "gui")]
mod parity;
mod points;
mod pptx;
mod raw_chunks;
mod raw_import;
mod reference_images;
mod robustness;
mod ron_format;
#[cfg(feature = "gui")]
mod screen_snapshots;
mod segments;
#[cfg(feature = "gui")]
mod smoke;
mod story;
#[cfg(feature = "gui")]
mod story_ui;
#[cfg(feature = "gui")]
mod translation_ui;
#[cfg(feature = "gui")]
mod ui;
mod validation;
#[cfg(feature = "gui")]
mod workspace_ui;
mod write_safety;

/// Writes `text` to a new file `name` in a fresh temporary directory.
pub fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    (dir, path)
}

/// The bundled catalogue (regions, channels, indicators, sources; no values) with the RON
/// dataset `ron` loaded on top: a test's own data, independent of the bundled values.
pub fn on_catalog(ron: &str) -> servicescope::model::Dataset {
    let (_dir, path) = temp_file("fixture.ron", ron);
    on_catalog_file(&path)
}

/// The bundled catalogue with the dataset file `path` loaded on top (no bundled values).
pub fn on_catalog_file(path: &std::path::Path) -> servicescope::model::Dataset {
    let base = servicescope::io::benchmark::catalog().expect("catalogue");
    servicescope::io::load::load_path(&base, path).expect("fixture loads")
}

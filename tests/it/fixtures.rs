//! Shared fixtures of the integration tests, one home for each: data files and datasets
//! (`data`), tables imported onto the catalogue (`import`), chart specs, figures and export
//! options (`chart`), SVG texts and their boxes (`svg`), PNG pixels (`image`), PowerPoint
//! packages read back (`pptx`), the command line run as a process (`cli`) and the
//! egui_kittest harnesses (`ui`, and `import_dialog` for the import dialog).

pub(crate) mod chart;
pub(crate) mod cli;
pub(crate) mod data;
pub(crate) mod french;
pub(crate) mod image;
pub(crate) mod import;
#[cfg(feature = "gui")]
pub(crate) mod import_dialog;
pub(crate) mod pptx;
pub(crate) mod svg;
#[cfg(feature = "gui")]
pub(crate) mod ui;

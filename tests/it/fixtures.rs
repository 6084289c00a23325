//! Shared fixtures of the integration tests, one home for each: data files and datasets
//! (`data`), chart specs, figures and export options (`chart`), SVG text measurements
//! (`svg`), the command line run as a process (`cli`) and the egui_kittest harnesses (`ui`).

pub(crate) mod chart;
pub(crate) mod cli;
pub(crate) mod data;
pub(crate) mod svg;
#[cfg(feature = "gui")]
pub(crate) mod ui;

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
mod export_cli;
#[cfg(feature = "gui")]
mod export_ui;
mod fixtures;
mod french_cell_errors;
mod french_errors;
mod gen_sample;
mod hostile;
mod import;
mod import_cli;
mod import_errors;
#[cfg(feature = "gui")]
mod import_filters_ui;
mod import_french;
mod import_survey;
#[cfg(feature = "gui")]
mod import_ui;
mod layering;
mod layout;
mod layout_fill;
mod layout_leftovers;
mod layout_overprint;
mod layout_svg;
mod output;
mod packaging;
#[cfg(feature = "gui")]
mod parity;
mod points;
mod pptx_chart_xml;
mod pptx_cli;
mod pptx_package;
mod pptx_template;
mod pptx_template_fr;
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

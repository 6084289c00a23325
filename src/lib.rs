//! # servicescope
//!
//! Compare customer-service indicators and practices across regions and channels (the
//! bundled benchmark covers the UK, the Maghreb, Québec and France), chart them side by side
//! and export publication-ready images.
//!
//! ## Module map
//! Lowest layer first; `ARCHITECTURE.md` lists what each module may import and
//! `tests/it/layering.rs` checks it.
//! - [`i18n`]: the interface language and the one catalogue of every interface and export
//!   text in English and French.
//! - [`model`]: dataset, regions, channels, indicators (unit, direction), observations stored
//!   by column (missing values are `None`), practices, sources; ids as newtypes; the format
//!   version; the formulas of indicators computed from raw records (NPS, CSAT, contact-centre
//!   metrics, first responses).
//! - [`io`]: RON format (parse with line:column errors, atomic save), semantic validation,
//!   the bundled benchmark embedded in the binary, loading by file type.
//! - [`analysis`]: pure functions: selection, latest value, ranking with gap to best, means,
//!   practice presence, coverage.
//! - [`chart`]: [`chart::ChartSpec`] (serialisable description) → [`chart::Figure`] (resolved
//!   series, labels, sources, warnings); number and unit formatting per locale; colours.
//! - [`export`]: [`chart::Figure`] → SVG (own writer) → PNG (resvg) / PDF (svg2pdf), size
//!   presets, decks, atomic writes.
//! - [`cli`]: the command line (`validate`, `summary`, `list`, …).
//! - [`desktop`]: application id, icon, and what kind of file an opened path is (dataset,
//!   deck, chart description); the packaging files are in `packaging/`.
//! - `app` (feature `gui`): the desktop workspace, drawing `Figure`s with egui_plot.
//!
//! ## Data flow
//! file → [`io`] → [`model::Dataset`] → [`analysis`] → [`chart::Figure`] → `app` | [`export`]
//! ([`cli`] and `app` are the edges that drive it).
//! Renderers never compute figures themselves, so screen and file cannot drift.

pub mod analysis;
pub mod chart;
pub mod cli;
pub mod desktop;
pub mod export;
pub mod i18n;
pub mod io;
pub mod model;

#[cfg(feature = "gui")]
pub mod app;

/*!
Chart descriptions, shared by the GUI and the exporter so screen and file cannot drift.

- [`spec`]: [`ChartSpec`], the serialisable description of a chart (kind, indicators,
  regions, channels, years, title); what views, decks and the command line store.
- [`figure`]: [`Figure`], the spec resolved against a dataset: categories, series of points
  with value, grade, period, source and tooltip, axis labels, footer sources, warnings.
  Renderers only draw a `Figure`; they never compute figures themselves.
- [`coverage`]: the coverage chart (how many values per grade, per region × indicator).
- [`format`]: [`Locale`] and number formatting (`12.5%` / `12,5 %`).
- [`palette`]: fixed colour per region (colour-blind-safe), grade styling.
*/

pub mod coverage;
pub mod figure;
pub mod format;
pub mod palette;
pub mod spec;

pub use figure::{Axis, Figure, MARKER_LIMIT, Point, Series, VALUE_LABEL_LIMIT, build, line_runs};
pub use format::Locale;
pub use spec::{ChartKind, ChartSpec};

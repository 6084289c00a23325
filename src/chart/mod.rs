/*!
Chart descriptions, shared by the GUI and the exporter so screen and file cannot drift.

- [`spec`]: [`ChartSpec`], the serialisable description of a chart (kind, indicators,
  regions, channels, years, title); what views, decks and the command line store.
- [`figure`]: [`Figure`], the spec resolved against a dataset: categories, series of points
  with value, grade, period, source and tooltip, axis labels, footer sources, warnings.
  Renderers only draw a `Figure`; they never compute figures themselves.
- [`format`]: [`Locale`] and number formatting (`12.5%` / `12,5 %`).
- [`palette`]: fixed colour per region (colour-blind-safe), grade styling.
- [`unknown`]: one bounded warning per kind of unknown id in a description.
*/

pub mod figure;
pub mod format;
pub mod palette;
pub mod spec;
pub mod unknown;

pub use figure::{Axis, Figure, MARKER_LIMIT, Point, Series, VALUE_LABEL_LIMIT, build, line_runs};
pub use format::Locale;
pub use spec::{ChartKind, ChartSpec};

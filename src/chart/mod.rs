/*!
Chart descriptions, shared by the GUI and the exporter so screen and file cannot drift.

- [`spec`]: [`ChartSpec`], the serialisable description of a chart (kind, indicators,
  regions, channels, years, title); what views, decks and the command line store.
- [`figure`]: [`Figure`], the spec resolved against a dataset: categories, series of points
  with value, grade, period, source and tooltip, axis labels, footer sources, warnings.
  Renderers only draw a `Figure`; they never compute figures themselves.
- [`coverage`]: the coverage chart (how many values per grade, per region × indicator).
- [`format`]: [`Locale`] and number formatting (`12.5%` / `12,5 %`).
- [`scale`]: value axes (nice bounds, ticks and their labels, one duration unit per axis).
- [`layout`]: the axes each chart kind uses, resolved once for the screen and every export.
- [`labels`]: label placement: fitted titles, end-of-line labels, point labels without
  collisions.
- [`style`]: how marks look: grade styles, heat-table colour scales, gridlines.
- [`typo`]: French typography of every text of a figure (spaces before `: ; ! ?`, ’).
- [`palette`]: fixed colour per region, checked under colour-vision deficiencies.
- [`story`]: the storytelling fields of a spec: bilingual titles, highlight, reference
  lines and bands, annotations, sort order, colour overrides, small multiples.
- [`unknown`]: one bounded warning per kind of unknown id in a description.
*/

pub mod coverage;
pub mod figure;
pub mod format;
pub mod labels;
pub mod layout;
pub mod palette;
pub mod scale;
pub mod spec;
pub mod story;
pub mod style;
pub mod typo;
pub mod unknown;

pub use figure::{
    Axis, Figure, MARKER_LIMIT, Place, Point, RADAR_MIN_AXES, Series, VALUE_LABEL_LIMIT, build,
    figure_runs, line_runs,
};
pub use format::Locale;
pub use spec::{ChartKind, ChartSpec};
pub use story::{Annotation, AnnotationAt, BandKind, Facet, Reference, SortOrder, SpecText};

/*!
[`ChartSpec`]: what to chart, independent of any dataset instance or renderer. Saved views,
deck files and `servicescope export --chart` all store this, in RON:

```ron
ChartSpec(
    kind: BarsByChannel,
    indicators: ["fcr_pct"],
    regions: ["uk", "france"],
    channels: ["phone", "email", "twitter"],
    years: (2011, 2016),
    title: "First-contact resolution by channel",
)
```
*/

use super::format::Locale;
pub use super::story::{Annotation, AnnotationAt, BandKind, Facet, Reference, SortOrder, SpecText};
use crate::i18n::Msg;
use crate::model::{ChannelId, IndicatorId, Lang, RegionId, SegmentId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Kind of chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum ChartKind {
    /// Grouped bars: channels on the axis, one bar per region (first indicator).
    #[default]
    BarsByChannel,
    /// Grouped bars: indicators on the axis, one bar per region.
    BarsByIndicator,
    /// Lines over time, one line per region (and channel when several are chosen).
    Lines,
    /// Slope chart: each region's change between two years (the first and last of `years`,
    /// or the first and last years with data), labelled at both ends.
    Slope,
    /// Scatter of two indicators, one point per region (or region and channel).
    Scatter,
    /// Radar / profile of regions over several indicators, normalised 0–1 (1 = best).
    Radar,
    /// Ranking of regions best first, with the gap to the best.
    Ranking,
    /// Region × channel table coloured by performance in the indicator's direction.
    HeatTable,
    /// The evidence base: indicator (× channel) × region grid counting measured, estimated,
    /// illustrative and missing values, with their years. Not in [`ChartKind::ALL`]: the app
    /// shows it in its own tab; decks and `export --chart` can use it like any kind.
    Coverage,
}

impl ChartKind {
    /// All kinds, in menu order.
    pub const ALL: [ChartKind; 8] = [
        ChartKind::BarsByChannel,
        ChartKind::BarsByIndicator,
        ChartKind::Lines,
        ChartKind::Scatter,
        ChartKind::Radar,
        ChartKind::Ranking,
        ChartKind::HeatTable,
        ChartKind::Slope,
    ];

    /// Display name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ChartKind::BarsByChannel => Msg::BarsByChannel.get(lang),
            ChartKind::BarsByIndicator => Msg::BarsByIndicator.get(lang),
            ChartKind::Lines => Msg::LinesOverYears.get(lang),
            ChartKind::Slope => Msg::SlopeChart.get(lang),
            ChartKind::Scatter => Msg::Scatter.get(lang),
            ChartKind::Radar => "Radar",
            ChartKind::Ranking => Msg::Ranking.get(lang),
            ChartKind::HeatTable => Msg::HeatTable.get(lang),
            ChartKind::Coverage => Msg::DataCoverage.get(lang),
        }
    }

    /// Whether this kind uses several indicators (the others use the first only, scatter two).
    pub fn multi_indicator(self) -> bool {
        matches!(
            self,
            ChartKind::BarsByIndicator | ChartKind::Radar | ChartKind::Scatter
        )
    }
}

/// A chart description: serialisable, renderer-independent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    /// Kind of chart.
    pub kind: ChartKind,
    /// Indicators (the first for single-indicator kinds; two for a scatter: x then y).
    pub indicators: Vec<IndicatorId>,
    /// Regions, in legend order; empty = every region with data.
    #[serde(default)]
    pub regions: Vec<RegionId>,
    /// Channels; empty = every channel with data (or all channels together for indicators
    /// that are not channel-specific).
    #[serde(default)]
    pub channels: Vec<ChannelId>,
    /// Segments (companies, brands, sectors) to keep; empty = every value, with or without
    /// a segment. A region's segments stand beside (or instead of) the region in every kind.
    #[serde(default)]
    pub segments: Vec<SegmentId>,
    /// Inclusive year range; snapshot charts use the latest value inside it.
    #[serde(default)]
    pub years: Option<(i32, i32)>,
    /// Title (headline), `"…"` or `(en: "…", fr: "…")`; made from the indicator when absent.
    #[serde(default)]
    pub title: Option<SpecText>,
    /// Subtitle, `"…"` or `(en: "…", fr: "…")`; made from the years and channels when absent.
    #[serde(default)]
    pub subtitle: Option<SpecText>,
    /// Print values on bars and points.
    #[serde(default)]
    pub value_labels: bool,
    /// Locale of numbers and labels, when the spec fixes one (exports may override it).
    #[serde(default)]
    pub locale: Option<Locale>,
    /// Values whose known sample size is below this are drawn lighter with `n = …` and a
    /// footnote (default [`DEFAULT_MIN_SAMPLE`]).
    #[serde(default)]
    pub min_sample: Option<u32>,
    /// Leave values below `min_sample` out instead of drawing them lighter.
    #[serde(default)]
    pub hide_below_min_sample: bool,
    /// Regions (or segments) singled out: drawn in their colour and labelled directly, every
    /// other one in a neutral grey.
    #[serde(default)]
    pub highlight: Vec<String>,
    /// Reference lines and bands drawn behind the marks.
    #[serde(default)]
    pub reference: Vec<Reference>,
    /// The peer set the references are computed over; empty = the regions shown.
    #[serde(default)]
    pub peers: Vec<RegionId>,
    /// Notes on marks of the chart.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// Order of regions, bars and legend entries.
    #[serde(default)]
    pub sort: SortOrder,
    /// Colour of a region (or segment) for this chart only, `"#rrggbb"`, checked against the
    /// colour-vision rule with a warning.
    #[serde(default)]
    pub colours: BTreeMap<String, String>,
    /// Small multiples (lines and bars): one panel per region or channel.
    #[serde(default)]
    pub facet: Option<Facet>,
}

/// Default [`ChartSpec::min_sample`]: 30 answers.
pub const DEFAULT_MIN_SAMPLE: u32 = 30;

impl ChartSpec {
    /// The smallest sample size drawn normally ([`ChartSpec::min_sample`], default 30).
    pub fn min_sample(&self) -> u32 {
        self.min_sample.unwrap_or(DEFAULT_MIN_SAMPLE)
    }
}

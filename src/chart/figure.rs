/*!
[`Figure`]: a [`ChartSpec`] resolved against a [`Dataset`] in a [`Locale`].

This is the only place where chart numbers are chosen: which rows, latest values, ranks,
normalised scores, formatted labels, tooltips, footer sources and comparability warnings.
The GUI (`app::chart_view`) and the exporter (`export::svg`) both draw a `Figure` as is. The
builders of each chart kind are in `kinds`, the footer (sources, notices, warnings) in `footer`,
where a point sits (typed per kind, [`Place`]) and what painters ask of it in `point`.
*/

use super::format::{self, Locale};
use super::palette::{self, Rgb};
use super::spec::{ChartKind, ChartSpec};
use crate::analysis::{self, Selection};
use crate::i18n::Msg;
use crate::model::{
    ChannelIx, Dataset, Direction, Grade, Indicator, IndicatorIx, Lang, Observation, Period,
    RegionIx, SegmentIx, Unit,
};
use serde::Serialize;

mod footer;
mod kinds;
mod point;
mod runs;
mod slope;

pub use point::Place;
pub use runs::{figure_runs, is_gap, line_runs};

/// One axis.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct Axis {
    /// Axis title (with unit).
    pub label: String,
    /// Category labels, for categorical axes (index = coordinate).
    pub categories: Vec<String>,
    /// Unit of values on this axis, for tick formatting; `None` for categorical or mixed.
    pub unit: Option<Unit>,
}

/// A drawn value with everything needed to label, style and cite it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    /// Where the point sits, typed by chart kind (category, year, cell, spoke…).
    pub place: Place,
    /// The value in its unit; `None` when missing (never NaN).
    pub value: Option<f64>,
    /// The value formatted in the figure's locale (with gap to best in rankings).
    pub label: String,
    /// Grade of the value.
    pub grade: Grade,
    /// Period of the value (for a scatter, of the y value).
    pub period: Period,
    /// Region name.
    pub region: String,
    /// Channel name, when the value is for one channel.
    pub channel: Option<String>,
    /// Indicator name.
    pub indicator: String,
    /// Source id.
    pub source: String,
    /// Number of answers or contacts behind the value, when known.
    pub sample_size: Option<u32>,
    /// Margin of error (±, 95 %) in the value's unit, when known.
    pub margin: Option<f64>,
    /// The sample is known and below the chart's `min_sample`: drawn lighter, with `n = …`
    /// in its label.
    pub small_sample: bool,
    /// Multi-line hover text: value, unit, period, channel, grade, n, margin, source, note.
    pub tooltip: String,
}

/// Points of one region (or region and channel).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    /// Stable key (region id, or `region/channel`).
    pub id: String,
    /// Legend label.
    pub label: String,
    /// Colour.
    pub colour: Rgb,
    /// Points.
    pub points: Vec<Point>,
}

/// A chart ready to draw.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// Kind of chart.
    pub kind: ChartKind,
    /// Locale of every label.
    pub locale: Locale,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// Horizontal axis.
    pub x: Axis,
    /// Vertical axis.
    pub y: Axis,
    /// Series, in legend order.
    pub series: Vec<Series>,
    /// Footer lines, one per source shown.
    pub sources: Vec<String>,
    /// Notice about estimated or illustrative values, when any is shown.
    pub notice: Option<String>,
    /// Why the values may not be comparable.
    pub warnings: Vec<String>,
    /// Grades present among the points (for the legend).
    pub grades: Vec<Grade>,
    /// What the spec's storytelling fields resolved to: reference lines and bands,
    /// annotations, end labels (see `chart::story`).
    pub story: super::story::Story,
}

/// Most points a chart prints values on; past this, values are in the tooltips and the data
/// table only, on screen and in exports alike.
pub const VALUE_LABEL_LIMIT: usize = 40;

/// Fewest indicators a radar draws (fewer is refused with a warning, on screen and in files).
pub const RADAR_MIN_AXES: usize = 3;

/// Most points a chart draws a marker for; past this, lines carry the grade alone (runs that
/// touch an illustrative value faded rather than dashed), on screen and in exports alike.
pub const MARKER_LIMIT: usize = 2_000;

impl Figure {
    /// Whether each point gets a marker: only up to [`MARKER_LIMIT`] points, so that a
    /// 100,000-point chart stays fluid. The screen and the exporter both ask here.
    pub fn shows_markers(&self) -> bool {
        self.point_count() <= MARKER_LIMIT
    }

    /// Whether values are printed on the chart when `requested` (the spec's `value_labels`):
    /// only while they fit ([`VALUE_LABEL_LIMIT`]); a radar prints each value at its vertex
    /// (its radii are normalised scores). The screen and the exporter both ask here.
    pub fn shows_values(&self, requested: bool) -> bool {
        // a slope chart's values are its end labels (`story`); a radar prints its values at
        // the vertices
        requested && self.kind != ChartKind::Slope && self.point_count() <= VALUE_LABEL_LIMIT
    }

    /// Total number of points.
    pub fn point_count(&self) -> usize {
        self.series.iter().map(|s| s.points.len()).sum()
    }

    /// Whether nothing is drawn.
    pub fn is_empty(&self) -> bool {
        self.point_count() == 0
    }

    /// Extent of the vertical (or horizontal) plot coordinate over all drawn points (see
    /// [`Point::plot_xy`]), `None` when none is drawn.
    pub fn extent(&self, vertical: bool) -> Option<(f64, f64)> {
        let mut it = self
            .series
            .iter()
            .flat_map(|s| s.points.iter())
            .filter_map(Point::plot_xy)
            .map(|[x, y]| if vertical { y } else { x });
        let first = it.next()?;
        Some(it.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v))))
    }
}

/// Resolves ids and builds the figure. Unknown ids in the spec are skipped with a warning;
/// a spec that resolves to no data gives an empty figure with an explanatory subtitle.
pub fn build(ds: &Dataset, spec: &ChartSpec, locale: Locale) -> Figure {
    let mut fig = FigureBuilder::new(ds, spec, locale).build();
    let peers = super::story::peer_spec(spec).map(|p| FigureBuilder::new(ds, &p, locale).build());
    super::story::apply(ds, spec, &mut fig, peers.as_ref());
    super::typo::apply(&mut fig);
    fig
}

/// What a series stands for: a region, or a segment (company, brand, sector) of a region.
type Entity = (RegionIx, Option<SegmentIx>);

/// (indicator, channel) picks; (indicator, entity, row) latest cells.
type LatestPerIndicator = (
    Vec<(IndicatorIx, Option<ChannelIx>)>,
    Vec<(IndicatorIx, Entity, usize)>,
);

struct FigureBuilder<'a> {
    ds: &'a Dataset,
    spec: &'a ChartSpec,
    locale: Locale,
    lang: Lang,
    indicators: Vec<IndicatorIx>,
    regions: Vec<RegionIx>,
    segments: Vec<SegmentIx>,
    /// The one segment every selected value belongs to, if any: named once in the subtitle
    /// instead of in every label.
    shared_segment: Option<SegmentIx>,
    warnings: Vec<String>,
}

impl<'a> FigureBuilder<'a> {
    fn new(ds: &'a Dataset, spec: &'a ChartSpec, locale: Locale) -> Self {
        let lang = locale.lang();
        let mut warnings = Vec::new();
        // every id is looked up once in the table's hash index; unknown ones are gathered
        // into one bounded warning per kind
        let mut unknown_indicators = Vec::new();
        let mut indicators = Vec::new();
        for id in &spec.indicators {
            match ds.indicators().ix(id.as_str()) {
                Some(ix) => indicators.push(ix),
                None => unknown_indicators.push(id.as_str()),
            }
        }
        let mut unknown_regions = Vec::new();
        let mut regions = Vec::new();
        let mut chosen = vec![false; ds.regions().len()];
        for id in &spec.regions {
            match ds.regions().ix(id.as_str()) {
                Some(ix) if !chosen[ix.position()] => {
                    chosen[ix.position()] = true;
                    regions.push(ix);
                }
                Some(_) => {}
                None => unknown_regions.push(id.as_str()),
            }
        }
        let mut unknown_segments = Vec::new();
        let mut segments = Vec::new();
        let mut chosen_segment = vec![false; ds.segments().len()];
        for id in &spec.segments {
            match ds.segments().ix(id.as_str()) {
                Some(ix) if !chosen_segment[ix.position()] => {
                    chosen_segment[ix.position()] = true;
                    segments.push(ix);
                }
                Some(_) => {}
                None => unknown_segments.push(id.as_str()),
            }
        }
        let unknown_channels: Vec<&str> = spec
            .channels
            .iter()
            .map(|c| c.as_str())
            .filter(|c| ds.channels().ix(c).is_none())
            .collect();
        let kinds = [
            (unknown_indicators, Msg::WordIndicator),
            (unknown_regions, Msg::WordRegion),
            (unknown_segments, Msg::WordSegment),
            (unknown_channels, Msg::WordChannel),
        ];
        for (ids, word) in kinds {
            if let Some(w) = super::unknown::unknown_ids_warning(&ids, word.get(lang), lang) {
                warnings.push(w);
            }
        }
        Self {
            ds,
            spec,
            locale,
            lang,
            indicators,
            regions,
            segments,
            shared_segment: None,
            warnings,
        }
    }

    /// The indicator at `ix`; `None` for an index this dataset lacks (the builder's indices
    /// all come from it).
    fn ind(&self, ix: IndicatorIx) -> Option<&'a Indicator> {
        self.ds.indicators().at(ix)
    }

    /// Channels to show for an indicator, in dataset order: the chosen ones, or all with
    /// data. An indicator that is not channel-specific shows its all-channel values first,
    /// then any value given for one channel (such values are never dropped).
    fn channels_for(&self, ind: IndicatorIx) -> Vec<Option<ChannelIx>> {
        let chosen: Vec<ChannelIx> = self
            .spec
            .channels
            .iter()
            .filter_map(|c| self.ds.channels().ix(c.as_str()))
            .collect();
        let rows = self.rows(&[ind], None);
        let mut with_data = vec![false; self.ds.channels().len()];
        let mut all_channels = false;
        for &i in &rows {
            match self.ds.observations().row(i).channel {
                Some(c) => with_data[c.position()] = true,
                None => all_channels = true,
            }
        }
        let order: Vec<ChannelIx> = if chosen.is_empty() {
            self.ds.channels().indices().collect()
        } else {
            chosen
        };
        let mut out: Vec<Option<ChannelIx>> = Vec::new();
        if all_channels && !self.ind(ind).is_some_and(|i| i.channel_specific) {
            out.push(None);
        }
        out.extend(
            order
                .into_iter()
                .filter(|&c| with_data[c.position()])
                .map(Some),
        );
        if out.is_empty() { vec![None] } else { out }
    }

    /// The one channel used when an indicator appears as a single value per region: the
    /// first chosen channel with data, else the indicator's headline channel.
    fn single_channel(&self, ind: IndicatorIx) -> Option<ChannelIx> {
        if self.spec.channels.is_empty() {
            return analysis::headline_channel(self.ds, ind);
        }
        self.channels_for(ind).first().copied().flatten()
    }

    fn rows(&self, inds: &[IndicatorIx], channels: Option<Vec<Option<ChannelIx>>>) -> Vec<usize> {
        analysis::select(
            self.ds,
            &Selection {
                indicator_ixs: Some(inds.to_vec()),
                region_ixs: (!self.regions.is_empty()).then(|| self.regions.clone()),
                channel_ixs: channels,
                segment_ixs: (!self.segments.is_empty())
                    .then(|| self.segments.iter().map(|&s| Some(s)).collect()),
                years: self.spec.years,
            },
        )
    }

    /// Regions (or segments of regions) in legend order: the chosen regions, or every region
    /// with a row among `rows`; a region's segments with rows follow it, after its own values.
    fn legend_regions(&self, rows: &[usize]) -> Vec<Entity> {
        let col = self.ds.observations().segment_col();
        let reg = self.ds.observations().region_col();
        self.legend_of(rows.iter().map(|&i| (reg[i], col[i])))
    }

    /// Legend order of `entities` (see [`Builder::legend_regions`]).
    fn legend_of(&self, entities: impl Iterator<Item = Entity>) -> Vec<Entity> {
        let mut seen: Vec<Entity> = entities.collect();
        seen.sort_by_key(|&(r, s)| (r, s.map_or(0, |s| s.position() + 1)));
        seen.dedup();
        if self.regions.is_empty() {
            return seen;
        }
        let mut out = Vec::new();
        for &r in &self.regions {
            let before = out.len();
            out.extend(seen.iter().filter(|e| e.0 == r));
            if out.len() == before {
                out.push((r, None));
            }
        }
        out
    }

    fn region_name(&self, r: RegionIx) -> String {
        self.ds
            .regions()
            .at(r)
            .map(|r| r.name.get(self.lang).to_owned())
            .unwrap_or_default()
    }

    /// A region's name, followed by the segment's when there is one (`UK · Retail banking`).
    fn entity_name(&self, e: Entity) -> String {
        match e.1 {
            None => self.region_name(e.0),
            Some(_) if e.1 == self.shared_segment => self.region_name(e.0),
            Some(s) => format!(
                "{} · {}",
                self.region_name(e.0),
                self.ds
                    .segments()
                    .at(s)
                    .map_or("", |s| s.name.get(self.lang))
            ),
        }
    }

    fn channel_name(&self, c: Option<ChannelIx>) -> String {
        match c {
            Some(c) => self
                .ds
                .channels()
                .at(c)
                .map(|c| c.name.get(self.lang).to_owned())
                .unwrap_or_default(),
            None => Msg::AllChannelsAxis.get(self.lang).to_owned(),
        }
    }

    /// The value axis of indicator `ind`: its name and unit, and the channel when the chart
    /// shows one only (bars, lines and slopes share it).
    fn value_axis(&self, ind: IndicatorIx, channel: Option<ChannelIx>) -> Axis {
        let mut label = self.unit_axis_label(ind);
        if let Some(c) = channel {
            label = format!("{label} – {}", self.channel_name(Some(c)));
        }
        Axis {
            label,
            categories: Vec::new(),
            unit: self.ind(ind).map(|i| i.unit.clone()),
        }
    }

    fn unit_axis_label(&self, ind: IndicatorIx) -> String {
        let Some(i) = self.ind(ind) else {
            return String::new();
        };
        match &i.unit {
            // the duration unit is chosen per axis by the layout (chart::scale)
            Unit::Seconds => i.name.get(self.lang).to_owned(),
            u => format!(
                "{} ({})",
                i.name.get(self.lang),
                super::format::unit_label(u, self.lang)
            ),
        }
    }

    /// The point of observation row `row` at `place`, with its label and tooltip.
    fn point(&mut self, row: usize, place: Place) -> Point {
        let ds = self.ds;
        let r: Observation<'_> = ds.observations().row(row);
        let ind = self.ind(r.indicator);
        let unit = ind.map_or(&Unit::Count, |i| &i.unit);
        let ind_name = ind.map_or("", |i| i.name.get(self.lang));
        let value = r.value;
        let mut label = match value {
            Some(v) => format::value(v, unit, self.locale),
            None => Msg::NaShortDots.get(self.lang).to_owned(),
        };
        let small_sample = r.sample_size.is_some_and(|n| n < self.spec.min_sample());
        if let (true, Some(n)) = (small_sample, r.sample_size) {
            label = format!("{label}  (n = {n})");
        }
        let region = self.entity_name((r.region, r.segment));
        let channel = r.channel.map(|c| self.channel_name(Some(c)));
        let src = ds.sources().at(r.source);
        let mut tooltip = match &channel {
            Some(ch) => format!("{region} · {ch}\n"),
            None => format!("{region}\n"),
        };
        tooltip.push_str(&format!("{ind_name}: {label}\n"));
        tooltip.push_str(&format!("{} · {}\n", r.period, r.grade.label(self.lang)));
        if let Some(n) = r.sample_size {
            tooltip.push_str(&format!(
                "n = {}",
                format::number(f64::from(n), 0, self.locale)
            ));
            if small_sample {
                tooltip.push_str(&Msg::SmallSampleNote.fill(self.lang, &[&self.spec.min_sample()]));
            }
            tooltip.push('\n');
        }
        if let Some(m) = r.margin {
            tooltip.push_str(&format!(
                "{} ± {}\n",
                Msg::MarginOfError.get(self.lang).to_owned(),
                format::value(m, unit, self.locale)
            ));
        }
        tooltip.push_str(&format!(
            "{}: {} ({})",
            Msg::ColSource.get(self.lang).to_owned(),
            src.map_or("", |s| s.publisher.as_str()),
            src.map_or("", |s| s.date.as_str())
        ));
        if ds.observations().has_bundled_and_own() {
            tooltip.push_str(&if ds.observations().is_bundled(row) {
                Msg::BundledBenchmarkSuffix.get(self.lang).to_owned()
            } else {
                Msg::YourDataWins.get(self.lang).to_owned()
            });
        }
        if let Some(note) = r.note {
            tooltip.push('\n');
            tooltip.push_str(note);
        }
        Point {
            place,
            value,
            label,
            grade: r.grade,
            period: r.period,
            region,
            channel,
            indicator: ind_name.to_owned(),
            source: src.map(|s| s.id.to_string()).unwrap_or_default(),
            sample_size: r.sample_size,
            margin: r.margin,
            small_sample,
            tooltip,
        }
    }

    fn series(&self, e: Entity, points: Vec<Point>) -> Series {
        let reg = self.ds.regions().at(e.0);
        let reg_id = reg.map(|r| r.id.to_string()).unwrap_or_default();
        let own = if e.1 == self.shared_segment {
            None
        } else {
            e.1
        };
        let (id, colour) = match own {
            None => (
                reg_id,
                match reg {
                    Some(reg) => palette::region_colour(reg, e.0.position()),
                    None => palette::indexed_colour(e.0.position()),
                },
            ),
            Some(s) => (
                format!("{reg_id}/{}", self.ds.segments().id_at(s).unwrap_or("")),
                palette::indexed_colour(self.ds.regions().len() + s.position()),
            ),
        };
        Series {
            id,
            label: self.entity_name(e),
            colour,
            points,
        }
    }

    fn years_text(&self) -> String {
        match self.spec.years {
            Some((a, b)) if a == b => a.to_string(),
            Some((a, b)) => format!("{a}–{b}"),
            None => Msg::AllYearsLower.get(self.lang).to_owned(),
        }
    }

    fn build(mut self) -> Figure {
        if self.spec.kind == ChartKind::Coverage {
            let (x, y, series) = super::coverage::parts(
                self.ds,
                self.spec,
                &self.regions,
                &self.indicators,
                self.lang,
            );
            let title = Msg::CoverageValuesByGrade.get(self.lang).to_owned();
            return self.finish(ChartKind::Coverage, title, x, y, series);
        }
        let Some(&first) = self.indicators.first() else {
            let title = Msg::ChooseAnIndicator.get(self.lang).to_owned();
            let kind = self.spec.kind;
            return self.finish(kind, title, Axis::default(), Axis::default(), Vec::new());
        };
        let kind = self.spec.kind;
        // the one segment shared by every selected value, if any
        let col = self.ds.observations().segment_col();
        let rows = self.rows(&self.indicators, None);
        let first_seg = rows.first().and_then(|&i| col[i]);
        if let Some(s) = first_seg
            && rows.iter().all(|&i| col[i] == Some(s))
        {
            self.shared_segment = Some(s);
        }
        let default_title = self
            .ind(first)
            .map(|i| i.name.get(self.lang).to_owned())
            .unwrap_or_default();
        let (x, y, series) = match kind {
            ChartKind::BarsByChannel => self.bars_by_channel(first),
            ChartKind::BarsByIndicator => self.bars_by_indicator(),
            ChartKind::Lines => self.lines(first),
            ChartKind::Slope => self.slope(first),
            ChartKind::Scatter => self.scatter(),
            ChartKind::Radar => self.radar(),
            ChartKind::Ranking => self.ranking(first),
            ChartKind::HeatTable => self.heat(first),
            ChartKind::Coverage => (Axis::default(), Axis::default(), Vec::new()),
        };
        let title = match kind {
            ChartKind::BarsByIndicator | ChartKind::Radar if self.indicators.len() > 1 => {
                Msg::IndicatorProfileByRegion.get(self.lang).to_owned()
            }
            ChartKind::Scatter if self.indicators.len() > 1 => format!(
                "{} × {}",
                self.ind(self.indicators[0])
                    .map_or("", |i| i.name.get(self.lang)),
                self.ind(self.indicators[1])
                    .map_or("", |i| i.name.get(self.lang))
            ),
            _ => default_title,
        };
        self.finish(kind, title, x, y, series)
    }
}

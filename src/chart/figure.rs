/*!
[`Figure`]: a [`ChartSpec`] resolved against a [`Dataset`] in a [`Locale`].

This is the only place where chart numbers are chosen: which rows, latest values, ranks,
normalised scores, formatted labels, tooltips, footer sources and comparability warnings.
The GUI (`app::chart_view`) and the exporter (`export::svg`) both draw a `Figure` as is.
*/

use super::format::{self, Locale};
use super::palette::{self, Rgb};
use super::spec::{ChartKind, ChartSpec};
use crate::analysis::{self, Selection};
use crate::model::{Dataset, Direction, Grade, Indicator, Lang, ObsRow, Period, Unit};
use serde::Serialize;

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
    /// Horizontal coordinate (category index, fractional year or x value).
    pub x: f64,
    /// Vertical coordinate (value, normalised score for radar, row index for heat tables).
    pub y: f64,
    /// The value in its unit.
    pub value: f64,
    /// The value formatted in the figure's locale (with gap to best in rankings).
    pub label: String,
    /// Normalised score 0–1 (1 = best side) for radar and heat tables.
    pub score: Option<f64>,
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
    /// Multi-line hover text: value, unit, period, channel, grade, source, note.
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
}

/// Most points a chart prints values on; past this, values are in the tooltips and the data
/// table only, on screen and in exports alike.
pub const VALUE_LABEL_LIMIT: usize = 40;

/// Fewest indicators a radar draws (fewer is refused with a warning, on screen and in files).
pub const RADAR_MIN_AXES: usize = 3;

/// Most points a chart draws a marker for; past this, lines carry the grade alone (runs that
/// touch an illustrative value faded rather than dashed), on screen and in exports alike.
pub const MARKER_LIMIT: usize = 2_000;

/// Whether the line between consecutive points `a` and `b` is broken: more than one period of
/// `a` is missing between them (2016 → 2022 on a yearly series).
pub fn is_gap(a: &Point, b: &Point) -> bool {
    let period_years = f64::from(a.period.months()) / 12.0;
    b.x - a.x > period_years * 1.5
}

/// The runs of a line series: consecutive segments grouped by whether they are dashed (a
/// segment is dashed when either end is illustrative). Each run is its own polyline, so a long
/// series is a handful of lines, not one per segment. Points with a missing coordinate are
/// skipped, and the line breaks where periods are missing ([`is_gap`]).
pub fn line_runs(points: &[Point]) -> Vec<(bool, Vec<[f64; 2]>)> {
    let pts: Vec<&Point> = points
        .iter()
        .filter(|p| p.x.is_finite() && p.y.is_finite())
        .collect();
    let mut runs: Vec<(bool, Vec<[f64; 2]>)> = Vec::new();
    let mut broken = true;
    for pair in pts.windows(2) {
        if is_gap(pair[0], pair[1]) {
            broken = true;
            continue;
        }
        let dashed = pair.iter().any(|p| p.grade == Grade::Illustrative);
        let end = [pair[1].x, pair[1].y];
        match runs.last_mut() {
            Some((d, run)) if *d == dashed && !broken => run.push(end),
            _ => runs.push((dashed, vec![[pair[0].x, pair[0].y], end])),
        }
        broken = false;
    }
    runs
}

impl Figure {
    /// Whether each point gets a marker: only up to [`MARKER_LIMIT`] points, so that a
    /// 100,000-point chart stays fluid. The screen and the exporter both ask here.
    pub fn shows_markers(&self) -> bool {
        self.point_count() <= MARKER_LIMIT
    }

    /// Whether values are printed on the chart when `requested` (the spec's `value_labels`):
    /// only while they fit ([`VALUE_LABEL_LIMIT`]), and never on a radar, whose radii are
    /// normalised scores (its values are in the tooltips and the data table). The screen and
    /// the exporter both ask here.
    pub fn shows_values(&self, requested: bool) -> bool {
        requested && self.kind != ChartKind::Radar && self.point_count() <= VALUE_LABEL_LIMIT
    }

    /// Total number of points.
    pub fn point_count(&self) -> usize {
        self.series.iter().map(|s| s.points.len()).sum()
    }

    /// Whether nothing is drawn.
    pub fn is_empty(&self) -> bool {
        self.point_count() == 0
    }

    /// Extent of `y` (or `x`) over all points, `None` when empty.
    pub fn extent(&self, vertical: bool) -> Option<(f64, f64)> {
        let mut it = self
            .series
            .iter()
            .flat_map(|s| s.points.iter())
            .map(|p| if vertical { p.y } else { p.x });
        let first = it.next()?;
        Some(it.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v))))
    }
}

fn tr(lang: Lang, en: &str, fr: &str) -> String {
    if lang == Lang::Fr {
        fr.to_owned()
    } else {
        en.to_owned()
    }
}

/// Resolves ids and builds the figure. Unknown ids in the spec are skipped with a warning;
/// a spec that resolves to no data gives an empty figure with an explanatory subtitle.
pub fn build(ds: &Dataset, spec: &ChartSpec, locale: Locale) -> Figure {
    Builder::new(ds, spec, locale).build()
}

/// (indicator, channel) picks; (indicator, region, row) latest cells; every selected row.
type LatestPerIndicator = (Vec<(u32, Option<u32>)>, Vec<(u32, u32, usize)>, Vec<usize>);

struct Builder<'a> {
    ds: &'a Dataset,
    spec: &'a ChartSpec,
    locale: Locale,
    lang: Lang,
    indicators: Vec<u32>,
    regions: Vec<u32>,
    warnings: Vec<String>,
}

impl<'a> Builder<'a> {
    fn new(ds: &'a Dataset, spec: &'a ChartSpec, locale: Locale) -> Self {
        let lang = locale.lang();
        let mut warnings = Vec::new();
        let fr = lang == Lang::Fr;
        // every id is looked up once in the table's hash index; unknown ones are gathered
        // into one bounded warning per kind
        let mut unknown_indicators = Vec::new();
        let mut indicators = Vec::new();
        for id in &spec.indicators {
            match ds.indicators.ix(id.as_str()) {
                Some(ix) => indicators.push(ix),
                None => unknown_indicators.push(id.as_str()),
            }
        }
        let mut unknown_regions = Vec::new();
        let mut regions = Vec::new();
        let mut chosen = vec![false; ds.regions.len()];
        for id in &spec.regions {
            match ds.regions.ix(id.as_str()) {
                Some(ix) if !chosen[ix as usize] => {
                    chosen[ix as usize] = true;
                    regions.push(ix);
                }
                Some(_) => {}
                None => unknown_regions.push(id.as_str()),
            }
        }
        let unknown_channels: Vec<&str> = spec
            .channels
            .iter()
            .map(|c| c.as_str())
            .filter(|c| ds.channels.ix(c).is_none())
            .collect();
        let kinds = [
            (unknown_indicators, ("indicator", "indicateur")),
            (unknown_regions, ("region", "région")),
            (unknown_channels, ("channel", "canal")),
        ];
        for (ids, (en, fr_word)) in kinds {
            if let Some(w) =
                super::unknown::unknown_ids_warning(&ids, if fr { fr_word } else { en }, lang)
            {
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
            warnings,
        }
    }

    fn ind(&self, ix: u32) -> &'a Indicator {
        self.ds.indicators.at(ix)
    }

    /// Channels to show for an indicator, in dataset order: the chosen ones, or all with
    /// data; `[None]` for an indicator that is not channel-specific.
    fn channels_for(&self, ind: u32) -> Vec<Option<u32>> {
        if !self.ind(ind).channel_specific {
            return vec![None];
        }
        let chosen: Vec<u32> = self
            .spec
            .channels
            .iter()
            .filter_map(|c| self.ds.channels.ix(c.as_str()))
            .collect();
        let rows = self.rows(&[ind], None);
        let mut with_data = vec![false; self.ds.channels.len()];
        for &i in &rows {
            if let Some(c) = self.ds.observations.row(i).channel {
                with_data[c as usize] = true;
            }
        }
        let order: Vec<u32> = if chosen.is_empty() {
            (0..self.ds.channels.len() as u32).collect()
        } else {
            chosen
        };
        let out: Vec<Option<u32>> = order
            .into_iter()
            .filter(|&c| with_data[c as usize])
            .map(Some)
            .collect();
        if out.is_empty() { vec![None] } else { out }
    }

    /// The one channel used when an indicator appears as a single value per region: the
    /// first chosen channel with data, else the indicator's headline channel.
    fn single_channel(&self, ind: u32) -> Option<u32> {
        if self.spec.channels.is_empty() {
            return analysis::headline_channel(self.ds, ind);
        }
        self.channels_for(ind).first().copied().flatten()
    }

    fn rows(&self, inds: &[u32], channels: Option<Vec<Option<u32>>>) -> Vec<usize> {
        analysis::select(
            self.ds,
            &Selection {
                indicators: Some(inds.to_vec()),
                regions: (!self.regions.is_empty()).then(|| self.regions.clone()),
                channels,
                years: self.spec.years,
            },
        )
    }

    /// Regions in legend order: the chosen ones, or every region with a row among `rows`.
    fn legend_regions(&self, rows: &[usize]) -> Vec<u32> {
        if !self.regions.is_empty() {
            return self.regions.clone();
        }
        let mut seen = vec![false; self.ds.regions.len()];
        for &i in rows {
            seen[self.ds.observations.row(i).region as usize] = true;
        }
        (0..self.ds.regions.len() as u32)
            .filter(|&r| seen[r as usize])
            .collect()
    }

    fn region_name(&self, r: u32) -> String {
        self.ds.regions.at(r).name.get(self.lang).to_owned()
    }

    fn channel_name(&self, c: Option<u32>) -> String {
        match c {
            Some(c) => self.ds.channels.at(c).name.get(self.lang).to_owned(),
            None => tr(self.lang, "All channels", "Tous canaux"),
        }
    }

    fn unit_axis_label(&self, ind: u32) -> String {
        let i = self.ind(ind);
        match &i.unit {
            // the duration unit is chosen per axis by the layout (chart::scale)
            Unit::Seconds => i.name.get(self.lang).to_owned(),
            u => format!("{} ({})", i.name.get(self.lang), u.label(self.lang)),
        }
    }

    fn point(&mut self, r: ObsRow<'_>, x: f64, y: f64, score: Option<f64>) -> Point {
        let ds = self.ds;
        let ind = self.ind(r.indicator);
        let value = r.value.unwrap_or(f64::NAN);
        let label = format::value(value, &ind.unit, self.locale);
        let region = self.region_name(r.region);
        let channel = r.channel.map(|c| self.channel_name(Some(c)));
        let src = ds.sources.at(r.source);
        let mut tooltip = match &channel {
            Some(ch) => format!("{region} · {ch}\n"),
            None => format!("{region}\n"),
        };
        tooltip.push_str(&format!("{}: {label}\n", ind.name.get(self.lang)));
        tooltip.push_str(&format!("{} · {}\n", r.period, r.grade.label(self.lang)));
        if let Some(n) = r.sample_size {
            tooltip.push_str(&format!(
                "n = {}\n",
                format::number(f64::from(n), 0, self.locale)
            ));
        }
        tooltip.push_str(&format!(
            "{}: {} ({})",
            tr(self.lang, "Source", "Source"),
            src.publisher,
            src.date
        ));
        if let Some(note) = r.note {
            tooltip.push('\n');
            tooltip.push_str(note);
        }
        Point {
            x,
            y,
            value,
            label,
            score,
            grade: r.grade,
            period: r.period,
            region,
            channel,
            indicator: ind.name.get(self.lang).to_owned(),
            source: src.id.to_string(),
            tooltip,
        }
    }

    fn series(&self, r: u32, points: Vec<Point>) -> Series {
        let reg = self.ds.regions.at(r);
        Series {
            id: reg.id.to_string(),
            label: self.region_name(r),
            colour: palette::region_colour(reg.id.as_str(), r as usize),
            points,
        }
    }

    fn years_text(&self) -> String {
        match self.spec.years {
            Some((a, b)) if a == b => a.to_string(),
            Some((a, b)) => format!("{a}–{b}"),
            None => tr(self.lang, "all years", "toutes années"),
        }
    }

    fn build(mut self) -> Figure {
        let Some(&first) = self.indicators.first() else {
            let title = tr(
                self.lang,
                "No indicator selected",
                "Aucun indicateur choisi",
            );
            let kind = self.spec.kind;
            return self.finish(kind, title, Axis::default(), Axis::default(), Vec::new());
        };
        let kind = self.spec.kind;
        let default_title = self.ind(first).name.get(self.lang).to_owned();
        let (x, y, series) = match kind {
            ChartKind::BarsByChannel => self.bars_by_channel(first),
            ChartKind::BarsByIndicator => self.bars_by_indicator(),
            ChartKind::Lines => self.lines(first),
            ChartKind::Scatter => self.scatter(),
            ChartKind::Radar => self.radar(),
            ChartKind::Ranking => self.ranking(first),
            ChartKind::HeatTable => self.heat(first),
        };
        let title = match kind {
            ChartKind::BarsByIndicator | ChartKind::Radar if self.indicators.len() > 1 => tr(
                self.lang,
                "Indicator profile by region",
                "Profil des régions par indicateur",
            ),
            ChartKind::Scatter if self.indicators.len() > 1 => format!(
                "{} × {}",
                self.ind(self.indicators[0]).name.get(self.lang),
                self.ind(self.indicators[1]).name.get(self.lang)
            ),
            _ => default_title,
        };
        self.finish(kind, title, x, y, series)
    }

    /// Prints every value of one indicator with the same decimals (`76.0%` beside `76.7%`,
    /// not `76%`), in labels that start with the value.
    fn align_decimals(&self, series: &mut [Series]) {
        for &i in &self.indicators {
            let ind = self.ind(i);
            let name = ind.name.get(self.lang);
            let values: Vec<f64> = series
                .iter()
                .flat_map(|s| &s.points)
                .filter(|p| p.indicator == name)
                .map(|p| p.value)
                .collect();
            let d = format::shared_decimals(&values, &ind.unit);
            for p in series.iter_mut().flat_map(|s| s.points.iter_mut()) {
                if p.indicator != name {
                    continue;
                }
                let plain = format::value(p.value, &ind.unit, self.locale);
                if let Some(rest) = p.label.strip_prefix(&plain) {
                    let fixed = format::value_with_decimals(p.value, &ind.unit, d, self.locale);
                    p.label = format!("{fixed}{rest}");
                }
            }
        }
    }

    fn finish(
        mut self,
        kind: ChartKind,
        title: String,
        x: Axis,
        y: Axis,
        mut series: Vec<Series>,
    ) -> Figure {
        let lang = self.lang;
        self.align_decimals(&mut series);
        let snapshot = !matches!(kind, ChartKind::Lines);
        let default_subtitle = if snapshot {
            tr(
                lang,
                "Latest available value, ",
                "Dernière valeur disponible, ",
            ) + &self.years_text()
        } else {
            self.years_text()
        };
        // comparability: years more than two apart in a snapshot
        let pts: Vec<&Point> = series.iter().flat_map(|s| s.points.iter()).collect();
        if snapshot && !pts.is_empty() {
            let lo = pts.iter().map(|p| p.period.year).min().unwrap_or(0);
            let hi = pts.iter().map(|p| p.period.year).max().unwrap_or(0);
            if hi - lo > 2 {
                self.warnings.push(if lang == Lang::Fr {
                    format!("Valeurs d'années éloignées ({lo}–{hi}, plus de deux ans d'écart)\u{a0}: comparer avec prudence.")
                } else {
                    format!("Values come from years more than two apart ({lo}–{hi}): compare with care.")
                });
            }
        }
        let mut grades: Vec<Grade> = pts.iter().map(|p| p.grade).collect();
        grades.sort();
        grades.dedup();
        let notice = match (
            grades.contains(&Grade::Illustrative),
            grades.contains(&Grade::Estimated),
        ) {
            (false, false) => None,
            (ill, est) => {
                let mut parts = Vec::new();
                if ill {
                    parts.push(tr(
                        lang,
                        "Hatched, light values are illustrative: invented for demonstration where no public figure exists; do not cite them.",
                        "Les valeurs hachurées et claires sont illustratives\u{a0}: inventées pour la démonstration faute de chiffre public\u{202f}; ne pas les citer.",
                    ));
                }
                if est {
                    parts.push(tr(
                        lang,
                        "Outlined values are estimated from published figures (see notes).",
                        "Les valeurs détourées sont estimées à partir de chiffres publiés (voir les notes).",
                    ));
                }
                Some(parts.join(" "))
            }
        };
        let mut source_ids: Vec<&str> = Vec::new();
        for p in &pts {
            if !source_ids.contains(&p.source.as_str()) {
                source_ids.push(&p.source);
            }
        }
        let sources = source_ids
            .iter()
            .filter_map(|id| self.ds.sources.get(id))
            .map(|s| format!("{}, “{}” ({})", s.publisher, s.title, s.date))
            .collect();
        if pts.is_empty() {
            self.warnings.push(tr(
                lang,
                "No value matches this selection.",
                "Aucune valeur ne correspond à cette sélection.",
            ));
        }
        Figure {
            kind,
            locale: self.locale,
            title: self.spec.title.clone().unwrap_or(title),
            subtitle: self.spec.subtitle.clone().unwrap_or(default_subtitle),
            x,
            y,
            series,
            sources,
            notice,
            warnings: self.warnings,
            grades,
        }
    }

    fn bars_by_channel(&mut self, ind: u32) -> (Axis, Axis, Vec<Series>) {
        let chans = self.channels_for(ind);
        let rows = self.rows(&[ind], Some(chans.clone()));
        let latest = analysis::latest(&self.ds.observations, &rows, |r| (r.region, r.channel));
        let regions = self.legend_regions(&rows);
        let mut series = Vec::new();
        for r in regions {
            let mut points = Vec::new();
            for (ci, c) in chans.iter().enumerate() {
                if let Some((_, row)) = latest.iter().find(|(k, _)| *k == (r, *c)) {
                    let o = self.ds.observations.row(*row);
                    let v = o.value.unwrap_or(f64::NAN);
                    points.push(self.point(o, ci as f64, v, None));
                }
            }
            series.push(self.series(r, points));
        }
        let x = Axis {
            label: tr(self.lang, "Channel", "Canal"),
            categories: chans.iter().map(|&c| self.channel_name(c)).collect(),
            unit: None,
        };
        let y = Axis {
            label: self.unit_axis_label(ind),
            categories: Vec::new(),
            unit: Some(self.ind(ind).unit.clone()),
        };
        (x, y, series)
    }

    fn indicator_category(&self, ind: u32, ch: Option<u32>) -> String {
        let name = self.ind(ind).name.get(self.lang);
        match ch {
            Some(c) => format!("{name} ({})", self.channel_name(Some(c))),
            None => name.to_owned(),
        }
    }

    /// Latest value per region for each indicator (with its single channel).
    fn per_indicator_latest(&self) -> LatestPerIndicator {
        let picks: Vec<(u32, Option<u32>)> = self
            .indicators
            .iter()
            .map(|&i| (i, self.single_channel(i)))
            .collect();
        let mut all_rows = Vec::new();
        let mut cells = Vec::new();
        for &(ind, ch) in &picks {
            let rows = self.rows(&[ind], Some(vec![ch]));
            for (r, row) in analysis::latest(&self.ds.observations, &rows, |o| o.region) {
                cells.push((ind, r, row));
            }
            all_rows.extend(rows);
        }
        (picks, cells, all_rows)
    }

    fn bars_by_indicator(&mut self) -> (Axis, Axis, Vec<Series>) {
        let (picks, cells, all_rows) = self.per_indicator_latest();
        let mut units: Vec<String> = picks
            .iter()
            .map(|(i, _)| self.ind(*i).unit.label(self.lang))
            .collect();
        units.dedup();
        let mixed = units.len() > 1;
        if mixed {
            self.warnings.push(if self.lang == Lang::Fr {
                format!("Indicateurs d'unités différentes ({})\u{a0}: les hauteurs de barres ne se comparent pas d'un indicateur à l'autre.", units.join(", "))
            } else {
                format!("Indicators have different units ({}): bar heights are not comparable across indicators.", units.join(", "))
            });
        }
        let regions = self.legend_regions(&all_rows);
        let mut series = Vec::new();
        for r in regions {
            let mut points = Vec::new();
            for (k, &(ind, _)) in picks.iter().enumerate() {
                if let Some(&(_, _, row)) = cells.iter().find(|(i, rr, _)| *i == ind && *rr == r) {
                    let o = self.ds.observations.row(row);
                    points.push(self.point(o, k as f64, o.value.unwrap_or(f64::NAN), None));
                }
            }
            series.push(self.series(r, points));
        }
        let x = Axis {
            label: tr(self.lang, "Indicator", "Indicateur"),
            categories: picks
                .iter()
                .map(|&(i, c)| self.indicator_category(i, c))
                .collect(),
            unit: None,
        };
        let y = Axis {
            label: if mixed {
                tr(
                    self.lang,
                    "Value (units differ)",
                    "Valeur (unités différentes)",
                )
            } else {
                let value = tr(self.lang, "Value", "Valeur");
                match &self.ind(picks[0].0).unit {
                    Unit::Seconds => value,
                    u => format!("{value} ({})", u.label(self.lang)),
                }
            },
            categories: Vec::new(),
            unit: if mixed {
                None
            } else {
                Some(self.ind(picks[0].0).unit.clone())
            },
        };
        (x, y, series)
    }

    /// Says where lines are broken for missing periods (the first gap, and how many more).
    fn note_gaps(&mut self, series: &[Series]) {
        let gaps: Vec<(&Series, &Point, &Point)> = series
            .iter()
            .flat_map(|s| s.points.windows(2).map(move |w| (s, &w[0], &w[1])))
            .filter(|(_, a, b)| is_gap(a, b))
            .collect();
        let Some((s, a, b)) = gaps.first() else {
            return;
        };
        let more = gaps.len() - 1;
        let (a, b) = (a.period, b.period);
        self.warnings.push(if self.lang == Lang::Fr {
            let plus = if more > 0 {
                format!(" (et {more} autre(s))")
            } else {
                String::new()
            };
            format!(
                "Ligne interrompue là où des périodes manquent\u{a0}: {} entre {a} et {b}{plus}.",
                s.label
            )
        } else {
            let plus = if more > 0 {
                format!(" (and {more} more)")
            } else {
                String::new()
            };
            format!(
                "Lines break where periods are missing: {} between {a} and {b}{plus}.",
                s.label
            )
        });
    }

    fn lines(&mut self, ind: u32) -> (Axis, Axis, Vec<Series>) {
        let chans = self.channels_for(ind);
        let chans: Vec<Option<u32>> = if self.spec.channels.is_empty() && chans.len() > 1 {
            vec![self.single_channel(ind)]
        } else {
            chans
        };
        let rows = self.rows(&[ind], Some(chans.clone()));
        let regions = self.legend_regions(&rows);
        // one pass: rows with a value, by (region, channel)
        let mut buckets: std::collections::HashMap<(u32, Option<u32>), Vec<usize>> =
            std::collections::HashMap::new();
        for &i in &rows {
            let o = self.ds.observations.row(i);
            if o.value.is_some() {
                buckets.entry((o.region, o.channel)).or_default().push(i);
            }
        }
        let mut series = Vec::new();
        for r in regions {
            for &c in &chans {
                let mut sel = buckets.remove(&(r, c)).unwrap_or_default();
                sel.sort_by_key(|&i| self.ds.observations.row(i).period);
                let points: Vec<Point> = sel
                    .into_iter()
                    .map(|i| {
                        let o = self.ds.observations.row(i);
                        self.point(o, o.period.mid_year(), o.value.unwrap_or(f64::NAN), None)
                    })
                    .collect();
                let mut s = self.series(r, points);
                if chans.len() > 1 {
                    s.id = format!(
                        "{}/{}",
                        s.id,
                        c.map(|c| self.ds.channels.at(c).id.to_string())
                            .unwrap_or_default()
                    );
                    s.label = format!("{} – {}", s.label, self.channel_name(c));
                }
                series.push(s);
            }
        }
        self.note_gaps(&series);
        let x = Axis {
            label: tr(self.lang, "Year", "Année"),
            categories: Vec::new(),
            unit: None,
        };
        let mut ylabel = self.unit_axis_label(ind);
        if chans.len() == 1
            && let Some(c) = chans[0]
        {
            ylabel = format!("{ylabel} – {}", self.channel_name(Some(c)));
        }
        let y = Axis {
            label: ylabel,
            categories: Vec::new(),
            unit: Some(self.ind(ind).unit.clone()),
        };
        (x, y, series)
    }

    fn scatter(&mut self) -> (Axis, Axis, Vec<Series>) {
        if self.indicators.len() < 2 {
            self.warnings.push(tr(
                self.lang,
                "A scatter needs two indicators: choose a second one.",
                "Un nuage de points demande deux indicateurs : choisissez-en un second.",
            ));
            return (Axis::default(), Axis::default(), Vec::new());
        }
        let (ix, iy) = (self.indicators[0], self.indicators[1]);
        let (cx, cy) = (self.single_channel(ix), self.single_channel(iy));
        let rx = self.rows(&[ix], Some(vec![cx]));
        let ry = self.rows(&[iy], Some(vec![cy]));
        let lx = analysis::latest(&self.ds.observations, &rx, |o| o.region);
        let ly = analysis::latest(&self.ds.observations, &ry, |o| o.region);
        let mut all = rx.clone();
        all.extend(&ry);
        let regions = self.legend_regions(&all);
        let mut series = Vec::new();
        let mut far_apart = Vec::new();
        for r in regions {
            let (Some(&(_, row_x)), Some(&(_, row_y))) = (
                lx.iter().find(|(k, _)| *k == r),
                ly.iter().find(|(k, _)| *k == r),
            ) else {
                series.push(self.series(r, Vec::new()));
                continue;
            };
            let ox = self.ds.observations.row(row_x);
            let oy = self.ds.observations.row(row_y);
            if (ox.period.year - oy.period.year).abs() > 2 {
                far_apart.push(self.region_name(r));
            }
            let vx = ox.value.unwrap_or(f64::NAN);
            let mut p = self.point(oy, vx, oy.value.unwrap_or(f64::NAN), None);
            let xl = format::value(vx, &self.ind(ix).unit, self.locale);
            p.label = format!("{xl}; {}", p.label);
            p.tooltip = format!(
                "{}\n{}: {xl} ({}, {})",
                p.tooltip,
                self.ind(ix).name.get(self.lang),
                ox.period,
                ox.grade.label(self.lang)
            );
            p.grade = p.grade.max(ox.grade);
            series.push(self.series(r, vec![p]));
        }
        if !far_apart.is_empty() {
            self.warnings.push(if self.lang == Lang::Fr {
                format!(
                    "Pour {}, les deux valeurs ont plus de deux ans d'écart.",
                    far_apart.join(", ")
                )
            } else {
                format!(
                    "For {}, the two values are more than two years apart.",
                    far_apart.join(", ")
                )
            });
        }
        let x = Axis {
            label: self.unit_axis_label(ix),
            categories: Vec::new(),
            unit: Some(self.ind(ix).unit.clone()),
        };
        let y = Axis {
            label: self.unit_axis_label(iy),
            categories: Vec::new(),
            unit: Some(self.ind(iy).unit.clone()),
        };
        (x, y, series)
    }

    fn radar(&mut self) -> (Axis, Axis, Vec<Series>) {
        let (picks, cells, all_rows) = self.per_indicator_latest();
        if picks.len() < RADAR_MIN_AXES {
            // two spokes draw a line, not a profile: refuse with the reason
            self.warnings.push(tr(
                self.lang,
                "A radar needs at least three indicators with values: add one, or use bars by indicator.",
                "Un radar demande au moins trois indicateurs renseignés\u{a0}: ajoutez-en un, ou choisissez les barres par indicateur.",
            ));
            return (Axis::default(), Axis::default(), Vec::new());
        }
        let regions = self.legend_regions(&all_rows);
        // normalise each indicator over the regions shown
        let mut bounds = Vec::new();
        for &(ind, _) in &picks {
            let vals: Vec<f64> = cells
                .iter()
                .filter(|(i, r, _)| *i == ind && regions.contains(r))
                .filter_map(|&(_, _, row)| self.ds.observations.row(row).value)
                .collect();
            let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            bounds.push((lo, hi));
        }
        let mut series = Vec::new();
        for r in regions {
            let mut points = Vec::new();
            for (k, &(ind, _)) in picks.iter().enumerate() {
                if let Some(&(_, _, row)) = cells.iter().find(|(i, rr, _)| *i == ind && *rr == r) {
                    let o = self.ds.observations.row(row);
                    let v = o.value.unwrap_or(f64::NAN);
                    let (lo, hi) = bounds[k];
                    let dir = match self.ind(ind).direction {
                        Direction::Neutral => Direction::HigherIsBetter,
                        d => d,
                    };
                    // keep the worst region visible at 0.15 rather than at the centre
                    let score = 0.15 + 0.85 * analysis::normalise(v, lo, hi, dir);
                    points.push(self.point(o, k as f64, score, Some(score)));
                }
            }
            series.push(self.series(r, points));
        }
        let x = Axis {
            label: tr(self.lang, "Indicator", "Indicateur"),
            categories: picks
                .iter()
                .map(|&(i, c)| self.indicator_category(i, c))
                .collect(),
            unit: None,
        };
        let y = Axis {
            label: tr(
                self.lang,
                "Relative position among the regions shown (outer = best)",
                "Position relative parmi les régions affichées (extérieur = meilleur)",
            ),
            categories: Vec::new(),
            unit: None,
        };
        (x, y, series)
    }

    fn ranking(&mut self, ind: u32) -> (Axis, Axis, Vec<Series>) {
        let ch = self.single_channel(ind);
        let rows = self.rows(&[ind], Some(vec![ch]));
        let latest = analysis::latest(&self.ds.observations, &rows, |o| o.region);
        let vals: Vec<(u32, f64)> = latest
            .iter()
            .filter_map(|&(r, row)| self.ds.observations.row(row).value.map(|v| (r, v)))
            .collect();
        let indicator = self.ind(ind);
        let ranked = analysis::rank(&vals, indicator.direction);
        let mut series = Vec::new();
        let mut cats = Vec::new();
        for (pos, e) in ranked.iter().enumerate() {
            let Some(&(_, row)) = latest.iter().find(|(r, _)| *r == e.key) else {
                continue;
            };
            let o = self.ds.observations.row(row);
            let mut p = self.point(o, pos as f64, e.value, None);
            if pos > 0 && indicator.direction != Direction::Neutral {
                let gap = format::difference(e.gap_to_best, &indicator.unit, self.locale);
                p.label = if self.lang == Lang::Fr {
                    format!("{}  (écart au meilleur\u{a0}: {gap})", p.label)
                } else {
                    format!("{}  (gap to best: {gap})", p.label)
                };
            }
            // a neutral indicator has no better side: ordered, not ranked
            cats.push(if indicator.direction == Direction::Neutral {
                self.region_name(e.key)
            } else {
                format!("{}. {}", e.rank, self.region_name(e.key))
            });
            series.push(self.series(e.key, vec![p]));
        }
        let dir_note = match indicator.direction {
            Direction::HigherIsBetter => tr(self.lang, "higher is better", "plus haut = meilleur"),
            Direction::LowerIsBetter => tr(self.lang, "lower is better", "plus bas = meilleur"),
            Direction::Neutral => tr(self.lang, "no better side", "sans sens de performance"),
        };
        let mut ylabel = format!("{} – {dir_note}", self.unit_axis_label(ind));
        if let Some(c) = ch {
            ylabel = format!("{ylabel} – {}", self.channel_name(Some(c)));
        }
        let x = Axis {
            label: tr(self.lang, "Rank", "Rang"),
            categories: cats,
            unit: None,
        };
        let y = Axis {
            label: ylabel,
            categories: Vec::new(),
            unit: Some(indicator.unit.clone()),
        };
        (x, y, series)
    }

    fn heat(&mut self, ind: u32) -> (Axis, Axis, Vec<Series>) {
        let chans = self.channels_for(ind);
        let rows = self.rows(&[ind], Some(chans.clone()));
        let latest = analysis::latest(&self.ds.observations, &rows, |r| (r.region, r.channel));
        let regions = self.legend_regions(&rows);
        let vals: Vec<f64> = latest
            .iter()
            .filter(|((r, _), _)| regions.contains(r))
            .filter_map(|(_, row)| self.ds.observations.row(*row).value)
            .collect();
        let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let dir = self.ind(ind).direction;
        let mut series = Vec::new();
        for (ri, &r) in regions.iter().enumerate() {
            let mut points = Vec::new();
            for (ci, c) in chans.iter().enumerate() {
                if let Some((_, row)) = latest.iter().find(|(k, _)| *k == (r, *c)) {
                    let o = self.ds.observations.row(*row);
                    let v = o.value.unwrap_or(f64::NAN);
                    let score =
                        (dir != Direction::Neutral).then(|| analysis::normalise(v, lo, hi, dir));
                    points.push(self.point(o, ci as f64, ri as f64, score));
                }
            }
            series.push(self.series(r, points));
        }
        let x = Axis {
            label: tr(self.lang, "Channel", "Canal"),
            categories: chans.iter().map(|&c| self.channel_name(c)).collect(),
            unit: None,
        };
        let y = Axis {
            label: self.unit_axis_label(ind),
            categories: regions.iter().map(|&r| self.region_name(r)).collect(),
            unit: Some(self.ind(ind).unit.clone()),
        };
        (x, y, series)
    }
}

//! One builder per chart kind: which rows, latest values, ranks and normalised scores, and
//! the axes, for bars, lines, scatter, radar, ranking and heat table.

use super::*;

/// The latest row per (region or segment, channel).
type LatestByChannel = Vec<((Entity, Option<ChannelIx>), usize)>;

impl FigureBuilder<'_> {
    /// What bars by channel and the heat table share: the channels of indicator `ind`, the
    /// latest row per (region or segment, channel), and the legend's regions.
    fn latest_by_channel(
        &self,
        ind: IndicatorIx,
    ) -> (Vec<Option<ChannelIx>>, LatestByChannel, Vec<Entity>) {
        let chans = self.channels_for(ind);
        let rows = self.rows(&[ind], Some(chans.clone()));
        let latest = analysis::latest(self.ds.observations(), &rows, |r| {
            ((r.region, r.segment), r.channel)
        });
        let regions = self.legend_regions(&rows);
        (chans, latest, regions)
    }

    pub(super) fn bars_by_channel(&mut self, ind: IndicatorIx) -> (Axis, Axis, Vec<Series>) {
        let (chans, latest, regions) = self.latest_by_channel(ind);
        let mut series = Vec::new();
        for r in regions {
            let mut points = Vec::new();
            for (ci, c) in chans.iter().enumerate() {
                if let Some((_, row)) = latest.iter().find(|(k, _)| *k == (r, *c)) {
                    points.push(self.point(*row, Place::Category { index: ci }));
                }
            }
            series.push(self.series(r, points));
        }
        let x = Axis {
            label: Msg::ColChannel.get(self.lang).to_owned(),
            categories: chans.iter().map(|&c| self.channel_name(c)).collect(),
            unit: None,
        };
        let y = self.value_axis(ind, None);
        (x, y, series)
    }

    pub(super) fn indicator_category(&self, ind: IndicatorIx, ch: Option<ChannelIx>) -> String {
        let name = self.ind(ind).map_or("", |i| i.name.get(self.lang));
        match ch {
            Some(c) => format!("{name} ({})", self.channel_name(Some(c))),
            None => name.to_owned(),
        }
    }

    /// The one segment every selected value of `ind` belongs to, if any. Multi-indicator
    /// charts pair such values with the region's own values of other indicators (the bundled
    /// NPS is all retail banking; the other indicators have no segment).
    pub(super) fn sole_segment(&self, ind: IndicatorIx) -> Option<SegmentIx> {
        let col = self.ds.observations().segment_col();
        let rows = self.rows(&[ind], None);
        let s = (*col.get(*rows.first()?)?)?;
        rows.iter().all(|&i| col[i] == Some(s)).then_some(s)
    }

    /// The entity a row of `ind` stands for in a multi-indicator chart (see
    /// [`Builder::sole_segment`]).
    pub(super) fn entity_of(
        &self,
        ind: IndicatorIx,
    ) -> impl Fn(&Observation<'_>) -> Entity + use<> {
        let sole = self.sole_segment(ind);
        move |o: &Observation<'_>| (o.region, if o.segment == sole { None } else { o.segment })
    }

    /// Latest value per region for each indicator (with its single channel).
    pub(super) fn per_indicator_latest(&self) -> LatestPerIndicator {
        let picks: Vec<(IndicatorIx, Option<ChannelIx>)> = self
            .indicators
            .iter()
            .map(|&i| (i, self.single_channel(i)))
            .collect();
        let mut cells = Vec::new();
        for &(ind, ch) in &picks {
            let rows = self.rows(&[ind], Some(vec![ch]));
            let key = self.entity_of(ind);
            for (r, row) in analysis::latest(self.ds.observations(), &rows, key) {
                cells.push((ind, r, row));
            }
        }
        (picks, cells)
    }

    /// The categorical axis of charts with one category per indicator (and its channel).
    fn indicator_axis(&self, picks: &[(IndicatorIx, Option<ChannelIx>)]) -> Axis {
        Axis {
            label: Msg::ColIndicator.get(self.lang).to_owned(),
            categories: picks
                .iter()
                .map(|&(i, c)| self.indicator_category(i, c))
                .collect(),
            unit: None,
        }
    }

    pub(super) fn bars_by_indicator(&mut self) -> (Axis, Axis, Vec<Series>) {
        let (picks, cells) = self.per_indicator_latest();
        let mut units: Vec<String> = picks
            .iter()
            .filter_map(|(i, _)| self.ind(*i))
            .map(|i| crate::chart::format::unit_label(&i.unit, self.lang))
            .collect();
        units.sort();
        units.dedup();
        let mixed = units.len() > 1;
        if mixed {
            // bars in different units on one axis would compare what cannot be compared
            self.warnings
                .push(Msg::UnitsDiffer.fill(self.lang, &[&units.join(", ")]));
            return (Axis::default(), Axis::default(), Vec::new());
        }
        let regions = self.legend_of(cells.iter().map(|c| c.1));
        let mut series = Vec::new();
        for r in regions {
            let mut points = Vec::new();
            for (k, &(ind, _)) in picks.iter().enumerate() {
                if let Some(&(_, _, row)) = cells.iter().find(|(i, rr, _)| *i == ind && *rr == r) {
                    points.push(self.point(row, Place::Category { index: k }));
                }
            }
            series.push(self.series(r, points));
        }
        let x = self.indicator_axis(&picks);
        let y = Axis {
            label: if mixed {
                Msg::ValueUnitsDiffer.get(self.lang).to_owned()
            } else {
                let value = Msg::ColValue.get(self.lang).to_owned();
                match self.ind(picks[0].0).map(|i| &i.unit) {
                    Some(Unit::Seconds) | None => value,
                    Some(u) => format!(
                        "{value} ({})",
                        crate::chart::format::unit_label(u, self.lang)
                    ),
                }
            },
            categories: Vec::new(),
            unit: if mixed {
                None
            } else {
                self.ind(picks[0].0).map(|i| i.unit.clone())
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
        let plus = if more > 0 {
            Msg::count(Msg::AndOneMore, Msg::AndMore, more, self.lang, &[])
        } else {
            String::new()
        };
        self.warnings
            .push(Msg::LineBreaks.fill(self.lang, &[&s.label, &a, &b, &plus]));
    }

    pub(super) fn lines(&mut self, ind: IndicatorIx) -> (Axis, Axis, Vec<Series>) {
        let chans = self.channels_for(ind);
        let chans: Vec<Option<ChannelIx>> = if self.spec.channels.is_empty() && chans.len() > 1 {
            vec![self.single_channel(ind)]
        } else {
            chans
        };
        let rows = self.rows(&[ind], Some(chans.clone()));
        let regions = self.legend_regions(&rows);
        // one pass: rows with a value, by (region, channel)
        let mut buckets: std::collections::HashMap<(Entity, Option<ChannelIx>), Vec<usize>> =
            std::collections::HashMap::new();
        for &i in &rows {
            let o = self.ds.observations().row(i);
            if o.value.is_some() {
                buckets
                    .entry(((o.region, o.segment), o.channel))
                    .or_default()
                    .push(i);
            }
        }
        let mut series = Vec::new();
        for r in regions {
            for &c in &chans {
                let mut sel = buckets.remove(&(r, c)).unwrap_or_default();
                sel.sort_by_key(|&i| self.ds.observations().row(i).period);
                let points: Vec<Point> = sel
                    .into_iter()
                    .map(|i| {
                        let year = self.ds.observations().row(i).period.mid_year();
                        self.point(i, Place::Year { year })
                    })
                    .collect();
                let mut s = self.series(r, points);
                if chans.len() > 1 {
                    s.id = format!(
                        "{}/{}",
                        s.id,
                        c.and_then(|c| self.ds.channels().id_at(c))
                            .map(str::to_owned)
                            .unwrap_or_default()
                    );
                    s.label = format!("{} – {}", s.label, self.channel_name(c));
                }
                series.push(s);
            }
        }
        self.note_gaps(&series);
        let x = Axis {
            label: Msg::Year.get(self.lang).to_owned(),
            categories: Vec::new(),
            unit: None,
        };
        let only = if chans.len() == 1 { chans[0] } else { None };
        let y = self.value_axis(ind, only);
        (x, y, series)
    }

    pub(super) fn scatter(&mut self) -> (Axis, Axis, Vec<Series>) {
        if self.indicators.len() < 2 {
            self.warnings
                .push(Msg::ScatterNeedsTwo.get(self.lang).to_owned());
            return (Axis::default(), Axis::default(), Vec::new());
        }
        let (ix, iy) = (self.indicators[0], self.indicators[1]);
        let (cx, cy) = (self.single_channel(ix), self.single_channel(iy));
        let rx = self.rows(&[ix], Some(vec![cx]));
        let ry = self.rows(&[iy], Some(vec![cy]));
        let lx = analysis::latest(self.ds.observations(), &rx, self.entity_of(ix));
        let ly = analysis::latest(self.ds.observations(), &ry, self.entity_of(iy));
        let regions = self.legend_of(lx.iter().chain(ly.iter()).map(|(e, _)| *e));
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
            let ox = self.ds.observations().row(row_x);
            let oy = self.ds.observations().row(row_y);
            if (ox.period.year - oy.period.year).abs() > 2 {
                far_apart.push(self.entity_name(r));
            }
            let mut p = self.point(row_y, Place::Xy { x: ox.value });
            let xl = match ox.value {
                Some(vx) => format::value(
                    vx,
                    self.ind(ix).map_or(&Unit::Count, |i| &i.unit),
                    self.locale,
                ),
                None => Msg::NaShortDots.get(self.lang).to_owned(),
            };
            p.label = format!("{xl}; {}", p.label);
            p.tooltip = format!(
                "{}\n{}: {xl} ({}, {})",
                p.tooltip,
                self.ind(ix).map_or("", |i| i.name.get(self.lang)),
                ox.period,
                ox.grade.label(self.lang)
            );
            p.grade = p.grade.max(ox.grade);
            series.push(self.series(r, vec![p]));
        }
        if !far_apart.is_empty() {
            self.warnings
                .push(Msg::YearsApartFor.fill(self.lang, &[&far_apart.join(", ")]));
        }
        let x = self.value_axis(ix, None);
        let y = self.value_axis(iy, None);
        (x, y, series)
    }

    pub(super) fn radar(&mut self) -> (Axis, Axis, Vec<Series>) {
        let (picks, cells) = self.per_indicator_latest();
        if picks.len() < RADAR_MIN_AXES {
            // two spokes draw a line, not a profile: refuse with the reason
            self.warnings
                .push(Msg::RadarNeedsThree.get(self.lang).to_owned());
            return (Axis::default(), Axis::default(), Vec::new());
        }
        let regions = self.legend_of(cells.iter().map(|c| c.1));
        // normalise each indicator over every region of the dataset in the period window, so
        // a region's radius does not depend on which other regions are ticked
        let (bounds, counted) = self.radar_ranges(&picks);
        let mut series = Vec::new();
        for r in regions {
            let mut points = Vec::new();
            for (k, &(ind, _)) in picks.iter().enumerate() {
                if let Some(&(_, _, row)) = cells.iter().find(|(i, rr, _)| *i == ind && *rr == r) {
                    let o = self.ds.observations().row(row);
                    let (lo, hi) = bounds[k];
                    let dir = match self.ind(ind).map_or(Direction::Neutral, |i| i.direction) {
                        Direction::Neutral => Direction::HigherIsBetter,
                        d => d,
                    };
                    // the score 0–1; the radius keeps the worst region visible at the floor
                    // rather than at the centre (`Point::spoke`)
                    let score = o.value.map(|v| analysis::score_in_range(v, lo, hi, dir));
                    points.push(self.point(row, Place::Spoke { axis: k, score }));
                }
            }
            series.push(self.series(r, points));
        }
        let x = self.indicator_axis(&picks);
        let y = Axis {
            // how the rings read: each indicator scaled over the regions of the dataset
            label: Msg::RadarScaleOfDataset.fill(self.lang, &[&counted]),
            categories: Vec::new(),
            unit: None,
        };
        (x, y, series)
    }

    /// The range of each picked indicator (in its channel) over every region of the dataset
    /// with a value in the spec's period window (latest value per region), whichever regions
    /// are ticked; and the largest number of regions behind one range, for the radar's note.
    fn radar_ranges(&self, picks: &[(IndicatorIx, Option<ChannelIx>)]) -> (Vec<(f64, f64)>, usize) {
        let mut bounds = Vec::with_capacity(picks.len());
        let mut counted = 0;
        for &(ind, ch) in picks {
            let rows = analysis::select(
                self.ds,
                &Selection {
                    indicator_ixs: Some(vec![ind]),
                    region_ixs: None,
                    channel_ixs: Some(vec![ch]),
                    segment_ixs: (!self.segments.is_empty())
                        .then(|| self.segments.iter().map(|&s| Some(s)).collect()),
                    years: self.spec.years,
                },
            );
            let latest = analysis::latest(self.ds.observations(), &rows, self.entity_of(ind));
            let vals: Vec<f64> = latest
                .iter()
                .filter_map(|&(_, row)| self.ds.observations().row(row).value)
                .filter(|v| v.is_finite())
                .collect();
            counted = counted.max(vals.len());
            let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            bounds.push((lo, hi));
        }
        (bounds, counted)
    }

    pub(super) fn ranking(&mut self, ind: IndicatorIx) -> (Axis, Axis, Vec<Series>) {
        let ch = self.single_channel(ind);
        let rows = self.rows(&[ind], Some(vec![ch]));
        let latest = analysis::latest(self.ds.observations(), &rows, |o| (o.region, o.segment));
        let min = self.spec.min_sample();
        let hide = self.spec.hide_below_min_sample;
        let vals: Vec<(Entity, f64)> = latest
            .iter()
            .map(|&(r, row)| (r, self.ds.observations().row(row)))
            .filter(|(_, o)| !(hide && o.sample_size.is_some_and(|n| n < min)))
            .filter_map(|(r, o)| o.value.map(|v| (r, v)))
            .collect();
        let Some(indicator) = self.ind(ind) else {
            return (Axis::default(), Axis::default(), Vec::new());
        };
        let ranked = analysis::rank(&vals, indicator.direction);
        let mut series = Vec::new();
        let mut cats = Vec::new();
        for (pos, e) in ranked.iter().enumerate() {
            let Some(&(_, row)) = latest.iter().find(|(r, _)| *r == e.key) else {
                continue;
            };
            let mut p = self.point(row, Place::Rank { rank: pos });
            if pos > 0 && indicator.direction != Direction::Neutral {
                let gap = format::difference(e.gap_to_best, &indicator.unit, self.locale);
                p.label = Msg::GapToBest.fill(self.lang, &[&p.label, &gap]);
            }
            if pos == 0
                && let Some(n) = p.sample_size.filter(|&n| n <= 2)
            {
                let who = self.entity_name(e.key);
                self.warnings.push(if n == 1 {
                    Msg::RankOnOneAnswer.fill(self.lang, &[&who])
                } else {
                    Msg::RankOnTinySample.fill(self.lang, &[&who, &n])
                });
            }
            // a neutral indicator has no better side: ordered, not ranked
            cats.push(if indicator.direction == Direction::Neutral {
                self.entity_name(e.key)
            } else {
                format!("{}. {}", e.rank, self.entity_name(e.key))
            });
            series.push(self.series(e.key, vec![p]));
        }
        let dir_note = match indicator.direction {
            Direction::HigherIsBetter => Msg::HigherIsBetter.get(self.lang).to_owned(),
            Direction::LowerIsBetter => Msg::LowerIsBetter.get(self.lang).to_owned(),
            // said for the reader: ordered by value, largest first
            Direction::Neutral => Msg::LargestFirst.get(self.lang).to_owned(),
        };
        let mut ylabel = format!("{} – {dir_note}", self.unit_axis_label(ind));
        if let Some(c) = ch {
            ylabel = format!("{ylabel} – {}", self.channel_name(Some(c)));
        }
        let x = Axis {
            label: Msg::Rank.get(self.lang).to_owned(),
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

    /// The heat table. Unlike the radar (scaled over every region of the dataset), its
    /// colours are scaled over the values the table shows, because its key names both ends
    /// with those values ("worse (55%) → better (78%)", `style::heat_key`): a colour reads
    /// against the key printed beside it.
    pub(super) fn heat(&mut self, ind: IndicatorIx) -> (Axis, Axis, Vec<Series>) {
        let (chans, latest, regions) = self.latest_by_channel(ind);
        let vals: Vec<f64> = latest
            .iter()
            .filter(|((r, _), _)| regions.contains(r))
            .filter_map(|(_, row)| self.ds.observations().row(*row).value)
            .collect();
        let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let dir = self.ind(ind).map_or(Direction::Neutral, |i| i.direction);
        let mut series = Vec::new();
        for (ri, &r) in regions.iter().enumerate() {
            let mut points = Vec::new();
            for (ci, c) in chans.iter().enumerate() {
                if let Some((_, row)) = latest.iter().find(|(k, _)| *k == (r, *c)) {
                    let score = (self.ds.observations().row(*row).value)
                        .filter(|_| dir != Direction::Neutral)
                        .map(|v| analysis::score_in_range(v, lo, hi, dir));
                    let place = Place::Cell {
                        row: ri,
                        column: ci,
                        score,
                    };
                    points.push(self.point(*row, place));
                }
            }
            series.push(self.series(r, points));
        }
        let x = Axis {
            label: Msg::ColChannel.get(self.lang).to_owned(),
            categories: chans.iter().map(|&c| self.channel_name(c)).collect(),
            unit: None,
        };
        let y = Axis {
            label: self.unit_axis_label(ind),
            categories: regions.iter().map(|&r| self.entity_name(r)).collect(),
            unit: self.ind(ind).map(|i| i.unit.clone()),
        };
        (x, y, series)
    }
}

//! Finishing a figure: values below the sample minimum hidden or footnoted, comparability
//! warnings, grade notice, the sources of the footer.

use super::*;

impl FigureBuilder<'_> {
    /// Prints every value of one indicator with the same decimals (`76.0%` beside `76.7%`,
    /// not `76%`), in labels that start with the value.
    fn align_decimals(&self, series: &mut [Series]) {
        for &i in &self.indicators {
            let Some(ind) = self.ind(i) else { continue };
            let name = ind.name.get(self.lang);
            let values: Vec<f64> = series
                .iter()
                .flat_map(|s| &s.points)
                .filter(|p| p.indicator == name)
                .filter_map(|p| p.value)
                .collect();
            let d = format::shared_decimals(&values, &ind.unit);
            for p in series.iter_mut().flat_map(|s| s.points.iter_mut()) {
                if p.indicator != name {
                    continue;
                }
                let Some(value) = p.value else { continue };
                let plain = format::value(value, &ind.unit, self.locale);
                if let Some(rest) = p.label.strip_prefix(&plain) {
                    let fixed = format::value_with_decimals(value, &ind.unit, d, self.locale);
                    p.label = format!("{fixed}{rest}");
                }
            }
        }
    }

    /// Names the regions asked for that have no value in the chart (they would otherwise
    /// vanish silently).
    fn note_regions_without_data(&mut self, series: &[Series]) {
        let missing: Vec<String> = self
            .regions
            .iter()
            .filter_map(|&r| self.ds.regions().at(r))
            .filter(|r| {
                let id = r.id.as_str();
                !series.iter().any(|s| {
                    !s.points.is_empty() && (s.id == id || s.id.starts_with(&format!("{id}/")))
                })
            })
            .map(|r| r.name.get(self.lang).to_owned())
            .collect();
        if missing.is_empty() || series.iter().all(|s| s.points.is_empty()) {
            return;
        }
        const SHOWN: usize = 8;
        let names: Vec<String> = missing
            .iter()
            .take(SHOWN)
            .map(|n| crate::model::text::shorten(n).into_owned())
            .collect();
        let more = missing.len().saturating_sub(SHOWN);
        let list = names.join(", ");
        self.warnings.push(match more {
            0 => Msg::NoDataFor.fill(self.lang, &[&list]),
            1 => Msg::NoDataForOneMore.fill(self.lang, &[&list]),
            m => Msg::NoDataForMore.fill(self.lang, &[&list, &m]),
        });
    }

    pub(super) fn finish(
        mut self,
        kind: ChartKind,
        title: String,
        x: Axis,
        y: Axis,
        mut series: Vec<Series>,
    ) -> Figure {
        let lang = self.lang;
        if kind != ChartKind::Coverage {
            // coverage labels are counts and years, not values to align
            self.align_decimals(&mut series);
            self.note_regions_without_data(&series);
        }
        let snapshot = !matches!(
            kind,
            ChartKind::Lines | ChartKind::Slope | ChartKind::Coverage
        );
        // a snapshot whose values come from different years says which years, in the
        // subtitle and beside each value (not in heat-table cells, which have no room)
        let (first, last) = year_span(&series);
        let mixed_years = snapshot && first < last;
        if mixed_years && kind != ChartKind::HeatTable {
            for p in series.iter_mut().flat_map(|s| s.points.iter_mut()) {
                // right after the value, before a ranking's gap to the best
                let at = p.label.find("  (").unwrap_or(p.label.len());
                p.label.insert_str(at, &format!(" ({})", p.period));
            }
        }
        let years = if mixed_years {
            format!("{first}–{last}")
        } else {
            self.years_text()
        };
        let default_subtitle = if kind == ChartKind::Coverage {
            Msg::RecordsPerGrade.get(lang).to_owned() + &self.years_text()
        } else if snapshot {
            Msg::LatestAvailableValue.get(lang).to_owned() + &years
        } else {
            self.years_text()
        };
        let default_subtitle = match self.shared_segment.and_then(|s| self.ds.segments().at(s)) {
            Some(s) => format!("{} – {default_subtitle}", s.name.get(lang)),
            None => default_subtitle,
        };
        let mut series = series;
        if self.spec.hide_below_min_sample {
            for s in &mut series {
                s.points.retain(|p| !p.small_sample);
            }
        }
        if series
            .iter()
            .flat_map(|s| &s.points)
            .any(|p| p.small_sample)
        {
            let min = self.spec.min_sample();
            self.warnings
                .push(Msg::SmallSampleWarning.fill(lang, &[&min]));
        }
        // comparability: years more than two apart in a snapshot
        let pts: Vec<&Point> = series.iter().flat_map(|s| s.points.iter()).collect();
        if snapshot && !pts.is_empty() {
            let lo = pts.iter().map(|p| p.period.year).min().unwrap_or(0);
            let hi = pts.iter().map(|p| p.period.year).max().unwrap_or(0);
            if hi - lo > 2 {
                self.warnings
                    .push(Msg::YearsApartWarning.fill(lang, &[&lo, &hi]));
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
                    parts.push(Msg::IllustrativeNotice.get(lang).to_owned());
                }
                if est {
                    parts.push(Msg::EstimatedNotice.get(lang).to_owned());
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
            .filter_map(|id| self.ds.sources().get(id))
            .map(|s| s.citation(lang))
            .collect();
        if pts.is_empty() {
            self.warnings.push(Msg::NoValueMatches.get(lang).to_owned());
        }
        Figure {
            kind,
            locale: self.locale,
            title: self
                .spec
                .title
                .as_ref()
                .and_then(|t| t.own(lang))
                .map_or(title, str::to_owned),
            subtitle: self
                .spec
                .subtitle
                .as_ref()
                .and_then(|t| t.own(lang))
                .map_or(default_subtitle, str::to_owned),
            x,
            y,
            series,
            sources,
            notice,
            warnings: self.warnings,
            grades,
            story: Default::default(),
        }
    }
}

/// First and last year among the points (0, 0 when there are none).
fn year_span(series: &[Series]) -> (i16, i16) {
    let mut years = series.iter().flat_map(|s| &s.points).map(|p| p.period.year);
    let Some(first) = years.next() else {
        return (0, 0);
    };
    years.fold((first, first), |(a, b), y| (a.min(y), b.max(y)))
}

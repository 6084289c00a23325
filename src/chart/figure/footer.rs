//! Finishing a figure: values below the sample minimum hidden or footnoted, comparability
//! warnings, grade notice, the sources of the footer.

use super::*;

impl Builder<'_> {
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

    pub(super) fn finish(
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
        let default_subtitle = match self.shared_segment {
            Some(s) => format!(
                "{} – {default_subtitle}",
                self.ds.segments.at(s).name.get(lang)
            ),
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
            self.warnings.push(if lang == Lang::Fr {
                format!("Les valeurs plus claires reposent sur moins de {min} réponses (n indiqué) : à prendre avec prudence.")
            } else {
                format!("Lighter values rest on fewer than {min} answers (n shown beside them): treat them with care.")
            });
        }
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
}

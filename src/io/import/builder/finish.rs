//! Ending an import: computed observations of raw records, the problems found (every one),
//! skipped rows noted in the source, duplicates and channel mixes refused, the result.

use super::*;

impl<'m> ImportBuilder<'m> {
    /// Pushes a computed observation (survey and contact-log aggregates).
    pub(crate) fn push_computed(
        &mut self,
        key: ObsKey,
        indicator: &str,
        value: Option<f64>,
        sample: Option<u32>,
        margin: Option<f64>,
    ) {
        let Some(ix) = self.ds.indicators().ix(indicator) else {
            return;
        };
        if value.is_none() {
            self.stats.missing_values += 1;
        }
        // every index comes from this dataset's tables; a refused row is not counted
        let row = Observation {
            region: key.0,
            channel: key.1,
            segment: key.2,
            indicator: ix,
            period: key.3,
            value,
            sample_size: sample,
            margin,
            source: self.source,
            grade: self.grade,
            note: None,
        };
        if self.ds.push_observation(row).is_ok() {
            self.obs_rows.push(0);
            self.stats.observations += 1;
        }
    }

    pub(crate) fn mapping(&self) -> &'m Mapping {
        self.mapping
    }

    pub(crate) fn encoding(&self) -> Encoding {
        self.encoding
    }

    pub(crate) fn shown_cell(&self, cell: Cell<'_>) -> String {
        self.shown(cell)
    }

    pub(crate) fn text_cell<'c>(&self, cell: Cell<'c>) -> Option<std::borrow::Cow<'c, str>> {
        self.text_of(cell)
    }

    /// Ends the import: reports unknown names, checks channel mixes, returns the result.
    pub(crate) fn finish(mut self) -> Result<Imported, ImportError> {
        if self.problems_total == 1 {
            if let Some(cell) = self.problems.pop() {
                return Err(ImportError::Cell(cell));
            }
        } else if self.problems_total > 1 {
            return Err(ImportError::Problems {
                problems: self.problems,
                total: self.problems_total,
            });
        }
        if self.stats.skipped_rows > 0 && self.source_is_new {
            let n = self.stats.skipped_rows;
            let ix = self.source;
            let note = format!("{n} malformed row(s) skipped on import");
            if let Some(src) = self.ds.sources_mut().at_mut(ix) {
                src.note = Some(match src.note.take() {
                    Some(old) => format!("{old}; {note}"),
                    None => note,
                });
            }
        }
        if let Some(agg) = self.aggregates.take() {
            agg.finish(&mut self);
        }
        if let Some(ev) = self.events.take() {
            ev.finish(&mut self);
        }
        if let Some(what) = self.unresolved.first().map(|(w, _)| *w) {
            let names = self
                .unresolved
                .into_iter()
                .filter(|(w, _)| *w == what)
                .map(|(_, u)| u)
                .collect();
            return Err(ImportError::Unresolved { what, names });
        }
        self.check_channel_mix()?;
        self.check_duplicates()?;
        Ok(Imported {
            dataset: self.ds,
            first_observation: self.first_observation,
            source: self.source_id,
            source_is_new: self.source_is_new,
            new_regions: self.new_regions,
            new_segments: self.new_segments,
            new_indicators: self.new_indicators,
            stats: self.stats,
            skipped: self.skipped,
            mapping: self.mapping.clone(),
        })
    }

    /// Rows that give the same region, channel, segment, indicator, period and source are
    /// refused, each key once with all its row numbers
    /// (the rule of [`crate::io::validate::duplicate_groups`]).
    pub(super) fn check_duplicates(&self) -> Result<(), ImportError> {
        let mut rep = validate::ValidationReport::default();
        for group in validate::duplicate_groups(&self.ds, self.first_observation) {
            let rows: Vec<usize> = group
                .iter()
                .map(|&i| self.obs_rows[i - self.first_observation])
                .collect();
            if rows.contains(&0) {
                continue; // computed observations: keys are unique by construction
            }
            let o = self.ds.observations().row(group[0]);
            let what = format!(
                "{} / {} / {}",
                self.ds.regions().id_at(o.region).unwrap_or("?"),
                self.ds.indicators().id_at(o.indicator).unwrap_or("?"),
                o.period
            );
            rep.push_problem(
                what,
                validate::ProblemKind::DuplicateObservation {
                    count: group.len(),
                    where_: validate::Places::Rows(rows),
                },
            );
        }
        if rep.is_empty() {
            Ok(())
        } else {
            Err(ImportError::Invalid(rep))
        }
    }

    /// Channel-mix indicators: per region, period and source, shares over 100 % are refused
    /// (the rule of [`crate::io::validate::check_channel_mix`]).
    pub(super) fn check_channel_mix(&self) -> Result<(), ImportError> {
        let mut rep = validate::ValidationReport::default();
        validate::check_channel_mix(&self.ds, self.first_observation, &mut rep);
        if rep.is_empty() {
            Ok(())
        } else {
            Err(ImportError::Invalid(rep))
        }
    }
}

//! Pushing one data row: filters and missing markers of the mapping, then the row's
//! observations (or its record for survey, contact-log, thread and ticket aggregates); a
//! faulty row is taken back and listed, or skipped under `bad_rows: Skip`.

use super::*;

impl ImportBuilder<'_> {
    /// Sets the physical line where the next record starts (text files).
    pub(crate) fn set_line(&mut self, line: Option<usize>) {
        self.line = line;
    }

    /// Adds one data row. `row_no` is the row number shown to the user. A located problem
    /// in the row does not stop the import: the row's observations are taken back and the
    /// problem is listed (or, under `bad_rows: Skip`, the row is listed as skipped).
    pub(crate) fn push_row<R: RowCells>(
        &mut self,
        row_no: usize,
        row: &R,
    ) -> Result<(), ImportError> {
        let before = self.ds.observations().len();
        let stats = self.stats;
        match self.push_row_inner(row_no, row) {
            Err(ImportError::Cell(cell)) => {
                self.ds.truncate_observations(before);
                self.obs_rows.truncate(before - self.first_observation);
                self.stats = ImportStats {
                    rows: self.stats.rows,
                    ..stats
                };
                self.row_failed(cell);
                Ok(())
            }
            other => other,
        }
    }

    /// Whether a row failed (listed as a problem or skipped).
    pub(crate) fn had_bad_rows(&self) -> bool {
        self.problems_total > 0 || self.stats.skipped_rows > 0
    }

    /// Records a malformed row: listed as skipped under `bad_rows: Skip`, else as a problem.
    pub(crate) fn row_failed(&mut self, cell: CellError) {
        let limit = super::super::MAX_LISTED_PROBLEMS;
        if self.mapping.bad_rows == mapping::BadRows::Skip {
            self.stats.skipped_rows += 1;
            if self.skipped.len() < limit {
                self.skipped.push(cell);
            }
        } else {
            self.problems_total += 1;
            if self.problems.len() < limit {
                self.problems.push(cell);
            }
        }
    }

    pub(super) fn push_row_inner<R: RowCells>(
        &mut self,
        row_no: usize,
        row: &R,
    ) -> Result<(), ImportError> {
        if self.rules.is_empty() {
            return self.push_kept(row_no, row);
        }
        let rules = std::mem::take(&mut self.rules);
        let masked = Masked { row, rules: &rules };
        let blank = (0..masked.count()).all(|i| match masked.cell(i) {
            Cell::Empty => true,
            Cell::Text(b) => text::trim(b).is_empty(),
            _ => false,
        });
        let r = if blank || rules.keeps(|c| self.text_of(row.cell(c)).map(|s| s.into_owned())) {
            self.push_kept(row_no, &masked)
        } else {
            self.stats.rows += 1;
            self.stats.excluded_rows += 1;
            Ok(())
        };
        self.rules = rules;
        r
    }

    pub(super) fn push_kept<R: RowCells>(
        &mut self,
        row_no: usize,
        row: &R,
    ) -> Result<(), ImportError> {
        for i in 0..row.count() {
            if let Cell::Text(b) = row.cell(i)
                && b.len() > MAX_CELL_BYTES
            {
                return Err(self.cell_size_error(row_no, i, b.len()));
            }
        }
        if (0..row.count()).all(|i| match row.cell(i) {
            Cell::Empty => true,
            Cell::Text(b) => text::trim(b).is_empty(),
            _ => false,
        }) {
            return Ok(());
        }
        self.stats.rows += 1;
        let region = self.region_of(row_no, row)?;
        let channel = self.channel_of(row_no, row);
        let segment = self.segment_of(row_no, row);
        let period = if self.values.iter().all(|v| v.period.is_some()) {
            None
        } else {
            Some(self.period_of(row_no, row)?)
        };
        if self.aggregates.is_some() {
            let period = match period {
                Some(p) => p,
                None => self.period_of(row_no, row)?,
            };
            let mut agg = self.aggregates.take();
            let r = match agg.as_mut() {
                Some(a) => match (region, segment) {
                    (Some(region), Some(Some(segment))) => {
                        a.add_row(self, row_no, row, (region, channel, Some(segment), period))
                    }
                    (Some(region), None) => {
                        a.add_row(self, row_no, row, (region, channel, None, period))
                    }
                    _ => Ok(()),
                },
                _ => Ok(()),
            };
            self.aggregates = agg;
            return r;
        }
        if self.events.is_some() {
            let period = match period {
                Some(p) => p,
                None => self.period_of(row_no, row)?,
            };
            let mut ev = self.events.take();
            let r = match ev.as_mut() {
                Some(e) => match (region, segment) {
                    (Some(region), Some(Some(segment))) => {
                        e.add_row(self, row_no, row, (region, channel, Some(segment), period))
                    }
                    (Some(region), None) => {
                        e.add_row(self, row_no, row, (region, channel, None, period))
                    }
                    _ => Ok(()),
                },
                _ => Ok(()),
            };
            self.events = ev;
            return r;
        }
        let row_indicator = if self.values.iter().all(|v| v.indicator.is_some()) {
            None
        } else {
            self.indicator_of(row_no, row)?
        };
        let sample = match self.sample_col {
            Some(col) => match self.number(row_no, row, col)? {
                Some(v) if v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX) => {
                    Some(v as u32)
                }
                None => None,
                Some(_) => {
                    return Err(self.cell_error(
                        row_no,
                        col,
                        format!(
                            "found {}; expected a whole number of respondents or contacts",
                            self.shown(row.cell(col))
                        ),
                    ));
                }
            },
            None => None,
        };
        let margin = match self.margin_col {
            Some(col) => match self.number(row_no, row, col)? {
                Some(m) if !(m.is_finite() && m >= 0.0) => {
                    return Err(self.cell_error(
                        row_no,
                        col,
                        format!(
                            "found {}; expected a margin of error: a finite number of at least 0, or a missing value",
                            self.shown(row.cell(col))
                        ),
                    ));
                }
                m => m,
            },
            None => None,
        };
        let note = match self.note_col {
            Some(col) => self.text_of(row.cell(col)).map(|s| s.into_owned()),
            None => None,
        };
        let source = match self.source_col {
            Some(col) => self.source_of(row_no, row, col)?,
            None => self.source,
        };
        let grade = match self.grade_col {
            Some(col) => self.grade_of(row_no, row, col)?,
            None => self.grade,
        };
        for k in 0..self.values.len() {
            let vc = &self.values[k];
            let (col, vp, vi) = (vc.col, vc.period, vc.indicator);
            let indicator = vi.unwrap_or(row_indicator);
            let value = self.number(row_no, row, col)?;
            // a row that names an unresolved region, segment or indicator is skipped (the
            // name is reported once)
            let (Some(region), Some(indicator)) = (region, indicator) else {
                continue;
            };
            let segment = match segment {
                None => None,
                Some(Some(s)) => Some(s),
                Some(None) => continue,
            };
            let period = match vp.or(period) {
                Some(p) => p,
                None => self.period_of(row_no, row)?,
            };
            if let Some(v) = value {
                let (lo, hi) = self
                    .ranges
                    .get(indicator.position())
                    .copied()
                    .unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
                if !(v >= lo && v <= hi)
                    && let Some(ind) = self.ds.indicators().at(indicator)
                {
                    let range = match ind.unit.range() {
                        (Some(lo), Some(hi)) => format!("{lo} to {hi}"),
                        (Some(lo), None) => format!("at least {lo}"),
                        (None, Some(hi)) => format!("at most {hi}"),
                        (None, None) => "any number".into(),
                    };
                    return Err(self.cell_error(
                        row_no,
                        col,
                        format!(
                            "the value {v} is outside the range of indicator `{}` ({range})",
                            ind.id
                        ),
                    ));
                }
            } else {
                self.stats.missing_values += 1;
            }
            let pushed = self.ds.push_observation(Observation {
                region,
                channel,
                segment,
                indicator,
                period,
                value,
                sample_size: sample,
                margin,
                source,
                grade,
                note: note.as_deref(),
            });
            if let Err(e) = pushed {
                return Err(self.cell_error(row_no, col, e.to_string()));
            }
            self.obs_rows.push(row_no);
            self.stats.observations += 1;
        }
        Ok(())
    }
}

//! Planning an import: every column of the mapping and the constants resolved once against
//! the header row, before the first data row.

use super::*;

impl ImportBuilder<'_> {
    /// Resolves every column of the mapping and the constants.
    pub(super) fn plan(&mut self) -> Result<(), ImportError> {
        let m = self.mapping;
        let c = &m.columns;
        let region_col = self.column("region", &c.region)?;
        self.code = self.column("code", &c.code)?;
        let channel_col = self.column("channel", &c.channel)?;
        let segment_col = self.column("segment", &c.segment)?;
        let indicator_col = self.column("indicator", &c.indicator)?;
        let period_col = self.column("period", &c.period)?;
        let value_col = self.column("value", &c.value)?;
        self.source_col = self.column("source", &c.source)?;
        self.grade_col = self.column("grade", &c.grade)?;
        self.sample_col = self.column("sample_size", &c.sample_size)?;
        self.margin_col = self.column("margin", &c.margin)?;
        self.note_col = self.column("note", &c.note)?;

        let constants = &m.constants;
        self.region = self
            .name_field::<Region>(region_col, constants.region.as_deref())
            .ok_or_else(|| self.missing("region"))?;
        let channel = self.name_field::<Channel>(channel_col, constants.channel.as_deref());
        self.channel = optional(channel);
        let segment = self.name_field::<Segment>(segment_col, constants.segment.as_deref());
        self.segment = optional(segment);
        self.indicator = self
            .name_field::<Indicator>(indicator_col, constants.indicator.as_deref())
            .unwrap_or(Field::Absent);
        self.period = match (period_col, m.constants.period) {
            (Some(col), _) => Field::Column(col),
            (None, Some(p)) => Field::Const(p),
            (None, None) => Field::Absent,
        };
        let mut period_from_col = None;
        if let Some(pf) = &m.period_from {
            let col = RoleColumns(&self.headers).named("period_from", &pf.column)?;
            self.period_from = Some((col, pf.format.clone(), pf.bucket));
            self.period = Field::Column(col);
            period_from_col = Some(col);
        }
        let cols = RoleColumns(&self.headers);
        self.rules = RowRules::resolve(&m.exclude, &m.include, &m.missing, cols.0.len(), |n| {
            cols.position(n)
        })
        .map_err(|(role, name)| ImportError::UnknownColumn {
            role,
            name,
            headers: cols.0.to_vec(),
        })?;
        let roles: Vec<usize> = [
            region_col,
            self.code,
            channel_col,
            segment_col,
            indicator_col,
            period_col,
            value_col,
            self.source_col,
            self.grade_col,
            self.sample_col,
            self.margin_col,
            self.note_col,
            period_from_col,
        ]
        .into_iter()
        .flatten()
        .collect();
        let explicit: Vec<usize> = m
            .value_columns
            .iter()
            .map(|n| RoleColumns(&self.headers).named("value", n))
            .collect::<Result<_, _>>()?;
        let free = |cols: &[usize]| -> Vec<usize> {
            (0..self.headers.len())
                .filter(|i| !cols.contains(i) && !self.headers[*i].trim().is_empty())
                .collect()
        };
        match m.layout {
            Layout::Long => {
                let col = value_col.ok_or_else(|| self.missing("value"))?;
                if matches!(self.indicator, Field::Absent) {
                    return Err(self.missing("indicator"));
                }
                if matches!(self.period, Field::Absent) {
                    return Err(self.missing("period"));
                }
                self.values.push(ValueCol {
                    col,
                    period: None,
                    indicator: None,
                });
            }
            Layout::WideYears => {
                if matches!(self.indicator, Field::Absent) {
                    return Err(self.missing("indicator"));
                }
                let cols = if explicit.is_empty() {
                    free(&roles)
                        .into_iter()
                        .filter(|&i| Period::parse(&self.headers[i]).is_ok())
                        .collect()
                } else {
                    explicit
                };
                for col in cols {
                    let p = Period::parse(&self.headers[col]).map_err(|e| {
                        let detail =
                            CellDetail::HeaderNotAPeriod(super::super::error::shorten(&e.text));
                        ImportError::Cell(header_cell(
                            &self.loc,
                            col,
                            self.headers[col].clone(),
                            detail,
                        ))
                    })?;
                    self.values.push(ValueCol {
                        col,
                        period: Some(p),
                        indicator: None,
                    });
                }
                if self.values.is_empty() {
                    return Err(self.missing("value"));
                }
            }
            Layout::WideIndicators | Layout::Owid => {
                if matches!(self.period, Field::Absent) {
                    return Err(self.missing("period"));
                }
                let cols = if explicit.is_empty() {
                    free(&roles)
                } else {
                    explicit
                };
                for col in cols {
                    let name = self.headers[col].clone();
                    let ix = self.resolve_indicator(&name);
                    if ix.is_none() {
                        let at = self.header_unknown_at(col, &name, "indicator", &name);
                        self.unresolved_name("indicator", &name, at);
                    }
                    self.values.push(ValueCol {
                        col,
                        period: None,
                        indicator: Some(ix),
                    });
                }
                if self.values.is_empty() {
                    return Err(self.missing("value"));
                }
            }
            Layout::SurveyAnswers | Layout::ContactLog => {
                if matches!(self.period, Field::Absent) {
                    return Err(self.missing("period"));
                }
                let agg = Aggregates::new(m, RoleColumns(&self.headers))?;
                self.aggregates = Some(Box::new(agg));
            }
            Layout::Threads | Layout::Tickets => {
                if matches!(self.period, Field::Absent) {
                    return Err(self.missing("period"));
                }
                let ev = super::super::events::Events::new(m, RoleColumns(&self.headers))?;
                self.events = Some(Box::new(ev));
            }
        }
        self.refresh_ranges();
        Ok(())
    }

    pub(super) fn refresh_ranges(&mut self) {
        self.ranges = self
            .ds
            .indicators()
            .iter()
            .map(|i| {
                let (lo, hi) = i.unit.range();
                (lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY))
            })
            .collect();
    }
}

/// A field of an optional name role (channel, segment): no column and no constant means
/// every row is for all channels or the whole region.
fn optional<T>(field: Option<Field<Resolved<T>>>) -> Field<Option<Resolved<T>>> {
    match field {
        Some(Field::Column(col)) => Field::Column(col),
        Some(Field::Const(ix)) => Field::Const(Some(ix)),
        Some(Field::Absent) | None => Field::Const(None),
    }
}

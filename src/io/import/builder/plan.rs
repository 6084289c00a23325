//! Planning an import: every column of the mapping and the constants resolved once against
//! the header row, before the first data row.

use super::*;

impl ImportBuilder<'_> {
    /// Resolves every column of the mapping and the constants.
    pub(super) fn plan(&mut self) -> Result<(), ImportError> {
        let m = self.mapping;
        let c = &m.columns;
        let (sheet, first_col) = (self.loc.sheet.clone(), self.loc.first_col);
        let header_row = self.loc.header_row.max(1);
        // where a constant (column 0) or a header names an unknown record
        let header_cell = |col: usize, header: &str, what: &'static str, name: &str| {
            CellError::at(
                sheet.clone(),
                (header_row, None),
                first_col + col + 1,
                header.to_owned(),
                CellDetail::UnknownName {
                    what,
                    name: super::super::error::shorten(name),
                },
            )
        };
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

        self.region = match (region_col, &m.constants.region) {
            (Some(col), _) => Field::Column(col),
            (None, Some(name)) => match self.resolve_region(name, None) {
                Some(ix) => Field::Const(Some(ix)),
                None => {
                    self.unresolved_name("region", name, header_cell(0, "", "region", name));
                    Field::Const(None)
                }
            },
            (None, None) => return Err(self.missing("region")),
        };
        self.channel = match (channel_col, &m.constants.channel) {
            (Some(col), _) => Field::Column(col),
            (None, Some(name)) => match self.resolve_channel(name) {
                Some(ix) => Field::Const(Some(ix)),
                None => {
                    self.unresolved_name("channel", name, header_cell(0, "", "channel", name));
                    Field::Const(None)
                }
            },
            (None, None) => Field::Const(None),
        };
        self.segment = match (segment_col, &m.constants.segment) {
            (Some(col), _) => Field::Column(col),
            (None, Some(name)) => match self.resolve_segment(name) {
                Some(ix) => Field::Const(Some(Some(ix))),
                None => {
                    self.unresolved_name("segment", name, header_cell(0, "", "segment", name));
                    Field::Const(Some(None))
                }
            },
            (None, None) => Field::Const(None),
        };
        self.period = match (period_col, m.constants.period) {
            (Some(col), _) => Field::Column(col),
            (None, Some(p)) => Field::Const(p),
            (None, None) => Field::Absent,
        };
        let mut period_from_col = None;
        if let Some(pf) = &m.period_from {
            let col =
                find_col(&self.headers, &pf.column).ok_or_else(|| ImportError::UnknownColumn {
                    role: "period_from",
                    name: pf.column.clone(),
                    headers: self.headers.clone(),
                })?;
            self.period_from = Some((col, pf.format.clone(), pf.bucket));
            self.period = Field::Column(col);
            period_from_col = Some(col);
        }
        let headers = &self.headers;
        self.rules = RowRules::resolve(&m.exclude, &m.include, &m.missing, headers.len(), |n| {
            find_col(headers, n)
        })
        .map_err(|(role, name)| ImportError::UnknownColumn {
            role,
            name,
            headers: self.headers.clone(),
        })?;
        self.indicator = match (indicator_col, &m.constants.indicator) {
            (Some(col), _) => Field::Column(col),
            (None, Some(name)) => match self.resolve_indicator(name) {
                Some(ix) => Field::Const(Some(ix)),
                None => {
                    self.unresolved_name("indicator", name, header_cell(0, "", "indicator", name));
                    Field::Const(None)
                }
            },
            (None, None) => Field::Absent,
        };
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
            .map(|n| {
                find_col(&self.headers, n).ok_or_else(|| ImportError::UnknownColumn {
                    role: "value",
                    name: n.clone(),
                    headers: self.headers.clone(),
                })
            })
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
                        ImportError::Cell(CellError::at(
                            sheet.clone(),
                            (header_row, None),
                            first_col + col + 1,
                            self.headers[col].clone(),
                            CellDetail::HeaderNotAPeriod(super::super::error::shorten(&e.text)),
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
                        self.unresolved_name(
                            "indicator",
                            &name,
                            header_cell(col, &name, "indicator", &name),
                        );
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
                let agg = Aggregates::new(m, &self.headers, |role, name| self.column(role, name))?;
                self.aggregates = Some(Box::new(agg));
            }
            Layout::Threads | Layout::Tickets => {
                if matches!(self.period, Field::Absent) {
                    return Err(self.missing("period"));
                }
                let ev = super::super::events::Events::new(m, &self.headers, |role, name| {
                    self.column(role, name)
                })?;
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

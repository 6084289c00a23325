//! Reading the cells of one row: region, channel, segment, indicator and period names
//! (interned), numbers, grades and sources, each error naming its cell.

use super::*;

impl ImportBuilder<'_> {
    /// The cell's content as a message shows it.
    pub(super) fn shown_typed(&self, cell: Cell<'_>) -> Shown {
        match cell {
            Cell::Text(b) => {
                let s = text::decode(b, self.encoding);
                // line breaks and other control characters would break the one-line message
                let mut s: String = s
                    .chars()
                    .take(40)
                    .map(|c| match c {
                        '\n' => '↵',
                        c if c.is_control() => ' ',
                        c => c,
                    })
                    .collect();
                if s.chars().count() == 40 {
                    s.push('…');
                }
                Shown::Text(s)
            }
            Cell::Number(v) => Shown::Number(v.to_string()),
            Cell::Empty => Shown::Empty,
            Cell::Error(e) => Shown::SheetError(e.to_owned()),
        }
    }

    pub(super) fn text_of<'c>(&self, cell: Cell<'c>) -> Option<std::borrow::Cow<'c, str>> {
        match cell {
            Cell::Text(b) => {
                let t = text::trim(b);
                (!t.is_empty()).then(|| text::decode(t, self.encoding))
            }
            Cell::Number(v) => Some(std::borrow::Cow::Owned(if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                v.to_string()
            })),
            Cell::Empty | Cell::Error(_) => None,
        }
    }

    /// Reads a number cell: `Ok(None)` for a missing value.
    pub(crate) fn number<R: RowCells>(
        &self,
        row_no: usize,
        row: &R,
        col: usize,
    ) -> Result<Option<f64>, ImportError> {
        let cell = row.cell(col);
        match cell {
            Cell::Empty => Ok(None),
            Cell::Number(v) => Ok(Some(v)),
            Cell::Error("#N/A") => Ok(None),
            Cell::Text(b) => match text::parse_number(b, self.decimal_comma) {
                Number::Value(v) => Ok(Some(v)),
                Number::Missing => Ok(None),
                Number::Invalid => {
                    Err(self.cell_error(row_no, col, CellDetail::NotANumber(self.boxed(cell))))
                }
            },
            Cell::Error(_) => {
                Err(self.cell_error(row_no, col, CellDetail::NumberOrEmpty(self.boxed(cell))))
            }
        }
    }

    /// Reads a date-and-time cell with the mapping's `timestamp_format` (contact logs,
    /// threads, tickets): `Ok(None)` when empty or `#N/A`; an error naming the cell when
    /// it is not a date and time.
    pub(crate) fn timestamp<R: RowCells>(
        &self,
        row_no: usize,
        row: &R,
        col: usize,
    ) -> Result<Option<f64>, ImportError> {
        let cell = row.cell(col);
        let format = self.mapping.timestamp_format.as_deref();
        let parsed = match cell {
            Cell::Empty | Cell::Error("#N/A") => return Ok(None),
            Cell::Text(t) if text::trim(t).is_empty() => return Ok(None),
            Cell::Number(v) => super::super::time::excel_serial_to_unix_s(v),
            Cell::Text(t) => {
                super::super::time::parse_timestamp(&text::decode(t, self.encoding), format)
            }
            Cell::Error(_) => None,
        };
        parsed.map(Some).ok_or_else(|| {
            self.cell_error(
                row_no,
                col,
                CellDetail::NotADateTime {
                    found: self.boxed(cell),
                    format: format.map(super::super::error::shorten),
                },
            )
        })
    }

    pub(crate) fn period_of<R: RowCells>(
        &mut self,
        row_no: usize,
        row: &R,
    ) -> Result<Period, ImportError> {
        if let Some((col, format, bucket)) = &self.period_from {
            let (col, bucket) = (*col, *bucket);
            let cell = row.cell(col);
            // rows of one day share a period: cache it by the date part (the text before a
            // space or `T`); the first timestamp of each date is parsed in full
            let date_key = match cell {
                Cell::Text(t) => {
                    let t = text::trim(t);
                    let end = t
                        .iter()
                        .position(|&c| c == b' ' || c == b'T')
                        .unwrap_or(t.len());
                    (end >= 6 && format.is_none()).then(|| &t[..end])
                }
                _ => None,
            };
            if let Some(k) = date_key
                && let Some(v) = self.periods.get(k)
            {
                return Ok(unpack_period(v));
            }
            let secs = match cell {
                Cell::Number(v) => super::super::time::excel_serial_to_unix_s(v),
                Cell::Text(t) => super::super::time::parse_timestamp(
                    &text::decode(t, self.encoding),
                    format.as_deref(),
                ),
                _ => None,
            };
            let ym = secs.and_then(super::super::time::year_month_of_unix_s);
            return match ym {
                Some((y, m)) if (1900..=2100).contains(&y) => {
                    let p = bucket.period(y, m);
                    if let Some(k) = date_key {
                        self.periods.insert(k, pack_period(p));
                    }
                    Ok(p)
                }
                _ => Err(self.cell_error(
                    row_no,
                    col,
                    CellDetail::NotADate {
                        found: self.boxed(cell),
                        format: format.as_deref().map(super::super::error::shorten),
                    },
                )),
            };
        }
        let col = match self.period {
            Field::Const(p) => return Ok(p),
            Field::Column(col) => col,
            Field::Absent => return Err(self.missing("period")),
        };
        let cell = row.cell(col);
        let bad = |me: &Self| me.cell_error(row_no, col, CellDetail::NotAPeriod(me.boxed(cell)));
        match cell {
            Cell::Number(v) if v.fract() == 0.0 && (1900.0..=2100.0).contains(&v) => {
                Ok(Period::year(v as i16))
            }
            Cell::Text(b) => {
                let t = text::trim(b);
                if t.len() == 4 && t.iter().all(u8::is_ascii_digit) {
                    let y = t.iter().fold(0i16, |a, d| a * 10 + i16::from(d - b'0'));
                    if (1900..=2100).contains(&y) {
                        return Ok(Period::year(y));
                    }
                    return Err(bad(self));
                }
                if let Some(ix) = self.periods.get(t) {
                    return Ok(unpack_period(ix));
                }
                let p = Period::parse(&text::decode(t, self.encoding)).map_err(|_| bad(self))?;
                self.periods.insert(t, pack_period(p));
                Ok(p)
            }
            _ => Err(bad(self)),
        }
    }

    pub(super) fn grade_of<R: RowCells>(
        &self,
        row_no: usize,
        row: &R,
        col: usize,
    ) -> Result<Grade, ImportError> {
        let cell = row.cell(col);
        let key = cell.key();
        if key.is_empty() {
            return Ok(self.grade);
        }
        let is = |words: &[&str]| words.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(key));
        if is(&["Measured", "m"]) {
            Ok(Grade::Measured)
        } else if is(&["Estimated", "e"]) {
            Ok(Grade::Estimated)
        } else if is(&["Illustrative", "i"]) {
            Ok(Grade::Illustrative)
        } else {
            match text::fold_name(&text::decode(key, self.encoding)).as_str() {
                "mesure" => Ok(Grade::Measured),
                "estime" => Ok(Grade::Estimated),
                "illustratif" => Ok(Grade::Illustrative),
                _ => Err(self.cell_error(row_no, col, CellDetail::NotAGrade(self.boxed(cell)))),
            }
        }
    }

    pub(super) fn source_of<R: RowCells>(
        &mut self,
        row_no: usize,
        row: &R,
        col: usize,
    ) -> Result<SourceIx, ImportError> {
        let cell = row.cell(col);
        let key = cell.key();
        if key.is_empty() {
            return Ok(self.source);
        }
        if let Some(ix) = self.sources.get(key) {
            return Ok(ix);
        }
        let id = text::decode(key, self.encoding).into_owned();
        match self.ds.sources().ix(&id) {
            Some(ix) => {
                self.sources.insert(key, ix);
                Ok(ix)
            }
            None => Err(self.cell_error(
                row_no,
                col,
                CellDetail::UnknownSource(super::super::error::shorten(&id)),
            )),
        }
    }
}

fn pack_period(p: Period) -> u32 {
    let (kind, n) = match p.part {
        crate::model::PeriodPart::Year => (0u32, 0u32),
        crate::model::PeriodPart::Half(h) => (1, u32::from(h)),
        crate::model::PeriodPart::Quarter(q) => (2, u32::from(q)),
        crate::model::PeriodPart::Month(m) => (3, u32::from(m)),
    };
    (u32::from(p.year as u16) << 16) | (kind << 8) | n
}

fn unpack_period(v: u32) -> Period {
    let year = (v >> 16) as u16 as i16;
    let n = (v & 0xFF) as u8;
    let part = match (v >> 8) & 0xFF {
        1 => crate::model::PeriodPart::Half(n),
        2 => crate::model::PeriodPart::Quarter(n),
        3 => crate::model::PeriodPart::Month(n),
        _ => crate::model::PeriodPart::Year,
    };
    Period { year, part }
}

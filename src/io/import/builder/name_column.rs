//! The four name columns (region, channel, segment, indicator) read one way: a cell's name
//! is looked up once per distinct text (interned by its raw bytes), resolved to a
//! catalogue record, and reported with the cell where it first appears when it matches
//! none.

use super::*;

/// A kind of record a column of the table names.
pub(super) trait NameColumn: Sized {
    /// The record's kind, as messages name it (`region`).
    const WHAT: &'static str;
    /// The column's interned names.
    fn interner<'a>(b: &'a mut ImportBuilder<'_>) -> &'a mut Interner<Resolved<Self>>;
    /// The record `name` denotes (`row`: the rest of the row, for a region's code).
    fn resolve<R: RowCells>(b: &mut ImportBuilder<'_>, name: &str, row: &R) -> Resolved<Self>;
    /// The record the mapping gives blank cells (`regions: {"": "…"}`), if any.
    fn blank(b: &ImportBuilder<'_>) -> Option<Ix<Self>>;
}

impl NameColumn for Region {
    const WHAT: &'static str = "region";
    fn interner<'a>(b: &'a mut ImportBuilder<'_>) -> &'a mut Interner<Resolved<Self>> {
        &mut b.regions
    }
    fn resolve<R: RowCells>(b: &mut ImportBuilder<'_>, name: &str, row: &R) -> Resolved<Self> {
        let code = b
            .code
            .and_then(|c| b.text_of(row.cell(c)).map(|s| s.into_owned()));
        b.resolve_region(name, code.as_deref())
    }
    fn blank(b: &ImportBuilder<'_>) -> Option<Ix<Self>> {
        b.mapping
            .regions
            .get("")
            .and_then(|id| b.ds.regions().ix(id))
    }
}

impl NameColumn for Channel {
    const WHAT: &'static str = "channel";
    fn interner<'a>(b: &'a mut ImportBuilder<'_>) -> &'a mut Interner<Resolved<Self>> {
        &mut b.channels
    }
    fn resolve<R: RowCells>(b: &mut ImportBuilder<'_>, name: &str, _: &R) -> Resolved<Self> {
        b.resolve_channel(name)
    }
    fn blank(b: &ImportBuilder<'_>) -> Option<Ix<Self>> {
        b.mapping
            .channels
            .get("")
            .and_then(|id| b.ds.channels().ix(id))
    }
}

impl NameColumn for Segment {
    const WHAT: &'static str = "segment";
    fn interner<'a>(b: &'a mut ImportBuilder<'_>) -> &'a mut Interner<Resolved<Self>> {
        &mut b.segments
    }
    fn resolve<R: RowCells>(b: &mut ImportBuilder<'_>, name: &str, _: &R) -> Resolved<Self> {
        b.resolve_segment(name)
    }
    fn blank(b: &ImportBuilder<'_>) -> Option<Ix<Self>> {
        b.mapping
            .segments
            .get("")
            .and_then(|id| b.ds.segments().ix(id))
    }
}

impl NameColumn for Indicator {
    const WHAT: &'static str = "indicator";
    fn interner<'a>(b: &'a mut ImportBuilder<'_>) -> &'a mut Interner<Resolved<Self>> {
        &mut b.indicators
    }
    fn resolve<R: RowCells>(b: &mut ImportBuilder<'_>, name: &str, _: &R) -> Resolved<Self> {
        b.resolve_indicator(name)
    }
    /// Blank indicator cells are not mapped: every value needs its indicator.
    fn blank(_: &ImportBuilder<'_>) -> Option<Ix<Self>> {
        None
    }
}

impl ImportBuilder<'_> {
    /// The record the name cell at `col` denotes where a name is required (region,
    /// indicator): a blank cell is the mapping's blank record, else the error `no_name`.
    pub(super) fn required_name<T: NameColumn, R: RowCells>(
        &mut self,
        row_no: usize,
        row: &R,
        col: usize,
        no_name: fn(Box<Shown>) -> CellDetail,
    ) -> Result<Resolved<T>, ImportError> {
        let cell = row.cell(col);
        let key = cell.key();
        if !key.is_empty()
            && let Some(ix) = T::interner(self).get(key)
        {
            return Ok(ix);
        }
        let Some(name) = self.text_of(cell).map(|s| s.into_owned()) else {
            return match T::blank(self) {
                Some(ix) => Ok(Some(ix)),
                None => Err(self.cell_error(row_no, col, no_name(self.boxed(cell)))),
            };
        };
        Ok(self.intern::<T, R>(row_no, row, col, key, &name))
    }

    /// The record the name cell at `col` denotes where a name is optional (channel,
    /// segment): a blank or missing-marker cell is the mapping's blank record, or `None`.
    pub(super) fn optional_name<T: NameColumn, R: RowCells>(
        &mut self,
        row_no: usize,
        row: &R,
        col: usize,
    ) -> Option<Resolved<T>> {
        let key = row.cell(col).key();
        if key.is_empty() || text::is_missing(key) {
            return T::blank(self).map(Some);
        }
        if let Some(ix) = T::interner(self).get(key) {
            return Some(ix);
        }
        let name = text::decode(key, self.encoding).into_owned();
        Some(self.intern::<T, R>(row_no, row, col, key, &name))
    }

    /// Resolves `name` (read from `key`), reports it at the cell when it matches nothing,
    /// and interns the result.
    fn intern<T: NameColumn, R: RowCells>(
        &mut self,
        row_no: usize,
        row: &R,
        col: usize,
        key: &[u8],
        name: &str,
    ) -> Resolved<T> {
        let ix = T::resolve(self, name, row);
        if ix.is_none() {
            let at = self.unknown_at((row_no, self.line), col, T::WHAT, name);
            self.unresolved_name(T::WHAT, name, at);
        }
        if !key.is_empty() {
            T::interner(self).insert(key, ix);
        }
        ix
    }
}

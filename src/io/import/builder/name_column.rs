//! The four name roles (region, channel, segment, indicator) read one way: a column's
//! names are looked up once per distinct text (interned by their raw bytes), resolved to
//! catalogue records and reported with the cell where they first appear when they match
//! none; a constant of the mapping is resolved once, before the first row.

use super::*;

/// A kind of record a column of the table (or a constant of the mapping) names.
pub(super) trait NameColumn: Sized {
    /// The record's kind, as messages name it (`region`).
    const WHAT: &'static str;
    /// The column's interned names.
    fn interner<'a>(b: &'a mut ImportBuilder<'_>) -> &'a mut Interner<Resolved<Self>>;
    /// The record `name` denotes (`code`: the row's ISO code, for regions).
    fn resolve(b: &mut ImportBuilder<'_>, name: &str, code: Option<&str>) -> Resolved<Self>;
    /// The record the mapping gives blank cells (`regions: {"": "…"}`), if any.
    fn blank(b: &ImportBuilder<'_>) -> Option<Ix<Self>>;
    /// The row's code of the record (regions only).
    fn code<R: RowCells>(_: &ImportBuilder<'_>, _: &R) -> Option<String> {
        None
    }
}

impl NameColumn for Region {
    const WHAT: &'static str = "region";
    fn interner<'a>(b: &'a mut ImportBuilder<'_>) -> &'a mut Interner<Resolved<Self>> {
        &mut b.regions
    }
    fn resolve(b: &mut ImportBuilder<'_>, name: &str, code: Option<&str>) -> Resolved<Self> {
        b.resolve_region(name, code)
    }
    fn blank(b: &ImportBuilder<'_>) -> Option<Ix<Self>> {
        b.mapping
            .regions
            .get("")
            .and_then(|id| b.ds.regions().ix(id))
    }
    fn code<R: RowCells>(b: &ImportBuilder<'_>, row: &R) -> Option<String> {
        b.code
            .and_then(|c| b.text_of(row.cell(c)).map(|s| s.into_owned()))
    }
}

/// A name role whose blank cells the mapping may give a record: the field of its interned
/// names, its resolver, the mapping's table and the dataset's.
macro_rules! name_column {
    ($t:ty, $what:literal, $interned:ident, $resolve:ident, $mapped:ident, $table:ident) => {
        impl NameColumn for $t {
            const WHAT: &'static str = $what;
            fn interner<'a>(b: &'a mut ImportBuilder<'_>) -> &'a mut Interner<Resolved<Self>> {
                &mut b.$interned
            }
            fn resolve(b: &mut ImportBuilder<'_>, name: &str, _: Option<&str>) -> Resolved<Self> {
                b.$resolve(name)
            }
            fn blank(b: &ImportBuilder<'_>) -> Option<Ix<Self>> {
                b.mapping
                    .$mapped
                    .get("")
                    .and_then(|id| b.ds.$table().ix(id))
            }
        }
    };
}

name_column!(
    Channel,
    "channel",
    channels,
    resolve_channel,
    channels,
    channels
);
name_column!(
    Segment,
    "segment",
    segments,
    resolve_segment,
    segments,
    segments
);

impl NameColumn for Indicator {
    const WHAT: &'static str = "indicator";
    fn interner<'a>(b: &'a mut ImportBuilder<'_>) -> &'a mut Interner<Resolved<Self>> {
        &mut b.indicators
    }
    fn resolve(b: &mut ImportBuilder<'_>, name: &str, _: Option<&str>) -> Resolved<Self> {
        b.resolve_indicator(name)
    }
    /// Blank indicator cells are not mapped: every value needs its indicator.
    fn blank(_: &ImportBuilder<'_>) -> Option<Ix<Self>> {
        None
    }
}

impl ImportBuilder<'_> {
    /// Where a name role's value comes from: its column, else the mapping's `constant`
    /// (resolved once; an unknown one is reported at the header row), else `None`.
    pub(super) fn name_field<T: NameColumn>(
        &mut self,
        col: Option<usize>,
        constant: Option<&str>,
    ) -> Option<Field<Resolved<T>>> {
        match (col, constant) {
            (Some(col), _) => Some(Field::Column(col)),
            (None, Some(name)) => {
                let ix = T::resolve(self, name, None);
                if ix.is_none() {
                    let at = self.header_unknown_at(0, "", T::WHAT, name);
                    self.unresolved_name(T::WHAT, name, at);
                }
                Some(Field::Const(ix))
            }
            (None, None) => None,
        }
    }

    /// The record of a required name role (region, indicator) in the row: a blank cell is
    /// the mapping's blank record, else the error `no_name`.
    pub(super) fn required_name<T: NameColumn, R: RowCells>(
        &mut self,
        field: Field<Resolved<T>>,
        (row_no, row): (usize, &R),
        no_name: fn(Box<Shown>) -> CellDetail,
    ) -> Result<Resolved<T>, ImportError> {
        let col = match field {
            Field::Const(ix) => return Ok(ix),
            Field::Column(col) => col,
            Field::Absent => return Err(self.missing(T::WHAT)),
        };
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

    /// The record of an optional name role (channel, segment) in the row: `None` when the
    /// role has no column and no constant, or for a blank or missing-marker cell the
    /// mapping gives no record.
    pub(super) fn optional_name<T: NameColumn, R: RowCells>(
        &mut self,
        field: Field<Option<Resolved<T>>>,
        (row_no, row): (usize, &R),
    ) -> Option<Resolved<T>> {
        let col = match field {
            Field::Const(c) => return c,
            Field::Column(col) => col,
            Field::Absent => return None,
        };
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
        let code = T::code(self, row);
        let ix = T::resolve(self, name, code.as_deref());
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

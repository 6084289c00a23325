/*!
The row engine shared by the CSV and workbook readers: resolves the mapping's columns once,
then turns each row into observations pushed straight into the dataset's columnar table.
Region, channel, indicator and source names are interned by their raw bytes (a hash map
plus a one-entry cache per column), so a row costs no allocation.
*/

use super::cell_detail::{CellDetail, Shown};
use super::mapping::{self, Layout, Mapping, Unknown};
use super::name_index::{MappedNames, NameIndex};
use super::records::{Aggregates, derived_indicators};
use super::rules::{Bucket, RowRules};
use super::text::{self, Encoding, Number};
use super::{CellError, ImportError, ImportStats, Imported, UnresolvedName};
use crate::io::ron_file::DatasetFile;
use crate::io::validate;
use crate::model::{
    Channel, Dataset, Direction, Grade, Indicator, IndicatorGroup, IndicatorId, Ix, Observation,
    Period, Region, RegionId, RegionKind, Segment, SegmentId, SegmentKind, SourceId, SourceIx,
    Text, Unit,
};
use std::collections::HashMap;
use std::path::Path;

mod finish;
pub(super) mod fork;
mod plan;
mod push;
mod resolve;
mod row;

/// Longest text accepted in one cell, in bytes (64 KiB): no indicator, name or note needs
/// more, and a longer cell is almost always an unclosed quote.
pub const MAX_CELL_BYTES: usize = 64 * 1024;

/// Unknown region names that get fuzzy suggestions; further ones are only listed.
const MAX_SUGGESTED_NAMES: usize = 100;

/// A cell as the readers hand it over.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Cell<'a> {
    /// Text in the file's encoding (CSV fields, workbook strings).
    Text(&'a [u8]),
    /// A numeric workbook cell.
    Number(f64),
    /// An empty cell.
    Empty,
    /// A workbook error value (`#DIV/0!`, `#N/A`).
    Error(&'static str),
}

impl<'a> Cell<'a> {
    /// The trimmed raw text of a text cell, the key names are looked up by (empty for any
    /// other cell).
    pub(crate) fn key(self) -> &'a [u8] {
        match self {
            Cell::Text(b) => text::trim(b),
            _ => &[],
        }
    }
}

/// A row of cells.
pub(crate) trait RowCells {
    /// Number of cells.
    fn count(&self) -> usize;
    /// Cell `i` (0-based); `Empty` beyond the end.
    fn cell(&self, i: usize) -> Cell<'_>;
}

/// A row seen through the mapping's missing-value markers: a marked cell reads as empty.
struct Masked<'r, R> {
    row: &'r R,
    rules: &'r RowRules,
}

impl<R: RowCells> RowCells for Masked<'_, R> {
    fn count(&self) -> usize {
        self.row.count()
    }
    fn cell(&self, i: usize) -> Cell<'_> {
        match self.row.cell(i) {
            Cell::Text(t) if self.rules.is_missing(i, t) => Cell::Empty,
            Cell::Number(v)
                if v.fract() == 0.0 && self.rules.is_missing(i, format!("{v:.0}").as_bytes()) =>
            {
                Cell::Empty
            }
            c => c,
        }
    }
}

/// Facts about the imported file used for the default source.
#[derive(Clone, Debug)]
pub(crate) struct FileContext {
    /// File name.
    pub name: String,
    /// Modification date, `YYYY-MM-DD`.
    pub date: String,
}

impl FileContext {
    pub(crate) fn of(path: &Path) -> FileContext {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "data".into());
        FileContext {
            name,
            date: super::names::file_date(path),
        }
    }
}

/// Where the table sits, to name cells the way the user sees them.
#[derive(Clone, Debug, Default)]
pub(crate) struct Locator {
    /// Sheet name (workbooks).
    pub sheet: Option<String>,
    /// 0-based column of the table's first column.
    pub first_col: usize,
    /// 1-based row of the header row as the user sees it (0: unknown, shown as row 1).
    pub header_row: usize,
}

/// Hash map of raw cell bytes (Fx hashing: fast for the short keys interned here).
type ByteMap<V> = HashMap<Box<[u8]>, V, rustc_hash::FxBuildHasher>;

/// Whether two short keys are equal, the length and first byte compared before the rest
/// (names of one column mostly differ there).
#[inline]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.first() == b.first() && a == b
}

/// Names a column holds at most that are looked up by a linear scan (no hashing).
const SMALL_NAMES: usize = 16;

/// The key of a computed observation: region, channel (`None`: all), segment (`None`: the
/// whole region) and period.
pub(crate) type ObsKey = (Ix<Region>, Option<Ix<Channel>>, Option<Ix<Segment>>, Period);

/// A name looked up in the catalogue: the record's index, or `None` when the name did not
/// resolve (it is reported once, and the rows that use it are skipped).
type Resolved<T> = Option<Ix<T>>;

/// Interned names of one column: raw bytes → value (an index, `None` when unresolved). The first
/// [`SMALL_NAMES`] names are scanned linearly (a region or channel column rarely holds
/// more), further ones hashed, with a one-entry cache for runs of the same name (dates).
#[derive(Clone)]
struct Interner<V> {
    small: Vec<(Box<[u8]>, V)>,
    map: ByteMap<V>,
    last_key: Vec<u8>,
    last: Option<V>,
}

impl<V> Default for Interner<V> {
    fn default() -> Self {
        Interner {
            small: Vec::new(),
            map: ByteMap::default(),
            last_key: Vec::new(),
            last: None,
        }
    }
}

impl<V: Copy> Interner<V> {
    fn get(&mut self, key: &[u8]) -> Option<V> {
        if self.map.is_empty() {
            return self
                .small
                .iter()
                .find(|(k, _)| same_bytes(k, key))
                .map(|(_, v)| *v);
        }
        if let Some(v) = self.last
            && self.last_key == key
        {
            return Some(v);
        }
        let v = *self.map.get(key)?;
        self.last_key.clear();
        self.last_key.extend_from_slice(key);
        self.last = Some(v);
        Some(v)
    }

    fn insert(&mut self, key: &[u8], v: V) {
        if self.map.is_empty() {
            if self.small.len() < SMALL_NAMES {
                self.small.push((key.into(), v));
                return;
            }
            self.map.extend(self.small.drain(..));
        }
        self.map.insert(key.into(), v);
    }
}

/// Where a role's value comes from.
#[derive(Clone, Copy, Debug)]
enum Field<T> {
    Column(usize),
    Const(T),
    Absent,
}

/// One value column and what it fixes.
#[derive(Clone, Debug)]
struct ValueCol {
    col: usize,
    period: Option<Period>,
    /// The indicator the column fixes, when it fixes one (`Some(None)`: its header named
    /// no known indicator).
    indicator: Option<Resolved<Indicator>>,
}

#[derive(Clone)]
pub(crate) struct ImportBuilder<'m> {
    pub ds: Dataset,
    mapping: &'m Mapping,
    headers: Vec<String>,
    loc: Locator,
    encoding: Encoding,
    decimal_comma: bool,
    first_observation: usize,
    source: SourceIx,
    source_id: SourceId,
    source_is_new: bool,
    grade: Grade,
    new_regions: Vec<RegionId>,
    new_segments: Vec<SegmentId>,
    new_indicators: Vec<IndicatorId>,
    region: Field<Resolved<Region>>,
    code: Option<usize>,
    /// `Const(None)`: no channel column (or a constant channel that did not resolve), every
    /// row is for all channels.
    channel: Field<Option<Ix<Channel>>>,
    /// `Const(None)`: no segment column, every row is for the whole region.
    segment: Field<Option<Resolved<Segment>>>,
    indicator: Field<Resolved<Indicator>>,
    period: Field<Period>,
    source_col: Option<usize>,
    grade_col: Option<usize>,
    sample_col: Option<usize>,
    margin_col: Option<usize>,
    note_col: Option<usize>,
    values: Vec<ValueCol>,
    ranges: Vec<(f64, f64)>,
    regions: Interner<Resolved<Region>>,
    channels: Interner<Resolved<Channel>>,
    segments: Interner<Resolved<Segment>>,
    indicators: Interner<Resolved<Indicator>>,
    sources: Interner<SourceIx>,
    /// Packed periods (see `row.rs`).
    periods: Interner<u32>,
    unresolved: Vec<(&'static str, UnresolvedName)>,
    /// (kind, name) of every entry of `unresolved`, to report each name once.
    unresolved_seen: std::collections::HashSet<(&'static str, String)>,
    /// Normalised names of the catalogue's (and created) records, for resolution.
    region_names: NameIndex<crate::model::Region>,
    channel_names: NameIndex<crate::model::Channel>,
    segment_names: NameIndex<crate::model::Segment>,
    indicator_names: NameIndex<crate::model::Indicator>,
    /// The mapping's name → id tables, keyed by normalised name.
    mapped_regions: MappedNames,
    mapped_channels: MappedNames,
    mapped_segments: MappedNames,
    mapped_indicators: MappedNames,
    /// Boxed: taken out and put back for every row, so only a pointer moves.
    aggregates: Option<Box<Aggregates>>,
    events: Option<Box<super::events::Events>>,
    /// Row number (as the user sees it) of each observation pushed; 0 for computed ones.
    obs_rows: Vec<usize>,
    /// Physical line where the current record starts (text files).
    line: Option<usize>,
    /// Row filters and missing markers of the mapping, resolved.
    rules: RowRules,
    /// `period_from`: (column, format, bucket).
    period_from: Option<(usize, Option<String>, Bucket)>,
    /// Problems found so far (the first [`super::MAX_LISTED_PROBLEMS`]) and their count.
    problems: Vec<CellError>,
    problems_total: usize,
    /// Rows skipped under `bad_rows: Skip` (the first ones listed).
    skipped: Vec<CellError>,
    pub stats: ImportStats,
}

fn find_col(headers: &[String], name: &str) -> Option<usize> {
    let n = text::fold_name(name);
    headers
        .iter()
        .position(|h| h == name)
        .or_else(|| headers.iter().position(|h| text::fold_name(h) == n))
}

impl<'m> ImportBuilder<'m> {
    /// Prepares the import of a table with `headers` on top of `base`.
    pub(crate) fn new(
        base: &Dataset,
        mapping: &'m Mapping,
        headers: Vec<String>,
        loc: Locator,
        encoding: Encoding,
        decimal_comma: bool,
        ctx: &super::builder::FileContext,
    ) -> Result<ImportBuilder<'m>, ImportError> {
        if let Some((col, h)) = headers
            .iter()
            .enumerate()
            .find(|(_, h)| h.len() > MAX_CELL_BYTES)
        {
            return Err(ImportError::Cell(CellError {
                detail: CellDetail::Other,
                sheet: loc.sheet.clone(),
                row: loc.header_row.max(1),
                line: None,
                column: loc.first_col + col + 1,
                header: String::new(),
                message: size_message(h.len()),
            }));
        }
        // catalogue additions: the source, declared regions and indicators, derived ones
        let source = mapping
            .source
            .clone()
            .unwrap_or_else(|| super::names::own_source(&ctx.name, &ctx.name, &ctx.date));
        let source_is_new = base.sources().get(source.id.as_str()) != Some(&source);
        let mut indicators = mapping.new_indicators.clone();
        for ind in derived_indicators(mapping) {
            if base.indicators().ix(ind.id.as_str()).is_none()
                && !indicators.iter().any(|i| i.id == ind.id)
            {
                indicators.push(ind);
            }
        }
        let file = DatasetFile {
            sources: vec![source.clone()],
            regions: mapping.new_regions.clone(),
            segments: mapping.new_segments.clone(),
            indicators: indicators.clone(),
            ..DatasetFile::default()
        };
        let ds = validate::build(base, &file).map_err(ImportError::Invalid)?;
        let new_regions = mapping
            .new_regions
            .iter()
            .filter(|r| base.regions().ix(r.id.as_str()).is_none())
            .map(|r| r.id.clone())
            .collect();
        let new_segments = mapping
            .new_segments
            .iter()
            .filter(|r| base.segments().ix(r.id.as_str()).is_none())
            .map(|r| r.id.clone())
            .collect();
        let new_indicators = indicators
            .iter()
            .filter(|i| base.indicators().ix(i.id.as_str()).is_none())
            .map(|i| i.id.clone())
            .collect();
        let source_ix = own_source_ix(&ds, &source.id)?;
        let first_observation = ds.observations().len();
        let region_names = NameIndex::regions(&ds);
        let channel_names = NameIndex::channels(&ds);
        let segment_names = NameIndex::segments(&ds);
        let indicator_names = NameIndex::indicators(&ds);
        let mut b = ImportBuilder {
            ds,
            mapping,
            headers,
            loc,
            encoding,
            decimal_comma,
            first_observation,
            source: source_ix,
            source_id: source.id,
            source_is_new,
            grade: mapping.grade,
            new_regions,
            new_segments,
            new_indicators,
            region: Field::Absent,
            code: None,
            channel: Field::Absent,
            segment: Field::Absent,
            indicator: Field::Absent,
            period: Field::Absent,
            source_col: None,
            grade_col: None,
            sample_col: None,
            margin_col: None,
            note_col: None,
            values: Vec::new(),
            ranges: Vec::new(),
            regions: Interner::default(),
            channels: Interner::default(),
            segments: Interner::default(),
            indicators: Interner::default(),
            sources: Interner::default(),
            periods: Interner::default(),
            unresolved: Vec::new(),
            unresolved_seen: std::collections::HashSet::new(),
            region_names,
            channel_names,
            segment_names,
            indicator_names,
            mapped_regions: MappedNames::new(&mapping.regions),
            mapped_channels: MappedNames::new(&mapping.channels),
            mapped_segments: MappedNames::new(&mapping.segments),
            mapped_indicators: MappedNames::new(&mapping.indicators),
            aggregates: None,
            events: None,
            obs_rows: Vec::new(),
            line: None,
            rules: RowRules::default(),
            period_from: None,
            problems: Vec::new(),
            problems_total: 0,
            skipped: Vec::new(),
            stats: ImportStats::default(),
        };
        b.plan()?;
        Ok(b)
    }

    fn column(
        &self,
        role: &'static str,
        name: &Option<String>,
    ) -> Result<Option<usize>, ImportError> {
        match name {
            // `""`: the mapping says there is no such column (and none is guessed)
            None => Ok(None),
            Some(n) if n.is_empty() => Ok(None),
            Some(n) => {
                find_col(&self.headers, n)
                    .map(Some)
                    .ok_or_else(|| ImportError::UnknownColumn {
                        role,
                        name: n.clone(),
                        headers: self.headers.clone(),
                    })
            }
        }
    }

    fn missing(&self, role: &'static str) -> ImportError {
        ImportError::missing_column(role, &self.headers)
    }

    /// The error for a text cell of `len` bytes, over [`MAX_CELL_BYTES`].
    pub(crate) fn cell_size_error(&self, row: usize, col: usize, len: usize) -> ImportError {
        self.cell_error(row, col, size_message(len))
    }

    pub(crate) fn cell_error(&self, row: usize, col: usize, message: String) -> ImportError {
        ImportError::Cell(self.cell_at(row, col, message))
    }

    /// The error for the cell at `row`, `col` with a typed detail (its English text as
    /// the message).
    pub(crate) fn cell_detail_error(
        &self,
        row: usize,
        col: usize,
        detail: CellDetail,
    ) -> ImportError {
        let mut cell = self.cell_at(row, col, detail.message(crate::i18n::Lang::En, ""));
        cell.detail = detail;
        ImportError::Cell(cell)
    }

    pub(crate) fn cell_at(&self, row: usize, col: usize, message: String) -> CellError {
        CellError {
            detail: CellDetail::Other,
            sheet: self.loc.sheet.clone(),
            row,
            line: self.line,
            column: self.loc.first_col + col + 1,
            header: self.headers.get(col).cloned().unwrap_or_default(),
            message,
        }
    }
}

fn size_message(len: usize) -> String {
    format!(
        "this cell holds {len} bytes; cells are limited to {MAX_CELL_BYTES} bytes, headers included (an unclosed quote can swallow the rest of a file)"
    )
}

/// Index in `ds` of the import's own source `id`: an error naming it when `ds` lacks it,
/// rather than attributing the values to another source.
fn own_source_ix(ds: &Dataset, id: &SourceId) -> Result<SourceIx, ImportError> {
    ds.sources()
        .ix(id.as_str())
        .ok_or_else(|| ImportError::SourceMissing { id: id.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_own_source_is_an_error_naming_it_not_source_zero() {
        let mut ds = Dataset::default();
        let first = crate::io::import::names::own_source("a.csv", "a.csv", "2024");
        let id = first.id.clone();
        assert!(ds.sources_mut().push(first).is_ok());
        assert_eq!(own_source_ix(&ds, &id).ok().map(Ix::position), Some(0));
        let missing = SourceId::new("acme-survey");
        let err = own_source_ix(&ds, &missing).expect_err("missing source");
        assert!(matches!(&err, ImportError::SourceMissing { id } if id == "acme-survey"));
        assert!(err.to_string().contains("`acme-survey`"), "{err}");
    }
}

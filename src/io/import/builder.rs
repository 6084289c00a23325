/*!
The row engine shared by the CSV and workbook readers: resolves the mapping's columns once,
then turns each row into observations pushed straight into the dataset's columnar table.
Region, channel, indicator and source names are interned by their raw bytes (a hash map
plus a one-entry cache per column), so a row costs no allocation.
*/

use super::mapping::{self, Layout, Mapping, Unknown};
use super::names;
use super::records::{Aggregates, derived_indicators};
use super::text::{self, Encoding, Number};
use super::{CellError, ImportError, ImportStats, Imported, UnresolvedName};
use crate::io::ron_file::DatasetFile;
use crate::io::validate;
use crate::model::{
    Dataset, Direction, Grade, Indicator, IndicatorGroup, IndicatorId, Period, Region, RegionId,
    RegionKind, Source, SourceId, SourceKind, Text, Unit,
};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

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

/// A row of cells.
pub(crate) trait RowCells {
    /// Number of cells.
    fn count(&self) -> usize;
    /// Cell `i` (0-based); `Empty` beyond the end.
    fn cell(&self, i: usize) -> Cell<'_>;
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
        let secs = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs());
        let (y, m, d) = text::civil_from_days((secs / 86_400) as i64);
        FileContext {
            name,
            date: format!("{y:04}-{m:02}-{d:02}"),
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

/// FNV-1a: fast for the short keys interned here.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<V> = HashMap<Box<[u8]>, V, BuildHasherDefault<Fnv>>;

const UNRESOLVED: u32 = u32::MAX;

/// Interned names of one column: raw bytes → index (or [`UNRESOLVED`]).
#[derive(Default)]
struct Interner {
    map: FnvMap<u32>,
    last_key: Vec<u8>,
    last: Option<u32>,
}

impl Interner {
    fn get(&mut self, key: &[u8]) -> Option<u32> {
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

    fn insert(&mut self, key: &[u8], v: u32) {
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
    indicator: Option<u32>,
}

pub(crate) struct Builder<'m> {
    pub ds: Dataset,
    mapping: &'m Mapping,
    headers: Vec<String>,
    loc: Locator,
    encoding: Encoding,
    decimal_comma: bool,
    first_observation: usize,
    source: u32,
    source_id: SourceId,
    source_is_new: bool,
    grade: Grade,
    new_regions: Vec<RegionId>,
    new_indicators: Vec<IndicatorId>,
    region: Field<u32>,
    code: Option<usize>,
    channel: Field<Option<u32>>,
    indicator: Field<u32>,
    period: Field<Period>,
    source_col: Option<usize>,
    grade_col: Option<usize>,
    sample_col: Option<usize>,
    margin_col: Option<usize>,
    note_col: Option<usize>,
    values: Vec<ValueCol>,
    ranges: Vec<(f64, f64)>,
    regions: Interner,
    channels: Interner,
    indicators: Interner,
    sources: Interner,
    periods: Interner,
    unresolved: Vec<(&'static str, UnresolvedName)>,
    /// (kind, name) of every entry of `unresolved`, to report each name once.
    unresolved_seen: std::collections::HashSet<(&'static str, String)>,
    /// Normalised names of the catalogue's (and created) records, for resolution.
    region_names: names::NameIndex,
    channel_names: names::NameIndex,
    indicator_names: names::NameIndex,
    /// The mapping's name → id tables, keyed by normalised name.
    mapped_regions: names::MappedNames,
    mapped_channels: names::MappedNames,
    mapped_indicators: names::MappedNames,
    aggregates: Option<Aggregates>,
    pub stats: ImportStats,
}

fn find_col(headers: &[String], name: &str) -> Option<usize> {
    let n = text::normalise(name);
    headers
        .iter()
        .position(|h| h == name)
        .or_else(|| headers.iter().position(|h| text::normalise(h) == n))
}

impl<'m> Builder<'m> {
    /// Prepares the import of a table with `headers` on top of `base`.
    pub(crate) fn new(
        base: &Dataset,
        mapping: &'m Mapping,
        headers: Vec<String>,
        loc: Locator,
        encoding: Encoding,
        decimal_comma: bool,
        ctx: &super::builder::FileContext,
    ) -> Result<Builder<'m>, ImportError> {
        if let Some((col, h)) = headers
            .iter()
            .enumerate()
            .find(|(_, h)| h.len() > MAX_CELL_BYTES)
        {
            return Err(ImportError::Cell(CellError {
                sheet: loc.sheet.clone(),
                row: loc.header_row.max(1),
                column: loc.first_col + col + 1,
                header: String::new(),
                message: size_message(h.len()),
            }));
        }
        // catalogue additions: the source, declared regions and indicators, derived ones
        let source = mapping.source.clone().unwrap_or_else(|| Source {
            id: SourceId::new(format!("own-{}", text::slug(&ctx.name).replace('_', "-"))),
            title: ctx.name.clone(),
            publisher: "Own data".into(),
            author: None,
            date: ctx.date.clone(),
            address: None,
            kind: SourceKind::OwnData,
            note: Some(format!("Imported from {}", ctx.name)),
        });
        let source_is_new = base.sources.get(source.id.as_str()) != Some(&source);
        let mut indicators = mapping.new_indicators.clone();
        for ind in derived_indicators(mapping) {
            if base.indicators.ix(ind.id.as_str()).is_none()
                && !indicators.iter().any(|i| i.id == ind.id)
            {
                indicators.push(ind);
            }
        }
        let file = DatasetFile {
            sources: vec![source.clone()],
            regions: mapping.new_regions.clone(),
            indicators: indicators.clone(),
            ..DatasetFile::default()
        };
        let ds = validate::build(base, &file).map_err(ImportError::Invalid)?;
        let new_regions = mapping
            .new_regions
            .iter()
            .filter(|r| base.regions.ix(r.id.as_str()).is_none())
            .map(|r| r.id.clone())
            .collect();
        let new_indicators = indicators
            .iter()
            .filter(|i| base.indicators.ix(i.id.as_str()).is_none())
            .map(|i| i.id.clone())
            .collect();
        let source_ix = ds.sources.ix(source.id.as_str()).unwrap_or(0);
        let first_observation = ds.observations.len();
        let region_names = names::NameIndex::regions(&ds);
        let channel_names = names::NameIndex::channels(&ds);
        let indicator_names = names::NameIndex::indicators(&ds);
        let mut b = Builder {
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
            new_indicators,
            region: Field::Absent,
            code: None,
            channel: Field::Absent,
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
            indicators: Interner::default(),
            sources: Interner::default(),
            periods: Interner::default(),
            unresolved: Vec::new(),
            unresolved_seen: std::collections::HashSet::new(),
            region_names,
            channel_names,
            indicator_names,
            mapped_regions: names::MappedNames::new(&mapping.regions),
            mapped_channels: names::MappedNames::new(&mapping.channels),
            mapped_indicators: names::MappedNames::new(&mapping.indicators),
            aggregates: None,
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
            None => Ok(None),
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
        ImportError::MissingColumn {
            role,
            headers: self.headers.clone(),
        }
    }

    /// Resolves every column of the mapping and the constants.
    fn plan(&mut self) -> Result<(), ImportError> {
        let m = self.mapping;
        let c = &m.columns;
        let (sheet, first_col) = (self.loc.sheet.clone(), self.loc.first_col);
        let header_row = self.loc.header_row.max(1);
        let header_cell = |col: usize, header: &str| CellError {
            sheet: sheet.clone(),
            row: header_row,
            column: first_col + col + 1,
            header: header.to_owned(),
            message: String::new(),
        };
        let region_col = self.column("region", &c.region)?;
        self.code = self.column("code", &c.code)?;
        let channel_col = self.column("channel", &c.channel)?;
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
                Some(ix) => Field::Const(ix),
                None => {
                    self.unresolved_name("region", name, header_cell(0, ""));
                    Field::Const(UNRESOLVED)
                }
            },
            (None, None) => return Err(self.missing("region")),
        };
        self.channel = match (channel_col, &m.constants.channel) {
            (Some(col), _) => Field::Column(col),
            (None, Some(name)) => match self.resolve_channel(name) {
                Some(ix) => Field::Const(Some(ix)),
                None => {
                    self.unresolved_name("channel", name, header_cell(0, ""));
                    Field::Const(None)
                }
            },
            (None, None) => Field::Const(None),
        };
        self.period = match (period_col, m.constants.period) {
            (Some(col), _) => Field::Column(col),
            (None, Some(p)) => Field::Const(p),
            (None, None) => Field::Absent,
        };
        self.indicator = match (indicator_col, &m.constants.indicator) {
            (Some(col), _) => Field::Column(col),
            (None, Some(name)) => match self.resolve_indicator(name) {
                Some(ix) => Field::Const(ix),
                None => {
                    self.unresolved_name("indicator", name, header_cell(0, ""));
                    Field::Const(UNRESOLVED)
                }
            },
            (None, None) => Field::Absent,
        };
        let roles: Vec<usize> = [
            region_col,
            self.code,
            channel_col,
            indicator_col,
            period_col,
            value_col,
            self.source_col,
            self.grade_col,
            self.sample_col,
            self.margin_col,
            self.note_col,
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
                        let mut cell = header_cell(col, &self.headers[col]);
                        cell.message =
                            format!("{e} (wide-years layout: each value column is a period)");
                        ImportError::Cell(cell)
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
                    let ix = match self.resolve_indicator(&name) {
                        Some(ix) => ix,
                        None => {
                            self.unresolved_name("indicator", &name, header_cell(col, &name));
                            UNRESOLVED
                        }
                    };
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
                self.aggregates = Some(agg);
            }
        }
        self.refresh_ranges();
        Ok(())
    }

    fn refresh_ranges(&mut self) {
        self.ranges = self
            .ds
            .indicators
            .iter()
            .map(|i| {
                let (lo, hi) = i.unit.range();
                (lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY))
            })
            .collect();
    }

    fn unresolved_name(&mut self, what: &'static str, name: &str, at: CellError) {
        if !self.unresolved_seen.insert((what, name.to_owned())) {
            return;
        }
        // suggestions only for the names a message or dialog can show
        let suggestions = if what == "region" && self.unresolved.len() < MAX_SUGGESTED_NAMES {
            mapping::suggest_region(name, &self.ds)
                .into_iter()
                .map(|(id, s)| (id.0, s))
                .collect()
        } else {
            Vec::new()
        };
        self.unresolved.push((
            what,
            UnresolvedName {
                name: name.to_owned(),
                first_seen: at,
                suggestions,
            },
        ));
    }

    /// The region `name` denotes exactly (as [`mapping::find_region`], through the index).
    fn find_region(&self, name: &str) -> Option<u32> {
        self.ds
            .regions
            .ix(name)
            .or_else(|| self.region_names.get(name))
    }

    fn resolve_region(&mut self, name: &str, code: Option<&str>) -> Option<u32> {
        if let Some(id) = self.mapped_regions.get(&self.mapping.regions, name) {
            return self.ds.regions.ix(id);
        }
        if let Some(code) = code.filter(|c| !c.trim().is_empty())
            && let Some(ix) = self.find_region(code.trim())
        {
            return Some(ix);
        }
        if let Some(ix) = self.find_region(name) {
            return Some(ix);
        }
        if self.mapping.unknown_regions == Unknown::Create && !name.trim().is_empty() {
            let code = code.map(str::trim).filter(|c| !c.is_empty());
            let kind = if code.is_some() || self.code.is_none() {
                RegionKind::Country
            } else {
                RegionKind::Group
            };
            let iso = code.filter(|c| {
                (2..=3).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_uppercase())
            });
            let region = Region {
                id: mapping::free_region_id(name, &self.ds),
                name: Text::same(name.trim()),
                kind,
                members: Vec::new(),
                parent: None,
                iso: iso.map(str::to_owned),
                aliases: code.map(|c| vec![c.to_owned()]).unwrap_or_default(),
            };
            let id = region.id.clone();
            let names: Vec<String> = std::iter::once(id.as_str().to_owned())
                .chain(std::iter::once(region.name.en.clone()))
                .chain(region.iso.iter().cloned())
                .chain(region.aliases.iter().cloned())
                .collect();
            if let Ok(ix) = self.ds.regions.push(region) {
                for n in &names {
                    self.region_names.add(n, ix);
                }
                self.new_regions.push(id);
                return Some(ix);
            }
        }
        None
    }

    fn resolve_channel(&mut self, name: &str) -> Option<u32> {
        if let Some(id) = self.mapped_channels.get(&self.mapping.channels, name) {
            return self.ds.channels.ix(id);
        }
        self.ds
            .channels
            .ix(name)
            .or_else(|| self.channel_names.get(name))
    }

    fn resolve_indicator(&mut self, name: &str) -> Option<u32> {
        if let Some(id) = self.mapped_indicators.get(&self.mapping.indicators, name) {
            return self.ds.indicators.ix(id);
        }
        if let Some(ix) = self
            .ds
            .indicators
            .ix(name)
            .or_else(|| self.indicator_names.get(name))
        {
            return Some(ix);
        }
        if self.mapping.unknown_indicators == Unknown::Create && !name.trim().is_empty() {
            let lower = name.to_lowercase();
            let unit =
                if lower.contains('%') || lower.contains("share") || lower.contains("part de") {
                    Unit::Percent
                } else {
                    Unit::Index {
                        min: None,
                        max: None,
                    }
                };
            let mut id = text::slug(name);
            let mut k = 2;
            while self.ds.indicators.ix(&id).is_some() {
                id = format!("{}_{k}", text::slug(name));
                k += 1;
            }
            let ind = Indicator {
                id: IndicatorId::new(id),
                name: Text::same(name.trim()),
                definition: Text::new(
                    format!(
                        "Imported column \"{}\" (definition not given in the file).",
                        name.trim()
                    ),
                    format!(
                        "Colonne importée « {} » (définition absente du fichier).",
                        name.trim()
                    ),
                ),
                unit,
                direction: Direction::Neutral,
                group: IndicatorGroup::Other,
                channel_specific: false,
                channel_mix: false,
            };
            let id = ind.id.clone();
            let (lo, hi) = ind.unit.range();
            let display = ind.name.en.clone();
            if let Ok(ix) = self.ds.indicators.push(ind) {
                self.indicator_names.add(id.as_str(), ix);
                self.indicator_names.add(&display, ix);
                self.new_indicators.push(id);
                // one range more, in index order (no pass over every indicator)
                if self.ranges.len() == ix as usize {
                    self.ranges
                        .push((lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY)));
                } else {
                    self.refresh_ranges();
                }
                return Some(ix);
            }
        }
        None
    }

    /// The error for a text cell of `len` bytes, over [`MAX_CELL_BYTES`].
    pub(crate) fn cell_size_error(&self, row: usize, col: usize, len: usize) -> ImportError {
        self.cell_error(row, col, size_message(len))
    }

    pub(crate) fn cell_error(&self, row: usize, col: usize, message: String) -> ImportError {
        ImportError::Cell(self.cell_at(row, col, message))
    }

    fn cell_at(&self, row: usize, col: usize, message: String) -> CellError {
        CellError {
            sheet: self.loc.sheet.clone(),
            row,
            column: self.loc.first_col + col + 1,
            header: self.headers.get(col).cloned().unwrap_or_default(),
            message,
        }
    }

    fn shown(&self, cell: Cell<'_>) -> String {
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
                format!("`{s}`")
            }
            Cell::Number(v) => format!("the number {v}"),
            Cell::Empty => "an empty cell".into(),
            Cell::Error(e) => format!("the spreadsheet error {e}"),
        }
    }

    fn text_of<'c>(&self, cell: Cell<'c>) -> Option<std::borrow::Cow<'c, str>> {
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
                Number::Invalid => Err(self.cell_error(
                    row_no,
                    col,
                    format!(
                        "found {}; expected a number (12.5, 12,5 or 1 234,5) or a missing value (empty, NA, n/a, -, ..)",
                        self.shown(cell)
                    ),
                )),
            },
            Cell::Error(_) => Err(self.cell_error(
                row_no,
                col,
                format!("found {}; expected a number or an empty cell", self.shown(cell)),
            )),
        }
    }

    fn region_of<R: RowCells>(&mut self, row_no: usize, row: &R) -> Result<u32, ImportError> {
        let col = match self.region {
            Field::Const(ix) => return Ok(ix),
            Field::Column(col) => col,
            Field::Absent => return Err(self.missing("region")),
        };
        let cell = row.cell(col);
        let key: &[u8] = match cell {
            Cell::Text(b) => text::trim(b),
            _ => &[],
        };
        if !key.is_empty()
            && let Some(ix) = self.regions.get(key)
        {
            return Ok(ix);
        }
        let Some(name) = self.text_of(cell).map(|s| s.into_owned()) else {
            return Err(self.cell_error(
                row_no,
                col,
                format!(
                    "found {}; expected a region name, id or code",
                    self.shown(cell)
                ),
            ));
        };
        let code = self
            .code
            .and_then(|c| self.text_of(row.cell(c)).map(|s| s.into_owned()));
        let ix = match self.resolve_region(&name, code.as_deref()) {
            Some(ix) => ix,
            None => {
                let at = self.cell_at(row_no, col, String::new());
                self.unresolved_name("region", &name, at);
                UNRESOLVED
            }
        };
        if !key.is_empty() {
            self.regions.insert(key, ix);
        }
        Ok(ix)
    }

    fn channel_of<R: RowCells>(&mut self, row_no: usize, row: &R) -> Option<u32> {
        let col = match self.channel {
            Field::Const(c) => return c,
            Field::Column(col) => col,
            Field::Absent => return None,
        };
        let cell = row.cell(col);
        let key: &[u8] = match cell {
            Cell::Text(b) => text::trim(b),
            _ => &[],
        };
        if key.is_empty() || text::is_missing(key) {
            return None;
        }
        if let Some(ix) = self.channels.get(key) {
            return (ix != UNRESOLVED).then_some(ix);
        }
        let name = text::decode(key, self.encoding).into_owned();
        let ix = match self.resolve_channel(&name) {
            Some(ix) => ix,
            None => {
                let at = self.cell_at(row_no, col, String::new());
                self.unresolved_name("channel", &name, at);
                UNRESOLVED
            }
        };
        self.channels.insert(key, ix);
        (ix != UNRESOLVED).then_some(ix)
    }

    fn indicator_of<R: RowCells>(&mut self, row_no: usize, row: &R) -> Result<u32, ImportError> {
        let col = match self.indicator {
            Field::Const(ix) => return Ok(ix),
            Field::Column(col) => col,
            Field::Absent => return Err(self.missing("indicator")),
        };
        let cell = row.cell(col);
        let key: &[u8] = match cell {
            Cell::Text(b) => text::trim(b),
            _ => &[],
        };
        if !key.is_empty()
            && let Some(ix) = self.indicators.get(key)
        {
            return Ok(ix);
        }
        let Some(name) = self.text_of(cell).map(|s| s.into_owned()) else {
            return Err(self.cell_error(
                row_no,
                col,
                format!(
                    "found {}; expected an indicator name or id",
                    self.shown(cell)
                ),
            ));
        };
        let ix = match self.resolve_indicator(&name) {
            Some(ix) => ix,
            None => {
                let at = self.cell_at(row_no, col, String::new());
                self.unresolved_name("indicator", &name, at);
                UNRESOLVED
            }
        };
        if !key.is_empty() {
            self.indicators.insert(key, ix);
        }
        Ok(ix)
    }

    pub(crate) fn period_of<R: RowCells>(
        &mut self,
        row_no: usize,
        row: &R,
    ) -> Result<Period, ImportError> {
        let col = match self.period {
            Field::Const(p) => return Ok(p),
            Field::Column(col) => col,
            Field::Absent => return Err(self.missing("period")),
        };
        let cell = row.cell(col);
        let bad = |me: &Self| {
            me.cell_error(
                row_no,
                col,
                format!(
                    "found {}; expected a period: a year (2016), a half (2016-H1), a quarter (2016-Q3) or a month (2016-07), 1900–2100",
                    me.shown(cell)
                ),
            )
        };
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

    /// Adds one data row. `row_no` is the row number shown to the user.
    pub(crate) fn push_row<R: RowCells>(
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
                Some(a) if region != UNRESOLVED => {
                    a.add_row(self, row_no, row, (region, channel, period))
                }
                _ => Ok(()),
            };
            self.aggregates = agg;
            return r;
        }
        let row_indicator = if self.values.iter().all(|v| v.indicator.is_some()) {
            UNRESOLVED
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
            if region == UNRESOLVED || indicator == UNRESOLVED || channel == Some(UNRESOLVED) {
                continue;
            }
            let period = match vp.or(period) {
                Some(p) => p,
                None => self.period_of(row_no, row)?,
            };
            if let Some(v) = value {
                let (lo, hi) = self.ranges[indicator as usize];
                if !(v >= lo && v <= hi) {
                    let ind = self.ds.indicators.at(indicator);
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
            self.ds.observations.push(
                region,
                channel,
                indicator,
                period,
                value,
                sample,
                margin,
                source,
                grade,
                note.as_deref(),
            );
            self.stats.observations += 1;
        }
        Ok(())
    }

    fn grade_of<R: RowCells>(
        &self,
        row_no: usize,
        row: &R,
        col: usize,
    ) -> Result<Grade, ImportError> {
        let cell = row.cell(col);
        let key: &[u8] = match cell {
            Cell::Text(b) => text::trim(b),
            _ => &[],
        };
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
            match text::normalise(&text::decode(key, self.encoding)).as_str() {
                "mesure" => Ok(Grade::Measured),
                "estime" => Ok(Grade::Estimated),
                "illustratif" => Ok(Grade::Illustrative),
                _ => Err(self.cell_error(
                    row_no,
                    col,
                    format!(
                        "found {}; expected a grade: Measured, Estimated or Illustrative (mesuré, estimé, illustratif)",
                        self.shown(cell)
                    ),
                )),
            }
        }
    }

    fn source_of<R: RowCells>(
        &mut self,
        row_no: usize,
        row: &R,
        col: usize,
    ) -> Result<u32, ImportError> {
        let cell = row.cell(col);
        let key: &[u8] = match cell {
            Cell::Text(b) => text::trim(b),
            _ => &[],
        };
        if key.is_empty() {
            return Ok(self.source);
        }
        if let Some(ix) = self.sources.get(key) {
            return Ok(ix);
        }
        let id = text::decode(key, self.encoding).into_owned();
        match self.ds.sources.ix(&id) {
            Some(ix) => {
                self.sources.insert(key, ix);
                Ok(ix)
            }
            None => Err(self.cell_error(
                row_no,
                col,
                format!("found the source id `{id}`, which is not defined; expected the id of a known source, or an empty cell for the import's own source"),
            )),
        }
    }

    /// Pushes a computed observation (survey and contact-log aggregates).
    pub(crate) fn push_computed(
        &mut self,
        key: (u32, Option<u32>, Period),
        indicator: &str,
        value: Option<f64>,
        sample: Option<u32>,
        margin: Option<f64>,
    ) {
        let Some(ix) = self.ds.indicators.ix(indicator) else {
            return;
        };
        if value.is_none() {
            self.stats.missing_values += 1;
        }
        self.ds.observations.push(
            key.0,
            key.1,
            ix,
            key.2,
            value,
            sample,
            margin,
            self.source,
            self.grade,
            None,
        );
        self.stats.observations += 1;
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
        if let Some(agg) = self.aggregates.take() {
            agg.finish(&mut self);
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
        Ok(Imported {
            dataset: self.ds,
            first_observation: self.first_observation,
            source: self.source_id,
            source_is_new: self.source_is_new,
            new_regions: self.new_regions,
            new_indicators: self.new_indicators,
            stats: self.stats,
            mapping: self.mapping.clone(),
        })
    }

    /// Channel-mix indicators: per region, period and source, shares over 100 % are refused
    /// (the rule of [`crate::io::validate::check_channel_mix`]).
    fn check_channel_mix(&self) -> Result<(), ImportError> {
        let mut rep = validate::ValidationReport::default();
        validate::check_channel_mix(&self.ds, self.first_observation, &mut rep);
        if rep.is_empty() {
            Ok(())
        } else {
            Err(ImportError::Invalid(rep))
        }
    }
}

fn size_message(len: usize) -> String {
    format!(
        "this cell holds {len} bytes; cells are limited to {MAX_CELL_BYTES} bytes, headers included (an unclosed quote can swallow the rest of a file)"
    )
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

/*!
Workbook reading (XLSX, XLSM, XLS, XLSB, ODS) through calamine: one sheet (the chosen one
or the first), its header row, then its rows into the shared builder. Errors name the
sheet and the cell (`C7`) as the spreadsheet shows them.

The file is read once, within [`crate::io::MAX_FILE_BYTES`], and its zip container checked
by [`super::guard`] before calamine sees it. XLSX and XLSB sheets are read sparsely through
calamine's cell reader (a stray value in cell `XFD1048576` costs one cell, not the 17
billion of the dense range); every sheet is limited to [`super::guard::MAX_SHEET_CELLS`]
non-empty cells. Rows are handed to the builder as wide as the header row, plus the first
non-blank cell beyond it, so a row is never wider than the table.
*/

use super::builder::{Cell, FileContext, ImportBuilder, Locator, RowCells};
use super::guard::{self, MAX_SHEET_CELLS};
use super::mapping::Mapping;
use super::text::{self, Encoding};
use super::workbook_problem::WorkbookProblem;
use super::{FilePreview, ImportError, Imported, Progress};
use crate::model::Dataset;
use calamine::{Data, Reader, Sheets};
use std::io::Cursor;
use std::path::Path;

/// A row as the builder sees it: the cells under the headers, then the first non-blank
/// cell beyond them (so that a row holding only such a cell is not blank).
struct SheetRow<'a> {
    cells: &'a [Data],
    extra: Option<&'a Data>,
}

impl RowCells for SheetRow<'_> {
    fn count(&self) -> usize {
        self.cells.len() + usize::from(self.extra.is_some())
    }
    fn cell(&self, i: usize) -> Cell<'_> {
        let d = if i == self.cells.len() {
            self.extra
        } else {
            self.cells.get(i)
        };
        match d {
            None | Some(Data::Empty) => Cell::Empty,
            Some(Data::String(s)) | Some(Data::DateTimeIso(s)) | Some(Data::DurationIso(s)) => {
                Cell::Text(s.as_bytes())
            }
            Some(Data::Float(f)) => Cell::Number(*f),
            Some(Data::Int(n)) => Cell::Number(*n as f64),
            Some(Data::Bool(true)) => Cell::Text(b"TRUE"),
            Some(Data::Bool(false)) => Cell::Text(b"FALSE"),
            Some(Data::DateTime(d)) => Cell::Number(d.as_f64()),
            Some(Data::Error(e)) => Cell::Error(match e {
                calamine::CellErrorType::Div0 => "#DIV/0!",
                calamine::CellErrorType::NA => "#N/A",
                calamine::CellErrorType::Name => "#NAME?",
                calamine::CellErrorType::Null => "#NULL!",
                calamine::CellErrorType::Num => "#NUM!",
                calamine::CellErrorType::Ref => "#REF!",
                calamine::CellErrorType::Value => "#VALUE!",
                calamine::CellErrorType::GettingData => "#GETTING_DATA",
            }),
        }
    }
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        other => other.to_string().trim().to_owned(),
    }
}

fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The non-empty cells of one sheet, sorted by row then column (0-based sheet positions),
/// and the span of each row in that list.
struct SheetCells {
    name: String,
    cells: Vec<(u32, u32, Data)>,
    rows: Vec<(u32, std::ops::Range<usize>)>,
    /// First used row and column (the used range's origin).
    start: (u32, u32),
}

/// One data row: its 0-based sheet row, the cells under the headers, the first non-blank
/// cell beyond them, and the first text cell beyond them over the cell limit (column
/// relative to the table, length in bytes).
struct DataRow<'a> {
    row: u32,
    dense: Vec<Data>,
    extra: Option<&'a Data>,
    oversized: Option<(usize, usize)>,
}

impl SheetCells {
    fn from_cells(name: String, mut cells: Vec<(u32, u32, Data)>) -> SheetCells {
        cells.sort_by_key(|c| (c.0, c.1));
        let start_col = cells.iter().map(|c| c.1).min().unwrap_or(0);
        let start_row = cells.first().map_or(0, |c| c.0);
        let mut rows: Vec<(u32, std::ops::Range<usize>)> = Vec::new();
        for (i, c) in cells.iter().enumerate() {
            match rows.last_mut() {
                Some((row, span)) if *row == c.0 => span.end = i + 1,
                _ => rows.push((c.0, i..i + 1)),
            }
        }
        SheetCells {
            name,
            cells,
            rows,
            start: (start_row, start_col),
        }
    }

    fn row_cells(&self, k: usize) -> &[(u32, u32, Data)] {
        self.rows
            .get(k)
            .map_or(&[], |(_, span)| &self.cells[span.clone()])
    }

    /// Index in `rows` of the header row: the mapping's (1-based sheet row; when blank, the
    /// index of the first row below it) or the first row with a non-blank cell. `None` when
    /// there is no such row.
    fn header(&self, header_row: Option<u32>) -> Option<usize> {
        let hi = match header_row {
            Some(r) => {
                let r0 = r.checked_sub(1)?;
                if r0 < self.start.0 {
                    return None;
                }
                self.rows.partition_point(|(row, _)| *row < r0)
            }
            None => (0..self.rows.len()).find(|&k| {
                self.row_cells(k)
                    .iter()
                    .any(|(_, _, d)| !cell_text(d).is_empty())
            })?,
        };
        (hi < self.rows.len()).then_some(hi)
    }

    /// Whether `rows[hi]` is the header row itself (not the first row below a blank one).
    fn is_header_row(&self, hi: usize, header_row: Option<u32>) -> bool {
        match header_row {
            None => true,
            Some(r) => self.rows.get(hi).is_some_and(|(row, _)| *row + 1 == r),
        }
    }

    /// Header texts from the first used column to the header row's last cell.
    fn headers(&self, hi: usize, header_row: Option<u32>) -> Vec<String> {
        if !self.is_header_row(hi, header_row) {
            return Vec::new();
        }
        let cells = self.row_cells(hi);
        let last = cells.last().map_or(self.start.1, |c| c.1);
        let mut out = vec![String::new(); (last - self.start.1 + 1) as usize];
        for (_, c, d) in cells {
            out[(c - self.start.1) as usize] = cell_text(d);
        }
        out
    }

    /// The data rows after the header row, `width` cells wide.
    fn data_rows(
        &self,
        hi: usize,
        header_row: Option<u32>,
        width: usize,
    ) -> impl Iterator<Item = DataRow<'_>> + '_ {
        let first = if self.is_header_row(hi, header_row) {
            hi + 1
        } else {
            hi
        };
        let start_col = self.start.1;
        (first..self.rows.len()).map(move |k| {
            let mut out = DataRow {
                row: self.rows[k].0,
                dense: vec![Data::Empty; width],
                extra: None,
                oversized: None,
            };
            for (_, c, d) in self.row_cells(k) {
                let i = (c - start_col) as usize;
                if i < width {
                    out.dense[i] = d.clone();
                    continue;
                }
                if out.extra.is_none() && !is_blank(d) {
                    out.extra = Some(d);
                }
                if let Data::String(s) = d
                    && s.len() > super::MAX_CELL_BYTES
                    && out.oversized.is_none()
                {
                    out.oversized = Some((i, s.len()));
                }
            }
            out
        })
    }
}

fn workbook_error(e: calamine::Error) -> ImportError {
    match e {
        calamine::Error::Io(io) => ImportError::Io(io),
        other => ImportError::Workbook(WorkbookProblem::NotASpreadsheet(
            crate::io::read::cap_message(&other.to_string()).into_owned(),
        )),
    }
}

fn sheet_error(sheet: &str, after: Option<(u32, u32)>, e: impl std::fmt::Display) -> ImportError {
    ImportError::Workbook(WorkbookProblem::SheetUnreadable {
        sheet: sheet.to_owned(),
        after: after.map(|(r, c)| format!("{}{}", text::column_letters(c as usize), r + 1)),
        detail: crate::io::read::cap_message(&e.to_string()).into_owned(),
    })
}

fn too_many_cells(sheet: &str) -> ImportError {
    ImportError::Workbook(WorkbookProblem::TooManyCells {
        sheet: sheet.to_owned(),
    })
}

/// Opens the workbook from its bytes, with the reader its extension names.
fn open_workbook<'b>(
    path: &Path,
    bytes: &'b [u8],
) -> Result<Sheets<Cursor<&'b [u8]>>, ImportError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let rs = Cursor::new(bytes);
    let wb = match ext.as_str() {
        "xls" | "xla" => calamine::open_workbook_from_rs(rs)
            .map(Sheets::Xls)
            .map_err(calamine::Error::from),
        "xlsb" => calamine::open_workbook_from_rs(rs)
            .map(Sheets::Xlsb)
            .map_err(calamine::Error::from),
        "ods" => calamine::open_workbook_from_rs(rs)
            .map(Sheets::Ods)
            .map_err(calamine::Error::from),
        _ => calamine::open_workbook_from_rs(rs)
            .map(Sheets::Xlsx)
            .map_err(calamine::Error::from),
    };
    wb.map_err(workbook_error)
}

/// Reads the chosen sheet's non-empty cells, and all sheet names.
fn open_sheet(path: &Path, sheet: Option<&str>) -> Result<(SheetCells, Vec<String>), ImportError> {
    let bytes = crate::io::read::read_limited(path, crate::io::MAX_FILE_BYTES)?;
    let ods = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ods"));
    guard::check_workbook(Cursor::new(&bytes[..]), ods)?;
    let mut wb = open_workbook(path, &bytes)?;
    let names = wb.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(s)))
            .cloned()
            .ok_or_else(|| ImportError::NoSheet {
                name: s.to_owned(),
                available: names.clone(),
            })?,
        None => names
            .first()
            .cloned()
            .ok_or(ImportError::Workbook(WorkbookProblem::NoSheet))?,
    };
    let cells = read_cells(&mut wb, &name)?;
    Ok((SheetCells::from_cells(name, cells), names))
}

/// The non-empty cells of sheet `name` as (row, column, value), 0-based.
fn read_cells(
    wb: &mut Sheets<Cursor<&[u8]>>,
    name: &str,
) -> Result<Vec<(u32, u32, Data)>, ImportError> {
    let mut cells: Vec<(u32, u32, Data)> = Vec::new();
    let push = |cells: &mut Vec<(u32, u32, Data)>, pos: (u32, u32), d: Data| {
        if matches!(d, Data::Empty) {
            return Ok(());
        }
        if cells.len() as u64 >= MAX_SHEET_CELLS {
            return Err(too_many_cells(name));
        }
        cells.push((pos.0, pos.1, d));
        Ok(())
    };
    match wb {
        Sheets::Xlsx(x) => {
            let mut reader = match x.worksheet_cells_reader(name) {
                Ok(r) => r,
                Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(cells),
                Err(e) => return Err(sheet_error(name, None, e)),
            };
            read_stream(name, &mut cells, push, || {
                let c = reader.next_cell()?;
                Ok::<_, calamine::XlsxError>(
                    c.map(|c| (c.get_position(), Data::from(c.get_value().clone()))),
                )
            })?;
        }
        Sheets::Xlsb(x) => {
            let mut reader = x
                .worksheet_cells_reader(name)
                .map_err(|e| sheet_error(name, None, e))?;
            read_stream(name, &mut cells, push, || {
                let c = reader.next_cell()?;
                Ok::<_, calamine::XlsbError>(
                    c.map(|c| (c.get_position(), Data::from(c.get_value().clone()))),
                )
            })?;
        }
        _ => {
            let range = wb
                .worksheet_range(name)
                .map_err(|e| sheet_error(name, None, e))?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, d) in range.used_cells() {
                push(&mut cells, (r0 + r as u32, c0 + c as u32), d.clone())?;
            }
        }
    }
    Ok(cells)
}

/// Reads a streaming sheet (XLSX, XLSB) to its end: each (position, value) `next` gives
/// goes through `push`; a read error names the sheet and the last cell read.
fn read_stream<E: std::fmt::Display>(
    name: &str,
    cells: &mut Vec<(u32, u32, Data)>,
    push: impl Fn(&mut Vec<(u32, u32, Data)>, (u32, u32), Data) -> Result<(), ImportError>,
    mut next: impl FnMut() -> Result<Option<((u32, u32), Data)>, E>,
) -> Result<(), ImportError> {
    loop {
        match next() {
            Ok(Some((pos, d))) => push(cells, pos, d)?,
            Ok(None) => return Ok(()),
            Err(e) => {
                let last = cells.last().map(|c| (c.0, c.1));
                return Err(sheet_error(name, last, e));
            }
        }
    }
}

/// Data rows looked at to guess roles from values.
const GUESS_ROWS: usize = 50;

/// Imports one sheet of a workbook.
pub(crate) fn import(
    base: &Dataset,
    path: &Path,
    mapping: Option<&Mapping>,
    sheet: Option<&str>,
    ctx: &FileContext,
    progress: Option<&Progress<'_>>,
) -> Result<Imported, ImportError> {
    Progress::report(progress, 0.0)?;
    let sheet = sheet.or(mapping.and_then(|m| m.sheet.as_deref()));
    let (cells, _) = open_sheet(path, sheet)?;
    Progress::report(progress, 0.3)?;
    let header_row = mapping.and_then(|m| m.header_row);
    let hi = cells.header(header_row).ok_or(ImportError::Empty)?;
    let headers = cells.headers(hi, header_row);
    let header_sheet_row = match header_row {
        Some(r) => r as usize,
        None => cells.rows[hi].0 as usize + 1,
    };
    let sample: Vec<Vec<String>> = cells
        .data_rows(hi, header_row, headers.len())
        .take(GUESS_ROWS)
        .map(|r| r.dense.iter().map(cell_text).collect())
        .collect();
    let completed = Mapping::for_table(mapping, &headers, &sample, base);
    let mapping = &completed;
    let loc = Locator {
        sheet: Some(cells.name.clone()),
        first_col: cells.start.1 as usize,
        header_row: header_sheet_row,
    };
    let width = headers.len();
    let mut b = ImportBuilder::new(
        base,
        mapping,
        headers,
        loc,
        Encoding::Utf8,
        mapping.decimal_comma.unwrap_or(true),
        ctx,
    )?;
    let n = cells.rows.len().max(1);
    for (k, r) in cells.data_rows(hi, header_row, width).enumerate() {
        let row_no = r.row as usize + 1;
        if let Some((col, len)) = r.oversized {
            // a faulty row is listed (or skipped) like any other; the import goes on
            let cell = b.oversized_cell(row_no, col, len);
            b.row_failed(cell);
            continue;
        }
        let sheet_row = SheetRow {
            cells: &r.dense,
            extra: r.extra,
        };
        b.push_row(row_no, &sheet_row)?;
        if k % 4096 == 0 {
            Progress::report(progress, 0.3 + 0.7 * (k as f32 / n as f32))?;
        }
    }
    b.finish_file(progress)
}

/// The header and first rows of a sheet.
pub(crate) fn preview(
    path: &Path,
    sheet: Option<&str>,
    header_row: Option<u32>,
    max_rows: usize,
) -> Result<FilePreview, ImportError> {
    let (cells, names) = open_sheet(path, sheet)?;
    let hi = cells.header(header_row).ok_or(ImportError::Empty)?;
    let headers = cells.headers(hi, header_row);
    let width = headers.len();
    let rows = cells
        .data_rows(hi, header_row, width)
        .take(max_rows)
        .map(|r| r.dense.iter().map(cell_text).collect())
        .collect();
    Ok(FilePreview {
        headers,
        rows,
        sheets: names,
        sheet: Some(cells.name),
        encoding: None,
        delimiter: None,
        decimal_comma: true,
        saved: None,
        guess: Mapping::default(),
    })
}

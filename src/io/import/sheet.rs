/*!
Workbook reading (XLSX, XLSM, XLS, XLSB, ODS) through calamine: one sheet (the chosen one
or the first), its header row, then its rows into the shared builder. Errors name the
sheet and the cell (`C7`) as the spreadsheet shows them.
*/

use super::builder::{Builder, Cell, FileContext, Locator, RowCells};
use super::mapping::Mapping;
use super::text::Encoding;
use super::{ImportError, Imported, Preview, Progress};
use crate::model::Dataset;
use calamine::{Data, Range, Reader};
use std::path::Path;

struct SheetRow<'a>(&'a [Data]);

impl RowCells for SheetRow<'_> {
    fn count(&self) -> usize {
        self.0.len()
    }
    fn cell(&self, i: usize) -> Cell<'_> {
        match self.0.get(i) {
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

/// The chosen sheet's cells, its name, all sheet names and the used range's origin.
fn open_sheet(
    path: &Path,
    sheet: Option<&str>,
) -> Result<(Range<Data>, String, Vec<String>), ImportError> {
    let mut wb = calamine::open_workbook_auto(path).map_err(|e| match e {
        calamine::Error::Io(io) => ImportError::Io(io),
        other => ImportError::Workbook(format!(
            "{other} (expected an .xlsx, .xls, .xlsb or .ods workbook)"
        )),
    })?;
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
            .ok_or_else(|| ImportError::Workbook("the workbook has no sheet".into()))?,
    };
    let range = wb
        .worksheet_range(&name)
        .map_err(|e| ImportError::Workbook(format!("sheet \"{name}\": {e}")))?;
    Ok((range, name, names))
}

/// Index (within the range) of the header row: the mapping's (1-based sheet row) or the
/// first non-blank row.
fn header_index(range: &Range<Data>, header_row: Option<u32>) -> Option<usize> {
    let start_row = range.start().map_or(0, |s| s.0 as usize);
    match header_row {
        Some(r) => (r as usize).checked_sub(1 + start_row),
        None => range.rows().position(|r| {
            r.iter()
                .any(|c| !matches!(c, Data::Empty) && !cell_text(c).is_empty())
        }),
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
    let (range, name, _) = open_sheet(path, sheet)?;
    Progress::report(progress, 0.3)?;
    let (start_row, start_col) = range
        .start()
        .map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let hi = header_index(&range, mapping.and_then(|m| m.header_row)).ok_or(ImportError::Empty)?;
    let rows: Vec<&[Data]> = range.rows().collect();
    let Some(header_cells) = rows.get(hi) else {
        return Err(ImportError::Empty);
    };
    let headers: Vec<String> = header_cells.iter().map(cell_text).collect();
    let sample: Vec<Vec<String>> = rows
        .iter()
        .skip(hi + 1)
        .take(GUESS_ROWS)
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    let guess = Mapping::guess_with_rows(&headers, &sample, base);
    let completed = match mapping {
        Some(m) => m.clone().completed_by(&guess),
        None => guess,
    };
    let mapping = &completed;
    let loc = Locator {
        sheet: Some(name),
        first_col: start_col,
    };
    let mut b = Builder::new(
        base,
        mapping,
        headers,
        loc,
        Encoding::Utf8,
        mapping.decimal_comma.unwrap_or(true),
        ctx,
    )?;
    let n = rows.len().max(1);
    for (i, cells) in rows.iter().enumerate().skip(hi + 1) {
        b.push_row(start_row + i + 1, &SheetRow(cells))?;
        if i % 4096 == 0 {
            Progress::report(progress, 0.3 + 0.7 * (i as f32 / n as f32))?;
        }
    }
    if b.stats.rows == 0 && !b.had_bad_rows() {
        return Err(ImportError::Empty);
    }
    let out = b.finish()?;
    Progress::report(progress, 1.0)?;
    Ok(out)
}

/// The header and first rows of a sheet.
pub(crate) fn preview(
    path: &Path,
    sheet: Option<&str>,
    header_row: Option<u32>,
    max_rows: usize,
) -> Result<Preview, ImportError> {
    let (range, name, names) = open_sheet(path, sheet)?;
    let hi = header_index(&range, header_row).ok_or(ImportError::Empty)?;
    let mut it = range.rows().skip(hi);
    let headers = it
        .next()
        .map(|r| r.iter().map(cell_text).collect())
        .ok_or(ImportError::Empty)?;
    let rows = it
        .take(max_rows)
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    Ok(Preview {
        headers,
        rows,
        sheets: names,
        sheet: Some(name),
        encoding: None,
        delimiter: None,
        decimal_comma: true,
        saved: None,
        guess: Mapping::default(),
    })
}

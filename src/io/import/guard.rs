/*!
Checks a zipped workbook (XLSX, XLSM, XLSB, ODS) before calamine parses it, so that a small
hostile file cannot take unbounded memory or time:

- **decompression bombs**: every entry's uncompressed size is checked, as declared in the
  archive and then as actually inflated (a header can lie), against
  [`MAX_UNZIPPED_BYTES`] in total; an entry over 1 MiB may not inflate more than
  [`MAX_COMPRESSION_RATIO`] times its compressed size;
- **ODS structure**: `content.xml` and `meta.xml` must be well-formed XML whose elements are
  all closed (calamine 0.38 loops forever on a table that is never closed, see
  `docs/upstream/calamine-ods-unclosed-table.md`), and the cells that the
  `number-rows-repeated` / `number-columns-repeated` attributes expand to may not exceed
  [`MAX_SHEET_CELLS`].

Every refusal says in plain words that the workbook is damaged or too large, and which part.
*/

use super::ImportError;
use super::workbook_problem::{Damage, Refusal, WorkbookProblem};
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Read, Seek};

/// Most bytes a workbook may inflate to, all entries together (512 MiB).
pub const MAX_UNZIPPED_BYTES: u64 = 512 * 1024 * 1024;

/// Largest compression ratio accepted for an entry above 1 MiB uncompressed. Spreadsheet
/// XML compresses about 5 to 30 times; deflate's own ceiling is about 1,000.
pub const MAX_COMPRESSION_RATIO: u64 = 200;

/// Most cells a sheet may hold (10 million): non-empty cells of an XLSX/XLSB sheet, or the
/// cells an ODS table expands to once repeated rows and columns are counted.
pub const MAX_SHEET_CELLS: u64 = 10_000_000;

/// Entries at most this large are not held to the ratio (small parts compress very well).
const RATIO_FREE_BYTES: u64 = 1024 * 1024;

fn damaged(what: Damage) -> ImportError {
    ImportError::Workbook(WorkbookProblem::Damaged(what))
}

fn too_big(what: Refusal) -> ImportError {
    ImportError::Workbook(WorkbookProblem::Refused(what))
}

/// Checks the zip container of a workbook (see the module docs). Files that are not zip
/// archives (old `.xls`) are left to calamine. `ods` also checks the XML structure.
pub(crate) fn check_workbook<R: Read + Seek>(reader: R, ods: bool) -> Result<(), ImportError> {
    check_workbook_within(reader, ods, MAX_UNZIPPED_BYTES)
}

/// [`check_workbook`] with a total limit of `max_unzipped` bytes.
fn check_workbook_within<R: Read + Seek>(
    reader: R,
    ods: bool,
    max_unzipped: u64,
) -> Result<(), ImportError> {
    let mut zip = match zip::ZipArchive::new(reader) {
        Ok(z) => z,
        // not a zip: calamine decides (an .xls, or a damaged file it names)
        Err(_) => return Ok(()),
    };
    // declared sizes first: refuses most bombs without inflating anything
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| damaged(Damage::ZipEntry(i + 1, e.to_string())))?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        check_ratio(&name, entry.size(), entry.compressed_size())?;
        declared = declared.saturating_add(entry.size());
        if declared > max_unzipped {
            return Err(too_big(Refusal::Declared {
                declared_bytes: declared,
                limit_bytes: max_unzipped,
            }));
        }
    }
    // then the real sizes, reading through a bounded reader
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| damaged(Damage::ZipEntry(i + 1, e.to_string())))?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let compressed = entry.compressed_size();
        let budget = max_unzipped.saturating_sub(total);
        let mut limited = CountingTake {
            inner: entry,
            left: budget.saturating_add(1),
            read: 0,
        };
        if ods && (name == "content.xml" || name == "meta.xml") {
            check_ods_xml(&mut limited, &name)?;
        }
        std::io::copy(&mut limited, &mut std::io::sink())
            .map_err(|e| damaged(Damage::Part(shown(&name), e.to_string())))?;
        if limited.read > budget {
            return Err(too_big(Refusal::Inflates {
                limit_bytes: max_unzipped,
                part: shown(&name),
            }));
        }
        check_ratio(&name, limited.read, compressed)?;
        total += limited.read;
    }
    Ok(())
}

fn check_ratio(name: &str, size: u64, compressed: u64) -> Result<(), ImportError> {
    if size > RATIO_FREE_BYTES && size / compressed.max(1) > MAX_COMPRESSION_RATIO {
        return Err(too_big(Refusal::Bomb {
            part: shown(name),
            compressed_bytes: compressed,
            size_bytes: size,
        }));
    }
    Ok(())
}

/// An entry name as shown in messages (at most 100 characters).
fn shown(name: &str) -> String {
    let mut s: String = name.chars().take(100).collect();
    if s.len() < name.len() {
        s.push('…');
    }
    s
}

/// `Read::take` that also counts what it read.
struct CountingTake<R> {
    inner: R,
    left: u64,
    read: u64,
}

impl<R: Read> Read for CountingTake<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Ok(0);
        }
        let max = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..max])?;
        self.left -= n as u64;
        self.read += n as u64;
        Ok(n)
    }
}

/// Cells one ODS table expands to, counted as calamine builds them.
#[derive(Default)]
struct TableCount {
    name: String,
    /// Rows so far (repeats expanded), up to the last row holding a value.
    rows: u64,
    rows_to_last_value: u64,
    /// Widest row, up to its last value (repeats expanded).
    width: u64,
}

/// Well-formedness, closed elements and expanded size of an ODS XML part.
fn check_ods_xml<R: Read>(part: R, name: &str) -> Result<(), ImportError> {
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(part));
    reader.config_mut().check_end_names = true;
    let mut buf = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut table: Option<TableCount> = None;
    let mut cells_total: u64 = 0;
    // the current row: repeats, width up to its last value, width so far
    let mut row: Option<(u64, u64, u64)> = None;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            damaged(Damage::Xml {
                part: name.to_owned(),
                byte: reader.error_position(),
                detail: crate::io::read::cap_message(&e.to_string()).into_owned(),
            })
        })?;
        match event {
            Event::Start(e) => {
                if open.len() >= 256 {
                    return Err(damaged(Damage::TooDeep(name.to_owned())));
                }
                on_element(&e, true, &mut table, &mut row)?;
                open.push(e.name().as_ref().to_owned());
            }
            Event::Empty(e) => {
                on_element(&e, false, &mut table, &mut row)?;
                on_end(e.name().as_ref(), &mut table, &mut row, &mut cells_total)?;
            }
            Event::End(e) => {
                open.pop();
                on_end(e.name().as_ref(), &mut table, &mut row, &mut cells_total)?;
            }
            // calamine quotes unexpected content of a row in full in its error message
            Event::Text(t)
                if t.len() > MAX_ROW_TEXT_BYTES
                    && open.last().is_some_and(|o| o == "table:table-row") =>
            {
                return Err(damaged(Damage::TextInRow(name.to_owned(), t.len())));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if let Some(unclosed) = open.last() {
        let table_name = table.map(|t| t.name).unwrap_or_default();
        return Err(damaged(Damage::CutShort {
            part: name.to_owned(),
            element: shown(unclosed),
            table: (!table_name.is_empty()).then(|| shown(&table_name)),
        }));
    }
    Ok(())
}

fn repeat_attr(e: &BytesStart<'_>, attr: &str) -> Result<u64, ImportError> {
    match e.try_get_attribute(attr) {
        Ok(Some(a)) => {
            let v = a.value.into_owned();
            v.trim()
                .parse::<u64>()
                .map_err(|_| damaged(Damage::BadRepeat(attr.to_owned(), shown(&v))))
        }
        Ok(None) => Ok(1),
        Err(err) => Err(damaged(Damage::BadAttribute(
            shown(e.name().as_ref()),
            err.to_string(),
        ))),
    }
}

/// Text allowed directly inside a `table:table-row` (white space between cells).
const MAX_ROW_TEXT_BYTES: usize = 1024;

/// calamine caps rows and columns at these (its MAX_ROWS / MAX_COLUMNS).
const ODS_MAX_ROWS: u64 = 1_048_576;
const ODS_MAX_COLUMNS: u64 = 16_384;

fn on_element(
    e: &BytesStart<'_>,
    has_body: bool,
    table: &mut Option<TableCount>,
    row: &mut Option<(u64, u64, u64)>,
) -> Result<(), ImportError> {
    match e.name().as_ref() {
        "table:table" => {
            let name = match e.try_get_attribute("table:name") {
                Ok(Some(a)) => a.value.into_owned(),
                _ => String::new(),
            };
            *table = Some(TableCount {
                name,
                ..TableCount::default()
            });
        }
        "table:table-row" if table.is_some() => {
            let repeats = repeat_attr(e, "table:number-rows-repeated")?.min(ODS_MAX_ROWS);
            *row = Some((repeats.max(1), 0, 0));
        }
        "table:table-cell" | "table:covered-table-cell" => {
            if let Some(r) = row.as_mut() {
                let repeats = repeat_attr(e, "table:number-columns-repeated")?.min(ODS_MAX_COLUMNS);
                r.2 = (r.2 + repeats.max(1)).min(ODS_MAX_COLUMNS);
                if e.try_get_attribute("office:value-type")
                    .ok()
                    .flatten()
                    .is_some()
                    || has_body
                {
                    r.1 = r.2;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn on_end(
    name: &str,
    table: &mut Option<TableCount>,
    row: &mut Option<(u64, u64, u64)>,
    cells_total: &mut u64,
) -> Result<(), ImportError> {
    match name {
        "table:table-row" => {
            if let (Some(t), Some((repeats, width_to_value, _))) = (table.as_mut(), row.take()) {
                t.rows = (t.rows + repeats).min(ODS_MAX_ROWS);
                if width_to_value > 0 {
                    t.rows_to_last_value = t.rows;
                    t.width = t.width.max(width_to_value);
                }
                check_cells(t, *cells_total)?;
            }
        }
        "table:table" => {
            if let Some(t) = table.take() {
                check_cells(&t, *cells_total)?;
                *cells_total += t.rows_to_last_value * t.width;
            }
        }
        _ => {}
    }
    Ok(())
}

fn check_cells(t: &TableCount, before: u64) -> Result<(), ImportError> {
    let cells = t.rows_to_last_value.saturating_mul(t.width);
    if before.saturating_add(cells) > MAX_SHEET_CELLS {
        return Err(too_big(Refusal::Table {
            table: shown(&t.name),
            rows: t.rows_to_last_value,
            columns: t.width,
            cells,
        }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    /// The English message of a refusal (empty when accepted).
    fn error_text(r: Result<(), ImportError>) -> String {
        r.err().map(|e| e.to_string()).unwrap_or_default()
    }

    /// A zip of `(name, bytes)` entries, deflated.
    fn zip_of(entries: &[(&str, Vec<u8>)]) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            w.start_file(*name, opts)?;
            w.write_all(bytes)?;
        }
        Ok(w.finish()?.into_inner())
    }

    /// Bytes that do not compress (a simple generator, no dependency).
    fn noise(n: usize, seed: u64) -> Vec<u8> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    #[test]
    fn total_size_is_limited() -> Result<(), Box<dyn std::error::Error>> {
        let z = zip_of(&[("a", noise(600_000, 1)), ("b", noise(600_000, 2))])?;
        assert!(check_workbook_within(Cursor::new(&z), false, 2_000_000).is_ok());
        let err = error_text(check_workbook_within(Cursor::new(&z), false, 1_000_000));
        assert!(
            err.contains("declare 1200000 bytes once uncompressed, over the limit of 1000000"),
            "{err}"
        );
        Ok(())
    }

    #[test]
    fn high_ratio_entries_are_refused_small_ones_not() -> Result<(), Box<dyn std::error::Error>> {
        // 512 KiB of zeros: ratio far above the limit but under 1 MiB, accepted
        let small = zip_of(&[("s", vec![0u8; 512 * 1024])])?;
        assert!(check_workbook(Cursor::new(&small), false).is_ok());
        let bomb = zip_of(&[("xl/worksheets/sheet1.xml", vec![b' '; 8 * 1024 * 1024])])?;
        let err = error_text(check_workbook(Cursor::new(&bomb), false));
        assert!(
            err.contains("part `xl/worksheets/sheet1.xml` inflates from"),
            "{err}"
        );
        assert!(err.contains("a decompression bomb"), "{err}");
        Ok(())
    }

    #[test]
    fn ods_xml_must_close_every_element() -> Result<(), Box<dyn std::error::Error>> {
        let ok = b"<a><table:table table:name=\"T\"><table:table-row/></table:table></a>".to_vec();
        check_ods_xml(&ok[..], "content.xml")?;
        let cut = b"<a><table:table table:name=\"T\"><table:table-row>".to_vec();
        let err = error_text(check_ods_xml(&cut[..], "content.xml"));
        assert!(
            err.contains("ends before the element <table:table-row> in table \"T\" is closed"),
            "{err}"
        );
        Ok(())
    }

    #[test]
    fn ods_repeats_are_counted_as_calamine_expands_them() -> Result<(), Box<dyn std::error::Error>>
    {
        // 4,000 rows × 3,000 columns of one value: 12 million cells
        let big = b"<table:table table:name=\"T\"><table:table-row table:number-rows-repeated=\"4000\"><table:table-cell table:number-columns-repeated=\"3000\" office:value-type=\"float\" office:value=\"1\"/></table:table-row></table:table>".to_vec();
        let err = error_text(check_ods_xml(&big[..], "content.xml"));
        assert!(
            err.contains("expands to 4000 rows × 3000 columns = 12000000 cells"),
            "{err}"
        );
        // trailing empty rows and cells, as LibreOffice writes them, cost nothing
        let normal = b"<table:table table:name=\"T\"><table:table-row><table:table-cell office:value-type=\"float\" office:value=\"1\"/><table:table-cell table:number-columns-repeated=\"1023\"/></table:table-row><table:table-row table:number-rows-repeated=\"1048575\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row></table:table>".to_vec();
        check_ods_xml(&normal[..], "content.xml")?;
        Ok(())
    }
}

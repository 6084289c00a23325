/*!
CSV / TSV reading: the file is streamed (one reused `ByteRecord`, fields decoded only when
a name is seen for the first time), after its first 64 KiB have decided the encoding, the
delimiter and the decimal separator. UTF-16 files (with BOM) are decoded in memory first,
so they are limited to [`crate::io::MAX_FILE_BYTES`]; other text has no size limit.
*/

use super::builder::{Cell, FileContext, ImportBuilder, Locator, RowCells};
use super::cell_detail::CellDetail;
use super::mapping::Mapping;
use super::text::{self, Encoding};
use super::{FilePreview, ImportError, Imported, Progress};
use crate::model::Dataset;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

const HEAD_BYTES: usize = 64 * 1024;
const PROGRESS_EVERY_ROWS: usize = 16 * 1024;
/// Data rows read ahead to guess roles from values.
const GUESS_ROWS: usize = 50;

impl RowCells for csv::ByteRecord {
    fn count(&self) -> usize {
        self.len()
    }
    fn cell(&self, i: usize) -> Cell<'_> {
        match self.get(i) {
            Some(b) => Cell::Text(b),
            None => Cell::Empty,
        }
    }
}

/// An opened text table: its reader positioned after the BOM, and what was detected.
struct Opened {
    reader: csv::Reader<Box<dyn Read + Send>>,
    encoding: Encoding,
    delimiter: u8,
    total_bytes: u64,
    /// Lines end with `\r\n`: the CSV reader ends a record at `\r` and counts the `\n`
    /// with the next one, whose line it then gives one short.
    crlf: bool,
}

fn open(path: &Path) -> Result<Opened, ImportError> {
    // regular files only; 8-bit text is streamed, so its size is not limited
    let (mut file, total_bytes) = crate::io::read::open_regular(path, u64::MAX)?;
    let mut head = Vec::with_capacity(HEAD_BYTES);
    (&mut file).take(HEAD_BYTES as u64).read_to_end(&mut head)?;
    if head.iter().all(|b| b.is_ascii_whitespace()) && total_bytes <= HEAD_BYTES as u64 {
        return Err(ImportError::Empty);
    }
    let encoding = text::detect_encoding(&head).map_err(|e| ImportError::NotText {
        offset: e.offset,
        looks_like: e.looks_like,
    })?;
    let fallback = match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab") => b'\t',
        _ => b',',
    };
    let (source, delimiter): (Box<dyn Read + Send>, u8) = match encoding {
        Encoding::Utf16Le | Encoding::Utf16Be => {
            // UTF-16 is converted whole in memory: limited like a workbook
            if total_bytes > crate::io::MAX_FILE_BYTES {
                return Err(ImportError::TooLarge {
                    size_bytes: total_bytes,
                    limit_bytes: crate::io::MAX_FILE_BYTES,
                });
            }
            file.seek(SeekFrom::Start(2))?;
            let mut rest = Vec::new();
            (&mut file)
                .take(crate::io::MAX_FILE_BYTES)
                .read_to_end(&mut rest)?;
            let utf8 = text::decode_utf16(&rest, encoding);
            if utf8.iter().all(|b| b.is_ascii_whitespace()) {
                return Err(ImportError::Empty);
            }
            let d = text::sniff_delimiter(&utf8[..utf8.len().min(HEAD_BYTES)], b'\t');
            (Box::new(std::io::Cursor::new(utf8)), d)
        }
        _ => {
            let bom = encoding.bom_len();
            let d = text::sniff_delimiter(&head[bom..], fallback);
            file.seek(SeekFrom::Start(bom as u64))?;
            (Box::new(file), d)
        }
    };
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(256 * 1024)
        .from_reader(source);
    let crlf = head
        .iter()
        .position(|&b| b == b'\n')
        .is_some_and(|i| i > 0 && head[i - 1] == b'\r');
    Ok(Opened {
        reader,
        encoding,
        delimiter,
        total_bytes,
        crlf,
    })
}

pub(crate) fn csv_error(e: csv::Error, row: usize) -> ImportError {
    let line = e.position().map(|p| p.line());
    match e.into_kind() {
        csv::ErrorKind::Io(io) => ImportError::Io(io),
        other => ImportError::Workbook(super::workbook_problem::WorkbookProblem::TextRecord {
            row,
            line,
            detail: format!("{other:?}"),
        }),
    }
}

/// Records per batch handed from the parsing thread to the building one.
const BATCH_ROWS: usize = 4096;

/// Parses records into batches (reusing the buffers sent back on `spare`) until the end of
/// the file, an error (sent as the last message) or the receiver hanging up.
fn read_batches(
    mut reader: csv::Reader<Box<dyn Read + Send>>,
    first_row: usize,
    tx: &std::sync::mpsc::SyncSender<Result<Vec<csv::ByteRecord>, ImportError>>,
    spare: &std::sync::mpsc::Receiver<Vec<csv::ByteRecord>>,
) {
    let mut row = first_row;
    loop {
        let mut batch = spare.try_recv().unwrap_or_default();
        let mut n = 0;
        let mut end = false;
        while n < BATCH_ROWS {
            if n == batch.len() {
                batch.push(csv::ByteRecord::new());
            }
            match reader.read_byte_record(&mut batch[n]) {
                Ok(true) => n += 1,
                Ok(false) => {
                    end = true;
                    break;
                }
                Err(e) => {
                    batch.truncate(n);
                    if n > 0 && tx.send(Ok(batch)).is_err() {
                        return;
                    }
                    // not sent only when the reader stopped already (an earlier error)
                    let _ = tx.send(Err(csv_error(e, row + n)));
                    return;
                }
            }
        }
        batch.truncate(n);
        row += n;
        if n > 0 && tx.send(Ok(batch)).is_err() {
            return;
        }
        if end {
            return;
        }
    }
}

/// Reads records up to and including the header row; returns the headers and the
/// header's row number.
fn read_headers(
    o: &mut Opened,
    header_row: Option<u32>,
    rec: &mut csv::ByteRecord,
) -> Result<(Vec<String>, usize), ImportError> {
    let target = header_row.unwrap_or(1).max(1) as usize;
    let mut row = 0usize;
    loop {
        if !o
            .reader
            .read_byte_record(rec)
            .map_err(|e| csv_error(e, row + 1))?
        {
            return Err(ImportError::Empty);
        }
        row += 1;
        let blank = rec.iter().all(|f| text::trim(f).is_empty());
        if row >= target && !blank {
            break;
        }
    }
    let headers = rec
        .iter()
        .map(|f| text::decode(text::trim(f), o.encoding).into_owned())
        .collect();
    Ok((headers, row))
}

/// Pushes one record (its line already set): a row with the wrong number of fields is
/// listed (or skipped), not pushed.
fn push_record(
    b: &mut ImportBuilder<'_>,
    rec: &csv::ByteRecord,
    row: usize,
    width: usize,
    delimiter: u8,
) -> Result<(), ImportError> {
    if rec.len() != width {
        let extra_blank =
            rec.len() > width && rec.iter().skip(width).all(|f| text::trim(f).is_empty());
        let all_blank = rec.iter().all(|f| text::trim(f).is_empty());
        if !extra_blank && !all_blank {
            let col = rec.len().min(width);
            let detail = CellDetail::FieldCount {
                fields: rec.len(),
                expected: width,
                delimiter,
            };
            let cell = b.cell_at(row, col, detail);
            b.row_failed(cell);
            return Ok(());
        }
    }
    b.push_row(row, rec)
}

/// Imports a CSV/TSV file. `chunk_bytes`: size of the chunks aggregated rows are read in
/// by worker threads (`None`: [`super::chunks::CHUNK_BYTES`]; `Some(0)`: no workers, rows
/// pushed one after the other).
pub(crate) fn import(
    base: &Dataset,
    path: &Path,
    mapping: Option<&Mapping>,
    ctx: &FileContext,
    progress: Option<&Progress<'_>>,
    chunk_bytes: Option<usize>,
) -> Result<Imported, ImportError> {
    Progress::report(progress, 0.0)?;
    let mut o = open(path)?;
    let mut rec = csv::ByteRecord::new();
    let header_row = mapping.and_then(|m| m.header_row);
    let (headers, mut row) = read_headers(&mut o, header_row, &mut rec)?;
    // the first rows are read ahead to guess roles from values, then imported first
    let mut ahead: Vec<csv::ByteRecord> = Vec::with_capacity(GUESS_ROWS);
    while ahead.len() < GUESS_ROWS {
        let mut r = csv::ByteRecord::new();
        if !o
            .reader
            .read_byte_record(&mut r)
            .map_err(|e| csv_error(e, row + ahead.len() + 1))?
        {
            break;
        }
        ahead.push(r);
    }
    let sample: Vec<Vec<String>> = ahead
        .iter()
        .map(|r| {
            r.iter()
                .map(|f| text::decode(f, o.encoding).into_owned())
                .collect()
        })
        .collect();
    let completed = Mapping::for_table(mapping, &headers, &sample, base);
    let mapping = &completed;
    let decimal_comma = mapping.decimal_comma.unwrap_or(o.delimiter != b',');
    let width = headers.len();
    let mut b = ImportBuilder::new(
        base,
        mapping,
        headers,
        Locator {
            header_row: row,
            ..Locator::default()
        },
        o.encoding,
        decimal_comma,
        ctx,
    )?;
    let total = o.total_bytes.max(1) as f64;
    let delimiter = o.delimiter;
    let push = |b: &mut ImportBuilder<'_>, rec: &csv::ByteRecord, row: usize| {
        push_record(b, rec, row, width, delimiter)
    };
    let line_shift = usize::from(o.crlf);
    let handle = |b: &mut ImportBuilder<'_>, rec: &csv::ByteRecord, row: usize| {
        b.set_line(rec.position().map(|p| p.line() as usize + line_shift));
        push(b, rec, row)?;
        if row.is_multiple_of(PROGRESS_EVERY_ROWS) {
            let byte = rec.position().map_or(0, |p| p.byte());
            Progress::report(progress, (byte as f64 / total) as f32)?;
        }
        Ok::<(), ImportError>(())
    };
    for rec in &ahead {
        row += 1;
        handle(&mut b, rec, row)?;
    }
    let chunk_bytes = chunk_bytes.unwrap_or(super::chunks::CHUNK_BYTES);
    let utf16 = matches!(o.encoding, Encoding::Utf16Le | Encoding::Utf16Be);
    if ahead.len() == GUESS_ROWS && chunk_bytes > 0 && !utf16 && b.can_fork() {
        // aggregated rows: chunks of the rest are parsed and aggregated on every core
        let pos = o.reader.position();
        let start = super::chunks::Start {
            offset: o.encoding.bom_len() as u64 + pos.byte(),
            rows_before: row,
            lines_before: (pos.line() as usize).saturating_sub(1),
        };
        super::chunks::run(
            &mut b,
            path,
            start,
            (delimiter, line_shift),
            chunk_bytes,
            &push,
            progress,
        )?;
    } else {
        // the rest is parsed on a second thread, in batches, while this one builds
        let first_row = row + 1;
        let reader = o.reader;
        std::thread::scope(|scope| -> Result<(), ImportError> {
            let (tx, rx) =
                std::sync::mpsc::sync_channel::<Result<Vec<csv::ByteRecord>, ImportError>>(4);
            let (spare_tx, spare_rx) = std::sync::mpsc::sync_channel::<Vec<csv::ByteRecord>>(8);
            scope.spawn(move || read_batches(reader, first_row, &tx, &spare_rx));
            for batch in rx {
                let batch = batch?;
                for rec in &batch {
                    row += 1;
                    handle(&mut b, rec, row)?;
                }
                // a batch handed back for reuse; when the pool is full it is dropped
                let _ = spare_tx.try_send(batch);
            }
            Ok(())
        })?;
    }
    b.finish_file(progress)
}

/// The header and first rows of a text file.
pub(crate) fn preview(
    path: &Path,
    header_row: Option<u32>,
    max_rows: usize,
) -> Result<FilePreview, ImportError> {
    let mut o = open(path)?;
    let mut rec = csv::ByteRecord::new();
    let (headers, mut row) = read_headers(&mut o, header_row, &mut rec)?;
    let mut rows = Vec::new();
    while rows.len() < max_rows
        && o.reader
            .read_byte_record(&mut rec)
            .map_err(|e| csv_error(e, row + 1))?
    {
        row += 1;
        rows.push(
            rec.iter()
                .map(|f| text::decode(f, o.encoding).into_owned())
                .collect(),
        );
    }
    Ok(FilePreview {
        headers,
        rows,
        sheets: Vec::new(),
        sheet: None,
        encoding: Some(o.encoding),
        delimiter: Some(o.delimiter as char),
        decimal_comma: o.delimiter != b',',
        saved: None,
        guess: Mapping::default(),
    })
}

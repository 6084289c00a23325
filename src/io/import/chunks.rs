/*!
Parallel reading of a large text table whose rows are aggregated (survey answers, contact
logs): the main thread reads the file in chunks of about [`CHUNK_BYTES`] cut at record
boundaries, worker threads (one per core) each parse and aggregate whole chunks with a fork
of the import's [`ImportBuilder`], and the main thread adds the chunks' results in file order, so
figures, problems, skipped rows and their row and line numbers are those of one pass.

A cut is made after a line break that ends a non-blank line, where the text since the
chunk's start holds no quote (no quoted field can span it); when quotes are present, the
chunk is parsed to find where its last complete record ends. A cut before `\n` of `\r\n`
keeps the line counting of the CSV reader (which ends the record at `\r`).
*/

use super::builder::ImportBuilder;
use super::builder::fork::Part;
use super::{ImportError, Progress};
use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Mutex;
use std::sync::mpsc;

/// Bytes per chunk handed to a worker (1 MiB: a few thousand rows).
pub(crate) const CHUNK_BYTES: usize = 1 << 20;

/// Where the chunked part of the file starts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Start {
    /// Byte offset in the file of the first record not read yet.
    pub offset: u64,
    /// Records read before it (header and blank ones included), as the reader numbers rows.
    pub rows_before: usize,
    /// Line breaks (`\n`) before it, after the byte-order mark.
    pub lines_before: usize,
}

/// How a chunk's records are pushed (field-count check, then [`Builder::push_row`]), with
/// the record's row number.
pub(crate) type PushRecord<'a> =
    &'a (dyn Fn(&mut ImportBuilder<'_>, &csv::ByteRecord, usize) -> Result<(), ImportError> + Sync);

/// What a worker returns for one chunk.
struct Done {
    part: Part,
    records: usize,
    lines: usize,
}

fn reader(bytes: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

/// Where to cut `buf` (which starts at a record boundary) so that the first part holds only
/// whole records; `None` when no complete record can be told apart yet.
fn cut(buf: &[u8], delimiter: u8) -> Option<usize> {
    let mut end = buf.len();
    while let Some(i) = buf[..end].iter().rposition(|&b| b == b'\n') {
        let (at, before) = if i >= 1 && buf[i - 1] == b'\r' {
            (i, i.checked_sub(2))
        } else {
            (i + 1, i.checked_sub(1))
        };
        if let Some(p) = before
            && buf[p] != b'\n'
            && buf[p] != b'\r'
        {
            if !buf[..at].contains(&b'"') {
                return Some(at);
            }
            break;
        }
        end = i;
    }
    // quotes: parse to find where the last record (perhaps cut by the buffer's end) starts
    let mut rdr = reader(buf, delimiter);
    let mut rec = csv::ByteRecord::new();
    let mut last_start = 0u64;
    while let Ok(true) = rdr.read_byte_record(&mut rec) {
        last_start = rec.position().map_or(0, |p| p.byte());
    }
    usize::try_from(last_start).ok().filter(|&s| s > 0)
}

/// Parses and pushes the records of one chunk; row numbers and lines count from the chunk.
fn work_chunk(
    b: &mut ImportBuilder<'_>,
    bytes: &[u8],
    (delimiter, line_shift): (u8, usize),
    push: PushRecord<'_>,
) -> Result<Done, ImportError> {
    let mut rdr = reader(bytes, delimiter);
    let mut rec = csv::ByteRecord::new();
    let mut records = 0usize;
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {
                records += 1;
                b.set_line(rec.position().map(|p| p.line() as usize + line_shift));
                push(b, &rec, records)?;
            }
            Ok(false) => break,
            Err(e) => return Err(super::csv::csv_error(e, records + 1)),
        }
    }
    // the reader counts every `\n` it reads (quoted ones too): at the end, all of them
    let lines = (rdr.position().line() as usize).saturating_sub(1);
    Ok(Done {
        part: b.take_part(),
        records,
        lines,
    })
}

/// Reads the rest of `path` from `start` in chunks of `chunk_bytes`, pushed by worker
/// forks of `b` and added to `b` in file order. `format`: the delimiter, and what to add
/// to the reader's line numbers (1 for `\r\n` line ends, see the CSV reader).
pub(crate) fn run(
    b: &mut ImportBuilder<'_>,
    path: &Path,
    start: Start,
    format: (u8, usize),
    chunk_bytes: usize,
    push: PushRecord<'_>,
    progress: Option<&Progress<'_>>,
) -> Result<(), ImportError> {
    let (mut file, total_bytes) = crate::io::read::open_regular(path, u64::MAX)?;
    file.seek(SeekFrom::Start(start.offset))?;
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
    let chunk_bytes = chunk_bytes.max(1);
    let forks: Vec<ImportBuilder<'_>> = (0..workers).map(|_| b.fork()).collect();
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Vec<u8>)>(workers * 2);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Result<Done, ImportError>)>();
    // chunk buffers go back to the reader to be filled again
    let (spare_tx, spare_rx) = mpsc::sync_channel::<Vec<u8>>(workers * 4);
    std::thread::scope(|scope| -> Result<(), ImportError> {
        for mut fork in forks {
            let (job_rx, done_tx, spare_tx) = (&job_rx, done_tx.clone(), spare_tx.clone());
            scope.spawn(move || {
                loop {
                    let job = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((ix, mut bytes)) = job else { return };
                    let r = work_chunk(&mut fork, &bytes, format, push);
                    bytes.clear();
                    // a buffer handed back for reuse; when the pool is full it is dropped
                    let _ = spare_tx.try_send(bytes);
                    if done_tx.send((ix, r)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let mut merger = Merger {
            next: 0,
            rows_before: start.rows_before,
            lines_before: start.lines_before,
            pending: BTreeMap::new(),
        };
        let mut carry: Vec<u8> = Vec::new();
        let mut want = chunk_bytes;
        let mut sent = 0usize;
        let mut read_bytes = start.offset;
        loop {
            let mut buf = spare_rx.try_recv().unwrap_or_default();
            buf.reserve(want.max(carry.len()) + 1);
            buf.append(&mut carry);
            let need = want.saturating_sub(buf.len()) as u64;
            let got = (&mut file).take(need).read_to_end(&mut buf)?;
            read_bytes += got as u64;
            let eof = (got as u64) < need;
            let bytes = if eof {
                buf
            } else {
                match cut(&buf, format.0) {
                    Some(at) => {
                        carry.extend_from_slice(&buf[at..]);
                        buf.truncate(at);
                        want = chunk_bytes;
                        buf
                    }
                    None => {
                        // one record longer than the chunk: read on
                        carry = buf;
                        want = want.saturating_mul(2);
                        continue;
                    }
                }
            };
            if !bytes.is_empty() {
                if job_tx.send((sent, bytes)).is_err() {
                    break;
                }
                sent += 1;
            }
            Progress::report(
                progress,
                (read_bytes as f64 / total_bytes.max(1) as f64) as f32,
            )?;
            while let Ok((ix, r)) = done_rx.try_recv() {
                merger.pending.insert(ix, r);
            }
            merger.drain(b)?;
            if eof {
                break;
            }
        }
        drop(job_tx);
        while merger.next < sent {
            let Ok((ix, r)) = done_rx.recv() else { break };
            merger.pending.insert(ix, r);
            merger.drain(b)?;
        }
        Ok(())
    })
}

/// Chunk results waiting to be added in file order.
struct Merger {
    next: usize,
    rows_before: usize,
    lines_before: usize,
    pending: BTreeMap<usize, Result<Done, ImportError>>,
}

impl Merger {
    fn drain(&mut self, b: &mut ImportBuilder<'_>) -> Result<(), ImportError> {
        while let Some(r) = self.pending.remove(&self.next) {
            let done = r?;
            b.absorb(done.part, self.rows_before, self.lines_before);
            self.rows_before += done.records;
            self.lines_before += done.lines;
            self.next += 1;
        }
        Ok(())
    }
}

/*!
Streaming load of large RON dataset files: the `observations` list is read in chunks and
each record goes straight into the dataset's columnar table, so memory holds the table and
one chunk of text instead of the whole text plus a list of parsed records (1M observations:
about 80 MB instead of 380 MB).

The file's parts before the list (`meta`, `sources`, `regions`, `channels`, `indicators`)
are parsed by `ron` and validated first, then the records (in the plain form of
[`super::ron_fast`]) are validated one by one with [`super::validate::add_observation`]
and across rows (channel mix, duplicates) at the end of the list, then what follows the list (`practices`). Any record or part outside that form makes
[`load`] return `None`, and the caller reads the file the ordinary way, which reports the
located error; so a file loads the same through either path.
*/

use super::error::LoadError;
use super::ron_file::{self, DatasetFile};
use super::validate::{self, ValidationReport};
use super::{MAX_FILE_BYTES, ron_fast};
use crate::model::Dataset;
use std::io::Read;
use std::path::Path;

/// Bytes read at a time.
const CHUNK_BYTES: usize = 1024 * 1024;
/// Longest part before the observation list read by this path (the catalogue).
const MAX_HEAD_BYTES: usize = 16 * 1024 * 1024;
/// Longest record this path waits for before leaving the file to the ordinary reader.
const MAX_RECORD_BYTES: usize = 1024 * 1024;

/// A file read chunk by chunk: `text[pos..]` is the text not yet consumed. Each chunk is
/// checked as UTF-8 once, when it is read; a character cut by a chunk boundary waits in
/// `pending` for the next chunk.
struct Window {
    reader: std::io::Take<std::fs::File>,
    chunk: usize,
    text: String,
    pending: Vec<u8>,
    raw: Vec<u8>,
    pos: usize,
    eof: bool,
    /// Not valid UTF-8: left to the whole-file reader, which locates the error.
    bad: bool,
}

impl Window {
    /// Reads one more chunk; `Ok(false)` at the end of the file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.pos > self.chunk {
            self.text.drain(..self.pos);
            self.pos = 0;
        }
        self.raw.clear();
        self.raw.append(&mut self.pending);
        let before = self.raw.len();
        self.raw.resize(before + self.chunk, 0);
        let n = loop {
            match self.reader.read(&mut self.raw[before..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        self.raw.truncate(before + n);
        if n == 0 {
            self.eof = true;
            // bytes of a character the file never finished
            self.bad |= !self.raw.is_empty();
            return Ok(false);
        }
        match std::str::from_utf8(&self.raw) {
            Ok(t) => self.text.push_str(t),
            Err(e) if e.error_len().is_none() => {
                let (valid, rest) = self.raw.split_at(e.valid_up_to());
                self.text
                    .push_str(std::str::from_utf8(valid).unwrap_or_default());
                self.pending.extend_from_slice(rest);
            }
            Err(_) => self.bad = true,
        }
        Ok(true)
    }

    /// The text not yet consumed; `None` when the file is not valid UTF-8.
    fn text(&self) -> Option<&str> {
        (!self.bad).then(|| &self.text[self.pos..])
    }
}

/// Loads `path` on top of `base` by streaming its observations. `None`: the file is not in
/// the form this path reads (or could not be opened); read it with
/// [`ron_file::read_text`] and [`ron_file::parse`] instead, which report the error.
pub fn load(base: &Dataset, path: &Path) -> Option<Result<Dataset, LoadError>> {
    load_chunked(base, path, CHUNK_BYTES)
}

/// [`load`] reading `chunk_bytes` at a time (tests use tiny chunks so that records and
/// characters straddle chunk boundaries).
pub fn load_chunked(
    base: &Dataset,
    path: &Path,
    chunk_bytes: usize,
) -> Option<Result<Dataset, LoadError>> {
    let chunk = chunk_bytes.max(1);
    let (file, _) = super::read::open_regular(path, MAX_FILE_BYTES).ok()?;
    let mut w = Window {
        reader: file.take(MAX_FILE_BYTES),
        chunk,
        text: String::with_capacity(2 * chunk),
        pending: Vec::new(),
        raw: Vec::with_capacity(chunk + 4),
        pos: 0,
        eof: false,
        bad: false,
    };
    // 1. the catalogue, up to the `[` of the observation list
    let start = loop {
        let more = w.fill().ok()?;
        if w.pos == 0 && w.text.starts_with('\u{feff}') {
            w.pos = '\u{feff}'.len_utf8();
        }
        let text = w.text()?;
        if let Some(start) = ron_fast::find_observations_start(text) {
            break start;
        }
        if !more || w.text.len() > MAX_HEAD_BYTES {
            return None;
        }
    };
    let head_text = format!("{}[])", &w.text()?[..start]);
    let head: DatasetFile<'_> = ron_file::parse(&head_text, path).ok()?;
    if !head.observations.is_empty() {
        return None;
    }
    let mut ds = validate::build(base, &head).ok()?;
    w.pos += start + 1;

    // 2. the observations, one record at a time
    let mut rep = ValidationReport::default();
    let first_new = ds.observations().len();
    let mut i = 0usize;
    // file record number (1-based) of each row added, to name duplicates
    let mut record_of_row: Vec<usize> = Vec::new();
    // after a record: a `,` or the closing `]` comes next
    let mut after_record = false;
    loop {
        let text = w.text()?;
        let at = ron_fast::skip_blank(text, 0)?;
        let next = text.as_bytes().get(at).copied();
        match next {
            Some(b']') => {
                w.pos += at + 1;
                break;
            }
            Some(b',') if after_record => {
                w.pos += at + 1;
                after_record = false;
            }
            Some(b'(') if !after_record => match ron_fast::parse_record(text, at) {
                Some((rec, end)) => {
                    if validate::add_observation(&mut ds, i, &rec, &mut rep) {
                        record_of_row.push(i + 1);
                    }
                    i += 1;
                    w.pos += end;
                    after_record = true;
                }
                None => {
                    if w.eof || text.len() - at > MAX_RECORD_BYTES {
                        return None;
                    }
                    w.fill().ok()?;
                }
            },
            Some(_) => return None,
            None => {
                if !w.fill().ok()? {
                    return None;
                }
            }
        }
    }
    validate::check_observation_rows(&ds, first_new, &record_of_row, &mut rep);

    // 3. what follows the list: practices only (anything else is left to the full reader,
    //    which checks order and duplicates)
    let mut tail = std::mem::take(&mut w.pending);
    w.reader.read_to_end(&mut tail).ok()?;
    let tail = format!("{}{}", w.text()?, String::from_utf8(tail).ok()?);
    let tail_text = format!("Dataset(observations: []{tail}");
    let tail_file: DatasetFile<'_> = ron_file::parse(&tail_text, path).ok()?;
    let only_practices = tail_file.meta.is_none()
        && tail_file.sources.is_empty()
        && tail_file.regions.is_empty()
        && tail_file.channels.is_empty()
        && tail_file.indicators.is_empty()
        && tail_file.observations.is_empty()
        && (head.practices.is_empty() || tail_file.practices.is_empty());
    if !only_practices {
        return None;
    }
    // the head's practices were checked by `build`
    validate::check_practices(&mut ds, &tail_file, &mut rep);
    Some(if rep.is_empty() {
        Ok(ds)
    } else {
        Err(LoadError::Invalid {
            path: path.to_owned(),
            report: rep,
        })
    })
}

/*!
The servicescope RON format: one `Dataset(...)` with optional `meta` and lists of `sources`,
`regions`, `channels`, `segments`, `indicators`, `observations` and `practices` (documented with a full
example in `data/README.md`). `Option` fields may be written bare (`value: 12.5`) because
files are read with RON's `implicit_some` extension.
*/

use super::error::LoadError;
use super::{MAX_FILE_BYTES, MAX_NESTING};
use crate::model::{
    Channel, Dataset, Indicator, Meta, Observation, ObservationRecord, Practice, Region, Segment,
    Source,
};
use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::path::Path;

/// A dataset file as written on disk, before validation. Ids are plain strings; observation
/// strings borrow from the file text where they can, so large files parse without copies.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Dataset", deny_unknown_fields)]
pub struct DatasetFile<'a> {
    /// Metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Regions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<Region>,
    /// Channels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// Segments (companies, brands, sectors).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Segment>,
    /// Indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Observations.
    #[serde(default, borrow, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<ObservationRecord<'a>>,
    /// Practices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub practices: Vec<Practice>,
}

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// Reads a dataset file's text (at most [`MAX_FILE_BYTES`], regular files only; see
/// [`super::read`]).
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    read_text_limited(path, MAX_FILE_BYTES)
}

/// Reads a file's text, at most `limit_bytes`, regular files only. A UTF-8 byte-order mark
/// is dropped; invalid UTF-8 is a syntax error at its line and character column.
pub fn read_text_limited(path: &Path, limit_bytes: u64) -> Result<String, LoadError> {
    let mut bytes = read_bytes_limited(path, limit_bytes)?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let (line, column) =
            super::read::utf8_error_position(e.as_bytes(), e.utf8_error().valid_up_to());
        LoadError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: crate::i18n::Msg::SynNotUtf8
                .get(crate::i18n::Lang::En)
                .to_owned(),
            problem: super::syntax::SyntaxProblem::NotUtf8,
        }
    })
}

/// Reads a dataset file's bytes (at most [`MAX_FILE_BYTES`], regular files only).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_bytes_limited(path, MAX_FILE_BYTES)
}

/// Reads a file's bytes, at most `limit_bytes`, regular files only ([`super::read`]).
pub fn read_bytes_limited(path: &Path, limit_bytes: u64) -> Result<Vec<u8>, LoadError> {
    super::read::read_limited(path, limit_bytes).map_err(|e| LoadError::from_read(path, e))
}

/// Parses RON text. Errors carry the 1-based line and column and what was expected.
///
/// The `observations` list, the only part that grows large, goes through the fast path of
/// [`super::ron_fast`] when it is in plain form; everything else, and every error, is
/// `ron`'s.
pub fn parse<'a>(text: &'a str, path: &Path) -> Result<DatasetFile<'a>, LoadError> {
    // a byte-order mark, as some Windows editors write, is not part of the text
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(file) = parse_fast(text) {
        return Ok(file);
    }
    options()
        .from_str::<DatasetFile<'a>>(text)
        .map_err(|e| LoadError::Syntax {
            path: path.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: super::read::cap_message(&e.code.to_string()).into_owned(),
            problem: super::syntax::SyntaxProblem::Ron(Box::new(e.code)),
        })
}

/// The fast path: observations parsed by [`super::ron_fast`], the rest (with an empty
/// observation list in its place) by `ron`. `None` whenever either part is not plain.
fn parse_fast(text: &str) -> Option<DatasetFile<'_>> {
    let (start, end) = super::ron_fast::find_observations(text)?;
    let observations = super::ron_fast::parse_observations(text, start, end)?;
    let rest = format!("{}[]{}", &text[..start], &text[end..]);
    let head = options().from_str::<DatasetFile<'_>>(&rest).ok()?;
    Some(DatasetFile {
        meta: head.meta,
        sources: head.sources,
        regions: head.regions,
        channels: head.channels,
        segments: head.segments,
        indicators: head.indicators,
        observations,
        practices: head.practices,
    })
}

/// The file form of observation row `r` of `ds`, with string ids borrowed from `ds`.
pub fn record<'d>(ds: &'d Dataset, r: &Observation<'d>) -> ObservationRecord<'d> {
    ObservationRecord {
        region: Cow::Borrowed(ds.regions().id_at(r.region).unwrap_or("")),
        channel: r
            .channel
            .map(|c| Cow::Borrowed(ds.channels().id_at(c).unwrap_or(""))),
        segment: r
            .segment
            .map(|s| Cow::Borrowed(ds.segments().id_at(s).unwrap_or(""))),
        indicator: Cow::Borrowed(ds.indicators().id_at(r.indicator).unwrap_or("")),
        period: r.period,
        value: r.value,
        sample_size: r.sample_size,
        margin: r.margin,
        source: Some(Cow::Borrowed(ds.sources().id_at(r.source).unwrap_or(""))),
        grade: Some(r.grade),
        note: r.note.map(Cow::Borrowed),
    }
}

/// Converts a dataset back to its file form (all records, observations with string ids).
pub fn to_file(ds: &Dataset) -> DatasetFile<'_> {
    let observations = ds.observations().rows().map(|r| record(ds, &r)).collect();
    DatasetFile {
        meta: Some(ds.meta().clone()),
        sources: ds.sources().as_slice().to_vec(),
        regions: ds.regions().as_slice().to_vec(),
        channels: ds.channels().as_slice().to_vec(),
        segments: ds.segments().as_slice().to_vec(),
        indicators: ds.indicators().as_slice().to_vec(),
        observations,
        practices: ds.practices().as_slice().to_vec(),
    }
}

/// Writes a file form as pretty RON: one observation per line, `implicit_some` enabled.
pub fn to_ron_string(file: &DatasetFile<'_>) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::new()
        .depth_limit(3)
        .struct_names(true)
        .extensions(Extensions::IMPLICIT_SOME);
    options().to_string_pretty(file, pretty)
}

/// Why a dataset could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Serialisation failed.
    #[error("cannot write the dataset as RON: {0}")]
    Ron(#[from] ron::Error),
    /// The file could not be written.
    #[error(transparent)]
    Write(#[from] super::atomic::WriteError),
}

/// Saves a dataset atomically as RON. With `overwrite == false` an existing file is an error.
pub fn save(ds: &Dataset, path: &Path, overwrite: bool) -> Result<(), SaveError> {
    let text = to_ron_string(&to_file(ds))?;
    super::atomic::write_atomic(path, text.as_bytes(), overwrite)?;
    Ok(())
}

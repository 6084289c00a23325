/*!
Observations, stored by column.

A dataset can hold a million observations, so they are kept as parallel columns of typed
indices into the catalogue tables ([`crate::model::Ix`], 4 bytes; the channel and segment
columns hold `Option`s of them, also 4 bytes, `None` for all channels or the whole region),
periods (4 bytes) and `Option<f64>` values, not as a list of maps. [`ObservationRecord`] is
the row form used by files; rows are added as [`Observation`]s through
[`crate::model::Dataset::push_observation`], which checks every index.
*/

use super::index::{ChannelIx, IndicatorIx, RegionIx, SegmentIx, SourceIx};
use super::period::Period;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How much a value can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Grade {
    /// Published figure, cited.
    Measured,
    /// Derived from published figures, the derivation is in the note.
    Estimated,
    /// Invented for illustration; never to be presented as a fact.
    Illustrative,
}

impl Grade {
    /// All grades, most trusted first.
    pub const ALL: [Grade; 3] = [Grade::Measured, Grade::Estimated, Grade::Illustrative];

    /// Display name.
    pub fn label(self, lang: super::Lang) -> &'static str {
        match self {
            Grade::Measured => crate::i18n::Msg::GradeMeasured,
            Grade::Estimated => crate::i18n::Msg::GradeEstimated,
            Grade::Illustrative => crate::i18n::Msg::GradeIllustrative,
        }
        .get(lang)
    }
}

/// One observation as written in a file, with string ids. `source` and `grade` are optional
/// here only so that their absence is reported by validation, naming the record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObservationRecord<'a> {
    /// Region id.
    #[serde(borrow)]
    pub region: Cow<'a, str>,
    /// Channel id; `None` for all channels together.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Cow<'a, str>>,
    /// Segment id (company, brand or sector); `None` for the whole region.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub segment: Option<Cow<'a, str>>,
    /// Indicator id.
    #[serde(borrow)]
    pub indicator: Cow<'a, str>,
    /// Period.
    pub period: Period,
    /// Value in the indicator's unit; `None` when not available.
    #[serde(default)]
    pub value: Option<f64>,
    /// Number of respondents or contacts behind the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_size: Option<u32>,
    /// Margin of error (±, 95 %), in the indicator's unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<f64>,
    /// Source id.
    #[serde(default, borrow)]
    pub source: Option<Cow<'a, str>>,
    /// Grade.
    #[serde(default)]
    pub grade: Option<Grade>,
    /// Free note: derivation, definition caveats, on what an illustrative value rests.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// One observation by value, with catalogue indices: what [`ObservationTable::row`] reads
/// and what [`crate::model::Dataset::push_observation`] appends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Observation<'t> {
    /// Index into `Dataset::regions`.
    pub region: RegionIx,
    /// Index into `Dataset::channels`, `None` for all channels.
    pub channel: Option<ChannelIx>,
    /// Index into `Dataset::segments`, `None` for the whole region.
    pub segment: Option<SegmentIx>,
    /// Index into `Dataset::indicators`.
    pub indicator: IndicatorIx,
    /// Period.
    pub period: Period,
    /// Value, `None` when missing.
    pub value: Option<f64>,
    /// Number of respondents or contacts behind the value.
    pub sample_size: Option<u32>,
    /// Margin of error (±, 95 %), in the indicator's unit.
    pub margin: Option<f64>,
    /// Index into `Dataset::sources`.
    pub source: SourceIx,
    /// Grade.
    pub grade: Grade,
    /// Note.
    pub note: Option<&'t str>,
}

/// Observations as parallel columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ObservationTable {
    region: Vec<RegionIx>,
    channel: Vec<Option<ChannelIx>>,
    segment: Vec<Option<SegmentIx>>,
    indicator: Vec<IndicatorIx>,
    period: Vec<Period>,
    value: Vec<Option<f64>>,
    sample_size: Vec<Option<u32>>,
    margin: Vec<Option<f64>>,
    source: Vec<SourceIx>,
    grade: Vec<Grade>,
    note: Vec<Option<Box<str>>>,
    /// The first this many rows come from the bundled benchmark; the rest are the user's.
    bundled_rows: usize,
}

impl ObservationTable {
    /// Empty table with room for `n` rows.
    pub fn with_capacity(n: usize) -> Self {
        Self {
            region: Vec::with_capacity(n),
            channel: Vec::with_capacity(n),
            segment: Vec::with_capacity(n),
            indicator: Vec::with_capacity(n),
            period: Vec::with_capacity(n),
            value: Vec::with_capacity(n),
            sample_size: Vec::with_capacity(n),
            margin: Vec::with_capacity(n),
            source: Vec::with_capacity(n),
            grade: Vec::with_capacity(n),
            note: Vec::with_capacity(n),
            bundled_rows: 0,
        }
    }

    /// Reserves room for `n` more rows.
    pub(in crate::model) fn reserve(&mut self, n: usize) {
        self.region.reserve(n);
        self.channel.reserve(n);
        self.segment.reserve(n);
        self.indicator.reserve(n);
        self.period.reserve(n);
        self.value.reserve(n);
        self.sample_size.reserve(n);
        self.margin.reserve(n);
        self.source.reserve(n);
        self.grade.reserve(n);
        self.note.reserve(n);
    }

    /// Marks every row present as coming from the bundled benchmark (rows added later are
    /// the user's own data, which wins over bundled values: see [`crate::analysis::latest`]).
    pub(in crate::model) fn mark_bundled(&mut self) {
        self.bundled_rows = self.len();
    }

    /// Whether row `i` comes from the bundled benchmark.
    pub fn is_bundled(&self, i: usize) -> bool {
        i < self.bundled_rows
    }

    /// Whether the table holds both bundled rows and the user's own rows.
    pub fn has_bundled_and_own(&self) -> bool {
        self.bundled_rows > 0 && self.len() > self.bundled_rows
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.region.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.region.is_empty()
    }

    /// Appends a row. Only [`crate::model::Dataset::push_observation`] calls this, after
    /// checking that every index belongs to the dataset.
    #[inline]
    pub(in crate::model) fn push(&mut self, row: Observation<'_>) {
        self.region.push(row.region);
        self.channel.push(row.channel);
        self.segment.push(row.segment);
        self.indicator.push(row.indicator);
        self.period.push(row.period);
        self.value.push(row.value);
        self.sample_size.push(row.sample_size);
        self.margin.push(row.margin);
        self.source.push(row.source);
        self.grade.push(row.grade);
        self.note.push(row.note.map(Box::from));
    }

    /// [`ObservationTable::push`] for unit tests of the crate, with made-up indices.
    #[cfg(test)]
    pub(crate) fn push_for_test(&mut self, row: Observation<'_>) {
        self.push(row);
    }

    /// Drops every row from `len` on (rows of an import row found faulty).
    pub(in crate::model) fn truncate(&mut self, len: usize) {
        self.region.truncate(len);
        self.channel.truncate(len);
        self.segment.truncate(len);
        self.indicator.truncate(len);
        self.period.truncate(len);
        self.value.truncate(len);
        self.sample_size.truncate(len);
        self.margin.truncate(len);
        self.source.truncate(len);
        self.grade.truncate(len);
        self.note.truncate(len);
        self.bundled_rows = self.bundled_rows.min(len);
    }

    /// Row `i` (panics if out of bounds, like slice indexing).
    pub fn row(&self, i: usize) -> Observation<'_> {
        Observation {
            region: self.region[i],
            channel: self.channel[i],
            segment: self.segment[i],
            indicator: self.indicator[i],
            period: self.period[i],
            value: self.value[i],
            sample_size: self.sample_size[i],
            margin: self.margin[i],
            source: self.source[i],
            grade: self.grade[i],
            note: self.note[i].as_deref(),
        }
    }

    /// All rows in order.
    pub fn rows(&self) -> impl Iterator<Item = Observation<'_>> + '_ {
        (0..self.len()).map(|i| self.row(i))
    }

    /// Region column.
    pub fn region_col(&self) -> &[RegionIx] {
        &self.region
    }
    /// Channel column (`None` = all channels).
    pub fn channel_col(&self) -> &[Option<ChannelIx>] {
        &self.channel
    }
    /// Segment column (`None` = the whole region).
    pub fn segment_col(&self) -> &[Option<SegmentIx>] {
        &self.segment
    }
    /// Indicator column.
    pub fn indicator_col(&self) -> &[IndicatorIx] {
        &self.indicator
    }
    /// Period column.
    pub fn period_col(&self) -> &[Period] {
        &self.period
    }
    /// Source column.
    pub fn source_col(&self) -> &[SourceIx] {
        &self.source
    }
    /// Value column.
    pub fn value_col(&self) -> &[Option<f64>] {
        &self.value
    }
}

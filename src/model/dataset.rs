/*!
[`Dataset`]: catalogue tables with id look-up, plus the observation table.

The fields are private: a `Dataset` is read through accessors ([`Dataset::regions`],
[`Dataset::observations`], …) and grows only through methods that keep it consistent.
Catalogue records are added by [`crate::io::validate`] and the import builder (through the
crate-internal `*_mut` accessors, after checking ids, ranges and required fields), and an
observation is added with [`Dataset::push_observation`], which refuses an index that does
not exist in this dataset. `Dataset::default()` is an empty, consistent dataset.
*/

use super::catalog::{Channel, Indicator, Meta, Practice, Region, Segment, Source};
use super::index::Ix;
use super::observations::{Observation, ObservationTable};
use std::collections::HashMap;
use std::fmt;

/// Something with a string id.
pub trait Keyed {
    /// The record's id.
    fn key(&self) -> &str;
}

macro_rules! keyed {
    ($($t:ty),*) => {$(
        impl Keyed for $t {
            fn key(&self) -> &str {
                self.id.as_str()
            }
        }
    )*};
}
keyed!(Source, Region, Channel, Segment, Indicator, Practice);

/// Why [`Table::push`] refused a record.
#[derive(thiserror::Error)]
pub enum PushError<T> {
    /// A record with the same id is already present, at this index.
    #[error("a record with this id is already present at position {}", .0.position())]
    Duplicate(Ix<T>),
    /// The table holds `u32::MAX` records already.
    #[error("the table is full")]
    Full,
}

impl<T> fmt::Debug for PushError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PushError::Duplicate(ix) => write!(f, "Duplicate({ix:?})"),
            PushError::Full => f.write_str("Full"),
        }
    }
}

/// A list of records with look-up by id. Indices are stable: records are only appended.
#[derive(Clone, Debug, PartialEq)]
pub struct Table<T> {
    items: Vec<T>,
    index: HashMap<String, Ix<T>>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T> Table<T> {
    /// Record at index `ix`; `None` when this table has no record there (an index of
    /// another, longer table of the same kind).
    #[inline]
    pub fn at(&self, ix: Ix<T>) -> Option<&T> {
        self.items.get(ix.position())
    }

    /// Record at index `ix`, to change fields other than its id.
    pub(crate) fn at_mut(&mut self, ix: Ix<T>) -> Option<&mut T> {
        self.items.get_mut(ix.position())
    }

    /// The index of the record at `position` (0-based), when there is one.
    #[inline]
    pub fn ix_at(&self, position: usize) -> Option<Ix<T>> {
        if position < self.items.len() {
            Ix::from_position(position)
        } else {
            None
        }
    }

    /// The indices of every record, in order.
    pub fn indices(&self) -> impl Iterator<Item = Ix<T>> + '_ {
        (0..self.items.len()).filter_map(Ix::from_position)
    }

    /// Every record with its index, in order.
    pub fn iter_ix(&self) -> impl Iterator<Item = (Ix<T>, &T)> + '_ {
        self.indices().zip(self.items.iter())
    }

    /// Whether `ix` points at a record of this table.
    #[inline]
    pub fn contains(&self, ix: Ix<T>) -> bool {
        ix.position() < self.items.len()
    }

    /// All records in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// Records as a slice.
    pub fn as_slice(&self) -> &[T] {
        &self.items
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl<T: Keyed> Table<T> {
    /// Appends a record; refuses it when its id is already present.
    pub fn push(&mut self, item: T) -> Result<Ix<T>, PushError<T>> {
        if let Some(&ix) = self.index.get(item.key()) {
            return Err(PushError::Duplicate(ix));
        }
        let ix = Ix::from_position(self.items.len()).ok_or(PushError::Full)?;
        self.index.insert(item.key().to_owned(), ix);
        self.items.push(item);
        Ok(ix)
    }

    /// Index of the record with `id`.
    #[inline]
    pub fn ix(&self, id: &str) -> Option<Ix<T>> {
        self.index.get(id).copied()
    }

    /// Record with `id`.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.ix(id).and_then(|i| self.at(i))
    }

    /// The id of the record at `ix`; `None` when this table has no record there.
    #[inline]
    pub fn id_at(&self, ix: Ix<T>) -> Option<&str> {
        self.at(ix).map(Keyed::key)
    }
}

/// An observation refused by [`Dataset::push_observation`]: one of its indices points at no
/// record of this dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "observation refused: its {what} index {position} is past the {len} {what} records of this dataset"
)]
pub struct UnknownIndex {
    /// Which table (`region`, `channel`, `segment`, `indicator`, `source`).
    pub what: &'static str,
    /// The position the index points at.
    pub position: usize,
    /// How many records that table holds.
    pub len: usize,
}

fn check<T>(table: &Table<T>, ix: Ix<T>, what: &'static str) -> Result<(), UnknownIndex> {
    if table.contains(ix) {
        Ok(())
    } else {
        Err(UnknownIndex {
            what,
            position: ix.position(),
            len: table.len(),
        })
    }
}

/// A consistent dataset: every observation and practice refers to records that exist.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    meta: Meta,
    sources: Table<Source>,
    regions: Table<Region>,
    channels: Table<Channel>,
    segments: Table<Segment>,
    indicators: Table<Indicator>,
    practices: Table<Practice>,
    observations: ObservationTable,
}

impl Dataset {
    /// Metadata of the first file loaded.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }
    /// Sources.
    pub fn sources(&self) -> &Table<Source> {
        &self.sources
    }
    /// Regions.
    pub fn regions(&self) -> &Table<Region> {
        &self.regions
    }
    /// Channels.
    pub fn channels(&self) -> &Table<Channel> {
        &self.channels
    }
    /// Segments (companies, brands, sectors).
    pub fn segments(&self) -> &Table<Segment> {
        &self.segments
    }
    /// Indicators.
    pub fn indicators(&self) -> &Table<Indicator> {
        &self.indicators
    }
    /// Practices.
    pub fn practices(&self) -> &Table<Practice> {
        &self.practices
    }
    /// Observations, by column.
    pub fn observations(&self) -> &ObservationTable {
        &self.observations
    }

    /// Metadata, to change (validation takes the first file's).
    pub(crate) fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
    /// Sources, to add to (validation and import, after checking ids).
    pub(crate) fn sources_mut(&mut self) -> &mut Table<Source> {
        &mut self.sources
    }
    /// Regions, to add to (validation and import, after checking ids).
    pub(crate) fn regions_mut(&mut self) -> &mut Table<Region> {
        &mut self.regions
    }
    /// Channels, to add to (validation, after checking ids).
    pub(crate) fn channels_mut(&mut self) -> &mut Table<Channel> {
        &mut self.channels
    }
    /// Segments, to add to (validation and import, after checking ids).
    pub(crate) fn segments_mut(&mut self) -> &mut Table<Segment> {
        &mut self.segments
    }
    /// Indicators, to add to (validation and import, after checking ids and ranges).
    pub(crate) fn indicators_mut(&mut self) -> &mut Table<Indicator> {
        &mut self.indicators
    }
    /// Practices, to add to (validation, after checking their references).
    pub(crate) fn practices_mut(&mut self) -> &mut Table<Practice> {
        &mut self.practices
    }

    /// Appends an observation when each of its indices points at a record of this dataset;
    /// returns its row number. Values, ranges and duplicates are checked by `io::validate`
    /// and the importer before they call this.
    #[inline]
    pub fn push_observation(&mut self, row: Observation<'_>) -> Result<usize, UnknownIndex> {
        check(&self.regions, row.region, "region")?;
        if let Some(c) = row.channel {
            check(&self.channels, c, "channel")?;
        }
        if let Some(s) = row.segment {
            check(&self.segments, s, "segment")?;
        }
        check(&self.indicators, row.indicator, "indicator")?;
        check(&self.sources, row.source, "source")?;
        let at = self.observations.len();
        self.observations.push(row);
        Ok(at)
    }

    /// Reserves room for `n` more observations.
    pub fn reserve_observations(&mut self, n: usize) {
        self.observations.reserve(n);
    }

    /// Drops every observation from row `len` on (the rows of an import row found faulty).
    pub fn truncate_observations(&mut self, len: usize) {
        self.observations.truncate(len);
    }

    /// Marks every observation present as coming from the bundled benchmark.
    pub fn mark_bundled(&mut self) {
        self.observations.mark_bundled();
    }

    /// The catalogue only (sources, regions, channels, segments, indicators), without observations or
    /// practices: the base that user files are resolved against.
    pub fn catalog(&self) -> Dataset {
        Dataset {
            meta: self.meta.clone(),
            sources: self.sources.clone(),
            regions: self.regions.clone(),
            channels: self.channels.clone(),
            segments: self.segments.clone(),
            indicators: self.indicators.clone(),
            practices: Table::default(),
            observations: ObservationTable::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::{RegionKind, SegmentKind, SourceKind, Unit};
    use crate::model::{Direction, Grade, IndicatorGroup, Period, Text};

    fn region(id: &str) -> Region {
        Region {
            id: id.into(),
            name: Text::same(id),
            kind: RegionKind::Country,
            members: Vec::new(),
            parent: None,
            iso: None,
            colour: None,
            aliases: Vec::new(),
        }
    }

    /// Two regions, one channel, one segment, one indicator, one source.
    fn small() -> Dataset {
        let mut ds = Dataset::default();
        for id in ["uk", "france"] {
            assert!(ds.regions_mut().push(region(id)).is_ok());
        }
        let channel = Channel {
            id: "phone".into(),
            name: Text::same("Phone"),
            aliases: Vec::new(),
        };
        assert!(ds.channels_mut().push(channel).is_ok());
        let segment = Segment {
            id: "banks".into(),
            name: Text::same("Banks"),
            kind: SegmentKind::Sector,
            aliases: Vec::new(),
        };
        assert!(ds.segments_mut().push(segment).is_ok());
        let indicator = Indicator {
            id: "fcr_pct".into(),
            name: Text::same("FCR"),
            definition: Text::same("First-contact resolution"),
            unit: Unit::Percent,
            direction: Direction::HigherIsBetter,
            group: IndicatorGroup::Operations,
            channel_specific: true,
            channel_mix: false,
        };
        assert!(ds.indicators_mut().push(indicator).is_ok());
        let source = Source {
            id: "s1".into(),
            title: "Survey".into(),
            publisher: "Someone".into(),
            author: None,
            date: "2020".into(),
            address: None,
            kind: SourceKind::Survey,
            note: None,
            label: None,
            title_fr: None,
            label_fr: None,
        };
        assert!(ds.sources_mut().push(source).is_ok());
        ds
    }

    fn row(region: usize) -> Observation<'static> {
        Observation {
            region: Ix::for_test(region),
            channel: Some(Ix::for_test(0)),
            segment: Some(Ix::for_test(0)),
            indicator: Ix::for_test(0),
            period: Period::year(2020),
            value: Some(71.5),
            sample_size: Some(1200),
            margin: Some(2.5),
            source: Ix::for_test(0),
            grade: Grade::Estimated,
            note: Some("derived from two tables"),
        }
    }

    #[test]
    fn default_dataset_is_empty() {
        let ds = Dataset::default();
        assert!(ds.regions().is_empty() && ds.sources().is_empty());
        assert!(ds.observations().is_empty());
    }

    #[test]
    fn every_column_round_trips_through_push_observation() {
        let mut ds = small();
        assert_eq!(ds.push_observation(row(1)), Ok(0));
        let none = Observation {
            channel: None,
            segment: None,
            value: None,
            sample_size: None,
            margin: None,
            note: None,
            grade: Grade::Illustrative,
            ..row(0)
        };
        assert_eq!(ds.push_observation(none), Ok(1));
        let r = ds.observations().row(0);
        assert_eq!(
            (r.region, r.channel, r.segment, r.indicator, r.source),
            (
                Ix::for_test(1),
                Some(Ix::for_test(0)),
                Some(Ix::for_test(0)),
                Ix::for_test(0),
                Ix::for_test(0)
            )
        );
        assert_eq!(r.period, Period::year(2020));
        assert_eq!(
            (r.value, r.sample_size, r.margin),
            (Some(71.5), Some(1200), Some(2.5))
        );
        assert_eq!(
            (r.grade, r.note),
            (Grade::Estimated, Some("derived from two tables"))
        );
        let r = ds.observations().row(1);
        assert_eq!(
            (r.region, r.channel, r.segment),
            (Ix::for_test(0), None, None)
        );
        assert_eq!(
            (r.value, r.sample_size, r.margin, r.note),
            (None, None, None, None)
        );
        assert_eq!(r.grade, Grade::Illustrative);
    }

    #[test]
    fn an_observation_with_an_index_the_dataset_lacks_is_refused() {
        let mut ds = small();
        assert_eq!(
            ds.push_observation(row(2)),
            Err(UnknownIndex {
                what: "region",
                position: 2,
                len: 2
            })
        );
        let bad_channel = Observation {
            channel: Some(Ix::for_test(1)),
            ..row(0)
        };
        assert_eq!(
            ds.push_observation(bad_channel).map_err(|e| e.what),
            Err("channel")
        );
        let bad_source = Observation {
            source: Ix::for_test(5),
            ..row(0)
        };
        assert_eq!(
            ds.push_observation(bad_source).map_err(|e| e.what),
            Err("source")
        );
        assert!(ds.observations().is_empty(), "nothing refused is stored");
    }

    #[test]
    fn an_index_of_a_longer_table_gives_none_on_a_shorter_one() {
        let long = small();
        let france = long.regions().ix("france").expect("small() has france");
        let mut short = Dataset::default();
        let region = long
            .regions()
            .at(Ix::for_test(0))
            .cloned()
            .expect("two regions");
        assert!(short.regions_mut().push(region).is_ok());
        assert_eq!(short.regions().len(), 1);
        assert!(short.regions().at(france).is_none(), "no panic, no record");
        assert!(!short.regions().contains(france));
        assert!(short.regions_mut().at_mut(france).is_none());
        assert_eq!(
            short.regions().at(Ix::for_test(0)).map(|r| r.id.as_str()),
            long.regions().at(Ix::for_test(0)).map(|r| r.id.as_str())
        );
    }

    #[test]
    fn an_optional_index_takes_four_bytes() {
        assert_eq!(std::mem::size_of::<Ix<Region>>(), 4);
        assert_eq!(std::mem::size_of::<Option<Ix<Region>>>(), 4);
        assert_eq!(std::mem::size_of::<Option<crate::model::ChannelIx>>(), 4);
    }

    #[test]
    fn catalog_keeps_tables_and_drops_observations() {
        let mut ds = small();
        assert_eq!(ds.push_observation(row(0)), Ok(0));
        let cat = ds.catalog();
        assert_eq!(cat.regions().len(), 2);
        assert_eq!(cat.regions().ix("france"), Some(Ix::for_test(1)));
        assert!(cat.observations().is_empty());
    }
}

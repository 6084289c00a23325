/*!
[`Dataset`]: catalogue tables with id look-up, plus the observation table.

Datasets are built and merged only through [`crate::io::validate`], which checks every id,
range and required field first; a `Dataset` in memory is therefore always consistent.
*/

use super::catalog::{Channel, Indicator, Meta, Practice, Region, Segment, Source};
use super::observations::ObservationTable;
use std::collections::HashMap;

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

/// A list of records with look-up by id. Indices are stable: records are only appended.
#[derive(Clone, Debug, PartialEq)]
pub struct Table<T> {
    items: Vec<T>,
    index: HashMap<String, u32>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T: Keyed> Table<T> {
    /// Appends a record; returns `Err(existing index)` when its id is already present.
    pub fn push(&mut self, item: T) -> Result<u32, u32> {
        if let Some(&ix) = self.index.get(item.key()) {
            return Err(ix);
        }
        let ix = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
        self.index.insert(item.key().to_owned(), ix);
        self.items.push(item);
        Ok(ix)
    }

    /// Index of the record with `id`.
    pub fn ix(&self, id: &str) -> Option<u32> {
        self.index.get(id).copied()
    }

    /// Record with `id`.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.ix(id).map(|i| &self.items[i as usize])
    }

    /// Record at index `ix` (from [`Table::ix`] or an observation column).
    pub fn at(&self, ix: u32) -> &T {
        &self.items[ix as usize]
    }

    /// Record at index `ix`, to change fields other than its id.
    pub fn at_mut(&mut self, ix: u32) -> &mut T {
        &mut self.items[ix as usize]
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

/// A consistent dataset: every observation and practice refers to records that exist.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    /// Metadata of the first file loaded.
    pub meta: Meta,
    /// Sources.
    pub sources: Table<Source>,
    /// Regions.
    pub regions: Table<Region>,
    /// Channels.
    pub channels: Table<Channel>,
    /// Segments (companies, brands, sectors).
    pub segments: Table<Segment>,
    /// Indicators.
    pub indicators: Table<Indicator>,
    /// Practices.
    pub practices: Table<Practice>,
    /// Observations, by column.
    pub observations: ObservationTable,
}

impl Dataset {
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

/*!
Name resolution at scale: normalised names of the catalogue's regions, channels, segments
and indicators, and of a mapping's name → id tables, in hash maps built once per import, so that
resolving a name costs one normalisation and one lookup instead of a pass over the catalogue
(a file with 8,000 new regions took 21 s; now linear). Results are those of
[`super::names::find_region`], [`super::names::find_channel`],
[`super::names::find_segment`] and [`super::names::find_indicator`] (the catalogue scans,
kept for one-off look-ups): where two records share a name, the first one wins.
*/

use super::names::RecordNames;
use super::text::fold_name;
use crate::model::{Ix, Table};
use std::collections::BTreeMap;

/// Normalised names ([`fold_name`]) → index of a record of table `T`.
#[derive(Clone, Debug)]
pub(crate) struct NameIndex<T> {
    map: std::collections::HashMap<String, Ix<T>>,
}

impl<T> Default for NameIndex<T> {
    fn default() -> Self {
        NameIndex {
            map: std::collections::HashMap::new(),
        }
    }
}

impl<T: RecordNames> NameIndex<T> {
    /// Every name of every record of `table` ([`RecordNames::names`]).
    pub(crate) fn of(table: &Table<T>) -> Self {
        let mut ix = Self::default();
        for (i, r) in table.iter_ix() {
            for n in r.names() {
                ix.add(n, i);
            }
        }
        ix
    }
}

impl<T> NameIndex<T> {
    /// Adds `name` for record `ix` unless an earlier record has it.
    pub(crate) fn add(&mut self, name: &str, ix: Ix<T>) {
        let n = fold_name(name);
        if !n.is_empty() {
            self.map.entry(n).or_insert(ix);
        }
    }

    /// The record whose normalised name equals `name`'s.
    pub(crate) fn get(&self, name: &str) -> Option<Ix<T>> {
        self.map.get(&fold_name(name)).copied()
    }
}

/// A mapping's name → id table keyed by normalised name (first key in order wins), so that
/// looking a name up does not normalise every key.
#[derive(Clone, Debug, Default)]
pub(crate) struct MappedNames {
    map: std::collections::HashMap<String, String>,
}

impl MappedNames {
    pub(crate) fn new(map: &BTreeMap<String, String>) -> MappedNames {
        let mut out = MappedNames::default();
        for (k, v) in map {
            out.map.entry(fold_name(k)).or_insert_with(|| v.clone());
        }
        out
    }

    /// The id `name` is mapped to: exact key first, then by normalised name.
    pub(crate) fn get<'a>(
        &'a self,
        exact: &'a BTreeMap<String, String>,
        name: &str,
    ) -> Option<&'a str> {
        if let Some(v) = exact.get(name) {
            return Some(v);
        }
        if self.map.is_empty() {
            return None;
        }
        self.map.get(&fold_name(name)).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import::names::{find_channel, find_indicator, find_region, find_segment};

    #[test]
    fn the_index_resolves_like_the_catalogue_scan() -> Result<(), Box<dyn std::error::Error>> {
        let ds = crate::io::benchmark::catalog()?;
        let regions = NameIndex::of(ds.regions());
        let mut names = 0;
        for r in ds.regions().iter() {
            for n in [r.id.as_str(), r.name.en.as_str(), r.name.fr.as_str()]
                .into_iter()
                .chain(r.aliases.iter().map(String::as_str))
            {
                // spelled differently: upper case, accents kept
                let spelled = n.to_uppercase();
                assert_eq!(
                    regions.get(&spelled),
                    find_region(&spelled, &ds),
                    "{spelled}"
                );
                names += 1;
            }
        }
        assert!(names > 10, "{names}");
        assert_eq!(regions.get("Nowhere"), None);
        let channels = NameIndex::of(ds.channels());
        let indicators = NameIndex::of(ds.indicators());
        for c in ds.channels().iter() {
            assert_eq!(channels.get(&c.name.fr), find_channel(&c.name.fr, &ds));
        }
        let segments = NameIndex::of(ds.segments());
        for s in ds.segments().iter() {
            for n in std::iter::once(&s.name.fr).chain(s.aliases.iter()) {
                assert_eq!(segments.get(n), find_segment(n, &ds), "{n}");
            }
        }
        for i in ds.indicators().iter() {
            assert_eq!(indicators.get(&i.name.en), find_indicator(&i.name.en, &ds));
        }
        Ok(())
    }
}

//! Running contact totals per group, found by a short list of the groups used last before
//! the hash table: rows of a log come in time order, so the few groups of the current
//! period (one per region and channel) take turns row after row.

use super::Key;
use crate::model::survey::ContactTotals;
use std::collections::HashMap;

/// Groups remembered as used last.
const RECENT: usize = 8;

/// [`ContactTotals`] per group key.
#[derive(Clone, Default)]
pub(super) struct KeyedTotals {
    ix: HashMap<Key, usize, rustc_hash::FxBuildHasher>,
    list: Vec<ContactTotals>,
    recent: Vec<(Key, usize)>,
}

impl KeyedTotals {
    /// The totals of `key` (created empty when new) and whether it is new.
    pub(super) fn slot(&mut self, key: Key) -> (&mut ContactTotals, bool) {
        let (i, new) = match self.recent.iter().position(|(k, _)| *k == key) {
            Some(pos) => (self.recent[pos].1, false),
            None => {
                let (i, new) = match self.ix.get(&key) {
                    Some(&i) => (i, false),
                    None => {
                        self.list.push(ContactTotals::default());
                        self.ix.insert(key, self.list.len() - 1);
                        (self.list.len() - 1, true)
                    }
                };
                if self.recent.len() == RECENT {
                    self.recent.pop();
                }
                self.recent.insert(0, (key, i));
                (i, new)
            }
        };
        (&mut self.list[i], new)
    }

    /// The totals of `key`, if any row had it.
    pub(super) fn get(&self, key: &Key) -> Option<&ContactTotals> {
        self.ix.get(key).and_then(|&i| self.list.get(i))
    }

    /// Whether a row had `key`.
    pub(super) fn contains_key(&self, key: &Key) -> bool {
        self.ix.contains_key(key)
    }
}

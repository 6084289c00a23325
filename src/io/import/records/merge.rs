//! Aggregates of separate parts of one file (the chunks a parallel import hands to its
//! workers) added together in file order, giving exactly what one pass over the whole file
//! gives: counts and fixed-point totals are added, contact lists are concatenated (so
//! order-dependent figures such as FCR see every contact of a customer, whichever chunk it
//! came from), customer keys are renumbered in order of first appearance, and groups keep
//! the order in which the file first showed them.

use super::{Aggregates, Key};

impl Aggregates {
    /// Empty accumulators with the same columns and rules (for a worker's next chunk).
    pub(crate) fn empty_like(&self) -> Aggregates {
        Aggregates {
            kind: self.kind,
            order: Vec::new(),
            survey: Default::default(),
            contacts: Default::default(),
            totals: Default::default(),
            streaming: self.streaming,
            rules: self.rules,
            customers: Default::default(),
            blank_answers: 0,
            ignored: 0,
            outcome_cache: self.outcome_cache.clone(),
        }
    }

    /// Adds `later`, the aggregates of the part of the file that follows the rows already
    /// added.
    pub(crate) fn absorb(&mut self, later: Aggregates) {
        self.blank_answers += later.blank_answers;
        self.ignored += later.ignored;
        // customer keys of `later`, renumbered in their order of first appearance
        let mut local: Vec<(Box<[u8]>, u32)> = later.customers.into_iter().collect();
        local.sort_unstable_by_key(|(_, id)| *id);
        let mut renumber = vec![0u32; local.len()];
        for (key, id) in local {
            let next = self.customers.len() as u32;
            let global = *self.customers.entry(key).or_insert(next);
            if let Some(slot) = renumber.get_mut(id as usize) {
                *slot = global;
            }
        }
        let mut survey = later.survey;
        let mut contacts = later.contacts;
        let totals = later.totals;
        for key in later.order {
            if !self.has(&key) {
                self.order.push(key);
            }
            if let Some((rec, sat)) = survey.remove(&key) {
                let e = self.survey.entry(key).or_insert(([0; 11], [0; 5]));
                for (a, b) in e.0.iter_mut().zip(rec) {
                    *a += b;
                }
                for (a, b) in e.1.iter_mut().zip(sat) {
                    *a += b;
                }
            }
            if let Some(list) = contacts.remove(&key) {
                let into = self.contacts.entry(key).or_default();
                into.extend(list.into_iter().map(|mut c| {
                    c.customer = c
                        .customer
                        .map(|id| renumber.get(id as usize).copied().unwrap_or(id));
                    c
                }));
            }
            if let Some(t) = totals.get(&key) {
                self.totals.slot(key).0.merge(t);
            }
        }
    }

    fn has(&self, key: &Key) -> bool {
        self.survey.contains_key(key)
            || self.contacts.contains_key(key)
            || self.totals.contains_key(key)
    }
}

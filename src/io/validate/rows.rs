//! Checks across observation rows, shared by RON validation and import: channel shares over
//! 100 % and duplicate keys.

use super::{MIX_TOLERANCE_PCT, ProblemKind, ValidationReport};
use crate::model::Dataset;
use std::collections::HashMap;

/// Per region, indicator, period and source, the shares of a channel-mix indicator may not
/// add up to more than 100 %. Checks rows from `first_new` on (the ones just added) and adds a
/// problem per group over the limit. Used by RON validation and by import.
pub fn check_channel_mix(ds: &Dataset, first_new: usize, rep: &mut ValidationReport) {
    let mut sums: HashMap<(u32, u32, crate::model::Period, u32), f64> = HashMap::new();
    let obs = &ds.observations;
    for i in first_new..obs.len() {
        let r = obs.row(i);
        if r.channel.is_none() || !ds.indicators.at(r.indicator).channel_mix {
            continue;
        }
        if let Some(v) = r.value {
            *sums
                .entry((r.region, r.indicator, r.period, r.source))
                .or_default() += v;
        }
    }
    let mut over: Vec<_> = sums
        .into_iter()
        .filter(|(_, sum)| *sum > 100.0 + MIX_TOLERANCE_PCT)
        .collect();
    over.sort_by_key(|a| a.0);
    for ((region, indicator, period, source), sum_pct) in over {
        rep.push(
            || {
                format!(
                    "observations of `{}` for {} / {} (source `{}`)",
                    ds.indicators.at(indicator).id,
                    ds.regions.at(region).id,
                    period,
                    ds.sources.at(source).id
                )
            },
            ProblemKind::MixOver100 { sum_pct },
        );
    }
}

/// Most numbers listed for one duplicate key; the rest are counted.
const MAX_LISTED_NUMBERS: usize = 10;

/// `3, 9, 12` or, past [`MAX_LISTED_NUMBERS`], `3, 9, … (571 in all)`.
pub fn list_numbers(numbers: &[usize]) -> String {
    let shown: Vec<String> = numbers
        .iter()
        .take(MAX_LISTED_NUMBERS)
        .map(usize::to_string)
        .collect();
    if numbers.len() > MAX_LISTED_NUMBERS {
        format!("{}, … ({} in all)", shown.join(", "), numbers.len())
    } else {
        shown.join(", ")
    }
}

/// Groups of rows (from `first_new` on) that share region, channel, segment, indicator,
/// period and source, each group in table order, groups ordered by their first row. Used by
/// RON validation and by import, which name the rows in their own terms.
pub fn duplicate_groups(ds: &Dataset, first_new: usize) -> Vec<Vec<usize>> {
    type Key = (u32, u32, u32, u32, crate::model::Period, u32);
    let obs = &ds.observations;
    let mut seen: HashMap<Key, usize> = HashMap::with_capacity(obs.len() - first_new);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_first: HashMap<usize, usize> = HashMap::new();
    for i in first_new..obs.len() {
        let r = obs.row(i);
        let key = (
            r.region,
            obs.channel_col()[i],
            obs.segment_col()[i],
            r.indicator,
            r.period,
            r.source,
        );
        match seen.get(&key) {
            None => {
                seen.insert(key, i);
            }
            Some(&first) => {
                let g = *group_of_first.entry(first).or_insert_with(|| {
                    groups.push(vec![first]);
                    groups.len() - 1
                });
                groups[g].push(i);
            }
        }
    }
    groups
}

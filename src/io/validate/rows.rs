//! Checks across observation rows, shared by RON validation (whole-file and streamed) and
//! import: channel shares over 100 % and duplicate keys.

use super::{MIX_TOLERANCE_PCT, ProblemKind, ValidationReport};
use crate::model::{Dataset, IndicatorIx, RegionIx, SourceIx};
use std::collections::HashMap;

/// Per region, indicator, period and source, the shares of a channel-mix indicator may not
/// add up to more than 100 %. Checks rows from `first_new` on (the ones just added) and adds a
/// problem per group over the limit. Used by RON validation and by import.
pub fn check_channel_mix(ds: &Dataset, first_new: usize, rep: &mut ValidationReport) {
    let mut sums: HashMap<(RegionIx, IndicatorIx, crate::model::Period, SourceIx), f64> =
        HashMap::new();
    let obs = ds.observations();
    for i in first_new..obs.len() {
        let r = obs.row(i);
        if r.channel.is_none()
            || !ds
                .indicators()
                .at(r.indicator)
                .is_some_and(|i| i.channel_mix)
        {
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
                    ds.indicators().id_at(indicator).unwrap_or("?"),
                    ds.regions().id_at(region).unwrap_or("?"),
                    period,
                    ds.sources().id_at(source).unwrap_or("?")
                )
            },
            ProblemKind::MixOver100 { sum_pct },
        );
    }
}

/// The checks across the rows added from `first_new` on, for a RON file: channel shares
/// ([`check_channel_mix`]) and duplicate keys ([`duplicate_groups`]), each duplicate named by
/// its file records. `record_of_row[k]` is the 1-based record number of row `first_new + k`.
pub fn check_observation_rows(
    ds: &Dataset,
    first_new: usize,
    record_of_row: &[usize],
    rep: &mut ValidationReport,
) {
    check_channel_mix(ds, first_new, rep);
    let obs = ds.observations();
    for group in duplicate_groups(ds, first_new) {
        let numbers: Vec<usize> = group
            .iter()
            .map(|&row| {
                record_of_row
                    .get(row - first_new)
                    .copied()
                    .unwrap_or(row + 1)
            })
            .collect();
        // the record as the file names it: its ids, which the row holds
        let r = obs.row(group[0]);
        rep.push(
            || {
                format!(
                    "observation {} ({}{} / {}{} / {})",
                    numbers[0],
                    ds.regions().id_at(r.region).unwrap_or("?"),
                    r.segment
                        .map(|s| format!(" / {}", ds.segments().id_at(s).unwrap_or("?")))
                        .unwrap_or_default(),
                    ds.indicators().id_at(r.indicator).unwrap_or("?"),
                    r.channel
                        .map(|c| format!(" / {}", ds.channels().id_at(c).unwrap_or("?")))
                        .unwrap_or_default(),
                    r.period
                )
            },
            ProblemKind::DuplicateObservation {
                count: group.len(),
                where_: super::Places::Observations(numbers.clone()),
            },
        );
    }
}

/// Most numbers listed for one duplicate key; the rest are counted.
const MAX_LISTED_NUMBERS: usize = 10;

/// `3, 9, 12` or, past [`MAX_LISTED_NUMBERS`], `3, 9, … (571 in all)`, in `lang`.
pub fn list_numbers(numbers: &[usize], lang: crate::i18n::Lang) -> String {
    let shown: Vec<String> = numbers
        .iter()
        .take(MAX_LISTED_NUMBERS)
        .map(usize::to_string)
        .collect();
    if numbers.len() > MAX_LISTED_NUMBERS {
        crate::i18n::Msg::NumbersInAll.fill(lang, &[&shown.join(", "), &numbers.len()])
    } else {
        shown.join(", ")
    }
}

/// Groups of rows (from `first_new` on) that share region, channel, segment, indicator,
/// period and source, each group in table order, groups ordered by their first row. Used by
/// RON validation and by import, which name the rows in their own terms. The rows are
/// sorted by key (one index per row: 8 MB for a million rows, where a hash map of the keys
/// took 68 MB) and equal neighbours grouped.
pub fn duplicate_groups(ds: &Dataset, first_new: usize) -> Vec<Vec<usize>> {
    let obs = ds.observations();
    let (region, channel, segment) = (obs.region_col(), obs.channel_col(), obs.segment_col());
    let (indicator, period, source) = (obs.indicator_col(), obs.period_col(), obs.source_col());
    let key = |i: usize| {
        (
            region[i],
            channel[i],
            segment[i],
            indicator[i],
            period[i],
            source[i],
        )
    };
    let mut rows: Vec<usize> = (first_new..obs.len()).collect();
    rows.sort_unstable_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let mut end = start + 1;
        while end < rows.len() && key(rows[end]) == key(rows[start]) {
            end += 1;
        }
        if end - start > 1 {
            groups.push(rows[start..end].to_vec());
        }
        start = end;
    }
    groups.sort_unstable_by_key(|g| g[0]);
    groups
}

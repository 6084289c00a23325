/*!
Pure analysis functions over a [`Dataset`]: no I/O, no drawing.

- [`select`] picks observation rows by indicator, region, channel, segment and year range, scanning
  the columns directly (a million rows in a few milliseconds).
- [`latest`] keeps, per key, the most recent row that has a value: the user's own data
  first, then a measured or estimated value over a newer illustrative one, then the better
  grade.
- [`rank`] orders values by the indicator's direction and gives each its gap to the best.
- [`mean`] averages values, skipping missing ones.
- [`score_in_range`] maps a value onto 0–1 where 1 is the best side.
- The formulas that turn raw records into indicators (NPS, CSAT, contact-centre metrics,
  first responses, ticket times) are in [`crate::model::survey`] and
  [`crate::model::threads`]: the importer uses them, and `io` sits below `analysis`.
- [`practices`]: where a practice is present; "What to transfer" (never a counter-example).
- [`coverage`]: how many values per region × indicator × channel are measured, estimated,
  illustrative or missing, and in which years (the evidence base).
*/

pub mod coverage;
pub mod practices;

use crate::model::{
    ChannelIx, Dataset, Direction, Grade, IndicatorIx, Ix, Observation, ObservationTable, Period,
    RegionIx, SegmentIx,
};
use std::collections::HashMap;

/// Which observations to keep. `None` in a field means "any".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Indicator indices.
    pub indicator_ixs: Option<Vec<IndicatorIx>>,
    /// Region indices.
    pub region_ixs: Option<Vec<RegionIx>>,
    /// Channels: `Some(None)` inside the list means "all channels together" (no channel).
    pub channel_ixs: Option<Vec<Option<ChannelIx>>>,
    /// Segments: `Some(None)` inside the list means "the whole region" (no segment).
    pub segment_ixs: Option<Vec<Option<SegmentIx>>>,
    /// Inclusive year range.
    pub years: Option<(i32, i32)>,
}

fn mask<T>(len: usize, picked: &Option<Vec<Ix<T>>>) -> Option<Vec<bool>> {
    picked.as_ref().map(|ids| {
        let mut m = vec![false; len];
        for &i in ids {
            if let Some(slot) = m.get_mut(i.position()) {
                *slot = true;
            }
        }
        m
    })
}

/// Mask over `len` catalogue entries plus one last slot for "none".
fn optional_mask<T>(len: usize, picked: &Option<Vec<Option<Ix<T>>>>) -> Option<Vec<bool>> {
    picked.as_ref().map(|ids| {
        let mut m = vec![false; len + 1];
        for c in ids {
            let i = c.map_or(len, |c| c.position());
            if let Some(slot) = m.get_mut(i) {
                *slot = true;
            }
        }
        m
    })
}

/// Row numbers of the observations matching `sel`, in table order.
pub fn select(ds: &Dataset, sel: &Selection) -> Vec<usize> {
    let obs = ds.observations();
    let ind_mask = mask(ds.indicators().len(), &sel.indicator_ixs);
    let reg_mask = mask(ds.regions().len(), &sel.region_ixs);
    // channel and segment masks have one extra slot (last) for "none"
    let ch_mask = optional_mask(ds.channels().len(), &sel.channel_ixs);
    let seg_mask = optional_mask(ds.segments().len(), &sel.segment_ixs);
    let n_ch = ds.channels().len();
    let n_seg = ds.segments().len();
    let seg = obs.segment_col();
    let (ind, reg, ch, per) = (
        obs.indicator_col(),
        obs.region_col(),
        obs.channel_col(),
        obs.period_col(),
    );
    let mut out = Vec::new();
    for i in 0..obs.len() {
        if let Some(m) = &ind_mask
            && !m.get(ind[i].position()).copied().unwrap_or(false)
        {
            continue;
        }
        if let Some(m) = &reg_mask
            && !m.get(reg[i].position()).copied().unwrap_or(false)
        {
            continue;
        }
        if let Some(m) = &ch_mask {
            let slot = ch[i].map_or(n_ch, |c| c.position());
            if !m.get(slot).copied().unwrap_or(false) {
                continue;
            }
        }
        if let Some(m) = &seg_mask {
            let slot = seg[i].map_or(n_seg, |s| s.position());
            if !m.get(slot).copied().unwrap_or(false) {
                continue;
            }
        }
        if let Some((from, to)) = sel.years {
            let y = per[i].year_i32();
            if y < from || y > to {
                continue;
            }
        }
        out.push(i);
    }
    out
}

/// How recent a row is, as "latest" compares rows: a row replaces another when its recency
/// is greater. The user's own data always wins over the bundled benchmark; then a measured or
/// estimated value wins over an illustrative one whatever their periods (an invented value
/// never stands in front of a real one); then the later period, then the better grade. This
/// is the one rule used by the app, `summary` and exports alike.
type Recency = (bool, bool, Period, std::cmp::Reverse<Grade>);

/// The [`Recency`] of row `i` of `obs`, read as `r`.
fn recency(obs: &ObservationTable, i: usize, r: &Observation<'_>) -> Recency {
    let cited = r.grade != Grade::Illustrative;
    (
        !obs.is_bundled(i),
        cited,
        r.period,
        std::cmp::Reverse(r.grade),
    )
}

/// For each key, the latest row among `rows` that has a value, cited values (measured or
/// estimated) before illustrative ones. Returned sorted by key.
pub fn latest<K: Ord + std::hash::Hash + Clone>(
    obs: &ObservationTable,
    rows: &[usize],
    key: impl Fn(&Observation<'_>) -> K,
) -> Vec<(K, usize)> {
    let mut best: HashMap<K, (Recency, usize)> = HashMap::new();
    for &i in rows {
        let r = obs.row(i);
        if r.value.is_none() {
            continue;
        }
        let k = key(&r);
        let rank = recency(obs, i, &r);
        match best.get(&k) {
            // the first of equally recent rows stays
            Some((kept, _)) if rank <= *kept => {}
            _ => {
                best.insert(k, (rank, i));
            }
        }
    }
    let mut out: Vec<(K, usize)> = best.into_iter().map(|(k, (_, i))| (k, i)).collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Latest value per region and segment (`None` = the whole region) for one indicator and one
/// channel (`None` = all channels), sorted by (region, segment).
pub fn latest_per_region(
    ds: &Dataset,
    indicator: IndicatorIx,
    channel: Option<ChannelIx>,
    years: Option<(i32, i32)>,
) -> Vec<((RegionIx, Option<SegmentIx>), usize)> {
    let rows = select(
        ds,
        &Selection {
            indicator_ixs: Some(vec![indicator]),
            channel_ixs: Some(vec![channel]),
            years,
            ..Selection::default()
        },
    );
    latest(ds.observations(), &rows, |r| (r.region, r.segment))
}

/// One entry of a ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked<K> {
    /// What is ranked (a region index, a label, …).
    pub key: K,
    /// Its value.
    pub value: f64,
    /// 1-based rank; equal values share a rank.
    pub rank: usize,
    /// Distance to the best value, in the indicator's unit, never negative.
    pub gap_to_best: f64,
}

/// Ranks values best first according to `direction`. For a neutral indicator values are
/// listed from highest to lowest and the gap is measured to the highest.
pub fn rank<K: Clone>(values: &[(K, f64)], direction: Direction) -> Vec<Ranked<K>> {
    let mut v: Vec<(K, f64)> = values
        .iter()
        .filter(|(_, x)| x.is_finite())
        .cloned()
        .collect();
    let lower_better = direction == Direction::LowerIsBetter;
    v.sort_by(|a, b| {
        let o = a.1.total_cmp(&b.1);
        if lower_better { o } else { o.reverse() }
    });
    let best = v.first().map(|(_, x)| *x).unwrap_or(0.0);
    let mut out: Vec<Ranked<K>> = Vec::with_capacity(v.len());
    for (i, (k, x)) in v.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.value == x => prev.rank,
            _ => i + 1,
        };
        out.push(Ranked {
            key: k,
            value: x,
            rank,
            gap_to_best: (x - best).abs(),
        });
    }
    out
}

/// Mean of the values present; `None` when there is none.
pub fn mean(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .flatten()
        .filter(|v| v.is_finite())
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Maps `value` within `[min, max]` onto 0–1, 1 being the better side (for a neutral
/// indicator, the higher side). A degenerate range gives 1.
pub fn score_in_range(value: f64, min: f64, max: f64, direction: Direction) -> f64 {
    if max.partial_cmp(&min) != Some(std::cmp::Ordering::Greater) {
        return 1.0;
    }
    let t = ((value - min) / (max - min)).clamp(0.0, 1.0);
    if direction == Direction::LowerIsBetter {
        1.0 - t
    } else {
        t
    }
}

/// The channel that best represents an indicator when one value per region is wanted:
/// `None` (all channels) when the indicator has all-channel values (or none at all), else
/// the channel with the most observations (ties: dataset order). Values given for one
/// channel of an indicator that is not declared per channel are thus still shown.
pub fn headline_channel(ds: &Dataset, indicator: IndicatorIx) -> Option<ChannelIx> {
    let mut count = vec![0usize; ds.channels().len() + 1];
    let none_slot = ds.channels().len();
    let obs = ds.observations();
    for (i, &ix) in obs.indicator_col().iter().enumerate() {
        if ix == indicator {
            let slot = obs.channel_col()[i].map_or(none_slot, |c| c.position());
            if let Some(n) = count.get_mut(slot) {
                *n += 1;
            }
        }
    }
    if count[none_slot] > 0 {
        return None;
    }
    (0..none_slot)
        .filter(|&c| count[c] > 0)
        .max_by_key(|&c| (count[c], std::cmp::Reverse(c)))
        .and_then(|c| ds.channels().ix_at(c))
}

/// Distinct periods present among `rows`, sorted.
pub fn periods(obs: &ObservationTable, rows: &[usize]) -> Vec<Period> {
    let mut p: Vec<Period> = rows.iter().map(|&i| obs.period_col()[i]).collect();
    p.sort();
    p.dedup();
    p
}

/// The worst grade among `rows` (Measured < Estimated < Illustrative).
pub fn worst_grade(obs: &ObservationTable, rows: &[usize]) -> Option<Grade> {
    rows.iter().map(|&i| obs.row(i).grade).max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Ix;

    #[test]
    fn rank_respects_direction_and_ties() {
        let v = [("a", 300.0), ("b", 250.0), ("c", 300.0), ("d", 400.0)];
        let r = rank(&v, Direction::LowerIsBetter);
        let keys: Vec<_> = r.iter().map(|x| (x.key, x.rank, x.gap_to_best)).collect();
        assert_eq!(
            keys,
            vec![
                ("b", 1, 0.0),
                ("a", 2, 50.0),
                ("c", 2, 50.0),
                ("d", 4, 150.0)
            ]
        );
        let r = rank(&v, Direction::HigherIsBetter);
        assert_eq!(r[0].key, "d");
        assert_eq!(r[3].gap_to_best, 150.0);
    }

    #[test]
    fn latest_prefers_a_cited_value_over_a_newer_illustrative_one() {
        let y = |t: &str| Period::parse(t).expect("period");
        let mut t = ObservationTable::default();
        let mut push = |region: usize, period: &str, value: Option<f64>, source: usize, grade| {
            t.push_for_test(crate::model::Observation {
                region: Ix::for_test(region),
                channel: None,
                segment: None,
                indicator: Ix::for_test(0),
                period: y(period),
                value,
                sample_size: None,
                margin: None,
                source: Ix::for_test(source),
                grade,
                note: None,
            })
        };
        // region 0: measured 2015, illustrative 2016 (newer) -> measured wins
        push(0, "2015", Some(35.0), 0, Grade::Measured);
        push(0, "2016", Some(47.0), 1, Grade::Illustrative);
        // region 1: estimated 2012, measured 2014 -> the later cited one
        push(1, "2012", Some(1.0), 0, Grade::Estimated);
        push(1, "2014", Some(2.0), 0, Grade::Measured);
        // region 2: only illustrative -> the latest of them
        push(2, "2011", Some(5.0), 1, Grade::Illustrative);
        push(2, "2013", Some(6.0), 1, Grade::Illustrative);
        // region 3: a newer measured row without value never wins
        push(3, "2012", Some(7.0), 1, Grade::Illustrative);
        push(3, "2016", None, 0, Grade::Measured);
        let rows: Vec<usize> = (0..t.len()).collect();
        let got: Vec<(usize, f64)> = latest(&t, &rows, |r| r.region)
            .into_iter()
            .map(|(k, i)| (k.position(), t.row(i).value.unwrap_or(f64::NAN)))
            .collect();
        assert_eq!(got, vec![(0, 35.0), (1, 2.0), (2, 6.0), (3, 7.0)]);
    }

    #[test]
    fn mean_skips_missing() {
        assert_eq!(mean([Some(1.0), None, Some(3.0)]), Some(2.0));
        assert_eq!(mean([None, None]), None);
        assert_eq!(mean(Vec::<Option<f64>>::new()), None);
    }

    #[test]
    fn normalise_direction() {
        assert_eq!(
            score_in_range(10.0, 0.0, 20.0, Direction::HigherIsBetter),
            0.5
        );
        assert_eq!(
            score_in_range(5.0, 0.0, 20.0, Direction::LowerIsBetter),
            0.75
        );
        assert_eq!(score_in_range(5.0, 5.0, 5.0, Direction::LowerIsBetter), 1.0);
    }
}

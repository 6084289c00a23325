/*!
Coverage: the evidence base behind the charts. For each region × indicator (× channel), how
many values are measured, estimated or illustrative, how many records are missing (value
`None`), and the first and last year. The Coverage tab of the app and the
[`crate::chart::ChartKind::Coverage`] chart (exportable like any chart) both read it, so
screen and file agree.

A group (the Maghreb) or a province (Québec) rarely has figures of its own; its members or
its parent country stand in for it: [`stand_ins`] lists them, and
[`measured_indicators_through`] counts indicators measured on a region or its stand-ins,
each value staying on the region it describes.
*/

use crate::model::{ChannelIx, Dataset, Grade, IndicatorIx, RegionIx, RegionKind};
use std::collections::{BTreeMap, BTreeSet};

/// Counts for one region × indicator × channel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CoverageCell {
    /// Records graded measured that have a value.
    pub measured: usize,
    /// Records graded estimated that have a value.
    pub estimated: usize,
    /// Records graded illustrative that have a value.
    pub illustrative: usize,
    /// Records without a value (`value: None`), whatever their grade.
    pub missing: usize,
    /// Earliest year with a record.
    pub first_year: Option<i32>,
    /// Latest year with a record.
    pub last_year: Option<i32>,
}

impl CoverageCell {
    /// Values that can be cited (measured or estimated).
    pub fn cited(&self) -> usize {
        self.measured + self.estimated
    }

    /// Records counted, missing ones included.
    pub fn total(&self) -> usize {
        self.measured + self.estimated + self.illustrative + self.missing
    }

    /// The most trusted grade with a value, if any.
    pub fn best_grade(&self) -> Option<Grade> {
        if self.measured > 0 {
            Some(Grade::Measured)
        } else if self.estimated > 0 {
            Some(Grade::Estimated)
        } else if self.illustrative > 0 {
            Some(Grade::Illustrative)
        } else {
            None
        }
    }

    /// "2011–2016", "2016" or "" when there is no record.
    pub fn years_text(&self) -> String {
        match (self.first_year, self.last_year) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            _ => String::new(),
        }
    }

    /// Adds the counts and years of `other`.
    pub fn merge(&mut self, other: &CoverageCell) {
        self.measured += other.measured;
        self.estimated += other.estimated;
        self.illustrative += other.illustrative;
        self.missing += other.missing;
        self.first_year = match (self.first_year, other.first_year) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.last_year = self.last_year.max(other.last_year);
    }

    fn add(&mut self, grade: Grade, has_value: bool, year: i32) {
        match (has_value, grade) {
            (false, _) => self.missing += 1,
            (true, Grade::Measured) => self.measured += 1,
            (true, Grade::Estimated) => self.estimated += 1,
            (true, Grade::Illustrative) => self.illustrative += 1,
        }
        self.first_year = Some(self.first_year.map_or(year, |y| y.min(year)));
        self.last_year = Some(self.last_year.map_or(year, |y| y.max(year)));
    }
}

/// Key of a cell: (region, indicator, channel), as catalogue indices.
pub type CellKey = (RegionIx, IndicatorIx, Option<ChannelIx>);

/// Coverage of a dataset: one cell per region × indicator × channel that has any record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coverage {
    cells: BTreeMap<CellKey, CoverageCell>,
}

impl Coverage {
    /// Counts every observation of `ds` (within `years` when given, inclusive).
    pub fn of(ds: &Dataset, years: Option<(i32, i32)>) -> Coverage {
        let obs = ds.observations();
        let mut cells: BTreeMap<CellKey, CoverageCell> = BTreeMap::new();
        for i in 0..obs.len() {
            let year = obs.period_col()[i].year_i32();
            if years.is_some_and(|(a, b)| year < a || year > b) {
                continue;
            }
            let channel = obs.channel_col()[i];
            let r = obs.row(i);
            cells
                .entry((r.region, r.indicator, channel))
                .or_default()
                .add(r.grade, r.value.is_some(), year);
        }
        Coverage { cells }
    }

    /// The cell of one region × indicator × channel (`None` when it has no record).
    pub fn cell(
        &self,
        region: RegionIx,
        indicator: IndicatorIx,
        channel: Option<ChannelIx>,
    ) -> Option<&CoverageCell> {
        self.cells.get(&(region, indicator, channel))
    }

    /// All cells with records, ordered by region, indicator, channel.
    pub fn cells(&self) -> impl Iterator<Item = (&CellKey, &CoverageCell)> {
        self.cells.iter()
    }

    /// One region × indicator summed over its channels (`None` when it has no record).
    pub fn indicator_cell(&self, region: RegionIx, indicator: IndicatorIx) -> Option<CoverageCell> {
        let mut out: Option<CoverageCell> = None;
        for (_, c) in self
            .cells
            .range((region, indicator, None)..)
            .take_while(|((r, i, _), _)| *r == region && *i == indicator)
        {
            out.get_or_insert_with(CoverageCell::default).merge(c);
        }
        out
    }

    /// The (indicator, channel) rows that have records for any of `regions`, in catalogue
    /// order (channel `None` first).
    pub fn rows(&self, regions: &[RegionIx]) -> Vec<(IndicatorIx, Option<ChannelIx>)> {
        let set: BTreeSet<(IndicatorIx, Option<ChannelIx>)> = self
            .cells
            .keys()
            .filter(|(r, _, _)| regions.contains(r))
            .map(|&(_, i, c)| (i, c))
            .collect();
        set.into_iter().collect()
    }

    /// Totals per region: (region, measured, estimated, illustrative, missing), for the
    /// regions that have records, in catalogue order.
    pub fn totals_per_region(&self) -> Vec<(RegionIx, CoverageCell)> {
        let mut by: BTreeMap<RegionIx, CoverageCell> = BTreeMap::new();
        for (&(r, _, _), c) in &self.cells {
            by.entry(r).or_default().merge(c);
        }
        by.into_iter().collect()
    }
}

/// Regions that stand in for `region` when it has no figure of its own: the members of a
/// group, the parent country of a province. Values stay on the region they describe.
pub fn stand_ins(ds: &Dataset, region: RegionIx) -> Vec<RegionIx> {
    let Some(r) = ds.regions().at(region) else {
        return Vec::new();
    };
    match r.kind {
        RegionKind::Group => r
            .members
            .iter()
            .filter_map(|m| ds.regions().ix(m.as_str()))
            .collect(),
        RegionKind::Province => r
            .parent
            .iter()
            .filter_map(|p| ds.regions().ix(p.as_str()))
            .collect(),
        RegionKind::Country => Vec::new(),
    }
}

/// Indicators with at least one measured or estimated value on `region` or on one of its
/// [`stand_ins`], each with the region ids that carry it.
pub fn measured_indicators_through(
    ds: &Dataset,
    cov: &Coverage,
    region: RegionIx,
) -> BTreeMap<IndicatorIx, BTreeSet<RegionIx>> {
    let mut carriers = vec![region];
    carriers.extend(stand_ins(ds, region));
    let mut out: BTreeMap<IndicatorIx, BTreeSet<RegionIx>> = BTreeMap::new();
    for (&(r, ind, _), c) in cov.cells() {
        if carriers.contains(&r) && c.cited() > 0 {
            out.entry(ind).or_default().insert(r);
        }
    }
    out
}

//! Names to catalogue indices: regions, channels, segments and indicators through the
//! mapping's name maps, the catalogue, or new records (`unknown_…: Create`); names that match
//! nothing are collected with their first cell and suggestions.

use super::*;
use crate::io::import::names::{RecordNames, free_id};
use crate::model::Table;
use crate::model::dataset::Keyed;

impl ImportBuilder<'_> {
    pub(super) fn unresolved_name(&mut self, what: &'static str, name: &str, at: CellError) {
        if !self.unresolved_seen.insert((what, name.to_owned())) {
            return;
        }
        // suggestions only for the names a message or dialog can show
        let suggestions = if what == "region" && self.unresolved.len() < MAX_SUGGESTED_NAMES {
            mapping::suggest_region(name, &self.ds)
                .into_iter()
                .map(|(id, s)| (id.0, s))
                .collect()
        } else {
            Vec::new()
        };
        self.unresolved.push((
            what,
            UnresolvedName {
                name: name.to_owned(),
                first_seen: at,
                suggestions,
            },
        ));
    }

    pub(super) fn resolve_region(&mut self, name: &str, code: Option<&str>) -> Option<Ix<Region>> {
        let mapped = self.mapped_regions.get(&self.mapping.regions, name);
        if mapped.is_none()
            && let Some(code) = code.filter(|c| !c.trim().is_empty())
            && let Some(Some(ix)) = known(self.ds.regions(), &self.region_names, None, code.trim())
        {
            return Some(ix);
        }
        if let Some(r) = known(self.ds.regions(), &self.region_names, mapped, name) {
            return r;
        }
        if self.mapping.unknown_regions == Unknown::Create && !name.trim().is_empty() {
            let code = code.map(str::trim).filter(|c| !c.is_empty());
            let kind = if code.is_some() || self.code.is_none() {
                RegionKind::Country
            } else {
                RegionKind::Group
            };
            let iso = code.filter(|c| {
                (2..=3).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_uppercase())
            });
            let region = Region {
                id: mapping::free_region_id(name, &self.ds),
                name: Text::same(name.trim()),
                kind,
                members: Vec::new(),
                parent: None,
                iso: iso.map(str::to_owned),
                aliases: code.map(|c| vec![c.to_owned()]).unwrap_or_default(),
                colour: None,
            };
            let id = region.id.clone();
            let ix = create(self.ds.regions_mut(), &mut self.region_names, region)?;
            self.new_regions.push(id);
            return Some(ix);
        }
        None
    }

    pub(super) fn resolve_channel(&mut self, name: &str) -> Option<Ix<Channel>> {
        let mapped = self.mapped_channels.get(&self.mapping.channels, name);
        known(self.ds.channels(), &self.channel_names, mapped, name).flatten()
    }

    /// The segment an account handle of a thread denotes; unknown handles are reported
    /// (with the cell where the handle is) like any unknown name.
    /// `at`: the row, its text line and the column of the handle.
    pub(crate) fn account_segment(
        &mut self,
        name: &str,
        (row, line, col): (usize, Option<usize>, usize),
    ) -> Option<Ix<Segment>> {
        if let Some(ix) = self.resolve_segment(name) {
            return Some(ix);
        }
        let at = self.unknown_at((row, line), col, "segment", name);
        self.unresolved_name("segment", name, at);
        None
    }

    pub(super) fn resolve_segment(&mut self, name: &str) -> Option<Ix<Segment>> {
        let mapped = self.mapped_segments.get(&self.mapping.segments, name);
        if let Some(r) = known(self.ds.segments(), &self.segment_names, mapped, name) {
            return r;
        }
        if self.mapping.unknown_segments == Unknown::Create && !name.trim().is_empty() {
            let seg = Segment {
                id: SegmentId::new(free_id(name, self.ds.segments())),
                name: Text::same(name.trim()),
                kind: SegmentKind::Company,
                aliases: Vec::new(),
            };
            let id = seg.id.clone();
            let ix = create(self.ds.segments_mut(), &mut self.segment_names, seg)?;
            self.new_segments.push(id);
            return Some(ix);
        }
        None
    }

    pub(super) fn resolve_indicator(&mut self, name: &str) -> Option<Ix<Indicator>> {
        let mapped = self.mapped_indicators.get(&self.mapping.indicators, name);
        if let Some(r) = known(self.ds.indicators(), &self.indicator_names, mapped, name) {
            return r;
        }
        if self.mapping.unknown_indicators == Unknown::Create && !name.trim().is_empty() {
            let unit = if super::super::names::percent_like(name) {
                Unit::Percent
            } else {
                Unit::Index {
                    min: None,
                    max: None,
                }
            };
            let ind = Indicator {
                id: IndicatorId::new(free_id(name, self.ds.indicators())),
                name: Text::same(name.trim()),
                definition: Text::new(
                    format!(
                        "Imported column \"{}\" (definition not given in the file).",
                        name.trim()
                    ),
                    format!(
                        "Colonne importée « {} » (définition absente du fichier).",
                        name.trim()
                    ),
                ),
                unit,
                direction: Direction::Neutral,
                group: IndicatorGroup::Other,
                channel_specific: false,
                channel_mix: false,
            };
            let id = ind.id.clone();
            let (lo, hi) = ind.unit.range();
            if let Some(ix) = create(self.ds.indicators_mut(), &mut self.indicator_names, ind) {
                self.new_indicators.push(id);
                // one range more, in index order (no pass over every indicator)
                if self.ranges.len() == ix.position() {
                    self.ranges
                        .push((lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY)));
                } else {
                    self.refresh_ranges();
                }
                return Some(ix);
            }
        }
        None
    }
}

/// The record `name` denotes by the mapping's name table (`mapped`: its answer is final,
/// even an id the dataset lacks) or by the catalogue's names; `None` when neither knows it.
fn known<T: Keyed>(
    table: &Table<T>,
    index: &NameIndex<T>,
    mapped: Option<&str>,
    name: &str,
) -> Option<Resolved<T>> {
    if let Some(id) = mapped {
        return Some(table.ix(id));
    }
    table.ix(name).or_else(|| index.get(name)).map(Some)
}

/// Adds a record the import creates to its table and its names to the index; `None` when
/// the table refuses it.
fn create<T: RecordNames>(
    table: &mut Table<T>,
    index: &mut NameIndex<T>,
    record: T,
) -> Option<Ix<T>> {
    let names: Vec<String> = record.names().map(str::to_owned).collect();
    let ix = table.push(record).ok()?;
    for n in &names {
        index.add(n, ix);
    }
    Some(ix)
}

//! Names to catalogue indices: regions, channels, segments and indicators through the
//! mapping's name maps, the catalogue, or new records (`unknown_…: Create`); names that match
//! nothing are collected with their first cell and suggestions.

use super::*;

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

    /// The region `name` denotes exactly (as [`mapping::find_region`], through the index).
    fn find_region(&self, name: &str) -> Option<Ix<Region>> {
        self.ds
            .regions()
            .ix(name)
            .or_else(|| self.region_names.get(name))
    }

    pub(super) fn resolve_region(&mut self, name: &str, code: Option<&str>) -> Option<Ix<Region>> {
        if let Some(id) = self.mapped_regions.get(&self.mapping.regions, name) {
            return self.ds.regions().ix(id);
        }
        if let Some(code) = code.filter(|c| !c.trim().is_empty())
            && let Some(ix) = self.find_region(code.trim())
        {
            return Some(ix);
        }
        if let Some(ix) = self.find_region(name) {
            return Some(ix);
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
            let names: Vec<String> = std::iter::once(id.as_str().to_owned())
                .chain(std::iter::once(region.name.en.clone()))
                .chain(region.iso.iter().cloned())
                .chain(region.aliases.iter().cloned())
                .collect();
            if let Ok(ix) = self.ds.regions_mut().push(region) {
                for n in &names {
                    self.region_names.add(n, ix);
                }
                self.new_regions.push(id);
                return Some(ix);
            }
        }
        None
    }

    pub(super) fn resolve_channel(&mut self, name: &str) -> Option<Ix<Channel>> {
        if let Some(id) = self.mapped_channels.get(&self.mapping.channels, name) {
            return self.ds.channels().ix(id);
        }
        self.ds
            .channels()
            .ix(name)
            .or_else(|| self.channel_names.get(name))
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
        if let Some(id) = self.mapped_segments.get(&self.mapping.segments, name) {
            return self.ds.segments().ix(id);
        }
        if let Some(ix) = self
            .ds
            .segments()
            .ix(name)
            .or_else(|| self.segment_names.get(name))
        {
            return Some(ix);
        }
        if self.mapping.unknown_segments == Unknown::Create && !name.trim().is_empty() {
            let base = text::slug(name);
            let mut id = base.clone();
            let mut k = 2;
            while self.ds.segments().ix(&id).is_some() {
                id = format!("{base}_{k}");
                k += 1;
            }
            let seg = Segment {
                id: SegmentId::new(id),
                name: Text::same(name.trim()),
                kind: SegmentKind::Company,
                aliases: Vec::new(),
            };
            let id = seg.id.clone();
            let display = seg.name.en.clone();
            let ix = self.ds.segments_mut().push(seg).ok()?;
            self.segment_names.add(id.as_str(), ix);
            self.segment_names.add(&display, ix);
            self.new_segments.push(id);
            return Some(ix);
        }
        None
    }

    pub(super) fn resolve_indicator(&mut self, name: &str) -> Option<Ix<Indicator>> {
        if let Some(id) = self.mapped_indicators.get(&self.mapping.indicators, name) {
            return self.ds.indicators().ix(id);
        }
        if let Some(ix) = self
            .ds
            .indicators()
            .ix(name)
            .or_else(|| self.indicator_names.get(name))
        {
            return Some(ix);
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
            let mut id = text::slug(name);
            let mut k = 2;
            while self.ds.indicators().ix(&id).is_some() {
                id = format!("{}_{k}", text::slug(name));
                k += 1;
            }
            let ind = Indicator {
                id: IndicatorId::new(id),
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
            let display = ind.name.en.clone();
            if let Ok(ix) = self.ds.indicators_mut().push(ind) {
                self.indicator_names.add(id.as_str(), ix);
                self.indicator_names.add(&display, ix);
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

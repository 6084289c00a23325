//! Names to catalogue indices: regions, channels, segments and indicators through the
//! mapping's name maps, the catalogue, or new records (`unknown_…: Create`); names that match
//! nothing are collected with their first cell and suggestions.

use super::*;

impl Builder<'_> {
    pub(super) fn unresolved_name(&mut self, what: &'static str, name: &str, at: CellError) {
        if self
            .unresolved
            .iter()
            .any(|(w, u)| *w == what && u.name == name)
        {
            return;
        }
        let suggestions = if what == "region" {
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

    pub(super) fn mapped<'a>(
        map: &'a std::collections::BTreeMap<String, String>,
        name: &str,
    ) -> Option<&'a str> {
        if let Some(v) = map.get(name) {
            return Some(v);
        }
        let n = text::normalise(name);
        map.iter()
            .find(|(k, _)| text::normalise(k) == n)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn resolve_region(&mut self, name: &str, code: Option<&str>) -> Option<u32> {
        if let Some(id) = Self::mapped(&self.mapping.regions, name) {
            return self.ds.regions.ix(id);
        }
        if let Some(code) = code.filter(|c| !c.trim().is_empty())
            && let Some(ix) = mapping::find_region(code.trim(), &self.ds)
        {
            return Some(ix);
        }
        if let Some(ix) = mapping::find_region(name, &self.ds) {
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
            };
            let id = region.id.clone();
            if let Ok(ix) = self.ds.regions.push(region) {
                self.new_regions.push(id);
                return Some(ix);
            }
        }
        None
    }

    pub(super) fn resolve_channel(&mut self, name: &str) -> Option<u32> {
        if let Some(id) = Self::mapped(&self.mapping.channels, name) {
            return self.ds.channels.ix(id);
        }
        mapping::find_channel(name, &self.ds)
    }

    /// The segment an account handle of a thread denotes; unknown handles are reported
    /// (with the cell where the handle is) like any unknown name.
    pub(crate) fn account_segment(&mut self, name: &str, at: &CellError) -> Option<u32> {
        if let Some(ix) = self.resolve_segment(name) {
            return Some(ix);
        }
        self.unresolved_name("segment", name, at.clone());
        None
    }

    pub(super) fn resolve_segment(&mut self, name: &str) -> Option<u32> {
        if let Some(id) = Self::mapped(&self.mapping.segments, name) {
            return self.ds.segments.ix(id);
        }
        if let Some(ix) = mapping::find_segment(name, &self.ds) {
            return Some(ix);
        }
        if self.mapping.unknown_segments == Unknown::Create && !name.trim().is_empty() {
            let base = text::slug(name);
            let mut id = base.clone();
            let mut k = 2;
            while self.ds.segments.ix(&id).is_some() {
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
            let ix = self.ds.segments.push(seg).ok()?;
            self.new_segments.push(id);
            return Some(ix);
        }
        None
    }

    pub(super) fn resolve_indicator(&mut self, name: &str) -> Option<u32> {
        if let Some(id) = Self::mapped(&self.mapping.indicators, name) {
            return self.ds.indicators.ix(id);
        }
        if let Some(ix) = mapping::find_indicator(name, &self.ds) {
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
            while self.ds.indicators.ix(&id).is_some() {
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
            if let Ok(ix) = self.ds.indicators.push(ind) {
                self.new_indicators.push(id);
                self.refresh_ranges();
                return Some(ix);
            }
        }
        None
    }
}

//! The names found in the rows read: region rows (with their suggestions and the choice made)
//! and indicator drafts, recomputed when the roles or the layout change, keeping the choices
//! already made for names still present.

use super::*;

impl ImportDialog {
    /// Recomputes the region rows and indicator drafts from the rows read, keeping the
    /// choices already made for names still present.
    pub(super) fn refresh_names(&mut self) {
        let rows = &self.preview.rows;
        let cell = |row: &Vec<String>, col: usize| row.get(col).map(|s| s.trim().to_owned());
        // regions
        let mut regions = Vec::new();
        if let Some(rc) = self.col(Role::Region) {
            let code_col = self.col(Role::Code);
            let mut seen = std::collections::HashSet::new();
            for row in rows {
                let Some(name) = cell(row, rc).filter(|n| !n.is_empty()) else {
                    continue;
                };
                if !seen.insert(name.clone()) {
                    continue;
                }
                let code = code_col
                    .and_then(|c| cell(row, c))
                    .filter(|c| !c.is_empty());
                if let Some(prev) = self.regions.iter().find(|r| r.name == name) {
                    regions.push(prev.clone());
                    continue;
                }
                regions.push(self.region_row(&name, code.as_deref()));
            }
        }
        self.regions = regions;
        // outcome codes of a contact log: every distinct value seen, with its meaning
        let mut codes = Vec::new();
        if self.layout == Layout::ContactLog
            && let Some(oc) = self.col(Role::Outcome)
        {
            for row in rows {
                let Some(v) = cell(row, oc).filter(|v| !v.is_empty()) else {
                    continue;
                };
                if codes.len() >= 24 || codes.iter().any(|(c, _)| *c == v) {
                    continue;
                }
                let known = self
                    .outcome_codes
                    .iter()
                    .find(|(c, _)| *c == v)
                    .and_then(|(_, o)| *o)
                    .or_else(|| import::outcome_meaning(&self.base.outcomes, &v));
                codes.push((v, known));
            }
        }
        self.outcome_codes = codes;
        // indicators
        let mut names: Vec<String> = Vec::new();
        let mut push = |n: String| {
            if !n.is_empty() && !names.contains(&n) {
                names.push(n);
            }
        };
        match self.layout {
            Layout::WideIndicators | Layout::Owid => {
                for (i, h) in self.preview.headers.iter().enumerate() {
                    if self.roles[i] == Role::Value {
                        push(h.trim().to_owned());
                    }
                }
            }
            Layout::Long | Layout::WideYears => match self.col(Role::Indicator) {
                Some(ic) => rows.iter().filter_map(|r| cell(r, ic)).for_each(&mut push),
                None => push(self.indicator_constant.trim().to_owned()),
            },
            Layout::SurveyAnswers | Layout::ContactLog | Layout::Threads | Layout::Tickets => {}
        }
        let mut drafts = Vec::new();
        for name in names {
            if let Some(prev) = self.indicators.iter().find(|d| d.name == name) {
                drafts.push(prev.clone());
                continue;
            }
            let mapped = mapped(&self.base.indicators, &name);
            if mapped.is_none() && find_indicator(&name, &self.catalog).is_some() {
                continue;
            }
            let draft = match mapped {
                Some(id) if self.catalog.indicators().ix(id).is_some() => {
                    let mut d = IndicatorDraft::new(&name, &|_| false);
                    d.existing = Some(IndicatorId::new(id));
                    d
                }
                Some(id) => match self
                    .base
                    .new_indicators
                    .iter()
                    .find(|i| i.id.as_str() == id)
                {
                    Some(ind) => IndicatorDraft::from_indicator(&name, ind),
                    None => self.fresh_draft(&name, &drafts),
                },
                None => match self
                    .base
                    .new_indicators
                    .iter()
                    .find(|i| i.id.as_str() == name || i.name.en == name || i.name.fr == name)
                {
                    Some(ind) => IndicatorDraft::from_indicator(&name, ind),
                    None => self.fresh_draft(&name, &drafts),
                },
            };
            drafts.push(draft);
        }
        self.indicators = drafts;
    }

    pub(super) fn fresh_draft(&self, name: &str, others: &[IndicatorDraft]) -> IndicatorDraft {
        IndicatorDraft::new(name, &|id| {
            self.catalog.indicators().ix(id).is_some()
                || others.iter().any(|d| d.id == id)
                || self.indicators.iter().any(|d| d.id == id && d.name != name)
        })
    }

    pub(super) fn region_row(&self, name: &str, code: Option<&str>) -> RegionRow {
        let known = code
            .and_then(|c| find_region(c, &self.catalog))
            .or_else(|| find_region(name, &self.catalog))
            .and_then(|ix| self.catalog.regions().at(ix))
            .map(|r| r.id.clone());
        let suggestions = if known.is_some() {
            Vec::new()
        } else {
            import::suggest_region(name, &self.catalog)
        };
        let saved = mapped(&self.base.regions, name).map(|id| {
            match self.base.new_regions.iter().find(|r| r.id.as_str() == id) {
                Some(r) if r.kind == RegionKind::Group => RegionChoice::NewGroup,
                Some(_) => RegionChoice::NewCountry,
                None => RegionChoice::Existing(RegionId::new(id)),
            }
        });
        let choice = saved.unwrap_or_else(|| match (&known, suggestions.first()) {
            (Some(id), _) => RegionChoice::Existing(id.clone()),
            (None, Some((id, _))) => RegionChoice::Existing(id.clone()),
            (None, None) if self.base.unknown_regions == Unknown::Create => {
                if code.is_some() || self.col(Role::Code).is_none() {
                    RegionChoice::NewCountry
                } else {
                    RegionChoice::NewGroup
                }
            }
            (None, None) => RegionChoice::Unset,
        });
        RegionRow {
            name: name.to_owned(),
            known,
            suggestions,
            choice,
        }
    }
}

//! The dialog's state as a core `Mapping` (regions, indicators, source), and the confirmed import.

use super::mapping_error::MappingError;
use super::*;
use crate::i18n::Msg;

impl ImportDialog {
    /// The mapping described by the dialog's current choices, or what is missing. Fields
    /// the dialog does not show are kept from the mapping it started from.
    pub fn mapping(&self) -> Result<Mapping, MappingError> {
        let mut m = self.base.clone();
        m.layout = self.layout;
        m.sheet = self.preview.sheet.clone();
        m.columns = import::Columns::default();
        let headers = &self.preview.headers;
        let mut values = Vec::new();
        for (i, role) in self.roles.iter().enumerate() {
            if role.multiple(self.layout) {
                values.push(headers[i].clone());
            } else if let Some(slot) = role.slot(&mut m.columns) {
                *slot = Some(headers[i].clone());
            }
        }
        m.period_from = self
            .roles
            .iter()
            .position(|r| *r == Role::DateForPeriod)
            .map(|i| import::PeriodFrom {
                column: headers[i].clone(),
                ..Default::default()
            });
        if self.layout == Layout::ContactLog {
            for (value, code) in &self.outcome_codes {
                match code {
                    // values the built-in words already mean need no entry
                    Some(c) if import::outcome_meaning(&Default::default(), value) != Some(*c) => {
                        m.outcomes.insert(value.clone(), *c);
                    }
                    _ => {
                        m.outcomes.remove(value);
                    }
                }
            }
        }
        self.filters.put(&mut m, headers);
        m.bad_rows = if self.skip_bad_rows {
            import::BadRows::Skip
        } else {
            import::BadRows::Error
        };
        // wide layouts: list the value columns only when they differ from the default
        m.value_columns = if is_wide(self.layout) {
            let default: Vec<String> = headers
                .iter()
                .enumerate()
                .filter(|(i, h)| {
                    (self.roles[*i] == Role::Value || self.roles[*i] == Role::Ignore)
                        && !h.trim().is_empty()
                        && (self.layout != Layout::WideYears || Period::parse(h.trim()).is_ok())
                })
                .map(|(_, h)| h.clone())
                .collect();
            if default == values {
                Vec::new()
            } else {
                values
            }
        } else {
            Vec::new()
        };
        let c = &m.columns;
        let missing = |role: Msg| MappingError::NoColumn { role };
        // constants
        m.constants = import::Constants::default();
        if c.region.is_none() {
            match &self.region_constant {
                Some(id) => m.constants.region = Some(id.to_string()),
                None => return Err(missing(Msg::ColumnOfRegion)),
            }
        }
        if c.channel.is_none() {
            m.constants.channel = self.channel_constant.as_ref().map(|id| id.to_string());
        }
        let ind = self.indicator_constant.trim();
        if c.indicator.is_none() && !ind.is_empty() {
            m.constants.indicator = Some(ind.to_owned());
        }
        let period = self.period_constant.trim();
        if c.period.is_none() && !period.is_empty() {
            match Period::parse(period) {
                Ok(p) => m.constants.period = Some(p),
                Err(error) => {
                    return Err(MappingError::BadPeriodConstant {
                        text: period.to_owned(),
                        error,
                    });
                }
            }
        }
        let has_period =
            c.period.is_some() || m.constants.period.is_some() || m.period_from.is_some();
        let has_indicator = c.indicator.is_some() || m.constants.indicator.is_some();
        match self.layout {
            Layout::Long => {
                if c.value.is_none() {
                    return Err(MappingError::NoValueColumn);
                }
                if !has_indicator {
                    return Err(missing(Msg::ColumnOfIndicator));
                }
                if !has_period {
                    return Err(missing(Msg::ColumnOfPeriod));
                }
            }
            Layout::WideYears => {
                if !has_indicator {
                    return Err(missing(Msg::ColumnOfIndicator));
                }
            }
            Layout::WideIndicators
            | Layout::Owid
            | Layout::SurveyAnswers
            | Layout::ContactLog
            | Layout::Threads
            | Layout::Tickets => {
                if !has_period {
                    return Err(missing(Msg::ColumnOfPeriod));
                }
            }
        }
        if is_wide(self.layout) && !self.roles.contains(&Role::Value) {
            return Err(MappingError::NoValueColumns);
        }
        if self.layout == Layout::SurveyAnswers && c.recommend.is_none() && c.satisfaction.is_none()
        {
            return Err(MappingError::NoRecommendColumn);
        }
        if self.layout == Layout::ContactLog && c.queue_s.is_none() {
            return Err(MappingError::NoQueueTimeColumn);
        }
        self.put_regions(&mut m)?;
        self.put_indicators(&mut m)?;
        // source, grade, numbers
        let title = self.source_title.trim();
        m.source = match &self.base.source {
            Some(s) if s.title == title || title.is_empty() => Some(s.clone()),
            Some(s) => Some(Source {
                title: title.to_owned(),
                ..s.clone()
            }),
            None if title.is_empty() || title == self.file_name => None,
            None => Some(self.own_source(title)),
        };
        m.grade = self.grade;
        m.decimal_comma = if self.base.decimal_comma.is_some()
            || self.decimal_comma != self.preview.decimal_comma
        {
            Some(self.decimal_comma)
        } else {
            None
        };
        Ok(m)
    }

    pub(super) fn own_source(&self, title: &str) -> Source {
        import::own_source(title, &self.file_name, &import::file_date(&self.path))
    }

    pub(super) fn put_regions(&self, m: &mut Mapping) -> Result<(), MappingError> {
        for row in &self.regions {
            if let Some(old) = remove_mapped(&mut m.regions, &row.name) {
                m.new_regions.retain(|r| r.id.as_str() != old);
            }
        }
        for row in &self.regions {
            let kind = match &row.choice {
                RegionChoice::Unset => {
                    return Err(MappingError::RegionKindUnset {
                        name: row.name.clone(),
                    });
                }
                RegionChoice::Existing(id) => {
                    if row.known.as_ref() != Some(id) {
                        m.regions.insert(row.name.clone(), id.to_string());
                    }
                    continue;
                }
                RegionChoice::NewCountry => RegionKind::Country,
                RegionChoice::NewGroup => RegionKind::Group,
            };
            let mut id = free_region_id(&row.name, &self.catalog);
            let mut k = 2;
            while m.new_regions.iter().any(|r| r.id == id) {
                id = RegionId::new(format!("{}_{k}", slug(&row.name)));
                k += 1;
            }
            if id.as_str().is_empty() {
                id = RegionId::new(format!("region_{k}"));
            }
            m.regions.insert(row.name.clone(), id.to_string());
            m.new_regions.push(Region {
                id,
                name: Text::same(row.name.trim()),
                kind,
                members: Vec::new(),
                parent: None,
                iso: None,
                aliases: Vec::new(),
                colour: None,
            });
        }
        Ok(())
    }

    pub(super) fn put_indicators(&self, m: &mut Mapping) -> Result<(), MappingError> {
        for d in &self.indicators {
            if let Some(old) = remove_mapped(&mut m.indicators, &d.name) {
                m.new_indicators.retain(|i| i.id.as_str() != old);
            }
            m.new_indicators.retain(|i| i.id.as_str() != d.id.trim());
        }
        for d in &self.indicators {
            if let Some(id) = &d.existing {
                m.indicators.insert(d.name.clone(), id.to_string());
                continue;
            }
            let id = d.id.trim();
            if !crate::model::ids::is_slug(id) {
                return Err(MappingError::BadIndicatorId {
                    name: d.name.clone(),
                    id: id.to_owned(),
                });
            }
            if self.catalog.indicators().ix(id).is_some()
                || m.new_indicators.iter().any(|i| i.id.as_str() == id)
            {
                return Err(MappingError::IndicatorIdTaken {
                    name: d.name.clone(),
                    id: id.to_owned(),
                });
            }
            if d.unit == UnitKind::Score
                && !(d.min.is_finite() && d.max.is_finite() && d.min < d.max)
            {
                return Err(MappingError::ScoreMinAboveMax {
                    name: d.name.clone(),
                });
            }
            let code = d.currency.trim();
            if d.unit == UnitKind::Currency
                && !(code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()))
            {
                return Err(MappingError::BadCurrencyCode {
                    name: d.name.clone(),
                });
            }
            m.new_indicators.push(d.indicator(&self.file_name));
            if id != d.name {
                m.indicators.insert(d.name.clone(), id.to_owned());
            }
        }
        Ok(())
    }

    /// Builds the mapping; the outcome says whether to save it beside the data file
    /// ([`ImportDialog::save_mapping`]), which the app does on its loader thread
    /// ([`super::save_mapping_beside`]). `Err` says what is missing.
    pub fn confirm(&self) -> Result<ImportOutcome, MappingError> {
        let mapping = self.mapping()?;
        Ok(ImportOutcome::Import {
            path: self.path.clone(),
            sheet: mapping.sheet.clone(),
            mapping: Box::new(mapping),
            save_beside: self.save_mapping,
        })
    }
}

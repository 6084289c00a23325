//! Rows of the region and indicator tables: the choice for each unknown name.

use super::*;
use crate::i18n::Msg;

/// What an unknown (or known) region name of the file becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegionChoice {
    /// Not decided yet: the import cannot start.
    Unset,
    /// A region of the catalogue.
    Existing(RegionId),
    /// A new country region named after the name in the file.
    NewCountry,
    /// A new group of countries (without members) named after the name in the file.
    NewGroup,
}

/// One distinct region name of the region column.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionRow {
    /// The name as written in the file.
    pub name: String,
    /// The catalogue region it denotes exactly (id, ISO code, alias, English or French
    /// name), if any.
    pub known: Option<RegionId>,
    /// Likely catalogue regions for an unknown name, best first, with a score 0–1
    /// ([`crate::io::import::suggest_region`]).
    pub suggestions: Vec<(RegionId, f64)>,
    /// What the name becomes.
    pub choice: RegionChoice,
}

/// Kind of unit offered for a new indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// Percentage, 0–100.
    Percent,
    /// Score between [`IndicatorDraft::min`] and [`IndicatorDraft::max`].
    Score,
    /// Seconds.
    Seconds,
    /// Money in [`IndicatorDraft::currency`].
    Currency,
    /// A count.
    Count,
    /// An unbounded index.
    Index,
}

impl UnitKind {
    /// All kinds, in menu order.
    pub const ALL: [UnitKind; 6] = [
        UnitKind::Percent,
        UnitKind::Score,
        UnitKind::Seconds,
        UnitKind::Currency,
        UnitKind::Count,
        UnitKind::Index,
    ];

    /// Label in the unit menu.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            UnitKind::Percent => Msg::Percent.get(lang),
            UnitKind::Score => Msg::Score.get(lang),
            UnitKind::Seconds => Msg::Seconds.get(lang),
            UnitKind::Currency => Msg::Currency.get(lang),
            UnitKind::Count => Msg::Count.get(lang),
            UnitKind::Index => Msg::Index.get(lang),
        }
    }
}

pub(super) fn direction_label(d: Direction, lang: Lang) -> &'static str {
    match d {
        Direction::HigherIsBetter => Msg::DirHigherIsBetter.get(lang),
        Direction::LowerIsBetter => Msg::DirLowerIsBetter.get(lang),
        Direction::Neutral => Msg::Neutral.get(lang),
    }
}

/// An indicator name of the file that is not in the catalogue.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorDraft {
    /// The name as written in the file (indicator cell or column header).
    pub name: String,
    /// `Some`: map the name to this catalogue indicator; `None`: create a new indicator.
    pub existing: Option<IndicatorId>,
    /// Id of the new indicator (a slug).
    pub id: String,
    /// Display name of the new indicator.
    pub label: String,
    /// Unit kind.
    pub unit: UnitKind,
    /// Lowest score ([`UnitKind::Score`]).
    pub min: f64,
    /// Highest score ([`UnitKind::Score`]).
    pub max: f64,
    /// ISO 4217 code ([`UnitKind::Currency`]).
    pub currency: String,
    /// Which way is better.
    pub direction: Direction,
    /// Definition and group kept from a saved mapping.
    kept: Option<Indicator>,
}

impl IndicatorDraft {
    pub(super) fn new(name: &str, taken: &dyn Fn(&str) -> bool) -> IndicatorDraft {
        let percent = import::percent_like(name);
        let base = match slug(name) {
            s if s.is_empty() => "indicator".to_owned(),
            s => s,
        };
        let id = std::iter::once(base.clone())
            .chain((2..).map(|k| format!("{base}_{k}")))
            .find(|c| !taken(c))
            .unwrap_or(base);
        IndicatorDraft {
            name: name.to_owned(),
            existing: None,
            id,
            label: name.trim().to_owned(),
            unit: if percent {
                UnitKind::Percent
            } else {
                UnitKind::Index
            },
            min: 0.0,
            max: 10.0,
            currency: "EUR".into(),
            direction: Direction::Neutral,
            kept: None,
        }
    }

    pub(super) fn from_indicator(name: &str, ind: &Indicator) -> IndicatorDraft {
        let (unit, min, max, currency) = match &ind.unit {
            Unit::Percent => (UnitKind::Percent, 0.0, 10.0, "EUR".to_owned()),
            Unit::Score { min, max } => (UnitKind::Score, *min, *max, "EUR".to_owned()),
            Unit::Seconds => (UnitKind::Seconds, 0.0, 10.0, "EUR".to_owned()),
            Unit::Currency { code } => (UnitKind::Currency, 0.0, 10.0, code.clone()),
            Unit::Count => (UnitKind::Count, 0.0, 10.0, "EUR".to_owned()),
            Unit::Index { .. } => (UnitKind::Index, 0.0, 10.0, "EUR".to_owned()),
        };
        IndicatorDraft {
            name: name.to_owned(),
            existing: None,
            id: ind.id.to_string(),
            label: ind.name.en.clone(),
            unit,
            min,
            max,
            currency,
            direction: ind.direction,
            kept: Some(ind.clone()),
        }
    }

    /// The unit described by the draft.
    pub fn unit(&self) -> Unit {
        match self.unit {
            UnitKind::Percent => Unit::Percent,
            UnitKind::Score => Unit::Score {
                min: self.min,
                max: self.max,
            },
            UnitKind::Seconds => Unit::Seconds,
            UnitKind::Currency => Unit::Currency {
                code: self.currency.trim().to_ascii_uppercase(),
            },
            UnitKind::Count => Unit::Count,
            UnitKind::Index => match &self.kept {
                Some(Indicator {
                    unit: u @ Unit::Index { .. },
                    ..
                }) => u.clone(),
                _ => Unit::Index {
                    min: None,
                    max: None,
                },
            },
        }
    }

    /// The new indicator described by the draft.
    pub(super) fn indicator(&self, file_name: &str) -> Indicator {
        let label = self.label.trim();
        let mut ind = self.kept.clone().unwrap_or_else(|| Indicator {
            id: IndicatorId::new(""),
            name: Text::default(),
            definition: Text::new(
                format!(
                    "Imported from {file_name} (column or name \"{}\").",
                    self.name
                ),
                format!("Importé de {file_name} (colonne ou nom « {} »).", self.name),
            ),
            unit: Unit::Percent,
            direction: Direction::Neutral,
            group: IndicatorGroup::Other,
            channel_specific: false,
            channel_mix: false,
        });
        ind.id = IndicatorId::new(self.id.trim());
        if ind.name.en != label {
            ind.name = Text::same(label);
        }
        ind.unit = self.unit();
        ind.direction = self.direction;
        ind
    }
}

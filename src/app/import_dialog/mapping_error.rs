//! Why the import dialog's choices do not make a mapping yet ([`MappingError`]): typed,
//! and said in the reader's language by [`MappingError::message`] from catalogue rows.

use crate::i18n::{Lang, Msg};
use crate::model::PeriodError;

/// What the dialog still needs before it can import.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum MappingError {
    /// A role has neither a column nor a constant; `role` is its catalogue name
    /// ([`Msg::ColumnOfRegion`], [`Msg::ColumnOfIndicator`], [`Msg::ColumnOfPeriod`]).
    NoColumn {
        /// The role, as a catalogue entry.
        role: Msg,
    },
    /// The constant period typed in the dialog is not a period.
    BadPeriodConstant {
        /// The text typed.
        text: String,
        /// Why it is not a period.
        error: PeriodError,
    },
    /// Long layout: no value column.
    NoValueColumn,
    /// Wide layouts: no column holds values.
    NoValueColumns,
    /// Survey answers: neither a recommendation nor a satisfaction column.
    NoRecommendColumn,
    /// Contact log: no queue-time column.
    NoQueueTimeColumn,
    /// A region name of the file is neither mapped nor declared new.
    RegionKindUnset {
        /// The name as written in the file.
        name: String,
    },
    /// A new indicator's id is not a slug.
    BadIndicatorId {
        /// The indicator's name in the file.
        name: String,
        /// The id typed.
        id: String,
    },
    /// A new indicator's id is already used.
    IndicatorIdTaken {
        /// The indicator's name in the file.
        name: String,
        /// The id typed.
        id: String,
    },
    /// A new score indicator's bounds are not finite or not in order.
    ScoreMinAboveMax {
        /// The indicator's name in the file.
        name: String,
    },
    /// A new currency indicator's code is not three letters.
    BadCurrencyCode {
        /// The indicator's name in the file.
        name: String,
    },
}

impl MappingError {
    /// What is missing or wrong, in `lang` (`Display` gives the English text).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MappingError::NoColumn { role } => {
                Msg::ChooseColumnOrConstant.fill(lang, &[&role.get(lang)])
            }
            MappingError::BadPeriodConstant { text, error } => {
                Msg::BadPeriodConstant.fill(lang, &[text, error])
            }
            MappingError::NoValueColumn => Msg::ChooseValueColumn.get(lang).to_owned(),
            MappingError::NoValueColumns => Msg::ChooseValueColumns.get(lang).to_owned(),
            MappingError::NoRecommendColumn => Msg::ChooseRecommendColumn.get(lang).to_owned(),
            MappingError::NoQueueTimeColumn => Msg::ChooseQueueTimeColumn.get(lang).to_owned(),
            MappingError::RegionKindUnset { name } => Msg::ChooseRegionKind.fill(lang, &[name]),
            MappingError::BadIndicatorId { name, id } => {
                Msg::BadIndicatorId.fill(lang, &[name, id])
            }
            MappingError::IndicatorIdTaken { name, id } => {
                Msg::IndicatorIdTaken.fill(lang, &[name, id])
            }
            MappingError::ScoreMinAboveMax { name } => Msg::ScoreMinAboveMax.fill(lang, &[name]),
            MappingError::BadCurrencyCode { name } => Msg::BadCurrencyCode.fill(lang, &[name]),
        }
    }
}

//! What is wrong with an imported cell, typed ([`CellDetail`]) so that the French message
//! says it in French: the common cases (not a number, not a period) have catalogue rows;
//! the rest of the row engine's details are still known only by their English text.

use crate::i18n::{Lang, Msg};

/// What a cell holds, as a message shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Text (shortened, control characters replaced), shown between backticks.
    Text(String),
    /// A number of a workbook, as printed.
    Number(String),
    /// Nothing.
    Empty,
    /// A spreadsheet error value (`#DIV/0!`).
    SheetError(String),
}

impl Shown {
    /// The cell's content in words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Shown::Text(s) => format!("`{s}`"),
            Shown::Number(v) => Msg::ShownNumber.fill(lang, &[v]),
            Shown::Empty => Msg::ShownEmpty.get(lang).to_owned(),
            Shown::SheetError(e) => Msg::ShownSheetError.fill(lang, &[e]),
        }
    }
}

/// Why a cell was refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum CellDetail {
    /// Text that is neither a number nor a missing-value marker.
    NotANumber(Box<Shown>),
    /// A spreadsheet error where a number was expected.
    NumberOrEmpty(Box<Shown>),
    /// Not a period.
    NotAPeriod(Box<Shown>),
    /// Only the English text of [`super::CellError::message`] says it.
    #[default]
    Other,
}

impl CellDetail {
    /// The detail in `lang`; `english` is the row engine's text, the last resort for
    /// [`CellDetail::Other`] in another language than English.
    pub fn message(&self, lang: Lang, english: &str) -> String {
        match self {
            CellDetail::NotANumber(s) => Msg::CellNotANumber.fill(lang, &[&s.message(lang)]),
            CellDetail::NumberOrEmpty(s) => Msg::CellNumberOrEmpty.fill(lang, &[&s.message(lang)]),
            CellDetail::NotAPeriod(s) => Msg::CellNotAPeriod.fill(lang, &[&s.message(lang)]),
            CellDetail::Other if lang == Lang::En => english.to_owned(),
            CellDetail::Other => Msg::CellRawDetail.fill(lang, &[&english]),
        }
    }
}

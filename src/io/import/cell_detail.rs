//! What is wrong with an imported cell, typed ([`CellDetail`]) so that every message says
//! it in the reader's language: each case the row engine can raise has its variant, with
//! the values the sentence shows, and a catalogue row in English and French. A new case
//! cannot be added without its translation: [`CellDetail::message`] matches every variant.

use crate::i18n::{Lang, Msg};
use crate::model::UnknownIndex;

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

/// A required cell of a raw-record layout that was found empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needed {
    /// The message id of a thread message.
    MessageId,
    /// The date and time of a thread message.
    MessageTime,
    /// The key of a ticket event.
    TicketKey,
    /// The queue time of a contact.
    QueueSeconds,
}

/// The bounds of an indicator's unit (`None`: open on that side).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Lowest value allowed.
    pub min: Option<f64>,
    /// Highest value allowed.
    pub max: Option<f64>,
}

// the bounds of a unit are finite numbers, never NaN: equality is total
impl Eq for Bounds {}

/// Why a cell was refused: one variant per case, with what its sentence shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellDetail {
    /// Text that is neither a number nor a missing-value marker.
    NotANumber(Box<Shown>),
    /// A spreadsheet error where a number was expected.
    NumberOrEmpty(Box<Shown>),
    /// Not a period.
    NotAPeriod(Box<Shown>),
    /// A text cell (header or data) over [`super::MAX_CELL_BYTES`].
    TooLong {
        /// Its size.
        bytes: usize,
        /// The limit.
        limit_bytes: usize,
    },
    /// A text row with another number of fields than the header row.
    FieldCount {
        /// Fields of the row.
        fields: usize,
        /// Fields of the header row.
        expected: usize,
        /// The file's delimiter.
        delimiter: u8,
    },
    /// A header of the wide-years layout that is not a period (its text, shortened).
    HeaderNotAPeriod(String),
    /// A blank region cell with no mapping for blanks.
    NoRegion(Box<Shown>),
    /// A blank indicator cell.
    NoIndicator(Box<Shown>),
    /// A cell `period_from` cannot read as a date (`format`: the mapping's format).
    NotADate {
        /// What the cell holds.
        found: Box<Shown>,
        /// The format the mapping gives, if any.
        format: Option<String>,
    },
    /// Not a grade.
    NotAGrade(Box<Shown>),
    /// A source id the dataset does not define (shortened).
    UnknownSource(String),
    /// Not a whole, non-negative sample size.
    NotASampleSize(Box<Shown>),
    /// Not a margin of error.
    NotAMargin(Box<Shown>),
    /// A value outside its indicator's range.
    OutOfRange {
        /// The value, as printed.
        value: String,
        /// The indicator's id.
        indicator: String,
        /// The indicator's bounds.
        bounds: Bounds,
    },
    /// The dataset refused the row's observation.
    ObservationRefused(UnknownIndex),
    /// A required cell is empty.
    Empty(Needed),
    /// Not a true/false flag.
    NotAFlag(Box<Shown>),
    /// Not a whole number within `lo..=hi`.
    NotWholeInRange {
        /// What the cell holds.
        found: Box<Shown>,
        /// Lowest answer.
        lo: u8,
        /// Highest answer.
        hi: u8,
    },
    /// Not a duration.
    NotADuration(Box<Shown>),
    /// An outcome the mapping does not name.
    UnknownOutcome(Box<Shown>),
    /// A cell that cannot be read as a date and time (`format`: the mapping's format).
    NotADateTime {
        /// What the cell holds.
        found: Box<Shown>,
        /// The format the mapping gives, if any.
        format: Option<String>,
    },
    /// A name that matches no record (the cell where it first appears).
    UnknownName {
        /// `region`, `channel`, `segment` or `indicator`.
        what: &'static str,
        /// The name (shortened).
        name: String,
    },
}

impl CellDetail {
    /// The detail in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let shown = |s: &Shown| s.message(lang);
        match self {
            CellDetail::NotANumber(s) => Msg::CellNotANumber.fill(lang, &[&shown(s)]),
            CellDetail::NumberOrEmpty(s) => Msg::CellNumberOrEmpty.fill(lang, &[&shown(s)]),
            CellDetail::NotAPeriod(s) => Msg::CellNotAPeriod.fill(lang, &[&shown(s)]),
            CellDetail::TooLong { bytes, limit_bytes } => {
                Msg::CellTooLong.fill(lang, &[bytes, limit_bytes])
            }
            CellDetail::FieldCount {
                fields,
                expected,
                delimiter,
            } => {
                let by = match delimiter {
                    b'\t' => Msg::DelimiterTab.get(lang).to_owned(),
                    d => format!("`{}`", char::from(*d)),
                };
                Msg::CellFieldCount.fill(lang, &[fields, expected, &by])
            }
            CellDetail::HeaderNotAPeriod(text) => Msg::CellHeaderNotAPeriod.fill(lang, &[text]),
            CellDetail::NoRegion(s) => Msg::CellNoRegion.fill(lang, &[&shown(s)]),
            CellDetail::NoIndicator(s) => Msg::CellNoIndicator.fill(lang, &[&shown(s)]),
            CellDetail::NotADate { found, format } => match format {
                Some(f) => Msg::CellNotADateFormat.fill(lang, &[&shown(found), f]),
                None => Msg::CellNotADate.fill(lang, &[&shown(found)]),
            },
            CellDetail::NotAGrade(s) => Msg::CellNotAGrade.fill(lang, &[&shown(s)]),
            CellDetail::UnknownSource(id) => Msg::CellUnknownSource.fill(lang, &[id]),
            CellDetail::NotASampleSize(s) => Msg::CellNotASampleSize.fill(lang, &[&shown(s)]),
            CellDetail::NotAMargin(s) => Msg::CellNotAMargin.fill(lang, &[&shown(s)]),
            CellDetail::OutOfRange {
                value,
                indicator,
                bounds,
            } => Msg::CellOutOfRange.fill(
                lang,
                &[
                    value,
                    indicator,
                    &crate::io::validate::bounds_text((bounds.min, bounds.max), lang),
                ],
            ),
            CellDetail::ObservationRefused(e) => Msg::CellObservationRefused.fill(
                lang,
                &[
                    &crate::io::validate::noun(e.what, lang),
                    &e.position,
                    &e.len,
                ],
            ),
            CellDetail::Empty(needed) => match needed {
                Needed::MessageId => Msg::CellNoMessageId,
                Needed::MessageTime => Msg::CellNoMessageTime,
                Needed::TicketKey => Msg::CellNoTicketKey,
                Needed::QueueSeconds => Msg::CellNoQueueTime,
            }
            .get(lang)
            .to_owned(),
            CellDetail::NotAFlag(s) => Msg::CellNotAFlag.fill(lang, &[&shown(s)]),
            CellDetail::NotWholeInRange { found, lo, hi } => {
                Msg::CellNotWholeInRange.fill(lang, &[&shown(found), lo, hi])
            }
            CellDetail::NotADuration(s) => Msg::CellNotADuration.fill(
                lang,
                &[&shown(s), &(super::time::MAX_DURATION_S / 86_400.0)],
            ),
            CellDetail::UnknownOutcome(s) => Msg::CellUnknownOutcome.fill(lang, &[&shown(s)]),
            CellDetail::NotADateTime { found, format } => match format {
                Some(f) => Msg::CellNotADateTimeFormat.fill(lang, &[&shown(found), f]),
                None => Msg::CellNotADateTime.fill(lang, &[&shown(found)]),
            },
            CellDetail::UnknownName { what, name } => {
                Msg::CellUnknownName.fill(lang, &[&crate::io::validate::noun(what, lang), name])
            }
        }
    }
}

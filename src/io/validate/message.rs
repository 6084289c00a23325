//! The validation problems in words, in the reader's language: every sentence is a row of
//! the catalogue ([`Msg`]); ids, names and numbers from the file are kept as written.

use super::{Problem, ProblemKind, ValidationReport};
use crate::i18n::{Lang, Msg};

/// The catalogue's noun for a kind of record (`region`, `channel`, …), or the word as is
/// for a kind the catalogue does not name.
pub(crate) fn noun(what: &str, lang: Lang) -> &str {
    match what {
        "region" => Msg::WordRegion.get(lang),
        "channel" => Msg::WordChannel.get(lang),
        "indicator" => Msg::WordIndicator.get(lang),
        "segment" => Msg::WordSegment.get(lang),
        "source" => Msg::Source.get(lang),
        "practice" => Msg::WordPractice.get(lang),
        other => other,
    }
}

/// An indicator's bounds in words (`-100 to 100`, `at least 0`).
pub(crate) fn bounds_text(bounds: (Option<f64>, Option<f64>), lang: Lang) -> String {
    match bounds {
        (Some(lo), Some(hi)) => Msg::RangeBetween.fill(lang, &[&lo, &hi]),
        (Some(lo), None) => Msg::RangeAtLeast.fill(lang, &[&lo]),
        (None, Some(hi)) => Msg::RangeAtMost.fill(lang, &[&hi]),
        (None, None) => Msg::RangeAny.get(lang).to_owned(),
    }
}

/// Where duplicates are: observation numbers of a RON file or row numbers of an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Places {
    /// 1-based observation numbers.
    Observations(Vec<usize>),
    /// Row numbers as the user sees them.
    Rows(Vec<usize>),
}

impl Places {
    /// `observations 3, 9` or `rows 4, 12`, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Places::Observations(n) => {
                Msg::PlacesObservations.fill(lang, &[&super::list_numbers(n, lang)])
            }
            Places::Rows(n) => Msg::PlacesRows.fill(lang, &[&super::list_numbers(n, lang)]),
        }
    }
}

impl ProblemKind {
    /// What is wrong, in `lang` (`Display` gives the English text).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProblemKind::UnknownId { what, id } => {
                Msg::ProbUnknownId.fill(lang, &[&noun(what, lang), id])
            }
            ProblemKind::DuplicateId { what, id } => {
                Msg::ProbDuplicateId.fill(lang, &[&noun(what, lang), id])
            }
            ProblemKind::BadId { id } => Msg::ProbBadId.fill(lang, &[id]),
            ProblemKind::OutOfRange {
                value,
                indicator,
                bounds,
            } => Msg::ProbOutOfRange.fill(lang, &[value, indicator, &bounds_text(*bounds, lang)]),
            ProblemKind::BadMargin { margin } => Msg::ProbBadMargin.fill(lang, &[margin]),
            ProblemKind::MixOver100 { sum_pct } => {
                Msg::ProbMixOver100.fill(lang, &[&format!("{sum_pct:.1}")])
            }
            ProblemKind::MissingSource => Msg::ProbMissingSource.get(lang).to_owned(),
            ProblemKind::MissingGrade => Msg::ProbMissingGrade.get(lang).to_owned(),
            ProblemKind::PracticeWithoutSource => {
                Msg::ProbPracticeWithoutSource.get(lang).to_owned()
            }
            ProblemKind::PracticeWithoutRegion => {
                Msg::ProbPracticeWithoutRegion.get(lang).to_owned()
            }
            ProblemKind::BadAdoption { level } => Msg::ProbBadAdoption.fill(lang, &[level]),
            ProblemKind::BadUnitRange { min, max } => Msg::ProbBadUnitRange.fill(lang, &[min, max]),
            ProblemKind::SchemaTooNew { found, supported } => {
                Msg::ProbSchemaTooNew.fill(lang, &[found, supported])
            }
            ProblemKind::DuplicateObservation { count, where_ } => {
                Msg::ProbDuplicateObservation.fill(lang, &[count, &where_.message(lang)])
            }
            // free text made by the caller; no variant constructs it any more in this crate
            ProblemKind::Other(text) => text.clone(),
        }
    }
}

impl Problem {
    /// `record: what is wrong`, in `lang`, capped like every message (ids and names come
    /// from the file).
    pub fn message(&self, lang: Lang) -> String {
        let line = Msg::Labelled.fill(lang, &[&self.record, &self.kind.message(lang)]);
        crate::io::read::cap_message(&line).into_owned()
    }
}

impl ValidationReport {
    /// The count of problems, then one problem per line, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let mut s = Msg::ReportCount.fill(lang, &[&self.count()]);
        for p in &self.problems {
            s.push_str("\n  ");
            s.push_str(&p.message(lang));
        }
        if self.omitted > 0 {
            s.push_str("\n  ");
            s.push_str(&Msg::ImpAndMore.fill(lang, &[&self.omitted]));
        }
        s
    }
}

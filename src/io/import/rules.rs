/*!
Row rules of raw exports, named in the [`super::Mapping`]: the platform's own outcome codes
(`outcomes`), row filters (`exclude`, `include`), extra missing-value markers (`missing`),
the period taken from a date column (`period_from`) and the statistics computed for duration
indicators (`statistics`). The builder resolves them once against the header row
([`RowRules::resolve`]) and applies them to each row without allocating.
*/

use super::text;
use crate::model::{
    Direction, Indicator, IndicatorGroup, IndicatorId, Period, PeriodPart, Text, Unit,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a platform's outcome code means (`outcomes: {"AGENT": Answered, "PHANTOM": Ignore}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutcomeCode {
    /// An agent answered.
    Answered,
    /// The customer left before an answer.
    Abandoned,
    /// Not a customer contact (test call, phantom): the row is left out of every figure.
    Ignore,
}

/// A statistic of a duration indicator; each is its own indicator id (`asa_s`,
/// `asa_median_s`, `asa_p90_s`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Statistic {
    /// Arithmetic mean (id `<base>_s`).
    Mean,
    /// Median (id `<base>_median_s`).
    Median,
    /// 90th percentile (id `<base>_p90_s`).
    P90,
}

impl Statistic {
    /// The indicator id of this statistic of `base` (`asa` → `asa_s`, `asa_median_s`, …).
    pub fn id(self, base: &str) -> String {
        match self {
            Statistic::Mean => format!("{base}_s"),
            Statistic::Median => format!("{base}_median_s"),
            Statistic::P90 => format!("{base}_p90_s"),
        }
    }

    /// This statistic among the three computed ones.
    pub fn pick<T>(self, mean: T, median: T, p90: T) -> T {
        match self {
            Statistic::Mean => mean,
            Statistic::Median => median,
            Statistic::P90 => p90,
        }
    }

    /// English and French words for names (`median`, `médiane`).
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Statistic::Mean => ("mean", "moyenne"),
            Statistic::Median => ("median", "médiane"),
            Statistic::P90 => ("90th percentile", "9e décile"),
        }
    }
}

/// How long a period derived from a date is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bucket {
    /// Calendar year.
    Year,
    /// Half year.
    Half,
    /// Quarter.
    Quarter,
    /// Month.
    #[default]
    Month,
}

impl Bucket {
    /// The period of `bucket` length that holds a date (`month` 1–12).
    pub fn period(self, year: i16, month: u8) -> Period {
        let part = match self {
            Bucket::Year => PeriodPart::Year,
            Bucket::Half => PeriodPart::Half(if month <= 6 { 1 } else { 2 }),
            Bucket::Quarter => PeriodPart::Quarter((month - 1) / 3 + 1),
            Bucket::Month => PeriodPart::Month(month),
        };
        Period { year, part }
    }
}

/// `period_from: (column: "date", format: "%y%m%d", bucket: Month)`: the period of each row
/// from a date or timestamp column.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PeriodFrom {
    /// Header of the date column.
    pub column: String,
    /// `strftime` form of the dates; ISO dates and the timestamp forms of
    /// [`super::time::parse_timestamp`] need none.
    pub format: Option<String>,
    /// Length of the period (default: month).
    pub bucket: Bucket,
}

/// The mapping's row rules resolved to column indices.
#[derive(Clone, Debug, Default)]
pub(crate) struct RowRules {
    /// (column, lower-cased values): a row whose cell is one of them is dropped.
    exclude: Vec<(usize, Vec<String>)>,
    /// (column, lower-cased values): a row whose cell is none of them is dropped.
    include: Vec<(usize, Vec<String>)>,
    /// Missing-value markers per column (index = column) and for every column.
    missing: Vec<Vec<Vec<u8>>>,
    missing_all: Vec<Vec<u8>>,
}

impl RowRules {
    /// Resolves column names through `find` (header → index); the first unknown name is
    /// returned as `Err((role, name))`.
    pub(crate) fn resolve(
        exclude: &BTreeMap<String, Vec<String>>,
        include: &BTreeMap<String, Vec<String>>,
        missing: &BTreeMap<String, Vec<String>>,
        width: usize,
        find: impl Fn(&str) -> Option<usize>,
    ) -> Result<RowRules, (&'static str, String)> {
        let lower = |v: &[String]| v.iter().map(|s| s.trim().to_lowercase()).collect();
        let mut rules = RowRules {
            missing: vec![Vec::new(); width],
            ..RowRules::default()
        };
        for (col, values) in exclude {
            let c = find(col).ok_or(("exclude", col.clone()))?;
            rules.exclude.push((c, lower(values)));
        }
        for (col, values) in include {
            let c = find(col).ok_or(("include", col.clone()))?;
            rules.include.push((c, lower(values)));
        }
        for (col, values) in missing {
            let markers: Vec<Vec<u8>> = values
                .iter()
                .map(|v| v.trim().as_bytes().to_vec())
                .collect();
            if col == "*" {
                rules.missing_all.extend(markers);
            } else {
                let c = find(col).ok_or(("missing", col.clone()))?;
                if let Some(slot) = rules.missing.get_mut(c) {
                    slot.extend(markers);
                }
            }
        }
        Ok(rules)
    }

    /// Whether the rules can change anything (skips all work when not).
    pub(crate) fn is_empty(&self) -> bool {
        self.exclude.is_empty()
            && self.include.is_empty()
            && self.missing_all.is_empty()
            && self.missing.iter().all(Vec::is_empty)
    }

    /// Whether the trimmed cell text `t` of column `col` is a missing-value marker.
    pub(crate) fn is_missing(&self, col: usize, t: &[u8]) -> bool {
        let t = text::trim(t);
        let hit = |m: &Vec<u8>| m.eq_ignore_ascii_case(t);
        self.missing_all.iter().any(hit) || self.missing.get(col).is_some_and(|m| m.iter().any(hit))
    }

    /// Whether a row is kept by `exclude` and `include`; `text(col)` gives a cell's text.
    pub(crate) fn keeps(&self, text: impl Fn(usize) -> Option<String>) -> bool {
        let cell = |c: usize| text(c).map(|t| t.trim().to_lowercase()).unwrap_or_default();
        self.exclude
            .iter()
            .all(|(c, vals)| !vals.contains(&cell(*c)))
            && self
                .include
                .iter()
                .all(|(c, vals)| vals.contains(&cell(*c)))
    }
}

/// What an outcome value means: the mapping's code for it, else the built-in words
/// (`answered`, `abandoned`, `répondu`, `abandonné`, …); `None` when neither says.
pub fn outcome_meaning(
    outcomes: &BTreeMap<String, OutcomeCode>,
    value: &str,
) -> Option<OutcomeCode> {
    outcome_code(outcomes, value).or(match text::fold_name(value).as_str() {
        "answered" | "handled" | "served" | "repondu" | "traite" | "decroche" | "resolved"
        | "ok" | "1" => Some(OutcomeCode::Answered),
        "abandoned" | "abandon" | "abandonne" | "hang up" | "hung up" | "raccroche" | "lost"
        | "perdu" | "0" => Some(OutcomeCode::Abandoned),
        _ => None,
    })
}

/// Looks a platform outcome code up in `outcomes`, ignoring case and accents.
pub(crate) fn outcome_code(
    outcomes: &BTreeMap<String, OutcomeCode>,
    value: &str,
) -> Option<OutcomeCode> {
    let n = text::fold_name(value);
    outcomes
        .iter()
        .find(|(k, _)| text::fold_name(k) == n)
        .map(|(_, v)| *v)
}

/// The median and 90th-percentile indicators of ASA and AHT asked for in `statistics`.
pub(crate) fn duration_statistics(m: &super::Mapping) -> Vec<Indicator> {
    let mut out = Vec::new();
    for stat in &m.statistics {
        if *stat == Statistic::Mean {
            continue;
        }
        let (en, fr) = stat.words();
        for (base, name_en, name_fr, what_en, what_fr) in [
            (
                "asa",
                "Speed of answer",
                "Délai de décroché",
                "seconds answered contacts waited in the queue",
                "secondes d'attente en file des contacts répondus",
            ),
            (
                "aht",
                "Handling time",
                "Durée de traitement",
                "handling seconds of answered contacts",
                "secondes de traitement des contacts répondus",
            ),
        ] {
            out.push(Indicator {
                id: IndicatorId::new(stat.id(base)),
                name: Text::new(format!("{name_en}, {en}"), format!("{name_fr}, {fr}")),
                definition: Text::new(
                    format!("The {en} of the {what_en}, computed from the imported contact log (interpolated between ranks)."),
                    format!("{} des {what_fr}, calculé à partir du journal importé (interpolé entre les rangs).", capitalise(fr)),
                ),
                unit: Unit::Seconds,
                direction: Direction::LowerIsBetter,
                group: IndicatorGroup::Operations,
                channel_specific: true,
                channel_mix: false,
            });
        }
    }
    out
}

/// `s` with its first letter in upper case ("moyenne" → "Moyenne").
pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_and_statistics() {
        assert_eq!(Bucket::Quarter.period(2024, 5).to_string(), "2024-Q2");
        assert_eq!(Bucket::Half.period(2024, 7).to_string(), "2024-H2");
        assert_eq!(Bucket::Month.period(2024, 7).to_string(), "2024-07");
        assert_eq!(Statistic::P90.id("aht"), "aht_p90_s");
    }

    #[test]
    fn filters_and_markers() -> Result<(), (&'static str, String)> {
        let headers = ["type", "customer_id"];
        let find = |n: &str| headers.iter().position(|h| *h == n);
        let mut ex = BTreeMap::new();
        ex.insert("type".to_owned(), vec!["TT".to_owned(), "nw".to_owned()]);
        let mut missing = BTreeMap::new();
        missing.insert("customer_id".to_owned(), vec!["0".to_owned()]);
        missing.insert("*".to_owned(), vec!["?".to_owned()]);
        let r = RowRules::resolve(&ex, &BTreeMap::new(), &missing, 2, find)?;
        assert!(!r.keeps(|_| Some("NW".into())));
        assert!(r.keeps(|_| Some("PS".into())));
        assert!(r.is_missing(1, b"0"));
        assert!(!r.is_missing(0, b"0"));
        assert!(r.is_missing(0, b" ? "));
        let bad = RowRules::resolve(&ex, &BTreeMap::new(), &BTreeMap::new(), 0, |_| None);
        assert_eq!(bad.err(), Some(("exclude", "type".to_owned())));
        Ok(())
    }
}

/*!
The column mapping: how a table's columns become observations. A [`Mapping`] is plain
serde data, saved as RON next to the data file (`<file>.mapping.ron`, see
[`mapping_path`]) so the next import needs no questions; the command line takes the same
file with `--mapping`. [`Mapping::guess`] (module `guess`) proposes one from the header row
and the first rows, and [`suggest_region`] (module `names`) proposes known regions for an
unknown name. [`super::rules`] holds the types of the raw-export fields.
*/

use super::mapping_problem::MappingProblem;
pub use super::names::{
    find_channel, find_indicator, find_region, find_segment, free_region_id, suggest_region,
};
pub use super::rules::{Bucket, OutcomeCode, PeriodFrom, Statistic};
use crate::model::{Grade, Indicator, Period, Region, Segment, Source};
use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How observations are laid out in the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    /// One row per region / channel / indicator / period with a value column.
    #[default]
    Long,
    /// One column per period (`2014`, `2015`, …); rows name region (channel, indicator).
    WideYears,
    /// One column per indicator; rows name region (channel) and period.
    WideIndicators,
    /// Our World in Data grapher CSV: `Entity,Code,Year,<indicator>...`.
    Owid,
    /// One row per survey answer (0–10 likelihood to recommend and/or 1–5 satisfaction),
    /// turned into NPS and CSAT per region / channel / period.
    SurveyAnswers,
    /// One row per contact (queue time, handling time, outcome, optional customer key),
    /// turned into ASA, AHT, abandonment, service level and FCR per region / channel /
    /// period.
    ContactLog,
    /// One row per message of a support inbox or social account (`message_id`, `reply_to`,
    /// `inbound`, `account`, `created_at`), turned into first-response time, response rate
    /// and share answered within `response_within_min`.
    Threads,
    /// One row per event of a service-desk ticket (`ticket`, `opened_at`, `event_at`,
    /// `state`, `resolved_at`), turned into first-response time, resolution time and share
    /// resolved.
    Tickets,
}

/// What to do with a name that matches nothing known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unknown {
    /// Stop with an error listing every unknown name, with suggestions.
    #[default]
    Error,
    /// Create a new record with a slug id (regions: a country when a code is given,
    /// otherwise a group; indicators: unit from the header, direction neutral).
    Create,
}

/// What to do with a malformed row (wrong number of fields, a cell that does not parse).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BadRows {
    /// The import fails, listing every problem.
    #[default]
    Error,
    /// The row is left out of every figure; every skipped row is listed with its line and
    /// reason, and the source note says how many were skipped.
    Skip,
}

/// Header names of the columns holding each role (matched ignoring case, accents and
/// punctuation). `None` when the file has no such column.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Columns {
    /// Region name, id or code.
    pub region: Option<String>,
    /// ISO code of the region (used before the name when both are present).
    pub code: Option<String>,
    /// Channel.
    pub channel: Option<String>,
    /// Segment: company, brand or sector name or id.
    pub segment: Option<String>,
    /// Indicator (long layout).
    pub indicator: Option<String>,
    /// Period (`2016`, `2016-Q3`, …).
    pub period: Option<String>,
    /// Value (long layout).
    pub value: Option<String>,
    /// Source id of each row (default: the import's own source).
    pub source: Option<String>,
    /// Grade of each row: `Measured`, `Estimated`, `Illustrative` (also French `mesuré`,
    /// `estimé`, `illustratif`); an empty cell takes the mapping's `grade`.
    pub grade: Option<String>,
    /// Sample size of each row.
    pub sample_size: Option<String>,
    /// Margin of error of each row.
    pub margin: Option<String>,
    /// Free note of each row.
    pub note: Option<String>,
    /// Survey: likelihood to recommend, 0–10.
    pub recommend: Option<String>,
    /// Survey: satisfaction, 1–5.
    pub satisfaction: Option<String>,
    /// Contact log: seconds in queue before answer or abandonment.
    pub queue_s: Option<String>,
    /// Contact log: handling seconds (talk + after-contact work).
    pub service_s: Option<String>,
    /// Contact log: `answered` / `abandoned` (also French `répondu` / `abandonné`).
    pub outcome: Option<String>,
    /// Contact log: customer key, to find repeat contacts.
    pub customer: Option<String>,
    /// Contact log: date and time of the contact.
    pub timestamp: Option<String>,
    /// Threads: id of the message (`3.0` and `3` are the same id).
    pub message_id: Option<String>,
    /// Threads: id of the message answered; empty for an opener.
    pub reply_to: Option<String>,
    /// Threads: sent by the customer (true/false, yes/no, 1/0).
    pub inbound: Option<String>,
    /// Threads: the company or brand handle of company messages (→ segment).
    pub account: Option<String>,
    /// Threads: date and time of the message.
    pub created_at: Option<String>,
    /// Tickets: ticket key.
    pub ticket: Option<String>,
    /// Tickets: when the ticket was opened.
    pub opened_at: Option<String>,
    /// Tickets: when this event happened.
    pub event_at: Option<String>,
    /// Tickets: state after this event (`New`, `Active`, `Resolved`, …).
    pub state: Option<String>,
    /// Tickets: when the ticket was resolved (empty while open).
    pub resolved_at: Option<String>,
}

macro_rules! column_roles {
    ($($role:ident),* $(,)?) => {
        impl Columns {
            /// (role, column) of every role given a column.
            pub fn roles(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
                [$((stringify!($role), self.$role.as_deref())),*]
                    .into_iter()
                    .filter_map(|(r, c)| c.map(|c| (r, c)))
            }

            /// Every column named.
            pub fn names(&self) -> impl Iterator<Item = &str> + '_ {
                self.roles().map(|(_, c)| c)
            }

            /// The field of a role by name.
            pub fn slot(&mut self, role: &str) -> Option<&mut Option<String>> {
                match role {
                    $(stringify!($role) => Some(&mut self.$role),)*
                    _ => None,
                }
            }
        }
    };
}

column_roles!(
    region,
    code,
    channel,
    segment,
    indicator,
    period,
    value,
    source,
    grade,
    sample_size,
    margin,
    note,
    recommend,
    satisfaction,
    queue_s,
    service_s,
    outcome,
    customer,
    timestamp,
    message_id,
    reply_to,
    inbound,
    account,
    created_at,
    ticket,
    opened_at,
    event_at,
    state,
    resolved_at,
);

/// Values used when the table has no column for a role.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Constants {
    /// Region name or id for every row.
    pub region: Option<String>,
    /// Channel name or id for every row.
    pub channel: Option<String>,
    /// Segment (company, brand or sector) name or id for every row.
    pub segment: Option<String>,
    /// Indicator name or id for every row.
    pub indicator: Option<String>,
    /// Period for every row.
    pub period: Option<Period>,
}

/// How to read one table. See `docs/import.md` for a full example.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mapping {
    /// Table layout.
    pub layout: Layout,
    /// Sheet of a workbook (default: the first).
    pub sheet: Option<String>,
    /// 1-based row holding the headers (default 1); rows above it are ignored.
    pub header_row: Option<u32>,
    /// Column of each role, by header name.
    pub columns: Columns,
    /// Values for roles without a column.
    pub constants: Constants,
    /// Wide layouts: the value columns (default: every period header for `WideYears`,
    /// every column without a role for `WideIndicators` and `Owid`).
    pub value_columns: Vec<String>,
    /// Names used in the file → indicator ids (`"Taux de décroché": "answer_30s_pct"`).
    pub indicators: BTreeMap<String, String>,
    /// Indicators the file introduces (same form as in dataset files).
    pub new_indicators: Vec<Indicator>,
    /// What to do with an indicator name that matches nothing.
    pub unknown_indicators: Unknown,
    /// Names used in the file → region ids (`"Royaume-Uni": "uk"`).
    pub regions: BTreeMap<String, String>,
    /// Regions the file introduces (same form as in dataset files).
    pub new_regions: Vec<Region>,
    /// What to do with a region name that matches nothing.
    pub unknown_regions: Unknown,
    /// Names used in the file → channel ids (`"Tél.": "phone"`).
    pub channels: BTreeMap<String, String>,
    /// Names used in the file → segment ids (`"@AskBank": "bank_a"`).
    pub segments: BTreeMap<String, String>,
    /// Segments the file introduces (same form as in dataset files).
    pub new_segments: Vec<Segment>,
    /// What to do with a segment name that matches nothing (`Create`: a new `Company`).
    pub unknown_segments: Unknown,
    /// Force the decimal separator (`true`: comma); default: comma when the delimiter is
    /// `;` or tab, point otherwise.
    pub decimal_comma: Option<bool>,
    /// Source attached to every observation (default: a new `OwnData` source named after
    /// the file).
    pub source: Option<Source>,
    /// Grade of every observation (default: `Measured`).
    pub grade: Grade,
    /// Form of the timestamps when not one of the recognised ones (`strftime` notation,
    /// e.g. `"%d.%m.%Y %H:%M"`).
    pub timestamp_format: Option<String>,
    /// Malformed rows: fail (default) or skip them, listed.
    pub bad_rows: BadRows,
    /// Contact log: the platform's outcome codes (case-insensitive) → `Answered`,
    /// `Abandoned` or `Ignore` (`Ignore` drops the row from every figure).
    pub outcomes: BTreeMap<String, OutcomeCode>,
    /// Rows whose column holds one of the values are dropped (`{"type": ["TT", "NW"]}`).
    pub exclude: BTreeMap<String, Vec<String>>,
    /// Only rows whose column holds one of the values are kept.
    pub include: BTreeMap<String, Vec<String>>,
    /// Extra missing-value markers per column, or for every column with `"*"`
    /// (`{"customer_id": ["0"], "*": ["?"]}`).
    pub missing: BTreeMap<String, Vec<String>>,
    /// The period of each row from a date or timestamp column.
    pub period_from: Option<PeriodFrom>,
    /// Statistics computed for every duration indicator (default `[Mean]`); each is its
    /// own indicator (`asa_s`, `asa_median_s`, `asa_p90_s`, `aht_median_s`, …).
    pub statistics: Vec<Statistic>,
    /// Threads: a reply within this many minutes counts for `responded_within_<N>min_pct`
    /// (default 60).
    pub response_within_min: u32,
    /// Tickets: states that mark the first response (`["Active", "In progress"]`).
    pub response_states: Vec<String>,
    /// Contact log: abandons after less than this many seconds in queue are not counted as
    /// offered, for abandonment and service level (default 0: all count).
    pub short_abandon_s: u32,
    /// Contact log: a call answered within this many seconds counts for the service level.
    pub service_level_s: u32,
    /// Contact log: a contact from the same customer within this many days after another
    /// is a repeat contact (first-contact resolution).
    pub fcr_window_days: u32,
}

impl Default for Mapping {
    fn default() -> Self {
        Self {
            layout: Layout::Long,
            sheet: None,
            header_row: None,
            columns: Columns::default(),
            constants: Constants::default(),
            value_columns: Vec::new(),
            indicators: BTreeMap::new(),
            new_indicators: Vec::new(),
            unknown_indicators: Unknown::Error,
            regions: BTreeMap::new(),
            new_regions: Vec::new(),
            unknown_regions: Unknown::Error,
            channels: BTreeMap::new(),
            segments: BTreeMap::new(),
            new_segments: Vec::new(),
            unknown_segments: Unknown::Error,
            decimal_comma: None,
            bad_rows: BadRows::Error,
            timestamp_format: None,
            source: None,
            grade: Grade::Measured,
            outcomes: BTreeMap::new(),
            exclude: BTreeMap::new(),
            include: BTreeMap::new(),
            missing: BTreeMap::new(),
            period_from: None,
            statistics: vec![Statistic::Mean],
            short_abandon_s: 0,
            response_within_min: 60,
            response_states: Vec::new(),
            service_level_s: 20,
            fcr_window_days: 7,
        }
    }
}

impl Mapping {
    /// Parses a mapping file's text (RON, `implicit_some` on).
    pub fn from_ron(text: &str) -> Result<Mapping, ron::error::SpannedError> {
        ron::Options::default()
            .with_default_extension(Extensions::IMPLICIT_SOME)
            .from_str(text)
    }

    /// The mapping as pretty RON.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let pretty = ron::ser::PrettyConfig::new()
            .struct_names(true)
            .extensions(Extensions::IMPLICIT_SOME);
        ron::Options::default()
            .with_default_extension(Extensions::IMPLICIT_SOME)
            .to_string_pretty(self, pretty)
    }

    /// Reads a mapping file.
    pub fn load(path: &Path) -> Result<Mapping, super::ImportError> {
        let fail = |problem| super::ImportError::Mapping {
            path: path.to_owned(),
            problem,
        };
        let text = crate::io::read::read_limited(path, crate::io::read::MAX_SPEC_BYTES)
            .map_err(|e| fail(MappingProblem::Io(e.to_string())))?;
        let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&text);
        let text = std::str::from_utf8(text).map_err(|e| {
            let (line, column) = crate::io::read::utf8_error_position(text, e.valid_up_to());
            fail(MappingProblem::NotUtf8 { line, column })
        })?;
        Mapping::from_ron(text).map_err(|e| {
            fail(MappingProblem::Syntax {
                line: e.span.start.line,
                column: e.span.start.col,
                english: crate::io::read::cap_message(&e.code.to_string()).into_owned(),
                problem: crate::io::syntax::SyntaxProblem::Ron(Box::new(e.code)),
            })
        })
    }

    /// The mapping saved beside `data_path` ([`mapping_path`]), if there is one.
    pub fn load_beside(data_path: &Path) -> Result<Option<Mapping>, super::ImportError> {
        let p = mapping_path(data_path);
        // anything there but a regular file (a FIFO, a device) is refused by `load`
        if p.exists() {
            Mapping::load(&p).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Saves the mapping beside `data_path` atomically (an explicit user action);
    /// returns the mapping file's path.
    pub fn save_beside(
        &self,
        data_path: &Path,
        overwrite: bool,
    ) -> Result<PathBuf, super::ImportError> {
        let p = mapping_path(data_path);
        self.save(&p, overwrite)?;
        Ok(p)
    }

    /// Saves the mapping to `path` atomically.
    pub fn save(&self, path: &Path, overwrite: bool) -> Result<(), super::ImportError> {
        let fail = |e: &dyn std::fmt::Display| super::ImportError::Mapping {
            path: path.to_owned(),
            problem: MappingProblem::Io(e.to_string()),
        };
        let text = self.to_ron().map_err(|e| fail(&e))?;
        crate::io::atomic::write_atomic(path, text.as_bytes(), overwrite).map_err(|e| fail(&e))
    }
}

/// Where the mapping of `data_path` is saved: the file name plus `.mapping.ron`
/// (`sales.csv` → `sales.csv.mapping.ron`).
pub fn mapping_path(data_path: &Path) -> PathBuf {
    let mut name = data_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".mapping.ron");
    data_path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn guesses_french_long_and_owid() {
        let cat = crate::model::Dataset::default();
        let m = Mapping::guess(
            &h(&["Région", "Canal", "Indicateur", "Année", "Valeur"]),
            &cat,
        );
        assert_eq!(m.layout, Layout::Long);
        assert_eq!(m.columns.region.as_deref(), Some("Région"));
        assert_eq!(m.columns.period.as_deref(), Some("Année"));
        assert_eq!(m.columns.value.as_deref(), Some("Valeur"));
        let m = Mapping::guess(&h(&["Entity", "Code", "Year", "Share (%)"]), &cat);
        assert_eq!(m.layout, Layout::Owid);
        let m = Mapping::guess(&h(&["Pays", "Indicateur", "2014", "2015"]), &cat);
        assert_eq!(m.layout, Layout::WideYears);
        let m = Mapping::guess(&h(&["Pays", "Année", "nps", "fcr_pct"]), &cat);
        assert_eq!(m.layout, Layout::WideIndicators);
    }

    #[test]
    fn mapping_round_trips_as_ron() -> Result<(), Box<dyn std::error::Error>> {
        let mut m = Mapping::default();
        m.columns.region = Some("Pays".into());
        m.regions.insert("Royaume-Uni".into(), "uk".into());
        m.constants.period = Some(Period::year(2016));
        let text = m.to_ron()?;
        assert_eq!(Mapping::from_ron(&text)?, m);
        assert_eq!(
            mapping_path(Path::new("/a/b.csv")),
            PathBuf::from("/a/b.csv.mapping.ron")
        );
        Ok(())
    }
}

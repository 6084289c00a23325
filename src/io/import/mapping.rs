/*!
The column mapping: how a table's columns become observations. A [`Mapping`] is plain
serde data, saved as RON next to the data file (`<file>.mapping.ron`, see
[`mapping_path`]) so the next import needs no questions; the command line takes the same
file with `--mapping`. [`Mapping::guess`] proposes one from the header row (English and
French names, the Our World in Data grapher layout), and [`suggest_region`] proposes known
regions for an unknown name.
*/

pub use super::rules::{Bucket, OutcomeCode, PeriodFrom, Statistic};
use super::text::{normalise, slug};
use crate::model::{
    Dataset, Grade, Indicator, Period, Region, RegionId, RegionKind, Segment, Source,
};
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

/// Header names recognised for each role, in normalised form (see [`normalise`]).
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "region",
        &[
            "region",
            "regions",
            "pays",
            "country",
            "entity",
            "zone",
            "territoire",
            "marche",
            "market",
            "entite",
        ],
    ),
    (
        "code",
        &["code", "iso", "iso code", "code iso", "iso3", "iso2"],
    ),
    (
        "channel",
        &["channel", "canal", "canaux", "channels", "media"],
    ),
    (
        "segment",
        &[
            "segment",
            "company",
            "brand",
            "sector",
            "secteur",
            "entreprise",
            "marque",
            "societe",
        ],
    ),
    (
        "indicator",
        &[
            "indicator",
            "indicateur",
            "kpi",
            "metric",
            "mesure",
            "measure",
            "indicateurs",
        ],
    ),
    (
        "period",
        &[
            "period",
            "periode",
            "year",
            "annee",
            "date",
            "an",
            "mois",
            "month",
            "quarter",
            "trimestre",
        ],
    ),
    (
        "value",
        &["value", "valeur", "val", "montant", "score", "taux"],
    ),
    ("source", &["source"]),
    (
        "grade",
        &["grade", "qualite", "quality", "statut de la donnee"],
    ),
    (
        "sample_size",
        &[
            "sample size",
            "sample",
            "n",
            "echantillon",
            "taille echantillon",
            "base",
            "effectif",
        ],
    ),
    (
        "margin",
        &[
            "margin",
            "marge",
            "marge d erreur",
            "margin of error",
            "moe",
        ],
    ),
    (
        "note",
        &["note", "notes", "comment", "commentaire", "remarque"],
    ),
    (
        "recommend",
        &[
            "recommend",
            "likelihood to recommend",
            "recommandation",
            "recommander",
            "ltr",
            "nps score",
            "note recommandation",
            "likely to recommend",
            "likelihood to recommend score",
        ],
    ),
    (
        "satisfaction",
        &[
            "satisfaction",
            "csat",
            "satisfaction 1 5",
            "note satisfaction",
            "review score",
            "rating",
            "star rating",
        ],
    ),
    (
        "queue_s",
        &[
            "queue s",
            "queue time",
            "wait s",
            "wait time",
            "attente",
            "temps d attente",
            "attente s",
            "queue",
            "q time",
            "wait",
            "waiting time",
        ],
    ),
    (
        "service_s",
        &[
            "service s",
            "service time",
            "handling time",
            "handle time",
            "talk time",
            "duree",
            "duree de traitement",
            "aht",
            "traitement s",
            "ser time",
            "talk s",
        ],
    ),
    (
        "outcome",
        &["outcome", "result", "status", "statut", "resultat", "issue"],
    ),
    (
        "customer",
        &[
            "customer",
            "customer id",
            "client",
            "id client",
            "customer key",
            "numero client",
        ],
    ),
    (
        "timestamp",
        &[
            "timestamp",
            "datetime",
            "date heure",
            "start",
            "started at",
            "horodatage",
            "debut",
        ],
    ),
    (
        "message_id",
        &["message id", "tweet id", "id message", "msg id"],
    ),
    (
        "reply_to",
        &[
            "reply to",
            "in reply to",
            "in response to",
            "in response to tweet id",
            "parent id",
            "reponse a",
        ],
    ),
    (
        "inbound",
        &["inbound", "is inbound", "from customer", "entrant"],
    ),
    ("account", &["account", "author id", "handle", "compte"]),
    ("created_at", &["created at", "sent at", "cree le"]),
    ("ticket", &["ticket", "ticket id", "incident", "case id"]),
    ("opened_at", &["opened at", "ouvert le", "open date"]),
    (
        "event_at",
        &["event at", "sys updated at", "updated at", "event time"],
    ),
    ("state", &["state", "incident state", "etat"]),
    ("resolved_at", &["resolved at", "closed at", "resolu le"]),
];

/// Headers under which a 0–10 column is a recommend question and a 1–5 column a
/// satisfaction rating (see [`Mapping::guess_with_rows`]).
const SCORE_HEADERS: &[&str] = &[
    "score",
    "rating",
    "review score",
    "recommend",
    "likely to recommend",
    "ltr",
    "nps",
    "note",
    "grade",
];

fn role_of(header: &str) -> Option<&'static str> {
    let n = normalise(header);
    SYNONYMS
        .iter()
        .find(|(_, names)| names.contains(&n.as_str()))
        .map(|(role, _)| *role)
}

impl Mapping {
    /// Proposes a mapping from a header row: the OWID grapher layout when the headers are
    /// `Entity, Code, Year, ...`; otherwise roles from common English and French header
    /// names ("Région", "Pays", "Canal", "Indicateur", "Année", "Période", "Valeur", …),
    /// a wide-years layout when headers are periods, a survey or contact-log layout when
    /// the answer or queue-time columns are present.
    pub fn guess(headers: &[String], catalog: &Dataset) -> Mapping {
        let mut m = Mapping::default();
        let norm: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
        if norm.len() >= 4 && norm[0] == "entity" && norm[1] == "code" && norm[2] == "year" {
            m.layout = Layout::Owid;
            m.columns.region = Some(headers[0].clone());
            m.columns.code = Some(headers[1].clone());
            m.columns.period = Some(headers[2].clone());
            m.unknown_regions = Unknown::Create;
            m.unknown_indicators = Unknown::Create;
            return m;
        }
        let mut period_headers = 0usize;
        let mut unassigned = Vec::new();
        for h in headers {
            if Period::parse(h).is_ok() {
                period_headers += 1;
                continue;
            }
            let slot = match role_of(h) {
                Some("region") => &mut m.columns.region,
                Some("code") => &mut m.columns.code,
                Some("channel") => &mut m.columns.channel,
                Some("segment") => &mut m.columns.segment,
                Some("indicator") => &mut m.columns.indicator,
                Some("period") => &mut m.columns.period,
                Some("value") => &mut m.columns.value,
                Some("source") => &mut m.columns.source,
                Some("grade") => &mut m.columns.grade,
                Some("sample_size") => &mut m.columns.sample_size,
                Some("margin") => &mut m.columns.margin,
                Some("note") => &mut m.columns.note,
                Some("recommend") => &mut m.columns.recommend,
                Some("satisfaction") => &mut m.columns.satisfaction,
                Some("queue_s") => &mut m.columns.queue_s,
                Some("service_s") => &mut m.columns.service_s,
                Some("outcome") => &mut m.columns.outcome,
                Some("customer") => &mut m.columns.customer,
                Some("timestamp") => &mut m.columns.timestamp,
                Some("message_id") => &mut m.columns.message_id,
                Some("reply_to") => &mut m.columns.reply_to,
                Some("inbound") => &mut m.columns.inbound,
                Some("account") => &mut m.columns.account,
                Some("created_at") => &mut m.columns.created_at,
                Some("ticket") => &mut m.columns.ticket,
                Some("opened_at") => &mut m.columns.opened_at,
                Some("event_at") => &mut m.columns.event_at,
                Some("state") => &mut m.columns.state,
                Some("resolved_at") => &mut m.columns.resolved_at,
                _ => {
                    unassigned.push(h.clone());
                    continue;
                }
            };
            if slot.is_none() {
                *slot = Some(h.clone());
            } else {
                unassigned.push(h.clone());
            }
        }
        m.layout = if m.columns.message_id.is_some() && m.columns.inbound.is_some() {
            Layout::Threads
        } else if m.columns.ticket.is_some() && m.columns.opened_at.is_some() {
            Layout::Tickets
        } else if m.columns.queue_s.is_some() {
            Layout::ContactLog
        } else if m.columns.recommend.is_some() && m.columns.value.is_none() {
            Layout::SurveyAnswers
        } else if m.columns.value.is_some() {
            Layout::Long
        } else if period_headers > 0 {
            Layout::WideYears
        } else if !unassigned.is_empty() {
            Layout::WideIndicators
        } else {
            Layout::Long
        };
        if m.layout == Layout::Threads && m.columns.account.is_some() {
            // brand handles are rarely in the catalogue: each becomes a company segment
            m.unknown_segments = Unknown::Create;
        }
        if m.layout == Layout::ContactLog && m.columns.timestamp.is_none() {
            m.columns.timestamp = m
                .columns
                .created_at
                .take()
                .or_else(|| m.columns.opened_at.take());
        }
        if matches!(
            m.layout,
            Layout::Threads | Layout::Tickets | Layout::ContactLog
        ) && m.columns.period.is_none()
        {
            let from = m
                .columns
                .created_at
                .clone()
                .or(m.columns.opened_at.clone())
                .or(m.columns.timestamp.clone());
            if let Some(column) = from {
                m.period_from = Some(PeriodFrom {
                    column,
                    format: None,
                    bucket: Bucket::Month,
                });
            }
        }
        if m.layout == Layout::WideIndicators {
            // write the catalogue indicator each column denotes into the mapping, so the
            // saved file shows (and lets the user change) how headers were understood
            for h in &unassigned {
                if let Some(ix) = find_indicator(h, catalog) {
                    m.indicators
                        .insert(h.clone(), catalog.indicators.at(ix).id.to_string());
                }
            }
        }
        m
    }

    /// [`Mapping::guess`], then a look at the first data rows: a column headed like a
    /// score or a recommend question ("score", "rating", "Likely-To-Recommend") holding
    /// whole numbers is proposed as `recommend` when they span 0–10 (a 0 or a value above
    /// 5 appears) or as `satisfaction` when they stay within 1–5; the survey layout follows
    /// when no value column remains.
    pub fn guess_with_rows(headers: &[String], rows: &[Vec<String>], catalog: &Dataset) -> Mapping {
        let mut m = Mapping::guess(headers, catalog);
        // a "period" column holding dates: the period is the month of each date
        if let Some(col) = m.columns.period.clone()
            && let Some(i) = headers.iter().position(|h| *h == col)
        {
            let cells: Vec<&str> = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
                .collect();
            if !cells.is_empty()
                && cells.iter().all(|v| {
                    Period::parse(v).is_err() && super::time::parse_timestamp(v, None).is_some()
                })
            {
                m.columns.period = None;
                m.period_from = Some(PeriodFrom {
                    column: col,
                    format: None,
                    bucket: Bucket::Month,
                });
            }
        }
        if matches!(
            m.layout,
            Layout::ContactLog | Layout::Threads | Layout::Tickets
        ) {
            return m;
        }
        for (i, h) in headers.iter().enumerate() {
            if !SCORE_HEADERS.contains(&normalise(h).as_str()) {
                continue;
            }
            let vals: Vec<f64> = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
                .map(|v| v.parse::<f64>().unwrap_or(f64::NAN))
                .collect();
            if vals.is_empty()
                || !vals
                    .iter()
                    .all(|v| v.fract() == 0.0 && (0.0..=10.0).contains(v))
            {
                continue;
            }
            let slot = if vals.iter().any(|&v| v == 0.0 || v > 5.0) {
                &mut m.columns.recommend
            } else {
                &mut m.columns.satisfaction
            };
            if slot.is_some() {
                continue;
            }
            *slot = Some(h.clone());
            if m.columns.value.as_deref() == Some(h.as_str()) {
                m.columns.value = None;
            }
        }
        if m.columns.value.is_none()
            && (m.columns.recommend.is_some() || m.columns.satisfaction.is_some())
        {
            m.layout = Layout::SurveyAnswers;
        }
        m
    }

    /// Fills the roles this (partial) mapping leaves open from `guess`: a column role is
    /// taken from the guess when the mapping names neither a column nor a constant for it,
    /// and the guessed column is not already used by another role.
    pub fn completed_by(mut self, guess: &Mapping) -> Mapping {
        let used: Vec<String> = self.columns.names().map(str::to_owned).collect();
        let consts = &self.constants;
        let has_const = |role: &str| match role {
            "region" => consts.region.is_some(),
            "channel" => consts.channel.is_some(),
            "segment" => consts.segment.is_some(),
            "indicator" => consts.indicator.is_some(),
            "period" => consts.period.is_some() || self.period_from.is_some(),
            _ => false,
        };
        let fills: Vec<(&'static str, String)> = guess
            .columns
            .roles()
            .filter(|(role, name)| !has_const(role) && !used.iter().any(|u| u == name))
            .map(|(role, name)| (role, name.to_owned()))
            .collect();
        if self.columns.period.is_none()
            && self.constants.period.is_none()
            && self.period_from.is_none()
        {
            self.period_from = guess.period_from.clone();
        }
        for (role, name) in fills {
            if let Some(slot) = self.columns.slot(role)
                && slot.is_none()
            {
                *slot = Some(name);
            }
        }
        self
    }

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
        let text = std::fs::read_to_string(path).map_err(|e| super::ImportError::Mapping {
            path: path.to_owned(),
            message: format!("cannot read: {e}"),
        })?;
        Mapping::from_ron(&text).map_err(|e| super::ImportError::Mapping {
            path: path.to_owned(),
            message: format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code),
        })
    }

    /// The mapping saved beside `data_path` ([`mapping_path`]), if there is one.
    pub fn load_beside(data_path: &Path) -> Result<Option<Mapping>, super::ImportError> {
        let p = mapping_path(data_path);
        if p.is_file() {
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
        let text = self.to_ron().map_err(|e| super::ImportError::Mapping {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        crate::io::atomic::write_atomic(path, text.as_bytes(), overwrite).map_err(|e| {
            super::ImportError::Mapping {
                path: path.to_owned(),
                message: e.to_string(),
            }
        })
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

/// Finds the region a name denotes exactly: its id, ISO code, an alias or its English or
/// French name (ignoring case, accents and punctuation).
pub fn find_region(name: &str, catalog: &Dataset) -> Option<u32> {
    if let Some(ix) = catalog.regions.ix(name) {
        return Some(ix);
    }
    let n = normalise(name);
    if n.is_empty() {
        return None;
    }
    catalog
        .regions
        .iter()
        .position(|r| {
            normalise(r.id.as_str()) == n
                || r.iso.as_deref().is_some_and(|c| normalise(c) == n)
                || normalise(&r.name.en) == n
                || normalise(&r.name.fr) == n
                || r.aliases.iter().any(|a| normalise(a) == n)
        })
        .map(|i| i as u32)
}

/// Finds the channel a name denotes: id, alias or name (ignoring case and accents).
pub fn find_channel(name: &str, catalog: &Dataset) -> Option<u32> {
    if let Some(ix) = catalog.channels.ix(name) {
        return Some(ix);
    }
    let n = normalise(name);
    catalog
        .channels
        .iter()
        .position(|c| {
            normalise(c.id.as_str()) == n
                || normalise(&c.name.en) == n
                || normalise(&c.name.fr) == n
                || c.aliases.iter().any(|a| normalise(a) == n)
        })
        .map(|i| i as u32)
}

/// Finds the segment a name denotes: id, alias or name (ignoring case and accents).
pub fn find_segment(name: &str, catalog: &Dataset) -> Option<u32> {
    if let Some(ix) = catalog.segments.ix(name) {
        return Some(ix);
    }
    let n = normalise(name);
    if n.is_empty() {
        return None;
    }
    catalog
        .segments
        .iter()
        .position(|s| {
            normalise(s.id.as_str()) == n
                || normalise(&s.name.en) == n
                || normalise(&s.name.fr) == n
                || s.aliases.iter().any(|a| normalise(a) == n)
        })
        .map(|i| i as u32)
}

/// Finds the indicator a name denotes: id or English or French name.
pub fn find_indicator(name: &str, catalog: &Dataset) -> Option<u32> {
    if let Some(ix) = catalog.indicators.ix(name) {
        return Some(ix);
    }
    let n = normalise(name);
    catalog
        .indicators
        .iter()
        .position(|i| {
            normalise(i.id.as_str()) == n
                || normalise(&i.name.en) == n
                || normalise(&i.name.fr) == n
        })
        .map(|i| i as u32)
}

/// Known regions a name may denote, best first, with a score in 0–1 (1: exact match on
/// id, ISO code, alias or name; below: fuzzy similarity of the names). A group that
/// contains a matched country is proposed after it ("Maroc" → morocco, then maghreb).
pub fn suggest_region(name: &str, catalog: &Dataset) -> Vec<(RegionId, f64)> {
    let n = normalise(name);
    let mut scored: Vec<(u32, f64)> = Vec::new();
    if n.is_empty() {
        return Vec::new();
    }
    for (ix, r) in catalog.regions.iter().enumerate() {
        let names = std::iter::once(r.id.as_str())
            .chain(r.iso.as_deref())
            .chain([r.name.en.as_str(), r.name.fr.as_str()])
            .chain(r.aliases.iter().map(String::as_str));
        let mut best = 0.0f64;
        for cand in names {
            let c = normalise(cand);
            if c.is_empty() {
                continue;
            }
            let s = if c == n {
                1.0
            } else if c.len() <= 3 || n.len() <= 3 {
                0.0 // codes only match exactly
            } else {
                similarity(&n, &c)
            };
            best = best.max(s);
        }
        if best >= 0.8 {
            scored.push((ix as u32, best));
        }
    }
    // groups containing a matched region
    let matched: Vec<(u32, f64)> = scored.clone();
    for (ix, s) in matched {
        let id = &catalog.regions.at(ix).id;
        for (gix, g) in catalog.regions.iter().enumerate() {
            if g.kind == RegionKind::Group && g.members.contains(id) {
                let gs = s * 0.9;
                match scored.iter_mut().find(|(i, _)| *i == gix as u32) {
                    Some(e) => e.1 = e.1.max(gs),
                    None => scored.push((gix as u32, gs)),
                }
            }
        }
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.truncate(5);
    scored
        .into_iter()
        .map(|(ix, s)| (catalog.regions.at(ix).id.clone(), s))
        .collect()
}

/// Similarity 0–1 of two normalised names, word by word: every word of the shorter name
/// must resemble a word of the other (so "south africa" is far from "north africa", while
/// "royame uni" stays close to "royaume uni"); the score is the weakest word match, and a
/// name contained whole in the other scores 0.85.
fn similarity(a: &str, b: &str) -> f64 {
    let wa: Vec<&str> = a.split(' ').filter(|w| !w.is_empty()).collect();
    let wb: Vec<&str> = b.split(' ').filter(|w| !w.is_empty()).collect();
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    let words = short
        .iter()
        .map(|w| {
            long.iter()
                .map(|v| {
                    if w == v {
                        1.0
                    } else {
                        strsim::jaro_winkler(w, v)
                    }
                })
                .fold(0.0, f64::max)
        })
        .fold(1.0, f64::min);
    let contained = if a.contains(b) || b.contains(a) {
        0.85
    } else {
        0.0
    };
    // names of different lengths in words are penalised a little per extra word
    let extra = (long.len() - short.len()) as f64 * 0.05;
    (words - extra).max(contained)
}

/// A free region id built from `name` (slug, suffixed when taken).
pub fn free_region_id(name: &str, ds: &Dataset) -> RegionId {
    let base = slug(name);
    if ds.regions.ix(&base).is_none() {
        return RegionId::new(base);
    }
    (2..)
        .map(|k| format!("{base}_{k}"))
        .find(|c| ds.regions.ix(c).is_none())
        .map(RegionId::new)
        .unwrap_or_else(|| RegionId::new(base))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn guesses_french_long_and_owid() {
        let cat = Dataset::default();
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

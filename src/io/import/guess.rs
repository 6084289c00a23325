/*!
Guessing a [`Mapping`] from a header row (English and French names, the Our World in Data
grapher layout, raw-export columns) and from the first data rows (a 0–10 column under a
recommend-like header is a recommend question, dates in a period column give the month),
and completing a partial mapping with the guess.
*/

use super::mapping::{Bucket, Layout, Mapping, PeriodFrom, Unknown};
use super::name_index::NameIndex;
use super::text::fold_name;
use crate::model::{Dataset, Period};
use std::collections::HashMap;

/// Header names recognised for each role, in normalised form (see [`fold_name`]).
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

/// The role a header names ([`SYNONYMS`], the first role listing the name wins), through a
/// hash map built once: a header row may have a million columns.
fn role_of(header: &str) -> Option<&'static str> {
    static ROLES: std::sync::OnceLock<HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    let roles = ROLES.get_or_init(|| {
        let mut map = HashMap::new();
        for (role, names) in SYNONYMS {
            for name in *names {
                map.entry(*name).or_insert(*role);
            }
        }
        map
    });
    roles.get(fold_name(header).as_str()).copied()
}

impl Mapping {
    /// Proposes a mapping from a header row: the OWID grapher layout when the headers are
    /// `Entity, Code, Year, ...`; otherwise roles from common English and French header
    /// names ("Région", "Pays", "Canal", "Indicateur", "Année", "Période", "Valeur", …),
    /// a wide-years layout when headers are periods, a survey or contact-log layout when
    /// the answer or queue-time columns are present.
    pub fn guess(headers: &[String], catalog: &Dataset) -> Mapping {
        let mut m = Mapping::default();
        let norm: Vec<String> = headers.iter().map(|h| fold_name(h)).collect();
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
            // saved file shows (and lets the user change) how headers were understood; the
            // names are looked up in a hash map (a file may have a million columns)
            let names = NameIndex::of(catalog.indicators());
            for h in &unassigned {
                if let Some(ind) = catalog
                    .indicators()
                    .ix(h)
                    .or_else(|| names.get(h))
                    .and_then(|ix| catalog.indicators().at(ix))
                {
                    m.indicators.insert(h.clone(), ind.id.to_string());
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
            if !SCORE_HEADERS.contains(&fold_name(h).as_str()) {
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

    /// The mapping an import of a table uses: `given` with the roles it leaves open
    /// guessed from the headers and the first `rows`, else the whole guess.
    pub(crate) fn for_table(
        given: Option<&Mapping>,
        headers: &[String],
        rows: &[Vec<String>],
        catalog: &Dataset,
    ) -> Mapping {
        let guess = Mapping::guess_with_rows(headers, rows, catalog);
        match given {
            Some(m) => m.clone().completed_by(&guess),
            None => guess,
        }
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
}

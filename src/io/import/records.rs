/*!
Raw records to indicators: survey answers (0–10 recommend, 1–5 satisfaction) and contact
logs (queue time, handling time, outcome, customer key, time stamp) are collected per
region / channel / period while rows stream in, then turned into observations with
[`crate::model::survey`] (NPS with sample size and 95 % margin, CSAT, ASA, AHT,
abandonment, service level, FCR).
*/

use super::ImportError;
use super::builder::{Cell, ImportBuilder, RoleColumns, RowCells};
use super::cell_detail::{CellDetail, Needed};
use super::mapping::{Layout, Mapping};
use super::rules::{self, OutcomeCode, Statistic};
use super::{text, time};
use crate::model::survey::{self, Contact, ContactOutcome};
use crate::model::{Direction, Indicator, IndicatorGroup, IndicatorId, Period, Text, Unit};
use std::collections::HashMap;

mod merge;
mod totals;

/// Region, channel, segment, period.
type Key = (
    crate::model::RegionIx,
    Option<crate::model::ChannelIx>,
    Option<crate::model::SegmentIx>,
    Period,
);

/// Id of the service-level indicator for a threshold (`service_level_20s_pct`).
pub fn service_level_id(threshold_s: u32) -> String {
    format!("service_level_{threshold_s}s_pct")
}

/// Id of the "answered within" indicator for a threshold (`answered_within_20s_pct`).
pub fn answered_within_id(threshold_s: u32) -> String {
    format!("answered_within_{threshold_s}s_pct")
}

/// Id of the CSAT indicator created by survey imports.
pub const CSAT_ID: &str = "csat_pct";

/// Indicators an import of this layout produces, with their definitions (added to the
/// dataset when the base lacks them).
pub fn derived_indicators(m: &Mapping) -> Vec<Indicator> {
    let ind = |id: &str,
               en: &str,
               fr: &str,
               den: &str,
               dfr: &str,
               unit: Unit,
               dir: Direction,
               group,
               ch: bool| Indicator {
        id: IndicatorId::new(id),
        name: Text::new(en, fr),
        definition: Text::new(den, dfr),
        unit,
        direction: dir,
        group,
        channel_specific: ch,
        channel_mix: false,
    };
    match m.layout {
        Layout::SurveyAnswers => vec![
            ind(
                "nps",
                "Net Promoter Score",
                "Net Promoter Score",
                "Percentage of answers 9–10 minus percentage of answers 0–6 to the question how likely the customer is to recommend (0–10). Margin at 95 %: 1.96 × √((p + d − (p − d)²)/n) × 100.",
                "Pourcentage de réponses 9–10 moins pourcentage de réponses 0–6 à la question de la probabilité de recommander (0–10). Marge à 95 % : 1,96 × √((p + d − (p − d)²)/n) × 100.",
                Unit::Score {
                    min: -100.0,
                    max: 100.0,
                },
                Direction::HigherIsBetter,
                IndicatorGroup::Satisfaction,
                false,
            ),
            ind(
                CSAT_ID,
                "Customer satisfaction (CSAT)",
                "Satisfaction client (CSAT)",
                "Share of survey answers 4 or 5 on a 1–5 satisfaction scale, computed from the imported answers.",
                "Part des réponses 4 ou 5 sur une échelle de satisfaction de 1 à 5, calculée à partir des réponses importées.",
                Unit::Percent,
                Direction::HigherIsBetter,
                IndicatorGroup::Satisfaction,
                false,
            ),
        ],
        Layout::ContactLog => vec![
            ind(
                "asa_s",
                "Average speed of answer",
                "Délai moyen de décroché",
                "Mean seconds answered contacts waited in the queue, computed from the imported contact log.",
                "Nombre moyen de secondes d'attente en file des contacts répondus, calculé à partir du journal importé.",
                Unit::Seconds,
                Direction::LowerIsBetter,
                IndicatorGroup::Operations,
                true,
            ),
            ind(
                "aht_s",
                "Average handling time",
                "Durée moyenne de traitement",
                "Mean handling seconds (talk or writing plus after-contact work) of answered contacts.",
                "Durée moyenne de traitement en secondes (échange ou rédaction et travail après contact) des contacts répondus.",
                Unit::Seconds,
                Direction::LowerIsBetter,
                IndicatorGroup::Operations,
                true,
            ),
            ind(
                "abandon_pct",
                "Abandonment rate",
                "Taux d'abandon",
                "Abandoned contacts as a share of contacts offered to the queue (answered + abandoned).",
                "Contacts abandonnés rapportés aux contacts présentés en file (répondus + abandonnés).",
                Unit::Percent,
                Direction::LowerIsBetter,
                IndicatorGroup::Operations,
                true,
            ),
            ind(
                "fcr_pct",
                "First-contact resolution",
                "Résolution au premier contact",
                "Share of customer issues handled in a single answered contact: no further contact from the same customer key within the repeat window.",
                "Part des demandes traitées en un seul contact répondu : aucun nouveau contact du même client dans la fenêtre de rappel.",
                Unit::Percent,
                Direction::HigherIsBetter,
                IndicatorGroup::Operations,
                true,
            ),
            ind(
                &service_level_id(m.service_level_s),
                &format!("Service level ({} s)", m.service_level_s),
                &format!("Niveau de service ({} s)", m.service_level_s),
                &format!(
                    "Contacts answered within {} seconds as a share of contacts offered (answered + abandoned).",
                    m.service_level_s
                ),
                &format!(
                    "Contacts répondus en moins de {} secondes rapportés aux contacts présentés (répondus + abandonnés).",
                    m.service_level_s
                ),
                Unit::Percent,
                Direction::HigherIsBetter,
                IndicatorGroup::Operations,
                true,
            ),
            ind(
                &answered_within_id(m.service_level_s),
                &format!("Answered within {} s", m.service_level_s),
                &format!("Répondus en moins de {} s", m.service_level_s),
                &format!(
                    "Contacts answered within {} seconds as a share of contacts answered (abandons not counted).",
                    m.service_level_s
                ),
                &format!(
                    "Contacts répondus en moins de {} secondes rapportés aux contacts répondus (abandons non comptés).",
                    m.service_level_s
                ),
                Unit::Percent,
                Direction::HigherIsBetter,
                IndicatorGroup::Operations,
                true,
            ),
        ]
        .into_iter()
        .chain(rules::duration_statistics(m))
        .collect(),
        Layout::Threads | Layout::Tickets => super::events::indicators(m),
        _ => Vec::new(),
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Survey {
        recommend: Option<usize>,
        satisfaction: Option<usize>,
    },
    Contacts {
        queue: usize,
        service: Option<usize>,
        outcome: Option<usize>,
        customer: Option<usize>,
        timestamp: Option<usize>,
    },
}

/// Per-group accumulators of one survey or contact-log import.
#[derive(Clone)]
pub(crate) struct Aggregates {
    kind: Kind,
    order: Vec<Key>,
    survey: HashMap<Key, ([u64; 11], [u64; 5])>,
    contacts: HashMap<Key, Vec<Contact>>,
    /// Running totals per key, used instead of `contacts` when nothing needs the contacts
    /// one by one (no customer key, only means): constant memory for huge logs.
    totals: totals::KeyedTotals,
    /// Whether `totals` is used.
    streaming: bool,
    rules: survey::ContactRules,
    customers: HashMap<Box<[u8]>, u32>,
    /// Blank answers left out (counted as missing values in the import line).
    blank_answers: usize,
    /// Rows with an `Ignore` outcome code.
    ignored: usize,
    /// Outcome cells seen (raw trimmed bytes) and what they mean.
    outcome_cache: Vec<(Box<[u8]>, OutcomeCode)>,
}

impl Aggregates {
    pub(crate) fn new(m: &Mapping, cols: RoleColumns<'_>) -> Result<Aggregates, ImportError> {
        let c = &m.columns;
        let column = |r, n| cols.find(r, n);
        let kind = if m.layout == Layout::SurveyAnswers {
            let recommend = column("recommend", &c.recommend)?;
            let satisfaction = column("satisfaction", &c.satisfaction)?;
            if recommend.is_none() && satisfaction.is_none() {
                return Err(ImportError::missing_column("recommend", cols.0));
            }
            Kind::Survey {
                recommend,
                satisfaction,
            }
        } else {
            Kind::Contacts {
                queue: cols.need("queue_s", &c.queue_s)?,
                service: column("service_s", &c.service_s)?,
                outcome: column("outcome", &c.outcome)?,
                customer: column("customer", &c.customer)?,
                timestamp: column("timestamp", &c.timestamp)?,
            }
        };
        Ok(Aggregates {
            kind,
            order: Vec::new(),
            survey: HashMap::new(),
            contacts: HashMap::new(),
            customers: HashMap::new(),
            blank_answers: 0,
            ignored: 0,
            outcome_cache: Vec::new(),
            totals: totals::KeyedTotals::default(),
            streaming: c.customer.as_deref().is_none_or(str::is_empty)
                && m.statistics.iter().all(|s| *s == Statistic::Mean),
            rules: survey::ContactRules {
                service_level_s: f64::from(m.service_level_s),
                short_abandon_s: f64::from(m.short_abandon_s),
                fcr_window_s: f64::from(m.fcr_window_days) * 86_400.0,
            },
        })
    }

    fn whole<R: RowCells>(
        b: &ImportBuilder<'_>,
        row_no: usize,
        row: &R,
        col: usize,
        lo: u8,
        hi: u8,
    ) -> Result<Option<u8>, ImportError> {
        match b.number(row_no, row, col)? {
            None => Ok(None),
            Some(v) if v.fract() == 0.0 && v >= f64::from(lo) && v <= f64::from(hi) => {
                Ok(Some(v as u8))
            }
            Some(_) => Err(b.cell_error(
                row_no,
                col,
                CellDetail::NotWholeInRange {
                    found: b.boxed(row.cell(col)),
                    lo,
                    hi,
                },
            )),
        }
    }

    fn seconds<R: RowCells>(
        b: &ImportBuilder<'_>,
        row_no: usize,
        row: &R,
        col: usize,
    ) -> Result<Option<f64>, ImportError> {
        let cell = row.cell(col);
        let bad = || b.cell_error(row_no, col, CellDetail::NotADuration(b.boxed(cell)));
        if let Cell::Text(t) = cell {
            let t = text::trim(t);
            if t.contains(&b':') {
                return time::parse_duration_s(&text::decode(t, b.encoding()))
                    .map(Some)
                    .ok_or_else(bad);
            }
        }
        match b.number(row_no, row, col)? {
            Some(v) if !time::duration_in_range(v) => Err(bad()),
            other => Ok(other),
        }
    }

    pub(crate) fn add_row<R: RowCells>(
        &mut self,
        b: &ImportBuilder<'_>,
        row_no: usize,
        row: &R,
        key: Key,
    ) -> Result<(), ImportError> {
        match self.kind {
            Kind::Survey {
                recommend,
                satisfaction,
            } => {
                let r = match recommend {
                    Some(c) => Self::whole(b, row_no, row, c, 0, 10)?,
                    None => None,
                };
                let s = match satisfaction {
                    Some(c) => Self::whole(b, row_no, row, c, 1, 5)?,
                    None => None,
                };
                self.blank_answers += usize::from(recommend.is_some() && r.is_none())
                    + usize::from(satisfaction.is_some() && s.is_none());
                if !self.survey.contains_key(&key) {
                    self.order.push(key);
                }
                let e = self.survey.entry(key).or_insert(([0; 11], [0; 5]));
                if let Some(r) = r {
                    e.0[usize::from(r)] += 1;
                }
                if let Some(s) = s {
                    e.1[usize::from(s - 1)] += 1;
                }
            }
            Kind::Contacts {
                queue,
                service,
                outcome,
                customer,
                timestamp,
            } => {
                let queue_s = Self::seconds(b, row_no, row, queue)?.ok_or_else(|| {
                    b.cell_error(row_no, queue, CellDetail::Empty(Needed::QueueSeconds))
                })?;
                let handle_s = match service {
                    Some(c) => Self::seconds(b, row_no, row, c)?,
                    None => None,
                };
                let outcome = match outcome {
                    Some(c) => {
                        let cell = row.cell(c);
                        let key: &[u8] = match cell {
                            Cell::Text(t) => text::trim(t),
                            _ => &[],
                        };
                        let cached = self
                            .outcome_cache
                            .iter()
                            .find(|(k, _)| !key.is_empty() && super::builder::same_bytes(k, key))
                            .map(|(_, o)| *o);
                        let code = match cached {
                            Some(o) => Some(o),
                            None => {
                                let raw = b.text_cell(cell).unwrap_or_default();
                                let code = rules::outcome_meaning(&b.mapping().outcomes, &raw);
                                if let Some(o) = code
                                    && !key.is_empty()
                                    && self.outcome_cache.len() < 64
                                {
                                    self.outcome_cache.push((key.into(), o));
                                }
                                code
                            }
                        };
                        match code {
                            Some(OutcomeCode::Ignore) => {
                                self.ignored += 1;
                                return Ok(());
                            }
                            Some(OutcomeCode::Answered) => ContactOutcome::Answered,
                            Some(OutcomeCode::Abandoned) => ContactOutcome::Abandoned,
                            None => {
                                return Err(b.cell_error(
                                    row_no,
                                    c,
                                    CellDetail::UnknownOutcome(b.boxed(cell)),
                                ));
                            }
                        }
                    }
                    None if handle_s.is_some_and(|h| h > 0.0) => ContactOutcome::Answered,
                    None => ContactOutcome::Abandoned,
                };
                let customer = match customer {
                    Some(c) => match row.cell(c) {
                        Cell::Text(t) if !text::trim(t).is_empty() => {
                            let t = text::trim(t);
                            let next = self.customers.len() as u32;
                            Some(*self.customers.entry(t.into()).or_insert(next))
                        }
                        Cell::Number(v) => {
                            let k = v.to_bits().to_le_bytes();
                            let next = self.customers.len() as u32;
                            Some(*self.customers.entry(k.as_slice().into()).or_insert(next))
                        }
                        _ => None,
                    },
                    None => None,
                };
                let start_s = match timestamp {
                    Some(c) => b.timestamp(row_no, row, c)?,
                    None => None,
                };
                let contact = Contact {
                    start_s,
                    queue_s,
                    handle_s: if outcome == ContactOutcome::Answered {
                        handle_s
                    } else {
                        None
                    },
                    outcome,
                    customer,
                };
                if self.streaming {
                    let (totals, new) = self.totals.slot(key);
                    totals.add(&contact, &self.rules);
                    if new {
                        self.order.push(key);
                    }
                } else {
                    if !self.contacts.contains_key(&key) {
                        self.order.push(key);
                    }
                    self.contacts.entry(key).or_default().push(contact);
                }
            }
        }
        Ok(())
    }

    pub(crate) fn finish(self, b: &mut ImportBuilder<'_>) {
        b.stats.missing_values += self.blank_answers;
        b.stats.excluded_rows += self.ignored;
        let m = b.mapping();
        let sl_id = service_level_id(m.service_level_s);
        let within_id = answered_within_id(m.service_level_s);
        let rules = survey::ContactRules {
            service_level_s: f64::from(m.service_level_s),
            short_abandon_s: f64::from(m.short_abandon_s),
            fcr_window_s: f64::from(m.fcr_window_days) * 86_400.0,
        };
        let statistics = m.statistics.clone();
        for key in &self.order {
            if let Some((rec, sat)) = self.survey.get(key) {
                if let Some(n) = survey::nps_from_counts(rec) {
                    b.push_computed(*key, "nps", Some(n.nps), Some(n.n), Some(n.margin_95));
                }
                if let Some(c) = survey::csat_from_counts(sat) {
                    b.push_computed(
                        *key,
                        CSAT_ID,
                        Some(c.csat_pct),
                        Some(c.n),
                        Some(c.margin_95),
                    );
                }
            }
            let r = match (self.contacts.get(key), self.totals.get(key)) {
                (Some(log), _) => Some(survey::contact_metrics_with(log, &rules)),
                (None, Some(t)) => Some(t.metrics()),
                (None, None) => None,
            };
            if let Some(r) = r {
                let answered = Some(r.answered);
                let offered = Some(r.offered);
                for stat in &statistics {
                    let asa = stat.pick(r.asa_s, r.asa_median_s, r.asa_p90_s);
                    let aht = stat.pick(r.aht_s, r.aht_median_s, r.aht_p90_s);
                    if r.answered > 0 {
                        b.push_computed(*key, &stat.id("asa"), asa, answered, None);
                    }
                    if aht.is_some() {
                        b.push_computed(*key, &stat.id("aht"), aht, answered, None);
                    }
                }
                b.push_computed(*key, "abandon_pct", r.abandonment_pct, offered, None);
                b.push_computed(*key, &sl_id, r.service_level_pct, offered, None);
                b.push_computed(*key, &within_id, r.answered_within_pct, answered, None);
                if r.fcr_pct.is_some() {
                    b.push_computed(*key, "fcr_pct", r.fcr_pct, Some(r.fcr_issues), None);
                }
            }
        }
    }
}

/*!
Message threads and ticket event logs (layouts `Threads` and `Tickets`): rows are collected
while they stream in, then folded with [`crate::model::threads`] into first-response
time (with the mapping's `statistics`), response rate and share answered within
`response_within_min` (threads), or first-response time, resolution time and share resolved
(tickets), per region / channel / segment / period.

A thread belongs to the region, channel and period of its opener; its segment is the
account of the company's first reply (the brand that answered), else the opener's own.
A ticket belongs to the region, channel, segment and period of its first row.
*/

use super::ImportError;
use super::builder::{Cell, ImportBuilder, RoleColumns, RowCells};
use super::cell_detail::{CellDetail, Needed};
use super::mapping::{Layout, Mapping};
use super::rules::Statistic;
use super::text;
use crate::model::threads::{self, Message, Ticket};
use crate::model::{Direction, Indicator, IndicatorGroup, IndicatorId, Period, Text, Unit};
use std::collections::HashMap;

/// Region, channel, segment, period.
type Key = (
    crate::model::RegionIx,
    Option<crate::model::ChannelIx>,
    Option<crate::model::SegmentIx>,
    Period,
);

/// An account handle with where it was read: row, text line, column.
type Account = Option<(String, (usize, Option<usize>, usize))>;

/// Per key: first-response delays, resolution delays (`None` = never).
type Delays = (Vec<Option<f64>>, Vec<Option<f64>>);

/// Id of the "answered within" share of threads (`responded_within_60min_pct`).
pub fn responded_within_id(minutes: u32) -> String {
    format!("responded_within_{minutes}min_pct")
}

/// Indicators the `Threads` and `Tickets` layouts produce.
pub fn indicators(m: &Mapping) -> Vec<Indicator> {
    let ind = |id: String, en: String, fr: String, den: String, dfr: String, unit, dir| Indicator {
        id: IndicatorId::new(id),
        name: Text::new(en, fr),
        definition: Text::new(den, dfr),
        unit,
        direction: dir,
        group: IndicatorGroup::Responsiveness,
        channel_specific: true,
        channel_mix: false,
    };
    let durations = |base: &str, en: &str, fr: &str, what_en: &str, what_fr: &str| {
        m.statistics
            .iter()
            .map(|st| {
                let (sen, sfr) = st.words();
                ind(
                    st.id(base),
                    if *st == Statistic::Mean {
                        en.to_owned()
                    } else {
                        format!("{en}, {sen}")
                    },
                    if *st == Statistic::Mean {
                        fr.to_owned()
                    } else {
                        format!("{fr}, {sfr}")
                    },
                    format!(
                        "The {sen} of {what_en}, in seconds, computed from the imported records."
                    ),
                    format!(
                        "{} de {what_fr}, en secondes, à partir des enregistrements importés.",
                        super::rules::capitalise(sfr)
                    ),
                    Unit::Seconds,
                    Direction::LowerIsBetter,
                )
            })
            .collect::<Vec<_>>()
    };
    match m.layout {
        Layout::Threads => {
            let n = m.response_within_min;
            let mut v = durations(
                "first_response",
                "First response time",
                "Délai de première réponse",
                "the delay between a customer's opening message and the company's first reply to it (openers with a reply)",
                "l'écart entre le message d'ouverture du client et la première réponse de l'entreprise (messages ayant reçu une réponse)",
            );
            v.push(ind(
                "response_rate_pct".into(),
                "Response rate".into(),
                "Taux de réponse".into(),
                "Customer opening messages that got a company reply, as a share of all customer opening messages.".into(),
                "Messages d'ouverture de clients ayant reçu une réponse de l'entreprise, rapportés à tous les messages d'ouverture.".into(),
                Unit::Percent,
                Direction::HigherIsBetter,
            ));
            v.push(ind(
                responded_within_id(n),
                format!("Answered within {n} min"),
                format!("Réponse en moins de {n} min"),
                format!("Customer opening messages answered by the company within {n} minutes, as a share of all customer opening messages (unanswered ones count as misses)."),
                format!("Messages d'ouverture de clients ayant reçu une réponse en moins de {n} minutes, rapportés à tous les messages d'ouverture (sans réponse = hors délai)."),
                Unit::Percent,
                Direction::HigherIsBetter,
            ));
            v
        }
        Layout::Tickets => {
            let mut v = durations(
                "first_response",
                "First response time",
                "Délai de première réponse",
                "the delay between a ticket's opening and its first event in a response state (tickets that reached one)",
                "l'écart entre l'ouverture d'un ticket et son premier événement dans un état de réponse (tickets concernés)",
            );
            v.extend(durations(
                "resolution",
                "Resolution time",
                "Délai de résolution",
                "the delay between a ticket's opening and its resolution (resolved tickets)",
                "l'écart entre l'ouverture d'un ticket et sa résolution (tickets résolus)",
            ));
            v.push(ind(
                "resolved_pct".into(),
                "Tickets resolved".into(),
                "Tickets résolus".into(),
                "Tickets with a resolution time, as a share of all tickets of the period.".into(),
                "Tickets ayant une date de résolution, rapportés à tous les tickets de la période."
                    .into(),
                Unit::Percent,
                Direction::HigherIsBetter,
            ));
            v
        }
        _ => Vec::new(),
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Threads {
        id: usize,
        reply_to: usize,
        inbound: usize,
        account: Option<usize>,
        created: usize,
    },
    Tickets {
        ticket: usize,
        opened: usize,
        event: Option<usize>,
        state: Option<usize>,
        resolved: Option<usize>,
    },
}

/// Rows of one `Threads` or `Tickets` import.
#[derive(Clone)]
pub(crate) struct Events {
    kind: Kind,
    messages: Vec<Message>,
    /// Per message: its row's key, and the account text with its row and column.
    message_keys: Vec<(Key, Account)>,
    tickets: HashMap<Box<[u8]>, (Key, Ticket)>,
    ticket_order: Vec<Box<[u8]>>,
    response_states: Vec<String>,
}

impl Events {
    pub(crate) fn new(m: &Mapping, cols: RoleColumns<'_>) -> Result<Events, ImportError> {
        let c = &m.columns;
        let (need, column) = (|r, n| cols.need(r, n), |r, n| cols.find(r, n));
        let kind = if m.layout == Layout::Threads {
            Kind::Threads {
                id: need("message_id", &c.message_id)?,
                reply_to: need("reply_to", &c.reply_to)?,
                inbound: need("inbound", &c.inbound)?,
                created: need("created_at", &c.created_at)?,
                account: column("account", &c.account)?,
            }
        } else {
            Kind::Tickets {
                ticket: need("ticket", &c.ticket)?,
                opened: need("opened_at", &c.opened_at)?,
                event: column("event_at", &c.event_at)?,
                state: column("state", &c.state)?,
                resolved: column("resolved_at", &c.resolved_at)?,
            }
        };
        Ok(Events {
            kind,
            messages: Vec::new(),
            message_keys: Vec::new(),
            tickets: HashMap::new(),
            ticket_order: Vec::new(),
            response_states: m
                .response_states
                .iter()
                .map(|s| text::fold_name(s))
                .collect(),
        })
    }

    /// A message or ticket id: trimmed text, with whole numbers written as floats (`3.0`)
    /// read as integers.
    fn id<R: RowCells>(b: &ImportBuilder<'_>, row: &R, col: usize) -> Option<String> {
        let t = match row.cell(col) {
            Cell::Number(v) => return Some(whole(v).unwrap_or_else(|| v.to_string())),
            cell => b.text_cell(cell)?,
        };
        let t = t.trim();
        match t.parse::<f64>() {
            Ok(v) if t.contains('.') || t.contains(['e', 'E']) => {
                Some(whole(v).unwrap_or_else(|| t.to_owned()))
            }
            _ => Some(t.to_owned()),
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
            Kind::Threads {
                id,
                reply_to,
                inbound,
                account,
                created,
            } => {
                let Some(msg_id) = Self::id(b, row, id) else {
                    return Err(b.cell_error(row_no, id, CellDetail::Empty(Needed::MessageId)));
                };
                let reply = Self::id(b, row, reply_to).filter(|s| !s.is_empty());
                let cell = row.cell(inbound);
                let flag = b
                    .text_cell(cell)
                    .map(|s| s.trim().to_lowercase())
                    .unwrap_or_default();
                let is_in = match flag.as_str() {
                    "true" | "yes" | "y" | "t" | "1" | "1.0" | "vrai" | "oui" => true,
                    "false" | "no" | "n" | "f" | "0" | "0.0" | "faux" | "non" => false,
                    _ => {
                        return Err(b.cell_error(
                            row_no,
                            inbound,
                            CellDetail::NotAFlag(b.boxed(cell)),
                        ));
                    }
                };
                let at_s = b.timestamp(row_no, row, created)?.ok_or_else(|| {
                    b.cell_error(row_no, created, CellDetail::Empty(Needed::MessageTime))
                })?;
                let acc = account.and_then(|c| {
                    b.text_cell(row.cell(c))
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .map(|s| (s, (row_no, b.line(), c)))
                });
                self.messages.push(Message {
                    id: msg_id,
                    reply_to: reply,
                    inbound: is_in,
                    at_s,
                });
                self.message_keys.push((key, acc));
            }
            Kind::Tickets {
                ticket,
                opened,
                event,
                state,
                resolved,
            } => {
                let Some(tid) = Self::id(b, row, ticket).filter(|s| !s.is_empty()) else {
                    return Err(b.cell_error(row_no, ticket, CellDetail::Empty(Needed::TicketKey)));
                };
                let opened_s = b.timestamp(row_no, row, opened)?;
                let event_s = match event {
                    Some(c) => b.timestamp(row_no, row, c)?,
                    None => None,
                };
                let resolved_s = match resolved {
                    Some(c) => b.timestamp(row_no, row, c)?,
                    None => None,
                };
                let response = state.is_some_and(|c| {
                    b.text_cell(row.cell(c))
                        .is_some_and(|s| self.response_states.contains(&text::fold_name(&s)))
                });
                let k: Box<[u8]> = tid.into_bytes().into_boxed_slice();
                if !self.tickets.contains_key(&k) {
                    self.ticket_order.push(k.clone());
                }
                let entry = self.tickets.entry(k).or_insert((key, Ticket::default()));
                threads::add_event(&mut entry.1, opened_s, event_s, response, resolved_s);
            }
        }
        Ok(())
    }

    pub(crate) fn finish(self, b: &mut ImportBuilder<'_>) {
        let m = b.mapping();
        let statistics = m.statistics.clone();
        let within_min = m.response_within_min;
        // group delays per key, keys in order of first appearance
        let mut order: Vec<Key> = Vec::new();
        let mut groups: HashMap<Key, Delays> = HashMap::new();
        let mut push = |key: Key, a: Option<f64>, r: Option<f64>| {
            let g = groups.entry(key).or_insert_with(|| {
                order.push(key);
                (Vec::new(), Vec::new())
            });
            g.0.push(a);
            g.1.push(r);
        };
        let threads_layout = matches!(self.kind, Kind::Threads { .. });
        if threads_layout {
            for (i, reply) in threads::first_responses(&self.messages) {
                let (mut key, _) = self.message_keys[i].clone();
                if let Some((_, j)) = reply
                    && let Some((acc, at)) = &self.message_keys[j].1
                {
                    key.2 = b.account_segment(acc, *at).or(key.2);
                }
                push(key, reply.map(|r| r.0), None);
            }
        } else {
            for k in &self.ticket_order {
                if let Some((key, t)) = self.tickets.get(k) {
                    push(
                        *key,
                        t.response_delay_s(),
                        Some(t.resolution_delay_s()).flatten(),
                    );
                }
            }
        }
        for key in order {
            let Some((first, resolution)) = groups.get(&key) else {
                continue;
            };
            let r = threads::responsiveness(first, f64::from(within_min) * 60.0);
            push_delays(b, key, &statistics, "first_response", &r);
            if threads_layout {
                b.push_computed(key, "response_rate_pct", r.done_pct, Some(r.items), None);
                b.push_computed(
                    key,
                    &responded_within_id(within_min),
                    r.within_pct,
                    Some(r.items),
                    None,
                );
            } else {
                let res = threads::responsiveness(resolution, 0.0);
                push_delays(b, key, &statistics, "resolution", &res);
                b.push_computed(key, "resolved_pct", res.done_pct, Some(res.items), None);
            }
        }
    }
}

/// Pushes each of `statistics` of the delays `r` as the indicator of that statistic of
/// `base` (`first_response_median_s`), counted over the items done; a statistic without a
/// value is not pushed.
fn push_delays(
    b: &mut ImportBuilder<'_>,
    key: Key,
    statistics: &[Statistic],
    base: &str,
    r: &threads::Responsiveness,
) {
    for st in statistics {
        let v = st.pick(r.mean_s, r.median_s, r.p90_s);
        if v.is_some() {
            b.push_computed(key, &st.id(base), v, Some(r.done), None);
        }
    }
}

/// `Some("3")` for 3.0; `None` for a fraction or a number too large to be exact.
fn whole(v: f64) -> Option<String> {
    (v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15).then(|| format!("{v:.0}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_definitions_of_every_statistic_never_start_in_lower_case() {
        for layout in [Layout::Threads, Layout::Tickets] {
            let m = Mapping {
                layout,
                statistics: vec![Statistic::Mean, Statistic::Median, Statistic::P90],
                ..Mapping::default()
            };
            let inds = indicators(&m);
            assert!(inds.len() >= 3, "{layout:?}");
            for i in &inds {
                let fr = i.definition.get(crate::i18n::Lang::Fr);
                assert!(!fr.starts_with(char::is_lowercase), "{fr}");
            }
        }
    }
}

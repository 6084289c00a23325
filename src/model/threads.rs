/*!
Responsiveness from raw message threads and ticket event logs: pure functions over already
parsed records (no I/O).

- [`first_responses`]: for each customer opener of a support inbox or social account, the
  seconds to the first company reply, if any.
- [`tickets`]: per ticket of a service desk, the seconds to the first response state and
  to resolution.
- [`responsiveness`] sums such delays up: response (or resolution) rate, share within a
  limit, mean, median and 90th percentile.
*/

use super::survey::quantile;
use std::collections::HashMap;

/// One message of a thread export.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Message id (normalised: `3.0` and `3` are the same id).
    pub id: String,
    /// Id of the message answered; `None` for an opener.
    pub reply_to: Option<String>,
    /// Sent by the customer (`true`) or by the company (`false`).
    pub inbound: bool,
    /// Time in seconds (any origin).
    pub at_s: f64,
}

/// For each customer opener (an inbound message that answers nothing), in input order: its
/// index in `messages` and, when a company message replies to it, the seconds to the first
/// such reply (a reply dated before its opener counts as 0 s) and the reply's index.
pub fn first_responses(messages: &[Message]) -> Vec<(usize, Option<(f64, usize)>)> {
    let mut first_reply: HashMap<&str, (f64, usize)> = HashMap::new();
    for (j, m) in messages.iter().enumerate().filter(|(_, m)| !m.inbound) {
        if let Some(to) = m.reply_to.as_deref() {
            let e = first_reply.entry(to).or_insert((m.at_s, j));
            if m.at_s < e.0 {
                *e = (m.at_s, j);
            }
        }
    }
    messages
        .iter()
        .enumerate()
        .filter(|(_, m)| m.inbound && m.reply_to.is_none())
        .map(|(i, m)| {
            let reply = first_reply
                .get(m.id.as_str())
                .map(|&(t, j)| ((t - m.at_s).max(0.0), j));
            (i, reply)
        })
        .collect()
}

/// One ticket's events folded: opening time, first time in a response state, resolution.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Ticket {
    /// When the ticket was opened (seconds).
    pub opened_s: Option<f64>,
    /// Earliest event in one of the response states (seconds).
    pub first_response_s: Option<f64>,
    /// When it was resolved (seconds), if it was.
    pub resolved_s: Option<f64>,
}

impl Ticket {
    /// Seconds from opening to the first response, when both are known.
    pub fn response_delay_s(&self) -> Option<f64> {
        Some((self.first_response_s? - self.opened_s?).max(0.0))
    }

    /// Seconds from opening to resolution, when both are known.
    pub fn resolution_delay_s(&self) -> Option<f64> {
        Some((self.resolved_s? - self.opened_s?).max(0.0))
    }
}

/// Folds one event into its ticket: the earliest opening, the earliest response-state
/// event, the latest resolution.
pub fn add_event(
    t: &mut Ticket,
    opened_s: Option<f64>,
    event_s: Option<f64>,
    response: bool,
    resolved_s: Option<f64>,
) {
    let min = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    t.opened_s = min(t.opened_s, opened_s);
    if response {
        t.first_response_s = min(t.first_response_s, event_s);
    }
    t.resolved_s = match (t.resolved_s, resolved_s) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
}

/// Delays summed up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Responsiveness {
    /// Items counted (openers, tickets).
    pub items: u32,
    /// Items with a delay (answered, resolved).
    pub done: u32,
    /// `done / items`, in %.
    pub done_pct: Option<f64>,
    /// Items done within the limit / items, in %.
    pub within_pct: Option<f64>,
    /// Mean delay of the items done.
    pub mean_s: Option<f64>,
    /// Median delay.
    pub median_s: Option<f64>,
    /// 90th percentile of the delay.
    pub p90_s: Option<f64>,
}

/// Sums up per-item delays (`None` = never answered or resolved), with `within_s` the
/// limit of the "within" share.
pub fn responsiveness(delays: &[Option<f64>], within_s: f64) -> Responsiveness {
    let mut done: Vec<f64> = delays.iter().flatten().copied().collect();
    let items = delays.len();
    let within = done.iter().filter(|&&d| d <= within_s).count();
    let pct = |k: usize| (items > 0).then(|| k as f64 * 100.0 / items as f64);
    let mean_s = (!done.is_empty()).then(|| done.iter().sum::<f64>() / done.len() as f64);
    Responsiveness {
        items: u32::try_from(items).unwrap_or(u32::MAX),
        done: u32::try_from(done.len()).unwrap_or(u32::MAX),
        done_pct: pct(done.len()),
        within_pct: pct(within),
        mean_s,
        median_s: quantile(&mut done, 0.5),
        p90_s: quantile(&mut done, 0.9),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: &str, to: Option<&str>, inbound: bool, at_s: f64) -> Message {
        Message {
            id: id.into(),
            reply_to: to.map(Into::into),
            inbound,
            at_s,
        }
    }

    #[test]
    fn first_company_reply_per_opener() {
        let msgs = [
            m("1", None, true, 0.0),
            m("2", Some("1"), false, 600.0),
            m("3", Some("1"), false, 300.0),
            m("4", Some("3"), true, 900.0), // customer follow-up: not an opener
            m("5", None, true, 1000.0),     // never answered
        ];
        assert_eq!(
            first_responses(&msgs),
            vec![(0, Some((300.0, 2))), (4, None)]
        );
        let r = responsiveness(&[Some(300.0), None], 3600.0);
        assert_eq!((r.items, r.done, r.done_pct), (2, 1, Some(50.0)));
        assert_eq!(r.within_pct, Some(50.0));
        assert_eq!(r.mean_s, Some(300.0));
    }

    #[test]
    fn ticket_events_fold() {
        let mut t = Ticket::default();
        add_event(&mut t, Some(100.0), Some(100.0), false, None);
        add_event(&mut t, Some(100.0), Some(400.0), true, None);
        add_event(&mut t, Some(100.0), Some(250.0), true, None);
        add_event(&mut t, Some(100.0), Some(900.0), false, Some(1000.0));
        assert_eq!(t.response_delay_s(), Some(150.0));
        assert_eq!(t.resolution_delay_s(), Some(900.0));
    }
}

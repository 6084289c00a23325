/*!
Indicators computed from raw records: NPS and CSAT from survey answers, contact-centre
metrics from a contact log. Pure functions, kept in the model because they define indicators;
the importer (`io::import`) feeds them.

Definitions (also in `docs/import.md` and in the indicators' metadata):

- **NPS**: answers 0–10 to "how likely are you to recommend…"; promoters answer 9–10,
  detractors 0–6; NPS = % promoters − % detractors (−100 to 100). Margin of error at 95 %:
  1.96 × √((p + d − (p − d)²) / n) × 100, with p and d the shares of promoters and
  detractors as proportions.
- **CSAT**: answers 1–5; CSAT = % of answers 4 or 5. Margin at 95 %: 1.96 × √(s(1 − s)/n) × 100.
- **Contact log**, one record per contact offered to the queue:
  ASA = mean queue time of answered contacts; AHT = mean handling time of answered
  contacts; abandonment = abandoned / offered; service level = contacts answered within
  N seconds / offered (abandoned contacts count as not answered in time);
  FCR = share of issues that took a single contact, where an issue is a run of answered
  contacts of one customer each within the window (default 7 days) of the previous one.
*/

/// Net Promoter Score of a set of answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NpsResult {
    /// % promoters − % detractors (−100 to 100).
    pub nps: f64,
    /// Share of answers 9–10, in %.
    pub promoters_pct: f64,
    /// Share of answers 0–6, in %.
    pub detractors_pct: f64,
    /// Number of valid answers.
    pub n: u32,
    /// Margin of error at 95 %, in NPS points.
    pub margin_95: f64,
}

/// NPS from answers 0–10; answers above 10 are ignored. `None` without a valid answer.
pub fn nps(answers: &[u8]) -> Option<NpsResult> {
    let mut counts = [0u64; 11];
    for &a in answers {
        if let Some(c) = counts.get_mut(usize::from(a)) {
            *c += 1;
        }
    }
    nps_from_counts(&counts)
}

/// NPS from the number of answers of each score 0–10.
pub fn nps_from_counts(counts: &[u64; 11]) -> Option<NpsResult> {
    let n: u64 = counts.iter().sum();
    if n == 0 {
        return None;
    }
    let nf = n as f64;
    let p = (counts[9] + counts[10]) as f64 / nf;
    let d = counts[..=6].iter().sum::<u64>() as f64 / nf;
    let var = (p + d - (p - d).powi(2)).max(0.0);
    Some(NpsResult {
        nps: (p - d) * 100.0,
        promoters_pct: p * 100.0,
        detractors_pct: d * 100.0,
        n: u32::try_from(n).unwrap_or(u32::MAX),
        margin_95: 1.96 * (var / nf).sqrt() * 100.0,
    })
}

/// Customer-satisfaction score of a set of answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CsatResult {
    /// Share of answers 4–5, in %.
    pub csat_pct: f64,
    /// Number of valid answers.
    pub n: u32,
    /// Margin of error at 95 %, in percentage points.
    pub margin_95: f64,
}

/// CSAT from answers 1–5 (others ignored). `None` without a valid answer.
pub fn csat(answers: &[u8]) -> Option<CsatResult> {
    let mut counts = [0u64; 5];
    for &a in answers {
        if (1..=5).contains(&a) {
            counts[usize::from(a - 1)] += 1;
        }
    }
    csat_from_counts(&counts)
}

/// CSAT from the number of answers 1, 2, 3, 4 and 5.
pub fn csat_from_counts(counts: &[u64; 5]) -> Option<CsatResult> {
    let n: u64 = counts.iter().sum();
    if n == 0 {
        return None;
    }
    let s = (counts[3] + counts[4]) as f64 / n as f64;
    Some(CsatResult {
        csat_pct: s * 100.0,
        n: u32::try_from(n).unwrap_or(u32::MAX),
        margin_95: 1.96 * (s * (1.0 - s) / n as f64).sqrt() * 100.0,
    })
}

/// What happened to a contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactOutcome {
    /// An agent answered.
    Answered,
    /// The customer hung up (or left) before an agent answered.
    Abandoned,
}

/// One contact of a contact log.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Contact {
    /// Start time in seconds (any origin), when known; used for the FCR window.
    pub start_s: Option<f64>,
    /// Seconds in queue before answer or abandonment.
    pub queue_s: f64,
    /// Handling seconds (talk or writing plus after-contact work) of an answered contact.
    pub handle_s: Option<f64>,
    /// Answered or abandoned.
    pub outcome: ContactOutcome,
    /// Customer key (interned), to find repeat contacts.
    pub customer: Option<u32>,
}

/// Contact-centre metrics of a log. A metric is `None` when nothing defines it (no
/// answered contact for ASA, no customer key for FCR, …).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ContactMetrics {
    /// Contacts offered (answered + abandoned).
    pub offered: u32,
    /// Contacts answered.
    pub answered: u32,
    /// Average speed of answer: mean queue seconds of answered contacts.
    pub asa_s: Option<f64>,
    /// Average handling time: mean handling seconds of answered contacts with one.
    pub aht_s: Option<f64>,
    /// Abandoned / offered, in %.
    pub abandonment_pct: Option<f64>,
    /// Answered within the threshold / offered, in %.
    pub service_level_pct: Option<f64>,
    /// Issues resolved in one contact / issues, in %; `None` without customer keys.
    pub fcr_pct: Option<f64>,
    /// Number of issues behind `fcr_pct`.
    pub fcr_issues: u32,
    /// Answered within the threshold / answered, in % (the other service-level definition).
    pub answered_within_pct: Option<f64>,
    /// Median queue seconds of answered contacts.
    pub asa_median_s: Option<f64>,
    /// 90th percentile of queue seconds of answered contacts.
    pub asa_p90_s: Option<f64>,
    /// Median handling seconds of answered contacts.
    pub aht_median_s: Option<f64>,
    /// 90th percentile of handling seconds of answered contacts.
    pub aht_p90_s: Option<f64>,
    /// Abandons shorter than `short_abandon_s`, left out of `offered`.
    pub short_abandons: u32,
}

/// Thresholds of [`contact_metrics_with`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ContactRules {
    /// A contact answered within this many seconds counts for the service level.
    pub service_level_s: f64,
    /// Abandons after less than this many seconds in queue are not counted as offered
    /// (for abandonment and service level); 0 counts every abandon.
    pub short_abandon_s: f64,
    /// A contact within this many seconds after the previous contact of the same customer
    /// continues the same issue (FCR).
    pub fcr_window_s: f64,
}

/// Running totals of a contact log, for logs too large to keep contact by contact: the
/// figures of [`contact_metrics_with`] that need no ordering (means, shares), added one
/// contact at a time in constant memory. Sums of seconds are kept in fixed point
/// ([`FIXED_POINT_PER_S`] units per second, exact integer additions), so totals added in
/// any grouping and then [`merged`](ContactTotals::merge) give the same figures to the last
/// bit (a parallel import adds chunks of a log separately).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ContactTotals {
    contacts: u64,
    short_abandons: u64,
    answered: u64,
    in_time: u64,
    queue_sum_fixed: i128,
    handle_sum_fixed: i128,
    handles: u64,
}

/// Fixed-point units per second of [`ContactTotals`] sums (2^32: a step of 0.23 ns; whole
/// and decimal seconds of real logs are exact).
pub const FIXED_POINT_PER_S: f64 = 4_294_967_296.0;

fn to_fixed(s: f64) -> i128 {
    // truncated toward zero: deterministic, and exact for the durations of real logs;
    // i64 holds 400 days at this scale
    i128::from((s * FIXED_POINT_PER_S) as i64)
}

fn mean_of_fixed(sum: i128, n: u64) -> Option<f64> {
    (n > 0).then(|| sum as f64 / FIXED_POINT_PER_S / n as f64)
}

impl ContactTotals {
    /// Adds one contact.
    pub fn add(&mut self, c: &Contact, rules: &ContactRules) {
        self.contacts += 1;
        match c.outcome {
            ContactOutcome::Abandoned if c.queue_s < rules.short_abandon_s => {
                self.short_abandons += 1
            }
            ContactOutcome::Abandoned => {}
            ContactOutcome::Answered => {
                self.answered += 1;
                self.queue_sum_fixed += to_fixed(c.queue_s);
                self.in_time += u64::from(c.queue_s <= rules.service_level_s);
                if let Some(h) = c.handle_s {
                    self.handle_sum_fixed += to_fixed(h);
                    self.handles += 1;
                }
            }
        }
    }

    /// Adds the totals of another part of the same log (exact: the result does not depend
    /// on how the log was split).
    pub fn merge(&mut self, other: &ContactTotals) {
        self.contacts += other.contacts;
        self.short_abandons += other.short_abandons;
        self.answered += other.answered;
        self.in_time += other.in_time;
        self.queue_sum_fixed += other.queue_sum_fixed;
        self.handle_sum_fixed += other.handle_sum_fixed;
        self.handles += other.handles;
    }

    /// The metrics: as [`contact_metrics_with`] without FCR, medians or percentiles.
    pub fn metrics(&self) -> ContactMetrics {
        let offered = self.contacts - self.short_abandons;
        let pct = |k: u64, of: u64| (of > 0).then(|| k as f64 * 100.0 / of as f64);
        let sat = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        ContactMetrics {
            offered: sat(offered),
            answered: sat(self.answered),
            asa_s: mean_of_fixed(self.queue_sum_fixed, self.answered),
            aht_s: mean_of_fixed(self.handle_sum_fixed, self.handles),
            abandonment_pct: pct(offered - self.answered, offered),
            service_level_pct: pct(self.in_time, offered),
            fcr_pct: None,
            fcr_issues: 0,
            answered_within_pct: pct(self.in_time, self.answered),
            asa_median_s: None,
            asa_p90_s: None,
            aht_median_s: None,
            aht_p90_s: None,
            short_abandons: sat(self.short_abandons),
        }
    }
}

/// The `p`-th quantile (0–1) of `values`, interpolated linearly between the two closest
/// ranks (the "type 7" rule of R and NumPy, DuckDB's `quantile_cont`); `None` when empty.
/// Example: the median of 10, 20, 40, 80 is 30; its 90th percentile is 68.
pub fn quantile(values: &mut [f64], p: f64) -> Option<f64> {
    if values.is_empty() || !(0.0..=1.0).contains(&p) {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let h = (values.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    Some(values[lo] + (h - lo as f64) * (values[hi] - values[lo]))
}

/// Computes [`ContactMetrics`]. `service_level_s`: threshold for the service level;
/// `fcr_window_s`: a contact within this many seconds after the previous contact of the
/// same customer continues the same issue. Contacts without a start time are ordered as
/// given, and without any start time all contacts of a customer form one issue.
pub fn contact_metrics(log: &[Contact], service_level_s: f64, fcr_window_s: f64) -> ContactMetrics {
    contact_metrics_with(
        log,
        &ContactRules {
            service_level_s,
            short_abandon_s: 0.0,
            fcr_window_s,
        },
    )
}

/// [`contact_metrics`] with every rule: abandons shorter than `short_abandon_s` are not
/// offered; both service-level definitions; medians and 90th percentiles.
pub fn contact_metrics_with(log: &[Contact], rules: &ContactRules) -> ContactMetrics {
    let service_level_s = rules.service_level_s;
    let fcr_window_s = rules.fcr_window_s;
    let short_abandons = log
        .iter()
        .filter(|c| c.outcome == ContactOutcome::Abandoned && c.queue_s < rules.short_abandon_s)
        .count();
    let offered = log.len() - short_abandons;
    let answered: Vec<&Contact> = log
        .iter()
        .filter(|c| c.outcome == ContactOutcome::Answered)
        .collect();
    let mean = |v: &mut dyn Iterator<Item = f64>| {
        let (s, n) = v.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
        (n > 0).then(|| s / n as f64)
    };
    let asa_s = mean(&mut answered.iter().map(|c| c.queue_s));
    let aht_s = mean(&mut answered.iter().filter_map(|c| c.handle_s));
    let pct = |k: usize| (offered > 0).then(|| k as f64 * 100.0 / offered as f64);
    let abandoned = offered - answered.len();
    let in_time = answered
        .iter()
        .filter(|c| c.queue_s <= service_level_s)
        .count();

    // FCR: runs of answered contacts per customer
    let mut keyed: Vec<(u32, f64, usize)> = answered
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.customer.map(|k| (k, c.start_s.unwrap_or(f64::NAN), i)))
        .collect();
    let any_time = keyed.iter().any(|k| !k.1.is_nan());
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut issues, mut single) = (0u32, 0u32);
    let mut i = 0;
    while i < keyed.len() {
        let mut j = i + 1;
        while j < keyed.len()
            && keyed[j].0 == keyed[i].0
            && (!any_time || keyed[j].1 - keyed[j - 1].1 <= fcr_window_s)
        {
            j += 1;
        }
        issues += 1;
        if j == i + 1 {
            single += 1;
        }
        i = j;
    }
    let mut queues: Vec<f64> = answered.iter().map(|c| c.queue_s).collect();
    let mut handles: Vec<f64> = answered.iter().filter_map(|c| c.handle_s).collect();
    let answered_n = answered.len();
    ContactMetrics {
        answered_within_pct: (answered_n > 0).then(|| in_time as f64 * 100.0 / answered_n as f64),
        asa_median_s: quantile(&mut queues, 0.5),
        asa_p90_s: quantile(&mut queues, 0.9),
        aht_median_s: quantile(&mut handles, 0.5),
        aht_p90_s: quantile(&mut handles, 0.9),
        short_abandons: u32::try_from(short_abandons).unwrap_or(u32::MAX),
        offered: u32::try_from(offered).unwrap_or(u32::MAX),
        answered: u32::try_from(answered.len()).unwrap_or(u32::MAX),
        asa_s,
        aht_s,
        abandonment_pct: pct(abandoned),
        service_level_pct: pct(in_time),
        fcr_pct: (issues > 0).then(|| f64::from(single) * 100.0 / f64::from(issues)),
        fcr_issues: issues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nps_of_forty_promoters_and_quarter_detractors() -> Result<(), &'static str> {
        let mut answers = vec![10u8; 40];
        answers.extend([8u8; 35]);
        answers.extend([3u8; 25]);
        let r = nps(&answers).ok_or("answers")?;
        assert!((r.nps - 15.0).abs() < 1e-9);
        assert_eq!(r.n, 100);
        // 1.96 * sqrt((0.65 - 0.0225) / 100) * 100 = 15.526
        assert!((r.margin_95 - 15.526).abs() < 1e-3, "{}", r.margin_95);
        assert_eq!(nps(&[]), None);
        Ok(())
    }

    #[test]
    fn quantiles_and_both_service_levels() -> Result<(), &'static str> {
        assert_eq!(quantile(&mut [80.0, 10.0, 40.0, 20.0], 0.5), Some(30.0));
        assert_eq!(quantile(&mut [80.0, 10.0, 40.0, 20.0], 0.9), Some(68.0));
        assert_eq!(quantile(&mut [], 0.5), None);
        let c = |q: f64, outcome| Contact {
            start_s: None,
            queue_s: q,
            handle_s: Some(100.0),
            outcome,
            customer: None,
        };
        // answered: 5, 15, 40 s; abandoned after 2 s (short) and 60 s
        let log = [
            c(5.0, ContactOutcome::Answered),
            c(15.0, ContactOutcome::Answered),
            c(40.0, ContactOutcome::Answered),
            c(2.0, ContactOutcome::Abandoned),
            c(60.0, ContactOutcome::Abandoned),
        ];
        let rules = ContactRules {
            service_level_s: 20.0,
            short_abandon_s: 5.0,
            fcr_window_s: 0.0,
        };
        let m = contact_metrics_with(&log, &rules);
        let mut totals = ContactTotals::default();
        for c in &log {
            totals.add(c, &rules);
        }
        let t = totals.metrics();
        assert_eq!(
            (
                t.offered,
                t.asa_s,
                t.service_level_pct,
                t.abandonment_pct,
                t.answered_within_pct
            ),
            (
                m.offered,
                m.asa_s,
                m.service_level_pct,
                m.abandonment_pct,
                m.answered_within_pct
            )
        );
        // offered 4 (the 2 s abandon left out); within 20 s: 2
        assert_eq!((m.offered, m.answered, m.short_abandons), (4, 3, 1));
        assert_eq!(m.service_level_pct, Some(50.0));
        assert!((m.answered_within_pct.ok_or("within")? - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(m.abandonment_pct, Some(25.0));
        assert_eq!(m.asa_median_s, Some(15.0));
        assert_eq!(m.asa_p90_s, Some(35.0));
        Ok(())
    }

    #[test]
    fn csat_share_of_four_and_five() -> Result<(), &'static str> {
        let r = csat(&[5, 4, 3, 2, 1, 4, 0, 9]).ok_or("answers")?;
        assert_eq!(r.n, 6);
        assert!((r.csat_pct - 50.0).abs() < 1e-9);
        Ok(())
    }
}

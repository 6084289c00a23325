//! Synthetic raw exports for import benchmarks (`gen-sample --layout …`): a telephony
//! contact log, survey answers or support threads, as CSV, deterministic (same bytes every
//! run) and never real data. Timestamps spread evenly over 2024.

use super::{Rng, SampleLayout};
use std::fmt::Write as _;

/// Seconds from 1970-01-01 to 2024-01-01.
const YEAR_2024_S: i64 = 1_704_067_200;
/// Seconds in 2024 (a leap year).
const SPAN_S: i64 = 366 * 86_400;
const REGIONS: [&str; 4] = ["uk", "france", "quebec", "maghreb"];
const COUNTRIES: [&str; 4] = ["United Kingdom", "France", "Québec", "Maroc"];

/// `YYYY-MM-DD HH:MM:SS` (UTC) of seconds since 1970.
fn stamp(secs: i64, iso_t: bool) -> String {
    let format = if iso_t {
        "%Y-%m-%dT%H:%M:%SZ"
    } else {
        "%Y-%m-%d %H:%M:%S"
    };
    jiff::Timestamp::from_second(secs)
        .map(|t| t.strftime(format).to_string())
        .unwrap_or_default()
}

/// The file text of `rows` rows of `layout` (not [`SampleLayout::Observations`]).
pub fn text(layout: SampleLayout, rows: usize) -> String {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut out = String::with_capacity(rows * 64);
    let step = |i: usize| YEAR_2024_S + (i as i64 * SPAN_S) / rows.max(1) as i64;
    match layout {
        SampleLayout::Observations | SampleLayout::ContactLog => {
            out.push_str("timestamp,region,channel,customer,queue_s,service_s,outcome\n");
            let customers = (rows / 3).max(1) as u64;
            for i in 0..rows {
                let u = rng.unit().max(1e-12);
                let queue_s = (-u.ln() * 40.0).round().min(3600.0);
                let abandoned =
                    rng.next().is_multiple_of(12) || (queue_s > 180.0 && rng.unit() < 0.5);
                let service = if abandoned {
                    String::new()
                } else {
                    format!("{}", 60 + rng.next() % 600)
                };
                let _ = writeln!(
                    out,
                    "{},{},phone,C{},{queue_s},{service},{}",
                    stamp(step(i), false),
                    REGIONS[i % REGIONS.len()],
                    rng.next() % customers,
                    if abandoned { "abandoned" } else { "answered" }
                );
            }
        }
        SampleLayout::Survey => {
            out.push_str("date,country,recommend,satisfaction\n");
            for i in 0..rows {
                let blank = rng.next().is_multiple_of(33);
                let rec = if blank {
                    String::new()
                } else {
                    format!("{}", rng.next() % 11)
                };
                let _ = writeln!(
                    out,
                    "{},{},{rec},{}",
                    &stamp(step(i), false)[..10],
                    COUNTRIES[i % COUNTRIES.len()],
                    1 + rng.next() % 5
                );
            }
        }
        SampleLayout::Threads => {
            out.push_str("message_id,reply_to,inbound,account,region,created_at\n");
            let mut i = 0usize;
            let mut id = 1u64;
            while i < rows {
                let opened = step(i);
                let _ = writeln!(
                    out,
                    "{id},,true,c{},{},{}",
                    rng.next() % 100_000,
                    REGIONS[(id as usize / 2) % REGIONS.len()],
                    stamp(opened, true)
                );
                i += 1;
                if i < rows && !rng.next().is_multiple_of(7) {
                    let delay = (-rng.unit().max(1e-12).ln() * 3600.0) as i64;
                    let _ = writeln!(
                        out,
                        "{}.0,{id}.0,false,AskBank,{},{}",
                        id + 1,
                        REGIONS[(id as usize / 2) % REGIONS.len()],
                        stamp(opened + delay, true)
                    );
                    i += 1;
                }
                id += 2;
            }
        }
    }
    out
}

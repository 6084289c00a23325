/*!
Observation periods: a year (`2016`), a half (`2016-H1`), a quarter (`2016-Q3`) or a month
(`2016-07`). Stored in 4 bytes; ordered chronologically by start, then by length.
*/

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// The part of a year a period covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeriodPart {
    /// The whole year.
    Year,
    /// Half 1 or 2.
    Half(u8),
    /// Quarter 1 to 4.
    Quarter(u8),
    /// Month 1 to 12.
    Month(u8),
}

/// A year, or a year with a half, quarter or month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    /// Calendar year.
    pub year: i16,
    /// Which part of the year.
    pub part: PeriodPart,
}

/// Why a period string was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{text}` is not a period: expected a year (2016), a half (2016-H1), a quarter (2016-Q3) or a month (2016-07), with a year from 1900 to 2100"
)]
pub struct PeriodError {
    /// The text that was rejected.
    pub text: String,
}

impl Period {
    /// A whole year.
    pub fn year(year: i16) -> Self {
        Self {
            year,
            part: PeriodPart::Year,
        }
    }

    /// Parses `2016`, `2016-H1`, `2016-Q3`, `2016-07` (also `2016 H1`, lowercase letters).
    pub fn parse(text: &str) -> Result<Self, PeriodError> {
        let err = || PeriodError {
            text: text.to_owned(),
        };
        let t = text.trim();
        let (year_txt, rest) = match t.find(['-', ' ', '/']) {
            Some(i) => (&t[..i], Some(&t[i + 1..])),
            None => (t, None),
        };
        if year_txt.len() != 4 || !year_txt.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let year: i16 = year_txt.parse().map_err(|_| err())?;
        if !(1900..=2100).contains(&year) {
            return Err(err());
        }
        let part = match rest {
            None => PeriodPart::Year,
            Some(r) => {
                let r = r.trim();
                let (kind, num) = match r.as_bytes().first() {
                    Some(b'H' | b'h' | b'S' | b's') => ('H', &r[1..]),
                    Some(b'Q' | b'q' | b'T' | b't') => ('Q', &r[1..]),
                    Some(_) => ('M', r),
                    None => return Err(err()),
                };
                if num.is_empty() || num.len() > 2 || !num.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(err());
                }
                let n: u8 = num.parse().map_err(|_| err())?;
                match kind {
                    'H' if (1..=2).contains(&n) => PeriodPart::Half(n),
                    'Q' if (1..=4).contains(&n) => PeriodPart::Quarter(n),
                    'M' if (1..=12).contains(&n) => PeriodPart::Month(n),
                    _ => return Err(err()),
                }
            }
        };
        Ok(Self { year, part })
    }

    /// First month covered (1–12).
    pub fn start_month(self) -> u8 {
        match self.part {
            PeriodPart::Year => 1,
            PeriodPart::Half(h) => (h - 1) * 6 + 1,
            PeriodPart::Quarter(q) => (q - 1) * 3 + 1,
            PeriodPart::Month(m) => m,
        }
    }

    /// Number of months covered.
    pub fn months(self) -> u8 {
        match self.part {
            PeriodPart::Year => 12,
            PeriodPart::Half(_) => 6,
            PeriodPart::Quarter(_) => 3,
            PeriodPart::Month(_) => 1,
        }
    }

    /// The period's midpoint as a fractional year (2016-H1 → 2016.25), for time axes.
    pub fn mid_year(self) -> f64 {
        f64::from(self.year)
            + (f64::from(self.start_month() - 1) + f64::from(self.months()) / 2.0) / 12.0
    }

    /// The calendar year as `i32`.
    pub fn year_i32(self) -> i32 {
        i32::from(self.year)
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.start_month(), other.months()).cmp(&(
            other.year,
            other.start_month(),
            self.months(),
        ))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            PeriodPart::Year => write!(f, "{}", self.year),
            PeriodPart::Half(h) => write!(f, "{}-H{h}", self.year),
            PeriodPart::Quarter(q) => write!(f, "{}-Q{q}", self.year),
            PeriodPart::Month(m) => write!(f, "{}-{m:02}", self.year),
        }
    }
}

impl std::str::FromStr for Period {
    type Err = PeriodError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Period::parse(s)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Period;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a period such as \"2016\", \"2016-H1\", \"2016-Q3\" or \"2016-07\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Period, E> {
                Period::parse(v).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Period, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Period, E> {
                self.visit_str(&v.to_string())
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_form() {
        for t in ["2016", "2016-H1", "2016-Q3", "2016-07"] {
            assert_eq!(Period::parse(t).map(|p| p.to_string()), Ok(t.to_owned()));
        }
        assert_eq!(
            Period::parse("2016 h2").map(|p| p.part),
            Ok(PeriodPart::Half(2))
        );
        assert_eq!(
            Period::parse("2016-S1").map(|p| p.part),
            Ok(PeriodPart::Half(1))
        );
    }

    #[test]
    fn rejects_bad_periods() {
        for t in [
            "", "16", "2016-H3", "2016-Q0", "2016-13", "abcd", "1850", "2016-", "2016-Hx",
        ] {
            assert!(Period::parse(t).is_err(), "{t} should fail");
        }
    }

    #[test]
    fn orders_chronologically() {
        let p = |t: &str| Period::parse(t).unwrap_or(Period::year(0));
        assert!(p("2015-12") < p("2016"));
        assert!(p("2016") < p("2016-H1"));
        assert!(p("2016-H1") < p("2016-Q2"));
        assert!(p("2016-Q2") < p("2016-H2"));
        assert!((p("2016-H1").mid_year() - 2016.25).abs() < 1e-9);
    }
}

/*!
Dates, times and durations of raw records, parsed with `jiff` (no hand-written calendar
arithmetic): impossible dates (`2016-02-31`), years out of range (`05/03/99999999999999999`)
and non-finite or absurd durations (`inf:00`, `1e308:1e308`) are refused, so the caller can
name the cell.

Timestamps are read as seconds since 1970-01-01 UTC; a timestamp with an offset (`Z`,
`+01:00`, `+0000`) is converted to UTC, one without is taken as written (wall-clock time, as
UTC), which keeps durations between two timestamps of one file exact.
*/

use jiff::civil::{Date, DateTime};
use jiff::fmt::strtime;
use jiff::{Timestamp, tz::TimeZone};

/// Longest duration accepted for one contact, reply or ticket: 400 days, in seconds. Longer
/// (or non-finite) durations are errors, never averaged.
pub const MAX_DURATION_S: f64 = 400.0 * 86_400.0;

/// Day-first and other forms tried, in order, after ISO 8601 and RFC 2822.
const FORMS: &[&str] = &[
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    // Twitter's export form: `Tue Oct 31 22:10:47 +0000 2017`
    "%a %b %d %H:%M:%S %z %Y",
];

/// Parses a timestamp to seconds since 1970-01-01 (see the module note on offsets).
///
/// With `format` (`strftime` notation, e.g. `%d.%m.%Y %H:%M` or `%y%m%d`), only that form
/// is accepted. Without, the forms accepted are: ISO 8601 with `T` or a space, optional
/// seconds and fraction, optional `Z` or offset (`2024-03-05`, `2024-03-05 14:02`,
/// `2024-03-05T14:02:11Z`, `2024-03-05T14:02+01:00`); `DD/MM/YYYY HH:MM[:SS]`,
/// `DD-MM-YYYY HH:MM[:SS]`, `DD.MM.YYYY …` (day first); RFC 2822
/// (`Tue, 31 Oct 2017 22:10:47 +0000`) and Twitter's `Tue Oct 31 22:10:47 +0000 2017`.
/// A bare number is not a timestamp here (Excel serial numbers come as numeric workbook
/// cells, see [`excel_serial_to_unix_s`]).
pub fn parse_timestamp(text: &str, format: Option<&str>) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(f) = format {
        return strtime_seconds(f, t);
    }
    if let Ok(ts) = t.parse::<Timestamp>() {
        return Some(ts_seconds(ts));
    }
    if let Ok(dt) = t.parse::<DateTime>() {
        return Some(civil_seconds(dt));
    }
    if let Ok(d) = t.parse::<Date>() {
        return Some(civil_seconds(d.to_datetime(jiff::civil::Time::midnight())));
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(t) {
        return Some(ts_seconds(z.timestamp()));
    }
    FORMS.iter().find_map(|f| strtime_seconds(f, t))
}

fn ts_seconds(ts: Timestamp) -> f64 {
    ts.as_millisecond() as f64 / 1000.0
}

fn civil_seconds(dt: DateTime) -> f64 {
    match TimeZone::UTC.to_timestamp(dt) {
        Ok(ts) => ts_seconds(ts),
        Err(_) => f64::NAN,
    }
}

/// One `strftime` form: with an offset (`%z`) the instant, else the wall-clock time (date
/// alone: midnight).
fn strtime_seconds(format: &str, text: &str) -> Option<f64> {
    let tm = strtime::parse(format, text).ok()?;
    if tm.offset().is_some() {
        return tm.to_timestamp().ok().map(ts_seconds);
    }
    if let Ok(dt) = tm.to_datetime() {
        return Some(civil_seconds(dt)).filter(|s| s.is_finite());
    }
    let d = tm.to_date().ok()?;
    Some(civil_seconds(d.to_datetime(jiff::civil::Time::midnight()))).filter(|s| s.is_finite())
}

/// Converts an Excel serial date (days since 1899-12-30, from a numeric workbook cell) to
/// seconds since 1970-01-01; `None` outside 1900–9999.
pub fn excel_serial_to_unix_s(serial: f64) -> Option<f64> {
    // 1 = 1900-01-01, 2_958_465 = 9999-12-31
    (serial.is_finite() && (1.0..2_958_466.0).contains(&serial))
        .then_some((serial - 25_569.0) * 86_400.0)
}

/// The calendar date (`YYYY-MM-DD`, UTC) of a count of seconds since 1970-01-01; `None`
/// out of range.
pub fn date_of_unix_s(secs: i64) -> Option<String> {
    let ts = Timestamp::from_second(secs).ok()?;
    Some(ts.to_zoned(TimeZone::UTC).date().to_string())
}

/// The (year, month) of seconds since 1970-01-01 (UTC); `None` out of range.
pub fn year_month_of_unix_s(secs: f64) -> Option<(i16, u8)> {
    if !secs.is_finite() {
        return None;
    }
    let ts = Timestamp::from_second(secs.floor() as i64).ok()?;
    let d = ts.to_zoned(TimeZone::UTC).date();
    Some((d.year(), u8::try_from(d.month()).ok()?))
}

/// A duration cell in seconds: a plain number of seconds (`95`, `95.5`) or a clock form
/// `mm:ss` / `hh:mm:ss` with digits only. `None` when the text is neither, negative,
/// non-finite or above [`MAX_DURATION_S`].
pub fn parse_duration_s(text: &str) -> Option<f64> {
    let t = text.trim();
    let v = if t.contains(':') {
        let parts: Vec<&str> = t.split(':').map(str::trim).collect();
        if !(2..=3).contains(&parts.len()) || !parts.iter().all(|p| is_plain_decimal(p)) {
            return None;
        }
        let mut acc = 0.0;
        for p in parts {
            acc = acc * 60.0 + p.parse::<f64>().ok()?;
        }
        acc
    } else {
        if !is_plain_decimal(t) {
            return None;
        }
        t.parse::<f64>().ok()?
    };
    duration_in_range(v).then_some(v)
}

/// Whether `v` seconds is an acceptable duration: finite, ≥ 0 and at most
/// [`MAX_DURATION_S`].
pub fn duration_in_range(v: f64) -> bool {
    v.is_finite() && (0.0..=MAX_DURATION_S).contains(&v)
}

/// Digits with at most one decimal point (`12`, `12.5`); no sign, exponent or `inf`.
fn is_plain_decimal(s: &str) -> bool {
    let mut dot = false;
    !s.is_empty()
        && s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes().all(|b| match b {
            b'0'..=b'9' => true,
            b'.' if !dot => {
                dot = true;
                true
            }
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: f64 = 86_400.0;

    #[test]
    fn timestamp_forms() {
        // 2024-01-02 = day 19 724 since 1970-01-01
        let d = 19_724.0 * DAY;
        assert_eq!(parse_timestamp("2024-01-02 00:01", None), Some(d + 60.0));
        assert_eq!(parse_timestamp("2024-01-02T00:01:30", None), Some(d + 90.0));
        assert_eq!(
            parse_timestamp("2024-01-02T00:01:30Z", None),
            Some(d + 90.0)
        );
        assert_eq!(
            parse_timestamp("2024-01-02T01:01:30+01:00", None),
            Some(d + 90.0)
        );
        assert_eq!(parse_timestamp("2024-01-02", None), Some(d));
        assert_eq!(parse_timestamp("02/01/2024", None), Some(d));
        assert_eq!(parse_timestamp("02/01/2024 00:01:30", None), Some(d + 90.0));
        assert_eq!(parse_timestamp("02-01-2024 00:01", None), Some(d + 60.0));
        // 2017-10-31 = day 17 470
        let oct31 = 17_470.0 * DAY + 22.0 * 3600.0 + 10.0 * 60.0 + 47.0;
        assert_eq!(
            parse_timestamp("Tue Oct 31 22:10:47 +0000 2017", None),
            Some(oct31)
        );
        assert_eq!(
            parse_timestamp("Tue, 31 Oct 2017 22:10:47 +0000", None),
            Some(oct31)
        );
        assert_eq!(
            parse_timestamp("02.01.2024 00:01", Some("%d.%m.%Y %H:%M")),
            Some(d + 60.0)
        );
        assert_eq!(parse_timestamp("240102", Some("%y%m%d")), Some(d));
    }

    #[test]
    fn impossible_timestamps_are_refused() {
        for bad in [
            "2016-02-31",
            "31/02/2016",
            "05/03/99999999999999999",
            "45000",
            "2024-13-01 10:00",
            "yesterday",
            "2024-01-02 25:00",
        ] {
            assert_eq!(parse_timestamp(bad, None), None, "{bad}");
        }
        assert_eq!(parse_timestamp("2024-01-02", Some("%d/%m/%Y")), None);
    }

    #[test]
    fn durations_are_range_checked() {
        assert_eq!(parse_duration_s("95"), Some(95.0));
        assert_eq!(parse_duration_s("1:35"), Some(95.0));
        assert_eq!(parse_duration_s("01:01:35"), Some(3695.0));
        assert_eq!(parse_duration_s("0:15.5"), Some(15.5));
        for bad in [
            "inf:00",
            "1e308:1e308",
            "NaN",
            "-5",
            "1e308",
            "99999999:00",
            "1:2:3:4",
        ] {
            assert_eq!(parse_duration_s(bad), None, "{bad}");
        }
        assert!(!duration_in_range(f64::INFINITY));
        assert!(duration_in_range(MAX_DURATION_S));
    }

    #[test]
    fn excel_serials_and_dates() {
        assert_eq!(excel_serial_to_unix_s(25_569.0), Some(0.0));
        assert_eq!(excel_serial_to_unix_s(f64::INFINITY), None);
        assert_eq!(excel_serial_to_unix_s(1e300), None);
        assert_eq!(
            date_of_unix_s(19_724 * 86_400).as_deref(),
            Some("2024-01-02")
        );
        assert_eq!(date_of_unix_s(i64::MAX), None);
    }
}

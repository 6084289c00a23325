/*!
Locales and number formatting. English (en-GB) writes `12.5%` and `22,000`; French writes
`12,5 %` and `22 000`, with a narrow no-break space in fr-FR and a no-break space in fr-CA.
*/

use crate::i18n::Msg;
use crate::model::{Lang, Unit};
use serde::{Deserialize, Serialize};

/// Number and label locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Locale {
    /// English, United Kingdom.
    #[default]
    EnGb,
    /// French, France.
    FrFr,
    /// French, Canada.
    FrCa,
}

impl Locale {
    /// All locales.
    pub const ALL: [Locale; 3] = [Locale::EnGb, Locale::FrFr, Locale::FrCa];

    /// Language of labels.
    pub fn lang(self) -> Lang {
        match self {
            Locale::EnGb => Lang::En,
            Locale::FrFr | Locale::FrCa => Lang::Fr,
        }
    }

    /// The default locale of a language.
    pub fn for_lang(lang: Lang) -> Locale {
        match lang {
            Lang::En => Locale::EnGb,
            Lang::Fr => Locale::FrFr,
        }
    }

    /// Parses `en`, `en-GB`, `fr`, `fr-FR`, `fr-CA` (case and `_` tolerant).
    pub fn parse(code: &str) -> Option<Locale> {
        let c = code.trim().to_ascii_lowercase().replace('_', "-");
        let c = c.split('.').next().unwrap_or("");
        match c {
            "fr-ca" => Some(Locale::FrCa),
            _ if c.starts_with("fr") => Some(Locale::FrFr),
            _ if c.starts_with("en") => Some(Locale::EnGb),
            _ => None,
        }
    }

    /// BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::EnGb => "en-GB",
            Locale::FrFr => "fr-FR",
            Locale::FrCa => "fr-CA",
        }
    }

    fn group_sep(self) -> &'static str {
        match self {
            Locale::EnGb => ",",
            Locale::FrFr => "\u{202F}",
            Locale::FrCa => "\u{00A0}",
        }
    }

    /// Space before `%` and units (empty in English).
    pub fn unit_space(self) -> &'static str {
        match self {
            Locale::EnGb => "",
            Locale::FrFr => "\u{202F}",
            Locale::FrCa => "\u{00A0}",
        }
    }
}

/// Formats `value` with `decimals` decimals, grouping thousands, in `locale`.
pub fn number(value: f64, decimals: usize, locale: Locale) -> String {
    if value.is_finite() && value.abs() >= SCIENTIFIC_FROM {
        // beyond f64's precision the digits are noise: three significant digits, `1.50e308`
        let s = format!("{:.2e}", value.abs());
        let s = if locale.lang() == Lang::Fr {
            s.replace('.', ",")
        } else {
            s
        };
        return if value < 0.0 {
            format!("\u{2212}{s}")
        } else {
            s
        };
    }
    let s = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut grouped = String::new();
    let digits = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 && digits > 4 {
            grouped.push_str(locale.group_sep());
        }
        grouped.push(ch);
    }
    let negative = value < 0.0 && s.bytes().any(|b| b.is_ascii_digit() && b != b'0');
    let mut out = String::new();
    if negative {
        // the true minus sign, not a hyphen (typography of every chart and table)
        out.push('\u{2212}');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push(if locale.lang() == Lang::Fr { ',' } else { '.' });
        out.push_str(f);
    }
    out
}

/// Magnitude from which [`number`] writes scientific notation (`1.00e15`): a f64 holds about
/// 15 significant digits, so longer numbers would print noise (and labels thousands of
/// pixels wide).
pub const SCIENTIFIC_FROM: f64 = 1e15;

/// A percentage with `decimals` decimals: `12.5%`, `12,5 %`.
pub fn percent(value: f64, decimals: usize, locale: Locale) -> String {
    format!(
        "{}{}%",
        number(value, decimals, locale),
        locale.unit_space()
    )
}

/// Like [`value`], with `decimals` decimals for units printed as plain numbers (percent,
/// count, score, index), so that one series prints one format (`76.0%`, `76.7%`); durations
/// and money keep their own format.
pub fn value_with_decimals(v: f64, unit: &Unit, decimals: usize, locale: Locale) -> String {
    match unit {
        Unit::Percent => percent(v, decimals, locale),
        Unit::Count | Unit::Score { .. } | Unit::Index { .. } => number(v, decimals, locale),
        _ => value(v, unit, locale),
    }
}

/// Decimals a set of values of `unit` needs to be printed alike: the most any of them needs
/// ([`value`]'s rule: at most one for percent and count, two for scores and indices).
pub fn shared_decimals<'a>(values: impl IntoIterator<Item = &'a f64>, unit: &Unit) -> usize {
    let max = match unit {
        Unit::Score { .. } | Unit::Index { .. } => 2,
        _ => 1,
    };
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .map(|&v| auto_decimals(v, max))
        .max()
        .unwrap_or(0)
}

/// A difference between two values in `unit`: percentage points for percentages (`2.9 pts`,
/// `1 pt`), else the unit itself.
pub fn difference(v: f64, unit: &Unit, locale: Locale) -> String {
    match unit {
        Unit::Percent => {
            let n = number(v, auto_decimals(v, 1), locale);
            let sp = if locale.lang() == Lang::Fr {
                locale.unit_space()
            } else {
                "\u{00A0}"
            };
            let pts = if v.abs() <= 1.0 { "pt" } else { "pts" };
            format!("{n}{sp}{pts}")
        }
        u => value(v, u, locale),
    }
}

/// A duration as people write it: `35.2 s`, `5 min 12 s`, `2 h 5 min` (never `5.2 min`).
fn duration(v: f64, locale: Locale) -> String {
    let fr = locale.lang() == Lang::Fr;
    let nb = if fr { locale.unit_space() } else { "\u{00A0}" };
    let sign = if v < 0.0 { "\u{2212}" } else { "" };
    let a = v.abs();
    if !a.is_finite() {
        return number(v, 0, locale);
    }
    if a < 120.0 {
        return format!("{}{nb}s", number(v, auto_decimals(v, 1), locale));
    }
    let (big, small, units) = if a < 7200.0 {
        (60.0, 1.0, ("min", "s"))
    } else {
        (3600.0, 60.0, ("h", "min"))
    };
    let total = (a / small).round();
    let per = big / small;
    let (whole, rest) = ((total / per).floor(), total % per);
    let whole = number(whole, 0, locale);
    if rest == 0.0 {
        format!("{sign}{whole}{nb}{}", units.0)
    } else {
        format!("{sign}{whole}{nb}{} {rest}{nb}{}", units.0, units.1)
    }
}

/// A number with as few decimals as it needs (at most `max_decimals`), in `lang`'s default
/// locale. Used for scale bounds such as `-100` or `0.5`.
pub fn plain(value: f64, lang: Lang) -> String {
    number(value, auto_decimals(value, 2), Locale::for_lang(lang))
}

/// Short axis label of a unit in `lang`, e.g. `%`, `score (−100 to 100)`, `seconds`.
pub fn unit_label(unit: &Unit, lang: Lang) -> String {
    match unit {
        Unit::Percent => "%".into(),
        Unit::Score { min, max } => {
            let (lo, hi) = (plain(*min, lang), plain(*max, lang));
            Msg::ScoreFromTo.fill(lang, &[&lo, &hi])
        }
        Unit::Seconds => Msg::Seconds.get(lang).to_owned(),
        Unit::Currency { code } => code.clone(),
        Unit::Count => Msg::Count.get(lang).to_owned(),
        Unit::Index {
            min: Some(lo),
            max: Some(hi),
        } => {
            let (lo, hi) = (plain(*lo, lang), plain(*hi, lang));
            Msg::IndexFromTo.fill(lang, &[&lo, &hi])
        }
        Unit::Index { .. } => Msg::Index.get(lang).to_owned(),
    }
}

/// Decimals needed to show `value` without noise, at most `max`.
pub fn auto_decimals(value: f64, max: usize) -> usize {
    (0..=max)
        .find(|&d| {
            let f = 10f64.powi(d as i32);
            ((value * f).round() - value * f).abs() < 1e-6
        })
        .unwrap_or(max)
}

fn currency_symbol(code: &str) -> Option<&'static str> {
    match code {
        "GBP" => Some("£"),
        "EUR" => Some("€"),
        "USD" => Some("$"),
        "CAD" => Some("$\u{00A0}CA"),
        _ => None,
    }
}

/// Formats a value in its unit for display: `12.5%`, `12,5 %`, `35.2 s`, `13.9 h`, `£6.55`.
pub fn value(v: f64, unit: &Unit, locale: Locale) -> String {
    let sp = locale.unit_space();
    let fr = locale.lang() == Lang::Fr;
    let dec1 = auto_decimals(v, 1);
    match unit {
        Unit::Percent => format!("{}{sp}%", number(v, dec1, locale)),
        Unit::Seconds => duration(v, locale),
        Unit::Currency { code } => {
            let n = number(v, 2, locale);
            match (currency_symbol(code), fr) {
                (Some(sym), false) => format!("{sym}{n}"),
                (Some(sym), true) => format!("{n}\u{00A0}{sym}"),
                (None, _) => format!("{n}\u{00A0}{code}"),
            }
        }
        Unit::Count => number(v, auto_decimals(v, 1), locale),
        Unit::Score { .. } | Unit::Index { .. } => number(v, auto_decimals(v, 2), locale),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_numbers_use_scientific_notation() {
        assert_eq!(number(1e308, 1, Locale::EnGb), "1.00e308");
        assert_eq!(number(-1.5e20, 0, Locale::FrFr), "\u{2212}1,50e20");
        assert_eq!(number(999_999_999_999_999.0, 0, Locale::EnGb).len(), 19);
    }

    #[test]
    fn percent_per_locale() {
        assert_eq!(value(12.5, &Unit::Percent, Locale::EnGb), "12.5%");
        assert_eq!(value(12.5, &Unit::Percent, Locale::FrFr), "12,5\u{202F}%");
        assert_eq!(value(12.5, &Unit::Percent, Locale::FrCa), "12,5\u{00A0}%");
        assert_eq!(value(40.0, &Unit::Percent, Locale::EnGb), "40%");
    }

    #[test]
    fn grouping_and_sign() {
        assert_eq!(number(22000.0, 0, Locale::EnGb), "22,000");
        assert_eq!(number(22000.0, 0, Locale::FrFr), "22\u{202F}000");
        assert_eq!(number(1234.0, 0, Locale::EnGb), "1234");
        assert_eq!(number(-7.0, 0, Locale::EnGb), "\u{2212}7");
        assert_eq!(number(-0.01, 0, Locale::EnGb), "0");
        assert_eq!(number(1234567.891, 2, Locale::EnGb), "1,234,567.89");
    }

    #[test]
    fn one_series_prints_one_format() {
        let vals = [76.0, 77.0, 76.7];
        let d = shared_decimals(&vals, &Unit::Percent);
        let labels: Vec<String> = vals
            .iter()
            .map(|&v| value_with_decimals(v, &Unit::Percent, d, Locale::EnGb))
            .collect();
        assert_eq!(labels, ["76.0%", "77.0%", "76.7%"]);
        assert_eq!(shared_decimals(&[40.0, 12.0], &Unit::Percent), 0);
    }

    #[test]
    fn differences_of_percentages_are_points() {
        assert_eq!(
            difference(2.9, &Unit::Percent, Locale::EnGb),
            "2.9\u{a0}pts"
        );
        assert_eq!(
            difference(6.0, &Unit::Percent, Locale::FrFr),
            "6\u{202F}pts"
        );
        assert_eq!(difference(1.0, &Unit::Percent, Locale::EnGb), "1\u{a0}pt");
        assert_eq!(difference(30.0, &Unit::Seconds, Locale::EnGb), "30\u{a0}s");
    }

    #[test]
    fn durations_and_money() {
        assert_eq!(value(35.2, &Unit::Seconds, Locale::EnGb), "35.2\u{a0}s");
        assert_eq!(
            value(49980.0, &Unit::Seconds, Locale::EnGb),
            "13\u{a0}h 53\u{a0}min"
        );
        assert_eq!(
            value(330.0, &Unit::Seconds, Locale::FrFr),
            "5\u{202F}min 30\u{202F}s"
        );
        assert_eq!(value(300.0, &Unit::Seconds, Locale::EnGb), "5\u{a0}min");
        assert_eq!(
            value(-330.0, &Unit::Seconds, Locale::EnGb),
            "\u{2212}5\u{a0}min 30\u{a0}s"
        );
        // 7 min 59.6 s rounds up to 8 min, not "7 min 60 s"
        assert_eq!(value(479.6, &Unit::Seconds, Locale::EnGb), "8\u{a0}min");
        let gbp = Unit::Currency { code: "GBP".into() };
        assert_eq!(value(6.55, &gbp, Locale::EnGb), "£6.55");
        assert_eq!(value(6.55, &gbp, Locale::FrFr), "6,55\u{00A0}£");
    }

    #[test]
    fn locale_parsing() {
        assert_eq!(Locale::parse("fr_CA.UTF-8"), Some(Locale::FrCa));
        assert_eq!(Locale::parse("fr"), Some(Locale::FrFr));
        assert_eq!(Locale::parse("en-US"), Some(Locale::EnGb));
        assert_eq!(Locale::parse("de"), None);
    }
}

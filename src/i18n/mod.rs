/*!
Every word of the interface and the exports in English and French: one catalogue, so adding
a language or fixing a wording is one edit.

- [`Lang`]: the interface language ([`system_lang`] picks it from the environment).
- [`Msg`]: one entry per text, defined in [`catalogue`] by the `strings!` table, each with
  its English and French text; [`Msg::get`] gives the text, [`Msg::fill`] puts values into
  its `{}` placeholders (in order) or
  its `{0}`, `{1}`… placeholders (when a language orders the values differently).

Labels that come with the data (region, indicator and source names: [`crate::model::Text`])
are not here: they are read from the dataset. This module is the lowest layer: it imports
nothing from the crate, so the model, the charts, the exports and the app all use it.
A test fails when a text is empty in one language or when the two languages have different
placeholders.
*/

pub mod catalogue;
mod error_rows;
mod os;

use error_rows::error_rows;

pub use catalogue::Msg;
pub use os::os_error;

use serde::{Deserialize, Serialize};
use std::fmt::Display;

/// Interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// Parses `en`/`fr` (also `en-GB`, `fr_FR.UTF-8`, …); `None` for anything else.
    pub fn parse(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower.starts_with("fr") {
            Some(Lang::Fr)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// The interface language from the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`, in that
/// order, the first one set and not `C`/`POSIX`); English when none names a known language.
pub fn system_lang() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            let v = v.trim();
            if v.is_empty() || v == "C" || v.starts_with("C.") || v == "POSIX" {
                continue;
            }
            return Lang::parse(v).unwrap_or(Lang::En);
        }
    }
    Lang::En
}

/// Defines [`Msg`] from a table of `Name => "English", "French";` rows.
macro_rules! strings {
    ($($name:ident => $en:literal, $fr:literal;)*) => {
        /// A text of the interface or of an export; [`Msg::get`] gives it in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $(#[doc = $en] $name,)*
        }

        impl Msg {
            /// Every entry of the catalogue.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The text in `lang` (with its `{}` placeholders, if any).
            pub fn get(self, lang: crate::i18n::Lang) -> &'static str {
                use crate::i18n::Lang;
                match (self, lang) {
                    $((Msg::$name, Lang::En) => $en, (Msg::$name, Lang::Fr) => $fr,)*
                }
            }
        }
    };
}
pub(crate) use strings;

impl Msg {
    /// The text in `lang` with each `{}` replaced by the next of `args` (`{}` left as is
    /// when `args` runs out).
    pub fn fill(self, lang: Lang, args: &[&dyn Display]) -> String {
        fill(self.get(lang), args)
    }

    /// `one` when `count` is 1, else `many` filled with `count` then `rest` ("1 pratique",
    /// "2 pratiques": no "(s)" in a sentence for the reader); `one` is filled with `rest`.
    pub fn count(one: Msg, many: Msg, count: usize, lang: Lang, rest: &[&dyn Display]) -> String {
        if count == 1 {
            one.fill(lang, rest)
        } else {
            let mut args: Vec<&dyn Display> = vec![&count];
            args.extend_from_slice(rest);
            many.fill(lang, &args)
        }
    }
}

/// `template` with each `{}` replaced by the next of `args` and each `{N}` by `args[N]`
/// (a language may order the values differently); a placeholder without a value stays.
fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut next = 0;
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let close = after.find('}');
        let index = match close.map(|c| &after[..c]) {
            Some("") => {
                next += 1;
                Some(next - 1)
            }
            Some(digits) if digits.bytes().all(|b| b.is_ascii_digit()) => digits.parse().ok(),
            _ => None,
        };
        match (index.and_then(|i: usize| args.get(i)), close) {
            (Some(a), Some(c)) => {
                out.push_str(&a.to_string());
                rest = &after[c + 1..];
            }
            (None, Some(c)) if index.is_some() => {
                out.push_str(&rest[at..at + c + 2]);
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders of a template: how many `{}` and which `{N}`.
#[cfg(test)]
fn placeholders(template: &str) -> (usize, std::collections::BTreeSet<String>) {
    let mut plain = 0;
    let mut indexed = std::collections::BTreeSet::new();
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        let after = &rest[at + 1..];
        match after.find('}') {
            Some(0) => plain += 1,
            Some(c) if after[..c].bytes().all(|b| b.is_ascii_digit()) => {
                indexed.insert(after[..c].to_owned());
            }
            _ => {}
        }
        rest = after;
    }
    (plain, indexed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_every_language_with_the_same_placeholders() {
        let mut problems = Vec::new();
        for &msg in Msg::ALL {
            let en = msg.get(Lang::En);
            for lang in Lang::ALL {
                let text = msg.get(lang);
                if text.trim().is_empty() {
                    problems.push(format!("{msg:?} is empty in {lang:?}"));
                }
                if placeholders(text) != placeholders(en) {
                    problems.push(format!("{msg:?}: placeholders differ in {lang:?}"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(Msg::ALL.len() > 100);
    }

    #[test]
    fn practice_counts_are_singular_for_one() {
        let c = |lang, n| Msg::count(Msg::PracticeCountOne, Msg::PracticeCountMany, n, lang, &[]);
        assert_eq!(c(Lang::Fr, 1), "1 pratique");
        assert_eq!(c(Lang::Fr, 2), "2 pratiques");
        assert_eq!(c(Lang::En, 1), "1 practice");
        assert_eq!(c(Lang::En, 12), "12 practices");
    }

    #[test]
    fn fill_puts_values_in_order() {
        assert_eq!(fill("{} of {}", &[&3, &"five"]), "3 of five");
        assert_eq!(fill("no value {}", &[]), "no value {}");
        assert_eq!(fill("{1} avant {0}", &[&"a", &"b"]), "b avant a");
        assert_eq!(fill("a {b} {", &[&1]), "a {b} {");
        assert_eq!(
            Msg::SavedTo.fill(Lang::Fr, &[&"/tmp/a.png"]),
            "Enregistré dans /tmp/a.png"
        );
    }

    #[test]
    fn languages_parse_from_locale_names() {
        assert_eq!(Lang::parse("fr_CA.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("de_DE"), None);
    }
}

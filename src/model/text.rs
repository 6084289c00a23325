/*!
Bilingual text. Every label shown to a user exists in English and French.
*/

use serde::{Deserialize, Serialize};

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

/// A label in English and French.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Text {
    /// English text.
    pub en: String,
    /// French text.
    pub fr: String,
}

impl Text {
    /// Builds a text from both languages.
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            fr: fr.into(),
        }
    }

    /// The same text in both languages (names that do not translate).
    pub fn same(both: impl Into<String>) -> Self {
        let s = both.into();
        Self {
            en: s.clone(),
            fr: s,
        }
    }

    /// The text in `lang`, falling back to the other language when empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, other) = match lang {
            Lang::En => (&self.en, &self.fr),
            Lang::Fr => (&self.fr, &self.en),
        };
        if first.is_empty() { other } else { first }
    }
}

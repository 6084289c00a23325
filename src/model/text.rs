/*!
Bilingual text of the data: every label a dataset gives (names, descriptions) exists in
English and French. The interface's own words are in [`crate::i18n`].
*/

use serde::{Deserialize, Serialize};

/// Interface language (defined with the catalogue of interface texts, [`crate::i18n`]).
pub use crate::i18n::Lang;

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

/// Most characters of one user-provided text (a name, a title, an id) shown in a chart or a
/// message; longer text is cut with `…`. A chart line holds far fewer characters, so nothing
/// readable is lost, and the work of fitting and printing text stays bounded.
pub const MAX_SHOWN_CHARS: usize = 2_000;

/// `text` cut to [`MAX_SHOWN_CHARS`] characters, ending with `…` when it was cut.
pub fn shorten(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(MAX_SHOWN_CHARS) {
        None => std::borrow::Cow::Borrowed(text),
        Some(_) => {
            let end = text
                .char_indices()
                .nth(MAX_SHOWN_CHARS - 1)
                .map_or(text.len(), |(i, _)| i);
            std::borrow::Cow::Owned(format!("{}…", &text[..end]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_caps_characters_with_an_ellipsis() {
        assert_eq!(shorten("court"), "court");
        let exact = "é".repeat(MAX_SHOWN_CHARS);
        assert_eq!(shorten(&exact), exact);
        let long = "é".repeat(MAX_SHOWN_CHARS + 1);
        let s = shorten(&long);
        assert_eq!(s.chars().count(), MAX_SHOWN_CHARS);
        assert!(s.ends_with("é…"));
    }
}

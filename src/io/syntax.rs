//! What a syntax error is about, kept typed so that [`super::LoadError::message`] can say it
//! in the reader's language: the RON parser's common errors (something expected, an
//! unexpected character, an early end, a missing, unknown or repeated field) each have a
//! catalogue sentence; the parser's English text is kept only for its rare variants.

use crate::i18n::{Lang, Msg};

/// The cause of a [`super::LoadError::Syntax`].
#[derive(Clone, Debug, PartialEq)]
pub enum SyntaxProblem {
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// The RON parser's error.
    Ron(Box<ron::error::Error>),
    /// Another parser's error, known only by its (English) text.
    Other,
}

impl SyntaxProblem {
    /// The cause in `lang`; `english` is the parser's own text, used in English and, for
    /// the rare RON variants without a catalogue sentence, as the last resort in any
    /// language.
    pub fn message(&self, lang: Lang, english: &str) -> String {
        use ron::error::Error as E;
        if lang == Lang::En {
            return english.to_owned();
        }
        let value = |m: Msg| Msg::SynExpectedValue.fill(lang, &[&m.get(lang)]);
        let token = |t: &str| Msg::SynExpectedToken.fill(lang, &[&t]);
        let within = |outer: &Option<String>| match outer {
            Some(o) => Msg::SynWithin.fill(lang, &[o]),
            None => String::new(),
        };
        let list = |names: &[&str]| {
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Self::Ron(code) = self else {
            return match self {
                Self::NotUtf8 => Msg::SynNotUtf8.get(lang).to_owned(),
                _ => Msg::SynRaw.fill(lang, &[&english]),
            };
        };
        match code.as_ref() {
            E::Eof => Msg::SynEof.get(lang).to_owned(),
            E::ExpectedArray => token("["),
            E::ExpectedArrayEnd => token("]"),
            E::ExpectedMap => token("{"),
            E::ExpectedMapEnd => token("}"),
            E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => token(")"),
            E::ExpectedComma => token(","),
            E::ExpectedMapColon => token(":"),
            E::ExpectedStringEnd => token("\""),
            E::ExpectedBoolean => value(Msg::SynBoolean),
            E::ExpectedInteger | E::IntegerOutOfBounds => value(Msg::SynInteger),
            E::ExpectedFloat => value(Msg::SynNumber),
            E::ExpectedString | E::ExpectedChar => value(Msg::SynString),
            E::ExpectedIdentifier => value(Msg::SynIdentifier),
            E::ExpectedStructLike | E::ExpectedUnit | E::ExpectedOption => value(Msg::SynStruct),
            E::ExpectedNamedStructLike(name) => Msg::SynNamedStruct.fill(lang, &[name]),
            E::ExpectedDifferentStructName { expected, found } => {
                Msg::SynStructName.fill(lang, &[found, expected])
            }
            E::UnexpectedChar(c) => Msg::SynUnexpectedChar.fill(lang, &[c]),
            E::TrailingCharacters => Msg::SynTrailing.get(lang).to_owned(),
            E::UnclosedBlockComment | E::UnclosedLineComment => {
                Msg::SynUnclosedComment.get(lang).to_owned()
            }
            E::Utf8Error(_) => Msg::SynNotUtf8.get(lang).to_owned(),
            E::ExceededRecursionLimit => Msg::SynTooDeep.get(lang).to_owned(),
            E::MissingStructField { field, outer } => {
                Msg::SynMissingField.fill(lang, &[field, &within(outer)])
            }
            E::DuplicateStructField { field, outer } => {
                Msg::SynDuplicateField.fill(lang, &[field, &within(outer)])
            }
            E::NoSuchStructField {
                expected,
                found,
                outer,
            } => Msg::SynNoSuchField.fill(lang, &[found, &within(outer), &list(expected)]),
            E::NoSuchEnumVariant {
                expected,
                found,
                outer,
            } => Msg::SynNoSuchVariant.fill(lang, &[found, &within(outer), &list(expected)]),
            // rare variants (serde's free-text messages, extensions, escapes, raw values…):
            // the parser's English detail, introduced by a sentence in `lang`
            _ => Msg::SynRaw.fill(lang, &[&english]),
        }
    }
}

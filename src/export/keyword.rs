//! Option values named by a word (`png`, `transparent`, `native` …): each type lists its words
//! once ([`Keyword::WORDS`]) and reads them with [`Keyword::parse`], so the command line, the
//! deck files and the file extensions accept the same spellings.

use std::path::Path;

/// A value chosen by a word, case-insensitively.
pub trait Keyword: Copy + Sized + 'static {
    /// Every word and the value it names; a value's first word is its own name.
    const WORDS: &'static [(&'static str, Self)];

    /// The value `text` names (surrounding blanks and case ignored).
    fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::WORDS
            .iter()
            .find(|(word, _)| word.eq_ignore_ascii_case(text))
            .map(|&(_, value)| value)
    }

    /// The value named by a path's extension (`chart.PNG` → PNG).
    fn from_path(path: &Path) -> Option<Self> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Self::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Ink {
        Dark,
        Light,
    }

    impl Keyword for Ink {
        const WORDS: &'static [(&'static str, Ink)] = &[
            ("dark", Ink::Dark),
            ("light", Ink::Light),
            ("pale", Ink::Light),
        ];
    }

    #[test]
    fn words_are_read_whatever_their_case_and_blanks() {
        assert_eq!(Ink::parse(" LIGHT "), Some(Ink::Light));
        assert_eq!(Ink::parse("pale"), Some(Ink::Light));
        assert_eq!(Ink::parse("Dark"), Some(Ink::Dark));
        assert_eq!(Ink::parse("darker"), None);
        assert_eq!(Ink::parse(""), None);
        assert_eq!(Ink::from_path(Path::new("a/b.Light")), Some(Ink::Light));
        assert_eq!(Ink::from_path(Path::new("light")), None);
    }
}

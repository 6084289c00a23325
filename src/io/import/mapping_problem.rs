//! Why a mapping file could not be read or written, typed ([`MappingProblem`]) so that
//! [`super::ImportError::Mapping`] says it in the reader's language: a RON syntax error is
//! said as the data files' are ([`crate::io::syntax::SyntaxProblem`]); a system's text is
//! kept as it comes.

use crate::i18n::{Lang, Msg};
use crate::io::syntax::SyntaxProblem;

/// What is wrong with a mapping file.
#[derive(Clone, Debug, PartialEq)]
pub enum MappingProblem {
    /// It could not be read or written (the system's text).
    Io(String),
    /// It is not UTF-8 text: line and column of the first bad byte.
    NotUtf8 {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A syntax error of the RON parser at line and column.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The error, typed.
        problem: SyntaxProblem,
        /// The parser's English text (capped).
        english: String,
    },
}

impl MappingProblem {
    /// The problem in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MappingProblem::Io(e) => e.clone(),
            MappingProblem::NotUtf8 { line, column } => Msg::MapNotUtf8.fill(lang, &[line, column]),
            MappingProblem::Syntax {
                line,
                column,
                problem,
                english,
            } => Msg::MapAt.fill(lang, &[line, column, &problem.message(lang, english)]),
        }
    }
}

//! What went wrong, as the app keeps it: typed errors from the core and the loader, shown in
//! the interface language. The core's messages (file, line, column, what was expected) are
//! kept whole; the app's own sentences are translated.

use super::loader::JobError;
use crate::i18n::Msg;
use crate::io::LoadError;
use crate::model::Lang;

/// An error shown in the error banner until dismissed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A file could not be read, imported or rebuilt.
    #[error(transparent)]
    Job(#[from] JobError),
    /// The bundled benchmark embedded in the program could not be read: the app starts
    /// without it.
    #[error("the bundled benchmark could not be read; the app starts without it: {0}")]
    Benchmark(LoadError),
}

impl AppError {
    /// The message in `lang`.
    pub fn shown(&self, lang: Lang) -> String {
        match self {
            AppError::Job(e) => e.message(lang),
            AppError::Benchmark(e) => {
                format!("{}: {}", Msg::BenchmarkBroken.get(lang), e.message(lang))
            }
        }
    }
}

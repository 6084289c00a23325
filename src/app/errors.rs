//! What went wrong, as the app keeps it: typed errors from the core and the loader, shown in
//! the interface language. The core's messages (file, line, column, what was expected) are
//! kept whole; the app's own sentences are translated.

use super::loader::JobError;
use crate::i18n::Msg;
use crate::io::LoadError;
use crate::io::atomic::WriteError;
use crate::model::Lang;
use std::path::PathBuf;

/// The line under a window saying how its last action went, already in the interface
/// language (a window clears it when the language changes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusLine {
    /// It worked: what was done.
    Done(String),
    /// It did not: why, shown in the error colour.
    Failed(String),
}

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

/// Why the deck window wrote nothing (export or save).
#[derive(Debug, thiserror::Error)]
pub enum DeckError {
    /// A slide shows nothing for its selection; `warnings` (in the slide's language) say why.
    #[error("`{name}`: {warnings}")]
    EmptySlide {
        /// The slide's name.
        name: String,
        /// The chart's warnings, joined.
        warnings: String,
    },
    /// A chart could not be rendered or its file written.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// The folder to write into could not be created.
    #[error("{}: {source}", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file could not be written (or exists and replacing it was not agreed).
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The deck could not be written as RON.
    #[error(transparent)]
    Ron(#[from] ron::Error),
    /// The export thread ended without an answer.
    #[error("the export stopped")]
    Stopped,
}

impl DeckError {
    /// The message in `lang`: the app's sentences and the core's errors from the catalogue;
    /// a slide's warnings are already in its language, the RON writer's detail stays English.
    pub fn shown(&self, lang: Lang) -> String {
        match self {
            DeckError::Stopped => Msg::ExportStopped.get(lang).to_owned(),
            DeckError::Export(e) => e.message(lang),
            DeckError::Write(e) => e.message(lang),
            DeckError::Folder { path, source } => Msg::WriteFolder.fill(
                lang,
                &[&path.display(), &crate::i18n::os_error(source, lang)],
            ),
            DeckError::EmptySlide { .. } | DeckError::Ron(_) => self.to_string(),
        }
    }
}

/// Why Save or Copy of the export dialog did nothing.
#[derive(Debug, thiserror::Error)]
pub enum ExportFailure {
    /// The chosen size is not valid.
    #[error(transparent)]
    Size(#[from] crate::export::SizeError),
    /// Rendering or writing the file failed.
    #[error("Not saved: {0}")]
    Save(crate::export::ExportError),
    /// Rendering the image for the clipboard failed.
    #[error("Cannot copy the image: {0}")]
    Render(crate::export::ExportError),
    /// The system clipboard refused the image.
    #[error("Cannot copy the image: {0}")]
    Clipboard(#[from] arboard::Error),
}

impl ExportFailure {
    /// The message in `lang`: the app's sentence from the catalogue with the core's detail.
    pub fn shown(&self, lang: Lang) -> String {
        match self {
            ExportFailure::Size(e) => e.message(lang),
            ExportFailure::Save(e) => Msg::NotSaved.fill(lang, &[&e.message(lang)]),
            ExportFailure::Render(e) => Msg::CannotCopyImage.fill(lang, &[&e.message(lang)]),
            ExportFailure::Clipboard(e) => Msg::CannotCopyImage.fill(lang, &[e]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_sentences_of_deck_and_export_errors_are_translated() {
        assert_eq!(
            DeckError::Stopped.shown(Lang::Fr),
            "l'export s'est arrêté avant la fin"
        );
        let empty = DeckError::EmptySlide {
            name: "nps".into(),
            warnings: "Aucune valeur.".into(),
        };
        assert_eq!(empty.shown(Lang::Fr), "`nps`: Aucune valeur.");
        let size = crate::export::Size::px(0, 10).expect_err("too small");
        let failure = ExportFailure::Save(crate::export::ExportError::Svg("bad".into()));
        assert!(failure.shown(Lang::Fr).starts_with("Non enregistré"));
        assert!(failure.shown(Lang::En).starts_with("Not saved"));
        assert_eq!(
            ExportFailure::from(size.clone()).shown(Lang::En),
            size.to_string()
        );
    }
}

//! The system clipboard for text the app copies (the data table as tab-separated text).
//!
//! Copied through `arboard` so that a failure (no display, no clipboard owner) is known and
//! said, rather than reported as success. On X11 and Wayland the copied text is served by its
//! owner, so the clipboard object is kept for the life of the process. Text fields copy and
//! paste through eframe's own clipboard support (its `clipboard` feature).

use std::sync::Mutex;

/// Why a copy failed.
#[derive(Debug, thiserror::Error)]
pub enum ClipboardError {
    /// No clipboard could be opened (no display, no clipboard service).
    #[error("no clipboard is available: {0}")]
    Unavailable(String),
    /// The clipboard refused the content.
    #[error("the clipboard refused the text: {0}")]
    Refused(String),
}

impl ClipboardError {
    /// The message in `lang`; the clipboard library's own detail stays as it comes.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Msg;
        match self {
            ClipboardError::Unavailable(detail) => Msg::ClipUnavailable.fill(lang, &[detail]),
            ClipboardError::Refused(detail) => Msg::ClipRefused.fill(lang, &[detail]),
        }
    }
}

/// The clipboard owning the last copied text.
static CLIPBOARD: Mutex<Option<arboard::Clipboard>> = Mutex::new(None);

/// Runs `f` on the process's clipboard, opening it first if needed.
fn with_clipboard<T>(
    f: impl FnOnce(&mut arboard::Clipboard) -> Result<T, arboard::Error>,
) -> Result<T, ClipboardError> {
    let mut held = CLIPBOARD.lock().unwrap_or_else(|p| p.into_inner());
    let clipboard = match held.as_mut() {
        Some(c) => c,
        None => held.insert(
            arboard::Clipboard::new().map_err(|e| ClipboardError::Unavailable(e.to_string()))?,
        ),
    };
    f(clipboard).map_err(|e| ClipboardError::Refused(e.to_string()))
}

/// Puts `text` on the system clipboard.
pub fn copy_text(text: &str) -> Result<(), ClipboardError> {
    with_clipboard(|c| c.set_text(text))
}

/// The text on the system clipboard (tests check a copy with it).
pub fn paste_text() -> Result<String, ClipboardError> {
    with_clipboard(|c| c.get_text())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn clipboard_failures_are_said_in_the_readers_language() {
        let e = ClipboardError::Unavailable("no display".into());
        assert_eq!(e.message(Lang::En), "no clipboard is available: no display");
        assert_eq!(
            e.message(Lang::Fr),
            "aucun presse-papiers n’est disponible (détail, en anglais\u{a0}: no display)"
        );
        let e = ClipboardError::Refused("busy".into());
        assert_eq!(e.message(Lang::En), e.to_string());
        assert!(
            e.message(Lang::Fr)
                .starts_with("le presse-papiers a refusé")
        );
    }
}

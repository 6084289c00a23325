/*!
Text from files, made safe to print on a terminal. Names, titles and ids come from files a
client may have sent; printed raw, an escape sequence inside one could move the cursor,
rewrite earlier lines, change the window title or hide text. [`shown`] is used by every
command that prints user-provided text: it replaces control characters (C0, DEL, C1) and the
bidirectional overrides with visible escapes (`\u{1b}`) and shortens the text to
[`MAX_SHOWN_CHARS`](crate::model::text::MAX_SHOWN_CHARS) characters with an ellipsis.
*/

use crate::model::text::shorten;
use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal as is.
fn unsafe_char(c: char) -> bool {
    c.is_control() // C0, DEL and C1
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `text` safe for a terminal: control characters and bidirectional controls written as
/// `\u{…}`, shortened to [`MAX_SHOWN_CHARS`](crate::model::text::MAX_SHOWN_CHARS) characters.
pub fn shown(text: &str) -> Cow<'_, str> {
    let text = shorten(text);
    if !text.chars().any(unsafe_char) {
        return text;
    }
    let mut s = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(s, "\\u{{{:x}}}", c as u32);
        } else {
            s.push(c);
        }
    }
    Cow::Owned(s)
}

/// [`shown`] for a message of several lines: each line is made safe and shortened on its
/// own, the line breaks are kept.
pub fn shown_lines(text: &str) -> String {
    text.split('\n')
        .map(|l| shown(l.strip_suffix('\r').unwrap_or(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_keeps_other_text() {
        assert_eq!(shown("Royaume-Uni"), "Royaume-Uni");
        assert_eq!(shown("المغرب é"), "المغرب é");
        assert_eq!(shown("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(shown("x\ty\r\n"), "x\\u{9}y\\u{d}\\u{a}");
        assert_eq!(shown("\u{9b}31m\u{7f}"), "\\u{9b}31m\\u{7f}");
        assert_eq!(shown("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(shown_lines("a\u{1b}\r\nb\n"), "a\\u{1b}\nb\n");
    }
}

//! The operating system's errors in the reader's language: the common kinds (missing file,
//! no permission, full disk …) have catalogue rows; any other keeps the system's own text,
//! marked as such in French.

use super::{Lang, Msg};
use std::io::ErrorKind;

/// What `e` means, in `lang`.
pub fn os_error(e: &std::io::Error, lang: Lang) -> String {
    let row = match e.kind() {
        ErrorKind::NotFound => Msg::OsNotFound,
        ErrorKind::PermissionDenied => Msg::OsPermissionDenied,
        ErrorKind::IsADirectory => Msg::OsIsADirectory,
        ErrorKind::NotADirectory => Msg::OsNotADirectory,
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => Msg::OsStorageFull,
        ErrorKind::ReadOnlyFilesystem => Msg::OsReadOnly,
        ErrorKind::UnexpectedEof => Msg::OsUnexpectedEof,
        ErrorKind::OutOfMemory => Msg::OsOutOfMemory,
        ErrorKind::FileTooLarge => Msg::OsFileTooLarge,
        ErrorKind::InvalidFilename => Msg::OsInvalidFilename,
        _ if lang == Lang::En => return e.to_string(),
        _ => return Msg::OsOther.fill(lang, &[e]),
    };
    row.get(lang).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_system_errors_are_said_in_french_and_others_keep_their_text() {
        let missing = std::fs::read("/no/such/dir/servicescope.csv").expect_err("missing");
        assert_eq!(
            os_error(&missing, Lang::Fr),
            "fichier ou dossier introuvable"
        );
        assert_eq!(os_error(&missing, Lang::En), "file or folder not found");
        let odd = std::io::Error::other("odd failure");
        assert_eq!(os_error(&odd, Lang::En), "odd failure");
        assert_eq!(
            os_error(&odd, Lang::Fr),
            "odd failure (message du système, en anglais)"
        );
    }
}

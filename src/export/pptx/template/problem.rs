//! Why a `--template` presentation cannot be used, typed ([`TemplateProblem`]) so that
//! [`TemplateError::message`] says it in the reader's language: every sentence is a catalogue
//! row, the system's errors go through [`crate::i18n::os_error`], and only the zip and XML
//! readers' own details stay as they come, in English (marked as such in French). `Display`
//! gives the command line's English text.

use super::MAX_TEMPLATE_BYTES;
use crate::i18n::{Lang, Msg, os_error};
use crate::io::import::guard::{MAX_COMPRESSION_RATIO, MAX_UNZIPPED_BYTES};
use std::fmt;
use std::path::PathBuf;

/// Why a template cannot be used: the file and what is wrong with it.
#[derive(Debug, thiserror::Error)]
#[error("{}: {problem}", path.display())]
pub struct TemplateError {
    /// The template file.
    pub path: PathBuf,
    /// What is wrong and what was expected.
    pub problem: TemplateProblem,
}

impl TemplateError {
    /// "file: problem" in `lang` (`Display` gives the English text, with the system's own
    /// wording of its errors).
    pub fn message(&self, lang: Lang) -> String {
        Msg::Labelled.fill(lang, &[&self.path.display(), &self.problem.message(lang)])
    }
}

/// A fault of the XML parser in a part: where, and the parser's own (English) text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlFault {
    /// Byte offset of the fault in the part.
    pub byte_pos: u64,
    /// The parser's text.
    pub detail: String,
}

/// What is wrong with a template.
#[derive(Debug)]
pub enum TemplateProblem {
    /// The file's metadata cannot be read (missing file, no permission …).
    CannotRead(std::io::Error),
    /// The file is over [`MAX_TEMPLATE_BYTES`].
    TooLarge {
        /// Its size.
        size_bytes: u64,
    },
    /// The file cannot be opened.
    CannotOpen(std::io::Error),
    /// The file is not a zip archive (the zip reader's text).
    NotZip(String),
    /// An entry of the archive is damaged (1-based; the zip reader's text).
    DamagedEntry {
        /// 1-based entry number.
        entry: usize,
        /// The zip reader's text.
        detail: String,
    },
    /// An entry's name cannot be read (1-based; the zip reader's text).
    EntryName {
        /// 1-based entry number.
        entry: usize,
        /// The zip reader's text.
        detail: String,
    },
    /// A part inflates more than [`MAX_COMPRESSION_RATIO`] times its packed size.
    Bomb {
        /// The part.
        part: String,
        /// Unpacked size over packed size.
        ratio: u64,
    },
    /// A part cannot be inflated.
    PartUnreadable {
        /// The part.
        part: String,
        /// Why.
        error: std::io::Error,
    },
    /// The parts inflate to more than [`MAX_UNZIPPED_BYTES`].
    Inflated,
    /// A part is not UTF-8 text.
    NotUtf8 {
        /// The part.
        part: String,
    },
    /// The package has no `[Content_Types].xml`.
    NoContentTypes,
    /// A part is not well-formed XML.
    Xml {
        /// The part.
        part: String,
        /// Where and the parser's text.
        fault: XmlFault,
    },
    /// No presentation part is declared.
    NoPresentation,
    /// A part the presentation needs is missing.
    NoPart {
        /// The part.
        part: String,
    },
    /// No slide layout has a title placeholder.
    NoTitleLayout,
    /// The presentation part lacks the slide master list or slide size where slides go.
    NoSlideLists,
}

impl TemplateProblem {
    /// The problem in `lang`, the system's errors in the catalogue's words.
    pub fn message(&self, lang: Lang) -> String {
        self.say(lang, &|e| os_error(e, lang))
    }

    /// The problem in `lang`, with `os` saying the system's errors.
    fn say(&self, lang: Lang, os: &dyn Fn(&std::io::Error) -> String) -> String {
        let expected = Msg::TplExpected.get(lang);
        let mib = |bytes: u64| bytes / (1024 * 1024);
        match self {
            TemplateProblem::CannotRead(e) => Msg::TplCannotRead.fill(lang, &[&os(e)]),
            TemplateProblem::TooLarge { size_bytes } => {
                Msg::TplTooLarge.fill(lang, &[size_bytes, &mib(MAX_TEMPLATE_BYTES)])
            }
            TemplateProblem::CannotOpen(e) => Msg::TplCannotOpen.fill(lang, &[&os(e)]),
            TemplateProblem::NotZip(detail) => Msg::TplNotZip.fill(lang, &[detail, &expected]),
            TemplateProblem::DamagedEntry { entry, detail } => {
                Msg::TplDamagedEntry.fill(lang, &[entry, detail])
            }
            TemplateProblem::EntryName { entry, detail } => {
                Msg::TplEntryName.fill(lang, &[entry, detail])
            }
            TemplateProblem::Bomb { part, ratio } => {
                Msg::TplBomb.fill(lang, &[part, ratio, &MAX_COMPRESSION_RATIO])
            }
            TemplateProblem::PartUnreadable { part, error } => {
                Msg::TplPartUnreadable.fill(lang, &[part, &os(error)])
            }
            TemplateProblem::Inflated => Msg::TplInflated.fill(lang, &[&mib(MAX_UNZIPPED_BYTES)]),
            TemplateProblem::NotUtf8 { part } => Msg::TplNotUtf8.fill(lang, &[part, &expected]),
            TemplateProblem::NoContentTypes => Msg::TplNoContentTypes.fill(lang, &[&expected]),
            TemplateProblem::Xml { part, fault } => {
                Msg::TplXml.fill(lang, &[part, &fault.byte_pos, &fault.detail])
            }
            TemplateProblem::NoPresentation => Msg::TplNoPresentation.fill(lang, &[&expected]),
            TemplateProblem::NoPart { part } => Msg::TplNoPart.fill(lang, &[part, &expected]),
            TemplateProblem::NoTitleLayout => Msg::TplNoTitleLayout.get(lang).to_owned(),
            TemplateProblem::NoSlideLists => Msg::TplNoSlideLists.get(lang).to_owned(),
        }
    }
}

impl fmt::Display for TemplateProblem {
    /// The English text, with the system's own wording of its errors.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En, &|e| e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_limits_are_said_in_both_languages() {
        let big = TemplateProblem::TooLarge {
            size_bytes: 300_000_000,
        };
        assert_eq!(
            big.to_string(),
            "the file is 300000000 bytes, over the limit of 200 MiB for a template"
        );
        assert_eq!(
            big.message(Lang::Fr),
            "le fichier fait 300000000 octets, au-delà de la limite de 200\u{a0}Mio pour un modèle"
        );
        let bomb = TemplateProblem::Bomb {
            part: "ppt/media/image1.png".into(),
            ratio: 500,
        };
        assert_eq!(
            bomb.to_string(),
            format!(
                "part `ppt/media/image1.png` inflates 500 times its packed size (limit {MAX_COMPRESSION_RATIO})"
            )
        );
        assert!(
            bomb.message(Lang::Fr)
                .starts_with("la partie `ppt/media/image1.png` décompressée fait 500\u{a0}fois"),
            "{}",
            bomb.message(Lang::Fr)
        );
    }

    /// One problem of every kind, with `detail` as the libraries' own text.
    fn every_problem(detail: &str) -> Vec<TemplateProblem> {
        let part = || "ppt/slideLayouts/slideLayout1.xml".to_owned();
        let io = || std::io::Error::from(std::io::ErrorKind::NotFound);
        vec![
            TemplateProblem::CannotRead(io()),
            TemplateProblem::TooLarge { size_bytes: 1 },
            TemplateProblem::CannotOpen(io()),
            TemplateProblem::NotZip(detail.into()),
            TemplateProblem::DamagedEntry {
                entry: 2,
                detail: detail.into(),
            },
            TemplateProblem::EntryName {
                entry: 2,
                detail: detail.into(),
            },
            TemplateProblem::Bomb {
                part: part(),
                ratio: 200,
            },
            TemplateProblem::PartUnreadable {
                part: part(),
                error: io(),
            },
            TemplateProblem::Inflated,
            TemplateProblem::NotUtf8 { part: part() },
            TemplateProblem::NoContentTypes,
            TemplateProblem::Xml {
                part: part(),
                fault: XmlFault {
                    byte_pos: 7,
                    detail: detail.into(),
                },
            },
            TemplateProblem::NoPresentation,
            TemplateProblem::NoPart { part: part() },
            TemplateProblem::NoTitleLayout,
            TemplateProblem::NoSlideLists,
        ]
    }

    #[test]
    fn every_problem_has_its_own_french_sentence_with_french_typography() {
        let detail = "DETAIL";
        let mut seen = std::collections::BTreeSet::new();
        for p in every_problem(detail) {
            let (en, fr) = (p.to_string(), p.message(Lang::Fr));
            assert_ne!(en, fr);
            assert!(seen.insert(fr.clone()), "said twice: {fr}");
            assert!(!fr.contains(" :") && !fr.contains(" ;"), "{fr}");
            assert!(!fr.contains('\''), "straight apostrophe: {fr}");
            // a library's detail is kept, and marked as English
            if en.contains(detail) {
                assert!(fr.contains(&format!("en anglais\u{a0}: {detail}")), "{fr}");
            }
            let english = ["expected", "file", "part", "not", "layout", "the", "cannot"];
            let words: Vec<String> = fr
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect();
            for w in english {
                assert!(!words.iter().any(|x| x == w), "{w:?} in {fr}");
            }
        }
    }

    #[test]
    fn a_system_error_keeps_its_own_text_in_display_only() {
        let denied =
            TemplateProblem::CannotOpen(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert_eq!(denied.to_string(), "cannot open: permission denied");
        assert_eq!(
            denied.message(Lang::Fr),
            "impossible d’ouvrir le fichier\u{a0}: accès refusé (droits insuffisants)"
        );
        let err = TemplateError {
            path: "a.pptx".into(),
            problem: TemplateProblem::NoSlideLists,
        };
        assert!(err.message(Lang::Fr).starts_with("a.pptx\u{a0}: sa partie"));
        assert_eq!(err.message(Lang::En), err.to_string());
    }
}

//! The import errors in words, in the reader's language: [`ImportError::message`] and
//! [`CellError::message`]. Every sentence is a row of the catalogue ([`Msg`]); names,
//! headers and ids from the file are kept as written (shortened, lists capped).
//!
//! A cell's detail is said from its typed [`super::cell_detail::CellDetail`].

use super::error::{name_list, shorten};
use super::{CellError, ImportError, UnresolvedName};
use crate::i18n::{Lang, Msg};

/// Unknown names listed in one message; further ones are counted.
const LISTED_UNRESOLVED: usize = 20;

impl CellError {
    /// Where the cell is and what is wrong with it, in `lang`: `row 7, column 3 (C)
    /// "Valeur": …` or `sheet "S", cell C7 (column C "Valeur"): …`.
    pub fn message(&self, lang: Lang) -> String {
        let header = if self.header.is_empty() {
            String::new()
        } else {
            format!(" \"{}\"", shorten(&self.header))
        };
        match &self.sheet {
            Some(sheet) => Msg::CellInSheet.fill(
                lang,
                &[
                    sheet,
                    &self.cell_ref(),
                    &self.column_letters(),
                    &header,
                    &self.detail.message(lang),
                ],
            ),
            None => Msg::CellInText.fill(
                lang,
                &[
                    &self.row,
                    &self.line_note_in(lang),
                    &self.column,
                    &self.column_letters(),
                    &header,
                    &self.detail.message(lang),
                ],
            ),
        }
    }

    /// The cell's place alone, in `lang` (`cell C7`, `row 7, column 3 (C)`).
    pub fn location(&self, lang: Lang) -> String {
        match &self.sheet {
            Some(_) => Msg::CellRef.fill(lang, &[&self.cell_ref()]),
            None => Msg::CellAt.fill(
                lang,
                &[
                    &self.row,
                    &self.line_note_in(lang),
                    &self.column,
                    &self.column_letters(),
                ],
            ),
        }
    }
}

impl ImportError {
    /// What went wrong, in `lang` (`Display` gives the English text). The file's name is
    /// not repeated; [`ImportError::into_load_error`] adds it. A system's or a library's own
    /// detail (I/O, workbook reader, mapping parser) is kept as it comes.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::Io(e) => Msg::ImpCannotRead.fill(lang, &[&crate::i18n::os_error(e, lang)]),
            ImportError::TooLarge {
                size_bytes,
                limit_bytes,
            } => Msg::ImpTooLarge.fill(lang, &[size_bytes, limit_bytes]),
            ImportError::NotRegular { kind } => {
                Msg::ImpNotRegular.fill(lang, &[&kind.message(lang)])
            }
            ImportError::Empty => Msg::ImpEmpty.get(lang).to_owned(),
            ImportError::NotText {
                looks_like: Some(what),
                ..
            } => Msg::ImpNotTextLike.fill(lang, &[&what.get(lang)]),
            ImportError::NotText { offset, .. } => Msg::ImpNotTextAt.fill(lang, &[offset]),
            ImportError::Cell(cell) => cell.message(lang),
            ImportError::Problems { problems, total } => {
                let mut s = Msg::ImpProblems.fill(lang, &[total]);
                for p in problems {
                    s.push_str("\n  ");
                    s.push_str(&p.message(lang));
                }
                if *total > problems.len() {
                    s.push_str("\n  ");
                    s.push_str(&Msg::ImpAndMore.fill(lang, &[&(total - problems.len())]));
                }
                s.push('\n');
                s.push_str(Msg::ImpProblemsFix.get(lang));
                s
            }
            ImportError::MissingColumn { role, headers } => {
                Msg::ImpMissingColumn.fill(lang, &[role, &name_list(headers, lang)])
            }
            ImportError::UnknownColumn {
                role,
                name,
                headers,
            } => {
                Msg::ImpUnknownColumn.fill(lang, &[&shorten(name), role, &name_list(headers, lang)])
            }
            ImportError::Unresolved { what, names } => unresolved(what, names, lang),
            ImportError::Mapping { path, problem } => {
                Msg::ImpMapping.fill(lang, &[&path.display(), &problem.message(lang)])
            }
            // the readers' own details inside stay as they come (English)
            ImportError::Workbook(problem) => {
                Msg::ImpWorkbook.fill(lang, &[&problem.message(lang)])
            }
            ImportError::NoSheet { name, available } => {
                Msg::ImpNoSheet.fill(lang, &[&shorten(name), &name_list(available, lang)])
            }
            ImportError::Invalid(report) => report.message(lang),
            ImportError::SourceMissing { id } => Msg::ImpSourceMissing.fill(lang, &[id]),
            ImportError::Cancelled => Msg::ImpCancelled.get(lang).to_owned(),
        }
    }
}

/// The message for names that match no record: each name with where it first appears and
/// the likely ids, then how to map or declare them.
fn unresolved(what: &str, names: &[UnresolvedName], lang: Lang) -> String {
    let noun = crate::io::validate::noun(what, lang);
    let mut s = Msg::ImpUnresolved.fill(lang, &[&names.len(), &noun]);
    for n in names.iter().take(LISTED_UNRESOLVED) {
        s.push_str("\n  ");
        s.push_str(
            &Msg::ImpUnresolvedName.fill(lang, &[&shorten(&n.name), &n.first_seen.location(lang)]),
        );
        if !n.suggestions.is_empty() {
            let sug: Vec<String> = n
                .suggestions
                .iter()
                .map(|(id, _)| format!("`{id}`"))
                .collect();
            s.push_str(&Msg::ImpDidYouMean.fill(lang, &[&sug.join(Msg::ImpOr.get(lang))]));
        }
    }
    if names.len() > LISTED_UNRESOLVED {
        s.push_str("\n  ");
        s.push_str(&Msg::ImpAndMore.fill(lang, &[&(names.len() - LISTED_UNRESOLVED)]));
    }
    let (field, example) = match what {
        "region" => ("regions", "\"Royaume-Uni\": \"uk\""),
        "channel" => ("channels", "\"Tél.\": \"phone\""),
        "segment" => ("segments", "\"@AskBank\": \"bank_a\""),
        "indicator" => ("indicators", "\"Taux d'abandon\": \"abandon_pct\""),
        _ => ("columns", "source: \"…\""),
    };
    s.push('\n');
    s.push_str(&Msg::ImpMapEachName.fill(lang, &[&field, &example]));
    match what {
        "region" => s.push_str(Msg::ImpDeclareRegions.get(lang)),
        "indicator" => s.push_str(Msg::ImpDeclareIndicators.get(lang)),
        "segment" => s.push_str(Msg::ImpDeclareSegments.get(lang)),
        _ => s.push('.'),
    }
    s
}

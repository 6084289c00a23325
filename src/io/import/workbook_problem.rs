//! Why a workbook (or a text table's record) could not be read, typed
//! ([`WorkbookProblem`]) so that [`super::ImportError::Workbook`] says it in the reader's
//! language: every sentence is a catalogue row; only the readers' own details (calamine's,
//! the zip and XML parsers', the CSV parser's) stay as they come, in English.

use super::guard::{MAX_COMPRESSION_RATIO, MAX_SHEET_CELLS};
use crate::i18n::{Lang, Msg};

/// What is wrong with a workbook or a text record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkbookProblem {
    /// The workbook reader could not open it (its own text).
    NotASpreadsheet(String),
    /// A sheet could not be read.
    SheetUnreadable {
        /// The sheet.
        sheet: String,
        /// The last cell read before the fault (`B7`), if any.
        after: Option<String>,
        /// The reader's own text.
        detail: String,
    },
    /// A sheet holds more than [`MAX_SHEET_CELLS`] cells.
    TooManyCells {
        /// The sheet.
        sheet: String,
    },
    /// The workbook has no sheet.
    NoSheet,
    /// The CSV parser refused a record.
    TextRecord {
        /// The record's row.
        row: usize,
        /// Its physical line, when known.
        line: Option<u64>,
        /// The parser's own text.
        detail: String,
    },
    /// The zip container or the XML of a part is damaged.
    Damaged(Damage),
    /// The workbook is refused for its size.
    Refused(Refusal),
}

/// How a workbook's container or XML is damaged (names of parts shortened).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// An entry of the zip archive cannot be read (1-based; the zip reader's text).
    ZipEntry(usize, String),
    /// A part cannot be inflated (the reader's text).
    Part(String, String),
    /// A part is not well-formed XML near a byte (the XML parser's text).
    Xml {
        /// The part.
        part: String,
        /// Byte offset of the fault.
        byte: u64,
        /// The parser's text.
        detail: String,
    },
    /// A part nests elements more than 256 deep.
    TooDeep(String),
    /// A part has (that many bytes of) text directly inside a table row.
    TextInRow(String, usize),
    /// A part ends before an element (of a table, if named) is closed.
    CutShort {
        /// The part.
        part: String,
        /// The element left open.
        element: String,
        /// The table it is in, if named.
        table: Option<String>,
    },
    /// A repeat attribute holds something else than a whole number.
    BadRepeat(String, String),
    /// An attribute of an element cannot be read (the XML parser's text).
    BadAttribute(String, String),
}

/// Why a workbook is refused for its size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The parts declare more bytes than the limit, once uncompressed.
    Declared {
        /// Bytes declared.
        declared_bytes: u64,
        /// The limit.
        limit_bytes: u64,
    },
    /// The parts inflate past the limit (at the part named).
    Inflates {
        /// The limit.
        limit_bytes: u64,
        /// The part where it went over.
        part: String,
    },
    /// A part inflates more than [`MAX_COMPRESSION_RATIO`] times.
    Bomb {
        /// The part.
        part: String,
        /// Its compressed size.
        compressed_bytes: u64,
        /// Its size once inflated.
        size_bytes: u64,
    },
    /// An ODS table expands to too many cells once repeats are counted.
    Table {
        /// The table.
        table: String,
        /// Rows up to its last value.
        rows: u64,
        /// Columns.
        columns: u64,
        /// Cells.
        cells: u64,
    },
}

impl WorkbookProblem {
    /// The problem in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WorkbookProblem::NotASpreadsheet(detail) => {
                Msg::WbNotASpreadsheet.fill(lang, &[detail])
            }
            WorkbookProblem::SheetUnreadable {
                sheet,
                after,
                detail,
            } => {
                let place = after
                    .as_ref()
                    .map(|c| Msg::WbAfterCell.fill(lang, &[c]))
                    .unwrap_or_default();
                Msg::WbSheetUnreadable.fill(lang, &[sheet, &place, detail])
            }
            WorkbookProblem::TooManyCells { sheet } => {
                Msg::WbTooManyCells.fill(lang, &[sheet, &MAX_SHEET_CELLS])
            }
            WorkbookProblem::NoSheet => Msg::WbNoSheet.get(lang).to_owned(),
            WorkbookProblem::TextRecord { row, line, detail } => {
                let line = line
                    .map(|l| Msg::CellLineNote.fill(lang, &[&l]))
                    .unwrap_or_default();
                Msg::WbTextRecord.fill(lang, &[row, &line, detail])
            }
            WorkbookProblem::Damaged(d) => Msg::WbDamaged.fill(lang, &[&d.message(lang)]),
            WorkbookProblem::Refused(r) => Msg::WbRefused.fill(lang, &[&r.message(lang)]),
        }
    }
}

impl Damage {
    /// What is damaged, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Damage::ZipEntry(i, e) => Msg::WbZipEntry.fill(lang, &[i, e]),
            Damage::Part(p, e) => Msg::WbPart.fill(lang, &[p, e]),
            Damage::Xml { part, byte, detail } => Msg::WbXml.fill(lang, &[part, byte, detail]),
            Damage::TooDeep(p) => Msg::WbTooDeep.fill(lang, &[p]),
            Damage::TextInRow(p, n) => Msg::WbTextInRow.fill(lang, &[p, n]),
            Damage::CutShort {
                part,
                element,
                table,
            } => {
                let in_table = table
                    .as_ref()
                    .map(|t| Msg::WbInTable.fill(lang, &[t]))
                    .unwrap_or_default();
                Msg::WbCutShort.fill(lang, &[part, element, &in_table])
            }
            Damage::BadRepeat(attr, v) => Msg::WbBadRepeat.fill(lang, &[attr, v]),
            Damage::BadAttribute(el, e) => Msg::WbBadAttribute.fill(lang, &[el, e]),
        }
    }
}

impl Refusal {
    /// Why the workbook is refused, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let mib = |b: u64| b / (1024 * 1024);
        match self {
            Refusal::Declared {
                declared_bytes,
                limit_bytes,
            } => Msg::WbDeclared.fill(lang, &[declared_bytes, limit_bytes, &mib(*limit_bytes)]),
            Refusal::Inflates { limit_bytes, part } => {
                Msg::WbInflates.fill(lang, &[limit_bytes, &mib(*limit_bytes), part])
            }
            Refusal::Bomb {
                part,
                compressed_bytes,
                size_bytes,
            } => Msg::WbBomb.fill(
                lang,
                &[part, compressed_bytes, size_bytes, &MAX_COMPRESSION_RATIO],
            ),
            Refusal::Table {
                table,
                rows,
                columns,
                cells,
            } => Msg::WbTable.fill(lang, &[table, rows, columns, cells, &MAX_SHEET_CELLS]),
        }
    }
}

//! The translation catalogue (`src/i18n/catalogue.rs`) holds no dead or repeated rows:
//! every `Msg` is used outside the catalogue, and two rows hold the same English and French
//! text only where they name different things (listed in [`SAME_TEXT_OTHER_ROLE`]).

use servicescope::i18n::{Lang, Msg};
use std::collections::BTreeMap;
use std::path::Path;

/// Rows whose texts agree today in English and French but that name different things, so
/// that a third language or a rewording can tell them apart.
const SAME_TEXT_OTHER_ROLE: &[&[&str]] = &[
    &["OpenPath", "OpenSlide"],
    &["CancelDialog", "CancelImport"],
    &["TabSources", "SourcesFooter"],
    &["Period", "ColPeriod"],
    &["CloseFile", "Close"],
    &["ColChannel", "NoteChannel"],
    &["Year", "NoteYear"],
    &["Remove", "RemoveTarget", "RemoveNote"],
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The name of each row, in catalogue order.
fn row_names() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // the table's rows, then the error rows it appends (`src/i18n/error_rows.rs`)
    let text = ["src/i18n/catalogue.rs", "src/i18n/error_rows.rs"]
        .map(|f| std::fs::read_to_string(root.join(f)).expect("catalogue"))
        .join("\n");
    text.lines()
        .filter_map(|l| {
            let (name, rest) = l.trim().split_once("=>")?;
            let name = name.trim();
            (rest.trim_start().starts_with('"')
                && name.chars().all(|c| c.is_ascii_alphanumeric())
                && name.starts_with(|c: char| c.is_ascii_uppercase()))
            .then(|| name.to_owned())
        })
        .collect()
}

#[test]
fn every_row_is_used_outside_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let code: String = files
        .iter()
        .filter(|p| !p.ends_with("i18n/catalogue.rs") && !p.ends_with("i18n/error_rows.rs"))
        .map(|p| std::fs::read_to_string(p).expect("source"))
        .collect::<Vec<_>>()
        .join("\n");
    let names = row_names();
    assert_eq!(names.len(), Msg::ALL.len(), "rows read from the catalogue");
    let unused: Vec<&String> = names
        .iter()
        .filter(|n| {
            !code.match_indices(n.as_str()).any(|(at, _)| {
                let before = &code[..at];
                let after = code[at + n.len()..].chars().next();
                before.ends_with("::")
                    && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            })
        })
        .collect();
    assert!(unused.is_empty(), "rows never used: {unused:?}");
}

#[test]
fn no_two_rows_say_the_same_thing() {
    let names = row_names();
    let mut by_text: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for (msg, name) in Msg::ALL.iter().zip(&names) {
        by_text
            .entry((msg.get(Lang::En), msg.get(Lang::Fr)))
            .or_default()
            .push(name);
    }
    let repeated: Vec<_> = by_text
        .into_iter()
        .filter(|(_, rows)| rows.len() > 1 && !SAME_TEXT_OTHER_ROLE.contains(&rows.as_slice()))
        .collect();
    assert!(repeated.is_empty(), "rows to merge: {repeated:?}");
}

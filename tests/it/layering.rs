//! The layering of `ARCHITECTURE.md`, checked: every `crate::…` path (and every `super::`
//! chain that climbs to the crate root) in `src/**/*.rs` names a module its own top-level
//! module may import. Comments and string literals are ignored.
//!
//! [`RULES`] mirrors the table in `ARCHITECTURE.md`; a test checks the two agree.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which top-level modules each top-level module may import (besides itself). Lowest
/// layer first; keep it in step with the table in `ARCHITECTURE.md`.
const RULES: &[(&str, &[&str])] = &[
    ("i18n", &[]),
    ("model", &["i18n"]),
    ("io", &["i18n", "model"]),
    ("analysis", &["i18n", "model"]),
    ("chart", &["i18n", "model", "analysis"]),
    ("export", &["i18n", "model", "io", "chart"]),
    ("desktop", &["i18n", "model", "io", "export"]),
    (
        "cli",
        &[
            "i18n", "model", "io", "analysis", "chart", "export", "desktop",
        ],
    ),
    (
        "app",
        &[
            "i18n", "model", "io", "analysis", "chart", "export", "desktop",
        ],
    ),
];

/// Files of `src/` that are not inside a layer: the crate root and the binary.
const OUTSIDE_LAYERS: &[&str] = &["lib.rs", "main.rs"];

fn allowed(module: &str) -> Option<&'static [&'static str]> {
    RULES.iter().find(|(m, _)| *m == module).map(|(_, a)| *a)
}

/// `text` with comments and the contents of string and character literals replaced by
/// spaces (line breaks kept, so line numbers stay right).
fn code_only(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(b[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && (i == 0 || !is_ident(b[i - 1]))
        {
            // Raw string: r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.push_str(&" ".repeat(j - i + 1));
            i = j + 1;
            while i < b.len() {
                if b[i] == '"' && (1..=hashes).all(|k| b.get(i + k) == Some(&'#')) {
                    out.push_str(&" ".repeat(hashes + 1));
                    i += hashes + 1;
                    break;
                }
                out.push(blank(b[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < b.len() {
                    out.push(blank(b[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{2009}'); a lifetime ('a) is left as is.
            let end = if next == Some('\\') {
                (i + 2..b.len()).find(|&k| b[k] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(e) => {
                    out.push_str(&" ".repeat(e - i + 1));
                    i = e + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The identifier at the start of `s` (after spaces).
fn ident(s: &str) -> &str {
    let s = s.trim_start();
    let end = s.find(|c: char| !is_ident(c)).unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules a path reaching the crate root names: `io` for `io::load`, and
/// each first segment of a group `{io::X, chart}`.
fn roots(after: &str) -> Vec<String> {
    let after = after.trim_start();
    let Some(group) = after.strip_prefix('{') else {
        return vec![ident(after).to_owned()];
    };
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (k, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if start && !c.is_whitespace() => {
                start = false;
                let name = ident(&group[k..]);
                if !name.is_empty() && name != "self" {
                    out.push(name.to_owned());
                }
            }
            _ => {}
        }
    }
    out
}

/// Every top-level module named by a path of `source` that reaches the crate root, with
/// its line number. `depth` is the number of modules between the crate root and the file
/// (`io/import/events.rs`: 3).
fn imports(source: &str, depth: usize) -> Vec<(usize, String)> {
    let code = code_only(source);
    let mut found = Vec::new();
    let mut brace = 0usize;
    // Brace levels at which inline `mod name {` blocks opened (each adds a module level).
    let mut inline_mods: Vec<usize> = Vec::new();
    let mut pending_mod = false;
    let mut pos = 0;
    while let Some(c) = code[pos..].chars().next() {
        let rest = &code[pos..];
        let prev = code[..pos].chars().next_back();
        let at_word = prev.is_none_or(|p| !is_ident(p) && p != '$' && p != ':');
        if c == '{' {
            brace += 1;
            if pending_mod {
                inline_mods.push(brace);
                pending_mod = false;
            }
        } else if c == '}' {
            if inline_mods.last() == Some(&brace) {
                inline_mods.pop();
            }
            brace = brace.saturating_sub(1);
        } else if c == ';' {
            pending_mod = false;
        } else if at_word && rest.starts_with("mod ") {
            pending_mod = true;
        } else if at_word && rest.starts_with("crate::") {
            let line = code[..pos].matches('\n').count() + 1;
            for root in roots(&rest["crate::".len()..]) {
                found.push((line, root));
            }
        } else if at_word && rest.starts_with("super::") {
            let mut ups = 0;
            let mut tail = rest;
            while let Some(t) = tail.strip_prefix("super::") {
                ups += 1;
                tail = t.trim_start();
            }
            if ups >= depth + inline_mods.len() {
                let line = code[..pos].matches('\n').count() + 1;
                for root in roots(tail) {
                    found.push((line, root));
                }
            }
            pos += rest.len() - tail.len();
            continue;
        }
        pos += c.len_utf8();
    }
    found
}

/// Top-level module and module depth of a file under `src/`.
fn module_of(relative: &Path) -> Option<(String, usize)> {
    let parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let first = parts.first()?;
    if parts.len() == 1 && OUTSIDE_LAYERS.contains(&first.as_str()) {
        return None;
    }
    let last = parts.last()?;
    let depth = if last == "mod.rs" {
        parts.len() - 1
    } else {
        parts.len()
    };
    Some((first.trim_end_matches(".rs").to_owned(), depth))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `file:line: module imports target` for every import the rules forbid.
fn violations(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).expect("file under src");
        let Some((module, depth)) = module_of(relative) else {
            continue;
        };
        let Some(may) = allowed(&module) else {
            out.push(format!(
                "{}: module `{module}` is not in the layering table (tests/it/layering.rs \
                 and ARCHITECTURE.md)",
                relative.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("read source");
        for (line, target) in imports(&text, depth) {
            if target != module && !may.contains(&target.as_str()) {
                out.push(format!(
                    "src/{}:{line}: `{module}` imports `crate::{target}`, but may import only \
                     {may:?}",
                    relative.display()
                ));
            }
        }
    }
    out
}

#[test]
fn every_module_imports_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(
        found.is_empty(),
        "layering broken (see ARCHITECTURE.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_finds_paths_in_code_and_not_in_comments_or_strings() {
    let source = r##"//! Docs may name [`crate::app`].
use crate::{io::load, chart::{self, Figure}, model};
use super::super::export::svg;
/* block comment crate::cli /* nested crate::cli */ still comment crate::cli */
fn f() -> String {
    let _ = crate::analysis::mean(&[]);
    let url = "https://example.org/crate::cli/*";
    let raw = r#"crate::cli"#;
    let c = '"';
    format!("{url}{raw}{c}")
}
mod tests {
    use super::super::sibling;
    use super::super::super::desktop;
}
"##;
    let got: Vec<(usize, String)> = imports(source, 2);
    let want: Vec<(usize, String)> = vec![
        (2, "io".into()),
        (2, "chart".into()),
        (2, "model".into()),
        (3, "export".into()),
        (6, "analysis".into()),
        (14, "desktop".into()),
    ];
    assert_eq!(got, want);
}

#[test]
fn a_lower_layer_importing_a_higher_one_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let model = dir.path().join("model");
    std::fs::create_dir_all(&model).expect("mkdir");
    std::fs::write(model.join("mod.rs"), "pub mod unit;\n").expect("write");
    std::fs::write(
        model.join("unit.rs"),
        "use crate::model::Lang;\nfn f() { crate::chart::format::plain(1.0); }\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("lib.rs"), "use crate::app;\n").expect("write");
    std::fs::write(dir.path().join("newmod.rs"), "\n").expect("write");
    let found = violations(dir.path());
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with("src/model/unit.rs:2: `model` imports `crate::chart`"),
        "{found:#?}"
    );
    assert!(found[1].contains("module `newmod` is not in the layering table"));
}

#[test]
fn architecture_md_has_the_same_table() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md");
    let text = std::fs::read_to_string(&path).expect("ARCHITECTURE.md at the repository root");
    // Rows of the layering table: | `module` | `a`, `b` | what it holds |
    let mut documented = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 || !cells[1].starts_with('`') {
            continue;
        }
        let module = cells[1].trim_matches('`').to_owned();
        let may: BTreeSet<String> = cells[2]
            .split(',')
            .map(|m| m.trim().trim_matches('`').to_owned())
            .filter(|m| !m.is_empty() && m != "—")
            .collect();
        documented.push((module, may));
    }
    let coded: Vec<(String, BTreeSet<String>)> = RULES
        .iter()
        .map(|(m, may)| {
            (
                (*m).to_owned(),
                may.iter().map(|s| (*s).to_owned()).collect(),
            )
        })
        .collect();
    assert_eq!(documented, coded);
}

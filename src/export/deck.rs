/*!
Chart-description and deck files (RON), read with the same options as datasets
(`implicit_some`, nesting limit, size limit) and syntax errors reported as file:line:column.

A deck is a list of named chart descriptions exported in one run, with optional defaults:

```ron
Deck(
    format: Png,            // Png, Svg or Pdf; default: png
    size: "slide-16x9",     // a preset, "1600x900" or "20x12cm"
    dpi: 150,
    background: White,      // or Transparent
    locale: FrFr,           // EnGb, FrFr or FrCa; default: each chart's own, else en-GB
    charts: [
        (
            name: "fcr-uk-france",
            spec: ChartSpec(kind: BarsByChannel, indicators: ["fcr_pct"], regions: ["uk", "france"]),
        ),
    ],
)
```
*/

use super::deck_spans::{self, DeckSpans};
use super::{Background, Format};
use crate::chart::{ChartSpec, Locale};
use crate::io::{self, LoadError};
use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A deck file: named charts plus export settings shared by all of them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    /// Format of every chart (the command line's `--format` wins).
    #[serde(default)]
    pub format: Option<Format>,
    /// Size of every chart: a preset, `WxH` pixels or `WxHcm` (`--size` wins).
    #[serde(default)]
    pub size: Option<String>,
    /// Resolution for centimetre sizes and PDF pages (`--dpi` wins).
    #[serde(default)]
    pub dpi: Option<u32>,
    /// Background (`--background` wins).
    #[serde(default)]
    pub background: Option<Background>,
    /// Locale of every chart (`--locale`/`--lang` win; else each chart's own locale).
    #[serde(default)]
    pub locale: Option<Locale>,
    /// The charts, exported in this order.
    pub charts: Vec<DeckChart>,
    /// Where the deck's fields and charts are in its file (for messages); empty when the
    /// deck was not read from text.
    #[serde(skip)]
    pub spans: DeckSpans,
}

/// One chart of a deck.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeckChart {
    /// File name without extension: letters, digits, `-`, `_` and `.`, unique in the deck.
    pub name: String,
    /// What to chart.
    pub spec: ChartSpec,
    /// Size of this chart, overriding the deck's.
    #[serde(default)]
    pub size: Option<String>,
}

/// A chart name that cannot be used, and which chart it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{fault}")]
pub struct NameProblem {
    /// Index of the chart in the deck (`None`: the deck as a whole).
    pub index: Option<usize>,
    /// What is wrong.
    pub fault: NameFault,
}

/// What is wrong with a deck's chart names (names shortened for messages).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NameFault {
    /// Not usable as a file name.
    #[error(
        "chart name `{0}` is not a valid file name (use at most 100 bytes of letters, digits, `-`, `_` or `.`, not starting with `.`)"
    )]
    NotAFileName(String),
    /// A Windows device name.
    #[error(
        "chart name `{0}` is a device name on Windows (con, prn, aux, nul, com1–9, lpt1–9) and cannot be a file there; choose another name"
    )]
    WindowsDevice(String),
    /// The same name twice.
    #[error("chart name `{0}` is used twice")]
    UsedTwice(String),
    /// Two names that are one file where case is ignored: (this one, the other).
    #[error(
        "chart name `{0}` is used twice: `{1}` and `{0}` are the same file on systems that ignore case (Windows, macOS)"
    )]
    SameFileIgnoringCase(String, String),
    /// No chart at all.
    #[error("the deck has no charts")]
    NoCharts,
}

impl NameFault {
    /// The message in `lang` (`Display` gives the English text).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Msg;
        match self {
            NameFault::NotAFileName(n) => Msg::DeckNameNotAFile.fill(lang, &[n]),
            NameFault::WindowsDevice(n) => Msg::DeckNameDevice.fill(lang, &[n]),
            NameFault::UsedTwice(n) => Msg::DeckNameTwice.fill(lang, &[n]),
            NameFault::SameFileIgnoringCase(n, other) => {
                Msg::DeckNameSameFile.fill(lang, &[n, other])
            }
            NameFault::NoCharts => Msg::DeckNoCharts.get(lang).to_owned(),
        }
    }
}

/// Windows device names: a file named like one (with any extension) cannot be created there.
const WINDOWS_DEVICES: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The form of a name that file systems which ignore case treat as equal: Unicode lowercase
/// (`str::to_lowercase`, so `É` and `é` meet), then the full case foldings lowercase leaves
/// apart (`ß` → `ss`, final `ς` → `σ`, long `ſ` → `s`). Composed and decomposed accents need
/// no normalisation here: names hold only letters, digits, `-`, `_` and `.`, and a combining
/// accent on its own is none of those, so decomposed names are refused before this.
pub fn fold_name(name: &str) -> String {
    name.to_lowercase()
        .replace('ß', "ss")
        .replace('ς', "σ")
        .replace('ſ', "s")
}

/// Whether `name` (any extension) is a Windows device name such as `con`, `nul.png`, `COM1`.
pub fn is_windows_device(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    let stem = stem
        .to_ascii_lowercase()
        .replace(['¹'], "1")
        .replace(['²'], "2")
        .replace(['³'], "3");
    WINDOWS_DEVICES.contains(&stem.as_str())
}

impl Deck {
    /// Checks that every chart name is a safe, unique file name on every system: letters,
    /// digits, `-`, `_` and `.`, not starting with `.`, at most 100 bytes, not a Windows device
    /// name, and unique after case folding ([`fold_name`]). Returns the first problem.
    pub fn check_names(&self) -> Result<(), NameProblem> {
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (index, c) in self.charts.iter().enumerate() {
            let problem = |fault: NameFault| NameProblem {
                index: Some(index),
                fault,
            };
            let n = c.name.as_str();
            let shown = crate::model::text::shorten(n).into_owned();
            let ok = !n.is_empty()
                && n.len() <= 100
                && !n.starts_with('.')
                && n.chars()
                    .all(|ch| ch.is_alphanumeric() || matches!(ch, '-' | '_' | '.'));
            if !ok {
                return Err(problem(NameFault::NotAFileName(shown)));
            }
            if is_windows_device(n) {
                return Err(problem(NameFault::WindowsDevice(shown)));
            }
            if let Some(&first) = seen.get(&fold_name(n)) {
                let other = &self.charts[first].name;
                return Err(problem(if other == n {
                    NameFault::UsedTwice(shown)
                } else {
                    NameFault::SameFileIgnoringCase(shown, other.clone())
                }));
            }
            seen.insert(fold_name(n), index);
        }
        if self.charts.is_empty() {
            return Err(NameProblem {
                index: None,
                fault: NameFault::NoCharts,
            });
        }
        Ok(())
    }
}

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(io::MAX_NESTING)
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, path: &Path) -> Result<T, LoadError> {
    options()
        .from_str::<T>(text)
        .map_err(|e| LoadError::Syntax {
            path: path.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
            problem: crate::io::syntax::SyntaxProblem::Ron(Box::new(e.code)),
        })
}

/// Parses chart-description text (`ChartSpec(...)`); `path` names it in errors.
pub fn parse_chart_spec(text: &str, path: &Path) -> Result<ChartSpec, LoadError> {
    parse(text, path)
}

/// Parses deck text (`Deck(...)`); `path` names it in errors. The deck keeps the positions
/// of its fields and charts ([`Deck::spans`]) for later messages.
pub fn parse_deck(text: &str, path: &Path) -> Result<Deck, LoadError> {
    let mut deck: Deck = parse(text, path)?;
    deck.spans = deck_spans::locate(text);
    Ok(deck)
}

/// Reads a chart-description file.
pub fn read_chart_spec(path: &Path) -> Result<ChartSpec, LoadError> {
    parse_chart_spec(
        &io::ron_file::read_text_limited(path, io::read::MAX_SPEC_BYTES)?,
        path,
    )
}

/// Reads a deck file.
pub fn read_deck(path: &Path) -> Result<Deck, LoadError> {
    parse_deck(
        &io::ron_file::read_text_limited(path, io::read::MAX_SPEC_BYTES)?,
        path,
    )
}

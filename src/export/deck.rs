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

impl Deck {
    /// Checks that every chart name is a safe, unique file name; returns the first problem.
    pub fn check_names(&self) -> Result<(), String> {
        let mut seen: Vec<&str> = Vec::new();
        for c in &self.charts {
            let n = c.name.as_str();
            let ok = !n.is_empty()
                && n.len() <= 100
                && !n.starts_with('.')
                && n.chars()
                    .all(|ch| ch.is_alphanumeric() || matches!(ch, '-' | '_' | '.'));
            if !ok {
                return Err(format!(
                    "chart name `{n}` is not a valid file name (use letters, digits, `-`, `_` or `.`, not starting with `.`)"
                ));
            }
            if seen.iter().any(|s| s.eq_ignore_ascii_case(n)) {
                return Err(format!("chart name `{n}` is used twice"));
            }
            seen.push(n);
        }
        if self.charts.is_empty() {
            return Err("the deck has no charts".into());
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
        })
}

/// Parses chart-description text (`ChartSpec(...)`); `path` names it in errors.
pub fn parse_chart_spec(text: &str, path: &Path) -> Result<ChartSpec, LoadError> {
    parse(text, path)
}

/// Parses deck text (`Deck(...)`); `path` names it in errors.
pub fn parse_deck(text: &str, path: &Path) -> Result<Deck, LoadError> {
    parse(text, path)
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

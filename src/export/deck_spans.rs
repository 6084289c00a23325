/*!
Where the parts of a deck file are: a light second pass over the RON text, after it parsed,
that finds the deck's `size` and `dpi` fields and each chart entry (its `name` and `size`
fields) so that errors found later (a size that is not valid, a resolution out of range, a
duplicate name) can name `deck.ron:LINE:COLUMN`. It skips strings, raw strings, characters
and comments, and counts columns in characters, like the syntax errors.
*/

/// A 1-based (line, column) in a file; the column counts characters.
pub type Pos = (usize, usize);

/// Positions in a deck file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeckSpans {
    /// The deck's `size` field.
    pub size: Option<Pos>,
    /// The deck's `dpi` field.
    pub dpi: Option<Pos>,
    /// Each chart entry of `charts`, in order.
    pub charts: Vec<ChartSpan>,
}

/// Positions in one chart entry of a deck.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChartSpan {
    /// The entry: its `name` field, else its opening bracket.
    pub entry: Pos,
    /// Its `size` field.
    pub size: Option<Pos>,
}

impl DeckSpans {
    /// Where chart number `index` is, if known.
    pub fn chart(&self, index: usize) -> Option<&ChartSpan> {
        self.charts.get(index)
    }
}

/// Finds the positions of the deck's fields and chart entries in `text` (RON `Deck(...)`).
pub fn locate(text: &str) -> DeckSpans {
    let mut spans = DeckSpans::default();
    let chars: Vec<char> = text.chars().collect();
    let (mut i, mut line, mut col) = (0usize, 1usize, 1usize);
    let mut depth = 0usize;
    // the key seen last at depth 1, and whether the open depth-2 list is `charts`
    let mut key_at_1 = String::new();
    let mut in_charts = false;
    // advance over chars[i], keeping line and column
    macro_rules! bump {
        () => {{
            if chars[i] == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
            i += 1;
        }};
    }
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    bump!();
                }
            }
            '/' if next == Some('*') => {
                let mut nest = 0usize;
                while i < chars.len() {
                    if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                        nest += 1;
                        bump!();
                        bump!();
                    } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                        bump!();
                        bump!();
                        nest -= 1;
                        if nest == 0 {
                            break;
                        }
                    } else {
                        bump!();
                    }
                }
            }
            '"' | '\'' => {
                bump!();
                while i < chars.len() && chars[i] != c {
                    if chars[i] == '\\' {
                        bump!();
                        if i >= chars.len() {
                            break;
                        }
                    }
                    bump!();
                }
                if i < chars.len() {
                    bump!();
                }
            }
            'r' if matches!(next, Some('"' | '#')) => {
                bump!();
                let mut hashes = 0usize;
                while i < chars.len() && chars[i] == '#' {
                    hashes += 1;
                    bump!();
                }
                if i < chars.len() && chars[i] == '"' {
                    bump!();
                    while i < chars.len() {
                        if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                            for _ in 0..=hashes {
                                bump!();
                            }
                            break;
                        }
                        bump!();
                    }
                }
            }
            '(' | '[' | '{' => {
                if depth == 1 {
                    in_charts = key_at_1 == "charts";
                }
                if depth == 2 && in_charts {
                    spans.charts.push(ChartSpan {
                        entry: (line, col),
                        size: None,
                    });
                }
                depth += 1;
                bump!();
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                bump!();
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = (line, col);
                let mut ident = String::new();
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    ident.push(chars[i]);
                    bump!();
                }
                let mut j = i;
                while j < chars.len() && chars[j].is_whitespace() {
                    j += 1;
                }
                if chars.get(j) != Some(&':') {
                    continue;
                }
                match (depth, ident.as_str()) {
                    (1, "size") => spans.size = Some(start),
                    (1, "dpi") => spans.dpi = Some(start),
                    (1, _) => {}
                    (3, "name") if in_charts => {
                        if let Some(last) = spans.charts.last_mut() {
                            last.entry = start;
                        }
                    }
                    (3, "size") if in_charts => {
                        if let Some(last) = spans.charts.last_mut() {
                            last.size = Some(start);
                        }
                    }
                    _ => {}
                }
                if depth == 1 {
                    key_at_1 = ident;
                }
            }
            _ => bump!(),
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_deck_fields_and_chart_entries() {
        let text = "#![enable(implicit_some)]\n// size: \"x\"\nDeck(\n    size: \"4k\", /* dpi: 1 */\n    dpi: 96,\n    charts: [\n        (\n            name: \"a(\",\n            spec: ChartSpec(kind: Ranking, indicators: [\"nps\"], title: r#\"size: \"#),\n            size: \"huge\",\n        ),\n        (name: \"b\", spec: ChartSpec(kind: Ranking, indicators: ['x'])),\n    ],\n)";
        let s = locate(text);
        assert_eq!(s.size, Some((4, 5)));
        assert_eq!(s.dpi, Some((5, 5)));
        assert_eq!(s.charts.len(), 2);
        assert_eq!(s.charts[0].entry, (8, 13));
        assert_eq!(s.charts[0].size, Some((10, 13)));
        assert_eq!(s.charts[1].entry, (12, 10));
        assert_eq!(s.charts[1].size, None);
    }
}

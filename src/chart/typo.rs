/*!
French typography for every text of a figure, applied once in the core so the screen and every
export show the same: a narrow no-break space before `;` `!` `?`, a no-break space before `:`,
typographic apostrophes (’). Times (`5:12`) and web addresses (`https:`) are left alone.
*/

use super::figure::Figure;
use crate::model::Lang;

/// `text` with French punctuation spacing and apostrophes.
pub fn french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\'' => out.push('’'),
            ';' | '!' | '?' | ':' => {
                let before = out.chars().last();
                let after = chars.get(i + 1).copied();
                let time = c == ':'
                    && before.is_some_and(|b| b.is_ascii_digit())
                    && after.is_some_and(|a| a.is_ascii_digit());
                let address = c == ':' && after == Some('/');
                let space = if c == ':' { '\u{a0}' } else { '\u{202f}' };
                if !(time || address) {
                    match before {
                        Some(' ') => {
                            out.pop();
                            out.push(space);
                        }
                        Some('\u{a0}' | '\u{202f}') | None => {}
                        // "!!" or "?!" keep together
                        Some('!' | '?') => {}
                        Some(_) => out.push(space),
                    }
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Applies [`french`] to every text of `fig` when its locale is French.
pub fn apply(fig: &mut Figure) {
    if fig.locale.lang() != Lang::Fr {
        return;
    }
    let fix = |s: &mut String| *s = french(s);
    fix(&mut fig.title);
    fix(&mut fig.subtitle);
    for axis in [&mut fig.x, &mut fig.y] {
        fix(&mut axis.label);
        axis.categories.iter_mut().for_each(fix);
    }
    for s in &mut fig.series {
        fix(&mut s.label);
        for p in &mut s.points {
            fix(&mut p.label);
            fix(&mut p.tooltip);
            fix(&mut p.region);
            fix(&mut p.indicator);
        }
    }
    fig.sources.iter_mut().for_each(fix);
    fig.warnings.iter_mut().for_each(fix);
    if let Some(n) = &mut fig.notice {
        fix(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_punctuation_and_apostrophes() {
        assert_eq!(
            french("Taux d'abandon : 5 %; ok? oui!"),
            "Taux d’abandon\u{a0}: 5 %\u{202f}; ok\u{202f}? oui\u{202f}!"
        );
        // already right, times and addresses: unchanged
        for s in [
            "a\u{a0}: b",
            "5:12",
            "https://x.fr",
            "«\u{a0}?\u{a0}»",
            "a\u{202f};",
        ] {
            assert_eq!(french(s), s);
        }
    }
}

/*!
Text-level helpers for import: encoding detection (UTF-8 with or without BOM, UTF-16 with
BOM, otherwise Windows-1252, the French Excel default), delimiter sniffing (`,` `;` tab),
number parsing without allocation (decimal comma or point, thousands separators including
spaces, NBSP and narrow NBSP, a trailing `%`), missing-value tokens, slugs and name
normalisation for matching.
*/

use std::borrow::Cow;

/// Character encoding of a text file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// Windows-1252 (Excel's "CSV (separator: semicolon)" on French Windows).
    Windows1252,
}

impl Encoding {
    /// Human name.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }

    /// Length of the byte-order mark at the start of the file.
    pub fn bom_len(self) -> usize {
        match self {
            Encoding::Utf8Bom => 3,
            Encoding::Utf16Le | Encoding::Utf16Be => 2,
            Encoding::Utf8 | Encoding::Windows1252 => 0,
        }
    }
}

/// Why the start of a file is not text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotText {
    /// Byte offset of the first offending byte.
    pub offset: usize,
    /// What the file looks like instead, when recognisable.
    pub looks_like: Option<crate::i18n::Msg>,
}

/// Detects the encoding from the first bytes of a file (`head`, e.g. 64 KiB). Valid UTF-8
/// (a multi-byte character cut at the end of `head` is allowed) is UTF-8; anything else
/// is Windows-1252. Control bytes other than tab, CR, LF and form feed mean the file is
/// not text.
pub fn detect_encoding(head: &[u8]) -> Result<Encoding, NotText> {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        check_text(&head[3..]).map_err(|o| shift(o, 3))?;
        return Ok(Encoding::Utf8Bom);
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return Ok(Encoding::Utf16Le);
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return Ok(Encoding::Utf16Be);
    }
    let looks_like = if head.starts_with(b"PK\x03\x04") {
        Some(crate::i18n::Msg::LooksZip)
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some(crate::i18n::Msg::LooksXls)
    } else if head.starts_with(b"%PDF") {
        Some(crate::i18n::Msg::LooksPdf)
    } else {
        None
    };
    if looks_like.is_some() {
        return Err(NotText {
            offset: 0,
            looks_like,
        });
    }
    check_text(head)?;
    match std::str::from_utf8(head) {
        Ok(_) => Ok(Encoding::Utf8),
        Err(e) if e.error_len().is_none() => Ok(Encoding::Utf8),
        Err(_) => Ok(Encoding::Windows1252),
    }
}

fn shift(mut e: NotText, by: usize) -> NotText {
    e.offset += by;
    e
}

fn check_text(bytes: &[u8]) -> Result<(), NotText> {
    match bytes
        .iter()
        .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
    {
        Some(offset) => Err(NotText {
            offset,
            looks_like: None,
        }),
        None => Ok(()),
    }
}

/// Decodes a whole UTF-16 file (after its BOM) to UTF-8 bytes.
pub fn decode_utf16(bytes: &[u8], encoding: Encoding) -> Vec<u8> {
    let enc = match encoding {
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
        _ => encoding_rs::UTF_16LE,
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    text.into_owned().into_bytes()
}

/// Decodes one field. UTF-8 files decode without copying; bytes that are not valid UTF-8
/// (and every non-ASCII byte of a Windows-1252 file) are read as Windows-1252.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Cow<'_, str> {
    if (encoding != Encoding::Windows1252 || bytes.is_ascii())
        && let Ok(s) = std::str::from_utf8(bytes)
    {
        return Cow::Borrowed(s);
    }
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
}

/// Trims ASCII white space, NBSP (UTF-8 and Windows-1252) and narrow NBSP at both ends.
#[inline]
pub fn trim(b: &[u8]) -> &[u8] {
    let edge = |c: u8| {
        c.is_ascii_whitespace() || c == 0xA0 || c == 0xC2 || c == 0xE2 || c == 0xAF || c == 0x89
    };
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) if !edge(f) && !edge(l) => b,
        (None, _) => b,
        _ => trim_edges(b),
    }
}

/// [`trim`] of a cell that starts or ends with a space-like byte.
#[cold]
fn trim_edges(mut b: &[u8]) -> &[u8] {
    loop {
        let before = b.len();
        while let [first, rest @ ..] = b
            && (first.is_ascii_whitespace() || *first == 0xA0)
        {
            b = rest;
        }
        while let [rest @ .., last] = b
            && (last.is_ascii_whitespace() || *last == 0xA0)
        {
            b = rest;
        }
        if let Some(rest) = b.strip_prefix(&[0xC2, 0xA0]) {
            b = rest;
        }
        if let Some(rest) = b.strip_suffix(&[0xC2, 0xA0]) {
            b = rest;
        }
        if let Some(rest) = b
            .strip_prefix(&[0xE2, 0x80, 0xAF])
            .or_else(|| b.strip_prefix(&[0xE2, 0x80, 0x89]))
        {
            b = rest;
        }
        if let Some(rest) = b
            .strip_suffix(&[0xE2, 0x80, 0xAF])
            .or_else(|| b.strip_suffix(&[0xE2, 0x80, 0x89]))
        {
            b = rest;
        }
        if b.len() == before {
            return b;
        }
    }
}

/// Tokens read as a missing value (compared after trimming, ASCII case ignored):
/// empty, `NA`, `N/A`, `#N/A`, `-`, `--`, `..`, `...`, `…`, `–`, `—`.
pub const MISSING_TOKENS: [&str; 10] = ["na", "n/a", "#n/a", "-", "--", "..", "...", "…", "–", "—"];

/// Whether a (trimmed) field is a missing value.
pub fn is_missing(trimmed: &[u8]) -> bool {
    trimmed.is_empty()
        || (trimmed.len() <= 4
            && MISSING_TOKENS
                .iter()
                .any(|t| t.as_bytes().eq_ignore_ascii_case(trimmed)))
}

/// Outcome of reading a number field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A missing value (see [`MISSING_TOKENS`]).
    Missing,
    /// A finite number.
    Value(f64),
    /// Not a number.
    Invalid,
}

/// Parses a number without allocating: `12.5`, `12,5`, `1 234,5` (space, NBSP or narrow
/// NBSP between thousands), `1.234,5`, `1,234.5`, `-3`, `12,5 %`, `1e3`.
///
/// With one separator followed by exactly three digits (`1,234`, `1.234`) the file's
/// convention decides: `decimal_comma` reads `1,234` as 1.234 and `1.234` as 1.234;
/// otherwise `1,234` is 1234. Groups after a thousands separator must have three digits.
pub fn parse_number(raw: &[u8], decimal_comma: bool) -> Number {
    let t = trim(raw);
    // the common case of raw exports: a plain whole number of up to 15 digits
    if !t.is_empty() && t.len() <= 15 && t.iter().all(u8::is_ascii_digit) {
        let v = t.iter().fold(0u64, |a, d| a * 10 + u64::from(d - b'0'));
        return Number::Value(v as f64);
    }
    if is_missing(t) {
        return Number::Missing;
    }
    let t = match t.strip_suffix(b"%") {
        Some(rest) => trim(rest),
        None => t,
    };
    let mut buf = [0u8; 64];
    let mut n = 0usize;
    let (mut commas, mut dots) = (0usize, 0usize);
    let (mut last_comma, mut last_dot) = (0usize, 0usize);
    let mut i = 0;
    while i < t.len() {
        let b = t[i];
        let skip = match b {
            b' ' | b'\'' | 0xA0 => 1,
            0xC2 if t.get(i + 1) == Some(&0xA0) => 2,
            0xE2 if t.get(i + 1) == Some(&0x80) && matches!(t.get(i + 2), Some(0xAF | 0x89)) => 3,
            _ => 0,
        };
        if skip > 0 {
            // a space-like thousands separator: the next group must have 3 digits
            let group = t[i + skip..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if group != 3 || n == 0 {
                return Number::Invalid;
            }
            i += skip;
            continue;
        }
        if !(b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b',' | b'e' | b'E')) {
            return Number::Invalid;
        }
        if n == buf.len() {
            return Number::Invalid;
        }
        if b == b',' {
            commas += 1;
            last_comma = n;
        } else if b == b'.' {
            dots += 1;
            last_dot = n;
        }
        buf[n] = b;
        n += 1;
        i += 1;
    }
    let digits = &mut buf[..n];
    if !digits.iter().any(u8::is_ascii_digit) {
        return Number::Invalid;
    }
    // which separator is the decimal one
    let decimal: Option<u8> = match (commas, dots) {
        (0, 0) => None,
        (_, 0) if commas > 1 => None,
        (0, _) if dots > 1 => None,
        (1, 0) => {
            let after = digits[last_comma + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if !decimal_comma && after == 3 && last_comma > 0 {
                None
            } else {
                Some(b',')
            }
        }
        (0, 1) => Some(b'.'),
        _ => {
            if last_comma > last_dot {
                Some(b',')
            } else {
                Some(b'.')
            }
        }
    };
    let thousands = match decimal {
        Some(b',') => b'.',
        Some(_) => b',',
        None if commas > 0 => b',',
        None => b'.',
    };
    // check grouping and compact into a plain float literal
    let mut out = [0u8; 64];
    let mut m = 0usize;
    let mut seen_decimal = false;
    for (k, &b) in digits.iter().enumerate() {
        if b == thousands && (commas + dots) > 0 && Some(b) != decimal {
            if seen_decimal {
                return Number::Invalid;
            }
            let group = digits[k + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let before = digits[..k]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if group != 3 || before == 0 {
                return Number::Invalid;
            }
            continue;
        }
        if Some(b) == decimal {
            seen_decimal = true;
            out[m] = b'.';
        } else {
            out[m] = b;
        }
        m += 1;
    }
    match std::str::from_utf8(&out[..m])
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
    {
        Some(v) if v.is_finite() => Number::Value(v),
        _ => Number::Invalid,
    }
}

/// Picks the field delimiter among `,` `;` and tab from the first lines of `head` (quotes
/// respected): the candidate found the same number of times (at least once) on most lines
/// wins; ties go to the one with more fields. `fallback` is used when nothing is found
/// (a single-column file).
pub fn sniff_delimiter(head: &[u8], fallback: u8) -> u8 {
    const CANDIDATES: [u8; 3] = [b'\t', b';', b','];
    const MAX_LINES: usize = 50;
    let mut counts: Vec<[usize; 3]> = Vec::new();
    let mut cur = [0usize; 3];
    let mut in_quotes = false;
    let mut i = 0;
    while i < head.len() && counts.len() < MAX_LINES {
        let b = head[i];
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if !in_quotes {
            if b == b'\n' {
                counts.push(cur);
                cur = [0; 3];
            } else if let Some(k) = CANDIDATES.iter().position(|&c| c == b) {
                cur[k] += 1;
            }
        }
        i += 1;
    }
    if i >= head.len() && cur.iter().any(|&c| c > 0) && counts.len() < MAX_LINES {
        counts.push(cur);
    }
    let Some(first) = counts.first().copied() else {
        return fallback;
    };
    let mut best: Option<(usize, usize, u8)> = None;
    for (k, &cand) in CANDIDATES.iter().enumerate() {
        if first[k] == 0 {
            continue;
        }
        let agree = counts.iter().filter(|c| c[k] == first[k]).count();
        let key = (agree, first[k], cand);
        if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
            best = Some(key);
        }
    }
    best.map_or(fallback, |b| b.2)
}

/// Lowercase, accents removed, punctuation and spaces folded to single spaces: the form
/// names are compared in (`"Royaume-Uni"` → `"royaume uni"`, `"Année"` → `"annee"`).
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        let c = fold_accent(c);
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'A',
        'ç' => 'c',
        'Ç' => 'C',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'œ' => 'o',
        _ => c,
    }
}

/// A lowercase slug for a new id (`"Côte d'Ivoire"` → `"cote_d_ivoire"`); never empty.
pub fn slug(name: &str) -> String {
    let s: String = fold_name(name)
        .chars()
        .map(|c| if c == ' ' { '_' } else { c })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if s.is_empty() { "item".into() } else { s }
}

/// Spreadsheet column letters for a 0-based column index (0 → `A`, 27 → `AB`).
pub fn column_letters(index0: usize) -> String {
    let mut n = index0 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str, dc: bool) -> Number {
        parse_number(s.as_bytes(), dc)
    }

    #[test]
    fn numbers_in_every_convention() {
        assert_eq!(num("12.5", false), Number::Value(12.5));
        assert_eq!(num("12,5", true), Number::Value(12.5));
        assert_eq!(num("12,5", false), Number::Value(12.5));
        assert_eq!(num("1 234,5", true), Number::Value(1234.5));
        assert_eq!(num("1\u{a0}234,5", true), Number::Value(1234.5));
        assert_eq!(
            num("1\u{202f}234\u{202f}567", true),
            Number::Value(1_234_567.0)
        );
        assert_eq!(num("1.234,5", true), Number::Value(1234.5));
        assert_eq!(num("1,234.5", false), Number::Value(1234.5));
        assert_eq!(num("1,234", false), Number::Value(1234.0));
        assert_eq!(num("1,234", true), Number::Value(1.234));
        assert_eq!(num("1,234,567", false), Number::Value(1_234_567.0));
        assert_eq!(num("-3", false), Number::Value(-3.0));
        assert_eq!(num(" 12,5 % ", true), Number::Value(12.5));
        assert_eq!(num("1e3", false), Number::Value(1000.0));
        // Windows-1252 NBSP byte
        assert_eq!(parse_number(b"1\xa0234", true), Number::Value(1234.0));
    }

    #[test]
    fn missing_and_invalid() {
        for m in ["", "  ", "NA", "n/a", "N/A", "-", "..", "#N/A", "—"] {
            assert_eq!(num(m, true), Number::Missing, "{m:?}");
        }
        for bad in [
            "abc",
            "12a",
            "1,2,3",
            "1 23",
            "inf",
            "NaN",
            "1.2.3,4,5",
            "--5",
            "%",
        ] {
            assert_eq!(num(bad, false), Number::Invalid, "{bad:?}");
        }
    }

    #[test]
    fn encodings() {
        assert_eq!(detect_encoding(b"\xef\xbb\xbfa;b\n"), Ok(Encoding::Utf8Bom));
        assert_eq!(detect_encoding("Région;x".as_bytes()), Ok(Encoding::Utf8));
        assert_eq!(detect_encoding(b"R\xe9gion;x"), Ok(Encoding::Windows1252));
        assert_eq!(decode(b"R\xe9gion", Encoding::Windows1252), "Région");
        assert_eq!(decode(b"R\xe9gion", Encoding::Utf8), "Région");
        // a UTF-8 character cut at the end of the sample is still UTF-8
        assert_eq!(detect_encoding(&"aé".as_bytes()[..2]), Ok(Encoding::Utf8));
        let bin = detect_encoding(b"ab\x00\x01");
        assert_eq!(bin.map_err(|e| e.offset), Err(2));
        assert!(detect_encoding(b"PK\x03\x04xx").is_err());
    }

    #[test]
    fn delimiters() {
        assert_eq!(sniff_delimiter(b"a;b;c\n1,5;2;3\n", b','), b';');
        assert_eq!(sniff_delimiter(b"a,b,c\n\"1;2\",2,3\n", b';'), b',');
        assert_eq!(sniff_delimiter(b"a\tb\n1,5\t2\n", b','), b'\t');
        assert_eq!(sniff_delimiter(b"a\n1\n", b','), b',');
        assert_eq!(
            sniff_delimiter(b"Entity,Code,Year,Share (%)\nA,B,1975,5.3", b';'),
            b','
        );
    }

    #[test]
    fn names_and_letters() {
        assert_eq!(fold_name("Royaume-Uni"), "royaume uni");
        assert_eq!(fold_name(" Année "), "annee");
        assert_eq!(slug("Côte d'Ivoire"), "cote_d_ivoire");
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(27), "AB");
    }
}

/*!
A fast path for the one large part of a dataset file: the `observations` list.

The `ron` crate parses about 30 MB/s; a million observations (≈ 145 MB of RON) would take
seconds. This module recognises the plain form of observation records that servicescope writes
(`(region: "uk", channel: "phone", indicator: "nps", period: "2016", value: 12.5, …)`: plain
strings without escapes, plain numbers, `None`/`Some(…)`, grade names, `//` comments) and parses
it directly, borrowing strings from the file text.

It never reports errors itself: on anything outside that plain form it gives up (`None`) and
the caller parses the whole file with `ron`, which reports the located error. Records it does
accept are exactly those `ron` would produce (property-tested against `ron`).
*/

use crate::model::{Grade, ObservationRecord, Period};
use std::borrow::Cow;

/// Byte range of the `[ … ]` value of the top-level `observations` field, if the file has one
/// and its surroundings are plain enough to find it.
pub fn find_observations(text: &str) -> Option<(usize, usize)> {
    let start = find_observations_start(text)?;
    let end = skip_value(text.as_bytes(), start)?;
    Some((start, end))
}

/// Byte index of the `[` opening the top-level `observations` list, found without reading
/// the list itself (so a streaming reader needs only the text before it).
pub fn find_observations_start(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0)?;
    // inner attributes such as #![enable(implicit_some)]
    while b.get(i) == Some(&b'#') {
        i = skip_value_until(b, i + 1, b']')? + 1;
        i = skip_ws(b, i)?;
    }
    if b.get(i).is_some_and(u8::is_ascii_alphabetic) {
        let (id, next) = ident(b, i)?;
        if id != "Dataset" {
            return None;
        }
        i = skip_ws(b, next)?;
    }
    if b.get(i) != Some(&b'(') {
        return None;
    }
    i += 1;
    loop {
        i = skip_ws(b, i)?;
        match b.get(i)? {
            b')' => return None,
            b',' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let (id, next) = ident(b, i)?;
        i = skip_ws(b, next)?;
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1)?;
        if id == "observations" {
            return (b.get(i) == Some(&b'[')).then_some(i);
        }
        i = skip_value(b, i)?;
    }
}

/// Parses the `[ … ]` list at `text[start..end]`; `None` when it is not in the plain form.
pub fn parse_observations(
    text: &str,
    start: usize,
    end: usize,
) -> Option<Vec<ObservationRecord<'_>>> {
    let b = &text.as_bytes()[..end];
    if b.get(start) != Some(&b'[') {
        return None;
    }
    // about 110 bytes per record in files we write
    let mut out = Vec::with_capacity((end - start) / 100 + 1);
    let mut i = start + 1;
    loop {
        i = skip_ws(b, i)?;
        match b.get(i)? {
            b']' => return (i + 1 == end).then_some(out),
            b'(' => {
                let (rec, next) = record(text, b, i + 1)?;
                out.push(rec);
                i = skip_ws(b, next)?;
                match b.get(i)? {
                    b',' => i += 1,
                    b']' => {}
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
}

/// One record in plain form, `text[open..]` starting with its `(`: the record and the index
/// just after its `)`. `None` when the record is not in plain form or is cut off by the end
/// of `text`.
pub fn parse_record(text: &str, open: usize) -> Option<(ObservationRecord<'_>, usize)> {
    let b = text.as_bytes();
    if b.get(open) != Some(&b'(') {
        return None;
    }
    record(text, b, open + 1)
}

/// Index of the first byte at or after `i` that is not white space or a `//` comment;
/// `None` on a block comment (left to `ron`).
pub fn skip_blank(text: &str, i: usize) -> Option<usize> {
    skip_ws(text.as_bytes(), i)
}

fn record<'a>(text: &'a str, b: &[u8], mut i: usize) -> Option<(ObservationRecord<'a>, usize)> {
    let mut region = None;
    let mut channel = None;
    let mut segment = None;
    let mut indicator = None;
    let mut period = None;
    let mut value = None;
    let mut sample_size = None;
    let mut margin = None;
    let mut source = None;
    let mut grade = None;
    let mut note = None;
    let mut seen = 0u16;
    loop {
        i = skip_ws(b, i)?;
        if b.get(i)? == &b')' {
            break;
        }
        let (id, next) = ident(b, i)?;
        i = skip_ws(b, next)?;
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1)?;
        let bit = match id {
            "region" => 0,
            "channel" => 1,
            "indicator" => 2,
            "period" => 3,
            "value" => 4,
            "sample_size" => 5,
            "margin" => 6,
            "source" => 7,
            "grade" => 8,
            "note" => 9,
            "segment" => 10,
            _ => return None,
        };
        if seen & (1 << bit) != 0 {
            return None;
        }
        seen |= 1 << bit;
        i = match bit {
            0 => {
                let (s, n) = string(text, b, i)?;
                region = Some(s);
                n
            }
            2 => {
                let (s, n) = string(text, b, i)?;
                indicator = Some(s);
                n
            }
            3 => {
                let (s, n) = string(text, b, i)?;
                period = Some(Period::parse(s).ok()?);
                n
            }
            1 | 7 | 9 | 10 => {
                let (s, n) = optional(b, i, |j| string(text, b, j))?;
                let s = s.map(Cow::Borrowed);
                match bit {
                    1 => channel = s,
                    7 => source = s,
                    10 => segment = s,
                    _ => note = s,
                }
                n
            }
            4 | 6 => {
                let (v, n) = optional(b, i, |j| float(b, j))?;
                if bit == 4 {
                    value = v;
                } else {
                    margin = v;
                }
                n
            }
            5 => {
                let (v, n) = optional(b, i, |j| {
                    let (f, n) = number_token(b, j)?;
                    let v: u32 = f.parse().ok()?;
                    Some((v, n))
                })?;
                sample_size = v;
                n
            }
            _ => {
                let (g, n) = optional(b, i, |j| {
                    let (id, n) = ident(b, j)?;
                    let g = match id {
                        "Measured" => Grade::Measured,
                        "Estimated" => Grade::Estimated,
                        "Illustrative" => Grade::Illustrative,
                        _ => return None,
                    };
                    Some((g, n))
                })?;
                grade = g;
                n
            }
        };
        i = skip_ws(b, i)?;
        match b.get(i)? {
            b',' => i += 1,
            b')' => {}
            _ => return None,
        }
    }
    let rec = ObservationRecord {
        region: Cow::Borrowed(region?),
        channel,
        segment,
        indicator: Cow::Borrowed(indicator?),
        period: period?,
        value,
        sample_size,
        margin,
        source,
        grade,
        note,
    };
    Some((rec, i + 1))
}

/// `None`, `Some(x)` or a bare `x` (implicit_some).
fn optional<T>(
    b: &[u8],
    i: usize,
    inner: impl Fn(usize) -> Option<(T, usize)>,
) -> Option<(Option<T>, usize)> {
    if b[i..].starts_with(b"None") && !b.get(i + 4).is_some_and(|c| is_ident_byte(*c)) {
        return Some((None, i + 4));
    }
    if b[i..].starts_with(b"Some") && !b.get(i + 4).is_some_and(|c| is_ident_byte(*c)) {
        let j = skip_ws(b, i + 4)?;
        if b.get(j) != Some(&b'(') {
            return None;
        }
        let (v, n) = inner(skip_ws(b, j + 1)?)?;
        let n = skip_ws(b, n)?;
        if b.get(n) != Some(&b')') {
            return None;
        }
        return Some((Some(v), n + 1));
    }
    let (v, n) = inner(i)?;
    Some((Some(v), n))
}

/// A plain string literal without escapes, borrowed from the text.
fn string<'a>(text: &'a str, b: &[u8], i: usize) -> Option<(&'a str, usize)> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let rest = &b[i + 1..];
    let len = rest.iter().position(|&c| c == b'"' || c == b'\\')?;
    if rest[len] != b'"' {
        return None;
    }
    Some((&text[i + 1..i + 1 + len], i + 2 + len))
}

/// The text of a plain decimal number: `-12`, `3.5`, `1e-3`.
fn number_token(b: &[u8], i: usize) -> Option<(&str, usize)> {
    // a run of at least one digit from `j`, and where it ends
    let digits = |mut j: usize| {
        let start = j;
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        (j > start).then_some(j)
    };
    let sign = |j: usize| j + usize::from(matches!(b.get(j), Some(b'-' | b'+')));
    let mut j = digits(sign(i))?;
    if b.get(j) == Some(&b'.') {
        j = digits(j + 1)?;
    }
    if matches!(b.get(j), Some(b'e' | b'E')) {
        j = digits(sign(j + 1))?;
    }
    if b.get(j).is_some_and(|c| is_ident_byte(*c)) {
        return None;
    }
    std::str::from_utf8(&b[i..j]).ok().map(|s| (s, j))
}

fn float(b: &[u8], i: usize) -> Option<(f64, usize)> {
    let (s, n) = number_token(b, i)?;
    let v: f64 = s.parse().ok()?;
    v.is_finite().then_some((v, n))
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn ident(b: &[u8], i: usize) -> Option<(&str, usize)> {
    if !b
        .get(i)
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
    {
        return None;
    }
    let mut j = i;
    while b.get(j).is_some_and(|c| is_ident_byte(*c)) {
        j += 1;
    }
    // raw identifiers (r#…) and raw strings (r"…") are left to ron
    if matches!(b.get(j), Some(b'#' | b'"')) {
        return None;
    }
    std::str::from_utf8(&b[i..j]).ok().map(|s| (s, j))
}

/// Skips white space and `//` comments; gives up on block comments.
fn skip_ws(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        match b.get(i) {
            Some(b' ' | b'\t' | b'\n' | b'\r') => i += 1,
            Some(b'/') => match b.get(i + 1) {
                Some(b'/') => {
                    i += 2;
                    while b.get(i).is_some_and(|&c| c != b'\n') {
                        i += 1;
                    }
                }
                _ => return None,
            },
            _ => return Some(i),
        }
    }
}

/// Deepest bracket nesting the scanner follows before giving up (and leaving the file to
/// `ron`, which has its own limit).
const MAX_DEPTH: usize = 32;

/// Skips one value starting at `i` (a bracketed group, string, or bare token) and returns the
/// index just after it.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    skip_value_at(b, i, 0)
}

fn skip_value_at(b: &[u8], i: usize, depth: usize) -> Option<usize> {
    if depth > MAX_DEPTH {
        return None;
    }
    match b.get(i)? {
        b'(' => skip_until_at(b, i + 1, b')', depth + 1).map(|j| j + 1),
        b'[' => skip_until_at(b, i + 1, b']', depth + 1).map(|j| j + 1),
        b'{' => skip_until_at(b, i + 1, b'}', depth + 1).map(|j| j + 1),
        b'"' => skip_string(b, i),
        b'\'' | b'r' if matches!(b.get(i + 1), Some(b'"' | b'#')) => None,
        _ => {
            let mut j = i;
            while b.get(j).is_some_and(|&c| {
                !matches!(
                    c,
                    b',' | b')' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r' | b'(' | b'/' | b'"'
                )
            }) {
                j += 1;
            }
            if j == i {
                return None;
            }
            // a named struct or enum variant with a body: Name( … )
            let k = skip_ws(b, j)?;
            if b.get(k) == Some(&b'(') {
                skip_value_at(b, k, depth)
            } else {
                Some(j)
            }
        }
    }
}

/// Skips values until the closing byte `close` at depth 0; returns its index.
fn skip_value_until(b: &[u8], i: usize, close: u8) -> Option<usize> {
    skip_until_at(b, i, close, 0)
}

fn skip_until_at(b: &[u8], mut i: usize, close: u8, depth: usize) -> Option<usize> {
    loop {
        i = skip_ws(b, i)?;
        match b.get(i)? {
            c if *c == close => return Some(i),
            b',' | b':' => i += 1,
            b')' | b']' | b'}' => return None,
            _ => i = skip_value_at(b, i, depth)?,
        }
    }
}

fn skip_string(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        match b.get(j)? {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
}

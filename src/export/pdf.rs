/*!
SVG → PDF with svg2pdf: one page of the export's physical size (pixels at its DPI), text kept
as text with the bundled font embedded (subset), vector shapes kept as vectors.

The same input gives the same bytes: svg2pdf writes the entries of resource dictionaries
(`/gs0 8 0 R`, `/fo1 2 0 R`) and the font objects in hash order, which changes from run to run.
[`objects_in_order`] writes the objects by number (with a new cross-reference table),
[`canonical_order`] sorts each run of dictionary entries (a permutation of lines inside one
object, which moves nothing), and the conversion is repeated until the fonts' parts are
numbered in the fonts' order. A sorted font map in svg2pdf would make the last step
unnecessary.
*/

use super::{ExportError, raster};

/// Converts SVG text to a one-page PDF; `dpi` sets the page size from the pixel size.
pub fn to_pdf(svg: &str, dpi: u32) -> Result<Vec<u8>, ExportError> {
    let tree = raster::parse(svg)?;
    let page = svg2pdf::PageOptions { dpi: dpi as f32 };
    let mut last = Vec::new();
    // svg2pdf numbers the parts of each font in hash order: convert again (rarely more than
    // twice with our two fonts) until they come out in the order of the fonts themselves
    for _ in 0..FONT_ORDER_ATTEMPTS {
        let pdf = svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), page)
            .map_err(|e| ExportError::Pdf(e.to_string()))?;
        last = canonical_order(objects_in_order(pdf));
        if fonts_in_order(&last) {
            break;
        }
    }
    Ok(last)
}

/// Most conversions tried for a canonical font order (2⁻³² chance of missing it with 2 fonts).
const FONT_ORDER_ATTEMPTS: usize = 32;

/// Whether the descendant fonts are numbered in the order of their fonts (objects written in
/// numeric order, see [`objects_in_order`]).
pub(super) fn fonts_in_order(pdf: &[u8]) -> bool {
    let key = b"/DescendantFonts [";
    let mut numbers = Vec::new();
    let mut at = 0;
    while let Some(i) = find(pdf, key, at) {
        let rest = &pdf[i + key.len()..];
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let n: Option<usize> = std::str::from_utf8(&rest[..digits])
            .ok()
            .and_then(|t| t.parse().ok());
        numbers.push(n.unwrap_or(0));
        at = i + key.len();
    }
    numbers.windows(2).all(|w| w[0] < w[1])
}

/// The PDF with its objects in numeric order and the cross-reference table rewritten; the input
/// unchanged if its layout is not the classic one svg2pdf writes (one `xref` table, 20-byte
/// entries, no incremental update).
pub fn objects_in_order(pdf: Vec<u8>) -> Vec<u8> {
    reorder(&pdf).unwrap_or(pdf)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

fn reorder(pdf: &[u8]) -> Option<Vec<u8>> {
    let sx = pdf.windows(9).rposition(|w| w == b"startxref")?;
    let xref_at: usize = std::str::from_utf8(pdf.get(sx + 9..)?)
        .ok()?
        .split_ascii_whitespace()
        .next()?
        .parse()
        .ok()?;
    if pdf.get(xref_at..xref_at + 5)? != b"xref\n" {
        return None;
    }
    let head_end = find(pdf, b"\n", xref_at + 5)?;
    let head = std::str::from_utf8(&pdf[xref_at + 5..head_end]).ok()?;
    let mut nums = head.split(' ');
    let (first, count): (usize, usize) = (nums.next()?.parse().ok()?, nums.next()?.parse().ok()?);
    if first != 0 {
        return None;
    }
    let entries_at = head_end + 1;
    let trailer_at = entries_at + 20 * count;
    if pdf.get(trailer_at..trailer_at + 7)? != b"trailer" {
        return None;
    }
    // (number, offset) of every object in use
    let mut objs: Vec<(usize, usize)> = Vec::new();
    for i in 1..count {
        let e = pdf.get(entries_at + 20 * i..entries_at + 20 * i + 20)?;
        if e[17] == b'n' {
            let off: usize = std::str::from_utf8(&e[..10]).ok()?.parse().ok()?;
            objs.push((i, off));
        }
    }
    // each object ends where the next one (in file order) starts, the last at the table
    let mut by_offset = objs.clone();
    by_offset.sort_by_key(|&(_, off)| off);
    let body_start = by_offset.first()?.1;
    let mut span = std::collections::HashMap::new();
    for (k, &(num, off)) in by_offset.iter().enumerate() {
        let end = by_offset.get(k + 1).map_or(xref_at, |&(_, o)| o);
        if end < off {
            return None;
        }
        span.insert(num, (off, end));
    }
    let mut out = Vec::with_capacity(pdf.len());
    out.extend_from_slice(&pdf[..body_start]);
    let mut offsets = vec![None; count];
    objs.sort_by_key(|&(num, _)| num);
    for &(num, _) in &objs {
        let (a, b) = span[&num];
        offsets[num] = Some(out.len());
        out.extend_from_slice(&pdf[a..b]);
    }
    let new_xref = out.len();
    out.extend_from_slice(&pdf[xref_at..entries_at]);
    for (i, off) in offsets.iter().enumerate() {
        let entry = &pdf[entries_at + 20 * i..entries_at + 20 * i + 20];
        match off {
            Some(o) => {
                out.extend_from_slice(format!("{o:010}").as_bytes());
                out.extend_from_slice(&entry[10..]);
            }
            None => out.extend_from_slice(entry),
        }
    }
    out.extend_from_slice(&pdf[trailer_at..sx]);
    out.extend_from_slice(format!("startxref\n{new_xref}\n%%EOF").as_bytes());
    Some(out)
}

/// Whether `line` is one dictionary entry referring to an object: `  /Name 12 0 R`.
fn is_ref_entry(line: &[u8]) -> bool {
    let t = line.trim_ascii_start();
    let Some(rest) = t.strip_prefix(b"/") else {
        return false;
    };
    let mut parts = rest.split(|&b| b == b' ');
    let (Some(name), Some(num), Some(gen_), Some(r), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return false;
    };
    !name.is_empty()
        && name.iter().all(u8::is_ascii_alphanumeric)
        && !num.is_empty()
        && num.iter().all(u8::is_ascii_digit)
        && gen_ == b"0"
        && r == b"R"
}

/// Sorts every run of consecutive object-reference entries of a dictionary (same indentation),
/// in place; the file keeps its length and every object its offset.
pub fn canonical_order(mut pdf: Vec<u8>) -> Vec<u8> {
    // (start, end) of each line, without the newline
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &b) in pdf.iter().enumerate() {
        if b == b'\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    let indent = |l: &[u8]| l.len() - l.trim_ascii_start().len();
    let mut i = 0;
    while i < lines.len() {
        let (s0, e0) = lines[i];
        if !is_ref_entry(&pdf[s0..e0]) {
            i += 1;
            continue;
        }
        let depth = indent(&pdf[s0..e0]);
        let mut j = i + 1;
        while j < lines.len() {
            let (s, e) = lines[j];
            if !is_ref_entry(&pdf[s..e]) || indent(&pdf[s..e]) != depth {
                break;
            }
            j += 1;
        }
        if j - i > 1 {
            let (from, to) = (lines[i].0, lines[j - 1].1);
            let mut entries: Vec<Vec<u8>> = lines[i..j]
                .iter()
                .map(|&(s, e)| pdf[s..e].to_vec())
                .collect();
            entries.sort();
            let joined = entries.join(&b'\n');
            pdf[from..to].copy_from_slice(&joined);
        }
        i = j;
    }
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_entries_are_sorted_without_moving_anything() {
        let a = b"<<\n  /ExtGState <<\n    /gs2 10 0 R\n    /gs0 8 0 R\n    /gs1 9 0 R\n  >>\n  /Font <<\n    /fo1 2 0 R\n  >>\n>>\nstream\n/not 1 0 R\n".to_vec();
        let b = b"<<\n  /ExtGState <<\n    /gs0 8 0 R\n    /gs1 9 0 R\n    /gs2 10 0 R\n  >>\n  /Font <<\n    /fo1 2 0 R\n  >>\n>>\nstream\n/not 1 0 R\n".to_vec();
        let out = canonical_order(a.clone());
        assert_eq!(out, b);
        assert_eq!(out.len(), a.len());
        assert_eq!(canonical_order(b.clone()), b);
    }

    #[test]
    fn objects_are_written_by_number_with_a_matching_table() {
        // objects 2 then 1 in the file; the table gives their offsets
        let body = b"%PDF-1.7\n2 0 obj\n(b)\nendobj\n1 0 obj\n(a)\nendobj\n".to_vec();
        let o2 = 9;
        let o1 = body.len() - "1 0 obj\n(a)\nendobj\n".len();
        let mut pdf = body.clone();
        let xref = pdf.len();
        pdf.extend_from_slice(
            format!(
                "xref\n0 3\n0000000000 65535 f\r\n{o1:010} 00000 n\r\n{o2:010} 00000 n\r\ntrailer\n<< /Size 3 >>\nstartxref\n{xref}\n%%EOF"
            )
            .as_bytes(),
        );
        let out = objects_in_order(pdf.clone());
        let text = String::from_utf8(out.clone()).expect("ascii");
        assert!(text.starts_with("%PDF-1.7\n1 0 obj\n(a)\nendobj\n2 0 obj\n(b)\nendobj\nxref"));
        assert!(text.contains(&format!("{:010} 00000 n\r\n{:010} 00000 n", 9, 9 + 19)));
        assert_eq!(out.len(), pdf.len());
        // already in order: unchanged; not a PDF: unchanged
        assert_eq!(objects_in_order(out.clone()), out);
        assert_eq!(objects_in_order(b"garbage".to_vec()), b"garbage".to_vec());
    }

    #[test]
    fn only_reference_entries_count() {
        assert!(is_ref_entry(b"      /gs3 11 0 R"));
        assert!(!is_ref_entry(b"/Type /Page"));
        assert!(!is_ref_entry(b"/Length 12"));
        assert!(!is_ref_entry(b"/Kids [3 0 R]"));
    }
}

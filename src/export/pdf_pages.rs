/*!
Several SVG images → one PDF with one page per image, in order (a deck as one file).

Each image is converted by svg2pdf into a form XObject ([`svg2pdf::to_chunk`]), renumbered into
one document written with pdf-writer, and drawn on its own page of the image's physical size
(pixels at its DPI, as [`super::pdf::to_pdf`] does for one image). The bytes are deterministic
as for one page: each image's conversion is repeated until its fonts' parts are numbered in
the fonts' order, then the whole file goes through [`super::pdf::objects_in_order`] and
[`super::pdf::canonical_order`].
*/

use super::{ExportError, pdf, raster};
use pdf_writer::{Chunk, Content, Finish, Name, Pdf, Rect, Ref, TextStr};

/// One page: the SVG text of an image and the resolution that sets the page size.
#[derive(Clone, Debug)]
pub struct PageSvg {
    /// SVG text (its width and height in pixels give the page size at `dpi`).
    pub svg: String,
    /// Dots per inch of the pixel size.
    pub dpi: u32,
}

/// Most conversions tried per page for a canonical font order (as in [`super::pdf`]).
const FONT_ORDER_ATTEMPTS: usize = 32;

/// The multi-page PDF of `pages`, one page each, in order. An empty list is an error.
pub fn to_pdf_pages(pages: &[PageSvg]) -> Result<Vec<u8>, ExportError> {
    if pages.is_empty() {
        return Err(ExportError::Pdf("a PDF needs at least one page".into()));
    }
    let mut alloc = Ref::new(1);
    let catalog_id = alloc.bump();
    let tree_id = alloc.bump();
    let mut page_ids = Vec::with_capacity(pages.len());
    let mut body = Chunk::new();
    for page in pages {
        let tree = raster::parse(&page.svg)?;
        let (chunk, svg_id) = canonical_chunk(&tree, &mut alloc)?;
        let page_id = alloc.bump();
        let content_id = alloc.bump();
        let scale = 72.0 / page.dpi.max(1) as f32;
        let (w_pt, h_pt) = (tree.size().width() * scale, tree.size().height() * scale);
        let name = Name(b"S0");
        let mut p = body.page(page_id);
        p.media_box(Rect::new(0.0, 0.0, w_pt, h_pt));
        p.parent(tree_id);
        p.contents(content_id);
        p.resources().x_objects().pair(name, svg_id);
        p.finish();
        let mut content = Content::new();
        content
            .save_state()
            .transform([w_pt, 0.0, 0.0, h_pt, 0.0, 0.0])
            .x_object(name)
            .restore_state();
        body.stream(content_id, &content.finish());
        body.extend(&chunk);
        page_ids.push(page_id);
    }
    let mut doc = Pdf::new();
    doc.catalog(catalog_id).pages(tree_id);
    doc.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    doc.extend(&body);
    let info_id = alloc.bump();
    doc.document_info(info_id).producer(TextStr("servicescope"));
    Ok(pdf::canonical_order(pdf::objects_in_order(doc.finish())))
}

/// The image as a chunk numbered from `alloc` in the order svg2pdf numbered it, converted
/// again until its fonts' parts come out in the fonts' order; returns the chunk and its
/// XObject's new number.
fn canonical_chunk(
    tree: &svg2pdf::usvg::Tree,
    alloc: &mut Ref,
) -> Result<(Chunk, Ref), ExportError> {
    let start = *alloc;
    let mut best = None;
    for _ in 0..FONT_ORDER_ATTEMPTS {
        let mut next = start;
        let (chunk, svg_id) = svg2pdf::to_chunk(tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| ExportError::Pdf(e.to_string()))?;
        // order-preserving renumbering: old numbers sorted, then consecutive from `start`
        let mut old: Vec<Ref> = chunk.refs().collect();
        old.sort();
        let map: std::collections::HashMap<Ref, Ref> =
            old.iter().map(|&r| (r, next.bump())).collect();
        let renumbered = chunk.renumber(|r| map.get(&r).copied().unwrap_or(r));
        let new_id = map.get(&svg_id).copied().unwrap_or(svg_id);
        let mut probe = Pdf::new();
        probe.extend(&renumbered);
        let in_order = pdf::fonts_in_order(&pdf::objects_in_order(probe.finish()));
        best = Some((renumbered, new_id, next));
        if in_order {
            break;
        }
    }
    let (chunk, id, next) =
        best.ok_or_else(|| ExportError::Pdf("no conversion was attempted".into()))?;
    *alloc = next;
    Ok((chunk, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(w: u32, h: u32, text: &str) -> PageSvg {
        PageSvg {
            svg: format!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}"><rect width="{w}" height="{h}" fill="#eee"/><text x="10" y="40" font-family="DejaVu Sans" font-size="20">{text}</text></svg>"##
            ),
            dpi: 144,
        }
    }

    #[test]
    fn one_page_per_image_sized_at_its_dpi_and_the_same_bytes_twice() {
        let pages = [page(288, 144, "Première"), page(144, 288, "Second")];
        let a = to_pdf_pages(&pages).expect("pdf");
        let b = to_pdf_pages(&pages).expect("pdf");
        assert_eq!(a, b);
        let text = String::from_utf8_lossy(&a);
        assert_eq!(text.matches("/Type /Page\n").count(), 2, "{text}");
        assert!(text.contains("/Count 2"));
        // 288 px at 144 dpi = 2 in = 144 pt
        assert!(text.contains("/MediaBox [0 0 144 72]"), "{text}");
        assert!(text.contains("/MediaBox [0 0 72 144]"));
        assert!(to_pdf_pages(&[]).is_err());
    }
}

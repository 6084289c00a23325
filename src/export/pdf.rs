/*!
SVG → PDF with svg2pdf: one page of the export's physical size (pixels at its DPI), text kept
as text with the bundled font embedded (subset), vector shapes kept as vectors.
*/

use super::{ExportError, raster};

/// Converts SVG text to a one-page PDF; `dpi` sets the page size from the pixel size.
pub fn to_pdf(svg: &str, dpi: u32) -> Result<Vec<u8>, ExportError> {
    let tree = raster::parse(svg)?;
    let page = svg2pdf::PageOptions { dpi: dpi as f32 };
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), page)
        .map_err(|e| ExportError::Pdf(e.to_string()))
}

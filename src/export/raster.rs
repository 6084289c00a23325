/*!
SVG → pixels with resvg, and pixels → PNG with the `png` crate at its fast compression
setting (the default setting made encoding dominate a 4K export). Text uses only the bundled
DejaVu Sans faces: usvg's font database starts empty, and system fonts are never consulted,
so output is identical on every machine.
*/

use super::ExportError;
use super::fonts;
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// The font database holding the two bundled faces, with DejaVu Sans as every generic family.
pub fn font_database() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(fonts::REGULAR.to_vec());
        db.load_font_data(fonts::BOLD.to_vec());
        db.set_sans_serif_family(fonts::FAMILY);
        db.set_serif_family(fonts::FAMILY);
        db.set_monospace_family(fonts::FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Parses SVG text into a usvg tree, with the bundled fonts.
pub fn parse(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        fontdb: font_database(),
        font_family: fonts::FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Svg(e.to_string()))
}

/// The SVG with every text converted to outlines (usvg's writer), for a file that looks the
/// same where the font is missing.
pub fn text_to_paths(svg: &str) -> Result<String, ExportError> {
    let tree = parse(svg)?;
    Ok(tree.to_string(&usvg::WriteOptions::default()))
}

/// Renders a tree to a pixmap of its own size (premultiplied RGBA), on `white` or on
/// transparent. Large images are rendered in horizontal bands on several threads.
pub fn pixmap(tree: &usvg::Tree, white: bool) -> Result<tiny_skia::Pixmap, ExportError> {
    let size = tree.size().to_int_size();
    let (w, h) = (size.width(), size.height());
    let too_large = ExportError::Pixmap {
        width_px: w,
        height_px: h,
    };
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or(too_large)?;
    if white {
        pixmap.fill(tiny_skia::Color::WHITE);
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4) as u32;
    if threads < 2 || u64::from(w) * u64::from(h) < 1_000_000 {
        resvg::render(tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
        return Ok(pixmap);
    }
    let band_h = h.div_ceil(threads);
    let row_bytes = w as usize * 4;
    std::thread::scope(|scope| {
        for (i, chunk) in pixmap
            .data_mut()
            .chunks_mut(band_h as usize * row_bytes)
            .enumerate()
        {
            scope.spawn(move || {
                let rows = (chunk.len() / row_bytes) as u32;
                if let Some(mut band) = tiny_skia::PixmapMut::from_bytes(chunk, w, rows) {
                    let dy = -((i as u32 * band_h) as f32);
                    resvg::render(
                        tree,
                        tiny_skia::Transform::from_translate(0.0, dy),
                        &mut band,
                    );
                }
            });
        }
    });
    Ok(pixmap)
}

/// Straight (not premultiplied) RGBA bytes of a pixmap.
pub fn rgba(pixmap: &tiny_skia::Pixmap) -> Vec<u8> {
    let mut out = Vec::with_capacity(pixmap.data().len());
    for p in pixmap.pixels() {
        let c = p.demultiply();
        out.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    out
}

/// Encodes a pixmap as PNG: RGB when `opaque` (a white background), RGBA otherwise; the
/// resolution is recorded so slide software places the image at its physical size.
pub fn encode_png(
    pixmap: &tiny_skia::Pixmap,
    opaque: bool,
    dpi: u32,
) -> Result<Vec<u8>, ExportError> {
    let (w, h) = (pixmap.width(), pixmap.height());
    let data: Vec<u8> = if opaque {
        // premultiplied with alpha 255 equals straight colour: drop the alpha byte (into a
        // buffer of the exact size: growing it while collecting cost a tenth of a 4K export)
        let mut rgb = vec![0u8; pixmap.data().len() / 4 * 3];
        for (out, p) in rgb.chunks_exact_mut(3).zip(pixmap.data().chunks_exact(4)) {
            out.copy_from_slice(&p[..3]);
        }
        rgb
    } else {
        rgba(pixmap)
    };
    let mut buf = Vec::with_capacity(data.len() / 8);
    {
        let mut enc = png::Encoder::new(&mut buf, w, h);
        enc.set_color(if opaque {
            png::ColorType::Rgb
        } else {
            png::ColorType::Rgba
        });
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        // the `Up` filter is twice as fast as adaptive filtering for 10 % more bytes
        enc.set_filter(png::Filter::Up);
        let ppm = (f64::from(dpi) / 0.0254).round() as u32;
        enc.set_pixel_dims(Some(png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: png::Unit::Meter,
        }));
        let mut writer = enc.write_header()?;
        writer.write_image_data(&data)?;
        writer.finish()?;
    }
    Ok(buf)
}

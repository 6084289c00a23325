//! Desktop integration shared by the app, the command line and packaging: the application
//! id, the icon (SVG source and its PNG renderings), and what kind of file a path given on
//! the command line (or dropped, or picked with Open…) is.
//!
//! The packaging files themselves (desktop entry, AppStream metadata, MIME types, Debian
//! package) are in `packaging/`; `packaging/README.md` describes them.

use crate::export::{ExportError, raster};
use resvg::{tiny_skia, usvg};
use std::io::Read as _;
use std::path::Path;

/// Reverse-DNS application id: name of the `.desktop` file, AppStream id, icon name and the
/// window's app id (Wayland `app_id`, X11 `WM_CLASS`).
pub const APP_ID: &str = "io.github.servicescope.Servicescope";

/// The application icon, drawn on a 64-unit grid (whole pixels at 16 px and above).
pub const ICON_SVG: &str = include_str!("../assets/icons/io.github.servicescope.Servicescope.svg");

/// Side of the icon's SVG grid, in SVG units.
const ICON_GRID: f32 = 64.0;

/// The PNG sizes installed in the hicolor icon theme, in pixels.
pub const ICON_SIZES_PX: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

/// Where a rendering of the icon lives under a hicolor-style folder:
/// `hicolor/<n>x<n>/apps/<APP_ID>.png`.
pub fn icon_png_path(size_px: u32) -> std::path::PathBuf {
    Path::new("hicolor")
        .join(format!("{size_px}x{size_px}"))
        .join("apps")
        .join(format!("{APP_ID}.png"))
}

/// Renders [`ICON_SVG`] as a square RGBA PNG of `size_px` pixels (transparent corners).
pub fn render_icon_png(size_px: u32) -> Result<Vec<u8>, ExportError> {
    let tree: usvg::Tree = raster::parse(ICON_SVG)?;
    let mut pixmap = tiny_skia::Pixmap::new(size_px, size_px).ok_or(ExportError::Pixmap {
        width_px: size_px,
        height_px: size_px,
    })?;
    let scale = size_px as f32 / ICON_GRID;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    raster::encode_png(&pixmap, false, 96)
}

/// What a file opened by the app holds, told from its name and its first record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenKind {
    /// Data to load on top of the current data: a RON dataset, or a table (CSV/TSV,
    /// XLSX/ODS, Our World in Data) that goes through the import path.
    Data,
    /// A deck (`Deck(...)`): its charts become saved views.
    Deck,
    /// One chart description (`ChartSpec(...)`): it becomes the current selection.
    Chart,
}

/// Bytes read from the start of a `.ron` file to find its first record.
const SNIFF_BYTES: u64 = 4096;

/// Tells what `path` holds. Only `.ron` files are read (their first 4 KiB): one whose first
/// record, after comments and `#![enable(...)]` attributes, is `Deck(` is a deck, `ChartSpec(`
/// a chart description; everything else, unreadable files included, is [`OpenKind::Data`] so
/// that loading reports the problem with its location.
pub fn open_kind(path: &Path) -> OpenKind {
    let is_ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if !is_ron {
        return OpenKind::Data;
    }
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(SNIFF_BYTES).read_to_end(&mut head));
    if read.is_err() {
        return OpenKind::Data;
    }
    kind_of_text(&String::from_utf8_lossy(&head))
}

/// [`open_kind`] on the start of a RON text.
pub fn kind_of_text(text: &str) -> OpenKind {
    match first_identifier(text) {
        Some("Deck") => OpenKind::Deck,
        Some("ChartSpec") => OpenKind::Chart,
        _ => OpenKind::Data,
    }
}

/// The first identifier of a RON text, after white space, `//` and `/* */` comments and
/// `#![...]` attributes.
fn first_identifier(text: &str) -> Option<&str> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("#!") {
            rest = r.split_once(']').map_or("", |(_, after)| after);
        } else {
            break;
        }
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_record_after_comments_and_attributes() {
        let deck = "// a deck\n/* block\n comment */\nDeck(\n charts: [])";
        assert_eq!(kind_of_text(deck), OpenKind::Deck);
        let chart = "\u{feff}// servicescope export --chart x\nChartSpec(kind: Ranking)";
        assert_eq!(kind_of_text(chart), OpenKind::Chart);
        let data = "#![enable(implicit_some)]\n// catalogue\nDataset(meta: Meta())";
        assert_eq!(kind_of_text(data), OpenKind::Data);
        // a comment mentioning a deck does not make a dataset a deck
        assert_eq!(kind_of_text("// Deck( example\nDataset()"), OpenKind::Data);
        // a bare tuple (unnamed record) is data, so loading reports what is wrong with it
        assert_eq!(kind_of_text("(observations: [])"), OpenKind::Data);
        assert_eq!(kind_of_text(""), OpenKind::Data);
        assert_eq!(kind_of_text("DeckOfCards("), OpenKind::Data);
    }

    #[test]
    fn icon_renders_at_every_size_with_transparent_corners() {
        for size in [16u32, 64] {
            let png = render_icon_png(size).expect("renders");
            let decoder = png::Decoder::new(std::io::Cursor::new(png));
            let mut reader = decoder.read_info().expect("png header");
            let mut buf = vec![0; reader.output_buffer_size().expect("size")];
            let info = reader.next_frame(&mut buf).expect("png data");
            assert_eq!((info.width, info.height), (size, size));
            assert_eq!(info.color_type, png::ColorType::Rgba);
            // the top-left corner is cut by the rounded square (at 16 px the 3 px radius
            // leaves a trace of coverage in the corner pixel), the middle of the top edge is
            // opaque background
            let corner_alpha = buf[3];
            assert!(
                corner_alpha == 0 || (size == 16 && corner_alpha < 32),
                "corner alpha {corner_alpha} at {size} px"
            );
            let top = ((size / 2) * 4) as usize;
            assert_eq!(
                &buf[top..top + 4],
                &[0x1b, 0x3a, 0x5c, 0xff],
                "edge at {size} px"
            );
            // the centre of the tallest (blue #0072b2) bar is opaque blue
            let (x, y) = (size * 32 / 64, size * 30 / 64);
            let i = ((y * size + x) * 4) as usize;
            assert_eq!(
                &buf[i..i + 4],
                &[0x00, 0x72, 0xb2, 0xff],
                "bar at {size} px"
            );
        }
    }
}

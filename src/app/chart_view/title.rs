/*!
The chart's title and subtitle fitted to the panel as the files fit them
([`crate::chart::labels::fit_block`]): wrapped, then shrunk down to a floor, then cut with an
ellipsis on the last line. The screen measures and wraps with its own font (egui's layout); the
rules are the core's. A shortened text shows in full in its hover text.
*/

use super::record::ShownText;
use crate::chart::labels;
use eframe::egui::{self, Color32, FontId};

/// Most lines of the title and of the subtitle (as in files).
pub const TITLE_LINES: usize = 2;
/// Most lines of the subtitle.
pub const SUBTITLE_LINES: usize = 3;

/// Smallest text of the chart panel, in points (the floor of the subtitle).
pub const FLOOR_PT: f32 = 10.0;

/// Sizes of the title in points: (wanted, floor). The floor is a little above the
/// subtitle's size, as in files, so the title still reads as the title.
pub fn title_sizes(style: &egui::Style) -> (f32, f32) {
    let heading = egui::TextStyle::Heading.resolve(style).size;
    let body = egui::TextStyle::Body.resolve(style).size;
    (heading, (body * 1.1).min(heading))
}

/// Sizes of the subtitle in points: (wanted, floor).
pub fn subtitle_sizes(style: &egui::Style) -> (f32, f32) {
    let body = egui::TextStyle::Body.resolve(style).size;
    (body, FLOOR_PT.min(body))
}

/// Lines of `text` wrapped by egui at `size_pt` to `width` points.
fn wrap(painter: &egui::Painter, text: &str, size_pt: f64, width: f64) -> Vec<String> {
    let galley = painter.layout(
        text.to_owned(),
        FontId::proportional(size_pt as f32),
        Color32::WHITE,
        width as f32,
    );
    galley
        .rows
        .iter()
        .map(|r| r.text().trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Fits `text` into `max_lines` lines of `width` points, from `size_pt` down to `floor_pt`.
pub fn fit(
    painter: &egui::Painter,
    text: &str,
    (size_pt, floor_pt): (f32, f32),
    width: f32,
    max_lines: usize,
) -> ShownText {
    let f = labels::fit_block(
        text,
        f64::from(size_pt),
        f64::from(floor_pt),
        f64::from(width.max(1.0)),
        max_lines,
        &|t, s, w| wrap(painter, t, s, w),
        &|t, s| f64::from(super::placed::text_w(painter, t, s as f32)),
    );
    ShownText {
        lines: f.lines,
        size_pt: f.size as f32,
        cut: f.cut,
    }
}

/// Shows a fitted text as a label, in full in the hover text when it was cut.
pub fn label(ui: &mut egui::Ui, shown: &ShownText, full: &str, strong: bool) -> egui::Response {
    let mut text = egui::RichText::new(shown.lines.join("\n")).size(shown.size_pt);
    if strong {
        text = text.strong();
    }
    let response = ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
    if shown.cut {
        response.on_hover_text(full)
    } else {
        response
    }
}

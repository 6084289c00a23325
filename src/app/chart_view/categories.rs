/*!
The category axis of grouped bars, painted by the view instead of egui_plot: egui_plot wraps
nothing, drops a tick label wider than its spacing, and sizes the axis from the previous
frame, so long (French) category names vanished or ran over the marks when the panel was
narrow. Here each name is wrapped by egui to the width of its category band (shrinking to the
text floor, as files do), the axis is given the height of the tallest name before the plot is
laid out, and the names are painted under their bands once the plot's frame is known.
*/

use crate::chart::scale::ValueScale;
use eframe::egui::{self, Color32, FontId, Galley, Pos2, Rect};
use egui_plot::{AxisHints, PlotTransform};
use std::sync::Arc;

/// Gap between the plot frame and the names, in points.
const GAP: f32 = 4.0;

/// Most lines of a category name.
const MAX_LINES: usize = 3;

/// The wrapped names of a category axis and the room they need.
pub struct CategoryAxis {
    galleys: Vec<Arc<Galley>>,
    /// Width of the value axis on the left (tick labels and title), in points.
    pub y_axis_w: f32,
    /// Height of the category axis under the frame (names, gap and axis title).
    pub x_axis_h: f32,
}

/// Width egui_plot gives a vertical value axis: the widest tick label with its side margins,
/// and the rotated axis title with its gap.
fn value_axis_width(ui: &egui::Ui, scale: &ValueScale, title: &str) -> f32 {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let ticks = scale
        .ticks
        .iter()
        .map(|t| super::placed::text_w(ui.painter(), &t.label, body.size))
        .fold(0.0f32, f32::max);
    let title_h = if title.is_empty() {
        0.0
    } else {
        ui.ctx().fonts_mut(|f| f.row_height(&body)) * 1.25
    };
    ticks + 8.0 + title_h + 2.0
}

/// Wraps the `names` of `n` bands into the width the plot will have in `ui`.
pub fn layout(
    ui: &egui::Ui,
    names: &[String],
    scale: &ValueScale,
    value_title: &str,
    axis_title: &str,
) -> CategoryAxis {
    let n = names.len().max(1);
    let y_axis_w = value_axis_width(ui, scale, value_title);
    let mut band_w = ((ui.available_width() - y_axis_w) / n as f32 - 6.0).max(20.0);
    // the plot's real frame, when the last frame drew this chart in an area of this width
    // (the estimate above misses egui_plot's margins, and names overprinted when narrow)
    let last = super::record::last(ui.ctx());
    if let Some(frame) = last.frame
        && (last.area.width() - ui.available_width()).abs() < 1.0
    {
        band_w = band_w.min((frame.width() / n as f32 - 6.0).max(20.0));
    }
    let body = egui::TextStyle::Body.resolve(ui.style()).size;
    let floor = super::title::FLOOR_PT.min(body);
    let colour = ui.visuals().text_color();
    let widest_word = |name: &str, size: f32| {
        name.split_whitespace()
            .map(|w| super::placed::text_w(ui.painter(), w, size))
            .fold(0.0f32, f32::max)
    };
    let wrap_at = |size: f32| -> Vec<Arc<Galley>> {
        names
            .iter()
            .map(|name| {
                let mut job = egui::text::LayoutJob::simple(
                    name.clone(),
                    FontId::proportional(size),
                    colour,
                    band_w,
                );
                job.halign = egui::Align::Center;
                ui.painter().layout_job(job)
            })
            .collect()
    };
    // a word wider than its band would be broken inside ("Téléphon/e"): shrink first (only
    // a band narrower than the word at the text floor still breaks it)
    let word_cut = |size: f32| {
        names
            .iter()
            .any(|name| widest_word(name, size) > band_w + 0.5)
    };
    // as in files: the size at which every name fits its band in few lines with whole
    // words, else the floor
    let mut size = body;
    let mut galleys = wrap_at(size);
    while size > floor
        && (word_cut(size)
            || galleys
                .iter()
                .any(|g| g.rows.len() > MAX_LINES || g.size().x > band_w + 0.5))
    {
        size = (size * 0.92).max(floor);
        galleys = wrap_at(size);
    }
    let names_h = galleys.iter().map(|g| g.size().y).fold(0.0f32, f32::max);
    let title_h = if axis_title.is_empty() {
        0.0
    } else {
        ui.ctx()
            .fonts_mut(|f| f.row_height(&FontId::proportional(body)))
            * 1.25
    };
    CategoryAxis {
        galleys,
        y_axis_w,
        x_axis_h: names_h + GAP + title_h + 2.0,
    }
}

impl CategoryAxis {
    /// The x axis for egui_plot: the title only, at the height the names need (the names
    /// are painted by [`CategoryAxis::paint`]).
    pub fn hints<'a>(&self, title: &str) -> AxisHints<'a> {
        AxisHints::new_x()
            .label(title.to_owned())
            .formatter(|_, _| String::new())
            .min_thickness(self.x_axis_h)
    }

    /// Paints the names centred under their bands (category `i` at `x = i`); returns their
    /// rectangles.
    pub fn paint(&self, painter: &egui::Painter, t: &PlotTransform) -> Vec<Rect> {
        let frame = *t.frame();
        self.galleys
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let x = t
                    .position_from_point(&egui_plot::PlotPoint::new(i as f64, 0.0))
                    .x;
                // a centred job lays its rows out around x = 0 of the galley
                let origin = Pos2::new(x, frame.bottom() + GAP);
                painter.galley(origin, g.clone(), Color32::PLACEHOLDER);
                g.rect.translate(origin.to_vec2())
            })
            .collect()
    }
}

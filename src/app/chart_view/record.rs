/*!
What the chart panel drew in its last frame, in screen points: the fitted title and subtitle,
the rectangles of the marks (bars, ranking bands, heat cells), the category labels and the
plot frame. Kept in egui's temporary memory so tests (egui_kittest) can check the geometry the
view used — labels clear of the marks, tables that fill the panel, titles fitted as in files —
without reading pixels.
*/

use eframe::egui::{self, Rect};

/// A title or subtitle as shown: fitted by [`crate::chart::labels::fit_block`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShownText {
    /// The lines drawn.
    pub lines: Vec<String>,
    /// Font size in points.
    pub size_pt: f32,
    /// Whether the text was cut with an ellipsis (the hover text then shows it whole).
    pub cut: bool,
}

/// The geometry the chart panel drew in its last frame.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartRecord {
    /// The area the chart had (the central panel's remaining rectangle).
    pub area: Rect,
    /// The plot frame, or the table's block for heat tables.
    pub frame: Option<Rect>,
    /// Bars, ranking bars and heat cells.
    pub marks: Vec<Rect>,
    /// Category labels as drawn (text and rectangle), on the category axis.
    pub category_labels: Vec<(String, Rect)>,
    /// Height of one ranking band or heat-table row, in points.
    pub band_h: Option<f32>,
    /// The title as fitted (not set while it is being edited).
    pub title: Option<ShownText>,
    /// The subtitle as fitted (not set while it is being edited).
    pub subtitle: Option<ShownText>,
}

impl Default for ChartRecord {
    fn default() -> Self {
        ChartRecord {
            area: Rect::NOTHING,
            frame: None,
            marks: Vec::new(),
            category_labels: Vec::new(),
            band_h: None,
            title: None,
            subtitle: None,
        }
    }
}

fn id() -> egui::Id {
    egui::Id::unique("servicescope_chart_record")
}

/// Changes the record of this frame.
pub fn update(ctx: &egui::Context, f: impl FnOnce(&mut ChartRecord)) {
    ctx.data_mut(|d| f(d.get_temp_mut_or_default::<ChartRecord>(id())));
}

/// Starts the record of a new frame: the title and subtitle are kept (drawn before), the
/// geometry of the chart is cleared.
pub fn start_chart(ctx: &egui::Context, area: Rect) {
    update(ctx, |r| {
        *r = ChartRecord {
            area,
            title: r.title.take(),
            subtitle: r.subtitle.take(),
            ..ChartRecord::default()
        }
    });
}

/// The record of the last frame drawn.
pub fn last(ctx: &egui::Context) -> ChartRecord {
    ctx.data(|d| d.get_temp::<ChartRecord>(id()))
        .unwrap_or_default()
}

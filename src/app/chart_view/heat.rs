/*!
Heat table: regions in rows, channels in columns, each cell coloured by the figure's score
(0 worst – 1 best, in the indicator's direction) and labelled with the formatted value.
Drawn with the painter; illustrative cells are lighter and hatched, estimated ones outlined.
*/

use super::style::overlay_rect;
use super::{Hit, tooltip};
use crate::app::theme::rgb;
use crate::chart::{Figure, palette, style};
use eframe::egui::{self, Align2, Color32, FontId, Rect, pos2, vec2};

/// Narrowest cell: below this the table scrolls sideways instead of shrinking further.
const MIN_CELL_W: f32 = 46.0;

/// Draws the heat table, shrinking cells (and their text) to fit the width, scrolling when
/// even the narrowest cells do not fit.
pub fn show(ui: &mut egui::Ui, fig: &Figure, dark: bool) {
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| table(ui, fig, dark));
}

fn table(ui: &mut egui::Ui, fig: &Figure, dark: bool) {
    let rows = fig.y.categories.len();
    let cols = fig.x.categories.len().max(1);
    let avail = ui.available_size();
    let header_h = 56.0;
    let fit_w = |label_w: f32| ((avail.x - label_w - 10.0) / cols as f32).clamp(MIN_CELL_W, 170.0);
    // row labels: as wide as the longest name at the size it will be drawn in (swatch + gap)
    let label_w_at = |size: f32| {
        let widest = fig
            .y
            .categories
            .iter()
            .map(|n| {
                ui.painter()
                    .layout_no_wrap(n.clone(), FontId::proportional(size), Color32::WHITE)
                    .size()
                    .x
            })
            .fold(0.0f32, f32::max);
        widest + 30.0
    };
    let narrow = fit_w(label_w_at(13.0)) < 64.0;
    let label_w = label_w_at(if narrow { 11.0 } else { 13.0 });
    let cell_w = fit_w(label_w);
    // rows take the height there is (within bounds); what is left is shared above and below
    let cell_h = ((avail.y - header_h - 10.0) / rows.max(1) as f32).clamp(30.0, 110.0);
    let size = vec2(
        label_w + cell_w * cols as f32,
        header_h + cell_h * rows as f32,
    );
    ui.add_space(((avail.y - size.y) / 2.0 - 5.0).max(0.0));
    let (response, painter) = ui.allocate_painter(size, egui::Sense::hover());
    let origin = response.rect.min;
    let text = ui.visuals().text_color();
    let font = FontId::proportional(if narrow { 11.0 } else { 13.0 });
    let header_font = FontId::proportional(if narrow { 10.5 } else { 12.0 });

    for (c, name) in fig.x.categories.iter().enumerate() {
        let r = Rect::from_min_size(
            pos2(origin.x + label_w + c as f32 * cell_w, origin.y),
            vec2(cell_w, header_h),
        );
        let galley = painter.layout(name.clone(), header_font.clone(), text, cell_w - 4.0);
        painter.galley(
            pos2(
                r.center().x - galley.size().x / 2.0,
                r.bottom() - galley.size().y - 4.0,
            ),
            galley,
            text,
        );
    }
    for (i, name) in fig.y.categories.iter().enumerate() {
        let y = origin.y + header_h + i as f32 * cell_h;
        painter.text(
            pos2(origin.x + label_w - 8.0, y + cell_h / 2.0),
            Align2::RIGHT_CENTER,
            name,
            font.clone(),
            text,
        );
        if let Some(s) = fig.series.get(i) {
            let sw = Rect::from_min_size(pos2(origin.x, y + cell_h / 2.0 - 6.0), vec2(12.0, 12.0));
            painter.rect_filled(sw, 2.0, rgb(s.colour));
        }
    }
    // the cell of a row and column, inside its gutter
    let cell_rect = |row: usize, column: usize| {
        Rect::from_min_size(
            pos2(
                origin.x + label_w + column as f32 * cell_w,
                origin.y + header_h + row as f32 * cell_h,
            ),
            vec2(cell_w, cell_h),
        )
        .shrink(1.5)
    };
    // cells without a value say so ("n/a"), never a blank
    let missing = style::missing_cell(fig.locale.lang());
    for (i, s) in fig.series.iter().enumerate() {
        for c in 0..cols {
            if s.points
                .iter()
                .any(|p| p.cell().is_some_and(|(_, col)| col == c) && p.value.is_some())
            {
                continue;
            }
            let r = cell_rect(i, c);
            painter.rect_filled(r, 3.0, ui.visuals().faint_bg_color);
            painter.text(
                r.center(),
                Align2::CENTER_CENTER,
                missing,
                font.clone(),
                ui.visuals().weak_text_color(),
            );
        }
    }
    let mut hits = Vec::new();
    for s in &fig.series {
        for p in &s.points {
            let Some((row, column)) = p.cell() else {
                continue;
            };
            let r = cell_rect(row, column);
            let base = style::heat_fill(fig, p);
            let fill = style::grade_style(base, p.grade, dark).fill;
            let ink = if palette::text_on_dark(fill) {
                Color32::WHITE
            } else {
                Color32::from_gray(20)
            };
            painter.rect_filled(r, 3.0, rgb(fill));
            overlay_rect(&painter, r.shrink(2.0), base, p.grade, dark);
            painter.text(
                r.center(),
                Align2::CENTER_CENTER,
                &p.label,
                font.clone(),
                ink,
            );
            hits.push(Hit::Rect(r, p));
        }
    }
    let cells = hits
        .iter()
        .filter_map(|h| match h {
            Hit::Rect(r, _) => Some(*r),
            Hit::Dot(..) => None,
        })
        .collect();
    super::record::update(ui.ctx(), |rec| {
        rec.frame = Some(response.rect);
        rec.marks = cells;
        rec.band_h = Some(cell_h);
    });
    tooltip(&response, &hits);
}

/// The colour-scale key shown beside the heat table: worse → better (diverging), or lower →
/// higher for a neutral indicator (sequential), as in exports.
pub fn scale_key(ui: &mut egui::Ui, fig: &Figure) {
    let sequential = style::heat_is_sequential(fig);
    let (lo, hi) = style::heat_key(fig);
    ui.horizontal_wrapped(|ui| {
        ui.label(lo);
        let (rect, _) = ui.allocate_exact_size(vec2(100.0, 14.0), egui::Sense::hover());
        let steps = 20;
        for i in 0..steps {
            let t = i as f64 / (steps - 1) as f64;
            let x0 = rect.left() + rect.width() * i as f32 / steps as f32;
            let r = Rect::from_min_max(
                pos2(x0, rect.top()),
                pos2(x0 + rect.width() / steps as f32 + 0.5, rect.bottom()),
            );
            let c = if sequential {
                style::sequential(t)
            } else {
                palette::heat_colour(t)
            };
            ui.painter().rect_filled(r, 0.0, rgb(c));
        }
        ui.label(hi);
    });
}

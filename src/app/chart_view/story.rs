/*!
The storytelling marks a figure resolved (`chart::story`) painted on screen: reference bands
and lines inside the plot, behind the marks ([`references`]), then end labels, "n/a" ends
and annotations with their leader lines over it ([`overlays`]), at the positions the core
chose, as the SVG writer draws them.
*/

use crate::chart::Figure;
use crate::chart::story::{self, marks};
use eframe::egui::{self, Align2, FontId};
use egui_plot::{Line, LineStyle, PlotPoint, PlotPoints, Polygon};

/// Reference bands and lines, in the plot's data coordinates; `values_across` for rankings
/// (values on the horizontal axis).
pub(super) fn references(
    pu: &mut egui_plot::PlotUi<'_>,
    fig: &Figure,
    values_across: bool,
    dark: bool,
) {
    let bounds = pu.plot_bounds();
    let (half, half_group) = marks::category_reach(fig);
    let line_colour = super::ink::reference(dark);
    for r in &fig.story.references {
        let (a, b) = match r.category {
            Some(ci) => (ci as f64 - half, ci as f64 + half),
            None if values_across => (bounds.min()[1], bounds.max()[1]),
            None => (bounds.min()[0], bounds.max()[0]),
        };
        // (across, value) → plot point
        let pt = |across: f64, value: f64| {
            if values_across {
                [value, across]
            } else {
                [across, value]
            }
        };
        if let Some((lo, hi)) = r.band {
            pu.polygon(
                Polygon::new(
                    "",
                    PlotPoints::new(vec![pt(a, lo), pt(b, lo), pt(b, hi), pt(a, hi)]),
                )
                .fill_color(super::ink::band(dark))
                .stroke(egui::Stroke::NONE)
                .allow_hover(false),
            );
        }
        // per category: beside the bars' group only, clear of the value labels
        let spans = match r.category {
            Some(ci) => vec![(a, ci as f64 - half_group), (ci as f64 + half_group, b)],
            // across a ranking's rows, skipping those whose value label it would cross
            None if values_across => marks::row_spans(fig, r),
            None => vec![(a, b)],
        };
        for (s0, s1) in spans {
            pu.line(
                Line::new("", PlotPoints::new(vec![pt(s0, r.value), pt(s1, r.value)]))
                    .color(line_colour)
                    .width(1.5)
                    .style(LineStyle::dashed_dense())
                    .allow_hover(false),
            );
        }
        if let Some(label) = r.label.as_ref().filter(|_| r.category.is_none()) {
            let [x, y] = pt(b, r.value);
            let anchor = if values_across {
                Align2::CENTER_BOTTOM
            } else {
                Align2::RIGHT_BOTTOM
            };
            super::plots::plot_text(
                pu,
                PlotPoint::new(x, y),
                egui::RichText::new(label).size(12.0),
                anchor,
                line_colour,
            );
        }
    }
}

/// End labels, "n/a" ends and annotations over the plot drawn with transform `t`.
pub(super) fn overlays(ui: &egui::Ui, t: &egui_plot::PlotTransform, fig: &Figure) {
    let dark = ui.visuals().dark_mode;
    // labels may reach past the plot frame into the margin (end labels), not past the panel
    let painter = ui.painter();
    let text = ui.visuals().text_color();
    let muted = ui.visuals().weak_text_color();
    let frame = *t.frame();
    let at = |si: usize, pi: usize| {
        story::anchor(fig, si, pi).map(|(x, y)| t.position_from_point(&PlotPoint::new(x, y)))
    };
    // per-category reference marks: one key at the top right of the plot
    let mut key_y = frame.top() + 10.0;
    for r in &fig.story.references {
        let (Some(label), Some(_)) = (&r.label, r.category) else {
            continue;
        };
        let colour = super::ink::reference(dark);
        let rect = painter.text(
            egui::pos2(frame.right() - 4.0, key_y),
            Align2::RIGHT_CENTER,
            label,
            FontId::proportional(12.0),
            colour,
        );
        let (x0, x1) = (rect.left() - 34.0, rect.left() - 6.0);
        if r.band.is_some() {
            painter.rect_filled(
                egui::Rect::from_x_y_ranges(x0..=x1, key_y - 7.0..=key_y + 7.0),
                0.0,
                super::ink::band(dark),
            );
        }
        painter.add(egui::Shape::dashed_line(
            &[egui::pos2(x0, key_y), egui::pos2(x1, key_y)],
            egui::Stroke::new(1.5, colour),
            5.0,
            3.0,
        ));
        key_y += 18.0;
    }
    for e in &fig.story.end_labels {
        let Some(p) = at(e.series, e.point) else {
            continue;
        };
        let p = p + egui::vec2(0.0, e.nudge as f32 * frame.height());
        let (pos, align) = if e.right {
            (p + egui::vec2(8.0, 0.0), Align2::LEFT_CENTER)
        } else {
            (p - egui::vec2(8.0, 0.0), Align2::RIGHT_CENTER)
        };
        painter.text(pos, align, &e.text, FontId::proportional(13.0), text);
    }
    for m in &fig.story.missing_ends {
        let p = t.position_from_point(&PlotPoint::new(m.x, m.y));
        painter.text(
            p,
            Align2::CENTER_CENTER,
            &m.label,
            FontId::proportional(13.0),
            muted,
        );
    }
    for n in &fig.story.notes {
        let Some(p) = at(n.series, n.point) else {
            continue;
        };
        let share = |(dx, dy): (f64, f64)| {
            p + egui::vec2(dx as f32 * frame.width(), dy as f32 * frame.height())
        };
        if let Some(end) = n.leader_to {
            painter.line_segment(
                [share(n.leader_from), share(end)],
                egui::Stroke::new(1.0, text),
            );
        }
        painter.text(
            share(n.offset),
            Align2::CENTER_CENTER,
            &n.text,
            FontId::proportional(14.0),
            text,
        );
    }
}

/// Small multiples: the figure's panels in a grid, each titled and drawn as its own plot with
/// the shared axes (the core's [`story::panel_figure`]), as the SVG writer lays them out.
pub(super) fn facets(ui: &mut egui::Ui, fig: &Figure, labels: bool, dark: bool) {
    let n = fig.story.panels.len();
    let size = ui.available_size();
    let (cols, rows) = story::facet::grid(n, f64::from(size.x), f64::from(size.y));
    let gap = 12.0;
    let cell = egui::vec2(
        (size.x - gap * (cols as f32 - 1.0)) / cols as f32,
        (size.y - gap * (rows as f32 - 1.0)) / rows as f32,
    );
    ui.spacing_mut().item_spacing = egui::vec2(gap, gap);
    ui.vertical(|ui| {
        for row in 0..rows {
            ui.horizontal(|ui| {
                for col in 0..cols {
                    let i = row * cols + col;
                    let Some(sub) = story::panel_figure(fig, i) else {
                        continue;
                    };
                    ui.push_id(("facet", i), |ui| {
                        ui.allocate_ui(cell, |ui| {
                            ui.set_min_size(cell);
                            ui.vertical(|ui| {
                                ui.label(egui::RichText::new(&sub.title).strong());
                                match sub.kind {
                                    crate::chart::ChartKind::Lines => {
                                        super::plots::lines(ui, &sub, labels, dark)
                                    }
                                    _ => super::plots::bars(ui, &sub, labels, dark),
                                }
                            });
                        });
                    });
                }
            });
        }
    });
}

/*!
Draws the current [`Figure`]: chart-type switch, title and subtitle, the chart itself, a
side column with the grade key and comparability warnings, and a footer with the notice and
the sources of what is shown.

The figure comes from [`crate::chart::build`]; nothing here computes a figure. One function
per kind lives in [`plots`] (egui_plot: bars, lines), [`ranking`], [`radar`], [`scatter`] and
[`heat`] (painter). Grades are styled in
[`style`]: measured solid, estimated with a dark outline, illustrative light and hatched.
*/

mod axes;
mod categories;
mod heat;
mod ink;
mod note_drag;
mod placed;
mod plots;
mod radar;
mod ranking;
pub mod record;
mod scatter;
mod story;
mod style;
pub mod title;

use super::state::UiState;
use super::theme;
use super::{App, AppCommand, UserCommand};
use crate::chart::{ChartKind, ChartSpec, Figure, Point};
use crate::i18n::Msg;
use crate::model::{Grade, Lang};
use eframe::egui;

/// Most series listed in the side legend (a dense chart can have hundreds; the data table
/// lists them all).
const LEGEND_MAX: usize = 40;

/// Draws the chart tab.
pub fn show(ui: &mut egui::Ui, app: &App, uis: &mut UiState, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let dark = app.state.dark;
    let fig = app.figure();
    if !uis.presentation {
        kind_switch(ui, app, cmds);
        super::story_panel::toggle(ui, app, uis, cmds);
        ui.separator();
        super::story_headline::show(ui, app, uis, cmds);
    } else {
        // fitted as in files: wrapped, shrunk, then cut (in full in the hover text)
        let width = ui.available_width();
        let t = title::fit(
            ui.painter(),
            &fig.title,
            title::title_sizes(ui.style()),
            width,
            title::TITLE_LINES,
        );
        title::label(ui, &t, &fig.title, true);
        let s = (!fig.subtitle.is_empty()).then(|| {
            let s = title::fit(
                ui.painter(),
                &fig.subtitle,
                title::subtitle_sizes(ui.style()),
                width,
                title::SUBTITLE_LINES,
            );
            title::label(ui, &s, &fig.subtitle, false);
            s
        });
        record::update(ui.ctx(), |r| {
            r.title = Some(t);
            r.subtitle = s;
        });
    }
    ui.add_space(4.0);

    egui::Panel::bottom("chart_footer")
        .resizable(false)
        .show(ui, |ui| footer(ui, fig, lang));
    if uis.show_story && !uis.presentation {
        egui::Panel::right("story")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    super::story_panel::show(ui, app, &mut uis.story, cmds)
                });
            });
    }
    egui::Panel::right("chart_side")
        .resizable(false)
        .default_size(230.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| side(ui, app, cmds));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        record::start_chart(ui.ctx(), ui.available_rect_before_wrap());
        if !matches!(
            fig.kind,
            ChartKind::BarsByChannel
                | ChartKind::BarsByIndicator
                | ChartKind::Lines
                | ChartKind::Scatter
                | ChartKind::Radar
        ) || fig.is_empty()
        {
            // only these kinds place labels that may be left out
            placed::remember_left_out(ui.ctx(), false);
        }
        if fig.is_empty() {
            ui.centered_and_justified(|ui| {
                ui.label(fig.warnings.join("\n"));
            });
            return;
        }
        let labels = fig.shows_values(app.state.spec.value_labels);
        note_drag::clear(ui.ctx());
        if !fig.story.panels.is_empty() {
            // small multiples: a grid of plots sharing their axes
            story::facets(ui, fig, labels, dark);
            return;
        }
        match fig.kind {
            ChartKind::BarsByChannel | ChartKind::BarsByIndicator => {
                plots::bars(ui, fig, labels, dark)
            }
            ChartKind::Ranking => ranking::ranking(ui, fig, dark),
            ChartKind::Lines | ChartKind::Slope => plots::lines(ui, fig, labels, dark),
            ChartKind::Scatter => scatter::scatter(ui, fig, labels, dark),
            ChartKind::Radar => radar::radar(ui, fig, labels, dark),
            ChartKind::HeatTable | ChartKind::Coverage => heat::show(ui, fig, dark),
        }
        if !uis.presentation {
            note_drag::show(ui, app, &mut uis.story.note_drag, cmds);
        }
    });
}

/// The row of chart kinds.
fn kind_switch(ui: &mut egui::Ui, app: &App, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("{}:", Msg::ChartType.get(lang)));
        for kind in ChartKind::ALL {
            if ui
                .selectable_label(app.state.spec.kind == kind, kind.label(lang))
                .on_hover_text(UserCommand::ChartKind(kind).hover_text(ui.ctx(), lang))
                .clicked()
            {
                cmds.push(AppCommand::SetKind(kind));
            }
        }
        ui.separator();
        let mut values = app.state.spec.value_labels;
        if ui
            .checkbox(&mut values, Msg::ValueLabels.get(lang))
            .on_hover_text(Msg::ValueLabelsHint.get(lang))
            .changed()
        {
            cmds.push(AppCommand::SetSpec(Box::new(ChartSpec {
                value_labels: values,
                ..app.state.spec.clone()
            })));
        }
    });
    let first = app
        .state
        .spec
        .indicators
        .first()
        .and_then(|id| app.dataset().indicators().get(id.as_str()));
    if matches!(
        app.state.spec.kind,
        ChartKind::BarsByChannel | ChartKind::HeatTable
    ) && first.is_some_and(|i| !i.channel_specific)
    {
        ui.colored_label(ui.visuals().warn_fg_color, Msg::NotPerChannel.get(lang));
    }
}

fn footer(ui: &mut egui::Ui, fig: &Figure, lang: Lang) {
    ui.add_space(2.0);
    if let Some(n) = &fig.notice {
        ui.label(egui::RichText::new(n).small().italics());
    }
    if placed::left_out_of(ui.ctx()) {
        ui.label(egui::RichText::new(crate::chart::labels::left_out_note(lang)).small());
    }
    if !fig.sources.is_empty() {
        ui.label(
            egui::RichText::new(format!(
                "{}: {}",
                Msg::SourcesFooter.get(lang),
                fig.sources.join(" · ")
            ))
            .small(),
        );
    }
    ui.add_space(2.0);
}

fn side(ui: &mut egui::Ui, app: &App, cmds: &mut Vec<AppCommand>) {
    let (fig, lang, dark) = (app.figure(), app.state.lang, app.state.dark);
    ui.strong(Msg::Legend.get(lang));
    // series named on the chart itself (line ends, scatter points) need no legend
    let named = crate::chart::labels::series_named_on_chart(fig);
    let shown: Vec<_> = fig
        .series
        .iter()
        .filter(|s| !s.points.is_empty() && !named)
        .collect();
    if shown.len() > LEGEND_MAX {
        ui.label(Msg::SeriesCount.fill(lang, &[&shown.len(), &LEGEND_MAX]));
    }
    for s in shown.into_iter().take(LEGEND_MAX) {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, theme::rgb(s.colour));
            // right-click: highlight this one (storytelling)
            let label = ui.add(egui::Label::new(&s.label).sense(egui::Sense::click()));
            super::story_panel::legend_menu(&label, app, &s.id, &s.label, cmds);
        });
    }
    // several channels on a line chart: the dash and marker of each
    for (name, mark) in crate::chart::style::channel_key(fig) {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(28.0, 14.0), egui::Sense::hover());
            let grey = egui::Color32::from_gray(if dark { 190 } else { 90 });
            let y = rect.center().y;
            let stroke = egui::Stroke::new(2.0, grey);
            match mark.dash_pt {
                None => {
                    ui.painter().line_segment(
                        [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
                        stroke,
                    );
                }
                Some([a, b]) => {
                    let shapes = egui::Shape::dashed_line(
                        &[egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
                        stroke,
                        (a * 4.0 / 3.0) as f32,
                        (b * 4.0 / 3.0) as f32,
                    );
                    ui.painter().extend(shapes);
                }
            }
            let c = rect.center();
            let r = 4.5;
            match mark.marker {
                crate::chart::style::Marker::Circle => {
                    ui.painter().circle_filled(c, r, grey);
                }
                crate::chart::style::Marker::Square => {
                    ui.painter().rect_filled(
                        egui::Rect::from_center_size(c, egui::vec2(2.0 * r, 2.0 * r)),
                        0.0,
                        grey,
                    );
                }
                crate::chart::style::Marker::Triangle => {
                    ui.painter().add(egui::Shape::convex_polygon(
                        vec![
                            c + egui::vec2(0.0, -r),
                            c + egui::vec2(r, r),
                            c + egui::vec2(-r, r),
                        ],
                        grey,
                        egui::Stroke::NONE,
                    ));
                }
                crate::chart::style::Marker::Diamond => {
                    ui.painter().add(egui::Shape::convex_polygon(
                        vec![
                            c + egui::vec2(0.0, -r),
                            c + egui::vec2(r, 0.0),
                            c + egui::vec2(0.0, r),
                            c + egui::vec2(-r, 0.0),
                        ],
                        grey,
                        egui::Stroke::NONE,
                    ));
                }
            }
            ui.label(name);
        });
    }
    ui.add_space(6.0);
    // the grades shown, each explained (a key for absent grades would describe nothing),
    // captioned as in exports so the neutral swatches never read as one more region
    if !fig.grades.is_empty() {
        ui.label(egui::RichText::new(Msg::ValuesCaption.get(lang)));
    }
    for g in fig.grades.iter().copied() {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 14.0), egui::Sense::hover());
            style::swatch(ui.painter(), rect, [0x80, 0x80, 0x80], g, dark);
            ui.label(match g {
                Grade::Measured => Msg::Measured.get(lang),
                Grade::Estimated => Msg::Estimated.get(lang),
                Grade::Illustrative => Msg::Illustrative.get(lang),
            });
        });
    }
    if fig.kind == ChartKind::HeatTable {
        ui.add_space(6.0);
        heat::scale_key(ui, fig);
    }
    if !fig.warnings.is_empty() && !fig.is_empty() {
        ui.add_space(8.0);
        egui::Frame::new()
            .fill(theme::warning_fill(dark))
            .inner_margin(6.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.strong(format!("⚠ {}", Msg::Warnings.get(lang)));
                for w in &fig.warnings {
                    ui.label(w);
                }
            });
    }
}

/// Where a drawn value sits on screen, for hover tooltips.
pub(super) enum Hit<'f> {
    /// A bar or cell: the value's rectangle.
    Rect(egui::Rect, &'f Point),
    /// A marker: its centre.
    Dot(egui::Pos2, &'f Point),
}

/// Shows the tooltip of the value under the pointer, if any.
pub(super) fn tooltip(response: &egui::Response, hits: &[Hit<'_>]) {
    let Some(pos) = response.hover_pos() else {
        return;
    };
    let mut best: Option<(&Point, f32)> = None;
    for h in hits {
        let (p, d) = match h {
            Hit::Rect(r, p) if r.expand(2.0).contains(pos) => (*p, 0.0),
            Hit::Rect(..) => continue,
            Hit::Dot(c, p) => (*p, c.distance(pos)),
        };
        if d <= 14.0 && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((p, d));
        }
    }
    if let Some((p, _)) = best {
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.label(&p.tooltip);
        });
    }
}

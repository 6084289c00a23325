/*!
Coverage tab: the evidence base as a grid of indicators (or indicator × channel) by region.
Each cell counts measured (M), estimated (E) and illustrative (I) values and missing records,
with the years, coloured from all-illustrative to all-cited; clicking a cell charts it.
The counting is [`crate::analysis::coverage`] and the labels [`crate::chart::coverage`], so
"Export this grid" writes the same figures as [`ChartKind::Coverage`].
*/

use super::state::{Tab, UiState};
use super::{App, AppCommand};
use crate::analysis::coverage::{Coverage, CoverageCell};
use crate::chart::coverage::cell_label;
use crate::chart::{ChartKind, ChartSpec, palette};
use crate::i18n::Msg;
use crate::model::{ChannelIx, Dataset, IndicatorIx, Lang, RegionIx};
use eframe::egui::{self, Color32, RichText};

/// The chart a click on a cell opens: that indicator (and channel) for that region, over the
/// years when the cell spans several, else its latest value; `None` when an index is not
/// one of `ds`.
pub fn cell_spec(
    ds: &Dataset,
    region: RegionIx,
    indicator: IndicatorIx,
    channel: Option<ChannelIx>,
    cell: &CoverageCell,
) -> Option<ChartSpec> {
    let ind = ds.indicators().at(indicator)?;
    let region = ds.regions().at(region)?;
    let channel = match channel {
        Some(c) => Some(ds.channels().at(c)?),
        None => None,
    };
    let kind = if cell.first_year != cell.last_year {
        ChartKind::Lines
    } else if ind.channel_specific && channel.is_none() {
        ChartKind::BarsByChannel
    } else {
        ChartKind::Ranking
    };
    Some(ChartSpec {
        kind,
        indicators: vec![ind.id.clone()],
        regions: vec![region.id.clone()],
        channels: channel.map(|c| vec![c.id.clone()]).unwrap_or_default(),
        value_labels: true,
        ..ChartSpec::default()
    })
}

/// The accessible name of a cell: "Region · Indicator (· Channel): label".
pub fn cell_name(
    ds: &Dataset,
    lang: Lang,
    region: RegionIx,
    indicator: IndicatorIx,
    channel: Option<ChannelIx>,
    cell: &CoverageCell,
) -> String {
    let mut name = format!(
        "{} · {}",
        ds.regions().at(region).map_or("", |r| r.name.get(lang)),
        ds.indicators()
            .at(indicator)
            .map_or("", |i| i.name.get(lang))
    );
    if let Some(c) = channel.and_then(|c| ds.channels().at(c)) {
        name.push_str(" · ");
        name.push_str(c.name.get(lang));
    }
    format!("{name}: {}", cell_label(cell))
}

fn fill(cell: &CoverageCell) -> Color32 {
    let with_value = cell.cited() + cell.illustrative;
    if with_value == 0 {
        return Color32::from_gray(225);
    }
    let [r, g, b] = palette::heat_colour(cell.cited() as f64 / with_value as f64);
    Color32::from_rgb(r, g, b)
}

/// Draws the coverage tab.
pub fn show(ui: &mut egui::Ui, app: &App, uis: &mut UiState, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let ds = app.dataset();
    let cov = Coverage::of(ds, None);
    let regions: Vec<RegionIx> = cov
        .totals_per_region()
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    ui.heading(Msg::CoverageTitle.get(lang));
    ui.label(Msg::CoverageHint.get(lang));
    ui.horizontal(|ui| {
        ui.checkbox(
            &mut uis.coverage_by_channel,
            Msg::CoverageByChannel.get(lang),
        );
        if ui.button(Msg::CoverageExport.get(lang)).clicked() {
            cmds.push(AppCommand::SetSpec(Box::new(ChartSpec {
                kind: ChartKind::Coverage,
                regions: regions
                    .iter()
                    .filter_map(|&r| ds.regions().at(r))
                    .map(|r| r.id.clone())
                    .collect(),
                ..ChartSpec::default()
            })));
            cmds.push(AppCommand::OpenExport);
        }
    });
    ui.collapsing(Msg::CoverageTotals.get(lang), |ui| {
        for (r, c) in cov.totals_per_region() {
            ui.label(format!(
                "{}: {}",
                ds.regions().at(r).map_or("", |r| r.name.get(lang)),
                cell_label(&c)
            ));
        }
    });
    ui.add_space(6.0);
    let rows: Vec<(IndicatorIx, Option<ChannelIx>)> = if uis.coverage_by_channel {
        cov.rows(&regions)
    } else {
        let mut v: Vec<(IndicatorIx, Option<ChannelIx>)> = cov
            .rows(&regions)
            .into_iter()
            .map(|(i, _)| (i, None))
            .collect();
        v.dedup();
        v
    };
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("coverage_grid")
                .striped(true)
                .spacing(egui::vec2(4.0, 3.0))
                .show(ui, |ui| {
                    ui.label("");
                    for &r in &regions {
                        ui.strong(ds.regions().at(r).map_or("", |r| r.name.get(lang)));
                    }
                    ui.end_row();
                    for &(ind, ch) in &rows {
                        let mut row_name = ds
                            .indicators()
                            .at(ind)
                            .map_or("", |i| i.name.get(lang))
                            .to_owned();
                        if let Some(c) = ch.and_then(|c| ds.channels().at(c)) {
                            row_name = format!("{row_name} · {}", c.name.get(lang));
                        }
                        ui.label(row_name);
                        for &r in &regions {
                            let cell = if uis.coverage_by_channel {
                                cov.cell(r, ind, ch).cloned()
                            } else {
                                cov.indicator_cell(r, ind)
                            };
                            let Some(cell) = cell else {
                                ui.weak("–");
                                continue;
                            };
                            let bg = fill(&cell);
                            let text = if bg.intensity() < 0.55 {
                                Color32::WHITE
                            } else {
                                Color32::from_gray(20)
                            };
                            let name = cell_name(ds, lang, r, ind, ch, &cell);
                            let button = egui::Button::new(
                                RichText::new(cell_label(&cell)).small().color(text),
                            )
                            .fill(bg);
                            let resp = ui.add(button);
                            resp.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                            });
                            if resp.on_hover_text(&name).clicked()
                                && let Some(spec) = cell_spec(ds, r, ind, ch, &cell)
                            {
                                cmds.push(AppCommand::SetSpec(Box::new(spec)));
                                cmds.push(AppCommand::SetTab(Tab::Chart));
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}

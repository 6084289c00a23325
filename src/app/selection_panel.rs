/*!
The selection panel: open datasets, regions (with their fixed colours), channels,
segments (companies, brands, sectors; shown when the data has any), indicators grouped by
theme, and the period. Every change is sent as a
[`Command::SetSpec`] so it can be undone.
*/

use super::theme::rgb;
use super::{App, AppCommand};
use crate::chart::palette;
use crate::i18n::Msg;
use crate::model::{ChannelId, IndicatorGroup, IndicatorId, SegmentId};
use eframe::egui;

/// Draws the panel.
pub fn show(ui: &mut egui::Ui, app: &App, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let ds = app.dataset();
    let mut spec = app.state.spec.clone();

    datasets(ui, app, cmds);

    ui.heading(Msg::Regions.get(lang));
    let mut all = spec.regions.is_empty();
    if ui
        .checkbox(&mut all, Msg::AllRegions.get(lang))
        .on_hover_text(Msg::AllRegionsHint.get(lang))
        .changed()
        && all
    {
        spec.regions.clear();
    }
    for (ix, r) in ds.regions().iter().enumerate() {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, rgb(palette::region_colour(r, ix)));
            let mut on = spec.regions.contains(&r.id);
            if ui.checkbox(&mut on, r.name.get(lang)).changed() {
                toggle(&mut spec.regions, &r.id, on);
            }
        });
    }

    ui.add_space(6.0);
    ui.heading(Msg::Channels.get(lang));
    let mut all = spec.channels.is_empty();
    if ui.checkbox(&mut all, Msg::AllChannels.get(lang)).changed() && all {
        spec.channels.clear();
    }
    ui.horizontal_wrapped(|ui| {
        for c in ds.channels().iter() {
            let mut on = spec.channels.contains(&c.id);
            if ui.checkbox(&mut on, c.name.get(lang)).changed() {
                toggle::<ChannelId>(&mut spec.channels, &c.id, on);
            }
        }
    });

    if !ds.segments().is_empty() {
        ui.add_space(6.0);
        ui.heading(Msg::Segments.get(lang));
        let mut all = spec.segments.is_empty();
        if ui
            .checkbox(&mut all, Msg::AllSegments.get(lang))
            .on_hover_text(Msg::AllSegmentsHint.get(lang))
            .changed()
            && all
        {
            spec.segments.clear();
        }
        ui.horizontal_wrapped(|ui| {
            for sg in ds.segments().iter() {
                let mut on = spec.segments.contains(&sg.id);
                if ui.checkbox(&mut on, sg.name.get(lang)).changed() {
                    toggle::<SegmentId>(&mut spec.segments, &sg.id, on);
                }
            }
        });
    }

    ui.add_space(6.0);
    ui.heading(Msg::Indicators.get(lang));
    let multi = spec.kind.multi_indicator();
    for group in IndicatorGroup::ALL {
        let members: Vec<_> = ds
            .indicators()
            .iter()
            .filter(|i| i.group == group)
            .collect();
        if members.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(group.label(lang))
            .id_salt(("group", group as u8))
            .default_open(matches!(
                group,
                IndicatorGroup::Satisfaction | IndicatorGroup::Operations
            ))
            .show(ui, |ui| {
                for ind in members {
                    ui.horizontal(|ui| {
                        let name = ind.name.get(lang);
                        let selected = spec.indicators.contains(&ind.id);
                        let resp = if multi {
                            let mut on = selected;
                            let r = ui.checkbox(&mut on, name);
                            if r.changed() {
                                toggle::<IndicatorId>(&mut spec.indicators, &ind.id, on);
                            }
                            r
                        } else {
                            let first = spec.indicators.first() == Some(&ind.id);
                            let r = ui.radio(first, name);
                            if r.clicked() && !first {
                                spec.indicators.retain(|i| *i != ind.id);
                                spec.indicators.insert(0, ind.id.clone());
                            }
                            r
                        };
                        resp.on_hover_text(ind.definition.get(lang));
                        if ind.channel_specific {
                            ui.weak(Msg::PerChannel.get(lang));
                        }
                    });
                }
            });
    }

    ui.add_space(6.0);
    period(ui, app, &mut spec);

    if spec != app.state.spec {
        cmds.push(AppCommand::SetSpec(Box::new(spec)));
    }
}

fn toggle<T: Clone + PartialEq>(list: &mut Vec<T>, id: &T, on: bool) {
    if on {
        if !list.contains(id) {
            list.push(id.clone());
        }
    } else {
        list.retain(|x| x != id);
    }
}

fn year_range(app: &App) -> Option<(i32, i32)> {
    let col = app.dataset().observations().period_col();
    let lo = col.iter().map(|p| p.year_i32()).min()?;
    let hi = col.iter().map(|p| p.year_i32()).max()?;
    Some((lo, hi))
}

fn period(ui: &mut egui::Ui, app: &App, spec: &mut crate::chart::ChartSpec) {
    let lang = app.state.lang;
    ui.heading(Msg::Period.get(lang));
    let Some((lo, hi)) = year_range(app) else {
        return;
    };
    let mut all = spec.years.is_none();
    if ui.checkbox(&mut all, Msg::AllYears.get(lang)).changed() {
        spec.years = if all { None } else { Some((lo, hi)) };
    }
    if let Some((mut a, mut b)) = spec.years {
        ui.horizontal(|ui| {
            let label = ui.label(Msg::From.get(lang)).id;
            ui.add(egui::Slider::new(&mut a, lo..=hi))
                .labelled_by(label);
        });
        ui.horizontal(|ui| {
            let label = ui.label(Msg::To.get(lang)).id;
            ui.add(egui::Slider::new(&mut b, lo..=hi))
                .labelled_by(label);
        });
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        spec.years = Some((a, b));
    }
}

fn datasets(ui: &mut egui::Ui, app: &App, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    ui.heading(Msg::Datasets.get(lang));
    ui.label(format!("✔ {}", Msg::Bundled.get(lang)));
    for p in &app.state.open_files {
        ui.horizontal(|ui| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            ui.label(name).on_hover_text(p.display().to_string());
            if ui.small_button(Msg::CloseFile.get(lang)).clicked() {
                cmds.push(AppCommand::CloseFile(p.clone()));
            }
        });
    }
    ui.add_space(6.0);
}

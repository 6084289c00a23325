/*!
Two sections of the storytelling panel: reference lines and bands (Average, Median, a
Target with its value and label, a Quartiles or Range band) with the peer set they are
computed over, and annotations (a small form: region, channel, year, text in English and
French; each note listed with move buttons that shift it by [`NUDGE`] of the plot, the
keyboard's way of dragging it, and a remove button). Every change is one
[`Command::SetSpec`].
*/

use super::story_panel::{StoryForm, send, shown};
use super::{App, AppCommand};
use crate::chart::{Annotation, AnnotationAt, BandKind, Reference, SpecText};
use crate::i18n::Msg;
use crate::model::{ChannelId, RegionId, Text};
use eframe::egui;

/// Shift of one press of a move button, as a share of the plot's width or height.
pub const NUDGE: f32 = 0.05;

/// The target's value typed in the form: a number in the indicator's unit, with `.` or `,`
/// as decimal separator.
pub fn parse_value(text: &str) -> Option<f64> {
    let t = text
        .trim()
        .replace(',', ".")
        .replace(['\u{a0}', '\u{202f}', ' '], "");
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reference lines and bands, and the peer set.
pub fn references(ui: &mut egui::Ui, app: &App, form: &mut StoryForm, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let mut spec = app.state.spec.clone();
    for (r, label) in [
        (Reference::Average, Msg::RefAverage),
        (Reference::Median, Msg::RefMedian),
    ] {
        let mut on = spec.reference.contains(&r);
        if ui.checkbox(&mut on, label.get(lang)).changed() {
            if on {
                spec.reference.push(r);
            } else {
                spec.reference.retain(|x| *x != r);
            }
        }
    }
    // one band at most: the radio buttons replace it
    let mut band = spec.reference.iter().find_map(|r| match r {
        Reference::Band(b) => Some(*b),
        _ => None,
    });
    let before = band;
    ui.horizontal_wrapped(|ui| {
        ui.label(Msg::Band.get(lang));
        ui.radio_value(&mut band, None, Msg::BandNone.get(lang));
        ui.radio_value(
            &mut band,
            Some(BandKind::Quartiles),
            Msg::BandQuartiles.get(lang),
        );
        ui.radio_value(&mut band, Some(BandKind::Range), Msg::BandRange.get(lang));
    });
    if band != before {
        spec.reference.retain(|r| !matches!(r, Reference::Band(_)));
        if let Some(b) = band {
            spec.reference.push(Reference::Band(b));
        }
    }
    // targets: listed with a remove button, added from the form
    let mut remove = None;
    for (i, r) in spec.reference.iter().enumerate() {
        if let Reference::Target { value, label } = r {
            ui.horizontal(|ui| {
                let name = label
                    .as_ref()
                    .map(|t| t.get(lang).to_owned())
                    .unwrap_or_else(|| Msg::Target.get(lang).to_owned());
                ui.label(format!("{name}: {value}"));
                if ui
                    .small_button("✕")
                    .on_hover_text(format!("{} {name}", Msg::RemoveTarget.get(lang)))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
    }
    if let Some(i) = remove {
        spec.reference.remove(i);
    }
    egui::Grid::new("target_form")
        .num_columns(2)
        .show(ui, |ui| {
            field(ui, Msg::TargetValue.get(lang), &mut form.target_value, "80");
            field(
                ui,
                Msg::TargetLabelEn.get(lang),
                &mut form.target_en,
                "Target",
            );
            field(
                ui,
                Msg::TargetLabelFr.get(lang),
                &mut form.target_fr,
                "Objectif",
            );
        });
    let value = parse_value(&form.target_value);
    if ui
        .add_enabled(value.is_some(), egui::Button::new(Msg::AddTarget.get(lang)))
        .clicked()
        && let Some(value) = value
    {
        let label = (!form.target_en.trim().is_empty() || !form.target_fr.trim().is_empty())
            .then(|| Text::new(form.target_en.trim(), form.target_fr.trim()));
        spec.reference.push(Reference::Target { value, label });
        *form = StoryForm {
            headline_edit: form.headline_edit.take(),
            ..StoryForm::default()
        };
    }
    ui.add_space(4.0);
    ui.strong(Msg::Peers.get(lang));
    ui.weak(Msg::PeersHint.get(lang));
    ui.horizontal_wrapped(|ui| {
        for r in app.dataset().regions().iter() {
            let mut on = spec.peers.contains(&r.id);
            if ui.checkbox(&mut on, r.name.get(lang)).changed() {
                if on {
                    spec.peers.push(r.id.clone());
                } else {
                    spec.peers.retain(|p| *p != r.id);
                }
            }
        }
    });
    send(app, spec, cmds);
}

/// One labelled text field of a form grid.
fn field(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str) {
    let id = ui.label(label).id;
    ui.add(
        egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(120.0),
    )
    .labelled_by(id);
    ui.end_row();
}

/// What an annotation points at, in words.
fn at_text(at: &AnnotationAt) -> String {
    let mut parts = Vec::new();
    if let Some(r) = &at.region {
        parts.push(r.as_str().to_owned());
    }
    if let Some(c) = &at.channel {
        parts.push(c.as_str().to_owned());
    }
    if let Some(y) = at.year {
        parts.push(y.to_string());
    }
    parts.join(" · ")
}

/// The annotations: listed with move and remove buttons, and the form adding one.
pub fn annotations(ui: &mut egui::Ui, app: &App, form: &mut StoryForm, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let mut spec = app.state.spec.clone();
    let mut remove = None;
    for (i, a) in spec.annotations.iter_mut().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let text = a.text.get(lang).to_owned();
            ui.label(format!("“{text}” ({})", at_text(&a.at)));
            for (arrow, dx, dy, hint) in [
                ("←", -NUDGE, 0.0, Msg::NoteLeft),
                ("→", NUDGE, 0.0, Msg::NoteRight),
                ("↑", 0.0, -NUDGE, Msg::NoteUp),
                ("↓", 0.0, NUDGE, Msg::NoteDown),
            ] {
                if ui
                    .small_button(arrow)
                    .on_hover_text(format!("{} “{text}”", hint.get(lang)))
                    .clicked()
                {
                    let (x, y) = a.offset.unwrap_or((0.0, 0.0));
                    a.offset = Some((x + dx, y + dy));
                }
            }
            if ui
                .small_button("✕")
                .on_hover_text(format!("{} “{text}”", Msg::RemoveNote.get(lang)))
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        spec.annotations.remove(i);
    }
    let marks = shown(app.figure());
    if form.note_region.is_empty()
        && let Some((id, _)) = marks.first()
    {
        form.note_region = id.clone();
    }
    egui::Grid::new("note_form").num_columns(2).show(ui, |ui| {
        let on = ui.label(Msg::NoteOn.get(lang)).id;
        let shown_label = marks
            .iter()
            .find(|(id, _)| *id == form.note_region)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| form.note_region.clone());
        egui::ComboBox::from_id_salt("note_region")
            .selected_text(shown_label)
            .show_ui(ui, |ui| {
                for (id, label) in &marks {
                    ui.selectable_value(&mut form.note_region, id.clone(), label);
                }
            })
            .response
            .labelled_by(on);
        ui.end_row();
        let channel = ui.label(Msg::NoteChannel.get(lang)).id;
        let channel_label = app
            .dataset()
            .channels()
            .get(form.note_channel.as_str())
            .map(|c| c.name.get(lang).to_owned())
            .unwrap_or_else(|| Msg::NoChannel.get(lang).to_owned());
        egui::ComboBox::from_id_salt("note_channel")
            .selected_text(channel_label)
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut form.note_channel,
                    String::new(),
                    Msg::NoChannel.get(lang),
                );
                for c in app.dataset().channels().iter() {
                    ui.selectable_value(
                        &mut form.note_channel,
                        c.id.as_str().to_owned(),
                        c.name.get(lang),
                    );
                }
            })
            .response
            .labelled_by(channel);
        ui.end_row();
        field(ui, Msg::NoteYear.get(lang), &mut form.note_year, "2023");
        field(ui, Msg::NoteTextEn.get(lang), &mut form.note_en, "");
        field(ui, Msg::NoteTextFr.get(lang), &mut form.note_fr, "");
    });
    let year = form.note_year.trim();
    let year_ok = year.is_empty() || year.parse::<i32>().is_ok();
    let has_text = !form.note_en.trim().is_empty() || !form.note_fr.trim().is_empty();
    if ui
        .add_enabled(
            year_ok && has_text && !form.note_region.is_empty(),
            egui::Button::new(Msg::AddNote.get(lang)),
        )
        .clicked()
    {
        let channel = form.note_channel.trim();
        spec.annotations.push(Annotation {
            at: AnnotationAt {
                region: Some(RegionId::new(form.note_region.as_str())),
                channel: (!channel.is_empty()).then(|| ChannelId::new(channel)),
                year: year.parse().ok(),
            },
            text: SpecText::Both(Text::new(form.note_en.trim(), form.note_fr.trim())),
            offset: None,
        });
        form.note_en.clear();
        form.note_fr.clear();
        form.note_year.clear();
    }
    send(app, spec, cmds);
}

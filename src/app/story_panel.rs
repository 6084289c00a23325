/*!
The storytelling panel of the chart tab (Ctrl+T): what the slide says on top of the data.
Sections: highlight (regions or segments singled out), reference lines and bands with the
peer set they are computed over, annotations (in `story_notes`), sort order, colour
overrides for this chart (with the colour-vision warnings of the figure), small multiples,
and "Add to deck". Every control is a plain widget (check box, radio button, text field,
button), so Tab and Space reach them all; every change is one [`Command::SetSpec`], one undo
step.
*/

use super::deck::DeckCommand;
use super::story_notes;
use super::user_command::UserCommand;
use super::{App, AppCommand};
use crate::chart::{ChartKind, ChartSpec, Facet, Figure, SortOrder};
use crate::i18n::Msg;
use eframe::egui;

/// Text typed in the panel's forms, kept between frames (not persisted).
#[derive(Clone, Debug, Default)]
pub struct StoryForm {
    /// Target value being typed.
    pub target_value: String,
    /// Target label, English.
    pub target_en: String,
    /// Target label, French.
    pub target_fr: String,
    /// Annotation form: region (or segment) id of the mark.
    pub note_region: String,
    /// Annotation form: channel id (empty: none).
    pub note_channel: String,
    /// Annotation form: year (empty: none).
    pub note_year: String,
    /// Annotation form: English text.
    pub note_en: String,
    /// Annotation form: French text.
    pub note_fr: String,
    /// Headline or subtitle being edited on the chart: (which, text); `true` = subtitle.
    pub headline_edit: Option<(bool, String)>,
    /// A note being dragged on the chart: (index in the spec's annotations, shift so far in
    /// screen points).
    pub note_drag: Option<(usize, eframe::egui::Vec2)>,
    /// A colour being typed as `#rrggbb`: (region id, text).
    pub colour_edit: Option<(String, String)>,
}

/// Sends `spec` as one undoable change when it differs from the current one.
pub(super) fn send(app: &App, spec: ChartSpec, cmds: &mut Vec<AppCommand>) {
    if spec != app.state.spec {
        cmds.push(AppCommand::SetSpec(Box::new(spec)));
    }
}

/// Draws the panel (a right-hand side panel of the chart tab).
pub fn show(ui: &mut egui::Ui, app: &App, form: &mut StoryForm, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let fig = app.figure();
    ui.heading(Msg::Storytelling.get(lang));
    egui::CollapsingHeader::new(Msg::Highlight.get(lang))
        .default_open(true)
        .show(ui, |ui| highlight(ui, app, fig, cmds));
    egui::CollapsingHeader::new(Msg::References.get(lang))
        .default_open(true)
        .show(ui, |ui| story_notes::references(ui, app, form, cmds));
    egui::CollapsingHeader::new(Msg::Annotations.get(lang))
        .default_open(true)
        .show(ui, |ui| story_notes::annotations(ui, app, form, cmds));
    egui::CollapsingHeader::new(Msg::SortOrder.get(lang))
        .default_open(true)
        .show(ui, |ui| sort(ui, app, cmds));
    egui::CollapsingHeader::new(Msg::Colours.get(lang))
        .default_open(false)
        .show(ui, |ui| colours(ui, app, fig, form, cmds));
    egui::CollapsingHeader::new(Msg::SmallMultiples.get(lang))
        .default_open(false)
        .show(ui, |ui| facet(ui, app, cmds));
}

/// The regions and segments the figure shows: (series id, legend label), in legend order,
/// each once. A segment's id is `region/segment`, as in the figure.
pub(super) fn shown(fig: &Figure) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for s in &fig.series {
        if !out.iter().any(|(i, _)| *i == s.id) {
            out.push((s.id.clone(), s.label.clone()));
        }
    }
    out
}

fn highlight(ui: &mut egui::Ui, app: &App, fig: &Figure, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let mut spec = app.state.spec.clone();
    ui.weak(Msg::HighlightHint.get(lang));
    for (id, label) in shown(fig) {
        let mut on = spec.highlight.contains(&id);
        if ui.checkbox(&mut on, &label).changed() {
            if on {
                spec.highlight.push(id.clone());
            } else {
                spec.highlight.retain(|h| *h != id);
            }
        }
    }
    if !spec.highlight.is_empty() && ui.button(Msg::HighlightNone.get(lang)).clicked() {
        spec.highlight.clear();
    }
    send(app, spec, cmds);
}

/// The context menu of a legend entry (right-click): highlight the series `id`, or stop
/// highlighting it.
pub fn legend_menu(
    response: &egui::Response,
    app: &App,
    id: &str,
    label: &str,
    cmds: &mut Vec<AppCommand>,
) {
    let lang = app.state.lang;
    response.context_menu(|ui| {
        let mut spec = app.state.spec.clone();
        let on = spec.highlight.iter().any(|h| h == id);
        let text = if on {
            Msg::StopHighlighting
        } else {
            Msg::HighlightThis
        };
        if ui.button(format!("{} {label}", text.get(lang))).clicked() {
            if on {
                spec.highlight.retain(|h| h != id);
            } else {
                spec.highlight.push(id.to_owned());
            }
            send(app, spec, cmds);
            ui.close();
        }
    });
}

fn sort(ui: &mut egui::Ui, app: &App, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let mut spec = app.state.spec.clone();
    for (order, label) in [
        (SortOrder::Value, Msg::SortValue),
        (SortOrder::Name, Msg::SortName),
        (SortOrder::AsListed, Msg::SortListed),
    ] {
        ui.radio_value(&mut spec.sort, order, label.get(lang));
    }
    send(app, spec, cmds);
}

fn facet(ui: &mut egui::Ui, app: &App, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let mut spec = app.state.spec.clone();
    ui.weak(Msg::SmallMultiplesHint.get(lang));
    // small multiples are drawn for lines and bars only
    let fits = matches!(
        spec.kind,
        ChartKind::Lines | ChartKind::BarsByChannel | ChartKind::BarsByIndicator
    );
    if !fits && spec.facet.is_none() {
        ui.weak(Msg::SmallMultiplesKinds.get(lang));
        return;
    }
    for (facet, label) in [
        (None, Msg::FacetNone),
        (Some(Facet::Region), Msg::FacetRegion),
        (Some(Facet::Channel), Msg::FacetChannel),
    ] {
        ui.radio_value(&mut spec.facet, facet, label.get(lang));
    }
    send(app, spec, cmds);
}

fn colours(
    ui: &mut egui::Ui,
    app: &App,
    fig: &Figure,
    form: &mut StoryForm,
    cmds: &mut Vec<AppCommand>,
) {
    let lang = app.state.lang;
    let mut spec = app.state.spec.clone();
    ui.weak(Msg::ColoursHint.get(lang));
    for (id, label) in shown(fig) {
        ui.horizontal(|ui| {
            let drawn = fig
                .series
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.colour)
                .unwrap_or([0x80, 0x80, 0x80]);
            let mut c = spec
                .colours
                .get(&id)
                .and_then(|h| crate::chart::story::parse_hex(h))
                .unwrap_or(drawn);
            let button = ui
                .color_edit_button_srgb(&mut c)
                .on_hover_text(Msg::PickColour.get(lang));
            if button.changed() {
                spec.colours
                    .insert(id.clone(), crate::chart::palette::hex(c));
            }
            // the hex field reaches the colour from the keyboard (the picker needs a mouse)
            let name = ui.label(&label).id;
            let key = ("colour", id.clone());
            let mut hex = match &form.colour_edit {
                Some((k, t)) if *k == id => t.clone(),
                _ => crate::chart::palette::hex(c),
            };
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut hex)
                        .id_salt(key)
                        .desired_width(70.0),
                )
                .labelled_by(name)
                .on_hover_text(Msg::ColourHex.get(lang));
            if edit.changed() {
                form.colour_edit = Some((id.clone(), hex.clone()));
            }
            if edit.lost_focus() {
                if let Some(rgb) = crate::chart::story::parse_hex(&hex)
                    && rgb != c
                {
                    spec.colours
                        .insert(id.clone(), crate::chart::palette::hex(rgb));
                }
                form.colour_edit = None;
            }
            if spec.colours.contains_key(&id)
                && ui
                    .small_button(Msg::ResetColour.get(lang))
                    .on_hover_text(format!("{} {label}", Msg::ResetColour.get(lang)))
                    .clicked()
            {
                spec.colours.remove(&id);
            }
        });
    }
    colour_warnings(ui, fig);
    send(app, spec, cmds);
}

/// The figure's colour-vision warnings, shown beside the colour pickers.
fn colour_warnings(ui: &mut egui::Ui, fig: &Figure) {
    let words: &[&str] = &["colour", "couleur"];
    for w in fig
        .warnings
        .iter()
        .filter(|w| words.iter().any(|k| w.to_lowercase().contains(k)))
    {
        ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {w}"));
    }
}

/// The "Storytelling" and "Deck" toggles beside the chart kinds.
pub fn toggle(
    ui: &mut egui::Ui,
    app: &App,
    uis: &super::state::UiState,
    cmds: &mut Vec<AppCommand>,
) {
    let lang = app.state.lang;
    ui.horizontal_wrapped(|ui| {
        if ui
            .selectable_label(uis.show_story, Msg::Storytelling.get(lang))
            .on_hover_text(UserCommand::ToggleStory.hover_text(ui.ctx(), lang))
            .clicked()
        {
            cmds.push(AppCommand::ShowStory(!uis.show_story));
        }
        if ui
            .selectable_label(
                uis.show_deck,
                format!("{} ({})", Msg::Deck.get(lang), app.deck().len()),
            )
            .on_hover_text(UserCommand::ToggleDeck.hover_text(ui.ctx(), lang))
            .clicked()
        {
            cmds.push(AppCommand::Deck(DeckCommand::Show(!uis.show_deck)));
        }
        if ui
            .button(Msg::AddToDeck.get(lang))
            .on_hover_text(UserCommand::AddToDeck.hover_text(ui.ctx(), lang))
            .clicked()
        {
            cmds.push(AppCommand::Deck(DeckCommand::Add(String::new())));
        }
    });
}

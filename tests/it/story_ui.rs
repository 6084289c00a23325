//! The storytelling controls and the deck panel of the app, driven by widget labels with
//! egui_kittest: each test asserts the spec or deck the controls produce, and that undo
//! restores the previous spec in one step.

use crate::fixtures::ui::{harness_in, rightmost, type_into};
use eframe::egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use servicescope::app::{App, AppCommand, UserCommand};
use servicescope::chart::{BandKind, ChartKind, ChartSpec, Facet, Reference, SortOrder, SpecText};
use servicescope::model::{Lang, RegionId, Text};

fn harness() -> Harness<'static, App> {
    harness_in(Lang::En, true)
}

/// The check boxes labelled `label` in the storytelling panel (right of the "Highlight"
/// header; the selection panel on the left has region check boxes of the same names), in
/// order: the highlight section's first, the peer set's last.
fn story_checks<'a>(h: &'a Harness<'static, App>, label: &'a str) -> Vec<egui_kittest::Node<'a>> {
    let left = h.get_by_label("Highlight").rect().min.x - 4.0;
    h.query_all(by().role(Role::CheckBox).label(label))
        .filter(|n| n.rect().min.x >= left)
        .collect()
}

fn spec<'a>(h: &'a Harness<'static, App>) -> &'a ChartSpec {
    &h.state().state.spec
}

#[test]
fn headline_is_edited_in_place_per_language_and_undone_in_one_step() {
    let mut h = harness_in(Lang::En, false);
    type_into(&mut h, "Headline", "France lags its peers");
    assert_eq!(
        spec(&h).title,
        Some(SpecText::Both(Text::new("France lags its peers", "")))
    );
    // French: the English text stays
    h.state_mut().apply(AppCommand::SetLang(Lang::Fr));
    h.run();
    let generated_fr = h.state().figure().title.clone();
    type_into(&mut h, "Titre", "La France à la traîne");
    assert_eq!(
        spec(&h).title,
        Some(SpecText::Both(Text::new(
            "France lags its peers",
            "La France à la traîne"
        )))
    );
    type_into(&mut h, "Sous-titre", "Clients, 2023");
    assert_eq!(
        spec(&h).subtitle,
        Some(SpecText::Both(Text::new("", "Clients, 2023")))
    );
    // one undo step per edit
    h.state_mut().apply(AppCommand::Undo);
    assert_eq!(spec(&h).subtitle, None);
    h.state_mut().apply(AppCommand::Undo);
    assert_eq!(
        spec(&h).title,
        Some(SpecText::Both(Text::new("France lags its peers", "")))
    );
    h.state_mut().apply(AppCommand::Undo);
    assert_eq!(spec(&h).title, None);
    h.run();
    assert_eq!(h.state().figure().title, generated_fr);
    // F2 puts the keyboard in the headline
    h.key_press(Key::F2);
    h.run();
    assert!(h.get_by_label("Titre").is_focused());
    h.get_by_label("Titre").type_text(" (brouillon)");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(spec(&h).title, None, "Esc abandons");
}

#[test]
fn highlight_picks_regions_and_undo_restores() {
    let mut h = harness();
    let colour = |h: &Harness<'static, App>, id: &str| {
        h.state()
            .figure()
            .series
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.colour)
            .expect("series shown")
    };
    let uk_before = colour(&h, "uk");
    story_checks(&h, "France")[0].click();
    h.run();
    assert_eq!(spec(&h).highlight, vec!["france".to_owned()]);
    // the figure follows: the others turn grey, France keeps its colour
    assert_ne!(colour(&h, "uk"), uk_before);
    assert_eq!(colour(&h, "uk"), colour(&h, "maghreb"));
    assert_ne!(colour(&h, "france"), colour(&h, "uk"));
    story_checks(&h, "Québec")[0].click();
    h.run();
    assert_eq!(spec(&h).highlight, vec!["france", "quebec"]);
    h.state_mut().apply(AppCommand::Undo);
    assert_eq!(spec(&h).highlight, vec!["france".to_owned()]);
    h.get_by_label("Highlight none").click();
    h.run();
    assert!(spec(&h).highlight.is_empty());
}

#[test]
fn right_click_on_a_legend_entry_highlights_it() {
    let mut h = harness_in(Lang::En, false);
    h.get(by().role(Role::Label).label("Québec"))
        .click_secondary();
    h.run();
    h.get_by_label("Highlight Québec").click();
    h.run();
    assert_eq!(spec(&h).highlight, vec!["quebec".to_owned()]);
    h.get(by().role(Role::Label).label("Québec"))
        .click_secondary();
    h.run();
    h.get_by_label("Stop highlighting Québec").click();
    h.run();
    assert!(spec(&h).highlight.is_empty());
    h.state_mut().apply(AppCommand::Undo);
    assert_eq!(spec(&h).highlight, vec!["quebec".to_owned()]);
}

#[test]
fn references_band_target_and_peers() {
    let mut h = harness();
    h.get_by_label("Median").click();
    h.run();
    h.get_by_label("Quartiles").click();
    h.run();
    assert_eq!(
        spec(&h).reference,
        vec![Reference::Median, Reference::Band(BandKind::Quartiles)]
    );
    assert_eq!(
        h.state().figure().story.references.len(),
        2,
        "the median line and the band are drawn"
    );
    // the band is one at most: Range replaces Quartiles
    h.get_by_label("Range").click();
    h.run();
    assert_eq!(
        spec(&h).reference,
        vec![Reference::Median, Reference::Band(BandKind::Range)]
    );
    type_into(&mut h, "Target value", "12,5");
    type_into(&mut h, "Label (EN)", "Target");
    type_into(&mut h, "Label (FR)", "Objectif");
    let before = spec(&h).clone();
    h.get_by_label("Add target").click();
    h.run();
    assert_eq!(
        spec(&h).reference[2],
        Reference::Target {
            value: 12.5,
            label: Some(Text::new("Target", "Objectif"))
        }
    );
    h.state_mut().apply(AppCommand::Undo);
    assert_eq!(*spec(&h), before, "one undo step removes the target");
    h.state_mut().apply(AppCommand::Redo);
    // peers: the rightmost "United Kingdom" is in the peer set
    story_checks(&h, "United Kingdom")
        .pop()
        .expect("peer check box")
        .click();
    h.run();
    assert_eq!(spec(&h).peers, vec![RegionId::new("uk")]);
}

#[test]
fn annotation_added_moved_and_removed() {
    let mut h = harness();
    type_into(&mut h, "Text (EN)", "Our client");
    type_into(&mut h, "Text (FR)", "Notre client");
    h.get_by_label("Add annotation").click();
    h.run();
    let a = &spec(&h).annotations;
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].at.year, None, "no year typed: the latest value");
    assert_eq!(
        a[0].text,
        SpecText::Both(Text::new("Our client", "Notre client"))
    );
    assert_eq!(
        h.state().figure().story.notes.len(),
        1,
        "the note is placed"
    );
    assert_eq!(h.state().figure().story.notes[0].text, "Our client");
    let region = a[0].at.region.clone().expect("a region");
    assert!(
        h.state()
            .figure()
            .series
            .iter()
            .any(|s| s.id == region.as_str()),
        "{region:?} is a region shown"
    );
    // drag the note's grip on the chart 120 px right and 30 px down: one undo step, and the
    // stored offset puts the grip where it was dropped
    let grip = "Move note “Our client”";
    let from = h.get_by_label(grip).rect().center();
    let to = from + eframe::egui::vec2(120.0, 30.0);
    crate::fixtures::ui::drag_in_steps(&mut h, from, to, 4);
    let off = spec(&h).annotations[0].offset.expect("dragged");
    assert!(off.0 > 0.05 && off.1 > -0.08, "{off:?}");
    let now = h.get_by_label(grip).rect().center();
    assert!(
        (now - to).length() < 2.0,
        "grip at {now:?}, dropped at {to:?}"
    );
    h.state_mut().apply(AppCommand::Undo);
    assert_eq!(spec(&h).annotations[0].offset, None);
    h.run();
    // keyboard move: two presses right, one up
    rightmost(&h, "→").click();
    h.run();
    rightmost(&h, "→").click();
    h.run();
    rightmost(&h, "↑").click();
    h.run();
    let off = spec(&h).annotations[0].offset.expect("moved");
    assert!(
        (off.0 - 0.10).abs() < 1e-6 && (off.1 + 0.05).abs() < 1e-6,
        "{off:?}"
    );
    h.state_mut().apply(AppCommand::Undo);
    let off = spec(&h).annotations[0].offset.expect("moved");
    assert!((off.0 - 0.10).abs() < 1e-6 && off.1.abs() < 1e-6, "{off:?}");
    rightmost(&h, "✕").click();
    h.run();
    assert!(spec(&h).annotations.is_empty());
}

#[test]
fn sort_colours_and_facet() {
    let mut h = harness();
    h.get_by_label("By name").click();
    h.run();
    assert_eq!(spec(&h).sort, SortOrder::Name);
    let labels: Vec<String> = h
        .state()
        .figure()
        .series
        .iter()
        .map(|s| s.label.clone())
        .collect();
    let mut sorted = labels.clone();
    sorted.sort();
    assert_eq!(labels, sorted, "the legend follows the name order");
    h.get_by_label("By value (best first)").click();
    h.run();
    assert_eq!(spec(&h).sort, SortOrder::Value);
    h.state_mut().apply(AppCommand::Undo);
    assert_eq!(spec(&h).sort, SortOrder::Name);

    h.get_by_label("Colours").click();
    h.run();
    // the colour of France typed as hex (the keyboard's way to the picker)
    let france_fields: Vec<_> = h
        .query_all(by().role(Role::TextInput).label("France"))
        .collect();
    assert_eq!(france_fields.len(), 1);
    france_fields[0].focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get(by().role(Role::TextInput).label("France"))
        .type_text("#1f77b4");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        spec(&h).colours.get("france").map(String::as_str),
        Some("#1f77b4")
    );
    let france = h
        .state()
        .figure()
        .series
        .iter()
        .find(|s| s.id == "france")
        .map(|s| s.colour);
    assert_eq!(france, Some([0x1f, 0x77, 0xb4]));
    h.get_by_label("Reset").click();
    h.run();
    assert!(spec(&h).colours.is_empty());

    h.get_by_label("Small multiples").click();
    h.run();
    // a ranking has no small multiples: the panel says which kinds have them
    h.get_by_label("Choose lines or bars to split the chart into small multiples.");
    h.state_mut().apply(AppCommand::SetKind(ChartKind::Lines));
    h.run();
    h.get_by_label("Per region").click();
    h.run();
    assert_eq!(spec(&h).facet, Some(Facet::Region));
    h.get_by_label("Per channel").click();
    h.run();
    assert_eq!(spec(&h).facet, Some(Facet::Channel));
    h.state_mut().apply(AppCommand::Undo);
    assert_eq!(spec(&h).facet, Some(Facet::Region));
    h.state_mut().apply(AppCommand::Undo);
    assert_eq!(spec(&h).facet, None);
    assert_eq!(spec(&h).kind, ChartKind::Lines);
}

#[test]
fn storytelling_and_deck_shortcuts_are_in_the_command_table_and_work() {
    let mut h = harness_in(Lang::En, false);
    let keys: Vec<(String, String)> = UserCommand::all()
        .into_iter()
        .filter_map(|c| Some((c.shortcut_text(&h.ctx)?, c.tooltip(Lang::Fr))))
        .collect();
    for (k, what) in [
        ("F2", "Modifier le titre sur place"),
        ("Ctrl+T", "mise en récit"),
        ("Ctrl+K", "série"),
        ("Ctrl+Shift+K", "Ajouter le graphique courant"),
    ] {
        assert!(
            keys.iter().any(|(key, w)| key == k && w.contains(what)),
            "{k} {what} in {keys:?}"
        );
    }
    // Ctrl+T opens the storytelling panel, Ctrl+K the deck window, Ctrl+Shift+K adds
    assert!(h.query_by_label("Highlight none").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    assert!(h.state().ui.show_story);
    h.get_by_label("Median");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::K);
    h.run();
    assert_eq!(h.state().deck().len(), 1);
    assert!(!h.state().ui.show_deck, "Ctrl+Shift+K only adds");
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(h.state().ui.show_deck);
    h.get_by_label("Export deck");
}

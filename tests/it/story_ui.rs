//! The storytelling controls and the deck panel of the app, driven by widget labels with
//! egui_kittest: each test asserts the spec or deck the controls produce, and that undo
//! restores the previous spec in one step.

use eframe::egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use servicescope::app::deck::DeckCommand;
use servicescope::app::{self, App, AppState, Command, UserCommand};
use servicescope::chart::{BandKind, ChartKind, ChartSpec, Facet, Reference, SortOrder, SpecText};
use servicescope::model::{IndicatorId, Lang, RegionId, Text};
use std::path::Path;

fn nps_ranking() -> ChartSpec {
    ChartSpec {
        kind: ChartKind::Ranking,
        indicators: vec![IndicatorId::new("nps")],
        regions: ["uk", "maghreb", "quebec", "france"]
            .into_iter()
            .map(RegionId::new)
            .collect(),
        ..Default::default()
    }
}

fn harness_in(lang: Lang, story: bool) -> Harness<'static, App> {
    let ds = servicescope::io::benchmark::load().expect("benchmark loads");
    let state = AppState {
        lang,
        spec: nps_ranking(),
        ..AppState::default()
    };
    let mut h = Harness::builder()
        .with_size([1600.0, 1400.0])
        .build_eframe(move |cc| {
            app::setup_context(&cc.egui_ctx);
            App::new(ds, state)
        });
    h.run();
    if story {
        h.get_by_label("Storytelling").click();
        h.run();
    }
    h
}

fn harness() -> Harness<'static, App> {
    harness_in(Lang::En, true)
}

/// The rightmost widget with `label` (the storytelling panel sits right of the selection
/// panel, which has region check boxes of the same names).
fn rightmost<'a>(h: &'a Harness<'static, App>, label: &'a str) -> egui_kittest::Node<'a> {
    h.query_all_by_label(label)
        .max_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .unwrap_or_else(|| panic!("no widget labelled {label}"))
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

/// Replaces the text of the field labelled `label` (rightmost one) and presses Enter.
fn type_into(h: &mut Harness<'static, App>, label: &str, text: &str) {
    rightmost(h, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    rightmost(h, label).type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
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
    h.state_mut().apply(Command::SetLang(Lang::Fr));
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
    h.state_mut().apply(Command::Undo);
    assert_eq!(spec(&h).subtitle, None);
    h.state_mut().apply(Command::Undo);
    assert_eq!(
        spec(&h).title,
        Some(SpecText::Both(Text::new("France lags its peers", "")))
    );
    h.state_mut().apply(Command::Undo);
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
    h.state_mut().apply(Command::Undo);
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
    h.state_mut().apply(Command::Undo);
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
    h.state_mut().apply(Command::Undo);
    assert_eq!(*spec(&h), before, "one undo step removes the target");
    h.state_mut().apply(Command::Redo);
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
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for step in 1..=4 {
        h.hover_at(from + (to - from) * (step as f32 / 4.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    let off = spec(&h).annotations[0].offset.expect("dragged");
    assert!(off.0 > 0.05 && off.1 > -0.08, "{off:?}");
    let now = h.get_by_label(grip).rect().center();
    assert!(
        (now - to).length() < 2.0,
        "grip at {now:?}, dropped at {to:?}"
    );
    h.state_mut().apply(Command::Undo);
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
    h.state_mut().apply(Command::Undo);
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
    h.state_mut().apply(Command::Undo);
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
    h.state_mut().apply(Command::SetKind(ChartKind::Lines));
    h.run();
    h.get_by_label("Per region").click();
    h.run();
    assert_eq!(spec(&h).facet, Some(Facet::Region));
    h.get_by_label("Per channel").click();
    h.run();
    assert_eq!(spec(&h).facet, Some(Facet::Channel));
    h.state_mut().apply(Command::Undo);
    assert_eq!(spec(&h).facet, Some(Facet::Region));
    h.state_mut().apply(Command::Undo);
    assert_eq!(spec(&h).facet, None);
    assert_eq!(spec(&h).kind, ChartKind::Lines);
}

/// Adds three slides from three chart kinds (with the keyboard shortcut) and opens the deck
/// window (Ctrl+K).
fn three_slides(h: &mut Harness<'static, App>) {
    for kind in [ChartKind::Ranking, ChartKind::Lines, ChartKind::Radar] {
        h.state_mut().apply(Command::SetKind(kind));
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::K);
        h.run();
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
}

fn names(h: &Harness<'static, App>) -> Vec<String> {
    h.state().deck().iter().map(|c| c.name.clone()).collect()
}

#[test]
fn deck_reorder_by_buttons_and_drag_rename_remove_open() {
    let mut h = harness_in(Lang::En, false);
    three_slides(&mut h);
    let first = names(&h);
    assert_eq!(first.len(), 3);
    let kinds: Vec<ChartKind> = h.state().deck().iter().map(|c| c.spec.kind).collect();
    assert_eq!(
        kinds,
        [ChartKind::Ranking, ChartKind::Lines, ChartKind::Radar]
    );
    // keyboard way: the first slide's "↓"
    h.query_all_by_label("↓").next().expect("move down").click();
    h.run();
    assert_eq!(
        names(&h),
        [first[1].clone(), first[0].clone(), first[2].clone()]
    );
    // drag the third slide's handle onto the first row
    let handle = |h: &Harness<'static, App>, i: usize| {
        h.query_all_by_label("≡")
            .nth(i)
            .expect("drag handle")
            .rect()
            .center()
    };
    let (from, to) = (handle(&h, 2), handle(&h, 0));
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for step in 1..=6 {
        h.hover_at(from + (to - from) * (step as f32 / 6.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    assert_eq!(
        names(&h),
        [first[2].clone(), first[1].clone(), first[0].clone()]
    );
    // rename the first slide
    let node = h.get(by().role(Role::TextInput).value(&first[2]));
    node.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get(by().role(Role::TextInput).value(&first[2]))
        .type_text("radar-profile");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(names(&h)[0], "radar-profile");
    // a name taken by another slide is refused with a message
    h.state_mut().apply(Command::Deck(DeckCommand::Rename(
        1,
        "RADAR-Profile".into(),
    )));
    assert_eq!(names(&h)[1], first[1]);
    assert!(matches!(h.state().deck_status(), Some(Err(m)) if m.contains("used twice")));
    // remove the second, open the last
    h.query_all_by_label("Remove")
        .nth(1)
        .expect("remove")
        .click();
    h.run();
    assert_eq!(names(&h), ["radar-profile", first[0].as_str()]);
    h.query_all_by_label("Open").nth(1).expect("open").click();
    h.run();
    assert_eq!(h.state().state.spec.kind, ChartKind::Ranking);
}

#[test]
fn deck_saved_and_reloaded_equal_with_consent_before_replacing() {
    let mut h = harness_in(Lang::En, false);
    three_slides(&mut h);
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("my-deck.ron");
    type_into(&mut h, "Deck file", file.to_str().expect("utf8"));
    h.get_by_label("Save deck").click();
    h.run();
    let saved = h.state().deck().to_vec();
    let read = servicescope::export::deck::read_deck(&file).expect("the saved deck reads");
    assert_eq!(read.charts, saved);
    // saving again asks first; "Keep them" leaves the file alone
    std::fs::write(&file, "old").expect("write");
    h.get_by_label("Save deck").click();
    h.run();
    assert_eq!(h.state().deck_pending().map(|p| p.files.len()), Some(1));
    h.get_by_label("Keep them").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "old");
    h.get_by_label("Save deck").click();
    h.run();
    h.get_by_label("Replace").click();
    h.run();
    assert_eq!(
        servicescope::export::deck::read_deck(&file)
            .expect("reads")
            .charts,
        saved
    );
    // reload into an emptied deck
    for _ in 0..3 {
        h.state_mut().apply(Command::Deck(DeckCommand::Remove(0)));
    }
    assert!(h.state().deck().is_empty());
    h.run();
    h.get_by_label("Open deck").click();
    h.run();
    assert_eq!(
        h.state().deck(),
        saved.as_slice(),
        "{:?}",
        h.state().deck_status()
    );
    // the deck is part of the persisted workspace
    let text = ron::to_string(&h.state().state).expect("serialises");
    let back: AppState = ron::from_str(&text).expect("reads back");
    assert_eq!(back.deck, saved);
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn deck_exports_one_file_per_slide_as_the_command_line_does() {
    let mut h = harness_in(Lang::En, false);
    three_slides(&mut h);
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("app");
    type_into(&mut h, "Export to", out.to_str().expect("utf8"));
    h.get_by_label("SVG files").click();
    h.run();
    h.get_by_label("Export deck").click();
    h.step();
    h.state_mut().finish_deck_export();
    h.run();
    assert!(
        matches!(h.state().deck_status(), Some(Ok(m)) if m.ends_with(": 3")),
        "{:?}",
        h.state().deck_status()
    );
    let expected: Vec<String> = names(&h).iter().map(|n| format!("{n}.svg")).collect();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(files_in(&out), sorted);

    // the same deck saved as a file and exported by `servicescope export --deck`
    let deck_file = dir.path().join("deck.ron");
    type_into(&mut h, "Deck file", deck_file.to_str().expect("utf8"));
    h.get_by_label("Save deck").click();
    h.run();
    let cli_out = dir.path().join("cli");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_servicescope"))
        .args(["export", "--deck"])
        .arg(&deck_file)
        .arg("--out-dir")
        .arg(&cli_out)
        .args(["--format", "svg", "--locale", "en-GB"])
        .output()
        .expect("runs");
    assert!(status.status.success(), "{:?}", status);
    for name in &expected {
        let app_bytes = std::fs::read(out.join(name)).expect("app file");
        let cli_bytes = std::fs::read(cli_out.join(name)).expect("cli file");
        assert!(app_bytes == cli_bytes, "{name} differs between app and CLI");
    }

    // the whole deck as one PDF, byte-identical to `export --deck … --out FILE.pdf`
    let pdf = dir.path().join("whole");
    type_into(&mut h, "Export to", pdf.to_str().expect("utf8"));
    h.get_by_label("One PDF (a page per slide)").click();
    h.run();
    h.get_by_label("Export deck").click();
    h.step();
    h.state_mut().finish_deck_export();
    h.run();
    assert!(
        matches!(h.state().deck_status(), Some(Ok(m)) if m.ends_with(": 1")),
        "{:?}",
        h.state().deck_status()
    );
    let app_pdf = std::fs::read(dir.path().join("whole.pdf")).expect("one PDF written");
    let cli_pdf = dir.path().join("cli.pdf");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_servicescope"))
        .args(["export", "--deck"])
        .arg(&deck_file)
        .arg("--out")
        .arg(&cli_pdf)
        .args(["--locale", "en-GB"])
        .output()
        .expect("runs");
    assert!(status.status.success(), "{:?}", status);
    assert!(
        app_pdf == std::fs::read(&cli_pdf).expect("cli pdf"),
        "the app's deck PDF differs from the command line's"
    );
    let text = String::from_utf8_lossy(&app_pdf);
    assert!(text.contains("/Count 3"), "one page per slide");
    // and as one PowerPoint file, as `export --deck … --out FILE.pptx`
    type_into(
        &mut h,
        "Export to",
        dir.path().join("talk").to_str().expect("utf8"),
    );
    h.get_by_label("PowerPoint (a chart per slide)").click();
    h.run();
    h.get_by_label("Export deck").click();
    h.step();
    h.state_mut().finish_deck_export();
    h.run();
    let app_pptx = std::fs::read(dir.path().join("talk.pptx")).expect("one PPTX written");
    let cli_pptx = dir.path().join("cli.pptx");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_servicescope"))
        .args(["export", "--deck"])
        .arg(&deck_file)
        .arg("--out")
        .arg(&cli_pptx)
        .args(["--locale", "en-GB"])
        .output()
        .expect("runs");
    assert!(status.status.success(), "{:?}", status);
    assert!(
        app_pptx == std::fs::read(&cli_pptx).expect("cli pptx"),
        "the app's deck PPTX differs from the command line's"
    );
    type_into(&mut h, "Export to", out.to_str().expect("utf8"));

    // exporting again asks before replacing the three files
    h.get_by_label("PNG files").click();
    h.run();
    h.get_by_label("Export deck").click();
    h.step();
    h.state_mut().finish_deck_export();
    h.run();
    assert_eq!(files_in(&out).len(), 6, "PNG files beside the SVG ones");
    h.get_by_label("Export deck").click();
    h.run();
    assert_eq!(h.state().deck_pending().map(|p| p.files.len()), Some(3));
    h.get_by_label("Replace").click();
    h.step();
    h.state_mut().finish_deck_export();
    h.run();
    assert!(matches!(h.state().deck_status(), Some(Ok(_))));
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

#[test]
fn deck_exports_one_powerpoint_file_as_the_command_line_does() {
    let mut h = harness_in(Lang::En, false);
    three_slides(&mut h);
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("app");
    type_into(&mut h, "Export to", out.to_str().expect("utf8"));
    h.get_by_label("PowerPoint (deck.pptx, editable charts)")
        .click();
    h.run();
    h.get_by_label("Export deck").click();
    h.step();
    h.state_mut().finish_deck_export();
    h.run();
    assert!(
        matches!(h.state().deck_status(), Some(Ok(m)) if m.ends_with(": 1")),
        "{:?}",
        h.state().deck_status()
    );
    assert_eq!(files_in(&out), ["deck.pptx"]);
    let app_bytes = std::fs::read(out.join("deck.pptx")).expect("app file");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(app_bytes.clone())).expect("zip");
    let mut pres = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("ppt/presentation.xml").expect("presentation"),
        &mut pres,
    )
    .expect("utf-8");
    assert_eq!(pres.matches("<p:sldId ").count(), 3, "one slide per chart");

    // the same deck through `servicescope export --deck … --out deck.pptx`: the same bytes
    let deck_file = dir.path().join("deck.ron");
    type_into(&mut h, "Deck file", deck_file.to_str().expect("utf8"));
    h.get_by_label("Save deck").click();
    h.run();
    let cli = dir.path().join("cli.pptx");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_servicescope"))
        .args(["export", "--deck"])
        .arg(&deck_file)
        .arg("--out")
        .arg(&cli)
        .args(["--locale", "en-GB"])
        .output()
        .expect("runs");
    assert!(status.status.success(), "{:?}", status);
    assert!(
        std::fs::read(&cli).expect("cli file") == app_bytes,
        "app and CLI presentations differ"
    );
}

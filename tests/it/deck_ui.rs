//! The deck window of the app driven by widget labels with egui_kittest: slides added,
//! reordered (buttons and drag), renamed, removed, opened, saved and reopened as a deck file,
//! exported as folders of images or one PDF / PowerPoint file identical to the command line's.

use crate::fixtures::cli::{run, s};
use crate::fixtures::ui::{harness_in, type_into};
use eframe::egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use servicescope::app::deck::DeckCommand;
use servicescope::app::errors::StatusLine;
use servicescope::app::{App, AppCommand, AppState};
use servicescope::chart::ChartKind;
use servicescope::model::Lang;
use std::path::Path;

/// Adds three slides from three chart kinds (with the keyboard shortcut) and opens the deck
/// window (Ctrl+K).
fn three_slides(h: &mut Harness<'static, App>) {
    for kind in [ChartKind::Ranking, ChartKind::Lines, ChartKind::Radar] {
        h.state_mut().apply(AppCommand::SetKind(kind));
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

/// A harness in English with three slides and the deck window open, and a fresh folder.
fn deck_of_three() -> (Harness<'static, App>, tempfile::TempDir) {
    let mut h = harness_in(Lang::En, false);
    three_slides(&mut h);
    (h, tempfile::tempdir().expect("tempdir"))
}

/// Exports the deck into `out` as `format` (the label of its choice) and waits for the job.
fn export_deck(h: &mut Harness<'static, App>, out: &Path, format: &str) {
    type_into(h, "Export to", s(out));
    h.get_by_label(format).click();
    h.run();
    h.get_by_label("Export deck").click();
    h.step();
    h.state_mut().finish_deck_export();
    h.run();
}

/// Saves the deck as the deck file `file`.
fn save_deck(h: &mut Harness<'static, App>, file: &Path) {
    type_into(h, "Deck file", s(file));
    h.get_by_label("Save deck").click();
    h.run();
}

/// `servicescope export --deck deck_file ARGS… --locale en-GB`, which must succeed.
fn cli_export(deck_file: &Path, args: &[&str]) {
    let mut all = vec!["export", "--deck", s(deck_file)];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--locale", "en-GB"]);
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn deck_reorder_by_buttons_and_drag_rename_remove_open() {
    let (mut h, _dir) = deck_of_three();
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
    crate::fixtures::ui::drag_in_steps(&mut h, from, to, 6);
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
    h.state_mut().apply(AppCommand::Deck(DeckCommand::Rename(
        1,
        "RADAR-Profile".into(),
    )));
    assert_eq!(names(&h)[1], first[1]);
    assert!(
        matches!(h.state().deck_status(), Some(StatusLine::Failed(m)) if m.contains("used twice"))
    );
    // in French, the same refusal in French
    h.state_mut().apply(AppCommand::SetLang(Lang::Fr));
    h.state_mut().apply(AppCommand::Deck(DeckCommand::Rename(
        1,
        "RADAR-Profile".into(),
    )));
    assert!(
        matches!(h.state().deck_status(), Some(StatusLine::Failed(m)) if m.contains("utilisé deux fois")),
        "{:?}",
        h.state().deck_status()
    );
    h.state_mut().apply(AppCommand::SetLang(Lang::En));
    h.run();
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
    let (mut h, dir) = deck_of_three();
    let file = dir.path().join("my-deck.ron");
    save_deck(&mut h, &file);
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
        h.state_mut()
            .apply(AppCommand::Deck(DeckCommand::Remove(0)));
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
    // opening a deck file over other slides asks first: "Keep them" keeps the slides made here
    h.state_mut()
        .apply(AppCommand::Deck(DeckCommand::Remove(0)));
    h.run();
    let made_here = h.state().deck().to_vec();
    assert_eq!(made_here.len(), 2);
    h.get_by_label("Open deck").click();
    h.run();
    assert!(h.state().deck_pending().is_some_and(|p| p.files.is_empty()));
    h.get_by_label("Opening this deck file replaces the 2 slides of the current deck.");
    h.get_by_label("Keep them").click();
    h.run();
    assert_eq!(h.state().deck(), made_here.as_slice());
    h.get_by_label("Open deck").click();
    h.run();
    h.get_by_label("Replace").click();
    h.run();
    assert_eq!(h.state().deck(), saved.as_slice());
    // the "deck opened" line is English: a switch to French drops it rather than leave it
    assert!(
        matches!(h.state().deck_status(), Some(StatusLine::Done(m)) if m.starts_with("Deck opened"))
    );
    h.state_mut().apply(AppCommand::SetLang(Lang::Fr));
    h.run();
    assert_eq!(h.state().deck_status(), None);
    h.state_mut().apply(AppCommand::SetLang(Lang::En));
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
    let (mut h, dir) = deck_of_three();
    let out = dir.path().join("app");
    export_deck(&mut h, &out, "SVG files");
    assert!(
        matches!(h.state().deck_status(), Some(StatusLine::Done(m)) if m.ends_with(": 3")),
        "{:?}",
        h.state().deck_status()
    );
    let expected: Vec<String> = names(&h).iter().map(|n| format!("{n}.svg")).collect();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(files_in(&out), sorted);

    // the same deck saved as a file and exported by `servicescope export --deck`
    let deck_file = dir.path().join("deck.ron");
    save_deck(&mut h, &deck_file);
    let cli_out = dir.path().join("cli");
    cli_export(&deck_file, &["--out-dir", s(&cli_out), "--format", "svg"]);
    for name in &expected {
        let app_bytes = std::fs::read(out.join(name)).expect("app file");
        let cli_bytes = std::fs::read(cli_out.join(name)).expect("cli file");
        assert!(app_bytes == cli_bytes, "{name} differs between app and CLI");
    }

    // the whole deck as one PDF, byte-identical to `export --deck … --out FILE.pdf`
    let pdf = dir.path().join("whole");
    export_deck(&mut h, &pdf, "One PDF (a page per slide)");
    assert!(
        matches!(h.state().deck_status(), Some(StatusLine::Done(m)) if m.ends_with(": 1")),
        "{:?}",
        h.state().deck_status()
    );
    let app_pdf = std::fs::read(pdf.join("deck.pdf")).expect("one PDF written");
    let cli_pdf = dir.path().join("cli.pdf");
    cli_export(&deck_file, &["--out", s(&cli_pdf)]);
    assert!(
        app_pdf == std::fs::read(&cli_pdf).expect("cli pdf"),
        "the app's deck PDF differs from the command line's"
    );
    let text = String::from_utf8_lossy(&app_pdf);
    assert!(text.contains("/Count 3"), "one page per slide");
    // and as one PowerPoint file, as `export --deck … --out FILE.pptx`
    export_deck(
        &mut h,
        &dir.path().join("talk"),
        "PowerPoint (a chart per slide)",
    );
    let app_pptx =
        std::fs::read(dir.path().join("talk").join("deck.pptx")).expect("one PPTX written");
    let cli_pptx = dir.path().join("cli.pptx");
    cli_export(&deck_file, &["--out", s(&cli_pptx)]);
    assert!(
        app_pptx == std::fs::read(&cli_pptx).expect("cli pptx"),
        "the app's deck PPTX differs from the command line's"
    );
    // exporting again asks before replacing the three files
    export_deck(&mut h, &out, "PNG files");
    assert_eq!(files_in(&out).len(), 6, "PNG files beside the SVG ones");
    h.get_by_label("Export deck").click();
    h.run();
    assert_eq!(h.state().deck_pending().map(|p| p.files.len()), Some(3));
    h.get_by_label("Replace").click();
    h.step();
    h.state_mut().finish_deck_export();
    h.run();
    assert!(matches!(h.state().deck_status(), Some(StatusLine::Done(_))));
}

#[test]
fn deck_exports_one_powerpoint_file_as_the_command_line_does() {
    let (mut h, dir) = deck_of_three();
    let out = dir.path().join("app");
    export_deck(&mut h, &out, "PowerPoint (a chart per slide)");
    assert!(
        matches!(h.state().deck_status(), Some(StatusLine::Done(m)) if m.ends_with(": 1")),
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
    save_deck(&mut h, &deck_file);
    let cli = dir.path().join("cli.pptx");
    cli_export(&deck_file, &["--out", s(&cli)]);
    assert!(
        std::fs::read(&cli).expect("cli file") == app_bytes,
        "app and CLI presentations differ"
    );
}

#[test]
fn deck_file_dialog_answers_fill_the_field_or_say_that_no_file_came() {
    use servicescope::app::deck::PickFor;
    let (mut h, dir) = deck_of_three();
    let file = dir.path().join("talk.ron");
    h.state_mut()
        .deck_dialog_answer(PickFor::DeckFile, Some(file.clone()));
    h.run();
    assert_eq!(h.state().ui.deck_file, file.display().to_string());
    // no file (dismissed, or no portal): said, and the field keeps the typed path
    h.state_mut().deck_dialog_answer(PickFor::DeckFile, None);
    h.run();
    h.get_by_label("No file was chosen. If no file dialog appeared, type the file's path.");
    assert_eq!(h.state().ui.deck_file, file.display().to_string());
}

//! The workspace's own behaviour, each test on its own small fixture where the bundled data
//! are incidental: undo steps of the year range, the status line, unknown practice adoption,
//! the data table's order and cache (egui_kittest, no window).

use eframe::egui::{self, Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servicescope::app::state::SortColumn;
use servicescope::app::{App, AppCommand, AppState, Tab, table_panel};
use servicescope::chart::{ChartKind, ChartSpec, Locale};
use servicescope::model::{Dataset, IndicatorId, Lang, RegionId};

use crate::fixtures::data::on_catalog as fixture;
use crate::fixtures::data::temp_file;

/// The app on `ds` in English showing `spec`, in a 1280 × 860 window.
fn harness_on(ds: Dataset, spec: ChartSpec) -> Harness<'static, App> {
    let state = AppState {
        lang: Lang::En,
        spec,
        ..AppState::default()
    };
    crate::fixtures::ui::app_harness(ds, state, [1280.0, 860.0])
}

/// NPS of the UK and France over four years.
const NPS_YEARS: &str = r#"#![enable(implicit_some)]
Dataset(
    observations: [
        (region: "uk", indicator: "nps", period: "2010", value: 10.0, source: "bain-banks-2013", grade: Measured),
        (region: "uk", indicator: "nps", period: "2011", value: 11.0, source: "bain-banks-2013", grade: Measured),
        (region: "uk", indicator: "nps", period: "2012", value: 12.0, source: "bain-banks-2013", grade: Measured),
        (region: "uk", indicator: "nps", period: "2013", value: 13.0, source: "bain-banks-2013", grade: Measured),
        (region: "france", indicator: "nps", period: "2013", value: 3.0, source: "bain-banks-2013", grade: Measured),
    ],
)"#;

fn nps_lines() -> ChartSpec {
    ChartSpec {
        kind: ChartKind::Lines,
        indicators: vec![IndicatorId::new("nps")],
        regions: vec![RegionId::new("uk"), RegionId::new("france")],
        ..Default::default()
    }
}

/// Presses the pointer at `from`, moves it to `to` in a few steps (one frame each) and
/// releases it there: a slider drag as a person makes it.
fn drag(h: &mut Harness<'static, App>, from: egui::Pos2, to: egui::Pos2) {
    let button = |pressed| egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.event(egui::Event::PointerMoved(from));
    h.step();
    h.event(button(true));
    h.step();
    for i in 1..=4 {
        let t = i as f32 / 4.0;
        h.event(egui::Event::PointerMoved(from + (to - from) * t));
        h.step();
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

#[test]
fn one_undo_step_per_edit_untick_all_years_then_drag_a_slider() {
    let mut h = harness_on(fixture(NPS_YEARS), nps_lines());
    assert_eq!(h.state().state.spec.years, None);
    h.get_by_role_and_label(Role::CheckBox, "All years")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "All years").click();
    h.run();
    assert_eq!(h.state().state.spec.years, Some((2010, 2013)));

    // drag the "From" slider (the first one) from its left end to its right end
    h.get_by_role_and_label(Role::Slider, "From").scroll_to_me();
    h.run();
    let rect = h.get_by_role_and_label(Role::Slider, "From").rect();
    let y = rect.center().y;
    drag(
        &mut h,
        egui::pos2(rect.left() + 4.0, y),
        egui::pos2(rect.right() - 4.0, y),
    );
    let dragged = h.state().state.spec.years.expect("a range");
    assert!(dragged.0 > 2010, "the drag moved the start: {dragged:?}");

    // the first Ctrl+Z undoes the whole drag, not the untick too
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.spec.years, Some((2010, 2013)));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.spec.years, None);
    assert!(!h.state().can_undo());
}

#[test]
fn a_status_message_does_not_outlive_presentation_mode_or_a_language_switch() {
    let mut h = harness_on(fixture(NPS_YEARS), nps_lines());
    // NPS is not measured per channel: switching to bars by channel says so at the bottom
    let says = "Bars by channel: Net Promoter Score";
    h.state_mut()
        .apply(AppCommand::SetKind(ChartKind::BarsByChannel));
    h.run();
    assert!(h.query_all_by_label_contains(says).next().is_some());
    h.state_mut().apply(AppCommand::SetPresentation(true));
    h.run();
    assert!(h.query_all_by_label_contains(says).next().is_none());
    assert_eq!(h.state().ui.status, None);

    h.state_mut().apply(AppCommand::SetPresentation(false));
    h.state_mut()
        .apply(AppCommand::SetSpec(Box::new(nps_lines())));
    h.state_mut()
        .apply(AppCommand::SetKind(ChartKind::BarsByChannel));
    h.run();
    assert!(h.query_all_by_label_contains(says).next().is_some());
    // an English sentence left under a French interface is stale too
    h.state_mut().apply(AppCommand::SetLang(Lang::Fr));
    h.run();
    assert!(h.query_all_by_label_contains(says).next().is_none());
    assert_eq!(h.state().ui.status, None);
}

/// One region with two practices of unknown adoption (Regulation) and one absent practice
/// (adoption 0, Listening).
const PRACTICES: &str = r#"#![enable(implicit_some)]
Dataset(
    practices: [
        Practice(id: "a", regions: ["uk"], theme: Regulation, summary: (en: "Rule A", fr: "Règle A"), source: "bain-banks-2013"),
        Practice(id: "b", regions: ["uk"], theme: Regulation, summary: (en: "Rule B", fr: "Règle B"), source: "bain-banks-2013"),
        Practice(id: "c", regions: ["uk"], theme: Listening, summary: (en: "Listen C", fr: "Écoute C"), source: "bain-banks-2013", adoption: 0),
    ],
)"#;

#[test]
fn practices_of_unknown_adoption_are_drawn_unknown_not_absent() {
    let mut h = harness_on(
        fixture(PRACTICES),
        ChartSpec {
            regions: vec![RegionId::new("uk")],
            ..nps_lines()
        },
    );
    h.get_by_role_and_label(Role::Button, "Practices").click();
    h.run();
    assert_eq!(h.state().ui.tab, Tab::Practices);
    // two practices, adoption not given: the cell says so instead of painting "absent"
    h.get_by_role_and_label(Role::Button, "2 ?");
    // one practice, absent or rejected: a number and the adoption colour
    h.get_by_role_and_label(Role::Button, "1");
    assert!(h.query_by_role_and_label(Role::Button, "1 ?").is_none());
}

/// The UK's NPS in a half-year, a month and a quarter of 2016.
const SUB_YEARS: &str = r#"#![enable(implicit_some)]
Dataset(
    observations: [
        (region: "uk", indicator: "nps", period: "2016-07", value: 7.0, source: "bain-banks-2013", grade: Measured),
        (region: "uk", indicator: "nps", period: "2016-H1", value: 1.0, source: "bain-banks-2013", grade: Measured),
        (region: "uk", indicator: "nps", period: "2016-Q2", value: 2.0, source: "bain-banks-2013", grade: Measured),
        (region: "uk", indicator: "nps", period: "2016", value: 16.0, source: "bain-banks-2013", grade: Measured),
    ],
)"#;

#[test]
fn the_table_sorts_periods_by_their_start_and_length_not_as_text() {
    let ds = fixture(SUB_YEARS);
    let spec = ChartSpec {
        regions: vec![RegionId::new("uk")],
        ..nps_lines()
    };
    let fig = servicescope::chart::build(&ds, &spec, Locale::EnGb);
    let periods = |desc| -> Vec<String> {
        table_panel::rows(&fig, &ds, (SortColumn::Period, desc))
            .into_iter()
            .map(|r| r.period)
            .collect()
    };
    // the year first (it starts in January and is longest), then H1, Q2 (April), July
    assert_eq!(periods(false), ["2016", "2016-H1", "2016-Q2", "2016-07"]);
    assert_eq!(periods(true), ["2016-07", "2016-Q2", "2016-H1", "2016"]);
}

#[test]
fn the_table_is_built_once_per_change_not_once_per_frame() {
    let spec = ChartSpec {
        regions: vec![RegionId::new("uk")],
        ..nps_lines()
    };
    let mut h = harness_on(fixture(SUB_YEARS), spec);
    h.get_by_role_and_label(Role::Button, "Data table").click();
    h.run();
    let built = h.state().table_builds();
    assert!(built >= 1);
    for _ in 0..5 {
        h.step();
    }
    assert_eq!(
        h.state().table_builds(),
        built,
        "no rebuild without a change"
    );
    // a new sort and a new selection each rebuild once
    h.get_by_role_and_label(Role::Button, "Period").click();
    h.run();
    assert_eq!(h.state().table_builds(), built + 1);
    h.state_mut().apply(AppCommand::SetSpec(Box::new(ChartSpec {
        regions: vec![RegionId::new("uk"), RegionId::new("france")],
        ..nps_lines()
    })));
    h.run();
    assert_eq!(h.state().table_builds(), built + 2);
}

/// A table whose region the catalogue does not know: it imports only with the choice made
/// in the dialog ("Atlantide" is a new country), never with a guessed mapping.
const ATLANTIS_CSV: &str = "Pays;Canal;Indicateur;Année;Valeur\nAtlantide;phone;fcr_pct;2019;71,5\nRoyaume-Uni;phone;fcr_pct;2019;64,25\n";

/// Runs the import dialog's logic for `path` as a person would: Atlantide is a new country,
/// "Save this mapping" unticked; returns the command the dialog sends.
fn import_without_saving(path: &std::path::Path, base: &Dataset) -> AppCommand {
    use servicescope::app::import_dialog::{ImportDialog, ImportOutcome, RegionChoice};
    let mut d = ImportDialog::open(path.to_owned(), base).expect("preview");
    assert!(d.set_region_choice("Atlantide", RegionChoice::NewCountry));
    d.save_mapping = false;
    match d.confirm().expect("a complete mapping") {
        ImportOutcome::Import {
            path,
            mapping,
            sheet,
            save_beside,
        } => AppCommand::Import {
            path,
            mapping,
            sheet,
            save_beside,
        },
        ImportOutcome::Cancel => panic!("cancelled"),
    }
}

fn atlantis_values(app: &App) -> Vec<f64> {
    let ds = app.dataset();
    let Some(ix) = ds.regions().ix("atlantide") else {
        return Vec::new();
    };
    let obs = ds.observations();
    (0..obs.len())
        .filter(|&i| obs.region_col()[i] == ix)
        .filter_map(|i| obs.value_col()[i])
        .collect()
}

#[test]
fn the_mapping_chosen_in_the_dialog_survives_closing_another_file_reload_and_restart() {
    let base = servicescope::io::benchmark::load().expect("benchmark");
    let (dir, csv) = temp_file("atlantis.csv", ATLANTIS_CSV);
    let other = dir.path().join("other.ron");
    std::fs::write(&other, "Dataset()").expect("write");
    let mut h = harness_on(base.clone(), nps_lines());
    let import = import_without_saving(&csv, &base);
    h.state_mut().apply(import);
    h.state_mut().apply(AppCommand::Open(other.clone()));
    h.state_mut().finish_loading();
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    assert_eq!(atlantis_values(h.state()), [71.5]);
    assert!(
        !dir.path().join("atlantis.csv.mapping.ron").exists(),
        "nothing saved beside the file"
    );

    // closing another file rebuilds the data: the table is read with its chosen mapping
    h.state_mut().apply(AppCommand::CloseFile(other));
    h.state_mut().finish_loading();
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    assert_eq!(atlantis_values(h.state()), [71.5]);

    // the file changes on disk: the reload reads it the same way
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(&csv, ATLANTIS_CSV.replace("71,5", "80")).expect("rewrite");
    for _ in 0..30 {
        h.step();
        if h.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    h.state_mut().finish_loading();
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    assert_eq!(atlantis_values(h.state()), [80.0]);

    // a restart restores the workspace, choices included
    let saved = h.state().state.clone();
    assert_eq!(saved.open_files, std::slice::from_ref(&csv));
    let text = ron::to_string(&saved).expect("serialises");
    let restored: AppState = ron::from_str(&text).expect("deserialises");
    let mut again = App::new(base, restored);
    again.finish_loading();
    assert!(again.errors().is_empty(), "{:?}", again.errors());
    assert_eq!(atlantis_values(&again), [80.0]);
}

#[test]
fn closing_a_file_and_opening_a_table_do_not_block_the_interface() {
    let base = servicescope::io::benchmark::load().expect("benchmark");
    let (dir, extra) = temp_file(
        "extra.ron",
        "#![enable(implicit_some)]\nDataset(\n    observations: [\n        (region: \"france\", indicator: \"nps\", period: \"2016\", value: 12.0, source: \"bain-banks-2013\", grade: Illustrative),\n    ],\n)\n",
    );
    let mut h = harness_on(base.clone(), nps_lines());
    h.state_mut().apply(AppCommand::Open(extra.clone()));
    h.state_mut().finish_loading();
    let with = h.state().dataset().observations().len();
    assert_eq!(with, base.observations().len() + 1);

    // closing queues the rebuild: the frame that applied it did no file work
    h.state_mut().apply(AppCommand::CloseFile(extra));
    assert!(h.state().is_loading());
    assert_eq!(h.state().dataset().observations().len(), with);
    h.state_mut().finish_loading();
    assert_eq!(
        h.state().dataset().observations().len(),
        base.observations().len()
    );
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());

    // a table without a mapping: its preview is read in the background, then the dialog opens
    let csv = dir.path().join("atlantis.csv");
    std::fs::write(&csv, ATLANTIS_CSV).expect("write");
    h.state_mut().apply(AppCommand::Open(csv.clone()));
    assert!(!h.state().import_dialog_open());
    assert!(h.state().is_loading());
    h.state_mut().finish_loading();
    h.run();
    assert!(h.state().import_dialog_open(), "{:?}", h.state().errors());
    assert_eq!(h.state().import_dialog_file(), Some(csv.as_path()));
}

#[test]
fn copy_as_text_says_what_happened_to_the_clipboard() {
    let spec = ChartSpec {
        regions: vec![RegionId::new("uk")],
        ..nps_lines()
    };
    let ds = fixture(SUB_YEARS);
    let fig = servicescope::chart::build(&ds, &spec, Locale::EnGb);
    let expected = table_panel::as_text(
        &table_panel::rows(&fig, &ds, (SortColumn::Chart, false)),
        Lang::En,
    );
    let mut h = harness_on(ds, spec);
    h.get_by_role_and_label(Role::Button, "Data table").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Copy as text")
        .click();
    h.run();
    let status = h.state().ui.status.clone().expect("a status after Copy");
    if crate::fixtures::ui::has_display() {
        assert_eq!(status, "Table copied to the clipboard");
        assert_eq!(
            servicescope::app::clipboard::paste_text().expect("reads back"),
            expected
        );
    } else {
        // no display server: nothing was copied, and the status says so
        assert!(
            status.starts_with("Could not copy the table: no clipboard is available"),
            "{status}"
        );
    }
    h.get_by_label(&status);
}

#[test]
fn when_the_file_dialog_gives_no_file_the_app_says_so_and_offers_a_path_field() {
    let (dir, extra) = temp_file(
        "extra.ron",
        "#![enable(implicit_some)]\nDataset(\n    observations: [\n        (region: \"uk\", indicator: \"nps\", period: \"2009\", value: 9.0, source: \"bain-banks-2013\", grade: Measured),\n    ],\n)\n",
    );
    let mut h = harness_on(fixture(NPS_YEARS), nps_lines());
    let before = h.state().dataset().observations().len();
    // what the dialog thread sends when no portal could show a dialog (or it was cancelled)
    h.state_mut().apply(AppCommand::FileDialogAnswer(None));
    h.run();
    h.get_by_label("No file was chosen. If no file dialog appeared, type the file's path.");
    h.get_by_label("Open a file by its path");

    // a path that does not exist is refused, and said
    let missing = dir.path().join("nope.csv");
    h.get_by_role_and_label(Role::TextInput, "Path of the file")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path of the file")
        .type_text(&missing.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "Open").click();
    h.run();
    assert_eq!(
        h.state().ui.status.as_deref(),
        Some(format!("No such file: {}", missing.display()).as_str())
    );
    assert_eq!(h.state().dataset().observations().len(), before);

    // Cancel closes the field; a new answer without a file shows it again, empty
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    assert!(h.state().ui.path_entry.is_none());
    h.state_mut()
        .apply(AppCommand::FileDialogAnswer(Some(Vec::new())));
    h.run();
    assert_eq!(h.state().ui.path_entry.as_deref(), Some(""));

    // an existing file opens like any other
    h.get_by_role_and_label(Role::TextInput, "Path of the file")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path of the file")
        .type_text(&extra.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "Open").click();
    // the load runs in the background and its spinner repaints: step, don't settle
    h.run_steps(2);
    h.state_mut().finish_loading();
    h.run();
    assert!(
        h.state().ui.path_entry.is_none(),
        "the field closed: {:?} {:?}",
        h.state().ui.path_entry,
        h.state().ui.status
    );
    assert_eq!(h.state().dataset().observations().len(), before + 1);
    assert_eq!(h.state().state.open_files, [extra]);
}

#[test]
fn a_broken_bundled_benchmark_starts_an_empty_app_that_says_so() {
    let broken = servicescope::io::LoadError::Syntax {
        path: "catalog.ron".into(),
        line: 3,
        column: 7,
        message: "Expected closing `)`".into(),
        problem: servicescope::io::syntax::SyntaxProblem::Ron(Box::new(
            ron::error::Error::ExpectedStructLikeEnd,
        )),
    };
    let builder = Harness::builder().with_size([1280.0, 860.0]);
    let mut h = crate::fixtures::ui::app_built_by(builder, move || {
        App::starting(
            Err(broken),
            AppState {
                lang: Lang::Fr,
                ..AppState::default()
            },
        )
    });
    assert!(h.state().dataset().regions().is_empty());
    let shown = h.state().errors();
    assert_eq!(
        shown,
        [
            "Le référentiel intégré n'a pas pu être lu ; l'application démarre sans lui: catalog.ron:3:7 : il faut ici `)`"
        ]
    );
    h.get_by_label(&shown[0]);
    h.get_by_label("Fermer le message").click();
    h.run();
    assert!(h.state().errors().is_empty());
}

#[test]
fn a_saved_view_charts_the_same_in_the_app_and_on_the_command_line() {
    // the user's file gives Québec's retail-banking NPS for 2016 (a bundled point too) and
    // a new region; the bundled values of the other regions stay in both
    let (_dir, mine) = temp_file(
        "mine.ron",
        "#![enable(implicit_some)]\nDataset(\n    regions: [Region(id: \"atlantis\", name: (en: \"Atlantis\", fr: \"Atlantide\"), kind: Country)],\n    observations: [\n        (region: \"quebec\", segment: \"retail_banking\", indicator: \"nps\", period: \"2016\", value: 21.5, source: \"bain-banks-2013\", grade: Measured),\n        (region: \"atlantis\", segment: \"retail_banking\", indicator: \"nps\", period: \"2016\", value: 3.0, source: \"bain-banks-2013\", grade: Measured),\n    ],\n)\n",
    );
    let view = ChartSpec {
        kind: ChartKind::Ranking,
        indicators: vec![IndicatorId::new("nps")],
        regions: ["uk", "quebec", "france", "atlantis"]
            .into_iter()
            .map(RegionId::new)
            .collect(),
        value_labels: true,
        ..Default::default()
    };
    let base = servicescope::io::benchmark::load().expect("benchmark");
    let mut h = harness_on(base, view.clone());
    h.state_mut().apply(AppCommand::Open(mine.clone()));
    h.state_mut().finish_loading();
    h.run();
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    let in_app = h.state().figure().clone();

    let cli_data = servicescope::cli::dataset(std::slice::from_ref(&mine)).expect("loads");
    let on_cli = servicescope::chart::build(&cli_data, &view, Locale::EnGb);
    assert_eq!(on_cli, in_app);
    // and it is the mixed chart: the user's Québec value, the bundled UK and France ones
    let value = |id: &str| {
        in_app
            .series
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.points[0].value)
    };
    assert_eq!(value("quebec"), Some(21.5));
    assert_eq!(value("atlantis"), Some(3.0));
    assert_eq!(value("uk"), Some(-7.0));
    assert_eq!(value("france"), Some(-3.0));
}

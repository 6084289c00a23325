//! Desktop integration of the app: files given on the command line (datasets, decks, chart
//! descriptions, tables through the mapping dialog), the About window (egui_kittest, no
//! window), and the settings file kept where earlier versions wrote it.

use eframe::egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servicescope::app::{self, App, AppState, Tab};
use servicescope::chart::ChartKind;
use servicescope::model::Lang;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The app on the bundled benchmark in `lang` with `files` opened before its first frame, in
/// a 1280 × 860 window, once the loader thread has read them.
fn harness_with_files(lang: Lang, files: Vec<PathBuf>) -> Harness<'static, App> {
    let ds = crate::fixtures::data::benchmark();
    let builder = Harness::builder()
        .with_size([1280.0, 860.0])
        .with_max_steps(16);
    let mut h = crate::fixtures::ui::app_built_by(builder, move || {
        let mut app = App::new(
            ds,
            AppState {
                lang,
                ..AppState::default()
            },
        );
        app.open_paths(files);
        app
    });
    // the files are read on the loader thread
    h.state_mut().finish_loading();
    h.run();
    h
}

const DATASET: &str = r#"// own survey
Dataset(
    regions: [Region(id: "atlantis", name: (en: "Atlantis", fr: "Atlantide"), kind: Country)],
    observations: [(region: "atlantis", indicator: "nps", period: "2024", value: 42.5, source: "bain-banks-2013", grade: Estimated, note: "test figure")],
)"#;

const DECK: &str = r#"// two charts
Deck(
    charts: [
        (name: "fcr-heat", spec: ChartSpec(kind: HeatTable, indicators: ["fcr_pct"])),
        (name: "nps-lines", spec: ChartSpec(kind: Lines, indicators: ["nps"])),
    ],
)"#;

const CSV: &str = "region,indicator,period,value\nuk,nps,2024,12\n";

#[test]
fn files_given_on_the_command_line_are_opened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("survey.ron");
    let deck = dir.path().join("uk.deck.ron");
    std::fs::write(&data, DATASET).expect("write");
    std::fs::write(&deck, DECK).expect("write");

    let mut h = harness_with_files(Lang::En, vec![data.clone(), deck.clone()]);
    h.state_mut().finish_loading();
    h.run();
    let app = h.state();
    // the dataset loaded on top of the benchmark, and is remembered as open
    assert_eq!(app.state.open_files, std::slice::from_ref(&data));
    let atlantis = app
        .dataset()
        .regions()
        .iter()
        .find(|r| r.id.as_str() == "atlantis")
        .expect("the file's region is loaded");
    assert_eq!(atlantis.name.en, "Atlantis");
    assert!(
        app.dataset()
            .regions()
            .iter()
            .any(|r| r.id.as_str() == "uk")
    );
    // the deck's charts became saved views, and the first one is shown
    let names: Vec<&str> = app.state.views.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["fcr-heat", "nps-lines"]);
    assert_eq!(app.state.spec.kind, ChartKind::HeatTable);
    assert_eq!(app.state.spec.indicators[0].as_str(), "fcr_pct");
    assert_eq!(app.figure().kind, ChartKind::HeatTable);
    assert!(app.errors().is_empty(), "{:?}", app.errors());

    // opening the same dataset again (e.g. restored and given again) does not load it twice
    h.state_mut().open_paths([data.clone()]);
    h.run();
    h.state_mut().finish_loading();
    assert_eq!(h.state().state.open_files, [data]);
    assert_eq!(
        h.state()
            .dataset()
            .regions()
            .iter()
            .filter(|r| r.id.as_str() == "atlantis")
            .count(),
        1
    );
}

#[test]
fn a_chart_description_becomes_the_selection_and_bad_files_are_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chart = dir.path().join("scatter.ron");
    std::fs::write(
        &chart,
        "// servicescope export --chart\nChartSpec(kind: Scatter, indicators: [\"fcr_pct\", \"nps\"])",
    )
    .expect("write");
    let broken = dir.path().join("broken.deck.ron");
    std::fs::write(
        &broken,
        "Deck(charts: [(name: \"x\", spec: ChartSpec(kind: Pie))])",
    )
    .expect("write");
    let h = harness_with_files(Lang::En, vec![chart, broken.clone()]);
    let app = h.state();
    assert_eq!(app.state.spec.kind, ChartKind::Scatter);
    assert_eq!(app.figure().kind, ChartKind::Scatter);
    assert_eq!(app.errors().len(), 1, "{:?}", app.errors());
    let e = &app.errors()[0];
    assert!(
        e.contains("broken.deck.ron:1:"),
        "error names file and line: {e}"
    );
    assert!(app.state.views.is_empty());
}

#[test]
fn tables_wait_for_the_mapping_dialog_one_at_a_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.csv");
    let b = dir.path().join("b.csv");
    std::fs::write(&a, CSV).expect("write");
    std::fs::write(&b, CSV).expect("write");
    let mut h = harness_with_files(Lang::En, vec![a, b.clone()]);
    assert!(h.state().import_dialog_open());
    h.get_by_label("a.csv"); // the dialog names the first file
    assert_eq!(h.state().pending_opens(), [b]);

    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    h.state_mut().finish_loading();
    h.run();
    assert!(
        h.state().import_dialog_open(),
        "the second table's dialog opens"
    );
    assert!(h.state().pending_opens().is_empty());
    h.get_by_label("b.csv");
}

#[test]
fn about_window_shows_version_licences_and_leads_to_the_sources() {
    let mut h = harness_with_files(Lang::En, Vec::new());
    h.get_by_role_and_label(Role::Button, "About").click();
    h.run();
    assert!(h.state().ui.show_about);
    h.get_by_label("About servicescope");
    h.get_by_label(&format!("servicescope {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label("MIT / Apache-2.0");
    h.get_by_label(servicescope::desktop::APP_ID);
    h.get_by_label("Show the list of sources").click();
    h.run();
    assert_eq!(h.state().ui.tab, Tab::Sources);
    assert!(!h.state().ui.show_about, "the link closes the window");

    // in French, from the French top bar
    let mut h = harness_with_files(Lang::Fr, Vec::new());
    h.get_by_role_and_label(Role::Button, "À propos").click();
    h.run();
    h.get_by_label("À propos de servicescope");
    h.get_by_label("Afficher la liste des sources");
    h.get_by_role_and_label(Role::Button, "Fermer").click();
    h.run();
    assert!(!h.state().ui.show_about);
}

#[test]
fn about_text_matches_the_bundled_data_licence() {
    let ds = servicescope::io::benchmark::load().expect("benchmark loads");
    assert!(
        ds.meta().licence.contains("CC BY 4.0"),
        "the About window says CC BY 4.0; the benchmark says {}",
        ds.meta().licence
    );
}

/// Child half of [`the_workspace_stays_in_the_folder_of_earlier_versions`]: prints the
/// settings file for the environment its parent gave it (changing the environment of a
/// running test is not allowed, so the parent starts this test as a new process).
#[test]
#[ignore = "started by the_workspace_stays_in_the_folder_of_earlier_versions"]
fn print_settings_file() {
    let file = app::opening::settings_file().expect("a home folder");
    println!("SETTINGS_FILE={}", file.display());
    let default = eframe::storage_dir(servicescope::desktop::APP_ID).expect("folder");
    println!("APP_ID_FOLDER={}", default.display());
}

fn child_paths(xdg: Option<&Path>, home: &Path) -> (PathBuf, PathBuf) {
    let mut c = Command::new(std::env::current_exe().expect("test binary"));
    c.args([
        "desktop_ui::print_settings_file",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("HOME", home);
    match xdg {
        Some(x) => c.env("XDG_DATA_HOME", x),
        None => c.env_remove("XDG_DATA_HOME"),
    };
    let out = c.output().expect("runs the child test");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let value = |key: &str| {
        stdout
            .lines()
            .find_map(|l| l.split_once(key).map(|(_, v)| PathBuf::from(v)))
            .unwrap_or_else(|| panic!("no {key} in {stdout}"))
    };
    (value("SETTINGS_FILE="), value("APP_ID_FOLDER="))
}

#[test]
fn the_workspace_stays_in_the_folder_of_earlier_versions() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path().join("home");
    let xdg = tmp.path().join("xdg");
    // earlier versions ran without an app id: eframe used `run_native`'s name, lower-cased
    let (file, app_id_folder) = child_paths(Some(&xdg), &home);
    assert_eq!(file, xdg.join("servicescope").join("app.ron"));
    // the app id alone would have moved the workspace, losing it
    assert_eq!(
        app_id_folder,
        xdg.join("io.github.servicescope.servicescope")
    );
    assert_ne!(file.parent(), Some(app_id_folder.as_path()));

    let (file, _) = child_paths(None, &home);
    assert_eq!(
        file,
        home.join(".local")
            .join("share")
            .join("servicescope")
            .join("app.ron")
    );
}

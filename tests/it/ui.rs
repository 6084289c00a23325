//! The desktop app driven by widget labels with egui_kittest (no window, no GPU).

use crate::fixtures::chart::spec;
use crate::fixtures::data::{FOUR, temp_file};
use eframe::egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servicescope::app::{App, AppCommand, AppState, Tab};
use servicescope::chart::{ChartKind, ChartSpec};
use servicescope::model::{Grade, IndicatorId, Lang, RegionId};

/// The app on the bundled benchmark from `state`, in a 1280 × 860 window.
fn harness_with(state: AppState) -> Harness<'static, App> {
    crate::fixtures::ui::app_harness(crate::fixtures::data::benchmark(), state, [1280.0, 860.0])
}

/// NPS ranked for the four benchmark regions: the selection most interaction tests start on.
fn nps_ranking() -> ChartSpec {
    spec(ChartKind::Ranking, &["nps"], &FOUR, &[])
}

fn harness() -> Harness<'static, App> {
    harness_with(AppState {
        lang: Lang::En,
        spec: nps_ranking(),
        ..AppState::default()
    })
}

/// Clicks an indicator of the selection panel, scrolling the panel to it first (the list is
/// longer than the window).
fn pick_indicator(h: &mut Harness<'static, App>, name: &str) {
    h.get_by_role_and_label(Role::RadioButton, name)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::RadioButton, name).click();
}

fn series_ids(h: &Harness<'_, App>) -> Vec<String> {
    let mut ids: Vec<String> = h
        .state()
        .figure()
        .series
        .iter()
        .map(|s| s.id.clone())
        .collect();
    ids.sort();
    ids
}

#[test]
fn starts_on_the_chart_the_data_names_with_measured_values_only() {
    let h = harness_with(AppState {
        lang: Lang::En,
        ..AppState::default()
    });
    let fig = h.state().figure();
    assert_eq!(fig.kind, ChartKind::BarsByChannel);
    assert_eq!(series_ids(&h), ["france", "morocco", "quebec"]);
    assert!(fig.title.contains("Channels used"), "{}", fig.title);
    assert_eq!(
        fig.grades,
        vec![Grade::Measured],
        "no invented value on the first screen"
    );
    // five channels; France and Québec have four of them (no WhatsApp question), Morocco
    // four (its survey names the phone as the most used channel without a percentage)
    assert_eq!(fig.x.categories.len(), 5);
    let points = |id: &str| {
        fig.series
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.points.len())
    };
    assert_eq!(
        (points("france"), points("quebec"), points("morocco")),
        (Some(4), Some(4), Some(4))
    );
    assert!(fig.notice.is_none(), "{:?}", fig.notice);
}

#[test]
fn nps_ranking_for_the_four_regions() {
    let h = harness();
    let fig = h.state().figure();
    assert_eq!(fig.kind, ChartKind::Ranking);
    assert_eq!(series_ids(&h), ["france", "maghreb", "quebec", "uk"]);
    assert!(fig.series.iter().all(|s| s.points.len() == 1));
    assert!(fig.title.contains("Net Promoter"), "{}", fig.title);
    // the chart-type switch and the practices tab are visible without any documentation
    h.get_by_label("Bars by channel");
    h.get_by_role_and_label(Role::Button, "Practices");
}

#[test]
fn selecting_a_region_and_an_indicator_changes_the_series() {
    let mut h = harness();
    h.get_by_role_and_label(Role::CheckBox, "Québec").click();
    h.run();
    assert_eq!(series_ids(&h), ["france", "maghreb", "uk"]);

    pick_indicator(&mut h, "First-contact resolution");
    h.run();
    let fig = h.state().figure();
    assert!(
        fig.title.contains("First-contact resolution"),
        "{}",
        fig.title
    );
    for s in &fig.series {
        for p in &s.points {
            assert_eq!(p.indicator, "First-contact resolution");
        }
    }
    assert!(!series_ids(&h).contains(&"quebec".to_owned()));

    // Ctrl+Z undoes the indicator, then the region; Ctrl+Shift+Z redoes
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().figure().title.contains("Net Promoter"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(series_ids(&h), ["france", "maghreb", "quebec", "uk"]);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(series_ids(&h), ["france", "maghreb", "uk"]);
}

#[test]
fn switching_chart_type_changes_the_figure() {
    let mut h = harness();
    h.get_by_label("Lines over years").click();
    h.run();
    assert_eq!(h.state().state.spec.kind, ChartKind::Lines);
    let fig = h.state().figure();
    assert_eq!(fig.kind, ChartKind::Lines);
    assert_eq!(fig.x.label, "Year");
    assert!(
        fig.series.iter().any(|s| s.points.len() > 1),
        "lines have several years"
    );

    h.get_by_label("Radar").click();
    h.run();
    let fig = h.state().figure();
    assert_eq!(fig.kind, ChartKind::Radar);
    assert!(fig.x.categories.len() >= 3, "radar gets several indicators");

    // a per-channel chart switches to an indicator measured per channel
    h.get_by_label("Bars by channel").click();
    h.run();
    let fig = h.state().figure();
    assert_eq!(fig.kind, ChartKind::BarsByChannel);
    assert!(fig.x.categories.len() > 1, "{:?}", fig.x.categories);
}

#[test]
fn french_interface_and_number_format() {
    let mut h = harness();
    pick_indicator(&mut h, "First-contact resolution");
    h.run();
    assert!(h.state().figure().series[0].points[0].label.ends_with('%'));

    h.get_by_label("FR").click();
    h.run();
    assert_eq!(h.state().state.lang, Lang::Fr);
    h.get_by_label("Régions");
    h.get_by_label("Tableau de données");
    let label = h.state().figure().series[0].points[0].label.clone();
    assert!(label.ends_with("\u{202F}%"), "French percent: {label:?}");

    // the data table shows the French numbers
    h.get_by_label("Tableau de données").click();
    h.run();
    assert!(
        h.query_by_label(&label).is_some(),
        "visible value {label:?}"
    );
    // a decimal value of the test's own (the latest UK value): shown with a decimal comma
    let (_dir, path) = temp_file(
        "decimal.ron",
        "#![enable(implicit_some)]\nDataset(observations: [(region: \"uk\", indicator: \"fcr_pct\", period: \"2099\", value: 71.5, source: \"bain-banks-2013\", grade: Measured)])",
    );
    h.state_mut().apply(AppCommand::Open(path));
    h.state_mut().finish_loading();
    h.run();
    let uk = h
        .state()
        .figure()
        .series
        .iter()
        .find(|s| s.id == "uk")
        .map(|s| s.points[0].label.clone())
        .expect("the UK is charted");
    assert!(
        uk.starts_with("71,5\u{202F}%"),
        "French decimal comma: {uk:?}"
    );
    assert!(h.query_by_label(&uk).is_some(), "visible value {uk:?}");

    h.get_by_label("EN").click();
    h.run();
    h.get_by_label("Regions");
}

#[test]
fn a_bad_file_shows_its_location_and_the_data_stay() {
    let mut h = harness();
    let before_regions = h.state().dataset().regions().len();
    let before_obs = h.state().dataset().observations().len();
    let before = h.state().figure().clone();
    let (_dir, path) = temp_file(
        "bad.ron",
        "Dataset(\n    regions: [\n        Region(id: \"x\" name: 3),\n",
    );
    h.state_mut().apply(AppCommand::Open(path.clone()));
    h.state_mut().finish_loading();
    h.run();

    let errors = h.state().errors().to_vec();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let err = &errors[0];
    let prefix = format!("{}:", path.display());
    assert!(err.starts_with(&prefix), "{err}");
    let rest = &err[prefix.len()..];
    let mut parts = rest.splitn(3, ':');
    let line: usize = parts
        .next()
        .and_then(|l| l.parse().ok())
        .expect("line number");
    let col: usize = parts
        .next()
        .and_then(|c| c.parse().ok())
        .expect("column number");
    assert_eq!(line, 3, "{err}");
    assert!(col > 1, "{err}");
    // the error is visible, and the data already loaded stay
    assert!(h.query_by_label(err).is_some(), "error shown: {err}");
    assert_eq!(h.state().dataset().regions().len(), before_regions);
    assert_eq!(h.state().dataset().observations().len(), before_obs);
    assert_eq!(h.state().figure(), &before);
    assert!(h.state().state.open_files.is_empty());

    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.state().errors().is_empty());
}

#[test]
fn a_good_file_is_loaded_on_top_and_remembered() {
    let mut h = harness();
    let before = h.state().dataset().observations().len();
    let (_dir, path) = temp_file(
        "extra.ron",
        "#![enable(implicit_some)]\nDataset(\n    observations: [\n        (region: \"france\", indicator: \"nps\", period: \"2016\", value: 12.0, source: \"art-kpi-2015\", grade: Illustrative),\n    ],\n)\n",
    );
    h.state_mut().apply(AppCommand::Open(path.clone()));
    h.state_mut().finish_loading();
    h.run();
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    assert_eq!(h.state().dataset().observations().len(), before + 1);
    assert_eq!(h.state().state.open_files, vec![path.clone()]);
    assert_eq!(h.state().state.recent_files.first(), Some(&path));
}

#[test]
fn save_a_view_and_recall_it() {
    let mut h = harness();
    // the view-name field (the chart tab also has the headline and subtitle fields)
    h.get_by_role_and_label(Role::TextInput, "Saved views")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Saved views")
        .type_text("NPS ranking");
    h.run();
    assert_eq!(h.state().ui.view_name, "NPS ranking");
    h.get_by_label("Save view").click();
    h.run();
    assert_eq!(h.state().state.views.len(), 1);
    assert_eq!(h.state().state.views[0].name, "NPS ranking");

    h.get_by_label("Lines over years").click();
    h.run();
    assert_eq!(h.state().figure().kind, ChartKind::Lines);

    h.get_by_label("NPS ranking").click();
    h.run();
    assert_eq!(h.state().state.spec.kind, ChartKind::Ranking);
    assert_eq!(h.state().figure().kind, ChartKind::Ranking);
}

#[test]
fn practices_matrix_and_what_to_transfer() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "Practices").click();
    h.run();
    assert_eq!(h.state().ui.tab, Tab::Practices);
    h.get_by_label("What to transfer");
    // defaults: what France lacks, from any other region; Québec's practices are listed
    let ds = h.state().dataset().clone();
    let quebec_only: Vec<_> = ds
        .practices()
        .iter()
        .filter(|p| p.regions.iter().any(|r| r.as_str() == "quebec") && p.adoption != Some(0))
        .filter(|p| !p.regions.iter().any(|r| r.as_str() == "france"))
        .collect();
    assert!(!quebec_only.is_empty(), "benchmark has Québec practices");
    let summary = quebec_only[0].summary.get(Lang::En);
    assert!(
        h.query_all_by_label(summary).next().is_some(),
        "Québec practice card shown: {summary}"
    );
    // every card says how its article presents the practice; none proposed is a
    // counter-example (the airline refund refused after a death is one)
    assert!(
        h.query_all_by_label_contains("Stance of the article: to emulate")
            .next()
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains("Stance of the article: to avoid")
            .next()
            .is_none()
    );
    let ryanair = ds
        .practices()
        .get("world-ryanair-refund-letter")
        .expect("practice")
        .summary
        .get(Lang::En)
        .to_owned();
    assert!(h.query_all_by_label(&ryanair).next().is_none());
    // in French too
    h.get_by_label("FR").click();
    h.run();
    assert!(
        h.query_all_by_label_contains("Position de l'article: à imiter")
            .next()
            .is_some()
    );
}

#[test]
fn export_button_opens_the_export_dialog_for_the_chart_shown() {
    let mut h = harness();
    assert!(!h.state().export_dialog_open());
    h.get_by_role_and_label(Role::Button, "Export…").click();
    h.run();
    assert!(h.state().export_dialog_open());
    h.get_by_label("Export chart");
    h.get_by_label("Copy image");
    h.get_by_label("Done").click();
    h.run();
    assert!(!h.state().export_dialog_open());
}

#[test]
fn values_on_chart_is_one_switch_for_the_screen_and_the_export() {
    use eframe::egui::accesskit::Toggled;
    use egui_kittest::kittest::NodeT;
    let mut h = harness();
    assert!(h.state().state.spec.value_labels, "values shown at start");
    let checked = |h: &Harness<'_, App>| {
        h.get_by_role_and_label(Role::CheckBox, "Values on chart")
            .accesskit_node()
            .toggled()
    };
    assert_eq!(checked(&h), Some(Toggled::True));
    h.get_by_role_and_label(Role::CheckBox, "Values on chart")
        .click();
    h.run();
    assert!(!h.state().state.spec.value_labels);
    assert_eq!(checked(&h), Some(Toggled::False));
    // the export starts from the chart shown: its checkbox is off too
    h.get_by_role_and_label(Role::Button, "Export…").click();
    h.run();
    let boxes: Vec<_> = h
        .query_all_by_role_and_label(Role::CheckBox, "Values on chart")
        .map(|n| n.accesskit_node().toggled())
        .collect();
    assert_eq!(boxes, [Some(Toggled::False), Some(Toggled::False)]);
    // undoable like any selection change
    h.get_by_label("Done").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().state.spec.value_labels);
}

#[test]
fn a_table_without_mapping_goes_through_the_mapping_dialog_then_loads() {
    let mut h = harness();
    let before = h.state().dataset().observations().len();
    let (dir, path) = temp_file(
        "mine.csv",
        "Pays;Canal;Indicateur;Année;Valeur\nRoyaume-Uni;phone;fcr_pct;2019;71,5\nFrance;phone;fcr_pct;2019;64,25\n",
    );
    h.state_mut().apply(AppCommand::Open(path.clone()));
    // the preview is read on the loader thread
    h.state_mut().finish_loading();
    h.run();
    assert!(h.state().import_dialog_open(), "{:?}", h.state().errors());
    h.get_by_label("Import data");
    h.get_by_role_and_label(Role::Button, "Import").click();
    // the load starts in the background and its spinner keeps repainting: step, don't settle
    h.run_steps(2);
    assert!(!h.state().import_dialog_open());
    h.state_mut().finish_loading();
    h.run();
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    assert_eq!(h.state().dataset().observations().len(), before + 2);
    // the mapping was saved beside the file: the next open loads without the dialog
    assert!(dir.path().join("mine.csv.mapping.ron").exists());
    h.state_mut().apply(AppCommand::CloseFile(path.clone()));
    h.state_mut().apply(AppCommand::Open(path));
    h.run_steps(2);
    assert!(!h.state().import_dialog_open());
    h.state_mut().finish_loading();
    assert_eq!(h.state().dataset().observations().len(), before + 2);
}

#[test]
fn coverage_tab_counts_grades_and_a_click_opens_that_chart() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "Coverage").click();
    h.run();
    assert_eq!(h.state().ui.tab, Tab::Coverage);
    h.get_by_label("Coverage of the data: values per grade");
    // UKCSI: 20 values read as published (2007 pilot to January 2025) and the pilot's two
    // sector scores, 3 derived from deltas
    let uk_csi = "United Kingdom · National customer-satisfaction index: 22 M · 3 E (2007–25)";
    // no national index is published for the Maghreb: six invented years, nothing cited
    h.get_by_label("Maghreb · National customer-satisfaction index: 6 I (2011–16)");
    h.get_by_label(uk_csi).click();
    h.run();
    let app = h.state();
    assert_eq!(app.ui.tab, Tab::Chart);
    assert_eq!(app.state.spec.kind, ChartKind::Lines);
    assert_eq!(app.state.spec.indicators, [IndicatorId::new("csi_index")]);
    assert_eq!(app.state.spec.regions, [RegionId::new("uk")]);
    assert_eq!(
        app.figure().point_count(),
        25,
        "23 national values and 2 sector ones"
    );
    assert!(!app.figure().grades.contains(&Grade::Illustrative));

    // one row per channel on request
    h.get_by_role_and_label(Role::Button, "Coverage").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "By channel")
        .click();
    h.run();
    assert!(h.state().ui.coverage_by_channel);
    // the grid exports like any chart: the export dialog opens on a coverage figure
    h.get_by_label("Export this grid…").click();
    h.run();
    assert!(h.state().export_dialog_open());
    assert_eq!(h.state().state.spec.kind, ChartKind::Coverage);
    assert_eq!(h.state().figure().kind, ChartKind::Coverage);
    h.get_by_label("Done").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Coverage").click();
    h.run();
    // ContactBabel 2014, 2016, 2022, 2023, 2024; no invented year next to them
    h.get_by_label("United Kingdom · Average speed of answer · Phone: 5 M (2014–24)");
}

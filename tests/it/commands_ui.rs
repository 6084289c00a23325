//! The command table (`app::UserCommand`) drives the keys and the help window: every shortcut
//! listed in the help, each shortcut doing what its row says.

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servicescope::app::{App, AppState, UserCommand};
use servicescope::chart::ChartKind;
use servicescope::model::Lang;

/// The app on the bundled benchmark in `lang`, in a 1280 × 900 window.
fn harness(lang: Lang) -> Harness<'static, App> {
    let state = AppState {
        lang,
        ..AppState::default()
    };
    crate::fixtures::ui::app_harness(crate::fixtures::data::benchmark(), state, [1280.0, 900.0])
}

fn count(h: &Harness<'_, App>, label: &str) -> usize {
    h.query_all_by_label(label).count()
}

/// Opens the help with F1 and checks that it adds one row per command that has a shortcut:
/// the keys as the platform writes them and what the command does.
fn help_lists_every_shortcut(lang: Lang) {
    let mut h = harness(lang);
    let rows: Vec<(String, String)> = UserCommand::all()
        .into_iter()
        .filter_map(|c| Some((c.shortcut_text(&h.ctx)?, c.tooltip(lang))))
        .collect();
    assert_eq!(rows.len(), ChartKind::ALL.len() + 16, "{rows:#?}");
    let before: Vec<(usize, usize)> = rows
        .iter()
        .map(|(k, t)| (count(&h, k), count(&h, t)))
        .collect();
    h.key_press(Key::F1);
    h.run();
    assert!(h.state().ui.show_help);
    for ((keys, what), (k0, t0)) in rows.iter().zip(before) {
        assert_eq!(count(&h, keys), k0 + 1, "help row for {keys}");
        assert_eq!(count(&h, what), t0 + 1, "help row {what:?}");
    }
}

#[test]
fn help_lists_every_shortcut_in_english() {
    help_lists_every_shortcut(Lang::En);
}

#[test]
fn help_lists_every_shortcut_in_french() {
    help_lists_every_shortcut(Lang::Fr);
}

#[test]
fn shortcuts_of_the_table_run_their_commands() {
    let mut h = harness(Lang::En);
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    assert_eq!(h.state().state.lang, Lang::Fr);
    let dark = h.state().state.dark;
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    assert_eq!(h.state().state.dark, !dark);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    assert_eq!(h.state().state.spec.kind, ChartKind::ALL[2]);
    // arrows and Esc only work in presentation mode
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().ui.presentation);
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().ui.presentation);
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().ui.presentation);
}

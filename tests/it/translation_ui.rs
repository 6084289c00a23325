//! The interface language reaches the messages: a load error and the status line are shown
//! from the catalogue in the language chosen.

use servicescope::app::{App, AppCommand, AppState};
use servicescope::model::Lang;

fn app(lang: Lang) -> App {
    let ds = servicescope::io::benchmark::load().expect("benchmark loads");
    App::new(
        ds,
        AppState {
            lang,
            ..AppState::default()
        },
    )
}

const DATASET: &str = r#"Dataset(
    regions: [Region(id: "atlantis", name: (en: "Atlantis", fr: "Atlantide"), kind: Country)],
    observations: [(region: "atlantis", indicator: "nps", period: "2024", value: 42.5, source: "bain-banks-2013", grade: Estimated)],
)"#;

#[test]
fn a_load_error_is_shown_in_the_interface_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("slides.pdf");
    std::fs::write(&path, "%PDF-1.7").expect("write");
    for (lang, words) in [
        (Lang::En, "unsupported file type"),
        (Lang::Fr, "type de fichier non pris en charge"),
    ] {
        let mut a = app(lang);
        a.apply(AppCommand::Open(path.clone()));
        a.finish_loading();
        assert_eq!(a.errors().len(), 1, "{:?}", a.errors());
        let e = &a.errors()[0];
        assert!(e.contains(words), "{lang:?}: {e}");
        assert!(e.contains("slides.pdf"), "{e}");
    }
}

#[test]
fn the_status_line_after_a_load_is_in_the_interface_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("extra.ron");
    std::fs::write(&path, DATASET).expect("write");
    for (lang, words) in [(Lang::En, "Loaded: "), (Lang::Fr, "Chargé : ")] {
        let mut a = app(lang);
        a.apply(AppCommand::Open(path.clone()));
        a.finish_loading();
        let status = a.ui.status.clone().unwrap_or_default();
        assert!(
            status.starts_with(words) && status.ends_with("extra.ron"),
            "{lang:?}: {status:?} (errors {:?})",
            a.errors()
        );
    }
}

//! Load errors in the French app: every part of the message is French (no English word
//! of the parser, the validation or the import), the file and the location numbers stay.

use crate::fixtures::data::temp_file;
use crate::fixtures::french::english_words_in;
use servicescope::i18n::Lang;
use servicescope::io::{self, LoadError, benchmark};

fn load_error(name: &str, text: &str) -> LoadError {
    let (_d, path) = temp_file(name, text);
    io::load::load_path(&benchmark::catalog().expect("catalog"), &path).expect_err("must fail")
}

/// Asserts the French message is free of English words and keeps `numbers`, and returns it.
fn french(err: &LoadError, numbers: &[&str]) -> String {
    let fr = err.message(Lang::Fr);
    let en = err.message(Lang::En);
    assert_ne!(fr, en);
    assert!(fr.contains("bad."), "{fr}");
    assert_eq!(english_words_in(&fr), Vec::<&str>::new(), "{fr}");
    for n in numbers {
        assert!(fr.contains(n), "{n} missing from {fr}");
        assert!(en.contains(n), "{n} missing from {en}");
    }
    fr
}

#[test]
fn the_word_check_matches_whole_words_only() {
    assert_eq!(english_words_in("Row 3, column B"), ["column", "row"]);
    assert!(english_words_in("colonne, lignes, fichier, arrow").is_empty());
}

#[test]
fn ron_syntax_errors_are_french_with_their_location() {
    // a comma is missing between two fields: line 3
    let err = load_error(
        "bad.ron",
        "Dataset(\n    observations: [\n        (region: \"uk\", indicator: \"nps\" period: \"2014\"),\n    ],\n)\n",
    );
    let LoadError::Syntax { line, column, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(*line, 3);
    let fr = french(&err, &[&format!(":3:{column}")]);
    assert!(fr.contains("il faut ici"), "{fr}");
    // a character where a record was expected
    let err = load_error("bad.ron", "Dataset(\n  observations: [ % ],\n)\n");
    let fr = french(&err, &[":2:19"]);
    assert!(fr.contains("il faut ici `ObservationRecord(…)`"), "{fr}");
    // the text ends early
    let err = load_error("bad.ron", "Dataset(\n  observations: [],\n");
    let fr = french(&err, &[":2:20"]);
    assert!(fr.contains("fin du texte"), "{fr}");
    // a field that does not exist, then one that is absent
    let err = load_error("bad.ron", "Dataset(\n  colour: 3,\n)\n");
    let fr = french(&err, &[":2:"]);
    assert!(fr.contains("`colour`"), "{fr}");
    let err = load_error(
        "bad.ron",
        "Dataset(\n  observations: [\n    (region: \"uk\", period: \"2014\", value: 1),\n  ],\n)\n",
    );
    let LoadError::Syntax { line, .. } = &err else {
        panic!("{err}")
    };
    let fr = french(&err, &[&format!(":{line}:")]);
    assert!(fr.contains("il manque le champ `indicator`"), "{fr}");
    // not UTF-8 text, at line 2
    let (_d, path) = temp_file("bad.ron", "");
    std::fs::write(&path, b"Dataset(\n  \xff)\n").expect("write");
    let err =
        io::load::load_path(&benchmark::catalog().expect("catalog"), &path).expect_err("must fail");
    french(&err, &[":2:3"]);
}

#[test]
fn validation_problems_are_french() {
    let err = load_error(
        "bad.ron",
        r#"Dataset(
        channels: [
            Channel(id: "fax", name: (en: "Fax", fr: "Fax")),
            Channel(id: "fax", name: (en: "Telefax", fr: "Télécopie")),
            Channel(id: "Bad Id", name: (en: "Bad", fr: "Mauvais")),
        ],
        observations: [
            (region: "atlantis", indicator: "nps", period: "2014", value: 1, source: "bain-banks-2013", grade: Measured),
            (region: "uk", indicator: "nps", period: "2014", value: 140, source: "bain-banks-2013", grade: Measured),
            (region: "uk", indicator: "nps", period: "2015", value: 1),
        ],
    )"#,
    );
    assert!(matches!(err, LoadError::Invalid { .. }), "{err}");
    let fr = french(&err, &["140", "-100", "100"]);
    for part in [
        "défini deux fois (canal)",
        "identifiant `atlantis` inconnu (région)",
        "la valeur 140 sort des bornes de l'indicateur `nps` (de -100 à 100)",
        "aucune source",
        "aucune qualité",
        "identifiant `Bad Id` incorrect",
    ] {
        assert!(fr.contains(part), "{part} not in {fr}");
    }
    // the same observation twice: observations 1 and 2
    let twice = r#"(region: "uk", indicator: "nps", period: "2014", value: 1, source: "bain-banks-2013", grade: Measured)"#;
    let dup = load_error(
        "bad.ron",
        &format!("Dataset(observations: [\n{twice},\n{twice},\n])"),
    );
    let fr = french(&dup, &["(observations 1, 2)"]);
    assert!(fr.contains("2 fois (observations 1, 2)"), "{fr}");
    assert!(fr.contains("n'en gardez qu'une"), "{fr}");
    assert!(
        dup.message(Lang::En)
            .contains("is given 2 times (observations 1, 2); keep one")
    );
    let en = err.message(Lang::En);
    assert!(en.contains("value 140 is outside the range of indicator `nps` (-100 to 100)"));
    assert!(en.contains("unknown region id `atlantis`"), "{en}");
}

#[test]
fn import_errors_are_french_with_their_cell() {
    // a header row only, no region column
    let err = load_error("bad.csv", "Année;Valeur\n2014;3\n");
    french(&err, &[]);
    // an unknown region name, at row 3
    let err = load_error(
        "bad.csv",
        "Région;Indicateur;Année;Valeur\nuk;nps;2014;3\nAtlantide;nps;2014;4\n",
    );
    let fr = french(&err, &["3"]);
    assert!(fr.contains("Atlantide"), "{fr}");
    // a value that is not a number, at row 2 column 4 (D)
    let err = load_error(
        "bad.csv",
        "Région;Indicateur;Année;Valeur\nuk;nps;2014;beaucoup\n",
    );
    assert!(matches!(err, LoadError::Cell { .. }), "{err}");
    let fr = french(&err, &["2", "4", "(D)"]);
    assert!(
        fr.contains("ligne 2, colonne 4 (D) \"Valeur\" : `beaucoup` ; il faut ici un nombre"),
        "{fr}"
    );
    assert!(
        err.message(Lang::En)
            .contains("row 2, column 4 (D) \"Valeur\": found `beaucoup`; expected a number"),
        "{err}"
    );
    // a period that is not one, at row 3 column 3 (C)
    let err = load_error(
        "bad.csv",
        "Région;Indicateur;Année;Valeur\nuk;nps;2014;3\nuk;nps;l'an dernier;4\n",
    );
    let fr = french(&err, &["3", "(C)"]);
    assert!(
        fr.contains("ligne 3, colonne 3 (C) \"Année\" : `l'an dernier` ; il faut ici une période"),
        "{fr}"
    );
}

#[test]
fn system_and_file_kind_errors_are_french() {
    let catalog = benchmark::catalog().expect("catalog");
    // a file that is not there: the system's "not found" in the reader's words
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("bad.csv");
    let err = io::load::load_path(&catalog, &missing).expect_err("missing");
    let fr = french(&err, &[]);
    assert!(fr.contains("introuvable"), "{fr}");
    assert!(!fr.contains("os error"), "{fr}");
    // a folder given as a data file
    let folder = dir.path().join("folder.csv");
    std::fs::create_dir(&folder).expect("folder");
    let err = io::load::load_path(&catalog, &folder).expect_err("a folder");
    let fr = err.message(Lang::Fr);
    assert!(fr.contains("un dossier"), "{fr}");
    assert_eq!(english_words_in(&fr), Vec::<&str>::new(), "{fr}");
    assert!(err.message(Lang::En).contains("a directory"), "{err}");
}

#[test]
fn export_errors_are_french_in_the_app() {
    use servicescope::export::{self, ExportError, size};
    use servicescope::io::atomic::WriteError;
    let exists = ExportError::Write(WriteError::Exists {
        path: "bad.png".into(),
    });
    let fr = exists.message(Lang::Fr);
    assert_eq!(
        fr,
        "bad.png\u{a0}: le fichier existe déjà\u{a0}; rien n’a été écrit"
    );
    assert!(exists.to_string().contains("--force"), "{exists}");
    let size = size::parse("huge", None).expect_err("not a size");
    let fr = ExportError::from(size.clone()).message(Lang::Fr);
    assert!(fr.starts_with("taille inconnue `huge`"), "{fr}");
    assert_eq!(size.message(Lang::En), size.to_string());
    let px = size::parse("10x10", None).expect_err("too small");
    assert!(
        px.message(Lang::Fr)
            .contains("sort de l’intervalle accepté")
    );
    // a real failed write: the folder does not exist
    let fig = crate::fixtures::chart::en_figure(
        servicescope::chart::ChartKind::Ranking,
        &["nps"],
        &[],
        &[],
    );
    let opts = export::ExportOptions::default();
    let err = export::export_to_file(
        &fig,
        &opts,
        export::Format::Svg,
        std::path::Path::new("/no/such/folder/bad.svg"),
        false,
    )
    .expect_err("no folder");
    let fr = err.message(Lang::Fr);
    assert!(
        fr.contains("écriture impossible") && fr.contains("introuvable"),
        "{fr}"
    );
    assert_eq!(english_words_in(&fr), Vec::<&str>::new(), "{fr}");
    // a deck whose second chart has a size that is none: located, and French
    let text = "Deck(charts: [\n (name: \"a\", spec: ChartSpec(kind: Ranking, indicators: [\"nps\"])),\n (name: \"b\", size: \"huge\", spec: ChartSpec(kind: Ranking, indicators: [\"nps\"])),\n])";
    let (_d, path) = temp_file("deck.ron", text);
    let deck = export::deck::read_deck(&path).expect("deck");
    let folder = path.parent().expect("a folder");
    let err = export::plan_deck(&deck, &path, &Default::default(), folder).expect_err("bad size");
    let fr = err.message(Lang::Fr);
    assert!(fr.contains(", ligne 3, colonne "), "{fr}");
    assert!(
        fr.contains("graphique `b`\u{a0}: taille inconnue `huge`"),
        "{fr}"
    );
    assert!(err.to_string().contains(":3:"), "{err}");
}

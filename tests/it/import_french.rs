//! French spreadsheets imported: Excel's semicolon CSV with decimal commas in UTF-8 with a
//! BOM and in Windows-1252, the committed French fixture, region names suggested from French
//! and misspelt names, the preview of a Windows-1252 file.

use crate::fixtures::data::catalog;
use crate::fixtures::import::{import_guess, value, write};
use servicescope::io::import::{self, Imported, Layout};
use std::path::Path;

const FRENCH: &str = "Région;Canal;Indicateur;Année;Valeur\r\n\
Royaume-Uni;Téléphone;Taux d'abandon des appels;2016;12,5\r\n\
France;téléphone;abandon_pct;2016;8,25\r\n\
Maroc;Chat;fcr_pct;2015;NA\r\n\
Algérie;;nps;2016-H1;-12,5\r\n\
Québec;Téléphone;Délai moyen de décroché;2016;1\u{a0}234,5\r\n\
\r\n\
France;E-mail;email_response_s;2016;\"3 600\"\r\n";

fn check_french(imp: &Imported) {
    assert_eq!(imp.stats.rows, 6);
    assert_eq!(imp.stats.observations, 6);
    assert_eq!(imp.stats.missing_values, 1);
    assert_eq!(
        value(imp, "uk", "abandon_pct", Some("phone"), "2016"),
        vec![Some(12.5)]
    );
    assert_eq!(
        value(imp, "france", "abandon_pct", Some("phone"), "2016"),
        vec![Some(8.25)]
    );
    assert_eq!(
        value(imp, "morocco", "fcr_pct", Some("chat"), "2015"),
        vec![None]
    );
    assert_eq!(
        value(imp, "algeria", "nps", None, "2016-H1"),
        vec![Some(-12.5)]
    );
    assert_eq!(
        value(imp, "quebec", "asa_s", Some("phone"), "2016"),
        vec![Some(1234.5)]
    );
    assert_eq!(
        value(imp, "france", "email_response_s", Some("email"), "2016"),
        vec![Some(3600.0)]
    );
    let src = imp
        .dataset
        .sources()
        .get(imp.source.as_str())
        .expect("own source");
    assert_eq!(src.kind, servicescope::model::SourceKind::OwnData);
    let first = imp.dataset.observations().row(imp.first_observation);
    assert_eq!(first.grade, servicescope::model::Grade::Measured);
}

#[test]
fn french_excel_csv_utf8_with_bom() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(FRENCH.as_bytes());
    let p = write(&dir, "fr-bom.csv", &bytes);
    check_french(&import_guess(&p).expect("imports"));
}

#[test]
fn french_excel_csv_windows_1252() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(FRENCH);
    assert!(!unmappable);
    assert!(bytes.contains(&0xE9), "é as one byte");
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let p = write(&dir, "fr-1252.csv", &bytes);
    check_french(&import_guess(&p).expect("imports"));
}

#[test]
fn committed_french_fixture_imports() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/fr-excel-1252.csv");
    let imp = import_guess(&p).expect("imports");
    assert_eq!(
        value(&imp, "uk", "abandon_pct", Some("phone"), "2016"),
        vec![Some(12.5)]
    );
    assert_eq!(
        value(&imp, "france", "fcr_pct", Some("phone"), "2016"),
        vec![Some(71.3)]
    );
    assert_eq!(
        value(&imp, "morocco", "asa_s", Some("phone"), "2016"),
        vec![None]
    );
}

#[test]
fn suggestions_for_region_names() {
    let cat = catalog();
    let first = |name: &str| {
        import::suggest_region(name, &cat)
            .first()
            .map(|s| s.0.to_string())
    };
    assert_eq!(first("Royaume-Uni").as_deref(), Some("uk"));
    assert_eq!(first("United Kingdom").as_deref(), Some("uk"));
    assert_eq!(first("GB").as_deref(), Some("uk"));
    let maroc = import::suggest_region("Maroc", &cat);
    assert_eq!(maroc[0].0.as_str(), "morocco");
    assert!(
        maroc.iter().any(|(id, _)| id.as_str() == "maghreb"),
        "{maroc:?}"
    );
    assert_eq!(first("Royame Uni").as_deref(), Some("uk"));
    assert!(import::suggest_region("Zzzz", &cat).is_empty());
}

#[test]
fn preview_shows_headers_rows_and_guess() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(FRENCH);
    let p = write(&dir, "fr.csv", &bytes);
    let pv = import::preview(&p, None, 2, &catalog()).expect("preview");
    assert_eq!(pv.headers[0], "Région");
    assert_eq!(pv.rows.len(), 2);
    assert_eq!(pv.rows[0][0], "Royaume-Uni");
    assert_eq!(pv.delimiter, Some(';'));
    assert_eq!(pv.encoding, Some(import::Encoding::Windows1252));
    assert!(pv.decimal_comma);
    assert_eq!(pv.guess.layout, Layout::Long);
    assert_eq!(pv.guess.columns.value.as_deref(), Some("Valeur"));
}

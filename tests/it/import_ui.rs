//! The import mapping dialog driven by widget labels with egui_kittest (no window, no GPU):
//! a French Excel CSV (Windows-1252, `;`, decimal comma) with known, French and unknown
//! region names, a new indicator, the saved mapping and Cancel.

use crate::fixtures::data::temp_file;
use crate::fixtures::import_dialog::{combo_value, harness};
use eframe::egui::Role;
use egui_kittest::kittest::Queryable;
use servicescope::app::import_dialog::{
    ImportDialog, ImportOutcome, RegionChoice, Role as ColumnRole, UnitKind, save_mapping_beside,
};
use servicescope::io::import::{Layout, mapping_path};
use servicescope::model::{Direction, Lang, Period, RegionKind, Unit};
use std::path::{Path, PathBuf};

const CSV: &str = "Pays;Canal;Indicateur;Année;Valeur\r\n\
Royaume-Uni;Téléphone;nps;2023;31,5\r\n\
Maroc;Téléphone;nps;2023;12,25\r\n\
Atlantide;Téléphone;nps;2023;-4,5\r\n\
Royaume-Uni;Chat;Taux de résolution maison;2023;71,5\r\n";

/// Writes the fixture as Excel's "CSV (séparateur : point-virgule)" does on French Windows.
fn french_excel_csv() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ventes.csv");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(CSV);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    std::fs::write(&path, &bytes).expect("write fixture");
    (dir, path)
}

/// Region id, channel id, indicator id, period and value of one imported observation.
type ImportedRow = (String, Option<String>, String, Period, Option<f64>);

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn maps_french_excel_csv_and_imports_every_row() {
    let (dir, path) = french_excel_csv();
    let base = servicescope::io::benchmark::load().expect("benchmark loads");
    let mut h = harness(&path, &base, Lang::En);

    // detection and preview rows
    h.get_by_label_contains("Windows-1252");
    h.get_by_label_contains("semicolon (;)");
    assert!(h.state().dialog.decimal_comma);
    h.get_by_label("12,25");
    h.get_by_label("71,5");
    // guessed roles, shown above each column
    let d = &h.state().dialog;
    assert_eq!(d.layout(), Layout::Long);
    assert_eq!(d.role_of("Pays"), Some(ColumnRole::Region));
    assert_eq!(d.role_of("Canal"), Some(ColumnRole::Channel));
    assert_eq!(d.role_of("Indicateur"), Some(ColumnRole::Indicator));
    assert_eq!(d.role_of("Année"), Some(ColumnRole::Period));
    assert_eq!(d.role_of("Valeur"), Some(ColumnRole::Value));
    assert_eq!(combo_value(&h, "Pays"), "region");
    assert_eq!(combo_value(&h, "Valeur"), "value");
    assert!(!d.from_saved_mapping());

    // region names: French names resolve, "Atlantide" does not
    let rows = d.region_rows();
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Royaume-Uni", "Maroc", "Atlantide"]);
    assert_eq!(rows[0].choice, RegionChoice::Existing("uk".into()));
    assert!(
        matches!(&rows[1].choice, RegionChoice::Existing(id) if id.as_str() == "morocco" || id.as_str() == "maghreb")
    );
    assert_eq!(rows[2].known, None);
    assert_eq!(rows[2].choice, RegionChoice::Unset);
    assert_eq!(combo_value(&h, "Royaume-Uni"), "United Kingdom");
    assert_eq!(combo_value(&h, "Maroc"), "Morocco");
    h.get_by_label("not recognised");
    // the new indicator is listed with a guessed unit
    let drafts = d.indicator_drafts();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].name, "Taux de résolution maison");
    assert_eq!(drafts[0].unit, UnitKind::Percent);

    // Import is refused while "Atlantide" has no region, and says why
    h.get_by_label("Import").click();
    h.run();
    assert!(h.state().outcome.is_none());
    h.get_by_label_contains("\"Atlantide\"");

    // choose "New country region" for it, "higher is better" for the new indicator
    h.get_by_role_and_label(Role::ComboBox, "Atlantide").click();
    h.run();
    h.get_by_label("New country region").click();
    h.run();
    assert_eq!(
        h.state().dialog.region_rows()[2].choice,
        RegionChoice::NewCountry
    );
    assert_eq!(combo_value(&h, "Atlantide"), "New country region");
    h.state_mut()
        .dialog
        .indicator_draft_mut("Taux de résolution maison")
        .expect("draft")
        .direction = Direction::HigherIsBetter;
    h.run();

    h.get_by_label("Import").click();
    h.run();
    let Some(ImportOutcome::Import {
        path: out_path,
        mapping,
        sheet,
        save_beside,
    }) = h.state().outcome.clone()
    else {
        panic!("expected Import, got {:?}", h.state().outcome);
    };
    assert_eq!(out_path, path);
    assert_eq!(sheet, None);
    // the dialog writes nothing itself: the app saves the mapping on its loader thread
    assert!(save_beside, "the checkbox is on by default");
    assert_eq!(files_in(dir.path()), ["ventes.csv"]);
    let saved_to = save_mapping_beside(&path, &mapping).expect("saves");
    assert_eq!(saved_to, mapping_path(&path));
    assert_eq!(mapping.columns.region.as_deref(), Some("Pays"));
    assert_eq!(
        mapping.regions.get("Atlantide").map(String::as_str),
        Some("atlantide")
    );

    // the mapping imports every row with the right values
    let ds = servicescope::io::load::load_path_with(&base, &path, Some(&*mapping), None, None)
        .expect("imports");
    let first = base.observations().len();
    assert_eq!(ds.observations().len(), first + 4);
    let got: Vec<ImportedRow> = (first..ds.observations().len())
        .map(|i| {
            let r = ds.observations().row(i);
            (
                ds.regions().id_at(r.region).unwrap_or("").to_string(),
                r.channel
                    .map(|c| ds.channels().id_at(c).unwrap_or("").to_string()),
                ds.indicators().id_at(r.indicator).unwrap_or("").to_string(),
                r.period,
                r.value,
            )
        })
        .collect();
    let y = Period::year(2023);
    let phone = Some("phone".to_owned());
    assert_eq!(
        got,
        vec![
            ("uk".into(), phone.clone(), "nps".into(), y, Some(31.5)),
            (
                "morocco".into(),
                phone.clone(),
                "nps".into(),
                y,
                Some(12.25)
            ),
            ("atlantide".into(), phone, "nps".into(), y, Some(-4.5)),
            (
                "uk".into(),
                Some("chat".into()),
                "taux_de_resolution_maison".into(),
                y,
                Some(71.5)
            ),
        ]
    );
    let atlantide = ds.regions().get("atlantide").expect("new region");
    assert_eq!(atlantide.kind, RegionKind::Country);
    assert_eq!(atlantide.name.fr, "Atlantide");
    let ind = ds
        .indicators()
        .get("taux_de_resolution_maison")
        .expect("new indicator");
    assert_eq!(ind.unit, Unit::Percent);
    assert_eq!(ind.direction, Direction::HigherIsBetter);

    // (2) the checkbox was on: the mapping is saved beside the data, the data untouched
    assert_eq!(
        files_in(dir.path()),
        ["ventes.csv", "ventes.csv.mapping.ron"]
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(CSV);
    assert_eq!(std::fs::read(&path).expect("data"), bytes.as_ref());
    let saved = servicescope::io::import::Mapping::load(&mapping_path(&path)).expect("saved");
    assert_eq!(saved, *mapping);

    // a second open starts from the saved mapping: "Atlantide" is already decided
    let again = ImportDialog::open(path.clone(), &base).expect("reopens");
    assert!(again.from_saved_mapping());
    assert!(ImportDialog::has_saved_mapping(&path));
    assert_eq!(again.region_rows()[2].choice, RegionChoice::NewCountry);
    assert_eq!(
        again.indicator_drafts()[0].direction,
        Direction::HigherIsBetter
    );
    assert_eq!(again.mapping().expect("valid"), *mapping);
    // and the saved mapping alone imports the same rows (the one-click path)
    let direct = servicescope::io::load::load_path_with(&base, &path, None, None, None)
        .expect("imports with the saved mapping");
    assert_eq!(direct.observations().len(), first + 4);
}

#[test]
fn unchecked_save_writes_nothing() {
    let (dir, path) = french_excel_csv();
    let base = servicescope::io::benchmark::load().expect("benchmark loads");
    let mut h = harness(&path, &base, Lang::En);
    h.get_by_label("Save this mapping next to the file").click();
    h.run();
    assert!(!h.state().dialog.save_mapping);
    h.state_mut()
        .dialog
        .set_region_choice("Atlantide", RegionChoice::NewGroup);
    // the period column is ignored through its role menu; one period for the whole file
    h.get_by_role_and_label(Role::ComboBox, "Année").click();
    h.run();
    h.get_by_label("ignore").click();
    h.run();
    assert_eq!(h.state().dialog.role_of("Année"), Some(ColumnRole::Ignore));
    h.get_by_label("Import").click();
    h.run();
    h.get_by_label_contains("Choose the period column");
    h.get_by_role_and_label(Role::TextInput, "Period of every row")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Period of every row")
        .type_text("2024-Q1");
    h.run();
    assert_eq!(h.state().dialog.period_constant, "2024-Q1");
    h.get_by_label("Import").click();
    h.run();
    let Some(ImportOutcome::Import { mapping, .. }) = &h.state().outcome else {
        panic!("expected Import, got {:?}", h.state().outcome);
    };
    assert_eq!(mapping.columns.period, None);
    assert_eq!(
        mapping.constants.period,
        Some("2024-Q1".parse().expect("period"))
    );
    let ds = servicescope::io::load::load_path_with(&base, &path, Some(&**mapping), None, None)
        .expect("imports");
    let last = ds.observations().row(ds.observations().len() - 1);
    assert_eq!(last.period.to_string(), "2024-Q1");
    assert_eq!(
        ds.regions().get("atlantide").map(|r| r.kind),
        Some(RegionKind::Group)
    );
    assert_eq!(files_in(dir.path()), ["ventes.csv"]);
}

#[test]
fn cancel_returns_cancel_and_writes_nothing() {
    let (dir, path) = french_excel_csv();
    let base = servicescope::io::benchmark::load().expect("benchmark loads");
    let mut h = harness(&path, &base, Lang::Fr);
    // French interface: French labels and region names
    h.get_by_label("Enregistrer cette correspondance à côté du fichier");
    assert_eq!(combo_value(&h, "Royaume-Uni"), "Royaume-Uni");
    assert_eq!(combo_value(&h, "Valeur"), "valeur");
    h.state_mut()
        .dialog
        .set_region_choice("Atlantide", RegionChoice::NewCountry);
    h.get_by_label("Annuler").click();
    h.run();
    assert_eq!(h.state().outcome, Some(ImportOutcome::Cancel));
    assert_eq!(files_in(dir.path()), ["ventes.csv"]);
}

#[test]
fn unreadable_file_gives_a_located_message() {
    let (_dir, path) = temp_file("vide.csv", "   \n");
    let base = servicescope::io::benchmark::load().expect("benchmark loads");
    let err = ImportDialog::open(path.clone(), &base)
        .err()
        .expect("empty file is refused")
        .to_string();
    assert!(err.contains("vide.csv"), "{err}");
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn sheet_picker_rereads_the_preview_of_a_workbook() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("classeur.xlsx");
    let mut wb = Workbook::new();
    let notes = wb.add_worksheet();
    notes.set_name("Notes").expect("sheet");
    notes.write_string(0, 0, "Commentaire").expect("w");
    notes.write_string(1, 0, "brouillon").expect("w");
    let ws = wb.add_worksheet();
    ws.set_name("Données").expect("sheet");
    for (c, h) in ["Pays", "Indicateur", "2022", "2023"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("w");
    }
    ws.write_string(1, 0, "Tunisie").expect("w");
    ws.write_string(1, 1, "nps").expect("w");
    ws.write_number(1, 2, 10.0).expect("w");
    ws.write_number(1, 3, 12.5).expect("w");
    wb.save(&path).expect("save workbook");

    let base = servicescope::io::benchmark::load().expect("benchmark loads");
    let mut h = harness(&path, &base, Lang::En);
    assert_eq!(h.state().dialog.preview().sheets, ["Notes", "Données"]);
    h.get_by_label("brouillon");
    h.get_by_role_and_label(Role::ComboBox, "Sheet").click();
    h.run();
    h.get_by_label("Données").click();
    h.run();
    let d = &h.state().dialog;
    assert_eq!(d.preview().sheet.as_deref(), Some("Données"));
    assert_eq!(d.layout(), Layout::WideYears);
    assert_eq!(d.role_of("2023"), Some(ColumnRole::Value));
    assert_eq!(
        d.region_rows()[0].choice,
        RegionChoice::Existing("tunisia".into())
    );
    h.get_by_label("Import").click();
    h.run();
    let Some(ImportOutcome::Import { mapping, sheet, .. }) = &h.state().outcome else {
        panic!("expected Import, got {:?}", h.state().outcome);
    };
    assert_eq!(sheet.as_deref(), Some("Données"));
    let ds = servicescope::io::load::load_path_with(
        &base,
        &path,
        Some(&**mapping),
        sheet.as_deref(),
        None,
    )
    .expect("imports");
    assert_eq!(ds.observations().len(), base.observations().len() + 2);
}

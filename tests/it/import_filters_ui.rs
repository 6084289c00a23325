//! The import dialog's row filters and date details driven by widget labels with
//! egui_kittest: the include filter (ticked values), missing markers of one column, and the
//! date format and period length of a date column; each ends in a real import.

use crate::fixtures::data::temp_file;
use crate::fixtures::import_dialog::{State, combo_value, harness};
use eframe::egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use servicescope::app::import_dialog::{ImportOutcome, Role as ColumnRole};
use servicescope::io::import::{Bucket, Layout, Mapping, PeriodFrom};
use servicescope::model::{Dataset, Lang, Period};
use std::path::Path;

/// Opens the combo box labelled `combo` and clicks its item `option` (not the column
/// header or role menu of the same name).
fn pick(h: &mut Harness<'_, State>, combo: &str, option: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run();
    h.get_all_by_label(option)
        .find(|n| !matches!(n.accesskit_node().role(), Role::Label | Role::ComboBox))
        .unwrap_or_else(|| panic!("no item {option:?} in {combo:?}"))
        .click();
    h.run();
}

/// Types `text` into the text field labelled `label`.
fn type_into(h: &mut Harness<'_, State>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

/// Clicks Import and returns the mapping, saved beside the file when the dialog asks to (as
/// the app's loader does).
fn import(h: &mut Harness<'_, State>) -> Mapping {
    h.get_by_label("Import").click();
    h.run();
    match &h.state().outcome {
        Some(ImportOutcome::Import {
            path,
            mapping,
            save_beside,
            ..
        }) => {
            if *save_beside {
                servicescope::app::import_dialog::save_mapping_beside(path, mapping)
                    .expect("saves");
            }
            (**mapping).clone()
        }
        other => panic!("expected Import, got {other:?}"),
    }
}

/// (region id, period, value) of the observations the import added to `base`.
fn imported(base: &Dataset, path: &Path, m: &Mapping) -> Vec<(String, Period, Option<f64>)> {
    let ds =
        servicescope::io::load::load_path_with(base, path, Some(m), None, None).expect("imports");
    (base.observations().len()..ds.observations().len())
        .map(|i| {
            let r = ds.observations().row(i);
            (
                ds.regions().id_at(r.region).unwrap_or("").to_string(),
                r.period,
                r.value,
            )
        })
        .collect()
}

const KINDS: &str = "Region,Indicator,Year,Value,kind\n\
uk,nps,2023,31.5,A\n\
france,nps,2023,-99,A\n\
morocco,nps,2023,12,B\n\
uk,nps,2022,20,C\n";

#[test]
fn include_filter_and_column_markers_import_only_kept_rows_with_missing_values() {
    let (_dir, path) = temp_file("kinds.csv", KINDS);
    let base = servicescope::io::benchmark::load().expect("benchmark loads");
    let mut h = harness(&path, &base, Lang::En);
    assert_eq!(h.state().dialog.role_of("kind"), Some(ColumnRole::Ignore));

    // include: pick the column, the values found are offered as tick boxes
    pick(&mut h, "keep only rows whose column holds:", "kind");
    assert_eq!(h.state().dialog.filters.include_col, Some(4));
    assert_eq!(
        combo_value(&h, "keep only rows whose column holds:"),
        "kind"
    );
    for v in ["A", "B", "C"] {
        h.get_by_role_and_label(Role::CheckBox, v);
    }
    h.get_by_role_and_label(Role::CheckBox, "A").click();
    h.run();
    assert_eq!(h.state().dialog.filters.include_values[4], ["A"]);

    // missing markers of one column: pick it, type its markers
    pick(&mut h, "Missing in column:", "Value");
    type_into(&mut h, "markers:", "-99, n/a");
    assert_eq!(h.state().dialog.filters.column_markers[3], "-99, n/a");

    let m = import(&mut h);
    assert_eq!(
        m.include.get("kind"),
        Some(&vec!["A".to_owned()]),
        "{:?}",
        m.include
    );
    assert_eq!(m.include.len(), 1);
    assert_eq!(
        m.missing.get("Value"),
        Some(&vec!["-99".to_owned(), "n/a".to_owned()])
    );
    assert_eq!(m.missing.len(), 1, "no all-column markers: {:?}", m.missing);

    // the import keeps the two "A" rows; -99 in Value is a missing value, not a number
    let y = Period::year(2023);
    assert_eq!(
        imported(&base, &path, &m),
        vec![("uk".into(), y, Some(31.5)), ("france".into(), y, None)]
    );
    // without the dialog's two fields every row comes in, -99 as a number
    let mut plain = m.clone();
    plain.include.clear();
    plain.missing.clear();
    let all = imported(&base, &path, &plain);
    assert_eq!(all.len(), 4);
    assert_eq!(all[1], ("france".into(), y, Some(-99.0)));

    // the saved mapping brings the choices back on the next open
    let again =
        servicescope::app::import_dialog::ImportDialog::open(path.clone(), &base).expect("reopens");
    assert_eq!(again.filters.include_col, Some(4));
    assert_eq!(again.filters.include_values[4], ["A"]);
    assert_eq!(again.filters.missing_col, Some(3));
    assert_eq!(again.mapping().expect("valid"), m);
}

#[test]
fn date_column_as_period_takes_format_and_period_length() {
    let (_dir, path) = temp_file(
        "contacts.csv",
        "Date,Region,queue_s,outcome\n240305,uk,10,answered\n240815,uk,30,abandoned\n",
    );
    let base = servicescope::io::benchmark::load().expect("benchmark loads");
    let mut h = harness(&path, &base, Lang::En);
    assert_eq!(h.state().dialog.layout(), Layout::ContactLog);
    // no date column yet: no date details shown
    assert!(h.query_by_label("Date format").is_none());
    pick(&mut h, "Date", "date gives the period");
    assert_eq!(
        h.state().dialog.role_of("Date"),
        Some(ColumnRole::DateForPeriod)
    );
    type_into(&mut h, "Date format", "%y%m%d");
    assert_eq!(h.state().dialog.filters.date_format, "%y%m%d");
    assert_eq!(combo_value(&h, "Period length"), "month");
    pick(&mut h, "Period length", "quarter");
    assert_eq!(h.state().dialog.filters.bucket, Bucket::Quarter);

    let m = import(&mut h);
    assert_eq!(
        m.period_from,
        Some(PeriodFrom {
            column: "Date".into(),
            format: Some("%y%m%d".into()),
            bucket: Bucket::Quarter,
        })
    );
    // every figure of the contact log falls in the two quarters of the dates
    let mut got: Vec<String> = imported(&base, &path, &m)
        .into_iter()
        .map(|(_, p, _)| p.to_string())
        .collect();
    assert!(!got.is_empty());
    got.dedup();
    assert_eq!(got, ["2024-Q1", "2024-Q3"]);
}

#[test]
fn french_labels_of_the_new_controls() {
    let (_dir, path) = temp_file(
        "contacts.csv",
        "Date,Region,queue_s,outcome\n2024-03-05,uk,10,answered\n",
    );
    let base = servicescope::io::benchmark::load().expect("benchmark loads");
    let mut h = harness(&path, &base, Lang::Fr);
    h.get_by_role_and_label(
        Role::ComboBox,
        "garder seulement les lignes dont la colonne contient :",
    );
    h.get_by_role_and_label(Role::ComboBox, "Manquant dans la colonne :");
    pick(&mut h, "Date", "date donne la période");
    h.get_by_role_and_label(Role::TextInput, "Format de date");
    assert_eq!(combo_value(&h, "Durée de la période"), "mois");
}

const TWO_FILTERS: &str = "Region,Indicator,Year,Value,kind,flag\n\
uk,nps,2023,31.5,A,PS\n\
france,nps,2022,20,A,TT\n\
morocco,nps,2022,12,B,PS\n\
uk,nps,2022,20,A,NW\n\
quebec,nps,2022,15,A,PS\n";

#[test]
fn exclude_and_include_filters_on_several_columns() {
    let (_dir, path) = temp_file("flags.csv", TWO_FILTERS);
    let base = servicescope::io::benchmark::load().expect("benchmark loads");
    let mut h = harness(&path, &base, Lang::En);
    // drop rows flagged TT, then, on another column, rows of kind B: both stay set
    pick(&mut h, "drop rows whose column holds:", "flag");
    type_into(&mut h, "values:", "TT");
    pick(&mut h, "drop rows whose column holds:", "kind");
    type_into(&mut h, "values:", "B");
    let f = &h.state().dialog.filters;
    assert_eq!(f.exclude_values[5], "TT");
    assert_eq!(f.exclude_values[4], "B");
    // both are listed under the controls while the second is edited
    h.get_by_label("Dropped where flag: TT");
    h.get_by_label("Dropped where kind: B");
    // keep only 2022 (ticked among the Year values found)
    pick(&mut h, "keep only rows whose column holds:", "Year");
    h.get_by_role_and_label(Role::CheckBox, "2022").click();
    h.run();
    h.get_by_label("Kept only where Year: 2022");

    let m = import(&mut h);
    assert_eq!(m.exclude.len(), 2, "{:?}", m.exclude);
    assert_eq!(m.exclude.get("flag"), Some(&vec!["TT".to_owned()]));
    assert_eq!(m.exclude.get("kind"), Some(&vec!["B".to_owned()]));
    assert_eq!(m.include.get("Year"), Some(&vec!["2022".to_owned()]));
    // uk 2023 (not 2022), france (TT) and morocco (B) are left out
    let y = Period::year(2022);
    assert_eq!(
        imported(&base, &path, &m),
        vec![
            ("uk".into(), y, Some(20.0)),
            ("quebec".into(), y, Some(15.0))
        ]
    );
    // the saved mapping reopens with both exclude columns
    let again =
        servicescope::app::import_dialog::ImportDialog::open(path.clone(), &base).expect("reopens");
    assert_eq!(
        again.filters.exclude_values[4..],
        ["B", "TT"].map(String::from)[..]
    );
    assert_eq!(again.mapping().expect("valid"), m);
}

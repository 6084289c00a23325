//! Importing CSV / XLSX tables: layouts (long, wide by years or indicators), OWID files,
//! quoted fields, sheets, grades, saved mappings, previews, progress and cancel. French
//! files: `import_french`; computed indicators: `import_survey`; errors: `import_errors`; the
//! command line: `import_cli`.

// Tests may use expect (developer guide); the crate-wide lint targets library code.
#![allow(clippy::expect_used)]

use crate::fixtures::data::{catalog, temp_file};
use crate::fixtures::import::{import_guess, value, write};
use servicescope::io::import::{self, ImportError, ImportOptions, Layout, Mapping, Progress};
use servicescope::io::{self, LoadError};
use servicescope::model::{Period, RegionKind, Unit};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

fn owid_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/owid/share-of-adults-who-are-overweight.csv")
}

#[test]
fn owid_grapher_file_imports_directly() {
    let imp = import_guess(&owid_path()).expect("imports");
    assert_eq!(imp.mapping.layout, Layout::Owid);
    // the fixture's README says 8,315 data rows; the file holds 8,316 (8,317 lines)
    assert_eq!(imp.stats.rows, 8316);
    assert_eq!(imp.stats.observations, 8316);
    assert_eq!(imp.stats.missing_values, 0);
    let ind = "share_of_adults_that_are_overweight";
    assert_eq!(imp.new_indicators.len(), 1);
    assert_eq!(imp.new_indicators[0].as_str(), ind);
    assert_eq!(
        imp.dataset.indicators().get(ind).map(|i| &i.unit),
        Some(&Unit::Percent)
    );
    assert_eq!(value(&imp, "algeria", ind, None, "2016"), vec![Some(60.7)]);
    assert_eq!(value(&imp, "albania", ind, None, "1975"), vec![Some(30.4)]);
    assert_eq!(value(&imp, "africa", ind, None, "2016"), vec![Some(31.1)]);
    // countries with a code map onto catalogue regions by ISO alpha-3
    for id in [
        "algeria", "france", "uk", "morocco", "tunisia", "canada", "usa",
    ] {
        assert_eq!(value(&imp, id, ind, None, "2016").len(), 1, "{id}");
        assert!(
            !imp.new_regions.iter().any(|r| r.as_str() == id),
            "{id} is not new"
        );
    }
    let albania = imp.dataset.regions().get("albania").expect("new country");
    assert_eq!(albania.kind, RegionKind::Country);
    assert_eq!(albania.iso.as_deref(), Some("ALB"));
    let africa = imp.dataset.regions().get("africa").expect("aggregate");
    assert_eq!(africa.kind, RegionKind::Group);
    assert!(imp.dataset.regions().get("cote_d_ivoire").is_some());
}

#[test]
fn imported_records_save_as_ron_and_reload() {
    let dir = tempfile::tempdir().expect("tempdir");
    let imp = import_guess(&owid_path()).expect("imports");
    let out = dir.path().join("owid.ron");
    imp.save_ron(&out, false).expect("saves");
    assert!(imp.save_ron(&out, false).is_err(), "no silent overwrite");
    let ds = io::load::load_path(&catalog(), &out).expect("reloads");
    assert_eq!(ds.observations().len(), 8316);
    assert_eq!(ds.regions().len(), imp.dataset.regions().len());
}

#[test]
fn wide_years_layout() {
    let (_d, p) = temp_file(
        "wide.csv",
        "Pays,Indicateur,2014,2015,2016\nFrance,nps,10,,12\nRoyaume-Uni,nps,5,6,n/a\n",
    );
    let imp = import_guess(&p).expect("imports");
    assert_eq!(imp.mapping.layout, Layout::WideYears);
    assert_eq!(imp.stats.observations, 6);
    assert_eq!(imp.stats.missing_values, 2);
    assert_eq!(value(&imp, "france", "nps", None, "2016"), vec![Some(12.0)]);
    assert_eq!(value(&imp, "france", "nps", None, "2015"), vec![None]);
    assert_eq!(value(&imp, "uk", "nps", None, "2015"), vec![Some(6.0)]);
}

#[test]
fn wide_indicators_layout() {
    let (_d, p) = temp_file(
        "wide-ind.tsv",
        "Region\tYear\tnps\tTaux d'abandon des appels\nuk\t2016\t15\t7,5\nFR\t2017\t-3\t..\n",
    );
    let imp = import_guess(&p).expect("imports");
    assert_eq!(imp.mapping.layout, Layout::WideIndicators);
    assert_eq!(value(&imp, "uk", "nps", None, "2016"), vec![Some(15.0)]);
    assert_eq!(
        value(&imp, "uk", "abandon_pct", None, "2016"),
        vec![Some(7.5)]
    );
    assert_eq!(
        value(&imp, "france", "abandon_pct", None, "2017"),
        vec![None]
    );
}

#[test]
fn quoted_fields_with_delimiters_and_newlines() {
    let (_d, p) = temp_file(
        "quoted.csv",
        "region,indicator,period,value,note\nuk,nps,2016,\"1,234\",\"a note, with a comma\nand a line\"\nfrance,nps,2016,7,\n",
    );
    // 1,234 in a comma-delimited file is one thousand two hundred and thirty-four: out of
    // the NPS range, reported with its location
    let err = import_guess(&p).expect_err("out of range");
    let msg = err.to_string();
    assert!(
        msg.contains("row 2, column 4 (D)") && msg.contains("1234"),
        "{msg}"
    );
    let (_d, p) = temp_file(
        "quoted.csv",
        "region,indicator,period,value,note\nuk,nps,2016,\"12.5\",\"a note, with a comma\nand a line\"\nfrance,nps,2016,7,\n",
    );
    let imp = import_guess(&p).expect("imports");
    let row = imp.dataset.observations().row(imp.first_observation);
    assert_eq!(row.note, Some("a note, with a comma\nand a line"));
    assert_eq!(value(&imp, "france", "nps", None, "2016"), vec![Some(7.0)]);
}

#[test]
fn xlsx_sheet_imports_and_errors_name_the_cell() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("data.xlsx");
    let mut wb = Workbook::new();
    let _ = wb.add_worksheet().set_name("Notes").expect("sheet");
    let ws = wb.add_worksheet();
    ws.set_name("Données").expect("name");
    for (c, h) in ["Pays", "Canal", "Indicateur", "Année", "Valeur"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).expect("write");
    }
    ws.write_string(1, 0, "Royaume-Uni").expect("w");
    ws.write_string(1, 1, "phone").expect("w");
    ws.write_string(1, 2, "asa_s").expect("w");
    ws.write_number(1, 3, 2016).expect("w");
    ws.write_number(1, 4, 95.5).expect("w");
    ws.write_string(2, 0, "Tunisie").expect("w");
    ws.write_string(2, 1, "phone").expect("w");
    ws.write_string(2, 2, "asa_s").expect("w");
    ws.write_number(2, 3, 2017).expect("w");
    ws.write_string(2, 4, "42,5").expect("w");
    wb.save(&path).expect("save xlsx");

    let opts = ImportOptions {
        mapping: None,
        sheet: Some("Données"),
    };
    let imp = import::import_path(&catalog(), &path, opts, None).expect("imports");
    assert_eq!(
        value(&imp, "uk", "asa_s", Some("phone"), "2016"),
        vec![Some(95.5)]
    );
    assert_eq!(
        value(&imp, "tunisia", "asa_s", Some("phone"), "2017"),
        vec![Some(42.5)]
    );

    // text in the value column: the error names sheet and cell
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Data").expect("name");
    for (c, h) in ["Region", "Indicator", "Year", "Value"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("write");
    }
    for r in 1..=3u32 {
        ws.write_string(r, 0, "uk").expect("w");
        ws.write_string(r, 1, "nps").expect("w");
        ws.write_number(r, 2, f64::from(2014 + r)).expect("w");
    }
    ws.write_number(1, 3, 10).expect("w");
    ws.write_string(2, 3, "about ten").expect("w");
    wb.save(&path).expect("save xlsx");
    let err = import_guess(&path).expect_err("bad cell");
    match &err {
        ImportError::Cell(c) => {
            assert_eq!(c.cell_ref(), "D3");
            assert_eq!(c.sheet.as_deref(), Some("Data"));
        }
        other => panic!("{other}"),
    }
    let msg = err.into_load_error(&path).to_string();
    assert!(
        msg.contains("data.xlsx: sheet \"Data\", cell D3 (column D \"Value\")"),
        "{msg}"
    );
    assert!(
        msg.contains("`about ten`") && msg.contains("expected a number"),
        "{msg}"
    );
    // unknown sheet
    let opts = ImportOptions {
        mapping: None,
        sheet: Some("Nope"),
    };
    let err = import::import_path(&catalog(), &path, opts, None).expect_err("no sheet");
    assert!(err.to_string().contains("the sheets are [Data]"), "{err}");
}

#[test]
fn mapping_beside_the_file_is_used_and_round_trips() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        &dir,
        "ventes.csv",
        "Zone;Score\nNord;12\nSud;15\n".as_bytes(),
    );
    // without a mapping: no period, no indicator
    assert!(io::load::load_path(&catalog(), &p).is_err());
    let mut m = Mapping::default();
    m.columns.region = Some("Zone".into());
    m.columns.value = Some("Score".into());
    m.constants.indicator = Some("nps".into());
    m.constants.period = Some(Period::year(2023));
    m.regions.insert("Nord".into(), "uk".into());
    m.regions.insert("Sud".into(), "maghreb".into());
    let saved = m.save_beside(&p, false).expect("saves");
    assert_eq!(saved, dir.path().join("ventes.csv.mapping.ron"));
    assert_eq!(Mapping::load(&saved).expect("loads"), m);
    let ds = io::load::load_path(&catalog(), &p).expect("uses the saved mapping");
    assert_eq!(ds.observations().len(), 2);
    let r = ds.observations().row(1);
    assert_eq!(ds.regions().id_at(r.region).unwrap_or(""), "maghreb");
    assert_eq!(r.value, Some(15.0));
    // the data file is untouched
    assert_eq!(
        std::fs::read(&p).expect("read"),
        b"Zone;Score\nNord;12\nSud;15\n"
    );
}

#[test]
fn progress_is_reported_and_cancel_stops() {
    // 1,000 regions × 70 years: every (region, indicator, period) once
    let mut csv = String::from("region,indicator,period,value\n");
    for i in 0..40_000 {
        csv.push_str(&format!(
            "r{},nps,{},{}\n",
            i % 1000,
            1950 + i / 1000,
            i % 100
        ));
    }
    let mut m = Mapping::guess(
        &["region", "indicator", "period", "value"].map(String::from),
        &catalog(),
    );
    m.unknown_regions = import::Unknown::Create;
    let opts = || ImportOptions {
        mapping: Some(&m),
        sheet: None,
    };
    let (_d, p) = temp_file("big.csv", &csv);
    let seen = std::sync::Mutex::new(Vec::new());
    let on_progress = |f: f32| seen.lock().expect("lock").push(f);
    let cancel = AtomicBool::new(false);
    let progress = Progress {
        on_progress: &on_progress,
        cancel: &cancel,
    };
    let imp = import::import_path(&catalog(), &p, opts(), Some(&progress)).expect("imports");
    assert_eq!(imp.stats.observations, 40_000);
    let seen = seen.lock().expect("lock").clone();
    assert!(seen.len() >= 3, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(seen.last().copied(), Some(1.0));

    cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    let err = import::import_path(&catalog(), &p, opts(), Some(&progress)).expect_err("cancelled");
    assert!(matches!(err, ImportError::Cancelled));
    assert!(matches!(
        err.into_load_error(&p),
        LoadError::Cancelled { .. }
    ));
}

#[test]
fn documented_mapping_example_parses() {
    let doc = include_str!("../../docs/import.md");
    let start = doc.find("```ron\nMapping(").expect("example") + "```ron\n".len();
    let end = start + doc[start..].find("\n```").expect("end of example");
    let m = Mapping::from_ron(&doc[start..end]).expect("the documented mapping parses");
    assert_eq!(m.layout, Layout::Long);
    assert_eq!(m.header_row, Some(3));
    assert_eq!(m.columns.grade.as_deref(), Some("Qualité"));
    assert_eq!(
        m.constants.period,
        Some(Period::parse("2024-Q1").expect("p"))
    );
    assert_eq!(m.new_indicators[0].id.as_str(), "branch_csat_pct");
    assert_eq!(
        m.new_regions[0].parent.as_ref().map(|p| p.as_str()),
        Some("france")
    );
    assert_eq!(m.fcr_window_days, 7);
}

#[test]
fn grade_column_is_kept() {
    let (_d, p) = temp_file(
        "g.csv",
        "region,indicator,period,value,grade\nuk,nps,2016,3,Illustrative\nuk,nps,2017,4,estimé\nuk,nps,2018,5,\n",
    );
    let imp = import_guess(&p).expect("imports");
    let grades: Vec<_> = (imp.first_observation..imp.dataset.observations().len())
        .map(|i| imp.dataset.observations().row(i).grade)
        .collect();
    use servicescope::model::Grade;
    assert_eq!(
        grades,
        vec![Grade::Illustrative, Grade::Estimated, Grade::Measured]
    );
}

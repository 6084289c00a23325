//! Importing CSV / XLSX tables: encodings, layouts, OWID, survey answers, contact logs,
//! located errors, the command line.

// Tests may use expect (developer guide); the crate-wide lint targets library code.
#![allow(clippy::expect_used)]

use crate::fixtures::data::catalog;
use crate::fixtures::import::{close, import_guess, import_with, value, write};
use servicescope::io::import::{
    self, ImportError, ImportOptions, Imported, Layout, Mapping, Progress,
};
use servicescope::io::{self, LoadError};
use servicescope::model::survey;
use servicescope::model::{Period, RegionKind, Unit};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

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
    let (_d, p) = crate::fixtures::data::temp_file(
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
    let (_d, p) = crate::fixtures::data::temp_file(
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
    let (_d, p) = crate::fixtures::data::temp_file(
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
    let (_d, p) = crate::fixtures::data::temp_file(
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
fn nps_from_known_answers() {
    // pure function: 40 promoters, 35 passives, 25 detractors
    let mut answers = vec![9u8; 20];
    answers.extend([10u8; 20]);
    answers.extend([7u8; 35]);
    answers.extend([0u8; 5]);
    answers.extend([6u8; 20]);
    let r = survey::nps(&answers).expect("answers");
    assert!(close(r.nps, 15.0));
    assert!(close(r.promoters_pct, 40.0) && close(r.detractors_pct, 25.0));
    let expected_margin = 1.96 * ((0.4 + 0.25 - 0.15f64.powi(2)) / 100.0).sqrt() * 100.0;
    assert!(close(r.margin_95, expected_margin));
    assert!((r.margin_95 - 15.53).abs() < 0.01);

    // through the importer: one answer per row
    let mut csv = String::from("Recommandation;Satisfaction\n");
    for (i, a) in answers.iter().enumerate() {
        let sat = if i % 4 == 0 { "2" } else { "5" };
        csv.push_str(&format!("{a};{sat}\n"));
    }
    csv.push_str("NA;\n");
    let (_d, p) = crate::fixtures::data::temp_file("answers.csv", &csv);
    let mut m = Mapping {
        layout: Layout::SurveyAnswers,
        ..Mapping::default()
    };
    m.columns.recommend = Some("Recommandation".into());
    m.columns.satisfaction = Some("Satisfaction".into());
    m.constants.region = Some("Royaume-Uni".into());
    m.constants.channel = Some("phone".into());
    m.constants.period = Some(Period::parse("2024-Q1").expect("p"));
    let imp = import_with(&p, &m).expect("imports");
    let ds = &imp.dataset;
    let nps_row = (imp.first_observation..ds.observations().len())
        .map(|i| ds.observations().row(i))
        .find(|r| ds.indicators().id_at(r.indicator).unwrap_or("") == "nps")
        .expect("nps row");
    assert!(close(nps_row.value.expect("value"), 15.0));
    assert_eq!(nps_row.sample_size, Some(100));
    assert!(close(nps_row.margin.expect("margin"), expected_margin));
    assert_eq!(
        value(&imp, "uk", "csat_pct", Some("phone"), "2024-Q1"),
        vec![Some(75.0)]
    );
    assert!(imp.new_indicators.iter().any(|i| i.as_str() == "csat_pct"));

    // an answer of 11 is located
    let (_d, p) =
        crate::fixtures::data::temp_file("bad.csv", "Recommandation;Satisfaction\n9;4\n11;4\n");
    let err = import_with(&p, &m).expect_err("11 is not an answer");
    assert!(err.to_string().contains("row 3, column 1 (A)"), "{err}");
}

#[test]
fn contact_log_metrics_hand_computed() {
    // offered 6, answered 4 (queues 10, 40, 5, 25 s; handling 300, 200, 100, 400 s),
    // abandoned 2; answered within 30 s: 3 → 50 %;
    // customer A: 1 Mar and 3 Mar (one issue, repeat), 20 Mar (new issue, 17 days later);
    // B: one contact → issues 3, single-contact 2 → FCR 66.7 %
    let log = "timestamp,customer,queue_s,service_s,outcome\n\
2024-03-01 09:00,A,10,300,answered\n\
2024-03-01 09:05,B,40,200,answered\n\
2024-03-01 09:10,C,90,,abandoned\n\
2024-03-03 10:00,A,5,100,answered\n\
2024-03-20 10:00,A,25,400,answered\n\
02/03/2024 11:00,D,0:15,,abandonné\n";
    let (_d, p) = crate::fixtures::data::temp_file("calls.csv", log);
    let mut m = Mapping::guess(
        &["timestamp", "customer", "queue_s", "service_s", "outcome"].map(String::from),
        &catalog(),
    );
    assert_eq!(m.layout, Layout::ContactLog);
    m.constants.region = Some("uk".into());
    m.constants.channel = Some("phone".into());
    m.constants.period = Some(Period::parse("2024-03").expect("p"));
    m.service_level_s = 30;
    let imp = import_with(&p, &m).expect("imports");
    let v = |ind: &str| value(&imp, "uk", ind, Some("phone"), "2024-03");
    assert_eq!(v("asa_s"), vec![Some(20.0)]);
    assert_eq!(v("aht_s"), vec![Some(250.0)]);
    let ab = v("abandon_pct")[0].expect("abandonment");
    assert!(close(ab, 100.0 / 3.0), "{ab}");
    assert_eq!(v("service_level_30s_pct"), vec![Some(50.0)]);
    let fcr = v("fcr_pct")[0].expect("fcr");
    assert!(close(fcr, 200.0 / 3.0), "{fcr}");
    let sl = imp
        .dataset
        .indicators()
        .get("service_level_30s_pct")
        .expect("defined");
    assert!(sl.definition.en.contains("within 30 seconds"));

    // the pure function directly, without timestamps: all of a customer's contacts are one issue
    use survey::{Contact, ContactOutcome};
    let c = |q: f64, cust: u32| Contact {
        start_s: None,
        queue_s: q,
        handle_s: Some(60.0),
        outcome: ContactOutcome::Answered,
        customer: Some(cust),
    };
    let r = survey::contact_metrics(&[c(10.0, 1), c(30.0, 1), c(50.0, 2)], 20.0, 7.0 * 86_400.0);
    assert_eq!(r.fcr_pct, Some(50.0));
    assert!(close(r.service_level_pct.expect("sl"), 100.0 / 3.0));
    assert_eq!(r.abandonment_pct, Some(0.0));
}

fn load_error(name: &str, bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(&dir, name, bytes);
    match io::load::load_path(&catalog(), &p) {
        Ok(_) => panic!("{name} should fail"),
        Err(e) => {
            assert!(e.to_string().contains(name), "names the file: {e}");
            e.to_string()
        }
    }
}

#[test]
fn malformed_files_give_located_errors() {
    let head = "Région;Indicateur;Année;Valeur\n";
    // ragged row
    let msg = load_error(
        "ragged.csv",
        format!("{head}uk;nps;2016;12\nfrance;nps;2016\n").as_bytes(),
    );
    assert!(
        msg.contains("row 3, column 4 (D)")
            && msg.contains("has 3 field(s) but the header row has 4"),
        "{msg}"
    );
    // text in the value column
    let msg = load_error(
        "text.csv",
        format!("{head}uk;nps;2016;12\nuk;nps;2017;douze\n").as_bytes(),
    );
    assert!(
        msg.contains("row 3, column 4 (D) \"Valeur\"") && msg.contains("`douze`"),
        "{msg}"
    );
    // bad period
    let msg = load_error("period.csv", format!("{head}uk;nps;20016;12\n").as_bytes());
    assert!(
        msg.contains("row 2, column 3 (C) \"Année\"") && msg.contains("expected a period"),
        "{msg}"
    );
    // unknown region, with a suggestion
    let msg = load_error(
        "region.csv",
        format!("{head}uk;nps;2016;12\nNarnia;nps;2016;3\nRoyaume Unii;nps;2016;4\n").as_bytes(),
    );
    assert!(
        msg.contains("\"Narnia\" (first at row 3, column 1 (A))"),
        "{msg}"
    );
    assert!(
        msg.contains("\"Royaume Unii\"") && msg.contains("did you mean `uk`"),
        "{msg}"
    );
    assert!(msg.contains("regions: {"), "says how to map: {msg}");
    // empty file, blank file, header only
    assert!(load_error("empty.csv", b"").contains("the file is empty"));
    assert!(load_error("blank.csv", b" \n\n").contains("the file is empty"));
    assert!(load_error("header.csv", head.as_bytes()).contains("the file is empty"));
    // binary garbage
    let garbage: Vec<u8> = (0..512u32).map(|i| (i * 37 % 256) as u8).collect();
    let msg = load_error("garbage.csv", &garbage);
    assert!(
        msg.contains("not a text (CSV) file") && msg.contains("byte"),
        "{msg}"
    );
    // a workbook saved with a .csv name
    let msg = load_error("book.csv", b"PK\x03\x04\x14\x00\x06\x00");
    assert!(msg.contains("ZIP"), "{msg}");
    // garbage with a workbook extension
    let msg = load_error("garbage.xlsx", &garbage);
    assert!(msg.contains("cannot read the workbook"), "{msg}");
    // a missing column is explained
    let msg = load_error("cols.csv", b"Pays;Valeur\nuk;3\n");
    assert!(
        msg.contains("no column for the indicator") || msg.contains("no column for the period"),
        "{msg}"
    );
}

#[test]
fn located_cell_errors_are_structured() {
    let (_d, p) = crate::fixtures::data::temp_file(
        "v.csv",
        "region,indicator,period,value\nuk,fcr_pct,2016,140\n",
    );
    match io::load::load_path(&catalog(), &p) {
        Err(LoadError::Cell { cell, .. }) => {
            assert_eq!(
                (cell.row, cell.column, cell.header.as_str()),
                (2, 4, "value")
            );
            assert!(
                cell.message
                    .contains("outside the range of indicator `fcr_pct` (0 to 100)"),
                "{}",
                cell.message
            );
        }
        other => panic!("{other:?}"),
    }
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
    let (_d, p) = crate::fixtures::data::temp_file("big.csv", &csv);
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

mod cli {
    use crate::fixtures::cli::run;

    #[test]
    fn import_writes_ron_that_validates() {
        let (d, csv) = crate::fixtures::data::temp_file(
            "own.csv",
            "Pays;Indicateur;Année;Valeur\nFrance;nps;2020;12,5\nMaroc;nps;2020;\n",
        );
        let out = d.path().join("own.ron");
        let (o, c) = (out.to_str().expect("utf8"), csv.to_str().expect("utf8"));
        let (code, stdout, err) = run(&["import", c, "--out", o]);
        assert_eq!(code, 0, "{stdout}{err}");
        assert!(
            stdout.contains("2 rows read, 2 observations (1 missing values), 0 new region(s)"),
            "{stdout}"
        );
        let (code, stdout, _) = run(&["validate", o]);
        assert_eq!(code, 0, "{stdout}");
        assert!(stdout.contains("ok (2 observations"), "{stdout}");
        // no overwrite without --force
        let (code, _, err) = run(&["import", c, "--out", o]);
        assert_eq!(code, 3);
        assert!(err.contains("already exists"), "{err}");
        let (code, _, _) = run(&["import", c, "--out", o, "--force"]);
        assert_eq!(code, 0);
        // validate and summary read the CSV directly
        let (code, stdout, _) = run(&["validate", c]);
        assert_eq!(code, 0, "{stdout}");
        let (code, stdout, _) = run(&["summary", "--data", c, "--format", "csv"]);
        assert_eq!(code, 0, "{stdout}");
        assert!(
            stdout.contains("france,,nps,,2020,12.5,,,score,Measured,own-own-csv"),
            "{stdout}"
        );
    }

    #[test]
    fn import_explains_unknown_regions_and_writes_a_mapping() {
        let (d, csv) = crate::fixtures::data::temp_file(
            "r.csv",
            "Pays,Indicateur,Année,Valeur\nNarnie,nps,2020,1\nRoyaume-Uni,nps,2020,2\n",
        );
        let out = d.path().join("r.ron");
        let (o, c) = (out.to_str().expect("utf8"), csv.to_str().expect("utf8"));
        let (code, stdout, _) = run(&["import", c, "--out", o, "--write-mapping"]);
        assert_eq!(code, 1);
        assert!(
            stdout.contains("\"Narnie\" (first at row 2, column 1 (A))"),
            "{stdout}"
        );
        assert!(stdout.contains("saved as a draft"), "{stdout}");
        assert!(!out.exists());
        // a failed import leaves no mapping that later commands would pick up by themselves
        assert!(!d.path().join("r.csv.mapping.ron").exists());
        let (code, _, _) = run(&["import", c, "--out", o]);
        assert_eq!(code, 1, "still fails without the edited mapping");
        let map = d.path().join("r.csv.mapping.draft.ron");
        let text = std::fs::read_to_string(&map).expect("draft written");
        let text = text.replace("regions: {}", "regions: {\"Narnie\": \"france\"}");
        std::fs::write(&map, text).expect("edit mapping");
        let (code, stdout, err) = run(&[
            "import",
            c,
            "--out",
            o,
            "--mapping",
            map.to_str().expect("utf8"),
            "--write-mapping",
        ]);
        assert_eq!(code, 0, "{stdout}{err}");
        // after a successful import the mapping used is saved beside the table
        assert!(d.path().join("r.csv.mapping.ron").exists());
        let (code, stdout, err) = run(&["import", c, "--out", o, "--force"]);
        assert_eq!(code, 0, "{stdout}{err}");
        let (code, stdout, _) = run(&[
            "import",
            c,
            "--out",
            o,
            "--force",
            "--mapping",
            map.to_str().expect("utf8"),
        ]);
        assert_eq!(code, 0, "{stdout}");
    }
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
    let (_d, p) = crate::fixtures::data::temp_file(
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

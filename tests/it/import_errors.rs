//! Import errors located in the file: malformed files name the file, line and column (or
//! sheet and cell) and what was expected, as structured fields.

use crate::fixtures::data::{catalog, temp_file};
use crate::fixtures::import::write;
use servicescope::io::{self, LoadError};

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
    let (_d, p) = temp_file(
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

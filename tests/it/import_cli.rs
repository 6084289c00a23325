//! `servicescope import` run as a process: writes RON that validates, explains unknown
//! regions and writes a mapping to edit.

use crate::fixtures::cli::run;
use crate::fixtures::data::temp_file;

#[test]
fn import_writes_ron_that_validates() {
    let (d, csv) = temp_file(
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
    let (d, csv) = temp_file(
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

//! RON format: round trip and syntax errors with line and column.

use crate::fixtures::data::temp_file;
use servicescope::io::{self, LoadError, benchmark, ron_file};

#[test]
fn save_load_round_trip_keeps_everything() {
    let ds = benchmark::load().expect("benchmark loads");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("copy.ron");
    ron_file::save(&ds, &path, false).expect("save");
    let back =
        io::load::load_path(&servicescope::model::Dataset::default(), &path).expect("reload");
    // same rows; only the provenance mark differs (a file on disk is not the bundled data)
    assert!(back.observations().rows().eq(ds.observations().rows()));
    assert_eq!(back.segments(), ds.segments());
    assert_eq!(back.regions(), ds.regions());
    assert_eq!(back.indicators(), ds.indicators());
    assert_eq!(back.sources(), ds.sources());
    assert_eq!(back.practices(), ds.practices());
    assert_eq!(back.meta(), ds.meta());
    // saving again without overwrite is refused and leaves the file intact
    let before = std::fs::read(&path).expect("read");
    assert!(ron_file::save(&ds, &path, false).is_err());
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn missing_value_stays_missing_through_save() {
    let text = r#"Dataset(observations: [
        (region: "uk", indicator: "nps", period: "2014", value: None, source: "bain-banks-2013", grade: Measured),
    ])"#;
    let (_d, path) = temp_file("m.ron", text);
    let base = benchmark::catalog().expect("catalog");
    let ds = io::load::load_path(&base, &path).expect("valid");
    assert_eq!(ds.observations().row(0).value, None);
    let saved = ron_file::to_ron_string(&ron_file::to_file(&ds)).expect("ser");
    assert!(saved.contains("value: None"), "{saved}");
}

#[test]
fn syntax_error_reports_line_and_column() {
    let text = "Dataset(\n    observations: [\n        (region: \"uk\", indicator: \"nps\" period: \"2014\"),\n    ],\n)\n";
    let (_d, path) = temp_file("bad.ron", text);
    let err =
        io::load::load_path(&benchmark::catalog().expect("catalog"), &path).expect_err("must fail");
    match &err {
        LoadError::Syntax {
            line,
            column,
            message,
            ..
        } => {
            assert_eq!(*line, 3);
            assert_eq!(*column, 41, "{message}");
            assert!(message.to_lowercase().contains("expected"), "{message}");
        }
        other => panic!("expected a syntax error, got {other}"),
    }
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!("{}:3:41: ", path.display())),
        "{shown}"
    );
}

#[test]
fn unknown_field_and_bad_period_are_located() {
    let text = "Dataset(\n  observations: [\n    (region: \"uk\", indicator: \"nps\", period: \"2014-H3\", value: 1, source: \"x\", grade: Measured),\n  ],\n)";
    let (_d, path) = temp_file("p.ron", text);
    let err =
        io::load::load_path(&benchmark::catalog().expect("catalog"), &path).expect_err("must fail");
    let LoadError::Syntax { line, message, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(*line, 3);
    assert!(
        message.contains("2014-H3") && message.contains("expected"),
        "{message}"
    );

    let text = "Dataset(\n  regionz: [],\n)";
    let (_d, path) = temp_file("f.ron", text);
    let err =
        io::load::load_path(&benchmark::catalog().expect("catalog"), &path).expect_err("must fail");
    let LoadError::Syntax { line, message, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(*line, 2);
    assert!(message.contains("regionz"), "{message}");
}

#[test]
fn oversized_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.ron");
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(io::MAX_FILE_BYTES + 1).expect("sparse file");
    let err =
        io::load::load_path(&benchmark::catalog().expect("catalog"), &path).expect_err("must fail");
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("256 MiB"), "{err}");
}

#[test]
fn binary_garbage_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("garbage.ron");
    std::fs::write(&path, [0xffu8, 0xfe, 0x00, 0x12, 0x80, b'(', 0xc3]).expect("write");
    let err =
        io::load::load_path(&benchmark::catalog().expect("catalog"), &path).expect_err("must fail");
    assert!(
        matches!(
            err,
            LoadError::Syntax {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn data_readme_example_validates() {
    let readme = include_str!("../../data/README.md");
    // the whole-file example (the README also shows fragments, such as `default_view`)
    let start = readme
        .match_indices("```ron\n")
        .map(|(i, _)| i + 7)
        .find(|&i| readme[i..].starts_with("#![enable(implicit_some)]\nDataset("))
        .expect("README has a whole-dataset ron block");
    let end = start + readme[start..].find("```").expect("closed block");
    let (_d, path) = temp_file("example.ron", &readme[start..end]);
    let ds = io::load::load_path(&benchmark::catalog().expect("catalog"), &path)
        .unwrap_or_else(|e| panic!("README example must validate: {e}"));
    assert_eq!(ds.observations().len(), 5);
    assert_eq!(ds.observations().row(4).value, None);
    let acme = ds.segments().ix("acme");
    assert!(acme.is_some());
    assert_eq!(ds.observations().row(2).segment, acme);
    assert_eq!(ds.practices().len(), 1);
}

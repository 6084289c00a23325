//! The command line, run as a real process: exit codes and output.

use crate::fixtures::cli::run;
use crate::fixtures::data::temp_file;

#[test]
fn validate_good_and_bad_files() {
    let (_d, good) = temp_file(
        "good.ron",
        r#"Dataset(observations: [(region: "uk", indicator: "nps", period: "2019", value: 3, source: "bain-banks-2013", grade: Estimated, note: "derived")])"#,
    );
    let (code, out, _) = run(&["validate", good.to_str().expect("utf8")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("ok (1 observations"), "{out}");

    let (_d2, bad) = temp_file(
        "bad.ron",
        r#"Dataset(observations: [(region: "mars", indicator: "nps", period: "2019", value: 300, source: "bain-banks-2013", grade: Measured)])"#,
    );
    let (code, out, _) = run(&[
        "validate",
        good.to_str().expect("utf8"),
        bad.to_str().expect("utf8"),
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("unknown region id `mars`"), "{out}");
    assert!(out.contains("1 of 2 file(s) invalid"), "{out}");
}

#[test]
fn validate_reports_syntax_location() {
    let (_d, bad) = temp_file(
        "syn.ron",
        "Dataset(\n  sources: [\n    Source(id: \"a\" title: \"t\"),\n  ],\n)",
    );
    let (code, out, _) = run(&["validate", bad.to_str().expect("utf8")]);
    assert_eq!(code, 1);
    assert!(out.contains("syn.ron:3:"), "{out}");
}

#[test]
fn validate_without_file_is_a_usage_error() {
    let (code, _, err) = run(&["validate"]);
    assert_eq!(code, 2);
    assert!(err.contains("FILES"), "{err}");
}

#[test]
fn summary_table_shows_four_regions_with_grade_and_source() {
    let (code, out, _) = run(&["summary"]);
    assert_eq!(code, 0);
    let header = out.lines().next().expect("header");
    assert!(header.starts_with("region") && header.contains("grade") && header.contains("source"));
    for region in ["uk", "maghreb", "quebec", "france"] {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{region} "))),
            "no row for {region}"
        );
    }
    let nps_uk = out
        .lines()
        .find(|l| l.starts_with("uk ") && l.contains(" nps "))
        .expect("uk nps row");
    assert!(
        nps_uk.contains("illustrative") || nps_uk.contains("measured"),
        "{nps_uk}"
    );
}

#[test]
fn summary_csv_and_json() {
    let (code, out, _) = run(&["summary", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let headers = rdr.headers().expect("headers").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        vec![
            "region",
            "segment",
            "indicator",
            "channel",
            "period",
            "value",
            "n",
            "margin",
            "unit",
            "grade",
            "source"
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    let fr_nps = rows
        .iter()
        .find(|r| &r[0] == "france" && &r[2] == "nps")
        .expect("france nps");
    assert_eq!(&fr_nps[1], "retail_banking", "{fr_nps:?}");
    assert_eq!(
        &fr_nps[4], "2017",
        "latest French NPS is Bain 2017: {fr_nps:?}"
    );
    assert_eq!(&fr_nps[5], "-3.0");

    let (code, out, _) = run(&["summary", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let arr = v.as_array().expect("array");
    assert!(arr.len() > 40);
    assert!(
        arr.iter()
            .all(|r| r["grade"].is_string() && r["source"].is_string() && r["value"].is_number())
    );
}

#[test]
fn summary_with_data_puts_the_file_on_top_of_the_benchmark_and_the_file_wins() {
    // the same point as a bundled value (Québec, retail banking, NPS, 2016): the file's wins
    let (_d, f) = temp_file(
        "mine.ron",
        r#"Dataset(observations: [(region: "quebec", segment: "retail_banking", indicator: "nps", period: "2016", value: 21.5, source: "bain-banks-2013", grade: Measured)])"#,
    );
    let (code, bundled, _) = run(&["summary", "--format", "csv"]);
    assert_eq!(code, 0);
    let (code, out, _) = run(&[
        "summary",
        "--data",
        f.to_str().expect("utf8"),
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    let quebec_nps = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("quebec,retail_banking,nps,"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        quebec_nps(&bundled),
        ["quebec,retail_banking,nps,,2016,15.0,,,score,Illustrative,servicescope-illustrative"]
    );
    assert_eq!(
        quebec_nps(&out),
        ["quebec,retail_banking,nps,,2016,21.5,,,score,Measured,bain-banks-2013"]
    );
    // every other line is the bundled benchmark's, as in the app
    let others = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with("quebec,retail_banking,nps,"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(others(&out), others(&bundled));
}

#[test]
fn list_commands() {
    let (code, out, _) = run(&["list", "regions"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("maghreb") && out.contains("morocco, algeria, tunisia"),
        "{out}"
    );
    assert!(out.contains("Royaume-Uni"));
    let (_, out, _) = run(&["list", "indicators"]);
    assert!(
        out.lines()
            .any(|l| l.starts_with("aht_s") && l.contains("lower is better")),
        "{out}"
    );
    let (_, out, _) = run(&["list", "channels"]);
    assert!(out.contains("web_self_service"));
    let (_, out, _) = run(&["list", "practices"]);
    assert!(out.lines().count() > 25);
    let (_, out, _) = run(&["list", "sources"]);
    assert!(out.contains("bain-banks-2013"));
    let (code, _, err) = run(&["list", "planets"]);
    assert_eq!(code, 2);
    assert!(err.contains("possible values"), "{err}");
}

#[test]
fn gen_sample_writes_valid_synthetic_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ron = dir.path().join("s.ron");
    let (code, out, _) = run(&[
        "gen-sample",
        "--rows",
        "5000",
        "--regions",
        "25",
        "--indicators",
        "2",
        "--out",
        ron.to_str().expect("utf8"),
    ]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run(&["validate", ron.to_str().expect("utf8")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("ok (5000 observations"), "{out}");
    let text = std::fs::read_to_string(&ron).expect("read");
    assert!(text.contains("id: \"r025\"") && !text.contains("\"r026\""));
    assert!(text.contains("grade:Illustrative") && !text.contains("Measured"));
    // refuses to overwrite without --force
    let (code, _, err) = run(&[
        "gen-sample",
        "--rows",
        "10",
        "--out",
        ron.to_str().expect("utf8"),
    ]);
    assert_eq!(code, 3, "exit code 3: output refused");
    assert!(err.contains("already exists"), "{err}");

    let csv = dir.path().join("s.csv");
    let (code, _, _) = run(&[
        "gen-sample",
        "--rows",
        "1200",
        "--out",
        csv.to_str().expect("utf8"),
    ]);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&csv).expect("read");
    assert_eq!(text.lines().count(), 1201);
    assert!(text.starts_with("region,channel,indicator,period,value,source,grade\n"));
    let (code, out, _) = run(&["validate", csv.to_str().expect("utf8")]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn gen_sample_refuses_out_of_range_arguments_quickly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("s.ron");
    let out_s = out.to_str().expect("utf8");
    let start = std::time::Instant::now();
    for (args, expected) in [
        (vec!["--rows", "100000000000000000"], "from 1 to 10000000"),
        (vec!["--rows", "10000000000"], "from 1 to 10000000"),
        (vec!["--rows", "0"], "from 1 to 10000000"),
        (vec!["--rows", "1e17"], "whole number from 1 to 10000000"),
        (
            vec!["--rows", "10", "--regions", "1000000000000"],
            "from 1 to 100000",
        ),
        (
            vec!["--rows", "10", "--indicators", "500"],
            "to sample from",
        ),
    ] {
        let mut all = vec!["gen-sample", "--out", out_s];
        all.extend(&args);
        let (code, _, err) = run(&all);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!out.exists(), "{args:?} wrote a file");
    }
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    // a CSV cannot hold synthetic regions: a usage error on stderr
    let csv = dir.path().join("s.csv");
    let (code, _, err) = run(&[
        "gen-sample",
        "--rows",
        "10",
        "--regions",
        "40",
        "--out",
        csv.to_str().expect("utf8"),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("needs a .ron output"), "{err}");
}

#[test]
fn summary_grades_counts_values_per_region_and_grade() {
    use servicescope::model::Grade;
    let (code, out, err) = run(&["summary", "--grades", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let ds = servicescope::io::benchmark::load().expect("loads");
    // count straight from the observation table
    let mut expected: std::collections::BTreeMap<String, [usize; 4]> = Default::default();
    for r in ds.observations().rows() {
        let slot = match (r.value.is_some(), r.grade) {
            (false, _) => 3,
            (true, Grade::Measured) => 0,
            (true, Grade::Estimated) => 1,
            (true, Grade::Illustrative) => 2,
        };
        expected
            .entry(ds.regions().id_at(r.region).unwrap_or("").to_string())
            .or_default()[slot] += 1;
    }
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "region,measured,estimated,illustrative,missing,cited_indicators,cited_indicators_with_stand_ins"
        )
    );
    let mut seen = 0;
    let mut field = std::collections::HashMap::new();
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        let n = |i: usize| f[i].parse::<usize>().expect("count");
        assert_eq!([n(1), n(2), n(3), n(4)], expected[f[0]], "{}", f[0]);
        field.insert(f[0].to_owned(), (n(5), n(6)));
        seen += 1;
    }
    assert_eq!(seen, expected.len());
    // the Maghreb and Québec are measured through their members / their country
    let (own, through) = field["maghreb"];
    assert_eq!(own, 0);
    assert!(through >= 8, "maghreb through members: {through}");
    let (own, through) = field["quebec"];
    assert!(own >= 1 && through >= 8, "quebec: {own} / {through}");
    assert_eq!(field["uk"].0, field["uk"].1, "a country has no stand-in");
    let (code, table, _) = run(&["summary", "--grades"]);
    assert_eq!(code, 0);
    assert!(table.contains("with stand-ins"), "{table}");
}

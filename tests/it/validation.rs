//! Semantic validation: each problem kind, reported all at once and naming its record.

use crate::fixtures::data::temp_file;
use servicescope::io::{self, LoadError, ProblemKind, benchmark};

fn problems(text: &str) -> Vec<(String, ProblemKind)> {
    let (_d, path) = temp_file("bad.ron", text);
    match io::load::load_path(&benchmark::catalog().expect("catalog"), &path) {
        Err(LoadError::Invalid { report, .. }) => report
            .problems
            .into_iter()
            .map(|p| (p.record, p.kind))
            .collect(),
        Err(e) => panic!("expected semantic problems, got {e}"),
        Ok(_) => panic!("expected semantic problems, file was accepted"),
    }
}

#[test]
fn unknown_ids_are_each_reported() {
    let p = problems(
        r#"Dataset(observations: [
        (region: "atlantis", channel: "pigeon", indicator: "nps", period: "2014", value: 1, source: "nosuch", grade: Measured),
        (region: "uk", indicator: "happiness", period: "2014", value: 1, source: "bain-banks-2013", grade: Measured),
    ])"#,
    );
    let kinds: Vec<_> = p.iter().map(|(r, k)| (r.as_str(), k.clone())).collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    assert_eq!(kinds[0].0, "observation 1 (atlantis / nps / pigeon / 2014)");
    assert_eq!(
        kinds[0].1,
        ProblemKind::UnknownId {
            what: "region",
            id: "atlantis".into()
        }
    );
    assert_eq!(
        kinds[1].1,
        ProblemKind::UnknownId {
            what: "channel",
            id: "pigeon".into()
        }
    );
    assert_eq!(
        kinds[2].1,
        ProblemKind::UnknownId {
            what: "source",
            id: "nosuch".into()
        }
    );
    assert_eq!(kinds[3].0, "observation 2 (uk / happiness / 2014)");
    assert_eq!(
        kinds[3].1,
        ProblemKind::UnknownId {
            what: "indicator",
            id: "happiness".into()
        }
    );
}

#[test]
fn duplicate_ids() {
    let p = problems(
        r#"Dataset(
        channels: [
            Channel(id: "fax", name: (en: "Fax", fr: "Fax")),
            Channel(id: "fax", name: (en: "Telefax", fr: "Télécopie")),
            Channel(id: "phone", name: (en: "Telephone", fr: "Tél")),
        ],
    )"#,
    );
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!(p[0].0, "channel `fax`");
    assert_eq!(
        p[0].1,
        ProblemKind::DuplicateId {
            what: "channel",
            id: "fax".into()
        }
    );
    assert_eq!(
        p[1].0, "channel `phone`",
        "clash with the bundled catalogue"
    );
}

#[test]
fn identical_restatement_of_bundled_record_is_accepted() {
    let cat = benchmark::catalog().expect("catalog");
    let phone = cat.channels().get("phone").expect("phone").clone();
    let file = io::DatasetFile {
        channels: vec![phone],
        ..Default::default()
    };
    assert!(io::validate::build(&cat, &file).is_ok());
}

#[test]
fn out_of_range_values() {
    let p = problems(
        r#"Dataset(observations: [
        (region: "uk", indicator: "nps", period: "2014", value: 140, source: "bain-banks-2013", grade: Measured),
        (region: "uk", channel: "phone", indicator: "fcr_pct", period: "2014", value: -3, source: "bain-banks-2013", grade: Measured),
        (region: "uk", channel: "phone", indicator: "asa_s", period: "2014", value: 20, source: "bain-banks-2013", grade: Measured),
    ])"#,
    );
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!(p[0].0, "observation 1 (uk / nps / 2014)");
    assert!(
        matches!(&p[0].1, ProblemKind::OutOfRange { value, indicator, bounds } if *value == 140.0 && indicator == "nps" && *bounds == (Some(-100.0), Some(100.0)))
    );
    assert_eq!(
        p[0].1.to_string(),
        "value 140 is outside the range of indicator `nps` (-100 to 100)"
    );
    assert_eq!(p[1].0, "observation 2 (uk / fcr_pct / phone / 2014)");
}

#[test]
fn channel_mix_over_100() {
    let p = problems(
        r#"Dataset(observations: [
        (region: "france", channel: "phone", indicator: "channel_pref_pct", period: "2020", value: 70, source: "bva-observatoire-2020", grade: Measured),
        (region: "france", channel: "email", indicator: "channel_pref_pct", period: "2020", value: 40, source: "bva-observatoire-2020", grade: Measured),
        (region: "uk", channel: "phone", indicator: "channel_use_pct", period: "2020", value: 70, source: "bva-observatoire-2020", grade: Measured),
        (region: "uk", channel: "email", indicator: "channel_use_pct", period: "2020", value: 60, source: "bva-observatoire-2020", grade: Measured),
    ])"#,
    );
    assert_eq!(p.len(), 1, "only the exclusive mix is checked: {p:?}");
    assert_eq!(
        p[0].0,
        "observations of `channel_pref_pct` for france / 2020 (source `bva-observatoire-2020`)"
    );
    assert!(
        matches!(p[0].1, ProblemKind::MixOver100 { sum_pct } if (sum_pct - 110.0).abs() < 1e-9)
    );
}

#[test]
fn observation_without_source_or_grade() {
    let p = problems(
        r#"Dataset(observations: [
        (region: "uk", indicator: "nps", period: "2014", value: 1, grade: Measured),
        (region: "uk", indicator: "nps", period: "2015", value: 1, source: "bain-banks-2013"),
    ])"#,
    );
    assert_eq!(
        p,
        vec![
            (
                "observation 1 (uk / nps / 2014)".into(),
                ProblemKind::MissingSource
            ),
            (
                "observation 2 (uk / nps / 2015)".into(),
                ProblemKind::MissingGrade
            ),
        ]
    );
}

#[test]
fn practice_without_source_and_bad_adoption() {
    let p = problems(
        r#"Dataset(practices: [
        Practice(id: "p1", regions: ["uk"], theme: Listening, summary: (en: "a", fr: "b")),
        Practice(id: "p2", regions: ["uk"], theme: Listening, summary: (en: "a", fr: "b"), adoption: 5, source: "bain-banks-2013"),
    ])"#,
    );
    assert_eq!(
        p,
        vec![
            ("practice `p1`".into(), ProblemKind::PracticeWithoutSource),
            (
                "practice `p2`".into(),
                ProblemKind::BadAdoption { level: 5 }
            ),
        ]
    );
}

#[test]
fn problems_are_all_reported_in_the_message() {
    let text = r#"Dataset(observations: [
        (region: "nowhere", indicator: "nps", period: "2014", value: 1, source: "bain-banks-2013", grade: Measured),
        (region: "uk", indicator: "nps", period: "2014", value: 1000, source: "bain-banks-2013", grade: Measured),
    ])"#;
    let (_d, path) = temp_file("two.ron", text);
    let err =
        io::load::load_path(&benchmark::catalog().expect("catalog"), &path).expect_err("invalid");
    let msg = err.to_string();
    assert!(msg.contains("2 problem(s)"), "{msg}");
    assert!(msg.contains("unknown region id `nowhere`"), "{msg}");
    assert!(
        msg.contains("value 1000 is outside the range of indicator `nps`"),
        "{msg}"
    );
}

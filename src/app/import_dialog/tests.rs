use super::*;

fn dialog(text: &str) -> (tempfile::TempDir, ImportDialog) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("data.csv");
    std::fs::write(&path, text).expect("write");
    let cat = crate::io::benchmark::load().expect("benchmark");
    let d = ImportDialog::open(path, &cat).expect("opens");
    (dir, d)
}

#[test]
fn role_change_moves_a_single_role_and_keeps_value_columns_in_wide_layouts() {
    let (_dir, mut d) = dialog("Pays;Indicateur;2022;2023\nFrance;nps;10;12\n");
    assert_eq!(d.layout(), Layout::WideYears);
    assert_eq!(d.role_of("2022"), Some(Role::Value));
    assert_eq!(d.role_of("2023"), Some(Role::Value));
    // moving the region role to another column frees the first one
    d.set_role(1, Role::Region);
    assert_eq!(d.roles()[0], Role::Ignore);
    assert_eq!(d.roles()[1], Role::Region);
    d.set_role(0, Role::Region);
    d.set_role(1, Role::Indicator);
    let m = d.mapping().expect("valid");
    assert!(
        m.value_columns.is_empty(),
        "default value columns stay implicit"
    );
    d.set_role(3, Role::Ignore);
    let m = d.mapping().expect("valid");
    assert_eq!(m.value_columns, vec!["2022".to_owned()]);
    // back to long: only one value column remains, and a period is required
    d.set_layout(Layout::Long);
    assert_eq!(d.roles().iter().filter(|r| **r == Role::Value).count(), 1);
    let err = d.mapping().expect_err("no period");
    assert_eq!(
        err,
        MappingError::NoColumn {
            role: crate::i18n::Msg::ColumnOfPeriod
        }
    );
    assert!(err.message(Lang::En).contains("period"), "{err}");
    assert!(err.message(Lang::Fr).contains("période"), "{err}");
    d.period_constant = "2023".into();
    let m = d.mapping().expect("valid");
    assert_eq!(m.constants.period, Some(Period::year(2023)));
}

#[test]
fn unknown_indicator_becomes_a_new_indicator_with_unit_and_direction() {
    let (_dir, mut d) = dialog("Region,Indicator,Year,Value\nFrance,Taux maison,2023,55\n");
    assert_eq!(d.indicator_drafts().len(), 1);
    let draft = d.indicator_draft_mut("Taux maison").expect("draft");
    assert_eq!(draft.unit, UnitKind::Percent);
    assert_eq!(draft.id, "taux_maison");
    draft.unit = UnitKind::Score;
    draft.min = 1.0;
    draft.max = 5.0;
    draft.direction = Direction::HigherIsBetter;
    let m = d.mapping().expect("valid");
    assert_eq!(m.new_indicators.len(), 1);
    assert_eq!(m.new_indicators[0].unit, Unit::Score { min: 1.0, max: 5.0 });
    assert_eq!(m.new_indicators[0].direction, Direction::HigherIsBetter);
    assert_eq!(
        m.indicators.get("Taux maison").map(String::as_str),
        Some("taux_maison")
    );
    let draft = d.indicator_draft_mut("Taux maison").expect("draft");
    draft.max = 0.0;
    let err = d.mapping().expect_err("bad range");
    assert_eq!(
        err,
        MappingError::ScoreMinAboveMax {
            name: "Taux maison".into()
        }
    );
    assert!(err.message(Lang::Fr).contains("minimum"), "{err}");
}

#[test]
fn raw_exports_offer_the_period_from_a_date_and_skipping_bad_rows() {
    let (_dir, mut d) =
        dialog("timestamp,region,queue_s,service_s,outcome\n2024-03-05 10:00,uk,10,100,answered\n");
    assert_eq!(d.layout(), Layout::ContactLog);
    assert_eq!(d.role_of("timestamp"), Some(Role::Timestamp));
    // the guess derives the period from the timestamp: the dialog shows it on that column
    // only when no other role holds it; choose it explicitly on a date column
    d.set_role(0, Role::DateForPeriod);
    d.skip_bad_rows = true;
    d.filters.missing_markers = " ?, n.d. ,".into();
    d.filters.exclude_col = Some(1);
    d.filters.exclude_values = vec![String::new(), "TT, NW".into()];
    let m = d.mapping().expect("valid: the period comes from the date");
    assert_eq!(
        m.missing.get("*"),
        Some(&vec!["?".to_owned(), "n.d.".to_owned()])
    );
    assert_eq!(
        m.exclude.get("region"),
        Some(&vec!["TT".to_owned(), "NW".to_owned()])
    );
    assert_eq!(
        m.period_from.map(|p| p.column).as_deref(),
        Some("timestamp")
    );
    assert_eq!(m.bad_rows, import::BadRows::Skip);
    assert!(Role::for_layout(Layout::Threads).contains(&Role::MessageId));
    assert!(Role::for_layout(Layout::Tickets).contains(&Role::ResolvedAt));
    assert!(LAYOUTS.contains(&Layout::Threads) && LAYOUTS.contains(&Layout::Tickets));
}

#[test]
fn outcome_values_found_are_offered_and_become_outcomes() {
    use import::OutcomeCode::{Abandoned, Answered, Ignore};
    let (_dir, mut d) = dialog(
        "date,region,queue_s,outcome\n2024-03-05,uk,10,AGENT\n2024-03-05,uk,30,HANG\n2024-03-05,uk,0,PHANTOM\n2024-03-06,uk,5,answered\n",
    );
    assert_eq!(d.layout(), Layout::ContactLog);
    let found: Vec<(&str, Option<import::OutcomeCode>)> = d
        .outcome_codes()
        .iter()
        .map(|(v, c)| (v.as_str(), *c))
        .collect();
    assert_eq!(
        found,
        vec![
            ("AGENT", None),
            ("HANG", None),
            ("PHANTOM", None),
            ("answered", Some(Answered))
        ]
    );
    d.set_outcome_code("AGENT", Some(Answered));
    d.set_outcome_code("HANG", Some(Abandoned));
    d.set_outcome_code("PHANTOM", Some(Ignore));
    d.period_constant = "2024-03".into();
    let m = d.mapping().expect("valid");
    let mut outcomes: Vec<(&str, import::OutcomeCode)> =
        m.outcomes.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    outcomes.sort_by_key(|(k, _)| *k);
    assert_eq!(
        outcomes,
        vec![
            ("AGENT", Answered),
            ("HANG", Abandoned),
            ("PHANTOM", Ignore)
        ],
        "built-in words need no entry"
    );
}

#[test]
fn filters_round_trip_per_column_markers_include_and_date_details() {
    let headers: Vec<String> = ["date", "region", "customer_id", "type"]
        .map(String::from)
        .to_vec();
    let mut m = Mapping::default();
    m.missing.insert("*".into(), vec!["?".into()]);
    m.missing.insert("customer_id".into(), vec!["0".into()]);
    m.missing
        .insert("Region".into(), vec!["-".into(), "n/a".into()]);
    m.include
        .insert("type".into(), vec!["PS".into(), "EM".into()]);
    m.period_from = Some(import::PeriodFrom {
        column: "date".into(),
        format: Some("%y%m%d".into()),
        bucket: import::Bucket::Half,
    });
    let f = Filters::from_mapping(&m, &headers);
    assert_eq!(f.column_markers, ["", "-, n/a", "0", ""]);
    assert_eq!(f.missing_col, Some(1), "the first column with markers");
    assert_eq!(f.missing_markers, "?");
    assert_eq!(f.include_col, Some(3));
    assert_eq!(f.include_values[3], ["PS", "EM"]);
    assert_eq!(
        (f.date_format.as_str(), f.bucket),
        ("%y%m%d", import::Bucket::Half)
    );
    // back into a mapping: header spelling of the file, same markers and filters
    let mut out = Mapping {
        period_from: Some(import::PeriodFrom {
            column: "date".into(),
            ..Default::default()
        }),
        ..Mapping::default()
    };
    f.put(&mut out, &headers);
    assert_eq!(
        out.missing.get("region"),
        Some(&vec!["-".to_owned(), "n/a".to_owned()])
    );
    assert_eq!(out.missing.get("customer_id"), Some(&vec!["0".to_owned()]));
    assert_eq!(out.missing.get("*"), Some(&vec!["?".to_owned()]));
    assert_eq!(out.missing.len(), 3);
    assert_eq!(out.include, m.include);
    assert_eq!(out.period_from, m.period_from);
    // an empty format means automatic; clearing a column's markers drops its entry
    let mut f = f;
    f.date_format = "  ".into();
    f.column_markers[2].clear();
    f.put(&mut out, &headers);
    assert_eq!(
        out.period_from.as_ref().and_then(|p| p.format.clone()),
        None
    );
    assert!(!out.missing.contains_key("customer_id"));
}

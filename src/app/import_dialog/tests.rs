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
    let m = d.mapping(Lang::En).expect("valid");
    assert!(
        m.value_columns.is_empty(),
        "default value columns stay implicit"
    );
    d.set_role(3, Role::Ignore);
    let m = d.mapping(Lang::En).expect("valid");
    assert_eq!(m.value_columns, vec!["2022".to_owned()]);
    // back to long: only one value column remains, and a period is required
    d.set_layout(Layout::Long);
    assert_eq!(d.roles().iter().filter(|r| **r == Role::Value).count(), 1);
    let err = d.mapping(Lang::En).expect_err("no period");
    assert!(err.contains("period"), "{err}");
    d.period_constant = "2023".into();
    let m = d.mapping(Lang::En).expect("valid");
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
    let m = d.mapping(Lang::En).expect("valid");
    assert_eq!(m.new_indicators.len(), 1);
    assert_eq!(m.new_indicators[0].unit, Unit::Score { min: 1.0, max: 5.0 });
    assert_eq!(m.new_indicators[0].direction, Direction::HigherIsBetter);
    assert_eq!(
        m.indicators.get("Taux maison").map(String::as_str),
        Some("taux_maison")
    );
    let draft = d.indicator_draft_mut("Taux maison").expect("draft");
    draft.max = 0.0;
    let err = d.mapping(Lang::Fr).expect_err("bad range");
    assert!(err.contains("minimum"), "{err}");
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
    d.missing_markers = " ?, n.d. ,".into();
    d.exclude_col = Some(1);
    d.exclude_values = "TT, NW".into();
    let m = d
        .mapping(Lang::En)
        .expect("valid: the period comes from the date");
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
    let m = d.mapping(Lang::En).expect("valid");
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

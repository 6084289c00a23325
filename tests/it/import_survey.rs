//! Indicators computed on import from raw rows: NPS from survey answers and contact-log
//! metrics, against hand-computed figures.

use crate::fixtures::data::{catalog, temp_file};
use crate::fixtures::import::{close, import_with, value};
use servicescope::io::import::{Layout, Mapping};
use servicescope::model::Period;
use servicescope::model::survey;

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
    let (_d, p) = temp_file("answers.csv", &csv);
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
    let (_d, p) = temp_file("bad.csv", "Recommandation;Satisfaction\n9;4\n11;4\n");
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
    let (_d, p) = temp_file("calls.csv", log);
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

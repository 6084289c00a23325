//! Raw exports (issue 12): every problem reported with its physical line, malformed rows
//! skipped on request, timestamps and durations parsed strictly, blank answers counted.

use crate::fixtures::data::temp_file;
use crate::fixtures::import::{import_guess, import_with};
use servicescope::io::import::{self, BadRows, ImportError, Imported, Layout, Mapping};
use servicescope::io::{self, LoadError};
use servicescope::model::Period;
use std::path::Path;

#[test]
fn every_bad_row_is_reported_with_its_physical_line() {
    // line 2: a bare CR inside a quoted note; line 3: a bad value; lines 4–5: one record
    // with a quoted line break; line 6 (record 5): a bad value
    let csv = "region,indicator,period,value,note\n\
uk,nps,2016,10,\"a\rb\"\n\
france,nps,2016,douze,x\n\
quebec,nps,2016,5,\"two\nlines\"\n\
maghreb,nps,2016,abc,y\n";
    let (_d, p) = temp_file("notes.csv", csv);
    let err = import_guess(&p).expect_err("two bad values");
    let ImportError::Problems { problems, total } = &err else {
        panic!("expected every problem, got {err}");
    };
    assert_eq!(*total, 2);
    let at: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(at[0].starts_with("row 3, column 4 (D)"), "{}", at[0]);
    assert!(
        at[1].starts_with("row 5 (line 6), column 4 (D)"),
        "{}",
        at[1]
    );
    assert_eq!(problems[1].line, Some(6));
    let msg = err.to_string();
    assert!(msg.starts_with("2 problem(s) in the file:"), "{msg}");
    assert!(msg.contains("bad_rows: Skip"), "{msg}");
}

#[test]
fn the_first_hundred_problems_are_listed_then_counted() {
    let mut csv = String::from("region,indicator,period,value\n");
    for i in 0..150 {
        csv.push_str(&format!("uk,nps,{},bad\n", 1900 + i));
    }
    let (_d, p) = temp_file("bad.csv", &csv);
    let err = import_guess(&p).expect_err("150 bad values");
    let ImportError::Problems { problems, total } = &err else {
        panic!("{err}");
    };
    assert_eq!((problems.len(), *total), (100, 150));
    assert_eq!(problems[99].row, 101);
    assert!(err.to_string().ends_with(
        "… and 50 more\nFix them, or set `bad_rows: Skip` in the mapping to leave malformed rows out (each is then listed)."
    ));
    // one problem keeps the single located cell error
    let (_d, p) = temp_file(
        "one.csv",
        "region,indicator,period,value\nuk,nps,2016,1\nuk,nps,2017,x\n",
    );
    let err = import_guess(&p).expect_err("one bad value");
    assert!(matches!(err.into_load_error(&p), LoadError::Cell { ref cell, .. } if cell.row == 3));
}

const LOG: &str = "timestamp,customer,queue_s,service_s,outcome\n\
2016-02-31 10:00,A,10,100,answered\n\
05/03/99999999999999999 10:00,B,10,100,answered\n\
2016-03-01 10:00,C,inf:00,100,answered\n\
2016-03-01 10:05,D,1e308:1e308,100,answered\n\
2016-03-01 10:10,E,10,100,answered\n\
2016-03-01 10:20,F,30,200,answered\n\
45000,G,10,100,answered\n\
2016-03-01 10:30,H,1e308,100,answered\n";

fn log_mapping() -> Mapping {
    let mut m = Mapping::guess(
        &["timestamp", "customer", "queue_s", "service_s", "outcome"].map(String::from),
        &io::benchmark::catalog().expect("catalogue"),
    );
    assert_eq!(m.layout, Layout::ContactLog);
    m.constants.region = Some("uk".into());
    m.constants.channel = Some("phone".into());
    m.constants.period = Some(Period::parse("2016-03").expect("period"));
    m
}

#[test]
fn impossible_dates_and_durations_are_located_errors() {
    let (_d, p) = temp_file("log.csv", LOG);
    let err = import_with(&p, &log_mapping()).expect_err("bad cells");
    let ImportError::Problems { problems, total } = &err else {
        panic!("{err}");
    };
    assert_eq!(*total, 6, "{err}");
    let cells: Vec<(usize, usize)> = problems.iter().map(|c| (c.row, c.column)).collect();
    assert_eq!(cells, vec![(2, 1), (3, 1), (4, 3), (5, 3), (8, 1), (9, 3)]);
    assert!(
        problems[0].message.contains("found `2016-02-31 10:00`"),
        "{}",
        problems[0]
    );
    assert!(
        problems[2].message.contains("expected a duration"),
        "{}",
        problems[2]
    );
}

#[test]
fn bad_rows_skip_leaves_them_out_and_lists_them() {
    let (_d, p) = temp_file("log.csv", LOG);
    let mut m = log_mapping();
    m.bad_rows = BadRows::Skip;
    let imp = import_with(&p, &m).expect("imports the good rows");
    assert_eq!(imp.stats.skipped_rows, 6);
    let rows: Vec<usize> = imp.skipped.iter().map(|c| c.row).collect();
    assert_eq!(rows, vec![2, 3, 4, 5, 8, 9]);
    // only E (10 s) and F (30 s) count: ASA 20 s, AHT 150 s
    let ds = &imp.dataset;
    let get = |id: &str| {
        (imp.first_observation..ds.observations().len())
            .map(|i| ds.observations().row(i))
            .find(|r| ds.indicators().id_at(r.indicator).unwrap_or("") == id)
            .and_then(|r| r.value)
    };
    assert_eq!(get("asa_s"), Some(20.0));
    assert_eq!(get("aht_s"), Some(150.0));
    let note = ds
        .sources()
        .get(imp.source.as_str())
        .and_then(|s| s.note.clone())
        .unwrap_or_default();
    assert!(note.contains("6 malformed row(s) skipped"), "{note}");
    // a row with a shifted field (one too many) is skipped too, with its reason
    let csv = "region,indicator,period,value\nuk,nps,2016,1\nfrance,nps,2016,2,extra\n";
    let (_d, p) = temp_file("shift.csv", csv);
    let mut m = Mapping::guess(
        &["region", "indicator", "period", "value"].map(String::from),
        &io::benchmark::catalog().expect("catalogue"),
    );
    m.bad_rows = BadRows::Skip;
    let imp = import_with(&p, &m).expect("imports");
    assert_eq!(imp.stats.observations, 1);
    assert_eq!(imp.skipped.len(), 1);
    assert!(
        imp.skipped[0].message.contains("this row has 5 field(s)"),
        "{}",
        imp.skipped[0]
    );
}

#[test]
fn blank_answers_count_as_missing_values() {
    let (_d, p) = temp_file("answers.csv", "recommend\n10\n\n \n9\nNA\n3\n");
    let mut m = Mapping {
        layout: Layout::SurveyAnswers,
        ..Mapping::default()
    };
    m.columns.recommend = Some("recommend".into());
    m.constants.region = Some("uk".into());
    m.constants.period = Some(Period::parse("2024").expect("period"));
    let imp = import_with(&p, &m).expect("imports");
    // the fully blank lines are not rows; `NA` is a blank answer
    assert_eq!(imp.stats.rows, 4);
    assert_eq!(imp.stats.missing_values, 1);
}

/// Values of `indicator` for france / phone / `period` among the imported rows, with n.
fn computed(imp: &Imported, indicator: &str, period: &str) -> Vec<(Option<f64>, Option<u32>)> {
    let ds = &imp.dataset;
    let p = Period::parse(period).expect("period");
    (imp.first_observation..ds.observations().len())
        .map(|i| ds.observations().row(i))
        .filter(|r| ds.indicators().id_at(r.indicator).unwrap_or("") == indicator && r.period == p)
        .map(|r| (r.value, r.sample_size))
        .collect()
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

#[test]
fn telephony_log_with_outcome_codes_hand_computed() {
    // CRLF file; YYMMDD dates; AGENT / HANG / PHANTOM codes; type TT excluded; customer 0
    // is unidentified; one row has a shifted field (skipped); abandons under 5 s not offered.
    let imp = import_guess(&fixture("telephony.csv")).expect("imports with its mapping");
    assert_eq!(imp.stats.skipped_rows, 1);
    assert_eq!(imp.skipped[0].row, 10);
    assert_eq!(imp.stats.excluded_rows, 2, "TT and PHANTOM");
    // August answered: queues 30, 90, 10, 50 s; handling 100, 200, 300, 400 s
    assert_eq!(
        computed(&imp, "asa_s", "1999-08"),
        vec![(Some(45.0), Some(4))]
    );
    assert_eq!(
        computed(&imp, "asa_median_s", "1999-08"),
        vec![(Some(40.0), Some(4))]
    );
    assert_eq!(
        computed(&imp, "asa_p90_s", "1999-08"),
        vec![(Some(78.0), Some(4))]
    );
    assert_eq!(
        computed(&imp, "aht_s", "1999-08"),
        vec![(Some(250.0), Some(4))]
    );
    assert_eq!(
        computed(&imp, "aht_median_s", "1999-08"),
        vec![(Some(250.0), Some(4))]
    );
    let aht_p90 = computed(&imp, "aht_p90_s", "1999-08")[0].0.expect("p90");
    assert!((aht_p90 - 370.0).abs() < 1e-9, "{aht_p90}");
    // offered: 4 answered + 1 abandon of 40 s (the 3 s abandon is short) = 5
    assert_eq!(
        computed(&imp, "abandon_pct", "1999-08"),
        vec![(Some(20.0), Some(5))]
    );
    assert_eq!(
        computed(&imp, "service_level_60s_pct", "1999-08"),
        vec![(Some(60.0), Some(5))]
    );
    assert_eq!(
        computed(&imp, "answered_within_60s_pct", "1999-08"),
        vec![(Some(75.0), Some(4))]
    );
    // FCR over identified customers only: 101 called twice, 102 once → 1 of 2 issues
    assert_eq!(
        computed(&imp, "fcr_pct", "1999-08"),
        vec![(Some(50.0), Some(2))]
    );
    // September: one answer in 20 s, one abandon in 80 s
    assert_eq!(
        computed(&imp, "asa_s", "1999-09"),
        vec![(Some(20.0), Some(1))]
    );
    assert_eq!(
        computed(&imp, "abandon_pct", "1999-09"),
        vec![(Some(50.0), Some(2))]
    );
    assert_eq!(
        computed(&imp, "answered_within_60s_pct", "1999-09"),
        vec![(Some(100.0), Some(1))]
    );
}

/// (segment id or "", value, n) of `indicator` in `period`.
fn by_segment(
    imp: &Imported,
    indicator: &str,
    period: &str,
) -> Vec<(String, Option<f64>, Option<u32>)> {
    let ds = &imp.dataset;
    let p = Period::parse(period).expect("period");
    (imp.first_observation..ds.observations().len())
        .map(|i| ds.observations().row(i))
        .filter(|r| ds.indicators().id_at(r.indicator).unwrap_or("") == indicator && r.period == p)
        .map(|r| {
            let seg = r
                .segment
                .map(|s| ds.segments().id_at(s).unwrap_or("").to_string())
                .unwrap_or_default();
            (seg, r.value, r.sample_size)
        })
        .collect()
}

#[test]
fn support_threads_hand_computed() {
    // float message ids (2.0), Twitter timestamps, a quoted line break, a customer
    // follow-up that is not an opener, an unanswered opener
    let imp = import_guess(&fixture("threads.csv")).expect("imports with its mapping");
    let s = |id: &str, p: &str| by_segment(&imp, id, p);
    let v = |seg: &str, x: f64, n: u32| vec![(seg.to_owned(), Some(x), Some(n))];
    // October, AskBank: openers 2 (first reply after 600 s) and 4 (7,200 s)
    assert_eq!(s("first_response_s", "2017-10"), v("askbank", 3900.0, 2));
    assert_eq!(
        s("first_response_median_s", "2017-10"),
        v("askbank", 3900.0, 2)
    );
    assert_eq!(s("response_rate_pct", "2017-10"), v("askbank", 100.0, 2));
    assert_eq!(
        s("responded_within_60min_pct", "2017-10"),
        v("askbank", 50.0, 2)
    );
    // November: ShopCo answered its opener in 1,800 s; one opener got no reply
    assert_eq!(s("first_response_s", "2017-11"), v("shopco", 1800.0, 1));
    let mut rate = s("response_rate_pct", "2017-11");
    rate.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        rate,
        vec![
            (String::new(), Some(0.0), Some(1)),
            ("shopco".to_owned(), Some(100.0), Some(1))
        ]
    );
}

#[test]
fn ticket_event_log_hand_computed() {
    // day/month dates without leading zeros, events out of order, priority as segment
    let imp = import_guess(&fixture("tickets.csv")).expect("imports with its mapping");
    let s = |id: &str, p: &str| by_segment(&imp, id, p);
    let v = |seg: &str, x: f64, n: u32| vec![(seg.to_owned(), Some(x), Some(n))];
    // February, priority 3: responses after 600 s and 3,600 s, one ticket never answered;
    // one resolution after 10 h 13 min = 36,780 s
    assert_eq!(s("first_response_s", "2016-02"), v("3_moderate", 2100.0, 2));
    assert_eq!(
        s("first_response_median_s", "2016-02"),
        v("3_moderate", 2100.0, 2)
    );
    assert_eq!(
        s("first_response_p90_s", "2016-02"),
        v("3_moderate", 3300.0, 2)
    );
    assert_eq!(s("resolution_s", "2016-02"), v("3_moderate", 36_780.0, 1));
    let resolved = s("resolved_pct", "2016-02");
    assert_eq!(resolved.len(), 1);
    assert!((resolved[0].1.expect("value") - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(resolved[0].2, Some(3));
    // March, priority 2: answered after 30 min, resolved after 4 h
    assert_eq!(s("first_response_s", "2016-03"), v("2_high", 1800.0, 1));
    assert_eq!(s("resolution_s", "2016-03"), v("2_high", 14_400.0, 1));
    assert_eq!(s("resolved_pct", "2016-03"), v("2_high", 100.0, 1));
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn header_guesses_for_raw_exports() {
    let cat = io::benchmark::catalog().expect("catalogue");
    let m = Mapping::guess(
        &strings(&[
            "call_id",
            "customer_id",
            "date",
            "q_time",
            "outcome",
            "ser_time",
        ]),
        &cat,
    );
    assert_eq!(m.layout, Layout::ContactLog);
    assert_eq!(m.columns.queue_s.as_deref(), Some("q_time"));
    assert_eq!(m.columns.service_s.as_deref(), Some("ser_time"));
    let m = Mapping::guess(&strings(&["wait", "talk time", "handle time"]), &cat);
    assert_eq!(m.columns.queue_s.as_deref(), Some("wait"));
    assert_eq!(m.columns.service_s.as_deref(), Some("talk time"));
    // a 0–10 column under a recommend-like or score header → recommend; 1–5 → satisfaction
    let rows = |v: &[&str]| {
        v.iter()
            .map(|x| vec![(*x).to_owned(), "France".into()])
            .collect::<Vec<_>>()
    };
    for h in ["Likely-To-Recommend", "recommend", "score"] {
        let m = Mapping::guess_with_rows(
            &strings(&[h, "Country"]),
            &rows(&["10", "0", "7", ""]),
            &cat,
        );
        assert_eq!(
            (m.layout, m.columns.recommend.as_deref()),
            (Layout::SurveyAnswers, Some(h)),
            "{h}"
        );
    }
    for h in ["review_score", "rating"] {
        let m = Mapping::guess_with_rows(&strings(&[h, "Country"]), &rows(&["5", "4", "1"]), &cat);
        assert_eq!(m.columns.satisfaction.as_deref(), Some(h), "{h}");
        assert_eq!(m.columns.value, None);
    }
    // threads and tickets, with the period from their dates
    let m = Mapping::guess(
        &strings(&[
            "tweet_id",
            "author_id",
            "inbound",
            "created_at",
            "text",
            "in_response_to_tweet_id",
        ]),
        &cat,
    );
    assert_eq!(m.layout, Layout::Threads);
    assert_eq!(
        m.columns.reply_to.as_deref(),
        Some("in_response_to_tweet_id")
    );
    assert_eq!(
        m.period_from.map(|p| p.column).as_deref(),
        Some("created_at")
    );
    let m = Mapping::guess(
        &strings(&["ticket", "opened_at", "state", "resolved_at"]),
        &cat,
    );
    assert_eq!(m.layout, Layout::Tickets);
}

#[test]
fn a_partial_mapping_still_guesses_the_rest() {
    let (_d, p) = temp_file(
        "calls.csv",
        "q_time,ser_time,outcome\n10,100,answered\n30,,abandoned\n",
    );
    let mut m = Mapping {
        layout: Layout::ContactLog,
        ..Mapping::default()
    };
    m.constants.region = Some("uk".into());
    m.constants.period = Some(Period::parse("2024").expect("period"));
    let imp = import_with(&p, &m).expect("the columns are guessed");
    assert_eq!(imp.mapping.columns.queue_s.as_deref(), Some("q_time"));
    assert_eq!(
        imp.mapping.columns.region, None,
        "a constant region is kept"
    );
    let ds = &imp.dataset;
    let abandon = (imp.first_observation..ds.observations().len())
        .map(|i| ds.observations().row(i))
        .find(|r| ds.indicators().id_at(r.indicator).unwrap_or("") == "abandon_pct")
        .and_then(|r| r.value);
    assert_eq!(abandon, Some(50.0));
}

#[test]
fn the_missing_column_hint_is_valid_ron() {
    let (_d, p) = temp_file("v.csv", "Valeur\n1\n");
    let err = import_guess(&p).expect_err("no region");
    let msg = err.to_string();
    let hint = "columns: (region: \"…\")";
    assert!(msg.contains(hint), "{msg}");
    let m = Mapping::from_ron(&format!("Mapping({hint})")).expect("the hint parses");
    assert_eq!(m.columns.region.as_deref(), Some("…"));
}

#[test]
fn region_suggestions_use_aliases_and_word_similarity() {
    let cat = io::benchmark::catalog().expect("catalogue");
    let ids = |name: &str| -> Vec<String> {
        import::suggest_region(name, &cat)
            .into_iter()
            .map(|(id, _)| id.to_string())
            .collect()
    };
    assert!(
        !ids("South Africa").contains(&"maghreb".to_owned()),
        "{:?}",
        ids("South Africa")
    );
    for name in ["England", "Scotland", "Wales", "Great Britain", "Englnd"] {
        assert_eq!(ids(name).first().map(String::as_str), Some("uk"), "{name}");
    }
    assert_eq!(ids("Royame Uni").first().map(String::as_str), Some("uk"));
}

#[test]
fn generated_raw_exports_import_and_agree_with_a_direct_sum() {
    use servicescope::cli::gen_sample::{SampleLayout, raw};
    let text = raw::text(SampleLayout::ContactLog, 2_000);
    // direct sums for uk / 2024-03 from the CSV text
    let (mut answered, mut offered, mut queue_sum, mut in_time) = (0u32, 0u32, 0.0, 0u32);
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f[1] != "uk" || !f[0].starts_with("2024-03") {
            continue;
        }
        offered += 1;
        if f[6] == "answered" {
            answered += 1;
            let q: f64 = f[4].parse().expect("queue");
            queue_sum += q;
            in_time += u32::from(q <= 20.0);
        }
    }
    let (_d, p) = temp_file("log.csv", &text);
    let map = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/raw-contact-log.mapping.ron"),
    )
    .expect("bench mapping");
    let m = Mapping::from_ron(&map).expect("mapping parses");
    let imp = import_with(&p, &m).expect("imports");
    let asa = computed(&imp, "asa_s", "2024-03");
    let uk_asa: Vec<_> = asa
        .iter()
        .filter(|(v, n)| {
            *n == Some(answered)
                && v.is_some_and(|v| (v - queue_sum / f64::from(answered)).abs() < 1e-9)
        })
        .collect();
    assert_eq!(uk_asa.len(), 1, "{asa:?}");
    let sl = computed(&imp, "service_level_20s_pct", "2024-03");
    let want = f64::from(in_time) * 100.0 / f64::from(offered);
    assert!(
        sl.iter()
            .any(|(v, n)| *n == Some(offered) && v.is_some_and(|v| (v - want).abs() < 1e-9)),
        "{sl:?}"
    );
    // the survey and threads samples import as guessed
    for (layout, name) in [
        (SampleLayout::Survey, "s.csv"),
        (SampleLayout::Threads, "t.csv"),
    ] {
        let (_d, p) = temp_file(name, &raw::text(layout, 500));
        let imp = import_guess(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(imp.stats.observations > 0, "{name}");
    }
}

#[test]
fn survey_with_free_text_countries_and_blanks_hand_computed() {
    let imp = import_guess(&fixture("survey.csv")).expect("imports with its mapping");
    let by_region = |region: &str, period: &str| {
        let ds = &imp.dataset;
        let p = Period::parse(period).expect("period");
        (imp.first_observation..ds.observations().len())
            .map(|i| ds.observations().row(i))
            .filter(|r| {
                ds.indicators().id_at(r.indicator).unwrap_or("") == "nps"
                    && ds.regions().id_at(r.region).unwrap_or("") == region
                    && r.period == p
            })
            .map(|r| (r.value, r.sample_size))
            .collect::<Vec<_>>()
    };
    // UK: England 10, Scotland 9, United Kingdom 6 (Royaume-Uni left blank) → (2 − 1)/3
    let uk = by_region("uk", "2023-10");
    assert_eq!(uk.len(), 1);
    assert!((uk[0].0.expect("nps") - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(uk[0].1, Some(3));
    assert_eq!(by_region("france", "2023-10"), vec![(Some(50.0), Some(2))]);
    assert_eq!(
        by_region("unknown", "2023-10"),
        vec![(Some(-50.0), Some(2))]
    );
    assert_eq!(
        by_region("morocco", "2023-11"),
        vec![(Some(100.0), Some(1))]
    );
    assert_eq!(imp.stats.missing_values, 1, "the blank answer is counted");
}

#[test]
fn review_export_with_multi_line_comments_hand_computed() {
    let imp = import_guess(&fixture("reviews.csv")).expect("imports with its mapping");
    let csat = |p: &str| computed(&imp, "csat_pct", p);
    // January: 5, 4, 1 → 2 of 3 rate 4 or 5; February: 3, 5 → 1 of 2
    let jan = csat("2018-01");
    assert!((jan[0].0.expect("csat") - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(jan[0].1, Some(3));
    assert_eq!(csat("2018-02"), vec![(Some(50.0), Some(2))]);
    assert_eq!(imp.stats.rows, 5, "multi-line comments are one row each");
    // the same file guessed without its mapping: review_score is a 1–5 satisfaction column
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("r.csv");
    std::fs::copy(fixture("reviews.csv"), &copy).expect("copy");
    let pv =
        import::preview(&copy, None, 10, &io::benchmark::catalog().expect("cat")).expect("preview");
    assert_eq!(pv.guess.layout, Layout::SurveyAnswers);
    assert_eq!(
        pv.guess.columns.satisfaction.as_deref(),
        Some("review_score")
    );
}

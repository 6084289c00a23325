//! The segment dimension (company, brand, sector) and the bugs of issue 12 around what is
//! shown: values on a channel of a non-per-channel indicator, the user's data over the
//! bundled benchmark, duplicate observations, the computed NPS title.

use crate::fixtures::data::{catalog, temp_file};
use crate::fixtures::import::import_with;
use servicescope::analysis::{self, Selection};
use servicescope::chart::{self, ChartKind, ChartSpec, Locale};
use servicescope::cli::summary;
use servicescope::io::import::{self, ImportOptions, Layout, Mapping};
use servicescope::io::{self, DatasetFile, LoadError, ron_file, validate};
use servicescope::model::{Dataset, IndicatorId, Period, RegionId, SegmentId, SegmentKind};
use std::path::Path;

const TWO_BANKS: &str = r#"#![enable(implicit_some)]
Dataset(
    sources: [Source(id: "own", title: "Own survey", publisher: "Me", date: "2024", kind: OwnData)],
    segments: [
        Segment(id: "bank_a", name: (en: "Bank A", fr: "Banque A"), kind: Company, aliases: ["@BankA"]),
        Segment(id: "bank_b", name: (en: "Bank B", fr: "Banque B"), kind: Company),
    ],
    observations: [
        (region: "uk", segment: "bank_a", indicator: "nps", period: "2024", value: 12, sample_size: 400, margin: 4.8, source: "own", grade: Measured),
        (region: "uk", segment: "bank_b", indicator: "nps", period: "2024", value: 31, sample_size: 12, source: "own", grade: Measured),
        (region: "uk", indicator: "nps", period: "2024", value: 20, source: "own", grade: Measured),
    ],
)
"#;

fn load_on(base: &Dataset, text: &str) -> Result<Dataset, validate::ValidationReport> {
    let file = ron_file::parse(text, Path::new("t.ron")).expect("parses");
    validate::build(base, &file)
}

#[test]
fn segments_parse_on_the_fast_path_and_through_ron_alike() {
    let fast = ron_file::parse(TWO_BANKS, Path::new("t.ron")).expect("parses");
    assert_eq!(fast.segments.len(), 2);
    assert_eq!(fast.segments[0].kind, SegmentKind::Company);
    assert_eq!(fast.observations[0].segment.as_deref(), Some("bank_a"));
    assert_eq!(fast.observations[2].segment, None);
    // a block comment makes the fast path give up: ron must read the same records
    let slow_text = TWO_BANKS.replace("Dataset(", "Dataset( /* slow */");
    let slow = ron_file::parse(&slow_text, Path::new("t.ron")).expect("parses");
    assert_eq!(fast, slow);
    // and the saved form reads back identically
    let ds = load_on(&catalog(), TWO_BANKS).expect("valid");
    let text = ron_file::to_ron_string(&ron_file::to_file(&ds)).expect("writes");
    let again: DatasetFile<'_> = ron_file::parse(&text, Path::new("s.ron")).expect("parses");
    let back = validate::build(&Dataset::default(), &again).expect("valid");
    assert_eq!(back.segments().len(), ds.segments().len());
    let seg_col = back.observations().segment_col().to_vec();
    assert_eq!(seg_col, ds.observations().segment_col().to_vec());
}

#[test]
fn unknown_segment_is_a_named_problem() {
    let text = r#"Dataset(observations: [(region: "uk", segment: "acme", indicator: "nps", period: "2024", value: 1, source: "bain-banks-2013", grade: Measured)])"#;
    let rep = load_on(&catalog(), text).expect_err("acme is not defined");
    assert_eq!(rep.count(), 1, "{rep}");
    let p = &rep.problems[0];
    assert_eq!(p.record, "observation 1 (uk / acme / nps / 2024)");
    assert!(p.to_string().contains("unknown segment id `acme`"), "{p}");
}

#[test]
fn select_filters_by_segment() {
    let ds = load_on(&catalog(), TWO_BANKS).expect("valid");
    let a = ds.segments().ix("bank_a").expect("a");
    let only_a = analysis::select(
        &ds,
        &Selection {
            segment_ixs: Some(vec![Some(a)]),
            ..Selection::default()
        },
    );
    assert_eq!(only_a, vec![0]);
    let whole_regions = analysis::select(
        &ds,
        &Selection {
            segment_ixs: Some(vec![None]),
            ..Selection::default()
        },
    );
    assert_eq!(whole_regions, vec![2]);
    assert_eq!(analysis::select(&ds, &Selection::default()).len(), 3);
}

#[test]
fn summary_has_segment_n_and_margin_columns() {
    let ds = load_on(&catalog(), TWO_BANKS).expect("valid");
    let rows = summary::rows(&ds);
    let seg: Vec<(&str, f64, Option<u32>, Option<f64>)> = rows
        .iter()
        .map(|r| (r.segment.as_str(), r.value, r.n, r.margin))
        .collect();
    assert_eq!(
        seg,
        vec![
            ("", 20.0, None, None),
            ("bank_a", 12.0, Some(400), Some(4.8)),
            ("bank_b", 31.0, Some(12), None),
        ]
    );
}

#[test]
fn ranking_puts_segments_where_regions_stand() {
    let ds = load_on(&catalog(), TWO_BANKS).expect("valid");
    let spec = ChartSpec {
        kind: ChartKind::Ranking,
        indicators: vec![IndicatorId::new("nps")],
        segments: vec![SegmentId::new("bank_a"), SegmentId::new("bank_b")],
        ..ChartSpec::default()
    };
    let fig = chart::build(&ds, &spec, Locale::EnGb);
    let labels: Vec<&str> = fig.series.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        vec!["United Kingdom · Bank B", "United Kingdom · Bank A"]
    );
    assert_eq!(fig.series[0].id, "uk/bank_b");
    assert_eq!(fig.series[0].points[0].value, Some(31.0));
    // bars by channel: one bar per region and segment
    let spec = ChartSpec {
        kind: ChartKind::BarsByChannel,
        indicators: vec![IndicatorId::new("nps")],
        regions: vec![RegionId::new("uk")],
        ..ChartSpec::default()
    };
    let fig = chart::build(&ds, &spec, Locale::EnGb);
    let ids: Vec<&str> = fig.series.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["uk", "uk/bank_a", "uk/bank_b"]);
}

#[test]
fn bundled_nps_is_retail_banking_and_named_plainly() {
    let ds = io::benchmark::load().expect("loads");
    let nps = ds.indicators().get("nps").expect("nps");
    assert_eq!(nps.name.en, "Net Promoter Score");
    let seg = ds.segments().get("retail_banking").expect("segment");
    assert_eq!(seg.kind, SegmentKind::Sector);
    let nps_ix = ds.indicators().ix("nps").expect("nps");
    let rb = ds.segments().ix("retail_banking");
    let rows = analysis::select(
        &ds,
        &Selection {
            indicator_ixs: Some(vec![nps_ix]),
            ..Selection::default()
        },
    );
    assert!(rows.len() >= 10, "{} NPS rows", rows.len());
    assert!(rows.iter().all(|&i| ds.observations().row(i).segment == rb));
    // one shared segment: named once in the subtitle, not in every label
    let spec = ChartSpec {
        kind: ChartKind::Ranking,
        indicators: vec![IndicatorId::new("nps")],
        ..ChartSpec::default()
    };
    let fig = chart::build(&ds, &spec, Locale::EnGb);
    assert!(
        fig.subtitle.starts_with("Retail banking"),
        "{}",
        fig.subtitle
    );
    assert!(fig.series.iter().all(|s| !s.label.contains('·')));
    assert_eq!(fig.series.len(), 4);
}

/// A survey mapped with a channel constant: NPS is not declared per channel.
fn phone_survey() -> (tempfile::TempDir, std::path::PathBuf, Mapping) {
    let mut csv = String::from("recommend\n");
    for a in [10, 9, 9, 8, 7, 3, 10, 6, 9, 10] {
        csv.push_str(&format!("{a}\n"));
    }
    let (d, p) = temp_file("survey.csv", &csv);
    let mut m = Mapping {
        layout: Layout::SurveyAnswers,
        ..Mapping::default()
    };
    m.columns.recommend = Some("recommend".into());
    m.constants.region = Some("uk".into());
    m.constants.channel = Some("phone".into());
    m.constants.period = Some(Period::parse("2024").expect("p"));
    (d, p, m)
}

#[test]
fn values_on_a_channel_of_a_non_channel_indicator_are_visible() {
    let (_d, p, m) = phone_survey();
    let imp = import_with(&p, &m).expect("imports");
    let ds = &imp.dataset;
    // promoters 6, detractors 2 of 10 → NPS 40
    let rows = summary::rows(ds);
    let nps = rows
        .iter()
        .find(|r| r.indicator == "nps")
        .expect("the phone NPS is in the summary");
    assert_eq!((nps.channel.as_str(), nps.value), ("phone", 40.0));
    assert_eq!(nps.n, Some(10));
    for kind in [
        ChartKind::Ranking,
        ChartKind::BarsByChannel,
        ChartKind::Lines,
    ] {
        let spec = ChartSpec {
            kind,
            indicators: vec![IndicatorId::new("nps")],
            ..ChartSpec::default()
        };
        let fig = chart::build(ds, &spec, Locale::EnGb);
        assert_eq!(fig.point_count(), 1, "{kind:?}: {:?}", fig.warnings);
        assert_eq!(fig.series[0].points[0].value, Some(40.0));
    }
}

#[test]
fn computed_nps_title_claims_no_sector() {
    let (_d, p, m) = phone_survey();
    let imp = import_with(&p, &m).expect("imports");
    let spec = ChartSpec {
        kind: ChartKind::Ranking,
        indicators: vec![IndicatorId::new("nps")],
        ..ChartSpec::default()
    };
    let fig = chart::build(&imp.dataset, &spec, Locale::EnGb);
    assert_eq!(fig.title, "Net Promoter Score");
    assert!(
        !fig.subtitle.to_lowercase().contains("bank"),
        "{}",
        fig.subtitle
    );
}

#[test]
fn own_data_wins_over_the_bundled_value_of_the_same_key() {
    let base = io::benchmark::load().expect("loads");
    let bundled = summary::rows(&base)
        .into_iter()
        .find(|r| r.region == "uk" && r.indicator == "nps")
        .expect("bundled uk nps");
    // the same key and period as the bundled value, from the user's file
    let text = format!(
        r#"Dataset(sources: [Source(id: "mine", title: "Mine", publisher: "Me", date: "2024", kind: OwnData)],
        observations: [(region: "uk", segment: "retail_banking", indicator: "nps", period: "{}", value: 55, source: "mine", grade: Illustrative)])"#,
        bundled.period
    );
    let ds = load_on(&base, &text).expect("valid");
    let row = summary::rows(&ds)
        .into_iter()
        .find(|r| r.region == "uk" && r.indicator == "nps")
        .expect("uk nps");
    assert_eq!((row.value, row.source.as_str()), (55.0, "mine"));
    let spec = ChartSpec {
        kind: ChartKind::Ranking,
        indicators: vec![IndicatorId::new("nps")],
        regions: vec![RegionId::new("uk")],
        ..ChartSpec::default()
    };
    let fig = chart::build(&ds, &spec, Locale::EnGb);
    let p = &fig.series[0].points[0];
    assert_eq!(p.value, Some(55.0));
    assert!(p.tooltip.contains("your data"), "{}", p.tooltip);
}

#[test]
fn duplicate_observations_are_reported_with_their_records() {
    let text = r#"Dataset(observations: [
        (region: "uk", indicator: "nps", period: "2024", value: 1, source: "bain-banks-2013", grade: Measured),
        (region: "uk", indicator: "nps", period: "2024", value: 2, source: "bain-banks-2013", grade: Measured),
        (region: "uk", channel: "phone", indicator: "nps", period: "2024", value: 3, source: "bain-banks-2013", grade: Measured),
        (region: "uk", indicator: "nps", period: "2024", value: 4, source: "bain-banks-2013", grade: Measured),
    ])"#;
    let rep = load_on(&catalog(), text).expect_err("duplicates");
    assert_eq!(rep.count(), 1, "{rep}");
    let msg = rep.problems[0].to_string();
    assert!(
        msg.contains("given 3 times (observations 1, 2, 4)"),
        "{msg}"
    );

    let csv = "region,indicator,period,value\nuk,nps,2024,1\nfrance,nps,2024,2\nuk,nps,2024,3\n";
    let (_d, p) = temp_file("dup.csv", csv);
    let err = import::import_path(&catalog(), &p, ImportOptions::default(), None)
        .expect_err("duplicate rows");
    let msg = err.to_string();
    assert!(msg.contains("rows 2, 4"), "{msg}");
    let load_err = err.into_load_error(&p);
    assert!(matches!(load_err, LoadError::Invalid { .. }), "{load_err}");
}

#[test]
fn import_reads_a_segment_column() {
    let csv =
        "region,company,indicator,period,value\nuk,@BankA,nps,2024,10\nuk,Bank B,nps,2024,20\n";
    let (_d, p) = temp_file("banks.csv", csv);
    let base = load_on(&catalog(), TWO_BANKS).expect("valid").catalog();
    let imp = import::import_path(&base, &p, ImportOptions::default(), None).expect("imports");
    assert_eq!(imp.mapping.columns.segment.as_deref(), Some("company"));
    let ds = &imp.dataset;
    let segs: Vec<Option<&str>> = (imp.first_observation..ds.observations().len())
        .map(|i| {
            ds.observations()
                .row(i)
                .segment
                .map(|s| ds.segments().id_at(s).unwrap_or(""))
        })
        .collect();
    assert_eq!(segs, vec![Some("bank_a"), Some("bank_b")]);
}

fn bank_ranking(ds: &Dataset, hide: bool) -> chart::Figure {
    let spec = ChartSpec {
        kind: ChartKind::Ranking,
        indicators: vec![IndicatorId::new("nps")],
        segments: vec![SegmentId::new("bank_a"), SegmentId::new("bank_b")],
        hide_below_min_sample: hide,
        ..ChartSpec::default()
    };
    chart::build(ds, &spec, Locale::EnGb)
}

#[test]
fn small_samples_are_flagged_labelled_and_footnoted() {
    let ds = load_on(&catalog(), TWO_BANKS).expect("valid");
    let fig = bank_ranking(&ds, false);
    // Bank B (31, n = 12) ranks first but rests on 12 answers
    let b = &fig.series[0].points[0];
    assert!(b.small_sample);
    assert!(b.label.starts_with("31  (n = 12)"), "{}", b.label);
    assert!(
        b.tooltip.contains("n = 12 (below 30: treat with care)"),
        "{}",
        b.tooltip
    );
    let a = &fig.series[1].points[0];
    assert!(!a.small_sample);
    assert_eq!((a.sample_size, a.margin), (Some(400), Some(4.8)));
    assert!(
        a.tooltip.contains("Margin of error (95 %) ± 4.8"),
        "{}",
        a.tooltip
    );
    assert!(
        fig.warnings
            .iter()
            .any(|w| w.starts_with("Lighter values rest on fewer than 30 answers")),
        "{:?}",
        fig.warnings
    );
    // the SVG draws the lighter colour, the n and the margin whisker
    let opts = servicescope::export::ExportOptions {
        size: servicescope::export::Size::px(1280, 720).expect("size"),
        background: servicescope::export::Background::White,
        value_labels: true,
        ..Default::default()
    };
    let svg = servicescope::export::render_svg(&fig, &opts);
    assert!(svg.contains("(n = 12)"), "no n label");
    let light = chart::palette::hex(chart::style::sample_colour(
        fig.series[0].colour,
        &fig.series[0].points[0],
    ));
    assert!(svg.contains(&light), "no lighter fill {light}");
    let whiskers_off = {
        let mut f = fig.clone();
        f.series[1].points[0].margin = None;
        servicescope::export::render_svg(&f, &opts)
    };
    assert_eq!(
        svg.matches("<line").count(),
        whiskers_off.matches("<line").count() + 3,
        "one whisker is three lines"
    );
    // hidden when asked
    let fig = bank_ranking(&ds, true);
    assert_eq!(fig.series.len(), 1);
    assert_eq!(fig.x.categories, vec!["1. United Kingdom · Bank A"]);
}

#[test]
fn a_first_place_on_one_or_two_answers_is_said() {
    let text = TWO_BANKS.replace("sample_size: 12", "sample_size: 2");
    let ds = load_on(&catalog(), &text).expect("valid");
    let fig = bank_ranking(&ds, false);
    assert!(
        fig.warnings.iter().any(|w| w
            == "United Kingdom · Bank B ranks first on only 2 answers: the rank means nothing."),
        "{:?}",
        fig.warnings
    );
}

#[cfg(feature = "gui")]
#[test]
fn data_table_has_n_and_margin_columns() {
    use servicescope::app::state::SortColumn;
    use servicescope::app::table_panel;
    let ds = load_on(&catalog(), TWO_BANKS).expect("valid");
    let fig = bank_ranking(&ds, false);
    let rows = table_panel::rows(&fig, &ds, (SortColumn::Sample, false));
    let cells: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.n_label.as_str(), r.margin_label.as_str()))
        .collect();
    assert_eq!(cells, vec![("12", ""), ("400", "±4.8")]);
    let text = table_panel::as_text(&rows, servicescope::model::Lang::En);
    assert!(
        text.lines().next().is_some_and(|h| h.contains("\tn\t±\t")),
        "{text}"
    );
}

#[test]
fn duplicates_are_reported_by_the_streamed_ron_load_too() {
    // record 2 is refused (unknown region), so rows and records differ: the duplicates are
    // records 1 and 3 (with the segment in the key), and record 4 differs by its segment
    let text = r#"Dataset(observations: [
        (region: "uk", segment: "retail_banking", indicator: "nps", period: "2024", value: 1, source: "bain-banks-2013", grade: Measured),
        (region: "narnia", indicator: "nps", period: "2024", value: 2, source: "bain-banks-2013", grade: Measured),
        (region: "uk", segment: "retail_banking", indicator: "nps", period: "2024", value: 3, source: "bain-banks-2013", grade: Measured),
        (region: "uk", indicator: "nps", period: "2024", value: 4, source: "bain-banks-2013", grade: Measured),
    ])"#;
    let (_d, p) = temp_file("dup.ron", text);
    let base = catalog();
    let streamed = io::ron_stream::load(&base, &p).expect("plain form: streamed");
    let Err(LoadError::Invalid { report, .. }) = streamed else {
        panic!("expected problems, got {streamed:?}");
    };
    let lines: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(report.count(), 2, "{lines:?}");
    assert!(lines[0].contains("narnia"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("observation 1 (uk / retail_banking / nps / 2024)")
            && lines[1].contains("given 2 times (observations 1, 3)"),
        "{}",
        lines[1]
    );
    // the whole-file reader says the same
    let whole = load_on(&base, text).expect_err("problems");
    let whole: Vec<String> = whole.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(whole, lines);
}

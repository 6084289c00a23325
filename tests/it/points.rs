//! Chart points are typed per kind (`chart::Place`) and hold no NaN: a missing value is
//! `None`. Every kind's points are checked against hand-computed positions on a small fixture,
//! and every kind's figure (bundled data and a fixture with missing values and gaps) is walked
//! for non-finite numbers, directly and through its JSON form.

use crate::fixtures::chart::plain_spec;
use servicescope::chart::{self, ChartKind, Figure, Locale, Place};
use servicescope::model::Dataset;

/// Two regions with values, one with only a missing value, a half-year period, a gap
/// (2016-H2 → 2018) and a missing email value for France.
fn fixture() -> Dataset {
    let row = |region: &str, ind: &str, channel: &str, period: &str, value: &str| {
        format!(
            "(region: \"{region}\", indicator: \"{ind}\", channel: \"{channel}\", period: \
             \"{period}\", value: {value}, source: \"bain-banks-2013\", grade: Measured),\n"
        )
    };
    let rows = [
        row("uk", "fcr_pct", "phone", "2015", "70.0"),
        row("uk", "fcr_pct", "phone", "2016-H2", "72.0"),
        row("uk", "fcr_pct", "phone", "2018", "75.0"),
        row("uk", "fcr_pct", "email", "2018", "60.0"),
        row("france", "fcr_pct", "phone", "2015", "65.0"),
        row("france", "fcr_pct", "phone", "2018", "68.0"),
        row("france", "fcr_pct", "email", "2018", "None"),
        row("quebec", "fcr_pct", "phone", "2018", "None"),
        row("uk", "abandon_pct", "phone", "2018", "5.0"),
        row("france", "abandon_pct", "phone", "2018", "8.0"),
        row("uk", "nps", "phone", "2018", "12.0"),
        row("france", "nps", "phone", "2018", "-4.0"),
        row("quebec", "nps", "phone", "2017", "30.0"),
    ];
    crate::fixtures::data::on_catalog(&format!(
        "#![enable(implicit_some)]\nDataset(observations: [\n{}])",
        rows.concat()
    ))
}

/// A series id and its points' (place, value).
type Placed = (String, Vec<(Place, Option<f64>)>);

/// Each series' (place, value), by series id.
fn places(fig: &Figure) -> Vec<Placed> {
    fig.series
        .iter()
        .map(|s| {
            let pts = s.points.iter().map(|p| (p.place, p.value)).collect();
            (s.id.clone(), pts)
        })
        .collect()
}

fn build(kind: ChartKind, inds: &[&str], channels: &[&str]) -> Figure {
    chart::build(
        &fixture(),
        &plain_spec(kind, inds, &["uk", "france"], channels),
        Locale::EnGb,
    )
}

#[test]
fn bars_sit_at_their_category_index() {
    let fig = build(ChartKind::BarsByChannel, &["fcr_pct"], &["phone", "email"]);
    assert_eq!(fig.x.categories, ["Phone", "Email"]);
    let cat = |index| Place::Category { index };
    assert_eq!(
        places(&fig),
        [
            (
                "uk".into(),
                vec![(cat(0), Some(75.0)), (cat(1), Some(60.0))]
            ),
            // France's email value is missing: no bar, never a zero
            ("france".into(), vec![(cat(0), Some(68.0))]),
        ]
    );
    assert_eq!(fig.series[0].points[1].category(), Some(1));
    assert_eq!(fig.series[0].points[1].plot_xy(), Some([1.0, 60.0]));

    let fig = build(
        ChartKind::BarsByIndicator,
        &["fcr_pct", "abandon_pct"],
        &["phone"],
    );
    assert_eq!(
        places(&fig),
        [
            ("uk".into(), vec![(cat(0), Some(75.0)), (cat(1), Some(5.0))]),
            (
                "france".into(),
                vec![(cat(0), Some(68.0)), (cat(1), Some(8.0))]
            ),
        ]
    );
}

#[test]
fn lines_and_slopes_sit_at_the_middle_of_their_period() {
    let fig = chart::build(
        &fixture(),
        &plain_spec(ChartKind::Lines, &["fcr_pct"], &["uk"], &["phone"]),
        Locale::EnGb,
    );
    let year = |year| Place::Year { year };
    // 2015 → mid-2015; 2016-H2 (July–December) → 2016 + 9/12
    assert_eq!(
        places(&fig),
        [(
            "uk".into(),
            vec![
                (year(2015.5), Some(70.0)),
                (year(2016.75), Some(72.0)),
                (year(2018.5), Some(75.0)),
            ]
        )]
    );
    // the line breaks at the missing 2017
    let pts = &fig.series[0].points;
    assert!(!chart::figure::is_gap(&pts[0], &pts[1]));
    assert!(chart::figure::is_gap(&pts[1], &pts[2]));

    let fig = build(ChartKind::Slope, &["fcr_pct"], &["phone"]);
    assert_eq!(
        places(&fig),
        [
            (
                "uk".into(),
                vec![(year(2015.5), Some(70.0)), (year(2018.5), Some(75.0))]
            ),
            (
                "france".into(),
                vec![(year(2015.5), Some(65.0)), (year(2018.5), Some(68.0))]
            ),
        ]
    );
}

#[test]
fn scatter_points_carry_both_values() {
    let fig = build(ChartKind::Scatter, &["fcr_pct", "nps"], &["phone"]);
    assert_eq!(
        places(&fig),
        [
            ("uk".into(), vec![(Place::Xy { x: Some(75.0) }, Some(12.0))]),
            (
                "france".into(),
                vec![(Place::Xy { x: Some(68.0) }, Some(-4.0))]
            ),
        ]
    );
    assert_eq!(fig.series[1].points[0].x_value(), Some(68.0));
    assert_eq!(fig.series[1].points[0].plot_xy(), Some([68.0, -4.0]));
}

#[test]
fn radar_vertices_sit_on_their_spoke_at_the_normalised_radius() {
    let fig = build(
        ChartKind::Radar,
        &["fcr_pct", "abandon_pct", "nps"],
        &["phone"],
    );
    // scores over every region of the dataset with a value: the better of the two at 1, the
    // other at 0 (drawn at the floor, 0.15), except the NPS, where Québec (30, not shown)
    // is best: (12 − (−4)) / (30 − (−4)); abandonment is better lower
    let spoke = |axis, score| Place::Spoke {
        axis,
        score: Some(score),
    };
    assert_eq!(
        places(&fig),
        [
            (
                "uk".into(),
                vec![
                    (spoke(0, 1.0), Some(75.0)),
                    (spoke(1, 1.0), Some(5.0)),
                    (spoke(2, 16.0 / 34.0), Some(12.0)),
                ]
            ),
            (
                "france".into(),
                vec![
                    (spoke(0, 0.0), Some(68.0)),
                    (spoke(1, 0.0), Some(8.0)),
                    (spoke(2, 0.0), Some(-4.0)),
                ]
            ),
        ]
    );
    assert_eq!(fig.series[1].points[2].spoke(), Some((2, 0.15)));
}

#[test]
fn ranking_bars_sit_at_their_rank() {
    let fig = chart::build(
        &fixture(),
        &plain_spec(
            ChartKind::Ranking,
            &["abandon_pct"],
            &["france", "uk"],
            &["phone"],
        ),
        Locale::EnGb,
    );
    // lower abandonment ranks first, whatever the order asked
    assert_eq!(
        places(&fig),
        [
            ("uk".into(), vec![(Place::Rank { rank: 0 }, Some(5.0))]),
            ("france".into(), vec![(Place::Rank { rank: 1 }, Some(8.0))]),
        ]
    );
    assert_eq!(fig.x.categories, ["1. United Kingdom", "2. France"]);
}

#[test]
fn heat_cells_sit_at_row_and_column_with_their_score() {
    let fig = build(ChartKind::HeatTable, &["fcr_pct"], &["phone", "email"]);
    // scores over the values shown: 60 (worst) to 75 (best)
    let cell = |row, column, score| Place::Cell { row, column, score };
    let got = places(&fig);
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[0].1,
        [
            (cell(0, 0, Some(1.0)), Some(75.0)),
            (cell(0, 1, Some(0.0)), Some(60.0)),
        ]
    );
    // France: phone only (email missing: no cell, "n/a" on the chart)
    let [(place, value)] = got[1].1.as_slice() else {
        panic!("one cell for France: {:?}", got[1]);
    };
    assert_eq!(*value, Some(68.0));
    let Place::Cell { row, column, score } = *place else {
        panic!("a cell: {place:?}");
    };
    assert_eq!((row, column), (1, 0));
    assert!((score.expect("a score") - 8.0 / 15.0).abs() < 1e-12);
    assert_eq!(fig.series[1].points[0].cell(), Some((1, 0)));

    // a neutral indicator has no score: the sequential scale, not a made-up one
    let neutral = build(ChartKind::HeatTable, &["channel_pref_pct"], &[]);
    assert!(
        neutral
            .series
            .iter()
            .flat_map(|s| &s.points)
            .all(|p| p.score().is_none())
    );
}

/// Every number of every point is finite when present.
fn assert_points_finite(fig: &Figure, what: &str) {
    for p in fig.series.iter().flat_map(|s| &s.points) {
        let coords: Vec<f64> = match p.place {
            Place::Category { .. } | Place::Rank { .. } => Vec::new(),
            Place::Year { year } => vec![year],
            Place::Xy { x } => x.into_iter().collect(),
            Place::Spoke { score, .. } | Place::Cell { score, .. } => score.into_iter().collect(),
        };
        let numbers = coords.into_iter().chain(p.value).chain(p.margin);
        for v in numbers {
            assert!(v.is_finite(), "{what}: {v} in {p:?}");
        }
    }
}

/// Paths of the JSON nulls of `v` (NaN and infinities serialise as null).
fn nulls(v: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Null => out.push(path.to_owned()),
        serde_json::Value::Array(a) => {
            for x in a {
                nulls(x, &format!("{path}[]"), out);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                nulls(x, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// Where a figure may hold a JSON null: its `Option` fields (a NaN would be null elsewhere).
const OPTIONAL: [&str; 10] = [
    ".x.unit",
    ".y.unit",
    ".notice",
    ".story.shared.x",
    ".story.shared.y",
    ".series[].points[].value",
    ".series[].points[].place.x",
    ".series[].points[].place.score",
    ".series[].points[].channel",
    ".series[].points[].sample_size",
];

/// Also `Option`s, at the end of any path.
const OPTIONAL_ANYWHERE: [&str; 5] = [".margin", ".category", ".band", ".label", ".leader_to"];

fn assert_no_nan(fig: &Figure, what: &str) {
    assert_points_finite(fig, what);
    let json = serde_json::to_value(fig).expect("a figure serialises");
    let text = json.to_string();
    assert!(!text.contains("NaN"), "{what}: NaN in {text}");
    let mut found = Vec::new();
    nulls(&json, "", &mut found);
    let unexpected: Vec<&String> = found
        .iter()
        .filter(|p| {
            !OPTIONAL.contains(&p.as_str()) && !OPTIONAL_ANYWHERE.iter().any(|e| p.ends_with(e))
        })
        .collect();
    assert!(
        unexpected.is_empty(),
        "{what}: null (a NaN or a missing number) at {unexpected:?}"
    );
}

#[test]
fn no_figure_holds_a_nan() {
    let bundled = servicescope::io::benchmark::load().expect("loads");
    let all_regions: Vec<&str> = bundled.regions().iter().map(|r| r.id.as_str()).collect();
    let kinds = ChartKind::ALL.into_iter().chain([ChartKind::Coverage]);
    let mut points = 0;
    for kind in kinds {
        let inds: &[&str] = match kind {
            ChartKind::Scatter => &["fcr_pct", "nps"],
            ChartKind::BarsByIndicator => &["fcr_pct", "abandon_pct"],
            ChartKind::Radar | ChartKind::Coverage => &["fcr_pct", "abandon_pct", "nps"],
            _ => &["fcr_pct"],
        };
        let fig = chart::build(
            &bundled,
            &plain_spec(kind, inds, &all_regions, &[]),
            Locale::FrFr,
        );
        points += fig.point_count();
        assert_no_nan(&fig, &format!("bundled {kind:?}"));
        for channels in [&["phone", "email"][..], &[]] {
            let fig = chart::build(
                &fixture(),
                &plain_spec(kind, inds, &["uk", "france", "quebec"], channels),
                Locale::EnGb,
            );
            points += fig.point_count();
            assert_no_nan(&fig, &format!("fixture {kind:?} {channels:?}"));
        }
    }
    assert!(points > 50, "the walk saw {points} points");
}

//! Chart figures built from the benchmark: series, direction, formatting, warnings.

use crate::fixtures::chart::{figure, plain_spec, study_spec};
use servicescope::chart::{self, ChartKind, ChartSpec, Locale};
use servicescope::model::Grade;

#[test]
fn bars_by_channel_have_one_series_per_region_and_channel_categories() {
    let fig = figure(
        &study_spec(
            ChartKind::BarsByChannel,
            &["fcr_pct"],
            &["uk", "france"],
            &["phone", "email", "twitter"],
        ),
        Locale::EnGb,
    );
    assert_eq!(fig.x.categories, vec!["Phone", "Email", "Twitter"]);
    assert_eq!(
        fig.series.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        vec!["uk", "france"]
    );
    assert!(fig.series.iter().all(|s| s.points.len() == 3));
    assert_eq!(fig.title, "First-contact resolution");
    assert!(fig.notice.as_deref().unwrap_or("").contains("illustrative"));
    assert!(fig.grades.contains(&Grade::Illustrative));
    assert!(
        fig.sources
            .iter()
            .any(|s| s.contains("servicescope project"))
    );
}

#[test]
fn ranking_respects_lower_is_better() {
    let fig = figure(
        &study_spec(
            ChartKind::Ranking,
            &["aht_s"],
            &["uk", "maghreb", "quebec", "france"],
            &["phone"],
        ),
        Locale::EnGb,
    );
    let values: Vec<f64> = fig
        .series
        .iter()
        .map(|s| s.points[0].value.expect("a value"))
        .collect();
    assert_eq!(values.len(), 4);
    assert!(
        values.windows(2).all(|w| w[0] <= w[1]),
        "lowest handling time first: {values:?}"
    );
    assert!(fig.series[1].points[0].label.contains("gap to best"));
    assert!(fig.x.categories[0].starts_with("1. "));
}

#[test]
fn french_locale_formats_numbers_and_labels() {
    let fig = figure(
        &study_spec(
            ChartKind::BarsByChannel,
            &["social_response_pct"],
            &["france"],
            &["twitter"],
        ),
        Locale::FrFr,
    );
    let p = &fig.series[0].points[0];
    assert!(p.label.ends_with("\u{202F}%"), "{}", p.label);
    assert_eq!(fig.title, "Taux de réponse sur les réseaux sociaux");
    assert!(fig.subtitle.starts_with("Dernière valeur disponible"));
    let fig = figure(
        &study_spec(
            ChartKind::BarsByChannel,
            &["social_response_pct"],
            &["france"],
            &["twitter"],
        ),
        Locale::EnGb,
    );
    assert!(
        fig.series[0].points[0].label.ends_with('%')
            && !fig.series[0].points[0].label.contains(' ')
    );
}

#[test]
fn lines_are_sorted_by_time_and_keep_missing_out() {
    let mut s = study_spec(ChartKind::Lines, &["csi_index"], &["uk"], &[]);
    s.years = Some((2011, 2025));
    let fig = figure(&s, Locale::EnGb);
    let xs: Vec<f64> = fig.series[0]
        .points
        .iter()
        .map(|p| p.year().expect("a line point sits at a year"))
        .collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]));
    assert!(
        (xs[0] - 2011.25).abs() < 1e-9,
        "2011-H1 sits at its midpoint"
    );
    assert!(
        !xs.iter().any(|x| (2012.0..2013.0).contains(x)),
        "no UKCSI value for 2012 is invented"
    );
}

#[test]
fn mixed_units_and_distant_years_warn() {
    let s = plain_spec(
        ChartKind::BarsByIndicator,
        &["nps", "fcr_pct"],
        &["uk", "france"],
        &[],
    );
    let fig = figure(&s, Locale::EnGb);
    assert!(
        fig.warnings.iter().any(|w| w.contains("different units")),
        "{:?}",
        fig.warnings
    );
    // refused: no bars in different units on one axis
    assert!(fig.is_empty());
    let s = plain_spec(
        ChartKind::BarsByChannel,
        &["asa_s"],
        &["uk", "france"],
        &["phone"],
    );
    let fig = figure(&s, Locale::EnGb);
    assert!(
        fig.warnings
            .iter()
            .any(|w| w.contains("more than two apart")),
        "{:?}",
        fig.warnings
    );
}

#[test]
fn heat_table_scores_follow_direction() {
    let fig = figure(
        &study_spec(
            ChartKind::HeatTable,
            &["abandon_pct"],
            &["uk", "france"],
            &["phone"],
        ),
        Locale::EnGb,
    );
    let uk = &fig.series[0].points[0];
    let fr = &fig.series[1].points[0];
    assert!(uk.value < fr.value);
    assert_eq!(uk.score(), Some(1.0), "lower abandonment is better");
    assert_eq!(fr.score(), Some(0.0));
    assert_eq!(fig.y.categories, vec!["United Kingdom", "France"]);
}

#[test]
fn scatter_and_radar() {
    // a scatter puts each region at (first indicator, second indicator), from its own data
    let own = crate::fixtures::data::on_catalog(
        "#![enable(implicit_some)]\nDataset(observations: [\n\
         (region: \"uk\", indicator: \"unscripted_agents_pct\", period: \"2015\", value: 40.0, source: \"bain-banks-2013\", grade: Measured),\n\
         (region: \"uk\", indicator: \"nps\", period: \"2015\", value: 12.0, source: \"bain-banks-2013\", grade: Measured),\n\
         (region: \"france\", indicator: \"unscripted_agents_pct\", period: \"2015\", value: 25.0, source: \"bain-banks-2013\", grade: Measured),\n\
         (region: \"france\", indicator: \"nps\", period: \"2015\", value: -4.0, source: \"bain-banks-2013\", grade: Estimated),\n\
         (region: \"quebec\", indicator: \"nps\", period: \"2015\", value: 30.0, source: \"bain-banks-2013\", grade: Measured),\n])",
    );
    let fig = chart::build(
        &own,
        &study_spec(
            ChartKind::Scatter,
            &["unscripted_agents_pct", "nps"],
            &["uk", "quebec", "france"],
            &[],
        ),
        Locale::EnGb,
    );
    let mut at: Vec<(String, f64, f64, Grade)> = fig
        .series
        .iter()
        .flat_map(|s| {
            s.points.iter().map(move |p| {
                let [x, y] = p.plot_xy().expect("drawn");
                (s.id.clone(), x, y, p.grade)
            })
        })
        .collect();
    at.sort_by(|a, b| a.0.cmp(&b.0));
    // Québec has no x value: it is left out, never placed at 0
    assert_eq!(
        at,
        [
            ("france".to_owned(), 25.0, -4.0, Grade::Estimated),
            ("uk".to_owned(), 40.0, 12.0, Grade::Measured),
        ]
    );
    let fig = figure(
        &study_spec(
            ChartKind::Radar,
            &["nps", "fcr_pct", "aht_s", "abandon_pct"],
            &["uk", "maghreb", "quebec", "france"],
            &[],
        ),
        Locale::EnGb,
    );
    assert_eq!(fig.x.categories.len(), 4);
    for s in &fig.series {
        assert_eq!(s.points.len(), 4);
        assert!(
            s.points
                .iter()
                .all(|p| p.spoke().is_some_and(|(_, r)| (0.15..=1.0).contains(&r)))
        );
    }
}

#[test]
fn unknown_ids_in_spec_warn_instead_of_failing() {
    let fig = figure(
        &study_spec(ChartKind::BarsByChannel, &["nps"], &["uk", "narnia"], &[]),
        Locale::EnGb,
    );
    assert!(fig.warnings.iter().any(|w| w.contains("narnia")));
    assert_eq!(fig.series.len(), 1);
}

#[test]
fn every_bundled_region_has_its_own_colour() {
    let ds = servicescope::io::benchmark::load().expect("loads");
    let colours: Vec<_> = ds
        .regions()
        .iter()
        .enumerate()
        .map(|(i, r)| servicescope::chart::palette::region_colour(r, i))
        .collect();
    for (i, a) in colours.iter().enumerate() {
        for (j, b) in colours.iter().enumerate().skip(i + 1) {
            assert_ne!(
                a,
                b,
                "{} and {} share a colour",
                ds.regions()
                    .iter()
                    .nth(i)
                    .map(|r| r.id.as_str())
                    .unwrap_or("?"),
                ds.regions()
                    .iter()
                    .nth(j)
                    .map(|r| r.id.as_str())
                    .unwrap_or("?")
            );
        }
    }
}

#[test]
fn line_runs_split_where_illustrative_values_start_and_skip_missing_points() {
    // six consecutive years (its own fixture: the bundled series have gaps)
    let mut pts: Vec<chart::Point> = (2011..=2016)
        .map(|y| point_at(y, 60.0 + f64::from(y - 2011)))
        .collect();
    for p in &mut pts {
        p.grade = Grade::Measured;
    }
    let runs = chart::line_runs(&pts);
    assert_eq!(runs.len(), 1);
    assert!(!runs[0].0);
    assert_eq!(runs[0].1.len(), pts.len());

    // an illustrative third point dashes the two segments touching it
    pts[2].grade = Grade::Illustrative;
    let runs = chart::line_runs(&pts);
    let kinds: Vec<(bool, usize)> = runs.iter().map(|(d, r)| (*d, r.len())).collect();
    // then p3 … p(n-1) solid again
    let tail = pts.len() - 3;
    let mut expected = vec![(false, 2), (true, 3)];
    if tail > 1 {
        expected.push((false, tail));
    }
    assert_eq!(kinds, expected);

    // a missing value is not drawn at 0: the line breaks there (the year is a gap), so the
    // two segments touching it disappear and none bridges it
    let year1 = pts[1].year().expect("a year");
    pts[1].value = None;
    let runs = chart::line_runs(&pts);
    assert!(
        runs.iter()
            .all(|(_, r)| r.iter().all(|[_, y]| y.is_finite()))
    );
    assert_eq!(
        runs.iter().map(|(_, r)| r.len() - 1).sum::<usize>(),
        pts.len() - 3
    );
    assert!(
        runs.iter()
            .all(|(_, r)| r[0][0] > year1 || r[r.len() - 1][0] < year1)
    );
}

fn point_at(year: i16, value: f64) -> chart::Point {
    chart::Point {
        place: chart::Place::Year {
            year: f64::from(year) + 0.5,
        },
        value: Some(value),
        label: String::new(),
        grade: Grade::Measured,
        period: servicescope::model::Period::year(year),
        region: "France".into(),
        channel: None,
        indicator: "FCR".into(),
        source: "s".into(),
        tooltip: String::new(),
        sample_size: None,
        margin: None,
        small_sample: false,
    }
}

#[test]
fn lines_break_where_years_are_missing() {
    let pts = [2014, 2015, 2016, 2022, 2023].map(|y| point_at(y, 50.0));
    let runs = chart::line_runs(&pts);
    let xs: Vec<Vec<f64>> = runs
        .iter()
        .map(|(_, r)| r.iter().map(|p| p[0]).collect())
        .collect();
    assert_eq!(xs, vec![vec![2014.5, 2015.5, 2016.5], vec![2022.5, 2023.5]]);
    assert!(chart::figure::is_gap(&pts[2], &pts[3]));
    assert!(!chart::figure::is_gap(&pts[0], &pts[1]));
}

#[test]
fn a_line_chart_with_a_gap_says_so() {
    let fig = figure(
        &ChartSpec {
            years: None,
            ..study_spec(ChartKind::Lines, &["nps"], &["france"], &[])
        },
        Locale::EnGb,
    );
    let gaps = fig
        .series
        .iter()
        .flat_map(|s| s.points.windows(2))
        .filter(|w| chart::figure::is_gap(&w[0], &w[1]))
        .count();
    let said = fig
        .warnings
        .iter()
        .any(|w| w.starts_with("Lines break where periods are missing"));
    assert_eq!(gaps > 0, said, "{:?}", fig.warnings);
}

#[test]
fn neutral_indicators_are_ordered_not_ranked() {
    let fig = figure(
        &study_spec(
            ChartKind::Ranking,
            &["channel_use_pct"],
            &["uk", "france"],
            &["phone"],
        ),
        Locale::EnGb,
    );
    assert!(!fig.x.categories.is_empty());
    assert!(
        fig.x
            .categories
            .iter()
            .all(|c| !c.starts_with(char::is_numeric)),
        "{:?}",
        fig.x.categories
    );
}

#[test]
fn values_of_one_indicator_share_their_decimals() {
    let ds = servicescope::io::benchmark::load().expect("loads");
    let decimals = |label: &str| {
        let num: String = label
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '\u{2212}')
            .collect();
        num.split('.').nth(1).map_or(0, str::len)
    };
    let mut mixed_before = false;
    for ind in [
        "csi_index",
        "fcr_pct",
        "nps",
        "abandon_pct",
        "channel_use_pct",
        "podium_score",
    ] {
        for kind in [
            ChartKind::BarsByChannel,
            ChartKind::Ranking,
            ChartKind::Lines,
        ] {
            let fig = chart::build(&ds, &study_spec(kind, &[ind], &[], &[]), Locale::EnGb);
            let pts: Vec<_> = fig.series.iter().flat_map(|s| &s.points).collect();
            let ds_: Vec<usize> = pts.iter().map(|p| decimals(&p.label)).collect();
            assert!(
                ds_.windows(2).all(|w| w[0] == w[1]),
                "{ind} {kind:?}: {:?}",
                pts.iter().map(|p| &p.label).collect::<Vec<_>>()
            );
            // the rule matters on this data: some values alone would print another format
            let fract = |p: &&chart::Point| p.value.expect("a value").fract();
            mixed_before |=
                pts.iter().any(|p| fract(p) != 0.0) && pts.iter().any(|p| fract(p) == 0.0);
        }
    }
    assert!(
        mixed_before,
        "the fixture indicators must mix whole and decimal values"
    );
}

#[test]
fn coverage_chart_counts_grades_per_cell_and_exports_as_a_grid() {
    use servicescope::export::{self, ExportOptions};
    let s = plain_spec(
        ChartKind::Coverage,
        &["csi_index", "podium_score"],
        &["uk", "france"],
        &[],
    );
    let fig = figure(&s, Locale::EnGb);
    assert_eq!(fig.kind, ChartKind::Coverage);
    assert_eq!(fig.x.categories, vec!["United Kingdom", "France"]);
    assert_eq!(
        fig.y.categories,
        vec![
            "National customer-satisfaction index",
            "Podium de la Relation Client score"
        ]
    );
    let cell = |row: usize, col: f64| {
        fig.series[row]
            .points
            .iter()
            .find(|p| p.cell().is_some_and(|(_, c)| c as f64 == col))
            .map(|p| (p.label.clone(), p.grade, p.score()))
    };
    // UKCSI: 20 releases read as published (2007 pilot to 2025) and the pilot's two sector
    // scores, 3 derived from deltas
    assert_eq!(
        cell(0, 0.0),
        Some((
            "22 M · 3 E (2007–25)".to_owned(),
            Grade::Measured,
            Some(1.0)
        ))
    );
    // no national index is published for France: six illustrative years, hatched, score 0
    assert_eq!(
        cell(0, 1.0),
        Some(("6 I (2011–16)".to_owned(), Grade::Illustrative, Some(0.0)))
    );
    // Podium: 2007, 2008, 2011, 2012 and 2025, and three sector scores of 2012, all cited
    // through secondary sources
    assert_eq!(
        cell(1, 1.0),
        Some(("8 M (2007–25)".to_owned(), Grade::Measured, Some(1.0)))
    );
    assert_eq!(cell(1, 0.0), None, "no Podium for the UK");
    assert!(fig.warnings.is_empty(), "{:?}", fig.warnings);
    let svg = export::render_svg(
        &fig,
        &ExportOptions::for_spec(&s, export::size::parse("1600x900", None).expect("size")),
    );
    assert!(svg.contains("22 M · 3 E (2007–25)"), "cell text in the SVG");
    assert!(
        svg.contains("Podium de la Relation Client score"),
        "row label in the SVG"
    );
    assert!(svg.contains("Coverage: values by grade"));
}

#[test]
fn regions_asked_for_without_data_are_named_and_mixed_years_are_shown() {
    // Podium de la Relation Client is a French award: no UK value
    let fig = figure(
        &ChartSpec {
            years: None,
            ..study_spec(
                ChartKind::Ranking,
                &["podium_score"],
                &["uk", "france"],
                &[],
            )
        },
        Locale::EnGb,
    );
    assert!(
        fig.warnings
            .iter()
            .any(|w| w == "No data for this selection: United Kingdom."),
        "{:?}",
        fig.warnings
    );
    // a snapshot over several years names each value's period and the span in the subtitle
    let obs = |uk: &str, fr: &str| {
        format!(
            "#![enable(implicit_some)]\nDataset(observations: [\n\
             (region: \"uk\", indicator: \"fcr_pct\", channel: \"phone\", period: \"{uk}\", value: 70.0, source: \"bain-banks-2013\", grade: Measured),\n\
             (region: \"france\", indicator: \"fcr_pct\", channel: \"phone\", period: \"{fr}\", value: 60.0, source: \"bain-banks-2013\", grade: Measured),\n])"
        )
    };
    let snapshot = ChartSpec {
        years: None,
        ..study_spec(
            ChartKind::BarsByChannel,
            &["fcr_pct"],
            &["uk", "france"],
            &[],
        )
    };
    let fig = chart::build(
        &crate::fixtures::data::on_catalog(&obs("2014", "2016")),
        &snapshot,
        Locale::EnGb,
    );
    assert!(fig.subtitle.ends_with("2014–2016"), "{}", fig.subtitle);
    let labels: Vec<&str> = fig
        .series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| p.label.as_str())
        .collect();
    assert_eq!(labels.len(), 2);
    assert!(labels.iter().any(|l| l.contains("(2014)")), "{labels:?}");
    assert!(labels.iter().any(|l| l.contains("(2016)")), "{labels:?}");
    // one year for every value: no span in the subtitle and no period in the labels
    let fig = chart::build(
        &crate::fixtures::data::on_catalog(&obs("2016", "2016")),
        &snapshot,
        Locale::EnGb,
    );
    assert!(!fig.subtitle.contains("2016–"), "{}", fig.subtitle);
    assert!(
        fig.series
            .iter()
            .flat_map(|s| &s.points)
            .all(|p| !p.label.contains("(2016)")),
        "{:?}",
        fig.series
    );
}

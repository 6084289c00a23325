//! Storytelling fields resolved by the core (`chart::story`), on a small dataset of our own
//! whose medians, quartiles and orders are computed by hand in the comments.

use crate::fixtures::data::temp_file;
use servicescope::chart::format;
use servicescope::chart::story::{self, NOMINAL_PLOT_PX, NOTE_PX};
use servicescope::chart::{
    self, Annotation, AnnotationAt, BandKind, ChartKind, ChartSpec, Figure, Locale, Reference,
    SortOrder, layout, palette, style,
};
use servicescope::model::{ChannelId, Dataset, RegionId, Unit};

/// fcr_pct (higher is better) and aht_s (lower is better), phone and e-mail.
const FIXTURE: &str = r#"#![enable(implicit_some)]
Dataset(observations: [
    (region: "france", indicator: "fcr_pct", channel: "phone", period: "2020", value: 60, source: "servicescope-illustrative", grade: Measured),
    (region: "uk", indicator: "fcr_pct", channel: "phone", period: "2020", value: 70, source: "servicescope-illustrative", grade: Measured),
    (region: "quebec", indicator: "fcr_pct", channel: "phone", period: "2020", value: 80, source: "servicescope-illustrative", grade: Measured),
    (region: "morocco", indicator: "fcr_pct", channel: "phone", period: "2020", value: 50, source: "servicescope-illustrative", grade: Measured),
    (region: "algeria", indicator: "fcr_pct", channel: "phone", period: "2020", value: 90, source: "servicescope-illustrative", grade: Measured),
    (region: "tunisia", indicator: "fcr_pct", channel: "phone", period: "2020", value: 40, source: "servicescope-illustrative", grade: Measured),
    (region: "france", indicator: "fcr_pct", channel: "email", period: "2020", value: 30, source: "servicescope-illustrative", grade: Measured),
    (region: "uk", indicator: "fcr_pct", channel: "email", period: "2020", value: 50, source: "servicescope-illustrative", grade: Measured),
    (region: "quebec", indicator: "fcr_pct", channel: "email", period: "2020", value: 40, source: "servicescope-illustrative", grade: Measured),
    (region: "france", indicator: "fcr_pct", channel: "phone", period: "2018", value: 55, source: "servicescope-illustrative", grade: Measured),
    (region: "uk", indicator: "fcr_pct", channel: "phone", period: "2018", value: 72, source: "servicescope-illustrative", grade: Measured),
    (region: "morocco", indicator: "fcr_pct", channel: "phone", period: "2018", value: 45, source: "servicescope-illustrative", grade: Measured),
    (region: "france", indicator: "aht_s", channel: "phone", period: "2020", value: 300, source: "servicescope-illustrative", grade: Measured),
    (region: "uk", indicator: "aht_s", channel: "phone", period: "2020", value: 200, source: "servicescope-illustrative", grade: Measured),
    (region: "quebec", indicator: "aht_s", channel: "phone", period: "2020", value: 400, source: "servicescope-illustrative", grade: Measured),
    (region: "morocco", indicator: "aht_s", channel: "phone", period: "2020", value: 250, source: "servicescope-illustrative", grade: Measured),
])"#;

fn fixture() -> Dataset {
    let (_dir, path) = temp_file("story.ron", FIXTURE);
    crate::fixtures::data::on_catalog_file(&path)
}

/// A chart of the one indicator `ind` in 2020, the fixture's year.
fn spec(kind: ChartKind, ind: &str, regions: &[&str], channels: &[&str]) -> ChartSpec {
    crate::fixtures::chart::spec_in_years((2020, 2020), kind, &[ind], regions, channels)
}

fn pct(v: f64) -> String {
    format::value(v, &Unit::Percent, Locale::EnGb)
}

const FOUR: [&str; 4] = ["france", "uk", "quebec", "morocco"];

#[test]
fn average_median_and_quartiles_over_the_regions_shown_or_the_peers() {
    let ds = fixture();
    let mut s = spec(ChartKind::Ranking, "fcr_pct", &FOUR, &["phone"]);
    s.reference = vec![
        Reference::Average,
        Reference::Median,
        Reference::Band(BandKind::Quartiles),
    ];
    // shown: 50, 60, 70, 80 → mean 65, median 65, Q1 = 50 + 0.75 × 10 = 57.5,
    // Q3 = 70 + 0.25 × 10 = 72.5
    let fig = chart::build(&ds, &s, Locale::EnGb);
    let r = &fig.story.references;
    assert_eq!(r.len(), 3, "{r:?}");
    assert_eq!(r[0].value, 65.0);
    assert_eq!(r[1].value, 65.0);
    assert_eq!(r[2].band, Some((57.5, 72.5)));
    assert_eq!(r[2].value, 65.0, "a band marks its median");
    assert_eq!(
        r[1].label.as_deref(),
        Some(&*format!("Median {}", pct(65.0)))
    );
    // peers uk, quebec, algeria, tunisia: 40, 70, 80, 90 → mean 70, median 75,
    // Q1 = 40 + 0.75 × 30 = 62.5, Q3 = 80 + 0.25 × 10 = 82.5
    s.peers = ["uk", "quebec", "algeria", "tunisia"]
        .iter()
        .map(|&r| RegionId::new(r))
        .collect();
    let fig = chart::build(&ds, &s, Locale::EnGb);
    let r = &fig.story.references;
    assert_eq!(r[0].value, 70.0);
    assert_eq!(r[1].value, 75.0);
    assert_eq!(r[2].band, Some((62.5, 82.5)));
    assert_eq!(
        r[1].label.as_deref(),
        Some(&*format!("Peer median {}", pct(75.0)))
    );
    // the peers' values set the line, the chart still shows its own four regions
    assert_eq!(fig.series.len(), 4);
}

#[test]
fn references_on_bars_stand_behind_each_category_and_the_scale_includes_a_target() {
    let ds = fixture();
    let mut s = spec(
        ChartKind::BarsByChannel,
        "fcr_pct",
        &["france", "uk", "quebec"],
        &["phone", "email"],
    );
    s.reference = vec![
        Reference::Median,
        Reference::Target {
            value: 150.0,
            label: None,
        },
    ];
    let fig = chart::build(&ds, &s, Locale::FrFr);
    let medians: Vec<_> = fig
        .story
        .references
        .iter()
        .filter(|r| r.value != 150.0)
        .collect();
    // phone: 60, 70, 80 → 70; e-mail: 30, 50, 40 → 40; labelled once, on the last
    assert_eq!(medians.len(), 2);
    assert_eq!((medians[0].category, medians[0].value), (Some(0), 70.0));
    assert_eq!((medians[1].category, medians[1].value), (Some(1), 40.0));
    assert!(medians[0].label.is_none());
    assert_eq!(medians[1].label.as_deref(), Some("Médiane"));
    let target = fig.story.references.iter().filter(|r| r.value == 150.0);
    assert!(
        target
            .filter_map(|r| r.label.as_deref())
            .any(|l| l.starts_with("Objectif")),
        "{:?}",
        fig.story.references
    );
    let scale = layout::axes(&fig, false).value.expect("value axis");
    assert!(
        scale.hi >= 150.0,
        "the scale includes the target: {scale:?}"
    );
}

#[test]
fn a_range_band_says_which_end_is_best_in_the_indicator_direction() {
    let ds = fixture();
    let label = |ind: &str| {
        let mut s = spec(ChartKind::Ranking, ind, &FOUR, &["phone"]);
        s.reference = vec![Reference::Band(BandKind::Range)];
        let fig = chart::build(&ds, &s, Locale::EnGb);
        let r = fig.story.references[0].clone();
        (r.band, r.label.expect("labelled"))
    };
    // handling time: 200 s is the best (low) end
    let (band, text) = label("aht_s");
    assert_eq!(band, Some((200.0, 400.0)));
    let (best, worst) = (
        text.find("best").expect("best"),
        text.find("worst").expect("worst"),
    );
    assert!(best < worst, "{text}");
    // resolution: the high end is best
    let (band, text) = label("fcr_pct");
    assert_eq!(band, Some((50.0, 80.0)));
    assert!(text.find("worst") < text.find("best"), "{text}");
}

#[test]
fn highlight_keeps_the_client_in_colour_and_greys_the_others() {
    let ds = fixture();
    for kind in [
        ChartKind::BarsByChannel,
        ChartKind::Ranking,
        ChartKind::Lines,
    ] {
        let mut s = spec(kind, "fcr_pct", &FOUR, &["phone"]);
        s.years = Some((2018, 2020));
        s.highlight = vec!["france".into()];
        let fig = chart::build(&ds, &s, Locale::EnGb);
        let mut greys = Vec::new();
        for series in &fig.series {
            if series.id == "france" {
                assert_eq!(
                    series.colour,
                    palette::region_colour(ds.regions().get("france").expect("france"), 0)
                );
                continue;
            }
            let [r, g, b] = series.colour;
            assert!(r == g && g == b, "{kind:?} {} is grey", series.id);
            greys.push(series.colour);
        }
        assert_eq!(greys.len(), 3, "{kind:?}");
        if kind == ChartKind::BarsByChannel {
            // side by side, the greys differ so the legend tells them apart
            assert_eq!(greys, style::MUTED_SHADES[..3].to_vec());
        } else {
            assert!(greys.iter().all(|c| *c == style::MUTED_SERIES), "{kind:?}");
        }
        if kind == ChartKind::Lines {
            // drawn last (on top); with up to six lines every line is already named at its
            // end (`chart::labels`), so the highlight adds no second name
            assert_eq!(fig.series.last().map(|s| s.id.as_str()), Some("france"));
            assert!(fig.story.end_labels.is_empty());
        }
    }
    // past six lines (legend mode) the highlighted line is named at its end
    let mut s = spec(ChartKind::Lines, "fcr_pct", &FOUR, &["phone", "email"]);
    s.years = Some((2018, 2020));
    s.regions.extend(["algeria", "tunisia"].map(RegionId::new));
    s.highlight = vec!["france".into()];
    let fig = chart::build(&ds, &s, Locale::EnGb);
    assert!(
        fig.series.iter().filter(|s| !s.points.is_empty()).count() > 6,
        "{:?}",
        ids(&fig)
    );
    let e = &fig.story.end_labels;
    assert_eq!(
        e.iter().map(|e| e.text.as_str()).collect::<Vec<_>>(),
        ["France – Phone", "France – Email"]
    );
    assert!(
        e.iter()
            .all(|e| fig.series[e.series].id.starts_with("france"))
    );
    // a highlight naming nothing shown warns and greys nothing
    let mut s = spec(ChartKind::Ranking, "fcr_pct", &FOUR, &["phone"]);
    s.highlight = vec!["atlantis".into()];
    let fig = chart::build(&ds, &s, Locale::EnGb);
    assert!(fig.series.iter().all(|s| s.colour != style::MUTED_SERIES));
    assert!(fig.warnings.iter().any(|w| w.contains("atlantis")));
}

fn ids(fig: &Figure) -> Vec<&str> {
    fig.series.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn sort_by_value_is_best_first_in_the_indicator_direction_and_the_legend_follows() {
    let ds = fixture();
    // handling time, lower is better: uk 200, morocco 250, france 300, quebec 400
    let mut s = spec(ChartKind::BarsByIndicator, "aht_s", &FOUR, &["phone"]);
    s.sort = SortOrder::Value;
    let fig = chart::build(&ds, &s, Locale::EnGb);
    assert_eq!(ids(&fig), ["uk", "morocco", "france", "quebec"]);
    // resolution by channel, mean of phone and e-mail: quebec 60, uk 60, france 45
    // (ties by name: Québec before United Kingdom)
    let mut s = spec(
        ChartKind::BarsByChannel,
        "fcr_pct",
        &["france", "uk", "quebec"],
        &["phone", "email"],
    );
    s.sort = SortOrder::Value;
    assert_eq!(
        ids(&chart::build(&ds, &s, Locale::EnGb)),
        ["quebec", "uk", "france"]
    );
    // a ranking by name: rows and their points follow
    let mut s = spec(ChartKind::Ranking, "aht_s", &FOUR, &["phone"]);
    s.sort = SortOrder::Name;
    let fig = chart::build(&ds, &s, Locale::EnGb);
    assert_eq!(ids(&fig), ["france", "morocco", "quebec", "uk"]);
    assert_eq!(
        fig.x.categories,
        ["3. France", "2. Morocco", "4. Québec", "1. United Kingdom"]
    );
    let rows: Vec<Option<usize>> = fig.series.iter().map(|s| s.points[0].rank()).collect();
    assert_eq!(rows, [Some(0), Some(1), Some(2), Some(3)]);
    // a heat table by name: its row names and cells move with the rows
    let mut s = spec(
        ChartKind::HeatTable,
        "fcr_pct",
        &["uk", "quebec", "france"],
        &["phone", "email"],
    );
    s.sort = SortOrder::Name;
    let fig = chart::build(&ds, &s, Locale::EnGb);
    assert_eq!(ids(&fig), ["france", "quebec", "uk"]);
    assert_eq!(fig.y.categories, ["France", "Québec", "United Kingdom"]);
    for (row, s) in fig.series.iter().enumerate() {
        assert!(!s.points.is_empty());
        assert!(s.points.iter().all(|p| p.cell().map(|c| c.0) == Some(row)));
    }
    // one region by channel: the channels are ordered, best first
    let mut s = spec(
        ChartKind::BarsByChannel,
        "fcr_pct",
        &["uk"],
        &["email", "phone"],
    );
    s.sort = SortOrder::Value;
    let fig = chart::build(&ds, &s, Locale::EnGb);
    assert_eq!(fig.x.categories, ["Phone", "Email"]);
    assert_eq!(fig.series[0].points[0].value, Some(70.0));
    assert_eq!(fig.series[0].points[0].category(), Some(0));
}

fn note(region: &str, channel: Option<&str>, year: Option<i32>, text: &str) -> Annotation {
    Annotation {
        at: AnnotationAt {
            region: Some(RegionId::new(region)),
            channel: channel.map(ChannelId::new),
            year,
        },
        text: text.into(),
        offset: None,
    }
}

/// The box of a note in plot shares (as the core estimates it).
fn note_box(fig: &Figure, n: &story::Note) -> (f64, f64, f64, f64) {
    let frame = story::frame(fig, false).expect("frame");
    let (x, y) = story::anchor(fig, n.series, n.point).expect("anchor");
    let (ax, ay) = frame.share(x, y);
    let w = n.text.chars().count() as f64 * NOTE_PX * 0.56 / NOMINAL_PLOT_PX.0 + 0.01;
    let h = NOTE_PX * 1.5 / NOMINAL_PLOT_PX.1;
    let (cx, cy) = (ax + n.offset.0, ay + n.offset.1);
    (cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0)
}

#[test]
fn annotations_sit_on_their_mark_clear_of_labels_and_missing_marks_warn() {
    let ds = fixture();
    let mut s = spec(ChartKind::Lines, "fcr_pct", &FOUR, &["phone"]);
    s.years = Some((2018, 2020));
    s.highlight = vec!["france".into()];
    s.annotations = vec![
        note("france", None, Some(2020), "Client"),
        note("algeria", Some("email"), None, "Nowhere"),
    ];
    let fig = chart::build(&ds, &s, Locale::EnGb);
    assert_eq!(fig.story.notes.len(), 1);
    let n = &fig.story.notes[0];
    let fr = fig.series.len() - 1;
    assert_eq!((n.series, n.point), (fr, 1), "France's 2020 point");
    // clear of France's end label, which sits right of the same point
    let frame = story::frame(&fig, false).expect("frame");
    let (x, y) = story::anchor(&fig, fr, 1).expect("anchor");
    let (ax, ay) = frame.share(x, y);
    let label_w = "France".chars().count() as f64 * NOTE_PX * 0.56 / NOMINAL_PLOT_PX.0 + 0.01;
    let label_h = NOTE_PX * 1.5 / NOMINAL_PLOT_PX.1;
    let label = (
        ax + 0.008,
        ay - label_h / 2.0,
        ax + 0.008 + label_w,
        ay + label_h / 2.0,
    );
    let b = note_box(&fig, n);
    let overlaps = b.0 < label.2 && label.0 < b.2 && b.1 < label.3 && label.1 < b.3;
    assert!(!overlaps, "note {b:?} over the end label {label:?}");
    assert!(
        b.0 >= 0.0 && b.2 <= 1.0 && b.1 >= 0.0 && b.3 <= 1.0,
        "inside the plot"
    );
    // every other point stays clear too
    for (si, series) in fig.series.iter().enumerate() {
        for pi in 0..series.points.len() {
            let (px, py) = story::anchor(&fig, si, pi).expect("anchor");
            let (sx, sy) = frame.share(px, py);
            assert!(
                !(b.0 < sx && sx < b.2 && b.1 < sy && sy < b.3),
                "over a point"
            );
        }
    }
    // the missing mark: a warning for the reader, no crash
    assert!(
        fig.warnings
            .iter()
            .any(|w| w.contains("Nowhere") && w.contains("algeria")),
        "{:?}",
        fig.warnings
    );
    // a dragged note keeps its place and gets a leader
    s.annotations = vec![Annotation {
        offset: Some((0.1, -0.2)),
        ..note("france", None, None, "Client")
    }];
    let fig = chart::build(&ds, &s, Locale::EnGb);
    let n = &fig.story.notes[0];
    assert!((n.offset.0 - 0.1).abs() < 1e-6 && (n.offset.1 + 0.2).abs() < 1e-6);
    assert!(n.leader_to.is_some());
}

#[test]
fn slope_joins_two_years_labels_both_ends_and_marks_a_missing_end() {
    let ds = fixture();
    let mut s = spec(ChartKind::Slope, "fcr_pct", &FOUR, &["phone"]);
    s.years = None; // the first and last years with data: 2018 and 2020
    let fig = chart::build(&ds, &s, Locale::EnGb);
    let france = &fig.series[0];
    let xy: Vec<(Option<f64>, Option<f64>)> =
        france.points.iter().map(|p| (p.year(), p.value)).collect();
    assert_eq!(xy, [(Some(2018.5), Some(55.0)), (Some(2020.5), Some(60.0))]);
    let axes = layout::axes(&fig, false);
    assert_eq!(axes.years, [2018, 2020]);
    // the two years are joined, though 2019 is missing
    assert_eq!(chart::figure_runs(&fig, &france.points).len(), 1);
    let ends: Vec<&str> = fig
        .story
        .end_labels
        .iter()
        .filter(|e| e.series == 0)
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(ends, [pct(55.0), format!("{}  France", pct(60.0))]);
    // Québec has no 2018 value: marked n/a at 2018, named in a footnote
    let q = fig
        .series
        .iter()
        .position(|s| s.id == "quebec")
        .expect("quebec");
    let m = &fig.story.missing_ends;
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].series, m[0].x, m[0].y), (q, 2018.5, 80.0));
    assert_eq!(m[0].label, "n/a");
    assert!(fig.warnings.iter().any(|w| w.contains("Québec (2018)")));
    // values are the end labels: no value labels besides
    assert!(!fig.shows_values(true));
    let fr = chart::build(&ds, &s, Locale::FrFr);
    assert_eq!(fr.story.missing_ends[0].label, "n.d.");
    assert_eq!(
        ChartKind::Slope.label(servicescope::model::Lang::Fr),
        "Graphique de pente"
    );
    assert_eq!(ChartKind::ALL.len(), 8);
}

#[test]
fn colour_overrides_are_parsed_and_checked_for_colour_vision() {
    let ds = fixture();
    let mut s = spec(ChartKind::Ranking, "fcr_pct", &FOUR, &["phone"]);
    s.colours.insert("france".into(), "#1F77B4".into());
    s.colours.insert("morocco".into(), "blue".into());
    let fig = chart::build(&ds, &s, Locale::EnGb);
    let colour = |id: &str| fig.series.iter().find(|s| s.id == id).expect(id).colour;
    assert_eq!(colour("france"), [0x1f, 0x77, 0xb4]);
    assert_eq!(
        colour("morocco"),
        palette::region_colour(ds.regions().get("morocco").expect("morocco"), 0)
    );
    assert!(
        fig.warnings.iter().any(|w| w.contains("“blue”")),
        "{:?}",
        fig.warnings
    );
    // France in the UK's own blue: the two collapse for every reader
    let mut s = spec(ChartKind::Ranking, "fcr_pct", &FOUR, &["phone"]);
    let uk = palette::hex(palette::region_colour(
        ds.regions().get("uk").expect("uk"),
        0,
    ));
    s.colours.insert("france".into(), uk.clone());
    let fig = chart::build(&ds, &s, Locale::EnGb);
    assert!(
        fig.warnings
            .iter()
            .any(|w| w.contains("look alike") && w.contains(&uk)),
        "{:?}",
        fig.warnings
    );
    // a distinct colour raises no such warning
    let mut s = spec(ChartKind::Ranking, "fcr_pct", &FOUR, &["phone"]);
    s.colours.insert("france".into(), "#000000".into());
    let fig = chart::build(&ds, &s, Locale::EnGb);
    assert!(!fig.warnings.iter().any(|w| w.contains("look alike")));
}

#[test]
fn small_multiples_give_one_panel_per_region_or_channel_on_shared_axes() {
    use servicescope::chart::Facet;
    let ds = fixture();
    // lines by region: the four regions with fcr values, in the listed order
    let mut s = spec(ChartKind::Lines, "fcr_pct", &FOUR, &["phone"]);
    s.years = Some((2018, 2020));
    s.facet = Some(Facet::Region);
    s.highlight = vec!["france".into()];
    let fig = chart::build(&ds, &s, Locale::EnGb);
    let titles: Vec<&str> = fig.story.panels.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["France", "United Kingdom", "Québec", "Morocco"]);
    let whole = layout::axes(&fig, false);
    let whole_y = whole.value.expect("value axis");
    for i in 0..fig.story.panels.len() {
        let panel = story::panel_figure(&fig, i).expect("panel");
        assert_eq!(panel.series.len(), 1);
        let axes = layout::axes(&panel, false);
        let y = axes.value.expect("value axis");
        // every panel has the whole chart's value range, ticks and years
        assert_eq!((y.lo, y.hi), (whole_y.lo, whole_y.hi), "panel {i}");
        assert_eq!(y.ticks, whole_y.ticks);
        assert_eq!(axes.year_span, whole.year_span, "panel {i}");
    }
    // Québec has only 2020: its panel still spans 2018–2020
    assert_eq!(whole.year_span, Some((2018, 2020)));
    // bars by channel split by channel: one category per panel, the references of that channel
    let mut s = spec(
        ChartKind::BarsByChannel,
        "fcr_pct",
        &["france", "uk", "quebec"],
        &["phone", "email"],
    );
    s.facet = Some(Facet::Channel);
    s.reference = vec![Reference::Median];
    let fig = chart::build(&ds, &s, Locale::EnGb);
    assert_eq!(fig.story.panels.len(), 2);
    let email = story::panel_figure(&fig, 1).expect("panel");
    assert_eq!(email.title, "Email");
    assert_eq!(email.x.categories, ["Email"]);
    assert!(
        email
            .series
            .iter()
            .all(|s| s.points.len() == 1 && s.points[0].category() == Some(0))
    );
    assert_eq!(email.story.references.len(), 1);
    assert_eq!(
        email.story.references[0].value, 40.0,
        "median of 30, 50, 40"
    );
    assert_eq!(email.story.references[0].category, Some(0));
    // the whole chart's scale, in every panel
    let y0 = layout::axes(&fig, false).value.expect("axis");
    let y1 = layout::axes(&email, false).value.expect("axis");
    assert_eq!((y0.lo, y0.hi), (y1.lo, y1.hi));
    // a ranking cannot be split: a warning, one plot
    let mut s = spec(ChartKind::Ranking, "fcr_pct", &FOUR, &["phone"]);
    s.facet = Some(Facet::Region);
    let fig = chart::build(&ds, &s, Locale::EnGb);
    assert!(fig.story.panels.is_empty());
    assert!(fig.warnings.iter().any(|w| w.contains("Small multiples")));
}

#[test]
fn a_ranking_line_skips_the_rows_whose_value_label_it_would_cross() {
    let ds = fixture();
    // handling time: uk 200 s (row at the top), morocco 250, france 300, quebec 400; a target
    // at 203 s runs through the UK's label, printed right of its bar, and past the others' bars
    let mut s = spec(ChartKind::Ranking, "aht_s", &FOUR, &["phone"]);
    s.reference = vec![Reference::Target {
        value: 203.0,
        label: None,
    }];
    let fig = chart::build(&ds, &s, Locale::EnGb);
    let r = &fig.story.references[0];
    assert_eq!(fig.series[0].id, "uk");
    // anchor rows count from the bottom: the top row of four is row 3
    assert_eq!(r.gaps, [3]);
    assert_eq!(
        story::marks::row_spans(&fig, r),
        [(-0.6, 2.5), (3.5, 3.6)],
        "drawn over the three lower rows and the margin above the top one"
    );
}

#[test]
fn slope_end_labels_of_close_values_are_moved_apart() {
    let text = r#"#![enable(implicit_some)]
Dataset(observations: [
    (region: "france", indicator: "csi_index", period: "2018", value: 70, source: "servicescope-illustrative", grade: Measured),
    (region: "uk", indicator: "csi_index", period: "2018", value: 60, source: "servicescope-illustrative", grade: Measured),
    (region: "france", indicator: "csi_index", period: "2020", value: 71, source: "servicescope-illustrative", grade: Measured),
    (region: "uk", indicator: "csi_index", period: "2020", value: 71.2, source: "servicescope-illustrative", grade: Measured),
])"#;
    let (_dir, path) = temp_file("close.ron", text);
    let ds = crate::fixtures::data::on_catalog_file(&path);
    let mut s = spec(ChartKind::Slope, "csi_index", &["france", "uk"], &[]);
    s.years = Some((2018, 2020));
    let fig = chart::build(&ds, &s, Locale::EnGb);
    let frame = story::frame(&fig, false).expect("frame");
    let at = |right: bool| -> Vec<f64> {
        fig.story
            .end_labels
            .iter()
            .filter(|e| e.right == right)
            .map(|e| {
                let (x, y) = story::anchor(&fig, e.series, e.point).expect("anchor");
                frame.share(x, y).1 + e.nudge
            })
            .collect()
    };
    // 2020: 71 and 71.2 sit almost on one another; their labels are kept apart
    let right = at(true);
    assert_eq!(right.len(), 2);
    assert!((right[0] - right[1]).abs() >= 0.036 - 1e-9, "{right:?}");
    // 2018: 70 and 60 are far apart: left where they are
    assert!(
        fig.story
            .end_labels
            .iter()
            .filter(|e| !e.right)
            .all(|e| e.nudge == 0.0)
    );
}

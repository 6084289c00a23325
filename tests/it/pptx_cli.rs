//! PowerPoint from the command line: one slide per chart, no overwrite without `--force`,
//! PowerPoint options refused for other outputs, every shipped deck exported (and left with
//! its figures' values for `tests/pptx_check.py`, which python-pptx runs in `.ci/run`).

use crate::fixtures::cli::run;
use crate::fixtures::data::benchmark;
use crate::fixtures::pptx::{check_package, text, unzip};
use servicescope::chart::{self, ChartKind, Figure};
use std::path::Path;

#[test]
fn cli_writes_one_slide_and_refuses_overwrite_without_force() {
    let (dir, spec) = crate::fixtures::cli::fcr_bars_file();
    let out = dir.path().join("fcr.pptx");
    let (o, s) = (out.to_str().expect("utf8"), spec.to_str().expect("utf8"));
    let (code, _, err) = run(&["export", "--chart", s, "--out", o]);
    assert_eq!(code, 0, "{err}");
    let first = std::fs::read(&out).expect("written");
    let parts = unzip(&first);
    check_package(&parts);
    assert_eq!(
        text(&parts, "ppt/presentation.xml")
            .matches("<p:sldId ")
            .count(),
        1
    );
    let (code, _, err) = run(&[
        "export",
        "--chart",
        s,
        "--out",
        o,
        "--pptx-charts",
        "picture",
    ]);
    assert_eq!(code, 3, "{err}");
    assert_eq!(std::fs::read(&out).expect("kept"), first, "file untouched");
    let (code, _, err) = run(&[
        "export",
        "--chart",
        s,
        "--out",
        o,
        "--pptx-charts",
        "picture",
        "--force",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(unzip(&std::fs::read(&out).expect("replaced")).contains_key("ppt/media/image1.svg"));
    // 4:3 from the size preset
    let out43 = dir.path().join("fcr43.pptx");
    let (code, _, err) = run(&[
        "export",
        "--chart",
        s,
        "--out",
        out43.to_str().expect("utf8"),
        "--size",
        "slide-4x3",
    ]);
    assert_eq!(code, 0, "{err}");
    let parts = unzip(&std::fs::read(&out43).expect("written"));
    assert!(
        text(&parts, "ppt/presentation.xml").contains("<p:sldSz cx=\"9144000\" cy=\"6858000\"/>")
    );
}

#[test]
fn powerpoint_options_are_refused_for_other_outputs_not_ignored() {
    let (dir, spec) = crate::fixtures::cli::fcr_bars_file();
    let s = spec.to_str().expect("utf8");
    let png = dir.path().join("fcr.png");
    let (code, _, err) = run(&[
        "export",
        "--chart",
        s,
        "--out",
        png.to_str().expect("utf8"),
        "--pptx-charts",
        "picture",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--pptx-charts"), "{err}");
    assert!(!png.exists(), "nothing written");
    let deck = dir.path().join("deck.ron");
    std::fs::write(
        &deck,
        "Deck(charts: [(name: \"fcr\", spec: ChartSpec(kind: Ranking, indicators: [\"fcr_pct\"]))])",
    )
    .expect("deck");
    let folder = dir.path().join("out");
    let (code, _, err) = run(&[
        "export",
        "--deck",
        deck.to_str().expect("utf8"),
        "--out-dir",
        folder.to_str().expect("utf8"),
        "--template",
        s,
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--template"), "{err}");
    assert!(!folder.exists(), "nothing written");
}

/// The expected content of one slide, for `tests/pptx_check.py` (python-pptx reads the file
/// independently): chart type, series names and values, straight from the figure.
fn expected_slide(fig: &Figure) -> serde_json::Value {
    use serde_json::json;
    let duration = chart::layout::axes(fig, fig.shows_values(true))
        .value
        .and_then(|s| s.duration)
        .map_or(1.0, |d| d.seconds());
    // periods of one length make a line chart; mixed lengths an XY chart by date
    let pts: Vec<_> = fig.series.iter().flat_map(|s| s.points.iter()).collect();
    let mixed = pts
        .iter()
        .any(|p| p.period.months() != pts[0].period.months());
    let kind = match fig.kind {
        ChartKind::Lines if mixed => "XY_SCATTER_LINES",
        ChartKind::BarsByChannel | ChartKind::BarsByIndicator => "COLUMN_CLUSTERED",
        ChartKind::Ranking => "BAR_CLUSTERED",
        ChartKind::Lines | ChartKind::Slope => "LINE_MARKERS",
        ChartKind::Scatter => "XY_SCATTER",
        ChartKind::Radar => "RADAR_MARKERS",
        ChartKind::HeatTable => "TABLE",
        ChartKind::Coverage => "PICTURE",
    };
    let v = |p: &chart::Point| p.value.expect("a value") / duration;
    let cat = |p: &chart::Point| p.x_category().expect("a category");
    let series: Vec<serde_json::Value> = match fig.kind {
        ChartKind::Ranking => {
            let values: Vec<f64> = fig.series.iter().flat_map(|s| s.points.iter().map(v)).collect();
            let name = fig.series.iter().flat_map(|s| s.points.iter()).next().map(|p| p.indicator.clone());
            vec![json!({"name": name, "categories": fig.x.categories, "values": values})]
        }
        ChartKind::HeatTable => vec![json!({"name": "cells", "values": fig.series.iter().flat_map(|s| s.points.iter().map(|p| p.label.clone())).collect::<Vec<_>>()})],
        ChartKind::Lines if mixed => fig.series.iter().filter(|s| !s.points.is_empty()).map(|s| json!({"name": s.label, "values": s.points.iter().map(v).collect::<Vec<_>>()})).collect(),
        ChartKind::Scatter => fig.series.iter().filter(|s| !s.points.is_empty()).map(|s| json!({"name": s.label, "x": s.points.iter().map(|p| p.x_value().expect("an x value")).collect::<Vec<_>>(), "values": s.points.iter().map(v).collect::<Vec<_>>()})).collect(),
        ChartKind::Radar => fig.series.iter().map(|s| json!({"name": s.label, "by_category": s.points.iter().map(|p| (fig.x.categories[cat(p)].clone(), p.score().expect("a drawn score"))).collect::<Vec<_>>()})).collect(),
        ChartKind::Slope => fig.series.iter().map(|s| json!({"name": s.label, "by_category": s.points.iter().map(|p| ((p.year().expect("a year").floor() as i64).to_string(), v(p))).collect::<Vec<_>>()})).collect(),
        ChartKind::Lines => fig.series.iter().map(|s| json!({"name": s.label, "by_category": s.points.iter().map(|p| (p.period.to_string(), v(p))).collect::<Vec<_>>()})).collect(),
        _ => fig.series.iter().map(|s| json!({"name": s.label, "by_category": s.points.iter().map(|p| (fig.x.categories[cat(p)].clone(), v(p))).collect::<Vec<_>>()})).collect(),
    };
    json!({"title": fig.title, "kind": kind, "series": series})
}

/// Exports every shipped deck to .pptx through the command line, checks each package and
/// its slide count, and leaves the files with the figures' values as JSON in
/// `$CARGO_TARGET_TMPDIR/pptx-check` for `tests/pptx_check.py` (run by `.ci/run`).
#[test]
fn shipped_decks_export_to_pptx() {
    let ds = benchmark();
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pptx-check");
    std::fs::create_dir_all(&out_dir).expect("dir");
    let mut decks: Vec<_> = std::fs::read_dir("decks")
        .expect("decks")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    decks.sort();
    assert!(decks.len() >= 3);
    for deck_path in decks {
        let name = deck_path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let out = out_dir.join(format!("{name}.pptx"));
        let (code, _, err) = run(&[
            "export",
            "--deck",
            deck_path.to_str().expect("utf8"),
            "--out",
            out.to_str().expect("utf8"),
            "--force",
        ]);
        assert_eq!(code, 0, "{name}: {err}");
        let parts = unzip(&std::fs::read(&out).expect("written"));
        check_package(&parts);
        let deck = servicescope::export::deck::read_deck(&deck_path).expect("deck");
        let pres = text(&parts, "ppt/presentation.xml");
        assert_eq!(
            pres.matches("<p:sldId ").count(),
            deck.charts.len(),
            "{name}: one slide per chart"
        );
        let slides: Vec<serde_json::Value> = deck
            .charts
            .iter()
            .map(|c| {
                let locale = deck.locale.or(c.spec.locale).unwrap_or_default();
                expected_slide(&chart::build(&ds, &c.spec, locale))
            })
            .collect();
        for (i, s) in slides.iter().enumerate() {
            let slide = text(&parts, &format!("ppt/slides/slide{}.xml", i + 1));
            let title = s["title"].as_str().expect("title");
            let escaped = title
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
                .replace('\'', "&apos;");
            assert!(
                slide.contains(&escaped),
                "{name} slide {}: title {title}",
                i + 1
            );
        }
        std::fs::write(
            out_dir.join(format!("{name}.json")),
            serde_json::to_string_pretty(&slides).expect("json"),
        )
        .expect("json written");
    }
}

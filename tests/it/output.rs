//! Outputs that stay bounded whatever the input: extreme values and huge text in exports,
//! unknown ids, deck errors located in the deck file, deck names that are files everywhere,
//! and terminal escaping. Writing safely and exit codes: `write_safety`.

use crate::fixtures::chart::{figure, opts_px, spec};
use crate::fixtures::cli::{run, s};
use crate::fixtures::data::temp_file;
use servicescope::chart::{self, ChartKind, Locale};
use servicescope::export::{self, Format};
use servicescope::model::RegionId;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Runs `f` on a thread and waits at most `limit` for it: a hang fails the test instead of
/// blocking the suite.
fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("{what} did not finish within {limit:?}"))
}

/// Every number in the SVG's geometry attributes is finite and on the page (`w` × `h` px).
fn assert_geometry_on_page(svg: &str, w: f64, h: f64) {
    let doc = roxmltree::Document::parse(svg).expect("SVG parses as XML");
    for node in doc.descendants().filter(|n| n.is_element()) {
        for a in node.attributes() {
            if [
                "x", "y", "x1", "y1", "x2", "y2", "width", "height", "cx", "cy", "r",
            ]
            .contains(&a.name())
                && !a.value().ends_with('%')
            {
                let v: f64 = a
                    .value()
                    .parse()
                    .unwrap_or_else(|_| panic!("{}={} is not a number", a.name(), a.value()));
                let limit = if ["x", "x1", "x2", "cx", "width"].contains(&a.name()) {
                    w
                } else {
                    h
                };
                assert!(
                    v.is_finite() && (-1.0..=limit + 1.0).contains(&v),
                    "{}={} off a {w} × {h} page",
                    a.name(),
                    a.value()
                );
            }
        }
    }
}

// ---- item 2: extreme values ----

#[test]
fn extreme_values_export_quickly_with_finite_geometry() {
    let kinds: [(ChartKind, &[&str]); 7] = [
        (ChartKind::BarsByChannel, &["fcr_pct"]),
        (ChartKind::BarsByIndicator, &["fcr_pct", "abandon_pct"]),
        (ChartKind::Lines, &["fcr_pct"]),
        (ChartKind::Scatter, &["aht_s", "fcr_pct"]),
        (ChartKind::Radar, &["fcr_pct", "aht_s", "asa_s"]),
        (ChartKind::Ranking, &["nps"]),
        (ChartKind::HeatTable, &["channel_pref_pct"]),
    ];
    for (kind, inds) in kinds {
        let mut fig = figure(&spec(kind, inds, &[], &[]), Locale::EnGb);
        assert!(!fig.is_empty(), "{kind:?} has data");
        // valid but extreme: ±1e308 and the largest finite values, labelled
        let mut k = 0usize;
        for series in &mut fig.series {
            for p in &mut series.points {
                let v = [1e308, -1e308, f64::MAX, f64::MIN][k % 4];
                k += 1;
                p.value = Some(v);
                // heat tables place points by row and column; a radar draws its score
                match &mut p.place {
                    chart::Place::Xy { x } => *x = Some(-v),
                    chart::Place::Spoke { score, .. } => *score = Some(v),
                    _ => {}
                }
                p.label = chart::format::number(v, 1, Locale::EnGb);
                p.grade = servicescope::model::Grade::Illustrative;
            }
        }
        let start = Instant::now();
        let f = fig.clone();
        let svg = within(
            Duration::from_secs(20),
            &format!("{kind:?} SVG"),
            move || export::render_svg(&f, &opts_px(1600, 900)),
        );
        assert!(svg.len() < 2_000_000, "{kind:?}: {} bytes", svg.len());
        assert_geometry_on_page(&svg, 1600.0, 900.0);
        // value-axis ticks stay short (scientific notation), leaving room for the plot
        let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
        for t in doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("text-anchor") == Some("end"))
        {
            let text = t.text().unwrap_or("");
            assert!(text.chars().count() <= 40, "{kind:?}: tick `{text}`");
        }
        let f = fig.clone();
        let png = within(
            Duration::from_secs(20),
            &format!("{kind:?} PNG"),
            move || export::render(&f, &opts_px(800, 450), Format::Png),
        );
        assert!(png.is_ok(), "{kind:?}: {:?}", png.err());
        assert!(start.elapsed() < Duration::from_secs(20), "{kind:?}");
    }
}

// ---- item 3: long text ----

#[test]
fn huge_title_and_names_export_in_bounded_time_with_ellipsis() {
    let mut fig = figure(
        &spec(ChartKind::BarsByChannel, &["fcr_pct"], &[], &[]),
        Locale::EnGb,
    );
    fig.title = "T".repeat(200_000);
    fig.subtitle = "word ".repeat(40_000);
    for (i, series) in fig.series.iter_mut().enumerate() {
        series.label = format!("{i}{}", "n".repeat(60_000));
    }
    for cat in &mut fig.x.categories {
        *cat = "c".repeat(60_000);
    }
    fig.warnings = (0..10).map(|_| "w".repeat(60_000)).collect();
    let f = fig.clone();
    let start = Instant::now();
    let svg = within(Duration::from_secs(20), "long text SVG", move || {
        export::render_svg(&f, &opts_px(1280, 720))
    });
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    let title = texts.iter().find(|t| t.starts_with("TTT")).expect("title");
    assert!(title.ends_with('…'), "{title}");
    assert!(title.chars().count() < 200, "{}", title.chars().count());
    // the <title> element holds at most the documented cap
    let head = doc
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .expect("title element");
    assert_eq!(
        head.chars().count(),
        servicescope::model::text::MAX_SHOWN_CHARS
    );
    assert!(svg.len() < 1_000_000, "{} bytes", svg.len());
}

// ---- item 4: unknown ids ----

#[test]
fn many_unknown_ids_resolve_fast_with_one_short_warning() {
    let mut sp = spec(ChartKind::BarsByChannel, &["fcr_pct"], &[], &[]);
    sp.regions = (0..1_000_000)
        .map(|i| RegionId::new(format!("nowhere-{i}")))
        .collect();
    sp.regions.push(RegionId::new("uk"));
    sp.regions.push(RegionId::new("uk"));
    let ds = servicescope::io::benchmark::load().expect("benchmark");
    let start = Instant::now();
    let fig = within(Duration::from_secs(30), "figure", move || {
        chart::build(&ds, &sp, Locale::EnGb)
    });
    assert_eq!(fig.series.len(), 1, "uk once");
    let unknown: Vec<&String> = fig
        .warnings
        .iter()
        .filter(|w| w.contains("Not found in the data: regions"))
        .collect();
    assert_eq!(unknown.len(), 1, "{:?}", fig.warnings);
    assert!(
        unknown[0].starts_with(
            "Not found in the data: regions “nowhere-0”, “nowhere-1”, “nowhere-2”, “nowhere-3”, “nowhere-4” and 999995 more"
        ),
        "{}",
        unknown[0]
    );
    let svg = export::render_svg(&fig, &opts_px(1280, 720));
    roxmltree::Document::parse(&svg).expect("valid SVG");
    let png = export::render(&fig, &opts_px(640, 360), Format::Png);
    assert!(png.is_ok(), "{:?}", png.err());
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
    // one unknown id keeps the short form
    let mut one = spec(ChartKind::BarsByChannel, &["fcr_pct"], &[], &[]);
    one.regions = vec![RegionId::new("mars"), RegionId::new("mars")];
    let fig = figure(&one, Locale::EnGb);
    assert!(
        fig.warnings
            .contains(&"Not found in the data: region “mars” (left out of the chart).".to_owned()),
        "{:?}",
        fig.warnings
    );
}

// ---- item 10: deck errors name the file and line ----

#[test]
fn deck_size_and_dpi_errors_name_file_line_and_column() {
    let deck = "Deck(\n    dpi: 5000,\n    charts: [\n        (name: \"a\", spec: ChartSpec(kind: Ranking, indicators: [\"nps\"])),\n    ],\n)";
    let (dir, path) = temp_file("deck.ron", deck);
    let o = dir.path().join("o");
    let (code, _, err) = run(&["export", "--deck", s(&path), "--out-dir", s(&o)]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("deck.ron:2:5: chart `a`: a resolution of 5000 DPI"),
        "{err}"
    );

    let deck = "Deck(\n    charts: [\n        (name: \"ok\", spec: ChartSpec(kind: Ranking, indicators: [\"nps\"])),\n        (\n            name: \"big\",\n            spec: ChartSpec(kind: Ranking, indicators: [\"nps\"]),\n            size: \"99999x10\",\n        ),\n    ],\n)";
    std::fs::write(&path, deck).expect("write");
    let (code, _, err) = run(&["export", "--deck", s(&path), "--out-dir", s(&o)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("deck.ron:7:13: chart `big`:"), "{err}");
    assert!(!o.exists(), "nothing written");
    // the command line's own size is a usage error without a file position
    let (code, _, err) = run(&[
        "export",
        "--deck",
        s(&path),
        "--out-dir",
        s(&o),
        "--dpi",
        "1",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--dpi"), "{err}");
}

// ---- item 12: deck names ----

#[test]
fn deck_names_fold_unicode_case_and_refuse_windows_devices() {
    let deck = |names: &[&str]| {
        let charts: Vec<String> = names
            .iter()
            .map(|n| {
                format!(r#"(name: "{n}", spec: ChartSpec(kind: Ranking, indicators: ["nps"]))"#)
            })
            .collect();
        export::deck::parse_deck(
            &format!("Deck(charts: [{}])", charts.join(",\n")),
            Path::new("d.ron"),
        )
        .expect("parses")
    };
    for (names, expected) in [
        (vec!["Été", "été"], "used twice"),
        (vec!["straße", "STRASSE"], "used twice"),
        (vec!["ΟΔΟΣ", "οδος"], "used twice"),
        (vec!["ok", "con"], "device name"),
        (vec!["NUL.chart"], "device name"),
        (vec!["com1"], "device name"),
        (vec!["Lpt9.v2"], "device name"),
        (vec!["COM¹.png"], "device name"),
    ] {
        let err = deck(&names).check_names().expect_err("refused");
        assert!(err.to_string().contains(expected), "{names:?}: {err}");
        assert_eq!(err.index, Some(names.len() - 1), "{names:?}");
    }
    for ok in [
        vec!["été", "ete"],
        vec!["console", "nul-results", "com10", "lpt"],
    ] {
        deck(&ok)
            .check_names()
            .unwrap_or_else(|e| panic!("{ok:?}: {e}"));
    }
    // the command line names the entry's line
    let text = "Deck(charts: [\n (name: \"Été\", spec: ChartSpec(kind: Ranking, indicators: [\"nps\"])),\n (name: \"été\", spec: ChartSpec(kind: Ranking, indicators: [\"nps\"])),\n])";
    let (dir, path) = temp_file("names.ron", text);
    let (code, _, err) = run(&[
        "export",
        "--deck",
        s(&path),
        "--out-dir",
        s(&dir.path().join("o")),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("names.ron:3:3: chart name `été` is used twice"),
        "{err}"
    );
}

// ---- item 11: terminal escapes ----

#[test]
fn list_escapes_control_characters_from_names() {
    let data = "Dataset(regions: [Region(id: \"evil\", name: (en: \"A\\u{1b}]0;owned\\u{7}\\u{1b}[2JB\", fr: \"x\\u{9b}31my\"), kind: Country)])";
    let (_d, path) = temp_file("evil.ron", data);
    let (code, out, err) = run(&["list", "regions", "--data", s(&path)]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{9b}'));
    assert!(out.contains(r"A\u{1b}]0;owned\u{7}\u{1b}[2JB"), "{out}");
    assert!(out.contains(r"x\u{9b}31my"), "{out}");
    // validate's messages too
    let bad = "Dataset(observations: [(region: \"\\u{1b}[31mred\", indicator: \"nps\", period: \"2020\", value: 1, source: \"bain-banks-2013\", grade: Measured)])";
    let (_d2, p2) = temp_file("bad.ron", bad);
    let (code, out, _) = run(&["validate", s(&p2)]);
    assert_eq!(code, 1);
    assert!(
        !out.contains('\u{1b}') && out.contains(r"\u{1b}[31mred"),
        "{out}"
    );
}

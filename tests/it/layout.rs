//! The remaining layout defects (issue 13), checked on the core layout both painters draw.

use servicescope::chart::{self, ChartKind, ChartSpec, Locale, SpecText, layout};
use servicescope::export::{self, ExportOptions};
use servicescope::model::{ChannelId, IndicatorId, RegionId};

fn spec(kind: ChartKind, inds: &[&str], regions: &[&str], channels: &[&str]) -> ChartSpec {
    ChartSpec {
        kind,
        indicators: inds.iter().map(|&i| IndicatorId::new(i)).collect(),
        regions: regions.iter().map(|&r| RegionId::new(r)).collect(),
        channels: channels.iter().map(|&c| ChannelId::new(c)).collect(),
        value_labels: true,
        ..Default::default()
    }
}

const FOUR: [&str; 4] = ["uk", "maghreb", "quebec", "france"];

#[test]
fn scatter_axes_carry_at_least_four_ticks() {
    let ds = servicescope::io::benchmark::load().expect("loads");
    let inds: Vec<String> = ds.indicators.iter().map(|i| i.id.to_string()).collect();
    for a in &inds {
        for b in &inds {
            if a == b {
                continue;
            }
            let fig = chart::build(
                &ds,
                &spec(ChartKind::Scatter, &[a, b], &FOUR, &[]),
                Locale::EnGb,
            );
            if fig.is_empty() {
                continue;
            }
            let axes = layout::axes(&fig, true);
            let (x, y) = (axes.x_value.expect("x axis"), axes.value.expect("y axis"));
            assert!(
                x.ticks.len() >= 4 && y.ticks.len() >= 4,
                "{a} × {b}: {} and {} ticks",
                x.ticks.len(),
                y.ticks.len()
            );
        }
    }
}

fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("valid SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect()
}

fn opts(size: &str) -> ExportOptions {
    ExportOptions {
        size: export::size::parse(size, None).expect("size"),
        value_labels: true,
        ..ExportOptions::default()
    }
}

const LONG_TITLE: &str = "First-contact resolution by channel in the United Kingdom and in France, measured by the industry surveys of the last decade and compared with the regional averages";

#[test]
fn long_titles_wrap_and_shrink_before_any_ellipsis() {
    let ds = servicescope::io::benchmark::load().expect("loads");
    let mut s = spec(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &["uk", "france"],
        &["phone", "email"],
    );
    // about three lines at the title size on a slide: it must shrink to two, every word kept
    let medium = LONG_TITLE;
    s.title = Some(SpecText::Plain(medium.to_owned()));
    let fig = chart::build(&ds, &s, Locale::EnGb);
    let o = opts("slide-16x9");
    let texts = svg_texts(&export::render_svg(&fig, &o));
    let joined = texts.join(" ");
    assert!(
        joined.contains(medium),
        "every word of the title is drawn: {texts:?}"
    );
    assert!(export::svg::fit_warnings(&fig, &o).is_empty());
    // far too long for 800 × 450: cut with an ellipsis, and said
    s.title = Some(SpecText::Plain(format!("{LONG_TITLE} {LONG_TITLE}")));
    let fig = chart::build(&ds, &s, Locale::EnGb);
    let o = opts("800x450");
    let texts = svg_texts(&export::render_svg(&fig, &o));
    assert!(
        texts.iter().any(|t| t.ends_with('…') && t.len() > 10),
        "{texts:?}"
    );
    let warn = export::svg::fit_warnings(&fig, &o);
    assert!(
        warn.len() == 1 && warn[0].contains("title is too long"),
        "{warn:?}"
    );
}

#[test]
fn the_command_line_warns_on_stderr_when_a_title_is_cut_and_still_exits_0() {
    let text = format!(
        "ChartSpec(kind: BarsByChannel, indicators: [\"fcr_pct\"], regions: [\"uk\"], title: \"{LONG_TITLE} {LONG_TITLE}\")"
    );
    let (dir, spec_path) = crate::temp_file("long.ron", &text);
    let out = dir.path().join("long.png");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_servicescope"))
        .args(["export", "--chart"])
        .arg(&spec_path)
        .arg("--out")
        .arg(&out)
        .args(["--size", "800x450"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning") && stderr.contains("title is too long"),
        "{stderr}"
    );
    assert!(out.exists());
}

/// A text of an SVG with the box it covers (from the bundled font's advance widths).
#[derive(Debug)]
struct TextBox {
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

fn text_boxes(svg: &str) -> Vec<TextBox> {
    let doc = roxmltree::Document::parse(svg).expect("valid SVG");
    let num = |n: &roxmltree::Node<'_, '_>, a: &str| -> f64 {
        n.attribute(a).and_then(|v| v.parse().ok()).unwrap_or(0.0)
    };
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let text: String = n
                .descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .collect();
            let size = num(&n, "font-size");
            let bold = n.attribute("font-weight") == Some("bold");
            let w = export::fonts::text_width(&text, size, bold);
            let (x, y) = (num(&n, "x"), num(&n, "y"));
            let x0 = match n.attribute("text-anchor") {
                Some("middle") => x - w / 2.0,
                Some("end") => x - w,
                _ => x,
            };
            TextBox {
                text,
                x0,
                y0: y - size * 0.75,
                x1: x0 + w,
                y1: y + size * 0.2,
            }
        })
        .collect()
}

/// Pairs of texts that overprint each other (more than a hairline).
fn overlapping(boxes: &[TextBox]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let dx = a.x1.min(b.x1) - a.x0.max(b.x0);
            let dy = a.y1.min(b.y1) - a.y0.max(b.y0);
            if dx > 1.0 && dy > 1.0 {
                out.push((a.text.clone(), b.text.clone()));
            }
        }
    }
    out
}

fn figure(kind: ChartKind, inds: &[&str], regions: &[&str], channels: &[&str]) -> chart::Figure {
    let ds = servicescope::io::benchmark::load().expect("loads");
    chart::build(&ds, &spec(kind, inds, regions, channels), Locale::EnGb)
}

#[test]
fn scatter_names_of_close_points_do_not_overprint_and_stay_on_the_page() {
    let mut fig = figure(ChartKind::Scatter, &["fcr_pct", "aht_s"], &FOUR, &["phone"]);
    // four regions almost on one spot
    for (k, s) in fig.series.iter_mut().enumerate() {
        for p in &mut s.points {
            p.x = 70.0 + k as f64 * 0.05;
            p.y = 300.0 + k as f64 * 0.5;
        }
    }
    fig.series[0].points[0].x = 60.0;
    fig.series[1].points[0].x = 80.0;
    for size in ["slide-16x9", "800x450"] {
        let o = opts(size);
        let svg = export::render_svg(&fig, &o);
        let boxes = text_boxes(&svg);
        assert_eq!(
            overlapping(&boxes),
            Vec::<(String, String)>::new(),
            "{size}"
        );
        let w = f64::from(o.size.width_px);
        assert!(
            boxes.iter().all(|b| b.x0 >= 0.0 && b.x1 <= w),
            "{size}: {boxes:?}"
        );
        // every name is drawn, or the footer says some were left out
        let named = fig
            .series
            .iter()
            .filter(|s| boxes.iter().any(|b| b.text.starts_with(&s.label)))
            .count();
        let note = boxes.iter().any(|b| b.text.contains("left out"));
        assert!(named == fig.series.len() || note, "{size}: {boxes:?}");
        assert!(named >= 2, "{size}: {boxes:?}");
        // named on the chart: no legend of series as well
        for s in &fig.series {
            let times = boxes
                .iter()
                .filter(|b| b.text.starts_with(&s.label))
                .count();
            assert!(times <= 1, "{size}: {} named {times} times", s.label);
        }
    }
}

#[test]
fn value_labels_of_lines_and_grouped_bars_do_not_overprint() {
    let lines = figure(ChartKind::Lines, &["fcr_pct"], &FOUR, &["phone"]);
    let bars = figure(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &FOUR,
        &["phone", "email", "chat", "twitter", "web_self_service"],
    );
    // lines that meet: France's values on top of the UK's
    let mut close = lines.clone();
    let uk: Vec<f64> = close.series[0].points.iter().map(|p| p.y).collect();
    for (p, y) in close.series[1].points.iter_mut().zip(uk) {
        p.y = y + 0.2;
    }
    for fig in [&lines, &bars, &close] {
        for size in ["slide-16x9", "half-a4", "800x450", "square"] {
            let svg = export::render_svg(fig, &opts(size));
            let boxes = text_boxes(&svg);
            assert_eq!(
                overlapping(&boxes),
                Vec::<(String, String)>::new(),
                "{:?} {size}",
                fig.kind
            );
        }
    }
    // where labels cannot all be placed, the footer says so
    let svg = export::render_svg(&close, &opts("800x450"));
    let texts = svg_texts(&svg);
    let labels_drawn = close
        .series
        .iter()
        .flat_map(|s| &s.points)
        .filter(|p| texts.contains(&p.label))
        .count();
    if labels_drawn < close.point_count() {
        assert!(
            texts.iter().any(|t| t.contains("labels left out")),
            "{texts:?}"
        );
    }
}

#[test]
fn up_to_six_lines_are_named_at_their_ends_instead_of_a_legend() {
    let mut fig = figure(ChartKind::Lines, &["fcr_pct"], &FOUR, &["phone"]);
    assert!(chart::labels::series_named_on_chart(&fig));
    // every line ends on the same value: the names are spread, not stacked
    for s in &mut fig.series {
        if let Some(p) = s.points.last_mut() {
            p.y = 70.0;
        }
    }
    let svg = export::render_svg(&fig, &opts("slide-16x9"));
    let boxes = text_boxes(&svg);
    assert_eq!(overlapping(&boxes), Vec::<(String, String)>::new());
    let plot_right = boxes
        .iter()
        .filter(|b| b.text.ends_with('%'))
        .map(|b| b.x1)
        .fold(0.0, f64::max);
    for s in &fig.series {
        let named: Vec<&TextBox> = boxes.iter().filter(|b| b.text == s.label).collect();
        assert_eq!(named.len(), 1, "{} once, at its line's end", s.label);
        assert!(
            named[0].x0 >= plot_right - 1.0,
            "{:?} right of the plot",
            named[0]
        );
    }
    // seven lines: a legend again
    let mut many = fig.clone();
    let extra: Vec<chart::Series> = many.series.iter().take(3).cloned().collect();
    many.series.extend(extra.into_iter().map(|mut s| {
        s.id.push('2');
        s.label.push_str(" bis");
        s
    }));
    assert_eq!(many.series.len(), 7);
    assert!(!chart::labels::series_named_on_chart(&many));
}

//! The remaining layout defects (issue 13), checked on the core layout both painters draw.

use crate::fixtures::chart::{en_figure, opts_sized, spec};
use crate::fixtures::data::FOUR;
use crate::fixtures::svg::{overlapping, svg_texts, text_boxes};
use servicescope::chart::{self, ChartKind, Locale, SpecText, layout};
use servicescope::export::{self};

#[test]
fn scatter_axes_carry_at_least_four_ticks() {
    let ds = servicescope::io::benchmark::load().expect("loads");
    let inds: Vec<String> = ds.indicators().iter().map(|i| i.id.to_string()).collect();
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
    let o = opts_sized("slide-16x9");
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
    let o = opts_sized("800x450");
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
    let (dir, spec_path) = crate::fixtures::data::temp_file("long.ron", &text);
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

#[test]
fn scatter_names_of_close_points_do_not_overprint_and_stay_on_the_page() {
    let mut fig = en_figure(ChartKind::Scatter, &["fcr_pct", "aht_s"], &FOUR, &["phone"]);
    // four regions almost on one spot
    for (k, s) in fig.series.iter_mut().enumerate() {
        for p in &mut s.points {
            p.place = chart::Place::Xy {
                x: Some(70.0 + k as f64 * 0.05),
            };
            p.value = Some(300.0 + k as f64 * 0.5);
        }
    }
    fig.series[0].points[0].place = chart::Place::Xy { x: Some(60.0) };
    fig.series[1].points[0].place = chart::Place::Xy { x: Some(80.0) };
    for size in ["slide-16x9", "800x450"] {
        let o = opts_sized(size);
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
    let lines = en_figure(ChartKind::Lines, &["fcr_pct"], &FOUR, &["phone"]);
    let bars = en_figure(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &FOUR,
        &["phone", "email", "chat", "twitter", "web_self_service"],
    );
    // lines that meet: France's values on top of the UK's
    let mut close = lines.clone();
    let uk: Vec<Option<f64>> = close.series[0].points.iter().map(|p| p.value).collect();
    for (p, y) in close.series[1].points.iter_mut().zip(uk) {
        p.value = y.map(|y| y + 0.2);
    }
    for fig in [&lines, &bars, &close] {
        for size in ["slide-16x9", "half-a4", "800x450", "square"] {
            let svg = export::render_svg(fig, &opts_sized(size));
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
    let svg = export::render_svg(&close, &opts_sized("800x450"));
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
    let mut fig = en_figure(ChartKind::Lines, &["fcr_pct"], &FOUR, &["phone"]);
    assert!(chart::labels::series_named_on_chart(&fig));
    // every line ends on the same value: the names are spread, not stacked
    for s in &mut fig.series {
        if let Some(p) = s.points.last_mut() {
            p.value = Some(70.0);
        }
    }
    let svg = export::render_svg(&fig, &opts_sized("slide-16x9"));
    let boxes = text_boxes(&svg);
    assert_eq!(overlapping(&boxes), Vec::<(String, String)>::new());
    let plot_right = boxes
        .iter()
        .filter(|b| b.text.ends_with('%'))
        .map(|b| b.x1)
        .fold(0.0, f64::max);
    for s in &fig.series {
        let named: Vec<&crate::fixtures::svg::TextBox> =
            boxes.iter().filter(|b| b.text == s.label).collect();
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

/// The tallest horizontal band of the page (between the top and bottom margins) where
/// nothing is drawn, as a share of the page height.
fn largest_blank_band(svg: &str, height: f64) -> f64 {
    let doc = roxmltree::Document::parse(svg).expect("valid SVG");
    let num = |n: &roxmltree::Node<'_, '_>, a: &str| -> Option<f64> {
        n.attribute(a).and_then(|v| v.parse().ok())
    };
    let mut spans: Vec<(f64, f64)> = Vec::new();
    for n in doc.descendants() {
        if n.has_tag_name("text") {
            let (y, size) = (
                num(&n, "y").unwrap_or(0.0),
                num(&n, "font-size").unwrap_or(0.0),
            );
            spans.push((y - size * 0.8, y + size * 0.2));
        } else if n.has_tag_name("rect")
            && let (Some(y), Some(h)) = (num(&n, "y"), num(&n, "height"))
        {
            spans.push((y, y + h));
        }
    }
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (top, bottom) = (spans.first().map_or(0.0, |s| s.0), height * 0.95);
    let mut reach = top;
    let mut gap = 0.0f64;
    for (a, b) in spans {
        if a > reach {
            gap = gap.max(a - reach);
        }
        reach = reach.max(b);
    }
    gap = gap.max(bottom - reach);
    gap / height
}

#[test]
fn heat_tables_and_rankings_fill_the_page() {
    let heat = en_figure(
        ChartKind::HeatTable,
        &["fcr_pct"],
        &FOUR,
        &["phone", "email", "chat"],
    );
    let ranking = en_figure(ChartKind::Ranking, &["nps"], &FOUR, &[]);
    // (a two-row table cannot fill a square page: it is centred, the blank shared above and
    // below)
    for fig in [&heat, &ranking] {
        for size in ["slide-16x9", "half-a4", "square"] {
            let o = opts_sized(size);
            let svg = export::render_svg(fig, &o);
            let blank = largest_blank_band(&svg, f64::from(o.size.height_px));
            assert!(
                blank < 0.12,
                "{:?} {size}: {:.0} % of the height blank",
                fig.kind,
                blank * 100.0
            );
        }
    }
}

#[test]
fn heat_tables_mark_missing_cells_and_key_the_colour_scale_with_values() {
    let mut fig = en_figure(
        ChartKind::HeatTable,
        &["fcr_pct"],
        &FOUR,
        &["phone", "email", "chat"],
    );
    fig.series[1]
        .points
        .retain(|p| p.cell().is_some_and(|(_, column)| column != 1));
    let texts = svg_texts(&export::render_svg(&fig, &opts_sized("slide-16x9")));
    assert!(texts.iter().any(|t| t == "n/a"), "{texts:?}");
    let (lo, hi) = chart::style::heat_key(&fig);
    // the better side of first-contact resolution is the highest value shown
    let best = fig
        .series
        .iter()
        .flat_map(|s| &s.points)
        .filter_map(|p| p.value)
        .fold(f64::MIN, f64::max);
    assert!(
        hi.starts_with("better (") && hi.contains(&format!("{best:.0}")),
        "{hi}"
    );
    assert!(lo.starts_with("worse ("), "{lo}");
    assert!(texts.contains(&format!("{lo} → {hi}")), "{texts:?}");
    let mut fr = en_figure(
        ChartKind::HeatTable,
        &["fcr_pct"],
        &FOUR,
        &["phone", "email", "chat"],
    );
    fr.locale = Locale::FrFr;
    fr.series[1]
        .points
        .retain(|p| p.cell().is_some_and(|(_, column)| column != 1));
    let texts = svg_texts(&export::render_svg(&fr, &opts_sized("slide-16x9")));
    assert!(texts.iter().any(|t| t == "n.d."), "{texts:?}");
    // a neutral indicator: sequential scale, lower → higher
    let neutral = en_figure(ChartKind::HeatTable, &["channel_pref_pct"], &FOUR, &[]);
    assert!(chart::style::heat_is_sequential(&neutral));
    assert!(chart::style::heat_key(&neutral).0.starts_with("lower ("));
}

#[test]
fn a_zero_illustrative_bar_still_shows_as_a_hatched_stub() {
    let mut fig = en_figure(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &["uk", "france"],
        &["phone", "email"],
    );
    let p = &mut fig.series[0].points[0];
    p.value = Some(0.0);
    p.grade = servicescope::model::Grade::Illustrative;
    let svg = export::render_svg(&fig, &opts_sized("slide-16x9"));
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let pale = chart::palette::hex(
        chart::style::grade_style(
            fig.series[0].colour,
            servicescope::model::Grade::Illustrative,
            false,
        )
        .fill,
    );
    let heights: Vec<f64> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(pale.as_str()))
        .filter_map(|n| n.attribute("height").and_then(|h| h.parse().ok()))
        .collect();
    assert!(!heights.is_empty());
    assert!(heights.iter().all(|&h| h >= 2.0), "{heights:?}");
}

#[test]
fn radars_label_their_scale_say_how_values_are_normalised_and_print_values() {
    let inds = ["fcr_pct", "aht_s", "asa_s", "abandon_pct"];
    let fig = en_figure(ChartKind::Radar, &inds, &["uk", "france"], &["phone"]);
    assert!(fig.shows_values(true));
    let svg = export::render_svg(&fig, &opts_sized("slide-16x9"));
    let texts = svg_texts(&svg);
    for ring in ["0", "0.5", "1"] {
        assert!(texts.iter().any(|t| t == ring), "ring {ring}: {texts:?}");
    }
    assert!(
        texts
            .iter()
            .any(|t| t.contains("0 = worst") && t.contains("1 = best")),
        "{texts:?}"
    );
    // values at the vertices (or the footnote on those left out), never overprinting
    let shown = fig
        .series
        .iter()
        .flat_map(|s| &s.points)
        .filter(|p| texts.contains(&p.label))
        .count();
    assert!(shown >= fig.point_count() / 2, "{shown} values: {texts:?}");
    if shown < fig.point_count() {
        assert!(texts.iter().any(|t| t.contains("labels left out")));
    }
    assert_eq!(
        overlapping(&text_boxes(&svg)),
        Vec::<(String, String)>::new()
    );
    // the hover text carries the value too
    let p = &fig.series[0].points[0];
    let value = p.label.split(" (").next().unwrap_or_default();
    assert!(p.tooltip.contains(value), "{}", p.tooltip);
    // two indicators: refused, with the reason
    let two = en_figure(ChartKind::Radar, &inds[..2], &FOUR, &["phone"]);
    assert!(two.is_empty());
    assert!(
        two.warnings.iter().any(|w| w.contains("at least three")),
        "{:?}",
        two.warnings
    );
}

#[test]
fn the_grade_key_sits_on_its_own_captioned_row() {
    let fig = en_figure(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &FOUR,
        &["phone", "email"],
    );
    let svg = export::render_svg(&fig, &opts_sized("slide-16x9"));
    let boxes = text_boxes(&svg);
    let caption = boxes
        .iter()
        .find(|b| b.text == "Values:")
        .expect("grade key caption");
    for s in &fig.series {
        let entry = boxes
            .iter()
            .find(|b| b.text == s.label)
            .expect("legend entry");
        assert!(
            entry.y1 <= caption.y0 + 1.0,
            "{} on the caption's row",
            s.label
        );
    }
}

#[test]
fn svg_files_have_named_layers_a_hatch_pattern_and_a_font_fallback_list() {
    let fig = en_figure(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &["uk", "france"],
        &["phone", "email"],
    );
    assert!(
        fig.grades
            .contains(&servicescope::model::Grade::Illustrative)
    );
    let bytes = export::render(&fig, &opts_sized("slide-16x9"), export::Format::Svg).expect("svg");
    let svg = String::from_utf8(bytes).expect("utf8");
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let ids: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    for id in [
        "background",
        "title",
        "legend",
        "plot",
        "axes",
        "series-uk",
        "series-france",
        "labels",
        "footer",
    ] {
        assert!(ids.contains(&id), "group {id} in {ids:?}");
    }
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids are unique: {ids:?}");
    // the illustrative bars are filled with the pattern, not covered with loose lines
    let in_series = |n: &roxmltree::Node<'_, '_>| {
        n.ancestors()
            .any(|a| a.attribute("id").is_some_and(|i| i.starts_with("series-")))
    };
    assert!(
        doc.descendants()
            .any(|n| n.attribute("fill") == Some("url(#hatch)") && in_series(&n))
    );
    assert!(
        !doc.descendants().any(|n| n.has_tag_name("path")
            && n.attribute("stroke-opacity").is_some()
            && in_series(&n)),
        "no loose hatching lines"
    );
    let family = doc.root_element().attribute("font-family").unwrap_or("");
    assert!(
        family.contains("DejaVu Sans")
            && family.contains("Arial")
            && family.ends_with("sans-serif"),
        "{family}"
    );
    // text as outlines on request: no text left, the same size
    let paths = export::ExportOptions {
        svg_text: export::SvgText::Paths,
        ..opts_sized("slide-16x9")
    };
    let outlined = String::from_utf8(
        export::render(&fig, &paths, export::Format::Svg).expect("svg with outlines"),
    )
    .expect("utf8");
    let doc = roxmltree::Document::parse(&outlined).expect("valid SVG");
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("text")).count(),
        0
    );
    assert!(doc.descendants().filter(|n| n.has_tag_name("path")).count() > 20);
}

#[test]
fn light_text_for_dark_templates() {
    let fig = en_figure(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &["uk", "france"],
        &["phone", "email"],
    );
    let light = export::ExportOptions {
        text: export::TextInk::Light,
        background: export::Background::Transparent,
        ..opts_sized("slide-16x9")
    };
    let svg = export::render_svg(&fig, &light);
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let (text, muted, _) = chart::style::text_ink(true);
    let allowed = [chart::palette::hex(text), chart::palette::hex(muted)];
    for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let fill = n.attribute("fill").unwrap_or("");
        let lum = u32::from_str_radix(fill.trim_start_matches('#'), 16)
            .map(|v| ((v >> 16) & 255) + ((v >> 8) & 255) + (v & 255))
            .unwrap_or(0);
        assert!(
            allowed.iter().any(|a| a == fill) || lum > 3 * 150,
            "dark text {fill} on a dark template"
        );
    }
    // from the command line
    let (dir, spec_path) = crate::fixtures::data::temp_file(
        "c.ron",
        "ChartSpec(kind: BarsByChannel, indicators: [\"fcr_pct\"], regions: [\"uk\"])",
    );
    let out = dir.path().join("c.svg");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_servicescope"))
        .args(["export", "--chart"])
        .arg(&spec_path)
        .arg("--out")
        .arg(&out)
        .args(["--text", "light", "--background", "transparent"])
        .output()
        .expect("runs");
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let svg = std::fs::read_to_string(&out).expect("written");
    assert!(svg.contains(&format!("fill=\"{}\"", allowed[0])));
    assert!(!svg.contains("fill=\"#1a1a1a\">"));
}

/// What breaks French typography or leaves English in a French chart text.
fn french_faults(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, ':' | ';' | '!' | '?') {
            let before = if i > 0 { chars[i - 1] } else { ' ' };
            // a time (5:12) or an address (https:) is not punctuation
            let word = before.is_ascii_digit() || text[..].contains("://");
            if !word && !matches!(before, '\u{a0}' | '\u{202f}') {
                out.push(format!("no (narrow) no-break space before {c:?}"));
            }
        }
    }
    if text.contains('\'') {
        out.push("straight apostrophe (’)".into());
    }
    if text.contains('"') || text.contains('“') || text.contains('”') {
        out.push("English quotes (« »)".into());
    }
    for english in [
        "the ",
        " and ",
        "Source:",
        "values",
        "Hatched",
        "Own data",
        "left out",
        "Not found",
        "Latest",
        "latest",
        "Values:",
        "worse",
        "better",
        "higher",
        "lower",
    ] {
        if text.contains(english) {
            out.push(format!("English {english:?}"));
        }
    }
    out
}

#[test]
fn french_charts_follow_french_typography_and_hold_no_english() {
    let cases = [
        spec(
            ChartKind::BarsByChannel,
            &["fcr_pct"],
            &["uk", "france"],
            &["phone", "email"],
        ),
        spec(
            ChartKind::BarsByIndicator,
            &["fcr_pct", "abandon_pct"],
            &FOUR,
            &["phone"],
        ),
        spec(
            ChartKind::Lines,
            &["fcr_pct"],
            &["uk", "france"],
            &["phone"],
        ),
        spec(ChartKind::Scatter, &["fcr_pct", "aht_s"], &FOUR, &["phone"]),
        spec(
            ChartKind::Radar,
            &["fcr_pct", "aht_s", "asa_s", "abandon_pct"],
            &FOUR,
            &["phone"],
        ),
        spec(ChartKind::Ranking, &["nps"], &FOUR, &[]),
        spec(
            ChartKind::HeatTable,
            &["fcr_pct"],
            &FOUR,
            &["phone", "email", "chat"],
        ),
        spec(
            ChartKind::BarsByChannel,
            &["fcr_pct"],
            &["mars", "uk"],
            &["phone"],
        ),
    ];
    let ds = servicescope::io::benchmark::load().expect("loads");
    let mut faults = Vec::new();
    for s in &cases {
        let fig = chart::build(&ds, s, Locale::FrFr);
        let svg = export::render_svg(&fig, &opts_sized("slide-16x9"));
        for t in svg_texts(&svg) {
            for f in french_faults(&t) {
                faults.push(format!("{:?}: {t:?}: {f}", s.kind));
            }
        }
    }
    faults.sort();
    faults.dedup();
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn lines_of_several_channels_vary_dash_and_marker_and_key_them() {
    let fig = en_figure(
        ChartKind::Lines,
        &["fcr_pct"],
        &["uk", "france"],
        &["phone", "email"],
    );
    let key = chart::style::channel_key(&fig);
    assert_eq!(
        key.iter().map(|k| k.0.as_str()).collect::<Vec<_>>(),
        ["Phone", "Email"]
    );
    assert_ne!(key[0].1, key[1].1, "each channel its own dash and marker");
    // colour = region, mark = channel
    let uk: Vec<&chart::Series> = fig
        .series
        .iter()
        .filter(|s| s.id.starts_with("uk/"))
        .collect();
    assert_eq!(uk.len(), 2);
    assert_eq!(uk[0].colour, uk[1].colour);
    let marks: Vec<_> = uk
        .iter()
        .map(|s| chart::style::channel_mark(&key, s))
        .collect();
    assert!(marks[0].is_some() && marks[0] != marks[1]);
    let svg = export::render_svg(&fig, &opts_sized("slide-16x9"));
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let legend = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("legend"))
        .expect("legend");
    let texts: Vec<&str> = legend
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    assert!(
        texts.contains(&"Phone") && texts.contains(&"Email"),
        "{texts:?}"
    );
    // the email lines are dashed or dotted, and their markers are not circles
    let email = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("series-uk-email"))
        .expect("series group");
    assert!(
        email
            .descendants()
            .any(|n| n.has_tag_name("path") && n.attribute("stroke-dasharray").is_some())
    );
    assert!(email.descendants().any(|n| n.has_tag_name("polygon")));
}

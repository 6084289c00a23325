//! The SVG file itself (issue 13): named layers, the hatch pattern and font fallbacks, light
//! text on dark templates, French typography with no English left in a French chart.

use crate::fixtures::chart::{en_figure, opts_sized, seven_kinds, spec};
use crate::fixtures::data::temp_file;
use crate::fixtures::svg::svg_texts;
use servicescope::chart::{self, ChartKind, Locale};
use servicescope::export::{self};

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
    let (dir, spec_path) = temp_file(
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
    let mut cases = seven_kinds(&["phone", "email"]);
    cases.push(spec(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &["mars", "uk"],
        &["phone"],
    ));
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

//! Charts that use their page (issue 13): heat tables and rankings fill it, heat tables mark
//! missing cells and key their colours, a zero illustrative bar still shows, radars label
//! their scale, the grade key has its own row.

use crate::fixtures::chart::{en_figure, opts_sized};
use crate::fixtures::data::FOUR;
use crate::fixtures::svg::{overlapping, svg_texts, text_boxes};
use servicescope::chart::{self, ChartKind, Locale};
use servicescope::export::{self};

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

//! Texts that must not overprint (issue 13): scatter names of close points, value labels of
//! lines and grouped bars, line names at their ends instead of a legend, and several
//! channels' lines told apart by dash and marker.

use crate::fixtures::chart::{en_figure, opts_sized};
use crate::fixtures::data::FOUR;
use crate::fixtures::svg::{overlapping, svg_texts, text_boxes};
use servicescope::chart::{self, ChartKind};
use servicescope::export::{self};

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

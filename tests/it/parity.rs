//! One layout, two painters: every chart kind is drawn by the app (egui_plot, through
//! egui_kittest, recording the shapes egui paints) and by the SVG writer, and both must show the
//! same tick labels, axis titles, value labels and mark colours — the ones the core resolved.

use crate::fixtures::chart::{seven_kinds, spec};
use crate::fixtures::data::FOUR;
use eframe::egui::{Color32, Shape, epaint};
use servicescope::app::AppState;
use servicescope::chart::palette::{self, Rgb};
use servicescope::chart::{ChartKind, ChartSpec, Figure, layout, style};
use servicescope::export::{self, ExportOptions};
use servicescope::model::{ChannelId, Lang, RegionId};
use std::collections::BTreeSet;

/// What one painter drew: every text and every fill colour.
#[derive(Default, Debug)]
struct Drawn {
    texts: BTreeSet<String>,
    fills: BTreeSet<Rgb>,
}

fn rgb_of(c: Color32) -> Option<Rgb> {
    (c.a() == 255).then(|| [c.r(), c.g(), c.b()])
}

fn collect(shape: &Shape, out: &mut Drawn) {
    match shape {
        Shape::Vec(v) => v.iter().for_each(|s| collect(s, out)),
        Shape::Text(t) => {
            // a label laid out over two lines on screen is the same text
            out.texts.insert(t.galley.text().trim().replace('\n', " "));
        }
        Shape::Rect(r) => out.fills.extend(rgb_of(r.fill)),
        Shape::Circle(c) => out.fills.extend(rgb_of(c.fill)),
        Shape::Path(p) => out.fills.extend(rgb_of(p.fill)),
        Shape::Mesh(m) => out
            .fills
            .extend(m.vertices.iter().filter_map(|v| rgb_of(v.color))),
        _ => {}
    }
}

fn screen(spec: &ChartSpec, lang: Lang) -> (Figure, Drawn) {
    let state = AppState {
        spec: spec.clone(),
        lang,
        ..AppState::default()
    };
    let h = crate::fixtures::ui::app_harness(
        crate::fixtures::data::benchmark(),
        state,
        [1600.0, 1000.0],
    );
    let fig = h.state().figure().clone();
    let mut drawn = Drawn::default();
    for clipped in &h.output().shapes {
        let epaint::ClippedShape { shape, .. } = clipped;
        collect(shape, &mut drawn);
    }
    (fig, drawn)
}

fn svg(fig: &Figure, value_labels: bool) -> Drawn {
    let opts = ExportOptions {
        size: export::size::parse("1600x900", None).expect("size"),
        value_labels,
        ..ExportOptions::default()
    };
    let text = export::render_svg(fig, &opts);
    let doc = roxmltree::Document::parse(&text).expect("valid SVG");
    let mut drawn = Drawn::default();
    for node in doc.descendants() {
        if node.has_tag_name("text") {
            let t: String = node
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect();
            drawn.texts.insert(t.trim().to_owned());
        }
        if let Some(fill) = node.attribute("fill")
            && let Some(hex) = fill.strip_prefix('#')
            && hex.len() == 6
            && let Ok(v) = u32::from_str_radix(hex, 16)
        {
            drawn
                .fills
                .insert([(v >> 16) as u8, (v >> 8) as u8, v as u8]);
        }
    }
    drawn
}

fn check(spec: &ChartSpec, lang: Lang) {
    let (fig, on_screen) = screen(spec, lang);
    assert!(
        !fig.is_empty(),
        "{:?}: the fixture selection must draw something",
        spec.kind
    );
    let labels = fig.shows_values(spec.value_labels);
    let in_file = svg(&fig, spec.value_labels);
    let axes = layout::axes(&fig, labels);
    let kind = spec.kind;
    let both = |what: &str, text: &str| {
        assert!(
            on_screen.texts.contains(text),
            "{kind:?} {lang:?}: {what} {text:?} not on screen"
        );
        assert!(
            in_file.texts.contains(text),
            "{kind:?} {lang:?}: {what} {text:?} not in the file"
        );
    };
    for scale in axes.value.iter().chain(&axes.x_value) {
        for tick in &scale.ticks {
            both("tick", &tick.label);
        }
    }
    if let Some(y) = &axes.value {
        let title = y.title(&fig.y.label);
        assert!(
            on_screen.texts.contains(&title),
            "{kind:?}: axis title {title:?} not on screen"
        );
        assert!(
            in_file
                .texts
                .iter()
                .any(|t| t.starts_with(title.trim_end_matches(')'))
                    || title.starts_with(t.trim_end_matches('…'))),
            "{kind:?}: axis title {title:?} not in the file: {:?}",
            in_file.texts
        );
    }
    for year in &axes.years {
        both("year", &year.to_string());
    }
    for s in &fig.series {
        for p in &s.points {
            match kind {
                _ if !labels => {}
                // a scatter names each point with its value
                ChartKind::Scatter => {
                    let text = format!("{} ({})", s.label, p.label);
                    let note = servicescope::chart::labels::left_out_note(lang);
                    let has = |d: &Drawn| d.texts.contains(&text) || d.texts.contains(note);
                    assert!(has(&on_screen) && has(&in_file), "{kind:?}: {text:?}");
                }
                ChartKind::Ranking => {}
                // a label the placement could not fit is left out, and that painter's footer
                // says so (chart::labels); every other label is drawn by both
                // (a grouped bar's value with its year on a second, smaller line is two texts)
                _ => {
                    let (main, year) = servicescope::chart::labels::value_label_lines(&fig, p);
                    let note = servicescope::chart::labels::left_out_note(lang);
                    for text in std::iter::once(main.trim()).chain(year.as_deref()) {
                        let has = |d: &Drawn| d.texts.contains(text) || d.texts.contains(note);
                        assert!(has(&on_screen), "{kind:?} {lang:?}: {text:?} not on screen");
                        assert!(has(&in_file), "{kind:?} {lang:?}: {text:?} not in the file");
                    }
                }
            }
            let fill = match kind {
                ChartKind::HeatTable => {
                    style::grade_style(style::heat_fill(&fig, p), p.grade, false).fill
                }
                _ => style::grade_style(s.colour, p.grade, false).fill,
            };
            assert!(
                on_screen.fills.contains(&fill),
                "{kind:?}: fill {} not on screen",
                palette::hex(fill)
            );
            assert!(
                in_file.fills.contains(&fill),
                "{kind:?}: fill {} not in the file",
                palette::hex(fill)
            );
        }
    }
}

#[test]
fn every_kind_draws_the_same_axes_labels_and_marks_on_screen_and_in_files() {
    let kinds = seven_kinds(&["phone", "email", "twitter"]);
    for s in &kinds {
        for lang in [Lang::En, Lang::Fr] {
            check(s, lang);
        }
    }
}

#[test]
fn durations_read_in_one_unit_named_on_the_axis() {
    let s = spec(ChartKind::BarsByChannel, &["aht_s"], &FOUR, &["phone"]);
    let (fig, on_screen) = screen(&s, Lang::En);
    let axes = layout::axes(&fig, true);
    let y = axes.value.expect("value axis");
    let unit = y.duration.expect("a duration axis").symbol();
    let title = y.title(&fig.y.label);
    assert!(title.ends_with(&format!("({unit})")), "{title}");
    assert!(on_screen.texts.contains(&title));
    // every tick is a plain number in that unit: no tick carries its own unit
    assert!(
        y.ticks.iter().all(|t| !t.label.contains(unit)),
        "{:?}",
        y.ticks
    );
}

#[test]
fn every_category_keeps_its_label_on_screen_and_in_files_wrapped_not_cut() {
    let s = spec(
        ChartKind::BarsByIndicator,
        &["fcr_pct", "abandon_pct", "answer_30s_pct"],
        &FOUR,
        &["phone"],
    );
    let c = spec(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &["uk", "france"],
        &["phone", "email", "chat", "twitter", "web_self_service"],
    );
    for s in [&s, &c] {
        let (fig, on_screen) = screen(s, Lang::En);
        let in_file = svg(&fig, true);
        for cat in &fig.x.categories {
            // a wrapped label is the same words over several lines
            let words: Vec<&str> = cat.split_whitespace().collect();
            let drawn = |d: &Drawn| {
                let all = d.texts.iter().cloned().collect::<Vec<_>>().join(" ");
                words.iter().all(|w| all.contains(w))
                    && !d
                        .texts
                        .iter()
                        .any(|t| t.ends_with('…') && cat.starts_with(t.trim_end_matches('…')))
            };
            assert!(
                drawn(&on_screen),
                "{cat:?} on screen: {:?}",
                on_screen.texts
            );
            assert!(drawn(&in_file), "{cat:?} in the file: {:?}", in_file.texts);
        }
    }
}

/// Every storytelling mark the core resolved (reference labels and keys, notes, end labels,
/// "n/a" ends, band fills) is drawn on screen and in the file alike.
fn check_story(spec: &ChartSpec, lang: Lang) {
    check(spec, lang);
    let (fig, on_screen) = screen(spec, lang);
    let in_file = svg(&fig, spec.value_labels);
    let st = &fig.story;
    let mut texts: Vec<&str> = Vec::new();
    texts.extend(st.references.iter().filter_map(|r| r.label.as_deref()));
    texts.extend(st.notes.iter().map(|n| n.text.as_str()));
    texts.extend(st.end_labels.iter().map(|e| e.text.as_str()));
    texts.extend(st.missing_ends.iter().map(|m| m.label.as_str()));
    texts.extend(st.panels.iter().map(|p| p.title.as_str()));
    assert!(!texts.is_empty(), "{:?}: nothing to compare", spec.kind);
    for t in texts {
        assert!(
            on_screen.texts.contains(t.trim()),
            "{:?} {lang:?}: {t:?} not on screen",
            spec.kind
        );
        assert!(
            in_file.texts.contains(t.trim()),
            "{:?} {lang:?}: {t:?} not in the file",
            spec.kind
        );
    }
    if st.references.iter().any(|r| r.band.is_some()) {
        assert!(on_screen.fills.contains(&style::BAND), "band not on screen");
        assert!(in_file.fills.contains(&style::BAND), "band not in the file");
    }
}

#[test]
fn storytelling_marks_are_the_same_on_screen_and_in_files() {
    use servicescope::chart::{Annotation, AnnotationAt, BandKind, Reference};
    let note = |region: &str, channel: Option<&str>, text: &str| Annotation {
        at: AnnotationAt {
            region: Some(RegionId::new(region)),
            channel: channel.map(ChannelId::new),
            year: None,
        },
        text: text.into(),
        offset: None,
    };
    let mut ranking = spec(ChartKind::Ranking, &["asa_s"], &FOUR, &["phone"]);
    ranking.highlight = vec!["france".into()];
    ranking.reference = vec![Reference::Median, Reference::Band(BandKind::Range)];
    ranking.annotations = vec![note("france", None, "Client")];
    let mut bars = spec(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &FOUR,
        &["phone", "email", "chat"],
    );
    bars.highlight = vec!["france".into()];
    bars.reference = vec![Reference::Band(BandKind::Quartiles)];
    bars.peers = ["uk", "quebec", "maghreb"].map(RegionId::new).to_vec();
    bars.annotations = vec![note("france", Some("email"), "Below its peers")];
    let mut slope = spec(ChartKind::Slope, &["fcr_pct"], &FOUR, &["phone"]);
    // no `years`: the first and last years with data (2011, 2016); the app's year sliders
    // have no accessible name yet, which the harness refuses
    slope.highlight = vec!["france".into()];
    let mut lines = spec(ChartKind::Lines, &["fcr_pct"], &FOUR, &["phone"]);
    lines.highlight = vec!["france".into()];
    lines.reference = vec![Reference::Target {
        value: 75.0,
        label: Some(servicescope::model::Text::new("Target", "Objectif")),
    }];
    let mut facet_lines = spec(ChartKind::Lines, &["fcr_pct"], &FOUR, &["phone"]);
    facet_lines.facet = Some(servicescope::chart::Facet::Region);
    facet_lines.highlight = vec!["france".into()];
    let mut facet_bars = spec(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &FOUR,
        &["phone", "email", "chat"],
    );
    facet_bars.facet = Some(servicescope::chart::Facet::Channel);
    for s in [&ranking, &bars, &slope, &lines, &facet_lines, &facet_bars] {
        for lang in [Lang::En, Lang::Fr] {
            check_story(s, lang);
        }
    }
}

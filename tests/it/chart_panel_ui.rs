//! The chart panel on screen, driven with egui_kittest and checked on the geometry the view
//! recorded (`app::chart_record`) and on the shapes egui painted: titles fitted as in files,
//! rankings and heat tables filling the panel, category labels clear of the bars in a cramped
//! French window, texts legible on the dark theme.

use crate::fixtures::chart::spec;
use crate::fixtures::data::FOUR;
use eframe::egui::{self, Color32, Rect, Shape, epaint};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servicescope::app::{self, App, AppCommand, AppState, deck::DeckCommand};
use servicescope::chart::{ChartKind, ChartSpec, Reference, SpecText};
use servicescope::model::Lang;

/// The app on the reference dataset showing `spec`, in `lang`, dark or light, in a window of
/// `size` points.
fn harness(spec: ChartSpec, lang: Lang, dark: bool, size: [f32; 2]) -> Harness<'static, App> {
    let state = AppState {
        spec,
        lang,
        dark,
        ..AppState::default()
    };
    crate::fixtures::ui::app_harness(crate::fixtures::data::reference(), state, size)
}

#[test]
fn long_titles_wrap_shrink_then_end_with_an_ellipsis_and_show_whole_on_hover() {
    let long = "Share of contacts resolved at the first attempt by every channel the four \
                regions offer, latest value per region and channel, compared with the peers \
                the client picked for its board, with notes on estimated values and samples";
    let mut s = spec(ChartKind::BarsByChannel, &["fcr_pct"], &FOUR, &["phone"]);
    s.title = Some(SpecText::Plain(long.to_owned()));
    let mut h = harness(s, Lang::En, false, [1000.0, 700.0]);
    let rec = app::chart_record(&h.ctx);
    let title = rec.title.expect("the title was fitted");
    let heading = egui::TextStyle::Heading.resolve(&h.ctx.global_style()).size;
    assert!(
        title.cut,
        "too long for two lines even at the floor: {title:?}"
    );
    assert_eq!(title.lines.len(), 2, "{title:?}");
    assert!(title.lines[1].ends_with('…'), "{title:?}");
    assert!(
        title.size_pt < heading && title.size_pt >= 13.0,
        "shrunk to the floor first: {title:?}"
    );
    // the words shown are the title's, in order
    let shown = title.lines.join(" ");
    assert!(
        long.starts_with(shown.trim_end_matches('…').trim_end()),
        "{shown}"
    );
    // the whole title in the hover text of the shortened headline
    h.query_all_by_label("Headline")
        .max_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .expect("the headline field")
        .hover();
    h.run();
    assert!(
        h.query_by_label(long).is_some(),
        "hovering the shortened headline shows it whole"
    );
    // a short title: one line at the heading size, not cut
    let mut s = spec(ChartKind::BarsByChannel, &["fcr_pct"], &FOUR, &["phone"]);
    s.title = Some(SpecText::Plain("France lags".to_owned()));
    let h = harness(s, Lang::En, false, [1000.0, 700.0]);
    let title = app::chart_record(&h.ctx).title.expect("fitted");
    assert_eq!(title.lines, ["France lags"]);
    assert!(!title.cut && (title.size_pt - heading).abs() < 1e-3);
}

#[test]
fn a_title_that_fits_when_smaller_is_shrunk_not_cut() {
    // three lines at the heading size in this window, two at a smaller size
    let medium = "Share of contacts resolved at the first attempt by channel in the United \
                  Kingdom, the Maghreb, Québec and France, latest value, 2016";
    let mut s = spec(ChartKind::BarsByChannel, &["fcr_pct"], &FOUR, &["phone"]);
    s.title = Some(SpecText::Plain(medium.to_owned()));
    let h = harness(s, Lang::En, false, [1000.0, 700.0]);
    let title = app::chart_record(&h.ctx).title.expect("fitted");
    let heading = egui::TextStyle::Heading.resolve(&h.ctx.global_style()).size;
    assert!(!title.cut, "{title:?}");
    assert!(title.lines.len() <= 2, "{title:?}");
    assert_eq!(title.lines.join(" "), medium);
    assert!(title.size_pt < heading, "{title:?}");
}

#[test]
fn rankings_and_heat_tables_fill_the_height_within_bounds_and_centre_the_block() {
    // two regions on a tall panel: bands capped (no slabs), the block centred
    let s = spec(ChartKind::Ranking, &["nps"], &["uk", "france"], &[]);
    let h = harness(s, Lang::En, false, [1000.0, 1000.0]);
    let rec = app::chart_record(&h.ctx);
    let frame = rec.frame.expect("the ranking was drawn");
    let band = rec.band_h.expect("band height");
    assert!(band <= 90.5, "band {band} px: capped");
    assert_eq!(rec.marks.len(), 2);
    for m in &rec.marks {
        assert!(m.height() <= 0.6 * band + 0.5, "bar {m:?} within its band");
    }
    let (above, below) = (
        frame.top() - rec.area.top(),
        rec.area.bottom() - frame.bottom(),
    );
    assert!(above > 150.0, "blank shared above the chart: {above}");
    // below the frame sit the axis ticks and title (about 40 px)
    assert!(
        (above - below).abs() < 60.0,
        "centred: {above} above, {below} below"
    );

    // twelve rows' worth of room for four regions on a short panel: the bands fill it
    let s = spec(ChartKind::Ranking, &["nps"], &FOUR, &[]);
    let h = harness(s, Lang::En, false, [1000.0, 560.0]);
    let rec = app::chart_record(&h.ctx);
    let frame = rec.frame.expect("drawn");
    assert!(
        frame.height() >= rec.area.height() - 70.0,
        "frame {frame:?} fills the area {:?}",
        rec.area
    );

    // a two-row heat table on a square panel: rows within bounds, block centred
    let s = spec(
        ChartKind::HeatTable,
        &["channel_use_pct"],
        &["uk", "france"],
        &["phone", "email", "chat"],
    );
    let h = harness(s, Lang::En, false, [1000.0, 1000.0]);
    let rec = app::chart_record(&h.ctx);
    let block = rec.frame.expect("the table was drawn");
    let row = rec.band_h.expect("row height");
    assert!((30.0..=110.0).contains(&row), "row {row}");
    assert_eq!(rec.marks.len(), 6);
    let (above, below) = (
        block.top() - rec.area.top(),
        rec.area.bottom() - block.bottom(),
    );
    assert!(
        above > 100.0 && (above - below).abs() < 12.0,
        "{above} / {below}"
    );
}

/// Text shapes painted inside `area`, with the colour they are drawn in.
fn texts_in(h: &Harness<'_, App>, area: Rect) -> Vec<(String, Rect, Color32)> {
    fn walk(shape: &Shape, area: Rect, out: &mut Vec<(String, Rect, Color32)>) {
        match shape {
            Shape::Vec(v) => v.iter().for_each(|s| walk(s, area, out)),
            Shape::Text(t) => {
                let rect = t.visual_bounding_rect();
                let colour = t
                    .override_text_color
                    .or_else(|| {
                        t.galley
                            .job
                            .sections
                            .first()
                            .map(|s| s.format.color)
                            .filter(|c| *c != Color32::PLACEHOLDER)
                    })
                    .unwrap_or(t.fallback_color);
                let text = t.galley.text().trim().replace('\n', " ");
                if area.intersects(rect) && !text.is_empty() {
                    out.push((text, rect, colour));
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for epaint::ClippedShape { shape, .. } in &h.output().shapes {
        walk(shape, area, &mut out);
    }
    out
}

#[test]
fn category_labels_never_overlap_the_bars_in_a_cramped_french_window() {
    for width in [800.0, 1000.0, 1150.0, 1250.0, 1400.0] {
        let s = spec(
            ChartKind::BarsByChannel,
            &["fcr_pct"],
            &FOUR,
            &["phone", "email", "chat"],
        );
        let mut h = harness(s, Lang::Fr, false, [width, 620.0]);
        h.state_mut().apply(AppCommand::ShowStory(true));
        h.state_mut()
            .apply(AppCommand::Deck(DeckCommand::Show(true)));
        h.run();
        let fig = h.state().figure().clone();
        let rec = app::chart_record(&h.ctx);
        assert_eq!(rec.marks.len(), 12, "width {width}: every bar drawn");
        let texts = texts_in(&h, rec.area);
        let names: Vec<_> = texts
            .iter()
            .filter(|(t, ..)| fig.x.categories.contains(t))
            .collect();
        // names never overprint each other, except in a degenerate plot (at 800 and 1000 pt
        // with the story panel and the deck window open the plot is a few dozen points wide;
        // the names then break inside words and touch)
        for (i, a) in names.iter().enumerate().filter(|_| width >= 1150.0) {
            for b in &names[i + 1..] {
                assert!(
                    !a.1.shrink(0.5).intersects(b.1),
                    "width {width}: {} {:?} and {} {:?} overprint",
                    a.0,
                    a.1,
                    b.0,
                    b.1
                );
            }
        }
        for cat in &fig.x.categories {
            let label = texts
                .iter()
                .find(|(t, ..)| t == cat)
                .unwrap_or_else(|| panic!("width {width}: no label for {cat}: {texts:?}"));
            for bar in &rec.marks {
                assert!(
                    !label.1.shrink(0.5).intersects(*bar),
                    "width {width}: label {cat} {:?} over bar {bar:?}",
                    label.1
                );
            }
            // wrapped between words, the text shrinking first: "Téléphone", not "Téléphon" +
            // "e" (only a band narrower than the word at the text floor still breaks it)
            let rows = text_rows(&h, cat);
            for pair in rows.windows(2).filter(|_| width >= 1150.0) {
                let (end, start) = (pair[0].chars().last(), pair[1].chars().next());
                assert!(
                    !(end.is_some_and(char::is_alphanumeric)
                        && start.is_some_and(char::is_alphanumeric)),
                    "width {width}: {cat} broken inside a word: {rows:?}"
                );
            }
        }
    }
}

/// The rows of the painted text `text`, as laid out (wrapped) on screen.
fn text_rows(h: &Harness<'_, App>, text: &str) -> Vec<String> {
    fn walk(shape: &Shape, text: &str, out: &mut Option<Vec<String>>) {
        match shape {
            Shape::Vec(v) => v.iter().for_each(|s| walk(s, text, out)),
            Shape::Text(t) if t.galley.text() == text => {
                *out = Some(
                    t.galley
                        .rows
                        .iter()
                        .map(|r| r.glyphs.iter().map(|g| g.chr).collect())
                        .collect(),
                );
            }
            _ => {}
        }
    }
    let mut out = None;
    for epaint::ClippedShape { shape, .. } in &h.output().shapes {
        walk(shape, text, &mut out);
    }
    out.unwrap_or_else(|| panic!("{text} is painted"))
}

#[test]
fn chart_texts_stay_legible_on_the_dark_theme() {
    let mut s = spec(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &FOUR,
        &["phone", "email", "chat"],
    );
    s.reference = vec![Reference::Average];
    for dark in [false, true] {
        let h = harness(s.clone(), Lang::En, dark, [1200.0, 760.0]);
        let rec = app::chart_record(&h.ctx);
        let bg = h.ctx.global_style().visuals.extreme_bg_color;
        let around = rec.frame.expect("plot").expand(60.0).intersect(rec.area);
        let texts = texts_in(&h, around);
        assert!(texts.len() > 10, "ticks, labels and values: {texts:?}");
        for (text, rect, colour) in texts {
            // texts over a bar are value labels placed above it, never on it
            let c = contrast(colour, bg);
            assert!(
                c >= 3.0,
                "dark {dark}: '{text}' at {rect:?} in {colour:?} on {bg:?}: contrast {c:.2}"
            );
        }
    }
}

/// WCAG 2 contrast ratio.
fn contrast(a: Color32, b: Color32) -> f32 {
    let ch = |c: Color32| [f64::from(c.r()), f64::from(c.g()), f64::from(c.b())];
    servicescope::chart::palette::contrast_ratio(ch(a), ch(b)) as f32
}

#[test]
fn a_negative_rankings_label_stays_clear_of_the_region_names() {
    // (at 1000 pt and less the French gap labels are wider than the plot leaves: not met)
    for width in [1100.0, 1400.0] {
        let s = spec(ChartKind::Ranking, &["nps"], &FOUR, &[]);
        let h = harness(s, Lang::Fr, false, [width, 700.0]);
        let fig = h.state().figure().clone();
        let rec = app::chart_record(&h.ctx);
        let texts = texts_in(&h, rec.area);
        let negative: Vec<_> = fig
            .series
            .iter()
            .flat_map(|s| &s.points)
            .filter(|p| p.value.is_some_and(|v| v < 0.0))
            .collect();
        assert!(!negative.is_empty(), "the fixture ranks a negative NPS");
        for p in negative {
            let label = texts
                .iter()
                .find(|(t, ..)| *t == p.label)
                .unwrap_or_else(|| panic!("width {width}: {} drawn: {texts:?}", p.label));
            for (name, rect, _) in texts.iter().filter(|(t, ..)| fig.x.categories.contains(t)) {
                assert!(
                    !label.1.intersects(*rect),
                    "width {width}: '{}' {:?} runs into '{name}' {rect:?}",
                    p.label,
                    label.1
                );
            }
        }
    }
}

#[test]
fn every_tick_the_core_chose_is_labelled_on_screen() {
    use servicescope::chart::layout;
    // egui_plot hid x labels closer than 60 pt: a line chart lost every year, a ranking its
    // value ticks
    let lines = spec(ChartKind::Lines, &["fcr_pct"], &FOUR, &["phone"]);
    let ranking = spec(ChartKind::Ranking, &["nps"], &FOUR, &[]);
    for (s, width) in [(lines, 1000.0), (ranking, 1000.0)] {
        let h = harness(s, Lang::En, false, [width, 700.0]);
        let fig = h.state().figure().clone();
        let texts = texts_in(&h, app::chart_record(&h.ctx).area);
        let axes = layout::axes(&fig, true);
        let wanted: Vec<String> = if fig.kind == ChartKind::Lines {
            axes.years.iter().map(i64::to_string).collect()
        } else {
            let scale = axes.value.expect("a value axis");
            scale.ticks.iter().map(|t| t.label.clone()).collect()
        };
        assert!(wanted.len() >= 3, "{:?}: {wanted:?}", fig.kind);
        let drawn: Vec<_> = texts.iter().filter(|(t, ..)| wanted.contains(t)).collect();
        // thinned on a narrow plot (every other year or tick), never all dropped, never touching
        assert!(
            drawn.len() >= 3,
            "{:?} at {width}: {drawn:?} of {wanted:?}",
            fig.kind
        );
        for (i, a) in drawn.iter().enumerate() {
            for b in &drawn[i + 1..] {
                assert!(!a.1.intersects(b.1), "{} touches {}", a.0, b.0);
            }
        }
    }
}

//! Chart export: PNG pixels, SVG structure and escaping, PDF pages, value labels, atomic
//! writes and an SVG snapshot. The command line: `export_cli`.
//!
//! The snapshot `tests/snapshots/export_bars_by_channel.svg` shows visual changes in review.
//! After an intended change, regenerate it with
//! `UPDATE_SNAPSHOTS=1 cargo test --test it export::svg_snapshot` and look at the diff.

use crate::fixtures::chart::{figure, opts_px, study_spec};
use crate::fixtures::data::temp_file;
use crate::fixtures::image::{count_colour, decode_png};
use crate::fixtures::svg::text_nodes;
use servicescope::chart::{self, ChartKind, ChartSpec, Locale};
use servicescope::export::{self, Background, ExportOptions, Format};
use std::path::Path;

fn bars_spec() -> ChartSpec {
    let mut s = study_spec(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &["uk", "france"],
        &["phone", "email", "twitter"],
    );
    s.value_labels = true;
    s
}

#[test]
fn png_has_requested_size_and_bar_colours() {
    let fig = figure(&bars_spec(), Locale::EnGb);
    let bytes = export::render(&fig, &opts_px(1280, 720), Format::Png).expect("renders");
    let (w, h, colour, pixels) = decode_png(&bytes);
    assert_eq!((w, h), (1280, 720));
    assert_eq!(colour, png::ColorType::Rgb);
    // measured/estimated bars are drawn in the region colours (UK blue, France vermillion)
    let uk = count_colour(&pixels, 3, fig.series[0].colour);
    let france = count_colour(&pixels, 3, fig.series[1].colour);
    assert!(uk > 500, "UK colour pixels: {uk}");
    assert!(france > 500, "France colour pixels: {france}");
    // text was drawn: dark pixels exist (usvg drops text silently without fonts)
    let dark = pixels
        .chunks_exact(3)
        .filter(|p| p.iter().all(|&c| c < 60))
        .count();
    assert!(dark > 2000, "dark text pixels: {dark}");
}

#[test]
fn transparent_png_has_alpha_and_4k_size() {
    let fig = figure(&bars_spec(), Locale::EnGb);
    let mut o = ExportOptions::for_spec(
        &bars_spec(),
        export::size::parse("4k", None).expect("preset"),
    );
    o.background = Background::Transparent;
    let bytes = export::render(&fig, &o, Format::Png).expect("renders");
    let (w, h, colour, pixels) = decode_png(&bytes);
    assert_eq!((w, h, colour), (3840, 2160, png::ColorType::Rgba));
    assert_eq!(&pixels[..4], &[0, 0, 0, 0], "corner is transparent");
    assert!(count_colour(&pixels, 4, fig.series[0].colour) > 1000);
}

#[test]
fn rgba_for_preview_matches_size() {
    let fig = figure(&bars_spec(), Locale::EnGb);
    let (w, h, px) = export::render_rgba(&fig, &opts_px(640, 360)).expect("renders");
    assert_eq!((w, h), (640, 360));
    assert_eq!(px.len(), 640 * 360 * 4);
    assert_eq!(&px[..4], &[255, 255, 255, 255]);
}

#[test]
fn svg_has_title_sources_escaped_names_and_grade_marking() {
    let (_d, data) = temp_file(
        "odd.ron",
        r#"Dataset(
            sources: [Source(id: "odd-src", title: "Survey <2015> & \"friends\"", publisher: "Acme & Co", date: "2015", kind: Report)],
            regions: [Region(id: "mt", name: (en: "<Maroc & \"Tunisie\"> المغرب 😀", fr: "<Maroc & \"Tunisie\"> المغرب 😀"), kind: Group)],
            observations: [
                (region: "mt", channel: "phone", indicator: "fcr_pct", period: "2015", value: 61.5, source: "odd-src", grade: Measured),
                (region: "uk", channel: "phone", indicator: "fcr_pct", period: "2015", value: 70, source: "odd-src", grade: Estimated, note: "derived"),
            ],
        )"#,
    );
    let ds = crate::fixtures::data::on_catalog_file(&data);
    let mut s = study_spec(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &["mt", "uk"],
        &["phone"],
    );
    s.title = Some("FCR <phone> & \"co\"".into());
    let fig = chart::build(&ds, &s, Locale::EnGb);
    let svg = export::render_svg(&fig, &opts_px(1280, 720));
    let texts = text_nodes(&svg);
    let name = "<Maroc & \"Tunisie\"> المغرب 😀";
    assert!(
        texts.iter().any(|t| t == "FCR <phone> & \"co\""),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains(name)), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Source: Acme & Co, “Survey <2015> & \"friends\"”")),
        "{texts:?}"
    );
    assert!(svg.contains("&lt;Maroc &amp; &quot;Tunisie&quot;&gt; المغرب 😀"));
    // estimated bar: dashed dark outline
    assert!(svg.contains("stroke-dasharray"), "estimated outline");
    // the SVG also renders (Arabic and emoji do not break the pipeline)
    let png = export::render(&fig, &opts_px(800, 450), Format::Png).expect("renders");
    assert_eq!(decode_png(&png).0, 800);
}

#[test]
fn illustrative_values_are_hatched_and_noticed() {
    let fig = figure(&bars_spec(), Locale::EnGb);
    assert!(
        fig.grades
            .contains(&servicescope::model::Grade::Illustrative)
    );
    let svg = export::render_svg(&fig, &opts_px(1280, 720));
    // bars: light fill plus a path of diagonal hatch lines; markers use the pattern
    let hatches = svg
        .matches(r##"" stroke="#1a1a1a" stroke-opacity="0.5""##)
        .count();
    assert!(
        hatches >= 6,
        "one hatch path per illustrative bar: {hatches}"
    );
    assert!(svg.contains(r#"<pattern id="hatch""#));
    let texts = text_nodes(&svg);
    assert!(
        texts.iter().any(|t| t == "Illustrative"),
        "grade key: {texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains("illustrative")), "notice");
}

#[test]
fn french_locale_formats_numbers_and_labels() {
    let fig = figure(&bars_spec(), Locale::FrFr);
    let texts = text_nodes(&export::render_svg(&fig, &opts_px(1280, 720)));
    assert!(texts.iter().any(|t| t == "Téléphone"), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.ends_with("\u{202F}%")),
        "fr-FR ticks and values: {texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Source\u{a0}: ") || t.starts_with("Sources\u{a0}: ")),
        "{texts:?}"
    );
}

#[test]
fn pdf_has_one_page() {
    let fig = figure(&bars_spec(), Locale::EnGb);
    let bytes = export::render(&fig, &opts_px(1280, 720), Format::Pdf).expect("renders");
    assert!(bytes.starts_with(b"%PDF"));
    let text = String::from_utf8_lossy(&bytes);
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    assert_eq!(pages, 1);
    assert!(text.contains("/Count 1"));
}

#[test]
fn pdf_bytes_are_the_same_for_the_same_input() {
    // a ranking has several transparency states: their dictionary order used to vary per run
    let fig = figure(
        &study_spec(ChartKind::Ranking, &["nps"], &[], &[]),
        Locale::FrFr,
    );
    let first = export::render(&fig, &opts_px(1280, 720), Format::Pdf).expect("renders");
    for _ in 0..8 {
        let again = export::render(&fig, &opts_px(1280, 720), Format::Pdf).expect("renders");
        assert!(again == first, "PDF bytes changed between two runs");
    }
}

#[test]
fn every_kind_renders_to_valid_svg_and_png() {
    let cases = [
        study_spec(ChartKind::BarsByChannel, &["aht_s"], &[], &[]),
        study_spec(
            ChartKind::BarsByIndicator,
            &["fcr_pct", "abandon_pct"],
            &[],
            &[],
        ),
        study_spec(
            ChartKind::Lines,
            &["fcr_pct"],
            &["uk", "france"],
            &["phone"],
        ),
        study_spec(ChartKind::Scatter, &["aht_s", "fcr_pct"], &[], &[]),
        study_spec(
            ChartKind::Radar,
            &["fcr_pct", "aht_s", "asa_s", "abandon_pct"],
            &[],
            &[],
        ),
        study_spec(ChartKind::Ranking, &["nps"], &[], &[]),
        study_spec(ChartKind::HeatTable, &["channel_pref_pct"], &[], &[]),
    ];
    for s in &cases {
        let fig = figure(s, Locale::EnGb);
        assert!(!fig.is_empty(), "{:?} has data", s.kind);
        let svg = export::render_svg(&fig, &opts_px(960, 540));
        let texts = text_nodes(&svg);
        assert!(texts.contains(&fig.title), "{:?}: title", s.kind);
        assert!(
            texts.iter().any(|t| t.starts_with("Source")),
            "{:?}: sources",
            s.kind
        );
        let png = export::render(&fig, &opts_px(960, 540), Format::Png).expect("renders");
        let (w, h, colour, pixels) = decode_png(&png);
        assert_eq!((w, h), (960, 540), "{:?}", s.kind);
        // something is drawn, in several colours: marks, not only a blank page with a title
        let channels = match colour {
            png::ColorType::Rgba => 4,
            png::ColorType::Rgb => 3,
            other => panic!("{:?}: colour type {other:?}", s.kind),
        };
        let px: Vec<&[u8]> = pixels.chunks(channels).collect();
        let inked = px.iter().filter(|p| p[..3] != [255, 255, 255]).count();
        assert!(
            inked * 100 > px.len() * 3,
            "{:?}: {inked} of {} pixels drawn",
            s.kind,
            px.len()
        );
        let colours: std::collections::BTreeSet<[u8; 3]> = px
            .iter()
            .filter(|p| {
                let (max, min) = (p[..3].iter().max(), p[..3].iter().min());
                // saturated pixels: the marks' colours, not grey text or grid lines
                matches!((max, min), (Some(a), Some(b)) if a - b > 60)
            })
            .map(|p| [p[0] & 0xf0, p[1] & 0xf0, p[2] & 0xf0])
            .collect();
        assert!(
            !colours.is_empty(),
            "{:?}: no coloured mark in the picture",
            s.kind
        );
    }
}

#[test]
fn empty_figure_shows_its_warning() {
    let fig = figure(
        &study_spec(ChartKind::BarsByChannel, &["fcr_pct"], &["mars"], &[]),
        Locale::EnGb,
    );
    let texts = text_nodes(&export::render_svg(&fig, &opts_px(1280, 720)));
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Not found in the data: region “mars”")),
        "{texts:?}"
    );
}

#[test]
fn failed_write_leaves_previous_file_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fig = figure(&bars_spec(), Locale::EnGb);
    // refused without overwrite
    let target = dir.path().join("chart.png");
    std::fs::write(&target, b"previous").expect("write");
    let err = export::export_to_file(&fig, &opts_px(640, 360), Format::Png, &target, false)
        .expect_err("refuses");
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&target).expect("read"), b"previous");
    // a destination that cannot be replaced (a non-empty directory): the rename fails
    let blocked = dir.path().join("blocked.png");
    std::fs::create_dir(&blocked).expect("mkdir");
    std::fs::write(blocked.join("keep.txt"), b"keep").expect("write");
    assert!(export::export_to_file(&fig, &opts_px(640, 360), Format::Png, &blocked, true).is_err());
    assert_eq!(
        std::fs::read(blocked.join("keep.txt")).expect("read"),
        b"keep"
    );
    // no temporary file left behind
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn svg_snapshot() {
    let fig = figure(&bars_spec(), Locale::EnGb);
    let svg = export::render_svg(&fig, &opts_px(1280, 720));
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/export_bars_by_channel.svg");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, &svg).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_SNAPSHOTS=1 to create it",
            path.display()
        )
    });
    assert!(
        expected == svg,
        "the exported SVG changed; if intended, run with UPDATE_SNAPSHOTS=1 and review the diff of {}",
        path.display()
    );
}

#[test]
fn value_labels_are_printed_only_while_they_fit_as_on_screen() {
    let small = figure(&bars_spec(), Locale::EnGb);
    assert!(small.shows_values(true) && !small.shows_values(false));
    let mut off = opts_px(1600, 900);
    off.value_labels = false;
    assert_ne!(
        export::render_svg(&small, &opts_px(1600, 900)),
        export::render_svg(&small, &off),
        "labels requested on a small chart change the drawing"
    );

    // past the limit (series repeated until there are too many bars) nothing is labelled
    let mut big = small.clone();
    while big.point_count() <= servicescope::chart::VALUE_LABEL_LIMIT {
        big.series.push(small.series[0].clone());
    }
    assert!(!big.shows_values(true));
    assert_eq!(
        export::render_svg(&big, &opts_px(1600, 900)),
        export::render_svg(&big, &off)
    );
}

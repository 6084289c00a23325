//! PowerPoint native charts: the chart XML and the embedded workbook (read back with calamine)
//! hold the figure's values, a radar plots its scores, grades are styled per point.

use crate::fixtures::chart::spec;
use crate::fixtures::data::benchmark;
use crate::fixtures::pptx::{render, text, unzip};
use calamine::{Data, Reader, Xlsx};
use servicescope::chart::{self, ChartKind, Locale};
use servicescope::export::pptx::PptxOptions;
use servicescope::model::Grade;
use std::collections::BTreeMap;

/// (series name, values by point index) of a chart part, read from its XML cache.
fn chart_series(xml: &str) -> Vec<(String, BTreeMap<usize, f64>)> {
    let doc = roxmltree::Document::parse(xml).expect("chart parses");
    doc.descendants()
        .filter(|n| n.has_tag_name("ser"))
        .map(|ser| {
            let name = ser
                .descendants()
                .find(|n| n.has_tag_name("tx"))
                .and_then(|tx| tx.descendants().find(|n| n.has_tag_name("v")))
                .and_then(|v| v.text())
                .unwrap_or_default()
                .to_owned();
            let val = ser
                .children()
                .find(|n| n.has_tag_name("val") || n.has_tag_name("yVal"))
                .expect("values");
            let values = val
                .descendants()
                .filter(|n| n.has_tag_name("pt"))
                .map(|pt| {
                    let idx: usize = pt.attribute("idx").expect("idx").parse().expect("int");
                    let v: f64 = pt
                        .children()
                        .find(|n| n.has_tag_name("v"))
                        .and_then(|v| v.text())
                        .expect("v")
                        .parse()
                        .expect("number");
                    (idx, v)
                })
                .collect();
            (name, values)
        })
        .collect()
}

#[test]
fn chart_values_and_workbook_equal_the_figure() {
    let ds = benchmark();
    let fig = chart::build(
        &ds,
        &spec(
            ChartKind::BarsByChannel,
            &["channel_use_pct"],
            &["france", "quebec", "morocco"],
            &[],
        ),
        Locale::EnGb,
    );
    let parts = unzip(&render(&ds, &[&fig], &PptxOptions::default()));
    let series = chart_series(&text(&parts, "ppt/charts/chart1.xml"));
    assert_eq!(series.len(), fig.series.len());
    let mut missing = 0;
    for ((name, values), s) in series.iter().zip(&fig.series) {
        assert_eq!(name, &s.label);
        let expected: BTreeMap<usize, f64> = s
            .points
            .iter()
            .map(|p| (p.category().expect("a bar"), p.value.expect("a value")))
            .collect();
        assert_eq!(values, &expected, "{name}");
        missing += fig.x.categories.len() - expected.len();
    }
    assert!(
        missing > 0,
        "some regions lack some channels: those stay gaps"
    );
    // the embedded workbook holds the same numbers where the formulas point
    let book = parts
        .get("ppt/embeddings/Microsoft_Excel_Worksheet_1.xlsx")
        .expect("workbook");
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(book.clone())).expect("xlsx");
    let sheet = wb.worksheet_range("Sheet1").expect("Sheet1");
    for (i, c) in fig.x.categories.iter().enumerate() {
        assert_eq!(
            sheet.get_value((i as u32 + 1, 0)),
            Some(&Data::String(c.clone()))
        );
    }
    for (k, s) in fig.series.iter().enumerate() {
        let col = k as u32 + 1;
        assert_eq!(
            sheet.get_value((0, col)),
            Some(&Data::String(s.label.clone()))
        );
        for i in 0..fig.x.categories.len() {
            let cell = sheet.get_value((i as u32 + 1, col));
            match s.points.iter().find(|p| p.category() == Some(i)) {
                Some(p) => assert_eq!(cell, p.value.map(Data::Float).as_ref()),
                None => assert!(
                    matches!(cell, None | Some(Data::Empty)),
                    "missing value written as {cell:?}"
                ),
            }
        }
    }
    // the long table: region, channel, period, grade, source of every value
    let header: Vec<String> = (0..20)
        .filter_map(|c| match sheet.get_value((0, c)) {
            Some(Data::String(s)) => Some(s.clone()),
            _ => None,
        })
        .collect();
    for h in ["Region", "Channel", "Period", "Grade", "Source"] {
        assert!(header.iter().any(|x| x == h), "{h} in {header:?}");
    }
    let rows = fig.point_count();
    let region_col = (0..20)
        .find(|&c| sheet.get_value((0, c)) == Some(&Data::String("Region".into())))
        .expect("region column");
    assert!(matches!(
        sheet.get_value((rows as u32, region_col)),
        Some(Data::String(_))
    ));
    assert!(matches!(
        sheet.get_value((rows as u32 + 1, region_col)),
        None | Some(Data::Empty)
    ));
}

#[test]
fn a_native_radar_plots_the_scores_its_axis_names() {
    // the axis runs 0–1 from the centre: the worst region's score 0 sits at 0 (the painters'
    // radius floor, 0.15, is theirs); python-pptx caught 0.15 != 0.0 in CI
    let ds = benchmark();
    let fig = chart::build(
        &ds,
        &spec(
            ChartKind::Radar,
            &["fcr_pct", "aht_s", "asa_s"],
            &["uk", "france", "quebec"],
            &["phone"],
        ),
        Locale::EnGb,
    );
    let parts = unzip(&render(&ds, &[&fig], &PptxOptions::default()));
    let series = chart_series(&text(&parts, "ppt/charts/chart1.xml"));
    assert_eq!(series.len(), fig.series.len());
    let mut zeros = 0;
    for ((name, values), s) in series.iter().zip(&fig.series) {
        let expected: BTreeMap<usize, f64> = s
            .points
            .iter()
            .filter_map(|p| Some((p.spoke()?.0, p.score()?)))
            .collect();
        zeros += expected.values().filter(|v| **v == 0.0).count();
        for (axis, score) in &expected {
            let got = values.get(axis).copied().unwrap_or(f64::NAN);
            assert!(
                (got - score).abs() < 1e-9,
                "{name} axis {axis}: {got} != {score}"
            );
        }
    }
    assert!(
        zeros > 0,
        "some region is the worst on some axis: its score is 0"
    );
}

#[test]
fn grades_are_styled_per_point() {
    let ds = benchmark();
    // the Maghreb's social-media response rate is illustrative, France's measured
    let fig = chart::build(
        &ds,
        &spec(
            ChartKind::BarsByChannel,
            &["social_response_pct"],
            &["maghreb", "france"],
            &[],
        ),
        Locale::FrFr,
    );
    let grades: Vec<Grade> = fig
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.grade))
        .collect();
    assert!(grades.contains(&Grade::Illustrative) && grades.contains(&Grade::Measured));
    let parts = unzip(&render(&ds, &[&fig], &PptxOptions::default()));
    let xml = text(&parts, "ppt/charts/chart1.xml");
    let doc = roxmltree::Document::parse(&xml).expect("parses");
    let hatched = doc
        .descendants()
        .filter(|n| n.has_tag_name("dPt"))
        .filter(|d| d.descendants().any(|n| n.has_tag_name("pattFill")))
        .count();
    let illustrative = grades.iter().filter(|g| **g == Grade::Illustrative).count();
    assert_eq!(
        hatched, illustrative,
        "one hatched data point per illustrative value"
    );
    assert!(xml.contains("<c:lang val=\"fr-FR\"/>"));
    // lines through illustrative values are dashed
    let lines = chart::build(
        &ds,
        &spec(
            ChartKind::Lines,
            &["fcr_pct"],
            &["uk", "france"],
            &["phone"],
        ),
        Locale::EnGb,
    );
    assert!(
        lines
            .series
            .iter()
            .flat_map(|s| &s.points)
            .all(|p| p.grade == Grade::Illustrative)
    );
    let parts_lines = unzip(&render(&ds, &[&lines], &PptxOptions::default()));
    let xml_lines = text(&parts_lines, "ppt/charts/chart1.xml");
    let doc_lines = roxmltree::Document::parse(&xml_lines).expect("parses");
    for ser in doc_lines.descendants().filter(|n| n.has_tag_name("ser")) {
        let sppr = ser
            .children()
            .find(|n| n.has_tag_name("spPr"))
            .expect("series spPr");
        assert!(
            sppr.descendants()
                .any(|n| n.has_tag_name("prstDash") && n.attribute("val") == Some("dash")),
            "dashed line"
        );
    }
    assert!(
        xml.contains("0&quot;\u{202F}%&quot;"),
        "French percent format"
    );
    // the key is in the footnote
    let slide = text(&parts, "ppt/slides/slide1.xml");
    assert!(slide.contains("hachurées"), "grade notice on the slide");
}

//! PowerPoint export: the written package opened and checked part by part (content types,
//! relationships, every XML part), for every chart kind; the same input gives the same bytes;
//! picture slides carry PNG and SVG. Chart XML: `pptx_chart_xml`; templates:
//! `pptx_template`; the command line: `pptx_cli`.

use crate::fixtures::data::benchmark;
use crate::fixtures::pptx::{check_package, every_kind, render, text, unzip};
use servicescope::chart::Figure;
use servicescope::export::pptx::{ChartMode, PptxOptions};

#[test]
fn every_kind_makes_a_complete_package() {
    let ds = benchmark();
    let figs = every_kind(&ds);
    for f in &figs {
        assert!(!f.is_empty(), "{:?} shows values: {:?}", f.kind, f.warnings);
    }
    let refs: Vec<&Figure> = figs.iter().collect();
    let parts = unzip(&render(&ds, &refs, &PptxOptions::default()));
    check_package(&parts);
    let pres = text(&parts, "ppt/presentation.xml");
    assert_eq!(pres.matches("<p:sldId ").count(), figs.len());
    assert!(
        pres.contains("<p:sldSz cx=\"12192000\" cy=\"6858000\"/>"),
        "16:9"
    );
    // seven native charts with a workbook each, one table, one picture (coverage)
    let charts: Vec<&String> = parts
        .keys()
        .filter(|n| n.starts_with("ppt/charts/chart") && n.ends_with(".xml"))
        .collect();
    assert_eq!(charts.len(), 7, "{charts:?}");
    assert_eq!(
        parts
            .keys()
            .filter(|n| n.starts_with("ppt/embeddings/") && n.ends_with(".xlsx"))
            .count(),
        7
    );
    let kinds: Vec<&str> = [
        "barDir val=\"col\"",
        "lineChart",
        "scatterChart",
        "radarChart",
        "barDir val=\"bar\"",
    ]
    .into_iter()
    .filter(|k| charts.iter().any(|c| text(&parts, c).contains(k)))
    .collect();
    assert_eq!(
        kinds.len(),
        5,
        "column, line, scatter, radar and bar charts: {kinds:?}"
    );
    let slides: String = (1..=figs.len())
        .map(|i| text(&parts, &format!("ppt/slides/slide{i}.xml")))
        .collect();
    assert_eq!(
        slides.matches("<a:tbl>").count(),
        1,
        "the heat table is a native table"
    );
    assert_eq!(
        slides.matches("<p:pic>").count(),
        1,
        "coverage is a picture"
    );
    assert!(slides.contains("svgBlip"), "the picture carries its SVG");
    // the title is in the layout's title placeholder, notes hold the full citations
    assert!(text(&parts, "ppt/slides/slide1.xml").contains("<p:ph type=\"title\"/>"));
    let notes = text(&parts, "ppt/notesSlides/notesSlide1.xml");
    assert!(notes.starts_with("<?xml") && notes.contains("Sources:"));
    let first = &figs[0].series[0].points[0];
    assert!(
        notes.contains(&format!("[{}] ", first.source)),
        "full citation of {}",
        first.source
    );
    for s in &figs[0].series {
        assert!(
            notes.contains(&format!("– {}", s.label)),
            "values of {} in the notes",
            s.label
        );
    }
}

#[test]
fn same_input_gives_same_bytes() {
    let ds = benchmark();
    let figs = every_kind(&ds);
    let refs: Vec<&Figure> = figs.iter().collect();
    let a = render(&ds, &refs, &PptxOptions::default());
    let b = render(&ds, &refs, &PptxOptions::default());
    assert!(a == b, "two renders differ");
    let pic = PptxOptions {
        charts: ChartMode::Picture,
        template: None,
    };
    assert!(render(&ds, &refs[..2], &pic) == render(&ds, &refs[..2], &pic));
}

#[test]
fn picture_slides_carry_png_and_svg() {
    let ds = benchmark();
    let figs = every_kind(&ds);
    let pic = PptxOptions {
        charts: ChartMode::Picture,
        template: None,
    };
    let parts = unzip(&render(&ds, &[&figs[0], &figs[2]], &pic));
    check_package(&parts);
    assert!(parts.keys().all(|n| !n.starts_with("ppt/charts/")));
    let png = parts.get("ppt/media/image1.png").expect("png");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(text(&parts, "ppt/media/image1.svg").contains("<svg"));
    let slide = text(&parts, "ppt/slides/slide1.xml");
    assert!(slide.contains("asvg:svgBlip") && slide.contains("r:embed=\"rId4\""));
}

//! PowerPoint templates: their layouts, theme and slide size are used; a bad template is
//! refused with the file and what was expected.

use crate::fixtures::cli::run;
use crate::fixtures::data::benchmark;
use crate::fixtures::pptx::{check_package, every_kind, relationships, render, text, unzip};
use servicescope::export::pptx::{ChartMode, PptxOptions};

const TEMPLATE: &str = "tests/data/pptx/python-pptx-default-4x3.pptx";

#[test]
fn template_layouts_theme_and_size_are_used() {
    let ds = benchmark();
    let figs = every_kind(&ds);
    let opts = PptxOptions {
        charts: ChartMode::Native,
        template: Some(TEMPLATE.into()),
    };
    let parts = unzip(&render(&ds, &[&figs[0], &figs[5], &figs[6]], &opts));
    check_package(&parts);
    let template = unzip(&std::fs::read(TEMPLATE).expect("template"));
    // its theme and master are kept as they are, its own slide is left out
    assert_eq!(
        parts.get("ppt/theme/theme1.xml"),
        template.get("ppt/theme/theme1.xml")
    );
    assert_eq!(
        parts.get("ppt/slideMasters/slideMaster1.xml"),
        template.get("ppt/slideMasters/slideMaster1.xml")
    );
    for name in template
        .keys()
        .filter(|n| n.starts_with("ppt/slideLayouts/"))
    {
        assert!(parts.contains_key(name), "{name} kept");
    }
    let pres = text(&parts, "ppt/presentation.xml");
    assert_eq!(pres.matches("<p:sldId ").count(), 3);
    assert!(
        pres.contains("cx=\"9144000\" cy=\"6858000\""),
        "the template's 4:3 size"
    );
    for i in 1..=3 {
        assert!(!text(&parts, &format!("ppt/slides/slide{i}.xml")).contains("must leave out"));
    }
    // layout 1 is a title slide (centred title); layout 2 is the first with a slide title
    let rels = relationships(&parts);
    assert!(
        rels.iter()
            .any(|(s, _, t)| s == "ppt/slides/slide1.xml"
                && t == "ppt/slideLayouts/slideLayout2.xml")
    );
    let layout = text(&parts, "ppt/slideLayouts/slideLayout2.xml");
    assert!(layout.contains("type=\"title\""));
    // the subtitle and the chart start below the template's title box (its master puts the
    // title at y = 274638 EMU, 1143000 high)
    let slide = text(&parts, "ppt/slides/slide1.xml");
    let doc = roxmltree::Document::parse(&slide).expect("slide parses");
    let tops: Vec<i64> = doc
        .descendants()
        .filter(|n| n.has_tag_name("off"))
        .filter(|n| !n.ancestors().any(|a| a.has_tag_name("grpSpPr")))
        .map(|n| n.attribute("y").expect("y").parse().expect("int"))
        .collect();
    assert!(tops.len() >= 2, "{tops:?}");
    assert!(tops.iter().all(|&y| y >= 274_638 + 1_143_000), "{tops:?}");
}

#[test]
fn bad_templates_are_refused_with_the_file_and_what_was_expected() {
    let (dir, spec) = crate::fixtures::cli::fcr_bars_file();
    let not_zip = dir.path().join("notes.pptx");
    std::fs::write(&not_zip, "just text").expect("write");
    // a zip that is a workbook, not a presentation
    let book = dir.path().join("book.pptx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write_string(0, 0, "x").expect("cell");
    wb.save(&book).expect("save");
    let out = dir.path().join("out.pptx");
    for (bad, says) in [
        (&not_zip, "not a zip package"),
        (&book, "no PowerPoint presentation part"),
    ] {
        let (code, _, err) = run(&[
            "export",
            "--chart",
            spec.to_str().expect("utf8"),
            "--out",
            out.to_str().expect("utf8"),
            "--template",
            bad.to_str().expect("utf8"),
        ]);
        assert_eq!(code, 1, "{err}");
        assert!(
            err.contains(bad.to_str().expect("utf8")) && err.contains(says),
            "{err}"
        );
        assert!(err.contains("expected a PowerPoint presentation"), "{err}");
        assert!(!out.exists(), "nothing written");
    }
}

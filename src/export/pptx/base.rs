//! The minimal default template written when no `--template` is given: one theme, one slide
//! master with a title and a body placeholder, one "Title Only" layout, a notes master,
//! presentation, view and table-style properties, and the document properties. Like
//! python-pptx's default template, it is the smallest set PowerPoint, LibreOffice and
//! python-pptx open without repair.

use super::package::{Package, Relationship, ct, rel};
use super::xml::{DECLARATION, esc, ns_apr};

/// Font of every text in the default theme (LibreOffice substitutes the metric-compatible
/// Carlito where Calibri is missing).
pub const FONT: &str = "Calibri";

/// Slide size in EMU.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlideSize {
    /// Width.
    pub cx: i64,
    /// Height.
    pub cy: i64,
}

impl SlideSize {
    /// A 16:9 slide (33.867 × 19.05 cm).
    pub const WIDE: SlideSize = SlideSize {
        cx: 12_192_000,
        cy: 6_858_000,
    };

    /// The slide for an image of `width_px` × `height_px`: 19.05 cm high and as wide as the
    /// aspect ratio says (16:9 → 33.867 cm, 4:3 → 25.4 cm), within PowerPoint's 2.54–142.24 cm.
    pub fn for_aspect(width_px: u32, height_px: u32) -> SlideSize {
        let cy = 6_858_000_i64;
        let ratio = f64::from(width_px.max(1)) / f64::from(height_px.max(1));
        let cx = ((cy as f64) * ratio).round() as i64;
        // snap to the exact standard widths when the ratio is theirs
        let cx = if (ratio - 16.0 / 9.0).abs() < 0.01 {
            12_192_000
        } else if (ratio - 4.0 / 3.0).abs() < 0.01 {
            9_144_000
        } else {
            cx.clamp(914_400, 51_206_400)
        };
        SlideSize { cx, cy }
    }
}

/// Fixed relationship ids of presentation.xml in the default template.
pub const MASTER_RID: &str = "rId1";
/// Notes master relationship id.
pub const NOTES_MASTER_RID: &str = "rId2";

const THEME: &str = r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="servicescope"><a:themeElements><a:clrScheme name="servicescope"><a:dk1><a:srgbClr val="1A1A1A"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="2B3A4A"/></a:dk2><a:lt2><a:srgbClr val="EEF3F8"/></a:lt2><a:accent1><a:srgbClr val="0072B2"/></a:accent1><a:accent2><a:srgbClr val="E69F00"/></a:accent2><a:accent3><a:srgbClr val="009E73"/></a:accent3><a:accent4><a:srgbClr val="D55E00"/></a:accent4><a:accent5><a:srgbClr val="56B4E9"/></a:accent5><a:accent6><a:srgbClr val="CC79A7"/></a:accent6><a:hlink><a:srgbClr val="0072B2"/></a:hlink><a:folHlink><a:srgbClr val="5D3A9B"/></a:folHlink></a:clrScheme><a:fontScheme name="servicescope"><a:majorFont><a:latin typeface="FONT"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="FONT"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="servicescope"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="28575"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#;

const CLR_MAP: &str = r#"<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>"#;

const GROUP: &str = r#"<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#;

/// The empty group properties every shape tree starts with.
pub fn group_header() -> &'static str {
    GROUP
}

/// A theme part.
pub fn theme_xml() -> String {
    format!("{DECLARATION}{}", THEME.replace("FONT", FONT))
}

/// Where the title placeholder sits on a slide of `size` (x, y, cx, cy in EMU).
pub fn title_box(size: SlideSize) -> (i64, i64, i64, i64) {
    let m = size.cx * 35 / 1000;
    (
        m,
        size.cy * 25 / 1000,
        size.cx - 2 * m,
        size.cy * 115 / 1000,
    )
}

fn placeholder(id: u32, name: &str, ph: &str, b: (i64, i64, i64, i64), body: &str) -> String {
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr><p:txBody>{body}<a:lstStyle/><a:p><a:endParaRPr lang=\"en-GB\"/></a:p></p:txBody></p:sp>",
        b.0, b.1, b.2, b.3
    )
}

fn master_xml(size: SlideSize) -> String {
    let title = placeholder(
        2,
        "Title Placeholder 1",
        "<p:ph type=\"title\"/>",
        title_box(size),
        "<a:bodyPr vert=\"horz\" anchor=\"b\"><a:normAutofit/></a:bodyPr>",
    );
    let m = size.cx * 35 / 1000;
    let body = placeholder(
        3,
        "Text Placeholder 2",
        "<p:ph type=\"body\" idx=\"1\"/>",
        (m, size.cy * 2 / 10, size.cx - 2 * m, size.cy * 7 / 10),
        "<a:bodyPr vert=\"horz\"><a:normAutofit/></a:bodyPr>",
    );
    let level = |sz: u32, bold: bool| {
        format!(
            "<a:lvl1pPr algn=\"l\"><a:defRPr sz=\"{sz}\" b=\"{}\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mj-lt\"/></a:defRPr></a:lvl1pPr>",
            u8::from(bold)
        )
    };
    format!(
        "{DECLARATION}<p:sldMaster {}><p:cSld><p:bg><p:bgPr><a:solidFill><a:schemeClr val=\"bg1\"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>{GROUP}{title}{body}</p:spTree></p:cSld>{CLR_MAP}<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle>{}</p:titleStyle><p:bodyStyle>{}</p:bodyStyle><p:otherStyle>{}</p:otherStyle></p:txStyles></p:sldMaster>",
        ns_apr(),
        level(2600, true),
        level(1800, false),
        level(1200, false),
    )
}

fn layout_xml() -> String {
    format!(
        "{DECLARATION}<p:sldLayout {} type=\"titleOnly\" preserve=\"1\"><p:cSld name=\"Title Only\"><p:spTree>{GROUP}<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-GB\"/></a:p></p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>",
        ns_apr()
    )
}

/// The notes master (portrait notes page with the slide image and the notes body).
pub fn notes_master_xml() -> String {
    let img = "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"381000\" y=\"685800\"/><a:ext cx=\"6096000\" cy=\"3429000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr></p:sp>";
    let body = "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" sz=\"quarter\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"685800\" y=\"4400550\"/><a:ext cx=\"5486400\" cy=\"3600450\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr vert=\"horz\"/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-GB\"/></a:p></p:txBody></p:sp>";
    format!(
        "{DECLARATION}<p:notesMaster {}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>{GROUP}{img}{body}</p:spTree></p:cSld>{CLR_MAP}<p:notesStyle><a:lvl1pPr><a:defRPr sz=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl1pPr></p:notesStyle></p:notesMaster>",
        ns_apr()
    )
}

/// The presentation part: masters, slides (`(slide id, relationship id)`), sizes.
pub fn presentation_xml(size: SlideSize, slides: &[(u32, String)]) -> String {
    let ids: String = slides
        .iter()
        .map(|(id, rid)| format!("<p:sldId id=\"{id}\" r:id=\"{}\"/>", esc(rid)))
        .collect();
    format!(
        "{DECLARATION}<p:presentation {} saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"{MASTER_RID}\"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id=\"{NOTES_MASTER_RID}\"/></p:notesMasterIdLst><p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx=\"{}\" cy=\"{}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>",
        ns_apr(),
        size.cx,
        size.cy
    )
}

fn rid(n: usize) -> String {
    format!("rId{n}")
}

/// Fills `pkg` with the default template for slides of `size`; returns the layout part the
/// slides use. The presentation part and its relationships are written later
/// ([`finish_presentation`]), once the slides are known.
pub fn add_default_template(pkg: &mut Package, size: SlideSize) -> String {
    pkg.put(
        "ppt/slideMasters/slideMaster1.xml",
        master_xml(size).into_bytes(),
        Some(ct::MASTER),
    );
    pkg.put_rels(
        "ppt/slideMasters/slideMaster1.xml",
        &[
            Relationship {
                id: rid(1),
                ty: rel::SLIDE_LAYOUT.into(),
                target: "../slideLayouts/slideLayout1.xml".into(),
            },
            Relationship {
                id: rid(2),
                ty: rel::THEME.into(),
                target: "../theme/theme1.xml".into(),
            },
        ],
    );
    pkg.put(
        "ppt/slideLayouts/slideLayout1.xml",
        layout_xml().into_bytes(),
        Some(ct::LAYOUT),
    );
    pkg.put_rels(
        "ppt/slideLayouts/slideLayout1.xml",
        &[Relationship {
            id: rid(1),
            ty: rel::SLIDE_MASTER.into(),
            target: "../slideMasters/slideMaster1.xml".into(),
        }],
    );
    pkg.put(
        "ppt/theme/theme1.xml",
        theme_xml().into_bytes(),
        Some(ct::THEME),
    );
    add_notes_master(
        pkg,
        "ppt/notesMasters/notesMaster1.xml",
        "ppt/theme/theme2.xml",
    );
    pkg.put(
        "ppt/presProps.xml",
        format!("{DECLARATION}<p:presentationPr {}/>", ns_apr()).into_bytes(),
        Some(ct::PRES_PROPS),
    );
    pkg.put(
        "ppt/viewProps.xml",
        format!("{DECLARATION}<p:viewPr {}/>", ns_apr()).into_bytes(),
        Some(ct::VIEW_PROPS),
    );
    pkg.put(
        "ppt/tableStyles.xml",
        format!(
            "{DECLARATION}<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" def=\"{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}\"/>"
        )
        .into_bytes(),
        Some(ct::TABLE_STYLES),
    );
    add_doc_props(pkg);
    "ppt/slideLayouts/slideLayout1.xml".into()
}

/// Adds a notes master at `part` with its own theme at `theme_part`.
pub fn add_notes_master(pkg: &mut Package, part: &str, theme_part: &str) {
    pkg.put(
        part,
        notes_master_xml().into_bytes(),
        Some(ct::NOTES_MASTER),
    );
    let theme_file = theme_part.rsplit('/').next().unwrap_or(theme_part);
    pkg.put_rels(
        part,
        &[Relationship {
            id: rid(1),
            ty: rel::THEME.into(),
            target: format!("../theme/{theme_file}"),
        }],
    );
    pkg.put(theme_part, theme_xml().into_bytes(), Some(ct::THEME));
}

/// Core and extended document properties (no dates: the bytes do not change with the clock)
/// and the package relationships.
pub fn add_doc_props(pkg: &mut Package) {
    pkg.put(
        "docProps/core.xml",
        format!("{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>servicescope</dc:creator></cp:coreProperties>").into_bytes(),
        Some(ct::CORE),
    );
    pkg.put(
        "docProps/app.xml",
        format!("{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>servicescope</Application></Properties>").into_bytes(),
        Some(ct::EXTENDED),
    );
    pkg.put_rels(
        "",
        &[
            Relationship {
                id: rid(1),
                ty: rel::OFFICE_DOCUMENT.into(),
                target: "ppt/presentation.xml".into(),
            },
            Relationship {
                id: rid(2),
                ty: rel::CORE.into(),
                target: "docProps/core.xml".into(),
            },
            Relationship {
                id: rid(3),
                ty: rel::EXTENDED.into(),
                target: "docProps/app.xml".into(),
            },
        ],
    );
}

/// Writes presentation.xml and its relationships for the default template, with the slides
/// at `slide_parts` (in order).
pub fn finish_presentation(pkg: &mut Package, size: SlideSize, slide_parts: &[String]) {
    let mut rels = vec![
        Relationship {
            id: MASTER_RID.into(),
            ty: rel::SLIDE_MASTER.into(),
            target: "slideMasters/slideMaster1.xml".into(),
        },
        Relationship {
            id: NOTES_MASTER_RID.into(),
            ty: rel::NOTES_MASTER.into(),
            target: "notesMasters/notesMaster1.xml".into(),
        },
        Relationship {
            id: rid(3),
            ty: rel::THEME.into(),
            target: "theme/theme1.xml".into(),
        },
        Relationship {
            id: rid(4),
            ty: rel::PRES_PROPS.into(),
            target: "presProps.xml".into(),
        },
        Relationship {
            id: rid(5),
            ty: rel::VIEW_PROPS.into(),
            target: "viewProps.xml".into(),
        },
        Relationship {
            id: rid(6),
            ty: rel::TABLE_STYLES.into(),
            target: "tableStyles.xml".into(),
        },
    ];
    let mut ids = Vec::new();
    for (i, part) in slide_parts.iter().enumerate() {
        let id = rid(10 + i);
        rels.push(Relationship {
            id: id.clone(),
            ty: rel::SLIDE.into(),
            target: part.trim_start_matches("ppt/").to_owned(),
        });
        ids.push((256 + i as u32, id));
    }
    pkg.put(
        "ppt/presentation.xml",
        presentation_xml(size, &ids).into_bytes(),
        Some(ct::PRESENTATION),
    );
    pkg.put_rels("ppt/presentation.xml", &rels);
}

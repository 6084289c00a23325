//! One slide and its notes page: the title in the layout's title placeholder, the subtitle and
//! the footnote (short sources, the grade key, warnings) as text boxes, the chart, table or
//! picture in the middle; full citations, n and margins of error in the speaker notes.

use super::base::{SlideSize, group_header};
use super::xml::{DECLARATION, esc, ns_apr, run};
use crate::chart::figure::Figure;
use crate::chart::style::INK;
use crate::i18n::Msg;

/// Grey of the subtitle and footnote.
const MUTED: [u8; 3] = [0x55, 0x55, 0x55];

/// A rectangle on the slide, EMU.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    /// Left.
    pub x: i64,
    /// Top.
    pub y: i64,
    /// Width.
    pub cx: i64,
    /// Height.
    pub cy: i64,
}

impl Frame {
    fn xfrm(self, ns: &str) -> String {
        format!(
            "<{ns}:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></{ns}:xfrm>",
            self.x, self.y, self.cx, self.cy
        )
    }
}

/// Where things go on a slide of `size` whose title ends at `title_bottom` (EMU; the default
/// template's when `None`): subtitle just below the title, body (chart), footnote.
pub fn frames(size: SlideSize, title_bottom: Option<i64>) -> (Frame, Frame, Frame) {
    let m = size.cx * 35 / 1000;
    let w = size.cx - 2 * m;
    let h = size.cy;
    let (_, ty, _, tcy) = super::base::title_box(size);
    // a title reaching past 40 % of the slide is not a slide title: keep the default
    let top = title_bottom
        .filter(|&b| b > 0 && b < h * 40 / 100)
        .unwrap_or(ty + tcy);
    let foot_y = h * 845 / 1000;
    let body_y = top + h * 75 / 1000;
    (
        Frame {
            x: m,
            y: top + h * 5 / 1000,
            cx: w,
            cy: h * 60 / 1000,
        },
        Frame {
            x: m,
            y: body_y,
            cx: w,
            cy: foot_y - h * 15 / 1000 - body_y,
        },
        Frame {
            x: m,
            y: foot_y,
            cx: w,
            cy: h * 140 / 1000,
        },
    )
}

/// The slide's geometry and its layout's title.
pub struct Place<'a> {
    /// Slide size.
    pub size: SlideSize,
    /// Title placeholder type of the layout (`title` or `ctrTitle`).
    pub title_type: &'a str,
    /// Bottom of the layout's title box, when known.
    pub title_bottom: Option<i64>,
}

/// What fills the middle of the slide.
pub enum Body {
    /// A native chart, relationship id of the chart part.
    Chart(String),
    /// A native table (`a:graphicData` XML).
    Table(String),
    /// A picture: relationship ids of the PNG and the SVG.
    Picture {
        /// The PNG.
        png: String,
        /// The SVG (shown by Office 2016 and later).
        svg: String,
    },
}

fn text_box(id: u32, name: &str, f: Frame, paras: &[String], anchor: &str) -> String {
    let body: String = paras.iter().map(|p| format!("<a:p>{p}</a:p>")).collect();
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name}\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"{anchor}\"><a:normAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>",
        f.xfrm("a")
    )
}

/// The slide XML. `title_type` is the placeholder type of the layout's title (`title` or
/// `ctrTitle`).
pub fn slide_xml(
    fig: &Figure,
    place: &Place<'_>,
    body: &Body,
    body_frame: Frame,
    footnote: bool,
) -> String {
    let lang = fig.locale.tag();
    let title_type = place.title_type;
    let (sub_f, _, foot_f) = frames(place.size, place.title_bottom);
    let title = format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"{title_type}\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:r><a:rPr lang=\"{lang}\" dirty=\"0\"/><a:t>{}</a:t></a:r></a:p></p:txBody></p:sp>",
        esc(&fig.title)
    );
    let subtitle = if fig.subtitle.is_empty() {
        String::new()
    } else {
        text_box(
            3,
            "Subtitle",
            sub_f,
            &[run(&fig.subtitle, lang, 1600, Some(MUTED), false)],
            "t",
        )
    };
    let frame = match body {
        Body::Chart(rid) => format!(
            "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"4\" name=\"Chart\" descr=\"{}\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>{}<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"{rid}\"/></a:graphicData></a:graphic></p:graphicFrame>",
            esc(&fig.title),
            body_frame.xfrm("p")
        ),
        Body::Table(data) => format!(
            "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"4\" name=\"Table\" descr=\"{}\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>{}<a:graphic>{data}</a:graphic></p:graphicFrame>",
            esc(&fig.title),
            body_frame.xfrm("p")
        ),
        Body::Picture { png, svg } => format!(
            "<p:pic><p:nvPicPr><p:cNvPr id=\"4\" name=\"Chart picture\" descr=\"{}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed=\"{png}\"><a:extLst><a:ext uri=\"{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"{svg}\"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
            esc(&fig.title),
            body_frame.xfrm("a")
        ),
    };
    let foot = if footnote {
        let lines: Vec<String> = fig
            .sources
            .iter()
            .chain(fig.notice.iter())
            .chain(fig.warnings.iter())
            .map(|l| run(l, lang, 1000, Some(MUTED), false))
            .collect();
        if lines.is_empty() {
            String::new()
        } else {
            text_box(5, "Footnote", foot_f, &lines, "b")
        }
    } else {
        String::new()
    };
    format!(
        "{DECLARATION}<p:sld {}><p:cSld><p:spTree>{}{title}{subtitle}{frame}{foot}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>",
        ns_apr(),
        group_header()
    )
}

/// The speaker notes of a slide: the full citations, then every value with its period, grade,
/// sample size and margin of error.
pub fn notes_text(fig: &Figure, citations: &[String]) -> Vec<String> {
    let lang = fig.locale.lang();
    let mut out = Vec::new();
    if !citations.is_empty() {
        out.push(Msg::PptxNotesSources.get(lang).to_owned());
        out.extend(citations.iter().map(|c| format!("– {c}")));
    }
    out.push(Msg::ValuesCaption.get(lang).to_owned());
    const SHOWN: usize = 300;
    let points: Vec<_> = fig.series.iter().flat_map(|s| s.points.iter()).collect();
    for p in points.iter().take(SHOWN) {
        let mut line = format!("– {}", p.region);
        if let Some(c) = &p.channel {
            line.push_str(&format!(" · {c}"));
        }
        line.push_str(&format!(
            " · {}: {} ({}, {}",
            p.indicator,
            p.label,
            p.period,
            p.grade.label(fig.locale.lang())
        ));
        if let Some(n) = p.sample_size {
            line.push_str(&format!(", n = {n}"));
        }
        if let Some(m) = p.margin {
            line.push_str(&format!(", ± {m}"));
        }
        line.push_str(&format!(", {})", p.source));
        out.push(line);
    }
    if points.len() > SHOWN {
        out.push(format!("… (+{})", points.len() - SHOWN));
    }
    out
}

/// The notes slide XML holding `lines`.
pub fn notes_xml(lines: &[String], lang: &str) -> String {
    let paras: String = lines
        .iter()
        .map(|l| format!("<a:p>{}</a:p>", run(l, lang, 1200, Some(INK), false)))
        .collect();
    format!(
        "{DECLARATION}<p:notes {}><p:cSld><p:spTree>{}<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paras}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>",
        ns_apr(),
        group_header()
    )
}

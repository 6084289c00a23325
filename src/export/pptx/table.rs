//! A heat table as a native PowerPoint table (`a:tbl`): regions down, channels across, each
//! cell's value printed on the fill of the shared heat scale, "n/a" where a value is missing.
//! Grades as in the images: estimated cells get a dark dashed border, illustrative cells a
//! pale hatched pattern.

use super::xml::{EMU_PER_PT, esc, hex, solid};
use crate::chart::figure::Figure;
use crate::chart::palette::{self, Rgb};
use crate::chart::style::{self, INK};
use crate::i18n::Msg;
use crate::model::Grade;

const WHITE: Rgb = [0xFF; 3];

/// Language and text sizes (hundredths of a point) of a table.
struct TextStyle<'a> {
    lang: &'a str,
    header_sz: u32,
    cell_sz: u32,
}
const HEADER_FILL: Rgb = [0xF2, 0xF2, 0xF2];

fn cell(
    text: &str,
    t: &TextStyle<'_>,
    fill: &str,
    borders: &str,
    colour: Rgb,
    bold: bool,
) -> String {
    let (lang, size) = (t.lang, if bold { t.header_sz } else { t.cell_sz });
    let b = if bold { " b=\"1\"" } else { "" };
    format!(
        "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn=\"ctr\"/><a:r><a:rPr lang=\"{lang}\" sz=\"{size}\"{b} dirty=\"0\">{}</a:rPr><a:t>{}</a:t></a:r></a:p></a:txBody><a:tcPr anchor=\"ctr\">{borders}{fill}</a:tcPr></a:tc>",
        solid(colour),
        esc(text)
    )
}

fn border(dashed: bool) -> String {
    let w = (style::OUTLINE_PT * EMU_PER_PT as f64).round() as i64;
    let dash = if dashed {
        "<a:prstDash val=\"dash\"/>"
    } else {
        ""
    };
    let line = |side: &str| format!("<a:{side} w=\"{w}\">{}{dash}</a:{side}>", solid(INK));
    ["lnL", "lnR", "lnT", "lnB"].map(line).concat()
}

/// The table's graphic-frame content (`a:graphicData`) for a heat table `fig`, `cx` EMU wide;
/// returns the XML and the table's height in EMU.
pub fn heat_table(fig: &Figure, cx: i64, max_cy: i64) -> (String, i64) {
    let lang = fig.locale.tag();
    let na = Msg::PptxNotAvailable.get(fig.locale.lang());
    let cols = fig.x.categories.len();
    // smaller text when many channels share the width
    let t = TextStyle {
        lang,
        header_sz: if cols > 6 { 900 } else { 1200 },
        cell_sz: if cols > 6 { 1100 } else { 1400 },
    };
    let rows = fig.y.categories.len();
    let first_w = cx / 4;
    let col_w = (cx - first_w) / cols.max(1) as i64;
    let row_h = (max_cy / (rows as i64 + 1)).clamp(300_000, 520_000);
    let mut grid = format!("<a:gridCol w=\"{first_w}\"/>");
    for _ in 0..cols {
        grid.push_str(&format!("<a:gridCol w=\"{col_w}\"/>"));
    }
    let header_fill = solid(HEADER_FILL);
    let mut body = format!("<a:tr h=\"{row_h}\">");
    body.push_str(&cell(&fig.y.label, &t, &header_fill, "", INK, true));
    for c in &fig.x.categories {
        body.push_str(&cell(c, &t, &header_fill, "", INK, true));
    }
    body.push_str("</a:tr>");
    for (ri, region) in fig.y.categories.iter().enumerate() {
        body.push_str(&format!("<a:tr h=\"{row_h}\">"));
        body.push_str(&cell(region, &t, &solid(WHITE), "", INK, true));
        for ci in 0..cols {
            let p = fig
                .series
                .iter()
                .flat_map(|s| s.points.iter())
                .find(|p| p.cell() == Some((ri, ci)));
            match p {
                None => body.push_str(&cell(na, &t, &solid(WHITE), "", [0x76; 3], false)),
                Some(p) => {
                    let fill = style::heat_fill(fig, p);
                    let ink = if palette::text_on_dark(fill) {
                        WHITE
                    } else {
                        INK
                    };
                    let (fill_xml, borders) = match p.grade {
                        Grade::Measured => (solid(fill), String::new()),
                        Grade::Estimated => (solid(fill), border(true)),
                        Grade::Illustrative => (
                            format!(
                                "<a:pattFill prst=\"wdUpDiag\"><a:fgClr><a:srgbClr val=\"{}\"/></a:fgClr><a:bgClr><a:srgbClr val=\"{}\"/></a:bgClr></a:pattFill>",
                                hex(fill),
                                hex(style::pale(fill, style::ILLUSTRATIVE_WHITE))
                            ),
                            String::new(),
                        ),
                    };
                    let ink = if p.grade == Grade::Illustrative {
                        INK
                    } else {
                        ink
                    };
                    body.push_str(&cell(&p.label, &t, &fill_xml, &borders, ink, false));
                }
            }
        }
        body.push_str("</a:tr>");
    }
    let xml = format!(
        "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\"/><a:tblGrid>{grid}</a:tblGrid>{body}</a:tbl></a:graphicData>"
    );
    (xml, row_h * (rows as i64 + 1))
}

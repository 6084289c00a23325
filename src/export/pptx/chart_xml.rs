//! `ppt/charts/chartN.xml`: a DrawingML chart (ECMA-376 part 1, 21.2) from [`ChartData`],
//! written the way python-pptx and PptxGenJS write theirs: every series refers to its cells
//! in the embedded workbook (`Sheet1!$B$2:$B$5`) and carries a cache of the same values, so
//! the chart draws without the workbook and "Edit Data" opens the same numbers.
//!
//! Grades per data point (`c:dPt`), as in the images: estimated values keep their fill and get
//! a dark dashed outline; illustrative values get a pale hatched pattern fill (`a:pattFill`)
//! outlined in the series colour.

use super::data::{Bounds, ChartData, DataSeries, NativeKind};
use super::workbook::{cell_range, column_name, scatter_rows};
use super::xml::{DECLARATION, EMU_PER_PT, NS_A, NS_C, NS_R, esc, hex, num, solid};
use crate::chart::style::{self, GRID, INK, ZERO_LINE};
use crate::model::Grade;

const CAT_AX: u32 = 50_010;
const VAL_AX: u32 = 50_020;

/// Text size of ticks, labels and legend, in hundredths of a point.
const TEXT_SZ: u32 = 1200;

fn txpr(size: u32, lang: &str) -> String {
    format!(
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"{size}\"><a:solidFill><a:srgbClr val=\"{}\"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang=\"{lang}\"/></a:p></c:txPr>",
        hex(INK)
    )
}

fn title(text: &str, lang: &str, vertical: bool) -> String {
    if text.is_empty() {
        return String::new();
    }
    let rot = if vertical {
        " rot=\"-5400000\" vert=\"horz\""
    } else {
        ""
    };
    format!(
        "<c:title><c:tx><c:rich><a:bodyPr{rot}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"{TEXT_SZ}\" b=\"0\"/></a:pPr><a:r><a:rPr lang=\"{lang}\" sz=\"{TEXT_SZ}\" b=\"0\"/><a:t>{}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>",
        esc(text)
    )
}

fn line_props(colour: [u8; 3], width_pt: f64, dashed: bool) -> String {
    let dash = if dashed {
        "<a:prstDash val=\"dash\"/>"
    } else {
        ""
    };
    format!(
        "<a:ln w=\"{}\" cap=\"flat\">{}{dash}</a:ln>",
        (width_pt * EMU_PER_PT as f64).round() as i64,
        solid(colour)
    )
}

/// The fill and outline of a mark of `grade` in `colour` (the shared grade styles).
fn grade_sppr(colour: [u8; 3], grade: Grade) -> String {
    let g = style::grade_style(colour, grade, false);
    let fill = if g.hatched {
        format!(
            "<a:pattFill prst=\"wdUpDiag\"><a:fgClr><a:srgbClr val=\"{}\"/></a:fgClr><a:bgClr><a:srgbClr val=\"{}\"/></a:bgClr></a:pattFill>",
            hex(colour),
            hex(g.fill)
        )
    } else {
        solid(g.fill)
    };
    let outline = g
        .outline
        .map(|o| line_props(o.colour, o.width_pt, o.dashed))
        .unwrap_or_default();
    format!("<c:spPr>{fill}{outline}</c:spPr>")
}

fn str_ref(f: &str, values: &[String]) -> String {
    let pts: String = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>", esc(v)))
        .collect();
    format!(
        "<c:strRef><c:f>{}</c:f><c:strCache><c:ptCount val=\"{}\"/>{pts}</c:strCache></c:strRef>",
        esc(f),
        values.len()
    )
}

fn num_ref(f: &str, code: &str, values: &[Option<f64>]) -> String {
    let pts: String = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| format!("<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>", num(v))))
        .collect();
    format!(
        "<c:numRef><c:f>{}</c:f><c:numCache><c:formatCode>{}</c:formatCode><c:ptCount val=\"{}\"/>{pts}</c:numCache></c:numRef>",
        esc(f),
        esc(code),
        values.len()
    )
}

fn labels_xml(data: &ChartData<'_>, lang: &str) -> String {
    if !data.labels {
        return String::new();
    }
    let pos = match data.kind {
        NativeKind::Column | NativeKind::Bar => "<c:dLblPos val=\"outEnd\"/>",
        NativeKind::Line | NativeKind::Scatter | NativeKind::DatedLines => "<c:dLblPos val=\"t\"/>",
        NativeKind::Radar => "",
    };
    format!(
        "<c:dLbls><c:numFmt formatCode=\"{}\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{}{pos}<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>",
        esc(&data.format_code),
        txpr(label_size(data), lang)
    )
}

/// Value labels get smaller as more bars share the width.
fn label_size(data: &ChartData<'_>) -> u32 {
    let marks = data.categories.len().max(1) * data.series.len().max(1);
    if marks > 12 { 900 } else { 1100 }
}

fn marker(colour: [u8; 3], grade: Grade, size: u32) -> String {
    format!(
        "<c:marker><c:symbol val=\"circle\"/><c:size val=\"{size}\"/>{}</c:marker>",
        grade_sppr(colour, grade)
    )
}

/// The `c:dPt` of every point that is not drawn plainly in the series colour.
fn data_points(data: &ChartData<'_>, s: &DataSeries<'_>) -> String {
    let mut out = String::new();
    for (i, v) in s.values.iter().enumerate() {
        let Some(v) = v else { continue };
        let plain = v.grade == Grade::Measured && v.colour == s.colour;
        match data.kind {
            NativeKind::Column | NativeKind::Bar => {
                if !plain {
                    out.push_str(&format!(
                        "<c:dPt><c:idx val=\"{i}\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/>{}</c:dPt>",
                        grade_sppr(v.colour, v.grade)
                    ));
                }
            }
            NativeKind::Line | NativeKind::Radar | NativeKind::Scatter | NativeKind::DatedLines => {
                // a line segment touching an illustrative value is dashed, as in the images
                // (the segment into point i is styled by point i)
                let lined = matches!(data.kind, NativeKind::Line | NativeKind::DatedLines);
                let before = i.checked_sub(1).and_then(|j| s.values[j].as_ref());
                let dashed = lined
                    && before.is_some()
                    && (v.grade == Grade::Illustrative
                        || before.is_some_and(|b| b.grade == Grade::Illustrative));
                if !plain || dashed {
                    let segment = if dashed {
                        format!("<c:spPr>{}</c:spPr>", line_props(s.colour, 2.25, true))
                    } else {
                        String::new()
                    };
                    out.push_str(&format!(
                        "<c:dPt><c:idx val=\"{i}\"/>{}<c:bubble3D val=\"0\"/>{segment}</c:dPt>",
                        marker(v.colour, v.grade, marker_size(data.kind))
                    ));
                }
            }
        }
    }
    out
}

fn marker_size(kind: NativeKind) -> u32 {
    if kind == NativeKind::Scatter { 11 } else { 7 }
}

/// The worksheet column of series `k` (A holds the categories).
fn series_col(k: usize) -> String {
    column_name(k + 1)
}

fn series_xml(data: &ChartData<'_>, k: usize, s: &DataSeries<'_>, lang: &str) -> String {
    let n = s.values.len();
    let ys: Vec<Option<f64>> = s.values.iter().map(|v| v.as_ref().map(|v| v.y)).collect();
    let head = format!("<c:idx val=\"{k}\"/><c:order val=\"{k}\"/>");
    let name = |cell: String| {
        format!(
            "<c:tx>{}</c:tx>",
            str_ref(&cell, std::slice::from_ref(&s.name))
        )
    };
    let labels = labels_xml(data, lang);
    let points = data_points(data, s);
    // a series of one grade is styled as a whole (viewers that ignore per-point styles of
    // lines and markers, LibreOffice among them, still show it)
    let mut grades = s.values.iter().flatten().map(|v| v.grade);
    let whole = match grades.next() {
        Some(g) if grades.all(|h| h == g) => g,
        _ => Grade::Measured,
    };
    match data.kind {
        NativeKind::Scatter | NativeKind::DatedLines => {
            // one row per point from the series' first row: name in A, x in B, y in C
            let row = scatter_rows(data).get(k).copied().unwrap_or(2);
            let xs: Vec<Option<f64>> = s.values.iter().map(|v| v.as_ref().map(|v| v.x)).collect();
            let line = if data.kind == NativeKind::DatedLines {
                line_props(s.colour, 2.25, false)
            } else {
                "<a:ln w=\"19050\"><a:noFill/></a:ln>".to_owned()
            };
            format!(
                "<c:ser>{head}{}<c:spPr>{line}</c:spPr>{}{points}{labels}<c:xVal>{}</c:xVal><c:yVal>{}</c:yVal><c:smooth val=\"0\"/></c:ser>",
                name(format!("Sheet1!$A${row}")),
                marker(s.colour, Grade::Measured, marker_size(data.kind)),
                num_ref(
                    &format!("Sheet1!$B${row}:$B${}", row + n.saturating_sub(1)),
                    &data.x_format_code,
                    &xs
                ),
                num_ref(
                    &format!("Sheet1!$C${row}:$C${}", row + n.saturating_sub(1)),
                    &data.format_code,
                    &ys
                ),
            )
        }
        _ => {
            let col = series_col(k);
            let cat = str_ref(&cell_range("A", 2, n), &data.categories);
            let val = num_ref(&cell_range(&col, 2, n), &data.format_code, &ys);
            let tx = name(format!("Sheet1!${col}$1"));
            match data.kind {
                NativeKind::Column | NativeKind::Bar => format!(
                    "<c:ser>{head}{tx}<c:spPr>{}</c:spPr><c:invertIfNegative val=\"0\"/>{points}{labels}<c:cat>{cat}</c:cat><c:val>{val}</c:val></c:ser>",
                    solid(s.colour)
                ),
                NativeKind::Line => format!(
                    "<c:ser>{head}{tx}<c:spPr>{}</c:spPr>{}{points}{labels}<c:cat>{cat}</c:cat><c:val>{val}</c:val><c:smooth val=\"0\"/></c:ser>",
                    line_props(s.colour, 2.25, whole == Grade::Illustrative),
                    marker(s.colour, whole, marker_size(data.kind))
                ),
                _ => format!(
                    "<c:ser>{head}{tx}<c:spPr>{}</c:spPr>{}{points}{labels}<c:cat>{cat}</c:cat><c:val>{val}</c:val></c:ser>",
                    line_props(s.colour, 2.0, false),
                    marker(s.colour, whole, marker_size(data.kind))
                ),
            }
        }
    }
}

fn scaling(b: Option<Bounds>, reverse: bool) -> String {
    let orientation = if reverse { "maxMin" } else { "minMax" };
    let limits = b
        .map(|b| {
            format!(
                "<c:max val=\"{}\"/><c:min val=\"{}\"/>",
                num(b.max),
                num(b.min)
            )
        })
        .unwrap_or_default();
    format!("<c:scaling><c:orientation val=\"{orientation}\"/>{limits}</c:scaling>")
}

fn axis_line(colour: [u8; 3]) -> String {
    format!(
        "<c:spPr><a:noFill/>{}</c:spPr>",
        line_props(colour, 0.75, false)
    )
}

fn gridlines() -> String {
    format!(
        "<c:majorGridlines><c:spPr>{}</c:spPr></c:majorGridlines>",
        line_props(GRID, 0.75, false)
    )
}

struct AxisSpec<'s> {
    id: u32,
    cross: u32,
    pos: &'s str,
    title: &'s str,
    vertical_title: bool,
    bounds: Option<Bounds>,
    format: &'s str,
    grid: bool,
    reverse: bool,
    crosses: &'s str,
}

fn val_ax(a: &AxisSpec<'_>, lang: &str) -> String {
    let unit = a
        .bounds
        .map(|b| format!("<c:majorUnit val=\"{}\"/>", num(b.step)))
        .unwrap_or_default();
    format!(
        "<c:valAx><c:axId val=\"{}\"/>{}<c:delete val=\"0\"/><c:axPos val=\"{}\"/>{}{}<c:numFmt formatCode=\"{}\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{}{}<c:crossAx val=\"{}\"/><c:crosses val=\"{}\"/><c:crossBetween val=\"between\"/>{unit}</c:valAx>",
        a.id,
        scaling(a.bounds, a.reverse),
        a.pos,
        if a.grid { gridlines() } else { String::new() },
        title(a.title, lang, a.vertical_title),
        esc(a.format),
        if a.grid {
            "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>".to_owned()
        } else {
            axis_line(ZERO_LINE)
        },
        txpr(TEXT_SZ, lang),
        a.cross,
        a.crosses
    )
}

fn cat_ax(a: &AxisSpec<'_>, lang: &str) -> String {
    format!(
        "<c:catAx><c:axId val=\"{}\"/>{}<c:delete val=\"0\"/><c:axPos val=\"{}\"/>{}<c:numFmt formatCode=\"General\" sourceLinked=\"1\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>{}{}<c:crossAx val=\"{}\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>",
        a.id,
        scaling(None, a.reverse),
        a.pos,
        title(a.title, lang, a.vertical_title),
        axis_line(ZERO_LINE),
        txpr(TEXT_SZ, lang),
        a.cross
    )
}

/// The chart part's XML for `data` in the language `lang` (`en-GB`, `fr-FR`…); the workbook
/// is the relationship `rId1`.
pub fn chart_xml(data: &ChartData<'_>, lang: &str) -> String {
    let series: String = data
        .series
        .iter()
        .enumerate()
        .map(|(k, s)| series_xml(data, k, s, lang))
        .collect();
    let ids = format!("<c:axId val=\"{CAT_AX}\"/><c:axId val=\"{VAL_AX}\"/>");
    let value_axis =
        |pos: &'static str, vertical_title: bool, reverse: bool, crosses: &'static str| AxisSpec {
            id: VAL_AX,
            cross: CAT_AX,
            pos: if pos.is_empty() { "l" } else { pos },
            title: &data.y_title,
            vertical_title,
            bounds: data.value_axis,
            format: &data.format_code,
            grid: true,
            reverse,
            crosses,
        };
    let category_axis = |pos: &'static str, reverse: bool| AxisSpec {
        id: CAT_AX,
        cross: VAL_AX,
        pos,
        title: &data.x_title,
        vertical_title: false,
        bounds: None,
        format: "General",
        grid: false,
        reverse,
        crosses: "autoZero",
    };
    let (plot, axes) = match data.kind {
        NativeKind::Column => (
            format!(
                "<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>{series}<c:gapWidth val=\"80\"/><c:overlap val=\"0\"/>{ids}</c:barChart>"
            ),
            cat_ax(&category_axis("b", false), lang)
                + &val_ax(&value_axis("l", true, false, "autoZero"), lang),
        ),
        NativeKind::Bar => {
            // rank 1 at the top: categories from the top down, values read along the bottom
            let mut cat = category_axis("l", true);
            cat.title = "";
            (
                format!(
                    "<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>{series}<c:gapWidth val=\"60\"/>{ids}</c:barChart>"
                ),
                cat_ax(&cat, lang) + &val_ax(&value_axis("b", false, false, "max"), lang),
            )
        }
        NativeKind::Line => (
            format!(
                "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>{series}<c:marker val=\"1\"/>{ids}</c:lineChart>"
            ),
            cat_ax(&category_axis("b", false), lang)
                + &val_ax(&value_axis("l", true, false, "autoZero"), lang),
        ),
        NativeKind::Radar => (
            format!(
                "<c:radarChart><c:radarStyle val=\"marker\"/><c:varyColors val=\"0\"/>{series}{ids}</c:radarChart>"
            ),
            {
                let mut cat = category_axis("b", false);
                cat.title = "";
                let mut val = value_axis("l", false, false, "autoZero");
                val.title = "";
                cat_ax(&cat, lang) + &val_ax(&val, lang)
            },
        ),
        NativeKind::Scatter | NativeKind::DatedLines => (
            format!(
                "<c:scatterChart><c:scatterStyle val=\"lineMarker\"/><c:varyColors val=\"0\"/>{series}{ids}</c:scatterChart>"
            ),
            {
                let x = AxisSpec {
                    id: CAT_AX,
                    cross: VAL_AX,
                    pos: "b",
                    title: &data.x_title,
                    vertical_title: false,
                    bounds: data.x_axis,
                    format: &data.x_format_code,
                    grid: false,
                    reverse: false,
                    crosses: "autoZero",
                };
                val_ax(&x, lang) + &val_ax(&value_axis("l", true, false, "autoZero"), lang)
            },
        ),
    };
    // a ranking names its regions on the axis; the other charts have a legend of regions
    let legend = if data.kind == NativeKind::Bar {
        String::new()
    } else {
        format!(
            "<c:legend><c:legendPos val=\"r\"/><c:overlay val=\"0\"/>{}</c:legend>",
            txpr(TEXT_SZ, lang)
        )
    };
    format!(
        "{DECLARATION}<c:chartSpace xmlns:c=\"{NS_C}\" xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\"><c:date1904 val=\"0\"/><c:lang val=\"{lang}\"/><c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>{plot}{axes}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>{legend}<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{}<c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>",
        txpr(TEXT_SZ, lang)
    )
}

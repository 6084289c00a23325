//! The workbook embedded with each native chart (`ppt/embeddings/Microsoft_Excel_Worksheet_N.xlsx`),
//! written with `rust_xlsxwriter`. `Sheet1` holds exactly the chart's numbers where the chart's
//! formulas point (categories in column A, one column per series; for a scatter one row per
//! point: name, x, y), and, after one empty column, every value with its region, channel,
//! indicator, period, grade, source and sample size. Missing values are empty cells.

use super::data::{ChartData, NativeKind};
use crate::chart::figure::Figure;
use crate::i18n::Msg;
use crate::model::Lang;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// Excel's name of the 0-based column `i` (`A`, `B`, …, `Z`, `AA`): the import's own
/// column letters.
pub fn column_name(i: usize) -> String {
    crate::io::import::text::column_letters(i)
}

/// `Sheet1!$C$2:$C$5`: `n` cells of column `col` from 1-based row `first`.
pub fn cell_range(col: &str, first: usize, n: usize) -> String {
    format!(
        "Sheet1!${col}${first}:${col}${}",
        first + n.saturating_sub(1)
    )
}

/// First worksheet row (1-based) of each scatter series: one row per point, in series order.
pub fn scatter_rows(data: &ChartData<'_>) -> Vec<usize> {
    let mut row = 2;
    data.series
        .iter()
        .map(|s| {
            let first = row;
            row += s.values.len();
            first
        })
        .collect()
}

fn headers(lang: Lang) -> [&'static str; 10] {
    [
        Msg::ColRegion,
        Msg::ColChannel,
        Msg::ColIndicator,
        Msg::ColValue,
        Msg::PptxValueShown,
        Msg::ColPeriod,
        Msg::ColGrade,
        Msg::ColSource,
        Msg::ColSample,
        Msg::PptxMargin,
    ]
    .map(|m| m.get(lang))
}

/// The workbook bytes for `data` (from `fig`). The creation date is fixed (2000-01-01) so that
/// the same chart gives the same bytes.
pub fn workbook(data: &ChartData<'_>, fig: &Figure) -> Result<Vec<u8>, XlsxError> {
    let lang = fig.locale.lang();
    let mut wb = Workbook::new();
    let date = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&date));
    let bold = Format::new().set_bold();
    let values = Format::new().set_num_format(&data.format_code);
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1")?;
    let wide_cols = match data.kind {
        NativeKind::Scatter | NativeKind::DatedLines => {
            ws.write_string_with_format(0, 0, data.category_header_or(lang), &bold)?;
            ws.write_string_with_format(0, 1, &data.x_title, &bold)?;
            ws.write_string_with_format(0, 2, &data.y_title, &bold)?;
            let xf = Format::new().set_num_format(&data.x_format_code);
            let rows = scatter_rows(data);
            for (s, first) in data.series.iter().zip(rows) {
                for (k, v) in s.values.iter().enumerate() {
                    let row = (first + k - 1) as u32;
                    ws.write_string(row, 0, &s.name)?;
                    if let Some(v) = v {
                        ws.write_number_with_format(row, 1, v.x, &xf)?;
                        ws.write_number_with_format(row, 2, v.y, &values)?;
                    }
                }
            }
            3
        }
        _ => {
            ws.write_string_with_format(0, 0, &data.category_header, &bold)?;
            for (i, c) in data.categories.iter().enumerate() {
                ws.write_string((i + 1) as u32, 0, c)?;
            }
            for (k, s) in data.series.iter().enumerate() {
                let col = (k + 1) as u16;
                ws.write_string_with_format(0, col, &s.name, &bold)?;
                for (i, v) in s.values.iter().enumerate() {
                    if let Some(v) = v {
                        ws.write_number_with_format((i + 1) as u32, col, v.y, &values)?;
                    }
                }
            }
            data.series.len() + 1
        }
    };
    // the values with what they are, after one empty column
    let first = (wide_cols + 1) as u16;
    for (j, h) in headers(lang).iter().enumerate() {
        ws.write_string_with_format(0, first + j as u16, *h, &bold)?;
    }
    let mut row = 1u32;
    for s in &data.series {
        for v in s.values.iter().flatten() {
            let p = v.point;
            let cells: [Option<&str>; 3] = [
                Some(p.region.as_str()),
                p.channel.as_deref(),
                Some(p.indicator.as_str()),
            ];
            for (j, c) in cells.iter().enumerate() {
                if let Some(c) = c {
                    ws.write_string(row, first + j as u16, *c)?;
                }
            }
            if let Some(value) = p.value.filter(|v| v.is_finite()) {
                ws.write_number(row, first + 3, value)?;
            }
            ws.write_number_with_format(row, first + 4, v.y, &values)?;
            ws.write_string(row, first + 5, p.period.to_string())?;
            ws.write_string(row, first + 6, p.grade.label(lang))?;
            ws.write_string(row, first + 7, &p.source)?;
            if let Some(n) = p.sample_size {
                ws.write_number(row, first + 8, f64::from(n))?;
            }
            if let Some(m) = p.margin {
                ws.write_number(row, first + 9, m)?;
            }
            row += 1;
        }
    }
    ws.set_column_width(0, 28)?;
    wb.save_to_buffer()
}

impl ChartData<'_> {
    /// Header of the name column of a scatter's table.
    fn category_header_or(&self, lang: Lang) -> String {
        if matches!(self.kind, NativeKind::Scatter | NativeKind::DatedLines) {
            Msg::ColRegion.get(lang).to_owned()
        } else {
            self.category_header.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_run_past_z() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(cell_range("B", 2, 3), "Sheet1!$B$2:$B$4");
    }
}

/*!
The data table: exactly the points of the current figure, one row each, sortable by any
column (periods by their start and length, not as text), with sample size `n`, margin of
error `±`, grade and source, and copyable as tab-separated text.

The rows are built and sorted once per change of figure (data, selection, language) or sort
order ([`TableCache`]), not on every frame.
*/

use super::App;
use super::state::{SortColumn, UiState};
use crate::chart::{ChartSpec, Figure};
use crate::i18n::Msg;
use crate::model::{Dataset, Grade, Lang, Period};
use eframe::egui;
use egui_extras::{Column, TableBuilder};

/// One table row: a charted value.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Position in the figure (series, point), the "as charted" order.
    pub order: (usize, usize),
    /// Region.
    pub region: String,
    /// Channel, empty when the value is not per channel.
    pub channel: String,
    /// Indicator.
    pub indicator: String,
    /// Period as text.
    pub period: String,
    /// The period itself, for sorting by start and length.
    pub period_key: Period,
    /// Value in its unit, for sorting; `None` when missing (sorted last).
    pub value: Option<f64>,
    /// Value as shown (locale, unit).
    pub label: String,
    /// Sample size, when known.
    pub n: Option<u32>,
    /// Margin of error (±, 95 %) in the value's unit, when known.
    pub margin: Option<f64>,
    /// `n` as shown (empty when unknown).
    pub n_label: String,
    /// Margin as shown (`±4.8`, empty when unknown).
    pub margin_label: String,
    /// Grade.
    pub grade: Grade,
    /// Source as publisher and date.
    pub source: String,
    /// Source title, shown on hover.
    pub source_title: String,
}

/// The rows of `fig`, in `sort` order.
pub fn rows(fig: &Figure, ds: &Dataset, sort: (SortColumn, bool)) -> Vec<Row> {
    let mut out = Vec::new();
    for (si, s) in fig.series.iter().enumerate() {
        for (pi, p) in s.points.iter().enumerate() {
            let src = ds.sources().get(&p.source);
            out.push(Row {
                order: (si, pi),
                region: p.region.clone(),
                channel: p.channel.clone().unwrap_or_default(),
                indicator: p.indicator.clone(),
                period: p.period.to_string(),
                period_key: p.period,
                value: p.value,
                label: p.label.clone(),
                n: p.sample_size,
                margin: p.margin,
                n_label: p
                    .sample_size
                    .map(|n| crate::chart::format::number(f64::from(n), 0, fig.locale))
                    .unwrap_or_default(),
                margin_label: p
                    .margin
                    .map(|m| format!("±{}", crate::chart::format::number(m, 1, fig.locale)))
                    .unwrap_or_default(),
                grade: p.grade,
                source: src
                    .map(|s| format!("{} ({})", s.publisher, s.date))
                    .unwrap_or_else(|| p.source.clone()),
                source_title: src.map(|s| s.title.clone()).unwrap_or_default(),
            });
        }
    }
    let (col, desc) = sort;
    out.sort_by(|a, b| {
        let o = match col {
            SortColumn::Chart => a.order.cmp(&b.order),
            SortColumn::Region => a.region.cmp(&b.region),
            SortColumn::Channel => a.channel.cmp(&b.channel),
            SortColumn::Indicator => a.indicator.cmp(&b.indicator),
            SortColumn::Period => a.period_key.cmp(&b.period_key),
            // a missing value sorts after every value, as NaN did
            SortColumn::Value => match (a.value, b.value) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            },
            SortColumn::Sample => a.n.cmp(&b.n),
            SortColumn::Margin => a
                .margin
                .unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&b.margin.unwrap_or(f64::NEG_INFINITY)),
            SortColumn::Grade => a.grade.cmp(&b.grade),
            SortColumn::Source => a.source.cmp(&b.source),
        };
        let o = o.then(a.order.cmp(&b.order));
        if desc { o.reverse() } else { o }
    });
    out
}

fn headers(lang: Lang) -> [(SortColumn, &'static str); 9] {
    [
        (SortColumn::Region, Msg::ColRegion.get(lang)),
        (SortColumn::Channel, Msg::ColChannel.get(lang)),
        (SortColumn::Indicator, Msg::ColIndicator.get(lang)),
        (SortColumn::Period, Msg::ColPeriod.get(lang)),
        (SortColumn::Value, Msg::ColValue.get(lang)),
        (SortColumn::Sample, Msg::ColSample.get(lang)),
        (SortColumn::Margin, Msg::ColMargin.get(lang)),
        (SortColumn::Grade, Msg::ColGrade.get(lang)),
        (SortColumn::Source, Msg::ColSource.get(lang)),
    ]
}

/// The rows as tab-separated text with a header line.
pub fn as_text(rows: &[Row], lang: Lang) -> String {
    let mut out: String = headers(lang)
        .iter()
        .map(|(_, h)| *h)
        .collect::<Vec<_>>()
        .join("\t");
    out.push('\n');
    for r in rows {
        let cells = [
            r.region.as_str(),
            r.channel.as_str(),
            r.indicator.as_str(),
            r.period.as_str(),
            r.label.as_str(),
            r.n_label.as_str(),
            r.margin_label.as_str(),
            r.grade.label(lang),
            r.source.as_str(),
        ];
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// What the rows were built from: the figure's key (selection, language, data generation)
/// and the sort order.
type TableKey = ((ChartSpec, Lang, u64), (SortColumn, bool));

/// The rows of the last figure and sort order shown, built again only when one changes.
#[derive(Default)]
pub struct TableCache {
    key: Option<TableKey>,
    rows: Vec<Row>,
    builds: u64,
}

impl TableCache {
    /// How many times rows were built.
    pub fn builds(&self) -> u64 {
        self.builds
    }

    /// The rows for `key`, built from `fig` and `ds` if the cached ones are for another key.
    fn rows(&mut self, key: TableKey, fig: &Figure, ds: &Dataset) -> &[Row] {
        if self.key.as_ref() != Some(&key) {
            self.rows = rows(fig, ds, key.1);
            self.key = Some(key);
            self.builds += 1;
        }
        &self.rows
    }
}

/// Draws the table tab.
pub fn show(ui: &mut egui::Ui, app: &mut App, uis: &mut UiState) {
    let lang = app.state.lang;
    let key = (app.figure_key(), uis.sort);
    let mut cache = std::mem::take(&mut app.table);
    let rows = cache.rows(key, &app.figure, &app.dataset);
    let fig = app.figure();
    ui.horizontal(|ui| {
        ui.heading(&fig.title);
        if ui.button(Msg::CopyTable.get(lang)).clicked() {
            uis.status = Some(match super::clipboard::copy_text(&as_text(rows, lang)) {
                Ok(()) => Msg::Copied.get(lang).to_owned(),
                Err(e) => Msg::Labelled.fill(lang, &[&Msg::CopyFailed.get(lang), &e.message(lang)]),
            });
        }
    });
    ui.label(&fig.subtitle);
    ui.add_space(4.0);
    let heads = headers(lang);
    TableBuilder::new(ui)
        .id_salt("data_table")
        .striped(true)
        .resizable(true)
        .column(Column::auto().at_least(110.0))
        .column(Column::auto().at_least(90.0))
        .column(Column::initial(240.0).clip(true))
        .column(Column::auto().at_least(70.0))
        .column(Column::auto().at_least(90.0))
        .column(Column::auto().at_least(50.0))
        .column(Column::auto().at_least(50.0))
        .column(Column::auto().at_least(80.0))
        .column(Column::remainder().clip(true))
        .header(24.0, |mut header| {
            for (col, name) in heads {
                header.col(|ui| {
                    let arrow = match uis.sort {
                        (c, false) if c == col => " ▲",
                        (c, true) if c == col => " ▼",
                        _ => "",
                    };
                    if ui.button(format!("{name}{arrow}")).clicked() {
                        uis.sort = match uis.sort {
                            (c, false) if c == col => (col, true),
                            (c, true) if c == col => (SortColumn::Chart, false),
                            _ => (col, false),
                        };
                    }
                });
            }
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let r = &rows[row.index()];
                row.col(|ui| {
                    ui.label(&r.region);
                });
                row.col(|ui| {
                    ui.label(&r.channel);
                });
                row.col(|ui| {
                    ui.label(&r.indicator);
                });
                row.col(|ui| {
                    ui.label(&r.period);
                });
                row.col(|ui| {
                    ui.label(&r.label);
                });
                row.col(|ui| {
                    ui.label(&r.n_label);
                });
                row.col(|ui| {
                    ui.label(&r.margin_label);
                });
                row.col(|ui| {
                    ui.label(r.grade.label(lang));
                });
                row.col(|ui| {
                    ui.label(&r.source).on_hover_text(&r.source_title);
                });
            });
        });
    app.table = cache;
}

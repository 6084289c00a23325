//! Row filters, missing-value markers and the date → period details of the dialog: the
//! state ([`Filters`]), how it starts from a mapping and goes back into one, and the
//! controls. The rules themselves (matching, markers, date forms, buckets) live in
//! `io::import`; the dialog only edits the `Mapping` fields `exclude`, `include`,
//! `missing` and `period_from`.

use super::*;
use crate::i18n::Msg;
use crate::io::import::Bucket;

/// Distinct values of a column offered as tick boxes for the include filter.
pub const FILTER_VALUES: usize = 24;

/// Row filters, missing markers and date details as edited in the dialog.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// The column whose `exclude` values are being edited.
    pub exclude_col: Option<usize>,
    /// `exclude` of each column (index = column): rows whose cell holds one of these
    /// comma-separated values are dropped from every figure; written as
    /// `exclude: {"<header>": [...]}` for every column that has some.
    pub exclude_values: Vec<String>,
    /// The column whose `include` values are being ticked.
    pub include_col: Option<usize>,
    /// `include` of each column (index = column): the ticked values (none ticked: no filter
    /// on that column); a row is kept when every filtered column holds a ticked value.
    pub include_values: Vec<Vec<String>>,
    /// Extra missing-value markers for every column, comma-separated (`?, 0, n.d.`), written
    /// as `missing: {"*": [...]}`.
    pub missing_markers: String,
    /// The column whose own markers are being edited.
    pub missing_col: Option<usize>,
    /// Missing-value markers of each column (index = column), comma-separated; written as
    /// `missing: {"<header>": [...]}` for every column that has some.
    pub column_markers: Vec<String>,
    /// `period_from.format`: `strftime` form of the dates (`%y%m%d`); empty: automatic
    /// (ISO dates and the known timestamp forms).
    pub date_format: String,
    /// `period_from.bucket`: length of the period a date falls in.
    pub bucket: Bucket,
}

/// The comma-separated items of `text`, trimmed, empty ones left out.
fn items(text: &str) -> Vec<String> {
    text.split(',')
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

/// Label of a period length.
pub fn bucket_label(b: Bucket, lang: Lang) -> &'static str {
    match b {
        Bucket::Year => Msg::WordYear.get(lang),
        Bucket::Half => Msg::HalfYear.get(lang),
        Bucket::Quarter => Msg::Quarter.get(lang),
        Bucket::Month => Msg::Month.get(lang),
    }
}

impl Filters {
    /// The state described by mapping `m` for a table with `headers`.
    pub(super) fn from_mapping(m: &Mapping, headers: &[String]) -> Filters {
        let mut exclude_values = vec![String::new(); headers.len()];
        let mut exclude_col = None;
        for (col, values) in &m.exclude {
            if let Some(i) = find_header(headers, col) {
                exclude_values[i] = values.join(", ");
                exclude_col = exclude_col.or(Some(i));
            }
        }
        let mut include_values = vec![Vec::new(); headers.len()];
        let mut include_col = None;
        for (col, values) in &m.include {
            if let Some(i) = find_header(headers, col) {
                include_values[i] = values.clone();
                include_col = include_col.or(Some(i));
            }
        }
        let mut column_markers = vec![String::new(); headers.len()];
        let mut missing_col = None;
        for (col, markers) in m.missing.iter().filter(|(c, _)| c.as_str() != "*") {
            if let Some(i) = find_header(headers, col) {
                column_markers[i] = markers.join(", ");
                missing_col = missing_col.or(Some(i));
            }
        }
        Filters {
            exclude_col,
            exclude_values,
            include_col,
            include_values,
            missing_markers: m.missing.get("*").map(|v| v.join(", ")).unwrap_or_default(),
            missing_col,
            column_markers,
            date_format: m
                .period_from
                .as_ref()
                .and_then(|p| p.format.clone())
                .unwrap_or_default(),
            bucket: m.period_from.as_ref().map_or(Bucket::Month, |p| p.bucket),
        }
    }

    /// Writes `exclude`, `include`, `missing` and the format and bucket of `period_from`
    /// (when a date column is the period) into `m`.
    pub(super) fn put(&self, m: &mut Mapping, headers: &[String]) {
        m.exclude.clear();
        for (h, text) in headers.iter().zip(&self.exclude_values) {
            let dropped = items(text);
            if !dropped.is_empty() {
                m.exclude.insert(h.clone(), dropped);
            }
        }
        m.include.clear();
        for (h, kept) in headers.iter().zip(&self.include_values) {
            if !kept.is_empty() {
                m.include.insert(h.clone(), kept.clone());
            }
        }
        m.missing.clear();
        let all = items(&self.missing_markers);
        if !all.is_empty() {
            m.missing.insert("*".into(), all);
        }
        for (h, text) in headers.iter().zip(&self.column_markers) {
            let markers = items(text);
            if !markers.is_empty() {
                m.missing.insert(h.clone(), markers);
            }
        }
        if let Some(p) = &mut m.period_from {
            let format = self.date_format.trim();
            p.format = (!format.is_empty()).then(|| format.to_owned());
            p.bucket = self.bucket;
        }
    }
}

impl ImportDialog {
    /// Distinct non-empty values of column `col` in the rows read (at most
    /// [`FILTER_VALUES`]), followed by ticked values not found there.
    pub fn column_values(&self, col: usize) -> Vec<String> {
        let mut values: Vec<String> = Vec::new();
        for row in &self.preview.rows {
            if values.len() >= FILTER_VALUES {
                break;
            }
            if let Some(v) = row.get(col).map(|s| s.trim())
                && !v.is_empty()
                && !values.iter().any(|x| x == v)
            {
                values.push(v.to_owned());
            }
        }
        for v in self.filters.include_values.get(col).into_iter().flatten() {
            if !values.contains(v) {
                values.push(v.clone());
            }
        }
        values
    }

    /// A column picker labelled `label`, with "(none)" first.
    fn column_combo(
        ui: &mut egui::Ui,
        headers: &[String],
        col: &mut Option<usize>,
        salt: &str,
        label: &str,
        lang: Lang,
    ) {
        let none = Msg::NoneOption.get(lang);
        let l = ui.label(label);
        let shown = col
            .and_then(|c| headers.get(c))
            .map_or_else(|| none.to_owned(), Clone::clone);
        egui::ComboBox::from_id_salt(salt)
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(col, None, none);
                for (i, h) in headers.iter().enumerate() {
                    ui.selectable_value(col, Some(i), h.as_str());
                }
            })
            .response
            .labelled_by(l.id);
    }

    /// A row choosing a column, then a text for it (one text per column, kept when another
    /// column is chosen); `words` are the column label, the text's label and its hint.
    fn column_texts(
        ui: &mut egui::Ui,
        headers: &[String],
        col: &mut Option<usize>,
        texts: &mut Vec<String>,
        id: &str,
        words: [Msg; 3],
        lang: Lang,
    ) {
        let [column, text_label, hint] = words;
        ui.horizontal(|ui| {
            Self::column_combo(ui, headers, col, id, column.get(lang), lang);
            texts.resize(headers.len(), String::new());
            if let Some(text) = col.and_then(|c| texts.get_mut(c)) {
                let l = ui.label(text_label.get(lang));
                ui.text_edit_singleline(text)
                    .labelled_by(l.id)
                    .on_hover_text(hint.get(lang));
            }
        });
    }

    /// Missing markers (all columns and per column), the exclude and include filters.
    pub(super) fn filters_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let headers = self.preview.headers.clone();
        ui.horizontal(|ui| {
            let label = ui.label(Msg::AlsoMissingAll.get(lang));
            ui.text_edit_singleline(&mut self.filters.missing_markers)
                .labelled_by(label.id);
        });
        let f = &mut self.filters;
        let missing = [Msg::MissingInColumn, Msg::Markers, Msg::MissingMarkersHint];
        let (col, texts) = (&mut f.missing_col, &mut f.column_markers);
        Self::column_texts(ui, &headers, col, texts, "missing-col", missing, lang);
        let exclude = [
            Msg::DropRowsWhoseColumnHolds,
            Msg::Values,
            Msg::ValuesToDropAnotherColumn,
        ];
        let (col, texts) = (&mut f.exclude_col, &mut f.exclude_values);
        Self::column_texts(ui, &headers, col, texts, "exclude-col", exclude, lang);
        ui.horizontal(|ui| {
            let label = Msg::KeepOnlyRowsWhoseColumn.get(lang);
            let f = &mut self.filters;
            Self::column_combo(ui, &headers, &mut f.include_col, "include-col", label, lang);
        });
        self.filters
            .include_values
            .resize(headers.len(), Vec::new());
        if let Some(col) = self.filters.include_col {
            let values = self.column_values(col);
            ui.horizontal_wrapped(|ui| {
                for v in values {
                    let Some(kept) = self.filters.include_values.get_mut(col) else {
                        break;
                    };
                    let mut on = kept.contains(&v);
                    if ui.checkbox(&mut on, v.as_str()).changed() {
                        kept.retain(|x| *x != v);
                        if on {
                            kept.push(v);
                        }
                    }
                }
            });
        }
        self.filters_summary(ui, &headers, lang);
    }

    /// One line per filtered column, so that filters on several columns stay visible
    /// while another column is edited.
    fn filters_summary(&self, ui: &mut egui::Ui, headers: &[String], lang: Lang) {
        let f = &self.filters;
        for (h, text) in headers.iter().zip(&f.exclude_values) {
            let dropped = items(text);
            if !dropped.is_empty() {
                ui.weak(format!(
                    "{} {h}: {}",
                    Msg::DroppedWhere.get(lang),
                    dropped.join(", ")
                ));
            }
        }
        for (h, kept) in headers.iter().zip(&f.include_values) {
            if !kept.is_empty() {
                ui.weak(format!(
                    "{} {h}: {}",
                    Msg::KeptOnlyWhere.get(lang),
                    kept.join(", ")
                ));
            }
        }
    }

    /// The date format and period length, when a date column gives the period.
    pub(super) fn period_from_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        if !self.roles.contains(&Role::DateForPeriod) {
            return;
        }
        ui.horizontal(|ui| {
            let l = ui.label(Msg::DateFormat.get(lang));
            ui.add(
                egui::TextEdit::singleline(&mut self.filters.date_format)
                    .desired_width(120.0)
                    .hint_text(Msg::Automatic.get(lang)),
            )
            .labelled_by(l.id)
            .on_hover_text(Msg::DateFormatHint.get(lang));
            let l = ui.label(Msg::PeriodLength.get(lang));
            egui::ComboBox::from_id_salt("period-bucket")
                .selected_text(bucket_label(self.filters.bucket, lang))
                .show_ui(ui, |ui| {
                    for b in [Bucket::Year, Bucket::Half, Bucket::Quarter, Bucket::Month] {
                        ui.selectable_value(&mut self.filters.bucket, b, bucket_label(b, lang));
                    }
                })
                .response
                .labelled_by(l.id);
        });
    }
}

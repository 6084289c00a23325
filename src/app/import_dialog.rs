/*!
The column-mapping dialog shown before importing a CSV/TSV or workbook: what each column
holds, constants for absent columns, units and directions of new indicators, the region each
unknown name stands for, the source and grade, and whether to save the mapping next to the
data file (`<file>.mapping.ron`, see [`crate::io::import::mapping_path`]) so the next import
of the same file needs no questions. The command line reads the same file (`--mapping`).

- [`ImportDialog::open`] reads the header and the first rows ([`crate::io::import::preview`])
  and starts from the saved mapping, or else from [`Mapping::guess`]; the app reads the
  preview on its loader thread ([`read_preview`]) and opens the dialog on it
  ([`ImportDialog::from_preview`]).
- [`ImportDialog::show`] draws it as a window each frame and returns
  [`ImportOutcome::Import`] (save the mapping when asked, [`save_mapping_beside`], and run
  the import with it, e.g. with [`crate::io::load::load_path_with`], both on a background
  thread) or [`ImportOutcome::Cancel`]. The dialog itself writes no file.
- The logic needs no window: [`ImportDialog::set_role`], [`ImportDialog::set_layout`],
  [`ImportDialog::set_region_choice`], [`ImportDialog::mapping`], [`ImportDialog::confirm`].

Region and indicator names are collected from the first [`SCAN_ROWS`] rows; the table shows
the first [`PREVIEW_ROWS`]. Names that only appear further down still stop the import with a
listed, located error (unless the saved mapping says `unknown_regions: Create`).

Files: `roles` (column roles per layout, the layout menu, including threads and tickets),
`drafts` (region and indicator rows), `names` (collecting those rows from the rows read,
keeping the choices made), `filters` (exclude / include filters, missing
markers, date format and period length), `build` (the state as a core `Mapping`; the import
rules themselves, such as the own-data source and the unit keywords, live in `io::import`),
`view` (drawing).
*/

use crate::io::import::mapping::{find_channel, find_indicator, find_region, free_region_id};
use crate::io::import::text::{fold_name, slug};
use crate::io::import::{self, FileKind, FilePreview, Layout, Mapping, Unknown, mapping_path};
use crate::model::{
    ChannelId, Dataset, Direction, Grade, Indicator, IndicatorGroup, IndicatorId, Lang, Period,
    Region, RegionId, RegionKind, Source, Text, Unit,
};
use eframe::egui;
use std::path::{Path, PathBuf};

/// Rows shown in the preview table.
pub const PREVIEW_ROWS: usize = 8;

/// Rows read to collect the region and indicator names the file uses.
pub const SCAN_ROWS: usize = 2000;

mod build;
mod drafts;
mod filters;
mod mapping_error;
mod names;
mod roles;
#[cfg(test)]
mod tests;
mod view;

use drafts::direction_label;
pub use drafts::{IndicatorDraft, RegionChoice, RegionRow, UnitKind};
pub use filters::{FILTER_VALUES, Filters, bucket_label};
pub use mapping_error::MappingError;
use roles::is_wide;
pub use roles::{LAYOUTS, Role, layout_label};

/// What the user decided.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportOutcome {
    /// Import `path` with `mapping` (and the `sheet` of a workbook); save the mapping beside
    /// the file first when `save_beside` (the user kept "Save this mapping next to the file").
    Import {
        /// The data file.
        path: PathBuf,
        /// How to read it (boxed: a mapping is large next to `Cancel`).
        mapping: Box<Mapping>,
        /// Sheet of a workbook (also in `mapping.sheet`).
        sheet: Option<String>,
        /// Whether to save the mapping beside the data file before importing.
        save_beside: bool,
    },
    /// Closed without importing; nothing was written.
    Cancel,
}

/// The mapping dialog of one file. See the module documentation.
pub struct ImportDialog {
    path: PathBuf,
    file_name: String,
    catalog: Dataset,
    preview: FilePreview,
    /// The mapping the dialog started from (saved or guessed); fields the dialog does not
    /// show are kept from it.
    base: Mapping,
    from_saved: bool,
    layout: Layout,
    roles: Vec<Role>,
    /// Region of every row when no column holds the region.
    pub region_constant: Option<RegionId>,
    /// Channel of every row when no column holds the channel (`None`: all channels).
    pub channel_constant: Option<ChannelId>,
    /// Indicator name or id of every row when no column holds the indicator.
    pub indicator_constant: String,
    /// Period of every row when no column holds the period (`2024`, `2024-Q1`, …).
    pub period_constant: String,
    regions: Vec<RegionRow>,
    indicators: Vec<IndicatorDraft>,
    /// Title of the source attached to the imported observations.
    pub source_title: String,
    /// Grade of the imported observations (default measured).
    pub grade: Grade,
    /// Whether numbers use a decimal comma (text files).
    pub decimal_comma: bool,
    /// Whether confirming saves the mapping next to the data file (default on).
    pub save_mapping: bool,
    /// Whether malformed rows are left out and listed (`bad_rows: Skip`) instead of
    /// stopping the import.
    pub skip_bad_rows: bool,
    /// Row filters (`exclude`, `include`), missing markers (all columns and per column)
    /// and the date format and period length of a date column.
    pub filters: Filters,
    /// Contact logs: the distinct values of the outcome column and what each means
    /// (`None`: not said; the import then names the cell).
    outcome_codes: Vec<(String, Option<import::OutcomeCode>)>,
    /// The last failure (a typed [`MappingError`] or [`crate::io::LoadError`]) as the text
    /// shown, already in the interface language: a display line, so it stays a `String`.
    error: Option<String>,
}

impl ImportDialog {
    /// Reads the preview (header and first rows) of `path` and starts from the mapping
    /// saved beside it, else from a guess. `catalog` is what names are resolved against
    /// (the bundled benchmark or the current dataset; only its catalogue is kept).
    /// `Err` names the file (and the row/column or mapping line); show it with
    /// [`crate::io::LoadError::message`] in the interface language.
    pub fn open(path: PathBuf, catalog: &Dataset) -> Result<ImportDialog, crate::io::LoadError> {
        let catalog = catalog.catalog();
        let preview = read_preview(&path, None, &catalog)?;
        Ok(ImportDialog::from_preview(path, preview, catalog))
    }

    /// The dialog for `path` on a preview already read ([`read_preview`]); `catalog` is what
    /// names are resolved against (a [`Dataset::catalog`]).
    pub fn from_preview(path: PathBuf, preview: FilePreview, catalog: Dataset) -> ImportDialog {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "data".into());
        let mut d = ImportDialog {
            path,
            file_name,
            catalog,
            preview,
            base: Mapping::default(),
            from_saved: false,
            layout: Layout::Long,
            roles: Vec::new(),
            region_constant: None,
            channel_constant: None,
            indicator_constant: String::new(),
            period_constant: String::new(),
            regions: Vec::new(),
            indicators: Vec::new(),
            source_title: String::new(),
            grade: Grade::Measured,
            decimal_comma: false,
            save_mapping: true,
            skip_bad_rows: false,
            outcome_codes: Vec::new(),
            filters: Filters::default(),
            error: None,
        };
        d.start_from_preview();
        d
    }

    /// Whether a mapping saved beside `path` exists (then the app may import directly).
    pub fn has_saved_mapping(path: &Path) -> bool {
        mapping_path(path).is_file()
    }

    /// Sets every choice from the preview's saved mapping, else its guess.
    fn start_from_preview(&mut self) {
        self.from_saved = self.preview.saved.is_some();
        let m = self
            .preview
            .saved
            .clone()
            .unwrap_or_else(|| self.preview.guess.clone());
        let headers = &self.preview.headers;
        let mut roles = vec![Role::Ignore; headers.len()];
        let mut columns = m.columns.clone();
        for role in Role::SINGLE {
            if let Some(Some(name)) = role.slot(&mut columns).map(|s| s.as_ref())
                && let Some(i) = find_header(headers, name)
                && roles[i] == Role::Ignore
            {
                roles[i] = role;
            }
        }
        if let Some(pf) = &m.period_from
            && let Some(i) = find_header(headers, &pf.column)
            && roles[i] == Role::Ignore
        {
            roles[i] = Role::DateForPeriod;
        }
        self.skip_bad_rows = m.bad_rows == import::BadRows::Skip;
        self.filters = Filters::from_mapping(&m, headers);
        if is_wide(m.layout) {
            if m.value_columns.is_empty() {
                for (i, h) in headers.iter().enumerate() {
                    let fits = m.layout != Layout::WideYears || Period::parse(h.trim()).is_ok();
                    if roles[i] == Role::Ignore && !h.trim().is_empty() && fits {
                        roles[i] = Role::Value;
                    }
                }
            } else {
                for name in &m.value_columns {
                    if let Some(i) = find_header(headers, name)
                        && roles[i] == Role::Ignore
                    {
                        roles[i] = Role::Value;
                    }
                }
            }
        }
        self.roles = roles;
        self.layout = m.layout;
        self.region_constant = m
            .constants
            .region
            .as_deref()
            .and_then(|n| find_region(n, &self.catalog))
            .and_then(|ix| self.catalog.regions().at(ix))
            .map(|r| r.id.clone());
        self.channel_constant = m
            .constants
            .channel
            .as_deref()
            .and_then(|n| find_channel(n, &self.catalog))
            .and_then(|ix| self.catalog.channels().at(ix))
            .map(|c| c.id.clone());
        self.indicator_constant = m.constants.indicator.clone().unwrap_or_default();
        self.period_constant = m
            .constants
            .period
            .map(|p| p.to_string())
            .unwrap_or_default();
        self.source_title = m
            .source
            .as_ref()
            .map(|s| s.title.clone())
            .unwrap_or_else(|| self.file_name.clone());
        self.grade = m.grade;
        self.decimal_comma = m.decimal_comma.unwrap_or(self.preview.decimal_comma);
        self.base = m;
        self.regions.clear();
        self.indicators.clear();
        self.refresh_names();
    }

    /// The data file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The preview read from the file (headers, up to [`SCAN_ROWS`] rows, sheets,
    /// detected encoding, delimiter, decimal comma, saved and guessed mappings).
    pub fn preview(&self) -> &FilePreview {
        &self.preview
    }

    /// Whether the dialog started from the mapping saved beside the file.
    pub fn from_saved_mapping(&self) -> bool {
        self.from_saved
    }

    /// The layout chosen.
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// The role of each column, in header order.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// The role of the column named `header`.
    pub fn role_of(&self, header: &str) -> Option<Role> {
        find_header(&self.preview.headers, header).map(|i| self.roles[i])
    }

    /// Distinct region names of the region column, with what each becomes.
    pub fn region_rows(&self) -> &[RegionRow] {
        &self.regions
    }

    /// Indicator names of the file that are not in the catalogue.
    pub fn indicator_drafts(&self) -> &[IndicatorDraft] {
        &self.indicators
    }

    /// The draft of the unknown indicator `name`, to edit.
    pub fn indicator_draft_mut(&mut self, name: &str) -> Option<&mut IndicatorDraft> {
        self.indicators.iter_mut().find(|d| d.name == name)
    }

    /// Contact logs: the outcome values found and their meaning.
    pub fn outcome_codes(&self) -> &[(String, Option<import::OutcomeCode>)] {
        &self.outcome_codes
    }

    /// Says what an outcome value means (`Ignore` drops its rows from every figure).
    pub fn set_outcome_code(&mut self, value: &str, code: Option<import::OutcomeCode>) {
        if let Some(e) = self.outcome_codes.iter_mut().find(|(v, _)| v == value) {
            e.1 = code;
        }
    }

    /// The message shown after a failed confirmation, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Gives column `col` the role `role`. A role that names one column is taken from the
    /// column that held it before; the region and indicator lists follow.
    pub fn set_role(&mut self, col: usize, role: Role) {
        if col >= self.roles.len() {
            return;
        }
        if role != Role::Ignore && !role.multiple(self.layout) {
            for r in &mut self.roles {
                if *r == role {
                    *r = Role::Ignore;
                }
            }
        }
        self.roles[col] = role;
        self.refresh_names();
    }

    /// Changes the layout. Roles the layout does not offer become "ignore"; switching to a
    /// wide layout makes the columns without a role value columns (periods only for
    /// wide-years), switching to long keeps one value column.
    pub fn set_layout(&mut self, layout: Layout) {
        if layout == self.layout {
            return;
        }
        let offered = Role::for_layout(layout);
        for r in &mut self.roles {
            if !offered.contains(r) {
                *r = Role::Ignore;
            }
        }
        if is_wide(layout) {
            for (i, h) in self.preview.headers.iter().enumerate() {
                let fits = layout != Layout::WideYears || Period::parse(h.trim()).is_ok();
                if self.roles[i] == Role::Ignore && !h.trim().is_empty() && fits {
                    self.roles[i] = Role::Value;
                }
            }
        } else {
            let mut seen = false;
            for r in &mut self.roles {
                if *r == Role::Value {
                    if seen {
                        *r = Role::Ignore;
                    }
                    seen = true;
                }
            }
        }
        self.layout = layout;
        self.refresh_names();
    }

    /// Sets what the region name `name` becomes; `false` when the name is not listed.
    pub fn set_region_choice(&mut self, name: &str, choice: RegionChoice) -> bool {
        match self.regions.iter_mut().find(|r| r.name == name) {
            Some(r) => {
                r.choice = choice;
                true
            }
            None => false,
        }
    }

    /// Re-reads the preview of another sheet of a workbook and starts again from the
    /// saved mapping or a guess for it.
    pub fn set_sheet(&mut self, sheet: &str) -> Result<(), crate::io::LoadError> {
        let preview = read_preview(&self.path, Some(sheet), &self.catalog)?;
        self.preview = preview;
        self.start_from_preview();
        Ok(())
    }

    fn col(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == role)
    }
}

/// Reads the preview of `path` (up to [`SCAN_ROWS`] rows; a workbook's `sheet`, else the
/// saved or first one); the error names the file.
pub fn read_preview(
    path: &Path,
    sheet: Option<&str>,
    catalog: &Dataset,
) -> Result<FilePreview, crate::io::LoadError> {
    import::preview(path, sheet, SCAN_ROWS, catalog).map_err(|e| e.into_load_error(path))
}

/// Saves `mapping` beside the data file `path` (atomically, replacing an older mapping file;
/// the data file itself is never written) and returns where.
pub fn save_mapping_beside(
    path: &Path,
    mapping: &Mapping,
) -> Result<PathBuf, crate::io::LoadError> {
    let target = mapping_path(path);
    if target == path {
        return Err(crate::io::LoadError::Io {
            path: target,
            source: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "refusing to overwrite the data file",
            ),
        });
    }
    mapping
        .save_beside(path, true)
        .map_err(|e| e.into_load_error(path))
}

/// Index of the header `name`: exact, else ignoring case, accents and punctuation (as the
/// importer matches them).
fn find_header(headers: &[String], name: &str) -> Option<usize> {
    let n = fold_name(name);
    headers
        .iter()
        .position(|h| h == name)
        .or_else(|| headers.iter().position(|h| fold_name(h) == n))
}

/// The id `map` gives `name` (exact key, else the normalised one).
fn mapped<'a>(map: &'a std::collections::BTreeMap<String, String>, name: &str) -> Option<&'a str> {
    if let Some(v) = map.get(name) {
        return Some(v);
    }
    let n = fold_name(name);
    map.iter()
        .find(|(k, _)| fold_name(k) == n)
        .map(|(_, v)| v.as_str())
}

/// Removes the entry of `name` (exact or normalised) from `map`; returns its id.
fn remove_mapped(
    map: &mut std::collections::BTreeMap<String, String>,
    name: &str,
) -> Option<String> {
    let n = fold_name(name);
    let key = map
        .keys()
        .find(|k| k.as_str() == name)
        .or_else(|| map.keys().find(|k| fold_name(k) == n))
        .cloned()?;
    map.remove(&key)
}

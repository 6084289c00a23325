/*!
What the workspace remembers between runs ([`AppState`], persisted by eframe) and the
interface-only state of one run ([`UiState`]).
*/

use crate::chart::{ChartKind, ChartSpec};
use crate::io::import::Mapping;
use crate::model::{Dataset, Lang, PracticeTheme, RegionId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Key under which [`AppState`] is stored by eframe.
pub const STORAGE_KEY: &str = "servicescope.workspace";

/// Most recent files remembered.
pub const MAX_RECENT: usize = 10;

/// A named chart selection. The spec is what the exporter consumes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    /// Name given by the user.
    pub name: String,
    /// The chart.
    pub spec: ChartSpec,
}

/// The persisted workspace: selection, open files, saved views, language and theme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// The current selection and chart.
    pub spec: ChartSpec,
    /// Interface language.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// Files loaded on top of the bundled benchmark, in load order.
    pub open_files: Vec<PathBuf>,
    /// How each open table was read when the import dialog chose its mapping (and sheet):
    /// reloads, restarts and closing another file read it the same way, also when the
    /// mapping was not saved beside the file.
    pub import_choices: BTreeMap<PathBuf, ImportChoice>,
    /// Recently opened files, most recent first.
    pub recent_files: Vec<PathBuf>,
    /// Saved views.
    pub views: Vec<SavedView>,
    /// The deck: named charts in slide order (exported together, saved as a deck file).
    pub deck: Vec<crate::export::DeckChart>,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            spec: default_spec(),
            lang: super::i18n::system_lang(),
            dark: false,
            open_files: Vec::new(),
            import_choices: BTreeMap::new(),
            recent_files: Vec::new(),
            views: Vec::new(),
            deck: Vec::new(),
        }
    }
}

impl AppState {
    /// A new workspace on `ds`: its selection is [`default_spec_for`] `ds`.
    pub fn for_dataset(ds: &Dataset) -> AppState {
        AppState {
            spec: default_spec_for(ds),
            ..AppState::default()
        }
    }

    /// Puts `path` first in the recent list (without duplicates, at most [`MAX_RECENT`]).
    pub fn remember_recent(&mut self, path: &std::path::Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(MAX_RECENT);
    }
}

/// The mapping and sheet chosen in the import dialog for one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportChoice {
    /// How the columns are read.
    pub mapping: Mapping,
    /// Sheet of a workbook.
    pub sheet: Option<String>,
}

/// The selection a new user of the bundled benchmark starts on: the chart named by the
/// bundled data ([`crate::io::benchmark::START_CHART`], measured values only); a ranking of
/// all regions (an empty selection) if that file could not be read.
pub fn default_spec() -> ChartSpec {
    let (name, text) = crate::io::benchmark::START_CHART;
    crate::export::deck::parse_chart_spec(text, std::path::Path::new(name)).unwrap_or_else(|_| {
        ChartSpec {
            kind: ChartKind::Ranking,
            value_labels: true,
            ..Default::default()
        }
    })
}

/// The selection a new workspace on `ds` starts on: [`default_spec`] when every region and
/// indicator it names is in `ds` (the bundled benchmark); else a ranking of the regions and
/// the first indicator of the dataset's default view (`default_view` in its catalogue, ids
/// it does not define passed over), or of its first indicator when it states none.
pub fn default_spec_for(ds: &Dataset) -> ChartSpec {
    let start = default_spec();
    let known = |s: &ChartSpec| {
        !s.indicators.is_empty()
            && s.indicators
                .iter()
                .all(|i| ds.indicators().get(i.as_str()).is_some())
            && s.regions
                .iter()
                .all(|r| ds.regions().get(r.as_str()).is_some())
    };
    if known(&start) {
        return start;
    }
    let view = ds.default_view();
    let indicator = view
        .indicators
        .iter()
        .find(|i| ds.indicators().get(i.as_str()).is_some())
        .cloned()
        .or_else(|| ds.indicators().iter().next().map(|i| i.id.clone()));
    ChartSpec {
        kind: ChartKind::Ranking,
        indicators: indicator.into_iter().collect(),
        regions: view
            .regions
            .iter()
            .filter(|r| ds.regions().get(r.as_str()).is_some())
            .cloned()
            .collect(),
        value_labels: true,
        ..Default::default()
    }
}

/// Main area of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Tab {
    /// The chart of the current selection.
    #[default]
    Chart,
    /// The data table of what is charted.
    Table,
    /// The practices matrix.
    Practices,
    /// Every source of the dataset.
    Sources,
    /// The evidence base: values per grade, region × indicator (× channel).
    Coverage,
}

/// Sort order of the data table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortColumn {
    /// Legend order (as charted).
    #[default]
    Chart,
    /// Region name.
    Region,
    /// Channel name.
    Channel,
    /// Indicator name.
    Indicator,
    /// Period.
    Period,
    /// Value.
    Value,
    /// Sample size.
    Sample,
    /// Margin of error.
    Margin,
    /// Grade.
    Grade,
    /// Source id.
    Source,
}

/// Interface state that is not persisted.
#[derive(Clone, Debug, Default)]
pub struct UiState {
    /// Visible main area.
    pub tab: Tab,
    /// Presentation mode (full screen, larger fonts, side panels hidden).
    pub presentation: bool,
    /// Help window open.
    pub show_help: bool,
    /// About window open.
    pub show_about: bool,
    /// Name typed for the next saved view.
    pub view_name: String,
    /// Index of the view last recalled (for arrow-key stepping).
    pub current_view: Option<usize>,
    /// Practices: theme filter.
    pub practice_theme: Option<PracticeTheme>,
    /// Practices: free-text search.
    pub practice_search: String,
    /// Practices: selected matrix cell (region id, theme).
    pub practice_cell: Option<(RegionId, PracticeTheme)>,
    /// "What to transfer": the region that lacks the practices.
    pub transfer_to: Option<RegionId>,
    /// "What to transfer": where they come from (`None`: any other region).
    pub transfer_from: Option<RegionId>,
    /// Data table: sort column and descending flag.
    pub sort: (SortColumn, bool),
    /// A short status message (copied, reloaded…).
    pub status: Option<String>,
    /// The path typed in the "open by path" field, while it is shown.
    pub path_entry: Option<String>,
    /// Coverage tab: one row per indicator × channel instead of per indicator.
    pub coverage_by_channel: bool,
    /// Storytelling panel of the chart tab open.
    pub show_story: bool,
    /// The headline field takes the keyboard on the next frame (F2).
    pub focus_headline: bool,
    /// Text typed in the storytelling forms.
    pub story: super::story_panel::StoryForm,
    /// Deck window open.
    pub show_deck: bool,
    /// Name typed for the next slide (empty: made from the headline).
    pub deck_new_name: String,
    /// A slide name being edited: (slide index, text).
    pub deck_edit: Option<(usize, String)>,
    /// Deck file field of the deck window.
    pub deck_file: String,
    /// Export folder field of the deck window.
    pub deck_out: String,
    /// Export format chosen in the deck window.
    pub deck_format: super::deck::DeckFormat,
}

/*!
The column-mapping dialog shown before importing a CSV/TSV or workbook: what each column
holds, constants for absent columns, units and directions of new indicators, the region each
unknown name stands for, the source and grade, and whether to save the mapping next to the
data file (`<file>.mapping.ron`, see [`crate::io::import::mapping_path`]) so the next import
of the same file needs no questions. The command line reads the same file (`--mapping`).

- [`ImportDialog::open`] reads the header and the first rows ([`crate::io::import::preview`])
  and starts from the saved mapping, or else from [`Mapping::guess`].
- [`ImportDialog::show`] draws it as a window each frame and returns
  [`ImportOutcome::Import`] (run the import with the mapping, e.g. with
  [`crate::io::load::load_path_with`] on a background thread) or [`ImportOutcome::Cancel`].
- The logic needs no window: [`ImportDialog::set_role`], [`ImportDialog::set_layout`],
  [`ImportDialog::set_region_choice`], [`ImportDialog::mapping`], [`ImportDialog::confirm`].

Region and indicator names are collected from the first [`SCAN_ROWS`] rows; the table shows
the first [`PREVIEW_ROWS`]. Names that only appear further down still stop the import with a
listed, located error (unless the saved mapping says `unknown_regions: Create`).
*/

use crate::io::import::mapping::{find_channel, find_indicator, find_region, free_region_id};
use crate::io::import::text::{normalise, slug};
use crate::io::import::{self, FileKind, Layout, Mapping, Preview, Unknown, mapping_path};
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

/// Picks the English or the French text.
fn tr(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// What a column holds (a field of [`crate::io::import::Columns`]), or nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Not imported.
    Ignore,
    /// Region name, id or code.
    Region,
    /// ISO code of the region.
    Code,
    /// Channel.
    Channel,
    /// Indicator name or id.
    Indicator,
    /// Period.
    Period,
    /// Value: the value column (long layout) or one of the value columns (wide layouts).
    Value,
    /// Source id of each row.
    Source,
    /// Grade of each row.
    Grade,
    /// Sample size.
    SampleSize,
    /// Margin of error.
    Margin,
    /// Free note.
    Note,
    /// Survey: likelihood to recommend (0–10).
    Recommend,
    /// Survey: satisfaction (1–5).
    Satisfaction,
    /// Contact log: queue seconds.
    QueueS,
    /// Contact log: handling seconds.
    ServiceS,
    /// Contact log: answered / abandoned.
    Outcome,
    /// Contact log: customer key.
    Customer,
    /// Contact log: date and time.
    Timestamp,
    /// Segment: company, brand or sector.
    Segment,
    /// Threads: message id.
    MessageId,
    /// Threads: id of the message answered.
    ReplyTo,
    /// Threads: sent by the customer.
    Inbound,
    /// Threads: company or brand handle.
    Account,
    /// Threads: date and time of the message.
    CreatedAt,
    /// Tickets: ticket key.
    Ticket,
    /// Tickets: opening date and time.
    OpenedAt,
    /// Tickets: event date and time.
    EventAt,
    /// Tickets: state after the event.
    State,
    /// Tickets: resolution date and time.
    ResolvedAt,
}

impl Role {
    /// Roles that name one column each, in the order they are matched.
    const SINGLE: [Role; 29] = [
        Role::Region,
        Role::Code,
        Role::Channel,
        Role::Indicator,
        Role::Period,
        Role::Value,
        Role::Source,
        Role::Grade,
        Role::SampleSize,
        Role::Margin,
        Role::Note,
        Role::Recommend,
        Role::Satisfaction,
        Role::QueueS,
        Role::ServiceS,
        Role::Outcome,
        Role::Customer,
        Role::Timestamp,
        Role::Segment,
        Role::MessageId,
        Role::ReplyTo,
        Role::Inbound,
        Role::Account,
        Role::CreatedAt,
        Role::Ticket,
        Role::OpenedAt,
        Role::EventAt,
        Role::State,
        Role::ResolvedAt,
    ];

    /// Label in the role menus.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Ignore => tr(lang, "ignore", "ignorer"),
            Role::Region => tr(lang, "region", "région"),
            Role::Code => tr(lang, "region code", "code de région"),
            Role::Channel => tr(lang, "channel", "canal"),
            Role::Indicator => tr(lang, "indicator", "indicateur"),
            Role::Period => tr(lang, "period", "période"),
            Role::Value => tr(lang, "value", "valeur"),
            Role::Source => tr(lang, "source", "source"),
            Role::Grade => tr(lang, "grade", "qualité"),
            Role::SampleSize => tr(lang, "sample size", "échantillon"),
            Role::Margin => tr(lang, "margin of error", "marge d'erreur"),
            Role::Note => tr(lang, "note", "note"),
            Role::Recommend => tr(lang, "recommend (0–10)", "recommandation (0–10)"),
            Role::Satisfaction => tr(lang, "satisfaction (1–5)", "satisfaction (1–5)"),
            Role::QueueS => tr(lang, "queue time", "temps d'attente"),
            Role::ServiceS => tr(lang, "handling time", "durée de traitement"),
            Role::Outcome => tr(lang, "outcome", "issue"),
            Role::Customer => tr(lang, "customer", "client"),
            Role::Timestamp => tr(lang, "date and time", "date et heure"),
            Role::Segment => tr(lang, "segment", "segment"),
            Role::MessageId => tr(lang, "message id", "id du message"),
            Role::ReplyTo => tr(lang, "reply to", "réponse à"),
            Role::Inbound => tr(lang, "inbound (customer)", "entrant (client)"),
            Role::Account => tr(lang, "account", "compte"),
            Role::CreatedAt => tr(lang, "created at", "créé le"),
            Role::Ticket => tr(lang, "ticket", "ticket"),
            Role::OpenedAt => tr(lang, "opened at", "ouvert le"),
            Role::EventAt => tr(lang, "event at", "événement le"),
            Role::State => tr(lang, "state", "état"),
            Role::ResolvedAt => tr(lang, "resolved at", "résolu le"),
        }
    }

    /// Roles offered for `layout`, in menu order.
    pub fn for_layout(layout: Layout) -> &'static [Role] {
        use Role::*;
        match layout {
            Layout::Long | Layout::WideYears | Layout::WideIndicators | Layout::Owid => &[
                Ignore, Region, Code, Channel, Segment, Indicator, Period, Value, Source, Grade,
                SampleSize, Margin, Note,
            ],
            Layout::SurveyAnswers => &[
                Ignore,
                Region,
                Code,
                Channel,
                Period,
                Recommend,
                Satisfaction,
                Source,
                Grade,
            ],
            Layout::ContactLog => &[
                Ignore, Region, Code, Channel, Segment, Period, QueueS, ServiceS, Outcome,
                Customer, Timestamp, Source, Grade,
            ],
            Layout::Threads => &[
                Ignore, Region, Code, Channel, Segment, Period, MessageId, ReplyTo, Inbound,
                Account, CreatedAt, Source, Grade,
            ],
            Layout::Tickets => &[
                Ignore, Region, Code, Channel, Segment, Period, Ticket, OpenedAt, EventAt, State,
                ResolvedAt, Source, Grade,
            ],
        }
    }

    /// Whether several columns may hold this role in `layout` (the value columns of wide
    /// layouts).
    pub fn multiple(self, layout: Layout) -> bool {
        self == Role::Value && is_wide(layout)
    }

    /// The field of `columns` for this role (`None` for [`Role::Ignore`]).
    fn slot(self, c: &mut import::Columns) -> Option<&mut Option<String>> {
        Some(match self {
            Role::Ignore => return None,
            Role::Region => &mut c.region,
            Role::Code => &mut c.code,
            Role::Channel => &mut c.channel,
            Role::Indicator => &mut c.indicator,
            Role::Period => &mut c.period,
            Role::Value => &mut c.value,
            Role::Source => &mut c.source,
            Role::Grade => &mut c.grade,
            Role::SampleSize => &mut c.sample_size,
            Role::Margin => &mut c.margin,
            Role::Note => &mut c.note,
            Role::Recommend => &mut c.recommend,
            Role::Satisfaction => &mut c.satisfaction,
            Role::QueueS => &mut c.queue_s,
            Role::ServiceS => &mut c.service_s,
            Role::Outcome => &mut c.outcome,
            Role::Customer => &mut c.customer,
            Role::Timestamp => &mut c.timestamp,
            Role::Segment => &mut c.segment,
            Role::MessageId => &mut c.message_id,
            Role::ReplyTo => &mut c.reply_to,
            Role::Inbound => &mut c.inbound,
            Role::Account => &mut c.account,
            Role::CreatedAt => &mut c.created_at,
            Role::Ticket => &mut c.ticket,
            Role::OpenedAt => &mut c.opened_at,
            Role::EventAt => &mut c.event_at,
            Role::State => &mut c.state,
            Role::ResolvedAt => &mut c.resolved_at,
        })
    }
}

fn is_wide(layout: Layout) -> bool {
    matches!(
        layout,
        Layout::WideYears | Layout::WideIndicators | Layout::Owid
    )
}

/// Layouts offered, in menu order.
pub const LAYOUTS: [Layout; 8] = [
    Layout::Long,
    Layout::WideYears,
    Layout::WideIndicators,
    Layout::Owid,
    Layout::SurveyAnswers,
    Layout::ContactLog,
    Layout::Threads,
    Layout::Tickets,
];

/// Label of a layout in the layout menu.
pub fn layout_label(layout: Layout, lang: Lang) -> &'static str {
    match layout {
        Layout::Long => tr(
            lang,
            "long (one value per row)",
            "longue (une valeur par ligne)",
        ),
        Layout::WideYears => tr(
            lang,
            "wide: one column per period",
            "large : une colonne par période",
        ),
        Layout::WideIndicators => tr(
            lang,
            "wide: one column per indicator",
            "large : une colonne par indicateur",
        ),
        Layout::Owid => tr(lang, "Our World in Data", "Our World in Data"),
        Layout::SurveyAnswers => tr(lang, "survey answers", "réponses d'enquête"),
        Layout::ContactLog => tr(lang, "contact log", "journal des contacts"),
        Layout::Threads => tr(
            lang,
            "message threads (support inbox, social account)",
            "fils de messages (boîte de support, compte social)",
        ),
        Layout::Tickets => tr(
            lang,
            "ticket events (service desk)",
            "événements de tickets (centre de services)",
        ),
    }
}

/// What an unknown (or known) region name of the file becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegionChoice {
    /// Not decided yet: the import cannot start.
    Unset,
    /// A region of the catalogue.
    Existing(RegionId),
    /// A new country region named after the name in the file.
    NewCountry,
    /// A new group of countries (without members) named after the name in the file.
    NewGroup,
}

/// One distinct region name of the region column.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionRow {
    /// The name as written in the file.
    pub name: String,
    /// The catalogue region it denotes exactly (id, ISO code, alias, English or French
    /// name), if any.
    pub known: Option<RegionId>,
    /// Likely catalogue regions for an unknown name, best first, with a score 0–1
    /// ([`crate::io::import::suggest_region`]).
    pub suggestions: Vec<(RegionId, f64)>,
    /// What the name becomes.
    pub choice: RegionChoice,
}

/// Kind of unit offered for a new indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// Percentage, 0–100.
    Percent,
    /// Score between [`IndicatorDraft::min`] and [`IndicatorDraft::max`].
    Score,
    /// Seconds.
    Seconds,
    /// Money in [`IndicatorDraft::currency`].
    Currency,
    /// A count.
    Count,
    /// An unbounded index.
    Index,
}

impl UnitKind {
    /// All kinds, in menu order.
    pub const ALL: [UnitKind; 6] = [
        UnitKind::Percent,
        UnitKind::Score,
        UnitKind::Seconds,
        UnitKind::Currency,
        UnitKind::Count,
        UnitKind::Index,
    ];

    /// Label in the unit menu.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            UnitKind::Percent => tr(lang, "percent", "pourcentage"),
            UnitKind::Score => tr(lang, "score", "score"),
            UnitKind::Seconds => tr(lang, "seconds", "secondes"),
            UnitKind::Currency => tr(lang, "currency", "monnaie"),
            UnitKind::Count => tr(lang, "count", "nombre"),
            UnitKind::Index => tr(lang, "index", "indice"),
        }
    }
}

fn direction_label(d: Direction, lang: Lang) -> &'static str {
    match d {
        Direction::HigherIsBetter => tr(lang, "higher is better", "plus haut = mieux"),
        Direction::LowerIsBetter => tr(lang, "lower is better", "plus bas = mieux"),
        Direction::Neutral => tr(lang, "neutral", "neutre"),
    }
}

/// An indicator name of the file that is not in the catalogue.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorDraft {
    /// The name as written in the file (indicator cell or column header).
    pub name: String,
    /// `Some`: map the name to this catalogue indicator; `None`: create a new indicator.
    pub existing: Option<IndicatorId>,
    /// Id of the new indicator (a slug).
    pub id: String,
    /// Display name of the new indicator.
    pub label: String,
    /// Unit kind.
    pub unit: UnitKind,
    /// Lowest score ([`UnitKind::Score`]).
    pub min: f64,
    /// Highest score ([`UnitKind::Score`]).
    pub max: f64,
    /// ISO 4217 code ([`UnitKind::Currency`]).
    pub currency: String,
    /// Which way is better.
    pub direction: Direction,
    /// Definition and group kept from a saved mapping.
    kept: Option<Indicator>,
}

impl IndicatorDraft {
    fn new(name: &str, taken: &dyn Fn(&str) -> bool) -> IndicatorDraft {
        let percent = import::percent_like(name);
        let base = match slug(name) {
            s if s.is_empty() => "indicator".to_owned(),
            s => s,
        };
        let id = std::iter::once(base.clone())
            .chain((2..).map(|k| format!("{base}_{k}")))
            .find(|c| !taken(c))
            .unwrap_or(base);
        IndicatorDraft {
            name: name.to_owned(),
            existing: None,
            id,
            label: name.trim().to_owned(),
            unit: if percent {
                UnitKind::Percent
            } else {
                UnitKind::Index
            },
            min: 0.0,
            max: 10.0,
            currency: "EUR".into(),
            direction: Direction::Neutral,
            kept: None,
        }
    }

    fn from_indicator(name: &str, ind: &Indicator) -> IndicatorDraft {
        let (unit, min, max, currency) = match &ind.unit {
            Unit::Percent => (UnitKind::Percent, 0.0, 10.0, "EUR".to_owned()),
            Unit::Score { min, max } => (UnitKind::Score, *min, *max, "EUR".to_owned()),
            Unit::Seconds => (UnitKind::Seconds, 0.0, 10.0, "EUR".to_owned()),
            Unit::Currency { code } => (UnitKind::Currency, 0.0, 10.0, code.clone()),
            Unit::Count => (UnitKind::Count, 0.0, 10.0, "EUR".to_owned()),
            Unit::Index { .. } => (UnitKind::Index, 0.0, 10.0, "EUR".to_owned()),
        };
        IndicatorDraft {
            name: name.to_owned(),
            existing: None,
            id: ind.id.to_string(),
            label: ind.name.en.clone(),
            unit,
            min,
            max,
            currency,
            direction: ind.direction,
            kept: Some(ind.clone()),
        }
    }

    /// The unit described by the draft.
    pub fn unit(&self) -> Unit {
        match self.unit {
            UnitKind::Percent => Unit::Percent,
            UnitKind::Score => Unit::Score {
                min: self.min,
                max: self.max,
            },
            UnitKind::Seconds => Unit::Seconds,
            UnitKind::Currency => Unit::Currency {
                code: self.currency.trim().to_ascii_uppercase(),
            },
            UnitKind::Count => Unit::Count,
            UnitKind::Index => match &self.kept {
                Some(Indicator {
                    unit: u @ Unit::Index { .. },
                    ..
                }) => u.clone(),
                _ => Unit::Index {
                    min: None,
                    max: None,
                },
            },
        }
    }

    /// The new indicator described by the draft.
    fn indicator(&self, file_name: &str) -> Indicator {
        let label = self.label.trim();
        let mut ind = self.kept.clone().unwrap_or_else(|| Indicator {
            id: IndicatorId::new(""),
            name: Text::default(),
            definition: Text::new(
                format!(
                    "Imported from {file_name} (column or name \"{}\").",
                    self.name
                ),
                format!("Importé de {file_name} (colonne ou nom « {} »).", self.name),
            ),
            unit: Unit::Percent,
            direction: Direction::Neutral,
            group: IndicatorGroup::Other,
            channel_specific: false,
            channel_mix: false,
        });
        ind.id = IndicatorId::new(self.id.trim());
        if ind.name.en != label {
            ind.name = Text::same(label);
        }
        ind.unit = self.unit();
        ind.direction = self.direction;
        ind
    }
}

/// What the user decided.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportOutcome {
    /// Import `path` with `mapping` (and the `sheet` of a workbook). When the user kept
    /// "Save this mapping next to the file", the mapping is already saved.
    Import {
        /// The data file.
        path: PathBuf,
        /// How to read it (boxed: a mapping is large next to `Cancel`).
        mapping: Box<Mapping>,
        /// Sheet of a workbook (also in `mapping.sheet`).
        sheet: Option<String>,
    },
    /// Closed without importing; nothing was written.
    Cancel,
}

/// The mapping dialog of one file. See the module documentation.
pub struct ImportDialog {
    path: PathBuf,
    file_name: String,
    catalog: Dataset,
    preview: Preview,
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
    error: Option<String>,
}

impl ImportDialog {
    /// Reads the preview (header and first rows) of `path` and starts from the mapping
    /// saved beside it, else from a guess. `catalog` is what names are resolved against
    /// (the bundled benchmark or the current dataset; only its catalogue is kept).
    /// `Err` holds a message naming the file (and the row/column or mapping line).
    pub fn open(path: PathBuf, catalog: &Dataset) -> Result<ImportDialog, String> {
        let catalog = catalog.catalog();
        let preview = read_preview(&path, None, &catalog)?;
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
            error: None,
        };
        d.start_from_preview();
        Ok(d)
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
            .map(|ix| self.catalog.regions.at(ix).id.clone());
        self.channel_constant = m
            .constants
            .channel
            .as_deref()
            .and_then(|n| find_channel(n, &self.catalog))
            .map(|ix| self.catalog.channels.at(ix).id.clone());
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
    pub fn preview(&self) -> &Preview {
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
    pub fn set_sheet(&mut self, sheet: &str) -> Result<(), String> {
        let preview = read_preview(&self.path, Some(sheet), &self.catalog)?;
        self.preview = preview;
        self.start_from_preview();
        Ok(())
    }

    fn col(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == role)
    }

    /// Recomputes the region rows and indicator drafts from the rows read, keeping the
    /// choices already made for names still present.
    fn refresh_names(&mut self) {
        let rows = &self.preview.rows;
        let cell = |row: &Vec<String>, col: usize| row.get(col).map(|s| s.trim().to_owned());
        // regions
        let mut regions = Vec::new();
        if let Some(rc) = self.col(Role::Region) {
            let code_col = self.col(Role::Code);
            let mut seen = std::collections::HashSet::new();
            for row in rows {
                let Some(name) = cell(row, rc).filter(|n| !n.is_empty()) else {
                    continue;
                };
                if !seen.insert(name.clone()) {
                    continue;
                }
                let code = code_col
                    .and_then(|c| cell(row, c))
                    .filter(|c| !c.is_empty());
                if let Some(prev) = self.regions.iter().find(|r| r.name == name) {
                    regions.push(prev.clone());
                    continue;
                }
                regions.push(self.region_row(&name, code.as_deref()));
            }
        }
        self.regions = regions;
        // indicators
        let mut names: Vec<String> = Vec::new();
        let mut push = |n: String| {
            if !n.is_empty() && !names.contains(&n) {
                names.push(n);
            }
        };
        match self.layout {
            Layout::WideIndicators | Layout::Owid => {
                for (i, h) in self.preview.headers.iter().enumerate() {
                    if self.roles[i] == Role::Value {
                        push(h.trim().to_owned());
                    }
                }
            }
            Layout::Long | Layout::WideYears => match self.col(Role::Indicator) {
                Some(ic) => rows.iter().filter_map(|r| cell(r, ic)).for_each(&mut push),
                None => push(self.indicator_constant.trim().to_owned()),
            },
            Layout::SurveyAnswers | Layout::ContactLog | Layout::Threads | Layout::Tickets => {}
        }
        let mut drafts = Vec::new();
        for name in names {
            if let Some(prev) = self.indicators.iter().find(|d| d.name == name) {
                drafts.push(prev.clone());
                continue;
            }
            let mapped = mapped(&self.base.indicators, &name);
            if mapped.is_none() && find_indicator(&name, &self.catalog).is_some() {
                continue;
            }
            let draft = match mapped {
                Some(id) if self.catalog.indicators.ix(id).is_some() => {
                    let mut d = IndicatorDraft::new(&name, &|_| false);
                    d.existing = Some(IndicatorId::new(id));
                    d
                }
                Some(id) => match self
                    .base
                    .new_indicators
                    .iter()
                    .find(|i| i.id.as_str() == id)
                {
                    Some(ind) => IndicatorDraft::from_indicator(&name, ind),
                    None => self.fresh_draft(&name, &drafts),
                },
                None => match self
                    .base
                    .new_indicators
                    .iter()
                    .find(|i| i.id.as_str() == name || i.name.en == name || i.name.fr == name)
                {
                    Some(ind) => IndicatorDraft::from_indicator(&name, ind),
                    None => self.fresh_draft(&name, &drafts),
                },
            };
            drafts.push(draft);
        }
        self.indicators = drafts;
    }

    fn fresh_draft(&self, name: &str, others: &[IndicatorDraft]) -> IndicatorDraft {
        IndicatorDraft::new(name, &|id| {
            self.catalog.indicators.ix(id).is_some()
                || others.iter().any(|d| d.id == id)
                || self.indicators.iter().any(|d| d.id == id && d.name != name)
        })
    }

    fn region_row(&self, name: &str, code: Option<&str>) -> RegionRow {
        let known = code
            .and_then(|c| find_region(c, &self.catalog))
            .or_else(|| find_region(name, &self.catalog))
            .map(|ix| self.catalog.regions.at(ix).id.clone());
        let suggestions = if known.is_some() {
            Vec::new()
        } else {
            import::suggest_region(name, &self.catalog)
        };
        let saved = mapped(&self.base.regions, name).map(|id| {
            match self.base.new_regions.iter().find(|r| r.id.as_str() == id) {
                Some(r) if r.kind == RegionKind::Group => RegionChoice::NewGroup,
                Some(_) => RegionChoice::NewCountry,
                None => RegionChoice::Existing(RegionId::new(id)),
            }
        });
        let choice = saved.unwrap_or_else(|| match (&known, suggestions.first()) {
            (Some(id), _) => RegionChoice::Existing(id.clone()),
            (None, Some((id, _))) => RegionChoice::Existing(id.clone()),
            (None, None) if self.base.unknown_regions == Unknown::Create => {
                if code.is_some() || self.col(Role::Code).is_none() {
                    RegionChoice::NewCountry
                } else {
                    RegionChoice::NewGroup
                }
            }
            (None, None) => RegionChoice::Unset,
        });
        RegionRow {
            name: name.to_owned(),
            known,
            suggestions,
            choice,
        }
    }

    /// The mapping described by the dialog's current choices, or what is missing (in
    /// `lang`). Fields the dialog does not show are kept from the mapping it started from.
    pub fn mapping(&self, lang: Lang) -> Result<Mapping, String> {
        let mut m = self.base.clone();
        m.layout = self.layout;
        m.sheet = self.preview.sheet.clone();
        m.columns = import::Columns::default();
        let headers = &self.preview.headers;
        let mut values = Vec::new();
        for (i, role) in self.roles.iter().enumerate() {
            if role.multiple(self.layout) {
                values.push(headers[i].clone());
            } else if let Some(slot) = role.slot(&mut m.columns) {
                *slot = Some(headers[i].clone());
            }
        }
        // wide layouts: list the value columns only when they differ from the default
        m.value_columns = if is_wide(self.layout) {
            let default: Vec<String> = headers
                .iter()
                .enumerate()
                .filter(|(i, h)| {
                    (self.roles[*i] == Role::Value || self.roles[*i] == Role::Ignore)
                        && !h.trim().is_empty()
                        && (self.layout != Layout::WideYears || Period::parse(h.trim()).is_ok())
                })
                .map(|(_, h)| h.clone())
                .collect();
            if default == values {
                Vec::new()
            } else {
                values
            }
        } else {
            Vec::new()
        };
        let c = &m.columns;
        let missing = |what_en: &str, what_fr: &str| -> String {
            match lang {
                Lang::En => format!("Choose the {what_en} column, or a value for the whole file."),
                Lang::Fr => {
                    format!("Choisissez la colonne {what_fr}, ou une valeur pour tout le fichier.")
                }
            }
        };
        // constants
        m.constants = import::Constants::default();
        if c.region.is_none() {
            match &self.region_constant {
                Some(id) => m.constants.region = Some(id.to_string()),
                None => return Err(missing("region", "de la région")),
            }
        }
        if c.channel.is_none() {
            m.constants.channel = self.channel_constant.as_ref().map(|id| id.to_string());
        }
        let ind = self.indicator_constant.trim();
        if c.indicator.is_none() && !ind.is_empty() {
            m.constants.indicator = Some(ind.to_owned());
        }
        let period = self.period_constant.trim();
        if c.period.is_none() && !period.is_empty() {
            match Period::parse(period) {
                Ok(p) => m.constants.period = Some(p),
                Err(e) => {
                    return Err(match lang {
                        Lang::En => format!(
                            "Period \"{period}\": {e}; write 2024, 2024-H1, 2024-Q3 or 2024-07."
                        ),
                        Lang::Fr => format!(
                            "Période « {period} » : {e} ; écrivez 2024, 2024-H1, 2024-Q3 ou 2024-07."
                        ),
                    });
                }
            }
        }
        let has_period = c.period.is_some() || m.constants.period.is_some();
        let has_indicator = c.indicator.is_some() || m.constants.indicator.is_some();
        match self.layout {
            Layout::Long => {
                if c.value.is_none() {
                    return Err(tr(
                        lang,
                        "Choose the value column.",
                        "Choisissez la colonne des valeurs.",
                    )
                    .into());
                }
                if !has_indicator {
                    return Err(missing("indicator", "de l'indicateur"));
                }
                if !has_period {
                    return Err(missing("period", "de la période"));
                }
            }
            Layout::WideYears => {
                if !has_indicator {
                    return Err(missing("indicator", "de l'indicateur"));
                }
            }
            Layout::WideIndicators
            | Layout::Owid
            | Layout::SurveyAnswers
            | Layout::ContactLog
            | Layout::Threads
            | Layout::Tickets => {
                if !has_period {
                    return Err(missing("period", "de la période"));
                }
            }
        }
        if is_wide(self.layout) && !self.roles.contains(&Role::Value) {
            return Err(tr(
                lang,
                "Choose at least one value column.",
                "Choisissez au moins une colonne de valeurs.",
            )
            .into());
        }
        if self.layout == Layout::SurveyAnswers && c.recommend.is_none() && c.satisfaction.is_none()
        {
            return Err(tr(
                lang,
                "Choose the recommend or the satisfaction column.",
                "Choisissez la colonne recommandation ou satisfaction.",
            )
            .into());
        }
        if self.layout == Layout::ContactLog && c.queue_s.is_none() {
            return Err(tr(
                lang,
                "Choose the queue time column.",
                "Choisissez la colonne du temps d'attente.",
            )
            .into());
        }
        self.put_regions(&mut m, lang)?;
        self.put_indicators(&mut m, lang)?;
        // source, grade, numbers
        let title = self.source_title.trim();
        m.source = match &self.base.source {
            Some(s) if s.title == title || title.is_empty() => Some(s.clone()),
            Some(s) => Some(Source {
                title: title.to_owned(),
                ..s.clone()
            }),
            None if title.is_empty() || title == self.file_name => None,
            None => Some(self.own_source(title)),
        };
        m.grade = self.grade;
        m.decimal_comma = if self.base.decimal_comma.is_some()
            || self.decimal_comma != self.preview.decimal_comma
        {
            Some(self.decimal_comma)
        } else {
            None
        };
        Ok(m)
    }

    fn own_source(&self, title: &str) -> Source {
        import::own_source(title, &self.file_name, &import::file_date(&self.path))
    }

    fn put_regions(&self, m: &mut Mapping, lang: Lang) -> Result<(), String> {
        for row in &self.regions {
            if let Some(old) = remove_mapped(&mut m.regions, &row.name) {
                m.new_regions.retain(|r| r.id.as_str() != old);
            }
        }
        for row in &self.regions {
            let kind = match &row.choice {
                RegionChoice::Unset => {
                    return Err(match lang {
                        Lang::En => format!(
                            "Choose what the region \"{}\" is: a known region, a new country region or a new group.",
                            row.name
                        ),
                        Lang::Fr => format!(
                            "Indiquez ce qu'est la région « {} » : une région connue, un nouveau pays ou un nouveau groupe.",
                            row.name
                        ),
                    });
                }
                RegionChoice::Existing(id) => {
                    if row.known.as_ref() != Some(id) {
                        m.regions.insert(row.name.clone(), id.to_string());
                    }
                    continue;
                }
                RegionChoice::NewCountry => RegionKind::Country,
                RegionChoice::NewGroup => RegionKind::Group,
            };
            let mut id = free_region_id(&row.name, &self.catalog);
            let mut k = 2;
            while m.new_regions.iter().any(|r| r.id == id) {
                id = RegionId::new(format!("{}_{k}", slug(&row.name)));
                k += 1;
            }
            if id.as_str().is_empty() {
                id = RegionId::new(format!("region_{k}"));
            }
            m.regions.insert(row.name.clone(), id.to_string());
            m.new_regions.push(Region {
                id,
                name: Text::same(row.name.trim()),
                kind,
                members: Vec::new(),
                parent: None,
                iso: None,
                aliases: Vec::new(),
            });
        }
        Ok(())
    }

    fn put_indicators(&self, m: &mut Mapping, lang: Lang) -> Result<(), String> {
        for d in &self.indicators {
            if let Some(old) = remove_mapped(&mut m.indicators, &d.name) {
                m.new_indicators.retain(|i| i.id.as_str() != old);
            }
            m.new_indicators.retain(|i| i.id.as_str() != d.id.trim());
        }
        for d in &self.indicators {
            if let Some(id) = &d.existing {
                m.indicators.insert(d.name.clone(), id.to_string());
                continue;
            }
            let id = d.id.trim();
            let bad = |en: String, fr: String| Err(if lang == Lang::Fr { fr } else { en });
            if !crate::model::ids::is_slug(id) {
                return bad(
                    format!(
                        "Indicator \"{}\": the id `{id}` may only hold lowercase letters, digits, _ and -.",
                        d.name
                    ),
                    format!(
                        "Indicateur « {} » : l'identifiant `{id}` ne peut contenir que des minuscules, chiffres, _ et -.",
                        d.name
                    ),
                );
            }
            if self.catalog.indicators.ix(id).is_some()
                || m.new_indicators.iter().any(|i| i.id.as_str() == id)
            {
                return bad(
                    format!("Indicator \"{}\": the id `{id}` is already used.", d.name),
                    format!(
                        "Indicateur « {} » : l'identifiant `{id}` est déjà pris.",
                        d.name
                    ),
                );
            }
            if d.unit == UnitKind::Score
                && !(d.min.is_finite() && d.max.is_finite() && d.min < d.max)
            {
                return bad(
                    format!(
                        "Indicator \"{}\": the score minimum must be below the maximum.",
                        d.name
                    ),
                    format!(
                        "Indicateur « {} » : le minimum du score doit être inférieur au maximum.",
                        d.name
                    ),
                );
            }
            let code = d.currency.trim();
            if d.unit == UnitKind::Currency
                && !(code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()))
            {
                return bad(
                    format!(
                        "Indicator \"{}\": write a three-letter currency code (EUR, GBP, MAD).",
                        d.name
                    ),
                    format!(
                        "Indicateur « {} » : indiquez un code de monnaie à trois lettres (EUR, GBP, MAD).",
                        d.name
                    ),
                );
            }
            m.new_indicators.push(d.indicator(&self.file_name));
            if id != d.name {
                m.indicators.insert(d.name.clone(), id.to_owned());
            }
        }
        Ok(())
    }

    /// Builds the mapping and, when [`ImportDialog::save_mapping`] is on, saves it beside the
    /// data file (atomically, replacing an older mapping file; the data file itself is never
    /// written). `Err` says what is missing or why saving failed.
    pub fn confirm(&self, lang: Lang) -> Result<ImportOutcome, String> {
        let mapping = self.mapping(lang)?;
        if self.save_mapping {
            let target = mapping_path(&self.path);
            if target == self.path {
                return Err(format!(
                    "{}: refusing to overwrite the data file",
                    target.display()
                ));
            }
            mapping
                .save_beside(&self.path, true)
                .map_err(|e| e.into_load_error(&self.path).to_string())?;
        }
        Ok(ImportOutcome::Import {
            path: self.path.clone(),
            sheet: mapping.sheet.clone(),
            mapping: Box::new(mapping),
        })
    }

    fn region_name(&self, id: &RegionId, lang: Lang) -> String {
        self.catalog
            .regions
            .get(id.as_str())
            .map_or_else(|| id.to_string(), |r| r.name.get(lang).to_owned())
    }

    fn choice_label(&self, choice: &RegionChoice, lang: Lang) -> String {
        match choice {
            RegionChoice::Unset => tr(lang, "— choose —", "— choisir —").into(),
            RegionChoice::Existing(id) => self.region_name(id, lang),
            RegionChoice::NewCountry => {
                tr(lang, "New country region", "Nouvelle région (pays)").into()
            }
            RegionChoice::NewGroup => tr(lang, "New group", "Nouveau groupe").into(),
        }
    }

    /// Draws the dialog window. Returns `Some` once the user clicked Import (and the mapping
    /// was valid and, if asked, saved) or Cancel / closed the window; drop the dialog then.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Option<ImportOutcome> {
        let mut open = true;
        let mut import = false;
        let mut cancel = false;
        let max_h = (ctx.content_rect().height() - 160.0).max(200.0);
        egui::Window::new(tr(lang, "Import data", "Importer des données"))
            .id(egui::Id::unique("servicescope-import-dialog"))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(820.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(max_h)
                    .auto_shrink([false, true])
                    .show(ui, |ui| self.body_ui(ui, lang));
                ui.separator();
                ui.horizontal(|ui| {
                    ui.checkbox(
                        &mut self.save_mapping,
                        tr(
                            lang,
                            "Save this mapping next to the file",
                            "Enregistrer cette correspondance à côté du fichier",
                        ),
                    );
                    ui.weak(
                        mapping_path(&self.path)
                            .file_name()
                            .map_or_else(String::new, |n| format!("({})", n.to_string_lossy())),
                    );
                });
                if let Some(e) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, e.as_str());
                }
                ui.horizontal(|ui| {
                    import = ui.button(tr(lang, "Import", "Importer")).clicked();
                    cancel = ui.button(tr(lang, "Cancel", "Annuler")).clicked();
                });
            });
        if cancel || !open {
            return Some(ImportOutcome::Cancel);
        }
        if import {
            match self.confirm(lang) {
                Ok(outcome) => return Some(outcome),
                Err(e) => self.error = Some(e),
            }
        }
        None
    }

    fn body_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        // file and detection
        ui.horizontal_wrapped(|ui| {
            ui.strong(self.file_name.as_str());
            let mut facts = Vec::new();
            if let Some(e) = self.preview.encoding {
                facts.push(format!(
                    "{} {}",
                    tr(lang, "encoding", "encodage"),
                    e.label()
                ));
            }
            if let Some(d) = self.preview.delimiter {
                let name = match d {
                    ';' => tr(lang, "semicolon (;)", "point-virgule (;)").to_owned(),
                    ',' => tr(lang, "comma (,)", "virgule (,)").to_owned(),
                    '\t' => tr(lang, "tab", "tabulation").to_owned(),
                    other => format!("« {other} »"),
                };
                facts.push(format!("{} {name}", tr(lang, "delimiter", "séparateur")));
            }
            if !facts.is_empty() {
                ui.label(facts.join(" · "));
            }
            if self.from_saved {
                ui.weak(tr(lang, "(saved mapping)", "(correspondance enregistrée)"));
            }
        });
        ui.horizontal_wrapped(|ui| {
            if !self.preview.sheets.is_empty() {
                let current = self.preview.sheet.clone().unwrap_or_default();
                let mut picked = None;
                egui::ComboBox::from_label(tr(lang, "Sheet", "Feuille"))
                    .selected_text(current.as_str())
                    .show_ui(ui, |ui| {
                        for s in &self.preview.sheets {
                            if ui.selectable_label(*s == current, s.as_str()).clicked()
                                && *s != current
                            {
                                picked = Some(s.clone());
                            }
                        }
                    });
                if let Some(s) = picked {
                    self.error = self.set_sheet(&s).err();
                }
            }
            let mut layout = self.layout;
            egui::ComboBox::from_label(tr(lang, "Layout", "Disposition"))
                .selected_text(layout_label(layout, lang))
                .show_ui(ui, |ui| {
                    for l in LAYOUTS {
                        ui.selectable_value(&mut layout, l, layout_label(l, lang));
                    }
                });
            self.set_layout(layout);
            if FileKind::of(&self.path) == Some(FileKind::Text) {
                ui.checkbox(
                    &mut self.decimal_comma,
                    tr(lang, "Decimal comma (12,5)", "Virgule décimale (12,5)"),
                );
            }
        });
        ui.separator();
        self.table_ui(ui, lang);
        self.constants_ui(ui, lang);
        self.regions_ui(ui, lang);
        self.indicators_ui(ui, lang);
        ui.separator();
        ui.horizontal(|ui| {
            let l = ui.label(tr(lang, "Source title", "Titre de la source"));
            ui.add(egui::TextEdit::singleline(&mut self.source_title).desired_width(320.0))
                .labelled_by(l.id);
            egui::ComboBox::from_label(tr(lang, "Grade", "Qualité"))
                .selected_text(self.grade.label(lang))
                .show_ui(ui, |ui| {
                    for g in Grade::ALL {
                        ui.selectable_value(&mut self.grade, g, g.label(lang));
                    }
                });
        });
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let shown = self.preview.rows.len().min(PREVIEW_ROWS);
        ui.label(match lang {
            Lang::En => format!("Preview (first {shown} rows): choose what each column holds"),
            Lang::Fr => format!(
                "Aperçu ({shown} premières lignes) : indiquez ce que contient chaque colonne"
            ),
        });
        let mut change = None;
        egui::ScrollArea::horizontal()
            .id_salt("import-preview")
            .show(ui, |ui| {
                egui::Grid::new("import-preview-grid")
                    .striped(true)
                    .show(ui, |ui| {
                        let mut header_ids = Vec::new();
                        for h in &self.preview.headers {
                            header_ids.push(ui.strong(h.as_str()).id);
                        }
                        ui.end_row();
                        for (i, id) in header_ids.into_iter().enumerate() {
                            let current = self.roles[i];
                            let r = egui::ComboBox::from_id_salt(("import-role", i))
                                .selected_text(current.label(lang))
                                .width(120.0)
                                .show_ui(ui, |ui| {
                                    for role in Role::for_layout(self.layout) {
                                        if ui
                                            .selectable_label(current == *role, role.label(lang))
                                            .clicked()
                                        {
                                            change = Some((i, *role));
                                        }
                                    }
                                });
                            r.response.labelled_by(id);
                        }
                        ui.end_row();
                        for row in self.preview.rows.iter().take(PREVIEW_ROWS) {
                            for i in 0..self.preview.headers.len() {
                                ui.label(row.get(i).map_or("", String::as_str));
                            }
                            ui.end_row();
                        }
                    });
            });
        if let Some((i, role)) = change {
            self.set_role(i, role);
        }
    }

    fn constants_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let has = |r: Role| self.roles.contains(&r);
        let (region, channel, period) = (has(Role::Region), has(Role::Channel), has(Role::Period));
        let indicator = has(Role::Indicator)
            || matches!(
                self.layout,
                Layout::WideIndicators | Layout::Owid | Layout::SurveyAnswers | Layout::ContactLog
            );
        if region && channel && period && indicator {
            return;
        }
        ui.separator();
        ui.label(tr(
            lang,
            "For the whole file (no column holds these):",
            "Pour tout le fichier (aucune colonne ne les donne) :",
        ));
        let mut indicator_changed = false;
        egui::Grid::new("import-constants").show(ui, |ui| {
            if !region {
                let l = ui.label(tr(lang, "Region of every row", "Région de chaque ligne"));
                let text = self.region_constant.as_ref().map_or_else(
                    || tr(lang, "— choose —", "— choisir —").to_owned(),
                    |id| self.region_name(id, lang),
                );
                let r = egui::ComboBox::from_id_salt("import-region-constant")
                    .selected_text(text)
                    .show_ui(ui, |ui| {
                        for reg in self.catalog.regions.iter() {
                            ui.selectable_value(
                                &mut self.region_constant,
                                Some(reg.id.clone()),
                                reg.name.get(lang),
                            );
                        }
                    });
                r.response.labelled_by(l.id);
                ui.end_row();
            }
            if !channel {
                let l = ui.label(tr(lang, "Channel of every row", "Canal de chaque ligne"));
                let all = tr(lang, "all channels", "tous canaux");
                let text = self.channel_constant.as_ref().map_or(all.to_owned(), |id| {
                    self.catalog
                        .channels
                        .get(id.as_str())
                        .map_or(id.to_string(), |c| c.name.get(lang).to_owned())
                });
                let r = egui::ComboBox::from_id_salt("import-channel-constant")
                    .selected_text(text)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.channel_constant, None, all);
                        for ch in self.catalog.channels.iter() {
                            ui.selectable_value(
                                &mut self.channel_constant,
                                Some(ch.id.clone()),
                                ch.name.get(lang),
                            );
                        }
                    });
                r.response.labelled_by(l.id);
                ui.end_row();
            }
            if !indicator {
                let l = ui.label(tr(
                    lang,
                    "Indicator of every row",
                    "Indicateur de chaque ligne",
                ));
                indicator_changed = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.indicator_constant).hint_text(tr(
                            lang,
                            "id or name, e.g. nps",
                            "identifiant ou nom, ex. nps",
                        )),
                    )
                    .labelled_by(l.id)
                    .changed();
                ui.end_row();
            }
            if !period {
                let l = ui.label(tr(lang, "Period of every row", "Période de chaque ligne"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.period_constant)
                        .hint_text("2024, 2024-Q1, 2024-07"),
                )
                .labelled_by(l.id);
                ui.end_row();
            }
        });
        if indicator_changed {
            self.refresh_names();
        }
    }

    fn regions_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        if self.regions.is_empty() {
            return;
        }
        ui.separator();
        let unknown = self.regions.iter().filter(|r| r.known.is_none()).count();
        ui.label(match lang {
            Lang::En => format!(
                "Region names in the file ({} found, {unknown} not recognised):",
                self.regions.len()
            ),
            Lang::Fr => format!(
                "Noms de région du fichier ({} trouvés, {unknown} non reconnus) :",
                self.regions.len()
            ),
        });
        let mut changes = Vec::new();
        egui::Grid::new("import-regions")
            .striped(true)
            .show(ui, |ui| {
                for (i, row) in self.regions.iter().enumerate() {
                    let l = ui.label(row.name.as_str());
                    let text = self.choice_label(&row.choice, lang);
                    let r = egui::ComboBox::from_id_salt(("import-region", i))
                        .selected_text(text)
                        .width(200.0)
                        .show_ui(ui, |ui| {
                            let mut offer =
                                |ui: &mut egui::Ui, choice: RegionChoice, label: String| {
                                    if ui.selectable_label(row.choice == choice, label).clicked() {
                                        changes.push((i, choice));
                                    }
                                };
                            let mut listed = Vec::new();
                            if let Some(id) = &row.known {
                                offer(
                                    ui,
                                    RegionChoice::Existing(id.clone()),
                                    self.region_name(id, lang),
                                );
                                listed.push(id.clone());
                            }
                            for (id, score) in &row.suggestions {
                                let label = format!(
                                    "{} ({:.0} %)",
                                    self.region_name(id, lang),
                                    score * 100.0
                                );
                                offer(ui, RegionChoice::Existing(id.clone()), label);
                                listed.push(id.clone());
                            }
                            offer(
                                ui,
                                RegionChoice::NewCountry,
                                self.choice_label(&RegionChoice::NewCountry, lang),
                            );
                            offer(
                                ui,
                                RegionChoice::NewGroup,
                                self.choice_label(&RegionChoice::NewGroup, lang),
                            );
                            ui.separator();
                            for reg in self.catalog.regions.iter() {
                                if !listed.contains(&reg.id) {
                                    offer(
                                        ui,
                                        RegionChoice::Existing(reg.id.clone()),
                                        format!("{} ", reg.name.get(lang)),
                                    );
                                }
                            }
                        });
                    r.response.labelled_by(l.id);
                    if row.known.is_some() {
                        ui.weak(tr(lang, "recognised", "reconnu"));
                    } else {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            tr(lang, "not recognised", "non reconnu"),
                        );
                    }
                    ui.end_row();
                }
            });
        for (i, choice) in changes {
            if let Some(r) = self.regions.get_mut(i) {
                r.choice = choice;
            }
        }
    }

    fn indicators_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        if self.indicators.is_empty() {
            return;
        }
        ui.separator();
        ui.label(tr(
            lang,
            "Indicators not in the catalogue:",
            "Indicateurs absents du catalogue :",
        ));
        let catalog = &self.catalog;
        egui::Grid::new("import-indicators")
            .striped(true)
            .show(ui, |ui| {
                for (i, d) in self.indicators.iter_mut().enumerate() {
                    let l = ui.label(d.name.as_str());
                    let new_text = tr(lang, "New indicator", "Nouvel indicateur");
                    let text = d.existing.as_ref().map_or(new_text.to_owned(), |id| {
                        catalog
                            .indicators
                            .get(id.as_str())
                            .map_or(id.to_string(), |x| x.name.get(lang).to_owned())
                    });
                    egui::ComboBox::from_id_salt(("import-indicator", i))
                        .selected_text(text)
                        .width(220.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut d.existing, None, new_text);
                            ui.separator();
                            for ind in catalog.indicators.iter() {
                                ui.selectable_value(
                                    &mut d.existing,
                                    Some(ind.id.clone()),
                                    ind.name.get(lang),
                                );
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    if d.existing.is_none() {
                        ui.horizontal(|ui| {
                            let lid = ui.label(tr(lang, "id", "identifiant"));
                            ui.add(egui::TextEdit::singleline(&mut d.id).desired_width(120.0))
                                .labelled_by(lid.id);
                            let lname = ui.label(tr(lang, "name", "nom"));
                            ui.add(egui::TextEdit::singleline(&mut d.label).desired_width(160.0))
                                .labelled_by(lname.id);
                            egui::ComboBox::from_id_salt(("import-unit", i))
                                .selected_text(d.unit.label(lang))
                                .width(110.0)
                                .show_ui(ui, |ui| {
                                    for u in UnitKind::ALL {
                                        ui.selectable_value(&mut d.unit, u, u.label(lang));
                                    }
                                })
                                .response
                                .on_hover_text(tr(lang, "unit", "unité"));
                            match d.unit {
                                UnitKind::Score => {
                                    ui.label(tr(lang, "from", "de"));
                                    ui.add(egui::DragValue::new(&mut d.min).speed(1.0));
                                    ui.label(tr(lang, "to", "à"));
                                    ui.add(egui::DragValue::new(&mut d.max).speed(1.0));
                                }
                                UnitKind::Currency => {
                                    ui.add(
                                        egui::TextEdit::singleline(&mut d.currency)
                                            .desired_width(48.0)
                                            .hint_text("EUR"),
                                    );
                                }
                                _ => {}
                            }
                            egui::ComboBox::from_id_salt(("import-direction", i))
                                .selected_text(direction_label(d.direction, lang))
                                .width(130.0)
                                .show_ui(ui, |ui| {
                                    for dir in [
                                        Direction::HigherIsBetter,
                                        Direction::LowerIsBetter,
                                        Direction::Neutral,
                                    ] {
                                        ui.selectable_value(
                                            &mut d.direction,
                                            dir,
                                            direction_label(dir, lang),
                                        );
                                    }
                                })
                                .response
                                .on_hover_text(tr(lang, "direction", "sens"));
                        });
                    } else {
                        ui.label("");
                    }
                    ui.end_row();
                }
            });
    }
}

/// Reads the preview of `path` (up to [`SCAN_ROWS`] rows) with a message naming the file.
fn read_preview(path: &Path, sheet: Option<&str>, catalog: &Dataset) -> Result<Preview, String> {
    import::preview(path, sheet, SCAN_ROWS, catalog)
        .map_err(|e| e.into_load_error(path).to_string())
}

/// Index of the header `name`: exact, else ignoring case, accents and punctuation (as the
/// importer matches them).
fn find_header(headers: &[String], name: &str) -> Option<usize> {
    let n = normalise(name);
    headers
        .iter()
        .position(|h| h == name)
        .or_else(|| headers.iter().position(|h| normalise(h) == n))
}

/// The id `map` gives `name` (exact key, else the normalised one).
fn mapped<'a>(map: &'a std::collections::BTreeMap<String, String>, name: &str) -> Option<&'a str> {
    if let Some(v) = map.get(name) {
        return Some(v);
    }
    let n = normalise(name);
    map.iter()
        .find(|(k, _)| normalise(k) == n)
        .map(|(_, v)| v.as_str())
}

/// Removes the entry of `name` (exact or normalised) from `map`; returns its id.
fn remove_mapped(
    map: &mut std::collections::BTreeMap<String, String>,
    name: &str,
) -> Option<String> {
    let n = normalise(name);
    let key = map
        .keys()
        .find(|k| k.as_str() == name)
        .or_else(|| map.keys().find(|k| normalise(k) == n))
        .cloned()?;
    map.remove(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dialog(text: &str) -> (tempfile::TempDir, ImportDialog) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("data.csv");
        std::fs::write(&path, text).expect("write");
        let cat = crate::io::benchmark::load().expect("benchmark");
        let d = ImportDialog::open(path, &cat).expect("opens");
        (dir, d)
    }

    #[test]
    fn role_change_moves_a_single_role_and_keeps_value_columns_in_wide_layouts() {
        let (_dir, mut d) = dialog("Pays;Indicateur;2022;2023\nFrance;nps;10;12\n");
        assert_eq!(d.layout(), Layout::WideYears);
        assert_eq!(d.role_of("2022"), Some(Role::Value));
        assert_eq!(d.role_of("2023"), Some(Role::Value));
        // moving the region role to another column frees the first one
        d.set_role(1, Role::Region);
        assert_eq!(d.roles()[0], Role::Ignore);
        assert_eq!(d.roles()[1], Role::Region);
        d.set_role(0, Role::Region);
        d.set_role(1, Role::Indicator);
        let m = d.mapping(Lang::En).expect("valid");
        assert!(
            m.value_columns.is_empty(),
            "default value columns stay implicit"
        );
        d.set_role(3, Role::Ignore);
        let m = d.mapping(Lang::En).expect("valid");
        assert_eq!(m.value_columns, vec!["2022".to_owned()]);
        // back to long: only one value column remains, and a period is required
        d.set_layout(Layout::Long);
        assert_eq!(d.roles().iter().filter(|r| **r == Role::Value).count(), 1);
        let err = d.mapping(Lang::En).expect_err("no period");
        assert!(err.contains("period"), "{err}");
        d.period_constant = "2023".into();
        let m = d.mapping(Lang::En).expect("valid");
        assert_eq!(m.constants.period, Some(Period::year(2023)));
    }

    #[test]
    fn unknown_indicator_becomes_a_new_indicator_with_unit_and_direction() {
        let (_dir, mut d) = dialog("Region,Indicator,Year,Value\nFrance,Taux maison,2023,55\n");
        assert_eq!(d.indicator_drafts().len(), 1);
        let draft = d.indicator_draft_mut("Taux maison").expect("draft");
        assert_eq!(draft.unit, UnitKind::Percent);
        assert_eq!(draft.id, "taux_maison");
        draft.unit = UnitKind::Score;
        draft.min = 1.0;
        draft.max = 5.0;
        draft.direction = Direction::HigherIsBetter;
        let m = d.mapping(Lang::En).expect("valid");
        assert_eq!(m.new_indicators.len(), 1);
        assert_eq!(m.new_indicators[0].unit, Unit::Score { min: 1.0, max: 5.0 });
        assert_eq!(m.new_indicators[0].direction, Direction::HigherIsBetter);
        assert_eq!(
            m.indicators.get("Taux maison").map(String::as_str),
            Some("taux_maison")
        );
        let draft = d.indicator_draft_mut("Taux maison").expect("draft");
        draft.max = 0.0;
        let err = d.mapping(Lang::Fr).expect_err("bad range");
        assert!(err.contains("minimum"), "{err}");
    }
}

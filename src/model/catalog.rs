/*!
The described things of a dataset: metadata, sources, regions, channels, indicators (with
unit and direction) and practices. These are small tables; observations live in
[`crate::model::ObservationTable`].
*/

use super::ids::{ChannelId, IndicatorId, PracticeId, RegionId, SegmentId, SourceId};
use super::presentation::{Colour, DefaultView};
use super::text::{Lang, Text};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// Dataset metadata.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Human title.
    pub title: String,
    /// Version of the file format this dataset follows (see `data/README.md`).
    pub schema_version: u32,
    /// Main language of free-text fields (`en`, `fr`).
    pub language: String,
    /// Licence of the data.
    pub licence: String,
    /// Optional longer description.
    #[serde(default)]
    pub description: Option<String>,
    /// The view a new workspace opens on, and the indicators a chart kind adds (see
    /// [`DefaultView`]); `None` in files that do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_view: Option<DefaultView>,
}

/// Version of the RON dataset format written and read by this program: the
/// [`Meta::schema_version`] of a new dataset, and the highest one the loader accepts.
pub const SCHEMA_VERSION: u32 = 1;

impl Default for Meta {
    fn default() -> Self {
        Self {
            title: String::new(),
            schema_version: SCHEMA_VERSION,
            language: "en".into(),
            licence: String::new(),
            description: None,
            default_view: None,
        }
    }
}

/// What kind of document a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceKind {
    /// A survey of customers or companies.
    Survey,
    /// A published report or study.
    Report,
    /// A press article, column or blog post.
    Article,
    /// The user's own data.
    OwnData,
}

/// Where figures and practices come from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Unique id.
    pub id: SourceId,
    /// Title as published.
    pub title: String,
    /// Publisher (and, for secondary sources, the page that quotes it).
    pub publisher: String,
    /// Author, when named.
    #[serde(default)]
    pub author: Option<String>,
    /// Publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// Web address, when there is one.
    #[serde(default)]
    pub address: Option<String>,
    /// Kind of document.
    pub kind: SourceKind,
    /// Free note (e.g. "secondary source").
    #[serde(default)]
    pub note: Option<String>,
    /// Short label for chart footers: publisher (and, for a secondary source, the page that
    /// quotes it) and year, e.g. "Accenture via Marketing Week, 2014".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The publisher's French title, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_fr: Option<String>,
    /// The footer label in French, where the label has words to translate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_fr: Option<String>,
}

impl Source {
    /// The short citation used in chart footers: the label, else "publisher, “title” (date)"
    /// with the French title in French where the publisher has one.
    /// In French: the French label, « » quotes, and "Vos données" for the user's own data.
    pub fn citation(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match (&self.label, &self.label_fr) {
            (_, Some(label)) if fr => label.clone(),
            (Some(label), _) => label.clone(),
            _ if fr => {
                let publisher = if self.kind == SourceKind::OwnData && self.publisher == "Own data"
                {
                    Msg::OwnDataPublisher.get(lang)
                } else {
                    &self.publisher
                };
                format!(
                    "{publisher}, {} ({})",
                    Msg::QuotedName.fill(lang, &[&self.title_in(lang)]),
                    self.date
                )
            }
            _ => format!(
                "{}, “{}” ({})",
                self.publisher,
                self.title_in(lang),
                self.date
            ),
        }
    }

    /// The title in `lang`: the publisher's French title in French when there is one.
    pub fn title_in(&self, lang: Lang) -> &str {
        match (&self.title_fr, lang) {
            (Some(fr), Lang::Fr) => fr,
            _ => &self.title,
        }
    }
}

/// Whether a region is a country, a sub-national area or a group of countries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RegionKind {
    /// A country.
    Country,
    /// A province or state of a country (`parent`).
    Province,
    /// A group of countries (`members`).
    Group,
}

/// A country, province or group of countries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// Unique id.
    pub id: RegionId,
    /// Name in English and French.
    pub name: Text,
    /// Country, province or group.
    pub kind: RegionKind,
    /// For a group: the member region ids (the Maghreb: morocco, algeria, tunisia).
    #[serde(default)]
    pub members: Vec<RegionId>,
    /// For a province: the country it belongs to.
    #[serde(default)]
    pub parent: Option<RegionId>,
    /// ISO 3166 code (alpha-2 or alpha-3, or subdivision code such as `CA-QC`).
    #[serde(default)]
    pub iso: Option<String>,
    /// Other names found in data files ("Royaume-Uni", "GB", …), used by import.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The colour the region keeps in every chart; `None` takes a colour by its place in
    /// the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Colour>,
}

/// A contact channel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    /// Unique id.
    pub id: ChannelId,
    /// Name in English and French.
    pub name: Text,
    /// Other names found in data files, used by import.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// What a segment is: observations can be given per company, brand or sector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SegmentKind {
    /// One company (a bank, an operator).
    Company,
    /// One brand of a company.
    Brand,
    /// A sector of activity (retail banking, telecoms).
    Sector,
}

/// A company, brand or sector that observations can be given for, next to region and
/// channel (e.g. the NPS of retail banking, the answer time of one operator).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    /// Unique id.
    pub id: SegmentId,
    /// Name in English and French.
    pub name: Text,
    /// Company, brand or sector.
    pub kind: SegmentKind,
    /// Other names found in data files (account handles, spellings), used by import.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Unit of an indicator's values. The unit also bounds valid values (see [`Unit::range`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Unit {
    /// Percentage, 0–100.
    Percent,
    /// Score on a fixed scale (NPS: −100 to 100; a rating: 0 to 10).
    Score {
        /// Lowest possible value.
        min: f64,
        /// Highest possible value.
        max: f64,
    },
    /// Duration in seconds (shown as s, min or h).
    Seconds,
    /// Amount of money, ISO 4217 code.
    Currency {
        /// ISO 4217 code such as `GBP` or `EUR`.
        code: String,
    },
    /// A count of things (≥ 0).
    Count,
    /// An index, optionally bounded.
    Index {
        /// Lowest possible value, if any.
        #[serde(default)]
        min: Option<f64>,
        /// Highest possible value, if any.
        #[serde(default)]
        max: Option<f64>,
    },
}

impl Unit {
    /// The closed range of valid values; `None` on a side means unbounded.
    pub fn range(&self) -> (Option<f64>, Option<f64>) {
        match self {
            Unit::Percent => (Some(0.0), Some(100.0)),
            Unit::Score { min, max } => (Some(*min), Some(*max)),
            Unit::Seconds | Unit::Count => (Some(0.0), None),
            Unit::Currency { .. } => (None, None),
            Unit::Index { min, max } => (*min, *max),
        }
    }

    /// Whether `value` lies in [`Unit::range`].
    pub fn accepts(&self, value: f64) -> bool {
        let (lo, hi) = self.range();
        value.is_finite() && lo.is_none_or(|l| value >= l) && hi.is_none_or(|h| value <= h)
    }
}

/// Which way is better for an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    /// Higher values are better (NPS, satisfaction, FCR).
    HigherIsBetter,
    /// Lower values are better (handling time, abandonment).
    LowerIsBetter,
    /// No better side (channel usage share).
    Neutral,
}

/// Family an indicator belongs to, used to group indicators in selectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IndicatorGroup {
    /// Satisfaction and loyalty (NPS, satisfaction indices).
    Satisfaction,
    /// Contact-centre operations (speed of answer, abandonment, handling time, FCR).
    Operations,
    /// Written and digital responsiveness (email, social media).
    Responsiveness,
    /// How customers use channels.
    ChannelUse,
    /// Indicators derived from practices (e.g. share of agents without scripts).
    Practice,
    /// Anything else.
    Other,
}

impl IndicatorGroup {
    /// All groups in display order.
    pub const ALL: [IndicatorGroup; 6] = [
        IndicatorGroup::Satisfaction,
        IndicatorGroup::Operations,
        IndicatorGroup::Responsiveness,
        IndicatorGroup::ChannelUse,
        IndicatorGroup::Practice,
        IndicatorGroup::Other,
    ];

    /// Display name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            IndicatorGroup::Satisfaction => Msg::SatisfactionAndLoyalty.get(lang),
            IndicatorGroup::Operations => Msg::ContactCentreOperations.get(lang),
            IndicatorGroup::Responsiveness => Msg::WrittenAndSocialResponsiveness.get(lang),
            IndicatorGroup::ChannelUse => Msg::ChannelUse.get(lang),
            IndicatorGroup::Practice => Msg::TabPractices.get(lang),
            IndicatorGroup::Other => Msg::Other.get(lang),
        }
    }
}

/// A measured quantity: NPS, average speed of answer, channel usage share, …
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Unique id; units in ids where useful (`asa_s`, `fcr_pct`).
    pub id: IndicatorId,
    /// Name in English and French.
    pub name: Text,
    /// One-line definition in English and French.
    pub definition: Text,
    /// Unit of values.
    pub unit: Unit,
    /// Which way is better.
    pub direction: Direction,
    /// Family, for grouping in selectors.
    #[serde(default = "default_group")]
    pub group: IndicatorGroup,
    /// Values are given per channel.
    #[serde(default)]
    pub channel_specific: bool,
    /// Values across channels are shares of one whole: per region, period and source they
    /// may not add up to more than 100 %.
    #[serde(default)]
    pub channel_mix: bool,
}

fn default_group() -> IndicatorGroup {
    IndicatorGroup::Other
}

/// Theme of a practice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PracticeTheme {
    /// Scripts, templates and agent autonomy.
    ScriptsAndAutonomy,
    /// Customer service on social media.
    SocialMedia,
    /// Listening to customers: NPS, feedback, social listening.
    Listening,
    /// KPIs, control and incentives.
    KpisAndControl,
    /// Service culture, hiring and training.
    CultureAndTraining,
    /// Organisation, front and back office.
    OrganisationAndBackOffice,
    /// The brand's service promise and the small acts that keep it.
    ServicePromise,
    /// Which channel for what; new channels customers ask for.
    ChannelStrategy,
    /// Rules on hotlines, waiting time and complaints.
    Regulation,
}

impl PracticeTheme {
    /// All themes in display order.
    pub const ALL: [PracticeTheme; 9] = [
        PracticeTheme::ScriptsAndAutonomy,
        PracticeTheme::SocialMedia,
        PracticeTheme::Listening,
        PracticeTheme::KpisAndControl,
        PracticeTheme::CultureAndTraining,
        PracticeTheme::OrganisationAndBackOffice,
        PracticeTheme::ServicePromise,
        PracticeTheme::ChannelStrategy,
        PracticeTheme::Regulation,
    ];

    /// Display name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PracticeTheme::ScriptsAndAutonomy => Msg::ScriptsAndAutonomy.get(lang),
            PracticeTheme::SocialMedia => Msg::SocialMedia.get(lang),
            PracticeTheme::Listening => Msg::Listening.get(lang),
            PracticeTheme::KpisAndControl => Msg::KPIsAndControl.get(lang),
            PracticeTheme::CultureAndTraining => Msg::CultureAndTraining.get(lang),
            PracticeTheme::OrganisationAndBackOffice => Msg::OrganisationAndBackOffice.get(lang),
            PracticeTheme::ServicePromise => Msg::ServicePromise.get(lang),
            PracticeTheme::ChannelStrategy => Msg::ChannelStrategy.get(lang),
            PracticeTheme::Regulation => Msg::Regulation.get(lang),
        }
    }
}

/// How the source article presents a practice: a model, a counter-example, or context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stance {
    /// The article holds it up as a practice worth copying.
    Emulate,
    /// The article presents it as a counter-example, a practice to avoid.
    Avoid,
    /// Background or a description of a market, neither model nor counter-example.
    Context,
}

impl Stance {
    /// All stances in display order.
    pub const ALL: [Stance; 3] = [Stance::Emulate, Stance::Avoid, Stance::Context];

    /// Display name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Stance::Emulate => Msg::StanceEmulate,
            Stance::Avoid => Msg::StanceAvoid,
            Stance::Context => Msg::StanceContext,
        }
        .get(lang)
    }
}

/// A customer-service practice observed in one or more regions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Practice {
    /// Unique id.
    pub id: PracticeId,
    /// Regions where the practice is described.
    pub regions: Vec<RegionId>,
    /// Channels concerned (may be empty).
    #[serde(default)]
    pub channels: Vec<ChannelId>,
    /// Theme.
    pub theme: PracticeTheme,
    /// Summary in English and French.
    pub summary: Text,
    /// Adoption level 0–3 (0 absent or rejected, 1 emerging, 2 common, 3 widespread).
    #[serde(default)]
    pub adoption: Option<u8>,
    /// Year described.
    #[serde(default)]
    pub year: Option<i32>,
    /// Source id; a practice without a source is rejected by validation.
    #[serde(default)]
    pub source: Option<SourceId>,
    /// Companies named.
    #[serde(default)]
    pub companies: Vec<String>,
    /// How the source article presents it (model, counter-example, context); `None` when
    /// not stated. "What to transfer" never proposes a practice to avoid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
}

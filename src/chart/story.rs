/*!
The storytelling fields of a [`super::ChartSpec`]: what a consultant's slide says on top of
the data. Bilingual titles ([`SpecText`]), regions singled out ([`ChartSpec::highlight`]),
reference lines and bands ([`Reference`]) over the regions shown or a peer set, annotations
([`Annotation`]), sort order ([`SortOrder`]), colour overrides and small multiples
([`Facet`]). They live in the spec, so decks, saved views, undo, the screen and every export
carry them alike; the core layout resolves them (see `chart::layout`).

```ron
ChartSpec(
    kind: Ranking,
    indicators: ["asa_s"],
    title: (en: "France answers slower than its peers", fr: "La France répond plus lentement"),
    highlight: ["france"],
    reference: [Median, Target(value: 60, label: (en: "Target", fr: "Objectif"))],
    peers: ["uk", "quebec", "morocco", "tunisia"],
    annotations: [(at: (region: "france"), text: (en: "Client", fr: "Client"))],
    sort: Value,
    colours: {"france": "#1f77b4"},
)
```

[`ChartSpec::highlight`]: super::ChartSpec::highlight
*/

mod annotate;
pub mod facet;
pub mod marks;
mod order;
pub mod reference;
mod resolve;

pub use annotate::{NOMINAL_PLOT_PX, NOTE_PX, target};
pub use facet::panel_figure;
pub use marks::{EndLabel, Frame, MissingEnd, Note, Panel, RefMark, Shared, Story, anchor, frame};
pub use order::{name_key, order_of, parse_hex};
pub use resolve::{apply, direction, peer_spec};

use crate::model::{ChannelId, Lang, RegionId, Text};
use serde::{Deserialize, Serialize};

/// A title or label written by the user: one text for every language, or one per language
/// (`"…"` or `(en: "…", fr: "…")`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SpecText {
    /// The same text in every language.
    Plain(String),
    /// English and French.
    Both(Text),
}

impl SpecText {
    /// The text in `lang` (the other language when that one is empty).
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            SpecText::Plain(s) => s,
            SpecText::Both(t) => t.get(lang),
        }
    }

    /// The text written for `lang` only: a plain text, or that language's text of a
    /// bilingual one; `None` when it is empty, so a title written in one language leaves
    /// the other one's generated title (`(en: "Slower", fr: "")` keeps the French default).
    pub fn own(&self, lang: Lang) -> Option<&str> {
        let s = match self {
            SpecText::Plain(s) => s.as_str(),
            SpecText::Both(t) => match lang {
                Lang::En => t.en.as_str(),
                Lang::Fr => t.fr.as_str(),
            },
        };
        (!s.trim().is_empty()).then_some(s)
    }
}

impl From<&str> for SpecText {
    fn from(s: &str) -> Self {
        SpecText::Plain(s.to_owned())
    }
}

impl From<String> for SpecText {
    fn from(s: String) -> Self {
        SpecText::Plain(s)
    }
}

/// A reference drawn behind the marks, computed over the regions shown or over
/// [`super::ChartSpec::peers`] when that is set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reference {
    /// The mean of the values (a line per category, or one line on a single-indicator axis).
    Average,
    /// The median of the values.
    Median,
    /// A fixed value in the indicator's unit, with its label.
    Target {
        /// Value in the indicator's unit (seconds, percent, score…).
        value: f64,
        /// Label beside the line; "Target" / "Objectif" when absent.
        #[serde(default)]
        label: Option<Text>,
    },
    /// A band behind each category.
    Band(BandKind),
}

/// Which band a [`Reference::Band`] draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BandKind {
    /// From the first to the third quartile, with the median marked.
    Quartiles,
    /// From the worst to the best value, with the median marked (direction-aware wording:
    /// "best" is the low end for handling times).
    Range,
}

/// Where an annotation points.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotationAt {
    /// The region (or segment) whose mark is annotated.
    #[serde(default)]
    pub region: Option<RegionId>,
    /// The channel of that mark, when the chart shows several.
    #[serde(default)]
    pub channel: Option<ChannelId>,
    /// The year on a line or slope chart.
    #[serde(default)]
    pub year: Option<i32>,
}

/// A note on one mark of the chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// The mark annotated.
    pub at: AnnotationAt,
    /// The note.
    pub text: SpecText,
    /// Where the user dragged the note, as a shift from its mark in shares of the plot's
    /// width and height (x to the right, y downwards, as on screen); `None` = placed by the
    /// layout.
    #[serde(default)]
    pub offset: Option<(f32, f32)>,
}

/// Order of regions (categories, bars, legend entries).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortOrder {
    /// Best first, in the indicator's direction (by name for neutral indicators).
    Value,
    /// Alphabetical in the chart's language.
    Name,
    /// As listed in [`super::ChartSpec::regions`] (the default).
    #[default]
    AsListed,
}

/// Small multiples: one panel per region or channel, shared axes, one image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Facet {
    /// One panel per region.
    Region,
    /// One panel per channel.
    Channel,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ChartSpec;

    #[test]
    fn storytelling_fields_read_from_ron() {
        let opts = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let spec: ChartSpec = opts
            .from_str(
            r##"ChartSpec(kind: Ranking, indicators: ["asa_s"],
                title: (en: "Slower", fr: "Plus lent"), subtitle: "2024",
                highlight: ["france"], peers: ["uk"],
                reference: [Median, Target(value: 60, label: (en: "Target", fr: "Objectif")), Band(Quartiles)],
                annotations: [(at: (region: "france", year: 2020), text: "Client")],
                sort: Value, colours: {"france": "#1f77b4"}, facet: Channel)"##,
        )
        .unwrap();
        assert_eq!(spec.title.as_ref().unwrap().get(Lang::Fr), "Plus lent");
        assert_eq!(spec.subtitle.as_ref().unwrap().get(Lang::Fr), "2024");
        assert_eq!(spec.highlight, vec!["france".to_owned()]);
        assert_eq!(spec.reference.len(), 3);
        assert_eq!(
            spec.reference[1],
            Reference::Target {
                value: 60.0,
                label: Some(Text::new("Target", "Objectif"))
            }
        );
        assert_eq!(spec.annotations[0].at.year, Some(2020));
        assert_eq!(spec.sort, SortOrder::Value);
        assert_eq!(spec.colours["france"], "#1f77b4");
        assert_eq!(spec.facet, Some(Facet::Channel));
        let back: ChartSpec = opts.from_str(&opts.to_string(&spec).unwrap()).unwrap();
        assert_eq!(back, spec);
    }
}

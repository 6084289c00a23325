//! The storytelling fields of a spec applied to its built [`Figure`]: colours, sort and
//! highlight change the series themselves (so every painter and the legend follow), and the
//! reference lines, annotations, end labels and missing ends become the figure's [`Story`].

use super::marks::{EndLabel, MissingEnd, Story};
use super::{annotate, order, reference};
use crate::chart::figure::Figure;
use crate::chart::spec::{ChartKind, ChartSpec};
use crate::chart::story::SortOrder;
use crate::i18n::Msg;
use crate::model::{Dataset, Direction, Lang};

/// The spec of the peer set references are computed over: the same chart of the regions in
/// `peers`, without storytelling; `None` when the spec names no peers or draws no reference.
pub fn peer_spec(spec: &ChartSpec) -> Option<ChartSpec> {
    if spec.peers.is_empty() || spec.reference.is_empty() {
        return None;
    }
    Some(ChartSpec {
        regions: spec.peers.clone(),
        highlight: Vec::new(),
        reference: Vec::new(),
        peers: Vec::new(),
        annotations: Vec::new(),
        sort: SortOrder::AsListed,
        colours: Default::default(),
        facet: None,
        ..spec.clone()
    })
}

/// The direction of the spec's first indicator (neutral when unknown).
pub fn direction(ds: &Dataset, spec: &ChartSpec) -> Direction {
    spec.indicators
        .first()
        .and_then(|i| ds.indicators.get(i.as_str()))
        .map_or(Direction::Neutral, |i| i.direction)
}

/// Applies the storytelling fields of `spec` to `fig` (built from `spec`); `peers` is the
/// figure of [`peer_spec`], when there is one.
pub fn apply(ds: &Dataset, spec: &ChartSpec, fig: &mut Figure, peers: Option<&Figure>) {
    if fig.is_empty() {
        return;
    }
    let lang = fig.locale.lang();
    let dir = direction(ds, spec);
    let mut warnings = order::apply_colours(fig, &spec.colours);
    order::apply_sort(fig, spec.sort, dir);
    let (highlighted, w) = order::apply_highlight(fig, &spec.highlight);
    warnings.extend(w);
    let mut story = Story::default();
    match fig.kind {
        ChartKind::Lines => {
            // highlighted lines are named at their end, where the eye leaves them
            for &si in &highlighted {
                let s = &fig.series[si];
                if let Some(pi) = s.points.len().checked_sub(1) {
                    story.end_labels.push(EndLabel {
                        series: si,
                        point: pi,
                        text: s.label.clone(),
                        right: true,
                    });
                }
            }
        }
        ChartKind::Slope => {
            let (ends, missing) = slope_labels(fig, lang);
            story.end_labels = ends;
            story.missing_ends = missing;
        }
        _ => {}
    }
    if !spec.reference.is_empty() {
        if let Some(unit) = fig.y.unit.clone() {
            let wording = reference::Wording {
                unit: &unit,
                direction: dir,
                locale: fig.locale,
                peers: peers.is_some(),
            };
            story.references = reference::resolve(&spec.reference, fig, peers, &wording);
        }
        if story.references.is_empty() {
            warnings.push(Msg::ReferencesNotShown.get(lang).to_owned());
        }
    }
    let mut notes = Vec::new();
    for a in &spec.annotations {
        match annotate::target(ds, fig, a, lang) {
            Some((si, pi)) => notes.push((si, pi, a.text.get(lang).to_owned(), a.offset)),
            None => warnings.push(annotate::missing_warning(a, lang)),
        }
    }
    story.notes = annotate::place(
        fig,
        fig.shows_values(spec.value_labels),
        &notes,
        &story.end_labels,
    );
    fig.story = story;
    fig.warnings.extend(warnings);
}

/// End labels of a slope chart (the value on the left; value and name on the right) and its
/// missing ends ("n/a" where a region has no value in one of the two years), with a footnote
/// naming them.
fn slope_labels(fig: &mut Figure, lang: Lang) -> (Vec<EndLabel>, Vec<MissingEnd>) {
    let xs: Vec<f64> = fig
        .series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| p.x)
        .collect();
    let first = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let last = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut ends = Vec::new();
    let mut missing = Vec::new();
    let mut names = Vec::new();
    let na = Msg::NaShortDots.get(lang);
    for (si, s) in fig.series.iter().enumerate() {
        for (pi, p) in s.points.iter().enumerate() {
            let right = (p.x - last).abs() < 1e-9 && last > first;
            let text = if right {
                format!("{}  {}", p.label, s.label)
            } else {
                p.label.clone()
            };
            ends.push(EndLabel {
                series: si,
                point: pi,
                text,
                right,
            });
        }
        if let [p] = s.points.as_slice()
            && last > first
        {
            let at_first = (p.x - first).abs() < 1e-9;
            let x = if at_first { last } else { first };
            missing.push(MissingEnd {
                series: si,
                x,
                y: p.y,
                // the region is still named at the right end, beside "n/a"
                label: if at_first {
                    format!("{na}  {}", s.label)
                } else {
                    na.to_owned()
                },
            });
            names.push(format!("{} ({})", s.label, x.floor()));
        }
    }
    if !names.is_empty() {
        fig.warnings
            .push(Msg::NaNoValueFor.fill(lang, &[&names.join(", ")]));
    }
    (ends, missing)
}

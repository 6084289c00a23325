//! The storytelling fields of a spec applied to its built [`Figure`]: colours, sort and
//! highlight change the series themselves (so every painter and the legend follow), and the
//! reference lines, annotations, end labels and missing ends become the figure's [`Story`].

use super::marks::{EndLabel, MissingEnd, Story};
use super::{annotate, facet, order, reference};
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
        .and_then(|i| ds.indicators().get(i.as_str()))
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
    let (highlighted, w) = order::apply_highlight(fig, &spec.highlight, spec.facet.is_none());
    warnings.extend(w);
    let mut story = Story::default();
    match fig.kind {
        // highlighted lines are named at their end, where the eye leaves them, unless every
        // line already is (`chart::labels`)
        ChartKind::Lines if !crate::chart::labels::series_named_on_chart(fig) => {
            for &si in &highlighted {
                let s = &fig.series[si];
                if let Some(pi) = s.points.len().checked_sub(1) {
                    story.end_labels.push(EndLabel {
                        series: si,
                        point: pi,
                        text: s.label.clone(),
                        right: true,
                        nudge: 0.0,
                    });
                }
            }
        }
        ChartKind::Slope => {
            let (mut ends, missing) = slope_labels(fig, lang);
            spread(fig, &mut ends);
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
            if fig.kind == ChartKind::Ranking {
                ranking_gaps(fig, &mut story.references);
            }
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
    if let Some(f) = spec.facet {
        let (panels, w) = facet::panels(ds, fig, f);
        warnings.extend(w);
        if !panels.is_empty() {
            story.shared = facet::shared(fig, &story);
            story.panels = panels;
        }
    }
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
        .filter_map(|p| p.year())
        .collect();
    let first = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let last = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut ends = Vec::new();
    let mut missing = Vec::new();
    let mut names = Vec::new();
    let na = Msg::NaShortDots.get(lang);
    for (si, s) in fig.series.iter().enumerate() {
        for (pi, p) in s.points.iter().enumerate() {
            let right = p.year().is_some_and(|x| (x - last).abs() < 1e-9) && last > first;
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
                nudge: 0.0,
            });
        }
        if let [p] = s.points.as_slice()
            && let (Some(year), Some(value)) = (p.year(), p.value)
            && last > first
        {
            let at_first = (year - first).abs() < 1e-9;
            let x = if at_first { last } else { first };
            missing.push(MissingEnd {
                series: si,
                x,
                y: value,
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

/// The rows where a ranking's reference line would run through the value label printed right
/// of the bar (estimated on the nominal plot, with a margin): the line skips them.
fn ranking_gaps(fig: &Figure, marks: &mut [super::marks::RefMark]) {
    let Some(frame) = super::marks::frame(fig, false) else {
        return;
    };
    let n = fig.x.categories.len().max(1);
    for m in marks.iter_mut().filter(|m| m.category.is_none()) {
        let (mx, _) = frame.share(m.value, 0.0);
        for s in &fig.series {
            for p in &s.points {
                let (Some(value), Some(rank)) = (p.value, p.rank()) else {
                    continue;
                };
                let (start, _) = frame.share(value.max(0.0), 0.0);
                let (w, _) = annotate::text_size(&p.label);
                if mx > start - 0.01 && mx < start + w + 0.02 {
                    m.gaps.push((n - 1).saturating_sub(rank));
                }
            }
        }
    }
}

/// Least distance between two end labels on one side, in shares of the plot height.
pub const END_LABEL_GAP: f64 = 0.036;

/// Shifts the end labels of each side apart so that no two are closer than
/// [`END_LABEL_GAP`], keeping them inside the plot and as near their points as that allows.
fn spread(fig: &Figure, ends: &mut [EndLabel]) {
    let Some(frame) = super::marks::frame(fig, false) else {
        return;
    };
    for side in [false, true] {
        let mut col: Vec<(usize, f64)> = ends
            .iter()
            .enumerate()
            .filter(|(_, e)| e.right == side)
            .filter_map(|(i, e)| {
                super::marks::anchor(fig, e.series, e.point).map(|(x, y)| (i, frame.share(x, y).1))
            })
            .collect();
        col.sort_by(|a, b| a.1.total_cmp(&b.1));
        let mut placed: Vec<f64> = Vec::with_capacity(col.len());
        for &(_, y) in &col {
            let y = match placed.last() {
                Some(&prev) => y.max(prev + END_LABEL_GAP),
                None => y,
            };
            placed.push(y);
        }
        // pushed past the bottom: move the whole run back up
        if let Some(&last) = placed.last()
            && last > 1.0
        {
            let over = last - 1.0;
            let mut bound = 1.0;
            for y in placed.iter_mut().rev() {
                *y = (*y - over).min(bound);
                bound = *y - END_LABEL_GAP;
            }
        }
        for (&(i, y0), y) in col.iter().zip(placed) {
            ends[i].nudge = y - y0;
        }
    }
}

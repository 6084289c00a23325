//! Colours, highlight and order of a figure's series: colour overrides (`#rrggbb`, checked
//! under colour-vision deficiencies), every region not highlighted in a neutral grey, and the
//! sort order (best first in the indicator's direction, by name, or as listed). The legend is
//! the series order, so it follows.

use crate::chart::figure::{Figure, Place, Series};
use crate::chart::palette::{self, Rgb};
use crate::chart::spec::ChartKind;
use crate::chart::story::SortOrder;
use crate::chart::style;
use crate::i18n::Msg;
use crate::model::Direction;
use std::collections::BTreeMap;

/// Whether a spec key (`"france"`, `"uk/retail_banking"`) names series `s`: its whole id or
/// its region part (a region's key covers its channels' lines).
pub fn names_series(key: &str, s: &Series) -> bool {
    s.id == key || s.id.split('/').next() == Some(key)
}

/// Parses `#rrggbb` (case-insensitive).
pub fn parse_hex(text: &str) -> Option<Rgb> {
    let h = text.trim().strip_prefix('#')?;
    if h.len() != 6 || !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let v = u32::from_str_radix(h, 16).ok()?;
    Some([(v >> 16) as u8, (v >> 8) as u8, v as u8])
}

/// Applies colour overrides; returns the warnings (values that are not `#rrggbb`, keys that
/// name no series, and pairs of colours shown together that collapse under a colour-vision
/// deficiency, [`palette::MIN_CVD_DISTANCE`]).
pub fn apply_colours(fig: &mut Figure, colours: &BTreeMap<String, String>) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut overridden = vec![false; fig.series.len()];
    for (key, text) in colours {
        let Some(rgb) = parse_hex(text) else {
            warnings.push(Msg::BadColour.fill(fig.locale.lang(), &[&text, &key]));
            continue;
        };
        let mut any = false;
        for (i, s) in fig.series.iter_mut().enumerate() {
            if names_series(key, s) {
                s.colour = rgb;
                overridden[i] = true;
                any = true;
            }
        }
        if !any {
            warnings.push(Msg::ColourNotShown.fill(fig.locale.lang(), &[&key]));
        }
    }
    // every pair shown together with at least one chosen colour
    for i in 0..fig.series.len() {
        for j in i + 1..fig.series.len() {
            if !(overridden[i] || overridden[j]) {
                continue;
            }
            let (a, b) = (&fig.series[i], &fig.series[j]);
            // equal colours have distance 0: they collapse too
            if palette::cvd_distance(a.colour, b.colour) < palette::MIN_CVD_DISTANCE {
                warnings.push(Msg::ColoursLookAlike.fill(
                    fig.locale.lang(),
                    &[
                        &a.label,
                        &palette::hex(a.colour),
                        &b.label,
                        &palette::hex(b.colour),
                    ],
                ));
            }
        }
    }
    warnings
}

/// Draws every series not named in `keys` in [`style::MUTED_SERIES`] (grouped bars: one of
/// [`style::MUTED_SHADES`] each, so the legend tells the greys apart); on lines, scatter and
/// slope charts the highlighted ones move to the end so they are drawn on top (`reorder`; not
/// in small multiples, whose panels keep the listed order). Returns the
/// indices of the highlighted series (after the move) and a warning when `keys` name nothing
/// shown.
pub fn apply_highlight(
    fig: &mut Figure,
    keys: &[String],
    reorder: bool,
) -> (Vec<usize>, Option<String>) {
    if keys.is_empty() {
        return (Vec::new(), None);
    }
    let hit = |s: &Series| keys.iter().any(|k| names_series(k, s));
    if !fig.series.iter().any(hit) {
        let list = keys.join(", ");
        return (
            Vec::new(),
            Some(Msg::HighlightNotShown.fill(fig.locale.lang(), &[&list])),
        );
    }
    let grouped = matches!(
        fig.kind,
        ChartKind::BarsByChannel | ChartKind::BarsByIndicator
    );
    let mut muted = 0;
    for s in &mut fig.series {
        if !hit(s) {
            s.colour = if grouped {
                style::MUTED_SHADES[muted % style::MUTED_SHADES.len()]
            } else {
                style::MUTED_SERIES
            };
            muted += 1;
        }
    }
    if reorder
        && matches!(
            fig.kind,
            ChartKind::Lines | ChartKind::Scatter | ChartKind::Slope
        )
    {
        // stable: greys first, in their order, then the highlighted ones
        fig.series.sort_by_key(|s| hit(s));
    }
    let idx = fig
        .series
        .iter()
        .enumerate()
        .filter(|(_, s)| hit(s))
        .map(|(i, _)| i)
        .collect();
    (idx, None)
}

/// A name folded for alphabetical order: lowercase, common Latin accents removed.
pub fn name_key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            c => c,
        })
        .collect()
}

/// The value a series is sorted by: its latest point on lines and slopes, the mean of its
/// points otherwise (one point on rankings and scatters).
fn series_value(kind: ChartKind, s: &Series) -> Option<f64> {
    let vals: Vec<f64> = s
        .points
        .iter()
        .filter_map(|p| {
            if kind == ChartKind::HeatTable {
                p.value
            } else {
                p.plot_xy().map(|[_, y]| y)
            }
        })
        .filter(|v| v.is_finite())
        .collect();
    match kind {
        ChartKind::Lines | ChartKind::Slope => vals.last().copied(),
        _ => (!vals.is_empty()).then(|| vals.iter().sum::<f64>() / vals.len() as f64),
    }
}

/// The order of `items` (label, value) for `order`: best first in `direction` (neutral: by
/// name; no value: last, by name), by name, or as they are. Returns indices.
pub fn order_of(
    items: &[(String, Option<f64>)],
    order: SortOrder,
    direction: Direction,
) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let by_name = |a: &usize, b: &usize| name_key(&items[*a].0).cmp(&name_key(&items[*b].0));
    match (order, direction) {
        (SortOrder::AsListed, _) => {}
        (SortOrder::Name, _) | (SortOrder::Value, Direction::Neutral) => idx.sort_by(by_name),
        (SortOrder::Value, d) => idx.sort_by(|a, b| match (items[*a].1, items[*b].1) {
            (Some(x), Some(y)) => {
                let c = if d == Direction::LowerIsBetter {
                    x.total_cmp(&y)
                } else {
                    y.total_cmp(&x)
                };
                c.then_with(|| by_name(a, b))
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => by_name(a, b),
        }),
    }
    idx
}

/// Sorts the figure: rankings and heat tables reorder their rows (and the points' row
/// coordinates), bars of a single series their categories, every other kind its series (the
/// legend). A ranking as listed keeps its ranked order.
pub fn apply_sort(fig: &mut Figure, order: SortOrder, direction: Direction) {
    if order == SortOrder::AsListed {
        return;
    }
    let kind = fig.kind;
    match kind {
        ChartKind::Ranking => {
            // one series per row, at x = row
            let items: Vec<(String, Option<f64>)> = fig
                .series
                .iter()
                .map(|s| (s.label.clone(), series_value(kind, s)))
                .collect();
            let idx = order_of(&items, order, direction);
            let old_series = std::mem::take(&mut fig.series);
            let old_cats = std::mem::take(&mut fig.x.categories);
            let mut slots: Vec<Option<Series>> = old_series.into_iter().map(Some).collect();
            for (row, &i) in idx.iter().enumerate() {
                let Some(mut s) = slots.get_mut(i).and_then(Option::take) else {
                    continue;
                };
                let old_row = s.points.first().and_then(|p| p.rank()).unwrap_or(i);
                for p in &mut s.points {
                    p.place = Place::Rank { rank: row };
                }
                fig.x
                    .categories
                    .push(old_cats.get(old_row).cloned().unwrap_or_default());
                fig.series.push(s);
            }
        }
        ChartKind::HeatTable => {
            let items: Vec<(String, Option<f64>)> = fig
                .series
                .iter()
                .map(|s| (s.label.clone(), series_value(kind, s)))
                .collect();
            let idx = order_of(&items, order, direction);
            let old_cats = std::mem::take(&mut fig.y.categories);
            let old_series = std::mem::take(&mut fig.series);
            let mut slots: Vec<Option<Series>> = old_series.into_iter().map(Some).collect();
            for (row, &i) in idx.iter().enumerate() {
                let Some(mut s) = slots.get_mut(i).and_then(Option::take) else {
                    continue;
                };
                for p in &mut s.points {
                    if let Place::Cell { row: r, .. } = &mut p.place {
                        *r = row;
                    }
                }
                fig.y
                    .categories
                    .push(old_cats.get(i).cloned().unwrap_or_default());
                fig.series.push(s);
            }
        }
        ChartKind::BarsByChannel if fig.series.len() == 1 => {
            let n = fig.x.categories.len();
            let items: Vec<(String, Option<f64>)> = (0..n)
                .map(|ci| {
                    let v = fig.series[0]
                        .points
                        .iter()
                        .find(|p| p.category() == Some(ci))
                        .and_then(|p| p.value);
                    (fig.x.categories[ci].clone(), v)
                })
                .collect();
            let idx = order_of(&items, order, direction);
            let mut new_pos = vec![0usize; n];
            for (pos, &ci) in idx.iter().enumerate() {
                new_pos[ci] = pos;
            }
            fig.x.categories = idx.iter().map(|&ci| items[ci].0.clone()).collect();
            let s = &mut fig.series[0];
            for p in &mut s.points {
                if let Some(&np) = p.category().and_then(|ci| new_pos.get(ci)) {
                    p.place = Place::Category { index: np };
                }
            }
            s.points.sort_by_key(|p| p.category());
        }
        ChartKind::Coverage | ChartKind::Radar if order == SortOrder::Value => {}
        _ => {
            let items: Vec<(String, Option<f64>)> = fig
                .series
                .iter()
                .map(|s| (s.label.clone(), series_value(kind, s)))
                .collect();
            let idx = order_of(&items, order, direction);
            let mut slots: Vec<Option<Series>> = std::mem::take(&mut fig.series)
                .into_iter()
                .map(Some)
                .collect();
            fig.series = idx
                .iter()
                .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_parse_strictly() {
        assert_eq!(parse_hex("#1f77B4"), Some([0x1f, 0x77, 0xb4]));
        assert_eq!(parse_hex("1f77b4"), None);
        assert_eq!(parse_hex("#fff"), None);
        assert_eq!(parse_hex("#12345g"), None);
        assert_eq!(parse_hex("blue"), None);
    }

    #[test]
    fn value_order_is_best_first_in_the_indicator_direction() {
        let items = vec![
            ("Québec".to_owned(), Some(40.0)),
            ("France".to_owned(), Some(90.0)),
            ("UK".to_owned(), None),
            ("Algeria".to_owned(), Some(60.0)),
        ];
        let order = |sort, direction| order_of(&items, sort, direction);
        assert_eq!(
            order(SortOrder::Value, Direction::HigherIsBetter),
            [1, 3, 0, 2]
        );
        // handling time: the lowest is best; the region without a value stays last
        assert_eq!(
            order(SortOrder::Value, Direction::LowerIsBetter),
            [0, 3, 1, 2]
        );
        // neutral indicators have no best: by name (accents folded)
        assert_eq!(order(SortOrder::Value, Direction::Neutral), [3, 1, 0, 2]);
        assert_eq!(
            order(SortOrder::Name, Direction::LowerIsBetter),
            [3, 1, 0, 2]
        );
        assert_eq!(
            order(SortOrder::AsListed, Direction::LowerIsBetter),
            [0, 1, 2, 3]
        );
    }
}

//! Small multiples (`facet: Region | Channel`) on line and bar charts: which series (and, for
//! bars by channel split by channel, which category) each panel shows, with axes shared by
//! every panel ([`Story::shared`]); [`panel_figure`] cuts the figure of one panel, which the
//! painters draw as they draw any figure, under one title, legend and footer.

use super::marks::{Panel, Shared, Story};
use crate::chart::figure::{Figure, Place, Series};
use crate::chart::spec::ChartKind;
use crate::chart::story::Facet;
use crate::model::{Dataset, Lang};

/// The part of a series id that names its channel (`france/email` → `email`), if any.
fn channel_part(s: &Series) -> Option<&str> {
    s.id.split_once('/').map(|(_, c)| c)
}

/// The region part of a series id (`france/email` → `france`).
fn region_part(s: &Series) -> &str {
    s.id.split('/').next().unwrap_or(&s.id)
}

/// The panels of `fig` split by `facet`, and a warning when the kind cannot be split that way.
pub fn panels(ds: &Dataset, fig: &Figure, facet: Facet) -> (Vec<Panel>, Option<String>) {
    let lang = fig.locale.lang();
    let refuse = || {
        Some(if lang == Lang::Fr {
            "Petits multiples non appliqués\u{a0}: ils se font sur l'évolution (par région ou par canal) et les barres (par région, ou par canal pour les barres par canal).".to_owned()
        } else {
            "Small multiples not applied: they split line charts (by region or channel) and bar charts (by region, or by channel for bars by channel).".to_owned()
        })
    };
    let drawn: Vec<usize> = (0..fig.series.len())
        .filter(|&i| !fig.series[i].points.is_empty())
        .collect();
    let mut out: Vec<Panel> = Vec::new();
    let mut group = |key: &str, title: String, si: usize| match out
        .iter_mut()
        .zip(0..)
        .find(|(p, _)| p.key == key)
    {
        Some((p, _)) => p.series.push(si),
        None => out.push(Panel {
            key: key.to_owned(),
            title,
            series: vec![si],
            category: None,
        }),
    };
    match (fig.kind, facet) {
        (
            ChartKind::Lines | ChartKind::BarsByChannel | ChartKind::BarsByIndicator,
            Facet::Region,
        ) => {
            for &si in &drawn {
                let s = &fig.series[si];
                let key = region_part(s);
                let title = ds
                    .regions()
                    .get(key)
                    .map_or_else(|| s.label.clone(), |r| r.name.get(lang).to_owned());
                group(key, title, si);
            }
        }
        (ChartKind::Lines, Facet::Channel) => {
            for &si in &drawn {
                let s = &fig.series[si];
                let key = channel_part(s).unwrap_or("");
                let title = ds
                    .channels()
                    .get(key)
                    .map_or_else(|| fig.y.label.clone(), |c| c.name.get(lang).to_owned());
                group(key, title, si);
            }
        }
        (ChartKind::BarsByChannel, Facet::Channel) => {
            for (ci, name) in fig.x.categories.iter().enumerate() {
                let series: Vec<usize> = drawn
                    .iter()
                    .copied()
                    .filter(|&si| {
                        fig.series[si]
                            .points
                            .iter()
                            .any(|p| p.category() == Some(ci))
                    })
                    .collect();
                if !series.is_empty() {
                    out.push(Panel {
                        key: ci.to_string(),
                        title: name.clone(),
                        series,
                        category: Some(ci),
                    });
                }
            }
        }
        _ => return (Vec::new(), refuse()),
    }
    (out, None)
}

/// The axes every panel shares: the whole figure's value extent (with its reference lines)
/// and, for lines, its years.
pub fn shared(fig: &Figure, story: &Story) -> Shared {
    let pts = || fig.series.iter().flat_map(|s| &s.points);
    let fold = |vals: &mut dyn Iterator<Item = f64>| {
        vals.filter(|v| v.is_finite())
            .fold(None, |acc, v| match acc {
                None => Some((v, v)),
                Some((lo, hi)) => Some((f64::min(lo, v), f64::max(hi, v))),
            })
    };
    let refs = story.references.iter().flat_map(|r| {
        let (lo, hi) = r.band.unwrap_or((r.value, r.value));
        [r.value, lo, hi]
    });
    Shared {
        y: fold(&mut pts().filter_map(|p| Some(p.plot_xy()?[1])).chain(refs)),
        x: if fig.kind == ChartKind::Lines {
            fold(&mut pts().filter_map(|p| Some(p.plot_xy()?[0])))
        } else {
            None
        },
    }
}

/// The figure of panel `i`: its series (and category), its share of the storytelling marks
/// re-indexed, the shared axes, the panel's title; no legend, footer or further panels.
pub fn panel_figure(fig: &Figure, i: usize) -> Option<Figure> {
    let panel = fig.story.panels.get(i)?;
    let mut series: Vec<Series> = panel
        .series
        .iter()
        .filter_map(|&si| fig.series.get(si).cloned())
        .collect();
    if let [only] = series.as_mut_slice() {
        // the panel's title names its one series; no second name at the end of the line
        only.label = String::new();
    }
    let mut x = fig.x.clone();
    if let Some(ci) = panel.category {
        for s in &mut series {
            s.points.retain(|p| p.category() == Some(ci));
            for p in &mut s.points {
                p.place = Place::Category { index: 0 };
            }
        }
        x.categories = vec![fig.x.categories.get(ci).cloned().unwrap_or_default()];
    }
    // indices of the figure's series and points in the panel
    let new_series = |si: usize| panel.series.iter().position(|&s| s == si);
    let new_point = |si: usize, pi: usize| -> Option<usize> {
        let p = fig.series.get(si)?.points.get(pi)?;
        match panel.category {
            Some(ci) => (p.category() == Some(ci)).then_some(0),
            None => Some(pi),
        }
    };
    let story = &fig.story;
    let references = story
        .references
        .iter()
        .filter(|r| panel.category.is_none() || r.category == panel.category)
        .map(|r| {
            let mut r = r.clone();
            if panel.category.is_some() {
                r.category = Some(0);
            }
            r
        })
        .collect();
    // a note or end label moves with its point (and is dropped with it)
    let moved = |series: &mut usize, point: &mut usize| {
        *point = new_point(*series, *point)?;
        *series = new_series(*series)?;
        Some(())
    };
    let notes = story
        .notes
        .iter()
        .cloned()
        .filter_map(|mut n| moved(&mut n.series, &mut n.point).map(|()| n))
        .collect();
    let end_labels = story
        .end_labels
        .iter()
        .cloned()
        .filter_map(|mut e| moved(&mut e.series, &mut e.point).map(|()| e))
        .collect();
    Some(Figure {
        title: panel.title.clone(),
        subtitle: String::new(),
        x,
        series,
        warnings: Vec::new(),
        story: Story {
            references,
            notes,
            end_labels,
            missing_ends: Vec::new(),
            panels: Vec::new(),
            shared: story.shared,
        },
        ..fig.clone()
    })
}

/// Columns and rows of a grid of `n` panels in a `w` × `h` area: panels a little wider than
/// tall (about 1.4 : 1), few cells left empty.
pub fn grid(n: usize, w: f64, h: f64) -> (usize, usize) {
    let n = n.max(1);
    let mut best = (n, 1, f64::INFINITY);
    for cols in 1..=n {
        let rows = n.div_ceil(cols);
        let (pw, ph) = (w / cols as f64, h / rows as f64);
        // aim for panels a little wider than tall, with as few empty cells as possible
        let empty = (cols * rows - n) as f64;
        let badness = ((pw / ph.max(1e-9)) / 1.4).ln().abs() + 0.5 * empty;
        if badness < best.2 {
            best = (cols, rows, badness);
        }
    }
    (best.0, best.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grids_keep_panels_near_landscape() {
        assert_eq!(grid(4, 1600.0, 800.0), (2, 2));
        assert_eq!(grid(3, 1600.0, 500.0), (3, 1));
        assert_eq!(grid(1, 100.0, 100.0), (1, 1));
        let (c, r) = grid(7, 1600.0, 900.0);
        assert!(c * r >= 7);
    }
}

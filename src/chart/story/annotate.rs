//! Annotations ([`Annotation`]) resolved into placed [`Note`]s: the mark each one points at
//! (region, channel, year), then a position next to it that overlaps no mark and no other
//! label, found by trying candidate positions around the mark at growing distances (with a
//! leader line once the note leaves the mark's side); a position dragged by the user is kept.
//! An annotation whose mark is not in the chart gives a reader-facing warning.
//!
//! Positions are shares of the plot area; text sizes are estimated on a nominal plot
//! ([`NOMINAL_PLOT_PX`]) at the label size both painters use.

use super::marks::{self, EndLabel, Frame, Note};
use crate::chart::figure::Figure;
use crate::chart::layout;
use crate::chart::spec::ChartKind;
use crate::chart::story::Annotation;
use crate::i18n::Msg;
use crate::model::{Dataset, Lang};

/// The plot size (width, height in pixels) text boxes are estimated on.
pub const NOMINAL_PLOT_PX: (f64, f64) = (1100.0, 560.0);

/// Font size of notes on that plot, in pixels.
pub const NOTE_PX: f64 = 14.0;

/// A box in shares of the plot (x right, y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShareBox {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl ShareBox {
    /// Whether two boxes overlap.
    pub fn overlaps(&self, o: &ShareBox) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn inside(&self) -> bool {
        self.x0 >= 0.0 && self.y0 >= 0.0 && self.x1 <= 1.0 && self.y1 <= 1.0
    }
}

/// The size of `text` in shares of the nominal plot (about 0.56 em per character).
pub fn text_size(text: &str) -> (f64, f64) {
    let chars = text.chars().count() as f64;
    (
        chars * NOTE_PX * 0.56 / NOMINAL_PLOT_PX.0 + 0.01,
        NOTE_PX * 1.5 / NOMINAL_PLOT_PX.1,
    )
}

/// A note to place: series, point, text and the user's offset (shares), if dragged.
pub type NoteRequest = (usize, usize, String, Option<(f32, f32)>);

/// The series and point `a` points at, if the chart shows it.
pub fn target(ds: &Dataset, fig: &Figure, a: &Annotation, lang: Lang) -> Option<(usize, usize)> {
    let channel =
        a.at.channel
            .as_ref()
            .map(|c| match ds.channels().get(c.as_str()) {
                Some(ch) => ch.name.get(lang).to_owned(),
                None => c.to_string(),
            });
    for (si, s) in fig.series.iter().enumerate() {
        if let Some(r) = &a.at.region
            && !super::order::names_series(r.as_str(), s)
        {
            continue;
        }
        let hits: Vec<usize> = s
            .points
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                channel.as_ref().is_none_or(|c| {
                    p.channel.as_ref() == Some(c)
                        || p.x_category().and_then(|i| fig.x.categories.get(i)) == Some(c)
                })
            })
            .filter(|(_, p)| a.at.year.is_none_or(|y| i32::from(p.period.year) == y))
            .map(|(i, _)| i)
            .collect();
        // without a year, the latest point of a line
        if let Some(&pi) = hits.last() {
            return Some((si, pi));
        }
    }
    None
}

/// The boxes of every mark (bars from zero to their value, points as small squares) and of
/// labels already placed, in shares of `frame`.
fn obstacles(fig: &Figure, frame: &Frame, value_labels: bool, ends: &[EndLabel]) -> Vec<ShareBox> {
    let mut out = Vec::new();
    let n = fig.x.categories.len().max(1);
    let (bar_w, _) = layout::bar_geometry(n, fig.series.len());
    let dot = (10.0 / NOMINAL_PLOT_PX.0, 10.0 / NOMINAL_PLOT_PX.1);
    for (si, s) in fig.series.iter().enumerate() {
        for pi in 0..s.points.len() {
            let Some((x, y)) = marks::anchor(fig, si, pi) else {
                continue;
            };
            let (ax, ay) = frame.share(x, y);
            match fig.kind {
                ChartKind::BarsByChannel | ChartKind::BarsByIndicator => {
                    let (zx, zy) = frame.share(x, 0.0);
                    let half = bar_w / 2.0 / (frame.x.1 - frame.x.0);
                    // the value label above the bar too: up to four and a half label heights, as
                    // crowded labels are stacked up by the label placement (`chart::labels`)
                    let label_h = if value_labels {
                        4.5 * NOTE_PX * 1.4 / NOMINAL_PLOT_PX.1
                    } else {
                        0.0
                    };
                    out.push(ShareBox {
                        x0: zx - half,
                        y0: ay.min(zy) - label_h,
                        x1: zx + half,
                        y1: ay.max(zy),
                    });
                }
                ChartKind::Ranking => {
                    let (zx, _) = frame.share(0.0, y);
                    let half = 0.3 / (frame.y.1 - frame.y.0);
                    // the value label right of the bar
                    let (lw, _) = text_size(&s.points[pi].label);
                    out.push(ShareBox {
                        x0: ax.min(zx),
                        y0: ay - half,
                        x1: ax.max(zx) + lw,
                        y1: ay + half,
                    });
                }
                _ => out.push(ShareBox {
                    x0: ax - dot.0,
                    y0: ay - dot.1,
                    x1: ax + dot.0,
                    y1: ay + dot.1,
                }),
            }
        }
    }
    for e in ends {
        let Some((x, y)) = marks::anchor(fig, e.series, e.point) else {
            continue;
        };
        let (ax, ay) = frame.share(x, y);
        let (w, h) = text_size(&e.text);
        let x0 = if e.right { ax + 0.008 } else { ax - 0.008 - w };
        out.push(ShareBox {
            x0,
            y0: ay - h / 2.0,
            x1: x0 + w,
            y1: ay + h / 2.0,
        });
    }
    out
}

/// Candidate directions around a mark, nearest first: above, right, left, below, then the
/// diagonals.
const DIRECTIONS: [(f64, f64); 8] = [
    (0.0, -1.0),
    (1.0, 0.0),
    (-1.0, 0.0),
    (0.0, 1.0),
    (1.0, -1.0),
    (-1.0, -1.0),
    (1.0, 1.0),
    (-1.0, 1.0),
];

/// Distances tried, in shares of the plot height (the first keeps the note beside its mark).
const RINGS: [f64; 5] = [0.05, 0.11, 0.18, 0.27, 0.38];

/// The box of a note of size `(w, h)` whose nearest side is `gap` from the anchor at
/// `(ax, ay)` in direction `(dx, dy)`, with its centre.
fn candidate(
    ax: f64,
    ay: f64,
    (w, h): (f64, f64),
    (dx, dy): (f64, f64),
    gap: f64,
) -> (ShareBox, (f64, f64)) {
    let aspect = NOMINAL_PLOT_PX.1 / NOMINAL_PLOT_PX.0;
    let cx = ax + dx * (gap * aspect + w / 2.0);
    let cy = ay + dy * (gap + h / 2.0);
    (
        ShareBox {
            x0: cx - w / 2.0,
            y0: cy - h / 2.0,
            x1: cx + w / 2.0,
            y1: cy + h / 2.0,
        },
        (cx, cy),
    )
}

/// Where a leader from the anchor meets the note's box (shares, from the anchor).
fn leader_end(anchor: (f64, f64), b: &ShareBox) -> (f64, f64) {
    let cx = anchor.0.clamp(b.x0, b.x1);
    let cy = anchor.1.clamp(b.y0, b.y1);
    (cx - anchor.0, cy - anchor.1)
}

/// Places `notes` (series, point, text, user offset) on `fig`; `ends` are labels already
/// drawn beside points. Notes are placed in order, each avoiding the ones before.
pub fn place(
    fig: &Figure,
    value_labels: bool,
    notes: &[NoteRequest],
    ends: &[EndLabel],
) -> Vec<Note> {
    let Some(frame) = marks::frame(fig, value_labels) else {
        return Vec::new();
    };
    let mut taken = obstacles(fig, &frame, value_labels, ends);
    let mut out = Vec::new();
    for (si, pi, text, user) in notes {
        let Some((x, y)) = marks::anchor(fig, *si, *pi) else {
            continue;
        };
        let anchor = frame.share(x, y);
        let size = text_size(text);
        let placed = match user {
            Some((dx, dy)) => {
                let (dx, dy) = (f64::from(*dx), f64::from(*dy));
                let b = ShareBox {
                    x0: anchor.0 + dx - size.0 / 2.0,
                    y0: anchor.1 + dy - size.1 / 2.0,
                    x1: anchor.0 + dx + size.0 / 2.0,
                    y1: anchor.1 + dy + size.1 / 2.0,
                };
                (b, (dx, dy), true)
            }
            None => {
                let mut found = None;
                'search: for (ring, &gap) in RINGS.iter().enumerate() {
                    for &dir in &DIRECTIONS {
                        let (b, (cx, cy)) = candidate(anchor.0, anchor.1, size, dir, gap);
                        if b.inside() && !taken.iter().any(|t| t.overlaps(&b)) {
                            found = Some((b, (cx - anchor.0, cy - anchor.1), ring > 0));
                            break 'search;
                        }
                    }
                }
                // nowhere free: above the mark, with a leader, kept inside the plot
                found.unwrap_or_else(|| {
                    let (mut b, _) = candidate(anchor.0, anchor.1, size, (0.0, -1.0), RINGS[1]);
                    let shift_x = (-b.x0).max(0.0) - (b.x1 - 1.0).max(0.0);
                    let shift_y = (-b.y0).max(0.0) - (b.y1 - 1.0).max(0.0);
                    b = ShareBox {
                        x0: b.x0 + shift_x,
                        x1: b.x1 + shift_x,
                        y0: b.y0 + shift_y,
                        y1: b.y1 + shift_y,
                    };
                    let c = ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
                    (b, (c.0 - anchor.0, c.1 - anchor.1), true)
                })
            }
        };
        let (b, offset, leader) = placed;
        taken.push(b);
        // a leader going up from a labelled bar starts above the value label
        let bars = matches!(
            fig.kind,
            ChartKind::BarsByChannel | ChartKind::BarsByIndicator
        );
        let leader_from = if bars && value_labels && offset.1 < 0.0 {
            let lift = (3.0 * NOTE_PX * 1.4 / NOMINAL_PLOT_PX.1).min((anchor.1 - b.y1).max(0.0));
            (0.0, -lift)
        } else {
            (0.0, 0.0)
        };
        // no leader when its start is already at the note (nothing left to draw)
        let leader_to = leader.then(|| leader_end(anchor, &b)).filter(|to| {
            (to.1 - leader_from.1).abs() > 0.01 || (to.0 - leader_from.0).abs() > 0.01
        });
        out.push(Note {
            series: *si,
            point: *pi,
            text: text.clone(),
            offset,
            leader_from,
            leader_to,
        });
    }
    out
}

/// The warning for an annotation whose mark is not in the chart.
pub fn missing_warning(a: &Annotation, lang: Lang) -> String {
    let mut what: Vec<String> = Vec::new();
    if let Some(r) = &a.at.region {
        what.push(r.to_string());
    }
    if let Some(c) = &a.at.channel {
        what.push(c.to_string());
    }
    if let Some(y) = a.at.year {
        what.push(y.to_string());
    }
    let what = what.join(" · ");
    let text = a.text.get(lang);
    Msg::NoteNotShown.fill(lang, &[&text, &what])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_candidate_box_keeps_its_gap_from_the_anchor() {
        let (b, (cx, cy)) = candidate(0.5, 0.5, (0.1, 0.04), (0.0, -1.0), 0.05);
        assert!((b.y1 - 0.45).abs() < 1e-12, "{b:?}");
        assert!((cx - 0.5).abs() < 1e-12 && (cy - 0.43).abs() < 1e-12);
        let right = candidate(0.5, 0.5, (0.1, 0.04), (1.0, 0.0), 0.05).0;
        assert!(right.x0 > 0.5 && (right.y0 + right.y1) / 2.0 == 0.5);
        assert!(
            ShareBox {
                x0: 0.0,
                y0: 0.0,
                x1: 0.2,
                y1: 0.2
            }
            .overlaps(&ShareBox {
                x0: 0.1,
                y0: 0.1,
                x1: 0.3,
                y1: 0.3
            })
        );
        assert!(
            !ShareBox {
                x0: 0.0,
                y0: 0.0,
                x1: 0.2,
                y1: 0.2
            }
            .overlaps(&ShareBox {
                x0: 0.2,
                y0: 0.0,
                x1: 0.3,
                y1: 0.3
            })
        );
    }
}

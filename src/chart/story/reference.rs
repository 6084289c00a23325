//! Reference lines and bands ([`Reference`]) resolved into [`RefMark`]s: the average, median,
//! quartiles or range of the values shown (or of the peer set's), per category on bars by
//! channel or indicator, across the plot otherwise; labels in the chart's language with
//! direction-aware wording ("best" is the low end of a handling time).
//!
//! Quartiles interpolate linearly between order statistics (Hyndman and Fan's type 7, the
//! default of R and NumPy): for sorted values `x₀ … xₙ₋₁`, `Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋)`
//! with `h = (n − 1)p`; the median is `Q(0.5)`.

use super::marks::RefMark;
use crate::chart::figure::Figure;
use crate::chart::format::{self, Locale};
use crate::chart::spec::ChartKind;
use crate::chart::story::{BandKind, Reference};
use crate::i18n::Msg;
use crate::model::{Direction, Lang, Unit};

/// Mean of `values` (`None` when empty).
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Quantile `p` (0–1) of `values`, type 7 (see the module docs); `None` when empty.
pub fn quantile(values: &[f64], p: f64) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let h = (v.len() - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(v.len() - 1);
    Some(v[lo] + (h - lo as f64) * (v[hi] - v[lo]))
}

/// The values a reference is computed over, per category (bars) or as one set (`None`).
pub fn value_sets(fig: &Figure) -> Vec<(Option<usize>, Vec<f64>)> {
    match fig.kind {
        ChartKind::BarsByChannel | ChartKind::BarsByIndicator => (0..fig.x.categories.len())
            .map(|ci| {
                let vals = fig
                    .series
                    .iter()
                    .flat_map(|s| &s.points)
                    .filter(|p| p.category() == Some(ci))
                    .filter_map(|p| p.value)
                    .collect();
                (Some(ci), vals)
            })
            .collect(),
        ChartKind::Ranking | ChartKind::Scatter => vec![(
            None,
            fig.series
                .iter()
                .flat_map(|s| &s.points)
                .filter_map(|p| p.value)
                .collect(),
        )],
        // lines and slopes: each series' latest value
        ChartKind::Lines | ChartKind::Slope => vec![(
            None,
            fig.series
                .iter()
                .filter_map(|s| s.points.last())
                .filter_map(|p| p.value)
                .collect(),
        )],
        ChartKind::Radar | ChartKind::HeatTable | ChartKind::Coverage => Vec::new(),
    }
}

/// The values of category `name` in `sets` of a figure with `categories`, for peers: a peer
/// figure's categories are matched by name.
fn peer_values(
    peer: &[(Option<usize>, Vec<f64>)],
    peer_cats: &[String],
    cat: Option<usize>,
    cats: &[String],
) -> Vec<f64> {
    match cat {
        None => peer.first().map(|(_, v)| v.clone()).unwrap_or_default(),
        Some(ci) => {
            let name = cats.get(ci);
            peer.iter()
                .find(|(c, _)| c.and_then(|c| peer_cats.get(c)) == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        }
    }
}

/// Everything needed to word a reference.
pub struct Wording<'a> {
    /// Unit of the values.
    pub unit: &'a Unit,
    /// Direction of the indicator.
    pub direction: Direction,
    /// Locale of numbers and words.
    pub locale: Locale,
    /// Computed over a named peer set.
    pub peers: bool,
}

impl Wording<'_> {
    fn fr(&self) -> bool {
        self.locale.lang() == Lang::Fr
    }

    fn v(&self, x: f64) -> String {
        format::value(x, self.unit, self.locale)
    }

    fn name(&self, r: &Reference) -> String {
        let lang = self.locale.lang();
        let pick = |own: Msg, peer: Msg| if self.peers { peer } else { own }.get(lang).to_owned();
        match r {
            Reference::Average => pick(Msg::RefAverage, Msg::RefPeerAverage),
            Reference::Median => pick(Msg::RefMedian, Msg::RefPeerMedian),
            Reference::Target { label, .. } => match label {
                Some(t) => t.get(lang).to_owned(),
                None => Msg::Target.get(lang).to_owned(),
            },
            Reference::Band(BandKind::Quartiles) => pick(Msg::RefQuartiles, Msg::RefPeerQuartiles),
            Reference::Band(BandKind::Range) => pick(Msg::BandRange, Msg::RefPeerRange),
        }
    }

    /// The label of a band from `lo` to `hi`: the range says which end is best.
    fn band_label(&self, r: &Reference, lo: f64, hi: f64) -> String {
        let colon = if self.fr() { "\u{a0}: " } else { ": " };
        let name = self.name(r);
        let lang = self.locale.lang();
        let (best, worst) = (Msg::RefBest.get(lang), Msg::RefWorst.get(lang));
        match (r, self.direction) {
            (Reference::Band(BandKind::Range), Direction::LowerIsBetter) => format!(
                "{name}{colon}{best} {} – {worst} {}",
                self.v(lo),
                self.v(hi)
            ),
            (Reference::Band(BandKind::Range), Direction::HigherIsBetter) => format!(
                "{name}{colon}{worst} {} – {best} {}",
                self.v(lo),
                self.v(hi)
            ),
            _ => format!("{name}{colon}{} – {}", self.v(lo), self.v(hi)),
        }
    }
}

/// The marks of `refs` over `fig` (or over `peers`, a figure of the peer set built from the
/// same spec). Per-category marks carry their label on the last category only; a set with no
/// value gives no mark, a band needs two values.
pub fn resolve(
    refs: &[Reference],
    fig: &Figure,
    peers: Option<&Figure>,
    w: &Wording<'_>,
) -> Vec<RefMark> {
    let sets = value_sets(fig);
    let peer_sets = peers.map(value_sets);
    let mut out = Vec::new();
    for r in refs {
        let per_category = sets.iter().any(|(c, _)| c.is_some());
        let last = sets.len().saturating_sub(1);
        for (k, (cat, own)) in sets.iter().enumerate() {
            let values = match (&peer_sets, peers) {
                (Some(ps), Some(pf)) => peer_values(ps, &pf.x.categories, *cat, &fig.x.categories),
                _ => own.clone(),
            };
            let labelled = !per_category || k == last;
            let line = |value: f64, label: String| RefMark {
                category: *cat,
                value,
                band: None,
                label: labelled.then_some(label),
                gaps: Vec::new(),
            };
            let mark = match r {
                Reference::Average => mean(&values).map(|m| {
                    let text = if per_category {
                        w.name(r)
                    } else {
                        format!("{} {}", w.name(r), w.v(m))
                    };
                    line(m, text)
                }),
                Reference::Median => quantile(&values, 0.5).map(|m| {
                    let text = if per_category {
                        w.name(r)
                    } else {
                        format!("{} {}", w.name(r), w.v(m))
                    };
                    line(m, text)
                }),
                Reference::Target { value, .. } => {
                    Some(line(*value, format!("{} {}", w.name(r), w.v(*value))))
                }
                Reference::Band(kind) if values.len() >= 2 => {
                    let (lo, hi) = match kind {
                        BandKind::Quartiles => (quantile(&values, 0.25), quantile(&values, 0.75)),
                        BandKind::Range => (quantile(&values, 0.0), quantile(&values, 1.0)),
                    };
                    match (lo, hi, quantile(&values, 0.5)) {
                        (Some(lo), Some(hi), Some(mid)) => Some(RefMark {
                            category: *cat,
                            value: mid,
                            band: Some((lo, hi)),
                            label: labelled.then(|| {
                                if per_category {
                                    // the key names the dashed line too
                                    Msg::BandDashesMedian.fill(w.locale.lang(), &[&w.name(r)])
                                } else {
                                    w.band_label(r, lo, hi)
                                }
                            }),
                            gaps: Vec::new(),
                        }),
                        _ => None,
                    }
                }
                Reference::Band(_) => None,
            };
            out.extend(mark);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_and_median_by_linear_interpolation() {
        // sorted 10, 20, 30, 40: h(0.25) = 0.75 → 17.5; median 25; h(0.75) = 2.25 → 32.5
        let v = [40.0, 10.0, 30.0, 20.0];
        assert_eq!(quantile(&v, 0.25), Some(17.5));
        assert_eq!(quantile(&v, 0.5), Some(25.0));
        assert_eq!(quantile(&v, 0.75), Some(32.5));
        assert_eq!(quantile(&v, 0.0), Some(10.0));
        assert_eq!(quantile(&v, 1.0), Some(40.0));
        assert_eq!(quantile(&[7.0], 0.5), Some(7.0));
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(mean(&v), Some(25.0));
        assert_eq!(mean(&[]), None);
    }
}

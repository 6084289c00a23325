/*!
Value scales of the plots: a linear [`Scale`] with "nice" ticks (1, 2, 2.5 or 5 × 10ⁿ), seconds
shown in s, min or h, and tick labels in the figure's locale. Every value handled here may be
extreme (±`f64::MAX`): spans are computed on divided values so they stay finite.
*/

use crate::chart::format::{self, Locale};
use crate::model::Unit;

/// A linear scale with "nice" ticks.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    /// Lowest value shown.
    pub lo: f64,
    /// Highest value shown.
    pub hi: f64,
    /// Distance between ticks.
    pub step: f64,
    /// Tick values from `lo` to `hi`.
    pub ticks: Vec<f64>,
    /// Seconds axes: (divisor, suffix) of the display unit (min, h), chosen for the axis.
    pub seconds: Option<(f64, &'static str)>,
}

impl Scale {
    /// Position of `v` between `a` (at `lo`) and `b` (at `hi`). Computed on halves so that
    /// values near ±`f64::MAX` do not overflow; always finite for finite `a` and `b`.
    pub(super) fn map(&self, v: f64, a: f64, b: f64) -> f64 {
        let t = (v / 2.0 - self.lo / 2.0) / (self.hi / 2.0 - self.lo / 2.0);
        let t = if t.is_finite() {
            t.clamp(-1e3, 1e3)
        } else {
            0.0
        };
        a + (b - a) * t
    }
}

/// A scale covering `lo..=hi` with about `target` ticks at 1, 2, 2.5 or 5 × 10ⁿ.
pub fn nice_scale(lo: f64, hi: f64, target: usize) -> Scale {
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() {
        (lo.min(hi), lo.max(hi))
    } else {
        (0.0, 1.0)
    };
    if hi - lo < 1e-9 {
        let pad = if lo.abs() > 1e-9 { lo.abs() * 0.1 } else { 1.0 };
        lo = (lo - pad).max(f64::MIN);
        hi = (hi + pad).min(f64::MAX);
    }
    // divided before subtracting: the span of -1e308..1e308 overflows, its fifth does not
    let target_f = target.max(1) as f64;
    let raw = hi / target_f - lo / target_f;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw * 0.999)
        .filter(|s| (s - 2.5).abs() > 1e-9) // 2.5 would need a decimal on integer ticks
        .unwrap_or(10.0 * mag);
    let lo = ((lo / step + 1e-9).floor() * step).max(f64::MIN);
    let hi = ((hi / step - 1e-9).ceil() * step).min(f64::MAX);
    let count = (hi / step - lo / step).round();
    let count = if count.is_finite() {
        count.clamp(0.0, 100.0) as usize
    } else {
        0
    };
    let ticks = (0..=count)
        .map(|i| {
            let t = lo + i as f64 * step;
            // `i × step` alone can overflow near ±f64::MAX: count in steps from `lo` instead
            let t = if t.is_finite() {
                t
            } else {
                (lo / step + i as f64) * step
            };
            if t.abs() < step * 1e-9 { 0.0 } else { t }
        })
        .filter(|t| t.is_finite())
        .collect();
    Scale {
        lo,
        hi,
        step,
        ticks,
        seconds: None,
    }
}

/// A nice scale for values in `unit`; durations get ticks that are round in the display unit
/// (s, min or h) chosen for the whole axis.
pub fn unit_scale(lo: f64, hi: f64, target: usize, unit: Option<&Unit>) -> Scale {
    if unit != Some(&Unit::Seconds) {
        return nice_scale(lo, hi, target);
    }
    let (div, suffix) = format::seconds_scale(lo.abs().max(hi.abs()));
    let s = nice_scale(lo / div, hi / div, target);
    Scale {
        lo: s.lo * div,
        hi: s.hi * div,
        step: s.step * div,
        ticks: s.ticks.iter().map(|t| t * div).collect(),
        seconds: Some((div, suffix)),
    }
}

/// A tick label in the figure's locale.
pub(super) fn tick_text(v: f64, unit: Option<&Unit>, scale: &Scale, locale: Locale) -> String {
    let step = scale.step;
    if let Some((div, suffix)) = scale.seconds {
        let d = if step / div >= 1.0 {
            0
        } else {
            format::auto_decimals(step / div, 2).max(1)
        };
        let space = match locale {
            Locale::EnGb => " ",
            Locale::FrFr => "\u{202F}",
            Locale::FrCa => "\u{00A0}",
        };
        return format!("{}{space}{suffix}", format::number(v / div, d, locale));
    }
    match unit {
        Some(u) => format::tick(v, u, step, locale),
        None => {
            let d = if step >= 1.0 {
                0
            } else {
                format::auto_decimals(step, 2).max(1)
            };
            format::number(v, d, locale)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_scales() {
        let s = nice_scale(0.0, 87.0, 5);
        assert_eq!((s.lo, s.hi, s.step), (0.0, 100.0, 20.0));
        assert_eq!(s.ticks.len(), 6);
        let s = nice_scale(-37.0, 12.0, 5);
        assert_eq!((s.lo, s.hi, s.step), (-40.0, 20.0, 10.0));
        assert!(s.ticks.contains(&0.0));
        let s = nice_scale(5.0, 5.0, 5);
        assert!(s.lo < 5.0 && s.hi > 5.0);
        let s = nice_scale(f64::NAN, 3.0, 5);
        assert_eq!((s.lo, s.hi), (0.0, 1.0));
    }

    #[test]
    fn extreme_values_give_finite_scales_and_positions() {
        for (lo, hi) in [
            (-1e308, 1e308),
            (f64::MIN, f64::MAX),
            (0.0, f64::MAX),
            (-1e308, -1e307),
        ] {
            let s = nice_scale(lo, hi, 5);
            assert!(
                s.lo.is_finite() && s.hi.is_finite() && s.step.is_finite(),
                "{s:?}"
            );
            assert!(s.lo <= lo && s.hi >= hi, "{s:?} covers {lo}..{hi}");
            assert!(!s.ticks.is_empty() && s.ticks.len() <= 101, "{s:?}");
            assert_eq!(s.ticks.first(), Some(&s.lo), "{s:?}");
            // ticks reach the top (within a step when the ends were clamped to ±f64::MAX)
            let last = s.ticks.last().copied().unwrap_or(f64::NAN);
            assert!(s.hi / 2.0 - last / 2.0 <= s.step / 2.0, "{s:?}");
            assert!(s.ticks.iter().all(|t| t.is_finite()));
            for v in [lo, hi, 0.0] {
                let px = s.map(v, 600.0, 100.0);
                assert!(px.is_finite() && (99.0..=601.0).contains(&px), "{v} → {px}");
            }
        }
    }
}

/*!
Value scales: the range, ticks and tick labels of a value axis, resolved once in the core so
that the app's chart view (egui_plot) and the exporters (SVG, PNG, PDF) draw the same axis.

Rules (see `shared/design/chart-style.md`):
- ticks at 1, 2 or 5 × 10ⁿ (durations also at 15 and 30 of their unit), about `target` of them;
- bars start at zero ([`Origin::Zero`]); other axes get nice bounds with headroom, so no point
  sits on the frame;
- durations use one display unit for the whole axis, chosen from the range (s below 2 min, min
  below 2 h, else h); ticks are plain numbers in that unit and the unit is named in the axis
  title ([`ValueScale::title`]);
- tick labels follow the locale (decimal comma, thousands separator, true minus sign).
*/

use super::format::{self, Locale};
use crate::model::Unit;
use serde::Serialize;

/// Whether a value axis must include zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Bars: the axis starts (or ends, for negative values) at zero.
    Zero,
    /// Lines and scatter: the axis hugs the data, with headroom.
    Free,
}

/// Display unit of a duration axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum DurationUnit {
    /// Seconds.
    Seconds,
    /// Minutes.
    Minutes,
    /// Hours.
    Hours,
}

impl DurationUnit {
    /// The unit for an axis whose largest absolute value is `max_abs_s` seconds.
    pub fn for_range(max_abs_s: f64) -> DurationUnit {
        if max_abs_s < 120.0 {
            DurationUnit::Seconds
        } else if max_abs_s < 7200.0 {
            DurationUnit::Minutes
        } else {
            DurationUnit::Hours
        }
    }

    /// Seconds in one unit.
    pub fn seconds(self) -> f64 {
        match self {
            DurationUnit::Seconds => 1.0,
            DurationUnit::Minutes => 60.0,
            DurationUnit::Hours => 3600.0,
        }
    }

    /// Symbol (the same in English and French).
    pub fn symbol(self) -> &'static str {
        match self {
            DurationUnit::Seconds => "s",
            DurationUnit::Minutes => "min",
            DurationUnit::Hours => "h",
        }
    }
}

/// One tick of a value axis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tick {
    /// Position, in the axis's data unit (seconds for durations).
    pub value: f64,
    /// Label in the figure's locale.
    pub label: String,
}

/// A resolved value axis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValueScale {
    /// Lowest value shown (data unit).
    pub lo: f64,
    /// Highest value shown (data unit).
    pub hi: f64,
    /// Distance between ticks (data unit).
    pub step: f64,
    /// Ticks from `lo` to `hi`.
    pub ticks: Vec<Tick>,
    /// For durations, the display unit chosen for the whole axis.
    pub duration: Option<DurationUnit>,
}

/// Most ticks an axis carries, whatever the range (keeps every loop bounded).
const MAX_TICKS: usize = 50;

impl ValueScale {
    /// Position of `v` between `a` (at `lo`) and `b` (at `hi`).
    /// Computed on halves so that values near ±`f64::MAX` do not overflow; always finite for
    /// finite `a` and `b`, even for values far outside the scale.
    pub fn map(&self, v: f64, a: f64, b: f64) -> f64 {
        let t = (v / 2.0 - self.lo / 2.0) / (self.hi / 2.0 - self.lo / 2.0);
        let t = if t.is_finite() {
            t.clamp(-1e3, 1e3)
        } else {
            0.0
        };
        a + (b - a) * t
    }

    /// Whether the tick at `value` is the zero line (drawn darker than gridlines) of an axis
    /// that crosses zero.
    pub fn is_zero_line(&self, value: f64) -> bool {
        value.abs() < self.step * 1e-6 && self.lo < 0.0
    }

    /// The axis title: `base` with the duration unit of this axis, e.g. "Handling time (min)".
    pub fn title(&self, base: &str) -> String {
        match self.duration {
            Some(u) if !base.is_empty() => format!("{base} ({})", u.symbol()),
            _ => base.to_owned(),
        }
    }

    /// The tick label at `value`, if a tick is there.
    pub fn label_at(&self, value: f64) -> Option<&str> {
        self.ticks
            .iter()
            .find(|t| (t.value - value).abs() <= self.step * 1e-6)
            .map(|t| t.label.as_str())
    }
}

/// Mantissas of nice steps for plain numbers, and for durations in s or min.
const PLAIN_STEPS: [f64; 4] = [1.0, 2.0, 5.0, 10.0];
const CLOCK_STEPS: [f64; 8] = [1.0, 2.0, 5.0, 10.0, 15.0, 20.0, 30.0, 60.0];

/// Lo, hi and step of a nice range covering `lo..=hi` with about `target` steps.
fn nice_range(lo: f64, hi: f64, target: usize, clock: bool) -> (f64, f64, f64) {
    // divided before subtracting: the span of -1e308..1e308 overflows, its fifth does not
    let raw = hi / target.max(1) as f64 - lo / target.max(1) as f64;
    let step = if clock && (1.0..=60.0).contains(&raw) {
        CLOCK_STEPS
            .iter()
            .copied()
            .find(|s| *s >= raw * 0.999)
            .unwrap_or(60.0)
    } else {
        let mag = 10f64.powf(raw.log10().floor());
        PLAIN_STEPS
            .iter()
            .map(|m| m * mag)
            .find(|s| *s >= raw * 0.999)
            .unwrap_or(10.0 * mag)
    };
    let lo = ((lo / step + 1e-9).floor() * step).max(f64::MIN);
    let hi = ((hi / step - 1e-9).ceil() * step).min(f64::MAX);
    (lo, hi, step)
}

/// Finite, ordered, non-degenerate bounds for `lo..=hi` (any input, even infinite or NaN).
fn sane_bounds(lo: f64, hi: f64) -> (f64, f64) {
    let (lo, hi) = match (lo.is_finite(), hi.is_finite()) {
        (true, true) => (lo.min(hi), lo.max(hi)),
        (true, false) => (lo, lo),
        (false, true) => (hi, hi),
        (false, false) => (0.0, 1.0),
    };
    if hi - lo > 1e-12 * hi.abs().max(lo.abs()).max(1e-300) {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        let pad = lo.abs() * 0.1;
        ((lo - pad).max(f64::MIN), (hi + pad).min(f64::MAX))
    }
}

/// The value scale for data spanning `lo..=hi` in `unit` (None: plain numbers), with about
/// `target` ticks, labelled in `locale`.
pub fn value_scale(
    lo: f64,
    hi: f64,
    target: usize,
    unit: Option<&Unit>,
    origin: Origin,
    locale: Locale,
) -> ValueScale {
    let (mut lo, mut hi) = sane_bounds(lo, hi);
    match origin {
        Origin::Zero => {
            lo = lo.min(0.0);
            hi = hi.max(0.0);
        }
        Origin::Free => {
            // headroom: 5 % of the span on each side, so points never sit on the frame
            let pad = (hi / 2.0 - lo / 2.0) * 0.1;
            lo = (lo - pad).max(f64::MIN);
            hi = (hi + pad).min(f64::MAX);
        }
    }
    let duration =
        (unit == Some(&Unit::Seconds)).then(|| DurationUnit::for_range(lo.abs().max(hi.abs())));
    let div = duration.map_or(1.0, DurationUnit::seconds);
    let (nlo, nhi, nstep) = nice_range(lo / div, hi / div, target, duration.is_some());
    // every value may be near ±f64::MAX: spans and tick positions are computed in steps
    // (floor of a near-integer: an end clamped to ±f64::MAX is not a multiple of the step)
    let count = ((nhi / nstep - nlo / nstep + 1e-6).floor() as usize).min(MAX_TICKS);
    let decimals = step_decimals(nstep);
    let ticks = (0..=count)
        .map(|i| {
            let t = nlo + i as f64 * nstep;
            let t = if t.is_finite() {
                t
            } else {
                (nlo / nstep + i as f64) * nstep
            };
            let t = if t.abs() < nstep * 1e-9 { 0.0 } else { t };
            let label = match unit {
                Some(Unit::Percent) => format::percent(t, decimals, locale),
                _ => format::number(t, decimals, locale),
            };
            Tick {
                value: (t * div).clamp(f64::MIN, f64::MAX),
                label,
            }
        })
        .collect();
    ValueScale {
        lo: (nlo * div).max(f64::MIN),
        hi: (nhi * div).min(f64::MAX),
        step: (nstep * div).min(f64::MAX),
        ticks,
        duration,
    }
}

/// Decimals every tick of an axis with `step` needs (the same for all ticks).
fn step_decimals(step: f64) -> usize {
    if step >= 1.0 || step <= 0.0 {
        0
    } else {
        format::auto_decimals(step, 3).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(s: &ValueScale) -> Vec<&str> {
        s.ticks.iter().map(|t| t.label.as_str()).collect()
    }

    /// A percent axis over `lo..hi` in five steps.
    fn percent(lo: f64, hi: f64, origin: Origin, locale: Locale) -> ValueScale {
        value_scale(lo, hi, 5, Some(&Unit::Percent), origin, locale)
    }

    /// A duration axis from 0 to `hi_s` seconds in `steps` steps, in English.
    fn seconds(hi_s: f64, steps: usize) -> ValueScale {
        value_scale(
            0.0,
            hi_s,
            steps,
            Some(&Unit::Seconds),
            Origin::Zero,
            Locale::EnGb,
        )
    }

    #[test]
    fn bars_start_at_zero_with_nice_steps() {
        let s = percent(12.0, 87.0, Origin::Zero, Locale::EnGb);
        assert_eq!((s.lo, s.hi, s.step), (0.0, 100.0, 20.0));
        assert_eq!(labels(&s), ["0%", "20%", "40%", "60%", "80%", "100%"]);
        let fr = percent(12.0, 87.0, Origin::Zero, Locale::FrFr);
        assert_eq!(fr.ticks[1].label, "20\u{202F}%");
    }

    #[test]
    fn free_axes_have_headroom() {
        // 67–72 %: the points must not sit on the frame
        let s = percent(67.0, 72.0, Origin::Free, Locale::EnGb);
        assert!(s.lo < 67.0 && s.hi > 72.0, "{s:?}");
        assert_eq!((s.lo, s.hi, s.step), (66.0, 74.0, 2.0));
    }

    #[test]
    fn durations_use_one_unit_per_axis_with_clock_steps() {
        // up to 9.7 min: minutes, 0–10 by 2, unit named in the title, not 0–20
        let s = seconds(582.0, 5);
        assert_eq!(s.duration, Some(DurationUnit::Minutes));
        assert_eq!(labels(&s), ["0", "2", "4", "6", "8", "10"]);
        assert_eq!(s.ticks[1].value, 120.0);
        assert_eq!(
            s.title("Average handling time"),
            "Average handling time (min)"
        );
        // 0–100 s: seconds, 20 s steps
        let s = seconds(100.0, 5);
        assert_eq!(s.duration, Some(DurationUnit::Seconds));
        assert_eq!(labels(&s), ["0", "20", "40", "60", "80", "100"]);
        // 0–100 s in 4 steps: 30 s steps (a clock step), not 25
        let s = seconds(100.0, 4);
        assert_eq!(s.step, 30.0);
        // 14 h: hours
        let s = seconds(50_000.0, 5);
        assert_eq!(s.duration, Some(DurationUnit::Hours));
        assert_eq!(labels(&s).last(), Some(&"15"));
    }

    #[test]
    fn negative_values_use_the_minus_sign_and_mark_zero() {
        let s = value_scale(-12.0, 8.0, 5, None, Origin::Zero, Locale::EnGb);
        assert_eq!(s.ticks[0].label, "\u{2212}15");
        assert!(s.is_zero_line(0.0));
        let s = value_scale(-37.0, 12.0, 5, None, Origin::Zero, Locale::EnGb);
        assert_eq!((s.lo, s.hi, s.step), (-40.0, 20.0, 10.0));
        assert!(!s.is_zero_line(5.0));
    }

    #[test]
    fn decimals_are_the_same_on_every_tick() {
        let s = value_scale(0.0, 1.0, 5, None, Origin::Zero, Locale::FrFr);
        assert_eq!(labels(&s), ["0,0", "0,2", "0,4", "0,6", "0,8", "1,0"]);
        let s = value_scale(0.0, 1.2, 5, None, Origin::Zero, Locale::EnGb);
        assert_eq!(labels(&s), ["0.0", "0.5", "1.0", "1.5"]);
    }

    #[test]
    fn any_input_gives_a_finite_bounded_scale() {
        for (lo, hi) in [
            (f64::NAN, f64::NAN),
            (-1e308, 1e308),
            (f64::MIN, f64::MAX),
            (0.0, f64::MAX),
            (f64::NEG_INFINITY, 3.0),
            (5.0, 5.0),
            (0.0, 0.0),
            (-f64::MAX, -f64::MAX),
            (1e-300, 2e-300),
        ] {
            for origin in [Origin::Zero, Origin::Free] {
                let s = value_scale(lo, hi, 5, None, origin, Locale::EnGb);
                assert!(
                    s.lo.is_finite() && s.hi.is_finite() && s.hi > s.lo,
                    "{lo} {hi} {s:?}"
                );
                assert!(!s.ticks.is_empty() && s.ticks.len() <= MAX_TICKS + 1);
                assert!(s.ticks.iter().all(|t| t.value.is_finite()));
                // finite data is inside the axis, and maps inside the plot
                for v in [lo, hi].into_iter().filter(|v| v.is_finite()) {
                    assert!(s.lo <= v && v <= s.hi, "{v} outside {s:?}");
                    let px = s.map(v, 600.0, 100.0);
                    assert!((100.0..=600.0).contains(&px), "{v} → {px} ({s:?})");
                }
                for v in [f64::MAX, -f64::MAX, f64::NAN, 0.0] {
                    assert!(s.map(v, 0.0, 100.0).is_finite(), "{v} on {s:?}");
                }
            }
        }
    }
}

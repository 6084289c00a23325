/*!
Colours. Each region keeps one colour in every chart and every export: the one its
catalogue gives (the bundled benchmark gives its four main regions Okabe–Ito colours and its
other regions colours of their own, all checked against colour-vision deficiencies with
[`cvd_distance`] by the tests); regions without one take other colours in dataset order.
*/

use crate::model::Region;

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Okabe–Ito palette (without black), colour-blind safe.
pub const OKABE_ITO: [Rgb; 7] = [
    [0x00, 0x72, 0xB2], // blue
    [0xE6, 0x9F, 0x00], // orange
    [0x00, 0x9E, 0x73], // bluish green
    [0xD5, 0x5E, 0x00], // vermillion
    [0x56, 0xB4, 0xE9], // sky blue
    [0xCC, 0x79, 0xA7], // reddish purple
    [0xF0, 0xE4, 0x42], // yellow
];

/// Colours of regions whose catalogue gives none (imported ones), in dataset order; none of
/// them is a colour of a bundled region, so an imported region never takes a bundled
/// region's colour (checked against `data/benchmark/catalog.ron` by the tests).
const OTHERS: [Rgb; 6] = [
    [0x5D, 0x3A, 0x9B],
    [0x17, 0xBE, 0xCF],
    [0xBC, 0xBD, 0x22],
    [0xE1, 0x57, 0x59],
    [0x9C, 0x75, 0x5F],
    [0x76, 0xB7, 0xB2],
];

/// Smallest OKLab distance between two catalogue region colours, for every kind of vision.
pub const MIN_CVD_DISTANCE: f64 = 0.07;

/// The colour of a region: the one its catalogue gives (`colour: "#rrggbb"`), else the
/// [`indexed_colour`] of its index in the dataset.
pub fn region_colour(region: &Region, region_index: usize) -> Rgb {
    region
        .colour
        .map_or_else(|| indexed_colour(region_index), |c| c.0)
}

/// The colour at `index` of the colours kept for regions (and segments) without a
/// catalogue colour.
pub fn indexed_colour(index: usize) -> Rgb {
    OTHERS[index % OTHERS.len()]
}

/// The colours regions without a catalogue colour take, in order.
pub fn indexed_colours() -> &'static [Rgb] {
    &OTHERS
}

/// Colour-vision deficiencies simulated at full severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vision {
    /// Typical colour vision.
    Normal,
    /// Red-blind.
    Protanopia,
    /// Green-blind.
    Deuteranopia,
    /// Blue-blind.
    Tritanopia,
}

impl Vision {
    /// Every kind, normal first.
    pub const ALL: [Vision; 4] = [
        Vision::Normal,
        Vision::Protanopia,
        Vision::Deuteranopia,
        Vision::Tritanopia,
    ];

    /// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
    fn matrix(self) -> Option<[[f64; 3]; 3]> {
        match self {
            Vision::Normal => None,
            Vision::Protanopia => Some([
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ]),
            Vision::Deuteranopia => Some([
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ]),
            Vision::Tritanopia => Some([
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ]),
        }
    }
}

fn to_linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// `colour` as seen with `vision`, in OKLab (L, a, b).
pub fn oklab_seen(colour: Rgb, vision: Vision) -> [f64; 3] {
    let lin = colour.map(to_linear);
    let rgb = match vision.matrix() {
        None => lin,
        Some(m) => [0, 1, 2]
            .map(|i| (m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2]).clamp(0.0, 1.0)),
    };
    let [r, g, b] = rgb;
    let l = (0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b).cbrt();
    let m = (0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b).cbrt();
    let s = (0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b).cbrt();
    [
        0.210_454_255_3 * l + 0.793_617_785 * m - 0.004_072_046_8 * s,
        1.977_998_495_1 * l - 2.428_592_205 * m + 0.450_593_709_9 * s,
        0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766 * s,
    ]
}

/// The smallest OKLab distance between `a` and `b` over every kind of vision.
pub fn cvd_distance(a: Rgb, b: Rgb) -> f64 {
    Vision::ALL
        .iter()
        .map(|&v| {
            let (p, q) = (oklab_seen(a, v), oklab_seen(b, v));
            ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Contrast ratio of two sRGB colours as WCAG 2 defines it (1 = none, 21 = black on white),
/// channels 0–255 (fractional for composited pixels).
pub fn contrast_ratio(a: [f64; 3], b: [f64; 3]) -> f64 {
    let lin = |c: f64| {
        let c = c / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = |c: [f64; 3]| 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
    let (x, y) = (l(a) + 0.05, l(b) + 0.05);
    x.max(y) / x.min(y)
}

/// Hex notation `#rrggbb`.
pub fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// Colour of a heat-table cell: `score` 0 (worst) to 1 (best) on a diverging
/// vermillion–cream–blue scale; `None` for a neutral indicator gives a grey-blue ramp.
pub fn heat_colour(score: f64) -> Rgb {
    let s = score.clamp(0.0, 1.0);
    let lerp = |a: Rgb, b: Rgb, t: f64| -> Rgb {
        [0, 1, 2].map(|i| (f64::from(a[i]) + (f64::from(b[i]) - f64::from(a[i])) * t).round() as u8)
    };
    let (worst, mid, best) = ([0xD5, 0x5E, 0x00], [0xF7, 0xF2, 0xE6], [0x00, 0x72, 0xB2]);
    if s < 0.5 {
        lerp(worst, mid, s * 2.0)
    } else {
        lerp(mid, best, (s - 0.5) * 2.0)
    }
}

/// Whether text on `bg` should be white rather than black.
pub fn text_on_dark(bg: Rgb) -> bool {
    let l = 0.2126 * f64::from(bg[0]) + 0.7152 * f64::from(bg[1]) + 0.0722 * f64::from(bg[2]);
    l < 140.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simulation_collapses_red_green_for_deuteranopes() {
        // pure red and pure green are far apart normally and close for a deuteranope
        let (r, g) = ([0xD6, 0x27, 0x28], [0x2C, 0xA0, 0x2C]);
        let d = |v| {
            let (p, q) = (oklab_seen(r, v), oklab_seen(g, v));
            ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
        };
        assert!(d(Vision::Normal) > 0.25);
        assert!(d(Vision::Deuteranopia) < 0.12);
        // white stays white
        let w = oklab_seen([255, 255, 255], Vision::Tritanopia);
        assert!((w[0] - 1.0).abs() < 1e-3 && w[1].abs() < 1e-3 && w[2].abs() < 1e-3);
    }
}

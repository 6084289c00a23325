/*!
Colours. Each region keeps one colour in every chart and every export: the four benchmark
regions have fixed Okabe–Ito colours (safe for colour-blind readers), the other bundled regions
fixed colours of their own; imported regions take the palette colours in dataset order.
*/

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

/// Extra colours for datasets with many regions.
const EXTRA: [Rgb; 6] = [
    [0x66, 0x66, 0x66],
    [0x8C, 0x56, 0x4B],
    [0x17, 0xBE, 0xCF],
    [0x94, 0x67, 0xBD],
    [0xBC, 0xBD, 0x22],
    [0x2C, 0xA0, 0x2C],
];

/// The colour of a region: fixed for the benchmark regions, else by its index in the dataset.
pub fn region_colour(region_id: &str, region_index: usize) -> Rgb {
    match region_id {
        "uk" => OKABE_ITO[0],
        "maghreb" => OKABE_ITO[1],
        "quebec" => OKABE_ITO[2],
        "france" => OKABE_ITO[3],
        "canada" => OKABE_ITO[4],
        "usa" => OKABE_ITO[5],
        // the Maghreb countries and the world get their own colours, so they can be
        // charted side by side
        "morocco" => EXTRA[1],
        "algeria" => EXTRA[5],
        "tunisia" => EXTRA[3],
        "world" => EXTRA[0],
        _ => {
            let all: Vec<Rgb> = OKABE_ITO.iter().chain(EXTRA.iter()).copied().collect();
            all[region_index % all.len()]
        }
    }
}

/// A lighter version of a colour (half-way to white), for values resting on a small sample.
pub fn lighten(c: Rgb) -> Rgb {
    c.map(|v| (u16::from(v) + (255 - u16::from(v)) / 2) as u8)
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

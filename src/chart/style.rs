/*!
How marks look, decided once for the app's chart view and every export: the style of each
grade (measured solid; estimated in a 60 % fill with a dashed dark outline; illustrative in a
pale fill with hatching and an outline in the series colour), the heat-table cell colours (a
diverging scale for indicators with a better side, a sequential one for neutral indicators,
both over the values the table shows, as its key says), and the colours of gridlines and the
zero line, on a light background or under light text on a dark slide.
*/

use super::figure::{Figure, Point};
use super::palette::{self, Rgb};
use crate::model::{Grade, Lang};
use serde::Serialize;

/// Share of white mixed into the fill of an illustrative value.
pub const ILLUSTRATIVE_WHITE: f64 = 0.6;

/// Share of white mixed into the fill of an estimated value: a 60 % fill, lighter than a
/// measured mark and darker than an illustrative one, so the three grades differ by their
/// fill as well as by their outline (a dashed outline alone is lost on small markers).
pub const ESTIMATED_WHITE: f64 = 0.4;

/// Width of the outline of estimated and illustrative marks, in points.
pub const OUTLINE_PT: f64 = 1.5;

/// Dash and gap of an estimated value's outline, in points.
pub const DASH_PT: [f64; 2] = [4.0, 3.0];

/// Distance between hatching lines, in points.
pub const HATCH_SPACING_PT: f64 = 5.0;

/// Gridlines: light, so they never read as reference lines.
pub const GRID: Rgb = [0xEB, 0xEB, 0xEB];

/// The zero line and the baseline of bars: darker than gridlines.
pub const ZERO_LINE: Rgb = [0x8C, 0x8C, 0x8C];

/// Gridlines under light text (`--text light`, a transparent export placed on a dark slide):
/// a grey a little lighter than a dark template, visible but subtle.
pub const GRID_ON_DARK: Rgb = [0x4C, 0x4F, 0x54];

/// The zero line and baseline under light text: clearly lighter than its gridlines.
pub const ZERO_LINE_ON_DARK: Rgb = [0x9A, 0x9E, 0xA3];

/// Colours of gridlines and of the zero line: (grid, zero line) for dark text on a light
/// background, or for `light` text on a dark slide.
pub fn grid_ink(light: bool) -> (Rgb, Rgb) {
    if light {
        (GRID_ON_DARK, ZERO_LINE_ON_DARK)
    } else {
        (GRID, ZERO_LINE)
    }
}

/// Regions not singled out when a chart highlights some (`highlight`): a neutral grey.
pub const MUTED_SERIES: Rgb = [0xBD, 0xBD, 0xBD];

/// Greys of the regions not singled out in grouped bars, where they stand side by side and
/// the legend must still tell them apart: one shade each, in turn (the first is
/// [`MUTED_SERIES`]).
pub const MUTED_SHADES: [Rgb; 4] = [
    MUTED_SERIES,
    [0x8E, 0x8E, 0x8E],
    [0xDA, 0xDA, 0xDA],
    [0x6E, 0x6E, 0x6E],
];

/// The neutral dark grey of legend keys (grades, channels): the grade key draws each grade's
/// [`grade_style`] in this grey, so its swatches look like the marks.
pub const KEY_GREY: Rgb = [0x59, 0x59, 0x59];

/// Reference lines (average, median, target) and their labels.
pub const REFERENCE: Rgb = [0x44, 0x44, 0x44];

/// Fill of a reference band (quartiles, range) behind the marks.
pub const BAND: Rgb = [0xE4, 0xE9, 0xF0];

/// Dark ink (text and outlines on a light background).
pub const INK: Rgb = [0x1A, 0x1A, 0x1A];

/// Light ink (outlines on a dark background).
pub const INK_ON_DARK: Rgb = [0xF0, 0xF0, 0xF0];

/// Text colours (main, secondary, warnings): dark on light backgrounds, or `light` for a
/// transparent export placed on a dark slide template.
pub fn text_ink(light: bool) -> (Rgb, Rgb, Rgb) {
    if light {
        ([0xF5, 0xF5, 0xF5], [0xC8, 0xCC, 0xD0], [0xFF, 0xB8, 0x6B])
    } else {
        (INK, [0x5F, 0x63, 0x68], [0x9A, 0x4A, 0x00])
    }
}

/// Marker shape of a line's points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Marker {
    /// Circle (the default, and the first channel).
    Circle,
    /// Square.
    Square,
    /// Triangle pointing up.
    Triangle,
    /// Diamond.
    Diamond,
}

/// How the lines of one channel differ from the other channels' on a line chart showing
/// several channels (the colour stays the region's).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ChannelMark {
    /// Dash and gap in points; `None` for a solid line.
    pub dash_pt: Option<[f64; 2]>,
    /// Marker shape.
    pub marker: Marker,
}

/// Channel marks in order: solid with circles, dotted with squares, long dashes with
/// triangles, short dashes with diamonds, then again.
const CHANNEL_MARKS: [ChannelMark; 4] = [
    ChannelMark {
        dash_pt: None,
        marker: Marker::Circle,
    },
    ChannelMark {
        dash_pt: Some([1.5, 2.5]),
        marker: Marker::Square,
    },
    ChannelMark {
        dash_pt: Some([8.0, 3.0]),
        marker: Marker::Triangle,
    },
    ChannelMark {
        dash_pt: Some([4.0, 2.0]),
        marker: Marker::Diamond,
    },
];

/// The channels of a line chart that shows several, each with its mark, in the order they
/// first appear (the channel key of the legend); empty for any other chart.
pub fn channel_key(fig: &Figure) -> Vec<(String, ChannelMark)> {
    if fig.kind != super::spec::ChartKind::Lines {
        return Vec::new();
    }
    let mut names: Vec<&str> = Vec::new();
    for s in &fig.series {
        if let Some(c) = s.points.first().and_then(|p| p.channel.as_deref())
            && !names.contains(&c)
        {
            names.push(c);
        }
    }
    if names.len() < 2 {
        return Vec::new();
    }
    names
        .iter()
        .enumerate()
        .map(|(i, n)| ((*n).to_owned(), CHANNEL_MARKS[i % CHANNEL_MARKS.len()]))
        .collect()
}

/// The mark of a series' channel on a line chart of several channels (see [`channel_key`]).
pub fn channel_mark(
    key: &[(String, ChannelMark)],
    s: &super::figure::Series,
) -> Option<ChannelMark> {
    let c = s.points.first()?.channel.as_deref()?;
    key.iter().find(|(n, _)| n == c).map(|(_, m)| *m)
}

/// The outline of a mark.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Outline {
    /// Colour.
    pub colour: Rgb,
    /// Width in points.
    pub width_pt: f64,
    /// Dashed (estimated values) or solid.
    pub dashed: bool,
}

/// How a mark of one grade is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct GradeStyle {
    /// Fill colour (opaque).
    pub fill: Rgb,
    /// Outline, if any.
    pub outline: Option<Outline>,
    /// Diagonal hatching over the fill (illustrative values), in the series colour.
    pub hatched: bool,
}

/// `colour` mixed with white (`white` = share of white, 0–1).
pub fn pale(colour: Rgb, white: f64) -> Rgb {
    colour.map(|c| (f64::from(c) + (255.0 - f64::from(c)) * white).round() as u8)
}

/// The style of a value of `grade` in a series of `colour`, on a light or `dark` background.
pub fn grade_style(colour: Rgb, grade: Grade, dark: bool) -> GradeStyle {
    match grade {
        Grade::Measured => GradeStyle {
            fill: colour,
            outline: None,
            hatched: false,
        },
        Grade::Estimated => GradeStyle {
            fill: pale(colour, ESTIMATED_WHITE),
            outline: Some(Outline {
                colour: if dark { INK_ON_DARK } else { INK },
                width_pt: OUTLINE_PT,
                dashed: true,
            }),
            hatched: false,
        },
        Grade::Illustrative => GradeStyle {
            fill: pale(colour, ILLUSTRATIVE_WHITE),
            outline: Some(Outline {
                colour,
                width_pt: OUTLINE_PT * 0.7,
                dashed: false,
            }),
            hatched: true,
        },
    }
}

/// The colour of a point's mark: the series colour, lighter (half-way to white) for a value
/// resting on a sample below the chart's minimum.
pub fn sample_colour(colour: Rgb, p: &Point) -> Rgb {
    if p.small_sample {
        pale(colour, 0.5)
    } else {
        colour
    }
}

/// Sequential scale for neutral quantities: pale to deep blue, `t` 0 (lowest) to 1 (highest).
pub fn sequential(t: f64) -> Rgb {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (lo, hi): (Rgb, Rgb) = ([0xEE, 0xF3, 0xF8], [0x2B, 0x5C, 0x8A]);
    [0, 1, 2].map(|i| (f64::from(lo[i]) + (f64::from(hi[i]) - f64::from(lo[i])) * t).round() as u8)
}

/// Whether a heat table uses the sequential (neutral indicator) scale rather than the diverging
/// one.
pub fn heat_is_sequential(fig: &Figure) -> bool {
    all_points(fig).all(|p| p.score().is_none())
}

/// The fill of a heat-table cell: the diverging worse–better scale from the point's score, or,
/// for a neutral indicator (no score), the sequential scale over the values shown.
pub fn heat_fill(fig: &Figure, p: &Point) -> Rgb {
    match p.score() {
        Some(s) => palette::heat_colour(s),
        None => {
            let (lo, hi) = all_points(fig)
                .filter_map(|q| q.value)
                .filter(|v| v.is_finite())
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                    (a.min(v), b.max(v))
                });
            let t = match p.value {
                Some(v) if hi > lo => (v - lo) / (hi - lo),
                _ => 0.5,
            };
            sequential(t)
        }
    }
}

/// The two ends of a heat table's colour key, each naming its end and the value there:
/// `("worse (55%)", "better (78%)")` for an indicator with a better side, `("lower (12%)",
/// "higher (40%)")` for a neutral one. Both painters draw the key with these texts.
pub fn heat_key(fig: &Figure) -> (String, String) {
    let fr = fig.locale.lang() == Lang::Fr;
    let sequential = heat_is_sequential(fig);
    let rank = |p: &Point| if sequential { p.value } else { p.score() }.filter(|v| v.is_finite());
    let shown: Vec<(f64, &Point)> = all_points(fig)
        .filter_map(|p| Some((rank(p)?, p)))
        .collect();
    let lowest = shown
        .iter()
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p);
    let highest = shown
        .iter()
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p);
    let (lo_word, hi_word) = match (sequential, fr) {
        (true, false) => ("lower", "higher"),
        (true, true) => ("plus bas", "plus haut"),
        (false, false) => ("worse", "better"),
        (false, true) => ("moins bien", "mieux"),
    };
    let with = |word: &str, p: Option<&&Point>| match p {
        Some(p) => format!("{word} ({})", value_only(&p.label)),
        None => word.to_owned(),
    };
    (with(lo_word, lowest), with(hi_word, highest))
}

/// The value at the start of a label (without the period or sample notes that may follow).
fn value_only(label: &str) -> &str {
    label
        .split("  (")
        .next()
        .unwrap_or(label)
        .split(" (")
        .next()
        .unwrap_or(label)
}

/// What a heat-table cell without a value shows: "n/a", or "n.d." in French (never a blank or
/// a zero).
pub fn missing_cell(lang: Lang) -> &'static str {
    crate::i18n::Msg::NaShortDots.get(lang)
}

/// Shortest bar drawn, in points: a zero (or nearly zero) value still shows its grade as a
/// small stub (hatched when illustrative) instead of vanishing.
pub const MIN_BAR_PT: f64 = 2.5;

fn all_points(fig: &Figure) -> impl Iterator<Item = &Point> {
    fig.series.iter().flat_map(|s| s.points.iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_differ_and_illustrative_is_lighter() {
        let blue = [0x00, 0x72, 0xB2];
        let m = grade_style(blue, Grade::Measured, false);
        let e = grade_style(blue, Grade::Estimated, false);
        let i = grade_style(blue, Grade::Illustrative, false);
        assert_eq!(m.fill, blue);
        assert!(m.outline.is_none() && !m.hatched);
        assert!(e.outline.is_some_and(|o| o.dashed && o.colour == INK));
        // estimated marks differ from measured ones by their fill too, and from illustrative
        // ones: measured darkest, then estimated, then illustrative
        let lum = |c: Rgb| c.iter().map(|&v| u32::from(v)).sum::<u32>();
        assert!(
            lum(m.fill) + 90 < lum(e.fill),
            "{:?} vs {:?}",
            m.fill,
            e.fill
        );
        assert!(
            lum(e.fill) + 60 < lum(i.fill),
            "{:?} vs {:?}",
            e.fill,
            i.fill
        );
        assert!(i.hatched && i.outline.is_some_and(|o| !o.dashed));
        assert!((0..3).all(|k| i.fill[k] > blue[k]));
        assert_eq!(pale([0, 0, 0], 0.6), [153, 153, 153]);
        // outlines stay visible on the dark theme
        let ed = grade_style(blue, Grade::Estimated, true);
        assert_eq!(ed.outline.map(|o| o.colour), Some(INK_ON_DARK));
    }

    #[test]
    fn gridlines_stay_subtle_and_the_zero_line_stands_out_on_both_backgrounds() {
        let lum = |c: Rgb| c.iter().map(|&v| i32::from(v)).sum::<i32>();
        // light background: the grid is near white, the zero line darker
        let (g, z) = grid_ink(false);
        assert!(lum(g) > lum(z) + 150);
        // dark slide (#1e1e1e): the grid a little lighter than the slide, the zero line more
        let (g, z) = grid_ink(true);
        let slide = lum([0x1E, 0x1E, 0x1E]);
        assert!(lum(g) > slide + 60 && lum(g) < slide + 250, "{g:?}");
        assert!(lum(z) > lum(g) + 150, "{z:?}");
    }

    #[test]
    fn sequential_scale_runs_from_pale_to_deep() {
        let lum = |c: Rgb| c.iter().map(|&v| u32::from(v)).sum::<u32>();
        assert!(lum(sequential(0.0)) > lum(sequential(0.5)));
        assert!(lum(sequential(0.5)) > lum(sequential(1.0)));
        assert_eq!(sequential(f64::NAN), sequential(0.0));
    }
}

/*!
The SVG canvas the exporter draws on: XML escaping, numbers, base sizes and inks, and the
shapes and text of [`Canvas`] (rectangles and circles styled by grade, bounded hatching).
[`super::svg`] lays out the page on it and [`super::plots`] draws the plot area of each kind.

Every size is a multiple of [`Canvas::u`], the output size relative to 1280 × 720, so a 4K
export and a 720p export look the same proportionally. All text goes through [`escape`];
every coordinate goes through [`n`], which keeps it finite.
*/

use crate::chart::palette::{self, Rgb};
use crate::chart::style;
use crate::model::{Grade, Lang};
use std::fmt::Write as _;

/// Smallest text size in points for an output `width_px` wide at `dpi`: 8 pt on slides and
/// screens 25 cm wide or more (projected), 7 pt on smaller pages (print).
pub fn min_text_pt(width_px: f64, dpi: u32) -> f64 {
    let width_cm = width_px / f64::from(dpi.max(1)) * 2.54;
    if width_cm >= 25.0 { 8.0 } else { 7.0 }
}

/// Base sizes in px at 1280 × 720 (multiplied by [`Canvas::u`]).
pub(crate) mod base {
    /// Outer margin.
    pub const MARGIN: f64 = 36.0;
    /// Title font size.
    pub const TITLE: f64 = 28.0;
    /// Subtitle font size.
    pub const SUBTITLE: f64 = 16.5;
    /// Legend font size.
    pub const LEGEND: f64 = 13.5;
    /// Axis title font size.
    pub const AXIS: f64 = 13.5;
    /// Tick and category font size.
    pub const TICK: f64 = 13.0;
    /// Value label font size.
    pub const VALUE: f64 = 12.0;
    /// Footer font size.
    pub const FOOTER: f64 = 11.0;
}

/// Text colours and lines.
pub(crate) mod ink {
    /// Main text.
    pub const TEXT: &str = "#1a1a1a";
    /// Secondary text (subtitle, ticks).
    pub const MUTED: &str = "#5f6368";
    /// Gridlines ([`crate::chart::style::GRID`]).
    pub const GRID: &str = "#ebebeb";
    /// Axis and zero lines ([`crate::chart::style::ZERO_LINE`]).
    pub const AXIS: &str = "#8c8c8c";
    /// Warnings.
    pub const WARN: &str = "#9a4a00";
    /// Dark text on a light fill (heat-table cells): kept dark with light text on dark
    /// templates, since the fill stays light.
    pub const ON_FILL: &str = "#1b1b1b";
}

/// A rectangle.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Horizontal text anchor.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn attr(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// SVG being written, with the scale of the output.
pub(crate) struct Canvas {
    pub(super) out: String,
    /// Width in px.
    pub w: f64,
    /// Height in px.
    pub h: f64,
    /// Scale relative to 1280 × 720.
    pub u: f64,
    /// Scale of text sizes: `u`, raised so the smallest text meets its floor in points.
    pub text_u: f64,
    /// Language of the figure's labels.
    pub lang: Lang,
    /// Whether some labels did not fit and were left out (the footer then says so).
    pub left_out: bool,
    /// Hatching as a fill with the `hatch` pattern (SVG files for designers) rather than as
    /// line segments (faster to rasterise at 4K).
    pub pattern_hatch: bool,
    /// Light text for dark slide templates ([`crate::chart::style::text_ink`]).
    pub light_text: bool,
}

/// Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids.
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&apos;"),
            '\t' | '\n' | '\r' => s.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => s.push(c),
        }
    }
    s
}

/// Largest coordinate written, in px: far outside any canvas, so clamping changes nothing
/// visible, while a value computed from an extreme input stays a plain finite number.
pub(crate) const MAX_COORD_PX: f64 = 1e6;

/// A coordinate with one decimal (keeps files small and stable); clamped to
/// ±[`MAX_COORD_PX`], and 0 for a value that is not a number.
pub(crate) fn coord(v: f64) -> String {
    let v = if v.is_nan() {
        0.0
    } else {
        v.clamp(-MAX_COORD_PX, MAX_COORD_PX)
    };
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Pixels per point on the 1280 × 720 base canvas (a 16:9 slide is 960 pt wide).
const PX_PER_PT: f64 = 1280.0 / 960.0;

impl Canvas {
    /// An empty canvas of `w` × `h` px for labels in `lang`.
    pub(super) fn new(w: f64, h: f64, dpi: u32, lang: Lang) -> Canvas {
        let u = (w * h / (1280.0 * 720.0)).sqrt();
        // the smallest text (the footer) never goes below its floor in points
        let floor_px = min_text_pt(w, dpi) * f64::from(dpi.max(1)) / 72.0;
        Canvas {
            out: String::with_capacity(32 * 1024),
            w,
            h,
            u,
            text_u: u.max(floor_px / base::FOOTER),
            lang,
            left_out: false,
            pattern_hatch: false,
            light_text: false,
        }
    }

    /// A font size: `base_px` at 1280 × 720, scaled like every size but never smaller than
    /// the floor of [`min_text_pt`] for the smallest text, so text stays readable at any
    /// output size (the hierarchy between sizes is kept).
    pub fn font(&self, base_px: f64) -> f64 {
        base_px * self.text_u
    }

    /// Size in px of a base size.
    pub fn s(&self, base_px: f64) -> f64 {
        base_px * self.u
    }

    /// ` shape-rendering="crispEdges"` at print and 4K scales (1.8× the base size and up),
    /// where straight edges and thick hatching look the same without anti-aliasing and resvg
    /// draws them several times faster; nothing at screen scales. Text is never affected.
    pub fn crisp(&self) -> &'static str {
        if self.u >= 1.8 {
            r#" shape-rendering="crispEdges""#
        } else {
            ""
        }
    }

    /// The colour of text drawn in `fill`: the dark inks become light ones on a dark template
    /// (colours from [`crate::chart::style::text_ink`]); other colours are kept.
    fn ink(&self, fill: &str) -> String {
        if !self.light_text {
            return fill.to_owned();
        }
        let (text, muted, warn) = style::text_ink(true);
        match fill {
            ink::TEXT => palette::hex(text),
            ink::MUTED => palette::hex(muted),
            ink::WARN => palette::hex(warn),
            other => other.to_owned(),
        }
    }

    /// Opens a group with `id` (a layer or a series, for designers); ids keep only letters,
    /// digits, `-` and `_`.
    pub fn open(&mut self, id: &str) {
        let id: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let _ = write!(self.out, r#"<g id="{id}">"#);
    }

    /// Closes the last group opened.
    pub fn close(&mut self) {
        self.out.push_str("</g>");
    }

    /// Appends raw SVG.
    pub fn raw(&mut self, svg: &str) {
        self.out.push_str(svg);
    }

    /// One line of text with its baseline at `y`.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        x: f64,
        y: f64,
        size: f64,
        bold: bool,
        fill: &str,
        anchor: Anchor,
        content: &str,
    ) {
        let fill = self.ink(fill);
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" font-size="{}"{} fill="{fill}"{}>{}</text>"#,
            coord(x),
            coord(y),
            coord(size),
            if bold { r#" font-weight="bold""# } else { "" },
            if anchor == Anchor::Start {
                String::new()
            } else {
                format!(r#" text-anchor="{}""#, anchor.attr())
            },
            escape(content)
        );
    }

    /// Lines of text, the first baseline at `y`; returns the y below the block.
    #[allow(clippy::too_many_arguments)]
    pub fn lines(
        &mut self,
        x: f64,
        y: f64,
        size: f64,
        bold: bool,
        fill: &str,
        anchor: Anchor,
        lines: &[String],
    ) -> f64 {
        let mut yy = y;
        for l in lines {
            self.text(x, yy, size, bold, fill, anchor, l);
            yy += size * 1.22;
        }
        yy
    }

    /// A filled rectangle; `extra` holds further attributes.
    pub fn rect(&mut self, r: Rect, fill: &str, extra: &str) {
        let _ = write!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"{extra}{}/>"#,
            coord(r.x),
            coord(r.y),
            coord(r.w.max(0.0)),
            coord(r.h.max(0.0)),
            self.crisp(),
        );
    }

    /// The colour of a line drawn in `stroke`: gridlines and the zero line take the colours
    /// for light text on a dark template ([`crate::chart::style::grid_ink`]); other colours
    /// are kept.
    pub fn stroke(&self, stroke: &str) -> String {
        let (grid, zero) = style::grid_ink(self.light_text);
        match stroke {
            ink::GRID => palette::hex(grid),
            ink::AXIS => palette::hex(zero),
            other => other.to_owned(),
        }
    }

    /// A line.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, width: f64) {
        let stroke = self.stroke(stroke);
        let _ = write!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"{}/>"#,
            coord(x1),
            coord(y1),
            coord(x2),
            coord(y2),
            coord(width),
            self.crisp(),
        );
    }

    /// Fill and stroke attributes of a mark of `grade`, from the core's grade style.
    fn grade_attrs(&self, grade: Grade, colour: Rgb) -> (String, String) {
        let st = style::grade_style(colour, grade, false);
        let stroke = match st.outline {
            None => String::new(),
            Some(o) => {
                let dash = if o.dashed {
                    format!(
                        r#" stroke-dasharray="{} {}""#,
                        coord(self.s(style::DASH_PT[0] * PX_PER_PT)),
                        coord(self.s(style::DASH_PT[1] * PX_PER_PT))
                    )
                } else {
                    String::new()
                };
                format!(
                    r#" stroke="{}" stroke-width="{}"{dash}"#,
                    palette::hex(o.colour),
                    coord(self.s(o.width_pt * PX_PER_PT))
                )
            }
        };
        (palette::hex(st.fill), stroke)
    }

    /// A rectangle styled by grade: measured solid, estimated solid with a dark dashed
    /// outline, illustrative light with diagonal hatching.
    pub fn grade_rect(&mut self, r: Rect, colour: Rgb, grade: Grade) {
        let (fill, stroke) = self.grade_attrs(grade, colour);
        self.rect(r, &fill, &stroke);
        if grade == Grade::Illustrative {
            self.hatch(r, 0.5);
        }
    }

    /// Diagonal hatching over a rectangle, as one path of line segments on a page-wide grid
    /// (an SVG pattern fill costs resvg several times more at 4K).
    ///
    /// Only the part of the rectangle on the page is hatched, so the number of lines is
    /// bounded by the page size whatever the rectangle.
    pub fn hatch(&mut self, r: Rect, opacity: f64) {
        if self.pattern_hatch {
            // the pattern's lines are drawn at half opacity
            let _ = write!(
                self.out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="url(#hatch)" fill-opacity="{}"/>"#,
                coord(r.x),
                coord(r.y),
                coord(r.w.max(0.0)),
                coord(r.h.max(0.0)),
                coord((opacity / 0.5).min(1.0))
            );
            return;
        }
        let step = self.s(7.0) * std::f64::consts::SQRT_2;
        let (x0, y0) = (r.x.max(0.0), r.y.max(0.0));
        let (x1, y1) = ((r.x + r.w).min(self.w), (r.y + r.h).min(self.h));
        if !(x1 > x0 && y1 > y0 && step > 0.0) {
            return;
        }
        let mut d = String::new();
        // lines x + y = k, rising to the right like the `hatch` pattern used on markers
        let mut k = ((x0 + y0) / step).ceil() * step;
        while k < x1 + y1 {
            let xa = x0.max(k - y1);
            let xb = x1.min(k - y0);
            if xb > xa {
                let _ = write!(
                    d,
                    "M{} {}L{} {}",
                    coord(xa),
                    coord(k - xa),
                    coord(xb),
                    coord(k - xb)
                );
            }
            k += step;
        }
        let width = self.s(1.6);
        let crisp = self.crisp();
        let _ = write!(
            self.out,
            r##"<path d="{d}" stroke="#1a1a1a" stroke-opacity="{opacity}" stroke-width="{}"{crisp}/>"##,
            coord(width)
        );
    }

    /// A marker of `shape` styled by grade (circles as [`Canvas::grade_circle`]).
    #[allow(clippy::too_many_arguments)]
    pub fn grade_marker(
        &mut self,
        cx: f64,
        cy: f64,
        r: f64,
        colour: Rgb,
        grade: Grade,
        shape: style::Marker,
    ) {
        let pts: Vec<(f64, f64)> = match shape {
            style::Marker::Circle => return self.grade_circle(cx, cy, r, colour, grade),
            style::Marker::Square => {
                let h = r * 0.9;
                vec![(-h, -h), (h, -h), (h, h), (-h, h)]
            }
            style::Marker::Triangle => {
                vec![(0.0, -r * 1.2), (r * 1.1, r * 0.8), (-r * 1.1, r * 0.8)]
            }
            style::Marker::Diamond => vec![
                (0.0, -r * 1.2),
                (r * 1.2, 0.0),
                (0.0, r * 1.2),
                (-r * 1.2, 0.0),
            ],
        };
        let points: Vec<String> = pts
            .iter()
            .map(|(dx, dy)| format!("{},{}", coord(cx + dx), coord(cy + dy)))
            .collect();
        let points = points.join(" ");
        let (fill, mut stroke) = self.grade_attrs(grade, colour);
        if grade == Grade::Measured {
            stroke = format!(r#" stroke="white" stroke-width="{}""#, coord(self.s(1.2)));
        }
        let _ = write!(
            self.out,
            r#"<polygon points="{points}" fill="{fill}"{stroke}/>"#
        );
        if grade == Grade::Illustrative {
            let _ = write!(
                self.out,
                r#"<polygon points="{points}" fill="url(#hatch)"/>"#
            );
        }
    }

    /// A circle styled by grade.
    pub fn grade_circle(&mut self, cx: f64, cy: f64, r: f64, colour: Rgb, grade: Grade) {
        let (fill, mut stroke) = self.grade_attrs(grade, colour);
        if grade == Grade::Measured {
            stroke = format!(r#" stroke="white" stroke-width="{}""#, coord(self.s(1.2)));
        }
        let _ = write!(
            self.out,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}"{stroke}/>"#,
            coord(cx),
            coord(cy),
            coord(r)
        );
        if grade == Grade::Illustrative {
            let _ = write!(
                self.out,
                r#"<circle cx="{}" cy="{}" r="{}" fill="url(#hatch)"/>"#,
                coord(cx),
                coord(cy),
                coord(r)
            );
        }
    }

    /// Closes the SVG and returns its text.
    pub(super) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_goes_below_its_floor_in_points() {
        // (width, height, dpi): 800 × 450 px, half an A4 at 150 dpi, a 16:9 slide, 4K
        for (w, h, dpi) in [
            (800.0, 450.0, 96),
            (1240.0, 877.0, 150),
            (2000.0, 1125.0, 150),
            (3840.0, 2160.0, 96),
        ] {
            let c = Canvas::new(w, h, dpi, Lang::En);
            let footer_pt = c.font(base::FOOTER) / f64::from(dpi) * 72.0;
            assert!(
                footer_pt >= min_text_pt(w, dpi) - 1e-9,
                "{w}×{h}@{dpi}: {footer_pt:.1} pt"
            );
            // the hierarchy is kept: ticks stay larger than the footer
            assert!(c.font(base::TICK) > c.font(base::FOOTER));
        }
        assert_eq!(min_text_pt(2000.0, 150), 8.0);
        assert_eq!(min_text_pt(1240.0, 150), 7.0);
    }

    #[test]
    fn ink_matches_the_core_style() {
        assert_eq!(ink::GRID, palette::hex(style::GRID));
        assert_eq!(ink::AXIS, palette::hex(style::ZERO_LINE));
        assert_eq!(ink::TEXT, palette::hex(style::INK));
    }

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("<Maroc & \"Tunisie\"> l'a\u{1}"),
            "&lt;Maroc &amp; &quot;Tunisie&quot;&gt; l&apos;a"
        );
        assert_eq!(escape("المغرب 😀"), "المغرب 😀");
    }

    #[test]
    fn numbers_are_short_and_finite() {
        assert_eq!(coord(12.0), "12");
        assert_eq!(coord(12.345), "12.3");
        assert_eq!(coord(-0.04), "0");
        assert_eq!(coord(1e308), "1000000");
        assert_eq!(coord(f64::NEG_INFINITY), "-1000000");
        assert_eq!(coord(f64::NAN), "0");
    }
}

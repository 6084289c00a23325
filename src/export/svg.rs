/*!
Our own SVG writer: [`Figure`] → SVG text. This module holds the canvas (escaping, shapes,
text), the page layout shared by every chart kind (title, subtitle, legend with the grade key,
footer with warnings, notice and sources) and the grade styling; [`super::plots`] draws the
plot area of each kind.

Every size is a multiple of [`Canvas::u`], the output size relative to 1280 × 720, so a 4K
export and a 720p export look the same proportionally. All text goes through [`escape`].
*/

use super::fonts::{self, text_width, wrap};
use super::plots;
use super::{Background, ExportOptions};
use crate::chart::palette::{self, Rgb};
use crate::chart::{ChartKind, Figure, style};
use crate::model::{Grade, Lang};
use std::fmt::Write as _;

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
    out: String,
    /// Height in px.
    pub h: f64,
    /// Scale relative to 1280 × 720.
    pub u: f64,
    /// Language of the figure's labels.
    pub lang: Lang,
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

/// A coordinate with one decimal (keeps files small and stable).
pub(crate) fn n(v: f64) -> String {
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
    fn new(w: f64, h: f64, lang: Lang) -> Canvas {
        Canvas {
            out: String::with_capacity(32 * 1024),
            h,
            u: (w * h / (1280.0 * 720.0)).sqrt(),
            lang,
        }
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
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" font-size="{}"{} fill="{fill}"{}>{}</text>"#,
            n(x),
            n(y),
            n(size),
            if bold { r#" font-weight="bold""# } else { "" },
            if anchor == Anchor::Start {
                String::new()
            } else {
                format!(r#" text-anchor="{}""#, anchor.attr())
            },
            escape(content)
        );
    }

    /// One line of text rotated by `deg` around its anchor point.
    #[allow(clippy::too_many_arguments)]
    pub fn text_rotated(
        &mut self,
        x: f64,
        y: f64,
        deg: f64,
        size: f64,
        fill: &str,
        anchor: Anchor,
        content: &str,
    ) {
        let _ = write!(
            self.out,
            r#"<text x="{x}" y="{y}" font-size="{}" fill="{fill}" text-anchor="{}" transform="rotate({deg} {x} {y})">{}</text>"#,
            n(size),
            anchor.attr(),
            escape(content),
            x = n(x),
            y = n(y),
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
            n(r.x),
            n(r.y),
            n(r.w.max(0.0)),
            n(r.h.max(0.0)),
            self.crisp(),
        );
    }

    /// A line.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, width: f64) {
        let _ = write!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"{}/>"#,
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            n(width),
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
                        n(self.s(style::DASH_PT[0] * PX_PER_PT)),
                        n(self.s(style::DASH_PT[1] * PX_PER_PT))
                    )
                } else {
                    String::new()
                };
                format!(
                    r#" stroke="{}" stroke-width="{}"{dash}"#,
                    palette::hex(o.colour),
                    n(self.s(o.width_pt * PX_PER_PT))
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
    pub fn hatch(&mut self, r: Rect, opacity: f64) {
        let step = self.s(7.0) * std::f64::consts::SQRT_2;
        let (x0, y0, x1, y1) = (r.x, r.y, r.x + r.w, r.y + r.h);
        if r.w <= 0.0 || r.h <= 0.0 {
            return;
        }
        let mut d = String::new();
        // lines x + y = k, rising to the right like the `hatch` pattern used on markers
        let mut k = ((x0 + y0) / step).ceil() * step;
        while k < x1 + y1 {
            let xa = x0.max(k - y1);
            let xb = x1.min(k - y0);
            if xb > xa {
                let _ = write!(d, "M{} {}L{} {}", n(xa), n(k - xa), n(xb), n(k - xb));
            }
            k += step;
        }
        let width = self.s(1.6);
        let crisp = self.crisp();
        let _ = write!(
            self.out,
            r##"<path d="{d}" stroke="#1a1a1a" stroke-opacity="{opacity}" stroke-width="{}"{crisp}/>"##,
            n(width)
        );
    }

    /// A circle styled by grade.
    pub fn grade_circle(&mut self, cx: f64, cy: f64, r: f64, colour: Rgb, grade: Grade) {
        let (fill, mut stroke) = self.grade_attrs(grade, colour);
        if grade == Grade::Measured {
            stroke = format!(r#" stroke="white" stroke-width="{}""#, n(self.s(1.2)));
        }
        let _ = write!(
            self.out,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}"{stroke}/>"#,
            n(cx),
            n(cy),
            n(r)
        );
        if grade == Grade::Illustrative {
            let _ = write!(
                self.out,
                r#"<circle cx="{}" cy="{}" r="{}" fill="url(#hatch)"/>"#,
                n(cx),
                n(cy),
                n(r)
            );
        }
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

fn tr(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    if lang == Lang::Fr { fr } else { en }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Whether the kind shows a legend of series (rankings and heat tables name regions on
/// their axis instead).
fn has_series_legend(kind: ChartKind) -> bool {
    !matches!(kind, ChartKind::Ranking | ChartKind::HeatTable)
}

/// Renders a figure to SVG text.
pub fn render(fig: &Figure, opts: &ExportOptions) -> String {
    let (w, h) = (
        f64::from(opts.size.width_px),
        f64::from(opts.size.height_px),
    );
    let mut c = Canvas::new(w, h, fig.locale.lang());
    let hatch = c.s(7.0);
    let heat_stop = |t: f64| {
        if style::heat_is_sequential(fig) {
            style::sequential(t)
        } else {
            palette::heat_colour(t)
        }
    };
    let _ = write!(
        c.out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{fam}"><title>{title}</title><defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="{hs}" height="{hs}" patternTransform="rotate(45)"><line x1="{hm}" y1="0" x2="{hm}" y2="{hs}" stroke="#1a1a1a" stroke-opacity="0.5" stroke-width="{hw}"/></pattern><linearGradient id="heat"><stop offset="0" stop-color="{h0}"/><stop offset="0.5" stop-color="{h5}"/><stop offset="1" stop-color="{h1}"/></linearGradient></defs>"##,
        w = n(w),
        h = n(h),
        fam = fonts::FAMILY,
        title = escape(&fig.title),
        hs = n(hatch),
        hm = n(hatch / 2.0),
        hw = n(c.s(1.6)),
        h0 = palette::hex(heat_stop(0.0)),
        h5 = palette::hex(heat_stop(0.5)),
        h1 = palette::hex(heat_stop(1.0)),
    );
    if opts.background == Background::White {
        c.raw(r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    }
    let margin = c.s(base::MARGIN);
    let content_w = w - 2.0 * margin;

    // header
    let ts = c.s(base::TITLE);
    let mut title = wrap(&fig.title, ts, true, content_w);
    title.truncate(2);
    let mut y = c.lines(
        margin,
        margin + ts * 0.8,
        ts,
        true,
        ink::TEXT,
        Anchor::Start,
        &title,
    );
    if !fig.subtitle.is_empty() {
        let ss = c.s(base::SUBTITLE);
        let mut sub = wrap(&fig.subtitle, ss, false, content_w);
        sub.truncate(2);
        y = c.lines(
            margin,
            y + ss * 0.2,
            ss,
            false,
            ink::MUTED,
            Anchor::Start,
            &sub,
        );
    }
    y += c.s(6.0);

    // footer, laid out from the bottom
    let empty = fig.is_empty();
    let footer = footer_lines(&c, fig, !empty, content_w);
    let footer_h: f64 = footer
        .iter()
        .map(|(lines, size, _)| lines.len() as f64 * size * 1.22)
        .sum();
    let footer_top = h - margin - footer_h + c.s(base::FOOTER) * 0.2;
    let mut fy = footer_top + c.s(base::FOOTER) * 0.8;
    for (lines, size, colour) in &footer {
        fy = c.lines(margin, fy, *size, false, colour, Anchor::Start, lines);
    }

    // legend
    if !empty {
        y = legend(&mut c, fig, margin, y, content_w);
    }
    let plot = Rect {
        x: margin,
        y: y + c.s(8.0),
        w: content_w,
        h: (footer_top - c.s(14.0) - (y + c.s(8.0))).max(c.s(40.0)),
    };
    if empty {
        let size = c.s(base::SUBTITLE);
        let msg = if fig.warnings.is_empty() {
            vec![tr(c.lang, "No data to show.", "Aucune donnée à afficher.").to_owned()]
        } else {
            fig.warnings
                .iter()
                .flat_map(|wn| wrap(wn, size, false, plot.w * 0.8))
                .collect()
        };
        let top = plot.y + plot.h / 2.0 - msg.len() as f64 * size * 0.61 + size * 0.8;
        c.lines(
            plot.x + plot.w / 2.0,
            top,
            size,
            false,
            ink::MUTED,
            Anchor::Middle,
            &msg,
        );
    } else {
        match fig.kind {
            ChartKind::BarsByChannel | ChartKind::BarsByIndicator => {
                plots::bars(&mut c, fig, opts, plot)
            }
            ChartKind::Lines => plots::lines(&mut c, fig, opts, plot),
            ChartKind::Scatter => plots::scatter(&mut c, fig, opts, plot),
            ChartKind::Radar => plots::radar(&mut c, fig, opts, plot),
            ChartKind::Ranking => plots::ranking(&mut c, fig, opts, plot),
            ChartKind::HeatTable => plots::heat_table(&mut c, fig, opts, plot),
        }
    }
    c.finish()
}

/// Footer blocks: (lines, font size, colour): warnings, notice, sources. Shrinks the font
/// until the footer takes at most a quarter of the height.
fn footer_lines(
    c: &Canvas,
    fig: &Figure,
    with_warnings: bool,
    width: f64,
) -> Vec<(Vec<String>, f64, &'static str)> {
    let colon = if c.lang == Lang::Fr { " : " } else { ": " };
    let mut size = c.s(base::FOOTER);
    loop {
        let mut out = Vec::new();
        if with_warnings {
            for wn in &fig.warnings {
                out.push((
                    wrap(&format!("⚠ {wn}"), size, false, width),
                    size,
                    ink::WARN,
                ));
            }
        }
        if let Some(notice) = &fig.notice {
            out.push((wrap(notice, size, false, width), size, ink::TEXT));
        }
        if !fig.sources.is_empty() {
            let label = if fig.sources.len() == 1 {
                "Source"
            } else {
                "Sources"
            };
            let sep = if c.lang == Lang::Fr { " ; " } else { "; " };
            let text = format!("{label}{colon}{}", fig.sources.join(sep));
            out.push((wrap(&text, size, false, width), size, ink::MUTED));
        }
        let total: f64 = out.iter().map(|(l, s, _)| l.len() as f64 * s * 1.22).sum();
        if total <= c.h * 0.25 || size <= c.s(base::FOOTER) * 0.7 {
            return out;
        }
        size *= 0.92;
    }
}

/// One legend entry.
enum Swatch {
    Series(Rgb),
    Grade(Grade),
    Heat,
}

/// Draws the legend (series, then the grade key) in rows from `y`; returns the y below it.
fn legend(c: &mut Canvas, fig: &Figure, x0: f64, y: f64, width: f64) -> f64 {
    let size = c.s(base::LEGEND);
    let mut items: Vec<(Swatch, String)> = Vec::new();
    if has_series_legend(fig.kind) {
        for s in &fig.series {
            items.push((Swatch::Series(s.colour), s.label.clone()));
        }
    }
    if fig.kind == ChartKind::HeatTable && !fig.is_empty() {
        let key = if style::heat_is_sequential(fig) {
            tr(c.lang, "lower → higher", "plus bas → plus haut")
        } else {
            tr(c.lang, "worse → better", "moins bon → meilleur")
        };
        items.push((Swatch::Heat, key.to_owned()));
    }
    if fig.grades.iter().any(|g| *g != Grade::Measured) {
        for g in Grade::ALL {
            if fig.grades.contains(&g) {
                items.push((Swatch::Grade(g), capitalise(g.label(c.lang))));
            }
        }
    }
    if items.is_empty() {
        return y;
    }
    let sw = size * 0.95;
    let gap = size * 1.4;
    let row_h = size * 1.6;
    let (mut x, mut row_y) = (x0, y + size * 0.3);
    for (swatch, label) in &items {
        let label = fonts::ellipsize(label, size, false, width * 0.6);
        let swatch_w = if matches!(swatch, Swatch::Heat) {
            sw * 3.0
        } else {
            sw
        };
        let item_w = swatch_w + size * 0.45 + text_width(&label, size, false);
        if x > x0 && x + item_w > x0 + width {
            x = x0;
            row_y += row_h;
        }
        let r = Rect {
            x,
            y: row_y + (row_h - sw) / 2.0 - size * 0.15,
            w: swatch_w,
            h: sw,
        };
        match swatch {
            Swatch::Series(col) => c.rect(r, &palette::hex(*col), ""),
            Swatch::Grade(g) => c.grade_rect(r, [0x80, 0x80, 0x80], *g),
            Swatch::Heat => c.rect(r, "url(#heat)", ""),
        }
        c.text(
            x + swatch_w + size * 0.45,
            row_y + row_h / 2.0 + size * 0.2,
            size,
            false,
            ink::TEXT,
            Anchor::Start,
            &label,
        );
        x += item_w + gap;
    }
    row_y + row_h
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn numbers_are_short() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.345), "12.3");
        assert_eq!(n(-0.04), "0");
    }
}

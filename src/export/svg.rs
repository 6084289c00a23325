/*!
Our own SVG writer: [`Figure`] → SVG text. This module lays out the page shared by every chart
kind (title, subtitle, legend with the grade key, footer with warnings, notice and sources) on
a [`Canvas`] (shapes, text, escaping: [`super::canvas`]); [`super::plots`] draws the plot area
of each kind.
*/

pub use super::canvas::escape;
use super::canvas::{Anchor, Canvas, Rect, base, coord, ink};
use super::fonts::{self, text_width, wrap};
use super::{Background, ExportOptions, TextInk};
use super::{plots, radar, tables};
use crate::chart::palette::{self, Rgb};
use crate::chart::{ChartKind, Figure, labels, style};
use crate::i18n::Msg;
use crate::model::{Grade, Lang};
use std::fmt::Write as _;

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
    !matches!(
        kind,
        ChartKind::Ranking | ChartKind::HeatTable | ChartKind::Coverage
    )
}

/// Renders a figure to SVG text. Labels that fit nowhere are left out; the footer then says
/// so (the page is laid out again with that line).
pub fn render(fig: &Figure, opts: &ExportOptions) -> String {
    render_with(fig, opts, false)
}

/// Renders a figure as an SVG file for designers: like [`render`], with every hatching a fill
/// with the `hatch` pattern (not line segments).
pub fn render_file(fig: &Figure, opts: &ExportOptions) -> String {
    render_with(fig, opts, true)
}

fn render_with(fig: &Figure, opts: &ExportOptions, pattern_hatch: bool) -> String {
    let (svg, left_out) = render_pass(fig, opts, pattern_hatch, false);
    if left_out {
        render_pass(fig, opts, pattern_hatch, true).0
    } else {
        svg
    }
}

/// One layout of the page, with or without the footnote on labels left out; returns the SVG
/// and whether labels were left out. Each layer is a group with an id (`background`, `title`,
/// `legend`, `plot` with `axes`, `series-…` and `labels` inside, `footer`).
fn render_pass(
    fig: &Figure,
    opts: &ExportOptions,
    pattern_hatch: bool,
    note_left_out: bool,
) -> (String, bool) {
    let (w, h) = (
        f64::from(opts.size.width_px),
        f64::from(opts.size.height_px),
    );
    let mut c = Canvas::new(w, h, opts.size.dpi, fig.locale.lang());
    c.pattern_hatch = pattern_hatch;
    c.light_text = opts.text == TextInk::Light;
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
        w = coord(w),
        h = coord(h),
        fam = fonts::FALLBACK,
        title = escape(&crate::model::text::shorten(&fig.title)),
        hs = coord(hatch),
        hm = coord(hatch / 2.0),
        hw = coord(c.s(1.6)),
        h0 = palette::hex(heat_stop(0.0)),
        h5 = palette::hex(heat_stop(0.5)),
        h1 = palette::hex(heat_stop(1.0)),
    );
    c.open("background");
    if opts.background == Background::White {
        c.raw(r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    }
    c.close();
    let margin = c.s(base::MARGIN);
    let content_w = w - 2.0 * margin;

    // header: wrapped, shrunk within the floor, cut only as a last resort
    let (title, sub) = header(&c, fig, content_w);
    c.open("title");
    let mut y = c.lines(
        margin,
        margin + title.size * 0.8,
        title.size,
        true,
        ink::TEXT,
        Anchor::Start,
        &title.lines,
    );
    if let Some(sub) = sub {
        y = c.lines(
            margin,
            y + sub.size * 0.2,
            sub.size,
            false,
            ink::MUTED,
            Anchor::Start,
            &sub.lines,
        );
    }
    c.close();
    y += c.s(6.0);

    // footer, laid out from the bottom
    let empty = fig.is_empty();
    let footer = footer_lines(&c, fig, !empty, note_left_out, content_w);
    let footer_h: f64 = footer
        .iter()
        .map(|(lines, size, _)| lines.len() as f64 * size * 1.22)
        .sum();
    let footer_top = h - margin - footer_h + c.font(base::FOOTER) * 0.2;
    let mut fy = footer_top + c.font(base::FOOTER) * 0.8;
    c.open("footer");
    for (lines, size, colour) in &footer {
        fy = c.lines(margin, fy, *size, false, colour, Anchor::Start, lines);
    }
    c.close();

    // legend
    if !empty {
        c.open("legend");
        y = legend(&mut c, fig, margin, y, content_w);
        c.close();
    }
    let plot = Rect {
        x: margin,
        y: y + c.s(8.0),
        w: content_w,
        h: (footer_top - c.s(14.0) - (y + c.s(8.0))).max(c.s(40.0)),
    };
    c.open("plot");
    if empty {
        let size = c.font(base::SUBTITLE);
        let msg = if fig.warnings.is_empty() {
            vec![Msg::NoDataToShow.get(c.lang).to_owned()]
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
        if !fig.story.panels.is_empty() {
            // small multiples: one grid of panels sharing the axes
            super::story::facets(&mut c, fig, opts, plot);
        } else {
            match fig.kind {
                ChartKind::BarsByChannel | ChartKind::BarsByIndicator => {
                    plots::bars(&mut c, fig, opts, plot)
                }
                ChartKind::Lines | ChartKind::Slope => plots::lines(&mut c, fig, opts, plot),
                ChartKind::Scatter => plots::scatter(&mut c, fig, opts, plot),
                ChartKind::Radar => radar::radar(&mut c, fig, opts, plot),
                ChartKind::Ranking => tables::ranking(&mut c, fig, opts, plot),
                ChartKind::HeatTable | ChartKind::Coverage => {
                    tables::heat_table(&mut c, fig, opts, plot)
                }
            }
        }
    }
    c.close();
    let left_out = c.left_out;
    (c.finish(), left_out)
}

/// Most lines of the title and of the subtitle.
const TITLE_LINES: usize = 2;
const SUBTITLE_LINES: usize = 3;

/// The title and subtitle fitted to `width` ([`labels::fit_block`]): the title may shrink to
/// the subtitle's size, the subtitle to the text floor (the footer's size).
fn header(c: &Canvas, fig: &Figure, width: f64) -> (labels::Fitted, Option<labels::Fitted>) {
    let (ts, ss) = (c.font(base::TITLE), c.font(base::SUBTITLE));
    let title = labels::fit_block(
        &fig.title,
        ts,
        ss * 1.1,
        width,
        TITLE_LINES,
        &|t, s, w| wrap(t, s, true, w),
        &|t, s| text_width(t, s, true),
    );
    let sub = (!fig.subtitle.is_empty()).then(|| {
        labels::fit_block(
            &fig.subtitle,
            ss,
            c.font(base::FOOTER),
            width,
            SUBTITLE_LINES,
            &|t, s, w| wrap(t, s, false, w),
            &|t, s| text_width(t, s, false),
        )
    });
    (title, sub)
}

/// What does not fit in a file of these options even at the smallest text size (a title or
/// subtitle cut with `…`), for the command line to warn about.
pub fn fit_warnings(fig: &Figure, opts: &ExportOptions) -> Vec<String> {
    let (w, h) = (
        f64::from(opts.size.width_px),
        f64::from(opts.size.height_px),
    );
    let c = Canvas::new(w, h, opts.size.dpi, fig.locale.lang());
    let content_w = w - 2.0 * c.s(base::MARGIN);
    let (title, sub) = header(&c, fig, content_w);
    let mut out = Vec::new();
    if title.cut {
        out.push(format!(
            "the title is too long for {} × {} px and was cut: {}",
            opts.size.width_px,
            opts.size.height_px,
            title.lines.join(" ")
        ));
    }
    if sub.is_some_and(|s| s.cut) {
        out.push(format!(
            "the subtitle is too long for {} × {} px and was cut",
            opts.size.width_px, opts.size.height_px
        ));
    }
    out
}

/// Footer blocks: (lines, font size, colour): warnings, notice, sources. Shrinks the font
/// until the footer takes at most a quarter of the height.
fn footer_lines(
    c: &Canvas,
    fig: &Figure,
    with_warnings: bool,
    left_out: bool,
    width: f64,
) -> Vec<(Vec<String>, f64, &'static str)> {
    let colon = if c.lang == Lang::Fr { "\u{a0}: " } else { ": " };
    let mut size = c.font(base::FOOTER);
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
        if left_out {
            let note = labels::left_out_note(c.lang);
            out.push((wrap(note, size, false, width), size, ink::MUTED));
        }
        if !fig.sources.is_empty() {
            let label = if fig.sources.len() == 1 {
                "Source"
            } else {
                "Sources"
            };
            let sep = if c.lang == Lang::Fr {
                "\u{202f}; "
            } else {
                "; "
            };
            let text = format!("{label}{colon}{}", fig.sources.join(sep));
            out.push((wrap(&text, size, false, width), size, ink::MUTED));
        }
        let total: f64 = out.iter().map(|(l, s, _)| l.len() as f64 * s * 1.22).sum();
        if total <= c.h * 0.25 || size <= c.font(base::FOOTER) * 0.7 {
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
    /// A channel's line and marker.
    Channel(style::ChannelMark),
    /// Text without a swatch.
    Caption,
    /// Starts a new row.
    Break,
}

/// Draws the legend (series, then the grade key) in rows from `y`; returns the y below it.
fn legend(c: &mut Canvas, fig: &Figure, x0: f64, y: f64, width: f64) -> f64 {
    let size = c.font(base::LEGEND);
    let mut items: Vec<(Swatch, String)> = Vec::new();
    // series named on the chart itself (line ends, scatter points) need no legend
    if has_series_legend(fig.kind) && !labels::series_named_on_chart(fig) {
        for s in &fig.series {
            items.push((Swatch::Series(s.colour), s.label.clone()));
        }
    }
    // several channels on a line chart: a key of their dashes and markers
    for (name, mark) in style::channel_key(fig) {
        items.push((Swatch::Channel(mark), name));
    }
    if matches!(fig.kind, ChartKind::HeatTable | ChartKind::Coverage) && !fig.is_empty() {
        let key = if fig.kind == ChartKind::Coverage {
            Msg::IllustrativeCited.get(c.lang).to_owned()
        } else {
            // the scale's ends named with the values there (core: style::heat_key)
            let (lo, hi) = style::heat_key(fig);
            format!("{lo} → {hi}")
        };
        items.push((Swatch::Heat, key));
    }
    if fig.grades.iter().any(|g| *g != Grade::Measured) {
        // the grade key on a row of its own, captioned, so its neutral swatches never read as
        // one more region
        if !items.is_empty() {
            items.push((Swatch::Break, String::new()));
        }
        items.push((Swatch::Caption, Msg::ValuesCaption.get(c.lang).to_owned()));
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
        if matches!(swatch, Swatch::Break) {
            if x > x0 {
                x = x0;
                row_y += row_h;
            }
            continue;
        }
        let label = fonts::ellipsize(label, size, false, width * 0.6);
        let swatch_w = match swatch {
            Swatch::Heat | Swatch::Channel(_) => sw * 3.0,
            // wide enough for the dashes of an estimated outline to show
            Swatch::Grade(_) => sw * 1.8,
            Swatch::Caption => -size * 0.45,
            _ => sw,
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
            // the marks' own grade style, in the neutral dark grey of the keys
            Swatch::Grade(g) => c.grade_rect(r, style::KEY_GREY, *g),
            Swatch::Heat => c.rect(r, "url(#heat)", ""),
            Swatch::Channel(mark) => {
                let (my, grey) = (r.y + r.h / 2.0, [0x59, 0x59, 0x59]);
                let dash = mark.dash_pt.map_or(String::new(), |[a, b]| {
                    format!(
                        r#" stroke-dasharray="{} {}""#,
                        coord(c.s(a * 4.0 / 3.0)),
                        coord(c.s(b * 4.0 / 3.0))
                    )
                });
                c.raw(&format!(
                    r##"<path d="M{} {my}L{} {my}" stroke="#595959" stroke-width="{}"{dash}/>"##,
                    coord(r.x),
                    coord(r.x + r.w),
                    coord(c.s(2.2)),
                    my = coord(my),
                ));
                c.grade_marker(
                    r.x + r.w / 2.0,
                    my,
                    r.h * 0.35,
                    grey,
                    Grade::Measured,
                    mark.marker,
                );
            }
            Swatch::Caption | Swatch::Break => {}
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

//! The remaining layout defects (issue 13), checked on the core layout both painters draw:
//! scatter axes ticks and long titles (wrapped, shrunk, then cut with a warning). The other
//! checks: `layout_overprint`, `layout_fill`, `layout_svg`, `layout_leftovers`.

use crate::fixtures::chart::{figure, opts_sized, spec};
use crate::fixtures::data::{FOUR, temp_file};
use crate::fixtures::svg::svg_texts;
use servicescope::chart::{self, ChartKind, Locale, SpecText, layout};
use servicescope::export::{self};

#[test]
fn scatter_axes_carry_at_least_four_ticks() {
    let ds = servicescope::io::benchmark::load().expect("loads");
    let inds: Vec<String> = ds.indicators().iter().map(|i| i.id.to_string()).collect();
    for a in &inds {
        for b in &inds {
            if a == b {
                continue;
            }
            let fig = chart::build(
                &ds,
                &spec(ChartKind::Scatter, &[a, b], &FOUR, &[]),
                Locale::EnGb,
            );
            if fig.is_empty() {
                continue;
            }
            let axes = layout::axes(&fig, true);
            let (x, y) = (axes.x_value.expect("x axis"), axes.value.expect("y axis"));
            assert!(
                x.ticks.len() >= 4 && y.ticks.len() >= 4,
                "{a} × {b}: {} and {} ticks",
                x.ticks.len(),
                y.ticks.len()
            );
        }
    }
}

const LONG_TITLE: &str = "First-contact resolution by channel in the United Kingdom and in France, measured by the industry surveys of the last decade and compared with the regional averages";

#[test]
fn long_titles_wrap_and_shrink_before_any_ellipsis() {
    let mut s = spec(
        ChartKind::BarsByChannel,
        &["fcr_pct"],
        &["uk", "france"],
        &["phone", "email"],
    );
    // about three lines at the title size on a slide: it must shrink to two, every word kept
    let medium = LONG_TITLE;
    s.title = Some(SpecText::Plain(medium.to_owned()));
    let fig = figure(&s, Locale::EnGb);
    let o = opts_sized("slide-16x9");
    let texts = svg_texts(&export::render_svg(&fig, &o));
    let joined = texts.join(" ");
    assert!(
        joined.contains(medium),
        "every word of the title is drawn: {texts:?}"
    );
    assert!(export::svg::fit_warnings(&fig, &o).is_empty());
    // far too long for 800 × 450: cut with an ellipsis, and said
    s.title = Some(SpecText::Plain(format!("{LONG_TITLE} {LONG_TITLE}")));
    let fig = figure(&s, Locale::EnGb);
    let o = opts_sized("800x450");
    let texts = svg_texts(&export::render_svg(&fig, &o));
    assert!(
        texts.iter().any(|t| t.ends_with('…') && t.len() > 10),
        "{texts:?}"
    );
    let warn = export::svg::fit_warnings(&fig, &o);
    assert!(
        warn.len() == 1 && warn[0].contains("title is too long"),
        "{warn:?}"
    );
}

#[test]
fn the_command_line_warns_on_stderr_when_a_title_is_cut_and_still_exits_0() {
    let text = format!(
        "ChartSpec(kind: BarsByChannel, indicators: [\"fcr_pct\"], regions: [\"uk\"], title: \"{LONG_TITLE} {LONG_TITLE}\")"
    );
    let (dir, spec_path) = temp_file("long.ron", &text);
    let out = dir.path().join("long.png");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_servicescope"))
        .args(["export", "--chart"])
        .arg(&spec_path)
        .arg("--out")
        .arg(&out)
        .args(["--size", "800x450"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning") && stderr.contains("title is too long"),
        "{stderr}"
    );
    assert!(out.exists());
}

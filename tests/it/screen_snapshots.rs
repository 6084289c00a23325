//! Reference images of the on-screen chart panel: the app drawn by egui_kittest and rendered
//! headless by wgpu (EGL + Mesa llvmpipe, no display), cropped to the chart panel, for bars,
//! lines, heat table, ranking and radar in English and French (and bars in the dark theme),
//! compared with the reviewed PNGs in `tests/snapshots/screen/` with a tolerance.
//! `UPDATE_SNAPSHOTS=1 cargo test --test it screen_snapshots` rewrites them: look at each one
//! before committing.

use egui_kittest::{Harness, SnapshotOptions};
use servicescope::app::{self, App, AppState};
use servicescope::chart::{ChartKind, ChartSpec};
use servicescope::model::Lang;
use std::path::Path;

/// Size of the window the chart is drawn in, in points (1 px per point).
const WINDOW: [f32; 2] = [1200.0, 760.0];

/// Pixels that may differ beyond the per-pixel threshold: 0.5 % of the panel (anti-aliasing
/// and glyph rasterisation may differ slightly between Mesa versions).
const MAX_DIFFERING_SHARE: f64 = 0.005;

/// A chart of the reference dataset's four regions, value labels on.
fn spec(kind: ChartKind, inds: &[&str], channels: &[&str]) -> ChartSpec {
    crate::fixtures::chart::spec(kind, inds, &crate::fixtures::data::FOUR, channels)
}

fn cases() -> Vec<(&'static str, ChartSpec)> {
    vec![
        (
            "bars",
            spec(
                ChartKind::BarsByChannel,
                &["fcr_pct"],
                &["phone", "email", "chat"],
            ),
        ),
        ("lines", spec(ChartKind::Lines, &["fcr_pct"], &["phone"])),
        (
            "heat",
            spec(
                ChartKind::HeatTable,
                &["channel_use_pct"],
                &["phone", "email", "chat"],
            ),
        ),
        ("ranking", spec(ChartKind::Ranking, &["nps"], &[])),
        (
            "radar",
            spec(
                ChartKind::Radar,
                &["fcr_pct", "aht_s", "asa_s", "abandon_pct"],
                &["phone"],
            ),
        ),
    ]
}

/// The chart panel of the app showing `spec`, rendered to pixels.
fn panel_image(spec: ChartSpec, lang: Lang, dark: bool) -> image::RgbaImage {
    let ds = crate::fixtures::data::reference();
    let state = AppState {
        spec,
        lang,
        dark,
        ..AppState::default()
    };
    let builder = Harness::builder()
        .with_size(WINDOW)
        .with_pixels_per_point(1.0)
        .with_render_cursor(false)
        .wgpu();
    let mut h = crate::fixtures::ui::app_built_by(builder, move || App::new(ds, state));
    let area = app::chart_record(&h.ctx).area;
    assert!(
        area.width() > 300.0 && area.height() > 200.0,
        "the chart panel was drawn: {area:?}"
    );
    let full = h.render().expect("wgpu renders headless (EGL + llvmpipe)");
    let x = area.left().max(0.0) as u32;
    let y = area.top().max(0.0) as u32;
    let w = (area.width() as u32).min(full.width() - x);
    let hgt = (area.height() as u32).min(full.height() - y);
    image::imageops::crop_imm(&full, x, y, w, hgt).to_image()
}

#[test]
fn chart_panel_matches_its_reviewed_images_in_both_languages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/screen");
    let mut shots = Vec::new();
    for (name, spec) in cases() {
        for (lang, code) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
            shots.push((
                format!("{name}-{code}"),
                panel_image(spec.clone(), lang, false),
            ));
        }
    }
    // the dark theme keeps ticks, gridlines and labels legible
    let bars = cases().remove(0).1;
    shots.push(("bars-en-dark".to_owned(), panel_image(bars, Lang::En, true)));
    let mut failures = Vec::new();
    for (name, img) in shots {
        let pixels = (img.width() * img.height()) as f64;
        let options = SnapshotOptions::new()
            .output_path(&dir)
            .threshold(0.6)
            .max_failed_pixels((pixels * MAX_DIFFERING_SHARE) as usize);
        if let Err(e) = egui_kittest::try_image_snapshot_options(&img, &name, &options) {
            failures.push(format!("{name}: {e}"));
        }
    }
    assert!(
        failures.is_empty(),
        "visual changes in the chart panel (UPDATE_SNAPSHOTS=1 rewrites the references; look \
         at them first; the new images are the .new.png files beside them):\n{}",
        failures.join("\n")
    );
}

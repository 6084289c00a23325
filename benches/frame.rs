//! Frame cost of the real app with about 100,000 plotted points, without a GPU: each frame
//! runs the app's `ui` (egui + egui_plot, headless through egui_kittest) and tessellates the
//! frame's shapes into triangles, which is all the CPU work of a frame before the GPU
//! rasterises it. Prints milliseconds; run with `cargo bench --bench frame`.
//!
//! The window under Xvfb (`bench/window.py`) adds Mesa's software rasteriser on top, which a
//! machine with a GPU does not pay.

use egui_kittest::Harness;
use servicescope::app::{self, App, AppState};
use servicescope::chart::{ChartKind, ChartSpec};
use servicescope::cli::gen_sample;
use servicescope::io;
use servicescope::model::{IndicatorId, Lang};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rows: usize = std::env::var("POINTS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(104_000);
    let cat = io::benchmark::catalog()?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("points.ron");
    let shape = gen_sample::Shape {
        rows,
        regions: 40,
        indicators: 1,
    };
    std::fs::write(&path, gen_sample::text(&cat, shape, true))?;
    let ds = io::load::load_path(&cat, &path)?;
    let channels = ds.channels().iter().map(|c| c.id.clone()).collect();
    let state = AppState {
        lang: Lang::En,
        spec: ChartSpec {
            kind: ChartKind::Lines,
            indicators: vec![IndicatorId::new("fcr_pct")],
            channels,
            ..Default::default()
        },
        ..AppState::default()
    };
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(move |cc| {
            app::setup_context(&cc.egui_ctx);
            App::new(ds, state)
        });
    h.run_steps(3);
    let points = h.state().figure().point_count();
    let (mut ui_ms, mut tess_ms, mut total_ms) = (Vec::new(), Vec::new(), Vec::new());
    let mut vertices = 0;
    for _ in 0..40 {
        let t = Instant::now();
        h.step();
        let ui = t.elapsed();
        let shapes = h.output().shapes.clone();
        let t2 = Instant::now();
        let meshes = h.ctx.tessellate(shapes, h.ctx.pixels_per_point());
        let tess = t2.elapsed();
        vertices = meshes
            .iter()
            .map(|m| match &m.primitive {
                eframe::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                eframe::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        ui_ms.push(ui.as_secs_f64() * 1e3);
        tess_ms.push(tess.as_secs_f64() * 1e3);
        total_ms.push((ui + tess).as_secs_f64() * 1e3);
    }
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[v.len() / 2], v[v.len() * 95 / 100], v[v.len() - 1])
    };
    println!(
        "frame CPU work with {points} points plotted (Lines), {vertices} vertices, 40 frames:"
    );
    for (name, v) in [
        ("ui (app + egui_plot)", &mut ui_ms),
        ("tessellation", &mut tess_ms),
        ("ui + tessellation", &mut total_ms),
    ] {
        let (med, p95, max) = stats(v);
        println!("  {name:<22} median {med:6.2} ms  p95 {p95:6.2} ms  max {max:6.2} ms");
    }
    Ok(())
}

//! In-process benchmark: load 1,000,000 synthetic observations from RON, then recompute chart
//! selections over them. Prints milliseconds; run with `cargo bench --bench select`.
//! (Whole-process comparisons against pandas and matplotlib are in `bench/run.sh`.)

use servicescope::chart::{self, ChartKind, ChartSpec, Locale};
use servicescope::cli::gen_sample;
use servicescope::io;
use servicescope::model::{ChannelId, IndicatorId, RegionId};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rows: usize = std::env::var("ROWS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1_000_000);
    let cat = io::benchmark::catalog()?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("big.ron");
    let shape = gen_sample::Shape {
        rows,
        regions: cat.regions().len(),
        indicators: usize::MAX,
    };
    std::fs::write(&path, gen_sample::text(&cat, shape, true))?;

    let t = Instant::now();
    let ds = io::load::load_path(&cat, &path)?;
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    println!(
        "rows loaded from RON: {}  ({load_ms:.0} ms)",
        ds.observations().len()
    );

    let specs = [
        (
            "bars by channel, 4 regions",
            ChartKind::BarsByChannel,
            vec!["fcr_pct"],
            vec!["uk", "maghreb", "quebec", "france"],
            vec![],
        ),
        (
            "lines, 2 regions x 1 channel",
            ChartKind::Lines,
            vec!["aht_s"],
            vec!["uk", "france"],
            vec!["phone"],
        ),
        (
            "ranking, all regions, phone",
            ChartKind::Ranking,
            vec!["fcr_pct"],
            vec![],
            vec!["phone"],
        ),
        (
            "heat table",
            ChartKind::HeatTable,
            vec!["abandon_pct"],
            vec!["uk", "maghreb", "quebec", "france"],
            vec![],
        ),
        (
            "radar, 4 indicators",
            ChartKind::Radar,
            vec!["nps", "fcr_pct", "aht_s", "asa_s"],
            vec!["uk", "maghreb", "quebec", "france"],
            vec![],
        ),
    ];
    println!(
        "{:<32} {:>10} {:>10} {:>8}",
        "selection", "median ms", "max ms", "points"
    );
    for (name, kind, inds, regions, channels) in specs {
        let spec = ChartSpec {
            kind,
            indicators: inds.into_iter().map(IndicatorId::new).collect(),
            regions: regions.into_iter().map(RegionId::new).collect(),
            channels: channels.into_iter().map(ChannelId::new).collect::<Vec<_>>(),
            ..Default::default()
        };
        let mut times = Vec::new();
        let mut points = 0;
        for _ in 0..11 {
            let t = Instant::now();
            let fig = chart::build(&ds, &spec, Locale::EnGb);
            times.push(t.elapsed().as_secs_f64() * 1e3);
            points = fig.point_count();
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{name:<32} {:>10.2} {:>10.2} {points:>8}",
            times[5], times[10]
        );
    }
    Ok(())
}

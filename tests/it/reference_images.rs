//! Reference images: every chart kind × en-GB and fr-FR × slide-16x9 and half-a4, drawn from a
//! fixture of our own (not the bundled values, which change with the data), compared with the
//! reviewed PNGs in `tests/snapshots/charts/` with a small tolerance, so a visual regression
//! fails CI. `UPDATE_SNAPSHOTS=1 cargo test reference_images` rewrites them: look at each one
//! before committing.

use servicescope::chart::{self, ChartKind, ChartSpec, Locale};
use servicescope::export::{self, ExportOptions};
use servicescope::model::{ChannelId, RegionId};
use std::path::{Path, PathBuf};

use crate::fixtures::data::{FOUR, REFERENCE_CHANNELS as CHANNELS, reference};

/// A chart of the reference dataset's four regions, value labels on.
fn spec(kind: ChartKind, inds: &[&str], channels: &[&str]) -> ChartSpec {
    crate::fixtures::chart::spec(kind, inds, &FOUR, channels)
}

fn cases() -> Vec<(&'static str, ChartSpec)> {
    vec![
        (
            "bars-channel",
            spec(ChartKind::BarsByChannel, &["fcr_pct"], &CHANNELS),
        ),
        (
            "bars-indicator",
            spec(ChartKind::BarsByIndicator, &["asa_s", "aht_s"], &["phone"]),
        ),
        ("lines", spec(ChartKind::Lines, &["fcr_pct"], &["phone"])),
        (
            "scatter",
            spec(ChartKind::Scatter, &["asa_s", "aht_s"], &["phone"]),
        ),
        (
            "radar",
            spec(
                ChartKind::Radar,
                &["fcr_pct", "aht_s", "asa_s", "abandon_pct"],
                &["phone"],
            ),
        ),
        ("ranking", spec(ChartKind::Ranking, &["nps"], &[])),
        (
            "heat",
            spec(ChartKind::HeatTable, &["channel_use_pct"], &CHANNELS),
        ),
        ("slope", spec(ChartKind::Slope, &["fcr_pct"], &["phone"])),
        ("story-bars", story_bars()),
    ]
}

/// Bars with the storytelling fields: the client highlighted, a quartile band of its peers
/// behind each channel, a note on its e-mail bar.
fn story_bars() -> ChartSpec {
    use servicescope::chart::{Annotation, AnnotationAt, BandKind, Reference};
    ChartSpec {
        highlight: vec!["france".into()],
        reference: vec![Reference::Band(BandKind::Quartiles)],
        peers: vec![
            RegionId::new("uk"),
            RegionId::new("maghreb"),
            RegionId::new("quebec"),
        ],
        annotations: vec![Annotation {
            at: AnnotationAt {
                region: Some(RegionId::new("france")),
                channel: Some(ChannelId::new("email")),
                year: None,
            },
            text: servicescope::chart::SpecText::Both(servicescope::model::Text::new(
                "Client", "Client",
            )),
            offset: None,
        }],
        ..spec(ChartKind::BarsByChannel, &["fcr_pct"], &CHANNELS)
    }
}

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/charts")
}

fn decode(path: &Path) -> Option<(u32, u32, Vec<u8>)> {
    let file = std::fs::File::open(path).ok()?;
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .ok()?;
    let mut buf = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buf).ok()?;
    buf.truncate(info.buffer_size());
    (info.color_type == png::ColorType::Rgba).then_some((info.width, info.height, buf))
}

fn encode(path: &Path, w: u32, h: u32, rgba: &[u8]) {
    let file = std::fs::File::create(path).expect("create snapshot");
    let mut enc = png::Encoder::new(std::io::BufWriter::new(file), w, h);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header()
        .expect("header")
        .write_image_data(rgba)
        .expect("pixels");
}

/// Share of pixels that differ by more than 48 in some channel.
fn differing_share(a: &[u8], b: &[u8]) -> f64 {
    let differing = a
        .chunks_exact(4)
        .zip(b.chunks_exact(4))
        .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 48))
        .count();
    differing as f64 / (a.len() / 4).max(1) as f64
}

#[test]
fn every_kind_matches_its_reviewed_image_in_both_languages_and_sizes() {
    let ds = reference();
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    std::fs::create_dir_all(snapshot_dir()).expect("snapshot dir");
    let mut failures = Vec::new();
    for (name, spec) in cases() {
        for (locale, lang) in [(Locale::EnGb, "en"), (Locale::FrFr, "fr")] {
            let fig = chart::build(&ds, &spec, locale);
            assert!(!fig.is_empty(), "{name}: the fixture must draw something");
            for size_name in ["slide-16x9", "half-a4"] {
                let size = export::size::parse(size_name, Some(96)).expect("size");
                let opts = ExportOptions {
                    size,
                    value_labels: true,
                    ..ExportOptions::default()
                };
                let (w, h, rgba) = export::render_rgba(&fig, &opts).expect("renders");
                let path = snapshot_dir().join(format!("{name}-{lang}-{size_name}.png"));
                if update {
                    encode(&path, w, h, &rgba);
                    continue;
                }
                match decode(&path) {
                    None => failures.push(format!("{}: missing or unreadable", path.display())),
                    Some((rw, rh, _)) if (rw, rh) != (w, h) => failures.push(format!(
                        "{name}-{lang}-{size_name}: {w}×{h}, reference {rw}×{rh}"
                    )),
                    Some((_, _, reference)) => {
                        let share = differing_share(&rgba, &reference);
                        if share > 0.005 {
                            let out = std::env::temp_dir()
                                .join(format!("{name}-{lang}-{size_name}.new.png"));
                            encode(&out, w, h, &rgba);
                            failures.push(format!(
                                "{name}-{lang}-{size_name}: {:.2} % of pixels differ (new image: {})",
                                share * 100.0,
                                out.display()
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "visual changes (UPDATE_SNAPSHOTS=1 rewrites the references; look at them first):\n{}",
        failures.join("\n")
    );
}

//! `servicescope export` run as a process: PNG with a size and no overwrite without
//! `--force`, the format from the extension or a flag, the language, spec syntax errors
//! located, decks written one file per chart with unsafe names refused, shipped decks parse.

use crate::fixtures::cli::run;
use crate::fixtures::data::temp_file;
use crate::fixtures::image::decode_png;
use crate::fixtures::svg::text_nodes;
use servicescope::chart::{self};
use servicescope::export::{self};
use std::path::Path;

const SPEC: &str = r#"ChartSpec(
    kind: BarsByChannel,
    indicators: ["fcr_pct"],
    regions: ["uk", "france"],
    channels: ["phone", "email"],
    title: "FCR",
)"#;

#[test]
fn cli_exports_png_with_size_and_refuses_overwrite() {
    let (dir, spec) = temp_file("fcr.ron", SPEC);
    let out = dir.path().join("fcr.png");
    let (o, s) = (out.to_str().expect("utf8"), spec.to_str().expect("utf8"));
    let (code, stdout, err) = run(&["export", "--chart", s, "--out", o, "--size", "1600x900"]);
    assert_eq!(code, 0, "{stdout}{err}");
    let bytes = std::fs::read(&out).expect("written");
    assert_eq!(decode_png(&bytes).0, 1600);
    assert_eq!(decode_png(&bytes).1, 900);

    // again without --force: refused, exit code 3, file untouched
    let (code, _, err) = run(&["export", "--chart", s, "--out", o, "--size", "800x450"]);
    assert_eq!(code, 3);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&out).expect("kept"), bytes);

    // a failing export (bad size) with --force leaves the previous file intact
    let (code, _, err) = run(&[
        "export", "--chart", s, "--out", o, "--size", "huge", "--force",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown size `huge`"), "{err}");
    assert_eq!(std::fs::read(&out).expect("kept"), bytes);

    // with --force and cm at 300 DPI: replaced
    let (code, _, err) = run(&[
        "export", "--chart", s, "--out", o, "--size", "10x5cm", "--dpi", "300", "--force",
    ]);
    assert_eq!(code, 0, "{err}");
    let (w, h, _, _) = decode_png(&std::fs::read(&out).expect("written"));
    assert_eq!((w, h), (1181, 591));
}

#[test]
fn cli_format_from_extension_or_flag_and_language() {
    let (dir, spec) = temp_file("fcr.ron", SPEC);
    let s = spec.to_str().expect("utf8");
    let svg = dir.path().join("fcr.svg");
    let (code, _, err) = run(&[
        "export",
        "--chart",
        s,
        "--out",
        svg.to_str().expect("utf8"),
        "--lang",
        "fr",
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).expect("written");
    assert!(text_nodes(&text).iter().any(|t| t == "Téléphone"));
    let pdf = dir.path().join("fcr.out");
    let (code, _, err) = run(&[
        "export",
        "--chart",
        s,
        "--out",
        pdf.to_str().expect("utf8"),
        "--format",
        "pdf",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(&pdf).expect("written").starts_with(b"%PDF"));
    let (code, _, err) = run(&[
        "export",
        "--chart",
        s,
        "--out",
        dir.path().join("x.jpg").to_str().expect("utf8"),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--format"), "{err}");
}

#[test]
fn cli_reports_spec_syntax_errors_with_location() {
    let (dir, spec) = temp_file(
        "bad.ron",
        "ChartSpec(\n  kind: BarsByChannel,\n  indicators: [\"fcr_pct\"]\n  title: \"x\",\n)",
    );
    let out = dir.path().join("x.png");
    let (code, _, err) = run(&[
        "export",
        "--chart",
        spec.to_str().expect("utf8"),
        "--out",
        out.to_str().expect("utf8"),
    ]);
    assert_eq!(code, 1, "invalid input");
    assert!(err.contains("bad.ron:4:"), "{err}");
    assert!(!out.exists());
}

#[test]
fn cli_deck_writes_one_file_per_chart() {
    let deck = r#"Deck(
        format: Svg,
        size: "slide-4x3",
        dpi: 96,
        charts: [
            (name: "fcr", spec: ChartSpec(kind: BarsByChannel, indicators: ["fcr_pct"])),
            (name: "nps-ranking", spec: ChartSpec(kind: Ranking, indicators: ["nps"], locale: FrFr)),
            (name: "heat", spec: ChartSpec(kind: HeatTable, indicators: ["channel_pref_pct"]), size: "square"),
        ],
    )"#;
    let (dir, deck_path) = temp_file("deck.ron", deck);
    let out_dir = dir.path().join("out");
    let (d, o) = (
        deck_path.to_str().expect("utf8"),
        out_dir.to_str().expect("utf8"),
    );
    let (code, stdout, err) = run(&["export", "--deck", d, "--out-dir", o]);
    assert_eq!(code, 0, "{stdout}{err}");
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["fcr.svg", "heat.svg", "nps-ranking.svg"]);
    let fcr = std::fs::read_to_string(out_dir.join("fcr.svg")).expect("read");
    assert!(fcr.contains(r#"width="960" height="720""#), "4:3 at 96 DPI");
    let ranking = std::fs::read_to_string(out_dir.join("nps-ranking.svg")).expect("read");
    assert!(
        text_nodes(&ranking)
            .iter()
            .any(|t| t.starts_with("Sources\u{a0}: ") || t.starts_with("Source\u{a0}: "))
    );
    assert!(stdout.contains("3 chart(s) written"), "{stdout}");

    // rerun: refused as a whole, nothing rewritten; --format png --force writes PNGs
    let (code, _, err) = run(&["export", "--deck", d, "--out-dir", o]);
    assert_eq!(code, 3);
    assert!(err.contains("nothing was written"), "{err}");
    let (code, _, err) = run(&[
        "export",
        "--deck",
        d,
        "--out-dir",
        o,
        "--format",
        "png",
        "--lang",
        "fr",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out_dir.join("heat.png").exists());
}

#[test]
fn cli_deck_rejects_unsafe_names() {
    let deck =
        r#"Deck(charts: [(name: "../evil", spec: ChartSpec(kind: Ranking, indicators: ["nps"]))])"#;
    let (dir, deck_path) = temp_file("deck.ron", deck);
    let (code, _, err) = run(&[
        "export",
        "--deck",
        deck_path.to_str().expect("utf8"),
        "--out-dir",
        dir.path().join("o").to_str().expect("utf8"),
    ]);
    assert_eq!(code, 1, "invalid deck");
    assert!(err.contains("not a valid file name"), "{err}");
    assert!(!dir.path().join("evil.png").exists());
}

#[test]
fn shipped_decks_parse() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("decks");
    let mut count = 0;
    for entry in std::fs::read_dir(&root).expect("decks/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "ron") {
            let deck = export::deck::read_deck(&path).unwrap_or_else(|e| panic!("{e}"));
            deck.check_names()
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let ds = servicescope::io::benchmark::load().expect("benchmark");
            for c in &deck.charts {
                let fig = chart::build(&ds, &c.spec, c.spec.locale.unwrap_or_default());
                assert!(
                    !fig.is_empty(),
                    "{}: chart {} has data",
                    path.display(),
                    c.name
                );
            }
            count += 1;
        }
    }
    assert!(count >= 3);
    for entry in std::fs::read_dir(root.join("charts")).expect("decks/charts/") {
        let path = entry.expect("entry").path();
        export::deck::read_chart_spec(&path).unwrap_or_else(|e| panic!("{e}"));
    }
}

//! Writing outputs safely and fast: extreme values and huge text in exports, unknown ids,
//! race-free no-overwrite, the user's input files never overwritten, temporary files, deck
//! names and locations, terminal escaping, and the exit-code table of every command.

use servicescope::chart::{self, ChartKind, ChartSpec, Figure, Locale};
use servicescope::export::{self, Background, ExportOptions, Format, Size};
use servicescope::io::atomic::{self, WriteError};
use servicescope::model::{IndicatorId, RegionId};
use std::path::Path;
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_servicescope"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf8 path")
}

fn opts(w: u32, h: u32) -> ExportOptions {
    ExportOptions {
        size: Size::px(w, h).expect("valid size"),
        background: Background::White,
        value_labels: true,
    }
}

fn spec(kind: ChartKind, inds: &[&str]) -> ChartSpec {
    ChartSpec {
        kind,
        indicators: inds.iter().map(|&i| IndicatorId::new(i)).collect(),
        value_labels: true,
        ..Default::default()
    }
}

fn figure(spec: &ChartSpec) -> Figure {
    let ds = servicescope::io::benchmark::load().expect("benchmark loads");
    chart::build(&ds, spec, Locale::EnGb)
}

/// Runs `f` on a thread and waits at most `limit` for it: a hang fails the test instead of
/// blocking the suite.
fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("{what} did not finish within {limit:?}"))
}

/// Every number in the SVG's geometry attributes is finite and modest.
fn assert_geometry_finite(svg: &str) {
    let doc = roxmltree::Document::parse(svg).expect("SVG parses as XML");
    for node in doc.descendants().filter(|n| n.is_element()) {
        for a in node.attributes() {
            if [
                "x", "y", "x1", "y1", "x2", "y2", "width", "height", "cx", "cy", "r",
            ]
            .contains(&a.name())
                && !a.value().ends_with('%')
            {
                let v: f64 = a
                    .value()
                    .parse()
                    .unwrap_or_else(|_| panic!("{}={} is not a number", a.name(), a.value()));
                assert!(
                    v.is_finite() && v.abs() <= 1e6,
                    "{}={}",
                    a.name(),
                    a.value()
                );
            }
        }
    }
}

// ---- item 2: extreme values ----

#[test]
fn extreme_values_export_quickly_with_finite_geometry() {
    let kinds: [(ChartKind, &[&str]); 7] = [
        (ChartKind::BarsByChannel, &["fcr_pct"]),
        (ChartKind::BarsByIndicator, &["fcr_pct", "abandon_pct"]),
        (ChartKind::Lines, &["fcr_pct"]),
        (ChartKind::Scatter, &["aht_s", "fcr_pct"]),
        (ChartKind::Radar, &["fcr_pct", "aht_s", "asa_s"]),
        (ChartKind::Ranking, &["nps"]),
        (ChartKind::HeatTable, &["channel_pref_pct"]),
    ];
    for (kind, inds) in kinds {
        let mut fig = figure(&spec(kind, inds));
        assert!(!fig.is_empty(), "{kind:?} has data");
        // valid but extreme: ±1e308 and the largest finite values, labelled
        let mut k = 0usize;
        for series in &mut fig.series {
            for p in &mut series.points {
                let v = [1e308, -1e308, f64::MAX, f64::MIN][k % 4];
                k += 1;
                if kind != ChartKind::HeatTable {
                    p.y = v; // heat tables place points by row and column
                }
                p.value = v;
                if kind == ChartKind::Scatter {
                    p.x = -v;
                }
                p.label = format!("{v:e}");
                p.grade = servicescope::model::Grade::Illustrative;
            }
        }
        let start = Instant::now();
        let f = fig.clone();
        let svg = within(
            Duration::from_secs(20),
            &format!("{kind:?} SVG"),
            move || export::render_svg(&f, &opts(1600, 900)),
        );
        assert!(svg.len() < 2_000_000, "{kind:?}: {} bytes", svg.len());
        assert_geometry_finite(&svg);
        let f = fig.clone();
        let png = within(
            Duration::from_secs(20),
            &format!("{kind:?} PNG"),
            move || export::render(&f, &opts(800, 450), Format::Png),
        );
        assert!(png.is_ok(), "{kind:?}: {:?}", png.err());
        assert!(start.elapsed() < Duration::from_secs(20), "{kind:?}");
    }
}

// ---- item 3: long text ----

#[test]
fn huge_title_and_names_export_in_bounded_time_with_ellipsis() {
    let mut fig = figure(&spec(ChartKind::BarsByChannel, &["fcr_pct"]));
    fig.title = "T".repeat(200_000);
    fig.subtitle = "word ".repeat(40_000);
    for (i, series) in fig.series.iter_mut().enumerate() {
        series.label = format!("{i}{}", "n".repeat(60_000));
    }
    for cat in &mut fig.x.categories {
        *cat = "c".repeat(60_000);
    }
    fig.warnings = (0..10).map(|_| "w".repeat(60_000)).collect();
    let f = fig.clone();
    let start = Instant::now();
    let svg = within(Duration::from_secs(20), "long text SVG", move || {
        export::render_svg(&f, &opts(1280, 720))
    });
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    let title = texts.iter().find(|t| t.starts_with("TTT")).expect("title");
    assert!(title.ends_with('…'), "{title}");
    assert!(title.chars().count() < 200, "{}", title.chars().count());
    // the <title> element holds at most the documented cap
    let head = doc
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .expect("title element");
    assert_eq!(
        head.chars().count(),
        servicescope::model::text::MAX_SHOWN_CHARS
    );
    assert!(svg.len() < 1_000_000, "{} bytes", svg.len());
}

// ---- item 4: unknown ids ----

#[test]
fn many_unknown_ids_resolve_fast_with_one_short_warning() {
    let mut sp = spec(ChartKind::BarsByChannel, &["fcr_pct"]);
    sp.regions = (0..1_000_000)
        .map(|i| RegionId::new(format!("nowhere-{i}")))
        .collect();
    sp.regions.push(RegionId::new("uk"));
    sp.regions.push(RegionId::new("uk"));
    let ds = servicescope::io::benchmark::load().expect("benchmark");
    let start = Instant::now();
    let fig = within(Duration::from_secs(30), "figure", move || {
        chart::build(&ds, &sp, Locale::EnGb)
    });
    assert_eq!(fig.series.len(), 1, "uk once");
    let unknown: Vec<&String> = fig
        .warnings
        .iter()
        .filter(|w| w.contains("Unknown regions ignored"))
        .collect();
    assert_eq!(unknown.len(), 1, "{:?}", fig.warnings);
    assert!(
        unknown[0].starts_with(
            "Unknown regions ignored: `nowhere-0`, `nowhere-1`, `nowhere-2`, `nowhere-3`, `nowhere-4` and 999995 more"
        ),
        "{}",
        unknown[0]
    );
    let svg = export::render_svg(&fig, &opts(1280, 720));
    roxmltree::Document::parse(&svg).expect("valid SVG");
    let png = export::render(&fig, &opts(640, 360), Format::Png);
    assert!(png.is_ok(), "{:?}", png.err());
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
    // one unknown id keeps the short form
    let mut one = spec(ChartKind::BarsByChannel, &["fcr_pct"]);
    one.regions = vec![RegionId::new("mars"), RegionId::new("mars")];
    let fig = figure(&one);
    assert!(
        fig.warnings
            .contains(&"Unknown region ignored: `mars`".to_owned()),
        "{:?}",
        fig.warnings
    );
}

// ---- item 6: race-free no-overwrite ----

#[test]
fn racing_writers_exactly_one_wins() {
    for trial in 0..20 {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("out.txt");
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
        let handles: Vec<_> = (0..8u8)
            .map(|i| {
                let (t, b) = (target.clone(), barrier.clone());
                std::thread::spawn(move || {
                    b.wait();
                    atomic::write_atomic(&t, &[b'a' + i; 64], false).map(|()| i)
                })
            })
            .collect();
        let results: Vec<Result<u8, WriteError>> = handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect();
        let winners: Vec<u8> = results
            .iter()
            .filter_map(|r| r.as_ref().ok().copied())
            .collect();
        assert_eq!(winners.len(), 1, "trial {trial}: {results:?}");
        assert!(
            results
                .iter()
                .filter(|r| r.is_err())
                .all(|r| matches!(r, Err(WriteError::Exists { .. }))),
            "{results:?}"
        );
        assert_eq!(
            std::fs::read(&target).expect("written"),
            vec![b'a' + winners[0]; 64]
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).expect("dir").count(),
            1,
            "no temp left"
        );
    }
}

#[test]
fn racing_cli_exports_exactly_one_succeeds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let spec_path = dir.path().join("c.ron");
    std::fs::write(
        &spec_path,
        r#"ChartSpec(kind: Ranking, indicators: ["nps"])"#,
    )
    .expect("spec");
    let out = dir.path().join("race.svg");
    let children: Vec<_> = (0..6)
        .map(|_| {
            bin()
                .args(["export", "--chart", s(&spec_path), "--out", s(&out)])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    let outcomes: Vec<(i32, String)> = children
        .into_iter()
        .map(|c| {
            let o = c.wait_with_output().expect("wait");
            (
                o.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&o.stderr).into_owned(),
            )
        })
        .collect();
    assert_eq!(
        outcomes.iter().filter(|(c, _)| *c == 0).count(),
        1,
        "{outcomes:?}"
    );
    for (code, err) in outcomes.iter().filter(|(c, _)| *c != 0) {
        assert_eq!(*code, 3, "{err}");
        assert!(err.contains("already exists"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn dangling_symlink_counts_as_existing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(dir.path().join("missing"), &link).expect("symlink");
    let err = atomic::write_atomic(&link, b"x", false).expect_err("refused");
    assert!(matches!(err, WriteError::Exists { .. }), "{err}");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(!dir.path().join("missing").exists());
}

// ---- item 7: mode, long names, temp files ----

#[cfg(unix)]
#[test]
fn force_keeps_the_file_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("private.ron");
    std::fs::write(&p, b"old").expect("write");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    atomic::write_atomic(&p, b"new", true).expect("replaced");
    assert_eq!(std::fs::read(&p).expect("read"), b"new");
    let mode = std::fs::metadata(&p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn output_names_up_to_255_bytes_can_be_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    for len in [236usize, 250, 255] {
        let name = format!("{}.txt", "n".repeat(len - 4));
        assert_eq!(name.len(), len);
        let p = dir.path().join(&name);
        atomic::write_atomic(&p, b"x", false).unwrap_or_else(|e| panic!("{len}: {e}"));
        atomic::write_atomic(&p, b"y", true).unwrap_or_else(|e| panic!("{len}: {e}"));
        assert_eq!(std::fs::read(&p).expect("read"), b"y");
    }
}

#[test]
fn stale_temp_files_of_ours_are_removed_and_others_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    // a process id above Linux's maximum (2^22) cannot be running
    let stale = dir.path().join(atomic::temp_name(4_194_304 + 7, 0));
    let ours_alive = dir
        .path()
        .join(atomic::temp_name(std::process::id(), 999_999));
    let other = dir.path().join(".report.csv.123.0.tmp");
    for p in [&stale, &ours_alive, &other] {
        std::fs::write(p, b"partial").expect("write");
    }
    atomic::write_atomic(&dir.path().join("a.txt"), b"a", false).expect("write");
    if cfg!(target_os = "linux") {
        assert!(!stale.exists(), "stale temp of a dead process removed");
    }
    assert!(ours_alive.exists(), "a live process's temp file is kept");
    assert!(other.exists(), "files not of our pattern are never touched");
    assert!(
        atomic::temp_name(u32::MAX, u32::MAX).starts_with(".servicescope-")
            && atomic::temp_name(1, 2).ends_with(".tmp")
    );
}

// ---- item 5: outputs that are inputs ----

const DATA_CSV: &str = "region,indicator,period,value\nfrance,nps,2020,12.5\n";

#[test]
fn an_input_is_never_overwritten_even_with_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("x.csv");
    std::fs::write(&csv, DATA_CSV).expect("csv");
    let spec_path = dir.path().join("c.ron");
    let spec_text = r#"ChartSpec(kind: Ranking, indicators: ["nps"])"#;
    std::fs::write(&spec_path, spec_text).expect("spec");
    let map = dir.path().join("m.ron");
    // the same file through `..`, a symbolic link and a hard link
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    let via_dots = sub.join("..").join("x.csv");
    let hard = dir.path().join("hard.csv");
    std::fs::hard_link(&csv, &hard).expect("hard link");

    let (code, _, _) = run(&["import", s(&csv), "--out", s(&map)]);
    assert_eq!(code, 0);
    let map_text = std::fs::read(&map).expect("written");
    let mut cases: Vec<Vec<String>> = vec![
        vec![
            "import".into(),
            s(&csv).into(),
            "--out".into(),
            s(&csv).into(),
            "--force".into(),
        ],
        vec![
            "import".into(),
            s(&csv).into(),
            "--out".into(),
            s(&via_dots).into(),
            "--force".into(),
        ],
        vec![
            "import".into(),
            s(&hard).into(),
            "--out".into(),
            s(&csv).into(),
            "--force".into(),
        ],
        vec![
            "import".into(),
            s(&csv).into(),
            "--mapping".into(),
            s(&map).into(),
            "--out".into(),
            s(&map).into(),
            "--force".into(),
        ],
        vec![
            "export".into(),
            "--data".into(),
            s(&csv).into(),
            "--chart".into(),
            s(&spec_path).into(),
            "--out".into(),
            s(&csv).into(),
            "--format".into(),
            "svg".into(),
            "--force".into(),
        ],
        vec![
            "export".into(),
            "--chart".into(),
            s(&spec_path).into(),
            "--out".into(),
            s(&spec_path).into(),
            "--format".into(),
            "svg".into(),
            "--force".into(),
        ],
    ];
    #[cfg(unix)]
    {
        let link = dir.path().join("link.svg");
        std::os::unix::fs::symlink(&spec_path, &link).expect("symlink");
        cases.push(vec![
            "export".into(),
            "--chart".into(),
            s(&spec_path).into(),
            "--out".into(),
            s(&link).into(),
            "--force".into(),
        ]);
    }
    for args in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = run(&args);
        assert_eq!(code, 3, "{args:?}: {out}{err}");
        assert!(err.contains("even with --force"), "{args:?}: {err}");
    }
    // a deck whose chart would be written over the deck file itself
    let deck2 = dir.path().join("d2.svg");
    std::fs::write(
        &deck2,
        r#"Deck(format: Svg, charts: [(name: "d2", spec: ChartSpec(kind: Ranking, indicators: ["nps"]))])"#,
    )
    .expect("deck2");
    let (code, _, err) = run(&[
        "export",
        "--deck",
        s(&deck2),
        "--out-dir",
        s(dir.path()),
        "--force",
    ]);
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("d2.svg") && err.contains("even with --force"),
        "{err}"
    );
    // every input is intact
    assert_eq!(std::fs::read_to_string(&csv).expect("csv"), DATA_CSV);
    assert_eq!(
        std::fs::read_to_string(&spec_path).expect("spec"),
        spec_text
    );
    assert_eq!(std::fs::read(&map).expect("map"), map_text);
    assert!(
        std::fs::read_to_string(&deck2)
            .expect("deck")
            .starts_with("Deck(")
    );
}

// ---- item 8: check everything first, write last ----

#[test]
fn write_mapping_writes_nothing_when_out_exists() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("x.csv");
    std::fs::write(&csv, DATA_CSV).expect("csv");
    let out = dir.path().join("x.ron");
    std::fs::write(&out, "previous").expect("out");
    let (code, stdout, err) = run(&["import", s(&csv), "--out", s(&out), "--write-mapping"]);
    assert_eq!(code, 3, "{stdout}{err}");
    assert!(err.contains("already exists"), "{err}");
    assert!(
        !dir.path().join("x.csv.mapping.ron").exists(),
        "no mapping written"
    );
    assert_eq!(std::fs::read_to_string(&out).expect("out"), "previous");
    // an existing mapping is refused too, before the output is written
    std::fs::remove_file(&out).expect("rm");
    std::fs::write(dir.path().join("x.csv.mapping.ron"), "keep").expect("map");
    let (code, _, err) = run(&["import", s(&csv), "--out", s(&out), "--write-mapping"]);
    assert_eq!(code, 3, "{err}");
    assert!(!out.exists(), "nothing written");
    // with both free, both are written
    std::fs::remove_file(dir.path().join("x.csv.mapping.ron")).expect("rm");
    let (code, stdout, err) = run(&["import", s(&csv), "--out", s(&out), "--write-mapping"]);
    assert_eq!(code, 0, "{stdout}{err}");
    assert!(out.exists() && dir.path().join("x.csv.mapping.ron").exists());
}

// ---- item 9: exit codes ----

#[test]
fn exit_codes_follow_the_table_in_every_command_family() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good.csv");
    std::fs::write(&good, DATA_CSV).expect("csv");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Dataset(observations: [(region: ").expect("bad");
    let missing = dir.path().join("missing.ron");
    let spec_path = dir.path().join("c.ron");
    std::fs::write(
        &spec_path,
        r#"ChartSpec(kind: Ranking, indicators: ["nps"])"#,
    )
    .expect("spec");
    let nothing = dir.path().join("nothing.ron");
    std::fs::write(
        &nothing,
        r#"ChartSpec(kind: Ranking, indicators: ["nps"], regions: ["mars", "uk"], years: (1900, 1901))"#,
    )
    .expect("spec");
    let taken = dir.path().join("taken.svg");
    std::fs::write(&taken, "x").expect("taken");
    let ron_out = dir.path().join("o.ron");
    let svg_out = dir.path().join("o.svg");
    let (g, b, m) = (s(&good), s(&bad), s(&missing));
    let j = |name: &str| s(&dir.path().join(name)).to_owned();
    let v = |xs: &[&str]| xs.iter().map(|x| (*x).to_owned()).collect::<Vec<String>>();
    let table: Vec<(Vec<String>, i32)> = vec![
        // validate
        (v(&["validate", g]), 0),
        (v(&["validate", b]), 1),
        (v(&["validate"]), 2),
        (v(&["validate", m]), 4),
        // summary
        (v(&["summary", "--data", g]), 0),
        (v(&["summary", "--data", b]), 1),
        (v(&["summary", "--format", "xml"]), 2),
        (v(&["summary", "--data", m]), 4),
        // list
        (v(&["list", "regions", "--data", g]), 0),
        (v(&["list", "regions", "--data", b]), 1),
        (v(&["list", "planets"]), 2),
        (v(&["list", "regions", "--data", m]), 4),
        // import
        (v(&["import", g, "--out", s(&ron_out)]), 0),
        (v(&["import", b, "--out", &j("b.ron")]), 1),
        (v(&["import", g]), 2),
        (v(&["import", g, "--out", s(&ron_out)]), 3),
        (v(&["import", &j("missing.csv"), "--out", &j("m2.ron")]), 4),
        // export
        (
            v(&["export", "--chart", s(&spec_path), "--out", s(&svg_out)]),
            0,
        ),
        (v(&["export", "--chart", b, "--out", &j("b.svg")]), 1),
        (
            v(&["export", "--chart", s(&nothing), "--out", &j("n.svg")]),
            1,
        ),
        (
            v(&[
                "export",
                "--chart",
                s(&spec_path),
                "--out",
                &j("z.svg"),
                "--size",
                "huge",
            ]),
            2,
        ),
        (
            v(&["export", "--chart", s(&spec_path), "--out", s(&taken)]),
            3,
        ),
        (v(&["export", "--chart", m, "--out", &j("m.svg")]), 4),
        (
            v(&[
                "export",
                "--chart",
                s(&spec_path),
                "--out",
                &j("no-dir/x.svg"),
            ]),
            4,
        ),
        // gen-sample
        (v(&["gen-sample", "--rows", "10", "--out", &j("g.csv")]), 0),
        (v(&["gen-sample", "--rows", "-1", "--out", &j("g2.csv")]), 2),
        (v(&["gen-sample", "--rows", "10", "--out", &j("g.csv")]), 3),
        (
            v(&["gen-sample", "--rows", "10", "--out", &j("no-dir/g.csv")]),
            4,
        ),
    ];
    let mut wrong = Vec::new();
    for (args, expected) in &table {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = run(&args);
        if code != *expected {
            wrong.push(format!(
                "{args:?}: {code} (expected {expected}): {out}{err}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // the chart that matches nothing says so and writes nothing
    let (_, _, err) = run(&[
        "export",
        "--chart",
        s(&nothing),
        "--out",
        s(&dir.path().join("n.svg")),
    ]);
    assert!(err.contains("no value matches"), "{err}");
    assert!(err.contains("Unknown region ignored: `mars`"), "{err}");
    assert!(!dir.path().join("n.svg").exists());
}

#[test]
fn readme_exit_code_table_matches_the_code() {
    let readme = include_str!("../../README.md");
    use servicescope::cli::Exit;
    for (exit, words) in [
        (Exit::Success, "success"),
        (Exit::Invalid, "invalid input"),
        (Exit::Usage, "usage"),
        (Exit::Refused, "refused"),
        (Exit::Io, "cannot be read or written"),
    ] {
        let row = format!("| {} | ", exit.code());
        let line = readme
            .lines()
            .find(|l| l.starts_with(&row))
            .unwrap_or_else(|| panic!("README has no row for exit code {}", exit.code()));
        assert!(line.contains(words), "{line}");
    }
}

// ---- item 10: deck errors name the file and line ----

#[test]
fn deck_size_and_dpi_errors_name_file_line_and_column() {
    let deck = "Deck(\n    dpi: 5000,\n    charts: [\n        (name: \"a\", spec: ChartSpec(kind: Ranking, indicators: [\"nps\"])),\n    ],\n)";
    let (dir, path) = crate::temp_file("deck.ron", deck);
    let o = dir.path().join("o");
    let (code, _, err) = run(&["export", "--deck", s(&path), "--out-dir", s(&o)]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("deck.ron:2:5: chart `a`: a resolution of 5000 DPI"),
        "{err}"
    );

    let deck = "Deck(\n    charts: [\n        (name: \"ok\", spec: ChartSpec(kind: Ranking, indicators: [\"nps\"])),\n        (\n            name: \"big\",\n            spec: ChartSpec(kind: Ranking, indicators: [\"nps\"]),\n            size: \"99999x10\",\n        ),\n    ],\n)";
    std::fs::write(&path, deck).expect("write");
    let (code, _, err) = run(&["export", "--deck", s(&path), "--out-dir", s(&o)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("deck.ron:7:13: chart `big`:"), "{err}");
    assert!(!o.exists(), "nothing written");
    // the command line's own size is a usage error without a file position
    let (code, _, err) = run(&[
        "export",
        "--deck",
        s(&path),
        "--out-dir",
        s(&o),
        "--dpi",
        "1",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--dpi"), "{err}");
}

// ---- item 12: deck names ----

#[test]
fn deck_names_fold_unicode_case_and_refuse_windows_devices() {
    let deck = |names: &[&str]| {
        let charts: Vec<String> = names
            .iter()
            .map(|n| {
                format!(r#"(name: "{n}", spec: ChartSpec(kind: Ranking, indicators: ["nps"]))"#)
            })
            .collect();
        export::deck::parse_deck(
            &format!("Deck(charts: [{}])", charts.join(",\n")),
            Path::new("d.ron"),
        )
        .expect("parses")
    };
    for (names, expected) in [
        (vec!["Été", "été"], "used twice"),
        (vec!["straße", "STRASSE"], "used twice"),
        (vec!["ΟΔΟΣ", "οδος"], "used twice"),
        (vec!["ok", "con"], "device name"),
        (vec!["NUL.chart"], "device name"),
        (vec!["com1"], "device name"),
        (vec!["Lpt9.v2"], "device name"),
    ] {
        let err = deck(&names).check_names().expect_err("refused");
        assert!(err.to_string().contains(expected), "{names:?}: {err}");
        assert_eq!(err.index, Some(names.len() - 1), "{names:?}");
    }
    for ok in [
        vec!["été", "ete"],
        vec!["console", "nul-results", "com10", "lpt"],
    ] {
        deck(&ok)
            .check_names()
            .unwrap_or_else(|e| panic!("{ok:?}: {e}"));
    }
    // the command line names the entry's line
    let text = "Deck(charts: [\n (name: \"Été\", spec: ChartSpec(kind: Ranking, indicators: [\"nps\"])),\n (name: \"été\", spec: ChartSpec(kind: Ranking, indicators: [\"nps\"])),\n])";
    let (dir, path) = crate::temp_file("names.ron", text);
    let (code, _, err) = run(&[
        "export",
        "--deck",
        s(&path),
        "--out-dir",
        s(&dir.path().join("o")),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("names.ron:3:3: chart name `été` is used twice"),
        "{err}"
    );
}

// ---- item 11: terminal escapes ----

#[test]
fn list_escapes_control_characters_from_names() {
    let data = "Dataset(regions: [Region(id: \"evil\", name: (en: \"A\\u{1b}]0;owned\\u{7}\\u{1b}[2JB\", fr: \"x\\u{9b}31my\"), kind: Country)])";
    let (_d, path) = crate::temp_file("evil.ron", data);
    let (code, out, err) = run(&["list", "regions", "--data", s(&path)]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{9b}'));
    assert!(out.contains(r"A\u{1b}]0;owned\u{7}\u{1b}[2JB"), "{out}");
    assert!(out.contains(r"x\u{9b}31my"), "{out}");
    // validate's messages too
    let bad = "Dataset(observations: [(region: \"\\u{1b}[31mred\", indicator: \"nps\", period: \"2020\", value: 1, source: \"bain-banks-2013\", grade: Measured)])";
    let (_d2, p2) = crate::temp_file("bad.ron", bad);
    let (code, out, _) = run(&["validate", s(&p2)]);
    assert_eq!(code, 1);
    assert!(
        !out.contains('\u{1b}') && out.contains(r"\u{1b}[31mred"),
        "{out}"
    );
}

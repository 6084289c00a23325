//! Writing the user's files safely: race-free no-overwrite, dangling links, file modes, long
//! names, temporary files, outputs that are inputs, check-first-write-last in `import`, and
//! the exit-code table followed by every command.

use crate::fixtures::cli::{bin, run, s};
use servicescope::io::atomic::{self, WriteError};

// ---- item 6: race-free no-overwrite ----

#[test]
fn threads_racing_chart_exports_to_one_path_exactly_one_succeeds() {
    use servicescope::chart::{self, ChartKind, ChartSpec, Locale};
    use servicescope::export::{self, ExportError, ExportOptions, Format, Size};
    let ds = servicescope::io::benchmark::load().expect("benchmark");
    let spec = ChartSpec {
        kind: ChartKind::Ranking,
        indicators: vec![servicescope::model::IndicatorId::new("nps")],
        ..Default::default()
    };
    let fig = std::sync::Arc::new(chart::build(&ds, &spec, Locale::EnGb));
    let opts = ExportOptions::for_spec(&spec, Size::px(640, 360).expect("size"));
    for trial in 0..10 {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("chart.svg");
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(6));
        let handles: Vec<_> = (0..6)
            .map(|_| {
                let (t, b, f) = (target.clone(), barrier.clone(), fig.clone());
                std::thread::spawn(move || {
                    b.wait();
                    export::export_to_file(&f, &opts, Format::Svg, &t, false)
                })
            })
            .collect();
        let results: Vec<Result<(), ExportError>> = handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect();
        assert_eq!(
            results.iter().filter(|r| r.is_ok()).count(),
            1,
            "trial {trial}: {results:?}"
        );
        for r in results.iter().filter_map(|r| r.as_ref().err()) {
            assert!(
                matches!(r, ExportError::Write(WriteError::Exists { .. })),
                "{r}"
            );
            assert!(r.to_string().contains("already exists"), "{r}");
        }
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    }
}

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
    assert!(
        err.contains("Not found in the data: region “mars”"),
        "{err}"
    );
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

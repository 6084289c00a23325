//! Hostile and huge inputs, run through the real binary under a memory limit (`prlimit
//! --as`) and a wall-clock limit: each file of `tests/corpus/workbook` (made by its
//! `make.py`) and each generated one must end in time, within memory, with the expected
//! outcome (exit code 0, or an orderly failure whose message holds the expected words).
//! Big inputs are generated here, in a temporary directory, never committed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Address space allowed to the binary (the debug build maps about 100 MB at start).
const MEMORY_LIMIT_BYTES: u64 = 1024 * 1024 * 1024;

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

/// What one run gave.
struct Run {
    code: Option<i32>,
    output: String,
    elapsed: Duration,
}

/// Runs the binary with `args` under [`MEMORY_LIMIT_BYTES`], killing it after `limit`.
/// Panics (naming the arguments) when it had to be killed.
fn run_bounded(args: &[&str], limit: Duration) -> Run {
    // SERVICESCOPE_HOSTILE_BIN runs the same cases against another build (e.g. an older
    // one, to see them fail)
    let bin = std::env::var("SERVICESCOPE_HOSTILE_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_servicescope").to_owned());
    let mut cmd = Command::new("prlimit");
    cmd.arg(format!("--as={MEMORY_LIMIT_BYTES}"))
        .arg("--")
        .arg(bin)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().expect("prlimit (util-linux) runs");
    // read both pipes on threads so a chatty child cannot block on a full pipe
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let t_out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out, &mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err, &mut s);
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} still running after {limit:?}: killed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    let mut output = String::from_utf8_lossy(&t_out.join().expect("stdout thread")).into_owned();
    output.push_str(&String::from_utf8_lossy(
        &t_err.join().expect("stderr thread"),
    ));
    Run {
        code: status.code(),
        output,
        elapsed,
    }
}

/// Expected outcome of validating one file.
enum Expect {
    /// Exit code 0.
    Ok,
    /// An orderly failure (exit code 1 or 2, no signal, no panic) whose output holds every
    /// fragment.
    Fails(&'static [&'static str]),
}

fn check(path: &Path, expect: Expect, limit: Duration) -> Run {
    let p = path.to_str().expect("utf-8 path");
    let run = run_bounded(&["validate", p], limit);
    match expect {
        Expect::Ok => assert_eq!(run.code, Some(0), "{p}: {}", run.output),
        Expect::Fails(words) => {
            assert!(
                matches!(run.code, Some(1 | 2)),
                "{p}: exit {:?} (expected an orderly failure): {}",
                run.code,
                run.output
            );
            for w in words {
                assert!(
                    run.output.contains(w),
                    "{p}: `{w}` missing from: {}",
                    run.output
                );
            }
            assert!(!run.output.contains("panicked"), "{p}: {}", run.output);
        }
    }
    run
}

const WORKBOOKS: &[(&str, Option<&[&str]>)] = &[
    ("workbook/xlsx-valid.xlsx", None),
    ("workbook/ods-valid.ods", None),
    // one value at the last cell of the sheet: read sparsely, the row is an ordinary error
    (
        "workbook/xlsx-stray-xfd1048576.xlsx",
        Some(&["sheet \"Data\", cell A1048576", "expected a region name"]),
    ),
    (
        "workbook/ods-unclosed-table.ods",
        Some(&[
            "cannot read the workbook: the file is damaged",
            "ends before the element <table:table> in table \"Data\" is closed",
        ]),
    ),
    (
        "workbook/ods-repeat-bomb.ods",
        Some(&["table \"Data\" expands to", "limit 10000000 cells"]),
    ),
    (
        "workbook/ods-repeat-90m.ods",
        Some(&["9002 rows × 10000 columns = 90020000 cells"]),
    ),
    (
        "workbook/ods-text-in-row.ods",
        Some(&["65536 bytes of text directly inside a table row"]),
    ),
    (
        "workbook/xlsx-ratio-bomb.xlsx",
        Some(&["xl/worksheets/sheet1.xml", "decompression bomb"]),
    ),
    (
        "workbook/xlsx-bad-float.xlsx",
        Some(&[
            "cannot read the workbook: the file is damaged",
            "sheet \"Data\" cannot be read after cell C3",
            "Parse float error",
        ]),
    ),
    (
        "workbook/xlsx-bad-shared-string.xlsx",
        Some(&[
            "cannot read the workbook: the file is damaged",
            "sheet \"Data\" cannot be read after cell C3",
            "shared strings",
        ]),
    ),
    (
        "workbook/xlsx-truncated-xml.xlsx",
        Some(&[
            "cannot read the workbook: the file is damaged",
            "sheet \"Data\"",
        ]),
    ),
    (
        "workbook/xlsx-huge-header.xlsx",
        Some(&[
            "sheet \"Data\", cell B1",
            "limited to 65536 bytes, headers included",
        ]),
    ),
];

#[test]
fn hostile_workbooks_end_in_time_with_their_expected_outcome() {
    for &(file, expect) in WORKBOOKS {
        let path = corpus(file);
        let expect = match expect {
            None => Expect::Ok,
            Some(words) => Expect::Fails(words),
        };
        check(&path, expect, Duration::from_secs(20));
    }
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_without_reading() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["zero.ron", "zero.csv", "zero.xlsx"] {
        let p = dir.path().join(name);
        std::os::unix::fs::symlink("/dev/zero", &p).expect("symlink");
        check(
            &p,
            Expect::Fails(&["a device, not a regular file"]),
            Duration::from_secs(10),
        );
    }
    for name in ["pipe.ron", "pipe.csv", "pipe.ods"] {
        let p = dir.path().join(name);
        let made = Command::new("mkfifo").arg(&p).status().expect("mkfifo");
        assert!(made.success());
        check(
            &p,
            Expect::Fails(&["a named pipe (FIFO), not a regular file"]),
            Duration::from_secs(10),
        );
    }
    // the mapping beside a table, a chart description and a deck are bounded the same way
    let csv = dir.path().join("t.csv");
    std::fs::write(&csv, "Region,Indicator,Year,Value\nuk,nps,2016,1\n").expect("write");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("t.csv.mapping.ron")).expect("ln");
    check(
        &csv,
        Expect::Fails(&["a device, not a regular file"]),
        Duration::from_secs(10),
    );
    let spec = dir.path().join("chart.ron");
    std::os::unix::fs::symlink("/dev/zero", &spec).expect("symlink");
    let out = dir.path().join("chart.svg");
    let run = run_bounded(
        &[
            "export",
            "--chart",
            spec.to_str().expect("utf-8"),
            "--out",
            out.to_str().expect("utf-8"),
        ],
        Duration::from_secs(10),
    );
    assert!(matches!(run.code, Some(1 | 2)), "{}", run.output);
    assert!(
        run.output.contains("a device, not a regular file"),
        "{}",
        run.output
    );
}

/// UTF-16 text is converted whole in memory, so it is limited like a workbook (8-bit text is
/// streamed and has no size limit).
#[test]
fn utf16_text_over_the_limit_is_refused_before_reading() {
    use servicescope::io::import::{self, ImportError, ImportOptions};
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("big16.csv");
    let mut f = std::fs::File::create(&p).expect("create");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Region\tYear\tValue\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    f.write_all(&bytes).expect("write");
    let limit = servicescope::io::MAX_FILE_BYTES;
    f.set_len(limit + 2).expect("sparse file");
    drop(f);
    let base = servicescope::io::benchmark::catalog().expect("catalogue");
    let start = Instant::now();
    let err =
        import::import_path(&base, &p, ImportOptions::default(), None).expect_err("too large");
    assert!(
        matches!(err, ImportError::TooLarge { size_bytes, limit_bytes } if size_bytes == limit + 2 && limit_bytes == limit),
        "{err}"
    );
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

/// Writes `name` in `dir` from chunks.
fn write_file(dir: &Path, name: &str, fill: impl FnOnce(&mut dyn Write)) -> PathBuf {
    let p = dir.join(name);
    let mut f = std::io::BufWriter::new(std::fs::File::create(&p).expect("create"));
    fill(&mut f);
    f.flush().expect("flush");
    p
}

#[test]
fn many_names_resolve_in_linear_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    // OWID layout, 8,000 entities (each a new region), two years each: 21 s before
    let owid = write_file(dir.path(), "owid.csv", |f| {
        writeln!(f, "Entity,Code,Year,Share of adults (%)").expect("w");
        for i in 0..8_000 {
            for y in [2015, 2016] {
                writeln!(f, "Entity number {i},E{i:05},{y},{}", i % 100).expect("w");
            }
        }
    });
    let run = check(&owid, Expect::Ok, Duration::from_secs(30));
    assert!(run.elapsed < Duration::from_secs(10), "{:?}", run.elapsed);

    // 80,000 unknown region names: one error listing the first 20 and the count
    let unknown = write_file(dir.path(), "unknown.csv", |f| {
        writeln!(f, "Region,Indicator,Year,Value").expect("w");
        for i in 0..80_000 {
            writeln!(f, "Nowhere land {i},nps,2016,1").expect("w");
        }
    });
    let run = check(
        &unknown,
        Expect::Fails(&["80000 unknown region name(s)", "… and 79980 more"]),
        Duration::from_secs(30),
    );
    assert!(run.elapsed < Duration::from_secs(10), "{:?}", run.elapsed);
    assert!(run.output.len() < 20_000, "{} bytes", run.output.len());

    // 8,000 indicator columns of a wide table, created as new indicators
    let wide = write_file(dir.path(), "wide.csv", |f| {
        write!(f, "Region,Year").expect("w");
        for i in 0..8_000 {
            write!(f, ",Indicator number {i}").expect("w");
        }
        writeln!(f).expect("w");
        for r in ["uk", "france"] {
            write!(f, "{r},2016").expect("w");
            for i in 0..8_000 {
                write!(f, ",{}", i % 50).expect("w");
            }
            writeln!(f).expect("w");
        }
    });
    std::fs::write(
        dir.path().join("wide.csv.mapping.ron"),
        "(layout: WideIndicators, columns: (region: \"Region\", period: \"Year\"), unknown_indicators: Create)",
    )
    .expect("mapping");
    let run = check(&wide, Expect::Ok, Duration::from_secs(30));
    assert!(run.elapsed < Duration::from_secs(10), "{:?}", run.elapsed);
}

#[test]
fn huge_headers_are_limited_and_header_lists_capped() {
    let dir = tempfile::tempdir().expect("tempdir");
    // a header of 5 million characters
    let big = write_file(dir.path(), "big-header.csv", |f| {
        writeln!(f, "Region,{},Year,Value", "h".repeat(5_000_000)).expect("w");
        writeln!(f, "uk,nps,2016,1").expect("w");
    });
    let run = check(
        &big,
        Expect::Fails(&[
            "row 1, column 2 (B)",
            "cells are limited to 65536 bytes, headers included",
        ]),
        Duration::from_secs(20),
    );
    assert!(run.output.len() < 10_000, "{} bytes", run.output.len());

    // a million columns and no region column: the message lists 20 headers, then a count
    let wide = write_file(dir.path(), "million.csv", |f| {
        let mut line = String::with_capacity(8_000_000);
        for i in 0..1_000_000 {
            if i > 0 {
                line.push(',');
            }
            line.push_str(&format!("c{i}"));
        }
        writeln!(f, "{line}").expect("w");
        writeln!(f, "{}", "1,".repeat(999_999) + "1").expect("w");
    });
    std::fs::write(
        dir.path().join("million.csv.mapping.ron"),
        "(layout: Long, columns: (value: \"c1\"))",
    )
    .expect("mapping");
    let run = check(
        &wide,
        Expect::Fails(&["no column for the region", "c19, … and 999980 more"]),
        Duration::from_secs(30),
    );
    assert!(run.output.len() < 10_000, "{} bytes", run.output.len());
}

#[test]
fn ron_with_a_byte_order_mark_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("bom.ron");
    let text = "\u{feff}Dataset(observations: [(region: \"uk\", indicator: \"nps\", period: \"2019\", value: 3, source: \"bain-banks-2013\", grade: Estimated)])";
    std::fs::write(&p, text).expect("write");
    let run = check(&p, Expect::Ok, Duration::from_secs(10));
    assert!(run.output.contains("1 observations"), "{}", run.output);
}

fn load_text(
    name: &str,
    bytes: &[u8],
) -> Result<servicescope::model::Dataset, servicescope::io::LoadError> {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).expect("write");
    let base = servicescope::io::benchmark::catalog().expect("catalog");
    servicescope::io::load::load_path(&base, &p)
}

#[test]
fn margins_must_be_finite_and_not_negative() {
    for (margin, shown) in [
        ("-1.5", "margin -1.5"),
        ("NaN", "margin NaN"),
        ("inf", "margin inf"),
        ("-inf", "margin -inf"),
    ] {
        let text = format!(
            "Dataset(observations: [(region: \"uk\", indicator: \"nps\", period: \"2019\", value: 3, margin: 2.0, source: \"bain-banks-2013\", grade: Estimated), (region: \"uk\", indicator: \"nps\", period: \"2020\", value: 3, margin: {margin}, source: \"bain-banks-2013\", grade: Estimated)])"
        );
        let err = load_text("m.ron", text.as_bytes())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains(&format!(
                "observation 2 (uk / nps / 2020): {shown} is not a margin of error"
            )),
            "{margin}: {err}"
        );
        assert!(!err.contains("observation 1"), "{err}");
    }
    // imported tables: the margin cell is named
    let csv = b"Region,Indicator,Year,Value,Margin\nuk,nps,2016,12,1.5\nuk,nps,2017,12,-2\n";
    let err = load_text("m.csv", csv)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("row 3, column 5 (E)"), "{err}");
    assert!(err.contains("expected a margin of error"), "{err}");
}

#[test]
fn utf8_errors_give_the_character_column() {
    // line 2: 4 characters (7 bytes) before the invalid byte
    let bytes = b"Dataset(\n\"\xc3\xa9\xc3\xa9\xc3\xa9\xff\")";
    let err = load_text("u.ron", bytes)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("u.ron:2:5: the file is not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn a_bom_is_accepted_in_mappings_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("t.csv");
    std::fs::write(&csv, "Pays;Indic;An;Val\nuk;nps;2016;1\n").expect("write");
    std::fs::write(
        dir.path().join("t.csv.mapping.ron"),
        "\u{feff}(layout: Long, columns: (region: \"Pays\", indicator: \"Indic\", period: \"An\", value: \"Val\"))",
    )
    .expect("write");
    let base = servicescope::io::benchmark::catalog().expect("catalog");
    let ds = servicescope::io::load::load_path(&base, &csv).expect("loads");
    assert_eq!(ds.observations().len(), base.observations().len() + 1);
}

#[test]
fn the_documented_nesting_message_is_the_one_shown() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/README.md"))
            .expect("data/README.md");
    let deep = format!(
        "Dataset(observations: {}{})",
        "[(".repeat(200),
        ")]".repeat(200)
    );
    let err = load_text("deep.ron", deep.as_bytes())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    let shown = err.rsplit('/').next().unwrap_or_default();
    // the record opened at column 24 needs a field name just inside it
    assert_eq!(shown, "deep.ron:1:25: Expected identifier");
    // the README quotes the message of the corpus file and no longer promises another one
    let corpus = load_text(
        "deep.ron",
        &std::fs::read(corpus("ron/deep-nesting.ron")).expect("corpus"),
    )
    .err()
    .map(|e| e.to_string())
    .unwrap_or_default();
    let quoted = corpus.rsplit('/').next().unwrap_or_default();
    assert!(
        readme.contains(&format!("`{quoted}`")),
        "README lacks `{quoted}`"
    );
    assert!(!readme.contains("Nesting deeper than **64** levels is refused"));
}

#[test]
fn mapping_utf8_errors_and_preview_headers_are_located() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("t.csv");
    std::fs::write(&csv, "Region,Indicator,Year,Value\nuk,nps,2016,1\n").expect("write");
    std::fs::write(
        dir.path().join("t.csv.mapping.ron"),
        b"(\n  layout: \"\xc3\xa9\xc3\xa9\xff\")",
    )
    .expect("write");
    let base = servicescope::io::benchmark::catalog().expect("catalog");
    let err = servicescope::io::load::load_path(&base, &csv)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("t.csv.mapping.ron: 2:14: the file is not valid UTF-8"),
        "{err}"
    );

    let big = dir.path().join("big.csv");
    std::fs::write(
        &big,
        format!("Region,{},Year\nuk,1,2016\n", "h".repeat(70_000)),
    )
    .expect("write");
    let err = servicescope::io::import::preview(&big, None, 5, &base)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("row 1, column 2 (B)"), "{err}");
    assert!(err.contains("this cell holds 70000 bytes"), "{err}");
}

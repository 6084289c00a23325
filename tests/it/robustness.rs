//! Robustness: a corpus of malformed files with the expected error for each, and property
//! tests that throw arbitrary and mutated input at the loaders: no panic, every error located.

use crate::fixtures::data::temp_file;
use proptest::prelude::*;
use servicescope::io::{self, LoadError, benchmark};
use servicescope::model::Dataset;
use std::path::{Path, PathBuf};

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

fn load(path: &Path) -> Result<Dataset, LoadError> {
    io::load::load_path(&benchmark::catalog().expect("catalog"), path)
}

/// (file, expected line, expected column or 0 for "any", words the message must contain)
const SYNTAX_CASES: &[(&str, usize, usize, &[&str])] = &[
    ("ron/missing-comma.ron", 4, 5, &["Expected comma"]),
    ("ron/text-value.ron", 3, 60, &["Expected float"]),
    ("ron/unknown-grade.ron", 3, 0, &["Guessed"]),
    ("ron/unterminated-string.ron", 3, 55, &["Expected comma"]),
    (
        "ron/empty.ron",
        1,
        1,
        &["Expected opening `(` for struct `Dataset`"],
    ),
    ("ron/truncated.ron", 2, 18, &["Expected opening `(`"]),
    ("ron/bad-period.ron", 3, 0, &["`14` is not a period"]),
    ("ron/deep-nesting.ron", 1, 16, &["Expected identifier"]),
    ("ron/binary.ron", 1, 1, &["UTF-8"]),
];

#[test]
fn malformed_ron_corpus_gives_located_errors() {
    for &(file, line, column, words) in SYNTAX_CASES {
        let path = corpus(file);
        let err = match load(&path) {
            Err(e) => e,
            Ok(_) => panic!("{file} must be rejected"),
        };
        let LoadError::Syntax {
            line: l,
            column: c,
            message,
            ..
        } = &err
        else {
            panic!("{file}: expected a located syntax error, got {err}")
        };
        if line > 0 {
            assert_eq!(*l, line, "{file}: {err}");
        }
        if column > 0 {
            assert_eq!(*c, column, "{file}: {err}");
        }
        assert!(*l >= 1 && *c >= 1, "{file}: {err}");
        for w in words {
            assert!(message.contains(w), "{file}: `{message}` lacks `{w}`");
        }
        assert!(
            err.to_string()
                .contains(&format!("{}:{l}:{c}: ", path.display())),
            "{err}"
        );
    }
}

#[test]
fn very_deep_nesting_is_an_error_not_a_stack_overflow() {
    for field in ["observations", "notes", "meta"] {
        let text = format!(
            "Dataset({field}: {}{})",
            "[(".repeat(100_000),
            ")]".repeat(100_000)
        );
        let (_d, path) = temp_file("deep.ron", &text);
        let err = load(&path).expect_err("must fail");
        assert!(matches!(err, LoadError::Syntax { line: 1, .. }), "{err}");
    }
}

#[test]
fn semantic_corpus_reports_every_problem() {
    let err = load(&corpus("ron/three-semantic-problems.ron")).expect_err("invalid");
    let LoadError::Invalid { report, .. } = &err else {
        panic!("{err}")
    };
    let records: Vec<&str> = report.problems.iter().map(|p| p.record.as_str()).collect();
    assert_eq!(
        records,
        vec![
            "observation 1 (uk / nps / 2014)",
            "observation 2 (uk / nps / 2015)",
            "observation 3 (xx / nps / 2015)"
        ]
    );
}

/// A small valid file, used as the seed of mutations.
const VALID: &str = r#"#![enable(implicit_some)]
Dataset(
    sources: [Source(id: "s1", title: "T", publisher: "P", date: "2020", kind: Report)],
    observations: [
        (region: "uk", channel: "phone", indicator: "fcr_pct", period: "2020-H1", value: 70.5, source: "s1", grade: Measured),
        (region: "france", indicator: "nps", period: "2020", value: None, source: "s1", grade: Illustrative, note: "é ü 😀"),
    ],
    practices: [Practice(id: "p", regions: ["uk"], theme: Listening, summary: (en: "a", fr: "b"), source: "s1")],
)
"#;

fn check_located(text: &str) {
    let path = Path::new("fuzz.ron");
    let base = benchmark::catalog().expect("catalog");
    match io::ron_file::parse(text, path) {
        Ok(file) => {
            // semantic validation must not panic either
            let _ = io::validate::build(&base, &file);
        }
        Err(LoadError::Syntax { line, column, .. }) => {
            let lines = text.split('\n').count();
            assert!(line >= 1 && line <= lines + 1, "line {line} of {lines}");
            assert!(column >= 1, "column {column}");
        }
        Err(e) => panic!("unexpected error kind: {e}"),
    }
}

#[test]
fn the_mutation_seed_is_valid() {
    let file = io::ron_file::parse(VALID, Path::new("seed.ron")).expect("parses");
    io::validate::build(&benchmark::catalog().expect("catalog"), &file).expect("valid");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        check_located(&text);
    }

    #[test]
    fn mutated_valid_file_never_panics(
        cut in 0usize..VALID.len(),
        len in 0usize..12,
        insert in prop::sample::select(vec!["", "(", ")", "[", "]", ",", "\"", ":", "None", "-1e400", "Some(", "\\u{0}", "é", "'", "\n", "//"]),
    ) {
        let mut text = VALID.to_owned();
        let start = (0..=cut).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let mut end = (start + len).min(text.len());
        while !text.is_char_boundary(end) { end += 1; }
        text.replace_range(start..end, insert);
        check_located(&text);
    }

    #[test]
    fn arbitrary_bytes_on_disk_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("x.ron");
        std::fs::write(&path, &bytes).expect("write");
        match load(&path) {
            Ok(_) => {}
            Err(LoadError::Syntax { line, column, .. }) => prop_assert!(line >= 1 && column >= 1),
            Err(LoadError::Invalid { report, .. }) => prop_assert!(report.count() > 0),
            Err(e) => prop_assert!(false, "unexpected error: {e}"),
        }
    }
}

/// One observation as text, in one of several equivalent RON spellings.
fn render_record(fields: &[(String, String)], order: &[usize], style: u8) -> String {
    let sep = if style & 1 == 0 {
        ", "
    } else {
        ",\n      // comment\n      "
    };
    let body: Vec<String> = order
        .iter()
        .map(|&k| format!("{}: {}", fields[k].0, fields[k].1))
        .collect();
    let trailing = if style & 2 == 0 { "" } else { "," };
    format!("(\n      {}{trailing})", body.join(sep))
}

fn opt(v: Option<String>, style: u8) -> String {
    match v {
        None => "None".into(),
        Some(s) if style & 4 == 0 => s,
        Some(s) => format!("Some({s})"),
    }
}

prop_compose! {
    fn arb_record()(
        region in "[a-z_]{1,8}|[^\"\\\\]{0,6}",
        channel in prop::option::of("[a-z_]{1,8}"),
        period in prop::sample::select(vec!["2016", "2016-H2", "2015-Q3", "2014-07"]),
        value in prop::option::of(prop_oneof![(-1000i32..1000).prop_map(f64::from), -1e6f64..1e6]),
        sample_size in prop::option::of(0u32..100_000),
        margin in prop::option::of(0.0f64..50.0),
        grade in prop::option::of(prop::sample::select(vec!["Measured", "Estimated", "Illustrative"])),
        note in prop::option::of("[^\"\\\\]{0,12}"),
        style in 0u8..8,
        shuffle in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
    ) -> String {
        let fields = vec![
            ("region".to_owned(), format!("\"{region}\"")),
            ("indicator".to_owned(), "\"nps\"".to_owned()),
            ("period".to_owned(), format!("\"{period}\"")),
            ("channel".to_owned(), opt(channel.map(|c| format!("\"{c}\"")), style)),
            ("value".to_owned(), opt(value.map(|v| format!("{v:?}")), style)),
            ("sample_size".to_owned(), opt(sample_size.map(|n| n.to_string()), style)),
            ("margin".to_owned(), opt(margin.map(|v| format!("{v}")), style)),
            ("grade".to_owned(), opt(grade.map(str::to_owned), style)),
            ("note".to_owned(), opt(note.map(|n| format!("\"{n}\"")), style)),
            ("source".to_owned(), "\"s1\"".to_owned()),
        ];
        let mut order: Vec<usize> = (0..fields.len()).collect();
        let mut x = shuffle;
        for i in (1..order.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            order.swap(i, (x % (i as u64 + 1)) as usize);
        }
        render_record(&fields, &order, style)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The fast observation parser gives exactly what `ron` gives, on every spelling it accepts.
    #[test]
    fn fast_path_matches_ron(records in prop::collection::vec(arb_record(), 0..6)) {
        let text = format!("#![enable(implicit_some)]\nDataset(\n  observations: [\n    {}\n  ],\n)\n", records.join(",\n    "));
        let (start, end) = io::ron_fast::find_observations(&text).expect("finds the list");
        let slow: io::DatasetFile<'_> = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(&text)
            .expect("ron parses what we render");
        match io::ron_fast::parse_observations(&text, start, end) {
            Some(fast) => prop_assert_eq!(fast, slow.observations),
            None => prop_assert!(false, "fast path gave up on plain records:\n{}", text),
        }
    }
}

#[test]
fn fast_path_gives_up_on_what_it_does_not_know() {
    for text in [
        r#"Dataset(observations: [(region: "u\"k", indicator: "nps", period: "2016")])"#,
        r#"Dataset(observations: [(region: "uk", indicator: "nps", period: "2016", extra: 1)])"#,
        r#"Dataset(observations: [(region: "uk", indicator: "nps", period: "2016", value: 0x10)])"#,
        r#"Dataset(observations: [/* block */ (region: "uk", indicator: "nps", period: "2016")])"#,
        r#"Dataset(observations: [(region: "uk", region: "fr", indicator: "nps", period: "2016")])"#,
        r#"Dataset(observations: [(region: "uk", indicator: "nps", period: "20x6")])"#,
    ] {
        let fast = io::ron_fast::find_observations(text)
            .and_then(|(s, e)| io::ron_fast::parse_observations(text, s, e));
        assert!(fast.is_none(), "{text}");
    }
}

/// (file, words the error must contain): CSV files that must be refused with a located error.
const CSV_CASES: &[(&str, &[&str])] = &[
    (
        "csv/ragged-row.csv",
        &[
            "row 3, column 5 (E)",
            "has 4 field(s) but the header row has 5",
        ],
    ),
    (
        "csv/text-in-value.csv",
        &["row 3, column 4 (D)", "found `douze`", "expected a number"],
    ),
    (
        "csv/unknown-region.csv",
        &["\"Atlantide\" (first at row 3, column 1 (A))"],
    ),
    ("csv/empty.csv", &["the file is empty"]),
    ("csv/header-only.csv", &["the file is empty"]),
    (
        "csv/unclosed-quote.csv",
        &["row 2, column 4 (D)", "found `12↵france"],
    ),
    ("csv/binary.csv", &["not a text (CSV) file"]),
    (
        "csv/bad-period.csv",
        &["row 2, column 3 (C)", "found `16`", "expected a period"],
    ),
    (
        "csv/out-of-range.csv",
        &[
            "row 2, column 4 (D)",
            "outside the range of indicator `fcr_pct`",
        ],
    ),
];

#[test]
fn malformed_csv_corpus_gives_located_errors() {
    for &(file, words) in CSV_CASES {
        let path = corpus(file);
        let msg = match load(&path) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("{file} must be rejected"),
        };
        assert!(
            msg.starts_with(&path.display().to_string()),
            "{file}: {msg}"
        );
        for w in words {
            assert!(msg.contains(w), "{file}: `{msg}` lacks `{w}`");
        }
        assert!(
            !msg.contains('\n') || file.contains("unknown-region"),
            "{file}: one-line message expected: {msg}"
        );
    }
}

#[test]
fn over_long_cell_is_refused_with_its_location() {
    let long = "x".repeat(io::import::MAX_CELL_BYTES + 1);
    let (_d, path) = temp_file(
        "long.csv",
        &format!("region,indicator,period,value,note\nuk,nps,2016,1,{long}\n"),
    );
    let msg = load(&path).expect_err("too long").to_string();
    assert!(
        msg.contains("row 2, column 5 (E)") && msg.contains("cells are limited to 65536 bytes"),
        "{msg}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Arbitrary bytes as a CSV: never a panic; a cell error always names a row and column.
    #[test]
    fn csv_import_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("x.csv");
        std::fs::write(&path, &bytes).expect("write");
        if let Err(LoadError::Cell { cell, .. }) = load(&path) {
            prop_assert!(cell.row >= 1 && cell.column >= 1);
        }
    }

    /// Plausible CSV text (right header, random cells): never a panic, errors located.
    #[test]
    fn csv_cells_never_panic(cells in prop::collection::vec("[a-z0-9 ,.;\"\\-]{0,8}", 0..40), sep in prop::sample::select(vec![",", ";", "\t"])) {
        let mut text = ["region", "channel", "indicator", "period", "value"].join(sep);
        for chunk in cells.chunks(5) {
            text.push('\n');
            text.push_str(&chunk.join(sep));
        }
        let (_d, path) = temp_file("p.csv", &text);
        if let Err(LoadError::Cell { cell, .. }) = load(&path) {
            prop_assert!(cell.row >= 2 && cell.column >= 1, "{cell:?}");
        }
    }

    /// Arbitrary mapping files and header rows: parsing and guessing never panic.
    #[test]
    fn mapping_never_panics(text in "\\PC{0,200}", headers in prop::collection::vec("\\PC{0,12}", 0..8)) {
        let _ = io::import::Mapping::from_ron(&text);
        let cat = benchmark::catalog().expect("catalog");
        let m = io::import::Mapping::guess(&headers, &cat);
        let back = io::import::Mapping::from_ron(&m.to_ron().expect("serialises")).expect("round trip");
        prop_assert_eq!(back, m);
        for h in &headers {
            let _ = io::import::suggest_region(h, &cat);
        }
    }

    /// Any region name, however hostile, comes out of the SVG writer as well-formed XML that
    /// still holds the name.
    #[test]
    fn svg_text_is_always_escaped(name in "\\PC{1,24}") {
        use servicescope::chart::{self, ChartKind, ChartSpec, Locale};
        let ron_name = name.replace('\\', "\\\\").replace('"', "\\\"");
        let text = format!(
            r#"Dataset(
                sources: [Source(id: "s", title: "T <&> \"q\"", publisher: "P", date: "2020", kind: Report)],
                regions: [Region(id: "zz", name: (en: "{ron_name}", fr: "{ron_name}"), kind: Country)],
                observations: [(region: "zz", indicator: "nps", period: "2020", value: 5, source: "s", grade: Measured)],
            )"#
        );
        let (_d, path) = temp_file("e.ron", &text);
        let ds = load(&path).expect("valid dataset");
        let spec = ChartSpec { kind: ChartKind::Ranking, indicators: vec!["nps".into()], regions: vec!["zz".into()], ..Default::default() };
        let fig = chart::build(&ds, &spec, Locale::EnGb);
        let opts = servicescope::export::ExportOptions::for_spec(&spec, servicescope::export::size::Size::px(800, 450).expect("size"));
        let svg = servicescope::export::render_svg(&fig, &opts);
        let doc = roxmltree::Document::parse(&svg).map_err(|e| TestCaseError::fail(format!("{e}\n{svg}")))?;
        let all_text: String = doc.descendants().filter_map(|n| n.text()).collect();
        let visible: String = name.chars().filter(|c| !c.is_control()).collect::<String>();
        let visible = visible.trim();
        if !visible.is_empty() {
            let probe: String = visible.chars().take(3).collect();
            prop_assert!(all_text.contains(&probe), "name {name:?} not found in SVG text");
        }
    }
}

/// A zip container of `entries`, deflated (the shape of an XLSX or ODS file).
fn zip_container(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        w.start_file(*name, opts).expect("zip entry");
        w.write_all(bytes).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

const XLSX_PARTS: &[(&str, &str)] = &[
    (
        "[Content_Types].xml",
        r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#,
    ),
    (
        "_rels/.rels",
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    ),
    (
        "xl/workbook.xml",
        r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    ),
    (
        "xl/_rels/workbook.xml.rels",
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
    ),
];

/// A sheet part whose middle is replaced by `bytes`.
fn sheet_with(bytes: &[u8]) -> Vec<u8> {
    let mut s = br#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Region</t></is></c></row>"#.to_vec();
    s.extend_from_slice(bytes);
    s.extend_from_slice(b"</sheetData></worksheet>");
    s
}

fn content_with(bytes: &[u8]) -> Vec<u8> {
    let mut s = br#"<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Data"><table:table-row>"#.to_vec();
    s.extend_from_slice(bytes);
    s
}

/// Loading a workbook must not panic; an error names the file and says what is wrong with
/// the workbook, the sheet or a cell.
fn check_workbook_error(path: &Path) -> Result<(), TestCaseError> {
    match load(path) {
        Ok(_) => Ok(()),
        Err(e) => {
            prop_assert_eq!(e.path(), path);
            let text = e.to_string();
            prop_assert!(
                text.starts_with(&format!("{}: ", path.display())),
                "{}",
                text
            );
            prop_assert!(text.len() < 20_000, "{} bytes", text.len());
            prop_assert!(
                text.contains("workbook")
                    || text.contains("sheet \"Data\"")
                    || text.contains("the file is empty")
                    || text.contains("no column"),
                "{}",
                text
            );
            Ok(())
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Arbitrary bytes inside a well-formed XLSX container: as (or inside) the sheet, or in
    /// place of the workbook part, the relationships or an extra shared-string table.
    #[test]
    fn arbitrary_bytes_in_an_xlsx_sheet_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..300),
        whole in any::<bool>(),
        part in 0usize..5,
    ) {
        let sheet = if whole || part != 0 { bytes.clone() } else { sheet_with(&bytes) };
        let valid_sheet = sheet_with(b"");
        let mut parts: Vec<(&str, &[u8])> =
            XLSX_PARTS.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
        match part {
            0 => parts.push(("xl/worksheets/sheet1.xml", &sheet)),
            4 => {
                parts.push(("xl/worksheets/sheet1.xml", &valid_sheet));
                parts.push(("xl/sharedStrings.xml", &sheet));
            }
            k => {
                // replace the workbook, its relationships or the package relationships
                let name = ["", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels"][k];
                parts.retain(|(n, _)| *n != name);
                parts.push((name, &sheet));
                parts.push(("xl/worksheets/sheet1.xml", &valid_sheet));
            }
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("fuzz.xlsx");
        std::fs::write(&path, zip_container(&parts)).expect("write");
        check_workbook_error(&path)?;
    }

    /// Arbitrary bytes as (or inside) the content of an ODS container.
    #[test]
    fn arbitrary_bytes_in_an_ods_content_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..300),
        whole in any::<bool>(),
    ) {
        let content = if whole { bytes.clone() } else { content_with(&bytes) };
        let parts: Vec<(&str, &[u8])> = vec![
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
            ("META-INF/manifest.xml", br#"<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#),
            ("content.xml", &content),
        ];
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("fuzz.ods");
        std::fs::write(&path, zip_container(&parts)).expect("write");
        check_workbook_error(&path)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The streaming RON reader gives what the whole-file reader gives (or leaves the file
    /// to it), whatever the chunk boundaries.
    #[test]
    fn streaming_load_matches_whole_file_load(
        records in prop::collection::vec(arb_record(), 0..6),
        chunk in 1usize..64,
        practices_after in any::<bool>(),
    ) {
        let practices = r#"practices: [Practice(id: "p", regions: ["uk"], theme: Listening, summary: (en: "a", fr: "b"), source: "s1")],"#;
        let head = r#"sources: [Source(id: "s1", title: "T", publisher: "P", date: "2020", kind: Report)],"#;
        let (before, after) = if practices_after { ("", practices) } else { (practices, "") };
        let text = format!(
            "\u{feff}#![enable(implicit_some)]\nDataset(\n  {head}\n  {before}\n  observations: [\n    {}\n  ],\n  {after}\n)\n",
            records.join(",\n    ")
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.ron");
        std::fs::write(&path, &text).expect("write");
        let base = benchmark::catalog().expect("catalog");
        let whole = io::ron_file::read_text(&path)
            .and_then(|t| {
                let f = io::ron_file::parse(&t, &path)?;
                io::validate::build(&base, &f).map_err(|report| LoadError::Invalid { path: path.clone(), report })
            });
        match io::ron_stream::load_chunked(&base, &path, chunk) {
            None => {}
            Some(Ok(ds)) => {
                let w = whole.map_err(|e| TestCaseError::fail(format!("whole failed: {e}")))?;
                prop_assert_eq!(ds.observations().len(), w.observations().len());
                for i in 0..ds.observations().len() {
                    prop_assert_eq!(format!("{:?}", ds.observations().row(i)), format!("{:?}", w.observations().row(i)));
                }
                prop_assert_eq!(ds.practices().len(), w.practices().len());
            }
            Some(Err(e)) => {
                let w = whole.err().map(|e| e.to_string()).unwrap_or_default();
                prop_assert_eq!(e.to_string(), w);
            }
        }
    }
}

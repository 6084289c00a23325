//! A whole deck as one multi-page PDF: `export --deck DECK.ron --out deck.pdf`.

use crate::fixtures::cli::run;
use crate::fixtures::data::temp_file;

const DECK: &str = r#"Deck(
    size: "slide-16x9",
    dpi: 96,
    charts: [
        (name: "fcr", spec: ChartSpec(kind: BarsByChannel, indicators: ["fcr_pct"])),
        (name: "nps", spec: ChartSpec(kind: Ranking, indicators: ["nps"])),
        (name: "heat", spec: ChartSpec(kind: HeatTable, indicators: ["channel_pref_pct"]), size: "square"),
    ],
)"#;

/// The `/MediaBox` entries of the page objects, in page order (objects are written by
/// number, pages numbered in deck order).
fn media_boxes(pdf: &str) -> Vec<String> {
    pdf.match_indices("/MediaBox [")
        .map(|(i, _)| {
            let rest = &pdf[i + "/MediaBox [".len()..];
            rest[..rest.find(']').expect("]")].to_owned()
        })
        .collect()
}

#[test]
fn deck_as_one_pdf_has_a_page_per_chart_in_order_same_bytes_and_no_overwrite() {
    let (dir, deck_path) = temp_file("deck.ron", DECK);
    let out = dir.path().join("deck.pdf");
    let (d, o) = (
        deck_path.to_str().expect("utf8"),
        out.to_str().expect("utf8"),
    );
    let (code, stdout, err) = run(&["export", "--deck", d, "--out", o]);
    assert_eq!(code, 0, "{stdout}{err}");
    assert!(stdout.contains("3 chart(s)"), "{stdout}");
    let first = std::fs::read(&out).expect("written");
    assert!(first.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&first);
    assert!(text.contains("/Count 3"), "three pages");
    // a 16:9 slide is 33.867 × 19.05 cm = 960 × 540 pt; the square chart (19.05 cm) third
    assert_eq!(
        media_boxes(&text),
        ["0 0 960 540", "0 0 960 540", "0 0 540 540"]
    );
    // the same deck gives the same bytes
    let again = dir.path().join("again.pdf");
    let (code, _, err) = run(&[
        "export",
        "--deck",
        d,
        "--out",
        again.to_str().expect("utf8"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(&again).expect("written"), first);

    // existing file: refused (exit 3) and untouched; --force replaces it
    std::fs::write(&out, b"keep").expect("write");
    let (code, _, err) = run(&["export", "--deck", d, "--out", o]);
    assert_eq!(code, 3, "{err}");
    assert_eq!(std::fs::read(&out).expect("read"), b"keep");
    let (code, _, err) = run(&["export", "--deck", d, "--out", o, "--force"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(&out).expect("read"), first);

    // the deck itself is never the output, even with --force
    let (code, _, _) = run(&[
        "export", "--deck", d, "--out", d, "--format", "pdf", "--force",
    ]);
    assert_eq!(code, 3);
    assert!(
        std::fs::read_to_string(&deck_path)
            .expect("read")
            .starts_with("Deck(")
    );
}

#[test]
fn deck_in_one_file_refuses_single_chart_formats() {
    let (dir, deck_path) = temp_file("deck.ron", DECK);
    let d = deck_path.to_str().expect("utf8");
    let png = dir.path().join("deck.png");
    let (code, _, err) = run(&["export", "--deck", d, "--out", png.to_str().expect("utf8")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(".pdf") && err.contains("--out-dir"), "{err}");
    let pdf = dir.path().join("deck.pdf");
    let (code, _, err) = run(&[
        "export",
        "--deck",
        d,
        "--out",
        pdf.to_str().expect("utf8"),
        "--format",
        "svg",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(!png.exists() && !pdf.exists());
    // --out and --out-dir together: a usage error
    let (code, _, _) = run(&[
        "export",
        "--deck",
        d,
        "--out",
        pdf.to_str().expect("utf8"),
        "--out-dir",
        dir.path().to_str().expect("utf8"),
    ]);
    assert_eq!(code, 2);
}

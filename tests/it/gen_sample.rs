//! `gen-sample` (issue 12): a large sample never repeats a region / channel / indicator /
//! period key (a repeat is a duplicate observation that `validate` refuses).

use servicescope::cli::gen_sample::{self, Shape};
use servicescope::io;
use std::collections::HashSet;

/// The region / channel / indicator / period key of every CSV or RON row of `text`.
fn keys(text: &str, ron: bool) -> Vec<String> {
    text.lines()
        .filter(|l| if ron { l.starts_with("(region:") } else { true })
        .skip(usize::from(!ron))
        .map(|l| l.split(',').take(4).collect::<Vec<_>>().join(","))
        .collect()
}

#[test]
fn large_samples_keep_every_key_distinct() {
    let cat = io::benchmark::catalog().expect("catalogue");
    let channels = cat.channels().len();
    // one indicator: the bundled regions × channels × 432 months hold fewer keys than this
    let rows = cat.regions().len() * channels * 432 + 5_000;

    // RON: synthetic regions are added, periods stay 1990–2025
    let shape = gen_sample::shape_for(&cat, rows, None, 1, true).expect("shape");
    let needed = rows.div_ceil(channels * 432);
    assert_eq!(shape.regions, needed.max(cat.regions().len()));
    let text = gen_sample::text(&cat, shape, true);
    let k = keys(&text, true);
    assert_eq!(k.len(), rows);
    assert_eq!(
        k.iter().collect::<HashSet<_>>().len(),
        rows,
        "RON keys repeat"
    );
    assert!(text.contains(&format!("id: \"r{:03}\"", shape.regions)));

    // CSV: no synthetic regions, so the months reach back from 1990 to 1900
    let shape = gen_sample::shape_for(&cat, rows, None, 1, false).expect("shape");
    assert_eq!(shape.regions, cat.regions().len());
    let text = gen_sample::text(&cat, shape, false);
    let k = keys(&text, false);
    assert_eq!(k.len(), rows);
    assert_eq!(
        k.iter().collect::<HashSet<_>>().len(),
        rows,
        "CSV keys repeat"
    );
    assert!(text.contains(",1900-01,") && !text.contains(",1899-"));

    // the default shape (every indicator) past the old limit of about 1.01M rows
    let all = gen_sample::samplable_indicators(&cat);
    let shape = gen_sample::shape_for(&cat, 10_000_000, None, all, true).expect("shape");
    assert!(
        shape.regions * channels * all * 432 >= 10_000_000,
        "{shape:?}"
    );
    // a CSV cannot hold more keys than bundled regions × channels × indicators × 2412 months
    let room = cat.regions().len() * channels * all * 2412;
    let err = gen_sample::shape_for(&cat, room + 1, None, all, false).expect_err("too many");
    assert!(err.contains(".ron"), "{err}");
    assert_eq!(
        gen_sample::shape_for(&cat, 10, Some(3), 2, false),
        Ok(Shape {
            rows: 10,
            regions: 3,
            indicators: 2
        })
    );
}

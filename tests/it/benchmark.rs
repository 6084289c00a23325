//! The bundled benchmark: validates, covers the four regions, keeps grades honest.

use servicescope::analysis;
use servicescope::io::benchmark;
use servicescope::model::{Grade, Theme};
use std::collections::{BTreeSet, HashMap};

const FOUR: [&str; 4] = ["uk", "maghreb", "quebec", "france"];

#[test]
fn bundled_data_validate() {
    let ds = benchmark::load().unwrap_or_else(|e| panic!("{e}"));
    assert!(ds.observations.len() > 500);
    assert!(ds.indicators.len() >= 10);
}

#[test]
fn required_indicators_exist() {
    let ds = benchmark::load().expect("loads");
    for id in [
        "nps",
        "csi_index",
        "fcr_pct",
        "aht_s",
        "asa_s",
        "abandon_pct",
        "email_response_s",
        "social_response_pct",
        "channel_use_pct",
        "unscripted_agents_pct",
    ] {
        assert!(ds.indicators.get(id).is_some(), "missing indicator {id}");
    }
}

#[test]
fn four_regions_have_values_for_at_least_ten_indicators() {
    let ds = benchmark::load().expect("loads");
    let rows = servicescope::cli::summary::rows(&ds);
    let mut per_indicator: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for r in &rows {
        per_indicator
            .entry(&r.indicator)
            .or_default()
            .insert(&r.region);
    }
    let full = per_indicator
        .values()
        .filter(|regions| FOUR.iter().all(|r| regions.contains(r)))
        .count();
    assert!(full >= 10, "only {full} indicators cover the four regions");
}

#[test]
fn channel_specific_indicators_cover_the_main_channels_and_years() {
    let ds = benchmark::load().expect("loads");
    let fcr = ds.indicators.ix("fcr_pct").expect("fcr");
    let rows = analysis::select(
        &ds,
        &analysis::Selection {
            indicators: Some(vec![fcr]),
            ..Default::default()
        },
    );
    let obs = &ds.observations;
    let channels: BTreeSet<&str> = rows
        .iter()
        .filter_map(|&i| obs.row(i).channel)
        .map(|c| ds.channels.at(c).id.as_str())
        .collect();
    for c in [
        "phone",
        "email",
        "twitter",
        "facebook",
        "web_self_service",
        "forum",
        "in_person",
    ] {
        assert!(channels.contains(c), "fcr_pct has no {c} values");
    }
    let years: BTreeSet<i32> = rows.iter().map(|&i| obs.row(i).period.year_i32()).collect();
    for y in 2011..=2016 {
        assert!(years.contains(&y), "fcr_pct has no {y} values");
    }
}

#[test]
fn cited_figures_are_measured_and_illustrative_values_say_so() {
    let ds = benchmark::load().expect("loads");
    let obs = &ds.observations;
    let mut graded = HashMap::new();
    for r in obs.rows() {
        *graded.entry(r.grade).or_insert(0usize) += 1;
        let src = ds.sources.at(r.source);
        let note = r.note.unwrap_or("");
        match r.grade {
            Grade::Illustrative => {
                assert_eq!(src.id.as_str(), "servicescope-illustrative");
                assert!(
                    note.starts_with("Illustrative:"),
                    "note must say so: {note}"
                );
            }
            Grade::Measured | Grade::Estimated => {
                assert_ne!(src.id.as_str(), "servicescope-illustrative");
                assert!(
                    src.address.is_some(),
                    "cited source {} needs an address",
                    src.id
                );
            }
        }
        if r.grade == Grade::Estimated {
            assert!(
                note.to_lowercase().contains("derived"),
                "estimated needs a derivation: {note}"
            );
        }
    }
    assert!(graded[&Grade::Measured] >= 60);
    // a few figures straight from the public-figures reference
    let value = |region: &str, ind: &str, period: &str| {
        obs.rows()
            .find(|r| {
                ds.regions.at(r.region).id.as_str() == region
                    && ds.indicators.at(r.indicator).id.as_str() == ind
                    && r.period.to_string() == period
            })
            .map(|r| (r.value, r.grade))
    };
    assert_eq!(
        value("france", "nps", "2012"),
        Some((Some(-13.0), Grade::Measured))
    );
    assert_eq!(
        value("uk", "nps", "2012"),
        Some((Some(-7.0), Grade::Measured))
    );
    assert_eq!(
        value("uk", "csi_index", "2011-H1"),
        Some((Some(76.7), Grade::Measured))
    );
    assert_eq!(
        value("uk", "asa_s", "2016"),
        Some((Some(35.2), Grade::Measured))
    );
    assert_eq!(
        value("france", "nps", "2013"),
        Some((Some(-9.0), Grade::Estimated))
    );
}

#[test]
fn practices_cover_every_region_and_cite_articles() {
    let ds = benchmark::load().expect("loads");
    assert!(ds.practices.len() >= 25, "{} practices", ds.practices.len());
    for region in FOUR {
        let mine: Vec<_> = ds
            .practices
            .iter()
            .filter(|p| p.regions.iter().any(|r| r.as_str() == region))
            .collect();
        assert!(mine.len() >= 4, "{region}: {} practices", mine.len());
        let themes: BTreeSet<Theme> = mine.iter().map(|p| p.theme).collect();
        assert!(themes.len() >= 3, "{region}: themes {themes:?}");
    }
    for p in ds.practices.iter() {
        let src = p.source.as_ref().expect("validated");
        assert!(src.as_str().starts_with("art-"), "{} cites {src}", p.id);
        assert!(!p.summary.en.is_empty() && !p.summary.fr.is_empty());
    }
}

//! What a catalogue says about how it is shown: region colours and the default view
//! (`default_view` in the metadata), read from the data for the bundled benchmark and for a
//! user's own catalogue alike.

use crate::fixtures::data::temp_file;
use servicescope::chart::{self, ChartKind, ChartSpec, Locale, palette};
use servicescope::io::{benchmark, load};
use servicescope::model::{Dataset, IndicatorId, RegionId};

/// A complete dataset of its own (no bundled ids): two regions, one with a colour, a
/// default view and a profile of two indicators.
const OWN: &str = r##"#![enable(implicit_some)]
Dataset(
    meta: Meta(
        title: "Own catalogue",
        schema_version: 1,
        language: "en",
        licence: "internal",
        default_view: (
            regions: ["south", "north", "atlantis"],
            indicators: ["wait_s"],
            profile: ["wait_s", "score_pct"],
            transfer_to: "south",
        ),
    ),
    sources: [Source(id: "own", title: "Own survey", publisher: "Acme", date: "2024", kind: OwnData)],
    regions: [
        Region(id: "north", name: (en: "North", fr: "Nord"), kind: Province, colour: "#112233"),
        Region(id: "south", name: (en: "South", fr: "Sud"), kind: Province),
    ],
    indicators: [
        Indicator(id: "score_pct", name: (en: "Score", fr: "Score"), definition: (en: "A score.", fr: "Un score."), unit: Percent, direction: HigherIsBetter),
        Indicator(id: "wait_s", name: (en: "Wait", fr: "Attente"), definition: (en: "A wait.", fr: "Une attente."), unit: Seconds, direction: LowerIsBetter),
    ],
    observations: [
        (region: "north", indicator: "wait_s", period: "2024", value: 30, source: "own", grade: Measured),
        (region: "south", indicator: "wait_s", period: "2024", value: 45, source: "own", grade: Measured),
        (region: "north", indicator: "score_pct", period: "2024", value: 70, source: "own", grade: Measured),
        (region: "south", indicator: "score_pct", period: "2024", value: 60, source: "own", grade: Measured),
    ],
)
"##;

fn own() -> Dataset {
    let (_dir, path) = temp_file("own.ron", OWN);
    load::load_path(&Dataset::default(), &path).expect("own catalogue loads")
}

#[test]
fn a_user_catalogue_colours_its_regions_in_the_figure() {
    let ds = own();
    let spec = ChartSpec {
        kind: ChartKind::Ranking,
        indicators: vec![IndicatorId::new("wait_s")],
        ..ChartSpec::default()
    };
    let fig = chart::build(&ds, &spec, Locale::EnGb);
    let colour = |id: &str| {
        fig.series
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("{id} in {:?}", fig.series))
            .colour
    };
    assert_eq!(colour("north"), [0x11, 0x22, 0x33]);
    // south states none: the colour of its place (index 1) among the colours kept for that
    assert_eq!(colour("south"), palette::indexed_colour(1));
}

#[test]
fn a_user_catalogue_states_its_default_view() {
    let ds = own();
    let view = ds.default_view();
    assert_eq!(view.transfer_to, Some(RegionId::new("south")));
    assert_eq!(
        view.profile,
        vec![IndicatorId::new("wait_s"), IndicatorId::new("score_pct")]
    );
    // a dataset that states none has an empty one
    assert_eq!(Dataset::default().default_view().profile, Vec::new());
}

#[test]
fn a_colour_that_is_not_hex_is_refused_where_it_stands() {
    let text = OWN.replace("#112233", "navy");
    let (_dir, path) = temp_file("bad.ron", &text);
    let err = load::load_path(&Dataset::default(), &path).expect_err("refused");
    let shown = err.to_string();
    let line = text
        .lines()
        .position(|l| l.contains("\"navy\""))
        .map(|i| i + 1)
        .expect("line");
    assert!(shown.contains("navy"), "{shown}");
    assert!(shown.contains("#rrggbb"), "{shown}");
    assert!(shown.contains(&format!("bad.ron:{line}:")), "{shown}");
}

/// The colours the bundled regions had when they were fixed in code (chart/palette.rs).
const BUNDLED: [(&str, [u8; 3]); 10] = [
    ("uk", [0x00, 0x72, 0xB2]),
    ("maghreb", [0xE6, 0x9F, 0x00]),
    ("quebec", [0x00, 0x9E, 0x73]),
    ("france", [0xD5, 0x5E, 0x00]),
    ("canada", [0x88, 0xCC, 0xEE]),
    ("usa", [0x88, 0x22, 0x55]),
    ("morocco", [0x8C, 0x56, 0x4B]),
    ("algeria", [0x33, 0x22, 0x88]),
    ("tunisia", [0xCC, 0x79, 0xA7]),
    ("world", [0xB0, 0xB0, 0xB0]),
];

#[test]
fn the_bundled_catalogue_keeps_its_region_colours() {
    let ds = benchmark::catalog().expect("catalogue");
    for (ix, r) in ds.regions().iter().enumerate() {
        let expected = BUNDLED.iter().find(|(id, _)| *id == r.id.as_str());
        match expected {
            Some((_, c)) => assert_eq!(palette::region_colour(r, ix), *c, "{}", r.id),
            None => assert_eq!(r.colour, None, "{} has a colour nobody checked", r.id),
        }
    }
    assert_eq!(
        ds.regions().iter().filter(|r| r.colour.is_some()).count(),
        BUNDLED.len()
    );
}

#[test]
fn bundled_region_colours_stay_apart_for_every_vision() {
    let ds = benchmark::catalog().expect("catalogue");
    let colours: Vec<_> = ds
        .regions()
        .iter()
        .filter_map(|r| r.colour.map(|c| (r.id.as_str(), c.0)))
        .collect();
    assert!(colours.len() >= 4, "{colours:?}");
    for (i, (a, ca)) in colours.iter().enumerate() {
        for (b, cb) in &colours[i + 1..] {
            let d = palette::cvd_distance(*ca, *cb);
            assert!(d >= palette::MIN_CVD_DISTANCE, "{a} vs {b}: {d:.3}");
        }
    }
    // a region without a colour never takes one of a bundled region
    for c in palette::indexed_colours() {
        assert!(colours.iter().all(|(_, f)| f != c), "{c:?}");
    }
}

#[test]
fn the_bundled_default_view_is_the_one_the_code_had() {
    let ds = benchmark::catalog().expect("catalogue");
    let view = ds.default_view();
    let ids = |v: &[&str]| v.iter().map(|s| IndicatorId::new(*s)).collect::<Vec<_>>();
    assert_eq!(
        view.profile,
        ids(&[
            "nps",
            "csi_index",
            "fcr_pct",
            "abandon_pct",
            "asa_s",
            "email_1h_pct"
        ])
    );
    assert_eq!(view.transfer_to, Some(RegionId::new("france")));
    assert_eq!(
        view.regions,
        ["uk", "maghreb", "quebec", "france"].map(RegionId::new)
    );
    // every id the bundled view names exists (a user's may name others: passed over)
    for id in view.profile.iter().chain(&view.indicators) {
        assert!(ds.indicators().get(id.as_str()).is_some(), "{id}");
    }
    for id in view.regions.iter().chain(&view.transfer_to) {
        assert!(ds.regions().get(id.as_str()).is_some(), "{id}");
    }
}

#[cfg(feature = "gui")]
mod app {
    use super::own;
    use servicescope::app::{App, AppCommand, AppState, state};
    use servicescope::chart::ChartKind;
    use servicescope::model::{IndicatorId, RegionId};

    #[test]
    fn a_new_workspace_on_a_user_catalogue_opens_on_its_default_view() {
        let ds = own();
        let spec = state::default_spec_for(&ds);
        assert_eq!(spec.kind, ChartKind::Ranking);
        assert_eq!(spec.indicators, vec![IndicatorId::new("wait_s")]);
        // atlantis is not in the dataset: passed over
        assert_eq!(spec.regions, ["south", "north"].map(RegionId::new));
        let mut app = App::new(ds.clone(), AppState::for_dataset(&ds));
        assert_eq!(app.state.spec, spec);
        assert_eq!(app.ui.transfer_to, Some(RegionId::new("south")));
        // a scatter needs two indicators: the profile's next one is added
        app.apply(AppCommand::SetKind(ChartKind::Scatter));
        assert_eq!(
            app.state.spec.indicators,
            ["wait_s", "score_pct"].map(IndicatorId::new)
        );
    }

    #[test]
    fn a_new_workspace_on_the_benchmark_opens_on_the_start_chart() {
        let ds = servicescope::io::benchmark::load().expect("benchmark");
        assert_eq!(state::default_spec_for(&ds), state::default_spec());
        let app = App::new(ds.clone(), AppState::for_dataset(&ds));
        assert_eq!(app.ui.transfer_to, Some(RegionId::new("france")));
    }
}

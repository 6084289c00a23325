/*!
Semantic validation: turns a parsed [`DatasetFile`] into a consistent [`Dataset`].

Every problem is collected (not just the first), each naming its record: unknown or
duplicate ids, values outside the indicator's range, channel shares adding up to more than
100 %, margins of error that are negative or not finite, observations without source or
grade, duplicate observations (same region, channel, segment, indicator, period and source),
practices without source.
*/

use super::ron_file::DatasetFile;
use crate::i18n::Lang;
use crate::model::ids::is_slug;
use crate::model::{Dataset, Observation};
use std::fmt;

mod message;
pub use message::Places;
mod rows;
pub use rows::{check_channel_mix, check_observation_rows, duplicate_groups, list_numbers};

/// Most problems kept in one report; further ones are only counted.
pub const MAX_PROBLEMS: usize = 500;

/// Tolerance for rounding when channel shares are added up (percentage points).
pub const MIX_TOLERANCE_PCT: f64 = 0.5;

/// What is wrong with a record.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProblemKind {
    /// An id refers to nothing.
    #[error("{}", self.message(Lang::En))]
    UnknownId {
        /// Kind of record referred to (region, channel, …).
        what: &'static str,
        /// The id.
        id: String,
    },
    /// An id is defined twice.
    #[error("{}", self.message(Lang::En))]
    DuplicateId {
        /// Kind of record.
        what: &'static str,
        /// The id.
        id: String,
    },
    /// An id is not a lowercase slug.
    #[error("{}", self.message(Lang::En))]
    BadId {
        /// The id.
        id: String,
    },
    /// A value lies outside its indicator's range.
    #[error("{}", self.message(Lang::En))]
    OutOfRange {
        /// The value.
        value: f64,
        /// Indicator id.
        indicator: String,
        /// The indicator's bounds (`None`: unbounded on that side).
        bounds: (Option<f64>, Option<f64>),
    },
    /// A margin of error that is not a finite number of at least 0.
    #[error("{}", self.message(Lang::En))]
    BadMargin {
        /// The margin found.
        margin: f64,
    },
    /// Shares of one channel mix add up to more than 100 %.
    #[error("{}", self.message(Lang::En))]
    MixOver100 {
        /// The sum.
        sum_pct: f64,
    },
    /// An observation has no source.
    #[error("{}", self.message(Lang::En))]
    MissingSource,
    /// An observation has no grade.
    #[error("{}", self.message(Lang::En))]
    MissingGrade,
    /// A practice has no source.
    #[error("{}", self.message(Lang::En))]
    PracticeWithoutSource,
    /// Adoption level above 3.
    #[error("{}", self.message(Lang::En))]
    BadAdoption {
        /// The level.
        level: u8,
    },
    /// A unit's bounds are inverted or not finite.
    #[error("{}", self.message(Lang::En))]
    BadUnitRange {
        /// Lower bound.
        min: f64,
        /// Upper bound.
        max: f64,
    },
    /// The file declares a newer schema than this program reads.
    #[error("{}", self.message(Lang::En))]
    SchemaTooNew {
        /// Declared version.
        found: u32,
        /// Highest supported.
        supported: u32,
    },
    /// Several observations share region, channel, segment, indicator, period and source:
    /// only one of them could be shown.
    #[error("{}", self.message(Lang::En))]
    DuplicateObservation {
        /// How many times.
        count: usize,
        /// Where: the observations' or the rows' numbers.
        where_: Places,
    },
    /// A practice names no region.
    #[error("{}", self.message(Lang::En))]
    PracticeWithoutRegion,
    /// A region's `members`/`parent` refers to a region of the wrong kind.
    #[error("{}", self.message(Lang::En))]
    Other(String),
}

/// One problem, naming its record (e.g. `observation 12 (uk / nps / 2012)`).
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The record, in words.
    pub record: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// All problems of one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValidationReport {
    /// Problems, at most [`MAX_PROBLEMS`].
    pub problems: Vec<Problem>,
    /// Problems found beyond [`MAX_PROBLEMS`].
    pub omitted: usize,
}

impl ValidationReport {
    fn push(&mut self, record: impl FnOnce() -> String, kind: ProblemKind) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem {
                record: record(),
                kind,
            });
        } else {
            self.omitted += 1;
        }
    }

    /// Adds a problem (counted only, past [`MAX_PROBLEMS`]).
    pub fn push_problem(&mut self, record: String, kind: ProblemKind) {
        self.push(|| record, kind);
    }

    /// Total number of problems found.
    pub fn count(&self) -> usize {
        self.problems.len() + self.omitted
    }

    /// Whether nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }
}

impl fmt::Display for ValidationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Builds a dataset from `file` on top of `base` (use `&Dataset::default()` for none).
///
/// Records of `file` that restate a base record identically are accepted; a different
/// record with an existing id is a duplicate. On any problem the base is untouched and the
/// full report is returned.
pub fn build(base: &Dataset, file: &DatasetFile<'_>) -> Result<Dataset, ValidationReport> {
    let mut ds = base.clone();
    let mut rep = ValidationReport::default();

    if let Some(meta) = &file.meta {
        if meta.schema_version > super::SCHEMA_VERSION {
            rep.push(
                || "meta".into(),
                ProblemKind::SchemaTooNew {
                    found: meta.schema_version,
                    supported: super::SCHEMA_VERSION,
                },
            );
        }
        if ds.meta().title.is_empty() {
            *ds.meta_mut() = meta.clone();
        }
    }

    macro_rules! add_all {
        ($list:expr, $table:expr, $what:literal) => {
            for item in $list {
                let id = item.id.as_str();
                if !is_slug(id) {
                    rep.push(
                        || format!("{} `{}`", $what, id),
                        ProblemKind::BadId { id: id.into() },
                    );
                    continue;
                }
                match $table.get(id) {
                    Some(existing) if existing == item && base_has(&base, $what, id) => {}
                    Some(_) => rep.push(
                        || format!("{} `{}`", $what, id),
                        ProblemKind::DuplicateId {
                            what: $what,
                            id: id.into(),
                        },
                    ),
                    None => {
                        let _ = $table.push(item.clone());
                    }
                }
            }
        };
    }
    add_all!(&file.sources, ds.sources_mut(), "source");
    add_all!(&file.regions, ds.regions_mut(), "region");
    add_all!(&file.channels, ds.channels_mut(), "channel");
    add_all!(&file.segments, ds.segments_mut(), "segment");
    add_all!(&file.indicators, ds.indicators_mut(), "indicator");

    for region in &file.regions {
        let rid = region.id.as_str();
        for m in region.members.iter().chain(region.parent.iter()) {
            if ds.regions().get(m.as_str()).is_none() {
                rep.push(
                    || format!("region `{rid}`"),
                    ProblemKind::UnknownId {
                        what: "region",
                        id: m.to_string(),
                    },
                );
            }
        }
    }
    for ind in &file.indicators {
        if let (Some(lo), Some(hi)) = ind.unit.range()
            && !(lo.is_finite() && hi.is_finite() && lo < hi)
        {
            rep.push(
                || format!("indicator `{}`", ind.id),
                ProblemKind::BadUnitRange { min: lo, max: hi },
            );
        }
    }

    check_observations(&mut ds, file, &mut rep);
    check_practices(&mut ds, file, &mut rep);

    if rep.is_empty() { Ok(ds) } else { Err(rep) }
}

fn base_has(base: &Dataset, what: &str, id: &str) -> bool {
    match what {
        "source" => base.sources().ix(id).is_some(),
        "region" => base.regions().ix(id).is_some(),
        "channel" => base.channels().ix(id).is_some(),
        "segment" => base.segments().ix(id).is_some(),
        "indicator" => base.indicators().ix(id).is_some(),
        _ => false,
    }
}

fn check_observations(ds: &mut Dataset, file: &DatasetFile<'_>, rep: &mut ValidationReport) {
    let first_new = ds.observations().len();
    ds.reserve_observations(file.observations.len());
    // file record number (1-based) of each row pushed
    let mut record_of_row: Vec<usize> = Vec::with_capacity(file.observations.len());
    for (i, o) in file.observations.iter().enumerate() {
        if add_observation(ds, i, o, rep) {
            record_of_row.push(i + 1);
        }
    }
    check_observation_rows(ds, first_new, &record_of_row, rep);
}

/// Checks observation `i` (0-based, in file order) against `ds` and adds it when it has no
/// problem (then returns `true`); problems go to `rep`. Checks across rows (channel mix,
/// duplicates) come afterwards, over all added rows, with [`check_observation_rows`]. Used
/// by [`build`] and by the streaming RON reader.
pub(crate) fn add_observation(
    ds: &mut Dataset,
    i: usize,
    o: &crate::model::ObservationRecord<'_>,
    rep: &mut ValidationReport,
) -> bool {
    {
        let record = || {
            let ch = o
                .channel
                .as_deref()
                .map(|c| format!(" / {c}"))
                .unwrap_or_default();
            let seg = o
                .segment
                .as_deref()
                .map(|s| format!(" / {s}"))
                .unwrap_or_default();
            format!(
                "observation {} ({}{seg} / {}{ch} / {})",
                i + 1,
                o.region,
                o.indicator,
                o.period
            )
        };
        let before = rep.count();
        let region = ds.regions().ix(&o.region);
        if region.is_none() {
            rep.push(
                record,
                ProblemKind::UnknownId {
                    what: "region",
                    id: o.region.to_string(),
                },
            );
        }
        let channel = match o.channel.as_deref() {
            None => Some(None),
            Some(c) => match ds.channels().ix(c) {
                Some(ix) => Some(Some(ix)),
                None => {
                    rep.push(
                        record,
                        ProblemKind::UnknownId {
                            what: "channel",
                            id: c.into(),
                        },
                    );
                    None
                }
            },
        };
        let segment = match o.segment.as_deref() {
            None => Some(None),
            Some(sg) => match ds.segments().ix(sg) {
                Some(ix) => Some(Some(ix)),
                None => {
                    rep.push(
                        record,
                        ProblemKind::UnknownId {
                            what: "segment",
                            id: sg.into(),
                        },
                    );
                    None
                }
            },
        };
        let indicator = ds.indicators().ix(&o.indicator);
        match indicator {
            None => rep.push(
                record,
                ProblemKind::UnknownId {
                    what: "indicator",
                    id: o.indicator.to_string(),
                },
            ),
            Some(ix) => {
                if let Some(ind) = ds.indicators().at(ix)
                    && let Some(v) = o.value
                    && !ind.unit.accepts(v)
                {
                    rep.push(
                        record,
                        ProblemKind::OutOfRange {
                            value: v,
                            indicator: ind.id.to_string(),
                            bounds: ind.unit.range(),
                        },
                    );
                }
            }
        }
        let source = match o.source.as_deref() {
            None => {
                rep.push(record, ProblemKind::MissingSource);
                None
            }
            Some(s) => {
                let ix = ds.sources().ix(s);
                if ix.is_none() {
                    rep.push(
                        record,
                        ProblemKind::UnknownId {
                            what: "source",
                            id: s.into(),
                        },
                    );
                }
                ix
            }
        };
        if o.grade.is_none() {
            rep.push(record, ProblemKind::MissingGrade);
        }
        if let Some(m) = o.margin
            && !(m.is_finite() && m >= 0.0)
        {
            rep.push(record, ProblemKind::BadMargin { margin: m });
        }
        if rep.count() != before {
            return false;
        }
        if let (Some(r), Some(c), Some(sg), Some(ind), Some(s), Some(g)) =
            (region, channel, segment, indicator, source, o.grade)
        {
            // the indices were just looked up in `ds`, so the dataset accepts them
            return ds
                .push_observation(Observation {
                    region: r,
                    channel: c,
                    segment: sg,
                    indicator: ind,
                    period: o.period,
                    value: o.value,
                    sample_size: o.sample_size,
                    margin: o.margin,
                    source: s,
                    grade: g,
                    note: o.note.as_deref(),
                })
                .is_ok();
        }
    }
    false
}

/// Checks the practices of `file` against `ds` and adds the valid ones.
pub(crate) fn check_practices(
    ds: &mut Dataset,
    file: &DatasetFile<'_>,
    rep: &mut ValidationReport,
) {
    for p in &file.practices {
        let record = || format!("practice `{}`", p.id);
        let before = rep.count();
        if !is_slug(p.id.as_str()) {
            rep.push(
                record,
                ProblemKind::BadId {
                    id: p.id.to_string(),
                },
            );
        }
        for r in &p.regions {
            if ds.regions().ix(r.as_str()).is_none() {
                rep.push(
                    record,
                    ProblemKind::UnknownId {
                        what: "region",
                        id: r.to_string(),
                    },
                );
            }
        }
        if p.regions.is_empty() {
            rep.push(record, ProblemKind::PracticeWithoutRegion);
        }
        for c in &p.channels {
            if ds.channels().ix(c.as_str()).is_none() {
                rep.push(
                    record,
                    ProblemKind::UnknownId {
                        what: "channel",
                        id: c.to_string(),
                    },
                );
            }
        }
        match &p.source {
            None => rep.push(record, ProblemKind::PracticeWithoutSource),
            Some(s) if ds.sources().ix(s.as_str()).is_none() => rep.push(
                record,
                ProblemKind::UnknownId {
                    what: "source",
                    id: s.to_string(),
                },
            ),
            Some(_) => {}
        }
        if let Some(level) = p.adoption
            && level > 3
        {
            rep.push(record, ProblemKind::BadAdoption { level });
        }
        if rep.count() == before && ds.practices_mut().push(p.clone()).is_err() {
            rep.push(
                record,
                ProblemKind::DuplicateId {
                    what: "practice",
                    id: p.id.to_string(),
                },
            );
        }
    }
}

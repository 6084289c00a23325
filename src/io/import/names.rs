/*!
Names in data files → catalogue records: exact look-ups of regions, channels, segments and
indicators by id, code, alias or name, and ranked suggestions for a region name that matches
nothing (word-by-word similarity, groups after their members); and the defaults of the
records an import creates (its own source and date, the unit of a new indicator), used by the
importer and the app's dialog alike.
*/

use super::text::{fold_name, slug};
use crate::model::dataset::Keyed;
use crate::model::{
    Channel, ChannelIx, Dataset, Indicator, IndicatorIx, Ix, Region, RegionId, RegionIx,
    RegionKind, Segment, SegmentIx, Source, SourceId, SourceKind, Table,
};
use std::path::Path;

/// The source of an import that names none: id `own-<slug of title>` (`own-data` for an
/// empty title), publisher "Own data", kind `OwnData`, dated `date`.
pub fn own_source(title: &str, file_name: &str, date: &str) -> Source {
    let s = slug(title).replace('_', "-");
    Source {
        id: SourceId::new(if s.is_empty() {
            "own-data".to_owned()
        } else {
            format!("own-{s}")
        }),
        title: title.to_owned(),
        publisher: "Own data".into(),
        author: None,
        date: date.to_owned(),
        address: None,
        kind: SourceKind::OwnData,
        note: Some(format!("Imported from {file_name}")),
        label: None,
        title_fr: None,
        label_fr: None,
    }
}

/// The modification date of a file, `YYYY-MM-DD` (UTC; 1970-01-01 when unknown).
pub fn file_date(path: &Path) -> String {
    let secs = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    super::time::date_of_unix_s(i64::try_from(secs).unwrap_or(0))
        .unwrap_or_else(|| "1970-01-01".into())
}

/// Whether a new indicator's name says it is a percentage (`%`, share, part de, taux, rate,
/// pct): its unit is then `Percent`, else an unbounded index.
pub fn percent_like(name: &str) -> bool {
    let lower = name.to_lowercase();
    ["%", "share", "part ", "part de", "taux", "rate", "pct"]
        .iter()
        .any(|k| lower.contains(k))
}

/// The names a catalogue record answers to in data files: its id, then its code
/// (regions), English and French names and aliases.
pub(crate) trait RecordNames: Keyed {
    /// Every name of the record, the id first.
    fn names(&self) -> impl Iterator<Item = &str>;
}

impl RecordNames for Region {
    fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str())
            .chain(self.iso.as_deref())
            .chain([self.name.en.as_str(), self.name.fr.as_str()])
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// Records named by id, English and French names and aliases.
macro_rules! names_and_aliases {
    ($($t:ty),*) => {$(
        impl RecordNames for $t {
            fn names(&self) -> impl Iterator<Item = &str> {
                [self.id.as_str(), self.name.en.as_str(), self.name.fr.as_str()]
                    .into_iter()
                    .chain(self.aliases.iter().map(String::as_str))
            }
        }
    )*};
}

names_and_aliases!(Channel, Segment);

impl RecordNames for Indicator {
    fn names(&self) -> impl Iterator<Item = &str> {
        [
            self.id.as_str(),
            self.name.en.as_str(),
            self.name.fr.as_str(),
        ]
        .into_iter()
    }
}

/// The record of `table` that `name` denotes: its id exactly, else any of its
/// [`RecordNames::names`] ignoring case, accents and punctuation (the first record wins).
fn find_named<T: RecordNames>(name: &str, table: &Table<T>) -> Option<Ix<T>> {
    if let Some(ix) = table.ix(name) {
        return Some(ix);
    }
    let n = fold_name(name);
    if n.is_empty() {
        return None;
    }
    table
        .iter_ix()
        .find(|(_, r)| r.names().any(|x| fold_name(x) == n))
        .map(|(ix, _)| ix)
}

/// Finds the region a name denotes: id, ISO code, alias, or English or French name
/// (ignoring case, accents and punctuation).
pub fn find_region(name: &str, catalog: &Dataset) -> Option<RegionIx> {
    find_named(name, catalog.regions())
}

/// Finds the channel a name denotes: id, alias or name (ignoring case and accents).
pub fn find_channel(name: &str, catalog: &Dataset) -> Option<ChannelIx> {
    find_named(name, catalog.channels())
}

/// Finds the segment a name denotes: id, alias or name (ignoring case and accents).
pub fn find_segment(name: &str, catalog: &Dataset) -> Option<SegmentIx> {
    find_named(name, catalog.segments())
}

/// Finds the indicator a name denotes: id or English or French name.
pub fn find_indicator(name: &str, catalog: &Dataset) -> Option<IndicatorIx> {
    find_named(name, catalog.indicators())
}

/// Names longer than this (in bytes, normalised) get no fuzzy suggestion: similarity costs
/// the product of the two lengths.
const MAX_FUZZY_BYTES: usize = 128;

/// Known regions a name may denote, best first, with a score in 0–1 (1: exact match on
/// id, ISO code, alias or name; below: fuzzy similarity of the names). A group that
/// contains a matched country is proposed after it ("Maroc" → morocco, then maghreb).
pub fn suggest_region(name: &str, catalog: &Dataset) -> Vec<(RegionId, f64)> {
    let n = fold_name(name);
    let mut scored: Vec<(RegionIx, f64)> = Vec::new();
    if n.is_empty() {
        return Vec::new();
    }
    for (ix, r) in catalog.regions().iter_ix() {
        let names = std::iter::once(r.id.as_str())
            .chain(r.iso.as_deref())
            .chain([r.name.en.as_str(), r.name.fr.as_str()])
            .chain(r.aliases.iter().map(String::as_str));
        let mut best = 0.0f64;
        for cand in names {
            let c = fold_name(cand);
            if c.is_empty() {
                continue;
            }
            let s = if c == n {
                1.0
            } else if c.len() <= 3
                || n.len() <= 3
                || n.len() > MAX_FUZZY_BYTES
                || c.len() > MAX_FUZZY_BYTES
            {
                0.0 // codes only match exactly; long names are not compared fuzzily
            } else {
                similarity(&n, &c)
            };
            best = best.max(s);
        }
        if best >= 0.8 {
            scored.push((ix, best));
        }
    }
    // groups containing a matched region
    let matched: Vec<(RegionIx, f64)> = scored.clone();
    for (ix, s) in matched {
        let Some(id) = catalog.regions().at(ix).map(|r| &r.id) else {
            continue;
        };
        for (gix, g) in catalog.regions().iter_ix() {
            if g.kind == RegionKind::Group && g.members.contains(id) {
                let gs = s * 0.9;
                match scored.iter_mut().find(|(i, _)| *i == gix) {
                    Some(e) => e.1 = e.1.max(gs),
                    None => scored.push((gix, gs)),
                }
            }
        }
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.truncate(5);
    scored
        .into_iter()
        .filter_map(|(ix, s)| Some((catalog.regions().at(ix)?.id.clone(), s)))
        .collect()
}

/// Similarity 0–1 of two normalised names, word by word: every word of the shorter name
/// must resemble a word of the other (so "south africa" is far from "north africa", while
/// "royame uni" stays close to "royaume uni"); the score is the weakest word match, and a
/// name contained whole in the other scores 0.85.
fn similarity(a: &str, b: &str) -> f64 {
    let wa: Vec<&str> = a.split(' ').filter(|w| !w.is_empty()).collect();
    let wb: Vec<&str> = b.split(' ').filter(|w| !w.is_empty()).collect();
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    let words = short
        .iter()
        .map(|w| {
            long.iter()
                .map(|v| {
                    if w == v {
                        1.0
                    } else {
                        strsim::jaro_winkler(w, v)
                    }
                })
                .fold(0.0, f64::max)
        })
        .fold(1.0, f64::min);
    let contained = if a.contains(b) || b.contains(a) {
        0.85
    } else {
        0.0
    };
    // names of different lengths in words are penalised a little per extra word
    let extra = (long.len() - short.len()) as f64 * 0.05;
    (words - extra).max(contained)
}

/// A free region id built from `name` (slug, suffixed when taken).
pub fn free_region_id(name: &str, ds: &Dataset) -> RegionId {
    RegionId::new(free_id(name, ds.regions()))
}

/// An id for a record named `name` that `table` does not hold yet: the name's slug, else
/// the slug with `_2`, `_3`, … appended.
pub(crate) fn free_id<T: Keyed>(name: &str, table: &Table<T>) -> String {
    let base = slug(name);
    if table.ix(&base).is_none() {
        return base;
    }
    (2..)
        .map(|k| format!("{base}_{k}"))
        .find(|c| table.ix(c).is_none())
        .unwrap_or(base)
}
